"""Database rules a person can hit answer in plain words, not "Constraint ... is violated"."""

import io

import pytest
from django.apps import apps
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db.models import CheckConstraint, UniqueConstraint
from django.urls import reverse
from PIL import Image

from tests.exercises.test_admin import change_form_data
from tests.factories import ExerciseFactory, UserFactory

pytestmark = pytest.mark.django_db


def a_png():
    buffer = io.BytesIO()
    Image.new("RGB", (4, 4), "white").save(buffer, "PNG")
    return SimpleUploadedFile("row.png", buffer.getvalue(), content_type="image/png")


def test_a_picture_without_a_description_says_what_to_do(client, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    exercise = ExerciseFactory(name="Band row", slug="band-row")
    editor = UserFactory(is_staff=True)
    editor.groups.add(apps.get_model("auth", "Group").objects.get(name="Content editors"))
    client.force_login(editor)
    url = reverse("admin:exercises_exercise_change", args=[exercise.pk])

    response = client.post(url, change_form_data(exercise, image=a_png(), image_alt=""))

    assert response.status_code == 200
    page = response.content.decode()
    assert "Describe the picture for people who cannot see it." in page
    assert "is violated" not in page
    exercise.refresh_from_db()
    assert not exercise.image


OUR_APPS = ["accounts", "exercises", "routines", "workouts"]


def test_every_database_rule_has_a_message_in_plain_words():
    for app in OUR_APPS:
        for model in apps.get_app_config(app).get_models():
            for constraint in model._meta.constraints:
                assert isinstance(constraint, CheckConstraint | UniqueConstraint)
                message = str(constraint.get_violation_error_message())
                assert "violated" not in message, f"{model.__name__}: {constraint.name}"
