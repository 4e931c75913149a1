import re
from io import BytesIO

import pytest
from django import forms
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.http import HttpResponse
from django.test import override_settings
from django.urls import path
from PIL import Image

from midback.validators import MAX_IMAGE_BYTES, validate_image_upload
from tests.factories import ExerciseFactory


def remember_me(request):
    request.session["seen"] = True
    return HttpResponse("remembered")


urlpatterns = [path("remember/", remember_me)]


def png_bytes(width=40, height=30):
    buffer = BytesIO()
    Image.new("RGB", (width, height), "teal").save(buffer, format="PNG")
    return buffer.getvalue()


@pytest.mark.django_db
def test_pages_carry_a_strict_content_security_policy_with_the_pages_nonce(client):
    response = client.get("/")

    policy = dict(
        directive.split(" ", 1) for directive in response["Content-Security-Policy"].split("; ")
    )
    nonce = re.search(r"'nonce-([^']+)'", policy["script-src"]).group(1)
    assert policy["default-src"] == "'self'"
    assert policy["script-src"] == f"'self' 'nonce-{nonce}'"
    assert policy["style-src"] == f"'self' 'nonce-{nonce}'"
    assert policy["img-src"] == "'self' data:"
    assert policy["connect-src"] == "'self'"
    assert policy["form-action"] == "'self'"
    assert policy["frame-ancestors"] == "'none'"
    assert policy["base-uri"] == "'self'"
    assert policy["object-src"] == "'none'"
    assert "unsafe" not in response["Content-Security-Policy"]
    # htmx's own <script> tag carries the nonce of this response.
    assert f'nonce="{nonce}"'.encode() in response.content


@pytest.mark.django_db
def test_each_response_gets_its_own_nonce(client):
    first = client.get("/")["Content-Security-Policy"]
    second = client.get("/")["Content-Security-Policy"]

    assert first != second


@pytest.mark.django_db
def test_pages_carry_the_security_headers(client):
    response = client.get("/")

    assert response["X-Frame-Options"] == "DENY"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "same-origin"
    assert response["Cross-Origin-Opener-Policy"] == "same-origin"
    permissions = response["Permissions-Policy"]
    for feature in ("camera", "microphone", "geolocation", "payment", "usb"):
        assert f"{feature}=()" in permissions
    assert "screen-wake-lock=(self)" in permissions


@pytest.mark.django_db
@override_settings(SECURE_HSTS_SECONDS=31536000)
def test_https_responses_tell_browsers_to_stay_on_https(client):
    response = client.get("/", secure=True)

    assert response["Strict-Transport-Security"] == "max-age=31536000; includeSubDomains; preload"


@pytest.mark.django_db
@override_settings(SECURE_SSL_REDIRECT=True)
def test_plain_http_is_sent_to_https(client):
    response = client.get("/exercises/?kind=mobility")

    assert response.status_code == 301
    assert response["Location"] == "https://testserver/exercises/?kind=mobility"


@pytest.mark.django_db
@override_settings(
    SECURE_SSL_REDIRECT=True, SECURE_PROXY_SSL_HEADER=("HTTP_X_FORWARDED_PROTO", "https")
)
def test_a_request_the_tls_proxy_forwarded_is_served(client):
    response = client.get("/exercises/", headers={"X-Forwarded-Proto": "https"})

    assert response.status_code == 200


@pytest.mark.django_db
@override_settings(ROOT_URLCONF="tests.test_security")
def test_the_session_cookie_is_secure_http_only_and_same_site(client):
    response = client.get("/remember/")

    cookie = response.cookies["sessionid"]
    assert cookie["secure"] is True
    assert cookie["httponly"] is True
    assert cookie["samesite"] == "Lax"


@pytest.mark.django_db
def test_the_csrf_cookie_is_secure_http_only_and_same_site(client):
    response = client.get("/")

    cookie = response.cookies["csrftoken"]
    assert cookie["secure"] is True
    assert cookie["httponly"] is True
    assert cookie["samesite"] == "Lax"


def image_field():
    return forms.ImageField(validators=[validate_image_upload])


def test_a_real_picture_is_accepted():
    upload = SimpleUploadedFile("row.png", png_bytes(), content_type="image/png")

    assert image_field().clean(upload) is upload


def test_markup_dressed_as_a_picture_is_refused():
    upload = SimpleUploadedFile(
        "row.png", b"<html><script>alert(1)</script></html>", content_type="image/png"
    )

    with pytest.raises(forms.ValidationError):
        image_field().clean(upload)


def test_an_svg_is_refused():
    svg = b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'
    upload = SimpleUploadedFile("row.svg", svg, content_type="image/svg+xml")

    with pytest.raises(forms.ValidationError):
        image_field().clean(upload)


def test_a_picture_over_the_size_limit_is_refused():
    padded = png_bytes() + b"\0" * MAX_IMAGE_BYTES
    upload = SimpleUploadedFile("row.png", padded, content_type="image/png")

    with pytest.raises(forms.ValidationError) as refused:
        image_field().clean(upload)

    assert refused.value.error_list[0].code == "image_too_large"


def test_a_picture_with_huge_dimensions_is_refused():
    upload = SimpleUploadedFile("row.png", png_bytes(7000, 10), content_type="image/png")

    with pytest.raises(forms.ValidationError) as refused:
        image_field().clean(upload)

    assert refused.value.error_list[0].code == "image_too_wide"


@pytest.mark.django_db
def test_an_exercise_refuses_an_oversized_picture(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    exercise = ExerciseFactory()
    exercise.image_alt = "A person rowing"
    exercise.image = SimpleUploadedFile("row.png", png_bytes() + b"\0" * MAX_IMAGE_BYTES)

    with pytest.raises(ValidationError) as refused:
        exercise.full_clean()

    assert "image" in refused.value.message_dict


@pytest.mark.django_db
def test_an_exercise_keeps_a_fitting_picture(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    exercise = ExerciseFactory()
    exercise.image_alt = "A person rowing"
    exercise.image = SimpleUploadedFile("row.png", png_bytes())

    exercise.full_clean()
    exercise.save()
    exercise.refresh_from_db()

    exercise.full_clean()  # the stored picture is not read again
    assert exercise.image.name.startswith("exercises/row")


@pytest.fixture
def stored_picture(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    (tmp_path / "exercises").mkdir()
    (tmp_path / "exercises" / "row.png").write_bytes(png_bytes())
    (tmp_path.parent / "secret.txt").write_text("not media")
    return "/media/exercises/row.png"


def test_uploads_are_served_so_a_browser_runs_nothing_from_them(client, settings, stored_picture):
    settings.SERVE_MEDIA = True

    response = client.get(stored_picture)

    assert response.status_code == 200
    assert response["Content-Type"] == "image/png"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Content-Security-Policy"] == "default-src 'none'; sandbox"


def test_uploads_are_not_served_by_the_app_unless_asked(client, settings, stored_picture):
    settings.SERVE_MEDIA = False

    assert client.get(stored_picture).status_code == 404


def test_media_serving_stays_inside_the_media_folder(client, settings, stored_picture):
    settings.SERVE_MEDIA = True

    for escape in ("/media/../secret.txt", "/media/%2e%2e/secret.txt"):
        response = client.get(escape)
        assert response.status_code in (400, 404)
        assert b"not media" not in response.content
