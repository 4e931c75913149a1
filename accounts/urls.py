from allauth.account import views as allauth_views
from django.urls import path, reverse_lazy
from django.views.generic import RedirectView

from accounts import views

app_name = "accounts"

urlpatterns = [
    # allauth's sign-up at the address people know (also named account_signup).
    path("signup/", allauth_views.signup, name="signup"),
    path("settings/", views.account_settings, name="settings"),
    path("delete/", views.delete_account, name="delete"),
]

# The names the rest of the app, LOGIN_URL and bookmarks use, on allauth's views; they resolve
# before allauth's own patterns (included after these in midback/urls.py).
auth_urlpatterns = [
    path("login/", allauth_views.login, name="login"),
    path("logout/", allauth_views.logout, name="logout"),
    path("password/change/", allauth_views.password_change, name="password_change"),
    path("password/reset/", allauth_views.password_reset, name="password_reset"),
]

# Reset links sent before the move to allauth used Django's token format: they lead to the
# page that sends a new one. Included after allauth's patterns, so its own links match first.
legacy_urlpatterns = [
    path(
        "password/reset/<uidb64>/<token>/",
        RedirectView.as_view(url=reverse_lazy("account_reset_password")),
        name="legacy_password_reset",
    ),
]
