"""Structured logs: one JSON object a line on stdout, each line carrying its request's id.

The id comes from the X-Request-ID header when a proxy set a sane one, else a new one is made;
it goes back in the response's X-Request-ID so a user's report can be matched to the logs.
Lines name the method, the path (never the query string, which can hold what a person typed)
and the user's id, never form data: the app stores health notes and they stay out of the logs.
"""

import contextvars
import logging
import re
import time
import uuid

from django.core.signals import request_finished
from django.dispatch import receiver
from django.http import HttpRequest
from django.utils.functional import empty
from pythonjsonlogger.core import RESERVED_ATTRS
from pythonjsonlogger.json import JsonFormatter as BaseJsonFormatter

REQUEST_ID_HEADER = "X-Request-ID"
PROBE_PATHS = frozenset({"/healthz", "/readyz"})

# Proxies' ids (uuids, nginx's hex $request_id, Heroku's) fit this; anything else is replaced
# rather than copied into the logs and the response.
_ACCEPTED_ID = re.compile(r"[A-Za-z0-9._-]{8,200}")

request_id_var: contextvars.ContextVar[str | None] = contextvars.ContextVar(
    "request_id", default=None
)
access_logger = logging.getLogger("midback.request")


def request_id_from(request: HttpRequest) -> str:
    given = request.headers.get(REQUEST_ID_HEADER, "")
    if _ACCEPTED_ID.fullmatch(given):
        return given
    return uuid.uuid4().hex


def loaded_user_id(request: HttpRequest) -> int | None:
    """The user's id if the request already looked the user up: logging costs no query."""
    user = getattr(request, "user", None)
    if user is None or getattr(user, "_wrapped", None) is empty:
        return None
    return user.pk


class RequestIdMiddleware:
    """First in MIDDLEWARE, so every line logged while serving the request carries the id."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        request_id = request_id_from(request)
        request.request_id = request_id
        # Not reset on the way out: Django logs 4xx and 5xx answers after the last middleware
        # returns. request_finished clears it once the response is sent.
        request_id_var.set(request_id)
        started = time.perf_counter()
        response = self.get_response(request)
        response[REQUEST_ID_HEADER] = request_id
        access_logger.log(
            logging.DEBUG if request.path in PROBE_PATHS else logging.INFO,
            "%s %s %s",
            request.method,
            request.path,
            response.status_code,
            extra={
                "method": request.method,
                "path": request.path,
                "status_code": response.status_code,
                "duration_ms": round((time.perf_counter() - started) * 1000, 1),
                "user_id": loaded_user_id(request),
            },
        )
        return response


@receiver(request_finished, dispatch_uid="midback.logging.forget_request_id")
def forget_request_id(**kwargs):
    request_id_var.set(None)


class RequestIdFilter(logging.Filter):
    def filter(self, record):
        record.request_id = request_id_var.get()
        return True


class RequestContextFilter(logging.Filter):
    """django.request hands over the whole request; keep the parts that help and name no one."""

    def filter(self, record):
        request = getattr(record, "request", None)
        if isinstance(request, HttpRequest):
            record.method = request.method
            record.path = request.path
            record.user_id = loaded_user_id(request)
        return True


class JsonFormatter(BaseJsonFormatter):
    def __init__(self, *args, **kwargs):
        kwargs.setdefault("fmt", "{levelname}{name}{message}")
        kwargs.setdefault("style", "{")
        kwargs.setdefault("timestamp", "time")  # ISO 8601, UTC
        kwargs.setdefault("rename_fields", {"levelname": "level", "name": "logger"})
        # The request object itself (and runserver's socket) would only be dumped as a repr.
        kwargs.setdefault("reserved_attrs", [*RESERVED_ATTRS, "request", "server_time"])
        super().__init__(*args, **kwargs)
