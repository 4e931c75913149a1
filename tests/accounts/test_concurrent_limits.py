"""allauth's limits under concurrent requests, each thread its own client and its own
database and Redis connections, as separate gunicorn workers are. Run on PostgreSQL in CI."""

import threading
from concurrent.futures import ThreadPoolExecutor

import pytest
from django.db import connection
from django.test import Client
from django.urls import reverse

from tests.factories import PASSWORD, UserFactory
from tests.test_shared_cache import REDIS_URL, redis_cache_settings

pytestmark = [
    pytest.mark.skipif(
        connection.vendor == "sqlite",
        reason="SQLite takes one writer at a time; the race runs on PostgreSQL, as in production",
    ),
    pytest.mark.django_db(transaction=True),
    pytest.mark.real_login,
    pytest.mark.usefixtures("shared_cache"),
]


@pytest.fixture
def shared_cache(settings):
    import uuid

    import redis

    try:
        redis.Redis.from_url(REDIS_URL).ping()
    except redis.ConnectionError:
        pytest.skip(f"no Redis at {REDIS_URL}")
    prefix = f"test-{uuid.uuid4().hex}"
    settings.CACHES = redis_cache_settings(prefix)
    yield
    client = redis.Redis.from_url(REDIS_URL)
    for key in client.scan_iter(f"{prefix}:*"):
        client.delete(key)


N = 16


def _race(request_for):
    # Each client is made ready one after another; only the requests race.
    prepared = [request_for(Client(), index) for index in range(N)]
    start = threading.Barrier(N)

    def one(index):
        start.wait()
        try:
            return prepared[index]()
        finally:
            connection.close()

    with ThreadPoolExecutor(N) as pool:
        return list(pool.map(one, range(N)))


def test_16_concurrent_resets_for_one_email_let_exactly_the_limit_through(settings, mailoutbox):
    UserFactory(email="kim@example.com")
    # All come from one address: its own limit is set out of the way to count the email's.
    limit = settings.PASSWORD_RESET_LIMIT_PER_EMAIL
    settings.ACCOUNT_RATE_LIMITS = {
        **settings.ACCOUNT_RATE_LIMITS,
        "reset_password": f"100/1h/ip,{limit}/1h/key",
    }

    responses = _race(
        lambda client, _: (
            lambda: client.post(reverse("password_reset"), {"email": "kim@example.com"})
        )
    )

    statuses = [r.status_code for r in responses]
    assert statuses.count(302) == limit
    assert statuses.count(429) == N - limit
    assert len(mailoutbox) == limit


def test_16_concurrent_wrong_passwords_count_exactly_the_limit(settings):
    person = UserFactory()
    limit = settings.LOGIN_FAILURE_LIMIT

    responses = _race(
        lambda client, n: (
            lambda: client.post(
                reverse("login"), {"login": person.username, "password": f"guess-{n}"}
            )
        )
    )

    checked = [r for r in responses if "No account matches" in r.content.decode()]
    refused = [
        r
        for r in responses
        # Paused by the account's count, or 429 when allauth's lock on a counter could not be
        # had within a second: under contention it refuses rather than lets one through.
        if r.status_code == 429 or "logging in to it is paused" in r.content.decode()
    ]
    assert len(checked) == limit
    assert len(refused) == N - limit
    # And the right password is refused too, until the pause ends.
    refused = Client().post(reverse("login"), {"login": person.username, "password": PASSWORD})
    assert "logging in to it is paused" in refused.content.decode()


def test_16_concurrent_password_confirmations_stop_at_the_limit(settings):
    person = UserFactory()
    limit = int(settings.ACCOUNT_RATE_LIMITS["reauthenticate"].split("/")[0])

    def prepare(client, n):
        client.force_login(person)
        return lambda: client.post(reverse("account_reauthenticate"), {"password": f"guess-{n}"})

    statuses = [r.status_code for r in _race(prepare)]

    assert statuses.count(200) == limit  # "wrong password", in the page
    assert statuses.count(429) == N - limit
