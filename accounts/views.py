from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.decorators import login_required
from django.db import transaction
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods
from django.views.decorators.vary import vary_on_headers

from accounts.decorators import identity_confirmed
from accounts.forms import DeleteAccountForm, SettingsForm
from accounts.models import time_zone_names
from accounts.verification import has_verified_email
from midback.htmx import is_fragment_request, page_or_fragment


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
    context = {
        "form": form,
        "saved": saved,
        "time_zones": time_zone_names(),
        "email_verified": has_verified_email(request.user),
    }
    return render(request, _settings_partial(request), context)


@login_required
@identity_confirmed(allow_get=True)
@require_http_methods(["GET", "POST"])
def delete_account(request):
    # The page opens freely; deleting asks for the password (or a passkey or code) again if it
    # was not given in the last few minutes, with allauth's limit on re-authentication.
    form = DeleteAccountForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        user = request.user
        with transaction.atomic():
            user.delete()
        logout(request)
        messages.success(request, _("Your account and everything in it are deleted."))
        return redirect("home")
    return render(request, "accounts/delete_account.html", {"form": form})
