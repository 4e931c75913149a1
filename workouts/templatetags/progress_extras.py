from decimal import InvalidOperation

from django import template

from accounts import weights
from workouts.history import set_text

register = template.Library()


@register.filter
def set_summary(set_log, unit):
    """A logged set as the history writes it: "10 reps × 20 kg" ({{ best|set_summary:unit }})."""
    return set_text(set_log.reps, set_log.weight, set_log.hold_seconds, set_log.side, unit)


@register.filter
def amount(value):
    """A weight or volume without trailing zeros: 20, 22.5, 1.25 (never 2E+1)."""
    if value is None or value == "":
        return ""
    try:
        return weights.plain(value)
    except InvalidOperation:
        return value
