"""Taking your data away: CSV files, a full JSON account export and the printable report."""

import csv
from datetime import timedelta

from django import forms
from django.core.exceptions import ValidationError
from django.db.models import Count, Max, Sum
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from accounts import weights
from care.models import FlareUp
from workouts import body_map
from workouts.charts import pain_chart, sessions_chart
from workouts.models import (
    CheckIn,
    EntryStatus,
    PainNote,
    SessionExercise,
    SetLog,
    WorkoutSession,
)
from workouts.progress import (
    VOLUME,
    Period,
    average,
    local_midnight,
    pain_series,
    volume_expression,
    weekly_stats,
)

# A cell starting with one of these is read as a formula by spreadsheet programs.
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
MAX_REPORT_DAYS = 731
EARLIEST_YEAR = 2000


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


def csv_export(kind, user, zone, unit):
    """(file name stem, header, rows) for one of CSV_KINDS."""
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


# The full account export ----------------------------------------------------------------


def fields_of(obj, exclude=("user",)):
    """Every stored column of a row, so fields added later are exported too."""
    return {
        field.attname: getattr(obj, field.attname)
        for field in obj._meta.concrete_fields
        if field.name not in exclude
    }


def account_data(user):
    from accounts.models import Profile

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
        "format": "midback-account-export",
        # Version 1 held weights in the person's unit; from version 2 they are all in kg.
        "version": 2,
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


# The printable report -------------------------------------------------------------------


class ReportForm(forms.Form):
    start = forms.DateField(label=_("From"), widget=forms.DateInput(attrs={"type": "date"}))
    end = forms.DateField(label=_("To"), widget=forms.DateInput(attrs={"type": "date"}))

    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get("start"), cleaned.get("end")
        latest_year = timezone.localdate().year + 1
        for name in ("start", "end"):
            day = cleaned.get(name)
            if day and not EARLIEST_YEAR <= day.year <= latest_year:
                self.add_error(
                    name,
                    _("Choose a date between %(first)s and %(last)s.")
                    % {"first": EARLIEST_YEAR, "last": latest_year},
                )
        if start and end and "start" not in self.errors and "end" not in self.errors:
            if end < start:
                raise ValidationError(
                    _("The end date is before the start date."), code="end_before_start"
                )
            if (end - start).days > MAX_REPORT_DAYS:
                raise ValidationError(
                    _("Choose at most two years for one report."), code="range_too_long"
                )
        return cleaned


def default_range(zone):
    today = timezone.localdate(timezone=zone)
    return today - timedelta(days=27), today


def movement_loads(user, start, end):
    """Per movement in [start, end): sessions, sets, reps, best weight and hold, volume."""
    return (
        SetLog.objects.filter(
            entry__session__user=user,
            entry__session__finished_at__isnull=False,
            entry__session__started_at__gte=start,
            entry__session__started_at__lt=end,
        )
        .values("entry__exercise__name", "entry__exercise__slug")
        .annotate(
            sessions=Count("entry__session", distinct=True),
            set_count=Count("pk"),
            total_reps=Sum("reps"),
            best_weight=Max("weight"),
            best_reps=Max("reps"),
            best_hold=Max("hold_seconds"),
            volume=Sum(volume_expression(), output_field=VOLUME),
        )
        .order_by("entry__exercise__name")
    )


def closed_movements(user, start, end):
    """Movements skipped or stopped for pain in sessions started in [start, end)."""
    return (
        SessionExercise.objects.filter(
            session__user=user,
            session__started_at__gte=start,
            session__started_at__lt=end,
            status__in=[EntryStatus.SKIPPED, EntryStatus.STOPPED],
        )
        .select_related("exercise", "session")
        .order_by("session__started_at", "position", "pk")
    )


def report_data(user, start, end, profile, *, session_notes=True):
    """Everything the printable report shows for the days start to end (both included).

    The shared view for a professional uses this too; `session_notes` leaves the person's
    free-text session notes out when they did not choose to share them.
    """
    zone = profile.zone
    start_at = local_midnight(start, zone)
    end_at = local_midnight(end + timedelta(days=1), zone)
    period = Period.covering(start, end, zone)
    stats = weekly_stats(user, period, profile.weekly_target, start=start_at, end=end_at)
    pain = pain_series(user, start_at, end_at, zone)
    session_pain = [p for p in pain if p.is_session]
    half = len(session_pain) // 2
    sessions = (
        WorkoutSession.objects.filter(
            user=user, finished_at__isnull=False, started_at__gte=start_at, started_at__lt=end_at
        )
        .exclude(notes="")
        .order_by("started_at", "pk")
    )
    flare_ups = list(
        FlareUp.objects.filter(user=user)
        .overlapping(start, end + timedelta(days=1))
        .order_by("started_on", "pk")
    )
    notes = (
        PainNote.objects.filter(user=user, noted_at__gte=start_at, noted_at__lt=end_at)
        .select_related("entry__exercise")
        .order_by("noted_at", "pk")
    )
    notes = list(notes)
    check_ins = CheckIn.objects.filter(user=user, day__range=(start, end)).values_list(
        "areas", "rating"
    )
    where = body_map.period_summary(
        [(n.areas, n.intensity) for n in notes] + [(areas, r) for areas, r in check_ins if areas]
    )
    return {
        "start": start,
        "end": end,
        "stats": stats,
        "where": where,
        "sessions_done": sum(s.sessions for s in stats),
        "weeks_met": sum(1 for s in stats if s.met_target),
        "target": profile.weekly_target,
        "sessions_chart": sessions_chart(
            stats, profile.weekly_target, id="report-sessions", flare_ups=flare_ups
        ),
        "pain": pain,
        "pain_chart": pain_chart(pain, id="report-pain", flare_ups=flare_ups),
        "pain_before": average(p.before for p in pain),
        "pain_after": average(p.after for p in pain),
        "pain_after_early": average(p.after for p in session_pain[:half]) if half else None,
        "pain_after_late": average(p.after for p in session_pain[half:]) if half else None,
        "loads": list(movement_loads(user, start_at, end_at)),
        "session_notes": list(sessions) if session_notes else [],
        "pain_notes": notes,
        "closed_movements": list(closed_movements(user, start_at, end_at)),
        "flare_ups": flare_ups,
        "unit": profile.weight_unit,
    }
