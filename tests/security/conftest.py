import pytest


@pytest.fixture(autouse=True)
def fast_password_hashing(settings):
    # These tests make two users each, hundreds of times: the real hasher costs seconds here.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
