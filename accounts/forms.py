from django import forms
from django.utils.translation import gettext_lazy as _

from accounts.models import DAY_NAMES, Profile, days_from_mask, mask_from_days, validate_time_zone
from exercises.models import Equipment
from midback.forms import PlainLabelsMixin
from midback.validators import parse_id


class SignUpExtraForm(forms.Form):
    """What our sign-up adds to allauth's (ACCOUNT_SIGNUP_FORM_CLASS): the browser's time zone
    and the profile with the home equipment preset."""

    # Filled in by accounts.js from the browser; without JavaScript the zone stays UTC and
    # can be changed in settings.
    time_zone = forms.CharField(
        required=False, widget=forms.HiddenInput(attrs={"data-browser-time-zone": ""})
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name, help_text in {
            "username": _("Up to 150 letters, digits and the signs @ . + - _ (no spaces)."),
            "email": _(
                "For confirming it is you, resetting your password and, if you want them, "
                "reminders. We send a link to confirm it."
            ),
        }.items():
            if name in self.fields:
                self.fields[name].help_text = help_text
        if "password2" in self.fields:
            self.fields["password2"].label = _("Password again")

    def clean_time_zone(self):
        # A zone the browser reports but we do not know is dropped, not shown as an error:
        # the person never saw this field.
        time_zone = self.cleaned_data["time_zone"]
        try:
            validate_time_zone(time_zone)
        except forms.ValidationError:
            return ""
        return time_zone

    def signup(self, request, user):
        profile = Profile.for_user(user)
        profile.apply_training_preset()
        if self.cleaned_data["time_zone"]:
            profile.time_zone = self.cleaned_data["time_zone"]
            profile.save(update_fields=["time_zone"])


class EquipmentChoiceField(forms.ModelMultipleChoiceField):
    # Ids beyond a 64-bit integer overflow SQLite's driver before the query runs, and "²"
    # passes isdigit() but not int(): refuse them with the field's own "not a valid choice".
    def _check_values(self, value):
        for pk in value:
            if parse_id(pk) is None:
                raise forms.ValidationError(
                    self.error_messages["invalid_choice"],
                    code="invalid_choice",
                    params={"value": pk},
                )
        return super()._check_values(value)


class DaysField(forms.TypedMultipleChoiceField):
    """Weekday checkboxes, stored as the profile's bit mask of days."""

    widget = forms.CheckboxSelectMultiple(attrs={"class": "choice-list day-list"})

    def __init__(self, **kwargs):
        kwargs.pop("max_value", None)
        kwargs.pop("min_value", None)
        kwargs.pop("step_size", None)
        super().__init__(
            choices=[(n, name) for n, name in enumerate(DAY_NAMES)], coerce=int, **kwargs
        )

    def prepare_value(self, value):
        return days_from_mask(value) if isinstance(value, int) else value

    def clean(self, value):
        return mask_from_days(super().clean(value))


TIME_INPUT = forms.TimeInput(attrs={"type": "time", "step": 900}, format="%H:%M")


class SettingsForm(PlainLabelsMixin, forms.ModelForm):
    weekly_target = forms.IntegerField(
        label=_("Sessions a week"),
        min_value=1,
        max_value=7,
        help_text=_("Two or three sessions a week suits most people."),
        widget=forms.NumberInput(attrs={"inputmode": "numeric"}),
    )

    class Meta:
        model = Profile
        fields = [
            "time_zone",
            "weight_unit",
            "weekly_target",
            "training_at",
            "equipment",
            "reminders",
            "reminder_time",
            "reminder_days",
            "check_in_reminders",
            "check_in_time",
            "check_in_days",
        ]
        field_classes = {
            "equipment": EquipmentChoiceField,
            "reminder_days": DaysField,
            "check_in_days": DaysField,
        }
        labels = {
            "reminders": _("Email me on days with a session planned"),
            "reminder_time": _("At"),
            "reminder_days": _("On"),
            "check_in_reminders": _("Email me a reminder to check in"),
            "check_in_time": _("At"),
            "check_in_days": _("On"),
        }
        widgets = {
            "time_zone": forms.TextInput(
                attrs={"list": "time-zones", "autocomplete": "off", "spellcheck": "false"}
            ),
            "weight_unit": forms.RadioSelect(attrs={"class": "choice-list"}),
            "training_at": forms.RadioSelect(attrs={"class": "choice-list"}),
            "equipment": forms.CheckboxSelectMultiple(attrs={"class": "choice-list"}),
            "reminder_time": TIME_INPUT,
            "check_in_time": TIME_INPUT,
        }
        help_texts = {
            "time_zone": _("A city name such as Europe/Berlin. “Today” follows this zone."),
            "weight_unit": _(
                "How weights are shown and typed. Everything you logged is converted: "
                "22.5 kg shows as 49.6 lb."
            ),
            "training_at": _(
                "At home and at a gym fill in the equipment for you; pick “My own list” to "
                "tick exactly what you have."
            ),
            "reminders": _(
                "Sessions already done or skipped that day are left out; no sessions, no email."
            ),
            "reminder_time": _("Your own time, in the time zone above."),
            "check_in_reminders": _("Not sent on days you have already checked in."),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["equipment"].queryset = Equipment.objects.order_by("name")
        self.fields["time_zone"].error_messages["required"] = _("Enter your time zone.")
        for name in ("reminder_time", "check_in_time"):
            # Left out of a post, a time stays as it was.
            self.fields[name].required = False
            self.fields[name].error_messages |= {
                "required": _("Enter a time such as 07:30."),
                "invalid": _("Enter a time such as 07:30."),
            }
        for name in ("reminder_days", "check_in_days"):
            self.fields[name].required = False

    def clean_reminder_time(self):
        return self.cleaned_data["reminder_time"] or self.instance.reminder_time

    def clean_check_in_time(self):
        return self.cleaned_data["check_in_time"] or self.instance.check_in_time

    def clean(self):
        cleaned = super().clean()
        for switch, days in (
            ("reminders", "reminder_days"),
            ("check_in_reminders", "check_in_days"),
        ):
            if cleaned.get(switch) and cleaned.get(days) == 0:
                self.add_error(days, _("Choose at least one day, or switch this reminder off."))
        preset = Profile.preset_equipment(cleaned.get("training_at"))
        if preset is not None:
            cleaned["equipment"] = preset
        return cleaned


class DeleteAccountForm(PlainLabelsMixin, forms.Form):
    confirm = forms.BooleanField(
        label=_(
            "I understand that my routines, plan, sessions and pain notes are deleted for good."
        ),
        error_messages={"required": _("Tick the box to confirm, or keep your account.")},
    )
