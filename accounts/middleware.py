"""Per-request middleware of the accounts app: the person's profile and time zone, the admin's
second-factor rule, and allauth's session tracking at a gentler pace."""

import time

from allauth.account.authentication import get_authentication_records
from allauth.mfa.utils import is_mfa_enabled
from allauth.usersessions.internal import usersessionkit
from django.contrib import messages
from django.shortcuts import redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.http import urlencode
from django.utils.translation import gettext as _

from accounts.models import Profile


class ProfileMiddleware:
    """Attach `request.profile` and show every time in that person's zone.

    One query for a signed-in person (the profile is created at sign-up; an account made
    another way, such as `createsuperuser`, gets one the first time it is needed). Visitors
    get `request.profile = None` and the default zone (UTC).
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = request.user
        if not user.is_authenticated:
            request.profile = None
            return self.get_response(request)
        profile = Profile.objects.filter(user=user).first() or Profile.for_user(user)
        # Later `request.user.profile` reads this instance instead of querying again.
        user.profile = profile
        request.profile = profile
        with timezone.override(profile.zone):
            return self.get_response(request)


def used_second_factor(request):
    """True when this session's person proved a second factor (a code, a recovery code or a
    passkey) at log-in or since."""
    return any(
        record.get("method") == "mfa"
        for record in get_authentication_records(request, request.user)
    )


class AdminSecondFactorMiddleware:
    """Staff and content editors reach /admin/ only with a second factor, set up and used.

    Without one they are sent to set it up; with one not used in this session (logged in
    before adding it), they confirm it first. The admin's own log-in page is allauth's
    (accounts/admin.py), which asks for the second factor of anyone who has one.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = request.user
        if (
            user.is_authenticated
            and user.is_staff
            and request.path.startswith(reverse("admin:index"))
            and request.path != reverse("admin:logout")
        ):
            if not is_mfa_enabled(user):
                messages.warning(
                    request,
                    _(
                        "The admin holds other people's accounts: set up a second factor "
                        "(an authenticator app or a passkey) to open it."
                    ),
                )
                return redirect("mfa_index")
            if not used_second_factor(request):
                query = urlencode({"next": request.get_full_path()})
                return redirect(f"{reverse('mfa_reauthenticate')}?{query}")
        return self.get_response(request)


# How often a session's "last seen" (and its address and device) is brought up to date.
SEEN_EVERY_SECONDS = 5 * 60
SEEN_KEY = "midback_seen_at"


class SessionActivityMiddleware:
    """allauth's session tracking, at most once every few minutes per session.

    allauth's own middleware writes the person's session row on every request (five queries
    a page); "last seen" to the minute is all the sessions page needs.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated:
            now = time.time()
            if now - request.session.get(SEEN_KEY, 0) >= SEEN_EVERY_SECONDS:
                usersessionkit.track_activity(request, user=user, session=request.session)
                request.session[SEEN_KEY] = now
        return self.get_response(request)
