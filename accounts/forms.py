from django import forms
from django.utils.translation import gettext_lazy as _

from accounts.models import Profile, validate_time_zone
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
        ]
        field_classes = {"equipment": EquipmentChoiceField}
        widgets = {
            "time_zone": forms.TextInput(
                attrs={"list": "time-zones", "autocomplete": "off", "spellcheck": "false"}
            ),
            "weight_unit": forms.RadioSelect(attrs={"class": "choice-list"}),
            "training_at": forms.RadioSelect(attrs={"class": "choice-list"}),
            "equipment": forms.CheckboxSelectMultiple(attrs={"class": "choice-list"}),
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
            "reminders": _("An email on the mornings you have a session planned."),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["equipment"].queryset = Equipment.objects.order_by("name")
        self.fields["time_zone"].error_messages["required"] = _("Enter your time zone.")

    def clean(self):
        cleaned = super().clean()
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
