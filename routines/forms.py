from django import forms
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from accounts import weights
from accounts.models import Profile
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
    """One item's dose, with plain range messages (the database checks the ranges too)."""

    RANGES = {
        # field: (lowest, highest, message)
        "sets": (1, 10, _("Sets must be between 1 and 10.")),
        "reps": (1, 100, _("Reps must be between 1 and 100.")),
        "hold_seconds": (
            1,
            600,
            _("A hold must be between 1 and 600 seconds (10 minutes at most)."),
        ),
        "rest_seconds": (
            0,
            600,
            _("Rest must be between 0 and 600 seconds (10 minutes at most)."),
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
        for name in self.RANGES:
            field = self.fields[name]
            # One clear message from clean_<field>, instead of the generic validator messages;
            # no min/max attributes either, so the browser does not pre-empt it with its own.
            field.validators = []
            field.widget.attrs.pop("min", None)
            field.widget.attrs.pop("max", None)
            field.widget.attrs["inputmode"] = "numeric"
            field.error_messages["invalid"] = _("Enter a whole number.")

    def _clean_range(self, name):
        value = self.cleaned_data.get(name)
        low, high, message = self.RANGES[name]
        if value is not None and not low <= value <= high:
            raise forms.ValidationError(message, code="out_of_range")
        return value

    def clean_sets(self):
        return self._clean_range("sets")

    def clean_reps(self):
        return self._clean_range("reps")

    def clean_hold_seconds(self):
        return self._clean_range("hold_seconds")

    def clean_weight(self):
        return weights.kg_to_keep(
            self.cleaned_data.get("weight"), self.instance.weight, self.weight_unit
        )

    def clean_rest_seconds(self):
        return self._clean_range("rest_seconds")

    def clean(self):
        cleaned = super().clean()
        if (
            "reps" not in self.errors
            and "hold_seconds" not in self.errors
            and not cleaned.get("reps")
            and not cleaned.get("hold_seconds")
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
