"""While the database is down, pages answer 503 with a short page of our own."""

from unittest import mock

import pytest
from django.db import InterfaceError, OperationalError
from django.db.backends.base.base import BaseDatabaseWrapper
from django.test import Client
from django.urls import reverse


@pytest.fixture
def database_down(user, visitor):
    visitor.force_login(user)  # the session itself is in the database
    with mock.patch.object(
        BaseDatabaseWrapper,
        "ensure_connection",
        side_effect=OperationalError("connection refused"),
    ):
        yield


@pytest.fixture
def visitor():
    # As a browser sees it: the error page, not the exception the test client re-raises.
    return Client(raise_request_exception=False)


@pytest.mark.django_db
@pytest.mark.parametrize("name", ["home", "exercises:list", "routines:today", "workouts:history"])
def test_pages_answer_503_with_our_page(database_down, visitor, name):
    from django.core.cache import cache

    cache.clear()  # the library would otherwise come from the cache, without the database
    response = visitor.get(reverse(name))

    assert response.status_code == 503
    assert b"Back in a moment" in response.content
    assert b"Nothing you logged is lost" in response.content
    assert response["Retry-After"] == "30"
    assert "no-store" in response["Cache-Control"]


@pytest.mark.django_db
def test_a_connection_closed_under_it_gives_503_too(user, visitor):
    visitor.force_login(user)
    with mock.patch.object(
        BaseDatabaseWrapper, "ensure_connection", side_effect=InterfaceError("connection closed")
    ):
        response = visitor.post(reverse("accounts:settings"), {"units": "kg"})

    assert response.status_code == 503


@pytest.mark.django_db
def test_another_error_is_still_a_500(visitor):
    with mock.patch("routines.views.schedule.render", side_effect=RuntimeError("bug")):
        response = visitor.get(reverse("home"))

    assert response.status_code == 500
    assert b"Something went wrong" in response.content
