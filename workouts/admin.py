from django.contrib import admin

from workouts.caching import log_changed
from workouts.models import PainNote, SessionExercise, SetLog, WorkoutSession


class ChangesTheLog:
    """A staff edit changes a person's log as their own do: the pages cached from it
    (workouts/caching.py) are rebuilt, for the owner before and after the edit."""

    owner = "user_id"

    def _owners(self, queryset):
        return set(queryset.values_list(self.owner, flat=True))

    def _changed(self, owners):
        for user_id in owners - {None}:
            log_changed(user_id)

    def save_model(self, request, obj, form, change):
        before = self._owners(type(obj).objects.filter(pk=obj.pk)) if change else set()
        super().save_model(request, obj, form, change)
        self._changed(before | self._owners(type(obj).objects.filter(pk=obj.pk)))

    def delete_model(self, request, obj):
        owners = self._owners(type(obj).objects.filter(pk=obj.pk))
        super().delete_model(request, obj)
        self._changed(owners)

    def delete_queryset(self, request, queryset):
        owners = self._owners(queryset)
        super().delete_queryset(request, queryset)
        self._changed(owners)


class SessionExerciseInline(admin.TabularInline):
    model = SessionExercise
    fk_name = "session"
    extra = 0
    raw_id_fields = ["exercise", "replaces"]


@admin.register(WorkoutSession)
class WorkoutSessionAdmin(ChangesTheLog, admin.ModelAdmin):
    list_display = ["user", "started_at", "finished_at", "routine", "feeling", "pain_after"]
    list_filter = ["finished_at"]
    date_hierarchy = "started_at"
    search_fields = ["user__username", "notes"]
    raw_id_fields = ["user", "routine", "schedule"]
    inlines = [SessionExerciseInline]


@admin.register(SetLog)
class SetLogAdmin(ChangesTheLog, admin.ModelAdmin):
    owner = "entry__session__user_id"
    list_display = ["entry", "reps", "weight", "hold_seconds", "side", "logged_at"]
    raw_id_fields = ["entry"]
    readonly_fields = ["idempotency_key"]


@admin.register(PainNote)
class PainNoteAdmin(ChangesTheLog, admin.ModelAdmin):
    list_display = [
        "user",
        "noted_at",
        "intensity",
        "kind",
        "areas_display",
        "timing",
        "after_fall",
    ]
    list_filter = ["kind", "timing", "after_fall"]
    raw_id_fields = ["user", "session", "entry"]
    readonly_fields = ["idempotency_key"]
