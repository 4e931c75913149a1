from decimal import Decimal, InvalidOperation

from django import template
from django.utils.html import format_html
from django.utils.translation import gettext as _

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


@register.filter
def or_not_recorded(value):
    """A recorded number as it is (0 stays 0); nothing recorded as a dash that says so."""
    if value is None or value == "":
        return format_html('–<span class="visually-hidden"> {}</span>', _("not recorded"))
    return value
