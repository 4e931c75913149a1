import pytest
from django.urls import reverse


@pytest.mark.django_db
def test_home_page_leads_into_the_library(client):
    response = client.get(reverse("home"))

    assert response.status_code == 200
    assert reverse("exercises:list").encode() in response.content
