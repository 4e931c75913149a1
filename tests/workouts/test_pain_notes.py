import uuid
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from tests.factories import PainNoteFactory, SessionExerciseFactory, WorkoutSessionFactory
from workouts.models import PainNote, SessionExercise

pytestmark = pytest.mark.django_db
HTMX = {"HTTP_HX_REQUEST": "true"}
STOP = "Stop this exercise"
MEDICAL = "Seek medical help promptly"
PROFESSIONAL = "Worth seeing a professional"


@pytest.fixture
def entry(user):
    return SessionExerciseFactory(session=WorkoutSessionFactory(user=user))


def note_on(client, entry, **values):
    data = {
        "idempotency_key": str(uuid.uuid4()),
        "intensity": 2,
        "areas": ["upper-back-left"],
        "kind": "ache",
        "timing": "during",
    } | values
    return client.post(reverse("workouts:entry_pain", args=[entry.pk]), data, **HTMX)


def test_sharp_pain_during_a_movement_stops_it(client, user, entry):
    client.force_login(user)
    response = note_on(client, entry, kind="sharp", intensity=4)
    content = response.content.decode()
    assert response.status_code == 200
    assert STOP in content and MEDICAL not in content
    assert "a chiropractor, a physiotherapist or a doctor" in content
    entry.refresh_from_db()
    assert entry.status == SessionExercise.Status.STOPPED
    assert entry.skip_reason == SessionExercise.SkipReason.PAIN
    note = PainNote.objects.get()
    assert (note.user, note.session, note.entry) == (user, entry.session, entry)


def test_intensity_seven_stops_the_movement(client, user, entry):
    client.force_login(user)
    assert STOP in note_on(client, entry, kind="tightness", intensity=7).content.decode()
    entry.refresh_from_db()
    assert entry.status == SessionExercise.Status.STOPPED


def test_numbness_shows_the_advice_to_seek_medical_help(client, user, entry):
    client.force_login(user)
    content = note_on(client, entry, kind="numbness", intensity=2).content.decode()
    assert MEDICAL in content
    assert "numbness or tingling" in content
    assert "loss of bladder or bowel control" in content
    entry.refresh_from_db()
    # A warning sign stops the movement too: going on with it takes an explicit choice.
    assert entry.status == SessionExercise.Status.STOPPED
    assert "Log set" not in content and "I have read this: carry on with" in content


def test_chest_pain_and_a_fall_are_red_flags(client, user, entry):
    client.force_login(user)
    content = note_on(client, entry, areas=["chest-ribs-left"], after_fall="on").content.decode()
    assert MEDICAL in content
    assert "pain in the chest or ribs" in content
    assert "pain after a fall or accident" in content


def test_a_mild_ache_gives_no_warning(client, user, entry):
    client.force_login(user)
    content = note_on(client, entry, kind="ache", intensity=2).content.decode()
    assert STOP not in content and MEDICAL not in content
    entry.refresh_from_db()
    assert entry.status == SessionExercise.Status.PLANNED
    assert PainNote.objects.count() == 1


def test_without_javascript_it_goes_back_to_the_page_with_the_guidance(client, user, entry):
    client.force_login(user)
    data = {
        "idempotency_key": str(uuid.uuid4()),
        "intensity": 8,
        "areas": ["lower-back-left"],
        "kind": "shooting",
        "timing": "during",
    }
    response = client.post(reverse("workouts:entry_pain", args=[entry.pk]), data, follow=True)
    assert STOP in response.content.decode()


def test_a_stopped_movement_can_be_put_back(client, user, entry):
    entry.stop_for_pain()
    client.force_login(user)
    response = client.post(reverse("workouts:resume", args=[entry.pk]), **HTMX)
    assert response.status_code == 200
    entry.refresh_from_db()
    assert entry.status == SessionExercise.Status.PLANNED and entry.skip_reason == ""


def test_an_incomplete_note_shows_what_is_missing(client, user, entry):
    client.force_login(user)
    response = note_on(client, entry, areas=[], kind="", intensity="11")
    content = response.content.decode()
    assert response.status_code == 200
    assert "Choose where you feel it." in content
    assert "Choose what it feels like." in content
    assert not PainNote.objects.exists()


def test_a_note_on_someone_elses_movement_is_a_404(client, other_user, entry):
    client.force_login(other_user)
    assert note_on(client, entry).status_code == 404
    assert not PainNote.objects.exists()


def test_ratings_before_and_after_take_one_tap_each(client, user, entry):
    client.force_login(user)
    url = reverse("workouts:rate", args=[entry.session.pk])
    response = client.post(url, {"moment": "before", "rating": "3"}, **HTMX)
    assert response.status_code == 200
    assert response.content.decode().lstrip().startswith('<section id="pain-ratings"')
    client.post(url, {"moment": "after", "rating": "0"})
    entry.session.refresh_from_db()
    assert (entry.session.pain_before, entry.session.pain_after) == (3, 0)


def test_a_rating_out_of_range_is_refused(client, user, entry):
    client.force_login(user)
    url = reverse("workouts:rate", args=[entry.session.pk])
    response = client.post(url, {"moment": "before", "rating": "12"}, **HTMX)
    assert response.status_code == 200
    assert "Enter a number from 0 to 10." in response.content.decode()
    entry.session.refresh_from_db()
    assert entry.session.pain_before is None


def test_ratings_check_the_owner(client, other_user, entry):
    client.force_login(other_user)
    url = reverse("workouts:rate", args=[entry.session.pk])
    assert client.post(url, {"moment": "before", "rating": "3"}).status_code == 404


def test_a_day_entry_is_saved_and_shows_its_guidance(client, user):
    client.force_login(user)
    page = client.get(reverse("workouts:pain_new"))
    assert page.status_code == 200
    assert 'name="idempotency_key"' in page.content.decode()
    data = {
        "idempotency_key": str(uuid.uuid4()),
        "intensity": 5,
        "areas": ["between-shoulder-blades"],
        "kind": "numbness",
        "text": "after sleeping badly",
    }
    response = client.post(reverse("workouts:pain_new"), data, follow=True)
    note = PainNote.objects.get()
    assert (note.user, note.timing, note.session) == (user, PainNote.Timing.DAY, None)
    assert MEDICAL in response.content.decode()
    assert STOP not in response.content.decode()


def test_a_mild_day_entry_is_just_noted(client, user):
    client.force_login(user)
    note = PainNoteFactory(user=user, kind="stiffness", intensity=2)
    content = client.get(reverse("workouts:pain_note", args=[note.pk])).content.decode()
    assert MEDICAL not in content and STOP not in content and PROFESSIONAL not in content
    assert "Thanks, noted." in content


def test_pain_worse_after_sessions_for_two_weeks_suggests_a_professional(client, user):
    now = timezone.now()
    for days_ago, before, after in [(11, 2, 5), (4, 2, 4)]:
        started = now - timedelta(days=days_ago)
        WorkoutSessionFactory(
            user=user,
            started_at=started,
            finished_at=started + timedelta(minutes=30),
            pain_before=before,
            pain_after=after,
        )
    session = WorkoutSessionFactory(user=user)
    client.force_login(user)
    data = {"minutes": "30", "pain_after": "6", "notes": ""}
    session.pain_before = 3
    session.save()
    response = client.post(reverse("workouts:finish", args=[session.pk]), data, follow=True)
    content = response.content.decode()
    assert PROFESSIONAL in content
    assert "physiotherapist" in content


def test_the_day_entry_page_needs_a_login(client):
    response = client.get(reverse("workouts:pain_new"))
    assert response.status_code == 302 and "login" in response.url


def test_someone_elses_note_is_a_404(client, other_user):
    note = PainNoteFactory()
    client.force_login(other_user)
    assert client.get(reverse("workouts:pain_note", args=[note.pk])).status_code == 404


def test_the_day_entry_lists_only_my_notes(client, user, other_user):
    theirs = PainNoteFactory(user=other_user)
    mine = PainNoteFactory(user=user)
    client.force_login(user)
    content = client.get(reverse("workouts:pain_new")).content.decode()
    assert reverse("workouts:pain_note", args=[mine.pk]) in content
    assert reverse("workouts:pain_note", args=[theirs.pk]) not in content


def test_the_pain_form_loads_into_the_card_or_opens_as_a_page(client, user, entry):
    client.force_login(user)
    url = reverse("workouts:entry_pain", args=[entry.pk])
    page = client.get(url).content.decode()
    assert "<html" in page and "Pain or discomfort during" in page
    fragment = client.get(url, **HTMX).content.decode()
    assert fragment.lstrip().startswith('<form class="pain-form"')
    assert 'name="idempotency_key"' in fragment
    assert f'hx-target="#entry-{entry.pk}"' in fragment


def test_an_incomplete_note_without_javascript_shows_the_form_page_again(client, user, entry):
    client.force_login(user)
    url = reverse("workouts:entry_pain", args=[entry.pk])
    response = client.post(url, {"idempotency_key": str(uuid.uuid4()), "intensity": "4"})
    assert response.status_code == 200
    assert "Choose where you feel it." in response.content.decode()
    assert not PainNote.objects.exists()


def test_a_mild_note_confirms_it_is_saved_next_to_the_form(client, user, entry):
    client.force_login(user)
    response = note_on(client, entry, intensity=2, kind="stiffness", areas=["upper-back-left"])
    content = response.content.decode()
    assert '<details class="entry-more" open>' in content
    assert 'role="status"' in content
    assert "Saved: 2/10 · Stiffness · Left upper back." in content


def test_a_saved_note_without_javascript_says_so_on_the_page(client, user, entry):
    client.force_login(user)
    data = {
        "idempotency_key": str(uuid.uuid4()),
        "intensity": 0,
        "areas": ["neck"],
        "kind": "stiffness",
        "timing": "during",
    }
    url = reverse("workouts:entry_pain", args=[entry.pk])
    response = client.post(url, data, follow=True)
    assert "Pain note saved: 0/10 · Stiffness · Neck." in response.content.decode()


def test_pain_after_rated_in_the_card_survives_an_empty_finish_form(client, user, entry):
    client.force_login(user)
    session = entry.session
    # The finish form was loaded before the tap, so its "pain now" is empty.
    page = client.get(session.get_absolute_url()).content.decode()
    assert 'name="pain_after" value="4" id="finish-pain_after_4" checked' not in page
    client.post(reverse("workouts:rate", args=[session.pk]), {"moment": "after", "rating": "4"})
    client.post(reverse("workouts:finish", args=[session.pk]), {"minutes": "30", "pain_after": ""})
    session.refresh_from_db()
    assert not session.is_in_progress
    assert session.pain_after == 4


def test_pain_after_has_one_place_the_rating_row(client, user, entry):
    client.force_login(user)
    session = entry.session
    page = client.get(session.get_absolute_url()).content.decode()
    assert 'name="pain_after"' not in page  # not a second field on the finish form
    client.post(reverse("workouts:rate", args=[session.pk]), {"moment": "after", "rating": "4"})
    client.post(reverse("workouts:finish", args=[session.pk]), {"minutes": "30", "pain_after": "0"})
    session.refresh_from_db()
    assert session.pain_after == 4


def test_the_card_and_the_note_page_give_the_same_medical_advice(client, user, entry):
    client.force_login(user)
    card = note_on(client, entry, kind="numbness").content.decode()
    data = {"idempotency_key": str(uuid.uuid4()), "intensity": 5}
    data |= {"areas": ["upper-back-left"], "kind": "numbness"}
    page = client.post(reverse("workouts:pain_new"), data, follow=True).content.decode()
    advice = "Stop exercising and get medical advice soon."
    assert advice in card and advice in page
