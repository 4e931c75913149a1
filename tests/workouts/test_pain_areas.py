"""Several areas in one note, front and back, left and right; and "same as last time"."""

import uuid
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from tests.factories import PainNoteFactory, SessionExerciseFactory, WorkoutSessionFactory
from workouts.models import PainNote

pytestmark = pytest.mark.django_db
HTMX = {"HTTP_HX_REQUEST": "true"}
NEW = reverse("workouts:pain_new")


def day_note(client, **values):
    data = {
        "idempotency_key": str(uuid.uuid4()),
        "intensity": 3,
        "areas": ["mid-back-right", "neck"],
        "kind": "ache",
    } | values
    return client.post(NEW, data, follow=True)


def test_one_note_keeps_several_areas_in_map_order_and_reads_them_out(client, user):
    client.force_login(user)
    response = day_note(client, areas=["hip-left", "upper-back-right", "chest-ribs-left"])
    note = PainNote.objects.get()
    assert note.areas == ["upper-back-right", "chest-ribs-left", "hip-left"]
    assert "Right upper back, left chest or ribs, left hip" in response.content.decode()


def test_both_sides_read_as_one_place(client, user):
    client.force_login(user)
    content = day_note(client, areas=["shoulder-right", "shoulder-left"]).content.decode()
    assert "Both shoulders" in content


@pytest.mark.parametrize("areas", [[], ["elbow"], ["neck", "knee"]])
def test_a_missing_or_unknown_area_is_refused_in_the_page(client, user, areas):
    client.force_login(user)
    response = day_note(client, areas=areas)
    assert response.status_code == 200
    assert "Choose where you feel it" in response.content.decode()
    assert not PainNote.objects.exists()


@pytest.mark.parametrize("side", ["left", "right"])
def test_the_chest_on_either_side_is_still_a_red_flag(client, user, side):
    client.force_login(user)
    content = day_note(client, areas=[f"chest-ribs-{side}"]).content.decode()
    assert "Seek medical help promptly" in content
    assert "pain in the chest or ribs" in content


def test_the_form_offers_every_area_as_a_checkbox_and_the_map(client, user):
    client.force_login(user)
    content = client.get(NEW).content.decode()
    for area in ("between-shoulder-blades", "lower-back-left", "chest-ribs-right", "hip-left"):
        assert f'type="checkbox" name="areas" value="{area}"' in content
        assert f'data-location="{area}"' in content
    assert content.count('class="pain-map-view"') == 2


def test_what_made_it_worse_and_the_time_are_kept(client, user):
    client.force_login(user)
    earlier = timezone.localtime() - timedelta(hours=3)
    day_note(
        client, worse_with=["sitting", "twisting"], noted_at=earlier.strftime("%Y-%m-%dT%H:%M")
    )
    note = PainNote.objects.get()
    assert note.worse_with == ["sitting", "twisting"]
    assert abs(note.noted_at - earlier) < timedelta(minutes=1)


def test_a_time_still_to_come_is_refused(client, user):
    client.force_login(user)
    later = timezone.localtime() + timedelta(hours=3)
    response = day_note(client, noted_at=later.strftime("%Y-%m-%dT%H:%M"))
    assert "That time is still to come" in response.content.decode()
    assert not PainNote.objects.exists()


def test_same_as_last_time_repeats_the_latest_note_in_one_tap(client, user):
    client.force_login(user)
    last = PainNoteFactory(
        user=user,
        intensity=0,
        areas=["lower-back-left", "hip-left"],
        kind="stiffness",
        worse_with=["sitting"],
        text="morning",
    )
    page = client.get(NEW).content.decode()
    assert f'name="same_as_last" value="{last.pk}"' in page
    assert "0/10 · Stiffness · Left lower back, left hip" in page

    key = str(uuid.uuid4())
    response = client.post(NEW, {"idempotency_key": key, "same_as_last": last.pk}, follow=True)

    assert response.status_code == 200
    copy = PainNote.objects.exclude(pk=last.pk).get()
    assert (copy.intensity, copy.areas, copy.kind, copy.worse_with, copy.text) == (
        0,
        ["lower-back-left", "hip-left"],
        "stiffness",
        ["sitting"],
        "",
    )
    assert str(copy.idempotency_key) == key and copy.timing == "day"
    client.post(NEW, {"idempotency_key": key, "same_as_last": last.pk})
    assert PainNote.objects.count() == 2


def test_same_as_last_time_during_a_movement_keeps_the_stop_rule(client, user):
    client.force_login(user)
    entry = SessionExerciseFactory(session=WorkoutSessionFactory(user=user))
    last = PainNoteFactory(user=user, intensity=8, kind="ache", timing="day")
    url = reverse("workouts:entry_pain", args=[entry.pk])
    assert f'value="{last.pk}"' in client.get(url, **HTMX).content.decode()

    content = client.post(
        url, {"idempotency_key": str(uuid.uuid4()), "same_as_last": last.pk}, **HTMX
    ).content.decode()

    assert "Stop this exercise" in content
    entry.refresh_from_db()
    assert entry.status == "stopped"
    assert PainNote.objects.get(entry=entry).timing == "during"


def test_same_as_someone_elses_note_is_a_404(client, user, other_user):
    client.force_login(user)
    theirs = PainNoteFactory(user=other_user)
    response = client.post(NEW, {"idempotency_key": str(uuid.uuid4()), "same_as_last": theirs.pk})
    assert response.status_code == 404
    assert PainNote.objects.count() == 1


def test_without_an_earlier_note_there_is_no_same_as_last_time(client, user):
    client.force_login(user)
    assert "same_as_last" not in client.get(NEW).content.decode()
