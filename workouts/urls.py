from django.urls import path

from workouts.views import check_in, logging, progress

app_name = "workouts"

urlpatterns = [
    path("", logging.current, name="current"),
    path("start/", logging.start, name="start"),
    path("<int:pk>/", logging.session_detail, name="session"),
    path("<int:pk>/ratings/", logging.rate, name="rate"),
    path("<int:pk>/movements/", logging.add_entry, name="add_entry"),
    path("<int:pk>/finish/", logging.finish, name="finish"),
    path("<int:pk>/edit/", logging.edit, name="edit"),
    path("<int:pk>/discard/", logging.discard, name="discard"),
    path("movements/<int:pk>/sets/", logging.log_set, name="log_set"),
    path("movements/<int:pk>/undo/", logging.undo_set, name="undo_set"),
    path("movements/<int:pk>/skip/", logging.skip, name="skip"),
    path("movements/<int:pk>/resume/", logging.resume, name="resume"),
    path("movements/<int:pk>/swap/", logging.swap, name="swap"),
    path("movements/<int:pk>/pain/", logging.entry_pain, name="entry_pain"),
    path("movements/<int:pk>/sets/<int:set_pk>/delete/", logging.delete_set, name="delete_set"),
    path("pain/new/", logging.pain_new, name="pain_new"),
    path("pain/<int:pk>/", logging.pain_note, name="pain_note"),
    path("check-in/", check_in.check_in, name="check_in"),
    path("check-in/rating/", check_in.rate, name="check_in_rate"),
    path("check-in/where/", check_in.mark, name="check_in_mark"),
    path("history/", progress.history, name="history"),
    path("progress/", progress.progress, name="progress"),
    path("progress/<slug:slug>/", progress.movement_history, name="movement_history"),
    path("report/", progress.report, name="report"),
    path("export/<slug:kind>.csv", progress.export_csv, name="export_csv"),
    path("export/account.json", progress.export_json, name="export_json"),
]
