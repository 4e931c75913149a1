"""Where people see the drawn pictures, and what editors can upload instead."""

import re
from html import unescape

import pytest
from django.contrib.auth.models import Group
from django.core.files.uploadedfile import SimpleUploadedFile
from django.templatetags.static import static
from django.urls import reverse

from exercises.figures import BY_SLUG
from exercises.models import Exercise, ExerciseVideo
from tests.exercises.test_admin import change_form_data
from tests.factories import (
    ExerciseVideoFactory,
    SessionExerciseFactory,
    UserFactory,
    WorkoutSessionFactory,
)

pytestmark = pytest.mark.django_db

WEBM = b"\x1a\x45\xdf\xa3" + b"\0" * 64
MP4 = b"\0\0\0\x18ftypmp42" + b"\0" * 64
VTT = b"WEBVTT\n\n00:00.000 --> 00:02.000\nRound your back up.\n"


def png():
    from io import BytesIO

    from PIL import Image

    buffer = BytesIO()
    Image.new("RGB", (32, 18), "white").save(buffer, "PNG")
    return buffer.getvalue()


@pytest.fixture
def editor():
    user = UserFactory(is_staff=True)
    user.groups.add(Group.objects.get(name="Content editors"))
    return user


@pytest.fixture
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    return tmp_path


def shipped(slug):
    return Exercise.objects.get(slug=slug)


@pytest.mark.parametrize("slug", sorted(BY_SLUG))
def test_the_detail_page_shows_the_animation_and_every_position_with_text(client, slug):
    exercise, drawing = shipped(slug), BY_SLUG[slug]

    html = unescape(client.get(exercise.get_absolute_url()).content.decode())

    animation = re.search(r'<img class="figure-animation" src="([^"]+)"[^>]* alt="([^"]+)"', html)
    assert animation.group(1) == static(drawing.animation_name)
    assert animation.group(2).startswith(f"{exercise.name}. ")
    for number, position in enumerate(drawing.positions, start=1):
        assert static(drawing.still_name(number)) in html
        assert f'alt="Position {number}: {position.caption}"' in html
    assert re.search(r'<input type="checkbox" class="figure-pause" id="pause-' + slug + '">', html)
    assert f'<label class="figure-pause-label" for="pause-{slug}">' in html


def test_each_step_shows_its_position_beside_it(client):
    exercise, drawing = shipped("cat-cow"), BY_SLUG["cat-cow"]

    html = client.get(exercise.get_absolute_url()).content.decode()

    steps = re.findall(
        r'<li class="step-with-picture"><img class="step-picture" src="([^"]+)"', html
    )
    expected = [static(drawing.still_name(drawing.steps[n])) for n in sorted(drawing.steps)]
    assert steps == expected


def test_the_library_cards_show_a_small_still_with_its_caption(client):
    html = client.get(reverse("exercises:list")).content.decode()

    thumbs = re.findall(r'<img class="exercise-thumb" src="([^"]+)" alt="([^"]+)"', html)
    assert len(thumbs) == 15
    drawing = BY_SLUG["face-pull"]
    assert (drawing.card_url, str(drawing.card_caption)) in thumbs


def test_an_uploaded_picture_takes_the_place_of_the_drawing(client, media):
    exercise = shipped("face-pull")
    exercise.image = SimpleUploadedFile("pull.png", png(), content_type="image/png")
    exercise.image_alt = "A person pulling a rope toward their face"
    exercise.save()

    detail = client.get(exercise.get_absolute_url()).content.decode()
    cards = client.get(reverse("exercises:list")).content.decode()

    assert 'alt="A person pulling a rope toward their face"' in detail
    assert "figure-animation" not in detail
    assert cards.count('alt="A person pulling a rope toward their face"') == 1
    assert BY_SLUG["face-pull"].card_url not in cards
    # The history keeps both: the drawing is still a static file, the upload a history row.
    assert exercise.history.filter(image__startswith="exercises/pull").exists()


def test_the_session_has_a_how_to_sheet_with_the_animation_for_each_movement(client):
    user = UserFactory()
    session = WorkoutSessionFactory(user=user)
    first = SessionExerciseFactory(session=session, exercise=shipped("thread-the-needle"))
    second = SessionExerciseFactory(session=session, exercise=shipped("thread-the-needle"))
    client.force_login(user)

    html = client.get(reverse("workouts:session", args=[session.pk])).content.decode()

    # Each card opens its own movement's sheet; the page holds one sheet at a time.
    for entry in (first, second):
        url = reverse("workouts:how_to", args=[entry.pk])
        assert f'hx-get="{url}"' in html
    assert html.count('<dialog class="how-to-sheet" id="how-to-sheet"') == 1
    sheets = [
        client.get(
            reverse("workouts:how_to", args=[entry.pk]), HTTP_HX_REQUEST="true"
        ).content.decode()
        for entry in (first, second)
    ]
    for sheet in sheets:
        assert sheet.count(static(BY_SLUG["thread-the-needle"].animation_name)) == 1
        # One pause control in the sheet, never two with the same id on the page.
        assert sheet.count('id="pause-thread-the-needle-sheet"') == 1
    assert 'id="pause-thread-the-needle' not in html


def test_videos_show_with_their_poster_and_captions(client, media):
    exercise = shipped("cat-cow")
    ExerciseVideoFactory(exercise=exercise, title="Cat-cow, slowly", position=1)

    html = client.get(exercise.get_absolute_url()).content.decode()

    video = re.search(r"<video [^>]*>.*?</video>", html, re.S).group(0)
    assert 'poster="/media/exercises/posters/poster' in video
    assert '<source src="/media/exercises/videos/move' in video and 'type="video/webm"' in video
    assert '<track kind="captions" src="/media/exercises/captions/move' in video
    assert "Cat-cow, slowly" in html


# The admin: a contact sheet for review, and video uploads with clear errors.

FIGURES = reverse("admin:exercises_exercise_figures")


def test_the_contact_sheet_shows_every_movements_positions_to_editors(client, editor):
    client.force_login(editor)

    html = client.get(FIGURES).content.decode()

    for slug, drawing in BY_SLUG.items():
        assert f'id="figures-{slug}"' in html
        for number in range(1, len(drawing.positions) + 1):
            assert static(drawing.still_name(number)) in html


def test_the_contact_sheet_is_for_staff_only(client):
    assert client.get(FIGURES).status_code == 302  # to the admin log-in

    client.force_login(UserFactory())
    assert client.get(FIGURES).status_code == 302

    client.force_login(UserFactory(is_staff=True))  # staff, but no right to see movements
    assert client.get(FIGURES).status_code == 403


def test_the_exercise_list_links_to_the_contact_sheet(client, editor):
    client.force_login(editor)

    html = client.get(reverse("admin:exercises_exercise_changelist")).content.decode()

    assert f'href="{FIGURES}"' in html


def video_form(exercise, video=WEBM, name="move.webm", captions=VTT, captions_name="move.vtt"):
    data = change_form_data(exercise)
    return data | {
        "videos-TOTAL_FORMS": 1,
        "videos-INITIAL_FORMS": 0,
        "videos-0-exercise": exercise.pk,
        "videos-0-title": "Cat-cow, slowly",
        "videos-0-description": "On hands and knees, rounding and arching the back.",
        "videos-0-captions_language": "en",
        "videos-0-position": 0,
        "videos-0-file": SimpleUploadedFile(name, video),
        "videos-0-poster": SimpleUploadedFile("poster.png", png()),
        "videos-0-captions": SimpleUploadedFile(captions_name, captions),
    }


def change_url(exercise):
    return reverse("admin:exercises_exercise_change", args=[exercise.pk])


@pytest.mark.parametrize("name, data", [("move.webm", WEBM), ("move.mp4", MP4)])
def test_an_editor_adds_a_video_with_poster_and_captions(client, editor, media, name, data):
    exercise = shipped("cat-cow")
    client.force_login(editor)

    response = client.post(change_url(exercise), video_form(exercise, data, name))

    assert response.status_code == 302, response.context["inline_admin_formsets"][2].formset.errors
    video = ExerciseVideo.objects.get(exercise=exercise)
    assert video.mime_type == f"video/{name.rsplit('.')[-1]}"
    assert video.history.count() == 1


@pytest.mark.parametrize(
    "changes, message",
    [
        ({"name": "move.avi"}, "Upload an MP4 or WebM video"),
        ({"video": b"<html>not a video</html>"}, "does not look like a WEBM video"),
        ({"video": WEBM + b"\0" * 2048}, "the largest allowed is 1.0"),
        ({"captions_name": "move.srt"}, "Upload the captions as a WebVTT file"),
        ({"captions": b"1\n00:00:00,000 --> 00:00:02,000\nHi\n"}, "starts with the line WEBVTT"),
        ({"captions": VTT + b" " * 2048}, "the largest allowed is 1.0"),
    ],
)
def test_a_bad_video_upload_gets_a_clear_message(
    client, editor, media, monkeypatch, changes, message
):
    # Small limits, so the test need not send 50 MB; the message names the limit either way.
    monkeypatch.setattr("midback.validators.MAX_VIDEO_BYTES", 1024)
    monkeypatch.setattr("midback.validators.MAX_CAPTIONS_BYTES", 1024)
    exercise = shipped("cat-cow")
    client.force_login(editor)

    response = client.post(change_url(exercise), video_form(exercise, **changes))

    assert response.status_code == 200
    assert message in response.content.decode()
    assert not ExerciseVideo.objects.exists()


class Stub:
    """A file of a given size that was never read into memory."""

    def __init__(self, name, size, head):
        self.name, self.size, self._head = name, size, head

    def seek(self, offset):
        pass

    def read(self, count):
        return self._head[:count]


def test_the_real_limits_are_50_mb_of_video_and_200_kb_of_captions():
    from django.core.exceptions import ValidationError

    from midback.validators import validate_captions_upload, validate_video_upload

    validate_video_upload(Stub("a.mp4", 50 * 1024 * 1024, MP4))
    with pytest.raises(ValidationError, match="50.0"):
        validate_video_upload(Stub("a.mp4", 50 * 1024 * 1024 + 1, MP4))
    validate_captions_upload(Stub("a.vtt", 200 * 1024, VTT))
    with pytest.raises(ValidationError, match="200.0"):
        validate_captions_upload(Stub("a.vtt", 200 * 1024 + 1, VTT))
