"""Weights are stored in kilograms only; a person sees and types them in their own unit.

Stored kilograms keep 4 decimal places, so a weight typed in pounds comes back exactly as typed
(50 lb is 22.6796 kg, shown again as 50 lb), and a weight shown in the other unit and saved
unchanged keeps its stored value: switching the unit back and forth never drifts.
"""

from decimal import ROUND_DOWN, ROUND_HALF_UP, Decimal, InvalidOperation
from itertools import chain

from django import forms
from django.utils.translation import gettext as _

KG = "kg"
LB = "lb"
KG_PER_LB = Decimal("0.45359237")  # exact, by definition

MAX_KG = Decimal(1000)
STORED_DIGITS = 8  # digits of every weight column: up to 9999.9999
STORED_PLACES = 4  # its decimal places
STORED = Decimal(1).scaleb(-STORED_PLACES)
# What a person can type and sees: 22.25 kg, 49.6 lb.
INPUT_PLACES = {KG: 2, LB: 1}
# The steps of the +/- buttons and of progression advice.
STEP = {KG: Decimal("2.5"), LB: Decimal("5")}


def places_in(unit):
    return INPUT_PLACES.get(unit, INPUT_PLACES[KG])


def to_kg(value, unit):
    """A weight typed in `unit`, in stored kilograms (None stays None)."""
    if value is None:
        return None
    value = Decimal(value)
    kg = value * KG_PER_LB if unit == LB else value
    return kg.quantize(STORED, rounding=ROUND_HALF_UP)


def from_kg(kg, unit):
    """Stored kilograms in `unit`, rounded to what a person types in that unit."""
    if kg is None:
        return None
    kg = Decimal(kg)
    value = kg / KG_PER_LB if unit == LB else kg
    return value.quantize(Decimal(1).scaleb(-places_in(unit)), rounding=ROUND_HALF_UP)


def plain(number, places=2):
    """A number as people read it, to at most `places` decimals, without trailing zeros or an
    exponent: 22.5, 40, 0, 1.25 (never 4E+1 or 0.00). Every weight, volume and amount shown
    goes through here."""
    value = Decimal(str(number)).quantize(Decimal(1).scaleb(-places))
    text = f"{value.normalize():f}"
    return "0" if text in ("-0", "") else text


def weight_text(kg, unit):
    """Stored kilograms as a person reads them in `unit` ("22.5", "49.6"), "" when None."""
    if kg is None or kg == "":
        return ""
    try:
        return plain(from_kg(kg, unit))
    except (InvalidOperation, TypeError, ValueError):
        return ""


def max_in(unit):
    """The heaviest weight allowed, in `unit`, rounded down so that it stays allowed."""
    value = MAX_KG / KG_PER_LB if unit == LB else MAX_KG
    return value.quantize(Decimal(1).scaleb(-places_in(unit)), rounding=ROUND_DOWN)


def step_text(unit):
    return plain(STEP.get(unit, STEP[KG]))


def kg_to_keep(typed, stored_kg, unit, known=()):
    """The kilograms to store for a typed value. When it reads the same as a weight already
    stored (the value being edited, or `known` ones such as the plan and last time), that
    weight is kept: 22.5 kg shown as 49.6 lb and saved as shown stays 22.5 kg, not 22.4982."""
    if typed is None:
        return None
    for kg in chain((stored_kg,), known):  # `known` may be lazy: read only as far as needed
        if kg is not None and from_kg(kg, unit) == Decimal(typed):
            return Decimal(kg).quantize(STORED)
    return to_kg(typed, unit)


class WeightField(forms.DecimalField):
    """Accepts 22,5 as well as 22.5: phones in many languages offer only a comma."""

    def to_python(self, value):
        if isinstance(value, str):
            value = value.strip().replace(",", ".")
        return super().to_python(value)


def form_field(unit, **kwargs):
    """A field for a weight typed in `unit`. It cleans to the typed value, still in `unit`:
    the form converts it with kg_to_keep, which knows the stored value."""
    highest = plain(max_in(unit))
    places = places_in(unit)
    message = _("Enter a weight from 0 to %(high)s %(unit)s.") % {"high": highest, "unit": unit}
    field = WeightField(
        required=False,
        min_value=0,
        max_value=max_in(unit),
        decimal_places=places,
        error_messages={
            "invalid": message,
            "min_value": message,
            "max_value": message,
            "max_digits": message,
            "max_whole_digits": message,
            "max_decimal_places": _("Use at most %(places)s decimal places for %(unit)s.")
            % {"places": places, "unit": unit}
            if places > 1
            else _("Use at most 1 decimal place for %(unit)s.") % {"unit": unit},
        },
        **kwargs,
    )
    # One clear message from the server instead of the browser's own for min, max and step.
    for name in ("min", "max", "step"):
        field.widget.attrs.pop(name, None)
    field.widget.attrs["inputmode"] = "decimal"
    return field
