import uuid

from django import template

register = template.Library()


@register.simple_tag
def fresh_key():
    """A new idempotency key for a form whose change is the same however often it is sent
    (a rating, an edit, a finish): the offline queue replays every session form with one."""
    return uuid.uuid4()
