"""Our own pages for a refused body and a database that is down, on a 390 px phone."""

import os
from unittest import mock

import pytest
from django.db import OperationalError
from django.db.backends.base.base import BaseDatabaseWrapper
from playwright.sync_api import expect

from tests.browser_login import log_in
from tests.factories import UserFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

SHOTS = os.environ.get("SCREENSHOT_DIR")


def fits_the_phone(page, name):
    if SHOTS:
        page.screenshot(path=f"{SHOTS}/{name}.png", full_page=True)
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= page.viewport_size["width"], f"{name} scrolls sideways: {width}px"
    # The stylesheet arrived (the pages name it without a hash, rendered without a request).
    assert page.evaluate("getComputedStyle(document.body).margin") != "8px"


def test_the_413_page_reads_well_on_a_phone(page, live_server):
    page.goto(f"{live_server.url}/accounts/login/")
    # A form far larger than any page takes, as a script gone wrong might send.
    page.evaluate(
        """() => {
            const form = document.querySelector("main form");
            const field = document.createElement("input");
            field.type = "hidden";
            field.name = "padding";
            field.value = "x".repeat(2 * 1024 * 1024);
            form.append(field);
        }"""
    )
    page.get_by_label("Username").fill("kim")
    page.get_by_label("Password").fill("secret")
    with page.expect_response(lambda r: r.request.method == "POST") as answer:
        page.get_by_role("button", name="Log in", exact=True).click()

    assert answer.value.status == 413
    expect(page.get_by_role("heading", level=1)).to_have_text("Too much to send")
    expect(page.get_by_role("link", name="Back to the start")).to_be_visible()
    fits_the_phone(page, "request-refused-413")


def test_the_503_page_reads_well_on_a_phone(page, live_server):
    log_in(page, live_server, UserFactory())
    # Every query fails, as with the server gone; the live server's own connection bookkeeping
    # between requests (request_started) is left alone, as a real lost connection leaves it.
    with mock.patch.object(BaseDatabaseWrapper, "_cursor", side_effect=OperationalError("gone")):
        response = page.goto(f"{live_server.url}/routines/today/")

    assert response.status == 503
    expect(page.get_by_role("heading", level=1)).to_have_text("Back in a moment")
    expect(page.get_by_role("link", name="Try again")).to_be_visible()
    fits_the_phone(page, "database-down-503")
