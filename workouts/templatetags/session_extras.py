import uuid

from django import template

register = template.Library()


@register.simple_tag(takes_context=True)
def fresh_key(context):
    """A new idempotency key for a form whose change is the same however often it is sent
    (a rating, an edit, a finish): the offline queue replays every session form with one.

    HTML cached for many responses carries a placeholder instead (`key_hole`), replaced by a
    new key at each occurrence when it is served (cached_part in workouts/views/session.py)."""
    return context.get("key_hole") or uuid.uuid4()
