from django.urls import path

from workouts.views import check_in, logging, progress, session

app_name = "workouts"

urlpatterns = [
    path("", logging.current, name="current"),
    path("start/", logging.start, name="start"),
    path("<int:pk>/", session.session_detail, name="session"),
    path("<int:pk>/log/", session.session_logger, name="session_logger"),
    path("past/", logging.start_past, name="start_past"),
    path("<int:pk>/ratings/", session.rate, name="rate"),
    path("<int:pk>/movements/", session.add_entry, name="add_entry"),
    path("<int:pk>/finish/", session.finish, name="finish"),
    path("<int:pk>/edit/", session.edit, name="edit"),
    path("<int:pk>/discard/", logging.discard, name="discard"),
    path("movements/<int:pk>/sets/", session.log_set, name="log_set"),
    path("movements/<int:pk>/undo/", session.undo_set, name="undo_set"),
    path("movements/<int:pk>/skip/", session.skip, name="skip"),
    path("movements/<int:pk>/resume/", session.resume, name="resume"),
    path("movements/<int:pk>/swap/", session.swap, name="swap"),
    path("movements/<int:pk>/pain/", session.entry_pain, name="entry_pain"),
    path("movements/<int:pk>/sets/<int:set_pk>/", session.edit_set, name="edit_set"),
    path("movements/<int:pk>/rows/", session.plan_sets, name="plan_sets"),
    path("movements/<int:pk>/move/", session.move_entry, name="move_entry"),
    path("movements/<int:pk>/how-to/", session.how_to, name="how_to"),
    path("suggestions/<int:exercise_pk>/apply/", session.apply_suggestion, name="apply_suggestion"),
    path("movements/<int:pk>/sets/<int:set_pk>/delete/", session.delete_set, name="delete_set"),
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
