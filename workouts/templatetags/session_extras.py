import uuid

from django import template

from workouts.session_page import logged_row_html

register = template.Library()


@register.simple_tag(takes_context=True)
def fresh_key(context):
    """A new idempotency key for a form whose change is the same however often it is sent
    (a rating, an edit, a finish): the offline queue replays every session form with one.

    HTML cached for many responses carries a placeholder instead (`key_hole`), replaced by a
    new key at each occurrence when it is served (cached_part in workouts/views/session.py)."""
    return context.get("key_hole") or uuid.uuid4()


@register.simple_tag
def logged_row(row, just_edited=None):
    """A logged row of the set table (see session_page.logged_row_html)."""
    return logged_row_html(row, getattr(just_edited, "pk", None))
