"""Request guards that apply to every page: body size, caching of private pages, and the
answer while the database is down."""

import logging
import sys

from django.conf import settings
from django.db import InterfaceError, OperationalError
from django.http import HttpResponse
from django.template.loader import render_to_string
from django.utils.cache import patch_cache_control
from django.utils.translation import gettext as _

from accounts.client_ip import from_trusted_proxy

logger = logging.getLogger(__name__)


def body_limit(path):
    """The largest body accepted at this path: uploads in the admin, or a small form."""
    if path.startswith(settings.UPLOAD_PATH_PREFIXES):
        return settings.UPLOAD_BODY_LIMIT
    return settings.REQUEST_BODY_LIMIT


def refused(status, title, message):
    html = render_to_string("request_refused.html", {"title": title, "message": message})
    # No "Connection: close" here: WSGI forbids hop-by-hop headers (runserver asserts on them);
    # gunicorn's sync workers close every connection after its response anyway.
    return HttpResponse(html, status=status)


class ForwardedHeadersMiddleware:
    """With TRUSTED_PROXIES set, what only the proxy may say is dropped from anyone else.

    X-Forwarded-Proto decides whether Django takes a request for HTTPS (SECURE_PROXY_SSL_HEADER);
    a client reaching gunicorn past the proxy must not claim it. Without TRUSTED_PROXIES the
    header is left to SECURE_PROXY_SSL_HEADER alone, as before.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if settings.TRUSTED_PROXIES and not from_trusted_proxy(request):
            request.META.pop("HTTP_X_FORWARDED_PROTO", None)
        return self.get_response(request)


class RequestSizeMiddleware:
    """Refuse a body above the limit from its declared length, before anything reads it.

    A chunked body declares no length, so it is refused too (the proxy in front buffers bodies
    and always forwards a Content-Length).
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.META.get("HTTP_TRANSFER_ENCODING"):
            return refused(
                411,
                _("Length required"),
                _("Send the request with its length (Content-Length), not in chunks."),
            )
        try:
            length = int(request.META.get("CONTENT_LENGTH") or 0)
        except ValueError:
            length = -1
        limit = body_limit(request.path_info)
        if length < 0 or length > limit:
            logger.warning("request body refused: %s bytes, limit %s", length, limit)
            return refused(
                413,
                _("Too much to send"),
                _("What was sent is larger than this page accepts (at most %(limit)s MB).")
                % {"limit": round(limit / (1024 * 1024), 1)},
            )
        return self.get_response(request)


class PrivateNoStoreMiddleware:
    """Pages for a logged-in person (health notes, exports) are never stored by a cache.

    Any request carrying a session, or answered with one, counts: that needs no database
    query to decide. A response that declared itself public (a library picture) keeps that.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        cookie = settings.SESSION_COOKIE_NAME
        has_session = cookie in request.COOKIES or cookie in response.cookies
        user = getattr(request, "user", None)
        private = has_session or (user is not None and user.is_authenticated)
        if private and "public" not in response.get("Cache-Control", ""):
            patch_cache_control(response, private=True, no_store=True)
        return response


DATABASE_DOWN = (OperationalError, InterfaceError)


def _database_down(exc):
    # Also when the lost connection surfaced as another error raised while handling it.
    while exc is not None:
        if isinstance(exc, DATABASE_DOWN):
            return True
        exc = exc.__cause__ or exc.__context__
    return False


def server_error(request):
    """handler500: a database that is down is a 503 with a short page, anything else a 500."""
    if _database_down(sys.exc_info()[1]):
        response = HttpResponse(render_to_string("503.html"), status=503)
        response["Retry-After"] = "30"
        response["Cache-Control"] = "no-store"
        return response
    return HttpResponse(render_to_string("500.html"), status=500)
