"""Accounts in a real browser on a phone: logging in, the settings form swapped in place, the
zone taken from the browser, layout and accessibility."""

import re

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect

from accounts.models import Profile
from tests.factories import PASSWORD, EquipmentFactory, UserFactory

pytestmark = [
    pytest.mark.browser,
    # serialized_rollback brings back the library content the migrations loaded.
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

VISITOR_PAGES = ["/accounts/login/", "/accounts/signup/", "/accounts/password/reset/"]
MEMBER_PAGES = [
    "/accounts/settings/",
    "/accounts/delete/",
    "/accounts/password/change/",
    "/accounts/email/",
    "/accounts/2fa/",
    "/accounts/sessions/",
    "/accounts/reauthenticate/",
]


def _log_in(page, live_server, user):
    page.goto(live_server.url + "/")
    page.get_by_role("link", name="Log in").click()
    page.get_by_label("Username or email").fill(user.username)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in", exact=True).click()


def _open_menu(page):
    # Settings and Log out sit in the header's Menu (a <details>) once logged in.
    page.locator("summary", has_text="Menu").click()


def test_a_person_logs_in_and_out_from_the_nav(page, live_server):
    user = UserFactory()

    _log_in(page, live_server, user)

    expect(page).to_have_url(live_server.url + "/")
    _open_menu(page)
    page.get_by_role("button", name="Log out").click()
    expect(page.get_by_role("link", name="Log in")).to_be_visible()


def test_settings_errors_and_saving_happen_in_place(page, live_server):
    user = UserFactory()
    EquipmentFactory(name="Test kettlebell", slug="test-kettlebell")
    _log_in(page, live_server, user)
    _open_menu(page)
    page.get_by_role("link", name="Settings").click()
    page.evaluate("window.__stillTheSamePage = true")

    page.get_by_label("Time zone").fill("Atlantis/Capital")
    page.get_by_role("button", name="Save settings").click()
    expect(page.get_by_text("Atlantis/Capital is not a known time zone.")).to_be_visible()
    page.get_by_label("Time zone").fill("Europe/Madrid")
    page.get_by_label("Sessions a week").fill("2")
    page.get_by_label("Pounds (lb)").check()
    page.get_by_label("Test kettlebell").check()
    expect(page.get_by_label("My own list")).to_be_checked()
    page.get_by_role("button", name="Save settings").click()

    expect(page.get_by_text("Your settings are saved.")).to_be_visible()
    assert page.evaluate("window.__stillTheSamePage") is True
    profile = Profile.objects.get(user=user)
    assert [str(item) for item in profile.equipment.all()] == ["Test kettlebell"]
    assert (profile.time_zone, profile.weekly_target, profile.weight_unit) == (
        "Europe/Madrid",
        2,
        "lb",
    )


def test_sign_up_and_settings_take_the_time_zone_from_the_browser(
    browser, browser_context_args, live_server
):
    context = browser.new_context(**browser_context_args, timezone_id="America/Chicago")
    page = context.new_page()
    page.goto(live_server.url + "/accounts/signup/")
    page.get_by_label("Username").fill("robin")
    page.get_by_label("Email").fill("robin@example.com")
    page.get_by_label("Password", exact=True).fill("gravel-orchid-73-mantle")
    page.get_by_label("Password again").fill("gravel-orchid-73-mantle")
    page.get_by_role("button", name="Sign up").click()

    expect(page.get_by_role("heading", name="Check your email")).to_be_visible()
    assert Profile.objects.get(user__username="robin").time_zone == "America/Chicago"

    page.goto(live_server.url + "/accounts/settings/")
    page.get_by_label("Time zone").fill("")
    page.get_by_role("button", name="Use this device's time zone").click()
    expect(page.get_by_label("Time zone")).to_have_value("America/Chicago")
    context.close()


def test_the_settings_form_works_without_javascript(browser, browser_context_args, live_server):
    user = UserFactory()
    context = browser.new_context(**browser_context_args, java_script_enabled=False)
    page = context.new_page()
    _log_in(page, live_server, user)
    page.goto(live_server.url + "/accounts/settings/")

    expect(page.get_by_role("button", name="Use this device's time zone")).to_be_hidden()
    page.get_by_label("Time zone").fill("Asia/Kolkata")
    page.get_by_role("button", name="Save settings").click()

    expect(page).to_have_url(re.compile(r"/accounts/settings/$"))
    expect(page.get_by_text("Your settings are saved.")).to_be_visible()
    assert Profile.objects.get(user=user).time_zone == "Asia/Kolkata"
    context.close()


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_account_pages_fit_a_small_phone_and_pass_axe(
    browser, browser_context_args, live_server, scheme
):
    user = UserFactory()
    # axe is injected as a script, which the site's Content-Security-Policy would block.
    context = browser.new_context(
        **browser_context_args | {"viewport": {"width": 360, "height": 740}},
        bypass_csp=True,
        color_scheme=scheme,
    )
    page = context.new_page()
    axe = Axe()
    for path in VISITOR_PAGES:
        page.goto(live_server.url + path)
        assert page.evaluate("document.documentElement.scrollWidth") <= 360, path
        results = axe.run(page)
        assert results.violations_count == 0, (path, results.generate_report())
    _log_in(page, live_server, user)
    for path in MEMBER_PAGES:
        page.goto(live_server.url + path)
        assert page.evaluate("document.documentElement.scrollWidth") <= 360, path
        results = axe.run(page)
        assert results.violations_count == 0, (path, results.generate_report())
    context.close()
