"""History, progress charts, per-movement history, exports and the printable report."""

import json

from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.core.serializers.json import DjangoJSONEncoder
from django.http import Http404, HttpResponse, StreamingHttpResponse
from django.shortcuts import get_object_or_404, render
from django.utils import timezone
from django.views.decorators.http import require_GET
from django.views.decorators.vary import vary_on_headers

from accounts.decorators import identity_confirmed
from accounts.models import Profile
from exercises.models import Exercise
from midback.htmx import page_or_fragment
from workouts.charts import best_set_chart, hold_chart, pain_chart, sessions_chart, volume_chart
from workouts.export import (
    CSV_KINDS,
    ReportForm,
    account_data,
    csv_export,
    csv_lines,
    default_range,
    report_data,
)
from workouts.models import SessionExercise
from workouts.progress import (
    Period,
    PeriodForm,
    average,
    best_per_session,
    best_set,
    movement_trend,
    movements_logged,
    pain_series,
    session_log,
    suggest_progressions,
    weekly_stats,
)

PER_PAGE = 20


@require_GET
@login_required
@vary_on_headers("HX-Request")
def history(request):
    profile = Profile.for_user(request.user)
    page = Paginator(session_log(request.user), PER_PAGE).get_page(request.GET.get("page"))
    context = {"page": page, "unit": profile.weight_unit, "zone": profile.time_zone}
    template = page_or_fragment(request, "workouts/history.html", "session-list")
    return render(request, template, context)


@require_GET
@login_required
@vary_on_headers("HX-Request")
def progress(request):
    profile = Profile.for_user(request.user)
    form = PeriodForm(request.GET or None)
    period = Period.ending_this_week(form.chosen_weeks(), profile.zone)
    stats = weekly_stats(request.user, period, profile.weekly_target)
    pain = pain_series(request.user, period.start, period.end, profile.zone)
    flare_ups = list(request.user.flare_ups.overlapping(period.first_monday, period.end.date()))
    context = {
        "form": form,
        "period": period,
        "stats": stats,
        "pain": pain,
        "pain_before": average(p.before for p in pain),
        "pain_after": average(p.after for p in pain),
        "target": profile.weekly_target,
        "unit": profile.weight_unit,
        "sessions_chart": sessions_chart(stats, profile.weekly_target, flare_ups=flare_ups),
        "volume_chart": volume_chart(stats, profile.weight_unit),
        "hold_chart": hold_chart(stats),
        "pain_chart": pain_chart(pain, flare_ups=flare_ups),
        "has_volume": any(s.volume for s in stats),
        "has_holds": any(s.hold_seconds for s in stats),
        "suggestions": suggest_progressions(request.user, profile.weight_unit),
        "movements": movements_logged(request.user),
        "zone": profile.time_zone,
    }
    return render(request, page_or_fragment(request, "workouts/progress.html", "charts"), context)


@require_GET
@login_required
@vary_on_headers("HX-Request")
def movement_history(request, slug):
    exercise = get_object_or_404(Exercise, slug=slug)
    profile = Profile.for_user(request.user)
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
        "trend": movement_trend(request.user, exercise, profile.zone),
        "suggestions": suggest_progressions(
            request.user, profile.weight_unit, exercise=exercise, recent=20
        ),
        "chart": best_set_chart(
            best_per_session(request.user, exercise), exercise, profile.weight_unit, profile.zone
        ),
        "unit": profile.weight_unit,
        "zone": profile.time_zone,
    }
    template = page_or_fragment(request, "workouts/movement_history.html", "movement-sets")
    return render(request, template, context)


@require_GET
@login_required
@vary_on_headers("HX-Request")
def report(request):
    profile = Profile.for_user(request.user)
    if "start" in request.GET or "end" in request.GET:
        form = ReportForm(request.GET)
    else:
        start, end = default_range(profile.zone)
        form = ReportForm({"start": start, "end": end})
    context = {
        "form": form,
        "csv_kinds": CSV_KINDS,
        "zone": profile.time_zone,
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
    profile = Profile.for_user(request.user)
    header, rows = csv_export(kind, request.user, profile.zone, profile.weight_unit)
    response = StreamingHttpResponse(csv_lines(header, rows), content_type="text/csv")
    today = timezone.localdate(timezone=profile.zone)
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
