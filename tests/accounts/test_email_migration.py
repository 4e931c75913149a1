"""accounts 0004 gives every existing account allauth's record of its email, on a database
that already holds accounts made the old way."""

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.test import Client
from django.urls import reverse

BEFORE = [("accounts", "0003_plain_words_for_database_rules")]
AFTER = [("accounts", "0004_email_addresses_for_existing_accounts")]


def _migrate(targets):
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(targets)
    return executor.loader.project_state(targets).apps


def _migrate_to_latest():
    executor = MigrationExecutor(connection)
    executor.migrate(executor.loader.graph.leaf_nodes())


@pytest.fixture(autouse=True)
def back_to_the_latest_schema():
    yield
    _migrate_to_latest()


@pytest.mark.django_db(transaction=True)
def test_existing_accounts_keep_everything_and_get_unverified_addresses():
    old = _migrate(BEFORE)
    User = old.get_model("auth", "User")
    from django.contrib.auth.hashers import make_password

    people = {
        "anna": User.objects.create(
            username="anna", email="Anna@Example.com", password=make_password("anna-pass-1234")
        ),
        "ben": User.objects.create(
            username="ben",
            email="ben@example.com",
            password=make_password("ben-pass-1234"),
            is_staff=True,
        ),
        "no-email": User.objects.create(
            username="no-email", email="", password=make_password("x-pass-1234")
        ),
        # Before allauth nothing stopped two accounts sharing an address in different case.
        "anna2": User.objects.create(
            username="anna2", email="anna@example.com", password=make_password("anna2-pass-1234")
        ),
    }
    hashes = {name: person.password for name, person in people.items()}

    new = _migrate(AFTER)

    EmailAddress = new.get_model("account", "EmailAddress")
    NewUser = new.get_model("auth", "User")
    rows = {
        (row.user.username, row.email, row.primary, row.verified)
        for row in EmailAddress.objects.select_related("user")
    }
    assert rows == {
        ("anna", "anna@example.com", True, False),
        ("ben", "ben@example.com", True, False),
        ("anna2", "anna@example.com", True, False),
    }
    assert {u.username: u.password for u in NewUser.objects.all()} == hashes
    assert NewUser.objects.get(username="anna").email == "Anna@Example.com"

    # Their old passwords still log them in, by username or email, and they are asked to
    # confirm the address (on today's schema: later migrations of other apps run first).
    _migrate_to_latest()
    client = Client()
    response = client.post(
        reverse("login"), {"login": "ben@example.com", "password": "ben-pass-1234"}
    )
    assert response.status_code == 302
    assert b"Please confirm your email address" in client.get(reverse("home")).content


@pytest.mark.django_db(transaction=True)
def test_running_it_again_adds_nothing_twice():
    _migrate(BEFORE)
    from django.contrib.auth import get_user_model

    get_user_model().objects.create_user("cara", "cara@example.com", "cara-pass-1234")
    _migrate(AFTER)
    _migrate(BEFORE)
    new = _migrate(AFTER)

    EmailAddress = new.get_model("account", "EmailAddress")
    assert list(EmailAddress.objects.values_list("email", flat=True)) == ["cara@example.com"]
