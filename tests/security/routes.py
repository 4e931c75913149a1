"""Every named URL of the project and who may reach it: the registry the security tests walk.

A new `path(..., name=...)` must get an entry in ROUTES, or test_access_control fails and
names it. An entry says who the route is for:

- public: anyone, anonymous visitors included;
- login: any logged-in person; an anonymous visitor is sent to log in;
- owned: one user's object; the owner reaches it, anyone else gets a 404, an anonymous
  visitor is sent to log in. `build(user)` makes the owner's object(s) with the factories
  and returns the URL's kwargs;
- token: a secret in the URL is the only key (the calendar feed, a share link);
- excluded: not walked, with the reason why.

The admin (namespace "admin") is walked as a whole by its own test.

`fields` lists what a POST (or a GET filter, with `query=True`) sends, for the fuzz test:
field name -> kind. Kinds: "text", "int", "decimal", "bool", "date", "time", "uuid",
"choice:a,b,c" (the first is a valid one), "email", "zone", "username" (a new one),
"account" (an existing one), "future_date" (a valid one is a month ahead), "password" (the
user's), "new_password", or an id of an "exercise", "routine", "schedule", "equipment",
"weekday". A name may hold "{item_pk}"-style placeholders filled from the URL kwargs (form
prefixes).
"""

import datetime
import json
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from enum import StrEnum

from django.apps import apps
from django.contrib.auth import get_user_model
from django.db.models import F
from django.urls import URLPattern, URLResolver, get_resolver

from routines.reminders import unsubscribe_token
from tests.factories import (
    CalendarFeedFactory,
    ExerciseFactory,
    PainNoteFactory,
    RoutineFactory,
    RoutineItemFactory,
    ScheduledSessionFactory,
    ShareLinkFactory,
)

ADMIN_NAMESPACE = "admin"


class Access(StrEnum):
    PUBLIC = "public"
    LOGIN = "login"
    OWNED = "owned"
    TOKEN = "token"
    EXCLUDED = "excluded"


@dataclass(frozen=True)
class Route:
    access: Access
    get: bool = True
    post: bool = False
    build: Callable | None = None
    # What the intended visitor's GET gets (the owner, a logged-in person, or anyone).
    ok: frozenset = frozenset({200})
    fields: dict = field(default_factory=dict)
    # The fields above are a GET filter (query string), not a POST body.
    query: bool = False
    reason: str = ""
    # URL keys naming what the route removes: an unknown one is taken as already removed (a
    # resent delete), answered with a redirect that says so, and changes nothing.
    gone_ok: tuple = ()

    @property
    def methods(self):
        return [m for m, on in (("GET", self.get), ("POST", self.post)) if on]


def public(*, build=None, ok=(200,), get=True, post=False, fields=None, query=False):
    return Route(Access.PUBLIC, get, post, build, frozenset(ok), fields or {}, query=query)


def login(*, build=None, ok=(200,), get=True, post=False, fields=None, query=False):
    return Route(Access.LOGIN, get, post, build, frozenset(ok), fields or {}, query=query)


def owned(build, *, ok=(200,), get=True, post=False, fields=None, query=False, gone_ok=()):
    return Route(
        Access.OWNED, get, post, build, frozenset(ok), fields or {}, query=query, gone_ok=gone_ok
    )


def post_only(access, build=None, *, gone_ok=(), **fields):
    return Route(access, get=False, post=True, build=build, fields=fields, gone_ok=gone_ok)


def token(build):
    return Route(Access.TOKEN, build=build)


def excluded(reason):
    return Route(Access.EXCLUDED, reason=reason)


# Builders: make the user's object(s), return the URL kwargs -----------------------------------


def a_routine(user):
    return {"pk": RoutineFactory(user=user).pk}


def a_routine_item(user):
    item = RoutineItemFactory(routine=RoutineFactory(user=user))
    return {"pk": item.routine_id, "item_pk": item.pk}


def a_schedule(user):
    schedule = ScheduledSessionFactory(user=user, start_date=datetime.date(2026, 3, 2))
    return {"pk": schedule.pk}


def an_occurrence(user):
    schedule = ScheduledSessionFactory(user=user, start_date=datetime.date(2026, 3, 2))
    return {"pk": schedule.pk, "day": "2026-03-02"}


def _new_session(user):
    WorkoutSession = apps.get_model("workouts", "WorkoutSession")
    open_session = WorkoutSession.objects.filter(user=user, finished_at__isnull=True).first()
    if open_session is None:
        return WorkoutSession.objects.create(user=user)
    started = open_session.started_at - datetime.timedelta(days=1)
    return WorkoutSession.objects.create(
        user=user, started_at=started, finished_at=started + datetime.timedelta(minutes=30)
    )


def _finished_session(user):
    WorkoutSession = apps.get_model("workouts", "WorkoutSession")
    started = datetime.datetime(2026, 3, 2, 8, 0, tzinfo=datetime.UTC)
    return WorkoutSession.objects.create(
        user=user, started_at=started, finished_at=started + datetime.timedelta(minutes=30)
    )


def _entry(user):
    session = _new_session(user)
    return session.add_exercise(ExerciseFactory())


def a_workout(user):
    return {"pk": _new_session(user).pk}


def a_finished_workout(user):
    return {"pk": _finished_session(user).pk}


def an_entry(user):
    return {"pk": _entry(user).pk}


def a_set(user):
    entry = _entry(user)
    set_log, _created = entry.log_set(idempotency_key=uuid.uuid4(), reps=10)
    return {"pk": entry.pk, "set_pk": set_log.pk}


def a_pain_note(user):
    return {"pk": PainNoteFactory(user=user).pk}


def a_feed(user):
    return {"token": CalendarFeedFactory(user=user).token}


def an_unsubscribe_link(user):
    return {"token": unsubscribe_token(user, "session")}


def a_share_link(user):
    return {"pk": ShareLinkFactory(user=user).pk}


def a_share_token(user):
    return {"token": ShareLinkFactory(user=user).token}


def a_starter(user):
    return {"pk": RoutineFactory(user=None, is_starter=True).pk}


def an_exercise(user):
    return {"slug": ExerciseFactory().slug}


def an_exercise_pk(user):
    return {"exercise_pk": ExerciseFactory().pk}


# Field sets shared by several routes ------------------------------------------------------------

ROUTINE_FIELDS = {
    "name": "text",
    "purpose": "choice:mobility,strength,mixed",
    "description": "text",
}
PRESCRIPTION_FIELDS = {
    "item-{item_pk}-sets": "int",
    "item-{item_pk}-reps": "int",
    "item-{item_pk}-hold_seconds": "int",
    "item-{item_pk}-per_side": "bool",
    "item-{item_pk}-weight": "decimal",
    "item-{item_pk}-rest_seconds": "int",
}
FINISH_FIELDS = {
    "minutes": "int",
    "feeling": "int",
    "pain_after": "int",
    "notes": "text",
}
PAIN_FIELDS = {
    "idempotency_key": "uuid",
    "intensity": "int",
    "areas": "choice:upper-back-left,neck,between-shoulder-blades",
    "worse_with": "choice:sitting,lifting,exercise",
    "kind": "choice:ache,sharp,numbness",
    "timing": "choice:during,day,before",  # entry-pain: during only
    "after_fall": "bool",
    "text": "text",
}
SET_FIELDS = {
    "idempotency_key": "uuid",
    "reps": "int",
    "weight": "decimal",
    "hold_seconds": "int",
    "side": "choice:,left,right",
    "rpe": "int",
    "note": "text",
}
SKIP_REASON = "choice:pain,no-equipment,time,other"


ROUTES = {
    # Library and home
    "home": public(),
    "exercises:list": public(
        query=True,
        fields={
            "q": "text",
            "kind": "choice:mobility,strength",
            "level": "choice:beginner,intermediate,advanced",
            "equipment": "text",
            "muscle": "text",
        },
    ),
    "exercises:detail": public(build=an_exercise),
    "media": public(build=lambda user: {"path": "exercises/none.png"}, ok=(404,)),
    # Accounts
    "accounts:signup": public(
        post=True,
        fields={
            "username": "username",
            "email": "email",
            "password1": "new_password",
            "password2": "new_password",
            "time_zone": "zone",
        },
    ),
    "accounts:settings": login(
        post=True,
        fields={
            "time_zone": "zone",
            "weight_unit": "choice:kg,lb",
            "weekly_target": "int",
            "training_at": "choice:home,gym,custom",
            "equipment": "equipment",
            "reminders": "bool",
            "reminder_time": "choice:07:30,06:00,23:45",
            "reminder_days": "choice:0,3,6",
            "check_in_reminders": "bool",
            "check_in_time": "choice:20:00,08:15",
            "check_in_days": "choice:6,1",
        },
    ),
    "accounts:delete": login(post=True, fields={"confirm": "bool"}),
    "login": public(post=True, fields={"login": "account", "password": "password"}),
    # A GET asks "log out?" (200), or sends a visitor home (302); only a POST logs out.
    "logout": public(ok=(200, 302), post=True),
    "password_change": login(
        post=True,
        fields={
            "oldpassword": "password",
            "password1": "new_password",
            "password2": "new_password",
        },
    ),
    "password_reset": public(post=True, fields={"email": "email"}),
    # Offline use: the same for everyone (the state names only the person asking)
    "offline:service_worker": public(),
    "offline:manifest": public(),
    "offline:page": public(),
    "offline:state": public(),
    # allauth's views (the names above are ours for the same views)
    "account_login": public(),
    "account_signup": public(),
    "account_reset_password": public(),
    "account_reset_password_done": public(),
    "account_reset_password_from_key_done": public(),
    "account_email_verification_sent": public(),
    "account_inactive": public(),
    "account_email": login(),
    "account_change_password": login(),
    "account_reauthenticate": login(),
    "mfa_index": login(),
    "usersessions_list": login(),
    "account_logout": excluded("the same view as logout, walked under that name"),
    "account_set_password": excluded("for accounts without a password; others are sent on"),
    "account_request_reauthentication_code": excluded("codes by email are off: a 404"),
    "account_confirm_reauthentication_code": excluded("codes by email are off: a 404"),
    "account_confirm_login_code": excluded("log-in by code is off: a 404"),
    "account_confirm_email": excluded("a key from the email: tests/accounts/test_signup.py"),
    "account_reset_password_from_key": excluded(
        "a key from the email: tests/accounts/test_password.py"
    ),
    "legacy_password_reset": excluded("a redirect to account_reset_password, tested there"),
    "mfa_authenticate": excluded("a step of a pending log-in: tests/accounts/test_two_factor.py"),
    "mfa_reauthenticate": excluded("needs a second factor: tests/accounts"),
    "mfa_activate_totp": excluded("asks for the password first: tests/accounts/test_two_factor"),
    "mfa_deactivate_totp": excluded("needs an app set up: tests/accounts/test_two_factor.py"),
    "mfa_view_recovery_codes": excluded("needs a second factor: tests/accounts/test_two_factor"),
    "mfa_generate_recovery_codes": excluded("needs a second factor: tests/accounts"),
    "mfa_download_recovery_codes": excluded("needs a second factor: tests/accounts"),
    "mfa_list_webauthn": excluded("needs a passkey: tests/accounts/test_passkey_browser.py"),
    "mfa_add_webauthn": excluded("asks for the password first: test_passkey_browser.py"),
    "mfa_reauthenticate_webauthn": excluded("needs a passkey: tests/accounts"),
    "mfa_remove_webauthn": excluded("allauth's own passkey, looked up from request.user"),
    "mfa_edit_webauthn": excluded("allauth's own passkey, looked up from request.user"),
    "mfa_login_webauthn": excluded("a POST from the passkey script: test_passkey_browser.py"),
    # Routines
    "routines:list": login(),
    "routines:create": post_only(Access.LOGIN, **ROUTINE_FIELDS),
    "routines:starter": login(build=a_starter),
    "routines:copy_starter": post_only(Access.LOGIN, a_starter),
    "routines:detail": owned(
        a_routine,
        query=True,
        fields={"q": "text", "kind": "choice:mobility,strength", "all": "bool"},
    ),
    "routines:rename": post_only(Access.OWNED, a_routine, **ROUTINE_FIELDS),
    "routines:duplicate": post_only(Access.OWNED, a_routine),
    "routines:archive": post_only(Access.OWNED, a_routine),
    "routines:unarchive": post_only(Access.OWNED, a_routine),
    "routines:delete": owned(a_routine, post=True, gone_ok=("pk",)),
    "routines:add_item": post_only(Access.OWNED, a_routine, exercise="exercise"),
    "routines:edit_item": post_only(Access.OWNED, a_routine_item, **PRESCRIPTION_FIELDS),
    "routines:move_item": post_only(Access.OWNED, a_routine_item, direction="choice:up,down"),
    "routines:remove_item": post_only(Access.OWNED, a_routine_item, gone_ok=("item_pk",)),
    # Scheduling
    "routines:today": login(),
    "routines:week": login(query=True, fields={"start": "date"}),
    "routines:schedule_list": login(),
    "routines:schedule_create": login(
        post=True,
        fields={"routine": "routine", "start_date": "date", "time": "time", "weekdays": "weekday"},
    ),
    "routines:schedule_delete": owned(a_schedule, post=True, gone_ok=("pk",)),
    "routines:occurrence_edit": owned(
        an_occurrence, post=True, fields={"new_date": "date", "new_time": "time"}
    ),
    "routines:occurrence_skip": post_only(Access.OWNED, an_occurrence),
    "routines:occurrence_restore": post_only(Access.OWNED, an_occurrence),
    "routines:calendar": login(),
    "routines:calendar_regenerate": post_only(Access.LOGIN),
    "routines:calendar_revoke": post_only(Access.LOGIN),
    "routines:calendar_feed": token(a_feed),
    "routines:unsubscribe": token(an_unsubscribe_link),
    # Session log
    "workouts:current": login(ok=(200, 302)),
    "workouts:start": post_only(Access.LOGIN, routine="routine", schedule="schedule", date="date"),
    "workouts:session": owned(a_workout),
    "workouts:rate": post_only(Access.OWNED, a_workout, moment="choice:before,after", rating="int"),
    "workouts:add_entry": owned(
        a_workout, post=True, query=True, fields={"q": "text", "exercise": "exercise"}
    ),
    "workouts:session_logger": owned(a_finished_workout),
    "workouts:start_past": post_only(Access.LOGIN, routine="routine", day="date", time="time"),
    "workouts:edit_set": owned(a_set, post=True, fields=SET_FIELDS, gone_ok=("set_pk",)),
    "workouts:plan_sets": post_only(Access.OWNED, an_entry, count="int"),
    "workouts:move_entry": post_only(Access.OWNED, an_entry, position="int"),
    "workouts:how_to": owned(an_entry),
    # Any movement of the library: the weight is worked out from the person's own log.
    "workouts:apply_suggestion": login(build=an_exercise_pk, get=False, post=True),
    "workouts:finish": post_only(Access.OWNED, a_workout, **FINISH_FIELDS),
    "workouts:discard": post_only(Access.OWNED, a_workout, gone_ok=("pk",)),
    "workouts:edit": owned(a_finished_workout, post=True, fields=FINISH_FIELDS),
    "workouts:log_set": post_only(Access.OWNED, an_entry, **SET_FIELDS),
    "workouts:undo_set": post_only(Access.OWNED, an_entry),
    "workouts:skip": post_only(Access.OWNED, an_entry, reason=SKIP_REASON),
    "workouts:resume": post_only(Access.OWNED, an_entry),
    "workouts:swap": post_only(Access.OWNED, an_entry, reason=SKIP_REASON, exercise="exercise"),
    "workouts:entry_pain": owned(an_entry, post=True, fields=PAIN_FIELDS),
    "workouts:delete_set": owned(a_set, post=True, gone_ok=("set_pk",)),
    "workouts:pain_new": login(
        post=True, fields={**PAIN_FIELDS, "timing": "choice:day,during,after"}
    ),
    "workouts:pain_note": owned(a_pain_note),
    "workouts:check_in": login(),
    "workouts:check_in_rate": post_only(Access.LOGIN, rating="int"),
    "workouts:check_in_mark": post_only(
        Access.LOGIN, areas="choice:neck,lower-back-left,hip-right"
    ),
    # History, progress and exports
    "workouts:history": login(query=True, fields={"page": "int"}),
    "workouts:progress": login(query=True, fields={"weeks": "int"}),
    "workouts:movement_history": login(build=an_exercise, query=True, fields={"page": "int"}),
    "workouts:report": login(query=True, fields={"start": "date", "end": "date"}),
    "workouts:export_csv": login(build=lambda user: {"kind": "sets"}),
    "workouts:export_json": login(),
    # Sharing with a professional, and flare-ups
    "care:share_list": login(
        post=True,
        fields={
            "name": "text",
            "scope": "choice:rolling,dates",
            "rolling_weeks": "int",
            "start_date": "date",
            "end_date": "date",
            "include_session_notes": "bool",
            "expires_on": "future_date",
        },
    ),
    "care:share_revoke": owned(a_share_link, post=True),
    "care:shared": token(a_share_token),
    "care:flare_up": login(post=True, fields={"days": "int"}),
    "care:flare_up_end": post_only(Access.LOGIN),
    "care:flare_up_session": post_only(Access.LOGIN),
}


# Walking the URL configuration ------------------------------------------------------------------


@dataclass(frozen=True)
class Pattern:
    name: str | None
    route: str
    resolver_pattern: URLPattern = field(compare=False, repr=False)


def url_patterns(resolver=None, namespace=None, prefix=""):
    """Every pattern of the project, with its full "namespace:name" and route."""
    resolver = resolver or get_resolver()
    for entry in resolver.url_patterns:
        if isinstance(entry, URLResolver):
            inner = entry.namespace
            if namespace and inner:
                inner = f"{namespace}:{inner}"
            yield from url_patterns(entry, inner or namespace, prefix + str(entry.pattern))
        elif isinstance(entry, URLPattern):
            name = entry.name
            if name and namespace:
                name = f"{namespace}:{name}"
            yield Pattern(name, prefix + str(entry.pattern), entry)


def is_admin(pattern):
    return (
        pattern.name is not None
        and pattern.name.startswith(f"{ADMIN_NAMESPACE}:")
        or (pattern.route.startswith("admin/"))
    )


def project_patterns():
    return [pattern for pattern in url_patterns() if not is_admin(pattern)]


def admin_patterns():
    return [pattern for pattern in url_patterns() if is_admin(pattern)]


def routes_with(*accesses):
    return sorted(name for name, route in ROUTES.items() if route.access in accesses)


# The state of the database, to prove a request changed nothing ---------------------------------

SNAPSHOT_APPS = ("exercises", "routines", "workouts", "accounts")

# How each user-owned model reaches its owner; every other model of SNAPSHOT_APPS is shared
# content (the library, starter routines) that no user's request may change.
OWNER_PATHS = {
    "routines.routine": "user",
    "routines.routineitem": "routine__user",
    "routines.scheduledsession": "user",
    "routines.occurrencechange": "schedule__user",
    "routines.calendarfeed": "user",
    "routines.remindersent": "user",
    "workouts.workoutsession": "user",
    "workouts.sessionexercise": "session__user",
    "workouts.setlog": "entry__session__user",
    "workouts.painnote": "user",
    "workouts.checkin": "user",
    "accounts.profile": "user",
}

IGNORED = {"last_login"}


def _snapshot_models():
    user_model = get_user_model()
    for model in apps.get_models():
        if hasattr(model, "instance_type"):
            continue  # django-simple-history's copies: the models themselves are compared
        if model._meta.app_label in SNAPSHOT_APPS or model is user_model:
            yield model


def _hashable(row):
    # JSON columns (a note's areas) come back as lists.
    return tuple(json.dumps(v, sort_keys=True) if isinstance(v, list | dict) else v for v in row)


def snapshot():
    """Every row of the app's data, model by model, each row as (owner id or None, values)."""
    user_model = get_user_model()
    state = {}
    for model in _snapshot_models():
        label = model._meta.label_lower
        pk = model._meta.pk.attname
        columns = [pk] + [
            f.attname for f in model._meta.concrete_fields if f.attname not in IGNORED | {pk}
        ]
        owner = "pk" if model is user_model else OWNER_PATHS.get(label)
        queryset = model._default_manager.order_by("pk")
        if owner is None:
            state[label] = [(None, _hashable(row)) for row in queryset.values_list(*columns)]
        else:
            rows = queryset.annotate(owner_=F(owner)).values_list("owner_", *columns)
            state[label] = [(row[0], _hashable(row[1:])) for row in rows]
    return state


def without(state, user):
    """The snapshot less the rows that belong to `user`."""
    return {label: [row for row in rows if row[0] != user.pk] for label, rows in state.items()}


def changed_objects(before, after):
    """The objects saved (new or changed) between two snapshots."""
    for label, rows in after.items():
        pks = {values[0] for _owner, values in set(rows) - set(before.get(label, []))}
        if pks:
            yield from apps.get_model(label)._default_manager.filter(pk__in=pks)


def diff(before, after):
    """The models whose rows differ, for a readable failure."""
    return {
        label: {
            "gone": set(before[label]) - set(after[label]),
            "new": set(after[label]) - set(before[label]),
        }
        for label in before
        if before[label] != after.get(label)
    }
