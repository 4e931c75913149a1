import uuid
from datetime import datetime, timedelta

from django import forms
from django.core.exceptions import ValidationError
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from accounts import weights
from exercises import dose
from exercises.models import Exercise
from midback.forms import FormRenderer, PlainLabelsMixin
from routines.models import Routine
from workouts import body_map
from workouts.models import (
    MAX_SESSION_MINUTES,
    MAX_SETS,
    PAST_SESSION_DAYS,
    WORSE_WITH,
    PainNote,
    SessionExercise,
    SetLog,
)
from workouts.report import EARLIEST_YEAR, MAX_REPORT_DAYS


def fresh_key():
    return uuid.uuid4()


def range_messages(low, high, unit=""):
    text = _("Enter a number from %(low)s to %(high)s%(unit)s.") % {
        "low": low,
        "high": high,
        "unit": unit,
    }
    return {"min_value": text, "max_value": text, "invalid": text, "max_digits": text}


class SessionFormMixin(PlainLabelsMixin):
    """The session page's forms draw each field one way: templates/forms/field.html."""

    default_renderer = FormRenderer


class IdempotentForm(forms.Form):
    """A form that carries a fresh key for each submission, so a repeat saves nothing new."""

    idempotency_key = forms.UUIDField(
        widget=forms.HiddenInput,
        error_messages={
            "required": _("This form is out of date. Reload the page and try again."),
            "invalid": _("This form is out of date. Reload the page and try again."),
        },
    )

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("initial", {}).setdefault("idempotency_key", fresh_key())
        super().__init__(*args, **kwargs)


class StartForm(forms.Form):
    routine = forms.ModelChoiceField(queryset=Routine.objects.none(), required=False)
    schedule = forms.ModelChoiceField(queryset=None, required=False)
    date = forms.DateField(required=False)

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["routine"].queryset = Routine.objects.filter(
            Q(user=user) | Q(is_starter=True), is_archived=False
        )
        self.fields["schedule"].queryset = user.scheduled_sessions.all()


class SetForm(IdempotentForm):
    reps = forms.IntegerField(
        label=_("Reps"),
        required=False,
        min_value=0,
        max_value=dose.MAX_REPS,
        error_messages=range_messages(0, dose.MAX_REPS),
    )
    weight = weights.form_field(weights.KG, label=_("Weight"))
    hold_seconds = forms.IntegerField(
        label=_("Hold (seconds)"),
        required=False,
        min_value=0,
        max_value=dose.MAX_HOLD_SECONDS,
        error_messages=range_messages(0, dose.MAX_HOLD_SECONDS, _(" seconds")),
    )
    side = forms.ChoiceField(
        label=_("Side"), choices=SetLog.Side.choices, required=False, widget=forms.RadioSelect
    )
    rpe = forms.IntegerField(
        label=_("Effort (RPE 1-10)"),
        required=False,
        min_value=1,
        max_value=10,
        error_messages=range_messages(1, 10),
    )
    note = forms.CharField(label=_("Note"), required=False, max_length=500)

    def __init__(self, *args, weight_unit=weights.KG, known_weights=(), **kwargs):
        super().__init__(*args, **kwargs)
        # Typed in the person's unit, stored in kg; a value that reads as a known weight (the
        # plan, last time) is stored as exactly that weight.
        self.weight_unit = weight_unit
        self.known_weights = known_weights
        self.fields["weight"] = weights.form_field(weight_unit, label=_("Weight"))

    def clean(self):
        data = super().clean()
        if not self.errors and data.get("reps") is None and data.get("hold_seconds") is None:
            raise forms.ValidationError(_("Enter the reps or the hold time."))
        return data

    def set_values(self):
        data = self.cleaned_data
        return {name: data[name] for name in ("reps", "hold_seconds", "side", "rpe")} | {
            "weight": weights.kg_to_keep(
                data["weight"], None, self.weight_unit, self.known_weights
            ),
            "note": data["note"].strip(),
        }


class SetEditForm(SessionFormMixin, SetForm):
    """A logged set, changed in place; a warm-up counts toward nothing."""

    is_warmup = forms.BooleanField(label=_("Warm-up set"), required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # An edit names its set, so a resend changes nothing twice; the key may be left out.
        self.fields["idempotency_key"].required = False

    def set_values(self):
        return super().set_values() | {"is_warmup": self.cleaned_data["is_warmup"]}


class PlanSetsForm(forms.Form):
    count = forms.IntegerField(
        min_value=1, max_value=MAX_SETS, error_messages=range_messages(1, MAX_SETS)
    )


class MoveForm(forms.Form):
    position = forms.IntegerField(min_value=0, max_value=100)


class SearchForm(forms.Form):
    q = forms.CharField(label=_("Find a movement"), required=False, max_length=80)


class PastSessionForm(SessionFormMixin, forms.Form):
    """A session done without the phone: when it started, then logged like any other."""

    routine = forms.ModelChoiceField(
        label=_("Routine"),
        queryset=Routine.objects.none(),
        required=False,
        empty_label=_("No routine: add movements yourself"),
        error_messages={"invalid_choice": _("Choose a routine from the list.")},
    )
    day = forms.DateField(
        label=_("Date"),
        widget=forms.DateInput(attrs={"type": "date"}),
        error_messages={"required": _("Enter the date."), "invalid": _("Enter a date.")},
    )
    time = forms.TimeField(
        label=_("Start time"),
        widget=forms.TimeInput(attrs={"type": "time"}, format="%H:%M"),
        error_messages={"required": _("Enter the time."), "invalid": _("Enter a time.")},
    )

    def __init__(self, *args, user, zone, **kwargs):
        super().__init__(*args, **kwargs)
        self.zone = zone
        self.fields["routine"].queryset = Routine.objects.filter(
            Q(user=user) | Q(is_starter=True), is_archived=False
        ).order_by("is_starter", "name", "pk")

    def clean(self):
        data = super().clean()
        if self.errors:
            return data
        started = timezone.make_aware(datetime.combine(data["day"], data["time"]), self.zone)
        now = timezone.now()
        if started > now:
            raise forms.ValidationError(_("That time is still to come: pick one in the past."))
        if started < now - timedelta(days=PAST_SESSION_DAYS):
            raise forms.ValidationError(_("Pick a date within the last year."))
        data["started_at"] = started
        return data


class UndoForm(forms.Form):
    """Names the set an undo removes, so a repeat cannot remove the one before it."""

    set = forms.IntegerField(widget=forms.HiddenInput, min_value=1)


class SkipForm(forms.Form):
    reason = forms.ChoiceField(
        label=_("Why?"), choices=SessionExercise.SkipReason.choices, widget=forms.RadioSelect
    )


class SwapForm(SkipForm):
    exercise = forms.ModelChoiceField(
        label=_("Instead do"),
        queryset=Exercise.objects.published(),
        error_messages={"invalid_choice": _("Choose a movement from the list.")},
    )


class AddExerciseForm(forms.Form):
    exercise = forms.ModelChoiceField(
        label=_("Movement"),
        queryset=Exercise.objects.published(),
        error_messages={"invalid_choice": _("Choose a movement from the list.")},
    )


class RatingForm(forms.Form):
    moment = forms.ChoiceField(
        choices=[("before", _("Before")), ("after", _("After"))], widget=forms.HiddenInput
    )
    rating = forms.IntegerField(min_value=0, max_value=10, error_messages=range_messages(0, 10))


# How far a note's time may be from now: a phone's clock a little ahead, a diary a month back.
NOTED_AT_SLACK = timedelta(minutes=5)
NOTED_AT_REACH = timedelta(days=30)


class AreasField(forms.MultipleChoiceField):
    widget = forms.CheckboxSelectMultiple

    def __init__(self, **kwargs):
        super().__init__(choices=body_map.AREA_CHOICES, **kwargs)

    def clean(self, value):
        return body_map.in_order(super().clean(value))


class PainNoteForm(IdempotentForm, forms.ModelForm):
    intensity = forms.IntegerField(
        label=_("How strong (0-10)"),
        min_value=0,
        max_value=10,
        error_messages=range_messages(0, 10) | {"required": _("Choose how strong it is.")},
        widget=forms.RadioSelect(choices=[(n, n) for n in range(11)]),
    )
    areas = AreasField(
        label=_("Where do you feel it?"),
        error_messages={
            "required": _("Choose where you feel it."),
            "invalid_choice": _("Choose where you feel it from the list."),
        },
    )
    worse_with = forms.MultipleChoiceField(
        label=_("What made it worse? (optional)"),
        choices=WORSE_WITH,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        error_messages={"invalid_choice": _("Choose what made it worse from the list.")},
    )

    # What "same as last time" copies: the timing is the page's, the words are today's.
    SAME_FIELDS = ("intensity", "areas", "kind", "after_fall", "worse_with")

    class Meta:
        model = PainNote
        fields = ["intensity", "areas", "kind", "timing", "after_fall", "worse_with", "text"]
        widgets = {
            "kind": forms.RadioSelect,
            "timing": forms.RadioSelect,
            "text": forms.Textarea(attrs={"rows": 3}),
        }
        error_messages = {
            "kind": {"required": _("Choose what it feels like.")},
        }

    def __init__(self, *args, timings=None, last_note=None, when=False, **kwargs):
        super().__init__(*args, **kwargs)
        self.last_note = last_note
        if when:
            # A note outside a session may be about earlier today or the last days.
            self.fields["noted_at"] = forms.DateTimeField(
                label=_("When (leave as is for now)"),
                required=False,
                widget=forms.DateTimeInput(
                    attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"
                ),
                error_messages={"invalid": _("Enter a date and time, or leave it empty.")},
            )
        # Radio groups without an empty "------" option.
        for name in ("kind", "timing"):
            self.fields[name].choices = PainNote._meta.get_field(name).choices
        if timings is not None:
            self.fields["timing"].choices = [
                choice for choice in PainNote.Timing.choices if choice[0] in timings
            ]
            if len(timings) == 1:
                self.fields["timing"].initial = timings[0]
                self.fields["timing"].widget = forms.HiddenInput()
                # Fixed by the page, whatever the request says.
                self.fields["timing"].disabled = True

    @classmethod
    def same_as(cls, note, data, **kwargs):
        """A bound form repeating `note`, carrying this submission's key and timing."""
        values = {name: getattr(note, name) for name in cls.SAME_FIELDS}
        copied = {
            "idempotency_key": data.get("idempotency_key", ""),
            "timing": data.get("timing", ""),
            "intensity": values["intensity"],
            "areas": values["areas"],
            "kind": values["kind"],
            "worse_with": values["worse_with"],
        }
        if values["after_fall"]:
            copied["after_fall"] = "on"
        return cls(copied, **kwargs)

    def clean_noted_at(self):
        noted_at = self.cleaned_data.get("noted_at")
        if noted_at is None:
            return None
        now = timezone.now()
        if noted_at > now + NOTED_AT_SLACK:
            raise forms.ValidationError(_("That time is still to come: enter a time up to now."))
        if noted_at < now - NOTED_AT_REACH:
            raise forms.ValidationError(_("Enter a time in the last 30 days."))
        return min(noted_at, now)

    def note_values(self):
        values = {name: self.cleaned_data[name] for name in self.Meta.fields}
        if self.cleaned_data.get("noted_at"):
            values["noted_at"] = self.cleaned_data["noted_at"]
        return values


class CheckInForm(forms.Form):
    rating = forms.IntegerField(
        label=_("How is your back today? 0 is no pain, 10 the worst"),
        min_value=0,
        max_value=10,
        error_messages=dict.fromkeys(
            ("required", "invalid", "min_value", "max_value"), _("Choose a number from 0 to 10.")
        ),
    )


class CheckInAreasForm(forms.Form):
    areas = AreasField(
        label=_("Where? (optional)"),
        required=False,
        error_messages={"invalid_choice": _("Choose where you feel it from the list.")},
    )


class FinishForm(SessionFormMixin, forms.Form):
    minutes = forms.IntegerField(
        label=_("Duration (minutes)"),
        min_value=0,
        max_value=MAX_SESSION_MINUTES,
        error_messages=range_messages(0, MAX_SESSION_MINUTES, _(" minutes")),
    )
    feeling = forms.TypedChoiceField(
        label=_("How did it feel overall?"),
        choices=[
            (1, _("1 · Very hard")),
            (2, _("2 · Hard")),
            (3, _("3 · OK")),
            (4, _("4 · Good")),
            (5, _("5 · Great")),
        ],
        coerce=int,
        required=False,
        empty_value=None,
        widget=forms.RadioSelect,
    )
    notes = forms.CharField(
        label=_("Notes"), required=False, max_length=4000, widget=forms.Textarea(attrs={"rows": 3})
    )


class ReportForm(forms.Form):
    start = forms.DateField(label=_("From"), widget=forms.DateInput(attrs={"type": "date"}))
    end = forms.DateField(label=_("To"), widget=forms.DateInput(attrs={"type": "date"}))

    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get("start"), cleaned.get("end")
        latest_year = timezone.localdate().year + 1
        for name in ("start", "end"):
            day = cleaned.get(name)
            if day and not EARLIEST_YEAR <= day.year <= latest_year:
                self.add_error(
                    name,
                    _("Choose a date between %(first)s and %(last)s.")
                    % {"first": EARLIEST_YEAR, "last": latest_year},
                )
        if start and end and "start" not in self.errors and "end" not in self.errors:
            if end < start:
                raise ValidationError(
                    _("The end date is before the start date."), code="end_before_start"
                )
            if (end - start).days > MAX_REPORT_DAYS:
                raise ValidationError(
                    _("Choose at most two years for one report."), code="range_too_long"
                )
        return cleaned


class PeriodForm(forms.Form):
    WEEKS = [(4, _("4 weeks")), (12, _("12 weeks")), (26, _("6 months")), (52, _("1 year"))]

    weeks = forms.TypedChoiceField(
        label=_("Show the last"), choices=WEEKS, coerce=int, initial=12, required=False
    )

    def chosen_weeks(self):
        if self.is_valid() and self.cleaned_data.get("weeks"):
            return self.cleaned_data["weeks"]
        return 12
