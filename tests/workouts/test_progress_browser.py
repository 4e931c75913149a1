"""The progress page on a phone: charts people can see, with names screen readers announce."""

import re
from datetime import timedelta

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
from django.contrib.sessions.backends.db import SessionStore
from django.utils import timezone
from playwright.sync_api import expect

from exercises.models import Kind
from tests.browser_login import BACKEND, log_in
from tests.factories import ExerciseFactory, UserFactory
from tests.workouts.progress_data import finished, logged

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def logged_in_context(browser, browser_context_args, live_server, user, scheme):
    # axe is injected as a script, which the site's Content-Security-Policy would block.
    context = browser.new_context(**browser_context_args, bypass_csp=True, color_scheme=scheme)
    session = SessionStore()
    session[SESSION_KEY] = str(user.pk)
    session[BACKEND_SESSION_KEY] = BACKEND
    session[HASH_SESSION_KEY] = user.get_session_auth_hash()
    session.save()
    context.add_cookies(
        [{"name": "sessionid", "value": session.session_key, "url": live_server.url}]
    )
    return context


def some_weeks_of_training(user):
    row = ExerciseFactory(name="Zz seated row", slug="zz-seated-row")
    pose = ExerciseFactory(
        name="Zz child's pose", kind=Kind.MOBILITY, reps_min=None, reps_max=None, hold_seconds=30
    )
    now = timezone.now()
    for n, days in enumerate((2, 4, 9, 11, 16, 23, 30, 37)):
        session = finished(user, now - timedelta(days=days), pain_before=5 - n % 3, pain_after=2)
        logged(session, row, [{"reps": 10, "weight": 20 + n}] * 3)
        logged(session, pose, [{"hold_seconds": 45}] * 2)


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_the_charts_show_on_a_phone_with_names_and_no_axe_violations(
    browser, browser_context_args, live_server, scheme
):
    user = UserFactory()
    some_weeks_of_training(user)
    context = logged_in_context(browser, browser_context_args, live_server, user, scheme)
    page = context.new_page()

    page.goto(live_server.url + "/sessions/progress/")

    charts = page.locator("svg.chart")
    expect(charts).to_have_count(4)
    for n in range(4):
        expect(charts.nth(n)).to_be_visible()
    expect(
        page.get_by_role("img", name=re.compile(r"^Sessions per week 8 sessions"))
    ).to_be_visible()
    expect(
        page.get_by_role("img", name=re.compile("^Pain before and after sessions"))
    ).to_be_visible()
    expect(
        page.get_by_role("img", name=re.compile(r"^Strength volume per week \(kg\)"))
    ).to_be_visible()
    expect(page.get_by_role("img", name=re.compile("^Stretch hold time per week"))).to_be_visible()
    box = charts.first.bounding_box()
    assert box["width"] > 300
    assert page.evaluate("document.documentElement.scrollWidth") <= 390

    page.get_by_text("Show the numbers").first.click()
    expect(page.get_by_role("cell", name="2").first).to_be_visible()

    results = Axe().run(page)
    assert results.violations_count == 0, results.generate_report()

    # Choosing a shorter period swaps the charts in place.
    page.get_by_label("Show the last").select_option("4")
    expect(
        page.get_by_role("img", name=re.compile(r"^Sessions per week \d+ sessions over 4 weeks"))
    ).to_be_visible()
    assert "weeks=4" in page.url
    context.close()


def test_history_movement_and_report_pages_fit_a_phone_and_pass_axe(
    browser, browser_context_args, live_server
):
    user = UserFactory()
    some_weeks_of_training(user)
    context = logged_in_context(browser, browser_context_args, live_server, user, "light")
    page = context.new_page()
    axe = Axe()

    for path, heading in [
        ("/sessions/history/", "History"),
        ("/sessions/progress/zz-seated-row/", "Zz seated row"),
        ("/sessions/report/", "Report and export"),
    ]:
        page.goto(live_server.url + path)
        expect(page.get_by_role("heading", level=1)).to_have_text(heading)
        assert page.evaluate("document.documentElement.scrollWidth") <= 390, path
        results = axe.run(page)
        assert results.violations_count == 0, (path, results.generate_report())

    # The report's Print button appears once its script runs.
    expect(page.get_by_role("button", name="Print")).to_be_visible()
    context.close()


def test_two_sessions_on_one_day_give_one_readable_axis_label(page, live_server):
    user = UserFactory()
    row = ExerciseFactory(name="Zz seated row", slug="zz-seated-row")
    today = (timezone.localtime() - timedelta(days=2)).replace(hour=12, minute=0)
    for start, before in [(today - timedelta(days=1, hours=4), 5), (today - timedelta(days=1), 4)]:
        logged(finished(user, start, pain_before=before, pain_after=2), row, [{"reps": 10}])
    logged(finished(user, today, pain_before=3, pain_after=1), row, [{"reps": 10}])
    log_in(page, live_server, user)

    page.goto(live_server.url + "/sessions/progress/")

    chart = page.get_by_role("img", name=re.compile("^Pain before and after sessions"))
    labels = chart.locator(".chart-axis text")
    expect(labels).to_have_count(2)
    texts = labels.all_text_contents()
    assert len(set(texts)) == 2
    first, second = (labels.nth(n).bounding_box() for n in range(2))
    assert first["x"] + first["width"] < second["x"]  # readable: they do not overlap
    markers = chart.locator(".series-before circle")
    expect(markers).to_have_count(3)
    boxes = [markers.nth(n).bounding_box() for n in range(3)]
    assert boxes[0]["x"] + boxes[0]["width"] < boxes[1]["x"]  # the day's two points apart
    titles = [markers.nth(n).locator("title").text_content() for n in range(2)]
    assert titles[0] != titles[1] and all(", " in title for title in titles)
