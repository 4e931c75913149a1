from django import template

from workouts.progress import day_label as remembered_label

register = template.Library()


@register.filter
def day_label(day, format):
    """`|date` for a date, formatted once per date, format and language: the week page names
    the same days in headings, buttons and their spoken labels (0.04 ms each by `|date`)."""
    if day in (None, ""):
        return ""
    return remembered_label(day, format)
