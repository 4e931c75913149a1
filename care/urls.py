from django.urls import path

from care import views

app_name = "care"

urlpatterns = [
    path("share/", views.share_list, name="share_list"),
    path("share/<int:pk>/revoke/", views.share_revoke, name="share_revoke"),
    path("shared/<str:token>/", views.shared, name="shared"),
    path("flare-up/", views.flare_up, name="flare_up"),
    path("flare-up/end/", views.flare_up_end, name="flare_up_end"),
    path("flare-up/session/", views.flare_up_session, name="flare_up_session"),
]
