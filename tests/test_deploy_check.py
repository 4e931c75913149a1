"""Production configuration: .env.example is what an operator starts from, so `check --deploy`
runs with exactly it, in a fresh process (the test run's own environment is not production)."""

import json
import os
import re
import secrets
import subprocess
import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
SETTINGS_READER = re.compile(r'env_(?:str|bool|int|list)\(\s*"([A-Z0-9_]+)"')


def env_example():
    values = {}
    for line in (ROOT / ".env.example").read_text().splitlines():
        if line.strip() and not line.lstrip().startswith("#"):
            name, _, value = line.partition("=")
            values[name.strip()] = value
    return values


def settings_variables():
    return set(SETTINGS_READER.findall((ROOT / "midback" / "settings.py").read_text()))


def manage(*args, **changes):
    example = env_example()
    # Start from a clean slate: nothing the test run set leaks into "production".
    keep = {
        name: value
        for name, value in os.environ.items()
        if name not in example
        and name not in settings_variables()
        and not name.startswith("DJANGO_")
    }
    env = keep | example | {"SECRET_KEY": secrets.token_urlsafe(50)} | changes
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_the_production_example_passes_every_deployment_check():
    result = manage("check", "--deploy", "--fail-level", "WARNING")

    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues (0 silenced)." in result.stdout


def test_the_deployment_check_catches_a_site_left_on_plain_http():
    result = manage("check", "--deploy", "--fail-level", "WARNING", SECURE_SSL_REDIRECT="false")

    assert result.returncode != 0
    assert "security.W008" in result.stderr + result.stdout


def test_the_deployment_check_catches_mail_that_would_never_leave(tmp_path):
    result = manage("check", "--deploy", "--fail-level", "WARNING", EMAIL_HOST="")

    assert result.returncode != 0
    assert "mail.E001" in result.stderr + result.stdout


def test_production_refuses_to_start_without_a_secret_key():
    result = manage("check", SECRET_KEY="")

    assert result.returncode != 0
    assert "Set SECRET_KEY" in result.stderr


def test_every_setting_read_from_the_environment_is_documented_in_the_example():
    text = (ROOT / ".env.example").read_text()

    undocumented = {name for name in settings_variables() if f"{name}=" not in text}

    assert not undocumented, f"add these to .env.example: {sorted(undocumented)}"


def compose():
    return yaml.safe_load((ROOT / "docker-compose.yml").read_text())


def test_compose_starts_the_app_only_after_migrations_ran_on_a_healthy_database():
    services = compose()["services"]

    assert services["db"]["image"].startswith("postgres:15")
    assert "pg_isready" in " ".join(services["db"]["healthcheck"]["test"])
    migrate = services["migrate"]
    assert "python manage.py migrate --noinput" in " ".join(migrate["command"])
    assert migrate["depends_on"]["db"]["condition"] == "service_healthy"
    web = services["web"]
    assert web["depends_on"]["migrate"]["condition"] == "service_completed_successfully"
    assert "/readyz" in " ".join(web["healthcheck"]["test"])
    assert web["restart"] == "unless-stopped"
    assert services["db"]["restart"] == "unless-stopped"


def test_compose_publishes_only_the_proxy():
    services = compose()["services"]

    published = {name for name, service in services.items() if service.get("ports")}
    assert published == {"proxy"}
    assert services["proxy"]["image"].startswith("nginx:")
    assert services["web"]["expose"] == ["8000"]
    template = services["proxy"]["volumes"][0]
    assert template.startswith("./deploy/nginx/midback.conf.template:/etc/nginx/templates/")
    proxy_address = services["proxy"]["networks"]["backend"]["ipv4_address"]
    assert services["web"]["environment"]["TRUSTED_PROXIES"] == proxy_address


def test_compose_runs_the_worker_and_the_scheduler_with_redis():
    services = compose()["services"]

    assert services["worker"]["command"] == ["python", "manage.py", "db_worker"]
    assert services["scheduler"]["command"][:3] == ["python", "manage.py", "crontask"]
    assert services["redis"]["image"].startswith("redis:")
    for name in ("web", "worker", "scheduler"):
        service = services[name]
        assert service["environment"]["REDIS_URL"] == "redis://redis:6379/0"
        assert service["environment"]["TASKS_BACKEND"] == "database"
        assert service["depends_on"]["redis"]["condition"] == "service_healthy"
        assert service["depends_on"]["migrate"]["condition"] == "service_completed_successfully"
        assert service["restart"] == "unless-stopped"


def test_compose_takes_its_variables_from_the_documented_example():
    text = (ROOT / "docker-compose.yml").read_text()
    used = set(re.findall(r"\$\{([A-Z0-9_]+)", text))

    assert used <= set(env_example())


def test_the_image_runs_as_an_unprivileged_user_and_checks_its_health():
    dockerfile = (ROOT / "Dockerfile").read_text()

    assert re.search(r"^FROM python:3\.13-slim", dockerfile, re.MULTILINE)
    users = re.findall(r"^USER (\S+)", dockerfile, re.MULTILINE)
    assert users and users[-1] not in ("root", "0")
    assert "HEALTHCHECK" in dockerfile and "/healthz" in dockerfile
    assert "collectstatic" in dockerfile


def database_settings(**changes):
    return manage(
        "shell",
        "-c",
        "import json; from django.conf import settings; "
        "print(json.dumps(settings.DATABASES['default'], default=str))",
        **changes,
    )


def test_connections_persist_between_requests_in_production():
    result = database_settings(DATABASE_URL="postgres://app:secret@db:5432/app")

    database = json.loads(result.stdout.splitlines()[-1])
    assert database["CONN_MAX_AGE"] == 600
    assert database["CONN_HEALTH_CHECKS"] is True


def test_db_pool_switches_to_psycopgs_pool_instead():
    result = database_settings(DATABASE_URL="postgres://app:secret@db:5432/app", DB_POOL="true")

    database = json.loads(result.stdout.splitlines()[-1])
    assert database["CONN_MAX_AGE"] == 0
    assert database["OPTIONS"]["pool"] == {"min_size": 2, "max_size": 4, "timeout": 10}


def test_db_pool_is_refused_for_sqlite():
    result = database_settings(DATABASE_URL="sqlite:///pool.sqlite3", DB_POOL="true")

    assert result.returncode != 0
    assert "DB_POOL=true needs a PostgreSQL DATABASE_URL" in result.stderr


def test_the_production_example_shares_its_cache_between_app_containers():
    result = manage(
        "shell", "-c", "from django.conf import settings; print(settings.CACHES['default'])"
    )

    assert "django.core.cache.backends.redis.RedisCache" in result.stdout


def test_the_production_example_queues_work_for_the_worker():
    result = manage("shell", "-c", "from django.conf import settings; print(settings.TASKS)")

    assert "django_tasks_db.DatabaseBackend" in result.stdout
