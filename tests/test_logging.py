import io
import json
import logging

import pytest
from django.http import HttpResponse
from django.test import override_settings
from django.urls import path


def broken_view(request):
    request.user.get_username()  # the user is looked up before things go wrong
    raise RuntimeError("the view broke")


def ok_view(request):
    return HttpResponse("fine")


urlpatterns = [path("broken/", broken_view), path("ok/", ok_view)]


@pytest.fixture
def log_lines():
    """Lines written by the configured stdout handler, parsed as JSON."""
    handler = logging.getHandlerByName("stdout")
    buffer = io.StringIO()
    previous = handler.setStream(buffer)
    yield lambda: [json.loads(line) for line in buffer.getvalue().splitlines()]
    handler.setStream(previous)


def test_the_response_carries_a_new_request_id(client):
    response = client.get("/healthz")

    assert len(response["X-Request-ID"]) == 32


def test_the_response_echoes_the_request_id_a_proxy_sent(client):
    response = client.get("/healthz", headers={"X-Request-ID": "lb-4bf92f3577b34da6"})

    assert response["X-Request-ID"] == "lb-4bf92f3577b34da6"


def test_a_request_id_that_could_forge_log_lines_is_replaced(client):
    response = client.get("/healthz", headers={"X-Request-ID": 'x", "level": "CRITICAL'})

    assert response["X-Request-ID"] != 'x", "level": "CRITICAL'
    assert len(response["X-Request-ID"]) == 32


@pytest.mark.django_db
def test_every_line_logged_for_a_request_carries_its_id(client, log_lines):
    response = client.get("/no-such-page/", headers={"X-Request-ID": "req-0123456789"})

    assert response.status_code == 404
    lines = log_lines()
    assert sorted(line["logger"] for line in lines) == ["django.request", "midback.request"]
    assert all(line["request_id"] == "req-0123456789" for line in lines)
    access = next(line for line in lines if line["logger"] == "midback.request")
    assert access["level"] == "INFO"
    assert access["method"] == "GET"
    assert access["path"] == "/no-such-page/"
    assert access["status_code"] == 404
    assert isinstance(access["duration_ms"], float)


@pytest.mark.django_db
@override_settings(ROOT_URLCONF="tests.test_logging")
def test_a_server_error_is_logged_with_method_path_user_and_status(client, user, log_lines):
    client.raise_request_exception = False
    client.force_login(user)

    response = client.post("/broken/?q=my+back+hurts", {"note": "sharp pain left side"})

    assert response.status_code == 500
    error = next(line for line in log_lines() if line["level"] == "ERROR")
    assert error["logger"] == "django.request"
    assert error["method"] == "POST"
    assert error["path"] == "/broken/"
    assert error["user_id"] == user.pk
    assert error["status_code"] == 500
    assert error["request_id"] == response["X-Request-ID"]
    assert "RuntimeError: the view broke" in error["exc_info"]


@pytest.mark.django_db
@override_settings(ROOT_URLCONF="tests.test_logging")
def test_logs_hold_neither_query_strings_nor_form_data(client, user, log_lines):
    client.raise_request_exception = False
    client.force_login(user)

    client.post("/broken/?q=my+back+hurts", {"note": "sharp pain left side"})
    client.post("/ok/?q=my+back+hurts", {"note": "sharp pain left side"})

    written = json.dumps(log_lines())
    assert "hurts" not in written
    assert "sharp pain" not in written


def test_health_probes_stay_out_of_the_info_log(client, log_lines):
    client.get("/healthz")

    assert log_lines() == []


def test_lines_logged_after_a_request_carry_no_stale_id(client, log_lines):
    client.get("/healthz")
    logging.getLogger("midback.tests").warning("between requests")

    assert log_lines()[-1]["request_id"] is None
