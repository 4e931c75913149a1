from django.conf import settings
from django.contrib import admin
from django.urls import include, path

from exercises.views import home

urlpatterns = [
    path("", home, name="home"),
    path("", include("exercises.urls")),
    path("admin/", admin.site.urls),
]

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)
