"""Reminder emails at each person's own time: today's sessions, and the daily check-in.

`send_due_reminders` runs every 15 minutes (routines/tasks.py). A person picks the time and the
days of each kind in Settings, in their own time zone; a reminder goes out on the first run at
or after that time (up to SEND_WITHIN later, so a worker that was down does not send a
morning reminder at night), once per day and kind. Every email carries a signed link (and a
List-Unsubscribe header) that switches that kind off for that person, without logging in.
"""

import datetime

from django.contrib.auth import get_user_model
from django.core import signing
from django.core.mail import EmailMessage
from django.db import IntegrityError, transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from accounts.models import days_from_mask
from accounts.verification import with_verified_email
from routines.models import ReminderSent
from routines.scheduling import ONE_DAY, done_plans, occurrences, site_url

SEND_WITHIN = datetime.timedelta(hours=2)
UNSUBSCRIBE_SALT = "midback.reminders.unsubscribe"
Kind = ReminderSent.Kind

# For each kind: the profile's switch, its time and its days.
PROFILE_FIELDS = {
    Kind.SESSION: ("reminders", "reminder_time", "reminder_days"),
    Kind.CHECK_IN: ("check_in_reminders", "check_in_time", "check_in_days"),
}


def recipients(kind):
    """Who may get reminders of `kind`: the one place that decides it.

    Active people with a confirmed email address who switched this kind on.
    """
    switch = PROFILE_FIELDS[kind][0]
    people = get_user_model().objects.filter(is_active=True, **{f"profile__{switch}": True})
    return with_verified_email(people.exclude(email="")).select_related("profile").order_by("pk")


def due_day(profile, kind, now):
    """The person's local date when a reminder of `kind` is due at `now`, else None."""
    _switch, time_field, days_field = PROFILE_FIELDS[kind]
    local = now.astimezone(profile.zone)
    if local.weekday() not in days_from_mask(getattr(profile, days_field)):
        return None
    starts = datetime.datetime.combine(local.date(), getattr(profile, time_field), profile.zone)
    return local.date() if starts <= local < starts + SEND_WITHIN else None


def send_due_reminders(now=None):
    """Send every reminder due now; safe to run as often as cron likes and from overlapping
    workers (the ReminderSent row is written before the email, in the same transaction)."""
    now = now or timezone.now()
    utc_day = now.astimezone(datetime.UTC).date()
    already = set(
        ReminderSent.objects.filter(date__range=(utc_day - ONE_DAY, utc_day + ONE_DAY)).values_list(
            "user_id", "date", "kind"
        )
    )
    senders = {Kind.SESSION: send_reminder, Kind.CHECK_IN: send_check_in_reminder}
    sent = 0
    for kind, send in senders.items():
        for user in recipients(kind):
            day = due_day(user.profile, kind, now)
            if day is None or (user.pk, day, kind) in already:
                continue
            if send(user, day):
                sent += 1
    return sent


def unsubscribe_token(user, kind):
    return signing.dumps([user.pk, str(kind)], salt=UNSUBSCRIBE_SALT, compress=True)


def read_unsubscribe_token(token):
    """(user id, kind) from a token this site signed, or None for anything else."""
    try:
        user_id, kind = signing.loads(token, salt=UNSUBSCRIBE_SALT)
    except (signing.BadSignature, ValueError, TypeError):
        return None
    if not isinstance(user_id, int) or kind not in Kind.values:
        return None
    return user_id, kind


def _deliver(user, day, kind, subject, template, context):
    """Claim (user, day, kind) and send; False when another run already has it."""
    with transaction.atomic():
        try:
            with transaction.atomic():
                ReminderSent.objects.create(user=user, date=day, kind=kind)
        except IntegrityError:
            return False
        unsubscribe = site_url(
            reverse("routines:unsubscribe", args=[unsubscribe_token(user, kind)])
        )
        headers = {}
        if unsubscribe:
            # RFC 8058: mail apps offer their own button and POST to the link.
            headers = {
                "List-Unsubscribe": f"<{unsubscribe}>",
                "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
            }
        body = render_to_string(
            template, context | {"user": user, "day": day, "unsubscribe_url": unsubscribe}
        )
        EmailMessage(subject, body, to=[user.email], headers=headers).send()
    return True


def send_reminder(user, day):
    """Today's sessions, leaving out those paused, skipped or already done."""
    done = done_plans(user, day)
    todays = [
        o
        for o in occurrences(user, day, day + ONE_DAY)
        if not o.paused and o.schedule.pk not in done
    ]
    if not todays:
        return False
    subject = ngettext(
        "Today on Midback: %(count)s session", "Today on Midback: %(count)s sessions", len(todays)
    ) % {"count": len(todays)}
    context = {"occurrences": todays, "today_url": site_url(reverse("routines:today"))}
    return _deliver(
        user, day, Kind.SESSION, subject, "routines/schedule_reminder_email.txt", context
    )


def send_check_in_reminder(user, day):
    """The daily check-in, unless the person has already checked in that day."""
    if user.check_ins.filter(day=day).exists():
        return False
    context = {"check_in_url": site_url(reverse("workouts:check_in"))}
    return _deliver(
        user,
        day,
        Kind.CHECK_IN,
        _("How is your back today?"),
        "routines/check_in_email.txt",
        context,
    )
