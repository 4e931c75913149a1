from django import forms
from django.db.models import Q
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from accounts import weights
from accounts.models import Profile
from exercises import dose
from exercises.models import Exercise, Kind
from midback.forms import PlainLabelsMixin
from routines.models import Routine, RoutineItem


class RoutineForm(PlainLabelsMixin, forms.ModelForm):
    class Meta:
        model = Routine
        fields = ["name", "purpose", "description"]
        widgets = {"description": forms.Textarea(attrs={"rows": 3})}
        error_messages = {"name": {"required": _("Give the routine a name.")}}


class PrescriptionForm(PlainLabelsMixin, forms.ModelForm):
    """One item's dose. The model's validators check the ranges (the database does too);
    the form only words their message plainly."""

    RANGE_MESSAGES = {
        "sets": format_lazy(_("Sets must be between 1 and {high}."), high=dose.MAX_SETS),
        "reps": format_lazy(_("Reps must be between 1 and {high}."), high=dose.MAX_REPS),
        "hold_seconds": format_lazy(
            _("A hold must be between 1 and {high} seconds (10 minutes at most)."),
            high=dose.MAX_HOLD_SECONDS,
        ),
        "rest_seconds": format_lazy(
            _("Rest must be between 0 and {high} seconds (10 minutes at most)."),
            high=dose.MAX_REST_SECONDS,
        ),
    }

    class Meta:
        model = RoutineItem
        fields = ["sets", "reps", "hold_seconds", "per_side", "weight", "rest_seconds"]

    def __init__(self, *args, weight_unit=Profile.WeightUnit.KG, **kwargs):
        super().__init__(*args, **kwargs)
        # Stored in kg; typed and shown in the person's unit.
        self.weight_unit = weight_unit
        self.fields["weight"] = weights.form_field(
            weight_unit,
            label=_("Weight (%(unit)s)") % {"unit": weight_unit},
            help_text=_("Leave empty for bodyweight."),
        )
        self.initial["weight"] = weights.weight_text(self.instance.weight, weight_unit)
        for name, message in self.RANGE_MESSAGES.items():
            field = self.fields[name]
            # One clear message for either end of the range, used for the model's validators
            # too; no min/max attributes, so the browser does not pre-empt it with its own.
            field.error_messages["min_value"] = field.error_messages["max_value"] = message
            field.widget.attrs.pop("min", None)
            field.widget.attrs.pop("max", None)
            field.widget.attrs["inputmode"] = "numeric"
            field.error_messages["invalid"] = _("Enter a whole number.")

    def clean_weight(self):
        return weights.kg_to_keep(
            self.cleaned_data.get("weight"), self.instance.weight, self.weight_unit
        )

    def clean(self):
        cleaned = super().clean()
        if (
            "reps" not in self.errors
            and "hold_seconds" not in self.errors
            and cleaned.get("reps") is None
            and cleaned.get("hold_seconds") is None
        ):
            raise forms.ValidationError(
                _("Give a number of reps, a hold time, or both."), code="no_dose"
            )
        return cleaned

    def validate_constraints(self):
        # clean() already said it plainly; the constraint's own message would only repeat it.
        if not self.has_error(forms.forms.NON_FIELD_ERRORS, "no_dose"):
            super().validate_constraints()


class AddItemForm(forms.Form):
    exercise = forms.ModelChoiceField(
        queryset=Exercise.objects.published(),
        error_messages={
            "required": _("Choose a movement to add."),
            "invalid_choice": _(
                "That movement is not in the library (it may have been removed). "
                "Choose another one from the list."
            ),
        },
    )


class MoveItemForm(forms.Form):
    direction = forms.ChoiceField(choices=[("up", _("Up")), ("down", _("Down"))])

    @property
    def offset(self):
        return -1 if self.cleaned_data["direction"] == "up" else 1


class ExercisePickerForm(PlainLabelsMixin, forms.Form):
    """Filters for the movement picker. By default it shows what the user's equipment allows."""

    q = forms.CharField(label=_("Search movements"), required=False, max_length=100)
    kind = forms.ChoiceField(
        label=_("Kind"), required=False, choices=[("", _("Any kind")), *Kind.choices]
    )
    all = forms.BooleanField(label=_("Show all movements, whatever they need"), required=False)

    LIMIT = 50

    def results(self, profile):
        self.is_valid()  # invalid filters are shown as errors and ignored
        data = self.cleaned_data
        exercises = Exercise.objects.published()
        if not data.get("all"):
            exercises = self.allowed_by(exercises, profile)
        if data.get("q"):
            exercises = exercises.search(data["q"])
        if data.get("kind"):
            exercises = exercises.of_kind(data["kind"])
        return exercises.with_equipment().order_by("name")[: self.LIMIT]

    @staticmethod
    def allowed_by(exercises, profile):
        if profile.training_at == Profile.Setting.HOME:
            return exercises.for_home()
        if profile.training_at == Profile.Setting.CUSTOM:
            return exercises.doable_with(Q(pk__in=profile.equipment.all()))
        return exercises  # at a gym: everything in the library
