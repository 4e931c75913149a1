"""History, progress charts, per-movement history, exports and the printable report."""

import json

from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.core.serializers.json import DjangoJSONEncoder
from django.http import Http404, HttpResponse, StreamingHttpResponse
from django.shortcuts import get_object_or_404, render
from django.template.loader import render_to_string
from django.utils import timezone
from django.views.decorators.http import require_GET
from django.views.decorators.vary import vary_on_headers

from accounts.archive import account_data
from accounts.decorators import identity_confirmed
from exercises.models import Exercise
from midback.htmx import page_or_fragment
from workouts.caching import cached_for
from workouts.charts import best_set_chart, hold_chart, pain_chart, sessions_chart, volume_chart
from workouts.export import CSV_KINDS, csv_export, csv_lines
from workouts.forms import PeriodForm, ReportForm
from workouts.history import PER_PAGE, history_page, page_number
from workouts.models import SessionExercise
from workouts.progress import (
    Period,
    best_per_session,
    best_set,
    movement_trend,
    pain_series,
    progress_summary,
    weekly_stats,
)
from workouts.progression import suggest_progressions
from workouts.report import default_range, report_data


@require_GET
@login_required
@vary_on_headers("HX-Request")
def history(request):
    user, unit = request.user, request.profile.weight_unit
    number = page_number(request.GET.get("page"))

    def build():
        page = history_page(user, number, unit)
        return render_to_string("workouts/history.html#session-cards", {"page": page})

    # Times and dates are in the person's zone and language; the version of their log (and of
    # the library, for movement names) makes every change show at once.
    zone = timezone.get_current_timezone_name()
    cards = cached_for(user.pk, "history-page", (number, unit, zone), build)
    template = page_or_fragment(request, "workouts/history.html", "session-list")
    return render(request, template, {"session_cards": cards})


@require_GET
@login_required
@vary_on_headers("HX-Request")
def progress(request):
    profile = request.profile
    user, unit, target = request.user, profile.weight_unit, profile.weekly_target
    form = PeriodForm(request.GET or None)
    period = Period.ending_this_week(form.chosen_weeks())
    suggestions, movements = progress_summary(user, unit)
    # Today, as a running flare-up is shaded up to it; the zone, as weeks and times are local.
    today = timezone.localdate()
    parts = (today, period.weeks, timezone.get_current_timezone_name(), unit, target)
    log = cached_for(
        user.pk, "progress-page", parts, lambda: _drawn(user, period, unit, target, movements)
    )
    context = {"form": form, "suggestions": suggestions, "pain": log["pain"], "log": log}
    return render(request, page_or_fragment(request, "workouts/progress.html", "charts"), context)


def _drawn(user, period, unit, target, movements):
    """The charts and the movements logged, rendered once per change to the person's log or
    diary (sessions, sets, pain notes, check-ins, flare-ups: each bumps its version)."""
    stats = weekly_stats(user, period, target)
    pain = pain_series(user, period.start, period.end)
    flare_ups = list(user.flare_ups.overlapping(period.first_monday, period.end.date()))
    context = {
        "period": period,
        "stats": stats,
        "pain": pain,
        "unit": unit,
        "sessions_chart": sessions_chart(stats, target, flare_ups=flare_ups),
        "volume_chart": volume_chart(stats, unit),
        "hold_chart": hold_chart(stats),
        "pain_chart": pain_chart(pain, flare_ups=flare_ups),
        "has_volume": any(s.volume for s in stats),
        "has_holds": any(s.hold_seconds for s in stats),
        "movements": movements,
    }
    page = "workouts/progress.html"
    return {
        "stats": stats,
        "pain": pain,
        "charts": render_to_string(f"{page}#chart-cards", context),
        "movements": render_to_string(f"{page}#movements", context),
    }


@require_GET
@login_required
@vary_on_headers("HX-Request")
def movement_history(request, slug):
    exercise = get_object_or_404(Exercise, slug=slug)
    profile = request.profile
    entries = (
        SessionExercise.objects.filter(
            session__user=request.user, session__finished_at__isnull=False, exercise=exercise
        )
        .select_related("session")
        .order_by("-session__started_at", "-pk")
    )
    page = Paginator(entries.prefetch_related("sets"), PER_PAGE).get_page(request.GET.get("page"))
    context = {
        "exercise": exercise,
        "page": page,
        "best": best_set(request.user, exercise),
        "trend": movement_trend(request.user, exercise),
        "suggestions": suggest_progressions(
            request.user, profile.weight_unit, exercise=exercise, recent=20
        ),
        "chart": best_set_chart(
            best_per_session(request.user, exercise), exercise, profile.weight_unit
        ),
        "unit": profile.weight_unit,
    }
    template = page_or_fragment(request, "workouts/movement_history.html", "movement-sets")
    return render(request, template, context)


@require_GET
@login_required
@vary_on_headers("HX-Request")
def report(request):
    profile = request.profile
    if "start" in request.GET or "end" in request.GET:
        form = ReportForm(request.GET)
    else:
        start, end = default_range()
        form = ReportForm({"start": start, "end": end})
    context = {
        "form": form,
        "csv_kinds": CSV_KINDS,
        "owner": request.user,
    }
    if form.is_valid():
        context.update(
            report_data(request.user, form.cleaned_data["start"], form.cleaned_data["end"], profile)
        )
    return render(request, page_or_fragment(request, "workouts/report.html", "report"), context)


@require_GET
@login_required
@identity_confirmed
def export_csv(request, kind):
    if kind not in CSV_KINDS:
        raise Http404
    profile = request.profile
    header, rows = csv_export(kind, request.user, profile.weight_unit)
    response = StreamingHttpResponse(csv_lines(header, rows), content_type="text/csv")
    today = timezone.localdate()
    response["Content-Disposition"] = f'attachment; filename="midback-{kind}-{today}.csv"'
    return response


@require_GET
@login_required
@identity_confirmed
def export_json(request):
    data = account_data(request.user)
    response = HttpResponse(
        json.dumps(data, cls=DjangoJSONEncoder, indent=2), content_type="application/json"
    )
    today = timezone.localdate()
    response["Content-Disposition"] = f'attachment; filename="midback-account-{today}.json"'
    return response
