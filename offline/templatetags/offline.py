from django import template
from django.conf import settings
from django.urls import reverse

from offline.pages import user_tag

register = template.Library()


@register.simple_tag(takes_context=True)
def offline_user_tag(context):
    return user_tag(context["request"].user)


@register.simple_tag
def offline_worker_url():
    """The service worker's address, or nothing where it is switched off."""
    return reverse("offline:service_worker") if settings.OFFLINE_WORKER else ""
