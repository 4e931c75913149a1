"""A gym basement on a phone: a service worker on the live server, the signal cut with
Playwright's set_offline, and the queue checked against the database."""

import re

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.contrib.sessions.models import Session
from playwright.sync_api import expect

from tests.browser_login import log_in
from tests.factories import PASSWORD, UserFactory
from tests.workouts.test_logging_browser import person  # noqa: F401
from workouts.models import PainNote, SetLog, WorkoutSession

pytestmark = [
    pytest.mark.browser,
    pytest.mark.service_worker,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

LOG_SET = re.compile(r"^Log set")


def movement(page, name):
    """A movement's card on the session page: the <details> titled by its heading."""
    return page.locator("details.entry", has=page.get_by_role("heading", level=2, name=name))


def queued(page):
    return page.locator("[data-offline-list] [data-offline-item]")


def wait_until_kept(page):
    """The worker controls the page and keeps every page the server listed for offline use."""
    page.wait_for_function("() => navigator.serviceWorker.controller !== null")
    for _ in range(100):
        if page.evaluate(
            """async () => {
                const pages = await MidbackQueue.meta("pages");
                if (!pages || !pages.includes(location.pathname)) return false;
                const cache = await caches.open("midback-pages");
                for (const path of pages) if (!(await cache.match(path))) return false;
                return true;
            }"""
        ):
            return
        page.wait_for_timeout(200)
    raise AssertionError("The pages for offline use were not kept.")


def open_session(page, live_server, user):
    """Logged in, on the session in progress (started here, so the page loads only once)."""
    session, _ = WorkoutSession.start(user, routine=user.routines.get())
    log_in(page, live_server, user)
    page.goto(live_server.url + session.get_absolute_url())
    expect(page.get_by_role("heading", level=1, name="Zz short session")).to_be_visible()
    wait_until_kept(page)
    return page.url


def cached_everything(page):
    """Every URL and body in the phone's caches, and every item in the offline queue."""
    return page.evaluate(
        """async () => {
            const found = [];
            for (const name of await caches.keys()) {
                const cache = await caches.open(name);
                for (const request of await cache.keys()) {
                    const response = await cache.match(request);
                    found.push({cache: name, url: request.url, body: await response.text()});
                }
            }
            const items = await MidbackQueue.items();
            return {caches: found, items};
        }"""
    )


def test_a_session_logged_with_no_signal_reaches_the_server_once(page, live_server, person):  # noqa: F811
    session_url = open_session(page, live_server, person)
    row = movement(page, "Zz Row")

    page.context.set_offline(True)
    for number in (1, 2, 3):
        row.get_by_role("button", name=LOG_SET).click()
        expect(queued(page)).to_have_count(number)
        expect(queued(page).nth(number - 1)).to_contain_text(f"Zz Row: Log set {number}")
    expect(queued(page).filter(has_text="Waiting to send")).to_have_count(3)
    expect(page.get_by_role("status").filter(has_text="No signal")).to_contain_text("3 changes")

    # The pain form loads into the card when its section opens, which needs signal: with none,
    # its own page opens instead, kept on the phone.
    row.get_by_text("Note pain or discomfort").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Zz Row")
    # The list of areas is the accessible control (the map is a pointer shortcut).
    page.get_by_text("Choose from a list").click()
    page.get_by_label("Between the shoulder blades").check()
    page.get_by_role("radio", name="4", exact=True).check()
    page.get_by_label("Stiffness").check()
    page.get_by_role("button", name="Save note").click()
    expect(queued(page)).to_have_count(4)
    expect(queued(page).last).to_contain_text("Zz Row")
    expect(queued(page).last).to_contain_text("Waiting to send")
    axe = Axe().run(page)
    assert axe.violations_count == 0, axe.generate_report()

    page.goto(session_url)
    expect(page.get_by_role("heading", level=1, name="Zz short session")).to_be_visible()
    expect(queued(page)).to_have_count(4)
    page.reload()
    expect(queued(page).filter(has_text="Waiting to send")).to_have_count(4)
    assert not SetLog.objects.exists() and not PainNote.objects.exists()

    # The tab is closed and opened again, still with no signal.
    context = page.context
    page.close()
    page = context.new_page()
    page.goto(session_url)
    expect(queued(page).filter(has_text="Waiting to send")).to_have_count(4)
    axe = Axe().run(page)
    assert axe.violations_count == 0, axe.generate_report()

    context.set_offline(False)
    expect(queued(page).filter(has_text="Sent")).to_have_count(4, timeout=15000)
    expect(page.get_by_role("status").filter(has_text="has been sent")).to_be_visible()
    # Its two planned sets are done, so the card has folded away: open it to see the next set.
    row = movement(page, "Zz Row")
    expect(row).not_to_have_attribute("open", "")
    row.get_by_role("heading", name="Zz Row").click()
    expect(row.get_by_role("button", name="Log set 4")).to_be_visible()
    page.reload()
    page.wait_for_load_state("networkidle")

    session = WorkoutSession.objects.get()
    sets = SetLog.objects.filter(entry__session=session).order_by("pk")
    assert [s.reps for s in sets] == [10, 10, 10]
    note = PainNote.objects.get()
    assert (note.intensity, note.kind, note.areas) == (4, "stiffness", ["between-shoulder-blades"])
    assert note.session == session


def menu_log_out(page):
    page.get_by_text("Menu").click()
    page.get_by_role("button", name="Log out").click()


def nothing_of(page, user):
    """Nothing of this person in the phone's caches or queue."""
    found = cached_everything(page)
    assert found["items"] == []
    for entry in found["caches"]:
        assert "/sessions/" not in entry["url"] and "/routines/" not in entry["url"], entry["url"]
        assert user.username not in entry["body"], entry["url"]
        assert "Zz short session" not in entry["body"], entry["url"]


def test_log_out_sends_what_waits_first_and_leaves_nothing_behind(page, live_server, person):  # noqa: F811
    open_session(page, live_server, person)
    page.context.set_offline(True)
    row = movement(page, "Zz Row")
    row.get_by_role("button", name=LOG_SET).click()
    row.get_by_role("button", name=LOG_SET).click()
    expect(queued(page)).to_have_count(2)

    menu_log_out(page)
    dialog = page.get_by_role("dialog", name="Some changes have not been sent yet")
    expect(dialog).to_contain_text("2 changes made without signal")
    axe = Axe().run(page)
    assert axe.violations_count == 0, axe.generate_report()
    page.context.set_offline(False)
    dialog.get_by_role("button", name="Send them, then log out").click()
    expect(page.get_by_role("link", name="Log in")).to_be_visible()

    assert SetLog.objects.count() == 2
    page.wait_for_function("() => navigator.serviceWorker.controller !== null")
    nothing_of(page, person)


def test_log_out_can_discard_what_waits_knowingly(page, live_server, person):  # noqa: F811
    open_session(page, live_server, person)
    page.context.set_offline(True)
    movement(page, "Zz Row").get_by_role("button", name=LOG_SET).click()
    expect(queued(page)).to_have_count(1)

    menu_log_out(page)
    dialog = page.get_by_role("dialog")
    expect(dialog).to_contain_text("1 change made without signal is still on this phone")
    dialog.get_by_role("button", name="Log out and delete them").click()
    # Logging out itself needs signal; with none our own page says so.
    expect(page.get_by_role("heading", level=1, name="No signal")).to_be_visible()
    nothing_of(page, person)
    page.context.set_offline(False)
    assert not SetLog.objects.exists()


def test_logged_out_by_the_server_while_offline_logs_in_and_then_sends(page, live_server, person):  # noqa: F811
    session_url = open_session(page, live_server, person)
    page.context.set_offline(True)
    movement(page, "Zz Row").get_by_role("button", name=LOG_SET).click()
    expect(queued(page)).to_have_count(1)
    Session.objects.all().delete()

    page.context.set_offline(False)
    status = page.get_by_role("status").filter(has_text="You were logged out")
    expect(status).to_be_visible()
    assert not SetLog.objects.exists()
    status.get_by_role("link", name="Log in").click()
    expect(page.get_by_role("status").filter(has_text="You were logged out")).to_be_visible()
    page.get_by_label("Username or email").fill(person.username)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in", exact=True).click()
    expect(page).to_have_url(session_url)
    expect(queued(page).filter(has_text="Sent")).to_have_count(1)
    assert SetLog.objects.count() == 1


def test_a_change_the_server_no_longer_takes_is_shown_refused(page, live_server, person):  # noqa: F811
    open_session(page, live_server, person)
    page.context.set_offline(True)
    movement(page, "Zz Row").get_by_role("button", name=LOG_SET).click()
    expect(queued(page)).to_have_count(1)
    WorkoutSession.objects.all().delete()  # cancelled on another device

    page.context.set_offline(False)
    refused = queued(page).filter(has_text="Not accepted")
    expect(refused).to_have_count(1)
    expect(refused).to_contain_text("no longer there")
    assert not SetLog.objects.exists()


def test_a_set_whose_answer_is_lost_is_queued_and_saved_once(page, live_server, person):  # noqa: F811
    open_session(page, live_server, person)
    lost = []

    def answer_lost(route):
        # The set reaches the server, but the answer never reaches the phone.
        route.fetch()
        lost.append(route.request.post_data)
        route.abort("connectionreset")

    page.route("**/sessions/movements/*/sets/", answer_lost, times=1)
    row = movement(page, "Zz Row")
    row.get_by_role("button", name=LOG_SET).click()
    expect(queued(page).filter(has_text="Sent")).to_have_count(1, timeout=15000)
    assert len(lost) == 1
    assert SetLog.objects.count() == 1
    row.get_by_role("button", name="Log set 2").click()
    # Both planned sets are in: the card says so (and folds away).
    expect(movement(page, "Zz Row").get_by_text("2 of 2 sets")).to_be_visible()
    assert SetLog.objects.count() == 2


def test_the_app_is_installable_and_other_pages_say_offline(page, live_server, person):  # noqa: F811
    open_session(page, live_server, person)
    client = page.context.new_cdp_session(page)
    errors = client.send("Page.getInstallabilityErrors")["installabilityErrors"]
    # A Playwright context is a private window, where nothing can be installed.
    assert [error["errorId"] for error in errors if error["errorId"] != "in-incognito"] == []
    manifest = client.send("Page.getAppManifest")
    assert manifest["errors"] == []

    page.context.set_offline(True)
    page.goto(live_server.url + "/routines/")
    expect(page.get_by_role("heading", level=1, name="No signal")).to_be_visible()
    axe = Axe().run(page)
    assert axe.violations_count == 0, axe.generate_report()
    page.get_by_role("link", name="Today").click()
    expect(page.get_by_role("heading", level=1)).not_to_have_text("No signal")


def shell_caches(page):
    return page.evaluate(
        "async () => (await caches.keys()).filter((name) => name.startsWith('midback-shell-'))"
    )


def test_a_new_release_replaces_the_worker_and_its_caches(page, live_server, person, monkeypatch):  # noqa: F811
    from offline import views

    session_url = open_session(page, live_server, person)
    (before,) = shell_caches(page)

    monkeypatch.setattr(views, "SHELL", [*views.SHELL, "img/icon-512.png"])
    page.evaluate("async () => (await navigator.serviceWorker.getRegistration()).update()")
    for _ in range(100):
        names = shell_caches(page)
        if names and before not in names:
            break
        page.wait_for_timeout(200)
    assert len(names) == 1 and names != [before]
    wait_until_kept(page)

    page.context.set_offline(True)
    page.goto(session_url)
    expect(page.get_by_role("heading", level=1, name="Zz short session")).to_be_visible()
    expect(movement(page, "Zz Row").get_by_role("button", name=LOG_SET)).to_be_visible()


def test_a_save_left_unanswered_is_queued_and_sent_once(page, live_server, person):  # noqa: F811
    open_session(page, live_server, person)
    held = []
    # The set reaches the server; its answer does not come back (the request hangs).
    page.route("**/sessions/movements/*/sets/", lambda route: held.append(route.fetch()), times=1)
    movement(page, "Zz Row").get_by_role("button", name=LOG_SET).click()
    expect(queued(page).filter(has_text="Sent")).to_have_count(1, timeout=20000)
    assert len(held) == 1
    assert SetLog.objects.count() == 1


def test_another_persons_log_in_finds_nothing_of_the_first(page, live_server, person):  # noqa: F811
    session_url = open_session(page, live_server, person)
    Session.objects.all().delete()  # the first person's session ends on the server
    other = UserFactory()
    page.goto(live_server.url + "/accounts/login/")
    page.get_by_label("Username or email").fill(other.username)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in", exact=True).click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Today")
    wait_until_kept(page)
    found = cached_everything(page)
    urls = {entry["url"] for entry in found["caches"]}
    assert live_server.url + "/" in urls  # the second person's Today
    assert session_url not in urls
    assert not any("Zz short session" in entry["body"] for entry in found["caches"])


def test_finishing_on_a_signal_that_only_looks_fine_waits_on_the_phone(page, live_server, person):  # noqa: F811
    session_url = open_session(page, live_server, person)
    # The phone believes it is online; no request gets through.
    page.evaluate("Object.defineProperty(navigator, 'onLine', {get: () => true})")
    page.context.set_offline(True)
    page.get_by_role("heading", name="Finish the session").click()  # its card opens
    page.get_by_label("Duration (minutes)").fill("0")
    page.get_by_role("button", name="Finish session").click()
    expect(page).to_have_url(session_url)
    expect(queued(page)).to_have_count(1)
    expect(queued(page)).to_contain_text("Finish the session")
    assert WorkoutSession.objects.get().is_in_progress

    page.context.set_offline(False)
    page.reload()
    expect(queued(page).filter(has_text="Sent")).to_have_count(1)
    session = WorkoutSession.objects.get()
    assert not session.is_in_progress and session.duration_minutes == 0
