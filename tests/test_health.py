from unittest import mock

import pytest
from django.db import OperationalError, connection
from django.db.migrations.recorder import MigrationRecorder
from django.test import override_settings


def test_healthz_answers_without_the_database(client):
    # No django_db mark: touching the database here would fail the test.
    response = client.get("/healthz")

    assert response.status_code == 200
    assert response.content == b"ok"
    assert response["Cache-Control"] == "no-store"


@pytest.mark.django_db
def test_readyz_is_ready_when_every_migration_is_applied(client):
    response = client.get("/readyz")

    assert response.status_code == 200
    assert response.json() == {"status": "ready"}


@pytest.mark.django_db
def test_readyz_is_unavailable_while_a_migration_is_pending(client):
    # Forget one applied migration, as a database restored from an older backup would.
    MigrationRecorder(connection).record_unapplied("sessions", "0001_initial")

    response = client.get("/readyz")

    assert response.status_code == 503
    assert response.json() == {
        "status": "unavailable",
        "reason": "migrations not applied",
        "pending": 1,
    }


@pytest.mark.django_db
def test_readyz_is_unavailable_when_the_database_does_not_answer(client):
    with mock.patch.object(connection, "cursor", side_effect=OperationalError("refused")):
        response = client.get("/readyz")

    assert response.status_code == 503
    assert response.json() == {"status": "unavailable", "reason": "database unreachable"}
    assert b"refused" not in response.content


@pytest.mark.django_db
def test_an_unready_probe_is_a_warning_not_a_server_error(client, caplog):
    with mock.patch.object(connection, "cursor", side_effect=OperationalError("refused")):
        client.get("/readyz")

    assert [(r.name, r.levelname) for r in caplog.records if r.levelno >= 30] == [
        ("midback.health", "WARNING")
    ]


@pytest.mark.django_db
def test_probes_answer_a_load_balancer_that_uses_the_container_address(client):
    assert client.get("/exercises/", headers={"host": "10.0.3.7:8000"}).status_code == 400

    assert client.get("/healthz", headers={"host": "10.0.3.7:8000"}).status_code == 200
    assert client.get("/readyz", headers={"host": "10.0.3.7:8000"}).status_code == 200


@pytest.mark.django_db
@override_settings(SECURE_SSL_REDIRECT=True)
def test_probes_are_not_redirected_to_https(client):
    assert client.get("/exercises/").status_code == 301

    assert client.get("/healthz").status_code == 200
    assert client.get("/readyz").status_code == 200


def test_probes_answer_head_requests(client):
    response = client.head("/healthz")

    assert response.status_code == 200
