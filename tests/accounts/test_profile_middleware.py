import datetime

from django.urls import reverse

from accounts.models import Profile
from tests.factories import ProfileFactory, WorkoutSessionFactory


def finished_at(user, when):
    return WorkoutSessionFactory(
        user=user, started_at=when, finished_at=when + datetime.timedelta(minutes=30)
    )


def test_it_shows_times_in_the_persons_own_zone(client, user):
    ProfileFactory(user=user, time_zone="Asia/Tokyo")
    finished_at(user, datetime.datetime(2026, 3, 2, 23, 15, tzinfo=datetime.UTC))
    client.force_login(user)

    response = client.get(reverse("workouts:history"))

    # 23:15 UTC is 08:15 the next morning in Tokyo.
    assert "Tuesday 3 March 2026" in response.text
    assert "08:15" in response.text
    assert "23:15" not in response.text


def test_someone_elses_zone_never_leaks_into_my_page(client, user, other_user):
    ProfileFactory(user=other_user, time_zone="Asia/Tokyo")
    ProfileFactory(user=user, time_zone="Europe/Lisbon")
    finished_at(user, datetime.datetime(2026, 3, 2, 23, 15, tzinfo=datetime.UTC))
    client.force_login(other_user)
    client.get(reverse("workouts:history"))
    client.force_login(user)

    response = client.get(reverse("workouts:history"))

    assert "Monday 2 March 2026" in response.text
    assert "23:15" in response.text


def test_an_account_made_without_a_profile_gets_one_once(client, user):
    assert not Profile.objects.filter(user=user).exists()
    client.force_login(user)

    client.get(reverse("workouts:history"))
    client.get(reverse("routines:today"))

    assert Profile.objects.filter(user=user).count() == 1


def test_the_profile_is_read_once_per_request(client, user, django_assert_num_queries):
    ProfileFactory(user=user, time_zone="Europe/Paris", weight_unit="lb")
    client.force_login(user)
    client.get(reverse("routines:list"))  # warm up

    # session, user, profile, my routines, the starters: the profile once
    with django_assert_num_queries(5) as queries:
        client.get(reverse("routines:list"))

    profile_queries = [q for q in queries.captured_queries if "accounts_profile" in q["sql"]]
    assert len(profile_queries) == 1


def test_visitors_get_no_profile(client, db):
    response = client.get(reverse("exercises:list"))

    assert response.status_code == 200
    assert response.wsgi_request.profile is None
    assert not Profile.objects.exists()
