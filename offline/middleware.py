"""What the phone's offline queue needs from every response.

- A queued change is replayed as the same plain form post, marked with the header
  `Midback-Offline-Replay: 1`. The views answer it as they answer a form without JavaScript
  (a redirect when saved, the page with its errors when not); this middleware turns that into
  a short JSON answer the queue can act on: sent, refused (with the reason the page or the
  message gave), log in again, or try later.
- Pages for a logged-in person carry `Midback-User` (an opaque tag), so the service worker
  drops cached pages the moment another person, or nobody, is logged in.
- The answer to a log-out clears the site's caches and storage on that phone (shared phones).
"""

from html.parser import HTMLParser
from urllib.parse import urlsplit

from django.conf import settings
from django.contrib import messages
from django.http import JsonResponse
from django.shortcuts import resolve_url
from django.utils.translation import gettext as _

from offline.pages import user_tag

REPLAY_HEADER = "HTTP_MIDBACK_OFFLINE_REPLAY"
USER_HEADER = "Midback-User"
CLEAR_SITE_DATA = '"cache", "storage"'
ERROR_CLASSES = {"errorlist", "form-errors"}
VOID = {
    "area",
    "base",
    "br",
    "col",
    "embed",
    "hr",
    "img",
    "input",
    "link",
    "meta",
    "source",
    "track",
    "wbr",
}


def mark_logged_out(sender, request, **kwargs):
    if request is not None:
        request.offline_logged_out = True


class ErrorText(HTMLParser):
    """The text of the visible error messages in a page (`errorlist`, `form-errors`)."""

    def __init__(self):
        super().__init__()
        self.depth = 0
        self.parts = []

    def handle_starttag(self, tag, attrs):
        if tag in VOID:
            return
        if self.depth:
            self.depth += 1
            return
        values = dict(attrs)
        classes = set((values.get("class") or "").split())
        if classes & ERROR_CLASSES and "hidden" not in values:
            self.depth = 1
            self.parts.append("")

    def handle_endtag(self, tag):
        if self.depth and tag not in VOID:
            self.depth -= 1

    def handle_data(self, data):
        if self.depth:
            self.parts[-1] += data

    def messages(self):
        found = []
        for part in (" ".join(part.split()) for part in self.parts):
            if part and part not in found:
                found.append(part)
        return found


def page_errors(response):
    if "html" not in response.get("Content-Type", "") or response.streaming:
        return []
    parser = ErrorText()
    parser.feed(response.content.decode(response.charset or "utf-8", "replace"))
    return parser.messages()


def replay_answer(request, response):
    status = response.status_code
    user = getattr(request, "user", None)
    if 300 <= status < 400:
        path = urlsplit(response.get("Location", "")).path
        if path == resolve_url(settings.LOGIN_URL):
            return {"state": "login"}
        storage = messages.get_messages(request)
        found = list(storage)
        warnings = [str(m) for m in found if m.level >= messages.WARNING]
        if warnings:
            return {"state": "refused", "reason": " ".join(warnings)}
        # Saved: the confirmation stays for the next page the person opens.
        storage.used = False
        return {"state": "sent"}
    if status == 200:
        reasons = page_errors(response)
        return {
            "state": "refused",
            "reason": " ".join(reasons) or _("It was not accepted. Open the page to check it."),
        }
    if status == 403 and not (user and user.is_authenticated):
        return {"state": "login"}
    if status in (404, 410):
        return {
            "state": "refused",
            "reason": _("This is no longer there (it may have been removed on another device)."),
        }
    if status in (400, 413, 422):
        return {
            "state": "refused",
            "reason": _("It was not accepted (error %(status)s).") % {"status": status},
        }
    # 403 with a session (a stale CSRF token), 429, 5xx: nothing was saved; try again later.
    return {"state": "retry"}


class OfflineMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if request.method == "POST" and request.META.get(REPLAY_HEADER) == "1":
            answer = JsonResponse(replay_answer(request, response))
            for name, value in response.cookies.items():
                answer.cookies[name] = value
            response = answer
        if getattr(request, "offline_logged_out", False):
            response["Clear-Site-Data"] = CLEAR_SITE_DATA
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated:
            response[USER_HEADER] = user_tag(user)
        return response
