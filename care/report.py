"""The report a share link shows: the owner's printable report, limited to the link's days."""

from django.shortcuts import render
from django.utils import timezone

from accounts.models import Profile
from workouts.report import report_data


def shared_report(request, link):
    """The page, in the owner's time zone: the viewer has no account (or another one)."""
    profile = Profile.for_user(link.user)
    with timezone.override(profile.zone):
        start, end = link.dates(timezone.localdate())
        context = {
            "link": link,
            "owner": link.user,
            **report_data(link.user, start, end, profile, session_notes=link.include_session_notes),
        }
        return render(request, "care/shared.html", context)
