"""The site header on a 360 px phone: compact, every place reachable through the menu, by
touch and by keyboard, accessible with the menu open or closed, and no page scrolls sideways."""

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect

from tests.factories import PASSWORD, UserFactory

pytestmark = [
    pytest.mark.browser,
    # serialized_rollback brings back the library content the migrations loaded.
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

PHONE = {"width": 360, "height": 780}
# Behind "Menu": link name -> the page's first heading.
MENU_PLACES = {
    "Week": "Week of",
    "Routines": "My routines",
    "History": "History",
    "Progress": "Progress",
    "Flare-up": "Flare-up mode",
    "Share": "Share with a professional",
    "Settings": "Settings",
}
# Always in view: link name -> the path it lands on.
TAB_PLACES = {"Today": "/", "Log": "/sessions/", "Library": "/exercises/"}
MAIN_PAGES = [
    "/",
    "/share/",
    "/flare-up/",
    "/exercises/",
    "/routines/",
    "/routines/today/",
    "/routines/week/",
    "/sessions/",
    "/sessions/history/",
    "/sessions/progress/",
    "/sessions/report/",
    "/accounts/settings/",
]


@pytest.fixture
def phone(page):
    page.set_viewport_size(PHONE)
    return page


def log_in(page, live_server):
    user = UserFactory()
    page.goto(live_server.url + "/accounts/login/")
    page.get_by_label("Username").fill(user.username)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in", exact=True).click()
    expect(page.get_by_role("button", name="Log out", include_hidden=True)).to_be_attached()
    return user


def header_height(page):
    return page.locator(".site-header").bounding_box()["height"]


def menu_button(page):
    return page.locator("header summary", has_text="Menu")


def test_logged_in_header_is_two_rows_and_every_menu_place_opens(phone, live_server):
    page = phone
    log_in(page, live_server)
    assert header_height(page) < 130  # brand + Menu, then the three tabs (was 221 px)
    for name in TAB_PLACES:
        expect(page.get_by_role("navigation").get_by_role("link", name=name)).to_be_visible()

    for name, heading in MENU_PLACES.items():
        hidden_link = page.get_by_role("link", name=name, exact=True, include_hidden=True)
        expect(hidden_link).to_be_attached()
        expect(hidden_link).to_be_hidden()
        menu_button(page).click()
        page.get_by_role("navigation").get_by_role("link", name=name, exact=True).click()
        expect(page.get_by_role("heading", level=1)).to_contain_text(heading)
        # The current page is marked inside the closed menu, and so is the menu's button.
        link = page.get_by_role("link", name=name, exact=True, include_hidden=True)
        expect(link).to_have_attribute("aria-current", "page")
        expect(menu_button(page)).to_have_css("font-weight", "600")

    for name, path in TAB_PLACES.items():
        page.get_by_role("navigation").get_by_role("link", name=name, exact=True).click()
        expect(page).to_have_url(live_server.url + path)

    menu_button(page).click()
    page.get_by_role("button", name="Log out").click()
    expect(page.get_by_role("link", name="Log in")).to_be_visible()
    assert header_height(page) < 130


def test_keyboard_opens_the_menu_reaches_its_links_and_escape_closes_it(phone, live_server):
    page = phone
    log_in(page, live_server)
    page.goto(live_server.url + "/exercises/")

    page.keyboard.press("Tab")  # skip link
    page.keyboard.press("Tab")  # brand
    page.keyboard.press("Tab")
    focused = page.locator(":focus")
    expect(focused).to_have_text("Menu")
    expect(focused).to_have_css("outline-style", "solid")  # the focus ring shows
    page.keyboard.press("Enter")
    expect(page.get_by_role("link", name="Week", exact=True)).to_be_visible()

    page.keyboard.press("Tab")
    expect(page.locator(":focus")).to_have_text("Week")
    expect(page.locator(":focus")).to_have_css("outline-style", "solid")
    for name in ["Routines", "History", "Progress", "Flare-up", "Share", "Settings", "Log out"]:
        page.keyboard.press("Tab")
        expect(page.locator(":focus")).to_have_text(name)

    page.keyboard.press("Escape")
    expect(page.get_by_role("link", name="Week", exact=True, include_hidden=True)).to_be_hidden()
    expect(page.locator(":focus")).to_have_text("Menu")
    # After the menu: the tabs, in reading order.
    for name in TAB_PLACES:
        page.keyboard.press("Tab")
        expect(page.locator(":focus")).to_have_text(name)

    # A tap outside closes an open menu.
    menu_button(page).click()
    page.locator("footer").click()
    expect(page.get_by_role("link", name="Week", exact=True, include_hidden=True)).to_be_hidden()


def test_home_passes_axe_for_visitors_and_members_with_the_menu_open_or_closed(phone, live_server):
    page = phone
    page.goto(live_server.url + "/")
    assert header_height(page) < 130
    assert Axe().run(page).violations_count == 0

    log_in(page, live_server)
    page.goto(live_server.url + "/")
    assert Axe().run(page).violations_count == 0
    menu_button(page).click()
    expect(page.get_by_role("link", name="Week", exact=True)).to_be_visible()
    assert Axe().run(page).violations_count == 0


def test_no_main_page_scrolls_sideways_on_a_phone(phone, live_server):
    page = phone
    for path in ["/", "/exercises/", "/accounts/login/", "/accounts/signup/"]:
        page.goto(live_server.url + path)
        assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"], path

    log_in(page, live_server)
    page.goto(live_server.url + "/exercises/")
    page.locator("main a[href^='/exercises/']").first.click()
    pages = [page.url.removeprefix(live_server.url), *MAIN_PAGES]
    for path in pages:
        page.goto(live_server.url + path)
        assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"], path


def test_without_javascript_the_menu_opens_and_log_out_still_posts(browser, live_server):
    context = browser.new_context(java_script_enabled=False, viewport=PHONE)
    page = context.new_page()
    log_in(page, live_server)

    menu_button(page).click()
    page.get_by_role("link", name="Progress", exact=True).click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Progress")
    menu_button(page).click()
    page.get_by_role("button", name="Log out").click()
    expect(page.get_by_role("link", name="Log in")).to_be_visible()
    context.close()


def test_on_a_wide_screen_the_header_is_one_row(page, live_server):
    page.set_viewport_size({"width": 1024, "height": 700})
    log_in(page, live_server)
    assert header_height(page) < 70
    menu_button(page).click()
    page.get_by_role("link", name="History", exact=True).click()
    expect(page.get_by_role("heading", level=1)).to_have_text("History")


VISITOR_PAGES = ["/", "/exercises/", "/accounts/signup/", "/accounts/login/"]


@pytest.mark.parametrize("width", [390, 360, 1280])
def test_for_visitors_the_header_is_one_row_on_every_page(page, live_server, width):
    page.set_viewport_size({"width": width, "height": 780})
    heights = {}
    for path in VISITOR_PAGES:
        page.goto(live_server.url + path)
        brand = page.locator(".site-header .brand").bounding_box()
        last = page.get_by_role("link", name="Sign up").first.bounding_box()
        assert abs(brand["y"] - last["y"]) < 4, path  # side by side, not wrapped below
        heights[path] = header_height(page)
        assert page.evaluate("document.documentElement.scrollWidth") <= width, path
    assert max(heights.values()) < 70, heights
    assert len(set(heights.values())) == 1, heights


def test_a_wrong_password_gets_a_message_that_does_not_blame(phone, live_server):
    phone.goto(live_server.url + "/accounts/login/")
    phone.get_by_label("Username or email", exact=True).fill("someone")
    phone.get_by_label("Password", exact=True).fill("not-it")
    phone.get_by_role("button", name="Log in", exact=True).click()

    alert = phone.get_by_role("alert")
    expect(alert).to_contain_text("No account matches that username or email and password.")
    expect(alert).not_to_contain_text("Please enter a correct")
    expect(phone.get_by_role("link", name="Forgot your password?")).to_be_visible()
