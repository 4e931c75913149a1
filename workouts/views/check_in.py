"""The daily check-in: how the back is today in one tap, and where in a second, from Today or
from the reminder email's link."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST
from django.views.decorators.vary import vary_on_headers

from midback.htmx import is_fragment_request, page_or_fragment
from workouts.forms import CheckInAreasForm, CheckInForm
from workouts.models import CheckIn

PAGE = "workouts/check_in.html"
# The buttons' numbers, written once: `{{ n }}` would localize each of them on every card.
RATINGS = tuple((n, str(n)) for n in range(11))
# "Not read yet", as against None, "read: no check-in today" (Today passes its cached one).
UNREAD = object()


def card_context(user, day=None, check_in=UNREAD, rating_form=None, areas_form=None, saved=""):
    """What the check-in card shows; Today renders the same card."""
    if check_in is UNREAD:
        check_in = user.check_ins.filter(day=day).first()
    if areas_form is None:
        areas_form = CheckInAreasForm(
            initial={"areas": check_in.areas if check_in else []}, auto_id="check-in-%s"
        )
    return {
        "check_in": check_in,
        "ratings": RATINGS,
        "rating_form": rating_form,
        "areas_form": areas_form,
        "saved": saved,
    }


@login_required
@require_GET
@vary_on_headers("HX-Request")
def check_in(request):
    day = timezone.localdate()
    context = card_context(request.user, day) | {"today": day}
    return render(request, page_or_fragment(request, PAGE, "check-in-card"), context)


@login_required
@require_POST
def rate(request):
    day = timezone.localdate()
    form = CheckInForm(request.POST)
    if not form.is_valid():
        context = card_context(request.user, day, rating_form=form) | {"today": day}
        return render(request, page_or_fragment(request, PAGE, "check-in-card"), context)
    check_in = CheckIn.rate(request.user, day, form.cleaned_data["rating"])
    saved = _("Saved: %(rating)s/10 today.") % {"rating": check_in.rating}
    if not is_fragment_request(request):
        messages.success(request, saved)
        return redirect("workouts:check_in")
    # The button tapped is gone with the old card: focus moves to what it says.
    context = card_context(request.user, check_in=check_in, saved=saved) | {"card_swapped": True}
    return render(request, f"{PAGE}#check-in-card", context)


@login_required
@require_POST
def mark(request):
    """Where it hurts today; the map saves on each tap, so only the status line comes back."""
    check_in = request.user.check_ins.filter(day=timezone.localdate()).first()
    if check_in is None:
        # Where, before any number today (a page left open past midnight): ask for the number.
        messages.info(request, _("Tap a number first: how is your back today?"))
        return redirect("workouts:check_in")
    form = CheckInAreasForm(request.POST, auto_id="check-in-%s")
    if form.is_valid():
        check_in.mark(form.cleaned_data["areas"])
        if check_in.areas:
            saved = _("Saved: %(rating)s/10 · %(where)s.") % {
                "rating": check_in.rating,
                "where": check_in.areas_display(),
            }
        else:
            saved = _("Saved: %(rating)s/10, no place marked.") % {"rating": check_in.rating}
    else:
        saved = ""
    if not is_fragment_request(request):
        if saved:
            messages.success(request, saved)
            return redirect("workouts:check_in")
        context = card_context(request.user, check_in=check_in, areas_form=form)
        return render(request, PAGE, context | {"today": check_in.day})
    context = card_context(request.user, check_in=check_in, areas_form=form, saved=saved)
    return render(request, f"{PAGE}#check-in-status", context)
