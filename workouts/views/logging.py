"""Logging a session from a phone: start, log sets, skip or swap, pain notes, finish."""

from collections import defaultdict
from functools import wraps
from typing import NamedTuple

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db.models import OuterRef, Prefetch, Q, Subquery
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.html import format_html_join
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET, require_http_methods, require_POST
from django.views.decorators.vary import vary_on_headers
from django_htmx.http import HttpResponseClientRedirect

from accounts import weights
from accounts.models import Profile
from exercises.caching import cached
from exercises.models import Exercise
from midback.htmx import is_fragment_request, page_or_fragment
from midback.validators import parse_id
from routines.models import Routine
from workouts import safety
from workouts.forms import (
    AddExerciseForm,
    FinishForm,
    PainNoteForm,
    RatingForm,
    SetForm,
    SkipForm,
    StartForm,
    SwapForm,
    UndoForm,
)
from workouts.models import (
    KeyInUse,
    PainNote,
    SessionExercise,
    SessionGone,
    SetLog,
    WorkoutSession,
)

PAGE = "workouts/session_detail.html"
# A form carrying a key that already names another movement's row (a stale page, or a forged one).
OUT_OF_DATE = gettext_lazy("This form is out of date. Reload the page and try again.")


def user_profile(request):
    """The user's profile, fetched once per request."""
    if not hasattr(request, "_profile"):
        request._profile = Profile.for_user(request.user)
    return request._profile


def in_user_time_zone(view):
    """Show times (started at, noted at) in the user's own time zone."""

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        with timezone.override(user_profile(request).zone):
            return view(request, *args, **kwargs)

    return wrapper


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


# How many movements each card offers to swap to: a short list of close matches instead of
# the whole library (1,000 options per card made the page 330 KB).
SWAP_CHOICES = 12


class Choice(NamedTuple):
    pk: int
    name: str
    kind: str


def exercise_choices():
    """Every published movement: library content, so cached (as tuples, quick to unpickle)."""
    return cached(
        "names",
        (),
        lambda: [
            Choice(*row)
            for row in Exercise.objects.published()
            .order_by("name")
            .values_list("pk", "name", "kind")
        ],
    )


def add_options():
    """The <option>s of the add list, rendered once per content version, not per request."""
    return cached(
        "add-options",
        (),
        lambda: format_html_join(
            "", '<option value="{}">{}</option>', ((c.pk, c.name) for c in exercise_choices())
        ),
    )


def add_swap_choices(entries):
    """Give each entry swap_choices: (pk, name) pairs, the closest matches first (same kind,
    most muscles in common), then other movements of its kind by name."""
    if not entries:
        return
    close = cached(
        "alternatives",
        sorted({entry.exercise_id for entry in entries}),
        lambda: Exercise.alternatives_for([entry.exercise for entry in entries], SWAP_CHOICES),
    )
    choices = exercise_choices()
    for entry in entries:
        picked = dict(close.get(entry.exercise_id, []))
        for exercise in choices:
            if len(picked) >= SWAP_CHOICES:
                break
            if exercise.kind == entry.exercise.kind and exercise.pk != entry.exercise_id:
                picked.setdefault(exercise.pk, exercise.name)
        entry.swap_choices = list(picked.items())


def user_entries(user):
    return SessionExercise.objects.for_user(user).select_related("session")


def prefill(entry, weight_unit):
    """Start values for the next set, in the person's unit and written as the set list writes
    them ("40", not "40.00"): what they did last (earlier in this session, else the first set
    last time), the plan for anything that set lacks."""
    plan = {
        "reps": entry.planned_reps,
        "weight": entry.planned_weight,
        "hold_seconds": entry.planned_hold_seconds,
    }
    done = entry.logged_sets[-1] if entry.logged_sets else None
    if done is None and entry.previous_sets:
        done = entry.previous_sets[0]
    values = {
        name: planned if done is None or getattr(done, name) is None else getattr(done, name)
        for name, planned in plan.items()
    }
    values["weight"] = weights.weight_text(values["weight"], weight_unit)
    if entry.per_side:
        last_side = entry.logged_sets[-1].side if entry.logged_sets else ""
        values["side"] = SetLog.Side.RIGHT if last_side == SetLog.Side.LEFT else SetLog.Side.LEFT
    return values


def known_weights(entry, recent=50):
    """The plan's weight, then the weights this person logged lately for this movement, newest
    first: what the set form was prefilled from, in kg."""
    logged = (
        SetLog.objects.filter(
            entry__session__user_id=entry.session.user_id,
            entry__exercise_id=entry.exercise_id,
            weight__isnull=False,
        )
        .order_by("-logged_at", "-pk")
        .values_list("weight", flat=True)[:recent]
    )
    return [entry.planned_weight, *logged]


def load_entries(session, weight_unit, entry_pk=None, bound=None):
    """The session's movements with everything the page shows, in a fixed number of queries.

    Each entry gains: logged_sets, previous_sets (the sets from the last finished session that
    had this exercise), notes, red_flags, and its forms; `bound` maps an entry pk to forms
    that failed validation, so they show again with their errors and values.
    """
    previous = (
        SessionExercise.objects.filter(
            session__user_id=session.user_id,
            session__finished_at__isnull=False,
            session__started_at__lt=session.started_at,
            exercise=OuterRef("exercise_id"),
            sets__isnull=False,
        )
        .order_by("-session__started_at", "-session_id")
        .values("pk")[:1]
    )
    entries = (
        session.entries.select_related("exercise", "replaces__exercise")
        .annotate(previous_entry_id=Subquery(previous))
        .prefetch_related(
            Prefetch("sets", SetLog.objects.order_by("logged_at", "pk")),
            Prefetch("pain_notes", PainNote.objects.order_by("noted_at", "pk")),
        )
    )
    if entry_pk is not None:
        entries = entries.filter(pk=entry_pk)
    entries = list(entries)
    previous_sets = defaultdict(list)
    previous_ids = {entry.previous_entry_id for entry in entries} - {None}
    if previous_ids:
        for set_log in SetLog.objects.filter(entry_id__in=previous_ids).order_by("logged_at", "pk"):
            previous_sets[set_log.entry_id].append(set_log)
    bound = bound or {}
    for entry in entries:
        entry.session = session
        entry.logged_sets = list(entry.sets.all())
        entry.previous_sets = previous_sets.get(entry.previous_entry_id, [])
        entry.notes = list(entry.pain_notes.all())
        entry.red_flags = list(
            dict.fromkeys(flag for note in entry.notes for flag in safety.red_flags(note))
        )
        auto_id = f"entry-{entry.pk}-%s"
        entry.set_form = SetForm(
            initial=prefill(entry, weight_unit), auto_id=auto_id, weight_unit=weight_unit
        )
        entry.pain_form = None  # loaded when its section opens, unless it has errors to show
        entry.skip_form = SkipForm(auto_id=f"entry-{entry.pk}-skip-%s")
        entry.swap_form = SwapForm(auto_id=f"entry-{entry.pk}-swap-%s")
        for name, form in bound.get(entry.pk, {}).items():
            setattr(entry, name, form)
    add_swap_choices(entries)
    return entries


def card_context(request):
    """What every movement card needs besides the movement itself."""
    weight_unit = user_profile(request).weight_unit
    return {
        "weight_unit": weight_unit,
        "weight_step": weights.step_text(weight_unit),
        "add_options": add_options(),
        **safety.template_context(),
    }


def page_context(request, session, *, bound=None, **extra):
    minutes = round((timezone.now() - session.started_at).total_seconds() / 60)
    finish_initial = {
        "minutes": session.duration_minutes
        if not session.is_in_progress
        else max(0, min(minutes, 600)),
        "feeling": session.feeling,
        "pain_after": session.pain_after,
        "notes": session.notes,
    }
    context = card_context(request) | {
        "session": session,
        "entries": load_entries(session, user_profile(request).weight_unit, bound=bound),
        "ratings": range(11),
        "rating_form": None,
        "add_form": AddExerciseForm(auto_id="add-%s"),
        "finish_form": FinishForm(initial=finish_initial, auto_id="finish-%s"),
        "worsening": not session.is_in_progress and safety.pain_is_worsening(request.user),
    }
    return context | extra


def entry_response(request, entry, *, bound=None, status=200, **extra):
    """The movement card for HTMX; for a plain form post, back to the page at the card."""
    if not is_fragment_request(request):
        if bound:
            context = page_context(request, entry.session, bound={entry.pk: bound}, **extra)
            return render(request, PAGE, context, status=status)
        return redirect(f"{entry.session.get_absolute_url()}#entry-{entry.pk}")
    (entry,) = load_entries(
        entry.session,
        user_profile(request).weight_unit,
        entry_pk=entry.pk,
        bound={entry.pk: bound or {}},
    )
    context = card_context(request) | {"entry": entry, "session": entry.session} | extra
    return render(request, f"{PAGE}#entry", context, status=status)


def entries_response(request, session, *, bound=None):
    if not is_fragment_request(request):
        if bound:
            return render(request, PAGE, page_context(request, session, bound=bound))
        return redirect(session)
    return render(request, f"{PAGE}#entries", page_context(request, session, bound=bound))


# Starting -----------------------------------------------------------------------------------


@login_required
@require_GET
def current(request):
    """The session in progress, or the page to start one."""
    session = request.user.workout_sessions.in_progress().first()
    if session is not None:
        return redirect(session)
    routines = Routine.objects.filter(
        Q(user=request.user) | Q(is_starter=True), is_archived=False
    ).order_by("is_starter", "name", "pk")
    return render(request, "workouts/session_start.html", {"routines": routines})


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
        scheduled_date = timezone.localdate(timezone=user_profile(request).zone)
    session, created = WorkoutSession.start(
        request.user,
        routine=form.cleaned_data["routine"],
        schedule=schedule,
        scheduled_date=scheduled_date,
    )
    if not created:
        messages.info(request, _("You already have a session in progress."))
    return redirect(session)


# The session page -----------------------------------------------------------------------------


@login_required
@in_user_time_zone
@require_GET
def session_detail(request, pk):
    session = get_object_or_404(request.user.workout_sessions.select_related("routine"), pk=pk)
    return render(request, PAGE, page_context(request, session))


@login_required
@in_user_time_zone
@require_POST
@refuses_cancelled_session
def rate(request, pk):
    """Pain before or after, in one tap on 0-10."""
    session = get_object_or_404(request.user.workout_sessions, pk=pk)
    form = RatingForm(request.POST)
    if form.is_valid():
        field = f"pain_{form.cleaned_data['moment']}"
        with session.held():
            setattr(session, field, form.cleaned_data["rating"])
            session.save(update_fields=[field])
        form = None
    if not is_fragment_request(request):
        if form is not None:
            return render(request, PAGE, page_context(request, session, rating_form=form))
        return redirect(f"{session.get_absolute_url()}#pain-ratings")
    context = {"session": session, "ratings": range(11), "rating_form": form}
    return render(request, f"{PAGE}#pain-ratings", context)


@login_required
@in_user_time_zone
@require_POST
@refuses_cancelled_session
def add_entry(request, pk):
    session = get_object_or_404(request.user.workout_sessions, pk=pk)
    form = AddExerciseForm(request.POST, auto_id="add-%s")
    if not form.is_valid():
        context = page_context(request, session, add_form=form)
        template = page_or_fragment(request, PAGE, "entries")
        return render(request, template, context)
    with session.held():
        entry = session.add_exercise(form.cleaned_data["exercise"])
    if is_fragment_request(request):
        return render(request, f"{PAGE}#entries", page_context(request, session, added=entry))
    return redirect(f"{session.get_absolute_url()}#entry-{entry.pk}")


# One movement ---------------------------------------------------------------------------------


@login_required
@in_user_time_zone
@require_POST
@refuses_cancelled_session
def log_set(request, pk):
    entry = get_object_or_404(user_entries(request.user), pk=pk)
    form = SetForm(
        request.POST,
        auto_id=f"entry-{pk}-%s",
        weight_unit=user_profile(request).weight_unit,
        known_weights=known_weights(entry),
    )
    if not form.is_valid():
        return entry_response(request, entry, bound={"set_form": form})
    try:
        with entry.session.held():
            set_log, _created = entry.log_set(
                idempotency_key=form.cleaned_data["idempotency_key"], **form.set_values()
            )
    except KeyInUse:
        form.add_error(None, OUT_OF_DATE)
        return entry_response(request, entry, bound={"set_form": form})
    entry.refresh_from_db(fields=["status"])
    return entry_response(request, entry, just_logged=set_log)


@login_required
@in_user_time_zone
@require_POST
@refuses_cancelled_session
def undo_set(request, pk):
    """Undo the set the button names: a resent or double-tapped undo removes nothing more."""
    entry = get_object_or_404(user_entries(request.user), pk=pk)
    form = UndoForm(request.POST)
    removed = None
    if form.is_valid():
        with entry.session.held():
            removed = entry.remove_set(form.cleaned_data["set"])
    return set_removed_response(request, entry, removed)


def set_removed_response(request, entry, removed):
    if removed is not None:
        notice = _("Set removed: %(set)s.") % {"set": set_description(removed)}
    else:
        notice = _("That set was already removed.")
    if not is_fragment_request(request):
        messages.success(request, notice)
    return entry_response(request, entry, set_notice=notice)


def set_description(set_log):
    """The set in words for a notice, e.g. "10 reps" or "hold 30 s"."""
    parts = []
    if set_log.reps is not None:
        parts.append(_("%(reps)s reps") % {"reps": set_log.reps})
    if set_log.hold_seconds is not None:
        parts.append(_("hold %(seconds)s s") % {"seconds": set_log.hold_seconds})
    return ", ".join(parts)


@login_required
@in_user_time_zone
@require_http_methods(["GET", "POST"])
@refuses_cancelled_session
def delete_set(request, pk, set_pk):
    """Delete a set after a confirmation page (works without JavaScript); a repeat is harmless."""
    entry = get_object_or_404(user_entries(request.user).select_related("exercise"), pk=pk)
    set_log = entry.sets.filter(pk=set_pk).first()
    if set_log is None:
        if SetLog.objects.filter(pk=set_pk).exists():
            raise Http404  # another movement's set, maybe someone else's
        return set_removed_response(request, entry, None)
    if request.method == "POST":
        with entry.session.held():
            removed = entry.remove_set(set_pk)
        return set_removed_response(request, entry, removed)
    number = entry.sets.filter(
        Q(logged_at__lt=set_log.logged_at) | Q(logged_at=set_log.logged_at, pk__lt=set_log.pk)
    ).count()
    context = card_context(request) | {"entry": entry, "set_log": set_log, "number": number + 1}
    return render(request, "workouts/set_confirm_delete.html", context)


@login_required
@in_user_time_zone
@require_POST
@refuses_cancelled_session
def skip(request, pk):
    entry = get_object_or_404(user_entries(request.user), pk=pk)
    form = SkipForm(request.POST, auto_id=f"entry-{pk}-skip-%s")
    if not form.is_valid():
        return entry_response(request, entry, bound={"skip_form": form})
    with entry.session.held():
        entry.skip(form.cleaned_data["reason"])
    return entry_response(request, entry)


@login_required
@in_user_time_zone
@require_POST
@refuses_cancelled_session
def resume(request, pk):
    """Take back a skip or a stop: the movement is on the plan again."""
    entry = get_object_or_404(user_entries(request.user), pk=pk)
    with entry.session.held():
        entry.resume()
    return entry_response(request, entry)


@login_required
@in_user_time_zone
@require_POST
@refuses_cancelled_session
def swap(request, pk):
    entry = get_object_or_404(user_entries(request.user), pk=pk)
    form = SwapForm(request.POST, auto_id=f"entry-{pk}-swap-%s")
    if not form.is_valid():
        return entries_response(request, entry.session, bound={entry.pk: {"swap_form": form}})
    with entry.session.held():
        entry.swap(form.cleaned_data["exercise"], form.cleaned_data["reason"])
    return entries_response(request, entry.session)


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


def pain_form_for(request, entry):
    return pain_form(request, timings=[PainNote.Timing.DURING], auto_id=f"entry-{entry.pk}-pain-%s")


@login_required
@in_user_time_zone
@require_http_methods(["GET", "POST"])
@vary_on_headers("HX-Request")
@refuses_cancelled_session
def entry_pain(request, pk):
    """A pain or discomfort note on a movement, with the guidance it calls for.

    GET gives the form: a fragment for the movement card, or a page without JavaScript.
    """
    entry = get_object_or_404(user_entries(request.user).select_related("exercise"), pk=pk)
    form = pain_form_for(request, entry)
    page = "workouts/pain_entry.html"
    if request.method == "GET":
        template = page_or_fragment(request, page, "pain-form")
        return render(request, template, {"entry": entry, "form": form})
    if not form.is_valid():
        if not is_fragment_request(request):
            return render(request, page, {"entry": entry, "form": form})
        return entry_response(request, entry, bound={"pain_form": form})
    values = form.note_values()
    try:
        with entry.session.held():
            note, created = PainNote.record(
                user=request.user,
                session=entry.session,
                entry=entry,
                idempotency_key=form.cleaned_data["idempotency_key"],
                **values,
            )
            guidance = safety.apply_note(note) if created else safety.guidance_for(note)
    except KeyInUse:
        form.add_error(None, OUT_OF_DATE)
        return entry_response(request, entry, bound={"pain_form": form})
    entry.refresh_from_db(fields=["status", "skip_reason"])
    if not is_fragment_request(request):
        messages.success(request, _("Pain note saved: %(note)s.") % {"note": note.summary()})
    return entry_response(request, entry, just_noted=note, guidance=guidance)


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


# Finishing and editing ------------------------------------------------------------------------


@login_required
@in_user_time_zone
@require_POST
@refuses_cancelled_session
def finish(request, pk):
    session = get_object_or_404(request.user.workout_sessions, pk=pk)
    form = FinishForm(request.POST, auto_id="finish-%s")
    if not form.is_valid():
        return render(request, PAGE, page_context(request, session, finish_form=form))
    with session.held():
        was_open = session.is_in_progress
        session.finish(**form.cleaned_data)
    messages.success(
        request, _("Session finished. Well done.") if was_open else _("Session saved.")
    )
    return redirect(session)


@login_required
@in_user_time_zone
@require_http_methods(["GET", "POST"])
def edit(request, pk):
    """Change a finished session's summary; its sets are edited on the session page."""
    session = get_object_or_404(request.user.workout_sessions.finished(), pk=pk)
    if request.method == "POST":
        form = FinishForm(request.POST, auto_id="finish-%s")
        if form.is_valid():
            session.finish(**form.cleaned_data)
            messages.success(request, _("Session saved."))
            return redirect(session)
    else:
        form = FinishForm(
            initial={
                "minutes": session.duration_minutes,
                "feeling": session.feeling,
                "pain_after": session.pain_after,
                "notes": session.notes,
            },
            auto_id="finish-%s",
        )
    return render(request, "workouts/session_edit.html", {"session": session, "form": form})


# Pain notes outside a session -----------------------------------------------------------------


@login_required
@in_user_time_zone
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
@in_user_time_zone
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
