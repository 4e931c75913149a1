from allauth.account.decorators import secure_admin_login
from django.contrib import admin

from accounts.models import Profile

# The admin logs in through our log-in page: the same limits, and the second factor of
# whoever has one (accounts/middleware.py requires one of staff).
admin.site.login = secure_admin_login(admin.site.login)


@admin.register(Profile)
class ProfileAdmin(admin.ModelAdmin):
    list_display = ["user", "time_zone", "weekly_target", "training_at", "reminders"]
    list_filter = ["training_at", "weight_unit", "reminders"]
    search_fields = ["user__username", "user__email"]
    list_select_related = ["user"]
    raw_id_fields = ["user"]
    filter_horizontal = ["equipment"]
