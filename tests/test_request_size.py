"""The app's own body limit, behind the proxy's: refused from the declared length, unread."""

import ipaddress

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db

MB = 1024 * 1024


class Unreadable:
    """A request body that fails the test if anything reads it."""

    def read(self, *args):
        raise AssertionError("the body was read")

    readline = read


def post_declaring(client, url, length, **extra):
    return client.generic(
        "POST",
        url,
        b"x",
        content_type="multipart/form-data; boundary=xyz",
        CONTENT_LENGTH=str(length),
        **{"wsgi.input": Unreadable(), **extra},
    )


@pytest.mark.parametrize("name", ["login", "password_reset", "accounts:signup"])
def test_a_200_mb_body_is_refused_with_413_before_it_is_read(client, name):
    response = post_declaring(client, reverse(name), 200 * MB)

    assert response.status_code == 413
    assert b"larger than this page accepts" in response.content
    assert "default-src 'self'" in response["Content-Security-Policy"]


def test_a_body_just_under_the_limit_goes_through_to_the_form(client, settings):
    data = {"login": "kim", "password": "x" * (settings.REQUEST_BODY_LIMIT - 1000)}

    response = client.post(reverse("login"), data)

    assert response.status_code == 200
    assert b"No account matches that username or email and password" in response.content


def test_a_chunked_body_is_refused_with_411(client):
    response = client.generic(
        "POST",
        reverse("login"),
        b"",
        HTTP_TRANSFER_ENCODING="chunked",
        **{"wsgi.input": Unreadable()},
    )

    assert response.status_code == 411
    assert b"Content-Length" in response.content


def test_a_garbled_length_is_refused(client):
    response = post_declaring(client, reverse("login"), "lots")

    assert response.status_code == 413


def test_picture_uploads_in_the_admin_may_be_larger(client, settings):
    admin_add = reverse("admin:exercises_exercise_add")
    three_mb = 3 * MB

    upload = post_declaring(client, admin_add, settings.UPLOAD_BODY_LIMIT + MB)
    form = client.post(admin_add, {"name": "x" * three_mb})

    assert upload.status_code == 413
    assert f"at most {settings.UPLOAD_BODY_LIMIT / MB:.1f} MB" in upload.content.decode()
    # Past the guard: the admin itself answers (a redirect to its login here).
    assert form.status_code == 302
    assert post_declaring(client, reverse("login"), three_mb).status_code == 413


def test_only_the_proxy_may_say_a_request_came_over_https(client, settings):
    settings.TRUSTED_PROXIES = [ipaddress.ip_network("10.0.0.0/24")]
    settings.SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    settings.SECURE_HSTS_SECONDS = 3600
    claims_https = {"HTTP_X_FORWARDED_PROTO": "https"}

    direct = client.get(reverse("exercises:list"), REMOTE_ADDR="203.0.113.9", **claims_https)
    proxied = client.get(reverse("exercises:list"), REMOTE_ADDR="10.0.0.2", **claims_https)

    assert "Strict-Transport-Security" not in direct
    assert proxied["Strict-Transport-Security"].startswith("max-age=3600")
