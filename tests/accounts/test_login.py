import pytest
from django.urls import reverse

from tests.factories import PASSWORD

pytestmark = pytest.mark.django_db


def test_the_nav_offers_log_in_and_sign_up_to_visitors(client):
    response = client.get(reverse("home"))

    assert reverse("login").encode() in response.content
    assert reverse("accounts:signup").encode() in response.content
    assert reverse("logout").encode() not in response.content


def test_it_logs_in_with_the_right_password(client, user):
    response = client.post(reverse("login"), {"username": user.username, "password": PASSWORD})

    assert response.status_code == 302
    assert response.url == reverse("home")
    home = client.get(reverse("home"))
    assert reverse("logout").encode() in home.content
    assert reverse("accounts:settings").encode() in home.content


def test_it_follows_next_after_login(client, user):
    settings_url = reverse("accounts:settings")

    response = client.post(
        f"{reverse('login')}?next={settings_url}",
        {"username": user.username, "password": PASSWORD, "next": settings_url},
    )

    assert response.url == settings_url


def test_it_shows_the_error_in_place_for_a_wrong_password(client, user):
    response = client.post(reverse("login"), {"username": user.username, "password": "nope"})

    assert response.status_code == 200
    html = response.content.decode()
    assert "No account matches that username and password." in html
    assert "Please enter a correct" not in html
    assert 'for="id_username">Username</label>' in html  # no stray colon
    assert b'role="alert"' in response.content


def test_it_logs_out_with_post(client, user):
    client.force_login(user)

    response = client.post(reverse("logout"))

    assert response.status_code == 302
    assert client.get(reverse("accounts:settings")).status_code == 302


def test_it_does_not_log_out_with_get(client, user):
    client.force_login(user)

    assert client.get(reverse("logout")).status_code == 405
    assert client.get(reverse("accounts:settings")).status_code == 200


def test_the_test_client_login_still_works_with_axes(client, user):
    # Other tests rely on client.login(); our axes backend lets request-less calls through.
    assert client.login(username=user.username, password=PASSWORD)


@pytest.mark.parametrize("url_name", ["login", "admin:login"])
def test_an_absurdly_long_username_gets_a_message_not_an_error(client, url_name):
    from axes.models import AccessAttempt

    response = client.post(reverse(url_name), {"username": "x" * 100_000, "password": "guess"})

    assert response.status_code == 200
    assert b"at most 150 characters" in response.content
    assert not AccessAttempt.objects.exists()
