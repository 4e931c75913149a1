"""When a pain note calls for guidance: stop the movement, seek medical help, or see someone.

The rules follow the team's content facts: mild discomfort is normal; sharp or
intense pain means stop that exercise; some signs call for prompt medical help; pain that keeps
getting worse calls for a professional. The app only ever gives guidance, never a diagnosis.
"""

from dataclasses import dataclass, field
from datetime import timedelta

from django.db.models import Max, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from workouts import body_map
from workouts.models import PainNote

STOP_KINDS = frozenset({PainNote.Kind.SHARP, PainNote.Kind.SHOOTING})
STOP_INTENSITY = 7

# The general warning signs, shown whenever one of them is recorded.
RED_FLAG_SIGNS = [
    _("chest pain or pressure"),
    _("breathlessness"),
    _("fever or feeling unwell"),
    _("weight loss you cannot explain"),
    _("numbness, tingling or weakness in the arms or legs"),
    _("loss of bladder or bowel control"),
    _("pain after a fall or accident"),
]

PROFESSIONALS = _("a chiropractor, a physiotherapist or a doctor")


@dataclass(frozen=True)
class Wording:
    """The one wording of each notice, shown by templates/includes/safety-guidance.html."""

    stop_title: str = _("Stop this exercise")
    stop_text: str = _(
        "Sharp or strong pain during a movement is a signal to stop that movement for today. "
        "Some muscle effort and mild discomfort are normal; sharp or strong pain is not. Carry "
        "on with other movements only if they feel fine."
    )
    stop_lasting: str = _("If the same pain comes back, or lasts, see %(professionals)s.")
    medical_title: str = _("Seek medical help promptly")
    medical_text: str = _(
        "Stop exercising and get medical advice soon. For chest pain or pressure, above all "
        "with breathlessness, sweating or pain into the arm or jaw, get urgent help now."
    )
    medical_signs: str = _("Back pain with any of these signs needs a medical check:")
    worsening_title: str = _("Worth seeing a professional")
    worsening_text: str = _(
        "For two weeks running, your back has felt worse after sessions than before them. "
        "That is worth having checked by %(professionals)s before you carry on as planned."
    )
    not_a_diagnosis: str = _("This is general guidance, not a diagnosis.")

    def stop_lasting_text(self):
        return self.stop_lasting % {"professionals": PROFESSIONALS}

    def worsening_text_full(self):
        return self.worsening_text % {"professionals": PROFESSIONALS}


WORDING = Wording()


def template_context():
    """What the safety-guidance include reads."""
    return {"safety": WORDING, "red_flag_signs": RED_FLAG_SIGNS, "professionals": PROFESSIONALS}


@dataclass
class Guidance:
    stop: bool = False
    red_flags: list = field(default_factory=list)

    def __bool__(self):
        return self.stop or bool(self.red_flags)


def calls_for_stop(note):
    """Sharp or shooting pain, or intensity 7 or more, felt during a movement."""
    if note.timing != PainNote.Timing.DURING:
        return False
    return note.kind in STOP_KINDS or note.intensity >= STOP_INTENSITY


def red_flags(note):
    """The warning signs this note records (empty when there are none)."""
    found = []
    if note.kind == PainNote.Kind.NUMBNESS:
        found.append(_("numbness or tingling"))
    if body_map.CHEST_AREAS & set(note.areas):
        found.append(_("pain in the chest or ribs"))
    if note.after_fall:
        found.append(_("pain after a fall or accident"))
    return found


def guidance_for(note):
    return Guidance(stop=calls_for_stop(note), red_flags=red_flags(note))


def apply_note(note):
    """Act on a freshly saved note: a movement that calls for a stop, or where a warning sign
    was noted, is marked stopped (logging it again takes an explicit choice)."""
    guidance = guidance_for(note)
    if (guidance.stop or guidance.red_flags) and note.entry_id is not None:
        note.entry.stop_for_pain()
    return guidance


def pain_is_worsening(user, now=None):
    """Has pain after sessions been worse than before for two weeks running?

    Looks at the user's finished sessions started in the last 14 days, split into two
    7-day windows: the last 7 days, and the 7 days before them. For each session, "before" is
    the session's pain-before rating, or when that is missing the highest intensity among its
    notes marked "before the session"; "after" likewise from pain-after and "after the session"
    notes. Sessions without both are left out. The answer is yes when each window has at least
    one such session and, in each window, the average of (after minus before) is above zero:
    sessions have been leaving the back worse than they found it, week after week.
    """
    now = now or timezone.now()
    week = timedelta(days=7)
    sessions = (
        user.workout_sessions.finished()
        .filter(started_at__gt=now - 2 * week, started_at__lte=now)
        .annotate(
            before_note=Max(
                "pain_notes__intensity", filter=Q(pain_notes__timing=PainNote.Timing.BEFORE)
            ),
            after_note=Max(
                "pain_notes__intensity", filter=Q(pain_notes__timing=PainNote.Timing.AFTER)
            ),
        )
        .values_list("started_at", "pain_before", "pain_after", "before_note", "after_note")
    )
    recent, earlier = [], []
    for started_at, pain_before, pain_after, before_note, after_note in sessions:
        before = pain_before if pain_before is not None else before_note
        after = pain_after if pain_after is not None else after_note
        if before is None or after is None:
            continue
        (recent if started_at > now - week else earlier).append(after - before)
    return all(changes and sum(changes) / len(changes) > 0 for changes in (recent, earlier))
