"""The pain diary on a phone: the front and back map, "same as last time", a check-in from
Today in two taps, and both on the report's chart and map; then all of it by keyboard alone."""

import os

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect

from tests.browser_login import log_in
from tests.factories import UserFactory
from workouts.models import CheckIn, PainNote

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


@pytest.fixture
def phone(browser, browser_context_args, live_server):
    # axe is injected as a script, which the site's Content-Security-Policy would block.
    context = browser.new_context(**browser_context_args, bypass_csp=True)
    page = context.new_page()
    user = UserFactory()
    log_in(page, live_server, user)
    yield page, user
    context.close()


def shot(page, name):
    folder = os.environ.get("MIDBACK_SCREENSHOTS")
    if folder:
        page.screenshot(path=f"{folder}/{name}.png", full_page=True)


def axe_clean(page):
    axe = Axe().run(page)
    assert axe.violations_count == 0, axe.generate_report()


def fits(page):
    return page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")


def view(page, name):
    return page.locator(".pain-map-view", has=page.locator("figcaption", has_text=name))


def test_mark_areas_front_and_back_repeat_it_and_check_in_from_today(phone, live_server):
    page, user = phone
    page.goto(live_server.url + "/sessions/pain/new/")
    back, front = view(page, "Back"), view(page, "Front")
    expect(page.get_by_text("Choose from a list")).to_be_visible()
    # The form up to its button fits one phone screen (the list is folded behind the map).
    height = page.evaluate(
        """() => {
          const form = document.querySelector(".pain-form");
          const button = form.querySelector("button[type=submit]:not([name])");
          return button.getBoundingClientRect().bottom - form.getBoundingClientRect().top;
        }"""
    )
    shot(page, "pain-new")
    assert height <= 844, height
    axe_clean(page)

    back.locator("[data-location='lower-back-left']").tap()
    front.locator("[data-location='hip-left']").tap()
    back.locator("[data-location='neck']").tap()
    back.locator("[data-location='neck']").tap()  # tap again: unmarked
    expect(page.get_by_label("Left lower back")).to_be_checked()
    expect(page.get_by_label("Left hip")).to_be_checked()
    expect(page.get_by_label("Neck")).not_to_be_checked()
    expect(front.locator("[data-location='hip-left']")).to_have_class("pain-region is-chosen")
    page.locator(".intensity-choice", has_text="3").tap()
    page.get_by_label("Ache").check()
    shot(page, "pain-map-marked")
    page.get_by_role("button", name="Save note").tap()
    expect(page.get_by_text("3/10 · Ache · Left lower back, left hip")).to_be_visible()
    assert PainNote.objects.get().areas == ["lower-back-left", "hip-left"]

    page.goto(live_server.url + "/sessions/pain/new/")
    page.get_by_role("button", name="Same as last time").tap()
    expect(page.get_by_role("heading", name="Pain note saved")).to_be_visible()
    assert [n.areas for n in PainNote.objects.all()] == [["lower-back-left", "hip-left"]] * 2

    page.goto(live_server.url + "/routines/today/")
    card = page.locator("#check-in")
    card.get_by_role("button", name="4", exact=True).tap()
    expect(card.get_by_role("status")).to_have_text("Saved: 4/10 today.")
    view(page, "Back").locator("[data-location='mid-back-right']").tap()
    expect(card.get_by_role("status")).to_have_text("Saved: 4/10 · Right middle back.")
    check_in = CheckIn.objects.get()
    assert (check_in.rating, check_in.areas) == (4, ["mid-back-right"])
    assert fits(page)
    shot(page, "today-check-in")
    axe_clean(page)

    page.goto(live_server.url + "/sessions/report/")
    chart = page.locator("#report-pain-title").locator("xpath=..")
    expect(chart.locator(".series-day rect title")).to_have_count(3)
    expect(chart.locator(".series-day rect title").last).to_contain_text("4 on the day")
    where = page.locator("#report-where")
    expect(where.locator("[data-location='lower-back-left']")).to_have_class("pain-region shade-4")
    # 3 + 3 for the lower back against 4 once: shade 4 of 4, and 3 of 4.
    expect(where.locator("[data-location='mid-back-right']")).to_have_class("pain-region shade-3")
    assert fits(page)
    shot(page, "report-where")
    axe_clean(page)


def tab_to(page, selector, presses=80):
    """Press Tab until the focused element matches `selector`."""
    for _ in range(presses):
        page.keyboard.press("Tab")
        if page.evaluate("s => document.activeElement.matches(s)", selector):
            return
    raise AssertionError(f"Tab never reached {selector}")


def test_the_same_by_keyboard_alone_through_the_list(phone, live_server):
    page, user = phone
    page.goto(live_server.url + "/sessions/pain/new/")
    tab_to(page, "input[name=intensity]")
    for _ in range(5):
        page.keyboard.press("ArrowRight")
    tab_to(page, ".pain-map-details summary")
    page.keyboard.press("Enter")
    tab_to(page, "input[value='upper-back-right']")
    page.keyboard.press("Space")
    tab_to(page, "input[value='chest-ribs-left']")
    page.keyboard.press("Space")
    tab_to(page, "input[name=kind]")
    page.keyboard.press("ArrowRight")  # Stiffness, then Ache
    tab_to(page, "button[type=submit]:not([name])")
    page.keyboard.press("Enter")
    expect(page.get_by_text("5/10 · Ache · Right upper back, left chest or ribs")).to_be_visible()
    # The chest is a red flag, whichever side.
    expect(page.get_by_role("heading", name="Seek medical help promptly")).to_be_visible()

    page.goto(live_server.url + "/sessions/pain/new/")
    tab_to(page, "button[name=same_as_last]")
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", name="Pain note saved")).to_be_visible()
    assert PainNote.objects.count() == 2
    assert PainNote.objects.first().areas == ["upper-back-right", "chest-ribs-left"]

    page.goto(live_server.url + "/routines/today/")
    tab_to(page, "#check-in button[value='2']")
    page.keyboard.press("Enter")
    status = page.locator("#check-in-status")
    expect(status).to_have_text("Saved: 2/10 today.")
    tab_to(page, "#check-in .pain-map-details summary")
    page.keyboard.press("Enter")
    tab_to(page, "#check-in input[value='neck']")
    page.keyboard.press("Space")
    expect(status).to_have_text("Saved: 2/10 · Neck.")
    # Only the status line changed: focus is still on the checkbox, ready for the next one.
    assert page.evaluate("document.activeElement.value") == "neck"
    assert CheckIn.objects.get().areas == ["neck"]

    page.goto(live_server.url + "/sessions/report/")
    table = page.get_by_role("table", name="Areas named in notes and check-ins")
    expect(table.get_by_role("row", name="Right upper back 2 5.0 5")).to_be_visible()
    expect(table.get_by_role("row", name="Neck 1 2.0 2")).to_be_visible()
