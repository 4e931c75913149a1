"""Planning a week on a phone: schedule a routine Mon/Wed/Fri and see it in the week."""

import datetime

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect

from routines.models import Purpose, ScheduledSession
from tests.browser_login import log_in
from tests.factories import RoutineFactory, ScheduledSessionFactory, UserFactory
from tests.workouts.test_saved_browser import shot

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def test_schedule_monday_wednesday_friday_and_see_the_week(page, live_server):
    user = UserFactory()
    RoutineFactory(user=user, name="Zz band rows", purpose=Purpose.STRENGTH)
    today = datetime.datetime.now(datetime.UTC).date()
    monday = today - datetime.timedelta(days=today.weekday())
    log_in(page, live_server, user)

    page.goto(live_server.url + "/routines/schedule/new/")
    page.get_by_label("Routine").select_option(label="Zz band rows")
    page.get_by_label("Date").fill(monday.isoformat())
    page.get_by_label("Time (optional)").fill("07:30")
    for day in ["Monday", "Wednesday", "Friday"]:
        page.get_by_label(day, exact=True).check()
    page.get_by_role("button", name="Add to my plan").click()

    expect(page.get_by_role("heading", level=1)).to_contain_text("Week of")
    sessions = page.locator(".week-day .occurrence-name")
    expect(sessions).to_have_count(3)
    expect(page.locator(".week-day").nth(0)).to_contain_text("Zz band rows")
    expect(page.locator(".week-day").nth(2)).to_contain_text("07:30")
    expect(page.locator(".week-day").nth(4)).to_contain_text("Zz band rows")
    expect(page.get_by_text("3 sessions planned")).to_be_visible()
    assert ScheduledSession.objects.get().weekdays == "024"

    # Phone layout: nothing wider than the screen, and the page passes axe.
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    assert Axe().run(page).violations_count == 0

    # Skipping Wednesday swaps the week in place.
    page.locator(".week-day").nth(2).get_by_role("button", name="Skip").click()
    expect(page.get_by_text("2 sessions planned")).to_be_visible()
    expect(page.locator(".week-day").nth(2).get_by_text("Skipped")).to_be_visible()


def test_deleting_a_plan_asks_first_and_keep_it_keeps_it(page, live_server):
    user = UserFactory()
    routine = RoutineFactory(user=user, name="Zz band rows", purpose=Purpose.STRENGTH)
    ScheduledSessionFactory(user=user, routine=routine)
    log_in(page, live_server, user)

    page.goto(live_server.url + "/routines/schedule/")
    page.get_by_role("link", name="Delete plan Zz band rows").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Delete this plan?")
    assert ScheduledSession.objects.count() == 1
    shot(page, "plan-confirm")
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    page.get_by_role("link", name="Keep it").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("My plans")
    assert ScheduledSession.objects.count() == 1

    page.get_by_role("link", name="Delete plan Zz band rows").click()
    page.get_by_role("button", name="Delete the plan").click()
    expect(page.get_by_text("The plan for Zz band rows is deleted.")).to_be_visible()
    assert not ScheduledSession.objects.exists()


def test_a_plan_with_advice_shows_each_warning_once(page, live_server):
    user = UserFactory()
    RoutineFactory(user=user, name="Zz band rows", purpose=Purpose.STRENGTH)
    today = datetime.datetime.now(datetime.UTC).date()
    monday = today - datetime.timedelta(days=today.weekday())
    log_in(page, live_server, user)

    page.goto(live_server.url + "/routines/schedule/new/")
    page.get_by_label("Routine").select_option(label="Zz band rows")
    page.get_by_label("Date").fill(monday.isoformat())
    for day in ["Monday", "Tuesday"]:
        page.get_by_label(day, exact=True).check()
    page.get_by_role("button", name="Add to my plan").click()

    expect(page.get_by_role("heading", level=1)).to_contain_text("Week of")
    expect(page.get_by_text("Zz band rows is on your plan.")).to_be_visible()
    advice = page.locator(".plan-warnings li")
    expect(advice).to_have_count(1)
    expect(advice).to_contain_text("come back to back")
    expect(page.get_by_text("come back to back")).to_have_count(1)
