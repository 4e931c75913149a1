"""Editors never see people's data in the admin, not even on a delete page.

Django's delete confirmation lists every related object a delete would take or is blocked
by: a movement in use lists people's routines and sessions by name. These admins list only
content, and say in plain words (with no names or counts) that people use it.
"""

from django.contrib.admin.utils import NestedObjects
from django.db import router
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _

PEOPLES_APPS = {
    "accounts",
    "auth",
    "workouts",
    "account",
    "mfa",
    "usersessions",
    "sessions",
    "admin",
}
PEOPLES_ROUTINE_MODELS = {"scheduledsession", "occurrencechange", "calendarfeed", "remindersent"}


def belongs_to_people(obj):
    meta = obj._meta
    if meta.app_label in PEOPLES_APPS:
        return True
    if meta.app_label != "routines":
        return False
    if meta.model_name == "routine":
        return not obj.is_starter
    if meta.model_name == "routineitem":
        return not obj.routine.is_starter
    return meta.model_name in PEOPLES_ROUTINE_MODELS


class HidesPeoplesData:
    """Admin mixin: a delete page that names content only."""

    peoples_data_message = _(
        "People use this in their own routines or sessions, so it cannot be deleted. "
        "Unpublish it instead, or ask an administrator."
    )

    def get_deleted_objects(self, objs, request):
        to_delete, model_count, perms_needed, protected = super().get_deleted_objects(objs, request)
        collector = NestedObjects(using=router.db_for_write(self.model))
        collector.collect(objs)
        cascaded = [
            obj
            for found in collector.model_objs.values()
            for obj in found
            if belongs_to_people(obj)
        ]
        blocked = [obj for obj in collector.protected if belongs_to_people(obj)]
        if not cascaded and not blocked:
            return to_delete, model_count, perms_needed, protected
        # Refuse the delete (a non-empty protected list), naming only content.
        protected = [
            f"{capfirst(obj._meta.verbose_name)}: {obj}"
            for obj in collector.protected
            if not belongs_to_people(obj)
        ] + [self.peoples_data_message]
        to_delete = [f"{capfirst(obj._meta.verbose_name)}: {obj}" for obj in objs]
        model_count = {}
        return to_delete, model_count, set(), protected
