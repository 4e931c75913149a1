"""gunicorn.conf.py refuses several workers that would each keep a cache of their own."""

import runpy
from pathlib import Path
from types import SimpleNamespace

import pytest

CONF = runpy.run_path(str(Path(__file__).resolve().parent.parent / "gunicorn.conf.py"))


def server(workers):
    return SimpleNamespace(cfg=SimpleNamespace(workers=workers))


def memory(settings):
    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}


def test_several_workers_with_each_ones_own_memory_cache_are_refused(settings):
    memory(settings)
    with pytest.raises(SystemExit, match="3 workers need a shared cache: set REDIS_URL"):
        CONF["on_starting"](server(3))


def test_one_worker_may_keep_its_own_memory(settings):
    memory(settings)
    CONF["on_starting"](server(1))


@pytest.mark.parametrize(
    "backend",
    [
        "django.core.cache.backends.redis.RedisCache",
        "django.core.cache.backends.db.DatabaseCache",
    ],
)
def test_several_workers_sharing_a_cache_start(settings, backend):
    settings.CACHES = {"default": {"BACKEND": backend}}
    CONF["on_starting"](server(3))
