import re

import pytest
from django.test import Client
from django.urls import reverse

from tests.factories import PASSWORD, UserFactory

pytestmark = pytest.mark.django_db

NEW = "quiet-harbour-57-lantern"


def _change(client, old=PASSWORD):
    return client.post(
        reverse("password_change"),
        {"oldpassword": old, "password1": NEW, "password2": NEW},
    )


def _without_tokens(response):
    return re.sub(r"[A-Za-z0-9_-]{22,}", "", response.content.decode())


def test_password_change_needs_login(client):
    response = client.get(reverse("password_change"))

    assert response.status_code == 302
    assert response.url.startswith(reverse("login"))


def test_password_change_keeps_this_session_and_ends_the_others(client, user):
    phone = Client()
    phone.post(reverse("login"), {"login": user.username, "password": PASSWORD})
    client.post(reverse("login"), {"login": user.username, "password": PASSWORD})
    assert phone.get(reverse("accounts:settings")).status_code == 200

    response = _change(client)

    assert response.status_code == 302
    user.refresh_from_db()
    assert user.check_password(NEW)
    assert client.get(reverse("accounts:settings")).status_code == 200
    assert phone.get(reverse("accounts:settings")).status_code == 302


def test_password_change_shows_a_wrong_old_password_in_place(client, user):
    client.force_login(user)

    response = _change(client, old="wrong")

    assert response.status_code == 200
    assert b"errorlist" in response.content
    user.refresh_from_db()
    assert user.check_password(PASSWORD)


def test_the_current_password_cannot_be_guessed_without_limit(client, user, settings):
    client.force_login(user)
    statuses = [_change(client, old=f"guess-{n}").status_code for n in range(8)]

    assert statuses.count(429) >= 3  # 5 a minute (ACCOUNT_RATE_LIMITS["change_password"])
    assert _change(client).status_code == 429  # even the right one, until the minute ends
    user.refresh_from_db()
    assert user.check_password(PASSWORD)


def test_password_reset_sends_one_email_whose_link_sets_a_new_password(client, mailoutbox):
    user = UserFactory(email="sam@example.com")

    response = client.post(reverse("password_reset"), {"email": "SAM@example.com"})

    assert response.url == reverse("account_reset_password_done")
    assert len(mailoutbox) == 1
    message = mailoutbox[0]
    assert message.to == ["sam@example.com"]
    assert message.subject == "Midback: Set a new password"
    link = re.search(r"https?://testserver(\S+)", message.body).group(1)

    form_page = client.get(link, follow=True)
    assert b'name="password1"' in form_page.content
    response = client.post(form_page.redirect_chain[-1][0], {"password1": NEW, "password2": NEW})

    assert response.status_code == 302
    user.refresh_from_db()
    assert user.check_password(NEW)
    used = client.get(link, follow=True)
    assert b'name="password1"' not in used.content


def test_password_reset_answers_the_same_for_a_known_and_an_unknown_email(client, mailoutbox):
    UserFactory(email="sam@example.com")

    known = client.post(reverse("password_reset"), {"email": "sam@example.com"}, follow=True)
    unknown = client.post(reverse("password_reset"), {"email": "nobody@example.com"}, follow=True)

    assert known.status_code == unknown.status_code == 200
    assert known.redirect_chain == unknown.redirect_chain
    assert _without_tokens(known) == _without_tokens(unknown)
    # Each address gets one email: the link, or a note that no account uses it.
    assert sorted(m.to[0] for m in mailoutbox) == ["nobody@example.com", "sam@example.com"]


def test_known_and_unknown_resets_enqueue_the_same_task(client, settings):
    settings.TASKS = {"default": {"BACKEND": "django.tasks.backends.dummy.DummyBackend"}}
    from django.tasks import default_task_backend

    default_task_backend.clear()
    UserFactory(email="sam@example.com")
    client.post(reverse("password_reset"), {"email": "sam@example.com"})
    client.post(reverse("password_reset"), {"email": "nobody@example.com"})

    # The request renders and enqueues; only the worker talks to the mail server.
    results = default_task_backend.results
    assert [r.task.name for r in results] == ["send_email", "send_email"]
    assert [r.args or r.kwargs["to"] for r in results] == [
        ["sam@example.com"],
        ["nobody@example.com"],
    ]


def test_password_reset_with_a_bad_email_shows_the_error_in_place(client):
    response = client.post(reverse("password_reset"), {"email": "not an email"})

    assert response.status_code == 200
    assert b"errorlist" in response.content


def test_resets_for_one_email_stop_at_the_limit(client, settings, mailoutbox):
    UserFactory(email="sam@example.com")
    statuses = [
        client.post(reverse("password_reset"), {"email": "sam@example.com"}).status_code
        for _ in range(settings.PASSWORD_RESET_LIMIT_PER_EMAIL + 2)
    ]

    assert statuses.count(302) == settings.PASSWORD_RESET_LIMIT_PER_EMAIL
    assert statuses.count(429) == 2
    assert len(mailoutbox) == settings.PASSWORD_RESET_LIMIT_PER_EMAIL
    page = client.post(reverse("password_reset"), {"email": "sam@example.com"})
    assert b"Too many tries for now" in page.content


def test_an_old_style_reset_link_leads_to_a_new_one(client):
    response = client.get("/accounts/password/reset/MQ/abc-123/")

    assert response.status_code == 302
    assert response.url == reverse("account_reset_password")
