"""A small fixed-window request counter on Django's cache."""

import hashlib

from axes.helpers import get_client_ip_address
from django.conf import settings
from django.core.cache import cache


def within_limit(key, limit, window):
    """Count one hit on key; False once more than limit hits fall in the current window."""
    # add() only sets a missing key; incr() is atomic on Redis and Memcached (and within one
    # process on locmem), so concurrent requests cannot both read the same count there. The
    # database cache's incr() is read-then-write: a burst may slip a request or two past.
    cache.add(key, 0, timeout=window)
    try:
        count = cache.incr(key)
    except ValueError:
        # The window expired between add() and incr(): this hit opens the next one.
        cache.add(key, 1, timeout=window)
        count = 1
    return count <= limit


def _digest(value):
    return hashlib.sha256(value.encode()).hexdigest()[:32]


def password_reset_allowed(request):
    """Count a password reset request against both its address and its email."""
    window = settings.PASSWORD_RESET_LIMIT_WINDOW
    ip_address = get_client_ip_address(request) or "unknown"
    email = request.POST.get("email", "").strip().lower()
    by_ip = within_limit(
        f"password-reset:ip:{_digest(ip_address)}", settings.PASSWORD_RESET_LIMIT_PER_IP, window
    )
    by_email = within_limit(
        f"password-reset:email:{_digest(email)}", settings.PASSWORD_RESET_LIMIT_PER_EMAIL, window
    )
    return by_ip and by_email
