from django import template
from django.utils.html import format_html
from django.utils.translation import gettext as _

from accounts import weights

register = template.Library()


@register.filter
def weight(kg, unit):
    """Stored kilograms in the person's unit: {{ set.weight|weight:unit }} gives "49.6"."""
    return weights.weight_text(kg, unit)


@register.filter
def recorded(value):
    """A recorded number as it is (0 stays "0"); nothing recorded reads "not recorded"."""
    if value is None or value == "":
        return format_html(
            '<span aria-hidden="true">–</span><span class="visually-hidden">{}</span>',
            _("not recorded"),
        )
    return value
