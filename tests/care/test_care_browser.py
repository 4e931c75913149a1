"""In a browser: a link made on a phone, opened on a desktop, printed to PDF and switched off;
flare-up mode switched on and Today offering the gentle routine."""

import os
import shutil
import subprocess
from datetime import timedelta

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from tests.browser_login import log_in
from tests.factories import ExerciseFactory, RoutineFactory, ScheduledSessionFactory, UserFactory
from tests.workouts.progress_data import finished, logged, pain_note

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]
DESKTOP = {"viewport": {"width": 1280, "height": 900}}


def keep(path):
    """Copy a screenshot or PDF page to SCREENSHOT_DIR when set, to look at by eye."""
    folder = os.environ.get("SCREENSHOT_DIR")
    if folder:
        os.makedirs(folder, exist_ok=True)
        shutil.copy(path, folder)


def shot(page, tmp_path, name):
    path = tmp_path / f"{name}.png"
    page.screenshot(path=path, full_page=True)
    keep(path)


def no_sideways_scroll(page):
    # On a phone the layout viewport grows with wide content, so compare with the screen.
    assert page.evaluate("document.documentElement.scrollWidth") <= 390


@pytest.fixture
def person():
    user = UserFactory()
    row = ExerciseFactory(name="Zz seated row", slug="zz-seated-row")
    now = timezone.now()
    for n, days in enumerate((2, 5, 9, 12, 16)):
        session = finished(
            user,
            now - timedelta(days=days),
            pain_before=n % 2 * 3,
            pain_after=None if n == 1 else 2,
        )
        entry = logged(session, row, [{"reps": 10, "weight": 20 + n}] * 2)
    pain_note(entry=entry, intensity=0, areas=["between-shoulder-blades"], kind="stiffness")
    return user


def test_a_link_made_on_a_phone_opens_prints_and_is_switched_off(
    page, browser, live_server, person, tmp_path
):
    log_in(page, live_server, person)
    page.goto(live_server.url + "/share/")
    page.get_by_label("Who it is for").fill("Dr Lee, physio")
    page.get_by_label("How many weeks").fill("4")
    page.get_by_role("button", name="Make the link").click()

    address = page.get_by_label("The link").input_value()
    assert "/shared/" in address
    expect(page.get_by_role("button", name="Copy the link")).to_be_visible()
    expect(page.locator("svg.qr-code")).to_be_visible()
    no_sideways_scroll(page)
    shot(page, tmp_path, "share-created-phone")

    desktop = browser.new_context(**DESKTOP)
    clinic = desktop.new_page()
    response = clinic.goto(address)
    assert response.status == 200
    assert response.headers["cache-control"] == "private, no-store"
    expect(clinic.get_by_role("heading", level=2).first).to_contain_text("Mid-back training")
    expect(clinic.locator("nav")).to_have_count(0)
    expect(clinic.locator("form")).to_have_count(0)
    expect(
        clinic.get_by_role("rowheader", name="Between the shoulder blades", exact=True)
    ).to_be_visible()
    shot(clinic, tmp_path, "shared-desktop")
    pdf = tmp_path / "shared.pdf"
    clinic.emulate_media(media="print")
    clinic.pdf(path=pdf, format="A4")
    assert pdf.read_bytes().startswith(b"%PDF")
    if shutil.which("pdftoppm"):
        subprocess.run(["pdftoppm", "-png", "-r", "60", pdf, tmp_path / "shared-pdf"], check=True)
        pages = sorted(tmp_path.glob("shared-pdf*.png"))
        assert 1 <= len(pages) <= 4
        for path in pages:
            keep(path)

    page.goto(live_server.url + "/share/")
    expect(page.get_by_text("Opened 1 time")).to_be_visible()
    page.get_by_role("link", name="Switch off Dr Lee, physio").click()
    page.get_by_role("button", name="Switch it off").click()
    expect(page.get_by_text("Switched off", exact=True)).to_be_visible()
    shot(page, tmp_path, "share-list-phone")

    assert clinic.goto(address).status == 404
    desktop.close()


def test_flare_up_mode_pauses_strength_and_today_offers_the_gentle_routine(
    page, live_server, tmp_path
):
    user = UserFactory()
    today = timezone.localdate()
    strength = RoutineFactory(user=user, name="Gym pulls", purpose="strength")
    ScheduledSessionFactory(user=user, routine=strength, start_date=today)
    log_in(page, live_server, user)

    page.goto(live_server.url + "/flare-up/")
    shot(page, tmp_path, "flare-off-phone")
    page.get_by_label("For how many days").select_option("5")
    page.get_by_role("button", name="Switch on flare-up mode").click()
    expect(page.get_by_text("Flare-up mode is on until")).to_be_visible()
    no_sideways_scroll(page)
    shot(page, tmp_path, "flare-on-phone")

    page.goto(live_server.url + "/routines/today/")
    expect(page.get_by_text("Paused: flare-up").first).to_be_visible()
    expect(page.get_by_role("button", name="Start Gym pulls")).to_have_count(0)
    start = page.get_by_role("button", name="Start the gentle routine")
    expect(start).to_be_visible()
    assert start.bounding_box()["height"] >= 44
    no_sideways_scroll(page)
    shot(page, tmp_path, "today-flare-phone")

    start.click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Daily mid-back mobility")
    shot(page, tmp_path, "gentle-session-phone")

    page.goto(live_server.url + "/routines/week/")
    expect(page.get_by_text("1 strength session is paused for your flare-up.")).to_be_visible()
    shot(page, tmp_path, "week-flare-phone")

    page.goto(live_server.url + "/sessions/progress/")
    expect(page.locator("rect.chart-flare").first).to_be_attached()
    shot(page, tmp_path, "progress-flare-phone")


def test_worsening_pain_shows_a_suggestion_on_today(page, live_server, person, tmp_path):
    row = ExerciseFactory(name="Zz face pull", slug="zz-face-pull")
    for days in (1, 2):
        session = finished(person, timezone.now() - timedelta(days=days))
        logged(session, row, []).stop_for_pain()
    log_in(page, live_server, person)

    page.goto(live_server.url + "/")
    suggestion = page.locator("[data-flare-suggestion]")
    expect(suggestion).to_contain_text("You stopped 2 movements for pain in the last week.")
    no_sideways_scroll(page)
    shot(page, tmp_path, "today-suggestion-phone")
    suggestion.get_by_role("link").click()
    expect(page.get_by_role("button", name="Switch on flare-up mode")).to_be_visible()

    page.goto(live_server.url + "/sessions/report/")
    expect(page.get_by_role("heading", name="Skipped and stopped movements")).to_be_visible()
    no_sideways_scroll(page)
    shot(page, tmp_path, "report-phone")
