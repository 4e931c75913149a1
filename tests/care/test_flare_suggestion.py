"""When pain is worsening the app suggests flare-up mode; it never switches it on itself."""

import datetime

import pytest
import time_machine
from django.urls import reverse

from care.flare import flare_up_suggestion
from care.models import FlareUp
from tests.factories import ExerciseFactory, FlareUpFactory
from tests.workouts.progress_data import finished, logged

pytestmark = pytest.mark.django_db
NOW = datetime.datetime(2026, 3, 18, 9, 0, tzinfo=datetime.UTC)


@pytest.fixture(autouse=True)
def frozen():
    with time_machine.travel(NOW, tick=False):
        yield


def days_ago(n):
    return NOW - datetime.timedelta(days=n)


def stopped(user, when):
    entry = logged(finished(user, when), ExerciseFactory(), [])
    entry.stop_for_pain()
    return entry


def test_pain_after_sessions_rising_over_two_weeks_suggests_it(user):
    finished(user, days_ago(12), pain_after=2)
    finished(user, days_ago(9), pain_after=3)
    finished(user, days_ago(3), pain_after=4)

    suggestion = flare_up_suggestion(user)

    assert suggestion.reason == "rising"


@pytest.mark.parametrize(
    "afters",
    [
        [(12, 4), (3, 4)],  # steady
        [(12, 5), (3, 2)],  # easing
        [(3, 6)],  # only one week rated
        [(12, 2), (3, None)],  # the recent week not rated
        [(20, 1), (3, 6)],  # the earlier rating is more than two weeks old
    ],
)
def test_steady_easing_or_unrated_pain_suggests_nothing(user, afters):
    for days, after in afters:
        finished(user, days_ago(days), pain_after=after)

    assert flare_up_suggestion(user) is None


def test_zero_pain_counts_as_a_rating(user):
    finished(user, days_ago(10), pain_after=0)
    finished(user, days_ago(2), pain_after=1)

    assert flare_up_suggestion(user).reason == "rising"


def test_two_stops_for_pain_in_a_week_suggest_it(user):
    stopped(user, days_ago(1))
    stopped(user, days_ago(6))

    suggestion = flare_up_suggestion(user)

    assert suggestion.reason == "stops"
    assert "2 movements" in suggestion.message


def test_one_stop_or_stops_further_apart_suggest_nothing(user, other_user):
    stopped(user, days_ago(1))
    stopped(user, days_ago(8))
    stopped(other_user, days_ago(2))
    stopped(other_user, days_ago(3))

    assert flare_up_suggestion(user) is None


def test_today_shows_the_suggestion_with_a_link_and_switches_nothing_on(client, user):
    stopped(user, days_ago(1))
    stopped(user, days_ago(2))
    client.force_login(user)

    content = client.get(reverse("routines:today")).content.decode()

    assert "data-flare-suggestion" in content
    assert f'href="{reverse("care:flare_up")}"' in content
    assert not FlareUp.objects.exists()


def test_no_suggestion_while_a_flare_up_is_on(client, user):
    stopped(user, days_ago(1))
    stopped(user, days_ago(2))
    FlareUpFactory(user=user, started_on=datetime.date(2026, 3, 17))
    client.force_login(user)

    response = client.get(reverse("routines:today"))

    assert response.context["flare_suggestion"] is None
    assert "data-flare-up" in response.content.decode()
