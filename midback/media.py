"""Uploaded files (exercise pictures) for a single-host deployment.

With several app servers, or a lot of traffic, media belongs in object storage or on the
reverse proxy instead (see the README's Deployment section) and SERVE_MEDIA stays off.
"""

from django.conf import settings
from django.http import Http404
from django.views.decorators.http import require_safe
from django.views.static import serve


@require_safe
def media(request, path):
    if not (settings.DEBUG or settings.SERVE_MEDIA):
        raise Http404
    response = serve(request, path, document_root=settings.MEDIA_ROOT)
    # Whatever a file turns out to be, a browser opening it directly runs nothing from it.
    response["Content-Security-Policy"] = "default-src 'none'; sandbox"
    response["Cross-Origin-Resource-Policy"] = "same-origin"
    response["Cache-Control"] = "public, max-age=86400"
    return response
