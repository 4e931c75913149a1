"""Share links for a professional, the shared report they open, and flare-up mode."""

import segno
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from accounts.decorators import identity_confirmed
from accounts.verification import has_verified_email
from care import flare
from care.forms import FlareUpForm, ShareLinkForm
from care.models import FlareUp, ShareLink
from care.report import shared_report
from workouts import safety


def qr_svg(url):
    """The address as a QR code, inline SVG with a white quiet zone (scans in dark mode too)."""
    code = segno.make(url, error="m")
    return code.svg_inline(
        scale=4, border=4, dark="#000", light="#fff", svgclass="qr-code", omitsize=True
    )


@login_required
@never_cache
@identity_confirmed(allow_get=True)
@require_http_methods(["GET", "POST"])
def share_list(request):
    # Making a link asks for the password again (allauth's re-authentication) and waits for
    # a confirmed email: a link hands health notes to someone else.
    today = timezone.localdate()
    created = token_url = qr = None
    email_verified = has_verified_email(request.user)
    if request.method == "POST":
        form = ShareLinkForm(request.POST, today=today)
        if not email_verified:
            form.add_error(
                None,
                _("Confirm your email address first: links go out only from a confirmed account."),
            )
        if form.is_valid():
            created, token = ShareLink.create(request.user, **form.link_fields())
            # Shown in this response only: the token is not stored, so this page is never
            # cached and a reload cannot show it again.
            token_url = request.build_absolute_uri(reverse("care:shared", args=[token]))
            qr = qr_svg(token_url)
            form = ShareLinkForm(today=today)
    else:
        form = ShareLinkForm(today=today)
    context = {
        "form": form,
        "links": request.user.share_links.all(),
        "created": created,
        "token_url": token_url,
        "qr": qr,
        "now": timezone.now(),
        "email_verified": email_verified,
    }
    return render(request, "care/share_list.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def share_revoke(request, pk):
    link = get_object_or_404(request.user.share_links, pk=pk)
    if request.method == "POST":
        link.revoke()
        messages.success(request, _("The link for %(name)s no longer works.") % {"name": link.name})
        return redirect("care:share_list")
    return render(request, "care/share_revoke.html", {"link": link})


@require_GET
def shared(request, token):
    # No login: the professional has no account. The token is the secret.
    link = ShareLink.find(token)
    if link is None:
        raise Http404
    link.record_open()
    response = shared_report(request, link)
    response["Cache-Control"] = "private, no-store"
    response["X-Robots-Tag"] = "noindex, nofollow"
    response["Referrer-Policy"] = "no-referrer"
    return response


def flare_context(user, form=None):
    today = timezone.localdate()
    routine = flare.mobility_routine()
    running = flare.running_flare_up(user, today)
    past = user.flare_ups.filter(started_on__lt=today)
    if running is not None:
        past = past.exclude(pk=running.pk)
    return {
        "today": today,
        "running": running,
        "days_left": running.days_left(today) if running else None,
        "form": form or FlareUpForm(),
        "routine": routine,
        "movements": flare.gentle_movements(routine),
        "guidance": flare.GUIDANCE,
        "past": past[:10],
        "suggestion": None if running else flare.flare_up_suggestion(user),
        **safety.template_context(),
    }


@login_required
@require_http_methods(["GET", "POST"])
def flare_up(request):
    form = None
    if request.method == "POST":
        form = FlareUpForm(request.POST)
        if form.is_valid():
            running, started = FlareUp.switch_on(
                request.user, timezone.localdate(), form.cleaned_data["days"]
            )
            if started:
                messages.success(
                    request,
                    _("Flare-up mode is on until %(day)s. Your strength sessions are paused.")
                    % {"day": date_format(running.last_day, "l j F")},
                )
            return redirect("care:flare_up")
    return render(request, "care/flare_up.html", flare_context(request.user, form))


@login_required
@require_POST
def flare_up_end(request):
    today = timezone.localdate()
    running = flare.running_flare_up(request.user, today)
    if running is not None:
        running.switch_off(today)
        messages.success(request, _("Flare-up mode is off. Your plan is back as it was."))
    return redirect("care:flare_up")


@login_required
@require_POST
def flare_up_session(request):
    routine = flare.mobility_routine()
    if routine is None:
        raise Http404
    session, created = flare.start_gentle_session(request.user, routine)
    if not created:
        messages.info(request, _("You already have a session in progress."))
    return redirect(session)
