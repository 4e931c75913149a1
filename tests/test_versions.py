"""Cache version counters: read once a request, a bump in the request seen at once."""

from collections import Counter

import pytest
from django.core.cache import cache
from django.http import HttpResponse
from django.test import RequestFactory
from django.urls import reverse

from midback import versions
from tests.factories import RoutineFactory, ScheduledSessionFactory

KEY = "tests:version"


def in_request(work):
    """work() inside a request as the middleware runs it; its result."""
    found = {}

    def view(request):
        found["value"] = work()
        return HttpResponse()

    versions.VersionsMiddleware(view)(RequestFactory().get("/"))
    return found["value"]


def test_a_request_reads_a_counter_once_and_sees_its_own_bump():
    def work():
        first = versions.read(KEY, 60)
        cache.incr(KEY)  # another process's change, mid-request: this request keeps its value
        again = versions.read(KEY, 60)
        versions.bump(KEY, 60)  # this request's own change: seen at once
        return first, again, versions.read(KEY, 60)

    first, again, after_bump = in_request(work)
    assert again == first
    assert after_bump == first + 2


def test_outside_a_request_every_read_goes_to_the_cache():
    first = versions.read(KEY, 60)
    cache.incr(KEY)
    assert versions.read(KEY, 60) == first + 1


def test_a_missing_counter_starts_past_any_value_it_had():
    old = versions.read(KEY, 60)
    cache.delete(KEY)  # evicted
    assert versions.read(KEY, 60) > old


@pytest.mark.django_db
def test_today_reads_each_counter_once(client, user, monkeypatch):
    ScheduledSessionFactory(user=user, routine=RoutineFactory(user=user))
    client.force_login(user)
    client.get(reverse("routines:today"))
    reads = Counter()
    get_or_set = cache.get_or_set

    def counted(key, *args, **kwargs):
        reads[key] += 1
        return get_or_set(key, *args, **kwargs)

    monkeypatch.setattr(cache, "get_or_set", counted)
    assert client.get(reverse("routines:today")).status_code == 200
    assert reads and set(reads.values()) == {1}, reads
