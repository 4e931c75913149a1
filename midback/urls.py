from django.conf import settings
from django.contrib import admin
from django.urls import include, path

from accounts.urls import auth_urlpatterns, legacy_urlpatterns
from midback.media import media
from routines.views.schedule import home

urlpatterns = [
    path("", home, name="home"),
    path("", include("exercises.urls")),
    path("admin/", admin.site.urls),
    path("accounts/", include("accounts.urls")),
    path("accounts/", include(auth_urlpatterns)),
    path("accounts/", include("allauth.urls")),
    path("accounts/", include(legacy_urlpatterns)),
    path("routines/", include("routines.urls")),
    path("sessions/", include("workouts.urls")),
    path("", include("care.urls")),
    path("", include("offline.urls")),
]

# Uploaded pictures, served only when DEBUG or SERVE_MEDIA is on (see midback/media.py).
urlpatterns += [path(f"{settings.MEDIA_URL.lstrip('/')}<path:path>", media, name="media")]

# The benchmark's floor (bench/run.py), routed only when BENCH_FLOOR is on.
if settings.BENCH_FLOOR:
    from midback.floor import floor

    urlpatterns += [path("bench/floor/", floor, name="bench-floor")]

# A database that is down answers 503 with a page of our own (midback/middleware.py).
handler500 = "midback.middleware.server_error"
