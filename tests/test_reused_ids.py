"""A database restored from a backup hands out ids again while the cache keeps what their
earlier holders saw: a new account never sees a page cached for the id's earlier holder."""

from datetime import UTC, datetime, timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from tests.factories import (
    ExerciseFactory,
    RoutineFactory,
    ScheduledSessionFactory,
    UserFactory,
)
from tests.workouts.progress_data import finished, logged
from workouts.models import CheckIn

pytestmark = pytest.mark.django_db


def test_a_new_account_with_a_reused_id_sees_none_of_the_pages_cached_for_the_earlier_one(
    client,
):
    earlier = UserFactory()
    row = ExerciseFactory(name="Zz earlier row", kind="strength")
    logged(finished(earlier, datetime.now(UTC) - timedelta(days=1)), row, [{"reps": 9}])
    routine = RoutineFactory(user=earlier, name="Zz earlier plan")
    ScheduledSessionFactory(user=earlier, routine=routine, start_date=timezone.localdate())
    CheckIn.objects.create(user=earlier, day=timezone.localdate(), rating=7)
    client.force_login(earlier)
    pages = [reverse(name) for name in ("workouts:history", "workouts:progress", "routines:today")]
    for url in pages:
        assert client.get(url).status_code == 200  # cached now
    assert "Zz earlier row" in client.get(pages[0]).content.decode()
    assert "Zz earlier plan" in client.get(pages[2]).content.decode()
    reused = earlier.pk
    earlier.delete()

    newcomer = UserFactory(id=reused)
    client.force_login(newcomer)
    for url in pages:
        page = client.get(url).content.decode()
        assert "Zz earlier row" not in page, url
        assert "Zz earlier plan" not in page, url
    assert 'aria-pressed="true"' not in client.get(pages[2]).content.decode()
