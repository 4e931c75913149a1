"""Flare-up periods shade the weeks and sessions they cover on the progress charts."""

import datetime

import pytest
import time_machine
from django.urls import reverse

from tests.factories import FlareUpFactory
from tests.workouts.progress_data import at, finished
from workouts.charts import pain_chart
from workouts.progress import PainPoint

pytestmark = pytest.mark.django_db
D = datetime.date


@time_machine.travel("2026-03-18 09:00Z", tick=False)
def test_the_progress_page_shades_flare_up_weeks_and_sessions(client, user, other_user):
    finished(user, at(2026, 3, 3), pain_before=4, pain_after=5)
    finished(user, at(2026, 3, 12), pain_before=2, pain_after=1)
    FlareUpFactory(user=user, started_on=D(2026, 3, 2), ends_on=D(2026, 3, 6))
    FlareUpFactory(user=other_user, started_on=D(2026, 3, 9), ends_on=D(2026, 3, 15))
    client.force_login(user)

    response = client.get(reverse("workouts:progress"), {"weeks": "4"})

    sessions = response.context["sessions_chart"]
    assert [b.text for b in sessions.bands] == ["Flare-up"]
    band, bar = sessions.bands[0], sessions.bars[1]  # the week of 2 March
    assert band.x < bar.x and bar.x + bar.width < band.x + band.width
    assert len(response.context["pain_chart"].bands) == 1
    content = response.content.decode()
    assert content.count('class="chart-flare"') == 2
    assert "legend-flare" in content


def test_neighbouring_flare_up_sessions_share_one_band():
    flare = FlareUpFactory.build(started_on=D(2026, 3, 2), ends_on=D(2026, 3, 8))
    points = [PainPoint(datetime.datetime(2026, 3, d, 9, 0), 3, 3) for d in (1, 3, 5, 7, 9)]

    chart = pain_chart(points, flare_ups=[flare])

    [band] = chart.bands
    inside = [p.x for p in chart.series[0].points[1:4]]
    outside = [p.x for p in (chart.series[0].points[0], chart.series[0].points[4])]
    assert all(band.x < x < band.x + band.width for x in inside)
    assert not any(band.x <= x <= band.x + band.width for x in outside)
