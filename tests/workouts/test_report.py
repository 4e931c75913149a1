import re
from datetime import date

import pytest
import time_machine
from django.urls import reverse

from accounts.models import Profile
from accounts.templatetags.weights import recorded
from tests.factories import ExerciseFactory
from tests.workouts.progress_data import at, finished, logged, pain_note

NOT_RECORDED = str(recorded(None))

pytestmark = pytest.mark.django_db
URL = reverse("workouts:report")


@pytest.fixture
def march(user):
    """Two weeks of March 2026: three sessions, one pain note, one session note."""
    profile = Profile.for_user(user)
    profile.weekly_target = 2
    profile.save()
    row = ExerciseFactory(name="Seated row")
    first = finished(user, at(2026, 3, 2), pain_before=5, pain_after=3, notes="Stiff morning")
    logged(first, row, [{"reps": 10, "weight": 20}, {"reps": 10, "weight": 20}])
    second = finished(user, at(2026, 3, 4), pain_before=4, pain_after=2)
    entry = logged(second, row, [{"reps": 10, "weight": "22.5"}])
    pain_note(entry=entry, intensity=3, kind="tightness", timing="during", text="left side")
    third = finished(user, at(2026, 3, 10), pain_before=3, pain_after=1)
    logged(third, row, [{"reps": 12, "weight": "22.5"}])
    finished(user, at(2026, 4, 20), notes="outside the range")
    return row


def test_it_sends_anonymous_people_to_log_in(client):
    assert client.get(URL).status_code == 302


@time_machine.travel("2026-03-15 12:00Z")
def test_it_shows_the_last_four_weeks_by_default(client, user):
    client.force_login(user)

    response = client.get(URL)

    assert response.status_code == 200
    form = response.context["form"]
    assert (form.cleaned_data["start"], form.cleaned_data["end"]) == (
        date(2026, 2, 16),
        date(2026, 3, 15),
    )
    assert "Mid-back training, 16 February 2026 to 15 March 2026" in response.content.decode()


def test_it_reports_adherence_pain_loads_and_notes(client, user, march):
    client.force_login(user)

    response = client.get(URL, {"start": "2026-03-01", "end": "2026-03-14"})

    content = response.content.decode()
    assert response.context["sessions_done"] == 3
    assert [s.sessions for s in response.context["stats"]] == [0, 2, 1]  # weeks of 23 Feb, 2, 9 Mar
    assert response.context["weeks_met"] == 1
    assert "3 sessions done in 3 weeks, against a target of 2 a week" in content
    one = client.get(URL, {"start": "2026-03-09", "end": "2026-03-14"}).content.decode()
    assert "1 session done in 1 week, against a target of 2 a week" in one
    assert "Average pain (0 to 10): 4.0 before sessions, 2.0 after." in content
    (load,) = response.context["loads"]
    assert load["entry__exercise__name"] == "Seated row"
    assert (load["sessions"], load["set_count"], load["total_reps"]) == (3, 4, 42)
    assert load["best_weight"] == 22.5
    assert load["volume"] == 10 * 20 * 2 + 10 * 22.5 + 12 * 22.5
    assert "Stiff morning" in content
    assert "left side" in content
    assert "outside the range" not in content
    assert 'id="report-sessions-title"' in content
    assert 'id="report-pain-title"' in content


def test_it_has_a_print_stylesheet_and_button(client, user):
    client.force_login(user)

    content = client.get(URL).content.decode()

    assert "css/progress" in content
    assert "js/print" in content
    assert "data-print hidden" in content
    assert "Print command" in content


def test_it_shows_the_owner_nothing_of_anyone_else(client, other_user, march):
    client.force_login(other_user)

    response = client.get(URL, {"start": "2026-03-01", "end": "2026-03-14"})

    content = response.content.decode()
    assert response.context["sessions_done"] == 0
    assert "Seated row" not in content
    assert "Stiff morning" not in content


@pytest.mark.parametrize(
    ("start", "end", "message"),
    [
        ("2026-03-14", "2026-03-01", "The end date is before the start date."),
        ("2023-01-01", "2026-03-01", "Choose at most two years for one report."),
        ("1890-01-01", "1890-02-01", "Choose a date between 2000 and"),
        ("2026-01-01", "9999-12-31", "Choose a date between 2000 and"),
        ("2026-02-30", "2026-03-01", "Enter a valid date."),
        ("", "2026-03-01", "This field is required."),
    ],
)
def test_it_explains_a_bad_date_range(client, user, start, end, message):
    client.force_login(user)

    response = client.get(URL, {"start": start, "end": end})

    content = response.content.decode()
    assert response.status_code == 200
    assert message in content
    assert "Adherence" not in content


def test_it_returns_only_the_report_for_htmx(client, user, march):
    client.force_login(user)

    response = client.get(
        URL, {"start": "2026-03-01", "end": "2026-03-14"}, headers={"HX-Request": "true"}
    )

    content = response.content.decode()
    assert "<html" not in content
    assert "Adherence" in content
    assert "Download your data" not in content


def test_it_returns_the_form_with_errors_for_htmx(client, user):
    client.force_login(user)

    response = client.get(
        URL, {"start": "2026-03-14", "end": "2026-03-01"}, headers={"HX-Request": "true"}
    )

    assert response.status_code == 200
    assert "The end date is before the start date." in response.content.decode()


def test_zero_pain_and_a_zero_weight_read_as_zero_not_as_missing(client, user):
    row = ExerciseFactory(name="Test bodyweight row")
    session = finished(user, at(2026, 3, 2), pain_before=0, pain_after=None)
    logged(session, row, [{"reps": 8, "weight": 0}])
    client.force_login(user)

    content = client.get(URL, {"start": "2026-03-01", "end": "2026-03-14"}).content.decode()

    assert re.search(
        r'<th scope="row">2 Mar 2026, \d\d:\d\d</th><td>0</td><td>' + re.escape(NOT_RECORDED),
        content,
    )
    assert f"<td>8</td><td>0</td><td>{NOT_RECORDED}</td><td>0</td>" in content
