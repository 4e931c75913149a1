import pytest
from django.urls import reverse

from tests.factories import PASSWORD, UserFactory

pytestmark = pytest.mark.django_db


def log_in(client, login, password=PASSWORD, **extra):
    return client.post(reverse("login"), {"login": login, "password": password, **extra})


def test_the_nav_offers_log_in_and_sign_up_to_visitors(client):
    response = client.get(reverse("home"))

    assert reverse("login").encode() in response.content
    assert reverse("accounts:signup").encode() in response.content
    assert reverse("logout").encode() not in response.content


def test_the_bookmarked_addresses_still_open(client):
    assert reverse("login") == reverse("account_login") == "/accounts/login/"
    assert reverse("accounts:signup") == reverse("account_signup") == "/accounts/signup/"
    assert reverse("logout") == "/accounts/logout/"
    assert reverse("password_reset") == "/accounts/password/reset/"
    for url in ("/accounts/login/", "/accounts/signup/", "/accounts/password/reset/"):
        assert client.get(url).status_code == 200


@pytest.mark.parametrize("by", ["username", "email", "EMAIL IN CAPITALS"])
def test_it_logs_in_by_username_or_email(client, user, by):
    login = {"username": user.username, "email": user.email}.get(by, user.email.upper())

    response = log_in(client, login)

    assert response.status_code == 302
    assert response.url == reverse("home")
    home = client.get(reverse("home"))
    assert reverse("logout").encode() in home.content
    assert reverse("accounts:settings").encode() in home.content


def test_an_account_made_before_allauth_logs_in_with_its_old_password(client):
    # Existing accounts keep Django's password hash; allauth checks it the same way.
    person = UserFactory(email_verified=False)
    person.emailaddress_set.all().delete()

    assert log_in(client, person.username).status_code == 302


def test_it_follows_next_after_login(client, user):
    settings_url = reverse("accounts:settings")

    response = client.post(
        f"{reverse('login')}?next={settings_url}",
        {"login": user.username, "password": PASSWORD, "next": settings_url},
    )

    assert response.url == settings_url


def test_it_shows_the_error_in_place_for_a_wrong_password(client, user):
    response = log_in(client, user.username, "nope")

    assert response.status_code == 200
    html = response.content.decode()
    assert "No account matches that username or email and password." in html
    assert "you specified are not correct" not in html
    assert b'role="alert"' in response.content
    assert "_auth_user_id" not in client.session


def test_an_unknown_and_a_known_username_get_the_same_answer(client, user):
    known = log_in(client, user.username, "wrong-password")
    unknown = log_in(client, "nobody-by-this-name", "wrong-password")

    assert known.status_code == unknown.status_code == 200
    assert _without_tokens(known) == _without_tokens(unknown).replace(
        "nobody-by-this-name", user.username
    )


def _without_tokens(response):
    import re

    return re.sub(r"[A-Za-z0-9_-]{22,}", "", response.content.decode())


def test_wrong_passwords_pause_the_account_after_the_limit(client, user, settings):
    for _ in range(settings.LOGIN_FAILURE_LIMIT):
        assert log_in(client, user.username, "guess").status_code == 200

    response = log_in(client, user.username)

    assert response.status_code == 200
    assert b"logging in to it is paused" in response.content
    assert "_auth_user_id" not in client.session


def test_the_pause_is_counted_per_name_typed(client, user, settings):
    # allauth counts failures per login typed (and per address, 20 a minute).
    for _ in range(settings.LOGIN_FAILURE_LIMIT):
        log_in(client, user.username, "guess")

    assert log_in(client, user.email).status_code == 302


def test_another_account_is_not_paused_by_someone_elses_failures(
    client, user, other_user, settings
):
    for _ in range(settings.LOGIN_FAILURE_LIMIT):
        log_in(client, user.username, "guess")

    assert log_in(client, other_user.username).status_code == 302


def test_it_logs_out_with_post(client, user):
    client.force_login(user)

    response = client.post(reverse("logout"))

    assert response.status_code == 302
    assert client.get(reverse("accounts:settings")).status_code == 302


def test_a_get_asks_before_logging_out(client, user):
    client.force_login(user)

    response = client.get(reverse("logout"))

    assert response.status_code == 200
    assert b'method="post"' in response.content
    assert client.get(reverse("accounts:settings")).status_code == 200


def test_the_test_client_login_still_works(client, user):
    assert client.login(username=user.username, password=PASSWORD)


def test_an_absurdly_long_username_gets_a_message_not_an_error(client):
    response = log_in(client, "x" * 100_000, "guess")

    assert response.status_code == 200
    assert b'role="alert"' in response.content or b"errorlist" in response.content


def test_the_admin_login_is_our_login(client):
    response = client.get(reverse("admin:login"))

    assert response.status_code == 302
    assert response.url.startswith(reverse("login"))
