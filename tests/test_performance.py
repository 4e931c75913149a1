"""What keeps pages quick on the wire: compressed HTML, and the library served from a cache."""

import gzip

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db


def test_pages_are_compressed_for_browsers_that_accept_it(client):
    response = client.get(reverse("exercises:list"), HTTP_ACCEPT_ENCODING="gzip, br")

    assert response.status_code == 200
    assert response["Content-Encoding"] == "gzip"
    assert "Accept-Encoding" in response["Vary"]
    assert b"Exercise library" in gzip.decompress(response.content)


def test_pages_stay_plain_for_clients_that_do_not_ask(client):
    response = client.get(reverse("exercises:list"))

    assert not response.has_header("Content-Encoding")
    assert b"Exercise library" in response.content
