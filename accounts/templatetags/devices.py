import re

from django import template
from django.utils.translation import gettext as _

register = template.Library()

_SYSTEMS = [
    ("iPhone", _("iPhone")),
    ("iPad", _("iPad")),
    ("Android", _("Android")),
    ("Windows", _("Windows")),
    ("Mac OS X", _("Mac")),
    ("Macintosh", _("Mac")),
    ("CrOS", _("ChromeOS")),
    ("Linux", _("Linux")),
]
# Order matters: Edge and Opera say "Chrome" too, Chrome says "Safari".
_BROWSERS = [
    (r"Edg/", _("Edge")),
    (r"OPR/", _("Opera")),
    (r"Firefox/|FxiOS/", _("Firefox")),
    (r"Chrome/|CriOS/", _("Chrome")),
    (r"Safari/", _("Safari")),
]


@register.filter
def device(user_agent):
    """A short name such as "Chrome on Android" from a user agent string."""
    user_agent = user_agent or ""
    system = next((name for key, name in _SYSTEMS if key in user_agent), None)
    browser = next((name for pattern, name in _BROWSERS if re.search(pattern, user_agent)), None)
    if browser and system:
        return _("%(browser)s on %(system)s") % {"browser": browser, "system": system}
    return browser or system or _("Unknown device")
