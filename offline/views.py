"""The installable, offline-first shell: manifest, service worker, offline page, state."""

import hashlib
import json

from django.conf import settings
from django.http import HttpResponse, JsonResponse
from django.middleware.csrf import get_token
from django.shortcuts import render
from django.template.loader import render_to_string
from django.templatetags.static import static
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from offline.pages import offline_pages, user_tag

# Files the worker keeps from its first start, so the offline page and every page it keeps
# look right with no signal. Hashed names: a release with new files is a new worker.
SHELL = [
    "css/app.css",
    "css/library.css",
    "css/session.css",
    "css/offline.css",
    "js/app.js",
    "js/session.js",
    "js/offline.js",
    "js/offline-queue.js",
    "django_htmx/htmx-2.min.js",
    "img/icon.svg",
    "img/icon-192.png",
]
THEME = "#0f5f5c"
BACKGROUND = "#ffffff"


@require_GET
def service_worker(request):
    """Served from the site root so its scope is the whole site (a file under /static/ could
    only control /static/)."""
    shell = [static(name) for name in SHELL] + [reverse("offline:page")]
    context = {
        "shell": json.dumps(shell),
        "queue_script": static("js/offline-queue.js"),
        "offline_url": reverse("offline:page"),
        "state_url": reverse("offline:state"),
        "static_prefix": settings.STATIC_URL,
    }
    # The worker's name for its caches changes with every file it keeps: a new release
    # empties the old caches once the new worker takes over.
    context["version"] = hashlib.sha256(json.dumps(context, sort_keys=True).encode()).hexdigest()[
        :12
    ]
    body = render_to_string("offline/service-worker.js", context, request=request)
    response = HttpResponse(body, content_type="text/javascript; charset=utf-8")
    # Always asked again, so a release reaches every phone on its next page load.
    response["Cache-Control"] = "no-cache"
    return response


@require_GET
def manifest(request):
    data = {
        "name": _("Midback: mid-back stretches and strength"),
        "short_name": _("Midback"),
        "description": _(
            "Stretch and strengthen your mid-back, and log your sessions on your phone."
        ),
        "id": reverse("home"),
        "start_url": reverse("home"),
        "scope": reverse("home"),
        "display": "standalone",
        "orientation": "portrait",
        "theme_color": THEME,
        "background_color": BACKGROUND,
        "icons": [
            {
                "src": static("img/icon-192.png"),
                "sizes": "192x192",
                "type": "image/png",
                "purpose": "any",
            },
            {
                "src": static("img/icon-512.png"),
                "sizes": "512x512",
                "type": "image/png",
                "purpose": "any",
            },
            {
                "src": static("img/icon-maskable-192.png"),
                "sizes": "192x192",
                "type": "image/png",
                "purpose": "maskable",
            },
            {
                "src": static("img/icon-maskable-512.png"),
                "sizes": "512x512",
                "type": "image/png",
                "purpose": "maskable",
            },
            {
                "src": static("img/icon.svg"),
                "sizes": "any",
                "type": "image/svg+xml",
                "purpose": "any",
            },
        ],
    }
    return JsonResponse(
        data, content_type="application/manifest+json", json_dumps_params={"ensure_ascii": False}
    )


@require_GET
def offline_page(request):
    """What the worker shows for a page it does not keep. It is cached once for everybody, so
    it names nobody and holds no form."""
    response = render(request, "offline.html")
    response["Cache-Control"] = "no-cache"
    return response


@require_GET
@never_cache
def state(request):
    """Who is logged in (as the worker and the queue know them), a fresh CSRF token for
    sending the queue, and the pages to keep for offline use."""
    user = request.user
    if not user.is_authenticated:
        return JsonResponse({"user": None, "csrf": get_token(request), "pages": []})
    return JsonResponse(
        {"user": user_tag(user), "csrf": get_token(request), "pages": offline_pages(user)}
    )
