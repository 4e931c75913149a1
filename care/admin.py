from django.contrib import admin

from care.models import FlareUp, ShareLink
from workouts.admin import ChangesTheLog


@admin.register(ShareLink)
class ShareLinkAdmin(admin.ModelAdmin):
    list_display = ["user", "name", "created_at", "expires_at", "revoked_at", "open_count"]
    raw_id_fields = ["user"]
    exclude = ["token_hash"]


@admin.register(FlareUp)
class FlareUpAdmin(ChangesTheLog, admin.ModelAdmin):
    list_display = ["user", "started_on", "ends_on", "ended_early_on"]
    raw_id_fields = ["user"]
