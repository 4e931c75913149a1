"""Building a routine on a phone: copy a starter, add a movement, move it up, all in place."""

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect

from tests.browser_login import log_in
from tests.factories import (
    PASSWORD,
    ExerciseFactory,
    RoutineFactory,
    RoutineItemFactory,
    UserFactory,
)
from tests.workouts.test_saved_browser import shot

pytestmark = [
    pytest.mark.browser,
    # serialized_rollback brings back the library content the migrations loaded.
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def test_copy_a_starter_add_a_movement_and_move_it_up_without_a_reload(page, live_server):
    user = UserFactory()
    starter = RoutineFactory(user=None, is_starter=True, name="Zz browser starter")
    RoutineItemFactory(routine=starter, position=0, exercise=ExerciseFactory(name="Zz Alpha"))
    ExerciseFactory(name="Zz Bravo")  # needs no equipment, so the home picker offers it

    page.goto(live_server.url + "/accounts/login/?next=/routines/")
    page.get_by_label("Username").fill(user.username)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in", exact=True).click()
    expect(page.get_by_role("heading", name="My routines")).to_be_visible()

    page.get_by_role("button", name="Copy to my routines Zz browser starter").click()
    # Copying opens the copy, ready to change.
    expect(page.get_by_role("heading", level=1, name="Zz browser starter")).to_be_visible()
    expect(page.get_by_text("“Zz browser starter” is now in your routines.")).to_be_visible()
    copy = user.routines.get()
    assert page.url == f"{live_server.url}/routines/{copy.pk}/"
    assert Axe().run(page).violations_count == 0
    page.evaluate("window.__stillTheSamePage = true")

    page.get_by_label("Search movements").fill("Zz Bravo")
    add = page.get_by_role("button", name="Add Zz Bravo")
    expect(add).to_be_visible()
    expect(page.get_by_role("button", name="Add Zz Alpha")).to_have_count(0)
    add.click()
    status = page.locator("#picker-status")  # beside the button, where a phone user looks
    expect(status).to_have_text("Added Zz Bravo as number 2.")
    titles = page.locator("#routine-items .routine-item h3")
    expect(titles).to_have_text(["Zz Alpha", "Zz Bravo"])

    page.get_by_role("button", name="Up Zz Bravo").click()
    expect(titles).to_have_text(["Zz Bravo", "Zz Alpha"])
    assert page.evaluate("window.__stillTheSamePage") is True
    # Focus stays on the button that was pressed, so a keyboard user can keep going.
    assert page.evaluate("document.activeElement.textContent").strip().startswith("↑ Up")

    assert list(copy.items.values_list("exercise__name", flat=True)) == ["Zz Bravo", "Zz Alpha"]

    page.locator("summary", has_text="Remove Zz Alpha").click()
    expect(titles).to_have_text(["Zz Bravo", "Zz Alpha"])  # it asks first
    shot(page, "item-remove-asks")
    page.get_by_role("button", name="Yes, remove Zz Alpha").click()
    expect(titles).to_have_text(["Zz Bravo"])
    expect(page.get_by_role("heading", name="Movements, in order")).to_be_focused()
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    assert Axe().run(page).violations_count == 0


def test_create_a_routine_looks_like_a_button_not_a_text_field(page, live_server):
    user = UserFactory()
    RoutineFactory(user=user, name="Zz mine")
    log_in(page, live_server, user)
    page.goto(live_server.url + "/routines/")

    create = page.locator("summary", has_text="Create a routine")
    duplicate = page.get_by_role("button", name="Duplicate")
    look = """el => { const s = getComputedStyle(el);
      return {border: s.borderTopColor, colour: s.color,
              chevron: getComputedStyle(el, "::after").content}; }"""
    summary, button = create.evaluate(look), duplicate.evaluate(look)
    assert summary["border"] == button["border"]  # the same accent outline as other buttons
    assert summary["colour"] == button["colour"]
    assert summary["chevron"] == '"▾"'
    create.click()
    assert create.evaluate(look)["chevron"] == '"▴"'
    expect(page.get_by_label("Name")).to_be_visible()
