import re

import pytest
from django.urls import reverse

from tests.factories import PASSWORD, UserFactory

pytestmark = pytest.mark.django_db

NEW = "quiet-harbour-57-lantern"


def test_password_change_needs_login(client):
    response = client.get(reverse("password_change"))

    assert response.status_code == 302
    assert response.url.startswith(reverse("login"))


def test_password_change_works_and_keeps_them_logged_in(client, user):
    client.force_login(user)

    response = client.post(
        reverse("password_change"),
        {"old_password": PASSWORD, "new_password1": NEW, "new_password2": NEW},
    )

    assert response.url == reverse("password_change_done")
    user.refresh_from_db()
    assert user.check_password(NEW)
    assert client.get(reverse("accounts:settings")).status_code == 200


def test_password_change_shows_a_wrong_old_password_in_place(client, user):
    client.force_login(user)

    response = client.post(
        reverse("password_change"),
        {"old_password": "wrong", "new_password1": NEW, "new_password2": NEW},
    )

    assert response.status_code == 200
    assert b"Your old password was entered incorrectly" in response.content


def test_password_reset_sends_one_email_whose_link_sets_a_new_password(client, mailoutbox):
    user = UserFactory(email="sam@example.com")

    response = client.post(reverse("password_reset"), {"email": "sam@example.com"})

    assert response.url == reverse("password_reset_done")
    assert len(mailoutbox) == 1
    message = mailoutbox[0]
    assert message.to == ["sam@example.com"]
    assert message.subject == "Reset your Midback password"
    link = re.search(r"https?://testserver(\S+)", message.body).group(1)

    # The link redirects once to a URL without the token, then shows the form.
    form_page = client.get(link, follow=True)
    assert b'name="new_password1"' in form_page.content
    response = client.post(
        form_page.redirect_chain[-1][0], {"new_password1": NEW, "new_password2": NEW}
    )

    assert response.url == reverse("password_reset_complete")
    user.refresh_from_db()
    assert user.check_password(NEW)
    assert client.get(link).status_code == 200  # a used link only says it has expired
    assert b"expired or was already used" in client.get(link, follow=True).content


def test_password_reset_says_the_same_for_an_unknown_email(client, mailoutbox):
    response = client.post(reverse("password_reset"), {"email": "nobody@example.com"})

    assert response.url == reverse("password_reset_done")
    assert mailoutbox == []


def test_password_reset_with_a_bad_email_shows_the_error_in_place(client):
    response = client.post(reverse("password_reset"), {"email": "not an email"})

    assert response.status_code == 200
    assert b"Enter a valid email address." in response.content
