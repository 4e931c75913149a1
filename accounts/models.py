import datetime
import functools
import zoneinfo

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from exercises.models import Equipment


@functools.cache
def time_zone_names():
    """Every IANA zone name this machine knows, sorted (reading them takes ~25 ms)."""
    return tuple(sorted(zoneinfo.available_timezones()))


@functools.cache
def _time_zone_set():
    return frozenset(time_zone_names())


def validate_time_zone(value):
    if value not in _time_zone_set():
        raise ValidationError(_("%(value)s is not a known time zone."), params={"value": value})


# Weekdays as bits, Monday first (1) to Sunday (64); every day is 127.
EVERY_DAY = 127
DAY_NAMES = [
    _("Monday"),
    _("Tuesday"),
    _("Wednesday"),
    _("Thursday"),
    _("Friday"),
    _("Saturday"),
    _("Sunday"),
]


def days_from_mask(mask):
    return [day for day in range(7) if mask & (1 << day)]


def mask_from_days(days):
    return sum(1 << int(day) for day in set(days))


class Profile(models.Model):
    class WeightUnit(models.TextChoices):
        KG = "kg", _("Kilograms (kg)")
        LB = "lb", _("Pounds (lb)")

    class Setting(models.TextChoices):
        HOME = "home", _("At home")
        GYM = "gym", _("At a gym")
        CUSTOM = "custom", _("My own list")

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="profile"
    )
    time_zone = models.CharField(
        _("time zone"), max_length=64, default="UTC", validators=[validate_time_zone]
    )
    weight_unit = models.CharField(
        _("weight unit"), max_length=2, choices=WeightUnit.choices, default=WeightUnit.KG
    )
    weekly_target = models.PositiveSmallIntegerField(
        _("sessions a week"),
        default=3,
        validators=[MinValueValidator(1), MaxValueValidator(7)],
    )
    training_at = models.CharField(
        _("where you train"), max_length=8, choices=Setting.choices, default=Setting.HOME
    )
    equipment = models.ManyToManyField(
        "exercises.Equipment", blank=True, verbose_name=_("equipment you have")
    )
    reminders = models.BooleanField(_("email reminders"), default=False)
    reminder_time = models.TimeField(_("session reminder time"), default=datetime.time(7, 0))
    reminder_days = models.PositiveSmallIntegerField(_("session reminder days"), default=EVERY_DAY)
    check_in_reminders = models.BooleanField(_("daily check-in reminder"), default=False)
    check_in_time = models.TimeField(_("check-in reminder time"), default=datetime.time(20, 0))
    check_in_days = models.PositiveSmallIntegerField(_("check-in reminder days"), default=EVERY_DAY)

    class Meta:
        verbose_name = _("profile")
        verbose_name_plural = _("profiles")
        constraints = [
            models.CheckConstraint(
                condition=Q(weekly_target__gte=1, weekly_target__lte=7),
                name="profile_weekly_target_1_to_7",
                violation_error_message=_("Choose a weekly target from 1 to 7 sessions."),
            ),
            models.CheckConstraint(
                condition=Q(reminder_days__lte=EVERY_DAY, check_in_days__lte=EVERY_DAY),
                name="profile_reminder_days_are_weekdays",
                violation_error_message=_("Choose days of the week."),
            ),
        ]

    def __str__(self):
        return f"Profile of {self.user}"

    @classmethod
    def for_user(cls, user):
        """The user's profile, created with defaults the first time it is needed."""
        profile, _created = cls.objects.get_or_create(user=user)
        return profile

    def apply_training_preset(self):
        """Fill in the equipment that home or gym implies; an own list is left as it is."""
        preset = self.preset_equipment(self.training_at)
        if preset is not None:
            self.equipment.set(preset)

    @staticmethod
    def preset_equipment(training_at):
        """The equipment a training place implies, or None when the person lists their own."""
        if training_at == Profile.Setting.HOME:
            return Equipment.objects.filter(at_home=True)
        if training_at == Profile.Setting.GYM:
            return Equipment.objects.all()
        return None

    @property
    def zone(self):
        return zoneinfo.ZoneInfo(self.time_zone)
