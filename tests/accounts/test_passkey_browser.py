"""A passkey made and used in Chromium, with its virtual authenticator over the DevTools
protocol standing in for a phone's fingerprint reader."""

import pytest
from allauth.mfa.models import Authenticator
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect

from tests.browser_login import log_in
from tests.factories import UserFactory

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


@pytest.fixture
def authenticator(page):
    cdp = page.context.new_cdp_session(page)
    cdp.send("WebAuthn.enable")
    found = cdp.send(
        "WebAuthn.addVirtualAuthenticator",
        {
            "options": {
                "protocol": "ctap2",
                "transport": "internal",
                "hasResidentKey": True,
                "hasUserVerification": True,
                "isUserVerified": True,
                "automaticPresenceSimulation": True,
            }
        },
    )
    yield cdp, found["authenticatorId"]
    cdp.send("WebAuthn.disable")


@pytest.fixture(autouse=True)
def _http_on_localhost(settings):
    # live_server speaks plain HTTP; browsers allow WebAuthn on localhost, allauth must too.
    settings.MFA_WEBAUTHN_ALLOW_INSECURE_ORIGIN = True


def test_a_person_adds_a_passkey_and_logs_in_with_it_alone(page, live_server, authenticator):
    cdp, authenticator_id = authenticator
    user = UserFactory()
    errors = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.on("console", lambda m: m.type == "error" and errors.append(m.text))
    log_in(page, live_server, user)

    page.goto(live_server.url + "/accounts/2fa/")
    page.get_by_role("link", name="Add a passkey").click()
    page.get_by_label("Name").fill("My phone")
    page.get_by_label("Passwordless").check()
    page.locator("#mfa_webauthn_add").click()
    page.wait_for_url(lambda url: "/webauthn/add/" not in url)

    key = Authenticator.objects.get(user=user, type=Authenticator.Type.WEBAUTHN)
    assert key.wrap().name == "My phone"
    credentials = cdp.send("WebAuthn.getCredentials", {"authenticatorId": authenticator_id})
    assert len(credentials["credentials"]) == 1
    assert credentials["credentials"][0]["isResidentCredential"]

    page.context.clear_cookies()
    page.goto(live_server.url + "/accounts/login/")
    page.get_by_role("button", name="Log in with a passkey").click()

    page.wait_for_url(live_server.url + "/")
    page.locator("summary", has_text="Menu").click()
    expect(page.get_by_role("link", name="Settings")).to_be_visible()
    assert [e for e in errors if "favicon" not in e] == []


def test_the_login_page_with_its_passkey_button_passes_axe(
    browser, browser_context_args, live_server
):
    context = browser.new_context(**browser_context_args, bypass_csp=True)
    page = context.new_page()
    page.goto(live_server.url + "/accounts/login/")

    results = Axe().run(page)

    assert results.violations_count == 0, results.generate_report()
    context.close()
