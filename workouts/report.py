"""The printable report: a person's sessions, pain and loads over chosen days (also what a
share link shows, `care/report.py`)."""

from datetime import timedelta

from django.db.models import Count, Max, Q, Sum
from django.utils import timezone

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

MAX_REPORT_DAYS = 731
WORKING = Q(is_warmup=False)  # a set that counts toward totals and bests (SetLog.working)
EARLIEST_YEAR = 2000


def default_range():
    today = timezone.localdate()
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
            # Warm-ups are listed and counted as sets, never in the totals or bests.
            total_reps=Sum("reps", filter=WORKING),
            best_weight=Max("weight", filter=WORKING),
            best_reps=Max("reps", filter=WORKING),
            best_hold=Max("hold_seconds", filter=WORKING),
            volume=Sum(volume_expression(), filter=WORKING, output_field=VOLUME),
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
    start_at = local_midnight(start)
    end_at = local_midnight(end + timedelta(days=1))
    period = Period.covering(start, end)
    stats = weekly_stats(user, period, profile.weekly_target, start=start_at, end=end_at)
    pain = pain_series(user, start_at, end_at)
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
