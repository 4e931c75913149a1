from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from tests.factories import PASSWORD, UserFactory

pytestmark = pytest.mark.django_db


def _fail(client, url, username, times, **extra):
    for _ in range(times):
        response = client.post(url, {"username": username, "password": "guess"}, **extra)
    return response


def test_it_locks_the_login_after_the_failure_limit_with_a_friendly_429(client, user, settings):
    last = _fail(client, reverse("login"), user.username, settings.AXES_FAILURE_LIMIT)

    assert last.status_code == 429
    response = client.post(reverse("login"), {"username": user.username, "password": PASSWORD})

    assert response.status_code == 429
    assert b"Logging in is paused" in response.content
    assert b"for 60 minutes" in response.content
    assert reverse("password_reset").encode() in response.content
    assert "_auth_user_id" not in client.session


def test_failures_below_the_limit_still_allow_the_right_password(client, user, settings):
    response = _fail(client, reverse("login"), user.username, settings.AXES_FAILURE_LIMIT - 1)

    assert response.status_code == 200
    response = client.post(reverse("login"), {"username": user.username, "password": PASSWORD})
    assert response.status_code == 302


def test_a_success_resets_the_count(client, user, settings):
    _fail(client, reverse("login"), user.username, settings.AXES_FAILURE_LIMIT - 1)
    client.post(reverse("login"), {"username": user.username, "password": PASSWORD})
    client.post(reverse("logout"))

    response = _fail(client, reverse("login"), user.username, settings.AXES_FAILURE_LIMIT - 1)

    assert response.status_code == 200


def test_the_lock_holds_one_username_from_one_address_only(client, user, other_user, settings):
    _fail(client, reverse("login"), user.username, settings.AXES_FAILURE_LIMIT)

    elsewhere = client.post(
        reverse("login"),
        {"username": user.username, "password": PASSWORD},
        REMOTE_ADDR="203.0.113.9",
    )
    assert elsewhere.status_code == 302
    client.post(reverse("logout"))
    someone_else = client.post(
        reverse("login"), {"username": other_user.username, "password": PASSWORD}
    )
    assert someone_else.status_code == 302


def test_the_lock_ends_after_the_cool_off(client, user, settings, time_machine):
    _fail(client, reverse("login"), user.username, settings.AXES_FAILURE_LIMIT)

    time_machine.move_to(timezone.now() + settings.AXES_COOLOFF_TIME + timedelta(minutes=1))
    response = client.post(reverse("login"), {"username": user.username, "password": PASSWORD})

    assert response.status_code == 302


def test_the_admin_login_is_locked_too(client, settings):
    admin = UserFactory(is_staff=True, is_superuser=True)
    url = reverse("admin:login")

    last = _fail(client, url, admin.username, settings.AXES_FAILURE_LIMIT)

    assert last.status_code == 429
    response = client.post(url, {"username": admin.username, "password": PASSWORD})
    assert response.status_code == 429
    assert b"Logging in is paused" in response.content
    assert client.get(reverse("admin:index")).status_code == 302
