"""The benchmark's floor page (midback/floor.py) exists only when BENCH_FLOOR is on."""

import importlib

import pytest
from django.test import override_settings
from django.urls import clear_url_caches

import midback.urls
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def floor_routed():
    """The URLconf as the bench's gunicorn builds it, with BENCH_FLOOR=true."""
    with override_settings(BENCH_FLOOR=True):
        importlib.reload(midback.urls)
        clear_url_caches()
        yield
    importlib.reload(midback.urls)
    clear_url_caches()


def test_the_floor_is_not_routed_by_default(client):
    client.force_login(UserFactory())

    response = client.get("/bench/floor/")

    assert response.status_code == 404


def test_the_floor_renders_a_tiny_page_for_the_signed_in_person(client, floor_routed):
    user = UserFactory(username="floor-person")
    client.force_login(user)

    response = client.get("/bench/floor/")

    page = response.content.decode()
    assert response.status_code == 200
    assert "Hello, floor-person" in page
    assert "site-header-user" in page  # base.html, as a signed-in person sees it


def test_the_floor_sends_a_visitor_to_sign_in(client, floor_routed):
    response = client.get("/bench/floor/")

    assert response.status_code == 302
    assert "/accounts/login/" in response["Location"]


def test_the_bench_signs_its_people_in_with_a_session_the_app_accepts(client):
    """Every bench target behind a log-in answered a cheap redirect to the log-in page when
    the session named a backend the settings no longer list."""
    from bench.run import authenticated_headers

    user = UserFactory(username="bench-person")
    cookie = authenticated_headers(user)["Cookie"]
    client.cookies.load(cookie)

    response = client.get("/sessions/history/")

    assert response.status_code == 200
    assert response.wsgi_request.user == user
