from decimal import InvalidOperation

from django import template

from accounts import weights

register = template.Library()


@register.filter
def amount(value):
    """A weight or volume without trailing zeros: 20, 22.5, 1.25 (never 2E+1)."""
    if value is None or value == "":
        return ""
    try:
        return weights.plain(value)
    except InvalidOperation:
        return value
