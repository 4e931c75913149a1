from django import template

from offline.pages import user_tag

register = template.Library()


@register.simple_tag(takes_context=True)
def offline_user_tag(context):
    return user_tag(context["request"].user)
