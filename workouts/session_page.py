"""The session page: one card per movement, each a compact table of its sets.

Everything the templates show is built here, in a fixed number of queries, as explicit objects
(`MovementCard`, `SetRow`); the views only pick which of them to render.
"""

from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal

from django.core.cache import cache
from django.db.models import Max, OuterRef, Prefetch, Subquery
from django.urls import reverse
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.html import escape
from django.utils.safestring import mark_safe
from django.utils.text import Truncator
from django.utils.translation import gettext as _

from accounts import weights
from workouts import history, prefill, safety
from workouts.caching import TIMEOUT, past_version
from workouts.forms import FinishForm, SetForm, SkipForm, SwapForm
from workouts.models import (
    PainNote,
    ProgressionTarget,
    SessionExercise,
    SetLog,
)
from workouts.swaps import swap_choices


def set_text(set_log, unit):
    """A set in words for a row, "10 reps × 20 kg" or "hold 30 s", by the one set formatter;
    written once per row in Python rather than by template tags (the page draws dozens)."""
    if set_log is None:
        return ""
    return history.set_text(set_log.reps, set_log.weight, set_log.hold_seconds, "", unit)


def movement_prefix():
    """/sessions/movements/: every movement URL of a card is built from it, one reversal per
    process instead of a dozen per card."""
    return reverse("workouts:log_set", args=[1]).removesuffix("1/sets/")


_PREFIX = []


def movement_url(pk, tail):
    if not _PREFIX:
        _PREFIX.append(movement_prefix())
    return f"{_PREFIX[0]}{pk}/{tail}"


@dataclass
class SetRow:
    """One row of a movement's set table: a logged set, the next set to log, or one to come."""

    number: int  # working sets count 1, 2, 3...; a warm-up has none
    set_log: SetLog | None = None
    last_time: "LastSet | None" = None
    side: str = ""
    is_next: bool = False
    text: str = ""
    last_text: str = ""
    edit_url: str = ""

    @property
    def is_logged(self):
        return self.set_log is not None

    @property
    def is_warmup(self):
        return self.set_log is not None and self.set_log.is_warmup


def logged_row_html(row, focused_pk=None):
    """A logged row of the set table, written here rather than by the template: it is most of
    what a set tap draws. The same markup, byte for byte, as the template wrote it."""
    set_log = row.set_log
    if row.is_warmup:
        number = f'{escape(_("W"))}<span class="visually-hidden"> {escape(_("warm-up"))}</span>'
        edit = escape(_("edit the warm-up set"))
    else:
        number = row.number
        edit = escape(_("edit set %(number)s") % {"number": row.number})
    side = ""
    if row.side:
        side = f' <span class="set-side">{escape(set_log.get_side_display())}</span>'
    values = escape(row.text)
    if set_log.rpe:
        values += f" · RPE {set_log.rpe}"
    if set_log.note:
        values += f" · {escape(Truncator(set_log.note).chars(24))}"
    url = escape(row.edit_url)
    focus = " data-focus-after-swap" if focused_pk is not None and focused_pk == set_log.pk else ""
    return mark_safe(  # noqa: S308 - every value above is escaped
        f'<li class="set-row is-logged{" is-warmup" if row.is_warmup else ""}">\n'
        f'              <span class="set-number">{number}{side}</span>\n'
        f'              <span class="set-last">{escape(row.last_text)}</span>\n'
        f'              <a class="set-values" href="{url}" hx-get="{url}" hx-target="closest li"'
        f' hx-swap="outerHTML"{focus}>{values}<span class="visually-hidden">: {edit}</span></a>\n'
        '              <span class="set-tick" aria-hidden="true">✓</span>\n'
        "            </li>"
    )


@dataclass
class MovementCard:
    entry: SessionExercise
    rows: list
    logged: list  # working sets of this session, oldest first
    previous: list  # working sets last time
    notes: list
    red_flags: list
    set_form: SetForm | None
    is_open: bool = False
    is_first: bool = False
    is_last: bool = False
    swap_choices: list = field(default_factory=list)
    skip_form: SkipForm | None = None
    swap_form: SwapForm | None = None
    pain_form: object = None
    index: int = 0

    @property
    def pk(self):
        return self.entry.pk

    @cached_property
    def urls(self):
        pk = self.entry.pk
        return {
            "log_set": movement_url(pk, "sets/"),
            "plan_sets": movement_url(pk, "rows/"),
            "move": movement_url(pk, "move/"),
            "skip": movement_url(pk, "skip/"),
            "resume": movement_url(pk, "resume/"),
            "swap": movement_url(pk, "swap/"),
            "pain": movement_url(pk, "pain/"),
            "how_to": movement_url(pk, "how-to/"),
        }

    @property
    def exercise(self):
        return self.entry.exercise

    @property
    def planned_rows(self):
        return self.entry.planned_sets * (2 if self.entry.per_side else 1)

    @property
    def done_count(self):
        return len(self.logged)

    @property
    def next_row(self):
        return next((row for row in self.rows if row.is_next), None)

    @property
    def can_log(self):
        return not self.entry.is_closed

    @property
    def shows_weight(self):
        return self.entry.exercise.is_strength or self.entry.planned_weight is not None

    @property
    def shows_reps(self):
        return self.entry.planned_reps is not None or self.entry.planned_hold_seconds is None

    @property
    def shows_hold(self):
        return self.entry.planned_hold_seconds is not None

    @property
    def can_remove_row(self):
        per_row = 2 if self.entry.per_side else 1
        return self.entry.planned_sets > max(1, -(-len(self.logged) // per_row))


def _rows(entry, logged_all, previous, is_in_progress, unit):
    rows = _plain_rows(entry, logged_all, previous, is_in_progress)
    for row in rows:
        row.text = set_text(row.set_log, unit)
        row.last_text = set_text(row.last_time, unit)
        if row.set_log is not None:
            row.edit_url = movement_url(entry.pk, f"sets/{row.set_log.pk}/")
    return rows


def _plain_rows(entry, logged_all, previous, is_in_progress):
    working = [s for s in logged_all if not s.is_warmup]
    rows = []
    number = 0
    for set_log in logged_all:
        if set_log.is_warmup:
            rows.append(SetRow(number=0, set_log=set_log, side=set_log.side))
            continue
        number += 1
        last = previous[number - 1] if number <= len(previous) else None
        rows.append(SetRow(number=number, set_log=set_log, last_time=last, side=set_log.side))
    planned = entry.planned_sets * (2 if entry.per_side else 1)
    side = prefill.next_side(working) if entry.per_side else ""
    for index in range(len(working), planned):
        number = index + 1
        last = previous[index] if index < len(previous) else None
        rows.append(
            SetRow(
                number=number,
                last_time=last,
                side=side,
                is_next=index == len(working) and not entry.is_closed,
            )
        )
        if entry.per_side:
            side = SetLog.Side.RIGHT if side == SetLog.Side.LEFT else SetLog.Side.LEFT
    if not any(row.is_next for row in rows) and not entry.is_closed and is_in_progress:
        # Every planned set is logged: one more row stays ready for an extra set.
        rows.append(
            SetRow(
                number=len(working) + 1,
                side=prefill.next_side(working) if entry.per_side else "",
                is_next=True,
            )
        )
    return rows


@dataclass(frozen=True)
class LastSet:
    """A working set of last time, as far as a row and the prefill read it (in kg)."""

    reps: int | None
    weight: Decimal | None
    hold_seconds: int | None


@dataclass(frozen=True)
class LastTime:
    """What a movement's card reads of the past: the sets of the last finished session that
    did it, and the weight target the person applied."""

    started_at: object = None
    sets: tuple = ()
    target_weight: Decimal | None = None
    target_applied_at: object = None

    @property
    def target(self):
        """The applied suggestion, while no finished session has done the movement since."""
        applied_at = self.target_applied_at
        if applied_at is None or (self.started_at is not None and self.started_at > applied_at):
            return None
        return ProgressionTarget(weight=self.target_weight, applied_at=applied_at)


def _last_time_key(session, exercise_id, version):
    return (
        f"workouts:last-time:{session.user_id}:{version}:{session.pk}:"
        f"{session.started_at.isoformat()}:{exercise_id}"
    )


def last_times(session, exercise_ids):
    """{exercise id: LastTime} for this session's movements, cached per movement under the
    version of the person's past (finished sessions, targets: `caching.past_version`), which
    logging in the session in progress leaves alone. Two queries for the movements missing."""
    version = past_version(session.user_id)
    keys = {pk: _last_time_key(session, pk, version) for pk in exercise_ids}
    found = cache.get_many(keys.values())
    result = {pk: found[key] for pk, key in keys.items() if key in found}
    missing = [pk for pk in exercise_ids if pk not in result]
    if missing:
        fresh = _read_last_times(session, missing)
        cache.set_many({keys[pk]: value for pk, value in fresh.items()}, TIMEOUT)
        result.update(fresh)
    return result


def _read_last_times(session, exercise_ids):
    previous = SessionExercise.objects.filter(
        session__user_id=session.user_id,
        session__finished_at__isnull=False,
        session__started_at__lt=session.started_at,
        exercise=OuterRef("exercise_id"),
        sets__isnull=False,
    ).order_by("-session__started_at", "-session_id")
    target = ProgressionTarget.objects.filter(
        user_id=session.user_id, exercise=OuterRef("exercise_id")
    )
    rows = (
        session.entries.filter(exercise_id__in=exercise_ids)
        .order_by()
        .values("exercise_id")
        .annotate(
            previous_entry_id=Subquery(previous.values("pk")[:1]),
            previous_started_at=Subquery(previous.values("session__started_at")[:1]),
            target_weight=Subquery(target.values("weight")[:1]),
            target_applied_at=Subquery(target.values("applied_at")[:1]),
        )
    )
    rows = {row["exercise_id"]: row for row in rows}
    previous_sets = defaultdict(list)
    previous_ids = {row["previous_entry_id"] for row in rows.values()} - {None}
    if previous_ids:
        for entry_id, reps, weight, hold in (
            SetLog.objects.filter(entry_id__in=previous_ids, is_warmup=False)
            .order_by("logged_at", "pk")
            .values_list("entry_id", "reps", "weight", "hold_seconds")
        ):
            previous_sets[entry_id].append(LastSet(reps, weight, hold))
    return {
        pk: LastTime(
            started_at=row["previous_started_at"],
            sets=tuple(previous_sets.get(row["previous_entry_id"], ())),
            target_weight=row["target_weight"],
            target_applied_at=row["target_applied_at"],
        )
        for pk, row in rows.items()
    }


def load_entries(session, *, entry_pk=None, notes=True):
    """The session's movements with their sets and notes (two queries, one without the
    notes, which a set table does not show) and last time, cached (`last_times`)."""
    entries = session.entries.select_related("exercise", "replaces__exercise").prefetch_related(
        Prefetch("sets", SetLog.objects.order_by("logged_at", "pk"))
    )
    if notes:
        entries = entries.prefetch_related(
            Prefetch("pain_notes", PainNote.objects.order_by("noted_at", "pk"))
        )
    if entry_pk is not None:
        entries = entries.filter(pk=entry_pk)
    entries = list(entries)
    past = last_times(session, list(dict.fromkeys(entry.exercise_id for entry in entries)))
    for entry in entries:
        entry.session = session
        entry.last_time = past.get(entry.exercise_id, LastTime())
        entry.previous_sets = list(entry.last_time.sets)
    return entries


def with_last_time(entry):
    """`entry` (with its session) ready for build_card without reading it again."""
    entry.last_time = last_times(entry.session, [entry.exercise_id]).get(
        entry.exercise_id, LastTime()
    )
    entry.previous_sets = list(entry.last_time.sets)
    return entry


def build_card(entry, unit, *, bound=None, key=None, notes=True, sets=None):
    """`sets`: the movement's sets when the caller has just read them (else its prefetch)."""
    logged_all = list(entry.sets.all()) if sets is None else sets
    working = [s for s in logged_all if not s.is_warmup]
    notes = list(entry.pain_notes.all()) if notes else []
    bound = bound or {}
    set_form = bound.get("set_form")
    if set_form is None and not entry.is_closed:
        values = prefill.next_set_values(
            plan={
                "reps": entry.planned_reps,
                "weight": entry.planned_weight,
                "hold_seconds": entry.planned_hold_seconds,
            },
            logged=working,
            previous=entry.previous_sets,
            target=entry.last_time.target,
        )
        initial = prefill.as_text(values, unit)
        if entry.per_side:
            initial["side"] = prefill.next_side(working)
        if key is not None:
            initial["idempotency_key"] = key
        set_form = SetForm(initial=initial, auto_id=f"entry-{entry.pk}-%s", weight_unit=unit)
    return MovementCard(
        entry=entry,
        rows=_rows(entry, logged_all, entry.previous_sets, entry.session.is_in_progress, unit),
        logged=working,
        previous=entry.previous_sets,
        notes=notes,
        red_flags=list(dict.fromkeys(f for note in notes for f in safety.red_flags(note))),
        set_form=set_form,
        skip_form=bound.get("skip_form"),
        swap_form=bound.get("swap_form"),
        pain_form=bound.get("pain_form"),
    )


def build_cards(session, unit, *, bound=None, open_pk=None, key=None):
    """Every card of the page; the current movement (or `open_pk`) opens by itself.

    `key` stands for every set form's idempotency key in HTML that is cached (see
    cached_part in workouts/views/session.py)."""
    bound = bound or {}
    entries = load_entries(session)
    cards = [build_card(entry, unit, bound=bound.get(entry.pk), key=key) for entry in entries]
    choices = swap_choices([card.exercise for card in cards])
    for index, card in enumerate(cards):
        card.index = index
        card.is_first = index == 0
        card.is_last = index == len(cards) - 1
        card.swap_choices = choices.get(card.exercise.pk, [])
        if bound.get(card.pk):
            card.is_open = True
    if open_pk is not None:
        for card in cards:
            card.is_open = card.is_open or card.pk == open_pk
    elif session.is_in_progress and not any(card.is_open for card in cards):
        current = next((c for c in cards if c.entry.status == SessionExercise.Status.PLANNED), None)
        if current is not None:
            current.is_open = True
    return cards


def one_card(entry, unit, *, bound=None):
    """The card of one movement, for a fragment: the same rules, only its rows."""
    (loaded,) = load_entries(entry.session, entry_pk=entry.pk)
    card = build_card(loaded, unit, bound=bound)
    card.swap_choices = swap_choices([card.exercise]).get(card.exercise.pk, [])
    positions = list(entry.session.entries.values_list("pk", flat=True))
    card.index = positions.index(entry.pk) if entry.pk in positions else 0
    card.is_first = card.index == 0
    card.is_last = card.index == len(positions) - 1
    card.is_open = True
    return card


def finish_form(session, data=None):
    minutes = round((timezone.now() - session.started_at).total_seconds() / 60)
    initial = {
        "minutes": session.duration_minutes
        if not session.is_in_progress
        else max(0, min(minutes, 600)),
        "feeling": session.feeling,
        "notes": session.notes,
    }
    return FinishForm(data, initial=initial, auto_id="finish-%s")


# The finished session's summary ---------------------------------------------------------------


@dataclass
class MovementSummary:
    card: MovementCard
    best: str = ""  # "weight", "reps" or "hold" when today beat every earlier session
    best_value: object = None


@dataclass
class Summary:
    movements: list
    volume_kg: Decimal
    working_sets: int
    minutes: int | None
    bests: list


def summarise(session, unit):
    """What a finished session shows: every movement's sets, the volume (warm-ups left out)
    and the bests reached today against every earlier session, in two more queries."""
    cards = build_cards(session, unit)
    exercise_ids = [card.exercise.pk for card in cards]
    earlier = {
        row["entry__exercise_id"]: row
        for row in SetLog.objects.filter(
            entry__session__user_id=session.user_id,
            entry__session__started_at__lt=session.started_at,
            entry__exercise_id__in=exercise_ids,
            is_warmup=False,
        )
        .values("entry__exercise_id")
        .annotate(weight=Max("weight"), reps=Max("reps"), hold=Max("hold_seconds"))
        .order_by()
    }
    movements, bests = [], []
    volume = Decimal(0)
    sets = 0
    for card in cards:
        item = MovementSummary(card)
        sets += len(card.logged)
        for set_log in card.logged:
            if set_log.reps and set_log.weight:
                volume += set_log.reps * set_log.weight
        before = earlier.get(card.exercise.pk)
        if card.logged and before is not None:
            for name, attr in (("weight", "weight"), ("reps", "reps"), ("hold", "hold_seconds")):
                today = max(
                    (getattr(s, attr) for s in card.logged if getattr(s, attr)), default=None
                )
                if today is not None and (before[name] is None or today > before[name]):
                    item.best, item.best_value = name, today
                    bests.append(item)
                    break
        movements.append(item)
    return Summary(
        movements=movements,
        volume_kg=volume,
        working_sets=sets,
        minutes=session.duration_minutes,
        bests=bests,
    )


def volume_text(kg, unit):
    return weights.weight_text(kg, unit) if kg else "0"
