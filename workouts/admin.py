from django.contrib import admin

from workouts.models import PainNote, SessionExercise, SetLog, WorkoutSession


class SessionExerciseInline(admin.TabularInline):
    model = SessionExercise
    fk_name = "session"
    extra = 0
    raw_id_fields = ["exercise", "replaces"]


@admin.register(WorkoutSession)
class WorkoutSessionAdmin(admin.ModelAdmin):
    list_display = ["user", "started_at", "finished_at", "routine", "feeling", "pain_after"]
    list_filter = ["finished_at"]
    date_hierarchy = "started_at"
    search_fields = ["user__username", "notes"]
    raw_id_fields = ["user", "routine", "schedule"]
    inlines = [SessionExerciseInline]


@admin.register(SetLog)
class SetLogAdmin(admin.ModelAdmin):
    list_display = ["entry", "reps", "weight", "hold_seconds", "side", "logged_at"]
    raw_id_fields = ["entry"]
    readonly_fields = ["idempotency_key"]


@admin.register(PainNote)
class PainNoteAdmin(admin.ModelAdmin):
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
