"""Screenshots of the main pages on a 390 px phone, to look at by eye (not part of the suite).

    SCREENSHOTS=/tmp/shots .venv/bin/pytest tests/screenshots.py -n 0

Each page is saved as <dir>/<name>.png, full height; open them and check that nothing is cut
off, doubled or overflowing.
"""

import os
import re
from datetime import timedelta
from pathlib import Path

import pytest
from django.utils import timezone

from exercises.models import Exercise
from tests.browser_login import log_in
from tests.factories import (
    PainNoteFactory,
    RoutineFactory,
    RoutineItemFactory,
    ScheduledSessionFactory,
    UserFactory,
)
from tests.workouts.progress_data import finished, logged
from workouts.models import CheckIn, WorkoutSession

SHOTS = os.environ.get("SCREENSHOTS")

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
    pytest.mark.skipif(not SHOTS, reason="set SCREENSHOTS=<folder> to take the screenshots"),
]

VISITOR_PAGES = {
    "visitor-home": "/",
    "visitor-library": "/exercises/",
    "visitor-signup": "/accounts/signup/",
    "visitor-login": "/accounts/login/",
    "visitor-reset": "/accounts/password/reset/",
}


def shoot(page, name):
    folder = Path(SHOTS)
    folder.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(folder / f"{name}.png"), full_page=True)


def a_person_with_some_training():
    user = UserFactory()
    twist = Exercise.objects.get(slug="seated-spinal-twist")
    row = Exercise.objects.get(slug="row")
    routine = RoutineFactory(user=user, name="Morning back")
    RoutineItemFactory(
        routine=routine,
        position=0,
        exercise=twist,
        sets=2,
        reps=None,
        hold_seconds=30,
        per_side=True,
    )
    RoutineItemFactory(routine=routine, position=1, exercise=row, sets=3, reps=10)
    # One strength session this week: the week page advises two or three.
    ScheduledSessionFactory(user=user, routine=routine, start_date=timezone.localdate())
    now = timezone.now()
    for days in (1, 3, 8):
        # Two sessions on some days, so the pain chart has two points on one date.
        for hours in (0, 5):
            session = finished(
                user, now - timedelta(days=days, hours=hours), pain_before=4, pain_after=2
            )
            logged(session, row, [{"reps": 10, "weight": 20}] * 3)
            # Holds each side read the same in history as on the session page.
            logged(session, twist, [{"hold_seconds": 30, "side": s} for s in ("left", "right")])
    WorkoutSession.start(user, routine=routine)
    return user


def test_visitor_pages(page, live_server):
    for name, path in VISITOR_PAGES.items():
        page.goto(live_server.url + path)
        shoot(page, name)
    page.goto(live_server.url + "/exercises/?kind=mobility&equipment=home&level=beginner")
    shoot(page, "library-filtered")
    page.goto(live_server.url + "/exercises/face-pull/")
    shoot(page, "detail-face-pull")
    page.goto(live_server.url + "/accounts/login/")
    page.get_by_label("Username or email").fill("nobody")
    page.get_by_label("Password").fill("wrong")
    page.get_by_role("button", name="Log in", exact=True).click()
    shoot(page, "login-error")


def test_signed_in_pages(page, live_server):
    user = a_person_with_some_training()
    log_in(page, live_server, user)
    session = user.workout_sessions.get(finished_at__isnull=True)
    pages = {
        "today": "/",
        "library": "/exercises/?kind=mobility",
        "week": "/routines/week/",
        "routines": "/routines/",
        "builder": f"/routines/{user.routines.get().pk}/",
        "session": f"/sessions/{session.pk}/",
        "progress": "/sessions/progress/",
        "history": "/sessions/history/",
    }
    for name, path in pages.items():
        page.goto(live_server.url + path)
        shoot(page, name)


def six_movements(user):
    slugs = ["cat-cow", "row", "face-pull", "wide-grip-lat-pulldown", "reverse-fly", "childs-pose"]
    routine = RoutineFactory(user=user, name="Six of the best")
    for position, slug in enumerate(slugs):
        exercise = Exercise.objects.get(slug=slug)
        RoutineItemFactory(
            routine=routine,
            position=position,
            exercise=exercise,
            sets=4 if exercise.kind == "strength" else 2,
            reps=10 if exercise.kind == "strength" else None,
            hold_seconds=None if exercise.kind == "strength" else 30,
        )
    return routine


def test_session_states(page, live_server):
    user = a_person_with_some_training()
    user.workout_sessions.filter(finished_at__isnull=True).delete()
    session, _ = WorkoutSession.start(user, routine=six_movements(user))
    log_in(page, live_server, user)
    page.goto(f"{live_server.url}/sessions/{session.pk}/")
    shoot(page, "session-six")
    page.get_by_role("button", name="Log set 1").first.click()
    page.wait_for_timeout(600)
    shoot(page, "session-set-logged")
    page.get_by_role("link", name="edit set 1").first.click()
    page.wait_for_timeout(600)
    shoot(page, "session-set-edit")
    page.get_by_role("link", name="How to do").first.click()
    page.wait_for_timeout(800)
    shoot(page, "session-how-to")
    page.goto(f"{live_server.url}/sessions/")
    page.goto(f"{live_server.url}/sessions/history/")
    done = user.workout_sessions.filter(finished_at__isnull=False).first()
    page.goto(f"{live_server.url}/sessions/{done.pk}/")
    shoot(page, "session-summary")


def test_pain_diary_pages(page, live_server):
    user = a_person_with_some_training()
    now = timezone.now()
    PainNoteFactory(
        user=user, noted_at=now - timedelta(days=2), intensity=4, areas=["lower-back-left"]
    )
    PainNoteFactory(
        user=user,
        noted_at=now - timedelta(days=1),
        intensity=6,
        areas=["lower-back-left", "hip-left", "mid-back-right"],
        worse_with=["sitting"],
    )
    CheckIn.objects.create(
        user=user, day=timezone.localdate() - timedelta(days=3), rating=3, areas=["neck"]
    )
    log_in(page, live_server, user)
    for name, path in {
        "pain-new": "/sessions/pain/new/",
        "check-in": "/sessions/check-in/",
        "report": "/sessions/report/",
        "settings": "/accounts/settings/",
    }.items():
        page.goto(live_server.url + path)
        shoot(page, name)
    page.goto(live_server.url + "/sessions/pain/new/")
    page.get_by_text("More: when, worse with, notes").click()
    page.get_by_text("Choose from a list").click()
    shoot(page, "pain-new-open")


@pytest.mark.service_worker
def test_offline_states(page, live_server):
    """The queue with no signal, sent and refused items, the log-out question, the offline page."""
    user = a_person_with_some_training()
    log_in(page, live_server, user)
    session = user.workout_sessions.get(finished_at__isnull=True)
    page.goto(live_server.url + session.get_absolute_url())
    page.wait_for_function("() => navigator.serviceWorker.controller !== null")
    page.wait_for_timeout(3000)  # the worker keeps the pages for offline use
    page.context.set_offline(True)
    log = page.get_by_role("button", name=re.compile(r"^Log set")).first
    log.click()
    log.click()
    page.get_by_role("status").filter(has_text="No signal").wait_for()
    shoot(page, "offline-queue-waiting")
    page.get_by_text("Menu").click()
    page.get_by_role("button", name="Log out").click()
    page.get_by_role("dialog").wait_for()
    shoot(page, "offline-logout-question")
    page.get_by_role("button", name="Stay logged in").click()
    page.goto(live_server.url + "/routines/")
    shoot(page, "offline-page")
    page.goto(live_server.url + session.get_absolute_url())
    page.context.set_offline(False)
    page.get_by_role("status").filter(has_text="has been sent").wait_for()
    shoot(page, "offline-queue-sent")


def test_account_security_pages(page, live_server):
    user = a_person_with_some_training()
    log_in(page, live_server, user)
    pages = {
        "settings": "/accounts/settings/",
        "email": "/accounts/email/",
        "two-factor": "/accounts/2fa/",
        "totp-setup": "/accounts/2fa/totp/activate/",
        "passkey-add": "/accounts/2fa/webauthn/add/",
        "sessions": "/accounts/sessions/",
        "reauthenticate": "/accounts/reauthenticate/",
        "password-change": "/accounts/password/change/",
        "delete": "/accounts/delete/",
        "check-email": "/accounts/confirm-email/",
    }
    for name, path in pages.items():
        page.goto(live_server.url + path)
        shoot(page, name)
