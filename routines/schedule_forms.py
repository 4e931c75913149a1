from django import forms
from django.utils.translation import gettext_lazy as _

from routines.models import ScheduledSession, Weekday, validate_plan_date


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, attrs=None):
        super().__init__(attrs, format="%Y-%m-%d")


class TimeInput(forms.TimeInput):
    input_type = "time"

    def __init__(self, attrs=None):
        super().__init__(attrs, format="%H:%M")


class ScheduleForm(forms.ModelForm):
    """One session on a date, or (with weekdays ticked) every week from that date."""

    weekdays = forms.MultipleChoiceField(
        label=_("Repeat every week on"),
        choices=Weekday.choices,
        widget=forms.CheckboxSelectMultiple,
        required=False,
        help_text=_("Leave all unticked for a single session on the date."),
    )

    class Meta:
        model = ScheduledSession
        fields = ["routine", "start_date", "time", "weekdays"]
        labels = {"start_date": _("Date"), "time": _("Time (optional)")}
        help_texts = {"start_date": _("For a weekly plan, the day it starts.")}
        widgets = {"start_date": DateInput, "time": TimeInput}
        error_messages = {
            "routine": {
                "invalid_choice": _("Choose one of your own routines."),
                "required": _("Choose a routine."),
            },
            "start_date": {
                "invalid": _("Enter a date like 2026-03-02."),
                "required": _("Choose a date."),
            },
            "time": {"invalid": _("Enter a time like 07:30.")},
        }

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["routine"].queryset = user.routines.filter(is_archived=False)
        self.fields["routine"].empty_label = _("Choose a routine")
        self.fields["weekdays"].error_messages["invalid_choice"] = _(
            "Choose weekdays from Monday to Sunday."
        )
        self.instance.user = user

    def clean_weekdays(self):
        return "".join(sorted(set(self.cleaned_data["weekdays"])))


class RescheduleForm(forms.Form):
    new_date = forms.DateField(
        label=_("New date"),
        widget=DateInput,
        validators=[validate_plan_date],
        error_messages={"invalid": _("Enter a date like 2026-03-02.")},
    )
    new_time = forms.TimeField(
        label=_("New time (optional)"),
        widget=TimeInput,
        required=False,
        error_messages={"invalid": _("Enter a time like 07:30.")},
    )
