import zoneinfo

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _


def validate_time_zone(value):
    if value not in zoneinfo.available_timezones():
        raise ValidationError(_("%(value)s is not a known time zone."), params={"value": value})


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
    weekly_target = models.PositiveSmallIntegerField(_("sessions a week"), default=3)
    training_at = models.CharField(
        _("where you train"), max_length=8, choices=Setting.choices, default=Setting.HOME
    )
    equipment = models.ManyToManyField(
        "exercises.Equipment", blank=True, verbose_name=_("equipment you have")
    )
    reminders = models.BooleanField(_("email reminders"), default=False)

    class Meta:
        verbose_name = _("profile")
        verbose_name_plural = _("profiles")
        constraints = [
            models.CheckConstraint(
                condition=Q(weekly_target__gte=1, weekly_target__lte=7),
                name="profile_weekly_target_1_to_7",
            )
        ]

    def __str__(self):
        return f"Profile of {self.user}"

    @classmethod
    def for_user(cls, user):
        """The user's profile, created with defaults the first time it is needed."""
        profile, _created = cls.objects.get_or_create(user=user)
        return profile

    @property
    def zone(self):
        return zoneinfo.ZoneInfo(self.time_zone)
