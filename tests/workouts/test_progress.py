import re
from datetime import UTC, date, timedelta
from decimal import Decimal
from zoneinfo import ZoneInfo

import pytest
from django.urls import reverse
from django.utils import timezone

from accounts.models import Profile
from exercises.models import Kind
from tests.factories import ExerciseFactory, WorkoutSessionFactory
from tests.workouts.progress_data import at, finished, logged
from workouts.charts import pain_chart, sessions_chart
from workouts.progress import Period, pain_series, weekly_stats

pytestmark = pytest.mark.django_db
URL = reverse("workouts:progress")


def test_it_counts_finished_sessions_per_week(user, other_user):
    period = Period(date(2026, 1, 5), 3, UTC)  # Mondays 5, 12 and 19 January
    finished(user, at(2026, 1, 5, 8))
    finished(user, at(2026, 1, 11, 20))
    finished(user, at(2026, 1, 19, 9))
    finished(user, at(2026, 1, 26, 9))  # after the period
    finished(user, at(2026, 1, 4, 9))  # before it
    finished(other_user, at(2026, 1, 6, 9))
    WorkoutSessionFactory(user=user, started_at=at(2026, 1, 19, 18))  # still in progress

    stats = weekly_stats(user, period, target=2)

    assert [s.week for s in stats] == [date(2026, 1, 5), date(2026, 1, 12), date(2026, 1, 19)]
    assert [s.sessions for s in stats] == [2, 0, 1]
    assert [s.met_target for s in stats] == [True, False, False]


@pytest.mark.parametrize(
    ("zone", "week"),
    [
        ("America/New_York", date(2026, 1, 5)),  # Sunday evening there
        ("UTC", date(2026, 1, 12)),
        ("Pacific/Auckland", date(2026, 1, 12)),  # Monday afternoon there
    ],
)
def test_it_buckets_weeks_in_the_users_time_zone(user, zone, week):
    finished(user, at(2026, 1, 12, 2))  # Monday 02:00 UTC
    period = Period(date(2026, 1, 5), 2, ZoneInfo(zone))

    stats = weekly_stats(user, period)

    assert {s.week: s.sessions for s in stats}[week] == 1


def test_it_sums_volume_reps_and_hold_time_per_week(user):
    row = ExerciseFactory()
    pose = ExerciseFactory(kind=Kind.MOBILITY, reps_min=None, reps_max=None, hold_seconds=30)
    first = finished(user, at(2026, 1, 6))
    logged(first, row, [{"reps": 10, "weight": 20}, {"reps": 8, "weight": "22.5"}])
    logged(first, pose, [{"hold_seconds": 30}, {"hold_seconds": 45}])
    second = finished(user, at(2026, 1, 14))
    logged(second, row, [{"reps": 12}])  # bodyweight: reps but no load

    stats = weekly_stats(user, Period(date(2026, 1, 5), 2, UTC))

    assert stats[0].volume == Decimal("380")
    assert stats[0].reps == 18
    assert stats[0].hold_seconds == 75
    assert stats[1].volume == 0
    assert stats[1].reps == 12
    assert stats[1].hold_seconds == 0


def test_it_lists_pain_before_and_after_in_order(user, other_user):
    zone = ZoneInfo("Europe/Paris")
    finished(user, at(2026, 2, 3), pain_before=5, pain_after=3)
    finished(user, at(2026, 2, 1, 23, 30), pain_before=6)  # 2 February in Paris
    finished(user, at(2026, 2, 5))  # no ratings
    finished(other_user, at(2026, 2, 2), pain_before=9, pain_after=9)
    start, end = at(2026, 2, 1, 0), at(2026, 3, 1, 0)

    with timezone.override(zone):
        points = pain_series(user, start, end)

    assert [(p.day, p.before, p.after) for p in points] == [
        (date(2026, 2, 2), 6, None),
        (date(2026, 2, 3), 5, 3),
    ]


def test_the_sessions_chart_draws_a_bar_a_week_and_the_target_line(user):
    finished(user, at(2026, 1, 6))
    finished(user, at(2026, 1, 7))
    stats = weekly_stats(user, Period(date(2026, 1, 5), 4, UTC), target=2)

    chart = sessions_chart(stats, 2)

    assert len(chart.bars) == 4
    assert [bar.highlight for bar in chart.bars] == [True, False, False, False]
    assert chart.bars[0].height > 0
    assert chart.bars[1].height == 0
    assert chart.target_y is not None
    assert "target of 2" in str(chart.desc)
    assert "met in 1" in str(chart.desc)


def test_the_pain_chart_breaks_the_line_where_a_rating_is_missing(user):
    for day, before in [(2, 4), (3, None), (4, 2), (5, 1)]:
        finished(user, at(2026, 2, day), pain_before=before, pain_after=1)
    points = pain_series(user, at(2026, 2, 1), at(2026, 3, 1))

    chart = pain_chart(points)

    before, after = chart.series
    assert len(before.points) == 3
    assert len(before.segments) == 2
    assert len(after.segments) == 1
    assert len(after.points) == 4


def test_two_sessions_on_one_day_share_one_axis_label_and_keep_their_times(user):
    finished(user, at(2026, 12, 1, 8, 30), pain_before=5, pain_after=3)
    finished(user, at(2026, 12, 1, 18, 0), pain_before=4, pain_after=2)
    finished(user, at(2026, 12, 3, 9, 0), pain_before=3, pain_after=1)
    points = pain_series(user, at(2026, 12, 1, 0), at(2026, 12, 8, 0))

    chart = pain_chart(points)

    assert [tick.label for tick in chart.x_labels] == ["1 Dec", "3 Dec"]
    before = chart.series[0].points
    assert [point.text for point in before] == [
        "1 Dec, 08:30: before 5",
        "1 Dec, 18:00: before 4",
        "3 Dec, 09:00: before 3",
    ]
    assert before[0].x < chart.x_labels[0].at < before[1].x  # the label sits between the two
    assert len({point.x for point in before}) == 3


# The page ------------------------------------------------------------------------------


def test_it_sends_anonymous_people_to_log_in(client):
    assert client.get(URL).status_code == 302


def _a_month_of_training(user):
    row = ExerciseFactory(name="Seated row")
    now = timezone.now()
    for days in (1, 3, 8, 10, 15):
        session = finished(user, now - timedelta(days=days), pain_before=4, pain_after=2)
        logged(session, row, [{"reps": 10, "weight": 20}] * 3)
    return row


def test_it_draws_the_three_charts_with_accessible_names(client, user):
    _a_month_of_training(user)
    client.force_login(user)

    content = client.get(URL).content.decode()

    svgs = re.findall(r"<svg[^>]*>", content)
    assert len(svgs) == 3  # sessions, pain, volume (no holds logged, so no hold chart)
    assert all('role="img"' in svg and "aria-labelledby" in svg for svg in svgs)
    for chart_id in ("sessions-chart", "pain-chart", "volume-chart"):
        assert f'<title id="{chart_id}-title">' in content
        assert f'<desc id="{chart_id}-desc">' in content
    assert "style=" not in content
    assert "5 sessions over 12 weeks" in content
    assert "<table>" in content


def test_it_shows_the_owner_nothing_of_anyone_else(client, user, other_user):
    _a_month_of_training(user)
    client.force_login(other_user)

    content = client.get(URL).content.decode()

    assert "0 sessions over 12 weeks" in content
    assert "Seated row" not in content
    assert "No pain ratings in this period yet" in content


def test_it_uses_the_weekly_target_from_the_profile(client, user):
    profile = Profile.for_user(user)
    profile.weekly_target = 5
    profile.save()
    client.force_login(user)

    assert "Target: 5 a week" in client.get(URL).content.decode()


@pytest.mark.parametrize(("weeks", "expected"), [("4", "over 4 weeks"), ("52", "over 52 weeks")])
def test_it_shows_the_chosen_period(client, user, weeks, expected):
    client.force_login(user)

    assert expected in client.get(URL, {"weeks": weeks}).content.decode()


@pytest.mark.parametrize("weeks", ["5", "abc", "-1", "99999999999"])
def test_it_falls_back_to_twelve_weeks_for_a_bad_period(client, user, weeks):
    client.force_login(user)

    response = client.get(URL, {"weeks": weeks})

    assert response.status_code == 200
    assert "over 12 weeks" in response.content.decode()


def test_it_returns_only_the_charts_for_htmx(client, user):
    client.force_login(user)

    response = client.get(URL, {"weeks": "4"}, headers={"HX-Request": "true"})

    content = response.content.decode()
    assert "<html" not in content
    assert "sessions-chart-title" in content
    assert "Your movements" not in content


def test_it_links_each_logged_movement_to_its_history(client, user):
    row = _a_month_of_training(user)
    client.force_login(user)

    content = client.get(URL).content.decode()

    assert reverse("workouts:movement_history", args=[row.slug]) in content
    assert "15 sets" in content


def test_its_query_count_does_not_grow_with_movements_or_sessions(
    client, user, django_assert_num_queries
):
    exercises = ExerciseFactory.create_batch(8)
    now = timezone.now()
    for days in range(1, 80, 2):
        session = finished(user, now - timedelta(days=days), pain_before=3, pain_after=2)
        for exercise in exercises:
            logged(session, exercise, [{"reps": 10, "weight": 20}] * 3, planned_weight=20)
    Profile.for_user(user)
    client.force_login(user)

    # session, user, profile, sessions a week, sets a week, pain, flare-ups, four for the
    # suggestions, movements
    # 12, and the day ratings on the pain chart: notes outside sessions and check-ins.
    with django_assert_num_queries(14):
        response = client.get(URL)

    assert len(response.context["suggestions"]) == 8
