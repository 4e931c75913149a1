from axes.backends import AxesStandaloneBackend


class LockoutBackend(AxesStandaloneBackend):
    """django-axes' lockout check, for authenticate() calls that come with a request.

    Every login form (ours, the admin's) passes the request, so all of them are limited.
    A call without one (the test client's login(), a shell) has no address to count against;
    axes would raise there, so it is waved through to the next backend instead.
    """

    def authenticate(self, request, username=None, password=None, **kwargs):
        if request is None:
            return None
        return super().authenticate(request, username=username, password=password, **kwargs)
