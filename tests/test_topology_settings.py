"""Settings for the shared cache, the task queue and proxy trust, read when settings load:
each case runs a fresh interpreter with its own environment."""

import json
import os
import subprocess
import sys

import pytest

PRINT = (
    "import json, django; django.setup(); from django.conf import settings; "
    "print(json.dumps({'cache': settings.CACHES['default'], 'tasks': settings.TASKS, "
    "'proxies': [str(n) for n in settings.TRUSTED_PROXIES]}))"
)
OURS = ("REDIS_URL", "CACHE_", "TASKS_BACKEND", "TRUSTED_PROXIES")


def settings_with(**env):
    clean = {k: v for k, v in os.environ.items() if not k.startswith(OURS)}
    return subprocess.run(
        [sys.executable, "-c", PRINT],
        env={**clean, "DJANGO_SETTINGS_MODULE": "midback.settings", "SECRET_KEY": "x", **env},
        capture_output=True,
        text=True,
        check=False,
    )


def loaded(**env):
    result = settings_with(**env)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1])


def test_without_redis_a_newcomer_gets_memory_and_tasks_run_at_once():
    found = loaded()

    assert found["cache"]["BACKEND"] == "django.core.cache.backends.locmem.LocMemCache"
    immediate = "django.tasks.backends.immediate.ImmediateBackend"
    assert found["tasks"]["default"]["BACKEND"] == immediate
    assert found["proxies"] == []


def test_redis_url_shares_the_cache_in_redis():
    found = loaded(REDIS_URL="redis://cache.internal:6379/2", CACHE_KEY_PREFIX="site-a")

    assert found["cache"] == {
        "BACKEND": "django.core.cache.backends.redis.RedisCache",
        "LOCATION": "redis://cache.internal:6379/2",
        "KEY_PREFIX": "site-a",
    }


def test_the_database_task_backend_queues_for_the_worker():
    found = loaded(TASKS_BACKEND="database")

    assert found["tasks"]["default"]["BACKEND"] == "django_tasks_db.DatabaseBackend"


def test_trusted_proxies_are_networks():
    found = loaded(TRUSTED_PROXIES="172.28.0.10, 10.0.0.0/8")

    assert found["proxies"] == ["172.28.0.10/32", "10.0.0.0/8"]


@pytest.mark.parametrize(
    ("env", "message"),
    [
        ({"TRUSTED_PROXIES": "the-balancer"}, "TRUSTED_PROXIES must be addresses or networks"),
        ({"CACHE_BACKEND": "redis"}, "CACHE_BACKEND=redis needs REDIS_URL"),
        ({"CACHE_BACKEND": "memcached"}, "CACHE_BACKEND must be redis, database or memory"),
        ({"TASKS_BACKEND": "celery"}, "TASKS_BACKEND must be immediate or database"),
    ],
)
def test_bad_values_stop_start_up_with_a_message(env, message):
    result = settings_with(**env)

    assert result.returncode != 0
    assert message in result.stderr
