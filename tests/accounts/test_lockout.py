import ipaddress
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


def test_behind_a_load_balancer_it_locks_the_client_not_the_balancer(client, user, settings):
    settings.TRUSTED_PROXIES = [ipaddress.ip_network("10.0.0.0/24")]
    balancer = {"REMOTE_ADDR": "10.0.0.2"}
    _fail(
        client,
        reverse("login"),
        user.username,
        settings.AXES_FAILURE_LIMIT,
        HTTP_X_FORWARDED_FOR="198.51.100.7",
        **balancer,
    )

    attacker = client.post(
        reverse("login"),
        {"username": user.username, "password": PASSWORD},
        HTTP_X_FORWARDED_FOR="198.51.100.7",
        **balancer,
    )
    owner = client.post(
        reverse("login"),
        {"username": user.username, "password": PASSWORD},
        HTTP_X_FORWARDED_FOR="198.51.100.7, 203.0.113.20",  # a forged entry, then the real one
        **balancer,
    )

    assert attacker.status_code == 429
    assert owner.status_code == 302


def test_without_a_trusted_proxy_a_forged_forwarded_for_changes_nothing(client, user, settings):
    for n in range(settings.AXES_FAILURE_LIMIT):
        client.post(
            reverse("login"),
            {"username": user.username, "password": "guess"},
            HTTP_X_FORWARDED_FOR=f"192.0.2.{n}",
        )

    response = client.post(
        reverse("login"),
        {"username": user.username, "password": PASSWORD},
        HTTP_X_FORWARDED_FOR="192.0.2.200",
    )

    assert response.status_code == 429


def test_a_forwarded_for_from_an_untrusted_address_changes_nothing(client, user, settings):
    # The proxy is configured, but this client reaches the app directly, past it.
    settings.TRUSTED_PROXIES = [ipaddress.ip_network("10.0.0.0/24")]
    for n in range(settings.AXES_FAILURE_LIMIT):
        client.post(
            reverse("login"),
            {"username": user.username, "password": "guess"},
            HTTP_X_FORWARDED_FOR=f"192.0.2.{n}",
            REMOTE_ADDR="203.0.113.9",
        )

    response = client.post(
        reverse("login"),
        {"username": user.username, "password": PASSWORD},
        HTTP_X_FORWARDED_FOR="192.0.2.200",
        REMOTE_ADDR="203.0.113.9",
    )

    assert response.status_code == 429


def test_two_trusted_proxies_in_a_row_are_both_skipped(client, user, settings):
    settings.TRUSTED_PROXIES = [ipaddress.ip_network("10.0.0.0/24")]

    client.post(
        reverse("login"),
        {"username": user.username, "password": "guess"},
        HTTP_X_FORWARDED_FOR="192.0.2.1, 198.51.100.7, 10.0.0.5",
        REMOTE_ADDR="10.0.0.2",
    )

    from axes.models import AccessAttempt

    assert list(AccessAttempt.objects.values_list("ip_address", flat=True)) == ["198.51.100.7"]


def test_a_garbled_forwarded_for_falls_back_to_the_connecting_address(client, user, settings):
    settings.TRUSTED_PROXIES = [ipaddress.ip_network("127.0.0.1/32")]

    response = client.post(
        reverse("login"),
        {"username": user.username, "password": "guess"},
        HTTP_X_FORWARDED_FOR="not-an-address",
    )

    from axes.models import AccessAttempt

    assert response.status_code == 200
    assert list(AccessAttempt.objects.values_list("ip_address", flat=True)) == ["127.0.0.1"]
