"""The account archive: one person's data as a JSON file (export) and back (import).

The export names shared content (movements, equipment, starter routines) by slug or name and
the person's own rows by their old ids; here the old ids are mapped to the new rows. Everything
is written in one transaction: a file that fails anywhere leaves the database as it was.
"""

import secrets
import uuid

from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.db import DataError, IntegrityError, transaction
from django.utils import timezone

from accounts import weights
from accounts.models import Profile
from care.models import FlareUp, ShareLink, token_hash
from exercises.models import Equipment, Exercise
from routines.models import (
    CalendarFeed,
    OccurrenceChange,
    Routine,
    RoutineItem,
    ScheduledSession,
    new_feed_token,
)
from workouts import body_map
from workouts.models import CheckIn, PainNote, SessionExercise, SetLog, WorkoutSession

EXPORT_FORMAT = "midback-account-export"
# Version 1 held weights in the person's unit; from version 2 they are all in kg.
EXPORT_VERSION = 2
SUPPORTED_VERSIONS = {1, 2}
# The weight columns. Version 1 files hold them in the person's unit, version 2 in kg.
WEIGHT_FIELDS = {(RoutineItem, "weight"), (SessionExercise, "planned_weight"), (SetLog, "weight")}


# Export --------------------------------------------------------------------------------


def fields_of(obj, exclude=("user",)):
    """Every stored column of a row, so fields added later are exported too."""
    return {
        field.attname: getattr(obj, field.attname)
        for field in obj._meta.concrete_fields
        if field.name not in exclude
    }


def account_data(user):
    """Everything of one person's, as a JSON-ready dict (the file `import_account` reads)."""
    profile = Profile.for_user(user)
    routines = user.routines.prefetch_related("items__exercise").order_by("pk")
    sessions = (
        WorkoutSession.objects.filter(user=user)
        .select_related("routine")
        .prefetch_related("entries__exercise", "entries__sets")
        .order_by("started_at", "pk")
    )
    feed = getattr(user, "calendar_feed", None)
    return {
        "format": EXPORT_FORMAT,
        "version": EXPORT_VERSION,
        "weights_in": weights.KG,
        "exported_at": timezone.now(),
        "user": {
            "username": user.get_username(),
            "email": user.email,
            "date_joined": user.date_joined,
        },
        "profile": {
            **fields_of(profile, exclude=("id", "user")),
            "equipment": sorted(profile.equipment.values_list("slug", flat=True)),
        },
        "routines": [
            {
                **fields_of(routine),
                "items": [
                    {**fields_of(item), "exercise": item.exercise.slug}
                    for item in routine.items.all()
                ],
            }
            for routine in routines
        ],
        "schedules": [
            {
                **fields_of(schedule),
                "changes": [
                    fields_of(change, exclude=("schedule",)) for change in schedule.changes.all()
                ],
            }
            for schedule in user.scheduled_sessions.prefetch_related("changes").order_by("pk")
        ],
        "sessions": [
            {
                **fields_of(session),
                # Starter routines are shared content: their ids differ between databases.
                "starter_routine": (
                    session.routine.name if session.routine and session.routine.is_starter else None
                ),
                "movements": [
                    {
                        **fields_of(entry),
                        "exercise": entry.exercise.slug,
                        "sets": [fields_of(s) for s in entry.sets.all()],
                    }
                    for entry in session.entries.all()
                ],
            }
            for session in sessions
        ],
        "pain_notes": [fields_of(note) for note in user.pain_notes.order_by("noted_at", "pk")],
        "check_ins": [fields_of(c, exclude=("id", "user")) for c in user.check_ins.order_by("day")],
        "calendar_feed": fields_of(feed, exclude=("id", "user")) if feed else None,
        "flare_ups": [fields_of(f) for f in user.flare_ups.order_by("started_on", "pk")],
        # What was shared with whom, and how often it was opened; never the secret itself.
        "share_links": [
            fields_of(link, exclude=("user", "token_hash"))
            for link in user.share_links.order_by("created_at", "pk")
        ],
    }


# Import --------------------------------------------------------------------------------


class AccountImportError(Exception):
    """The file cannot be imported; nothing was written."""


class _Importer:
    def __init__(self, data, username, email):
        if not isinstance(data, dict) or data.get("format") != EXPORT_FORMAT:
            raise AccountImportError("This is not a Midback account export.")
        if data.get("version") not in SUPPORTED_VERSIONS:
            raise AccountImportError(f"Unsupported export version: {data.get('version')!r}.")
        self.data = data
        self.weights_in = self.unit_of_weights(data)
        self.username = username
        self.email = email
        self.exercises = {}
        self.routines = {}
        self.schedules = {}
        self.sessions = {}
        self.entries = {}

    # Reading the file -------------------------------------------------------------------

    @staticmethod
    def unit_of_weights(data):
        if data["version"] == 1:
            profile = data.get("profile")
            unit = profile.get("weight_unit") if isinstance(profile, dict) else None
            return weights.LB if unit == weights.LB else weights.KG
        if data.get("weights_in") != weights.KG:
            raise AccountImportError('weights_in: expected "kg".')
        return weights.KG

    def section(self, container, key, where, kind=list, required=True, of=dict):
        value = container.get(key) if isinstance(container, dict) else None
        if value is None and not required:
            return kind()
        if not isinstance(value, kind):
            raise AccountImportError(f"{where}.{key}: expected a {kind.__name__}.")
        if kind is list:
            for n, row in enumerate(value):
                if not isinstance(row, of):
                    raise AccountImportError(f"{where}.{key}[{n}]: expected a {of.__name__}.")
        return value

    def build(self, model, row, where, **links):
        """An unsaved, validated row; relations come only from `links`, never from old ids."""
        obj = model(**links)
        for field in model._meta.concrete_fields:
            if field.primary_key or field.is_relation or field.name in links:
                continue
            if field.attname in row:
                try:
                    value = field.to_python(row[field.attname])
                    if (model, field.name) in WEIGHT_FIELDS:
                        value = weights.to_kg(value, self.weights_in)
                    setattr(obj, field.attname, value)
                except ValidationError as exc:
                    raise AccountImportError(
                        f"{where}.{field.attname}: {exc.messages[0]}"
                    ) from None
        relations = [f.name for f in model._meta.concrete_fields if f.is_relation]
        try:
            # Relations are set here from rows just made; constraints are checked by the database.
            obj.full_clean(exclude=relations, validate_unique=False, validate_constraints=False)
        except ValidationError as exc:
            raise AccountImportError(f"{where}: {_describe(exc)}") from None
        return obj

    def look_up_library(self):
        """Every movement and piece of equipment the file names must exist here."""
        slugs = set()
        for n, routine in enumerate(self.section(self.data, "routines", "export")):
            for m, item in enumerate(self.section(routine, "items", f"routines[{n}]")):
                slugs.add(_slug(item, f"routines[{n}].items[{m}]"))
        for n, session in enumerate(self.section(self.data, "sessions", "export")):
            for m, entry in enumerate(self.section(session, "movements", f"sessions[{n}]")):
                slugs.add(_slug(entry, f"sessions[{n}].movements[{m}]"))
        self.exercises = Exercise.objects.in_bulk(slugs, field_name="slug")
        missing = sorted(slugs - self.exercises.keys())
        if missing:
            raise AccountImportError(
                "Movements missing from this library: " + ", ".join(missing) + "."
            )
        profile = self.section(self.data, "profile", "export", kind=dict)
        wanted = self.section(profile, "equipment", "profile", required=False, of=str)
        self.equipment = Equipment.objects.filter(slug__in=wanted)
        missing = sorted(set(wanted) - {e.slug for e in self.equipment})
        if missing:
            raise AccountImportError(
                "Equipment missing from this library: " + ", ".join(missing) + "."
            )

    # Writing ----------------------------------------------------------------------------

    def run(self):
        self.look_up_library()
        user = self.create_user()
        self.create_profile(user)
        self.create_routines(user)
        self.create_schedules(user)
        self.create_sessions(user)
        self.create_pain_notes(user)
        self.create_calendar_feed(user)
        self.create_flare_ups(user)
        self.create_check_ins(user)
        self.create_share_links(user)
        return user

    def create_user(self):
        User = get_user_model()
        person = self.section(self.data, "user", "export", kind=dict)
        username = self.username or person.get("username")
        if not isinstance(username, str) or not username:
            raise AccountImportError("user.username: missing.")
        if User._default_manager.filter(**{User.USERNAME_FIELD: username}).exists():
            raise AccountImportError(
                f"A user named {username!r} already exists; choose another with --username."
            )
        email = self.email if self.email is not None else person.get("email", "")
        # Sign-up keeps addresses unique, and password reset finds people by address.
        if email and User._default_manager.filter(email__iexact=email).exists():
            raise AccountImportError(
                f"An account already uses the email {email!r}; give another with --email."
            )
        row = {User.USERNAME_FIELD: username, "email": email, "password": "!"}
        if person.get("date_joined") is not None:
            row["date_joined"] = person["date_joined"]
        user = self.build(User, row, "user")
        # The export never holds a password hash: the person sets a new one by password reset.
        user.set_unusable_password()
        user.save()
        return user

    def create_profile(self, user):
        row = self.data["profile"]
        profile = self.build(Profile, row, "profile", user=user)
        profile.save()
        profile.equipment.set(self.equipment)

    def create_routines(self, user):
        items = []
        for n, row in enumerate(self.data["routines"]):
            routine = self.build(Routine, row, f"routines[{n}]", user=user)
            routine.is_starter = False
            routine.save()
            _keep_times(routine, row, "created_at", "updated_at")
            _remember(self.routines, row, routine)
            for m, item in enumerate(row["items"]):
                items.append(
                    self.build(
                        RoutineItem,
                        item,
                        f"routines[{n}].items[{m}]",
                        routine=routine,
                        exercise=self.exercises[item["exercise"]],
                    )
                )
        RoutineItem.objects.bulk_create(items)

    def create_schedules(self, user):
        for n, row in enumerate(self.section(self.data, "schedules", "export", required=False)):
            where = f"schedules[{n}]"
            routine = self.routines.get(row.get("routine_id"))
            if routine is None:
                raise AccountImportError(f"{where}: its routine is not in the file.")
            schedule = self.build(ScheduledSession, row, where, user=user, routine=routine)
            schedule.save()
            _keep_times(schedule, row, "created_at")
            _remember(self.schedules, row, schedule)
            changes = self.section(row, "changes", where, required=False)
            for m, change_row in enumerate(changes):
                change = self.build(
                    OccurrenceChange, change_row, f"{where}.changes[{m}]", schedule=schedule
                )
                change.save()
                _keep_times(change, change_row, "created_at")

    def create_sessions(self, user):
        sessions = self.data["sessions"]
        starters = {
            name: Routine.objects.starters().filter(name=name).order_by("pk").first()
            for name in {row.get("starter_routine") for row in sessions} - {None}
        }
        entries, sets, swaps = [], [], []
        for n, row in enumerate(sessions):
            where = f"sessions[{n}]"
            routine = self.routines.get(row.get("routine_id")) or starters.get(
                row.get("starter_routine")
            )
            session = self.build(
                WorkoutSession,
                row,
                where,
                user=user,
                routine=routine,
                schedule=self.schedules.get(row.get("schedule_id")),
            )
            session.save()
            _remember(self.sessions, row, session)
            for m, entry_row in enumerate(row["movements"]):
                entry = self.build(
                    SessionExercise,
                    entry_row,
                    f"{where}.movements[{m}]",
                    session=session,
                    exercise=self.exercises[entry_row["exercise"]],
                )
                entries.append(entry)
                _remember(self.entries, entry_row, entry)
                if entry_row.get("replaces_id") is not None:
                    swaps.append((entry, entry_row["replaces_id"]))
                for k, set_row in enumerate(
                    self.section(entry_row, "sets", f"{where}.movements[{m}]")
                ):
                    sets.append(
                        self.build(
                            SetLog, set_row, f"{where}.movements[{m}].sets[{k}]", entry=entry
                        )
                    )
        SessionExercise.objects.bulk_create(entries)
        for entry, old_id in swaps:
            entry.replaces = self.entries.get(old_id)
        SessionExercise.objects.bulk_update([entry for entry, _ in swaps], ["replaces"])
        self.keep_keys_free(SetLog, sets)
        SetLog.objects.bulk_create(sets)

    def create_pain_notes(self, user):
        notes = []
        for n, row in enumerate(self.section(self.data, "pain_notes", "export")):
            where = f"pain_notes[{n}]"
            session = self.sessions.get(row.get("session_id"))
            entry = self.entries.get(row.get("entry_id"))
            if (row.get("session_id") is not None and session is None) or (
                row.get("entry_id") is not None and entry is None
            ):
                raise AccountImportError(f"{where}: its session is not in the file.")
            if "areas" not in row and isinstance(row.get("location"), str):
                # A file from before the map had sides names one place.
                row = row | {"areas": body_map.FORMER_LOCATIONS.get(row["location"], [])}
            notes.append(self.build(PainNote, row, where, user=user, session=session, entry=entry))
        self.keep_keys_free(PainNote, notes)
        PainNote.objects.bulk_create(notes)

    def create_calendar_feed(self, user):
        row = self.data.get("calendar_feed")
        if row is None:
            return
        if not isinstance(row, dict):
            raise AccountImportError("calendar_feed: expected an object.")
        feed = self.build(CalendarFeed, row, "calendar_feed", user=user)
        if CalendarFeed.objects.filter(token=feed.token).exists():
            # A copy next to the original: the old address stays the original's.
            feed.token = new_feed_token()
        feed.save()

    def create_flare_ups(self, user):
        rows = self.section(self.data, "flare_ups", "export", required=False)
        FlareUp.objects.bulk_create(
            self.build(FlareUp, row, f"flare_ups[{n}]", user=user) for n, row in enumerate(rows)
        )

    def create_check_ins(self, user):
        rows = self.section(self.data, "check_ins", "export", required=False)
        CheckIn.objects.bulk_create(
            self.build(CheckIn, row, f"check_ins[{n}]", user=user) for n, row in enumerate(rows)
        )

    def create_share_links(self, user):
        """The history of what was shared; the file has no tokens, so no link works again."""
        rows = self.section(self.data, "share_links", "export", required=False)
        links = []
        for n, row in enumerate(rows):
            link = self.build(
                ShareLink,
                row,
                f"share_links[{n}]",
                user=user,
                token_hash=token_hash(secrets.token_urlsafe(32)),
            )
            link.revoked_at = link.revoked_at or min(link.expires_at, timezone.now())
            links.append(link)
        ShareLink.objects.bulk_create(links)

    def keep_keys_free(self, model, rows):
        """Idempotency keys are kept, except where the original still uses them (a copy)."""
        taken = set(
            model.objects.filter(
                idempotency_key__in=[row.idempotency_key for row in rows]
            ).values_list("idempotency_key", flat=True)
        )
        for row in rows:
            if row.idempotency_key in taken:
                row.idempotency_key = uuid.uuid4()


def _remember(new_rows, row, obj):
    """Map the row's id in the old database to its new row, for the links that name it."""
    if row.get("id") is not None:
        new_rows[row["id"]] = obj


def _slug(row, where):
    slug = row.get("exercise")
    if not isinstance(slug, str) or not slug:
        raise AccountImportError(f"{where}.exercise: expected a movement slug.")
    return slug


def _keep_times(obj, row, *names):
    """auto_now(_add) fields ignore given values on insert; put the exported times back."""
    values = {}
    for name in names:
        if row.get(name) is not None:
            values[name] = obj._meta.get_field(name).to_python(row[name])
    if values:
        type(obj).objects.filter(pk=obj.pk).update(**values)
        for name, value in values.items():
            setattr(obj, name, value)


def _describe(exc):
    if hasattr(exc, "message_dict"):
        return "; ".join(f"{field}: {' '.join(msgs)}" for field, msgs in exc.message_dict.items())
    return " ".join(exc.messages)


def import_account(data, username=None, email=None):
    """Create the person described by an account export (parsed JSON); returns the new user.

    Raises AccountImportError, with nothing written, when the file is malformed, names a
    movement or piece of equipment this library lacks, or the username or email is taken.
    `username` and `email` replace the exported ones (for a copy next to the original).
    """
    importer = _Importer(data, username, email)
    try:
        with transaction.atomic():
            user = importer.run()
    except (IntegrityError, DataError) as exc:
        raise AccountImportError(f"The file breaks a database rule: {exc}") from None
    except ValidationError as exc:
        raise AccountImportError(f"The file holds a bad value: {_describe(exc)}") from None
    except (KeyError, TypeError, AttributeError) as exc:
        raise AccountImportError(f"The file is incomplete or malformed ({exc!r}).") from None
    return user
