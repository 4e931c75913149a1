"""Probes for load balancers and orchestrators: /healthz (the process answers) and /readyz
(the database answers and has every migration this code expects).

They are answered by a middleware near the top of MIDDLEWARE, before host validation and the
HTTPS redirect: a probe comes over plain HTTP with the container's address as its Host, and
must not get a 400 or a redirect. Their answers hold nothing secret.
"""

import logging

from django.db import DatabaseError, connection
from django.db.migrations.executor import MigrationExecutor
from django.http import HttpResponse, JsonResponse

logger = logging.getLogger(__name__)


def healthz(request):
    return HttpResponse("ok", content_type="text/plain")


def readyz(request):
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except DatabaseError as exc:
        logger.warning("readyz: database unreachable (%s)", type(exc).__name__)
        return _not_ready("database unreachable")
    try:
        executor = MigrationExecutor(connection)
        pending = executor.migration_plan(executor.loader.graph.leaf_nodes())
    except DatabaseError as exc:
        logger.warning("readyz: migration state unreadable (%s)", type(exc).__name__)
        return _not_ready("migration state unreadable")
    if pending:
        logger.warning("readyz: %d migrations not applied", len(pending))
        return _not_ready("migrations not applied", pending=len(pending))
    return JsonResponse({"status": "ready"})


def _not_ready(reason, **details):
    response = JsonResponse({"status": "unavailable", "reason": reason, **details}, status=503)
    # Logged above as a warning; not again as a server error on every probe of a deploy.
    response._has_been_logged = True
    return response


PROBES = {"/healthz": healthz, "/readyz": readyz}


class HealthProbeMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        probe = PROBES.get(request.path_info)
        if probe is not None and request.method in ("GET", "HEAD"):
            response = probe(request)
            response["Cache-Control"] = "no-store"
            response["X-Content-Type-Options"] = "nosniff"
            return response
        return self.get_response(request)
