"""Logging on a phone (390x844): a whole session by tapping, double taps, reloads, pain."""

import re

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect

from tests.factories import (
    PASSWORD,
    ExerciseFactory,
    RoutineFactory,
    RoutineItemFactory,
    UserFactory,
)
from workouts.models import SessionExercise, SetLog, WorkoutSession

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


@pytest.fixture
def person():
    user = UserFactory()
    routine = RoutineFactory(user=user, name="Zz short session")
    RoutineItemFactory(
        routine=routine, position=0, exercise=ExerciseFactory(name="Zz Row"), sets=2, reps=10
    )
    stretch = ExerciseFactory(
        name="Zz Stretch", kind="mobility", reps_min=None, reps_max=None, hold_seconds=2
    )
    RoutineItemFactory(
        routine=routine, position=1, exercise=stretch, sets=1, reps=None, hold_seconds=2
    )
    return user


def log_in_and_start(page, live_server, user, check_start_page=False):
    page.goto(live_server.url + "/accounts/login/?next=/sessions/")
    page.get_by_label("Username").fill(user.username)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()
    expect(page.get_by_role("heading", name="Start a session")).to_be_visible()
    if check_start_page:
        axe = Axe().run(page)
        assert axe.violations_count == 0, axe.generate_report()
    page.get_by_role("button", name=re.compile(r"^Start\W+Zz short session$")).click()
    expect(page.get_by_role("heading", level=1, name="Zz short session")).to_be_visible()


def card(page, name):
    return page.locator("article.entry", has=page.get_by_role("heading", name=name))


def test_log_a_whole_session_by_tapping(page, live_server, person):
    log_in_and_start(page, live_server, person)
    page.evaluate("window.__samePage = true")

    page.locator("form.rating-form").first.get_by_role("button", name="2", exact=True).click()
    expect(page.get_by_text("saved: 2")).to_be_visible()

    row = card(page, "Zz Row")
    expect(row.get_by_label("Reps")).to_have_value("10")
    row.get_by_role("button", name="Log set 1").click()
    expect(row.locator(".set-row")).to_have_count(1)
    expect(page.locator("[data-rest-timer]")).to_be_visible()
    expect(page.locator("[data-rest-display]")).to_have_text(re.compile(r"^0:5\d$"))
    row.get_by_role("button", name="One rep more").click()
    expect(row.get_by_label("Reps")).to_have_value("11")
    row.get_by_role("button", name="Log set 2").click()
    expect(row.locator(".status")).to_have_text("Done")
    assert page.evaluate("window.__samePage") is True

    page.reload()
    row = card(page, "Zz Row")
    expect(row.locator(".set-row")).to_have_count(2)
    expect(row.locator(".set-row").nth(1)).to_contain_text("11 reps")

    stretch = card(page, "Zz Stretch")
    stretch.get_by_role("button", name="Start hold timer").click()
    expect(stretch.get_by_text("Hold done. Tap Log set.")).to_be_visible(timeout=10_000)
    stretch.get_by_role("button", name="Log set 1").click()
    expect(stretch.locator(".set-row")).to_contain_text("hold 2 s")

    axe = Axe().run(page)
    assert axe.violations_count == 0, axe.generate_report()

    page.get_by_label("Duration (minutes)").fill("25")
    page.get_by_text("4 · Good").click()
    page.get_by_role("button", name="Finish session").click()
    expect(page.get_by_text("Session finished. Well done.")).to_be_visible()
    axe = Axe().run(page)
    assert axe.violations_count == 0, axe.generate_report()
    session = WorkoutSession.objects.get(user=person)
    assert not session.is_in_progress and session.feeling == 4 and session.pain_before == 2
    assert SetLog.objects.filter(entry__session=session).count() == 3

    page.goto(live_server.url + "/sessions/history/")
    expect(page.get_by_text("Zz short session").first).to_be_visible()
    expect(page.get_by_text("11 reps").first).to_be_visible()

    page.goto(live_server.url + "/sessions/progress/")
    sessions = page.locator("section", has=page.locator("#sessions-heading"))
    expect(sessions.locator("svg.chart")).to_be_visible()
    expect(sessions.locator("tbody tr").last.locator("td").first).to_have_text("1")
    pain = page.locator("section", has=page.locator("#pain-heading"))
    expect(pain.locator("svg.chart")).to_be_visible()


def test_a_double_tap_saves_one_set_and_a_failed_save_keeps_the_values(page, live_server, person):
    log_in_and_start(page, live_server, person, check_start_page=True)
    row = card(page, "Zz Row")
    row.get_by_role("button", name="Log set 1").dblclick()
    expect(row.locator(".set-row")).to_have_count(1)
    page.wait_for_timeout(500)
    assert SetLog.objects.count() == 1

    page.route("**/sets/", lambda route: route.abort())
    row.get_by_label("Reps").fill("7")
    row.get_by_role("button", name="Log set 2").click()
    # A save that could not be sent waits on the phone (offline.js) instead of being lost.
    waiting = page.locator("[data-offline-item]")
    expect(waiting).to_have_text(re.compile(r"Zz Row: Log set 2.*Reps 7.*Waiting to send"))
    expect(row.get_by_label("Reps")).to_have_value("7")
    assert SetLog.objects.count() == 1

    page.unroute("**/sets/")
    page.get_by_role("button", name="Send now").click()
    expect(waiting).to_contain_text("Sent")
    expect(row.locator(".set-row")).to_have_count(2)
    assert list(SetLog.objects.values_list("reps", flat=True)) == [10, 7]
    error = row.locator(".set-logger [data-save-error]")

    SessionExercise.objects.filter(exercise__name="Zz Row").delete()
    row.get_by_role("button", name="Log set 3").click()
    expect(error).to_have_text("This is no longer in your session. Reload the page.")


def test_sharp_pain_during_a_movement_shows_stop_guidance(page, live_server, person):
    log_in_and_start(page, live_server, person)
    row = card(page, "Zz Row")
    row.get_by_text("Note pain or discomfort").click()
    row.locator(".pain-region[data-location='between-shoulder-blades']").click()
    expect(row.get_by_label("Between the shoulder blades")).to_be_checked()
    row.locator(".intensity-choice", has_text="5").click()
    row.get_by_label("Sharp").check()
    row.get_by_role("button", name="Save note").click()
    expect(row.get_by_role("heading", name="Stop this exercise")).to_be_visible()
    expect(row.locator(".status")).to_have_text("Stopped for pain")
    assert SessionExercise.objects.get(exercise__name="Zz Row").status == "stopped"
    axe = Axe().run(page)
    assert axe.violations_count == 0, axe.generate_report()

    page.goto(live_server.url + "/sessions/pain/new/")
    page.locator(".pain-region[data-location='neck']").click()
    expect(page.get_by_label("Neck")).to_be_checked()
    axe = Axe().run(page)
    assert axe.violations_count == 0, axe.generate_report()


# A label clips when its content is wider than its box, or its box pokes out of the card.
CLIPPED = """label => {
  const box = label.getBoundingClientRect();
  const card = label.closest("article").getBoundingClientRect();
  return label.scrollWidth > label.clientWidth || box.right > card.right || box.left < card.left;
}"""


@pytest.mark.parametrize("width", [390, 360, 1280])
def test_left_and_right_chips_show_their_whole_labels(page, live_server, width):
    user = UserFactory()
    routine = RoutineFactory(user=user, name="Zz short session")
    twist = ExerciseFactory(
        name="Zz Twist", kind="mobility", reps_min=None, reps_max=None, hold_seconds=30
    )
    RoutineItemFactory(
        routine=routine,
        position=0,
        exercise=twist,
        sets=2,
        reps=None,
        hold_seconds=30,
        per_side=True,
    )
    page.set_viewport_size({"width": width, "height": 844})
    log_in_and_start(page, live_server, user)

    chips = card(page, "Zz Twist").locator(".side-choice label")
    expect(chips).to_have_count(2)
    expect(chips.nth(0)).to_have_text("Left")
    expect(chips.nth(1)).to_have_text("Right")
    left, right = chips.nth(0).bounding_box(), chips.nth(1).bounding_box()
    assert left["y"] == right["y"] and left["x"] + left["width"] <= right["x"]
    legend = card(page, "Zz Twist").locator(".side-choice legend").bounding_box()
    assert legend["y"] + legend["height"] <= left["y"]  # the legend sits above, not beside
    for n in range(2):
        assert not chips.nth(n).evaluate(CLIPPED)
        assert chips.nth(n).bounding_box()["height"] >= 44
    chips.nth(1).click()
    expect(chips.nth(1).locator("input")).to_be_checked()
