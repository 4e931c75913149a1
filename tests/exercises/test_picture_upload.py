"""Pictures uploaded in the admin are stored re-encoded: only their pixels, never their extras."""

from io import BytesIO

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image
from PIL.PngImagePlugin import PngInfo

from exercises.models import Exercise
from tests.exercises.test_admin import change_form_data
from tests.factories import ExerciseFactory, StepFactory, UserFactory

pytestmark = pytest.mark.django_db

GPS_IFD = 0x8825
ORIENTATION = 0x0112


@pytest.fixture
def exercise(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    exercise = ExerciseFactory(name="Band row", slug="band-row", image_alt="A person rowing")
    StepFactory(exercise=exercise, position=1, text="Hold the band.")
    return exercise


@pytest.fixture
def editor_client(client):
    client.force_login(UserFactory(is_staff=True, is_superuser=True))
    return client


def upload(editor_client, exercise, name, content):
    url = reverse("admin:exercises_exercise_change", args=[exercise.pk])
    data = change_form_data(exercise, image=SimpleUploadedFile(name, content))
    return editor_client.post(url, data)


def photo_with_location_and_rotation():
    """A 40x20 JPEG that a camera marked 'rotate 90°', with a GPS position in its EXIF."""
    image = Image.new("RGB", (40, 20), "teal")
    exif = Image.Exif()
    exif[ORIENTATION] = 6
    exif.get_ifd(GPS_IFD).update({1: "N", 2: (52.0, 31.0, 12.0), 3: "E", 4: (13.0, 24.0, 1.0)})
    buffer = BytesIO()
    image.save(buffer, format="JPEG", exif=exif)
    return buffer.getvalue()


def stored(exercise):
    exercise.refresh_from_db()
    with exercise.image.open("rb") as file:
        content = file.read()
    return exercise.image.name, content


def test_a_photo_is_stored_without_its_location_and_upright(editor_client, exercise):
    original = photo_with_location_and_rotation()
    assert Image.open(BytesIO(original)).getexif().get_ifd(GPS_IFD)

    response = upload(editor_client, exercise, "row.jpg", original)

    assert response.status_code == 302
    name, content = stored(exercise)
    picture = Image.open(BytesIO(content))
    assert name.endswith(".jpg")
    assert picture.format == "JPEG"
    assert not picture.getexif().get_ifd(GPS_IFD)
    assert ORIENTATION not in picture.getexif()
    assert picture.size == (20, 40)  # the rotation is in the pixels now


def test_a_picture_with_a_zip_appended_is_stored_as_its_pixels_only(editor_client, exercise):
    buffer = BytesIO()
    Image.new("RGBA", (30, 30), (0, 128, 128, 100)).save(buffer, format="PNG")
    polyglot = buffer.getvalue() + b"PK\x03\x04" + b"payload" * 200

    assert upload(editor_client, exercise, "row.png", polyglot).status_code == 302

    name, content = stored(exercise)
    assert name.endswith(".png")
    assert b"payload" not in content
    assert Image.open(BytesIO(content)).mode == "RGBA"


@pytest.mark.parametrize(
    ("source_format", "extension"), [("GIF", ".png"), ("BMP", ".jpg"), ("WEBP", ".webp")]
)
def test_other_formats_become_png_jpeg_or_stay_webp(
    editor_client, exercise, source_format, extension
):
    buffer = BytesIO()
    Image.new("RGB", (30, 30), "teal").save(buffer, format=source_format)

    assert upload(editor_client, exercise, f"row.{source_format.lower()}", buffer.getvalue())

    name, content = stored(exercise)
    assert name.endswith(extension)
    assert Image.open(BytesIO(content)).format in {"PNG", "JPEG", "WEBP"}


def test_a_gif_carrying_a_script_is_refused_with_a_message(editor_client, exercise):
    polyglot = b"GIF89a/*\x01\x00\x01\x00\x00\x00\x00*/=1;<script>alert(1)</script>"

    response = upload(editor_client, exercise, "row.gif", polyglot)

    assert response.status_code == 200
    assert b"Upload a valid image" in response.content
    assert not Exercise.objects.get(pk=exercise.pk).image


def test_a_picture_with_markup_inside_is_refused_with_a_message(editor_client, exercise):
    # A valid PNG whose text chunk, early in the file, is a page for a browser that sniffs.
    info = PngInfo()
    info.add_text("Comment", "<html><script>alert(1)</script></html>")
    buffer = BytesIO()
    Image.new("RGB", (10, 10), "teal").save(buffer, format="PNG", pnginfo=info)

    response = upload(editor_client, exercise, "row.png", buffer.getvalue())

    assert response.status_code == 200
    assert b"web page code" in response.content
    assert not Exercise.objects.get(pk=exercise.pk).image


def test_a_text_file_is_refused_with_a_message(editor_client, exercise):
    response = upload(editor_client, exercise, "row.png", b"just some words")

    assert response.status_code == 200
    assert b"Upload a valid image" in response.content
    assert not Exercise.objects.get(pk=exercise.pk).image
