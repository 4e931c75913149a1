"""Share links for a professional, and flare-up periods.

A share link's token is shown to its owner once; only its SHA-256 hash is stored, so the
database alone cannot open a link, and a link is found by its hash (an index lookup that
does not compare the secret character by character).
"""

import datetime
import hashlib
import hmac
import secrets

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models, transaction
from django.db.models import F, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from workouts.caching import log_changed

ONE_DAY = datetime.timedelta(days=1)
# 32 random bytes: 256 bits, well past the 128 a guess-proof link needs.
TOKEN_BYTES = 32
LONGEST_SHARE_DAYS = 90
FEWEST_ROLLING_WEEKS = 1
MOST_ROLLING_WEEKS = 52
SHORTEST_FLARE_DAYS = 3
LONGEST_FLARE_DAYS = 14


def token_hash(token):
    return hashlib.sha256(token.encode()).hexdigest()


class ShareLinkQuerySet(models.QuerySet):
    def live(self, now=None):
        return self.filter(revoked_at__isnull=True, expires_at__gt=now or timezone.now())


class ShareLink(models.Model):
    """A read-only view of a person's report for one professional, until it expires."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="share_links"
    )
    name = models.CharField(_("who it is for"), max_length=80)
    token_hash = models.CharField(max_length=64, unique=True, editable=False)
    start_date = models.DateField(_("from"), null=True, blank=True)
    end_date = models.DateField(_("to"), null=True, blank=True)
    rolling_weeks = models.PositiveSmallIntegerField(
        _("the last weeks"),
        null=True,
        blank=True,
        validators=[MinValueValidator(FEWEST_ROLLING_WEEKS), MaxValueValidator(MOST_ROLLING_WEEKS)],
    )
    include_session_notes = models.BooleanField(_("include session notes"), default=False)
    created_at = models.DateTimeField(_("created"), default=timezone.now)
    expires_at = models.DateTimeField(_("expires"))
    revoked_at = models.DateTimeField(_("revoked"), null=True, blank=True)
    last_opened_at = models.DateTimeField(_("last opened"), null=True, blank=True)
    open_count = models.PositiveIntegerField(_("times opened"), default=0)

    objects = ShareLinkQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("share link")
        verbose_name_plural = _("share links")
        constraints = [
            models.CheckConstraint(
                condition=(
                    Q(rolling_weeks__isnull=False, start_date__isnull=True, end_date__isnull=True)
                    & Q(rolling_weeks__gte=FEWEST_ROLLING_WEEKS)
                    & Q(rolling_weeks__lte=MOST_ROLLING_WEEKS)
                )
                | Q(
                    rolling_weeks__isnull=True,
                    start_date__isnull=False,
                    end_date__gte=F("start_date"),
                ),
                name="sharelink_rolling_or_dates",
            ),
            models.CheckConstraint(
                condition=Q(expires_at__gt=F("created_at")), name="sharelink_expires_after_created"
            ),
        ]

    def __str__(self):
        return self.name

    @classmethod
    def create(cls, user, **fields):
        """A new link and its token; the token is never stored, so show it now or never."""
        token = secrets.token_urlsafe(TOKEN_BYTES)
        link = cls.objects.create(user=user, token_hash=token_hash(token), **fields)
        return link, token

    @classmethod
    def find(cls, token, now=None):
        """The live link with this token, or None (unknown, expired and revoked alike)."""
        digest = token_hash(token)
        link = cls.objects.live(now).select_related("user").filter(token_hash=digest).first()
        if link is None or not hmac.compare_digest(link.token_hash, digest):
            return None
        if not link.user.is_active:
            return None
        return link

    def record_open(self, now=None):
        now = now or timezone.now()
        ShareLink.objects.filter(pk=self.pk).update(
            open_count=F("open_count") + 1, last_opened_at=now
        )
        self.refresh_from_db(fields=["open_count", "last_opened_at"])

    def revoke(self, now=None):
        if self.revoked_at is None:
            self.revoked_at = now or timezone.now()
            self.save(update_fields=["revoked_at"])

    def dates(self, today):
        """The first and last day shown, for a rolling link counted back from today."""
        if self.rolling_weeks:
            return today - datetime.timedelta(weeks=self.rolling_weeks) + ONE_DAY, today
        return self.start_date, self.end_date


class FlareUpQuerySet(models.QuerySet):
    def overlapping(self, start, end):
        """Flare-ups with at least one day in [start, end)."""
        return self.filter(started_on__lt=end).filter(
            Q(ended_early_on__isnull=True, ends_on__gte=start) | Q(ended_early_on__gt=start)
        )

    def on(self, day):
        return self.overlapping(day, day + ONE_DAY)


class FlareUp(models.Model):
    """A spell of worse back pain: strength sessions pause from started_on to ends_on.

    Switching it off early sets ended_early_on, the first day back on the usual plan.
    """

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="flare_ups"
    )
    started_on = models.DateField(_("started"))
    ends_on = models.DateField(_("last day"))
    ended_early_on = models.DateField(_("ended early on"), null=True, blank=True)
    created_at = models.DateTimeField(_("created"), default=timezone.now)

    objects = FlareUpQuerySet.as_manager()

    class Meta:
        ordering = ["-started_on", "-pk"]
        verbose_name = _("flare-up")
        verbose_name_plural = _("flare-ups")
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_on__gte=F("started_on")), name="flareup_ends_after_start"
            ),
            models.CheckConstraint(
                condition=Q(ended_early_on__isnull=True)
                | Q(ended_early_on__gt=F("started_on"), ended_early_on__lte=F("ends_on")),
                name="flareup_ended_early_inside",
            ),
        ]

    def __str__(self):
        return f"Flare-up from {self.started_on}"

    @classmethod
    def switch_on(cls, user, today, days):
        """Start a flare-up today for `days` days; one already running is returned instead."""
        with transaction.atomic():
            running = cls.objects.filter(user=user).on(today).select_for_update().first()
            if running is not None:
                return running, False
            flare = cls.objects.create(
                user=user, started_on=today, ends_on=today + datetime.timedelta(days=days - 1)
            )
        log_changed(user.pk)  # the progress page shades flare-ups
        return flare, True

    def switch_off(self, today):
        """End it before its last day; the plan is back from today. Started today: gone."""
        if today <= self.started_on:
            self.delete()
        elif self.ended_early_on is None and today <= self.ends_on:
            self.ended_early_on = today
            self.save(update_fields=["ended_early_on"])
        log_changed(self.user_id)

    @property
    def last_day(self):
        return self.ended_early_on - ONE_DAY if self.ended_early_on else self.ends_on

    @property
    def length_days(self):
        return (self.last_day - self.started_on).days + 1

    def covers(self, day):
        return self.started_on <= day <= self.last_day

    def days_left(self, today):
        return (self.last_day - today).days + 1
