import datetime
import secrets

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models, transaction
from django.db.models import Count, Exists, OuterRef, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from accounts import weights
from exercises import dose
from exercises.models import Kind


class Purpose(models.TextChoices):
    MOBILITY = "mobility", _("Mobility")
    STRENGTH = "strength", _("Strength")
    MIXED = "mixed", _("Mixed")


class RoutineQuerySet(models.QuerySet):
    def starters(self):
        return self.filter(is_starter=True, user__isnull=True)

    def active(self):
        return self.filter(is_archived=False)

    def archived(self):
        return self.filter(is_archived=True)

    def with_item_count(self):
        return self.annotate(item_count=Count("items"))


class Routine(models.Model):
    """A user's own routine, or (with no user) a starter routine shipped as content."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="routines",
        null=True,
        blank=True,
    )
    is_starter = models.BooleanField(_("starter routine"), default=False)
    name = models.CharField(_("name"), max_length=120)
    purpose = models.CharField(
        _("purpose"), max_length=16, choices=Purpose.choices, default=Purpose.MIXED
    )
    description = models.TextField(_("description"), blank=True, max_length=1000)
    is_archived = models.BooleanField(_("archived"), default=False)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    objects = RoutineQuerySet.as_manager()

    class Meta:
        ordering = ["name", "pk"]
        verbose_name = _("routine")
        verbose_name_plural = _("routines")
        constraints = [
            models.CheckConstraint(
                condition=(Q(is_starter=True) & Q(user__isnull=True))
                | (Q(is_starter=False) & Q(user__isnull=False)),
                name="routine_starter_xor_owner",
                violation_error_message=_("A routine is either a starter or someone's own."),
            )
        ]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        if self.is_starter:
            return reverse("routines:starter", kwargs={"pk": self.pk})
        return reverse("routines:detail", kwargs={"pk": self.pk})

    def copy_for(self, user, name=None):
        """A new routine owned by `user` with the same items: copying a starter, or duplicating."""
        with transaction.atomic():
            copy = Routine.objects.create(
                user=user,
                name=(name or self.name)[: self._meta.get_field("name").max_length],
                purpose=self.purpose,
                description=self.description,
            )
            RoutineItem.objects.bulk_create(
                [
                    RoutineItem(
                        routine=copy, exercise_id=item.exercise_id, position=position, **item.dose()
                    )
                    for position, item in enumerate(self.items.order_by("position", "pk"))
                ]
            )
        return copy

    def archive(self):
        """Put the routine away: it leaves the list of routines to start, its history stays."""
        self._set_archived(True)

    def unarchive(self):
        self._set_archived(False)

    def _set_archived(self, archived):
        self.is_archived = archived
        self.save(update_fields=["is_archived", "updated_at"])

    def duplicate(self):
        return self.copy_for(self.user, name=_("%(name)s (copy)") % {"name": self.name})

    def add_item(self, exercise):
        """Append a movement, starting from its default prescription."""
        with transaction.atomic():
            self._lock()
            last = self.items.aggregate(last=models.Max("position"))["last"]
            item = RoutineItem.from_exercise(exercise, routine=self)
            item.position = 0 if last is None else last + 1
            item.save()
        return item

    def remove_item(self, item):
        with transaction.atomic():
            self._lock()
            item.delete()
            self.renumber_items()

    def move_item(self, item, offset):
        """Move an item up (offset -1) or down (+1); moving past either end changes nothing."""
        with transaction.atomic():
            self._lock()
            items = list(self.items.order_by("position", "pk"))
            index = next(i for i, other in enumerate(items) if other.pk == item.pk)
            target = index + offset
            if 0 <= target < len(items):
                items[index], items[target] = items[target], items[index]
            self.renumber_items(items)

    def renumber_items(self, items=None):
        """Keep positions contiguous from 0, in the given order (or the current one)."""
        if items is None:
            items = list(self.items.order_by("position", "pk"))
        changed = []
        for position, item in enumerate(items):
            if item.position != position:
                item.position = position
                changed.append(item)
        RoutineItem.objects.bulk_update(changed, ["position"])

    def _lock(self):
        # Serialise edits to one routine's item order (a no-op on SQLite, real on PostgreSQL).
        Routine.objects.select_for_update().filter(pk=self.pk).first()


class RoutineItem(models.Model):
    routine = models.ForeignKey(Routine, on_delete=models.CASCADE, related_name="items")
    exercise = models.ForeignKey(
        "exercises.Exercise", on_delete=models.PROTECT, related_name="routine_items"
    )
    position = models.PositiveSmallIntegerField(_("position"), default=0)
    sets = models.PositiveSmallIntegerField(_("sets"), default=3, validators=dose.sets_validators())
    reps = models.PositiveSmallIntegerField(
        _("reps"), null=True, blank=True, validators=dose.reps_validators()
    )
    hold_seconds = models.PositiveSmallIntegerField(
        _("hold (seconds)"), null=True, blank=True, validators=dose.hold_validators()
    )
    per_side = models.BooleanField(_("each side"), default=False)
    weight = models.DecimalField(
        _("weight (kg)"),
        max_digits=weights.STORED_DIGITS,
        decimal_places=weights.STORED_PLACES,
        null=True,
        blank=True,
        validators=[MinValueValidator(0), MaxValueValidator(weights.MAX_KG)],
        help_text=_("Stored in kg; shown in each person's unit. Leave empty for bodyweight."),
    )
    rest_seconds = models.PositiveSmallIntegerField(
        _("rest (seconds)"), default=60, validators=dose.rest_validators()
    )

    class Meta:
        ordering = ["position", "pk"]
        verbose_name = _("routine item")
        verbose_name_plural = _("routine items")
        constraints = [
            models.CheckConstraint(
                condition=Q(sets__gte=1, sets__lte=dose.MAX_SETS),
                name="item_sets_1_to_10",
                violation_error_message=dose.SETS_RANGE,
            ),
            models.CheckConstraint(
                condition=Q(reps__isnull=True) | Q(reps__gte=1, reps__lte=dose.MAX_REPS),
                name="item_reps_1_to_100",
                violation_error_message=dose.REPS_RANGE,
            ),
            models.CheckConstraint(
                condition=Q(hold_seconds__isnull=True)
                | Q(hold_seconds__gte=1, hold_seconds__lte=dose.MAX_HOLD_SECONDS),
                name="item_hold_1_to_600",
                violation_error_message=dose.HOLD_RANGE,
            ),
            models.CheckConstraint(
                condition=Q(reps__isnull=False) | Q(hold_seconds__isnull=False),
                name="item_has_reps_or_hold",
                violation_error_message=_("Give the reps, a hold time, or both."),
            ),
            models.CheckConstraint(
                condition=Q(weight__isnull=True) | Q(weight__gte=0, weight__lte=weights.MAX_KG),
                name="item_weight_0_to_1000",
                violation_error_message=_("Weight must be from 0 to 1000."),
            ),
            models.CheckConstraint(
                condition=Q(rest_seconds__lte=dose.MAX_REST_SECONDS),
                name="item_rest_le_600",
                violation_error_message=dose.REST_AT_MOST,
            ),
        ]

    def __str__(self):
        return f"{self.routine}: {self.exercise}"

    @classmethod
    def from_exercise(cls, exercise, **kwargs):
        """An unsaved item carrying the movement's default prescription."""
        return cls(exercise=exercise, **dose.starting_dose(exercise), **kwargs)

    def dose(self):
        """Sets, reps, hold, each side, weight and rest, by field name."""
        names = ("sets", "reps", "hold_seconds", "per_side", "weight", "rest_seconds")
        return {name: getattr(self, name) for name in names}

    def prescription(self):
        """The dose in words, e.g. "3 × 10 reps" or "2 × hold 30 s each side"."""
        return dose.describe(self.sets, self.reps, self.hold_seconds, self.per_side)


# Plans outside these years are typing mistakes, not plans (and keep date arithmetic safe).
EARLIEST_PLAN_DATE = datetime.date(2000, 1, 1)
LATEST_PLAN_DATE = datetime.date(2100, 12, 31)


def validate_plan_date(value):
    if not EARLIEST_PLAN_DATE <= value <= LATEST_PLAN_DATE:
        raise ValidationError(
            _("Choose a date between the years %(first)s and %(last)s."),
            code="out_of_range",
            params={"first": EARLIEST_PLAN_DATE.year, "last": LATEST_PLAN_DATE.year},
        )


def plan_date_in_range(field):
    return Q(**{f"{field}__gte": EARLIEST_PLAN_DATE, f"{field}__lte": LATEST_PLAN_DATE})


class Weekday(models.TextChoices):
    """Stored as Python's weekday numbers (Monday = 0), one digit a day."""

    MONDAY = "0", _("Monday")
    TUESDAY = "1", _("Tuesday")
    WEDNESDAY = "2", _("Wednesday")
    THURSDAY = "3", _("Thursday")
    FRIDAY = "4", _("Friday")
    SATURDAY = "5", _("Saturday")
    SUNDAY = "6", _("Sunday")


def validate_weekdays(value):
    if any(char not in Weekday.values for char in value) or len(set(value)) != len(value):
        raise ValidationError(_("Choose weekdays from Monday to Sunday."), code="bad_weekday")


class ScheduledSessionQuerySet(models.QuerySet):
    def active(self):
        """Plans whose routine is still in use (archiving a routine takes it off the plan)."""
        return self.filter(routine__is_archived=False)

    def with_strength(self):
        """Annotate `has_strength_items`: a mixed routine counts as strength work when it is."""
        return self.annotate(
            has_strength_items=Exists(
                RoutineItem.objects.filter(
                    routine=OuterRef("routine"), exercise__kind=Kind.STRENGTH
                )
            )
        )


class ScheduledSession(models.Model):
    """A routine planned on one date, or on weekdays from a start date with no end."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="scheduled_sessions"
    )
    routine = models.ForeignKey(Routine, on_delete=models.CASCADE, related_name="schedules")
    start_date = models.DateField(_("date"), validators=[validate_plan_date])
    time = models.TimeField(_("time"), null=True, blank=True)
    weekdays = models.CharField(
        _("repeat on"),
        max_length=7,
        blank=True,
        validators=[validate_weekdays],
        help_text=_("Weekday numbers, Monday = 0; empty for a single session."),
    )
    created_at = models.DateTimeField(auto_now_add=True)

    objects = ScheduledSessionQuerySet.as_manager()

    class Meta:
        ordering = ["start_date", "time", "pk"]
        verbose_name = _("scheduled session")
        verbose_name_plural = _("scheduled sessions")
        indexes = [models.Index(fields=["user", "start_date"], name="schedule_user_start")]
        constraints = [
            models.CheckConstraint(
                condition=plan_date_in_range("start_date"),
                name="schedule_start_date_in_range",
                violation_error_message=_("Choose a date from 2000 to 2100."),
            ),
        ]

    def __str__(self):
        return f"{self.routine} from {self.start_date}"

    @property
    def is_recurring(self):
        return bool(self.weekdays)

    def weekday_numbers(self):
        return sorted(int(char) for char in self.weekdays)

    def weekday_names(self):
        return [Weekday(str(number)).label for number in self.weekday_numbers()]

    def occurs_on(self, day):
        """Whether the plan itself (before any change) puts a session on this date."""
        if not self.is_recurring:
            return day == self.start_date
        return day >= self.start_date and str(day.weekday()) in self.weekdays

    def dates_between(self, start, end):
        """The plan's own dates in [start, end), before any change."""
        if not self.is_recurring:
            if start <= self.start_date < end:
                yield self.start_date
            return
        day = max(start, self.start_date)
        while day < end:
            if str(day.weekday()) in self.weekdays:
                yield day
            day += datetime.timedelta(days=1)

    # One day of the plan (its own date, `original`) changed; the plan itself stays.

    def move_day(self, original, new_date, new_time=None):
        """Hold the session of `original` on another date (and time) instead."""
        change, _created = self.changes.update_or_create(
            original_date=original,
            defaults={"new_date": new_date, "new_time": new_time, "skipped": False},
        )
        return change

    def skip_day(self, original):
        """Leave out the session of `original` (also when it had been moved)."""
        change, _created = self.changes.update_or_create(
            original_date=original,
            defaults={"skipped": True, "new_date": None, "new_time": None},
        )
        return change

    def restore_day(self, original):
        """Put the session of `original` back on its planned date and time."""
        self.changes.filter(original_date=original).delete()


class OccurrenceChange(models.Model):
    """One occurrence of a plan moved to another date or time, or skipped."""

    schedule = models.ForeignKey(ScheduledSession, on_delete=models.CASCADE, related_name="changes")
    original_date = models.DateField(_("planned date"))
    new_date = models.DateField(
        _("new date"), null=True, blank=True, validators=[validate_plan_date]
    )
    new_time = models.TimeField(_("new time"), null=True, blank=True)
    skipped = models.BooleanField(_("skipped"), default=False)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["original_date", "pk"]
        verbose_name = _("changed occurrence")
        verbose_name_plural = _("changed occurrences")
        constraints = [
            models.UniqueConstraint(
                fields=["schedule", "original_date"],
                name="occurrence_change_once_per_date",
                violation_error_message=_(
                    "This session was changed already: change it from the week."
                ),
            ),
            models.CheckConstraint(
                condition=Q(skipped=True) | Q(new_date__isnull=False),
                name="occurrence_change_skips_or_moves",
                violation_error_message=_("Choose a new date, or skip the session."),
            ),
            models.CheckConstraint(
                condition=Q(new_date__isnull=True) | plan_date_in_range("new_date"),
                name="occurrence_change_new_date_in_range",
                violation_error_message=_("Choose a date from 2000 to 2100."),
            ),
        ]

    def __str__(self):
        return f"{self.schedule} on {self.original_date}"


def new_feed_token():
    return secrets.token_urlsafe(32)


class CalendarFeed(models.Model):
    """The secret address of a user's calendar feed; deleting the row revokes it."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="calendar_feed"
    )
    token = models.CharField(max_length=64, unique=True, default=new_feed_token)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("calendar feed")
        verbose_name_plural = _("calendar feeds")

    def __str__(self):
        return f"Calendar feed of {self.user}"

    def regenerate(self):
        self.token = new_feed_token()
        self.created_at = timezone.now()
        self.save(update_fields=["token", "created_at"])


class ReminderSent(models.Model):
    """Written before a reminder email goes out, so each (user, local date, kind) gets one."""

    class Kind(models.TextChoices):
        SESSION = "session", _("Session reminder")
        CHECK_IN = "check-in", _("Check-in reminder")

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="reminders_sent"
    )
    date = models.DateField(_("date"))
    kind = models.CharField(_("kind"), max_length=8, choices=Kind.choices, default=Kind.SESSION)
    sent_at = models.DateTimeField(_("sent"), default=timezone.now)

    class Meta:
        ordering = ["-date"]
        verbose_name = _("reminder sent")
        verbose_name_plural = _("reminders sent")
        constraints = [
            models.UniqueConstraint(
                fields=["user", "date", "kind"],
                name="reminder_once_per_user_day_kind",
                violation_error_message=_("A reminder went out for that day already."),
            ),
            models.CheckConstraint(
                condition=Q(kind__in=["session", "check-in"]),
                name="reminder_kind_known",
                violation_error_message=_("Choose a kind of reminder from the list."),
            ),
        ]

    def __str__(self):
        return f"{self.get_kind_display()} for {self.user} on {self.date}"
