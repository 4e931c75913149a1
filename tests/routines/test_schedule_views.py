"""Planning sessions: the plan form, the list of plans, moving and skipping one session."""

import datetime

import pytest
import time_machine
from django.urls import reverse

from routines.models import OccurrenceChange, Purpose, ScheduledSession
from tests.factories import OccurrenceChangeFactory, RoutineFactory, ScheduledSessionFactory

D = datetime.date
NOW = datetime.datetime(2026, 3, 4, 10, 0, tzinfo=datetime.UTC)  # a Wednesday
MON = D(2026, 3, 2)


@pytest.fixture(autouse=True)
def frozen():
    with time_machine.travel(NOW, tick=False):
        yield


@pytest.fixture
def routine(user):
    return RoutineFactory(user=user, name="Morning rows", purpose=Purpose.STRENGTH)


def plan(client, follow=False, **data):
    return client.post(reverse("routines:schedule_create"), data, follow=follow)


@pytest.mark.django_db
class TestScheduleCreate:
    def test_it_sends_anonymous_visitors_to_log_in(self, client):
        response = client.get(reverse("routines:schedule_create"))

        assert response.status_code == 302
        assert response["Location"].startswith(reverse("login"))

    def test_it_shows_the_form_with_my_routines_only(self, client, user, other_user, routine):
        theirs = RoutineFactory(user=other_user, name="Not mine")
        client.force_login(user)

        response = client.get(reverse("routines:schedule_create"))

        assert response.status_code == 200
        assert routine.name in response.text
        assert theirs.name not in response.text
        assert 'name="weekdays"' in response.text

    def test_it_preselects_a_routine_of_mine_from_the_query(self, client, user, routine):
        client.force_login(user)

        response = client.get(reverse("routines:schedule_create"), {"routine": routine.pk})

        assert response.context["form"].initial["routine"] == routine

    @pytest.mark.parametrize("value", ["²", "①", "2²", "١", str(2**63)])
    def test_it_ignores_a_routine_id_that_is_not_a_plain_number(self, client, user, value):
        client.force_login(user)

        response = client.get(reverse("routines:schedule_create"), {"routine": value})

        assert response.status_code == 200
        assert "routine" not in response.context["form"].initial

    def test_it_ignores_someone_elses_routine_in_the_query(self, client, user, other_user):
        theirs = RoutineFactory(user=other_user)
        client.force_login(user)

        response = client.get(reverse("routines:schedule_create"), {"routine": theirs.pk})

        assert response.status_code == 200
        assert "routine" not in response.context["form"].initial

    def test_it_plans_a_weekly_pattern_and_shows_its_week(self, client, user, routine):
        client.force_login(user)

        response = plan(
            client,
            routine=routine.pk,
            start_date="2026-03-02",
            time="07:00",
            weekdays=["0", "2", "4"],
        )

        schedule = ScheduledSession.objects.get()
        assert (schedule.user, schedule.routine, schedule.weekdays) == (user, routine, "024")
        assert schedule.time == datetime.time(7)
        assert response.status_code == 302
        assert response["Location"] == reverse("routines:week") + "?start=2026-03-02"

    def test_it_plans_a_single_session_without_a_time(self, client, user, routine):
        client.force_login(user)

        plan(client, routine=routine.pk, start_date="2026-03-05")

        schedule = ScheduledSession.objects.get()
        assert (schedule.weekdays, schedule.time) == ("", None)

    def test_it_warns_but_saves_when_strength_lands_on_consecutive_days(
        self, client, user, routine
    ):
        client.force_login(user)

        response = plan(
            client,
            routine=routine.pk,
            start_date="2026-03-02",
            weekdays=["0", "1", "3"],
            follow=True,
        )

        assert ScheduledSession.objects.count() == 1
        assert response.text.count("back to back") == 1  # in the week's advice, not twice

    def test_it_refuses_a_date_in_year_9999_with_a_clear_message(self, client, user, routine):
        client.force_login(user)

        response = plan(client, routine=routine.pk, start_date="9999-12-31")

        assert response.status_code == 200
        assert "between the years 2000 and 2100" in response.text
        assert not ScheduledSession.objects.exists()

    @pytest.mark.parametrize("bad", ["1999-12-31", "2101-01-01", "31/12/2026", "2026-02-30"])
    def test_it_refuses_dates_out_of_range_or_unreadable(self, client, user, routine, bad):
        client.force_login(user)

        response = plan(client, routine=routine.pk, start_date=bad)

        assert response.status_code == 200
        assert response.context["form"].errors["start_date"]
        assert not ScheduledSession.objects.exists()

    def test_it_refuses_a_weekday_that_does_not_exist(self, client, user, routine):
        client.force_login(user)

        response = plan(client, routine=routine.pk, start_date="2026-03-02", weekdays=["7"])

        assert response.status_code == 200
        assert "Choose weekdays from Monday to Sunday." in response.text
        assert not ScheduledSession.objects.exists()

    def test_it_refuses_someone_elses_routine(self, client, user, other_user):
        theirs = RoutineFactory(user=other_user)
        client.force_login(user)

        response = plan(client, routine=theirs.pk, start_date="2026-03-02")

        assert response.status_code == 200
        assert "Choose one of your own routines." in response.text
        assert not ScheduledSession.objects.exists()

    def test_it_refuses_a_time_that_is_not_a_time(self, client, user, routine):
        client.force_login(user)

        response = plan(client, routine=routine.pk, start_date="2026-03-02", time="25:99")

        assert "Enter a time like 07:30." in response.text

    def test_it_returns_the_form_fragment_with_errors_for_htmx(self, client, user, routine):
        client.force_login(user)

        response = client.post(
            reverse("routines:schedule_create"),
            {"routine": routine.pk, "start_date": "9999-01-01"},
            headers={"HX-Request": "true"},
        )

        assert response.status_code == 200
        assert "between the years 2000 and 2100" in response.text
        assert "<html" not in response.text
        assert 'name="start_date"' in response.text

    def test_it_tells_htmx_to_go_to_the_week_after_saving(self, client, user, routine):
        client.force_login(user)

        response = client.post(
            reverse("routines:schedule_create"),
            {"routine": routine.pk, "start_date": "2026-03-10", "weekdays": ["1"]},
            headers={"HX-Request": "true"},
        )

        assert response["HX-Redirect"] == reverse("routines:week") + "?start=2026-03-09"


@pytest.mark.django_db
class TestScheduleListAndDelete:
    def test_it_lists_my_plans_only(self, client, user, other_user):
        mine = ScheduledSessionFactory(user=user, weekdays="024", start_date=MON)
        theirs = ScheduledSessionFactory(user=other_user)
        client.force_login(user)

        response = client.get(reverse("routines:schedule_list"))

        assert mine.routine.name in response.text
        assert "Monday, Wednesday, Friday" in response.text
        assert theirs.routine.name not in response.text

    def test_it_deletes_my_plan(self, client, user):
        schedule = ScheduledSessionFactory(user=user)
        client.force_login(user)

        response = client.post(reverse("routines:schedule_delete", args=[schedule.pk]))

        assert response.status_code == 302
        assert not ScheduledSession.objects.exists()

    def test_it_will_not_delete_someone_elses_plan(self, client, user, other_user):
        schedule = ScheduledSessionFactory(user=other_user)
        client.force_login(user)

        response = client.post(reverse("routines:schedule_delete", args=[schedule.pk]))

        assert response.status_code == 404
        assert ScheduledSession.objects.filter(pk=schedule.pk).exists()

    def test_delete_asks_first_on_a_page_of_its_own(self, client, user):
        schedule = ScheduledSessionFactory(user=user)
        client.force_login(user)

        response = client.get(reverse("routines:schedule_list"))
        url = reverse("routines:schedule_delete", args=[schedule.pk])
        assert f'href="{url}"' in response.text
        assert "hx-confirm" not in response.text
        response = client.get(url)

        assert response.status_code == 200
        assert "Delete this plan?" in response.text
        assert f'<form method="post" action="{url}"' in response.text
        assert ScheduledSession.objects.filter(pk=schedule.pk).exists()

    def test_a_repeated_delete_says_the_plan_is_already_gone(self, client, user):
        schedule = ScheduledSessionFactory(user=user)
        client.force_login(user)
        url = reverse("routines:schedule_delete", args=[schedule.pk])
        client.post(url)

        for response in (client.post(url, follow=True), client.get(url, follow=True)):
            assert response.status_code == 200
            assert "That plan is already deleted." in response.text

    def test_the_confirm_page_checks_the_owner(self, client, user, other_user):
        schedule = ScheduledSessionFactory(user=other_user)
        client.force_login(user)

        response = client.get(reverse("routines:schedule_delete", args=[schedule.pk]))

        assert response.status_code == 404


@pytest.mark.django_db
class TestOneOccurrence:
    @pytest.fixture
    def schedule(self, user):
        return ScheduledSessionFactory(
            user=user, start_date=MON, weekdays="024", time=datetime.time(7)
        )

    def url(self, name, schedule, day="2026-03-04"):
        return reverse(f"routines:{name}", args=[schedule.pk, day])

    def test_it_shows_the_move_form_for_my_session(self, client, user, schedule):
        client.force_login(user)

        response = client.get(self.url("occurrence_edit", schedule))

        assert response.status_code == 200
        assert 'value="2026-03-04"' in response.text
        assert 'value="07:00"' in response.text

    def test_it_moves_one_session_and_leaves_the_pattern(self, client, user, schedule):
        client.force_login(user)

        response = client.post(
            self.url("occurrence_edit", schedule), {"new_date": "2026-03-05", "new_time": "18:00"}
        )

        change = OccurrenceChange.objects.get()
        assert (change.original_date, change.new_date, change.new_time) == (
            D(2026, 3, 4),
            D(2026, 3, 5),
            datetime.time(18),
        )
        schedule.refresh_from_db()
        assert (schedule.weekdays, schedule.time) == ("024", datetime.time(7))
        assert response["Location"] == reverse("routines:week") + "?start=2026-03-02"

    def test_a_move_that_brings_advice_shows_it_once_on_the_week(self, client, user, routine):
        strength = ScheduledSessionFactory(
            user=user, routine=routine, start_date=MON, weekdays="024"
        )
        client.force_login(user)

        response = client.post(
            self.url("occurrence_edit", strength),
            {"new_date": "2026-03-03", "new_time": ""},
            follow=True,
        )

        assert response.status_code == 200
        assert response.text.count("come back to back") == 1
        assert "is moved" in response.text

    def test_it_refuses_a_move_to_year_9999(self, client, user, schedule):
        client.force_login(user)

        response = client.post(self.url("occurrence_edit", schedule), {"new_date": "9999-01-01"})

        assert response.status_code == 200
        assert "between the years 2000 and 2100" in response.text
        assert not OccurrenceChange.objects.exists()

    def test_it_skips_one_session(self, client, user, schedule):
        client.force_login(user)

        response = client.post(self.url("occurrence_skip", schedule))

        assert OccurrenceChange.objects.get().skipped
        assert response.status_code == 302

    def test_skipping_returns_the_week_fragment_for_htmx(self, client, user, schedule):
        client.force_login(user)

        response = client.post(
            self.url("occurrence_skip", schedule), headers={"HX-Request": "true"}
        )

        assert response.status_code == 200
        assert "<html" not in response.text
        assert "Week of 2 March 2026" in response.text
        assert "Skipped" in response.text

    def test_skipping_a_moved_session_stays_on_the_week_it_was_shown_in(
        self, client, user, schedule
    ):
        OccurrenceChange.objects.create(
            schedule=schedule, original_date=D(2026, 3, 4), new_date=D(2026, 3, 10)
        )
        client.force_login(user)

        response = client.post(self.url("occurrence_skip", schedule))

        assert response["Location"] == reverse("routines:week") + "?start=2026-03-09"
        assert OccurrenceChange.objects.get().skipped

    def test_it_puts_a_skipped_session_back(self, client, user, schedule):
        OccurrenceChangeFactory(schedule=schedule, original_date=D(2026, 3, 4), skipped=True)
        client.force_login(user)

        client.post(self.url("occurrence_restore", schedule))

        assert not OccurrenceChange.objects.exists()

    def test_putting_back_returns_the_week_fragment_for_htmx(self, client, user, schedule):
        OccurrenceChangeFactory(schedule=schedule, original_date=D(2026, 3, 4), skipped=True)
        client.force_login(user)

        response = client.post(
            self.url("occurrence_restore", schedule), headers={"HX-Request": "true"}
        )

        assert response.status_code == 200
        assert "<html" not in response.text
        assert "3 sessions planned" in response.text
        assert not OccurrenceChange.objects.exists()

    @pytest.mark.parametrize("name", ["occurrence_skip", "occurrence_restore", "occurrence_edit"])
    def test_someone_elses_session_is_not_found(self, client, other_user, schedule, name):
        client.force_login(other_user)

        response = client.post(self.url(name, schedule), {"new_date": "2026-03-05"})

        assert response.status_code == 404
        assert not OccurrenceChange.objects.exists()

    @pytest.mark.parametrize("day", ["2026-03-03", "not-a-date", "9999-99-99", "2026-02-23"])
    def test_a_date_the_plan_does_not_have_is_not_found(self, client, user, schedule, day):
        client.force_login(user)

        response = client.get(self.url("occurrence_edit", schedule, day))

        assert response.status_code == 404

    def test_it_sends_anonymous_visitors_to_log_in(self, client, schedule):
        response = client.post(self.url("occurrence_skip", schedule))

        assert response.status_code == 302
        assert not OccurrenceChange.objects.exists()
