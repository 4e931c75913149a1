"""Switching a reminder off from the link in its email, without logging in."""

from django.shortcuts import render
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods

from accounts.models import Profile
from routines.reminders import PROFILE_FIELDS, Kind, read_unsubscribe_token

PAGE = "routines/unsubscribe.html"


# The signed token is the credential, and mail apps send the one-click POST (RFC 8058) without
# a cookie or a CSRF token. It can only switch one kind of email off for the person it names.
@csrf_exempt
@never_cache
@require_http_methods(["GET", "POST"])
def unsubscribe(request, token):
    found = read_unsubscribe_token(token)
    profile = None
    if found:
        profile = Profile.objects.filter(user_id=found[0], user__is_active=True).first()
    if profile is None:
        return render(request, PAGE, {"invalid": True}, status=404)
    kind = Kind(found[1])
    switch = PROFILE_FIELDS[kind][0]
    if request.method == "POST" and getattr(profile, switch):
        setattr(profile, switch, False)
        profile.save(update_fields=[switch])
    context = {"kind": kind, "is_on": getattr(profile, switch), "token": token}
    return render(request, PAGE, context)
