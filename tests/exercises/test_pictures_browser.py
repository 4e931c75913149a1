"""The movement pictures in a phone-sized Chromium: shown, labelled, pausable, and still
for people who ask for less motion."""

import pytest
from playwright.sync_api import expect

from exercises.figures import BY_SLUG
from exercises.models import Exercise
from tests.browser_login import log_in
from tests.factories import SessionExerciseFactory, UserFactory, WorkoutSessionFactory

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

PAUSE = "Pause the animation and show each position"


def loaded(image):
    # decode() waits for an image that has only just been shown (lazy) to arrive; a broken one
    # rejects.
    return image.evaluate("img => img.decode().then(() => img.naturalWidth > 0, () => false)")


def fits_the_phone(page):
    return page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")


def test_every_movement_shows_its_animation_and_pauses_to_captioned_positions(page, live_server):
    for slug, drawing in BY_SLUG.items():
        exercise = Exercise.objects.get(slug=slug)
        page.goto(f"{live_server.url}/exercises/{slug}/")
        figure = page.locator(".movement-figure")
        animation = figure.locator(".figure-animation")
        stills = figure.locator(".figure-stills img")

        expect(animation).to_be_visible()
        assert loaded(animation), slug
        assert animation.get_attribute("alt").startswith(exercise.name)
        expect(stills.first).to_be_hidden()
        assert fits_the_phone(page), slug

        # Pausing works from the keyboard, and without any script of ours.
        page.get_by_label(PAUSE).focus()
        page.keyboard.press("Space")
        expect(animation).to_be_hidden()
        expect(stills).to_have_count(len(drawing.positions))
        for number, position in enumerate(drawing.positions, start=1):
            still = stills.nth(number - 1)
            expect(still).to_be_visible()
            assert loaded(still), (slug, number)
            assert still.get_attribute("alt") == f"Position {number}: {position.caption}"
        expect(figure.locator(".figure-caption").first).to_be_visible()
        assert fits_the_phone(page), slug


def test_the_animation_moves(page, live_server):
    page.goto(f"{live_server.url}/exercises/cat-cow/")
    animation = page.locator(".figure-animation")
    expect(animation).to_be_visible()

    first = animation.screenshot()
    page.wait_for_timeout(1500)

    assert animation.screenshot() != first


def test_with_reduced_motion_only_the_still_positions_show(
    browser, browser_context_args, live_server
):
    context = browser.new_context(**browser_context_args, reduced_motion="reduce")
    page = context.new_page()
    for slug, drawing in BY_SLUG.items():
        page.goto(f"{live_server.url}/exercises/{slug}/")
        figure = page.locator(".movement-figure")

        expect(figure.locator(".figure-animation")).to_be_hidden()
        expect(figure.locator(".figure-pause-label")).to_be_hidden()
        stills = figure.locator(".figure-stills img")
        for number in range(len(drawing.positions)):
            expect(stills.nth(number)).to_be_visible()
        expect(figure.locator(".figure-caption").first).to_be_visible()
    context.close()


def test_printed_pages_show_the_still_positions(page, live_server):
    page.goto(f"{live_server.url}/exercises/face-pull/")
    page.emulate_media(media="print")

    expect(page.locator(".figure-animation")).to_be_hidden()
    expect(page.locator(".figure-stills img").first).to_be_visible()


def test_the_session_how_to_sheet_shows_the_animation(page, live_server):
    user = UserFactory()
    session = WorkoutSessionFactory(user=user)
    SessionExerciseFactory(session=session, exercise=Exercise.objects.get(slug="face-pull"))
    log_in(page, live_server, user)
    page.goto(f"{live_server.url}/sessions/{session.pk}/")

    page.get_by_role("link", name="How to do Face pull").click()
    sheet = page.get_by_role("dialog", name="How to do Face pull")
    expect(sheet).to_be_visible()

    animation = sheet.locator(".figure-animation")
    expect(animation).to_be_visible()
    assert loaded(animation)
    assert animation.get_attribute("alt").startswith("Face pull. ")
    sheet.get_by_label(PAUSE).check()
    expect(sheet.locator(".figure-stills img")).to_have_count(2)
    expect(sheet.locator(".figure-stills img").first).to_be_visible()
    assert fits_the_phone(page)
