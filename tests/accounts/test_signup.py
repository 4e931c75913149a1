import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse

from accounts.models import Profile
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


def test_it_shows_the_form(client):
    response = client.get(reverse("accounts:signup"))

    assert response.status_code == 200
    assert b'name="username"' in response.content
    assert b'name="email"' in response.content
    assert b'autocomplete="new-password"' in response.content


def test_its_labels_read_plainly(client):
    html = client.get(reverse("accounts:signup")).content.decode()

    assert 'for="id_username">Username</label>' in html
    assert 'for="id_password2">Password again</label>' in html
    assert "Password confirmation" not in html
    assert "Required. 150 characters" not in html


def test_it_creates_the_user_and_profile_and_logs_them_in(client):
    response = _signup(client)

    assert response.status_code == 302
    assert response.url == reverse("home")
    user = get_user_model().objects.get(username="maria")
    assert user.email == "maria@example.com"
    profile = Profile.objects.get(user=user)
    assert profile.time_zone == "Europe/Berlin"
    assert profile.training_at == "home"
    assert set(profile.equipment.all()) == set(Equipment.objects.filter(at_home=True))
    assert profile.equipment.exists()
    assert client.get(reverse("accounts:settings")).status_code == 200


def test_it_keeps_utc_when_the_browser_zone_is_unknown(client):
    _signup(client, time_zone="Mars/Olympus_Mons")

    assert Profile.objects.get(user__username="maria").time_zone == "UTC"


def test_it_rejects_a_weak_password_in_place(client):
    response = _signup(client, password1="123456", password2="123456")

    assert response.status_code == 200
    assert b"This password is too common." in response.content
    assert not get_user_model().objects.filter(username="maria").exists()


def test_it_rejects_mismatched_passwords(client):
    response = _signup(client, password2=STRONG + "x")

    assert response.status_code == 200
    assert not get_user_model().objects.exists()


def test_it_requires_an_email(client):
    response = _signup(client, email="")

    assert response.status_code == 200
    assert b"This field is required." in response.content


def test_it_rejects_an_email_already_in_use_whatever_its_case(client):
    UserFactory(email="maria@example.com")

    response = _signup(client, email="Maria@Example.com")

    assert response.status_code == 200
    assert b"An account already uses this email." in response.content


def test_it_sends_a_logged_in_person_home(client, user):
    client.force_login(user)

    response = client.get(reverse("accounts:signup"))

    assert response.status_code == 302
    assert response.url == reverse("home")


def test_it_rejects_put(client):
    assert client.put(reverse("accounts:signup")).status_code == 405
