"""Changing the account's email: the new address counts only once its link is confirmed."""

import re

import pytest
from allauth.account.models import EmailAddress
from django.urls import reverse

from accounts.verification import has_verified_email
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def _link(message):
    return re.search(r"https?://testserver(\S+)", message.body).group(1)


def test_a_new_address_waits_for_its_link_and_then_replaces_the_old_one(client, mailoutbox):
    person = UserFactory(email="old@example.com")
    client.force_login(person)

    response = client.post(reverse("account_email"), {"action_add": "", "email": "new@example.com"})

    assert response.status_code == 302
    person.refresh_from_db()
    # Until the new address is confirmed the account keeps the old, confirmed one.
    assert person.email == "old@example.com"
    assert has_verified_email(person)
    assert not EmailAddress.objects.get(user=person, email="new@example.com").verified
    (message,) = [m for m in mailoutbox if m.to == ["new@example.com"]]

    link = _link(message)
    assert client.get(link).status_code == 200  # opening the link confirms nothing
    assert not EmailAddress.objects.get(user=person, email="new@example.com").verified
    assert client.post(link).status_code == 302

    person.refresh_from_db()
    assert person.email == "new@example.com"
    assert has_verified_email(person)
    assert not EmailAddress.objects.filter(user=person, email="old@example.com").exists()


def test_another_persons_link_confirms_nothing_for_them(client, mailoutbox):
    person = UserFactory(email="old@example.com")
    client.force_login(person)
    client.post(reverse("account_email"), {"action_add": "", "email": "new@example.com"})
    link = _link(next(m for m in mailoutbox if m.to == ["new@example.com"]))

    stranger = UserFactory()
    client.force_login(stranger)
    client.post(link)

    assert not EmailAddress.objects.filter(user=stranger, email="new@example.com").exists()
    stranger.refresh_from_db()
    assert stranger.email != "new@example.com"
