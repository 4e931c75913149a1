"""Today once failed with "'counter' argument to 'blocktranslate' tag must be a number".

The week's counts feed `{% blocktranslate count %}`, which raises (a 500) when its counter
is not a number. That happened while the template already asked for `week.strength_count`
and the running code's Week did not have it yet: a missing value renders as "" in a
template. The counts now fall back to 0, and Today shows both counts.
"""

import datetime
from types import SimpleNamespace

import pytest
import time_machine
from django.template.loader import render_to_string
from django.test import RequestFactory
from django.urls import reverse

from routines.models import Purpose
from tests.factories import RoutineFactory, ScheduledSessionFactory

NOW = datetime.datetime(2026, 3, 4, 10, 0, tzinfo=datetime.UTC)  # Wednesday
MON = datetime.date(2026, 3, 2)


@pytest.fixture(autouse=True)
def frozen():
    with time_machine.travel(NOW, tick=False):
        yield


@pytest.mark.django_db
def test_today_counts_the_strength_sessions_of_the_week(client, user):
    rows = RoutineFactory(user=user, name="Rows", purpose=Purpose.STRENGTH)
    stretch = RoutineFactory(user=user, name="Stretches", purpose=Purpose.MOBILITY)
    ScheduledSessionFactory(user=user, routine=rows, start_date=MON, weekdays="02")
    ScheduledSessionFactory(user=user, routine=stretch, start_date=MON, weekdays="4")
    client.force_login(user)

    response = client.get(reverse("routines:today"))

    assert response.status_code == 200
    assert "3 sessions planned" in response.text
    assert "2 of them are strength work." in response.text


@pytest.mark.django_db
@pytest.mark.parametrize("template", ["routines/today.html", "routines/week.html"])
def test_a_week_without_counts_still_renders(user, template):
    request = RequestFactory().get("/")
    request.user = user
    week = SimpleNamespace(start=MON, days=[], count=2, target=3, warnings=[])  # no strength_count

    html = render_to_string(template, {"week": week, "today": MON}, request=request)

    assert "2 sessions planned, your target is 3." in html
    assert "0 of them are strength work." in html
