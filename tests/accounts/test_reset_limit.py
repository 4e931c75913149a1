import pytest
from django.urls import reverse

from accounts.limits import within_limit
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

URL = reverse("password_reset")


def test_it_limits_requests_for_one_email_with_a_friendly_429(client, settings, mailoutbox):
    UserFactory(email="kim@example.com")
    limit = settings.PASSWORD_RESET_LIMIT_PER_EMAIL

    for _ in range(limit):
        assert client.post(URL, {"email": "kim@example.com"}).status_code == 302
    response = client.post(URL, {"email": " KIM@example.com "})

    assert response.status_code == 429
    assert b"Too many reset requests" in response.content
    assert len(mailoutbox) == limit


def test_another_email_is_counted_apart(client, settings):
    for _ in range(settings.PASSWORD_RESET_LIMIT_PER_EMAIL):
        client.post(URL, {"email": "kim@example.com"})

    assert client.post(URL, {"email": "lee@example.com"}).status_code == 302


def test_it_limits_requests_from_one_address_across_emails(client, settings):
    limit = settings.PASSWORD_RESET_LIMIT_PER_IP

    for n in range(limit):
        assert client.post(URL, {"email": f"person{n}@example.com"}).status_code == 302
    blocked = client.post(URL, {"email": "new@example.com"})
    other_address = client.post(URL, {"email": "new2@example.com"}, REMOTE_ADDR="198.51.100.7")

    assert blocked.status_code == 429
    assert other_address.status_code == 302


def test_the_form_page_itself_is_never_limited(client, settings):
    for _ in range(settings.PASSWORD_RESET_LIMIT_PER_IP + 1):
        client.post(URL, {"email": "kim@example.com"})

    assert client.get(URL).status_code == 200


def test_the_limit_lifts_when_the_window_ends(client, settings, time_machine):
    time_machine.move_to("2026-03-01 09:00Z", tick=False)
    for _ in range(settings.PASSWORD_RESET_LIMIT_PER_EMAIL + 1):
        client.post(URL, {"email": "kim@example.com"})

    time_machine.shift(settings.PASSWORD_RESET_LIMIT_WINDOW + 1)

    assert client.post(URL, {"email": "kim@example.com"}).status_code == 302


def test_within_limit_counts_hits_in_a_window():
    assert [within_limit("test:key", 2, 60) for _ in range(4)] == [True, True, False, False]
