"""The history page: a page of finished sessions as plain objects, built in five queries.

The page shows up to 20 sessions with 100-200 sets. Rendering each set through a template
include, and building a model instance (and a prefetch queryset) for every session, movement,
set and note cost most of the page's time; here the rows come back as tuples and each set's
text is written once in Python (`set_text`, also used by the movement history's best set).
"""

from dataclasses import dataclass, field
from datetime import datetime
from html import escape

from django.core.paginator import Paginator
from django.urls import reverse
from django.utils import timezone
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from accounts import weights
from workouts import body_map
from workouts.models import EntryStatus, PainNote, SessionExercise, SetLog, WorkoutSession

PER_PAGE = 20
SIDES = dict(SetLog.Side.choices)
SHOWN = (EntryStatus.SKIPPED, EntryStatus.STOPPED)


def set_text(reps, weight, hold_seconds, side, unit):
    """One set as a person reads it: "10 reps × 22.5 kg", "12 kg, hold 30 s (left)", "0 reps".

    The one set formatter: templates reach it through `includes/set-summary.html`
    (`{{ set|set_summary:unit }}`). A 0 is a value; None is left out.
    """
    parts = []
    if reps is not None:
        text = ngettext("%(reps)s rep", "%(reps)s reps", reps) % {"reps": reps}
        if weight is not None:
            text += f" × {weights.weight_text(weight, unit)} {unit}"
        parts.append(text)
    elif weight is not None:
        parts.append(f"{weights.weight_text(weight, unit)} {unit}")
    if hold_seconds is not None:
        parts.append(_("hold %(seconds)s s") % {"seconds": hold_seconds})
    text = ", ".join(parts)
    if side:
        text += f" ({str(SIDES.get(side, side)).lower()})"
    return text


@dataclass
class Note:
    kind: str  # "Sharp 4/10"
    details: str  # "Upper back · during: a little stiff"

    def __html__(self):
        return (
            f'<p class="pain-note"><span class="pain-note-kind">{escape(self.kind)}</span>'
            f" · {escape(self.details)}</p>"
        )


@dataclass
class Movement:
    name: str
    url: str
    status: str  # "Skipped" or "Stopped", else ""
    sets: list = field(default_factory=list)  # set_text() of each set
    notes: list = field(default_factory=list)

    def __html__(self):
        # Written here rather than in a template loop, with the standard library's escape
        # rather than format_html: a page has up to 100 of these, and the template engine's
        # and Django's escaping's per-value costs (lazy-string checks) were most of its time.
        html = f'<li>\n<a href="{escape(self.url)}">{escape(self.name)}</a>'
        if self.status:
            html += f' <span class="tag">{escape(self.status)}</span>'
        if self.sets:
            html += f'\n<span class="history-sets">{escape("; ".join(self.sets))}</span>'
        return html + "\n" + "".join(note.__html__() for note in self.notes) + "</li>\n"


@dataclass
class Session:
    pk: int
    url: str
    started_at: datetime
    duration_minutes: int | None
    routine: str
    feeling: int | None
    pain_before: int | None
    pain_after: int | None
    notes: str
    movements: list = field(default_factory=list)
    general_notes: list = field(default_factory=list)
    meta_line: str = ""

    @property
    def movements_html(self):
        return mark_safe("".join(movement.__html__() for movement in self.movements))  # noqa: S308

    def meta(self, zone):
        """ "07:30 · 32 minutes · Desk break · feeling 4/5": the line under the date."""
        parts = [self.started_at.astimezone(zone).strftime("%H:%M")]
        if self.duration_minutes is not None:
            minutes = self.duration_minutes
            parts.append(
                ngettext("%(minutes)s minute", "%(minutes)s minutes", minutes)
                % {"minutes": minutes}
            )
        if self.routine:
            parts.append(self.routine)
        if self.feeling:
            parts.append(_("feeling %(feeling)s/5") % {"feeling": self.feeling})
        return " · ".join(parts)

    @property
    def has_pain(self):
        return self.pain_before is not None or self.pain_after is not None


def _note(kind, intensity, areas, timing, text):
    details = f"{body_map.describe(areas)} · {str(PainNote.Timing(timing).label).lower()}"
    if text:
        details += f": {text}"
    return Note(f"{PainNote.Kind(kind).label} {intensity}/10", details)


class _Urls:
    """reverse() once per name (a page links 100 movements); the rest is the same pattern
    with another argument in place of a stand-in."""

    PK = 987654321
    SLUG = "stand-in-slug"

    def __init__(self):
        self.session = reverse("workouts:session", args=[self.PK]).replace(str(self.PK), "{}")
        self.movement = reverse("workouts:movement_history", args=[self.SLUG]).replace(
            self.SLUG, "{}"
        )

    def for_session(self, pk):
        return self.session.format(pk)

    def for_movement(self, slug):
        return self.movement.format(slug)


def page_number(value):
    """A page asked for in the query string, as the number the cache keys on: anything that is
    not a whole number is page 1, as for the paginator (which gives the last page past either
    end)."""
    try:
        return int(value)
    except (TypeError, ValueError):
        return 1


def history_page(user, number, unit):
    """The page `number` of the person's finished sessions, newest first, times in the
    person's zone (activated by ProfileMiddleware)."""
    zone = timezone.get_current_timezone()
    sessions = WorkoutSession.objects.filter(user=user, finished_at__isnull=False).order_by(
        "-started_at", "-pk"
    )
    page = Paginator(
        sessions.values_list(
            "pk",
            "started_at",
            "finished_at",
            "routine__name",
            "feeling",
            "pain_before",
            "pain_after",
            "notes",
        ),
        PER_PAGE,
    ).get_page(number)
    urls = _Urls()
    shown = {}
    for pk, started, finished, routine, feeling, before, after, notes in page.object_list:
        minutes = round((finished - started).total_seconds() / 60)
        shown[pk] = Session(
            pk,
            urls.for_session(pk),
            started,
            minutes,
            routine or "",
            feeling,
            before,
            after,
            notes,
        )
        shown[pk].meta_line = shown[pk].meta(zone)
    page.object_list = list(shown.values())
    if not shown:
        return page
    # Filtered by the 20 sessions' ids, not the 100-200 movements': building each value of
    # an IN list is Django's slowest step here.
    ids = list(shown)
    movements = {}
    entries = (
        SessionExercise.objects.filter(session__in=ids)
        .order_by("session", "position", "pk")
        .values_list("pk", "session_id", "exercise__name", "exercise__slug", "status")
    )
    for pk, session_id, name, slug, status in entries:
        label = str(EntryStatus(status).label) if status in SHOWN else ""
        movement = Movement(name, urls.for_movement(slug), label)
        movements[pk] = movement
        shown[session_id].movements.append(movement)
    sets = (
        SetLog.objects.filter(entry__session__in=ids)
        .order_by("logged_at", "pk")
        .values_list("entry_id", "is_warmup", "reps", "weight", "hold_seconds", "side")
    )
    texts = {}  # most sets repeat the one before: write each distinct one once
    for entry_id, *key in sets:
        key = tuple(key)
        if key not in texts:
            warmup, *values = key
            text = set_text(*values, unit)
            texts[key] = _("warm-up %(set)s") % {"set": text} if warmup else text
        movements[entry_id].sets.append(texts[key])
    notes = (
        # A note on a movement always carries its session too (an OR over the movement's
        # session made PostgreSQL scan every note).
        PainNote.objects.filter(session__in=ids)
        .order_by("-noted_at", "-pk")
        .values_list("session_id", "entry_id", "kind", "intensity", "areas", "timing", "text")
    )
    for session_id, entry_id, *note in notes:
        if entry_id is None:
            shown[session_id].general_notes.append(_note(*note))
        elif entry_id in movements:
            movements[entry_id].notes.append(_note(*note))
    return page
