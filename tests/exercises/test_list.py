import pytest
from django.urls import reverse

from exercises.models import Exercise, Kind, Level, Region, Target
from tests.factories import EquipmentFactory, ExerciseFactory, MuscleFactory, TargetFactory

pytestmark = pytest.mark.django_db

URL = reverse("exercises:list")
HTMX = {"HTTP_HX_REQUEST": "true"}


@pytest.fixture(autouse=True)
def empty_library():
    # Start from no published movements so counts are exact; the shipped content (which
    # starter routines point at) has its own tests.
    Exercise.objects.update(is_published=False)


@pytest.fixture
def library():
    mat = EquipmentFactory(name="Yoga mat", slug="yoga-mat", at_home=True)
    cable = EquipmentFactory(name="Cable tower", slug="cable-tower")
    rhomboids = MuscleFactory(name="Rhomboid muscles", slug="rhomboid-muscles", is_mid_back=True)
    glutes = MuscleFactory(name="Gluteus", slug="gluteus", region=Region.GLUTES)
    stretch = ExerciseFactory(
        name="Floor twist", kind=Kind.MOBILITY, level=Level.BEGINNER, reps_min=None,
        reps_max=None, hold_seconds=30,
    )  # fmt: skip
    stretch.equipment.add(mat)
    TargetFactory(exercise=stretch, muscle=glutes)
    row = ExerciseFactory(name="Cable row", kind=Kind.STRENGTH, level=Level.INTERMEDIATE)
    row.equipment.add(cable)
    TargetFactory(exercise=row, muscle=rhomboids)
    TargetFactory(exercise=row, muscle=glutes, role=Target.Role.SECONDARY)
    ExerciseFactory(name="Hidden draft", is_published=False)
    return {"stretch": stretch, "row": row}


def names(response):
    return [exercise.name for exercise in response.context["exercises"]]


def test_it_lists_every_published_movement_as_a_card(client, library):
    response = client.get(URL)

    assert response.status_code == 200
    assert names(response) == ["Floor twist", "Cable row"]
    html = response.content.decode()
    assert "<html" in html
    assert "Hidden draft" not in html
    for text in ["Cable row", "Strengthening", "Intermediate", "3 × 8–12 reps", "Cable tower"]:
        assert text in html
    assert "Rhomboid muscles" in html  # main muscle on the card
    assert "2 movements" in html


def test_the_filter_form_is_wired_for_htmx_and_works_without_it(client, library):
    html = client.get(URL).content.decode()

    assert 'method="get"' in html
    assert f'action="{URL}"' in html
    assert 'hx-trigger="input changed delay:300ms, change' in html
    assert 'hx-push-url="true"' in html
    assert 'hx-target="#exercise-results"' in html
    assert '<noscript><button type="submit">' in html


def test_it_returns_the_fragment_for_htmx(client, library):
    response = client.get(URL, {"kind": "strength", "q": ""}, **HTMX)

    html = response.content.decode()
    assert response.status_code == 200
    assert "<html" not in html
    assert "<form" not in html
    assert "Cable row" in html
    assert "Floor twist" not in html
    assert response["HX-Push-Url"] == f"{URL}?kind=strength"
    assert "HX-Request" in response["Vary"]


def test_it_returns_the_full_page_for_a_history_restore(client, library):
    response = client.get(URL, {"kind": "strength"}, HTTP_HX_HISTORY_RESTORE_REQUEST="true", **HTMX)

    assert "<html" in response.content.decode()


def test_it_returns_the_full_page_for_a_boosted_request(client, library):
    response = client.get(URL, HTTP_HX_BOOSTED="true", **HTMX)

    assert "<html" in response.content.decode()


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({"kind": "mobility"}, ["Floor twist"]),
        ({"kind": "strength"}, ["Cable row"]),
        ({"level": "intermediate"}, ["Cable row"]),
        ({"equipment": "cable-tower"}, ["Cable row"]),
        ({"equipment": "home"}, ["Floor twist"]),
        ({"muscle": "rhomboid-muscles"}, ["Cable row"]),
        ({"muscle": "gluteus"}, ["Floor twist", "Cable row"]),
        ({"q": "twist"}, ["Floor twist"]),
        ({"q": "rhomboid"}, ["Cable row"]),
        ({"kind": "strength", "muscle": "gluteus", "equipment": "cable-tower"}, ["Cable row"]),
    ],
)
def test_it_filters(client, library, params, expected):
    assert names(client.get(URL, params)) == expected
    assert names(client.get(URL, params, **HTMX)) == expected


def test_the_filters_show_what_was_chosen(client, library):
    html = client.get(URL, {"kind": "strength", "q": "row"}).content.decode()

    assert '<option value="strength" selected>' in html
    assert 'value="row"' in html


def test_no_match_says_so_and_offers_to_clear_the_filters(client, library):
    response = client.get(URL, {"q": "handstand"}, **HTMX)

    html = response.content.decode()
    assert "No movements match these filters." in html
    assert f'href="{URL}"' in html
    assert "0 movements" in html


@pytest.mark.parametrize(
    "params",
    [
        {"kind": "yoga"},
        {"equipment": "rowing-boat"},
        {"level": "999"},
        {"muscle": "<script>"},
        {"q": "x" * 500},
        {"q": "bad\x00byte"},
    ],
)
@pytest.mark.parametrize("headers", [{}, HTMX], ids=["page", "htmx"])
def test_malformed_filters_give_a_message_not_an_error(client, library, params, headers):
    response = client.get(URL, params, **headers)

    html = response.content.decode()
    assert response.status_code == 200
    assert "Some filters were not understood" in html
    assert "<script>" not in html.split("<body")[-1].replace("<script src", "")
    assert names(response) == ["Floor twist", "Cable row"]  # the bad filter is left out


def test_an_unknown_value_keeps_the_valid_filters(client, library):
    response = client.get(URL, {"kind": "strength", "level": "expert"})

    assert names(response) == ["Cable row"]
    assert "There is no level called “expert”" in response.content.decode()


def test_it_rejects_post(client):
    assert client.post(URL).status_code == 405


def make_rows(count):
    equipment = [EquipmentFactory() for _ in range(3)]
    muscles = [MuscleFactory() for _ in range(4)]
    for _ in range(count):
        exercise = ExerciseFactory()
        exercise.equipment.add(*equipment[:2])
        TargetFactory(exercise=exercise, muscle=muscles[0])
        TargetFactory(exercise=exercise, muscle=muscles[1], role=Target.Role.SECONDARY)


@pytest.mark.parametrize("headers", [{}, HTMX], ids=["page", "htmx"])
def test_query_count_does_not_grow_with_rows(client, django_assert_num_queries, headers):
    # Cold cache: equipment+muscle choices as one cached pair (2), count, one page of
    # exercises, their equipment, their targets+muscles.
    make_rows(30)
    with django_assert_num_queries(6):
        response = client.get(URL, {"kind": "strength", "muscle": ""}, **headers)
    assert len(response.context["exercises"]) == 24

    make_rows(30)  # new content: the cache starts again, with as many queries as before
    with django_assert_num_queries(6):
        client.get(URL, **headers)


@pytest.mark.parametrize("headers", [{}, HTMX], ids=["page", "htmx"])
def test_a_page_seen_before_comes_from_the_cache(client, django_assert_num_queries, headers):
    make_rows(30)
    client.get(URL, {"kind": "strength"}, **headers)

    with django_assert_num_queries(0):
        response = client.get(URL, {"kind": "strength", "q": ""}, **headers)
    assert len(response.context["exercises"]) == 24


def test_it_shows_24_movements_a_page_with_a_link_to_the_next(client):
    make_rows(30)

    response = client.get(URL, {"kind": "strength"})

    html = response.content.decode()
    assert len(response.context["exercises"]) == 24
    assert "30 movements" in html
    assert "Page 1 of 2" in html
    assert f'href="{URL}?kind=strength&amp;page=2"' in html
    assert f'hx-get="{URL}?kind=strength&amp;page=2"' in html
    assert 'rel="prev"' not in html


def test_the_next_page_keeps_the_filters_and_links_back(client):
    make_rows(30)

    response = client.get(URL, {"kind": "strength", "page": "2"})

    html = response.content.decode()
    assert len(response.context["exercises"]) == 6
    assert "Page 2 of 2" in html
    assert f'href="{URL}?kind=strength"' in html  # page 1 needs no page number
    assert 'rel="next"' not in html
    assert '<option value="strength" selected>' in html


def test_the_next_page_as_a_fragment_pushes_its_url(client):
    make_rows(30)

    response = client.get(URL, {"kind": "strength", "page": "2"}, **HTMX)

    assert "<html" not in response.content.decode()
    assert len(response.context["exercises"]) == 6
    assert response["HX-Push-Url"] == f"{URL}?kind=strength&page=2"


def test_pages_do_not_overlap(client):
    make_rows(30)

    first = {e.pk for e in client.get(URL).context["exercises"]}
    second = {e.pk for e in client.get(URL, {"page": "2"}).context["exercises"]}

    assert len(first | second) == 30


@pytest.mark.parametrize(("page", "expected"), [("abc", 1), ("0", 2), ("99", 2), ("-1", 2)])
def test_a_bad_page_number_shows_a_real_page(client, page, expected):
    make_rows(30)

    response = client.get(URL, {"page": page})

    assert response.status_code == 200
    assert f"Page {expected} of 2" in response.content.decode()


def test_publishing_in_the_admin_shows_at_once_despite_the_cache(client, admin_client, library):
    assert names(client.get(URL)) == ["Floor twist", "Cable row"]
    draft = Exercise.objects.get(name="Hidden draft")

    admin_client.post(
        reverse("admin:exercises_exercise_changelist"),
        {"action": "publish", "_selected_action": [draft.pk]},
    )

    assert "Hidden draft" in names(client.get(URL))


def test_deleting_in_the_admin_shows_at_once_despite_the_cache(client, admin_client, library):
    assert "Floor twist" in names(client.get(URL))

    admin_client.post(
        reverse("admin:exercises_exercise_delete", args=[library["stretch"].pk]), {"post": "yes"}
    )

    assert names(client.get(URL)) == ["Cable row"]


def test_the_cached_filter_form_shows_what_each_visitor_sent(client, library):
    first = client.get(URL, {"kind": Kind.STRENGTH, "q": "row"}).content.decode()
    second = client.get(URL, {"kind": Kind.MOBILITY}).content.decode()
    again = client.get(URL, {"kind": Kind.STRENGTH, "q": "row"}).content.decode()

    assert f'<option value="{Kind.STRENGTH}" selected>' in first
    assert 'value="row"' in first
    assert f'<option value="{Kind.MOBILITY}" selected>' in second
    assert 'value="row"' not in second
    assert again.count("selected>") == first.count("selected>")


def test_new_equipment_shows_in_the_cached_filter_form_at_once(client, library):
    assert "wobble-board" not in client.get(URL).content.decode()

    EquipmentFactory(name="Wobble board", slug="wobble-board")

    assert '<option value="wobble-board">Wobble board</option>' in client.get(URL).content.decode()


def test_a_filter_that_is_not_understood_is_still_reported_from_the_cache(client, library):
    for _ in range(2):
        content = client.get(URL, {"level": "olympic"}).content.decode()

        assert "There is no level called “olympic”" in content
