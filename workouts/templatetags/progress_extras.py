from decimal import Decimal, InvalidOperation

from django import template

register = template.Library()


@register.filter
def amount(value):
    """A weight or volume without trailing zeros: 20, 22.5, 1.25 (never 2E+1)."""
    if value is None or value == "":
        return ""
    try:
        number = Decimal(str(value)).quantize(Decimal("0.01"))
    except InvalidOperation:
        return value
    return f"{number.normalize():f}"
