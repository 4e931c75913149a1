from django import template

from workouts import body_map

register = template.Library()


@register.inclusion_tag("includes/pain-map.html")
def pain_map(field, legend=None, open_list=True):
    """The tappable front and back map over the checkbox list of `field` (areas)."""
    return {"field": field, "views": body_map.views(), "legend": legend or field.label}


@register.inclusion_tag("includes/period-map.html")
def period_map(summary, id="period-map"):
    """The back and front shaded by how much each area hurt over a period (no script)."""
    return {"summary": summary, "views": body_map.shaded_views(summary), "id": id}
