import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse

from accounts.models import Profile
from routines.models import Routine, RoutineItem, ScheduledSession
from tests.factories import (
    PASSWORD,
    PainNoteFactory,
    RoutineItemFactory,
    ScheduledSessionFactory,
    SetLogFactory,
)
from workouts.models import PainNote, SessionExercise, SetLog, WorkoutSession

pytestmark = pytest.mark.django_db

URL = reverse("accounts:delete")


def _give_them_data(user):
    Profile.for_user(user)
    item = RoutineItemFactory(routine__user=user)
    ScheduledSessionFactory(user=user, routine=item.routine)
    entry = SetLogFactory(entry__session__user=user, entry__session__routine=item.routine).entry
    PainNoteFactory(user=user, session=entry.session, entry=entry)


def _counts():
    return {
        model.__name__: model.objects.count()
        for model in (
            Profile,
            Routine,
            RoutineItem,
            ScheduledSession,
            WorkoutSession,
            SessionExercise,
            SetLog,
            PainNote,
        )
    }


def test_it_sends_visitors_to_log_in(client):
    response = client.post(URL, {"password": PASSWORD})

    assert response.status_code == 302
    assert response.url.startswith(reverse("login"))


@pytest.mark.real_login
def test_it_asks_for_the_password_again_before_deleting(client, user):
    from tests.accounts.two_factor import confirm_password, log_in_with_password

    _give_them_data(user)
    log_in_with_password(client, user)
    assert client.get(URL).status_code == 200  # the page itself opens freely

    response = client.post(URL, {"confirm": "on"})

    assert response.status_code == 302
    assert response.url.startswith(reverse("account_reauthenticate"))
    assert get_user_model().objects.filter(pk=user.pk).exists()
    wrong = confirm_password(client, "not-it")
    assert wrong.status_code == 200
    assert get_user_model().objects.filter(pk=user.pk).exists()
    confirm_password(client)
    client.post(URL, {"confirm": "on"})
    assert not get_user_model().objects.filter(pk=user.pk).exists()


def test_guessing_the_password_to_delete_stops_at_the_limit(client, user):
    from tests.accounts.two_factor import confirm_password

    client.force_login(user)
    statuses = [confirm_password(client, f"guess-{n}").status_code for n in range(12)]

    assert 429 in statuses
    assert confirm_password(client).status_code == 429


def test_without_the_box_ticked_nothing_is_deleted(client, user):
    _give_them_data(user)
    client.force_login(user)
    before = _counts()

    response = client.post(URL, {})

    assert response.status_code == 200
    assert b"Tick the box to confirm" in response.content
    assert get_user_model().objects.filter(pk=user.pk).exists()
    assert _counts() == before


def test_it_deletes_them_and_all_their_data_and_logs_out(client, user, other_user):
    _give_them_data(user)
    _give_them_data(other_user)
    starters = Routine.objects.filter(is_starter=True).count()
    client.force_login(user)

    response = client.post(URL, {"confirm": "on"}, follow=True)

    assert response.redirect_chain[-1][0] == reverse("home")
    assert b"Your account and everything in it are deleted." in response.content
    assert not get_user_model().objects.filter(pk=user.pk).exists()
    assert not Routine.objects.filter(user_id=user.pk).exists()
    assert not ScheduledSession.objects.filter(user_id=user.pk).exists()
    assert not WorkoutSession.objects.filter(user_id=user.pk).exists()
    assert not PainNote.objects.filter(user_id=user.pk).exists()
    assert not Profile.objects.filter(user_id=user.pk).exists()
    # The other person's things, and the shared starter routines, are untouched.
    assert _counts() == {
        "Profile": 1,
        "Routine": 1 + starters,
        "RoutineItem": 1 + RoutineItem.objects.filter(routine__is_starter=True).count(),
        "ScheduledSession": 1,
        "WorkoutSession": 1,
        "SessionExercise": 1,
        "SetLog": 1,
        "PainNote": 1,
    }
    assert client.get(reverse("accounts:settings")).status_code == 302
