import re

import pytest
from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model
from django.urls import reverse

from accounts.models import Profile
from accounts.verification import has_verified_email
from exercises.models import Equipment
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

STRONG = "lumbar-wagon-91-spruce"


def _signup(client, **overrides):
    data = {
        "username": "maria",
        "email": "maria@example.com",
        "password1": STRONG,
        "password2": STRONG,
        "time_zone": "Europe/Berlin",
        **overrides,
    }
    return client.post(reverse("accounts:signup"), data)


def _link(message):
    return re.search(r"https?://testserver(\S+)", message.body).group(1)


def test_it_shows_the_form(client):
    response = client.get(reverse("accounts:signup"))

    assert response.status_code == 200
    for name in ("username", "email", "password1", "password2", "time_zone"):
        assert f'name="{name}"'.encode() in response.content
    assert b'autocomplete="new-password"' in response.content


def test_its_labels_read_plainly(client):
    html = client.get(reverse("accounts:signup")).content.decode()

    assert 'for="id_username">Username' in html
    assert "We send a link to confirm it." in html


def test_it_creates_the_user_and_profile_and_logs_them_in_at_once(client, mailoutbox):
    response = _signup(client)

    assert response.status_code == 302
    assert response.url == reverse("account_email_verification_sent")
    assert b"Go to Today" in client.get(response.url).content
    user = get_user_model().objects.get(username="maria")
    assert user.email == "maria@example.com"
    profile = Profile.objects.get(user=user)
    assert profile.time_zone == "Europe/Berlin"
    assert profile.training_at == "home"
    assert set(profile.equipment.all()) == set(Equipment.objects.filter(at_home=True))
    assert client.get(reverse("accounts:settings")).status_code == 200
    # Usable at once, but not yet verified: one confirmation email went out.
    assert not has_verified_email(user)
    assert [m.subject for m in mailoutbox] == ["Midback: Confirm your email address"]
    assert mailoutbox[0].to == ["maria@example.com"]


def test_the_emailed_link_verifies_the_address(client, mailoutbox):
    _signup(client)
    user = get_user_model().objects.get(username="maria")
    link = _link(mailoutbox[0])

    page = client.get(link)
    assert page.status_code == 200
    assert not has_verified_email(user)  # opening the link (a mail scanner might) is not enough
    response = client.post(link)

    assert response.status_code == 302
    assert has_verified_email(user)
    assert EmailAddress.objects.get(user=user).verified


def test_it_keeps_utc_when_the_browser_zone_is_unknown(client):
    _signup(client, time_zone="Mars/Olympus_Mons")

    assert Profile.objects.get(user__username="maria").time_zone == "UTC"


def test_it_rejects_a_weak_password_in_place(client):
    response = _signup(client, password1="123", password2="123")

    assert response.status_code == 200
    assert b"too short" in response.content
    assert not get_user_model().objects.filter(username="maria").exists()


def test_it_rejects_mismatched_passwords(client):
    response = _signup(client, password2=STRONG + "x")

    assert response.status_code == 200
    assert not get_user_model().objects.filter(username="maria").exists()


def test_it_requires_an_email(client):
    response = _signup(client, email="")

    assert response.status_code == 200
    assert not get_user_model().objects.filter(username="maria").exists()


def test_an_email_already_in_use_is_not_revealed_on_the_page(client, mailoutbox):
    owner = UserFactory(email="Maria@Example.com")

    response = _signup(client, email="maria@example.com", username="someone-else")

    # No "already uses this email" for whoever typed it: the same redirect as a new account's
    # to "check your email", and the email goes to the owner of the address.
    assert response.status_code == 302
    assert response.url == reverse("account_email_verification_sent")
    page = client.get(response.url).content.decode()
    assert "already" not in page.lower()
    assert "We have sent you an email" in page
    assert not get_user_model().objects.filter(username="someone-else").exists()
    assert [m.to for m in mailoutbox] == [["maria@example.com"]]
    assert mailoutbox[0].subject == "Midback: You already have an account"
    assert get_user_model().objects.filter(email__iexact="maria@example.com").get() == owner


def test_it_sends_a_logged_in_person_home(client, user):
    client.force_login(user)

    response = client.get(reverse("accounts:signup"))

    assert response.status_code == 302


def test_the_emails_are_enqueued_for_the_worker(client, settings):
    settings.TASKS = {"default": {"BACKEND": "django.tasks.backends.dummy.DummyBackend"}}
    from django.tasks import default_task_backend

    default_task_backend.clear()
    _signup(client)

    queued = [result.task.name for result in default_task_backend.results]
    assert queued == ["send_email"]
