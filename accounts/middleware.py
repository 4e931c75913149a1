"""The signed-in person's profile and time zone, once per request."""

from django.utils import timezone

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
