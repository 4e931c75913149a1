"""The one answer to "does this request want a fragment of the page or the whole page?"."""

from django.http import HttpRequest
from django_htmx.middleware import HtmxDetails


class HtmxHttpRequest(HttpRequest):
    htmx: HtmxDetails


def is_fragment_request(request):
    """An htmx request that swaps part of a page. A boosted link and a history restore after a
    cache miss both replace the whole page, so they get the whole page."""
    htmx = request.htmx
    return bool(htmx) and not htmx.boosted and not htmx.history_restore_request


def page_or_fragment(request, page, partial):
    """The template to render: the page, or only its named partial for a fragment request."""
    return f"{page}#{partial}" if is_fragment_request(request) else page


def context(request):
    """`fragment_request` in every template, for the rare part that differs in a fragment."""
    # A page rendered before django-htmx's middleware ran (a refused request) has no htmx.
    return {"fragment_request": hasattr(request, "htmx") and is_fragment_request(request)}
