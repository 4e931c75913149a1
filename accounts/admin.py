from django.contrib import admin

from accounts.forms import AdminLoginForm
from accounts.models import Profile

# The admin's login gets the same guard against over-long usernames as ours.
admin.site.login_form = AdminLoginForm


@admin.register(Profile)
class ProfileAdmin(admin.ModelAdmin):
    list_display = ["user", "time_zone", "weekly_target", "training_at", "reminders"]
    list_filter = ["training_at", "weight_unit", "reminders"]
    search_fields = ["user__username", "user__email"]
    list_select_related = ["user"]
    raw_id_fields = ["user"]
    filter_horizontal = ["equipment"]
