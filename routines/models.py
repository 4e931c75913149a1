from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _


class Purpose(models.TextChoices):
    MOBILITY = "mobility", _("Mobility")
    STRENGTH = "strength", _("Strength")
    MIXED = "mixed", _("Mixed")


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

    class Meta:
        ordering = ["name", "pk"]
        verbose_name = _("routine")
        verbose_name_plural = _("routines")
        constraints = [
            models.CheckConstraint(
                condition=(Q(is_starter=True) & Q(user__isnull=True))
                | (Q(is_starter=False) & Q(user__isnull=False)),
                name="routine_starter_xor_owner",
            )
        ]

    def __str__(self):
        return self.name


class RoutineItem(models.Model):
    routine = models.ForeignKey(Routine, on_delete=models.CASCADE, related_name="items")
    exercise = models.ForeignKey(
        "exercises.Exercise", on_delete=models.PROTECT, related_name="routine_items"
    )
    position = models.PositiveSmallIntegerField(_("position"), default=0)
    sets = models.PositiveSmallIntegerField(
        _("sets"), default=3, validators=[MinValueValidator(1), MaxValueValidator(10)]
    )
    reps = models.PositiveSmallIntegerField(
        _("reps"), null=True, blank=True, validators=[MinValueValidator(1), MaxValueValidator(100)]
    )
    hold_seconds = models.PositiveSmallIntegerField(
        _("hold (seconds)"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1), MaxValueValidator(600)],
    )
    per_side = models.BooleanField(_("each side"), default=False)
    weight = models.DecimalField(
        _("weight"),
        max_digits=6,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(0), MaxValueValidator(1000)],
        help_text=_("In your weight unit. Leave empty for bodyweight."),
    )
    rest_seconds = models.PositiveSmallIntegerField(
        _("rest (seconds)"), default=60, validators=[MaxValueValidator(600)]
    )

    class Meta:
        ordering = ["position", "pk"]
        verbose_name = _("routine item")
        verbose_name_plural = _("routine items")
        constraints = [
            models.CheckConstraint(
                condition=Q(sets__gte=1, sets__lte=10), name="item_sets_1_to_10"
            ),
            models.CheckConstraint(
                condition=Q(reps__isnull=True) | Q(reps__gte=1, reps__lte=100),
                name="item_reps_1_to_100",
            ),
            models.CheckConstraint(
                condition=Q(hold_seconds__isnull=True)
                | Q(hold_seconds__gte=1, hold_seconds__lte=600),
                name="item_hold_1_to_600",
            ),
            models.CheckConstraint(
                condition=Q(reps__isnull=False) | Q(hold_seconds__isnull=False),
                name="item_has_reps_or_hold",
            ),
            models.CheckConstraint(
                condition=Q(weight__isnull=True) | Q(weight__gte=0, weight__lte=1000),
                name="item_weight_0_to_1000",
            ),
            models.CheckConstraint(condition=Q(rest_seconds__lte=600), name="item_rest_le_600"),
        ]

    def __str__(self):
        return f"{self.routine}: {self.exercise}"


class ScheduledSession(models.Model):
    """A routine planned on one date, or on weekdays from a start date with no end."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="scheduled_sessions"
    )
    routine = models.ForeignKey(Routine, on_delete=models.CASCADE, related_name="schedules")
    start_date = models.DateField(_("date"))
    time = models.TimeField(_("time"), null=True, blank=True)
    weekdays = models.CharField(
        _("repeat on"),
        max_length=7,
        blank=True,
        help_text=_("Weekday numbers, Monday = 0; empty for a single session."),
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["start_date", "time", "pk"]
        verbose_name = _("scheduled session")
        verbose_name_plural = _("scheduled sessions")

    def __str__(self):
        return f"{self.routine} from {self.start_date}"
