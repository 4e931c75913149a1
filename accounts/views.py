from django.contrib import messages
from django.contrib.auth import login, logout
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.db import transaction
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods
from django.views.decorators.vary import vary_on_headers

from accounts.forms import DeleteAccountForm, SettingsForm, SignUpForm
from accounts.limits import password_reset_allowed
from accounts.models import time_zone_names
from accounts.tasks import send_password_reset
from midback.htmx import is_fragment_request, page_or_fragment

# Signing up logs the new person in; with more than one backend, login() must name one.
MODEL_BACKEND = "django.contrib.auth.backends.ModelBackend"


@require_http_methods(["GET", "POST"])
def signup(request):
    if request.user.is_authenticated:
        return redirect("home")
    form = SignUpForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        with transaction.atomic():
            user = form.save()
        login(request, user, backend=MODEL_BACKEND)
        messages.success(request, _("Welcome to Midback. Your account is ready."))
        return redirect("home")
    return render(request, "registration/signup.html", {"form": form})


class PasswordResetView(auth_views.PasswordResetView):
    def form_valid(self, form):
        # Enqueued for every address, known or not: the worker looks the accounts up.
        send_password_reset.enqueue(
            form.cleaned_data["email"], self.request.get_host(), self.request.is_secure()
        )
        return redirect(self.get_success_url())


_password_reset_view = PasswordResetView.as_view()


@require_http_methods(["GET", "POST"])
def password_reset(request):
    """Django's password reset, behind a limit on requests per address and per email."""
    if request.method == "POST" and not password_reset_allowed(request):
        return render(request, "registration/password_reset_limited.html", status=429)
    return _password_reset_view(request)


def _settings_partial(request):
    # An htmx post gets only the form so that errors and the saved notice replace it in place.
    return page_or_fragment(request, "accounts/settings.html", "settings-form")


@login_required
@vary_on_headers("HX-Request")
@require_http_methods(["GET", "POST"])
def account_settings(request):
    profile = request.profile
    saved = False
    if request.method == "POST":
        form = SettingsForm(request.POST, instance=profile)
        if form.is_valid():
            form.save()
            if not is_fragment_request(request):
                messages.success(request, _("Your settings are saved."))
                return redirect("accounts:settings")
            saved = True
            form = SettingsForm(instance=profile)
    else:
        form = SettingsForm(instance=profile)
    context = {"form": form, "saved": saved, "time_zones": time_zone_names()}
    return render(request, _settings_partial(request), context)


@login_required
@require_http_methods(["GET", "POST"])
def delete_account(request):
    form = DeleteAccountForm(request.user, request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        user = request.user
        with transaction.atomic():
            user.delete()
        logout(request)
        messages.success(request, _("Your account and everything in it are deleted."))
        return redirect("home")
    return render(request, "accounts/delete_account.html", {"form": form})
