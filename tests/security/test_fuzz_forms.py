"""Hostile and random input on every form and HTMX endpoint: never a 5xx, nothing saved broken.

For each POST route in the registry (and each GET filter), hypothesis sends field values that
are plausible, hostile (huge, negative, empty, 100 KB, markup, injection, wrong types), or
ids of someone else's objects, as a plain form post and as an HTMX request. After each one:

- the answer is below 500;
- rows saved before that are not the poster's own are exactly as they were;
- when the answer shows a validation error (or is a 4xx), nothing at all changed;
- every row the poster owns still passes model validation (lengths, ranges, constraints),
  which catches a form that lets through what PostgreSQL would refuse.

FUZZ_EXAMPLES (environment) raises the number of examples per route for a longer run.
"""

import datetime
import os
import uuid

import pytest
from django.db import transaction
from django.test import Client
from django.urls import reverse
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from accounts.models import Profile
from tests.factories import (
    PASSWORD,
    EquipmentFactory,
    ExerciseFactory,
    PainNoteFactory,
    RoutineFactory,
    RoutineItemFactory,
    ScheduledSessionFactory,
)
from tests.security.routes import (
    ROUTES,
    Access,
    changed_objects,
    diff,
    snapshot,
    without,
)
from workouts.models import WorkoutSession

EXAMPLES = int(os.environ.get("FUZZ_EXAMPLES", "10"))
FUZZ = settings(
    max_examples=EXAMPLES,
    deadline=None,
    database=None,
    suppress_health_check=[
        HealthCheck.function_scoped_fixture,
        HealthCheck.too_slow,
        HealthCheck.data_too_large,
    ],
)

HOSTILE = [
    "",
    " ",
    "\t\n",
    "0",
    "-1",
    "-0",
    "1.5",
    "-1e3",
    "1e309",
    "NaN",
    "inf",
    "-Infinity",
    "0x1F",
    "١٢",
    "½",
    "²",
    "①",
    "2²",
    "32768",
    "65536",
    str(2**31),
    str(2**63),
    str(-(2**63) - 1),
    "9" * 40,
    "1" * 5000,
    "null",
    "None",
    "true",
    "[]",
    "{}",
    "' OR '1'='1",
    "1; DROP TABLE auth_user; --",
    "<script>alert(1)</script>",
    '"><img src=x onerror=alert(1)>',
    "{{ 7*7 }}{% debug %}",
    "%(name)s%s%n",
    "../../../etc/passwd",
    "\x00",
    "a\x00b",
    "\u202eevil",
    "😀" * 300,
    "a" * 100_000,
    "9999-12-31",
    "0001-01-01",
    "2026-02-30",
    "24:00",
    "99:99",
    "00000000-0000-0000-0000-000000000000",
    "not-a-uuid",
]

# Text hypothesis writes itself: any character a browser could send (no lone surrogates).
TEXT = st.text(st.characters(exclude_categories=("Cs",)), max_size=300)
# Just past the max_length of the app's text fields, and far past all of them.
LONG = st.sampled_from([121, 201, 501, 601, 1001, 2001, 4001, 100_000]).map(lambda n: "x" * n)
ZONES = ["UTC", "Europe/Berlin", "America/Argentina/Buenos_Aires", "Pacific/Kiritimati"]
NEW_PASSWORD = "Tr1cky-Horse-Battery!"

# A value each kind of field accepts; every post starts from these and breaks a few.
GOOD = {
    "text": "Slow and steady",
    "email": "new-person@example.com",
    "username": "newperson",
    "password": PASSWORD,
    "new_password": NEW_PASSWORD,
    "zone": "Europe/Berlin",
    "int": "3",
    "decimal": "10.5",
    "bool": "on",
    "date": "2026-03-09",
    "time": "07:30",
}


def good_value(kind, ids):
    if kind.startswith("choice:"):
        return kind.removeprefix("choice:").split(",")[0]
    if kind == "uuid":
        return str(uuid.uuid4())
    if kind == "future_date":
        return (datetime.date.today() + datetime.timedelta(days=30)).isoformat()
    if kind in GOOD:
        return GOOD[kind]
    return ids[kind][0]


def plausible(kind, ids):
    if kind.startswith("choice:"):
        return st.sampled_from(kind.removeprefix("choice:").split(","))
    if kind == "int":
        return st.integers(-3, 1200).map(str) | st.integers(-(2**70), 2**70).map(str)
    if kind == "decimal":
        return st.decimals(allow_nan=True, allow_infinity=True).map(str) | st.floats().map(str)
    if kind == "bool":
        return st.sampled_from(["on", "true", "1", "", "off", "false"])
    if kind in ("date", "future_date"):
        return st.dates().map(datetime.date.isoformat)
    if kind == "time":
        return st.times().map(datetime.time.isoformat)
    if kind == "email":
        return st.emails()
    if kind == "zone":
        return st.sampled_from(ZONES)
    if kind in ("text", "username", "password", "new_password"):
        return TEXT
    return st.sampled_from(ids[kind]) | TEXT


def hostile_value(kind, ids):
    return st.one_of(plausible(kind, ids), st.sampled_from(HOSTILE), LONG, TEXT)


@st.composite
def form_data(draw, fields, ids, kwargs):
    """A valid POST body with up to three fields broken: a hostile value, several values (a
    wrong type), or left out. Shrinks towards the valid body."""
    names = {name.format(**kwargs): kind for name, kind in fields.items()}
    data = {name: [good_value(kind, ids)] for name, kind in names.items()}
    broken = draw(st.sets(st.sampled_from(sorted(names)), max_size=min(3, len(names))))
    for name in sorted(broken):
        value = hostile_value(names[name], ids)
        data[name] = draw(
            st.one_of(value.map(lambda v: [v]), st.none(), st.lists(value, min_size=2, max_size=3))
        )
    return {name: values for name, values in data.items() if values is not None}


def people_data(user):
    """What a person typically has: routines, a plan, finished sessions with sets, pain notes."""
    Profile.for_user(user)
    routine = RoutineFactory(user=user)
    RoutineItemFactory(routine=routine)
    archived = RoutineFactory(user=user, is_archived=True)
    schedule = ScheduledSessionFactory(user=user, routine=routine)
    started = datetime.datetime(2026, 1, 5, 8, tzinfo=datetime.UTC)
    session = WorkoutSession.objects.create(
        user=user, started_at=started, finished_at=started + datetime.timedelta(minutes=30)
    )
    entry = session.add_exercise(ExerciseFactory())
    set_log, _created = entry.log_set(idempotency_key=uuid.uuid4(), reps=8)
    note = PainNoteFactory(user=user)
    return {
        "routine": [routine.pk, archived.pk],
        "schedule": [schedule.pk],
        "uuid": [set_log.idempotency_key, note.idempotency_key],
    }


def ids_for(owner, other):
    mine, theirs = people_data(owner), people_data(other)
    starter = RoutineFactory(user=None, is_starter=True)
    hidden = ExerciseFactory(is_published=False)
    published = ExerciseFactory()
    equipment = EquipmentFactory()
    # Superscript and circled digits pass str.isdigit() but int() refuses them.
    unknown = ["0", "-1", "999999", str(2**63), "abc", "", "²", "①"]
    as_text = lambda values: [str(v) for v in values]  # noqa: E731
    return {
        "routine": as_text(mine["routine"] + theirs["routine"] + [starter.pk]) + unknown,
        "schedule": as_text(mine["schedule"] + theirs["schedule"]) + unknown,
        "exercise": as_text([published.pk, hidden.pk]) + unknown,
        "equipment": as_text([equipment.pk]) + unknown,
        "uuid": as_text(mine["uuid"] + theirs["uuid"] + [uuid.uuid4()]) + ["0", "x"],
        "weekday": [str(n) for n in range(8)] + ["-1", "00", "mon"],
        "account": [owner.username, other.username, "nobody"],
    }


ERROR_MARKERS = (
    'class="errorlist',
    'class="form-errors',
    'aria-invalid="true"',
    "message-error",
)


def rejected(response):
    if response.status_code >= 400:
        return True
    body = response.content.decode(errors="replace")
    return any(marker in body for marker in ERROR_MARKERS)


def fuzzed_posts():
    return sorted(
        name
        for name, route in ROUTES.items()
        if route.post and route.fields and not route.query and route.access != Access.EXCLUDED
    )


def fuzzed_filters():
    return sorted(name for name, route in ROUTES.items() if route.query)


def check_saved_data(before, after, poster):
    """Nothing of anyone else changed; whatever was saved passes the model's validation."""
    if poster is None:
        for label, rows in before.items():
            lost = set(rows) - set(after[label])
            assert not lost, f"rows saved before were changed or deleted: {label} {lost}"
    else:
        assert without(before, poster) == without(after, poster), (
            f"another user's data or shared content changed: {diff(before, after)}"
        )
    for obj in changed_objects(before, after):
        obj.full_clean()


def post_and_check(client, url, data, poster, before, htmx=False):
    """Post inside a rolled-back transaction, so every attempt starts from `before`."""
    headers = {"HTTP_HX_REQUEST": "true"} if htmx else {}
    with transaction.atomic():
        response = client.post(url, data, **headers)
        assert response.status_code < 500
        after = snapshot()
        if rejected(response):
            assert before == after, f"a rejected post changed data: {diff(before, after)}"
        check_saved_data(before, after, poster)
        transaction.set_rollback(True)
    return response


def setup_route(client, user, other_user, name):
    route = ROUTES[name]
    ids = ids_for(user, other_user)
    kwargs = route.build(user) if route.build else {}
    poster = None if route.access == Access.PUBLIC else user
    if poster is not None:
        client.force_login(poster)
    return route, ids, kwargs, reverse(name, kwargs=kwargs), poster, snapshot()


@pytest.mark.django_db
@pytest.mark.parametrize("name", fuzzed_posts())
def test_hostile_form_posts_never_break_anything(client, user, other_user, name):
    route, ids, kwargs, url, poster, before = setup_route(client, user, other_user, name)

    @FUZZ
    @given(data=form_data(route.fields, ids, kwargs), htmx=st.booleans())
    def post(data, htmx):
        post_and_check(client, url, data, poster, before, htmx)

    post()


def edge_values(kind, ids):
    """The classic bad values for one kind of field."""
    if kind.startswith("choice:"):
        return ["zzz"]
    edges = {
        "text": ["x" * 100_000, "a\x00b"],
        "username": ["x" * 1000],
        "account": ["x" * 1000],
        "password": ["x" * 5000],
        "new_password": ["x" * 5000],
        "email": ["x" * 300 + "@example.com"],
        "zone": ["Mars/Olympus", "x" * 100],
        "int": ["99999", "-1", "9" * 30, "²", "①"],
        "decimal": ["99999999.999", "-0.01", "1e400", "NaN"],
        "date": ["0001-01-01", "9999-12-31"],
        "future_date": ["0001-01-01", "9999-12-31"],
        "time": ["25:00"],
        "bool": ["maybe"],
        "uuid": [*ids["uuid"][2:4], "not-a-uuid"],
        "weekday": ["7", "-1", "mon"],
    }
    # Someone else's object, an unknown id, one too large for any column.
    return edges.get(kind) or [*ids[kind][1:-8], "999999", str(2**63), "-1", "²"]


@pytest.mark.django_db
@pytest.mark.parametrize("name", fuzzed_posts())
def test_each_field_survives_the_classic_bad_values(client, user, other_user, name):
    route, ids, kwargs, url, poster, before = setup_route(client, user, other_user, name)
    fields = {field.format(**kwargs): kind for field, kind in route.fields.items()}
    valid = {field: [good_value(kind, ids)] for field, kind in fields.items()}
    response = post_and_check(client, url, valid, poster, before)
    assert not rejected(response), "the valid body is refused: fix GOOD or the route's fields"
    for n, (field, kind) in enumerate(fields.items()):
        for m, value in enumerate(edge_values(kind, ids)):
            data = {**valid, field: [value]}
            post_and_check(client, url, data, poster, before, htmx=(n + m) % 2 == 1)


@pytest.mark.django_db
@pytest.mark.parametrize("name", fuzzed_filters())
def test_hostile_filters_never_break_a_page_or_change_data(client, user, other_user, name):
    route, ids, kwargs, url, _poster, before = setup_route(client, user, other_user, name)
    client.force_login(user)

    @FUZZ
    @given(data=form_data(route.fields, ids, kwargs), htmx=st.booleans())
    def get(data, htmx):
        headers = {"HTTP_HX_REQUEST": "true"} if htmx else {}
        # Cut at 4,000 characters: a longer URL is refused by any proxy before Django sees it.
        data = {k: [v[:4000] for v in values] for k, values in data.items()}
        assert client.get(url, data, **headers).status_code < 500
        assert before == snapshot(), "a GET changed saved data"

    get()


def csrf_routes():
    return sorted(
        name
        for name, route in ROUTES.items()
        if route.post and route.access in (Access.PUBLIC, Access.LOGIN, Access.OWNED)
    )


@pytest.mark.django_db
@pytest.mark.parametrize("htmx", [False, True], ids=["page", "htmx"])
@pytest.mark.parametrize("name", csrf_routes())
def test_a_post_without_its_csrf_token_is_refused(user, name, htmx):
    Profile.for_user(user)
    route = ROUTES[name]
    client = Client(enforce_csrf_checks=True)
    if route.access != Access.PUBLIC:
        client.force_login(user)
    url = reverse(name, kwargs=route.build(user) if route.build else {})
    headers = {"HTTP_HX_REQUEST": "true"} if htmx else {}
    before = snapshot()
    response = client.post(url, {}, **headers)
    assert response.status_code == 403
    assert before == snapshot()
