"""With REDIS_URL every worker shares one cache: rate limits hold under concurrency and a
library edit shows in every process at once. Needs the Redis these machines run."""

import os
import uuid
from unittest import mock

import pytest
import redis
from django.core.cache.backends.redis import RedisCache

from exercises import caching

REDIS_URL = os.environ.get("REDIS_TEST_URL", "redis://127.0.0.1:6379/3")


def redis_cache_settings(prefix):
    return {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": prefix,
        }
    }


@pytest.fixture
def prefix():
    try:
        redis.Redis.from_url(REDIS_URL).ping()
    except redis.ConnectionError:
        pytest.skip(f"no Redis at {REDIS_URL}")
    prefix = f"test-{uuid.uuid4().hex}"
    yield prefix
    client = redis.Redis.from_url(REDIS_URL)
    for key in client.scan_iter(f"{prefix}:*"):
        client.delete(key)


@pytest.fixture
def shared_cache(settings, prefix):
    settings.CACHES = redis_cache_settings(prefix)
    settings.TASKS = {"default": {"BACKEND": "django.tasks.backends.dummy.DummyBackend"}}
    return prefix


def test_a_library_edit_reaches_another_process_at_once(prefix):
    # Two cache objects with their own connections stand for two gunicorn workers.
    here, there = (RedisCache(REDIS_URL, {"KEY_PREFIX": prefix}) for _ in range(2))
    with mock.patch.object(caching, "cache", here):
        before = caching.cached("page", "all", lambda: "old list")
    with mock.patch.object(caching, "cache", there):
        assert caching.cached("page", "all", lambda: "rebuilt") == "old list"
        caching.library_changed()
    with mock.patch.object(caching, "cache", here):
        after = caching.cached("page", "all", lambda: "new list")

    assert (before, after) == ("old list", "new list")
