import datetime

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from care.models import (
    LONGEST_FLARE_DAYS,
    LONGEST_SHARE_DAYS,
    MOST_ROLLING_WEEKS,
    SHORTEST_FLARE_DAYS,
    ShareLink,
)
from workouts.progress import local_midnight
from workouts.report import MAX_REPORT_DAYS

DEFAULT_SHARE_DAYS = 30
DEFAULT_ROLLING_WEEKS = 8
DEFAULT_FLARE_DAYS = 7


class ShareLinkForm(forms.Form):
    ROLLING = "rolling"
    DATES = "dates"

    name = forms.CharField(
        label=_("Who it is for"),
        max_length=ShareLink._meta.get_field("name").max_length,
        help_text=_("For example: Dr Lee, physiotherapist. Only you see this name."),
    )
    scope = forms.ChoiceField(
        label=_("What it shows"),
        choices=[(ROLLING, _("The last few weeks, always up to date")), (DATES, _("Fixed dates"))],
        widget=forms.RadioSelect,
        initial=ROLLING,
    )
    rolling_weeks = forms.IntegerField(
        label=_("How many weeks"),
        min_value=1,
        max_value=MOST_ROLLING_WEEKS,
        required=False,
        initial=DEFAULT_ROLLING_WEEKS,
    )
    start_date = forms.DateField(
        label=_("From"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    end_date = forms.DateField(
        label=_("To"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    include_session_notes = forms.BooleanField(
        label=_("Include my session notes"),
        required=False,
        help_text=_(
            "Pain notes are always in the report; your own session notes only if you tick this."
        ),
    )
    expires_on = forms.DateField(
        label=_("Works until"),
        widget=forms.DateInput(attrs={"type": "date"}),
        help_text=_("At most 90 days from today. You can switch it off earlier."),
    )

    def __init__(self, *args, today, **kwargs):
        self.today = today
        super().__init__(*args, **kwargs)
        self.fields["expires_on"].initial = today + datetime.timedelta(days=DEFAULT_SHARE_DAYS)

    def clean_expires_on(self):
        day = self.cleaned_data["expires_on"]
        if day < self.today:
            raise ValidationError(_("Choose today or a later day."))
        if day > self.today + datetime.timedelta(days=LONGEST_SHARE_DAYS):
            raise ValidationError(
                _("A link can work for at most %(days)s days: choose %(last)s or earlier.")
                % {
                    "days": LONGEST_SHARE_DAYS,
                    "last": self.today + datetime.timedelta(days=LONGEST_SHARE_DAYS),
                }
            )
        return day

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("scope") == self.ROLLING:
            if cleaned.get("rolling_weeks") is None and "rolling_weeks" not in self.errors:
                self.add_error("rolling_weeks", _("Say how many weeks the link shows."))
            cleaned["start_date"] = cleaned["end_date"] = None
        elif cleaned.get("scope") == self.DATES:
            start, end = cleaned.get("start_date"), cleaned.get("end_date")
            if start is None and "start_date" not in self.errors:
                self.add_error("start_date", _("Choose the first day."))
            if end is None and "end_date" not in self.errors:
                self.add_error("end_date", _("Choose the last day."))
            if start and end:
                if end < start:
                    self.add_error("end_date", _("The last day is before the first day."))
                elif (end - start).days > MAX_REPORT_DAYS:
                    self.add_error("end_date", _("Choose at most two years."))
            cleaned["rolling_weeks"] = None
        return cleaned

    def link_fields(self):
        data = self.cleaned_data
        return {
            "name": data["name"],
            "rolling_weeks": data["rolling_weeks"],
            "start_date": data["start_date"],
            "end_date": data["end_date"],
            "include_session_notes": data["include_session_notes"],
            # The link works to the end of the chosen day, in the person's own time zone.
            "expires_at": local_midnight(data["expires_on"] + datetime.timedelta(days=1)),
        }


class FlareUpForm(forms.Form):
    days = forms.TypedChoiceField(
        label=_("For how many days"),
        choices=[(n, str(n)) for n in range(SHORTEST_FLARE_DAYS, LONGEST_FLARE_DAYS + 1)],
        coerce=int,
        initial=DEFAULT_FLARE_DAYS,
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["days"].error_messages["invalid_choice"] = _(
            "Choose between %(low)s and %(high)s days."
        ) % {"low": SHORTEST_FLARE_DAYS, "high": LONGEST_FLARE_DAYS}
