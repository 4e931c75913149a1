from decimal import Decimal

import pytest
from django.template import Context, Template

from accounts import weights


@pytest.mark.parametrize(
    ("typed", "unit", "kg"),
    [
        ("22.5", "kg", Decimal("22.5000")),
        ("50", "lb", Decimal("22.6796")),
        ("5", "lb", Decimal("2.2680")),
        ("0", "lb", Decimal("0.0000")),
        ("0.5", "lb", Decimal("0.2268")),
    ],
)
def test_to_kg_converts_to_four_places(typed, unit, kg):
    assert weights.to_kg(Decimal(typed), unit) == kg


@pytest.mark.parametrize("typed", ["0", "0.5", "2.5", "5", "49.6", "50", "102.3", "2204.6"])
def test_a_weight_typed_in_pounds_comes_back_exactly(typed):
    assert weights.weight_text(weights.to_kg(Decimal(typed), "lb"), "lb") == typed


@pytest.mark.parametrize("typed", ["0", "0.25", "1.25", "22.5", "40", "999.99", "1000"])
def test_a_weight_typed_in_kg_comes_back_exactly(typed):
    assert weights.weight_text(weights.to_kg(Decimal(typed), "kg"), "kg") == typed


def test_kg_shown_in_pounds_is_rounded_to_a_tenth():
    assert weights.weight_text(Decimal("22.5"), "lb") == "49.6"
    assert weights.weight_text(Decimal("20"), "lb") == "44.1"
    assert weights.weight_text(Decimal("0"), "lb") == "0"
    assert weights.weight_text(None, "lb") == ""


def test_saving_the_shown_pounds_unchanged_keeps_the_stored_kg():
    stored = Decimal("22.5000")

    assert weights.kg_to_keep(Decimal("49.6"), stored, "lb") == stored
    # A real change is converted.
    assert weights.kg_to_keep(Decimal("50"), stored, "lb") == Decimal("22.6796")
    assert weights.kg_to_keep(None, stored, "lb") is None


def test_the_heaviest_weight_is_the_same_in_both_units():
    assert weights.max_in("kg") == Decimal("1000.00")
    assert weights.max_in("lb") == Decimal("2204.6")
    assert weights.to_kg(weights.max_in("lb"), "lb") <= weights.MAX_KG


def test_steps_are_two_and_a_half_kg_or_five_pounds():
    assert weights.step_text("kg") == "2.5"
    assert weights.step_text("lb") == "5"


def render(source, **context):
    return Template("{% load weights %}" + source).render(Context(context))


def test_the_weight_filter_converts_for_the_unit():
    assert render("{{ w|weight:'kg' }}", w=Decimal("22.5000")) == "22.5"
    assert render("{{ w|weight:'lb' }}", w=Decimal("22.5000")) == "49.6"
    assert render("{{ w|weight:'lb' }}", w=None) == ""


def test_recorded_shows_zero_as_zero_and_nothing_as_not_recorded():
    assert render("{{ n|recorded }}", n=0) == "0"
    assert render("{{ w|weight:'kg'|recorded }}", w=Decimal("0")) == "0"
    missing = render("{{ n|recorded }}", n=None)
    assert '<span aria-hidden="true">–</span>' in missing
    assert '<span class="visually-hidden">not recorded</span>' in missing
