"""The strict Content-Security-Policy holds in a real browser: no page, and no htmx swap,
needs an inline script, an inline style or a handler attribute that the policy blocks."""

import pytest
from playwright.sync_api import expect

from tests.browser_login import log_in

pytestmark = [
    pytest.mark.browser,
    # serialized_rollback brings back the library content the migrations loaded.
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

RECORD_VIOLATIONS = """
window.__cspViolations = [];
document.addEventListener("securitypolicyviolation", (event) => {
  window.__cspViolations.push(
    `${event.violatedDirective} blocked ${event.blockedURI || "inline"} at ` +
    `${event.sourceFile || document.location.pathname}:${event.lineNumber}`
  );
});
"""


@pytest.fixture
def watched_page(page):
    console_errors = []
    page.on(
        "console",
        lambda message: (
            console_errors.append(message.text)
            if "Content Security Policy" in message.text or "Permissions-Policy" in message.text
            else None
        ),
    )
    page.add_init_script(RECORD_VIOLATIONS)

    def violations():
        return console_errors + page.evaluate("window.__cspViolations")

    page.csp_violations = violations
    return page


def test_the_home_page_and_the_library_filter_run_within_the_policy(watched_page, live_server):
    page = watched_page
    page.goto(live_server.url + "/")
    assert page.csp_violations() == []

    page.goto(live_server.url + "/exercises/")
    everything = page.locator(".exercise-card").count()
    with page.expect_response(lambda response: "kind=strength" in response.url):
        page.locator("#exercise-filters select[name=kind]").select_option("strength")
    # expect() polls from Playwright's side: a string predicate would be eval'd in the page,
    # which this very policy forbids.
    expect(page.locator(".exercise-card")).not_to_have_count(everything)
    assert "kind=strength" in page.url  # swapped by htmx, URL pushed
    assert page.csp_violations() == []

    page.locator(".exercise-card a").first.click()
    page.wait_for_load_state()
    assert page.csp_violations() == []


def visit_the_navigation(page, live_server):
    page.goto(live_server.url + "/")
    links = page.eval_on_selector_all(
        "header a[href^='/'], footer a[href^='/']", "links => links.map(a => a.pathname)"
    )
    found = {}
    for path in dict.fromkeys(links):
        page.goto(live_server.url + path)
        found[path] = page.csp_violations()
    return found


def test_every_page_in_the_navigation_runs_within_the_policy(watched_page, live_server, user):
    page = watched_page
    for_visitors = visit_the_navigation(page, live_server)
    log_in(page, live_server, user)
    for_members = visit_the_navigation(page, live_server)

    assert len(for_members) > len(for_visitors) > 1
    assert {path: found for path, found in for_visitors.items() if found} == {}
    assert {path: found for path, found in for_members.items() if found} == {}


def test_the_policy_blocks_an_injected_inline_script_and_the_watch_sees_it(
    watched_page, live_server
):
    page = watched_page
    page.goto(live_server.url + "/")

    page.evaluate(
        """() => {
          const script = document.createElement("script");
          script.textContent = "window.injected = true";
          document.body.append(script);
        }"""
    )

    assert page.evaluate("window.injected") is None
    assert any("script-src" in found for found in page.csp_violations())
