from django.urls import path

from routines.views import reminders, routines, schedule

app_name = "routines"

urlpatterns = [
    # My routines and the starters
    path("", routines.routine_list, name="list"),
    path("new/", routines.routine_create, name="create"),
    path("starters/<int:pk>/", routines.starter_detail, name="starter"),
    path("starters/<int:pk>/copy/", routines.starter_copy, name="copy_starter"),
    # One routine: the builder
    path("<int:pk>/", routines.routine_detail, name="detail"),
    path("<int:pk>/rename/", routines.routine_rename, name="rename"),
    path("<int:pk>/duplicate/", routines.routine_duplicate, name="duplicate"),
    path("<int:pk>/archive/", routines.routine_archive, name="archive"),
    path("<int:pk>/unarchive/", routines.routine_unarchive, name="unarchive"),
    path("<int:pk>/delete/", routines.routine_delete, name="delete"),
    path("<int:pk>/items/add/", routines.item_add, name="add_item"),
    path("<int:pk>/items/<int:item_pk>/edit/", routines.item_edit, name="edit_item"),
    path("<int:pk>/items/<int:item_pk>/move/", routines.item_move, name="move_item"),
    path("<int:pk>/items/<int:item_pk>/remove/", routines.item_remove, name="remove_item"),
    # Scheduling: the week, Today, plans and their single occurrences
    path("today/", schedule.today, name="today"),
    path("week/", schedule.week, name="week"),
    path("schedule/", schedule.schedule_list, name="schedule_list"),
    path("schedule/new/", schedule.schedule_create, name="schedule_create"),
    path("schedule/<int:pk>/delete/", schedule.schedule_delete, name="schedule_delete"),
    path("schedule/<int:pk>/<str:day>/", schedule.occurrence_edit, name="occurrence_edit"),
    path("schedule/<int:pk>/<str:day>/skip/", schedule.occurrence_skip, name="occurrence_skip"),
    path(
        "schedule/<int:pk>/<str:day>/restore/",
        schedule.occurrence_restore,
        name="occurrence_restore",
    ),
    # The calendar feed: the settings page, and the secret address calendar apps fetch
    path("calendar/", schedule.calendar_settings, name="calendar"),
    path("calendar/new/", schedule.calendar_regenerate, name="calendar_regenerate"),
    path("calendar/revoke/", schedule.calendar_revoke, name="calendar_revoke"),
    path("calendar/<slug:token>.ics", schedule.calendar_feed_ics, name="calendar_feed"),
    # The link in every reminder email: switches that reminder off, no login needed
    path("reminders/stop/<str:token>/", reminders.unsubscribe, name="unsubscribe"),
]
