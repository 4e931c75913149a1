"""Starting a session (now, or one done earlier without the phone), cancelling one, and pain
notes outside a session. The session page itself is in workouts/views/session.py."""

from functools import wraps

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db.models import Q
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET, require_http_methods, require_POST
from django_htmx.http import HttpResponseClientRedirect

from midback.htmx import is_fragment_request
from midback.validators import parse_id
from routines.models import Routine
from workouts import safety
from workouts.forms import PainNoteForm, PastSessionForm, StartForm
from workouts.models import (
    KeyInUse,
    PainNote,
    SessionGone,
    WorkoutSession,
)

# A form carrying a key that already names another movement's row (a stale page, or a forged one).
OUT_OF_DATE = gettext_lazy("This form is out of date. Reload the page and try again.")


def refuses_cancelled_session(view):
    """A change that reaches a session another request has just cancelled saves nothing and
    says so on the start page (a whole-page move for htmx: the card is gone)."""

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        try:
            return view(request, *args, **kwargs)
        except SessionGone:
            messages.warning(
                request, _("This session was cancelled, so nothing more was saved in it.")
            )
            if is_fragment_request(request):
                return HttpResponseClientRedirect(reverse("workouts:current"))
            return redirect("workouts:current")

    return wrapper


# Starting -----------------------------------------------------------------------------------


@login_required
@require_GET
def current(request):
    """The session in progress, or the page to start one."""
    session = request.user.workout_sessions.in_progress().first()
    if session is not None:
        return redirect(session)
    return render(request, "workouts/session_start.html", start_context(request))


def start_context(request, past_form=None):
    routines = Routine.objects.filter(
        Q(user=request.user) | Q(is_starter=True), is_archived=False
    ).order_by("is_starter", "name", "pk")
    if past_form is None:
        zone = timezone.get_current_timezone()
        now = timezone.localtime(timezone=zone)
        past_form = PastSessionForm(
            initial={"day": now.date(), "time": now.replace(second=0, microsecond=0).time()},
            user=request.user,
            zone=zone,
            auto_id="past-%s",
        )
    return {"routines": routines, "past_form": past_form}


@login_required
@require_POST
def start(request):
    open_session = request.user.workout_sessions.in_progress().first()
    if open_session is not None:
        messages.info(
            request, _("You already have a session in progress. Carry on here, or finish it.")
        )
        return redirect(open_session)
    form = StartForm(request.POST, user=request.user)
    if not form.is_valid():
        # Someone else's routine or schedule, or a made-up id.
        raise Http404
    schedule = form.cleaned_data["schedule"]
    scheduled_date = form.cleaned_data["date"]
    if schedule is not None and scheduled_date is None:
        scheduled_date = timezone.localdate()
    session, created = WorkoutSession.start(
        request.user,
        routine=form.cleaned_data["routine"],
        schedule=schedule,
        scheduled_date=scheduled_date,
    )
    if not created:
        messages.info(request, _("You already have a session in progress."))
    return redirect(session)


@login_required
@require_POST
def start_past(request):
    """Log a session done without the phone: pick when it started, then log it as usual."""
    zone = timezone.get_current_timezone()
    form = PastSessionForm(request.POST, user=request.user, zone=zone, auto_id="past-%s")
    open_session = request.user.workout_sessions.in_progress().first()
    if open_session is not None:
        messages.info(request, _("Finish the session in progress first, then log an earlier one."))
        return redirect(open_session)
    if not form.is_valid():
        return render(request, "workouts/session_start.html", start_context(request, form))
    session, _created = WorkoutSession.start(
        request.user,
        routine=form.cleaned_data["routine"],
        started_at=form.cleaned_data["started_at"],
    )
    return redirect(session)


def pain_form(request, **kwargs):
    """The pain note form for this request; "same as last time" binds a copy of that note."""
    last = request.user.pain_notes.first()
    if request.method != "POST":
        return PainNoteForm(last_note=last, **kwargs)
    if "same_as_last" in request.POST:
        pk = parse_id(request.POST["same_as_last"])
        note = request.user.pain_notes.filter(pk=pk).first() if pk else None
        if note is None:
            raise Http404
        return PainNoteForm.same_as(note, request.POST, last_note=last, **kwargs)
    return PainNoteForm(request.POST, last_note=last, **kwargs)


@login_required
@require_POST
@refuses_cancelled_session
def discard(request, pk):
    """Throw away a session started by mistake; one with sets or notes is finished instead."""
    session = request.user.workout_sessions.filter(pk=pk).first()
    if session is None and not WorkoutSession.objects.filter(pk=pk).exists():
        # A resent cancel: the session is already gone (someone else's is still a 404).
        messages.info(request, _("This session is already cancelled."))
        return redirect("workouts:current")
    if session is None:
        raise Http404
    with session.held():
        if not session.can_be_discarded():
            messages.warning(request, _("This session has entries: finish it instead."))
            return redirect(session)
        session.delete()
    messages.success(request, _("Session cancelled."))
    return redirect("workouts:current")


# Pain notes outside a session -----------------------------------------------------------------


@login_required
@require_http_methods(["GET", "POST"])
def pain_new(request):
    """A day entry: how the back feels, outside any session."""
    form = pain_form(request, timings=[PainNote.Timing.DAY], when=True)
    if request.method == "POST" and form.is_valid():
        values = form.note_values()
        try:
            note, _created = PainNote.record(
                user=request.user, idempotency_key=form.cleaned_data["idempotency_key"], **values
            )
        except KeyInUse:
            raise Http404 from None
        return redirect("workouts:pain_note", pk=note.pk)
    recent = request.user.pain_notes.select_related("entry__exercise")[:10]
    return render(request, "workouts/pain_new.html", {"form": form, "recent": recent})


@login_required
@require_GET
def pain_note(request, pk):
    note = get_object_or_404(
        request.user.pain_notes.select_related("entry__exercise", "session"), pk=pk
    )
    context = {
        "note": note,
        "guidance": safety.guidance_for(note),
        "worsening": safety.pain_is_worsening(request.user),
        **safety.template_context(),
        "new_url": reverse("workouts:pain_new"),
    }
    return render(request, "workouts/pain_note.html", context)
