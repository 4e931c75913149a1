"""Screenshots of the main pages on a 390 px phone, to look at by eye (not part of the suite).

    SCREENSHOTS=/tmp/shots .venv/bin/pytest tests/screenshots.py -n 0

Each page is saved as <dir>/<name>.png, full height; open them and check that nothing is cut
off, doubled or overflowing.
"""

import os
from datetime import timedelta
from pathlib import Path

import pytest
from django.utils import timezone

from exercises.models import Exercise
from tests.browser_login import log_in
from tests.factories import RoutineFactory, RoutineItemFactory, ScheduledSessionFactory, UserFactory
from tests.workouts.progress_data import finished, logged
from workouts.models import WorkoutSession

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
