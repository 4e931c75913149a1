"""Reminders and share links wait for a confirmed address (accounts/verification.py)."""

import datetime
from unittest import mock

import pytest
import time_machine
from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.urls import reverse

from accounts.models import Profile
from accounts.verification import has_verified_email, with_verified_email
from care.models import ShareLink
from tests.factories import RoutineFactory, ScheduledSessionFactory, UserFactory

pytestmark = pytest.mark.django_db

WED_7AM = datetime.datetime(2026, 3, 4, 7, 5, tzinfo=datetime.UTC)


def _planned(user):
    routine = RoutineFactory(user=user, name="Desk-break rows")
    ScheduledSessionFactory(
        user=user,
        routine=routine,
        start_date=datetime.date(2026, 3, 2),
        weekdays="024",
        time=datetime.time(18),
    )
    profile = Profile.for_user(user)
    profile.reminders = True
    profile.save()
    return user


def test_only_a_confirmed_address_counts():
    confirmed = UserFactory()
    unconfirmed = UserFactory(email_verified=False)
    changed = UserFactory()
    # The account's email changed to an address not confirmed yet: the old confirmation
    # says nothing about the new one.
    changed.email = "new-address@example.com"
    changed.save()

    assert has_verified_email(confirmed)
    assert not has_verified_email(unconfirmed)
    assert not has_verified_email(changed)
    assert set(with_verified_email(get_user_model().objects.all())) == {confirmed}


def test_reminders_go_only_to_confirmed_addresses(mailoutbox):
    confirmed = _planned(UserFactory())
    _planned(UserFactory(email_verified=False))

    with time_machine.travel(WED_7AM, tick=False):
        call_command("send_reminders", stdout=mock.Mock())

    assert [m.to for m in mailoutbox] == [[confirmed.email]]


def test_reminders_start_once_the_address_is_confirmed(mailoutbox):
    person = _planned(UserFactory(email_verified=False))
    EmailAddress.objects.filter(user=person).update(verified=True)

    with time_machine.travel(WED_7AM, tick=False):
        call_command("send_reminders", stdout=mock.Mock())

    assert [m.to for m in mailoutbox] == [[person.email]]


def _make_link(client):
    expires = (datetime.date.today() + datetime.timedelta(days=30)).isoformat()
    data = {"name": "Dr Lee", "scope": "rolling", "rolling_weeks": "6", "expires_on": expires}
    return client.post(reverse("care:share_list"), data)


def test_a_share_link_waits_for_a_confirmed_address(client):
    person = UserFactory(email_verified=False)
    client.force_login(person)

    page = client.get(reverse("care:share_list"))
    response = _make_link(client)

    assert b"Links can be made once your email address is confirmed." in page.content
    assert response.status_code == 200
    assert b"Confirm your email address first" in response.content
    assert not ShareLink.objects.exists()


def test_a_confirmed_address_makes_share_links(client, user):
    client.force_login(user)

    response = _make_link(client)

    assert response.status_code == 200
    assert ShareLink.objects.filter(user=user).count() == 1


@pytest.mark.real_login
def test_making_a_share_link_asks_for_the_password_again(client, user):
    from tests.accounts.two_factor import confirm_password, log_in_with_password

    log_in_with_password(client, user)
    assert client.get(reverse("care:share_list")).status_code == 200

    response = _make_link(client)

    assert response.url.startswith(reverse("account_reauthenticate"))
    assert not ShareLink.objects.exists()
    confirm_password(client)
    assert _make_link(client).status_code == 200
    assert ShareLink.objects.count() == 1


@pytest.mark.real_login
def test_an_export_asks_for_the_password_again(client, user):
    from tests.accounts.two_factor import confirm_password, log_in_with_password

    log_in_with_password(client, user)
    url = reverse("workouts:export_json")

    response = client.get(url)
    assert response.url.startswith(reverse("account_reauthenticate"))
    resumed = confirm_password(client)

    assert resumed.status_code == 302
    download = client.get(url)
    assert download.status_code == 200
    assert download["Content-Type"].startswith("application/json")
