"""What only a browser shows: htmx swaps, history, layout on a phone, accessibility."""

import re

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect

from exercises.models import Exercise

pytestmark = [
    pytest.mark.browser,
    # serialized_rollback brings back the library content the migrations loaded.
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

PAGES = ["/", "/exercises/", "/exercises/row/"]


def published(**filters):
    return Exercise.objects.published().filter(**filters).count()


def test_a_filter_swaps_the_results_in_place_and_back_restores_them(page, live_server):
    everything, strength = published(), published(kind="strength")
    page.goto(live_server.url + "/exercises/")
    cards = page.locator(".exercise-card")
    expect(cards).to_have_count(everything)
    page.evaluate("window.__stillTheSamePage = true")

    page.get_by_label("Kind").select_option("strength")
    expect(page).to_have_url(re.compile(r"/exercises/\?kind=strength$"))
    expect(cards).to_have_count(strength)
    page.get_by_label("Search").fill("row")
    expect(page).to_have_url(re.compile(r"\?q=row&kind=strength$"))
    expect(cards).to_have_count(published(kind="strength", name__icontains="row"))
    assert page.evaluate("window.__stillTheSamePage") is True  # no full reload

    page.go_back()
    expect(page).to_have_url(re.compile(r"\?kind=strength$"))
    expect(cards).to_have_count(strength)
    expect(page.get_by_label("Search")).to_have_value("")
    page.go_back()
    expect(page).to_have_url(re.compile(r"/exercises/$"))
    expect(cards).to_have_count(everything)
    expect(page.get_by_label("Kind")).to_have_value("")


def test_a_filtered_url_can_be_shared_and_reloaded(page, live_server):
    page.goto(live_server.url + "/exercises/?equipment=home")

    expect(page.get_by_label("Equipment")).to_have_value("home")
    expect(page.locator(".exercise-card")).to_have_count(
        Exercise.objects.published().for_home().count()
    )


def test_the_filters_work_without_javascript(browser, browser_context_args, live_server):
    context = browser.new_context(**browser_context_args, java_script_enabled=False)
    page = context.new_page()
    page.goto(live_server.url + "/exercises/")

    page.get_by_label("Kind").select_option("mobility")
    page.get_by_role("button", name="Show movements").click()

    expect(page).to_have_url(re.compile(r"kind=mobility"))
    expect(page.locator(".exercise-card")).to_have_count(published(kind="mobility"))
    context.close()


@pytest.mark.parametrize("path", PAGES)
def test_pages_fit_a_small_phone(browser, browser_context_args, live_server, path):
    phone = browser_context_args | {"viewport": {"width": 360, "height": 740}}
    context = browser.new_context(**phone)
    page = context.new_page()
    page.goto(live_server.url + path)

    assert page.evaluate("document.documentElement.scrollWidth") <= 360
    context.close()


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_axe_finds_no_violations(browser, browser_context_args, live_server, scheme):
    # axe is injected as a script, which the site's Content-Security-Policy would block.
    context = browser.new_context(**browser_context_args, bypass_csp=True, color_scheme=scheme)
    page = context.new_page()
    axe = Axe()
    for path in PAGES:
        page.goto(live_server.url + path)
        results = axe.run(page)
        assert results.violations_count == 0, (path, results.generate_report())
    context.close()


# What the widest chosen value needs, measured in the select's own font.
CHOSEN_TEXT_FITS = """select => {
  const style = getComputedStyle(select);
  const context = document.createElement("canvas").getContext("2d");
  context.font = `${style.fontWeight} ${style.fontSize} ${style.fontFamily}`;
  const text = select.options[select.selectedIndex].text;
  const room = select.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
  return {text, needs: context.measureText(text).width, room};
}"""


@pytest.mark.parametrize("width", [390, 360, 1280])
def test_chosen_filter_values_are_never_cut_off(page, live_server, width):
    page.set_viewport_size({"width": width, "height": 844})
    page.goto(live_server.url + "/exercises/?kind=mobility&equipment=home&level=intermediate")

    selects = page.locator(".filters-grid select")
    expect(selects).to_have_count(4)
    for n in range(4):
        fit = selects.nth(n).evaluate(CHOSEN_TEXT_FITS)
        assert fit["needs"] <= fit["room"], fit
    assert page.evaluate("document.documentElement.scrollWidth") <= width


def test_equipment_reads_as_needed_together_or_alternatives(page, live_server):
    page.goto(live_server.url + "/exercises/?q=face")
    card = page.locator(".exercise-card", has_text="Face pull")
    expect(card).to_contain_text("Cable machine and rope attachment, or resistance band")

    page.goto(live_server.url + "/exercises/reverse-fly/")
    expect(page.locator(".facts-detail")).to_contain_text("Dumbbells and incline bench")
    expect(page.get_by_text(" or Incline bench")).to_have_count(0)


def test_a_cards_picture_never_squeezes_its_facts(page, live_server):
    page.goto(live_server.url + "/exercises/?kind=mobility")
    cards = page.locator(".exercise-card:has(.exercise-thumb)")
    assert cards.count() > 0
    for i in range(cards.count()):
        card = cards.nth(i)
        card.scroll_into_view_if_needed()
        thumb = card.locator(".exercise-thumb").bounding_box()
        facts = card.locator(".facts").bounding_box()
        assert facts["y"] >= thumb["y"] + thumb["height"] - 1
        assert facts["width"] > 0.8 * card.bounding_box()["width"] - 40


def test_back_in_the_library_raises_no_script_error_or_csp_report(page, live_server):
    errors = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.on("console", lambda msg: msg.type == "error" and errors.append(msg.text))
    page.goto(live_server.url + "/exercises/")
    page.get_by_label("Kind").select_option("strength")
    expect(page).to_have_url(re.compile(r"\?kind=strength$"))
    page.get_by_label("Search").fill("row")
    expect(page).to_have_url(re.compile(r"\?q=row&kind=strength$"))
    page.go_back()
    expect(page).to_have_url(re.compile(r"\?kind=strength$"))
    page.go_back()
    expect(page).to_have_url(re.compile(r"/exercises/$"))
    page.wait_for_timeout(300)
    assert errors == []
