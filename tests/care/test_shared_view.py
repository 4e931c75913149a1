"""What a professional sees through a share link, and everything they must not."""

import math
import re
from datetime import date, timedelta

import pytest
import time_machine
from django.urls import reverse
from django.utils import timezone

from accounts.models import Profile
from accounts.templatetags.weights import recorded
from care.models import TOKEN_BYTES, ShareLink, token_hash
from tests.factories import ExerciseFactory, FlareUpFactory, ShareLinkFactory
from tests.workouts.progress_data import at, finished, logged, pain_note

NOT_RECORDED = str(recorded(None))

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def frozen():
    with time_machine.travel("2026-03-18 09:00Z", tick=False):
        yield


def shared_url(token):
    return reverse("care:shared", args=[token])


@pytest.fixture
def march(user):
    """Sessions in February (outside a March link) and March, with notes of every kind."""
    profile = Profile.for_user(user)
    profile.weekly_target = 2
    profile.save()
    row = ExerciseFactory(name="Test row")
    old = finished(user, at(2026, 2, 2), pain_before=9, pain_after=9, notes="February secret")
    logged(old, row, [{"reps": 10, "weight": 99}])
    first = finished(user, at(2026, 3, 2), pain_before=0, pain_after=None, notes="Stiff morning")
    logged(first, row, [{"reps": 10, "weight": 0}])
    second = finished(user, at(2026, 3, 4), pain_before=4, pain_after=2)
    entry = logged(second, row, [{"reps": 10, "weight": "22.5"}])
    pain_note(entry=entry, intensity=0, areas=["between-shoulder-blades"], kind="numbness")
    stopped = logged(second, ExerciseFactory(name="Test pull-apart"), [])
    stopped.stop_for_pain()
    logged(second, ExerciseFactory(name="Test band row"), []).skip("time")
    return row


def test_a_token_has_at_least_128_bits(user):
    links = [
        ShareLink.create(
            user, name="x", rolling_weeks=4, expires_at=timezone.now() + timedelta(days=1)
        )
        for _ in range(20)
    ]
    tokens = [token for _, token in links]
    assert TOKEN_BYTES * 8 >= 128
    # token_urlsafe: 6 bits a character, and every token different.
    assert all(len(token) * 6 >= 128 for token in tokens)
    assert all(re.fullmatch(r"[A-Za-z0-9_-]+", token) for token in tokens)
    assert len(set(tokens)) == len(tokens)
    alphabet = set("".join(tokens))
    assert math.log2(len(alphabet)) > 5  # the whole url-safe alphabet is in use


def test_it_finds_a_link_by_the_hash_of_its_token_only(user, django_assert_num_queries):
    link = ShareLinkFactory(user=user)

    with django_assert_num_queries(1):
        found = ShareLink.find(link.token)

    assert found == link
    assert ShareLink.find(link.token_hash) is None  # the stored hash is not a key
    assert ShareLink.find(link.token[:-1]) is None
    assert ShareLink.find(link.token + "A") is None
    assert ShareLink.objects.filter(token_hash=token_hash(link.token)).exists()


def test_it_shows_the_report_read_only_with_private_headers(client, user, march):
    link = ShareLinkFactory(
        user=user,
        name="Dr Lee",
        rolling_weeks=None,
        start_date=date(2026, 3, 1),
        end_date=date(2026, 3, 14),
    )

    response = client.get(shared_url(link.token))

    assert response.status_code == 200
    assert response["Cache-Control"] == "private, no-store"
    assert response["X-Robots-Tag"] == "noindex, nofollow"
    assert response["Referrer-Policy"] == "no-referrer"
    content = response.content.decode()
    assert '<meta name="robots" content="noindex, nofollow">' in content
    assert "Mid-back training, 1 March 2026 to 14 March 2026" in content
    assert "<form" not in content
    assert "<nav" not in content
    # No link anywhere but to static files: nothing leads into the account.
    assert re.findall(r'href="(/[^"]*)"', content) == [
        h for h in re.findall(r'href="(/[^"]*)"', content) if h.startswith("/static/")
    ]


def test_it_shows_nothing_outside_the_chosen_dates(client, user, march):
    link = ShareLinkFactory(
        user=user, rolling_weeks=None, start_date=date(2026, 3, 1), end_date=date(2026, 3, 14)
    )

    response = client.get(shared_url(link.token))

    content = response.content.decode()
    assert response.context["sessions_done"] == 2
    assert "February secret" not in content
    assert "99" not in re.sub(r"<svg.*?</svg>", "", content, flags=re.S)
    assert "9 Feb" not in content and "2 Feb" not in content


def test_a_rolling_link_counts_back_from_today(client, user, march):
    link = ShareLinkFactory(user=user, rolling_weeks=2)

    response = client.get(shared_url(link.token))

    assert (response.context["start"], response.context["end"]) == (
        date(2026, 3, 5),
        date(2026, 3, 18),
    )
    assert response.context["sessions_done"] == 0


def test_zero_is_zero_and_not_recorded_is_said(client, user, march):
    link = ShareLinkFactory(
        user=user, rolling_weeks=None, start_date=date(2026, 3, 1), end_date=date(2026, 3, 14)
    )

    content = client.get(shared_url(link.token)).content.decode()

    # The 2 March session: pain before 0, pain after not recorded; a 0 kg set.
    assert re.search(
        r'<th scope="row">2 Mar 2026, \d\d:\d\d</th><td>0</td><td>' + re.escape(NOT_RECORDED),
        content,
    )
    assert "<td>22.5</td>" in content
    assert "Numbness or tingling 0/10" in content


def test_pain_kinds_locations_and_stops_read_as_words(client, user, march):
    link = ShareLinkFactory(
        user=user, rolling_weeks=None, start_date=date(2026, 3, 1), end_date=date(2026, 3, 14)
    )

    content = client.get(shared_url(link.token)).content.decode()

    text = re.sub(r"<[^>]*>", " ", content)  # the map's markup names areas by code
    assert "Between the shoulder blades" in text
    assert "between-shoulder-blades" not in text
    assert "Stopped for pain" in content
    assert "Skipped: Out of time" in content
    assert "Test pull-apart" in content


def test_session_notes_only_when_chosen(client, user, march):
    without = ShareLinkFactory(
        user=user, rolling_weeks=None, start_date=date(2026, 3, 1), end_date=date(2026, 3, 14)
    )
    with_notes = ShareLinkFactory(
        user=user,
        rolling_weeks=None,
        start_date=date(2026, 3, 1),
        end_date=date(2026, 3, 14),
        include_session_notes=True,
    )

    assert "Stiff morning" not in client.get(shared_url(without.token)).content.decode()
    assert "Stiff morning" in client.get(shared_url(with_notes.token)).content.decode()


def test_it_never_shows_another_persons_data(client, user, other_user, march):
    finished(other_user, at(2026, 3, 3), pain_before=7, notes="Other person's note")
    link = ShareLinkFactory(
        user=user,
        rolling_weeks=None,
        start_date=date(2026, 3, 1),
        end_date=date(2026, 3, 14),
        include_session_notes=True,
    )

    response = client.get(shared_url(link.token))

    assert response.context["sessions_done"] == 2
    assert "Other person" not in response.content.decode()
    assert other_user.get_username() not in response.content.decode()


def test_it_counts_each_opening(client, user):
    link = ShareLinkFactory(user=user)

    client.get(shared_url(link.token))
    with time_machine.travel("2026-03-19 10:30Z", tick=False):
        client.get(shared_url(link.token))

    link.refresh_from_db()
    assert link.open_count == 2
    assert link.last_opened_at.isoformat() == "2026-03-19T10:30:00+00:00"


@pytest.mark.parametrize("state", ["expired", "revoked", "unknown", "inactive owner"])
def test_a_dead_link_is_a_plain_404_and_is_not_counted(client, user, state):
    link = ShareLinkFactory(user=user)
    token = link.token
    if state == "expired":
        ShareLink.objects.filter(pk=link.pk).update(
            created_at=timezone.now() - timedelta(days=30), expires_at=timezone.now()
        )
    elif state == "revoked":
        link.revoke()
    elif state == "unknown":
        token = "A" * 43
    else:
        user.is_active = False
        user.save()

    response = client.get(shared_url(token))

    assert response.status_code == 404
    assert "Mid-back training" not in response.content.decode()
    link.refresh_from_db()
    assert link.open_count == 0


def test_a_link_opens_no_account_page(client, user):
    link = ShareLinkFactory(user=user)
    client.get(shared_url(link.token))

    for name in ("routines:today", "workouts:report", "workouts:history", "care:share_list"):
        assert client.get(reverse(name)).status_code == 302  # to the login page
    assert client.get(reverse("workouts:export_json")).status_code == 302


def test_flare_ups_show_in_the_shared_report_and_on_its_charts(client, user, march):
    FlareUpFactory(user=user, started_on=date(2026, 3, 3), ends_on=date(2026, 3, 9))
    FlareUpFactory(user=user, started_on=date(2026, 1, 3), ends_on=date(2026, 1, 9))
    link = ShareLinkFactory(
        user=user, rolling_weeks=None, start_date=date(2026, 3, 1), end_date=date(2026, 3, 14)
    )

    response = client.get(shared_url(link.token))

    content = response.content.decode()
    assert "3 Mar 2026 to 9 Mar 2026 (7 days)" in content
    assert "3 Jan 2026" not in content
    assert content.count('class="chart-flare"') == 3  # two weeks of bars, one pain point


def test_its_query_count_does_not_grow_with_sessions(client, user, django_assert_num_queries):
    rows = [ExerciseFactory(name=f"Test move {n}") for n in range(6)]
    for day in range(1, 28):
        session = finished(user, at(2026, 2, day), pain_before=3, pain_after=2, notes="Fine")
        for row in rows:
            entry = logged(session, row, [{"reps": 10, "weight": 20}] * 2)
            pain_note(entry=entry, intensity=2)
        entry.stop_for_pain()
        FlareUpFactory(user=user, started_on=date(2026, 2, day), ends_on=date(2026, 2, day))
    link = ShareLinkFactory(
        user=user,
        rolling_weeks=None,
        start_date=date(2026, 2, 1),
        end_date=date(2026, 2, 28),
        include_session_notes=True,
    )
    Profile.for_user(user)

    # the link, the open count (update and re-read), profile, sessions a week, sets a week,
    # pain, flare-ups, loads, session notes, pain notes, skipped and stopped movements
    # 12, and the day ratings on the pain chart (2) and the areas of the check-ins (1).
    with django_assert_num_queries(15):
        response = client.get(shared_url(link.token))

    assert response.context["sessions_done"] == 27
    assert len(response.context["closed_movements"]) == 27
