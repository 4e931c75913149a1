"""Logging on a phone (390x844): a six-movement session by tapping, editing a set, a keyboard
run, timers, a warning sign, a suggestion applied, a past session, the finished summary."""

import re
from datetime import timedelta

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.utils import timezone
from playwright.sync_api import expect

from tests.browser_login import log_in
from tests.factories import (
    PASSWORD,
    ExerciseFactory,
    RoutineFactory,
    RoutineItemFactory,
    UserFactory,
)
from tests.workouts.progress_data import finished, logged
from workouts.models import SessionExercise, SetLog, WorkoutSession

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]
SCREEN = 844


def axe_clean(page):
    result = Axe().run(page)
    assert result.violations_count == 0, result.generate_report()


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


@pytest.fixture
def six(person):
    routine = RoutineFactory(user=person, name="Zz six")
    for n in range(6):
        RoutineItemFactory(
            routine=routine,
            position=n,
            exercise=ExerciseFactory(name=f"Zz Move {n + 1}"),
            sets=2,
            reps=10,
            weight=20 if n % 2 else None,
            rest_seconds=60,
        )
    return person


def log_in_and_start(page, live_server, user, name="Zz short session"):
    page.goto(live_server.url + "/accounts/login/?next=/sessions/")
    page.get_by_label("Username or email").fill(user.username)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in", exact=True).click()
    expect(page.get_by_role("heading", name="Start a session")).to_be_visible()
    page.get_by_role("button", name=re.compile(rf"^Start\W+{name}$")).click()
    expect(page.get_by_role("heading", level=1, name=name)).to_be_visible()
    # The heading shows before the styles and scripts have loaded: measure and press keys on
    # the page as a person gets it.
    page.wait_for_load_state("load")


def card(page, name):
    return page.locator("details.entry", has=page.get_by_role("heading", name=name))


def test_a_six_movement_session_takes_one_tap_a_set_and_ends_in_a_summary(page, live_server, six):
    log_in_and_start(page, live_server, six, "Zz six")
    # Collapsed, the six movements fit in three phone screens.
    height, four = page.evaluate(
        """() => {
          const cards = [...document.querySelectorAll('details.entry')];
          cards.forEach(d => { d.open = false; });
          const top = cards[0].getBoundingClientRect().top;
          return [document.documentElement.scrollHeight,
                  cards[3].getBoundingClientRect().bottom - top];
        }"""
    )
    assert height <= 3 * SCREEN, height
    assert four < SCREEN / 2, four  # four collapsed movements take under half a screen
    page.reload()
    page.evaluate("window.__samePage = true")
    axe_clean(page)

    page.locator("form.rating-form").first.get_by_role("button", name="2", exact=True).click()
    expect(page.get_by_text("saved: 2")).to_be_visible()
    taps = 0
    for n in range(1, 7):
        move = card(page, f"Zz Move {n}")
        expect(move).to_have_attribute("open", "")  # opened by itself, no tap
        for number in (1, 2):
            move.get_by_role("button", name=f"Log set {number}").click()
            taps += 1
            expect(move.locator("#" + move.get_attribute("id") + "-progress")).to_contain_text(
                f"{number} of 2 sets"
            )
        expect(move).not_to_have_attribute("open", "")  # closes once done
    assert taps == 12 == SetLog.objects.count()
    assert page.evaluate("window.__samePage") is True
    expect(page.locator("[data-rest-timer]")).to_be_visible()
    axe_clean(page)

    page.locator("form.rating-form").nth(1).get_by_role("button", name="1", exact=True).click()
    expect(page.get_by_text("saved: 1")).to_be_visible()
    page.get_by_label("Duration (minutes)").fill("25")
    page.get_by_role("button", name="Finish session").click()
    expect(page.get_by_text("Session finished. Well done.")).to_be_visible()
    expect(page.get_by_role("heading", name="Summary")).to_be_visible()
    expect(page.locator(".summary-list")).to_contain_text("25 min")
    expect(page.locator(".summary-list")).to_contain_text(re.compile(r"1,?200 kg"))
    expect(page.get_by_role("textbox")).to_have_count(0)  # read-only
    axe_clean(page)
    session = WorkoutSession.objects.get(user=six, routine__name="Zz six")
    assert (session.pain_before, session.pain_after) == (2, 1)

    page.get_by_role("link", name=re.compile("^Edit the sets")).click()
    move = card(page, "Zz Move 2")
    move.locator(".entry-summary").click()
    move.get_by_role("link", name=re.compile("edit set 2$")).click()
    move.get_by_label("Reps").fill("8")
    move.get_by_role("button", name="Save set 2").click()
    expect(move.locator(".set-row.is-logged").nth(1)).to_contain_text("8 reps × 20 kg")
    axe_clean(page)
    assert sorted(
        SetLog.objects.filter(entry__exercise__name="Zz Move 2").values_list("reps", flat=True)
    ) == [8, 10]


def settled(page):
    """Wait until htmx has finished swapping and binding the new content (a person takes
    longer than that between two key presses)."""
    page.wait_for_function(
        "() => !document.querySelector('.htmx-request, .htmx-swapping, .htmx-settling')"
    )


def test_keyboard_only_logging_keeps_focus_on_the_next_useful_control(page, live_server, person):
    log_in_and_start(page, live_server, person)
    row = card(page, "Zz Row")
    row.get_by_role("button", name="Log set 1").focus()
    page.keyboard.press("Enter")
    expect(row.get_by_role("button", name="Log set 2")).to_be_focused()
    settled(page)
    page.keyboard.press("Enter")
    # The movement is done: the next one opens and its tick has the focus.
    stretch = card(page, "Zz Stretch")
    expect(stretch.get_by_role("button", name="Log set 1")).to_be_focused()
    assert page.evaluate("document.activeElement !== document.body")
    # A logged value opens its form by keyboard too.
    row.locator(".entry-summary").focus()
    page.keyboard.press("Enter")
    row.get_by_role("link", name=re.compile("edit set 1$")).focus()
    page.keyboard.press("Enter")
    expect(row.get_by_role("button", name="Save set 1")).to_be_focused()
    page.keyboard.press("Enter")
    expect(row.get_by_role("link", name=re.compile("edit set 1$"))).to_be_focused()


def test_a_set_sent_as_a_plain_post_comes_back_with_the_keyboard_on_the_next_tick(
    page, live_server, person
):
    # Enter pressed before the page's scripts ran posts the whole form; the answer is the page
    # at the movement's card, and the focus goes where an htmx swap would have put it.
    log_in_and_start(page, live_server, person)
    row = card(page, "Zz Row")
    button = row.get_by_role("button", name="Log set 1")
    button.evaluate("(tick) => tick.form.submit()")  # a native submit: no script sees it
    expect(page).to_have_url(re.compile(r"/sessions/\d+/#entry-\d+$"))
    expect(row.locator(".set-row.is-logged")).to_have_count(1)
    expect(row.get_by_role("button", name="Log set 2")).to_be_focused()


def test_timers_one_at_a_time_and_across_a_reload(page, live_server, person):
    log_in_and_start(page, live_server, person)
    card(page, "Zz Row").get_by_role("button", name="Log set 1").click()
    rest = page.locator("[data-rest-timer]")
    expect(rest).to_be_visible()
    page.wait_for_timeout(1500)
    page.reload()
    expect(rest).to_be_visible()  # an end time, not ticks: it survives the reload
    expect(page.locator("[data-rest-display]")).to_have_text(re.compile(r"^0:5[0-8]$"))
    stretch = card(page, "Zz Stretch")
    stretch.locator(".entry-summary").click()
    stretch.get_by_role("button", name="Start hold timer").click()
    expect(rest).to_be_hidden()  # the hold replaced the rest
    expect(stretch.get_by_text("Hold done. Tap the tick to log it.")).to_be_visible(timeout=10_000)
    stretch.get_by_role("button", name="Log set 1").click()
    expect(stretch.locator(".set-row.is-logged")).to_contain_text("hold 2 s")


# Headless Chromium may lack the Screen Wake Lock API: a stub records what the page asks of it.
WAKE_LOCK_STUB = """
window.__wake = {requests: [], releases: 0};
Object.defineProperty(navigator, "wakeLock", {configurable: true, value: {
  request: async (type) => {
    window.__wake.requests.push(type);
    const sentinel = new EventTarget();
    sentinel.release = async () => { window.__wake.releases += 1; };
    return sentinel;
  },
}});
"""


def test_a_running_hold_survives_a_reload_and_keeps_the_screen_awake(page, live_server, person):
    page.add_init_script(WAKE_LOCK_STUB)
    log_in_and_start(page, live_server, person)
    stretch = card(page, "Zz Stretch")
    stretch.locator(".entry-summary").click()
    stretch.get_by_role("button", name="Start hold timer").click()
    assert page.evaluate("window.__wake.requests") == ["screen"]
    page.wait_for_timeout(1000)
    page.reload()
    # The end time was stored: the new page goes on counting and asks for the lock again.
    stretch = card(page, "Zz Stretch")
    expect(stretch.locator("[data-hold-start]")).to_have_text("Stop timer")
    assert page.evaluate("window.__wake.requests") == ["screen"]
    assert page.evaluate("window.__wake.releases") == 0
    expect(stretch.locator("[data-hold-status]")).to_have_text(
        "Hold done. Tap the tick to log it.", timeout=10_000
    )
    assert page.evaluate("window.__wake.releases") == 1  # released when the hold ends
    assert page.evaluate("localStorage.getItem('midback-timer')") is None


def test_a_warning_sign_stops_the_movement_until_the_person_chooses(page, live_server, person):
    log_in_and_start(page, live_server, person)
    row = card(page, "Zz Row")
    row.get_by_role("button", name="Log set 1").click()
    expect(page.locator("[data-rest-timer]")).to_be_visible()
    row.get_by_text("Note pain or discomfort").click()
    row.locator(".pain-region[data-location='chest-ribs-left']").click()
    row.locator(".intensity-choice", has_text="3").click()
    row.get_by_label("Ache").check()
    row.get_by_role("button", name="Save note").click()
    expect(row.get_by_role("heading", name="Seek medical help promptly")).to_be_visible()
    expect(row.get_by_role("button", name=re.compile("^Log set"))).to_have_count(0)
    expect(page.locator("[data-rest-timer]")).to_be_hidden()
    axe_clean(page)
    row.get_by_role("button", name="I have read this: carry on with Zz Row").click()
    expect(row.get_by_role("button", name="Log set 2")).to_be_visible()
    assert SessionExercise.objects.get(exercise__name="Zz Row").status == "planned"


def test_a_suggestion_applied_is_the_next_prefill(page, live_server):
    user = UserFactory()
    pulldown = ExerciseFactory(name="Zz Pulldown")
    now = timezone.now()
    for days in (6, 3):
        session = finished(user, now - timedelta(days=days), pain_after=1)
        logged(session, pulldown, [{"reps": 10, "weight": 40}] * 3, planned_sets=3, planned_reps=10)
    routine = RoutineFactory(user=user, name="Zz pulls")
    RoutineItemFactory(routine=routine, exercise=pulldown, sets=3, reps=10)
    log_in(page, live_server, user)
    page.goto(live_server.url + session.get_absolute_url())
    page.get_by_role("button", name="Start Zz Pulldown at 42.5 kg next time").click()
    expect(page.get_by_text("Next time, Zz Pulldown starts at 42.5 kg.")).to_be_visible()
    axe_clean(page)
    page.goto(live_server.url + "/sessions/")
    page.get_by_role("button", name=re.compile(r"^Start\W+Zz pulls$")).click()
    expect(card(page, "Zz Pulldown").get_by_label("Weight (kg)")).to_have_value("42.5")


def test_a_past_session_is_logged_the_same_way(page, live_server, person):
    page.goto(live_server.url + "/accounts/login/?next=/sessions/")
    page.get_by_label("Username or email").fill(person.username)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in", exact=True).click()
    axe_clean(page)
    day = timezone.localdate() - timedelta(days=2)
    page.get_by_label("Routine").select_option(label="Zz short session")
    page.get_by_label("Date").fill(day.isoformat())
    page.get_by_label("Start time").fill("07:15")
    page.get_by_role("button", name="Log the earlier session").click()
    expect(page.get_by_text("at 07:15")).to_be_visible()
    card(page, "Zz Row").get_by_role("button", name="Log set 1").click()
    expect(card(page, "Zz Row").locator(".set-row.is-logged")).to_have_count(1)
    page.get_by_text("Finish the session").click()
    page.get_by_label("Duration (minutes)").fill("30")
    page.get_by_role("button", name="Finish session").click()
    expect(page.get_by_role("heading", name="Summary")).to_be_visible()
    session = WorkoutSession.objects.get(user=person)
    assert timezone.localtime(session.started_at).date() == day
    assert session.duration_minutes == 30


def test_a_double_tap_saves_one_set_and_a_failed_save_keeps_the_values(page, live_server, person):
    log_in_and_start(page, live_server, person)
    row = card(page, "Zz Row")
    row.get_by_role("button", name="Log set 1").dblclick()
    expect(row.locator(".set-row.is-logged")).to_have_count(1)
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
    expect(row.locator(".set-row.is-logged")).to_have_count(2)
    assert list(SetLog.objects.values_list("reps", flat=True)) == [10, 7]


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
    axe_clean(page)

    page.goto(live_server.url + "/sessions/pain/new/")
    page.locator(".pain-region[data-location='neck']").first.click()  # on the back view
    expect(page.get_by_label("Neck")).to_be_checked()
    axe_clean(page)
