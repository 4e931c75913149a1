import pytest
from allauth.mfa.models import Authenticator
from django.test import Client
from django.urls import reverse

from tests.accounts.two_factor import (
    activate_totp,
    confirm_password,
    log_in_with_password,
    recovery_codes,
    totp,
)
from tests.factories import UserFactory

pytestmark = [pytest.mark.django_db, pytest.mark.real_login]


@pytest.fixture
def with_totp(client, user):
    log_in_with_password(client, user)
    secret, response = activate_totp(client)
    assert response.status_code == 302
    client.post(reverse("logout"))
    return secret


def _next_period(time_machine):
    # A code works once: the login waits for the app's next code, as a person would.
    import time

    time_machine.move_to(time.time() + 30, tick=False)


def test_setting_up_an_app_needs_the_password_again_and_a_right_code(client, user):
    log_in_with_password(client, user)

    assert client.get(reverse("mfa_activate_totp")).url.startswith(
        reverse("account_reauthenticate")
    )
    confirm_password(client)
    page = client.get(reverse("mfa_activate_totp"))
    assert page.status_code == 200
    wrong = client.post(reverse("mfa_activate_totp"), {"code": "000000"})
    assert wrong.status_code == 200
    assert b"errorlist" in wrong.content
    assert not Authenticator.objects.filter(user=user).exists()

    secret, response = activate_totp(client)

    assert response.url == reverse("mfa_view_recovery_codes")
    types = set(Authenticator.objects.filter(user=user).values_list("type", flat=True))
    assert types == {"totp", "recovery_codes"}
    assert len(recovery_codes(client)) == 10


def test_log_in_asks_for_the_code_after_the_password(client, user, with_totp, time_machine):
    response = log_in_with_password(client, user)

    assert response.url == reverse("mfa_authenticate")
    assert client.get(reverse("accounts:settings")).status_code == 302  # not in yet
    wrong = client.post(reverse("mfa_authenticate"), {"code": "123456"})
    assert wrong.status_code == 200
    assert client.get(reverse("accounts:settings")).status_code == 302
    log_in_with_password(client, user)
    _next_period(time_machine)
    done = client.post(reverse("mfa_authenticate"), {"code": totp(with_totp)})

    assert done.status_code == 302
    assert client.get(reverse("accounts:settings")).status_code == 200


def test_a_code_works_only_once(client, user, with_totp, time_machine):
    _next_period(time_machine)
    code = totp(with_totp)
    log_in_with_password(client, user)
    assert client.post(reverse("mfa_authenticate"), {"code": code}).status_code == 302

    other = Client()
    log_in_with_password(other, user)
    again = other.post(reverse("mfa_authenticate"), {"code": code})

    assert again.status_code == 200
    assert other.get(reverse("accounts:settings")).status_code == 302


def test_a_recovery_code_logs_in_once(client, user):
    log_in_with_password(client, user)
    activate_totp(client)
    codes = recovery_codes(client)
    client.post(reverse("logout"))

    log_in_with_password(client, user)
    first = client.post(reverse("mfa_authenticate"), {"code": codes[0]})
    assert first.status_code == 302
    client.post(reverse("logout"))
    log_in_with_password(client, user)
    reused = client.post(reverse("mfa_authenticate"), {"code": codes[0]})

    assert reused.status_code == 200
    assert client.get(reverse("accounts:settings")).status_code == 302
    assert client.post(reverse("mfa_authenticate"), {"code": codes[1]}).status_code == 302


def test_the_app_can_be_removed_from_settings(client, user, with_totp, time_machine):
    log_in_with_password(client, user)
    _next_period(time_machine)
    client.post(reverse("mfa_authenticate"), {"code": totp(with_totp)})
    confirm_password(client)

    response = client.post(reverse("mfa_deactivate_totp"))

    assert response.status_code == 302
    assert not Authenticator.objects.filter(user=user, type="totp").exists()
    client.post(reverse("logout"))
    assert log_in_with_password(client, user).url == reverse("home")


def test_adding_a_second_factor_logs_out_the_other_sessions(
    client, user, django_capture_on_commit_callbacks
):
    laptop = Client()
    log_in_with_password(laptop, user)
    log_in_with_password(client, user)
    assert laptop.get(reverse("accounts:settings")).status_code == 200

    # allauth announces the new factor once its transaction commits.
    with django_capture_on_commit_callbacks(execute=True):
        activate_totp(client)

    assert laptop.get(reverse("accounts:settings")).status_code == 302
    assert client.get(reverse("accounts:settings")).status_code == 200


def test_guessing_codes_stops_at_the_limit(client, user, with_totp, settings, time_machine):
    log_in_with_password(client, user)
    for n in range(settings.LOGIN_FAILURE_LIMIT):
        client.post(reverse("mfa_authenticate"), {"code": f"{n:06d}"})
    _next_period(time_machine)

    response = client.post(reverse("mfa_authenticate"), {"code": totp(with_totp)})

    assert b"logging in to it is paused" in response.content
    assert client.get(reverse("accounts:settings")).status_code == 302


def test_settings_link_to_two_factor_and_sessions(client, user):
    log_in_with_password(client, user)

    html = client.get(reverse("accounts:settings")).content.decode()

    for name in ("mfa_index", "usersessions_list", "account_email", "password_change"):
        assert f'href="{reverse(name)}"' in html
    assert client.get(reverse("mfa_index")).status_code == 200


def test_the_sessions_page_lists_each_device_and_logs_out_the_others(client, user):
    phone = Client(headers={"user-agent": "Mozilla/5.0 (iPhone; CPU iPhone OS 17_0)"})
    log_in_with_password(phone, user)
    log_in_with_password(client, user)

    page = client.get(reverse("usersessions_list"))

    assert page.status_code == 200
    assert b"iPhone" in page.content
    response = client.post(reverse("usersessions_list"))
    assert response.status_code == 302
    assert phone.get(reverse("accounts:settings")).status_code == 302
    assert client.get(reverse("accounts:settings")).status_code == 200


def test_an_unverified_address_cannot_set_up_a_second_factor_yet(client):
    # allauth's rule: a second factor on an address nobody confirmed could lock out its owner.
    person = UserFactory(email_verified=False)
    log_in_with_password(client, person)
    confirm_password(client)

    page = client.get(reverse("mfa_activate_totp"))
    client.post(reverse("mfa_activate_totp"), {"code": "000000"})

    assert page.status_code in (200, 302)
    assert not Authenticator.objects.filter(user=person).exists()
