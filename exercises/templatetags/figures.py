from django import template

from exercises.figures import drawing_for

register = template.Library()


@register.inclusion_tag("includes/movement-picture.html")
def movement_picture(exercise, suffix=""):
    """The movement's picture: an uploaded one when there is one, else the drawn positions,
    animated, with still captioned positions for reduced motion, pausing and print."""
    return {
        "exercise": exercise,
        "drawing": None if exercise.image else drawing_for(exercise.slug),
        "suffix": suffix,
    }


@register.inclusion_tag("includes/movement-thumbnail.html")
def movement_thumbnail(exercise):
    return {
        "exercise": exercise,
        "drawing": None if exercise.image else drawing_for(exercise.slug),
    }


@register.simple_tag
def step_picture(exercise, number):
    """(URL, caption) of the drawn position beside instruction step `number`, or None."""
    drawing = drawing_for(exercise.slug)
    return drawing.for_step(number) if drawing else None
