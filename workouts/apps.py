from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class WorkoutsConfig(AppConfig):
    name = "workouts"
    verbose_name = _("Session log")
