"""Plans in time: occurrences of scheduled sessions, the rest-day guard, the calendar feed
and the daily reminder email.

Occurrences are never stored ahead: they are worked out from each plan for the window a page
shows, with the per-date changes (moved, skipped) laid over them.
"""

import datetime
from collections import Counter
from dataclasses import dataclass, replace
from itertools import pairwise

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import send_mail
from django.db import IntegrityError, transaction
from django.db.models import Prefetch, Q
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from icalendar import Calendar, Event

from accounts.models import Profile
from accounts.verification import with_verified_email
from care.models import FlareUp
from routines.models import (
    EARLIEST_PLAN_DATE,
    LATEST_PLAN_DATE,
    OccurrenceChange,
    Purpose,
    ReminderSent,
)

ONE_DAY = datetime.timedelta(days=1)
# The program advises two to three strengthening sessions a week.
FEWEST_STRENGTH_SESSIONS = 2
MOST_STRENGTH_SESSIONS = 3
# How far the calendar feed reaches: recent history and the coming two months.
FEED_DAYS_BACK = 14
FEED_DAYS_AHEAD = 56
FEED_EVENT_LENGTH = datetime.timedelta(minutes=30)
# Reminders go out from breakfast time; after the evening they would only be noise.
REMINDER_FROM = datetime.time(7, 0)
REMINDER_UNTIL = datetime.time(21, 0)


@dataclass(frozen=True)
class Occurrence:
    schedule: object
    original_date: datetime.date
    date: datetime.date
    time: datetime.time | None
    moved: bool = False
    skipped: bool = False
    # Strength work during a flare-up: still on the plan, but not to be done.
    paused: bool = False

    @property
    def routine(self):
        return self.schedule.routine

    @property
    def is_strength(self):
        """Strength work needs a rest day after it; a mobility-only session does not."""
        purpose = self.routine.purpose
        if purpose == Purpose.STRENGTH:
            return True
        return purpose == Purpose.MIXED and getattr(self.schedule, "has_strength_items", False)

    @property
    def is_due(self):
        """To be done on its day: neither skipped nor paused for a flare-up."""
        return not self.skipped and not self.paused

    @property
    def uid(self):
        """Stable for the life of the plan, even when this occurrence is moved."""
        return f"schedule-{self.schedule.pk}-{self.original_date:%Y%m%d}@midback"

    def starts_at(self, zone):
        if self.time is None:
            return None
        return datetime.datetime.combine(self.date, self.time, tzinfo=zone)

    def sort_key(self):
        return (
            self.date,
            self.time is not None,
            self.time or datetime.time.min,
            self.routine.name,
            self.schedule.pk,
        )


def clamp_window(start, end):
    return max(start, EARLIEST_PLAN_DATE), min(end, LATEST_PLAN_DATE + ONE_DAY)


def occurrences(user, start, end, include_skipped=False):
    """The user's sessions on dates in [start, end), sorted by date and time.

    Three queries whatever the number of plans: the plans (with routine and a strength flag),
    the changes touching the window, and the flare-ups in it (which pause strength sessions).
    A change can move a session into the window from outside it, so plans are also picked by
    where their changes land.
    """
    start, end = clamp_window(start, end)
    if start >= end:
        return []
    moved_in = OccurrenceChange.objects.filter(new_date__gte=start, new_date__lt=end)
    window_changes = OccurrenceChange.objects.filter(
        Q(original_date__gte=start, original_date__lt=end) | Q(pk__in=moved_in.values("pk"))
    )
    schedules = (
        user.scheduled_sessions.active()
        .with_strength()
        .filter(
            Q(weekdays="", start_date__gte=start, start_date__lt=end)
            | (~Q(weekdays="") & Q(start_date__lt=end))
            | Q(pk__in=moved_in.values("schedule"))
        )
        .select_related("routine")
        .prefetch_related(Prefetch("changes", queryset=window_changes, to_attr="window_changes"))
    )
    found = []
    for schedule in schedules:
        changes = {change.original_date: change for change in schedule.window_changes}
        for day in schedule.dates_between(start, end):
            change = changes.pop(day, None)
            if change is None:
                found.append(Occurrence(schedule, day, day, schedule.time))
            elif change.skipped:
                if include_skipped:
                    found.append(Occurrence(schedule, day, day, schedule.time, skipped=True))
            elif start <= change.new_date < end:
                found.append(
                    Occurrence(schedule, day, change.new_date, change.new_time, moved=True)
                )
        # What is left are changes to dates outside the window that land inside it.
        for change in changes.values():
            if (
                not change.skipped
                and start <= change.new_date < end
                and not start <= change.original_date < end
                and schedule.occurs_on(change.original_date)
            ):
                found.append(
                    Occurrence(
                        schedule,
                        change.original_date,
                        change.new_date,
                        change.new_time,
                        moved=True,
                    )
                )
    if found:
        found = pause_for_flare_ups(user, found, start, end)
    return sorted(found, key=Occurrence.sort_key)


def pause_for_flare_ups(user, found, start, end):
    flare_ups = list(FlareUp.objects.filter(user=user).overlapping(start, end))
    if not flare_ups:
        return found
    return [
        replace(o, paused=True) if o.is_strength and any(f.covers(o.date) for f in flare_ups) else o
        for o in found
    ]


def local_today(user, zone=None):
    return timezone.localdate(timezone=zone or Profile.for_user(user).zone)


def week_start_for(day):
    return day - datetime.timedelta(days=day.weekday())


@dataclass(frozen=True)
class PlanWarning:
    code: str
    message: str


def _day(day):
    return date_format(day, "l j F")


def rest_day_warnings(occurrences, week_start):
    """Plain warnings about the week starting on week_start; the plan is never blocked.

    `occurrences` may include the days either side of the week so that back-to-back strength
    sessions across the week's edge are caught. Skipped occurrences do not count, nor paused
    ones; in a week with a flare-up, too few strength sessions is the point, not a warning.
    """
    week_end = week_start + datetime.timedelta(days=7)
    strength = Counter(o.date for o in occurrences if o.is_strength and o.is_due)
    flare_week = any(o.paused and week_start <= o.date < week_end for o in occurrences)
    days = sorted(strength)
    warnings = []
    for day in days:
        if week_start <= day < week_end and strength[day] > 1:
            warnings.append(
                PlanWarning(
                    "same-day",
                    _(
                        "%(day)s has %(count)s strength sessions. One a day is plenty: "
                        "move one to another day."
                    )
                    % {"day": _day(day), "count": strength[day]},
                )
            )
    for first, second in pairwise(days):
        touches_week = week_start <= first < week_end or week_start <= second < week_end
        if second - first == ONE_DAY and touches_week:
            warnings.append(
                PlanWarning(
                    "back-to-back",
                    _(
                        "Strength sessions on %(first)s and %(second)s come back to back. "
                        "Leave a rest day between them."
                    )
                    % {"first": _day(first), "second": _day(second)},
                )
            )
    in_week = sum(count for day, count in strength.items() if week_start <= day < week_end)
    if in_week < FEWEST_STRENGTH_SESSIONS and not flare_week:
        warnings.append(
            PlanWarning(
                "too-few",
                ngettext(
                    "This week has %(count)s strength session planned. "
                    "The program advises two to three a week.",
                    "This week has %(count)s strength sessions planned. "
                    "The program advises two to three a week.",
                    in_week,
                )
                % {"count": in_week},
            )
        )
    elif in_week > MOST_STRENGTH_SESSIONS:
        warnings.append(
            PlanWarning(
                "too-many",
                _(
                    "This week has %(count)s strength sessions planned. The program advises "
                    "two to three a week, with rest days between them."
                )
                % {"count": in_week},
            )
        )
    return warnings


@dataclass
class Week:
    start: datetime.date
    days: list
    count: int
    strength_count: int
    paused_count: int
    target: int
    warnings: list

    @property
    def end(self):
        return self.start + datetime.timedelta(days=7)

    @property
    def previous_start(self):
        return self.start - datetime.timedelta(days=7)

    @property
    def next_start(self):
        return self.end

    @property
    def has_previous(self):
        return self.previous_start >= EARLIEST_PLAN_DATE

    @property
    def has_next(self):
        return self.end + datetime.timedelta(days=6) <= LATEST_PLAN_DATE

    @property
    def target_met(self):
        return self.count >= self.target


def plan_week(user, profile, week_start, found=None):
    """The seven days from week_start with their sessions, the count and the warnings.

    `found` may pass occurrences already loaded for a wider window (at least the week and a
    day either side), so a page can share one load between sections.
    """
    week_end = week_start + datetime.timedelta(days=7)
    if found is None:
        found = occurrences(user, week_start - ONE_DAY, week_end + ONE_DAY, include_skipped=True)
    in_week = [o for o in found if week_start <= o.date < week_end]
    days = []
    for offset in range(7):
        day = week_start + datetime.timedelta(days=offset)
        days.append((day, [o for o in in_week if o.date == day]))
    return Week(
        start=week_start,
        days=days,
        count=sum(1 for o in in_week if o.is_due),
        strength_count=sum(1 for o in in_week if o.is_due and o.is_strength),
        paused_count=sum(1 for o in in_week if o.paused and not o.skipped),
        target=profile.weekly_target,
        warnings=rest_day_warnings(found, week_start),
    )


def calendar_feed(user, profile, today, link=""):
    """The user's sessions as an iCalendar (RFC 5545) document, in bytes.

    Each occurrence is one event with a stable UID; timed sessions carry the user's zone as
    TZID (with its VTIMEZONE), untimed ones are all-day events.
    """
    zone = profile.zone
    calendar = Calendar()
    calendar.add("prodid", "-//Midback//Scheduled sessions//EN")
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("x-wr-calname", _("Midback sessions"))
    calendar.add("x-wr-timezone", profile.time_zone)
    stamp = timezone.now().astimezone(datetime.UTC).replace(microsecond=0)
    window = (
        today - datetime.timedelta(days=FEED_DAYS_BACK),
        today + datetime.timedelta(days=FEED_DAYS_AHEAD),
    )
    for occurrence in occurrences(user, *window):
        event = Event()
        event.add("uid", occurrence.uid)
        event.add("dtstamp", stamp)
        if occurrence.paused:
            # Kept, not cancelled: some calendar apps drop cancelled events for good.
            event.add(
                "summary", _("Paused (flare-up): %(name)s") % {"name": occurrence.routine.name}
            )
            event.add(
                "description",
                _("Strength work is paused during your flare-up; the plan resumes after it."),
            )
        else:
            event.add("summary", occurrence.routine.name)
        starts = occurrence.starts_at(zone)
        if starts is None:
            event.add("dtstart", occurrence.date)
            event.add("dtend", occurrence.date + ONE_DAY)
            event.add("transp", "TRANSPARENT")
        else:
            event.add("dtstart", starts)
            event.add("dtend", starts + FEED_EVENT_LENGTH)
        if link:
            event.add("url", link)
        calendar.add_component(event)
    calendar.add_missing_timezones()
    return calendar.to_ical()


def send_due_reminders(now=None):
    """Email each user who asked for reminders the list of today's sessions, once a day.

    Safe to run as often as cron likes (every 15 minutes) and from overlapping workers: the
    ReminderSent row is written before the email, inside the same transaction.
    """
    now = now or timezone.now()
    users = (
        with_verified_email(
            get_user_model().objects.filter(is_active=True, profile__reminders=True)
        )
        .select_related("profile")
        .order_by("pk")
    )
    utc_day = now.astimezone(datetime.UTC).date()
    already = set(
        ReminderSent.objects.filter(date__range=(utc_day - ONE_DAY, utc_day + ONE_DAY)).values_list(
            "user_id", "date"
        )
    )
    sent = 0
    for user in users:
        local = now.astimezone(user.profile.zone)
        if not REMINDER_FROM <= local.time() < REMINDER_UNTIL:
            continue
        if (user.pk, local.date()) in already:
            continue
        if send_reminder(user, local.date()):
            sent += 1
    return sent


def send_reminder(user, day):
    """Send the reminder for `day` unless one was already sent; True when this call sent it."""
    todays = [o for o in occurrences(user, day, day + ONE_DAY) if not o.paused]
    if not todays:
        return False
    with transaction.atomic():
        try:
            with transaction.atomic():
                ReminderSent.objects.create(user=user, date=day)
        except IntegrityError:
            # Another run got there first (or is sending right now).
            return False
        context = {
            "user": user,
            "day": day,
            "occurrences": todays,
            "today_url": site_url(reverse("routines:today")),
        }
        send_mail(
            subject=ngettext(
                "Today on Midback: %(count)s session",
                "Today on Midback: %(count)s sessions",
                len(todays),
            )
            % {"count": len(todays)},
            message=render_to_string("routines/schedule_reminder_email.txt", context),
            from_email=None,
            recipient_list=[user.email],
        )
    return True


def site_url(path):
    """An absolute link for emails, or "" when SITE_URL is not set."""
    base = settings.SITE_URL
    return f"{base.rstrip('/')}{path}" if base else ""
