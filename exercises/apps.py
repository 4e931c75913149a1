from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ExercisesConfig(AppConfig):
    name = "exercises"
    verbose_name = _("Exercise library")

    def ready(self):
        from exercises.caching import watch_library

        names = [
            "Equipment",
            "ExerciseEquipment",
            "Muscle",
            "Exercise",
            "ExerciseVideo",
            "Target",
            "Step",
            "Guidance",
        ]
        watch_library(*(self.get_model(name) for name in names))
