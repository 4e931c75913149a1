import os
import shutil
import time

import pytest

CHROMIUM = os.environ.get("CHROMIUM") or shutil.which("chromium") or "/usr/bin/chromium"


@pytest.hookimpl(trylast=True)
def pytest_collection_modifyitems(items):
    """Run tests that flush the database (browser tests, threads) after all the others.

    pytest-django orders them last, but pytest then regroups items by session-scoped
    parameters (Playwright's browser name) and mixes them back in; a flush wipes the content
    the migrations loaded for every later test on that worker.
    """

    def flushes(item):
        marker = item.get_closest_marker("django_db")
        transaction = bool(
            marker and (marker.kwargs.get("transaction") or marker.args[:1] == (True,))
        )
        fixtures = getattr(item, "fixturenames", ())
        return transaction or "live_server" in fixtures or "transactional_db" in fixtures

    items.sort(key=flushes)


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    # Playwright's own browser download is not available here: drive the system Chromium.
    return {
        **browser_type_launch_args,
        "executable_path": CHROMIUM,
        "args": [
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
        ],
    }


@pytest.fixture(scope="session")
def browser_context_args(browser_context_args):
    # A phone: the size people log sessions on.
    return {
        **browser_context_args,
        "viewport": {"width": 390, "height": 844},
        "is_mobile": True,
        "has_touch": True,
    }


@pytest.fixture(autouse=True)
def _offline_worker_only_where_tested(request):
    # The service worker fetches the pages it keeps with requests of its own, in parallel with
    # the test's: work and timing a test of something else should not depend on. Tests of the
    # worker mark themselves service_worker.
    node = request.node
    if node.get_closest_marker("browser") and not node.get_closest_marker("service_worker"):
        request.getfixturevalue("settings").OFFLINE_WORKER = False


@pytest.fixture(autouse=True)
def _static_files_as_in_production(request, monkeypatch):
    # live_server serves /static/ through the staticfiles finders, which know only unhashed
    # names; let whitenoise answer instead, with the hashed, compressed files `make test`
    # collects, exactly as production does.
    if request.node.get_closest_marker("browser"):
        from django.contrib.staticfiles.handlers import StaticFilesHandler

        monkeypatch.setattr(StaticFilesHandler, "_should_handle", lambda handler, path: False)


@pytest.fixture(autouse=True)
def _shipped_content_in_transactional_tests(request):
    # serialized_rollback should bring back what the migrations loaded after another test's
    # flush, but on this Django/pytest-django pair it comes back empty once a plain db test has
    # run on the same worker. Load the shipped content again the way the migrations do.
    marker = request.node.get_closest_marker("django_db")
    if not (marker and marker.kwargs.get("serialized_rollback")):
        return
    request.getfixturevalue("_django_db_helper")
    from django.apps import apps

    from exercises import content as library
    from exercises.models import Exercise
    from routines import content as starters

    if not Exercise.objects.exists():
        library.load(apps, None)
        starters.load(apps, None)


@pytest.fixture(autouse=True)
def _fast_password_hashing(settings):
    # The real hasher is slow on purpose; tests create many users and log in often.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture(autouse=True)
def _empty_cache(request):
    # The library caches pages across requests; each test starts from an empty cache. Clear it
    # once the database is ready: a request still in flight from the previous browser test
    # could otherwise cache a page built between that test's flush and this test's restore.
    from django.core.cache import cache

    if request.node.get_closest_marker("django_db"):
        request.getfixturevalue("_django_db_helper")
    cache.clear()


@pytest.fixture(autouse=True)
def _force_login_confirms_identity(request, monkeypatch):
    # client.force_login() stands for a person who has logged in fully: their password typed
    # again recently and, for staff, their second factor used (tests/browser_login.py). Tests
    # marked real_login get Django's plain force_login, to check what is asked without them.
    if request.node.get_closest_marker("real_login"):
        return
    from django.test import Client

    from accounts.middleware import SEEN_KEY
    from tests.browser_login import confirmed_identity

    plain = Client.force_login

    def force_login(client, user, backend=None):
        plain(client, user, backend)
        session = client.session
        confirmed_identity(session, user)
        # A real log-in records the device (allauth's usersessions); "seen just now" stands
        # for it, so the next requests do not pay for recording it (SessionActivityMiddleware).
        session[SEEN_KEY] = time.time()
        session.save()

    monkeypatch.setattr(Client, "force_login", force_login)


@pytest.fixture
def user(db):
    from tests.factories import UserFactory

    return UserFactory()


@pytest.fixture
def other_user(db):
    from tests.factories import UserFactory

    return UserFactory()
