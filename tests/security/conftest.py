import pytest


@pytest.fixture(autouse=True)
def fast_password_hashing(settings):
    # These tests make two users each, hundreds of times: the real hasher costs seconds here.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture(autouse=True)
def empty_cache():
    # Rate limits count in the cache: one test's posts must not lock out the next test.
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()
