from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.template.response import TemplateResponse
from django.urls import path
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from simple_history.admin import SimpleHistoryAdmin

from exercises.figures import drawing_for
from exercises.models import (
    Equipment,
    Exercise,
    ExerciseEquipment,
    ExerciseVideo,
    Guidance,
    Muscle,
    Step,
    Target,
)
from midback.admin_privacy import HidesPeoplesData


class LibraryContentAdmin(HidesPeoplesData, SimpleHistoryAdmin):
    """Admin for what the cached library shows; exercises.caching refreshes the cache on every
    save, delete and revert by itself."""


class StepInline(admin.TabularInline):
    model = Step
    extra = 1
    ordering = ["position"]
    fields = ["position", "text"]


class TargetInline(admin.TabularInline):
    model = Target
    extra = 1
    ordering = ["role", "muscle__name"]
    fields = ["muscle", "role"]
    autocomplete_fields = ["muscle"]


class EquipmentInline(admin.TabularInline):
    model = ExerciseEquipment
    extra = 1
    ordering = ["option", "equipment__name"]
    fields = ["equipment", "option"]
    autocomplete_fields = ["equipment"]
    verbose_name_plural = _(
        "Equipment (same option number: needed together; different numbers: alternatives)"
    )


class VideoInline(admin.StackedInline):
    model = ExerciseVideo
    extra = 0
    ordering = ["position", "pk"]
    fields = [
        "title",
        "description",
        "file",
        "poster",
        "captions",
        "captions_language",
        "position",
    ]


@admin.register(Exercise)
class ExerciseAdmin(LibraryContentAdmin):
    list_display = ["name", "kind", "level", "is_published", "updated_at"]
    list_filter = ["kind", "level", "is_published", "equipment"]
    search_fields = ["name", "slug", "summary"]
    prepopulated_fields = {"slug": ["name"]}
    inlines = [StepInline, TargetInline, EquipmentInline, VideoInline]
    readonly_fields = ["created_at", "updated_at"]
    actions = ["publish", "unpublish"]
    save_on_top = True
    fieldsets = [
        (None, {"fields": ["name", "slug", "kind", "level", "summary", "is_published"]}),
        (
            _("Default prescription"),
            {
                "fields": [
                    "sets",
                    ("reps_min", "reps_max"),
                    "hold_seconds",
                    "per_side",
                    "rest_seconds",
                ]
            },
        ),
        (
            _("Coaching"),
            {"fields": ["cues", "mistakes", "easier", "harder", "safety_notes"]},
        ),
        (
            _("Picture"),
            {
                "fields": ["image", "image_alt"],
                "description": _(
                    "Every movement has a drawn picture of its positions (see “Drawn "
                    "pictures” at the top of the list). An uploaded picture is shown instead."
                ),
            },
        ),
        (_("Record"), {"fields": ["created_at", "updated_at"], "classes": ["collapse"]}),
    ]

    def get_urls(self):
        figures = self.admin_site.admin_view(self.figures_view)
        return [path("figures/", figures, name="exercises_exercise_figures"), *super().get_urls()]

    def figures_view(self, request):
        """Every movement's drawn positions side by side, for editors to review."""
        if not self.has_view_permission(request):
            raise PermissionDenied
        rows = [
            (exercise, drawing_for(exercise.slug))
            for exercise in Exercise.objects.order_by("kind", "name")
        ]
        context = {
            **self.admin_site.each_context(request),
            "title": _("Drawn pictures"),
            "opts": self.model._meta,
            "rows": rows,
        }
        return TemplateResponse(request, "admin/exercises/exercise/figures.html", context)

    @admin.action(description=_("Publish the selected movements"), permissions=["change"])
    def publish(self, request, queryset):
        self._set_published(request, queryset, True)

    @admin.action(description=_("Unpublish the selected movements"), permissions=["change"])
    def unpublish(self, request, queryset):
        self._set_published(request, queryset, False)

    def _set_published(self, request, queryset, value):
        # Save one by one (not queryset.update) so each change lands in the history.
        changed = 0
        for exercise in queryset.exclude(is_published=value):
            exercise.is_published = value
            exercise._change_reason = _("Published") if value else _("Unpublished")
            exercise.save(update_fields=["is_published", "updated_at"])
            changed += 1
        if value:
            message = ngettext(
                "%(count)d movement published.", "%(count)d movements published.", changed
            )
        else:
            message = ngettext(
                "%(count)d movement unpublished.", "%(count)d movements unpublished.", changed
            )
        self.message_user(request, message % {"count": changed}, messages.SUCCESS)


@admin.register(Equipment)
class EquipmentAdmin(LibraryContentAdmin):
    list_display = ["name", "at_home"]
    list_filter = ["at_home"]
    search_fields = ["name"]
    prepopulated_fields = {"slug": ["name"]}


@admin.register(Muscle)
class MuscleAdmin(LibraryContentAdmin):
    list_display = ["name", "region", "is_mid_back"]
    list_filter = ["region", "is_mid_back"]
    search_fields = ["name"]
    prepopulated_fields = {"slug": ["name"]}


@admin.register(Guidance)
class GuidanceAdmin(LibraryContentAdmin):
    list_display = ["title", "applies_to", "tone", "position"]
    list_filter = ["applies_to", "tone"]
    search_fields = ["title", "body"]
    prepopulated_fields = {"slug": ["title"]}
