"""The daily check-in: one tap for how the back is, one more for where, on any day."""

import datetime
import zoneinfo

import pytest
import time_machine
from django.urls import reverse

from tests.factories import ProfileFactory
from workouts.models import CheckIn

pytestmark = pytest.mark.django_db
HTMX = {"HTTP_HX_REQUEST": "true"}
RATE = reverse("workouts:check_in_rate")
MARK = reverse("workouts:check_in_mark")


def test_today_offers_the_check_in_card(client, user):
    client.force_login(user)
    content = client.get(reverse("routines:today")).content.decode()
    assert "How is your back today?" in content
    assert f'action="{RATE}"' in content
    assert content.count('name="rating"') == 11


def test_one_tap_saves_the_rating_and_offers_where(client, user):
    client.force_login(user)
    response = client.post(RATE, {"rating": 0}, **HTMX)
    content = response.content.decode()
    assert response.status_code == 200 and "<html" not in content
    assert "Saved: 0/10 today." in content
    assert f'action="{MARK}"' in content
    assert CheckIn.objects.get().rating == 0


def test_a_second_tap_the_same_day_changes_it_and_keeps_where(client, user):
    client.force_login(user)
    client.post(RATE, {"rating": 6}, **HTMX)
    client.post(MARK, {"areas": ["lower-back-left"]}, **HTMX)
    client.post(RATE, {"rating": 3}, **HTMX)
    check_in = CheckIn.objects.get()
    assert (check_in.rating, check_in.areas) == (3, ["lower-back-left"])


def test_where_saves_and_says_it_back(client, user):
    client.force_login(user)
    client.post(RATE, {"rating": 4})
    response = client.post(MARK, {"areas": ["neck", "shoulder-right"]}, **HTMX)
    assert "Saved: 4/10 · Neck, right shoulder." in response.content.decode()
    assert CheckIn.objects.get().areas == ["neck", "shoulder-right"]
    client.post(MARK, {}, **HTMX)
    assert CheckIn.objects.get().areas == []


def test_without_javascript_it_goes_to_the_check_in_page(client, user):
    client.force_login(user)
    response = client.post(RATE, {"rating": 5}, follow=True)
    assert response.redirect_chain[-1][0] == reverse("workouts:check_in")
    content = response.content.decode()
    assert "Saved: 5/10 today." in content and f'action="{MARK}"' in content
    response = client.post(MARK, {"areas": ["hip-right"]}, follow=True)
    assert "Saved: 5/10 · Right hip." in response.content.decode()


@pytest.mark.parametrize("rating", ["11", "-1", "", "many"])
def test_a_bad_rating_is_refused_in_the_card(client, user, rating):
    client.force_login(user)
    response = client.post(RATE, {"rating": rating}, **HTMX)
    assert response.status_code == 200
    assert "Choose a number from 0 to 10." in response.content.decode()
    assert not CheckIn.objects.exists()


def test_an_unknown_area_is_refused(client, user):
    client.force_login(user)
    client.post(RATE, {"rating": 2})
    response = client.post(MARK, {"areas": ["elbow"]})
    assert response.status_code == 200
    assert "Choose where you feel it from the list." in response.content.decode()
    assert CheckIn.objects.get().areas == []


def test_where_before_any_rating_today_asks_for_the_number(client, user):
    client.force_login(user)
    response = client.post(MARK, {"areas": ["neck"]}, follow=True)
    assert "Tap a number first" in response.content.decode()
    assert not CheckIn.objects.exists()


def test_each_person_has_their_own_check_in(client, user, other_user):
    CheckIn.objects.create(user=other_user, day=datetime.date.today(), rating=9)
    client.force_login(user)
    content = client.get(reverse("workouts:check_in")).content.decode()
    assert "9/10" not in content
    client.post(RATE, {"rating": 1})
    assert CheckIn.objects.get(user=other_user).rating == 9


@time_machine.travel(datetime.datetime(2026, 3, 4, 23, 30, tzinfo=datetime.UTC), tick=False)
def test_the_day_is_the_persons_own(client, user):
    ProfileFactory(user=user, time_zone="Pacific/Auckland")
    client.force_login(user)
    client.post(RATE, {"rating": 2})
    local = datetime.datetime.now(zoneinfo.ZoneInfo("Pacific/Auckland")).date()
    assert CheckIn.objects.get().day == local == datetime.date(2026, 3, 5)


def test_it_needs_a_login(client):
    response = client.get(reverse("workouts:check_in"))
    assert response.status_code == 302 and "login" in response["Location"]
    assert client.post(RATE, {"rating": 2}).status_code == 302
