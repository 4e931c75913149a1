import uuid
from contextlib import contextmanager
from datetime import timedelta

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import IntegrityError, models, transaction
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from accounts import weights
from exercises import dose
from workouts import body_map
from workouts.caching import log_changed

# How many sets a movement can plan: the set table offers "Add a set" up to this.
MAX_SETS = 10
# How far back a session can be logged after the fact.
PAST_SESSION_DAYS = 366


class WorkoutSessionQuerySet(models.QuerySet):
    def in_progress(self):
        return self.filter(finished_at__isnull=True)

    def finished(self):
        return self.filter(finished_at__isnull=False)


class SessionGone(Exception):
    """The session was cancelled (deleted) by another request: nothing can be saved in it."""


class KeyInUse(Exception):
    """An idempotency key that already names another movement's row or another person's."""


# The longest a session can be said to have lasted (ten hours); longer is a typing mistake.
MAX_SESSION_MINUTES = 600


class WorkoutSession(models.Model):
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="workout_sessions"
    )
    routine = models.ForeignKey(
        "routines.Routine",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="workout_sessions",
    )
    schedule = models.ForeignKey(
        "routines.ScheduledSession",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="workout_sessions",
    )
    scheduled_date = models.DateField(_("planned for"), null=True, blank=True)
    started_at = models.DateTimeField(_("started"), default=timezone.now)
    finished_at = models.DateTimeField(_("finished"), null=True, blank=True)
    feeling = models.PositiveSmallIntegerField(
        _("overall feeling"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1), MaxValueValidator(5)],
    )
    pain_before = models.PositiveSmallIntegerField(
        _("pain before"), null=True, blank=True, validators=[MaxValueValidator(10)]
    )
    pain_after = models.PositiveSmallIntegerField(
        _("pain after"), null=True, blank=True, validators=[MaxValueValidator(10)]
    )
    notes = models.TextField(_("notes"), blank=True, max_length=4000)

    objects = WorkoutSessionQuerySet.as_manager()

    class Meta:
        ordering = ["-started_at", "-pk"]
        verbose_name = _("workout session")
        verbose_name_plural = _("workout sessions")
        indexes = [models.Index(fields=["user", "-started_at"], name="session_user_started")]
        constraints = [
            models.UniqueConstraint(
                fields=["user"],
                condition=Q(finished_at__isnull=True),
                name="one_session_in_progress",
                violation_error_message=_(
                    "You already have a session in progress: finish it first."
                ),
            ),
            models.CheckConstraint(
                condition=Q(finished_at__isnull=True) | Q(finished_at__gte=models.F("started_at")),
                name="session_finishes_after_start",
                violation_error_message=_("A session cannot finish before it started."),
            ),
            models.CheckConstraint(
                condition=Q(feeling__isnull=True) | Q(feeling__gte=1, feeling__lte=5),
                name="session_feeling_1_to_5",
                violation_error_message=_("Choose a feeling from 1 to 5."),
            ),
            models.CheckConstraint(
                condition=Q(pain_before__isnull=True) | Q(pain_before__lte=10),
                name="session_pain_before_0_to_10",
                violation_error_message=_("Choose a number from 0 to 10."),
            ),
            models.CheckConstraint(
                condition=Q(pain_after__isnull=True) | Q(pain_after__lte=10),
                name="session_pain_after_0_to_10",
                violation_error_message=_("Choose a number from 0 to 10."),
            ),
        ]

    def __str__(self):
        return f"Session {self.started_at:%Y-%m-%d}"

    def get_absolute_url(self):
        return reverse("workouts:session", kwargs={"pk": self.pk})

    def get_logger_url(self):
        return reverse("workouts:session_logger", kwargs={"pk": self.pk})

    @classmethod
    def start(cls, user, *, routine=None, schedule=None, scheduled_date=None, started_at=None):
        """Open a session, copying the routine's movements with their prescription.

        Returns (session, created). While another session is in progress it is returned
        instead: one open session per user, enforced by a partial unique constraint, so two
        racing starts still give one.
        """
        if schedule is not None and routine is None:
            routine = schedule.routine
        try:
            with transaction.atomic():
                session = cls.objects.create(
                    user=user,
                    routine=routine,
                    schedule=schedule,
                    scheduled_date=scheduled_date,
                    started_at=started_at or timezone.now(),
                )
                if routine is not None:
                    SessionExercise.objects.bulk_create(
                        SessionExercise(
                            session=session,
                            exercise_id=item.exercise_id,
                            position=position,
                            **dose.as_planned(item.dose()),
                        )
                        for position, item in enumerate(routine.items.order_by("position", "pk"))
                    )
        except IntegrityError:
            open_session = cls.objects.filter(user=user).in_progress().first()
            if open_session is None:
                raise
            return open_session, False
        return session, True

    @contextmanager
    def held(self):
        """Run a change to this session under a lock on its row, in one transaction.

        Logging a set, a pain note, finishing and cancelling all take the lock, so they happen
        one after the other: a set answered "saved" is never deleted by a cancel that read the
        session before the set existed. Raises SessionGone when a cancel got there first;
        refreshes finished_at, which another request may have changed.
        """
        with transaction.atomic():
            locked = (
                WorkoutSession.objects.select_for_update()
                .filter(pk=self.pk)
                .values_list("finished_at", flat=True)
            )
            if not locked:
                raise SessionGone
            self.finished_at = locked[0]
            yield self
            # The progress page's cached parts are rebuilt; a finished session is someone's
            # "last time" too (finish() itself bumps both).
            log_changed(self.user_id, past=not self.is_in_progress)

    @property
    def is_in_progress(self):
        return self.finished_at is None

    def can_be_discarded(self):
        """A session started by mistake: still open, with nothing logged in it."""
        return (
            self.is_in_progress
            and not SetLog.objects.filter(entry__session=self).exists()
            and not self.pain_notes.exists()
        )

    def rating_rows(self):
        """(moment, label, value) for the before and after pain ratings."""
        return [
            ("before", _("Pain before the session"), self.pain_before),
            ("after", _("Pain after the session"), self.pain_after),
        ]

    def rate_pain(self, moment, rating):
        """Pain "before" or "after" the session, 0 to 10; a new tap replaces the last one."""
        field = {"before": "pain_before", "after": "pain_after"}[moment]
        setattr(self, field, rating)
        self.save(update_fields=[field])

    @property
    def duration(self):
        """Time from start to finish; None while the session is in progress."""
        if self.finished_at is None:
            return None
        return self.finished_at - self.started_at

    @property
    def duration_minutes(self):
        duration = self.duration
        return None if duration is None else round(duration.total_seconds() / 60)

    def next_position(self):
        last = self.entries.aggregate(last=models.Max("position"))["last"]
        return 0 if last is None else last + 1

    def add_exercise(self, exercise, *, position=None, replaces=None):
        """Add a movement with the exercise's default prescription."""
        return self.entries.create(
            exercise=exercise,
            position=self.next_position() if position is None else position,
            replaces=replaces,
            **dose.as_planned(dose.starting_dose(exercise)),
        )

    def move_entry(self, entry, position):
        """Put `entry` at `position` (0-based) among this session's movements, keeping the
        others in their order; a repeat of the same move changes nothing."""
        order = list(self.entries.order_by("position", "pk").values_list("pk", flat=True))
        if entry.pk not in order:
            return
        order.remove(entry.pk)
        order.insert(max(0, min(position, len(order))), entry.pk)
        for index, pk in enumerate(order):
            self.entries.filter(pk=pk).exclude(position=index).update(position=index)

    def finish(self, *, minutes=None, feeling=None, pain_after=None, notes=""):
        """Close the session, or correct a finished one's summary.

        `minutes` is how long it lasted (default: until now); finished_at is kept as
        started_at plus that, so a session finished late in the evening still says 40 minutes.
        """
        if minutes is None:
            self.finished_at = max(timezone.now(), self.started_at)
        else:
            self.finished_at = self.started_at + timedelta(minutes=minutes)
        self.feeling = feeling
        # Pain after is also rated with one tap on the page; an empty "pain now" on the finish
        # form (loaded before that tap) must not erase it.
        if pain_after is not None:
            self.pain_after = pain_after
        self.notes = notes
        self.save()
        log_changed(self.user_id)


class SessionExerciseQuerySet(models.QuerySet):
    def for_user(self, user):
        return self.filter(session__user=user)


class EntryStatus(models.TextChoices):
    PLANNED = "planned", _("To do")
    DONE = "done", _("Done")
    SKIPPED = "skipped", _("Skipped")
    STOPPED = "stopped", _("Stopped for pain")


class EntrySkipReason(models.TextChoices):
    PAIN = "pain", _("Pain or discomfort")
    NO_EQUIPMENT = "no-equipment", _("No equipment")
    TIME = "time", _("Out of time")
    OTHER = "other", _("Other")


class SessionExercise(models.Model):
    Status = EntryStatus

    SkipReason = EntrySkipReason

    session = models.ForeignKey(WorkoutSession, on_delete=models.CASCADE, related_name="entries")
    exercise = models.ForeignKey(
        "exercises.Exercise", on_delete=models.PROTECT, related_name="session_entries"
    )
    position = models.PositiveSmallIntegerField(_("position"), default=0)
    planned_sets = models.PositiveSmallIntegerField(
        _("planned sets"), default=3, validators=dose.sets_validators()
    )
    planned_reps = models.PositiveSmallIntegerField(
        _("planned reps"), null=True, blank=True, validators=dose.reps_validators(None)
    )
    planned_hold_seconds = models.PositiveSmallIntegerField(
        _("planned hold (seconds)"),
        null=True,
        blank=True,
        validators=dose.hold_validators(None),
    )
    planned_weight = models.DecimalField(
        _("planned weight (kg)"),
        max_digits=weights.STORED_DIGITS,
        decimal_places=weights.STORED_PLACES,
        null=True,
        blank=True,
    )
    per_side = models.BooleanField(_("each side"), default=False)
    rest_seconds = models.PositiveSmallIntegerField(
        _("rest (seconds)"), default=60, validators=dose.rest_validators()
    )
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.PLANNED
    )
    skip_reason = models.CharField(
        _("reason"), max_length=16, choices=SkipReason.choices, blank=True
    )
    replaces = models.ForeignKey(
        "self",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="replacements",
        verbose_name=_("swapped in for"),
    )

    objects = SessionExerciseQuerySet.as_manager()

    class Meta:
        ordering = ["position", "pk"]
        verbose_name = _("movement in a session")
        verbose_name_plural = _("movements in a session")
        constraints = [
            models.CheckConstraint(
                condition=Q(planned_sets__gte=1, planned_sets__lte=dose.MAX_SETS),
                name="entry_planned_sets_1_to_10",
                violation_error_message=dose.SETS_RANGE,
            ),
            models.CheckConstraint(
                condition=Q(planned_reps__isnull=True) | Q(planned_reps__lte=dose.MAX_REPS),
                name="entry_planned_reps_le_100",
                violation_error_message=dose.REPS_AT_MOST,
            ),
            models.CheckConstraint(
                condition=Q(planned_hold_seconds__isnull=True)
                | Q(planned_hold_seconds__lte=dose.MAX_HOLD_SECONDS),
                name="entry_planned_hold_le_600",
                violation_error_message=dose.HOLD_AT_MOST,
            ),
            models.CheckConstraint(
                condition=Q(planned_weight__isnull=True)
                | Q(planned_weight__gte=0, planned_weight__lte=weights.MAX_KG),
                name="entry_planned_weight_0_to_1000",
                violation_error_message=_("Weight must be from 0 to 1000."),
            ),
            models.CheckConstraint(
                condition=Q(rest_seconds__lte=dose.MAX_REST_SECONDS),
                name="entry_rest_le_600",
                violation_error_message=dose.REST_AT_MOST,
            ),
            models.CheckConstraint(
                condition=Q(status__in=EntryStatus.values),
                name="entry_status_known",
                violation_error_message=_("Choose a status from the list."),
            ),
            models.CheckConstraint(
                condition=Q(skip_reason="") | Q(skip_reason__in=EntrySkipReason.values),
                name="entry_skip_reason_known",
                violation_error_message=_("Choose a reason from the list."),
            ),
        ]

    def __str__(self):
        return str(self.exercise)

    def prescription(self):
        """The plan in words, e.g. "3 × 10 reps" or "2 × hold 30 s each side" (weight apart)."""
        return dose.describe(
            self.planned_sets, self.planned_reps, self.planned_hold_seconds, self.per_side
        )

    @property
    def is_stopped(self):
        return self.status == self.Status.STOPPED

    @property
    def is_closed(self):
        """Skipped or stopped: the movement is out of today's plan."""
        return self.status in {self.Status.SKIPPED, self.Status.STOPPED}

    def log_set(self, *, idempotency_key, **values):
        """Save one set, once per idempotency key.

        Returns (set, created). A repeated key (double tap, resent form, retry after a
        network error, or two requests racing) returns the set already saved under it: the
        unique constraint decides, so two racing inserts still give one row. A key that names
        another movement's set raises KeyInUse: that set is never shown or moved.
        """
        try:
            with transaction.atomic():
                set_log = self.sets.create(idempotency_key=idempotency_key, **values)
        except IntegrityError:
            set_log = self.sets.filter(idempotency_key=idempotency_key).first()
            if set_log is None:
                if SetLog.objects.filter(idempotency_key=idempotency_key).exists():
                    raise KeyInUse from None
                raise
            return set_log, False
        self.refresh_status()
        return set_log, True

    def plan_sets(self, count):
        """Plan `count` sets (1 to MAX_SETS, never fewer than are logged): add or remove a row
        of the set table. Naming the count, not "one more", keeps a resend harmless."""
        logged = self.sets.filter(is_warmup=False).count()
        per_row = 2 if self.per_side else 1
        count = max(1, min(MAX_SETS, count), -(-logged // per_row))
        if count != self.planned_sets:
            self.planned_sets = count
            self.save(update_fields=["planned_sets"])
        self.refresh_status()

    def update_set(self, set_log, **values):
        for name, value in values.items():
            setattr(set_log, name, value)
        set_log.save(update_fields=list(values))

    def remove_set(self, set_pk):
        """Remove the named set; None when it is already gone, so a repeat removes nothing."""
        set_log = self.sets.filter(pk=set_pk).first()
        if set_log is not None:
            set_log.delete()
            self.refresh_status()
        return set_log

    def refresh_status(self):
        """Planned until every planned set is logged; skipped and stopped stay as they are."""
        if self.is_closed:
            return
        done = self.sets.filter(is_warmup=False).count() >= self.planned_sets * (
            2 if self.per_side else 1
        )
        status = self.Status.DONE if done else self.Status.PLANNED
        if status != self.status:
            self.status = status
            self.save(update_fields=["status"])

    def skip(self, reason):
        self.status = self.Status.SKIPPED
        self.skip_reason = reason
        self.save(update_fields=["status", "skip_reason"])

    def resume(self):
        """Take back a skip or a stop: the movement is on the plan again."""
        self.status = self.Status.PLANNED
        self.skip_reason = ""
        self.save(update_fields=["status", "skip_reason"])
        self.refresh_status()

    def stop_for_pain(self):
        self.status = self.Status.STOPPED
        self.skip_reason = self.SkipReason.PAIN
        self.save(update_fields=["status", "skip_reason"])

    def swap(self, exercise, reason):
        """Skip this movement and put `exercise` right after it, in one transaction."""
        with transaction.atomic():
            self.skip(reason)
            self.session.entries.filter(position__gt=self.position).update(
                position=models.F("position") + 1
            )
            return self.session.add_exercise(exercise, position=self.position + 1, replaces=self)


class SetLogQuerySet(models.QuerySet):
    def working(self):
        """The sets that count toward volume and bests: not warm-ups."""
        return self.filter(is_warmup=False)


class SetLog(models.Model):
    class Side(models.TextChoices):
        BOTH = "", _("Both")
        LEFT = "left", _("Left")
        RIGHT = "right", _("Right")

    entry = models.ForeignKey(SessionExercise, on_delete=models.CASCADE, related_name="sets")
    idempotency_key = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    reps = models.PositiveSmallIntegerField(
        _("reps"), null=True, blank=True, validators=dose.reps_validators(None)
    )
    weight = models.DecimalField(
        _("weight (kg)"),
        max_digits=weights.STORED_DIGITS,
        decimal_places=weights.STORED_PLACES,
        null=True,
        blank=True,
        validators=[MinValueValidator(0), MaxValueValidator(weights.MAX_KG)],
    )
    hold_seconds = models.PositiveSmallIntegerField(
        _("hold (seconds)"), null=True, blank=True, validators=dose.hold_validators(None)
    )
    side = models.CharField(_("side"), max_length=5, choices=Side.choices, blank=True)
    rpe = models.PositiveSmallIntegerField(
        _("effort (RPE)"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1), MaxValueValidator(10)],
    )
    note = models.CharField(_("note"), max_length=500, blank=True)
    # Warm-up sets count toward nothing: not volume, not bests, not the planned sets.
    is_warmup = models.BooleanField(_("warm-up"), default=False)
    logged_at = models.DateTimeField(_("logged"), default=timezone.now)

    objects = SetLogQuerySet.as_manager()

    class Meta:
        ordering = ["logged_at", "pk"]
        verbose_name = _("set")
        verbose_name_plural = _("sets")
        constraints = [
            models.CheckConstraint(
                condition=Q(reps__isnull=True) | Q(reps__lte=dose.MAX_REPS),
                name="set_reps_le_100",
                violation_error_message=dose.REPS_AT_MOST,
            ),
            models.CheckConstraint(
                condition=Q(weight__isnull=True) | Q(weight__gte=0, weight__lte=weights.MAX_KG),
                name="set_weight_0_to_1000",
                violation_error_message=_("Weight must be from 0 to 1000."),
            ),
            models.CheckConstraint(
                condition=Q(hold_seconds__isnull=True) | Q(hold_seconds__lte=dose.MAX_HOLD_SECONDS),
                name="set_hold_le_600",
                violation_error_message=dose.HOLD_AT_MOST,
            ),
            models.CheckConstraint(
                condition=Q(rpe__isnull=True) | Q(rpe__gte=1, rpe__lte=10),
                name="set_rpe_1_to_10",
                violation_error_message=_("Effort must be from 1 to 10."),
            ),
            models.CheckConstraint(
                condition=Q(reps__isnull=False) | Q(hold_seconds__isnull=False),
                name="set_has_reps_or_hold",
                violation_error_message=_("Enter the reps or the hold time."),
            ),
        ]

    def __str__(self):
        return f"Set of {self.entry}"


class PainKind(models.TextChoices):
    STIFFNESS = "stiffness", _("Stiffness")
    ACHE = "ache", _("Ache")
    TIGHTNESS = "tightness", _("Tightness")
    SHARP = "sharp", _("Sharp")
    SHOOTING = "shooting", _("Shooting")
    BURNING = "burning", _("Burning")
    NUMBNESS = "numbness", _("Numbness or tingling")


class PainTiming(models.TextChoices):
    BEFORE = "before", _("Before the session")
    DURING = "during", _("During a movement")
    AFTER = "after", _("After the session")
    DAY = "day", _("A day entry")


# What made it worse, a few taps in a note's "more" section.
WORSE_WITH = [
    ("sitting", _("Sitting")),
    ("standing", _("Standing")),
    ("bending", _("Bending")),
    ("lifting", _("Lifting")),
    ("twisting", _("Twisting")),
    ("breathing", _("A deep breath")),
    ("lying", _("Lying down")),
    ("exercise", _("Exercise")),
]


def validate_worse_with(value):
    known = {code for code, _label in WORSE_WITH}
    if not isinstance(value, list) or not set(value) <= known or len(set(value)) != len(value):
        raise ValidationError(_("Choose what made it worse from the list."), code="invalid")


class PainNote(models.Model):
    Kind = PainKind

    Timing = PainTiming

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="pain_notes"
    )
    session = models.ForeignKey(
        WorkoutSession,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="pain_notes",
    )
    entry = models.ForeignKey(
        SessionExercise,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="pain_notes",
    )
    idempotency_key = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    intensity = models.PositiveSmallIntegerField(
        _("intensity (0-10)"), validators=[MaxValueValidator(10)]
    )
    areas = models.JSONField(_("where"), default=list, validators=[body_map.validate_some_areas])
    kind = models.CharField(_("what it feels like"), max_length=16, choices=Kind.choices)
    timing = models.CharField(_("when"), max_length=8, choices=Timing.choices)
    worse_with = models.JSONField(
        _("made worse by"), default=list, blank=True, validators=[validate_worse_with]
    )
    text = models.TextField(_("notes"), blank=True, max_length=2000)
    after_fall = models.BooleanField(_("after a fall or accident"), default=False)
    noted_at = models.DateTimeField(_("noted"), default=timezone.now)

    class Meta:
        ordering = ["-noted_at", "-pk"]
        verbose_name = _("pain or discomfort note")
        verbose_name_plural = _("pain or discomfort notes")
        indexes = [models.Index(fields=["user", "-noted_at"], name="painnote_user_noted")]
        constraints = [
            models.CheckConstraint(
                condition=Q(intensity__lte=10),
                name="painnote_intensity_0_to_10",
                violation_error_message=_("Choose a number from 0 to 10."),
            ),
            models.CheckConstraint(
                condition=Q(entry__isnull=True) | Q(session__isnull=False),
                name="painnote_entry_needs_session",
                violation_error_message=_("A note on a movement belongs to its session."),
            ),
            models.CheckConstraint(
                condition=Q(areas__0__isnull=False),
                name="painnote_names_an_area",
                violation_error_message=_("Choose where you feel it."),
            ),
            models.CheckConstraint(
                condition=Q(kind__in=PainKind.values),
                name="painnote_kind_known",
                violation_error_message=_("Choose what it feels like from the list."),
            ),
            models.CheckConstraint(
                condition=Q(timing__in=PainTiming.values),
                name="painnote_timing_known",
                violation_error_message=_("Choose when from the list."),
            ),
        ]

    def __str__(self):
        return f"{self.get_kind_display()} {self.intensity}/10"

    def areas_display(self):
        return body_map.describe(self.areas)

    def worse_with_display(self):
        labels = dict(WORSE_WITH)
        return ", ".join(str(labels[code]) for code in self.worse_with if code in labels)

    def summary(self):
        """ "3/10 · Ache · Left upper back", as the session card and the saved notice say it."""
        return f"{self.intensity}/10 · {self.get_kind_display()} · {self.areas_display()}"

    @classmethod
    def record(cls, *, user, idempotency_key, **values):
        """Save one note per idempotency key; returns (note, created), like SetLog.

        A key that names another person's note, or a note on another movement, raises KeyInUse.
        """
        try:
            with transaction.atomic():
                note = cls.objects.create(user=user, idempotency_key=idempotency_key, **values)
            log_changed(user.pk)  # a note of the day is on the progress page's pain chart
        except IntegrityError:
            mine = cls.objects.filter(user=user, entry=values.get("entry"))
            note = mine.filter(idempotency_key=idempotency_key).first()
            if note is None:
                if cls.objects.filter(idempotency_key=idempotency_key).exists():
                    raise KeyInUse from None
                raise
            return note, False
        return note, True


class ProgressionTarget(models.Model):
    """A suggestion the person chose to follow ("try 25 kg next time"): the next session's
    prefill for that movement starts from it, until a session with the movement is finished."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="progression_targets"
    )
    exercise = models.ForeignKey(
        "exercises.Exercise", on_delete=models.CASCADE, related_name="progression_targets"
    )
    weight = models.DecimalField(
        _("weight (kg)"),
        max_digits=weights.STORED_DIGITS,
        decimal_places=weights.STORED_PLACES,
        null=True,
        blank=True,
    )
    applied_at = models.DateTimeField(_("applied"), default=timezone.now)

    class Meta:
        verbose_name = _("progression target")
        verbose_name_plural = _("progression targets")
        constraints = [
            models.UniqueConstraint(
                fields=["user", "exercise"],
                name="one_target_per_movement",
                violation_error_message=_("That movement has a target for next time already."),
            ),
            models.CheckConstraint(
                condition=Q(weight__isnull=True) | Q(weight__gte=0, weight__lte=weights.MAX_KG),
                name="target_weight_0_to_1000",
                violation_error_message=_("Weight must be from 0 to 1000."),
            ),
        ]

    def __str__(self):
        return f"Target for {self.exercise}"

    @classmethod
    def apply(cls, user, exercise, weight_kg):
        target, _created = cls.objects.update_or_create(
            user=user,
            exercise=exercise,
            defaults={"weight": weight_kg, "applied_at": timezone.now()},
        )
        log_changed(user.pk)  # a session page's cached cards start the next set from it
        return target


class CheckIn(models.Model):
    """How the back is today, in one tap (and where, if the person wants): one a day."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="check_ins"
    )
    day = models.DateField(_("day"))
    rating = models.PositiveSmallIntegerField(
        _("back today (0-10)"), validators=[MaxValueValidator(10)]
    )
    areas = models.JSONField(
        _("where"), default=list, blank=True, validators=[body_map.validate_any_areas]
    )
    updated_at = models.DateTimeField(_("saved"), default=timezone.now)

    class Meta:
        ordering = ["-day"]
        verbose_name = _("daily check-in")
        verbose_name_plural = _("daily check-ins")
        constraints = [
            models.UniqueConstraint(
                fields=["user", "day"],
                name="checkin_one_per_day",
                violation_error_message=_("There is a check-in for that day already."),
            ),
            models.CheckConstraint(
                condition=Q(rating__lte=10),
                name="checkin_rating_0_to_10",
                violation_error_message=_("Choose a number from 0 to 10."),
            ),
        ]

    def __str__(self):
        return f"Check-in {self.day}: {self.rating}/10"

    def areas_display(self):
        return body_map.describe(self.areas)

    @classmethod
    def rate(cls, user, day, rating):
        """Record today's rating; a second tap the same day changes it, keeping the areas."""
        check_in, _created = cls.objects.update_or_create(
            user=user, day=day, defaults={"rating": rating, "updated_at": timezone.now()}
        )
        log_changed(user.pk)  # on the progress page's pain chart
        return check_in

    def mark(self, areas):
        self.areas = body_map.in_order(areas)
        self.updated_at = timezone.now()
        self.save(update_fields=["areas", "updated_at"])
        log_changed(self.user_id)  # the pain chart places a check-in at its time
