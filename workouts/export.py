"""Taking your data away as spreadsheets: one CSV file each of sessions, sets and pain notes.

The whole account as one JSON file is the account archive, `accounts/archive.py`.
"""

import csv

from django.utils import timezone

from accounts import weights
from workouts.models import PainNote, SetLog, WorkoutSession

# A cell starting with one of these is read as a formula by spreadsheet programs.
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(value):
    if value is None:
        return ""
    if isinstance(value, str) and value.startswith(FORMULA_START):
        return "'" + value
    return value


class _Echo:
    """A file-like object whose write() hands the line back, for streaming csv.writer."""

    def write(self, value):
        return value


def csv_lines(header, rows):
    writer = csv.writer(_Echo())
    yield writer.writerow(header)
    for row in rows:
        yield writer.writerow([safe_cell(value) for value in row])


def _when(value, zone):
    return "" if value is None else timezone.localtime(value, zone).strftime("%Y-%m-%d %H:%M")


def session_rows(user, zone):
    sessions = (
        WorkoutSession.objects.filter(user=user)
        .select_related("routine")
        .order_by("started_at", "pk")
    )
    for s in sessions.iterator(chunk_size=500):
        minutes = None
        if s.finished_at:
            minutes = round((s.finished_at - s.started_at).total_seconds() / 60)
        yield [
            s.pk,
            _when(s.started_at, zone),
            _when(s.finished_at, zone),
            minutes,
            s.routine.name if s.routine else "",
            s.scheduled_date.isoformat() if s.scheduled_date else "",
            s.feeling,
            s.pain_before,
            s.pain_after,
            s.notes,
        ]


def set_rows(user, zone, unit):
    sets = (
        SetLog.objects.filter(entry__session__user=user)
        .select_related("entry__exercise", "entry__session")
        .order_by(
            "entry__session__started_at", "entry__session__pk", "entry__position", "logged_at", "pk"
        )
    )
    for s in sets.iterator(chunk_size=1000):
        yield [
            s.entry.session_id,
            _when(s.entry.session.started_at, zone),
            s.entry.exercise.name,
            s.reps,
            weights.weight_text(s.weight, unit),
            unit if s.weight is not None else "",
            s.hold_seconds,
            s.get_side_display() if s.side else "",
            s.rpe,
            s.note,
            _when(s.logged_at, zone),
        ]


def pain_note_rows(user, zone):
    notes = (
        PainNote.objects.filter(user=user)
        .select_related("entry__exercise")
        .order_by("noted_at", "pk")
    )
    for n in notes.iterator(chunk_size=1000):
        yield [
            _when(n.noted_at, zone),
            n.session_id,
            n.entry.exercise.name if n.entry else "",
            n.intensity,
            n.areas_display(),
            n.get_kind_display(),
            n.get_timing_display(),
            "yes" if n.after_fall else "",
            n.text,
        ]


def csv_export(kind, user, unit):
    """(header, rows) for one of CSV_KINDS, times in the active zone (the person's).

    The rows are streamed after the view has returned, when the request's zone is no longer
    active: they keep the zone of this call.
    """
    zone = timezone.get_current_timezone()
    if kind == "sessions":
        header = [
            "session",
            "started",
            "finished",
            "minutes",
            "routine",
            "planned for",
            "feeling (1-5)",
            "pain before (0-10)",
            "pain after (0-10)",
            "notes",
        ]
        return header, session_rows(user, zone)
    if kind == "sets":
        header = [
            "session",
            "session started",
            "movement",
            "reps",
            "weight",
            "unit",
            "hold (seconds)",
            "side",
            "effort (RPE)",
            "note",
            "logged",
        ]
        return header, set_rows(user, zone, unit)
    header = [
        "noted",
        "session",
        "movement",
        "intensity (0-10)",
        "where",
        "what it felt like",
        "when",
        "after a fall or accident",
        "notes",
    ]
    return header, pain_note_rows(user, zone)


CSV_KINDS = ("sessions", "sets", "pain-notes")
