"""Who reaches what: every URL of the project walked against the registry in routes.py."""

import pytest
from django.conf import settings
from django.contrib import admin
from django.shortcuts import resolve_url
from django.urls import NoReverseMatch, reverse

from accounts.models import Profile
from tests.factories import ExerciseFactory, RoutineFactory, UserFactory
from tests.security.routes import (
    ROUTES,
    Access,
    admin_patterns,
    diff,
    project_patterns,
    routes_with,
    snapshot,
)

HTMX = {"HTTP_HX_REQUEST": "true"}


@pytest.fixture
def owner(user):
    Profile.for_user(user)
    return user


@pytest.fixture
def outsider(other_user):
    Profile.for_user(other_user)
    return other_user


def url_of(name, user=None, **override):
    route = ROUTES[name]
    kwargs = route.build(user) if route.build else {}
    return reverse(name, kwargs={**kwargs, **override})


def kwargs_of(name, user):
    route = ROUTES[name]
    return route.build(user) if route.build else {}


def send(client, method, url, **extra):
    if method == "GET":
        return client.get(url, **extra)
    return client.post(url, {}, **extra)


def assert_sent_to_login(response):
    login_url = resolve_url(settings.LOGIN_URL)
    assert response.status_code == 302, response.status_code
    assert response["Location"].startswith(f"{login_url}?next="), response["Location"]


def assert_not_stored(response):
    # What a logged-in person sees may hold health notes: no browser or proxy cache keeps it.
    cache_control = {part.strip() for part in response.get("Cache-Control", "").split(",")}
    assert {"private", "no-store"} <= cache_control, (response.request["PATH_INFO"], cache_control)


def assert_unchanged(before, after):
    assert before == after, f"the request changed saved data: {diff(before, after)}"


# The registry covers the whole URL configuration ------------------------------------------------


def test_every_url_pattern_has_an_access_rule():
    missing = [pattern for pattern in project_patterns() if pattern.name not in ROUTES]
    assert not missing, (
        "These URLs have no entry in tests/security/routes.py ROUTES: "
        + ", ".join(f"{p.name or '(unnamed)'} -> /{p.route}" for p in missing)
        + ". Name the pattern and add an entry saying who may reach it "
        "(public, login, owned with a builder, token, or excluded with a reason)."
    )


def test_every_access_rule_names_a_url_that_exists():
    names = {pattern.name for pattern in project_patterns()}
    stale = sorted(set(ROUTES) - names)
    assert not stale, f"ROUTES has entries for URLs that no longer exist: {stale}"


def test_excluded_routes_say_why():
    assert all(route.reason for route in ROUTES.values() if route.access == Access.EXCLUDED)


# Public pages ------------------------------------------------------------------------------------


@pytest.mark.django_db
@pytest.mark.parametrize("name", routes_with(Access.PUBLIC))
def test_public_pages_answer_anonymous_visitors(client, owner, name):
    route = ROUTES[name]
    url = url_of(name, owner)
    response = client.get(url)
    assert response.status_code in (route.ok if route.get else {405})
    if route.post:
        assert client.post(url, {}).status_code < 500


# Pages for logged-in people ----------------------------------------------------------------------


@pytest.mark.django_db
@pytest.mark.parametrize("name", routes_with(Access.LOGIN, Access.OWNED))
def test_anonymous_visitors_are_sent_to_log_in(client, owner, name):
    url = url_of(name, owner)
    for method in ROUTES[name].methods:
        before = snapshot()
        assert_sent_to_login(send(client, method, url))
        assert_unchanged(before, snapshot())


@pytest.mark.django_db
@pytest.mark.parametrize("name", routes_with(Access.LOGIN))
def test_logged_in_people_reach_their_pages(client, owner, name):
    route = ROUTES[name]
    url = url_of(name, owner)
    client.force_login(owner)
    response = client.get(url)
    assert response.status_code in (route.ok if route.get else {405})
    assert_not_stored(response)
    if route.post:
        posted = client.post(url, {})
        assert posted.status_code in {200, 302, 400}
        assert_not_stored(posted)
        assert_not_stored(client.post(url, {}, **HTMX))


# A user's own objects ----------------------------------------------------------------------------


@pytest.mark.django_db
@pytest.mark.parametrize("name", routes_with(Access.OWNED))
def test_the_owner_reaches_their_object(client, owner, name):
    route = ROUTES[name]
    url = url_of(name, owner)
    client.force_login(owner)
    response = client.get(url)
    assert response.status_code in (route.ok if route.get else {405})
    assert_not_stored(response)
    if route.post:
        posted = client.post(url, {})
        assert posted.status_code in {200, 302, 400}
        assert_not_stored(posted)
        assert_not_stored(client.post(url, {}, **HTMX))


@pytest.mark.django_db
@pytest.mark.parametrize("htmx", [False, True], ids=["page", "htmx"])
@pytest.mark.parametrize("name", routes_with(Access.OWNED))
def test_another_user_gets_404_and_changes_nothing(client, owner, outsider, name, htmx):
    url = url_of(name, owner)
    client.force_login(outsider)
    for method in ROUTES[name].methods:
        before = snapshot()
        response = send(client, method, url, **(HTMX if htmx else {}))
        assert response.status_code == 404, f"{method} {url}: {response.status_code}"
        assert_unchanged(before, snapshot())


@pytest.mark.django_db
@pytest.mark.parametrize("name", routes_with(Access.OWNED))
def test_unknown_ids_get_404(client, owner, name):
    kwargs = kwargs_of(name, owner)
    client.force_login(owner)
    for key, value in kwargs.items():
        if isinstance(value, int):
            # Unknown, and too large for any integer column.
            unknowns = [value + 10**6, 2**31, 2**63, 10**30]
        else:
            unknowns = ["1999-01-01", "2026-13-45", "x" * 300]
        for unknown in unknowns:
            url = reverse(name, kwargs={**kwargs, key: unknown})
            for method in ROUTES[name].methods:
                before = snapshot()
                response = send(client, method, url)
                if key in ROUTES[name].gone_ok:
                    # A resent delete: "already removed", never an error page.
                    assert response.status_code in {200, 302}, f"{method} {url}"
                    assert_unchanged(before, snapshot())
                else:
                    assert response.status_code == 404, f"{method} {url}"


@pytest.mark.django_db
@pytest.mark.parametrize(
    "name", [name for name in routes_with(Access.OWNED) if ROUTES[name].build is not None]
)
def test_another_users_ids_cannot_be_mixed_into_the_owners_url(client, owner, outsider, name):
    mine, theirs = kwargs_of(name, owner), kwargs_of(name, outsider)
    client.force_login(owner)
    for key in mine:
        if mine[key] == theirs[key]:
            continue
        url = reverse(name, kwargs={**mine, key: theirs[key]})
        for method in ROUTES[name].methods:
            before = snapshot()
            assert send(client, method, url).status_code == 404, f"{method} {url}"
            assert_unchanged(before, snapshot())


# Secret addresses --------------------------------------------------------------------------------


@pytest.mark.django_db
@pytest.mark.parametrize("name", routes_with(Access.TOKEN))
def test_a_secret_address_answers_only_its_own_secret(client, owner, name):
    kwargs = kwargs_of(name, owner)
    assert client.get(reverse(name, kwargs=kwargs)).status_code == 200
    for key, value in kwargs.items():
        for wrong in (value[:-1] + ("A" if value[-1] != "A" else "B"), "x", value[:8]):
            url = reverse(name, kwargs={**kwargs, key: wrong})
            assert client.get(url).status_code == 404, url


@pytest.mark.django_db
def test_a_revoked_calendar_address_is_404(client, owner):
    url = url_of("routines:calendar_feed", owner)
    owner.calendar_feed.delete()
    assert client.get(url).status_code == 404


@pytest.mark.django_db
def test_a_deactivated_users_calendar_address_is_404(client, owner):
    url = url_of("routines:calendar_feed", owner)
    owner.is_active = False
    owner.save()
    assert client.get(url).status_code == 404


# The admin ---------------------------------------------------------------------------------------


def _admin_urls():
    """Every named admin URL, with sample arguments."""
    first_app = next(iter(admin.site._registry))._meta.app_label
    samples = {"app_label": first_app, "object_id": "1", "content_type_id": "1"}
    urls = {}
    for pattern in admin_patterns():
        if pattern.name is None:
            continue
        groups = pattern.resolver_pattern.pattern.regex.groupindex
        try:
            urls[pattern.name] = reverse(
                pattern.name, kwargs={key: samples.get(key, "x") for key in groups}
            )
        except NoReverseMatch:
            continue
    return urls


# The admin's own login form, and its log-out (POST only), are meant for anyone.
# The admin's log-in sends visitors to ours and refuses people who are not staff (403).
ADMIN_OPEN = {"admin:login": {200, 302, 403}, "admin:logout": {405, 302}}


@pytest.mark.django_db
@pytest.mark.parametrize("staff_of", ["anonymous", "non-staff"])
def test_the_admin_sends_everyone_but_staff_to_its_login(client, staff_of):
    if staff_of == "non-staff":
        client.force_login(UserFactory())
    admin_login = reverse("admin:login")
    urls = _admin_urls()
    assert "admin:index" in urls
    assert any(name.endswith("_changelist") for name in urls)
    for name, url in urls.items():
        response = client.get(url)
        if name in ADMIN_OPEN:
            assert response.status_code in ADMIN_OPEN[name], name
            continue
        assert response.status_code == 302, f"{name} {url}: {response.status_code}"
        assert response["Location"].startswith(admin_login), f"{name} {url}"


@pytest.mark.django_db
def test_a_non_staff_user_cannot_post_to_the_admin(client, owner):
    client.force_login(owner)
    url = reverse("admin:exercises_exercise_add")
    before = snapshot()
    response = client.post(url, {"name": "Sneaky", "slug": "sneaky", "summary": "x"})
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("admin:login"))
    assert_unchanged(before, snapshot())


# Routes open to every logged-in person that still take an id --------------------------------


@pytest.mark.django_db
@pytest.mark.parametrize("name", ["routines:starter", "routines:copy_starter"])
def test_another_users_routine_is_not_a_starter(client, owner, outsider, name):
    url = reverse(name, kwargs={"pk": RoutineFactory(user=outsider).pk})
    client.force_login(owner)
    for method in ROUTES[name].methods:
        before = snapshot()
        assert send(client, method, url).status_code == 404
        assert_unchanged(before, snapshot())


@pytest.mark.django_db
def test_a_draft_movement_is_404_in_the_library(client, owner):
    draft = ExerciseFactory(is_published=False)
    assert client.get(draft.get_absolute_url()).status_code == 404
    client.force_login(owner)
    assert client.get(draft.get_absolute_url()).status_code == 404


@pytest.mark.django_db
def test_an_unknown_export_is_404(client, owner):
    client.force_login(owner)
    url = reverse("workouts:export_csv", kwargs={"kind": "passwords"})
    assert client.get(url).status_code == 404


# Django's own class-based auth views: PUT is their POST, and a logged-in visitor to the login
# page is sent home whatever the method. The CSRF check still guards them.
# Class-based auth views (allauth's) treat PUT like POST: they answer with the form, never a 500.
DJANGO_AUTH_VIEWS = {
    "login",
    "password_change",
    "password_reset",
    "accounts:signup",
    "account_login",
    "account_signup",
    "account_reset_password",
    "account_change_password",
    "account_email",
    "account_reauthenticate",
    "usersessions_list",
}


@pytest.mark.django_db
@pytest.mark.parametrize("name", routes_with(Access.PUBLIC, Access.LOGIN, Access.OWNED))
def test_other_http_methods_are_refused(client, owner, name):
    url = url_of(name, owner)
    client.force_login(owner)
    before = snapshot()
    for method in ("PUT", "PATCH", "DELETE"):
        status = client.generic(method, url).status_code
        assert status == 405 or (name in DJANGO_AUTH_VIEWS and status < 500), (method, status)
    assert_unchanged(before, snapshot())


@pytest.mark.django_db
def test_staff_without_permissions_see_no_model_in_the_admin(client):
    client.force_login(UserFactory(is_staff=True))
    for model in admin.site._registry:
        opts = model._meta
        for view in ("changelist", "add"):
            url = reverse(f"admin:{opts.app_label}_{opts.model_name}_{view}")
            assert client.get(url).status_code == 403, url
