"""The session page and every change made on it: thin views over workouts.session_page.

A change posted by htmx gets back the part of the page it changed (a set table, a card, the
ratings); a plain form post is redirected back to the page at that movement.
"""

import re
import secrets
import uuid

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db.models import Q
from django.http import Http404
from django.middleware.csrf import get_token
from django.shortcuts import get_object_or_404, redirect, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST
from django.views.decorators.vary import vary_on_headers

from accounts import weights
from exercises.models import Exercise
from midback.htmx import is_fragment_request, page_or_fragment
from workouts import prefill, safety, session_page, swaps
from workouts.caching import cached_for
from workouts.forms import (
    AddExerciseForm,
    MoveForm,
    PlanSetsForm,
    RatingForm,
    SearchForm,
    SetEditForm,
    SetForm,
    SkipForm,
    SwapForm,
    UndoForm,
)
from workouts.models import KeyInUse, PainNote, ProgressionTarget, SessionExercise, SetLog
from workouts.progression import suggest_progressions, suggestion_for
from workouts.views.logging import (
    OUT_OF_DATE,
    pain_form,
    refuses_cancelled_session,
)

PAGE = "workouts/session_detail.html"
SUMMARY = "workouts/session_summary.html"


def logger_url(session, entry=None):
    """Where the logger of this session is: the session page while it runs, its Edit page
    once finished."""
    url = session.get_absolute_url() if session.is_in_progress else session.get_logger_url()
    return f"{url}#entry-{entry.pk}" if entry is not None else url


def user_entries(user):
    return SessionExercise.objects.for_user(user).select_related("session", "exercise")


def unit_context(request):
    unit = request.profile.weight_unit
    return {
        "weight_unit": unit,
        "skip_reasons": SessionExercise.SkipReason.choices,
        **safety.template_context(),
    }


def page_context(request, session, *, bound=None, open_pk=None, cached=False, **extra):
    """The page's context; `cached` gives its movement cards and finish form as cached HTML
    (`entries_html`, `finish_html`), for a page as it stands (no bound form, nothing just done).
    """
    unit = request.profile.weight_unit
    finish_form = session_page.finish_form(session)
    if cached:
        finish_url = reverse("workouts:finish", args=[session.pk])
        parts = {
            "entries_html": cached_part(
                request,
                session,
                "entries",
                (str(unit), timezone.get_current_timezone_name()),
                lambda key: {"cards": session_page.build_cards(session, unit, key=key)},
            ),
            "finish_html": session.is_in_progress
            and cached_part(
                request,
                session,
                "finish",
                (finish_form.initial["minutes"],),
                lambda key: {"form": finish_form, "action_url": finish_url},
                template="workouts/session_summary_fields.html",
            ),
        }
    else:
        parts = {"cards": session_page.build_cards(session, unit, bound=bound, open_pk=open_pk)}
    return (
        unit_context(request)
        | parts
        | {
            "session": session,
            "ratings": range(11),
            "rating_form": None,
            "search_form": SearchForm(auto_id="add-%s"),
            "finish_form": finish_form,
        }
        | extra
    )


def cached_part(request, session, name, parts, build, template=f"{PAGE}#{{name}}"):
    """A part of the page as HTML (the movement cards: most of its cost; the finish form,
    drawn through Django's widget templates), drawn once per version of the person's log and of
    the library, per language and `parts`. Every change to a session runs through held() or
    finish(), and an applied suggestion through ProgressionTarget.apply(), each of which bumps
    the log's version.

    The CSRF token and the idempotency keys must differ per response (a key reused by two sets
    would make the second one a repeat), so the cached HTML carries random placeholders, made
    anew with each version, and every one is filled in here: the token, and a new key each.
    `build(key)` gives the part's context, with `key` standing for any form's own key."""

    def draw():
        csrf_hole, key_hole = secrets.token_hex(16), secrets.token_hex(16)
        context = unit_context(request) | {
            "session": session,
            **build(key_hole),
            "csrf_token": csrf_hole,
            "key_hole": key_hole,
        }
        html = render_to_string(template.format(name=name), context, request)
        return html, csrf_hole, key_hole

    key = (session.pk, *parts)
    html, csrf_hole, key_hole = cached_for(request.user.pk, f"session-{name}", key, draw)
    html = html.replace(csrf_hole, get_token(request))
    return mark_safe(re.sub(key_hole, lambda _match: str(uuid.uuid4()), html))  # noqa: S308


def card_response(request, entry, *, bound=None, status=200, **extra):
    """The movement's card for htmx; for a plain post, back to the page at the card (or the
    page itself with the form's errors)."""
    if not is_fragment_request(request):
        if bound:
            context = page_context(request, entry.session, bound={entry.pk: bound}, **extra)
            return render(request, PAGE, context, status=status)
        return redirect(logger_url(entry.session, entry))
    unit = request.profile.weight_unit
    card = session_page.one_card(entry, unit, bound=bound)
    context = unit_context(request) | {"card": card, "session": entry.session} | extra
    return render(request, f"{PAGE}#movement", context, status=status)


def rows_response(request, entry, *, bound=None, sets=None, **extra):
    """Only the set table (and the line that says how far the movement is): what a set tap
    changes. The rest of the card stays as it is in the page. `sets`: the movement's sets as
    the change left them, read under its lock; without them the movement is read again."""
    if not is_fragment_request(request):
        if bound:
            context = page_context(request, entry.session, bound={entry.pk: bound}, **extra)
            return render(request, PAGE, context)
        return redirect(logger_url(entry.session, entry))
    unit = request.profile.weight_unit
    if sets is None:
        (loaded,) = session_page.load_entries(entry.session, entry_pk=entry.pk, notes=False)
    else:
        loaded = session_page.with_last_time(entry)
    card = session_page.build_card(loaded, unit, bound=bound, notes=False, sets=sets)
    context = unit_context(request) | {"card": card, "session": entry.session} | extra
    return render(request, f"{PAGE}#set-table", context)


def entries_response(request, session, *, bound=None, open_pk=None, **extra):
    if not is_fragment_request(request):
        if bound:
            return render(request, PAGE, page_context(request, session, bound=bound, **extra))
        return redirect(logger_url(session))
    context = page_context(request, session, bound=bound, open_pk=open_pk, **extra)
    return render(request, f"{PAGE}#entries", context)


# The pages ------------------------------------------------------------------------------------


def _session(request, pk):
    return get_object_or_404(request.user.workout_sessions.select_related("routine"), pk=pk)


@login_required
@require_GET
def session_detail(request, pk):
    """The logger while the session runs; a read-only summary once it is finished."""
    session = _session(request, pk)
    if session.is_in_progress:
        return render(request, PAGE, page_context(request, session, cached=True))
    unit = request.profile.weight_unit
    summary = session_page.summarise(session, unit)
    names = {item.card.exercise.pk for item in summary.movements}
    suggestions = [
        s for s in suggest_progressions(request.user, unit, recent=50) if s.exercise.pk in names
    ]
    context = unit_context(request) | {
        "session": session,
        "summary": summary,
        "volume": session_page.volume_text(summary.volume_kg, unit),
        "suggestions": suggestions,
        "worsening": safety.pain_is_worsening(request.user),
    }
    return render(request, SUMMARY, context)


@login_required
@require_GET
def session_logger(request, pk):
    """A finished session's logger, opened from its summary to correct it."""
    session = _session(request, pk)
    if session.is_in_progress:
        return redirect(session)
    return render(request, PAGE, page_context(request, session, cached=True))


@login_required
@require_POST
@refuses_cancelled_session
def rate(request, pk):
    """Pain before or after the session, in one tap on 0-10: the one place both are kept."""
    session = get_object_or_404(request.user.workout_sessions, pk=pk)
    form = RatingForm(request.POST)
    if form.is_valid():
        with session.held():
            session.rate_pain(form.cleaned_data["moment"], form.cleaned_data["rating"])
        form = None
    if not is_fragment_request(request):
        if form is not None:
            return render(request, PAGE, page_context(request, session, rating_form=form))
        return redirect(f"{logger_url(session)}#pain-ratings")
    context = {"session": session, "ratings": range(11), "rating_form": form}
    return render(request, f"{PAGE}#pain-ratings", context)


@login_required
@require_http_methods(["GET", "POST"])
@vary_on_headers("HX-Request")
@refuses_cancelled_session
def add_entry(request, pk):
    """GET searches the library (the page no longer carries all of it); POST adds one."""
    session = get_object_or_404(request.user.workout_sessions, pk=pk)
    if request.method == "GET":
        search = SearchForm(request.GET, auto_id="add-%s")
        text = search.cleaned_data["q"] if search.is_valid() else ""
        results, total = swaps.search(text)
        context = {"session": session, "search_form": search, "results": results, "total": total}
        template = page_or_fragment(request, "workouts/session_add.html", "add-results")
        return render(request, template, context)
    form = AddExerciseForm(request.POST, auto_id="add-%s")
    if not form.is_valid():
        messages.warning(request, _("Choose a movement from the list."))
        return redirect(f"{logger_url(session)}#add-entry")
    with session.held():
        entry = session.add_exercise(form.cleaned_data["exercise"])
    if is_fragment_request(request):
        return entries_response(request, session, open_pk=entry.pk, added=entry)
    return redirect(logger_url(session, entry))


# One movement ---------------------------------------------------------------------------------


@login_required
@require_POST
@refuses_cancelled_session
def log_set(request, pk):
    entry = get_object_or_404(user_entries(request.user), pk=pk)
    form = SetForm(
        request.POST,
        auto_id=f"entry-{pk}-%s",
        weight_unit=request.profile.weight_unit,
        known_weights=prefill.known_weights(entry),
    )
    if not form.is_valid():
        return rows_response(request, entry, bound={"set_form": form})
    sets = None
    try:
        with entry.session.held():
            set_log, _created = entry.log_set(
                idempotency_key=form.cleaned_data["idempotency_key"], **form.set_values()
            )
            if is_fragment_request(request):
                # Its rows as this change leaves them, read afresh under the session's lock:
                # the set table and the status beside it agree, whatever else is racing.
                sets = list(entry.sets.order_by("logged_at", "pk"))
    except KeyInUse:
        form.add_error(None, OUT_OF_DATE)
        return rows_response(request, entry, bound={"set_form": form})
    return rows_response(request, entry, sets=sets, just_logged=set_log)


def _own_set(entry, set_pk):
    set_log = entry.sets.filter(pk=set_pk).first()
    if set_log is None and SetLog.objects.filter(pk=set_pk).exists():
        raise Http404  # another movement's set, maybe someone else's
    return set_log


def _set_number(entry, set_log):
    working = [s.pk for s in entry.sets.filter(is_warmup=False)]
    return working.index(set_log.pk) + 1 if set_log.pk in working else None


@login_required
@require_http_methods(["GET", "POST"])
@vary_on_headers("HX-Request")
@refuses_cancelled_session
def edit_set(request, pk, set_pk):
    """A logged set changed in place: the row turns into its form, and back once saved."""
    entry = get_object_or_404(user_entries(request.user), pk=pk)
    set_log = _own_set(entry, set_pk)
    if set_log is None:
        messages.info(request, _("That set was already removed."))
        return redirect(logger_url(entry.session, entry))
    unit = request.profile.weight_unit
    auto_id = f"set-{set_log.pk}-%s"
    if request.method == "POST":
        form = SetEditForm(
            request.POST,
            auto_id=auto_id,
            weight_unit=unit,
            known_weights=[set_log.weight, *prefill.known_weights(entry)],
        )
        if form.is_valid():
            with entry.session.held():
                entry.update_set(set_log, **form.set_values())
                entry.refresh_status()
            return rows_response(request, entry, just_edited=set_log)
    else:
        form = SetEditForm(
            initial={
                "reps": set_log.reps,
                "weight": weights.weight_text(set_log.weight, unit),
                "hold_seconds": set_log.hold_seconds,
                "side": set_log.side,
                "rpe": set_log.rpe,
                "note": set_log.note,
                "is_warmup": set_log.is_warmup,
            },
            auto_id=auto_id,
            weight_unit=unit,
        )
    context = unit_context(request) | {
        "entry": entry,
        "session": entry.session,
        "set_log": set_log,
        "number": _set_number(entry, set_log),
        "form": form,
        "back_url": logger_url(entry.session, entry),
    }
    template = page_or_fragment(request, "workouts/set_edit.html", "set-edit")
    return render(request, template, context)


@login_required
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
    return rows_response(request, entry, set_notice=notice)


def set_description(set_log):
    """The set in words for a notice, e.g. "10 reps" or "hold 30 s"."""
    parts = []
    if set_log.reps is not None:
        parts.append(_("%(reps)s reps") % {"reps": set_log.reps})
    if set_log.hold_seconds is not None:
        parts.append(_("hold %(seconds)s s") % {"seconds": set_log.hold_seconds})
    return ", ".join(parts)


@login_required
@require_http_methods(["GET", "POST"])
@refuses_cancelled_session
def delete_set(request, pk, set_pk):
    """Delete a set after a confirmation page (works without JavaScript); a repeat is harmless."""
    entry = get_object_or_404(user_entries(request.user), pk=pk)
    set_log = _own_set(entry, set_pk)
    if set_log is None:
        return set_removed_response(request, entry, None)
    if request.method == "POST":
        with entry.session.held():
            removed = entry.remove_set(set_pk)
        return set_removed_response(request, entry, removed)
    number = entry.sets.filter(
        Q(logged_at__lt=set_log.logged_at) | Q(logged_at=set_log.logged_at, pk__lt=set_log.pk)
    ).count()
    context = unit_context(request) | {
        "entry": entry,
        "set_log": set_log,
        "number": number + 1,
        "back_url": logger_url(entry.session, entry),
    }
    return render(request, "workouts/set_confirm_delete.html", context)


@login_required
@require_POST
@refuses_cancelled_session
def plan_sets(request, pk):
    """Add or remove a row of the set table (the count is named, so a resend is harmless)."""
    entry = get_object_or_404(user_entries(request.user), pk=pk)
    form = PlanSetsForm(request.POST)
    if form.is_valid():
        with entry.session.held():
            entry.plan_sets(form.cleaned_data["count"])
    elif not is_fragment_request(request):
        messages.warning(request, form.errors["count"][0])
    return rows_response(request, entry)


@login_required
@require_POST
@refuses_cancelled_session
def move_entry(request, pk):
    entry = get_object_or_404(user_entries(request.user), pk=pk)
    form = MoveForm(request.POST)
    if form.is_valid():
        with entry.session.held():
            entry.session.move_entry(entry, form.cleaned_data["position"])
    return entries_response(request, entry.session, open_pk=entry.pk, moved=entry)


@login_required
@require_POST
@refuses_cancelled_session
def skip(request, pk):
    entry = get_object_or_404(user_entries(request.user), pk=pk)
    form = SkipForm(request.POST, auto_id=f"entry-{pk}-skip-%s")
    if not form.is_valid():
        return card_response(request, entry, bound={"skip_form": form})
    with entry.session.held():
        entry.skip(form.cleaned_data["reason"])
    return card_response(request, entry, closed=True)


@login_required
@require_POST
@refuses_cancelled_session
def resume(request, pk):
    """Take back a skip or a stop: an explicit choice, the only way on after a stop."""
    entry = get_object_or_404(user_entries(request.user), pk=pk)
    with entry.session.held():
        entry.resume()
    return card_response(request, entry)


@login_required
@require_POST
@refuses_cancelled_session
def swap(request, pk):
    entry = get_object_or_404(user_entries(request.user), pk=pk)
    form = SwapForm(request.POST, auto_id=f"entry-{pk}-swap-%s")
    if not form.is_valid():
        return entries_response(request, entry.session, bound={entry.pk: {"swap_form": form}})
    with entry.session.held():
        added = entry.swap(form.cleaned_data["exercise"], form.cleaned_data["reason"])
    return entries_response(request, entry.session, open_pk=added.pk)


@login_required
@require_GET
@vary_on_headers("HX-Request")
def how_to(request, pk):
    """The movement's steps, cues and picture in a sheet over the session."""
    entry = get_object_or_404(user_entries(request.user), pk=pk)
    exercise = Exercise.objects.prefetch_related("steps").get(pk=entry.exercise_id)
    context = {"entry": entry, "exercise": exercise, "back_url": logger_url(entry.session, entry)}
    template = page_or_fragment(request, "workouts/session_how_to.html", "how-to")
    return render(request, template, context)


def pain_form_for(request, entry):
    return pain_form(request, timings=[PainNote.Timing.DURING], auto_id=f"entry-{entry.pk}-pain-%s")


@login_required
@require_http_methods(["GET", "POST"])
@vary_on_headers("HX-Request")
@refuses_cancelled_session
def entry_pain(request, pk):
    """A pain or discomfort note on a movement, with the guidance it calls for.

    GET gives the form: a fragment for the movement card, or a page without JavaScript.
    """
    entry = get_object_or_404(user_entries(request.user), pk=pk)
    form = pain_form_for(request, entry)
    page = "workouts/pain_entry.html"
    if request.method == "GET":
        template = page_or_fragment(request, page, "pain-form")
        return render(request, template, {"entry": entry, "form": form})
    if not form.is_valid():
        if not is_fragment_request(request):
            return render(request, page, {"entry": entry, "form": form})
        return card_response(request, entry, bound={"pain_form": form})
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
        return card_response(request, entry, bound={"pain_form": form})
    entry.refresh_from_db(fields=["status", "skip_reason"])
    if not is_fragment_request(request):
        messages.success(request, _("Pain note saved: %(note)s.") % {"note": note.summary()})
    return card_response(request, entry, just_noted=note, guidance=guidance)


# Finishing, and what comes after ---------------------------------------------------------------


@login_required
@require_POST
@refuses_cancelled_session
def finish(request, pk):
    session = get_object_or_404(request.user.workout_sessions, pk=pk)
    form = session_page.finish_form(session, request.POST)
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
@require_http_methods(["GET", "POST"])
def edit(request, pk):
    """Change a finished session's summary; its sets are edited in its logger."""
    session = get_object_or_404(request.user.workout_sessions.finished(), pk=pk)
    form = session_page.finish_form(session, request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        session.finish(**form.cleaned_data)
        messages.success(request, _("Session saved."))
        return redirect(session)
    context = {"session": session, "form": form, "ratings": range(11), "rating_form": None}
    return render(request, "workouts/session_edit.html", context)


@login_required
@require_POST
def apply_suggestion(request, exercise_pk):
    """Follow a progression suggestion: the next session of that movement starts from it.

    The weight is worked out again here from the person's own log, never read from the form.
    """
    exercise = get_object_or_404(Exercise, pk=exercise_pk)
    unit = request.profile.weight_unit
    suggestion = suggestion_for(request.user, exercise, unit)
    if suggestion is None or suggestion.weight is None:
        messages.info(request, _("There is no weight to apply for this movement now."))
    else:
        ProgressionTarget.apply(request.user, exercise, weights.to_kg(suggestion.weight, unit))
        messages.success(
            request,
            _("Next time, %(name)s starts at %(weight)s %(unit)s.")
            % {"name": exercise.name, "weight": weights.plain(suggestion.weight), "unit": unit},
        )
    back = request.POST.get("next", "")
    if url_has_allowed_host_and_scheme(back, allowed_hosts={request.get_host()}):
        return redirect(back)
    return redirect("workouts:history")
