import pytest
from django.contrib.auth.models import Group
from django.urls import reverse

from tests.accounts.two_factor import activate_totp, log_in_with_password, totp
from tests.factories import UserFactory

pytestmark = [pytest.mark.django_db, pytest.mark.real_login]

ADMIN = reverse("admin:index")
MOVEMENTS = reverse("admin:exercises_exercise_changelist")


@pytest.fixture(params=["editor", "superuser"])
def staff(request):
    if request.param == "superuser":
        return UserFactory(is_staff=True, is_superuser=True)
    person = UserFactory(is_staff=True)
    person.groups.add(Group.objects.get(name="Content editors"))
    return person


def _next_period(time_machine):
    import time

    time_machine.move_to(time.time() + 30, tick=False)


def test_visitors_are_sent_to_our_log_in(client):
    response = client.get(MOVEMENTS, follow=True)

    assert response.redirect_chain[-1][0].startswith(reverse("login"))


def test_staff_without_a_second_factor_are_sent_to_set_one_up(client, staff):
    log_in_with_password(client, staff)

    response = client.get(MOVEMENTS, follow=True)

    assert response.redirect_chain[-1][0] == reverse("mfa_index")
    assert b"set up a second factor" in response.content


def test_staff_with_a_second_factor_work_in_the_admin_after_using_it(client, staff, time_machine):
    log_in_with_password(client, staff)
    secret, _ = activate_totp(client)
    client.post(reverse("logout"))

    assert log_in_with_password(client, staff).url == reverse("mfa_authenticate")
    _next_period(time_machine)
    client.post(reverse("mfa_authenticate"), {"code": totp(secret)})

    assert client.get(MOVEMENTS).status_code == 200
    assert client.get(ADMIN).status_code == 200


def test_a_session_from_before_the_second_factor_confirms_it_first(client, staff, time_machine):
    log_in_with_password(client, staff)
    secret, _ = activate_totp(client)  # set up in this session, never used to log in

    response = client.get(MOVEMENTS)
    assert response.url.startswith(reverse("mfa_reauthenticate"))
    _next_period(time_machine)
    confirmed = client.post(response.url, {"code": totp(secret)})

    assert confirmed.status_code == 302
    assert client.get(MOVEMENTS).status_code == 200


def test_the_admin_is_closed_to_people_who_are_not_staff(client, user):
    log_in_with_password(client, user)

    assert client.get(MOVEMENTS, follow=True).status_code == 403


def test_staff_can_still_log_out_of_the_admin(client, staff):
    log_in_with_password(client, staff)

    assert client.post(reverse("admin:logout")).status_code == 302
    assert client.get(reverse("accounts:settings")).status_code == 302
