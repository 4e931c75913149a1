"""The report a share link shows: the owner's printable report, limited to the link's days."""

from django.utils import timezone

from accounts.models import Profile
from workouts.export import report_data


def shared_report(link):
    profile = Profile.for_user(link.user)
    start, end = link.dates(timezone.localdate(timezone=profile.zone))
    return {
        "link": link,
        "owner": link.user,
        "zone": profile.time_zone,
        **report_data(link.user, start, end, profile, session_notes=link.include_session_notes),
    }
