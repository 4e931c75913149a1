import re

import pytest
from django.urls import reverse

from exercises.models import Exercise, Kind, Target
from tests.factories import (
    ExerciseFactory,
    MuscleFactory,
    SessionExerciseFactory,
    TargetFactory,
    WorkoutSessionFactory,
)
from workouts.swaps import SEARCH_RESULTS, SWAP_CHOICES

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def only_these_movements():
    Exercise.objects.update(is_published=False)  # the shipped content would crowd the lists


def swap_options(html, entry):
    select = re.search(
        rf'<select name="exercise" id="entry-{entry.pk}-swap-exercise">(.*?)</select>', html, re.S
    )
    return re.findall(r'<option value="\d+">([^<]+)</option>', select.group(1))


@pytest.fixture
def row_entry(user):
    rhomboids, traps, lats = MuscleFactory(), MuscleFactory(), MuscleFactory()
    row = ExerciseFactory(name="Row", kind=Kind.STRENGTH)
    for muscle in (rhomboids, traps):
        TargetFactory(exercise=row, muscle=muscle)
    close = ExerciseFactory(name="Zz close", kind=Kind.STRENGTH)  # shares both muscles
    for muscle in (rhomboids, traps):
        TargetFactory(exercise=close, muscle=muscle, role=Target.Role.SECONDARY)
    TargetFactory(exercise=ExerciseFactory(name="Yy near", kind=Kind.STRENGTH), muscle=traps)
    TargetFactory(exercise=ExerciseFactory(name="Lat pull", kind=Kind.STRENGTH), muscle=lats)
    stretch = ExerciseFactory(
        name="Aa stretch", kind=Kind.MOBILITY, reps_min=None, reps_max=None, hold_seconds=30
    )
    TargetFactory(exercise=stretch, muscle=rhomboids)
    ExerciseFactory(name="Aa draft", kind=Kind.STRENGTH, is_published=False)
    session = WorkoutSessionFactory(user=user)
    return SessionExerciseFactory(session=session, exercise=row)


def test_swap_offers_the_closest_movements_of_the_same_kind_first(client, user, row_entry):
    client.force_login(user)

    html = client.get(reverse("workouts:session", args=[row_entry.session_id])).content.decode()

    # most muscles in common, then fewer, then the rest of the kind by name; never itself,
    # a stretch for a strength movement, or an unpublished one
    assert swap_options(html, row_entry) == ["Zz close", "Yy near", "Lat pull"]


def test_swap_offers_a_short_list_however_big_the_library(client, user, row_entry):
    ExerciseFactory.create_batch(SWAP_CHOICES + 5, kind=Kind.STRENGTH)
    client.force_login(user)

    html = client.get(reverse("workouts:session", args=[row_entry.session_id])).content.decode()

    assert len(swap_options(html, row_entry)) == SWAP_CHOICES
    assert 'id="add-exercise"' not in html  # the library is searched, not carried in the page


def test_adding_searches_the_library_and_answers_a_few(client, user, row_entry):
    ExerciseFactory.create_batch(SEARCH_RESULTS + 5, kind=Kind.STRENGTH, name=factory_name())
    client.force_login(user)
    url = reverse("workouts:add_entry", args=[row_entry.session_id])

    found = client.get(url, {"q": "findable"}, HTTP_HX_REQUEST="true").content.decode()
    page = client.get(url, {"q": "findable"}).content.decode()
    none = client.get(url, {"q": "no such thing"}, HTTP_HX_REQUEST="true").content.decode()

    assert found.lstrip().startswith('<div id="add-results"') and "<html" not in found
    assert found.count('name="exercise"') == SEARCH_RESULTS
    assert f"Showing {SEARCH_RESULTS} of {SEARCH_RESULTS + 5}" in found
    assert "<html" in page and page.count('name="exercise"') == SEARCH_RESULTS
    assert "No movement has that name" in none


def test_an_added_movement_opens_in_the_session(client, user, row_entry):
    client.force_login(user)
    lat = Exercise.objects.get(name="Lat pull")
    url = reverse("workouts:add_entry", args=[row_entry.session_id])

    response = client.post(url, {"exercise": lat.pk}, HTTP_HX_REQUEST="true")
    refused = client.post(url, {"exercise": "999999"}, follow=True)

    added = row_entry.session.entries.get(exercise=lat)
    assert f'<details id="entry-{added.pk}" class="card entry entry-planned" data-entry' in (
        response.content.decode()
    )
    assert "Choose a movement from the list." in refused.content.decode()


def factory_name():
    import factory

    return factory.Sequence(lambda n: f"Findable move {n:03d}")


def test_the_short_list_stays_after_a_set_is_logged(client, user, row_entry):
    client.force_login(user)

    response = client.post(
        reverse("workouts:log_set", args=[row_entry.pk]), {"reps": 10}, HTTP_HX_REQUEST="true"
    )

    assert response.status_code == 200
    page = client.get(reverse("workouts:session", args=[row_entry.session_id])).content.decode()
    assert swap_options(page, row_entry) == ["Zz close", "Yy near", "Lat pull"]
