import datetime

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST
from django.views.decorators.vary import vary_on_headers
from django_htmx.http import HttpResponseClientRedirect

from accounts.models import Profile
from care.flare import flare_up_suggestion, gentle_movements, mobility_routine
from midback.htmx import is_fragment_request
from midback.validators import parse_id
from routines.caching import (
    cached_check_in,
    cached_done_plans,
    cached_has_plans,
    cached_occurrences,
    cached_running_flare_up,
    rendered_once,
    week_days_html,
)
from routines.models import (
    EARLIEST_PLAN_DATE,
    LATEST_PLAN_DATE,
    CalendarFeed,
    ScheduledSession,
)
from routines.schedule_forms import RescheduleForm, ScheduleForm
from routines.scheduling import (
    ONE_DAY,
    calendar_feed,
    plan_week,
    week_start_for,
)
from workouts.views.check_in import card_context as check_in_card

# How far ahead Today looks for the next session.
NEXT_HORIZON = datetime.timedelta(days=60)


def parse_plan_date(text):
    """A date in the plannable range from YYYY-MM-DD text, or None."""
    try:
        day = datetime.date.fromisoformat(text or "")
    except ValueError:
        return None
    return day if EARLIEST_PLAN_DATE <= day <= LATEST_PLAN_DATE else None


def week_url(day):
    return f"{reverse('routines:week')}?{urlencode({'start': week_start_for(day).isoformat()})}"


@require_GET
@vary_on_headers("HX-Request")
def home(request):
    if request.user.is_authenticated:
        return today(request)
    return render(request, "home.html")


@login_required
@require_GET
def today(request):
    user = request.user
    profile = request.profile
    day = timezone.localdate()
    week_start = week_start_for(day)
    week_window_end = week_start + datetime.timedelta(days=8)
    found = cached_occurrences(
        user, week_start - ONE_DAY, max(week_window_end, day + NEXT_HORIZON), include_skipped=True
    )
    week = plan_week(user, profile, week_start, [o for o in found if o.date < week_window_end])
    due = [o for o in found if o.date == day]
    upcoming = [o for o in found if o.date > day and not o.skipped][:3]
    # Plans already logged today get a "Done" mark instead of a Start button.
    done = cached_done_plans(user, day)
    flare_up = cached_running_flare_up(user, day)
    gentle = mobility_routine() if flare_up else None
    has_plans = bool(found) or cached_has_plans(user)
    start_url = reverse("workouts:start")
    plan = {
        "today": day,
        "due": due,
        "done": tuple(sorted(done)),
        "has_plans": has_plans,
        "start_url": start_url,
        "upcoming": upcoming,
        "week": week,
    }
    return render(
        request,
        "routines/today.html",
        {
            "flare_up": flare_up,
            # Offered every day of a flare-up; suggested (never switched on) when pain worsens.
            "routine": gentle,
            "movements": gentle_movements(gentle),
            "flare_suggestion": None if flare_up else flare_up_suggestion(user),
            "today": day,
            "due": due,
            "upcoming": upcoming,
            "week": week,
            "start_url": start_url,
            "done": done,
            "has_plans": has_plans,
            "due_today": rendered_once(request, "routines/today.html#due-today", plan),
            "plan_ahead": rendered_once(request, "routines/today.html#plan-ahead", plan),
            "check_in": check_in_card(user, day, check_in=cached_check_in(user, day)),
        },
    )


def week_context(request, start=None, bad_start=False):
    """The week page's context; the week of today (in the user's zone) when start is None."""
    profile = request.profile
    today_ = timezone.localdate()
    start = week_start_for(start or today_)
    found = cached_occurrences(
        request.user, start - ONE_DAY, start + datetime.timedelta(days=8), include_skipped=True
    )
    week = plan_week(request.user, profile, start, found)
    return {
        "week": week,
        "week_days": week_days_html(request, week, today_),
        "today": today_,
        "bad_start": bad_start,
        "this_week": week_start_for(today_),
    }


@login_required
@require_GET
@vary_on_headers("HX-Request")
def week(request):
    bad_start = False
    start = None
    if "start" in request.GET:
        start = parse_plan_date(request.GET["start"])
        bad_start = start is None
    context = week_context(request, start, bad_start)
    template = "routines/week.html"
    if is_fragment_request(request):
        template += "#week-plan"
    return render(request, template, context)


@login_required
@require_GET
def schedule_list(request):
    schedules = request.user.scheduled_sessions.select_related("routine").order_by(
        "routine__name", "start_date", "pk"
    )
    return render(request, "routines/schedule_list.html", {"schedules": schedules})


@login_required
@require_http_methods(["GET", "POST"])
@vary_on_headers("HX-Request")
def schedule_create(request):
    if request.method == "POST":
        form = ScheduleForm(request.POST, user=request.user)
        if form.is_valid():
            schedule = form.save()
            messages.success(
                request,
                _("%(routine)s is on your plan.") % {"routine": schedule.routine.name},
            )
            # The week page it lands on shows the week's advice, once.
            url = week_url(schedule.start_date)
            if is_fragment_request(request):
                return HttpResponseClientRedirect(url)
            return redirect(url)
    else:
        initial = {"start_date": timezone.localdate()}
        routine_id = parse_id(request.GET.get("routine", ""))
        if routine_id is not None:
            routine = request.user.routines.filter(pk=routine_id, is_archived=False).first()
            if routine is not None:
                initial["routine"] = routine
        form = ScheduleForm(user=request.user, initial=initial)
    template = "routines/schedule_form.html"
    if request.method == "POST" and is_fragment_request(request):
        template += "#schedule-form"
    return render(request, template, {"form": form})


@login_required
@require_http_methods(["GET", "POST"])
def schedule_delete(request, pk):
    """Asks on a page of its own (works without JavaScript), then deletes; a resent delete of
    a plan that is already gone says so instead of a 404 (someone else's plan still is one)."""
    schedule = request.user.scheduled_sessions.select_related("routine").filter(pk=pk).first()
    if schedule is None:
        if ScheduledSession.objects.filter(pk=pk).exists():
            raise Http404
        messages.info(request, _("That plan is already deleted."))
        return redirect("routines:schedule_list")
    if request.method == "GET":
        return render(request, "routines/schedule_confirm_delete.html", {"schedule": schedule})
    name = schedule.routine.name
    schedule.delete()
    messages.success(request, _("The plan for %(routine)s is deleted.") % {"routine": name})
    return redirect("routines:schedule_list")


def get_occurrence(request, pk, day):
    """The user's plan and one of its own dates, or 404."""
    schedule = get_object_or_404(request.user.scheduled_sessions.select_related("routine"), pk=pk)
    original = parse_plan_date(day)
    if original is None or not schedule.occurs_on(original):
        raise Http404("No such session in this plan.")
    change = schedule.changes.filter(original_date=original).first()
    return schedule, original, change


@login_required
@require_http_methods(["GET", "POST"])
def occurrence_edit(request, pk, day):
    schedule, original, change = get_occurrence(request, pk, day)
    if request.method == "POST":
        form = RescheduleForm(request.POST)
        if form.is_valid():
            new_date = form.cleaned_data["new_date"]
            schedule.move_day(original, new_date, form.cleaned_data["new_time"])
            messages.success(
                request,
                _("%(routine)s is moved.") % {"routine": schedule.routine.name},
            )
            return redirect(week_url(new_date))
    else:
        initial = {"new_date": original, "new_time": schedule.time}
        if change is not None and not change.skipped:
            initial = {"new_date": change.new_date, "new_time": change.new_time}
        form = RescheduleForm(initial=initial)
    return render(
        request,
        "routines/schedule_occurrence.html",
        {"schedule": schedule, "original": original, "change": change, "form": form},
    )


def after_occurrence_change(request, original):
    """Back to the week the session was in: its plan fragment for htmx, a redirect otherwise."""
    if is_fragment_request(request):
        return render(request, "routines/week.html#week-plan", week_context(request, original))
    return redirect(week_url(original))


@login_required
@require_POST
def occurrence_skip(request, pk, day):
    schedule, original, change = get_occurrence(request, pk, day)
    # A moved session was shown on its new date: stay on that week.
    shown_on = change.new_date if change is not None and change.new_date else original
    schedule.skip_day(original)
    if not is_fragment_request(request):
        messages.success(request, _("That session is skipped; the rest of the plan stays."))
    return after_occurrence_change(request, shown_on)


@login_required
@require_POST
def occurrence_restore(request, pk, day):
    schedule, original, _change = get_occurrence(request, pk, day)
    schedule.restore_day(original)
    if not is_fragment_request(request):
        messages.success(request, _("That session is back on its planned day."))
    return after_occurrence_change(request, original)


@login_required
@require_GET
def calendar_settings(request):
    feed = CalendarFeed.objects.filter(user=request.user).first()
    feed_url = subscribe_url = ""
    if feed is not None:
        feed_url = request.build_absolute_uri(
            reverse("routines:calendar_feed", kwargs={"token": feed.token})
        )
        # webcal:// makes phones offer "subscribe" rather than download the file once.
        subscribe_url = "webcal://" + feed_url.split("://", 1)[1]
    return render(
        request,
        "routines/schedule_calendar.html",
        {"feed": feed, "feed_url": feed_url, "subscribe_url": subscribe_url},
    )


@login_required
@require_POST
def calendar_regenerate(request):
    feed, created = CalendarFeed.objects.get_or_create(user=request.user)
    if created:
        messages.success(request, _("Your calendar address is ready."))
    else:
        feed.regenerate()
        messages.success(
            request, _("Your calendar has a new address. The old one no longer works.")
        )
    return redirect("routines:calendar")


@login_required
@require_POST
def calendar_revoke(request):
    CalendarFeed.objects.filter(user=request.user).delete()
    messages.success(request, _("Your calendar address is switched off."))
    return redirect("routines:calendar")


@require_GET
def calendar_feed_ics(request, token):
    # No login: calendar apps fetch this on their own. The token is the secret.
    feed = get_object_or_404(
        CalendarFeed.objects.select_related("user"), token=token, user__is_active=True
    )
    profile = Profile.for_user(feed.user)
    body = calendar_feed(
        feed.user,
        profile,
        today=timezone.localdate(timezone=profile.zone),
        link=request.build_absolute_uri(reverse("routines:week")),
    )
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = 'inline; filename="midback.ics"'
    response["Cache-Control"] = "private, max-age=900"
    return response
