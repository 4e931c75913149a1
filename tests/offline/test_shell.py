"""The installable shell: manifest, service worker at the root, offline page, state, and the
headers that keep a phone's caches to one person."""

import json
import re

import pytest
from django.contrib.staticfiles import finders
from django.urls import reverse
from django.utils import timezone

from accounts.models import Profile
from offline.pages import user_tag
from tests.factories import (
    ExerciseFactory,
    RoutineFactory,
    RoutineItemFactory,
    ScheduledSessionFactory,
    SessionExerciseFactory,
    WorkoutSessionFactory,
)


def test_the_manifest_names_the_app_and_its_icons(client):
    response = client.get("/manifest.webmanifest")
    assert response["Content-Type"] == "application/manifest+json"
    manifest = json.loads(response.content)
    assert manifest["start_url"] == reverse("home") == manifest["scope"]
    assert manifest["display"] == "standalone"
    assert manifest["short_name"] == "Midback"
    icons = {(icon["sizes"], icon["purpose"], icon["type"]) for icon in manifest["icons"]}
    assert {
        ("192x192", "any", "image/png"),
        ("512x512", "any", "image/png"),
        ("192x192", "maskable", "image/png"),
        ("512x512", "maskable", "image/png"),
        ("any", "any", "image/svg+xml"),
    } <= icons
    for icon in manifest["icons"]:
        name = re.sub(r"\.[0-9a-f]{12}(\.\w+)$", r"\1", icon["src"].removeprefix("/static/"))
        assert finders.find(name), icon["src"]


@pytest.mark.django_db
def test_every_page_links_the_manifest_and_the_queue(client):
    page = client.get(reverse("exercises:list")).text
    assert '<link rel="manifest" href="/manifest.webmanifest">' in page
    assert re.search(r"/static/js/offline(\.[0-9a-f]{12})?\.js", page)


def test_the_worker_is_served_from_the_root_and_always_asked_again(client):
    response = client.get("/sw.js")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/javascript")
    assert "no-cache" in response["Cache-Control"]
    body = response.text
    assert re.search(r'importScripts\("/static/js/offline-queue(\.[0-9a-f]{12})?\.js"\)', body)
    assert '"/offline/"' in body
    csp = response["Content-Security-Policy"]
    assert "worker-src 'self'" in csp and "manifest-src 'self'" in csp


def test_a_new_release_is_a_new_worker(client, settings):
    first = client.get("/sw.js").text
    settings.STATIC_URL = "/assets/"
    second = client.get("/sw.js").text
    version = [line for line in first.splitlines() if line.startswith("const VERSION")]
    assert version and version[0] not in second


def test_the_offline_page_names_nobody(client, user):
    client.force_login(user)
    response = client.get(reverse("offline:page"))
    assert response.status_code == 200
    assert user.username not in response.text
    assert "csrfmiddlewaretoken" not in response.text
    assert "No signal" in response.text


@pytest.mark.django_db
def test_the_state_for_a_visitor_lists_nothing(client):
    state = client.get(reverse("offline:state")).json()
    assert state["user"] is None and state["pages"] == []
    assert state["csrf"]


@pytest.mark.django_db
def test_the_state_lists_the_session_and_its_how_to_pages(
    client, user, other_user, django_assert_num_queries
):
    session = WorkoutSessionFactory(user=user)
    entries = [SessionExerciseFactory(session=session) for _ in range(4)]
    WorkoutSessionFactory(user=other_user)
    client.force_login(user)
    client.get(reverse("offline:state"))  # the session's first query warms the profile
    # The log-in session, the person, their profile (ProfileMiddleware), then the view's
    # three: the session in progress, its movements, their how-to pages (not one per movement).
    with django_assert_num_queries(6):
        response = client.get(reverse("offline:state"))
    state = response.json()
    assert "no-store" in response["Cache-Control"]
    assert state["user"] == user_tag(user) != user_tag(other_user)
    assert state["pages"][:4] == ["/", "/routines/today/", "/sessions/", session.get_absolute_url()]
    for entry in entries:
        assert entry.exercise.get_absolute_url() in state["pages"]
        assert reverse("workouts:entry_pain", args=[entry.pk]) in state["pages"]
        assert reverse("workouts:how_to", args=[entry.pk]) in state["pages"]


@pytest.mark.django_db
def test_with_no_session_the_state_lists_todays_planned_movements(client, user):
    routine = RoutineFactory(user=user)
    planned = ExerciseFactory()
    RoutineItemFactory(routine=routine, exercise=planned)
    ScheduledSessionFactory(
        user=user,
        routine=routine,
        start_date=timezone.localdate(timezone=Profile.for_user(user).zone),
    )
    client.force_login(user)
    pages = client.get(reverse("offline:state")).json()["pages"]
    assert planned.get_absolute_url() in pages


@pytest.mark.django_db
def test_pages_tell_whose_they_are(client, user):
    assert "Midback-User" not in client.get(reverse("exercises:list"))
    client.force_login(user)
    assert client.get(reverse("exercises:list"))["Midback-User"] == user_tag(user)


@pytest.mark.django_db
def test_logging_out_clears_the_phone(client, user):
    client.force_login(user)
    response = client.post(reverse("logout"))
    assert response["Clear-Site-Data"] == '"cache", "storage"'
    assert "Midback-User" not in response
    assert "Clear-Site-Data" not in client.get(reverse("home"))
