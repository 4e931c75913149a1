"""On a phone: every save and removal says so next to the tap, and deleting asks first."""

import os
import re

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect

from tests.workouts.test_logging_browser import card, log_in_and_start, person  # noqa: F401
from workouts.models import PainNote, SetLog

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def shot(page, name):
    """A 390-px screenshot for a person to look at, when MIDBACK_SCREENSHOTS names a folder."""
    folder = os.environ.get("MIDBACK_SCREENSHOTS")
    if folder:
        page.screenshot(path=f"{folder}/{name}.png", full_page=True)


def fits(page):
    return page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")


def test_a_delete_and_a_mild_pain_note_confirm_in_the_card(page, live_server, person):  # noqa: F811
    log_in_and_start(page, live_server, person)
    row = card(page, "Zz Row")
    row.get_by_role("button", name="Log set 1").click()
    expect(row.locator(".set-row.is-logged")).to_have_count(1)
    row.get_by_role("button", name="Log set 2").click()
    expect(row.locator(".set-row.is-logged")).to_have_count(2)
    row.locator(".entry-summary").click()  # done, so it closed; open it again

    row.get_by_role("link", name=re.compile("edit set 2$")).click()
    row.get_by_role("link", name="Delete this set").click()
    page.get_by_role("button", name="Delete the set").click()
    expect(page.get_by_role("status").first).to_contain_text("Set removed: 10 reps.")
    row = card(page, "Zz Row")
    expect(row.locator(".set-row.is-logged")).to_have_count(1)
    assert SetLog.objects.count() == 1
    shot(page, "undo")

    row.get_by_text("Note pain or discomfort").click()
    row.locator(".pain-region[data-location='between-shoulder-blades']").click()
    row.locator(".intensity-choice", has_text="2").click()
    row.get_by_label("Stiffness").check()
    row.get_by_role("button", name="Save note").click()
    saved = row.get_by_role("status").filter(has_text="Saved: 2/10")
    expect(saved).to_have_text("Saved: 2/10 · Stiffness · Between the shoulder blades.")
    expect(saved).to_be_in_viewport()
    assert PainNote.objects.get().intensity == 2
    assert fits(page)
    shot(page, "pain-saved")
    axe = Axe().run(page)
    assert axe.violations_count == 0, axe.generate_report()


def test_deleting_a_set_of_a_finished_session_asks_first(page, live_server, person):  # noqa: F811
    log_in_and_start(page, live_server, person)
    row = card(page, "Zz Row")
    row.get_by_role("button", name="Log set 1").click()
    expect(row.locator(".set-row.is-logged")).to_have_count(1)
    page.get_by_text("Finish the session").click()
    page.get_by_label("Duration (minutes)").fill("20")
    page.get_by_role("button", name="Finish session").click()
    expect(page.get_by_text("Session finished. Well done.")).to_be_visible()

    page.get_by_role("link", name=re.compile("^Edit the sets")).click()
    card(page, "Zz Row").locator(".entry-summary").click()
    card(page, "Zz Row").get_by_role("link", name=re.compile("edit set 1$")).click()
    card(page, "Zz Row").get_by_role("link", name="Delete this set").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(
        re.compile(r"^Delete set 1 of Zz Row\?$")
    )
    assert fits(page)
    shot(page, "set-confirm")
    axe = Axe().run(page)
    assert axe.violations_count == 0, axe.generate_report()
    page.get_by_role("link", name="Keep it").click()
    expect(card(page, "Zz Row").locator(".set-row.is-logged")).to_have_count(1)
    assert SetLog.objects.count() == 1

    card(page, "Zz Row").locator(".entry-summary").click()
    card(page, "Zz Row").get_by_role("link", name=re.compile("edit set 1$")).click()
    card(page, "Zz Row").get_by_role("link", name="Delete this set").click()
    page.get_by_role("button", name="Delete the set").click()
    expect(page.get_by_text("That set was already removed.")).to_have_count(0)
    expect(page.get_by_role("status").first).to_contain_text("Set removed: 10 reps.")
    expect(card(page, "Zz Row").locator(".set-row.is-logged")).to_have_count(0)
    assert not SetLog.objects.exists()
    shot(page, "set-deleted")
