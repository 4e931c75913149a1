"""The routine page: a builder for the items, with a movement picker and inline edits."""

from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils.html import strip_tags

from accounts.models import Profile
from exercises.models import Equipment, Kind
from routines.models import Purpose, RoutineItem
from tests.factories import (
    EquipmentFactory,
    ExerciseFactory,
    RoutineFactory,
    RoutineItemFactory,
)

pytestmark = pytest.mark.django_db

HTMX = {"HTTP_HX_REQUEST": "true"}


@pytest.fixture
def routine(user):
    return RoutineFactory(user=user, name="Gym day", purpose=Purpose.STRENGTH)


@pytest.fixture
def three_items(routine):
    return [
        RoutineItemFactory(routine=routine, position=position, exercise=ExerciseFactory(name=name))
        for position, name in enumerate(["Alpha row", "Bravo fly", "Charlie pull"])
    ]


def names_in_order(routine):
    return list(routine.items.order_by("position").values_list("exercise__name", flat=True))


def positions(routine):
    return list(routine.items.order_by("position").values_list("position", flat=True))


def item_url(name, item):
    return reverse(f"routines:{name}", args=[item.routine_id, item.pk])


# The page ----------------------------------------------------------------------------------


def test_it_shows_the_items_in_order_with_their_prescription(client, user, routine):
    RoutineItemFactory(
        routine=routine,
        position=1,
        exercise=ExerciseFactory(name="Second thing"),
        sets=2,
        reps=None,
        hold_seconds=30,
        per_side=True,
    )
    RoutineItemFactory(
        routine=routine,
        position=0,
        exercise=ExerciseFactory(name="First thing"),
        sets=3,
        reps=10,
        weight=Decimal("22.50"),
    )
    Profile.objects.update_or_create(user=user, defaults={"weight_unit": "lb"})
    client.force_login(user)

    response = client.get(reverse("routines:detail", args=[routine.pk]))

    assert response.status_code == 200
    html = response.content.decode()
    assert html.index("First thing") < html.index("Second thing")
    # 22.5 kg stored, shown converted: 49.6 lb (never relabelled "22.5 lb").
    assert "3 × 10 reps · 49.6 lb · rest 60 s" in strip_tags(html)
    assert "2 × hold 30 s each side" in html
    assert "Weight (lb)" in html


def test_it_gives_404_for_another_users_routine(client, user, other_user):
    theirs = RoutineFactory(user=other_user)
    client.force_login(user)

    assert client.get(reverse("routines:detail", args=[theirs.pk])).status_code == 404


def test_it_gives_404_for_a_starter(client, user):
    starter = RoutineFactory(user=None, is_starter=True)
    client.force_login(user)

    assert client.get(reverse("routines:detail", args=[starter.pk])).status_code == 404


def test_it_sends_visitors_to_log_in(client, routine):
    response = client.get(reverse("routines:detail", args=[routine.pk]))

    assert response.status_code == 302
    assert response.url.startswith(reverse("login"))


def test_the_page_takes_a_fixed_number_of_queries_with_30_items(
    client, user, routine, django_assert_num_queries
):
    for position in range(30):
        RoutineItemFactory(routine=routine, position=position)
    client.force_login(user)
    client.get(reverse("routines:detail", args=[routine.pk]))  # warm up: creates the profile

    # session, user, routine, profile, items with their movements, picker results and their
    # equipment
    with django_assert_num_queries(7):
        response = client.get(reverse("routines:detail", args=[routine.pk]))

    assert len(response.context["items"]) == 30


# The picker --------------------------------------------------------------------------------


def test_the_picker_defaults_to_what_home_equipment_allows(client, user, routine):
    band = EquipmentFactory(name="Test band", slug="test-band", at_home=True)
    cable = EquipmentFactory(name="Test cable", slug="test-cable", at_home=False)
    with_band = ExerciseFactory(name="Zz band pull")
    with_band.equipment.add(band)
    ExerciseFactory(name="Zz floor thing")
    at_gym = ExerciseFactory(name="Zz cable pull")
    at_gym.equipment.add(cable)
    ExerciseFactory(name="Zz hidden draft", is_published=False)
    Profile.objects.update_or_create(user=user, defaults={"training_at": "home"})
    client.force_login(user)

    response = client.get(reverse("routines:detail", args=[routine.pk]), {"q": "Zz"})

    names = [exercise.name for exercise in response.context["exercises"]]
    assert names == ["Zz band pull", "Zz floor thing"]


def test_the_picker_offers_a_movement_only_when_one_option_is_all_there(client, user, routine):
    profile, _ = Profile.objects.update_or_create(user=user, defaults={"training_at": "custom"})
    profile.equipment.set(Equipment.objects.filter(slug__in=["dumbbells", "resistance-band"]))
    client.force_login(user)

    response = client.get(reverse("routines:detail", args=[routine.pk]))

    offered = {exercise.slug for exercise in response.context["exercises"]}
    assert "face-pull" in offered  # the band will do
    assert "reverse-fly" not in offered  # dumbbells, but no incline bench
    assert "Cable machine and rope attachment, or resistance band" in response.text
    assert 'for="id_q">Search movements</label>' in response.text  # no stray colon


def test_the_picker_shows_all_published_movements_when_asked(client, user, routine):
    cable = EquipmentFactory(name="Test cable", slug="test-cable", at_home=False)
    ExerciseFactory(name="Zz floor thing")
    ExerciseFactory(name="Zz cable pull").equipment.add(cable)
    ExerciseFactory(name="Zz hidden draft", is_published=False)
    Profile.objects.update_or_create(user=user, defaults={"training_at": "home"})
    client.force_login(user)

    response = client.get(reverse("routines:detail", args=[routine.pk]), {"q": "Zz", "all": "on"})

    names = [exercise.name for exercise in response.context["exercises"]]
    assert names == ["Zz cable pull", "Zz floor thing"]


def test_the_picker_follows_my_own_equipment_list(client, user, routine):
    bar = EquipmentFactory(name="Test bar", slug="test-bar")
    cable = EquipmentFactory(name="Test cable", slug="test-cable")
    ExerciseFactory(name="Zz bar hang").equipment.add(bar)
    ExerciseFactory(name="Zz cable pull").equipment.add(cable)
    profile, _ = Profile.objects.update_or_create(user=user, defaults={"training_at": "custom"})
    profile.equipment.set([bar])
    client.force_login(user)

    response = client.get(reverse("routines:detail", args=[routine.pk]), {"q": "Zz"})

    assert [exercise.name for exercise in response.context["exercises"]] == ["Zz bar hang"]


def test_the_picker_filters_by_kind_and_text(client, user, routine):
    ExerciseFactory(
        name="Zz twist", kind=Kind.MOBILITY, hold_seconds=20, reps_min=None, reps_max=None
    )
    ExerciseFactory(name="Zz row", kind=Kind.STRENGTH)
    client.force_login(user)

    response = client.get(
        reverse("routines:detail", args=[routine.pk]), {"q": "zz", "kind": Kind.MOBILITY}
    )

    assert [exercise.name for exercise in response.context["exercises"]] == ["Zz twist"]


def test_the_picker_returns_only_its_results_for_htmx(client, user, routine, three_items):
    ExerciseFactory(name="Zz row")
    client.force_login(user)

    response = client.get(
        reverse("routines:detail", args=[routine.pk]), {"q": "Zz", "all": "on"}, **HTMX
    )

    assert response.status_code == 200
    assert response.content.lstrip().startswith(b'<div id="picker-results"')
    assert b"Zz row" in response.content
    assert b"Alpha row" not in response.content  # not the items
    assert "HX-Request" in response["Vary"]


def test_the_picker_ignores_a_bad_kind_and_says_so(client, user, routine):
    client.force_login(user)

    response = client.get(reverse("routines:detail", args=[routine.pk]), {"kind": "yoga"})

    assert response.status_code == 200
    assert b"Select a valid choice" in response.content


# Adding ------------------------------------------------------------------------------------


def test_add_appends_the_movement_with_its_defaults(client, user, routine, three_items):
    exercise = ExerciseFactory(
        name="Zz twist", sets=2, reps_min=None, reps_max=None, hold_seconds=25, per_side=True
    )
    exercise.rest_seconds = 30
    exercise.save()
    client.force_login(user)

    response = client.post(
        reverse("routines:add_item", args=[routine.pk]), {"exercise": exercise.pk}
    )

    item = routine.items.get(exercise=exercise)
    assert response.status_code == 302
    assert response.url == reverse("routines:detail", args=[routine.pk]) + f"#item-{item.pk}"
    assert (item.sets, item.reps, item.hold_seconds, item.per_side, item.rest_seconds) == (
        2,
        None,
        25,
        True,
        30,
    )
    assert item.weight is None
    assert names_in_order(routine)[-1] == "Zz twist"
    assert positions(routine) == [0, 1, 2, 3]


def test_add_starts_a_rep_range_at_its_low_end(client, user, routine):
    exercise = ExerciseFactory(reps_min=8, reps_max=12)
    client.force_login(user)

    client.post(reverse("routines:add_item", args=[routine.pk]), {"exercise": exercise.pk})

    assert routine.items.get().reps == 8


def test_add_with_htmx_returns_the_items_with_the_new_one(client, user, routine, three_items):
    exercise = ExerciseFactory(name="Zz row")
    client.force_login(user)

    response = client.post(
        reverse("routines:add_item", args=[routine.pk]), {"exercise": exercise.pk}, **HTMX
    )

    assert response.status_code == 200
    assert response.content.lstrip().startswith(b'<section id="routine-items"')
    assert b"<h1>" not in response.content
    assert b"Zz row" in response.content
    assert b"Added Zz row as number 4." in response.content


def test_the_notice_is_also_said_beside_the_picker_only_in_a_fragment(client, user, routine):
    exercise = ExerciseFactory(name="Zz row")
    client.force_login(user)
    url = reverse("routines:add_item", args=[routine.pk])

    fragment = client.post(url, {"exercise": exercise.pk}, **HTMX)
    history_restore = client.get(
        reverse("routines:detail", args=[routine.pk]),
        HTTP_HX_HISTORY_RESTORE_REQUEST="true",
        **HTMX,
    )

    assert b'id="picker-status" hx-swap-oob="innerHTML"' in fragment.content
    assert b"hx-swap-oob" not in history_restore.content


@pytest.mark.parametrize("exercise_id", ["999999", "abc", ""])
def test_add_explains_an_unknown_movement(client, user, routine, exercise_id):
    client.force_login(user)

    response = client.post(
        reverse("routines:add_item", args=[routine.pk]), {"exercise": exercise_id}, **HTMX
    )

    assert response.status_code == 200
    assert b"That movement is not in the library" in response.content or (
        exercise_id == "" and b"Choose a movement to add." in response.content
    )
    assert not routine.items.exists()


def test_add_refuses_an_unpublished_movement_with_a_message(client, user, routine):
    draft = ExerciseFactory(is_published=False)
    client.force_login(user)

    response = client.post(
        reverse("routines:add_item", args=[routine.pk]), {"exercise": draft.pk}, follow=True
    )

    assert response.status_code == 200
    assert b"That movement is not in the library" in response.content
    assert not routine.items.exists()


def test_add_gives_404_for_another_users_routine(client, user, other_user):
    theirs = RoutineFactory(user=other_user)
    exercise = ExerciseFactory()
    client.force_login(user)

    response = client.post(
        reverse("routines:add_item", args=[theirs.pk]), {"exercise": exercise.pk}
    )

    assert response.status_code == 404
    assert not theirs.items.exists()


# Removing ----------------------------------------------------------------------------------


def test_remove_deletes_the_item_and_closes_the_gap(client, user, routine, three_items):
    client.force_login(user)

    response = client.post(item_url("remove_item", three_items[1]))

    assert response.status_code == 302
    assert names_in_order(routine) == ["Alpha row", "Charlie pull"]
    assert positions(routine) == [0, 1]


def test_remove_with_htmx_returns_the_items(client, user, routine, three_items):
    client.force_login(user)

    response = client.post(item_url("remove_item", three_items[0]), **HTMX)

    assert response.status_code == 200
    assert response.content.lstrip().startswith(b'<section id="routine-items"')
    assert b"Removed Alpha row." in response.content


def test_a_repeated_remove_removes_nothing_more(client, user, routine, three_items):
    client.force_login(user)
    client.post(item_url("remove_item", three_items[0]), **HTMX)

    response = client.post(item_url("remove_item", three_items[0]), **HTMX)

    assert response.status_code == 200
    assert b"That movement was already removed." in response.content
    assert names_in_order(routine) == ["Bravo fly", "Charlie pull"]


def test_remove_gives_404_for_another_users_item(client, user, other_user, routine):
    their_item = RoutineItemFactory(routine=RoutineFactory(user=other_user))
    client.force_login(user)

    # Neither through their routine nor by passing their item under my routine.
    assert client.post(item_url("remove_item", their_item)).status_code == 404
    url = reverse("routines:remove_item", args=[routine.pk, their_item.pk])
    assert client.post(url).status_code == 404
    assert RoutineItem.objects.filter(pk=their_item.pk).exists()


# Moving ------------------------------------------------------------------------------------


def test_move_up_swaps_with_the_one_above(client, user, routine, three_items):
    client.force_login(user)

    response = client.post(item_url("move_item", three_items[2]), {"direction": "up"})

    assert response.status_code == 302
    assert names_in_order(routine) == ["Alpha row", "Charlie pull", "Bravo fly"]
    assert positions(routine) == [0, 1, 2]


def test_move_down_swaps_with_the_one_below(client, user, routine, three_items):
    client.force_login(user)

    client.post(item_url("move_item", three_items[0]), {"direction": "down"})

    assert names_in_order(routine) == ["Bravo fly", "Alpha row", "Charlie pull"]


@pytest.mark.parametrize(("index", "direction"), [(0, "up"), (2, "down")])
def test_moving_past_either_end_changes_nothing(
    client, user, routine, three_items, index, direction
):
    client.force_login(user)

    response = client.post(item_url("move_item", three_items[index]), {"direction": direction})

    assert response.status_code == 302
    assert names_in_order(routine) == ["Alpha row", "Bravo fly", "Charlie pull"]


def test_move_repairs_gaps_and_ties_in_positions(client, user, routine):
    a = RoutineItemFactory(routine=routine, position=5, exercise=ExerciseFactory(name="A"))
    b = RoutineItemFactory(routine=routine, position=5, exercise=ExerciseFactory(name="B"))
    RoutineItemFactory(routine=routine, position=9, exercise=ExerciseFactory(name="C"))
    client.force_login(user)

    client.post(item_url("move_item", b), {"direction": "up"})

    assert names_in_order(routine) == ["B", "A", "C"]
    assert positions(routine) == [0, 1, 2]
    assert a.pk != b.pk


def test_move_with_htmx_returns_the_items_in_the_new_order(client, user, routine, three_items):
    client.force_login(user)

    response = client.post(item_url("move_item", three_items[1]), {"direction": "up"}, **HTMX)

    html = response.content.decode()
    assert response.status_code == 200
    assert html.lstrip().startswith('<section id="routine-items"')
    assert html.index("Bravo fly") < html.index("Alpha row")
    # The first item's "up" button says it cannot go further.
    assert f'id="item-{three_items[1].pk}-up" class="button-secondary" aria-disabled="true"' in html


def test_move_rejects_an_unknown_direction(client, user, routine, three_items):
    client.force_login(user)

    response = client.post(item_url("move_item", three_items[1]), {"direction": "sideways"})

    assert response.status_code == 400
    assert names_in_order(routine) == ["Alpha row", "Bravo fly", "Charlie pull"]


def test_move_gives_404_for_another_users_item(client, user, other_user):
    theirs = RoutineFactory(user=other_user)
    items = [RoutineItemFactory(routine=theirs, position=p) for p in range(2)]
    client.force_login(user)

    response = client.post(item_url("move_item", items[1]), {"direction": "up"})

    assert response.status_code == 404
    assert list(theirs.items.order_by("position")) == items


# Editing the prescription ------------------------------------------------------------------


def edit_data(item, **values):
    data = {"sets": 3, "reps": 10, "hold_seconds": "", "weight": "", "rest_seconds": 60}
    data.update(values)
    return {f"item-{item.pk}-{key}": value for key, value in data.items()}


def test_edit_saves_a_valid_prescription(client, user, routine, three_items):
    item = three_items[0]
    client.force_login(user)

    response = client.post(
        item_url("edit_item", item),
        edit_data(item, sets=4, reps=6, weight="32.5", rest_seconds=90, per_side="on"),
    )

    assert response.status_code == 302
    item.refresh_from_db()
    assert (item.sets, item.reps, item.weight, item.rest_seconds, item.per_side) == (
        4,
        6,
        Decimal("32.5"),
        90,
        True,
    )


def test_edit_with_htmx_returns_just_that_item(client, user, routine, three_items):
    item = three_items[1]
    client.force_login(user)

    response = client.post(item_url("edit_item", item), edit_data(item, sets=5), **HTMX)

    html = response.content.decode()
    assert response.status_code == 200
    assert html.lstrip().startswith(f'<li id="item-{item.pk}"')
    assert "5 × 10 reps" in html
    assert "Saved." in html
    assert "Alpha row" not in html


@pytest.mark.parametrize(
    ("values", "message"),
    [
        ({"reps": -5}, "Reps must be between 1 and 100."),
        ({"reps": "", "hold_seconds": 36000}, "A hold must be between 1 and 600 seconds"),
        ({"sets": 0}, "Sets must be between 1 and 10."),
        ({"weight": "-2"}, "Enter a weight from 0 to 1000 kg."),
        ({"rest_seconds": 99999}, "Rest must be between 0 and 600 seconds"),
        ({"reps": "", "hold_seconds": ""}, "Give a number of reps, a hold time, or both."),
        ({"sets": "three"}, "Enter a whole number."),
        ({"reps": "3.5"}, "Enter a whole number."),
        ({"weight": "12.345"}, "Use at most 2 decimal places for kg."),
    ],
)
def test_edit_shows_errors_in_the_item_fragment_and_saves_nothing(
    client, user, routine, three_items, values, message
):
    item = three_items[0]
    client.force_login(user)

    response = client.post(item_url("edit_item", item), edit_data(item, **values), **HTMX)

    html = response.content.decode()
    assert response.status_code == 200
    assert html.lstrip().startswith(f'<li id="item-{item.pk}"')
    assert message in html
    assert '<details class="disclosure item-edit" open>' in html
    # The summary still shows what is saved, not the rejected values.
    assert "3 × 10 reps" in html
    fresh = RoutineItem.objects.get(pk=item.pk)
    assert (fresh.sets, fresh.reps, fresh.hold_seconds, fresh.weight) == (3, 10, None, None)


def test_edit_shows_errors_in_the_whole_page_without_htmx(client, user, routine, three_items):
    item = three_items[2]
    client.force_login(user)

    response = client.post(item_url("edit_item", item), edit_data(item, reps=-1, sets=2))

    html = response.content.decode()
    assert response.status_code == 200
    assert "<h1>Gym day</h1>" in html
    assert "Reps must be between 1 and 100." in html
    assert 'value="-1"' in html
    assert RoutineItem.objects.get(pk=item.pk).sets == 3


def test_edit_gives_404_for_another_users_item(client, user, other_user):
    their_item = RoutineItemFactory(routine=RoutineFactory(user=other_user), reps=10)
    client.force_login(user)

    response = client.post(item_url("edit_item", their_item), edit_data(their_item, reps=99))

    assert response.status_code == 404
    assert RoutineItem.objects.get(pk=their_item.pk).reps == 10


# Renaming ----------------------------------------------------------------------------------


def test_rename_saves_name_purpose_and_description(client, user, routine):
    client.force_login(user)

    response = client.post(
        reverse("routines:rename", args=[routine.pk]),
        {"name": "Tuesday pull", "purpose": Purpose.MIXED, "description": "After work."},
    )

    assert response.status_code == 302
    routine.refresh_from_db()
    assert (routine.name, routine.purpose, routine.description) == (
        "Tuesday pull",
        Purpose.MIXED,
        "After work.",
    )


def test_rename_with_htmx_returns_the_header(client, user, routine):
    client.force_login(user)

    response = client.post(
        reverse("routines:rename", args=[routine.pk]),
        {"name": "Tuesday pull", "purpose": Purpose.MIXED},
        **HTMX,
    )

    assert response.status_code == 200
    assert response.content.lstrip().startswith(b'<div id="routine-header"')
    assert b"<h1>Tuesday pull</h1>" in response.content


def test_rename_shows_errors_in_place_and_keeps_the_old_name(client, user, routine):
    client.force_login(user)

    response = client.post(
        reverse("routines:rename", args=[routine.pk]), {"name": "", "purpose": "x"}, **HTMX
    )

    assert response.status_code == 200
    assert b"Give the routine a name." in response.content
    assert b"<h1>Gym day</h1>" in response.content
    routine.refresh_from_db()
    assert routine.name == "Gym day"


def test_rename_shows_errors_in_the_whole_page_without_htmx(client, user, routine):
    client.force_login(user)

    response = client.post(reverse("routines:rename", args=[routine.pk]), {"name": ""})

    assert response.status_code == 200
    assert b"Give the routine a name." in response.content
    assert b"Add a movement" in response.content


def test_rename_gives_404_for_another_users_routine(client, user, other_user):
    theirs = RoutineFactory(user=other_user, name="Theirs")
    client.force_login(user)

    response = client.post(
        reverse("routines:rename", args=[theirs.pk]), {"name": "Mine now", "purpose": "mixed"}
    )

    assert response.status_code == 404
    theirs.refresh_from_db()
    assert theirs.name == "Theirs"


# Every builder action ----------------------------------------------------------------------


@pytest.mark.parametrize("name", ["add_item", "rename"])
def test_routine_actions_send_visitors_to_log_in(client, routine, name):
    response = client.post(reverse(f"routines:{name}", args=[routine.pk]))

    assert response.status_code == 302
    assert response.url.startswith(reverse("login"))


@pytest.mark.parametrize("name", ["edit_item", "move_item", "remove_item"])
def test_item_actions_send_visitors_to_log_in(client, routine, name):
    item = RoutineItemFactory(routine=routine)

    response = client.post(item_url(name, item), {"direction": "up"})

    assert response.status_code == 302
    assert response.url.startswith(reverse("login"))
    assert RoutineItem.objects.filter(pk=item.pk).exists()


@pytest.mark.parametrize("name", ["edit_item", "move_item", "remove_item"])
def test_item_actions_reject_get(client, user, routine, name):
    item = RoutineItemFactory(routine=routine)
    client.force_login(user)

    assert client.get(item_url(name, item)).status_code == 405
