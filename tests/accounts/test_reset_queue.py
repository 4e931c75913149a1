"""A password reset request only enqueues the email: the worker looks the account up."""

import pytest
from django.tasks import default_task_backend
from django.urls import reverse

from accounts.tasks import send_password_reset
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

URL = reverse("password_reset")


@pytest.fixture
def queue(settings):
    settings.TASKS = {"default": {"BACKEND": "django.tasks.backends.dummy.DummyBackend"}}
    default_task_backend.clear()
    yield default_task_backend
    default_task_backend.clear()


def test_the_request_enqueues_the_same_task_whether_or_not_the_account_exists(
    client, queue, mailoutbox, django_assert_num_queries
):
    UserFactory(email="kim@example.com")

    with django_assert_num_queries(0):
        known = client.post(URL, {"email": "kim@example.com"})
    with django_assert_num_queries(0):
        unknown = client.post(URL, {"email": "nobody@example.com"})

    assert known.status_code == unknown.status_code == 302
    assert known["Location"] == unknown["Location"] == reverse("password_reset_done")
    assert mailoutbox == []
    assert [(r.task.name, r.args) for r in queue.results] == [
        ("send_password_reset", ["kim@example.com", "testserver", False]),
        ("send_password_reset", ["nobody@example.com", "testserver", False]),
    ]


def test_the_worker_sends_the_link_to_the_account(mailoutbox):
    user = UserFactory(email="kim@example.com")

    send_password_reset.call("KIM@example.com", "midback.example.org", True)

    assert len(mailoutbox) == 1
    assert mailoutbox[0].to == [user.email]
    assert "https://midback.example.org/accounts/password/reset/" in mailoutbox[0].body


def test_the_worker_sends_nothing_for_an_unknown_address(mailoutbox):
    send_password_reset.call("nobody@example.com", "midback.example.org", True)

    assert mailoutbox == []
