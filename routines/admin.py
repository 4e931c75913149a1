from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from midback.admin_privacy import HidesPeoplesData
from routines.models import Routine, RoutineItem


class RoutineItemInline(admin.TabularInline):
    model = RoutineItem
    extra = 1
    ordering = ["position", "pk"]
    fields = [
        "position",
        "exercise",
        "sets",
        "reps",
        "hold_seconds",
        "per_side",
        "weight",
        "rest_seconds",
    ]
    autocomplete_fields = ["exercise"]


@admin.register(Routine)
class StarterRoutineAdmin(HidesPeoplesData, admin.ModelAdmin):
    """Starter routines only: people's own routines are theirs, not the editors'."""

    list_display = ["name", "purpose", "item_count", "updated_at"]
    list_filter = ["purpose"]
    search_fields = ["name", "description"]
    fields = ["name", "purpose", "description"]
    inlines = [RoutineItemInline]
    save_on_top = True

    def get_queryset(self, request):
        return super().get_queryset(request).starters().with_item_count()

    @admin.display(description=_("movements"), ordering="item_count")
    def item_count(self, routine):
        return routine.item_count

    def save_model(self, request, obj, form, change):
        obj.is_starter = True
        obj.user = None
        super().save_model(request, obj, form, change)

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        # Editors may leave gaps or ties in the positions; the builder expects 0, 1, 2...
        form.instance.renumber_items()
