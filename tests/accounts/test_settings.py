import pytest
from django.urls import reverse

from accounts.models import Profile
from exercises.models import Equipment
from tests.factories import EquipmentFactory, ProfileFactory

pytestmark = pytest.mark.django_db

URL = reverse("accounts:settings")


@pytest.fixture
def equipment(db):
    return {
        "mat": EquipmentFactory(name="Test mat", slug="test-mat", at_home=True),
        "band": EquipmentFactory(name="Test band", slug="test-band", at_home=True),
        "cable": EquipmentFactory(name="Test cable", slug="test-cable", at_home=False),
    }


def _data(**overrides):
    return {
        "time_zone": "America/New_York",
        "weight_unit": "lb",
        "weekly_target": "2",
        "training_at": "home",
        "reminders": "on",
        "reminder_days": ["0", "2", "4"],
        **overrides,
    }


def test_it_sends_visitors_to_log_in(client):
    response = client.get(URL)

    assert response.status_code == 302
    assert response.url == f"{reverse('login')}?next={URL}"


def test_it_sends_visitors_to_log_in_on_post(client):
    response = client.post(URL, _data())

    assert response.status_code == 302
    assert not Profile.objects.exists()


def test_it_shows_the_settings_of_the_logged_in_person(client, user, other_user):
    ProfileFactory(user=other_user, time_zone="Asia/Tokyo")
    ProfileFactory(user=user, time_zone="Europe/Lisbon")
    client.force_login(user)

    response = client.get(URL)

    assert response.status_code == 200
    assert b'value="Europe/Lisbon"' in response.content
    assert b"Asia/Tokyo" not in response.content.split(b'<datalist id="time-zones">')[0]
    assert b'<option value="Pacific/Auckland">' in response.content


def test_it_creates_a_profile_on_first_visit(client, user):
    client.force_login(user)

    client.get(URL)

    assert Profile.objects.get(user=user).time_zone == "UTC"


def test_it_saves_and_redirects_with_a_message(client, user, other_user, equipment):
    other = Profile.for_user(other_user)
    client.force_login(user)

    response = client.post(URL, _data(), follow=True)

    assert response.redirect_chain == [(URL, 302)]
    assert b"Your settings are saved." in response.content
    profile = Profile.objects.get(user=user)
    assert profile.time_zone == "America/New_York"
    assert profile.weight_unit == "lb"
    assert profile.weekly_target == 2
    assert profile.reminders is True
    other.refresh_from_db()
    assert (other.time_zone, other.weight_unit, other.weekly_target) == ("UTC", "kg", 3)


def test_home_fills_in_the_equipment_found_at_home(client, user, equipment):
    client.force_login(user)

    client.post(URL, _data(training_at="home", equipment=[equipment["cable"].pk]))

    chosen = set(Profile.for_user(user).equipment.all())
    assert chosen == set(Equipment.objects.filter(at_home=True))
    assert {equipment["mat"], equipment["band"]} <= chosen
    assert equipment["cable"] not in chosen


def test_gym_fills_in_all_equipment(client, user, equipment):
    client.force_login(user)

    client.post(URL, _data(training_at="gym"))

    assert set(Profile.for_user(user).equipment.all()) == set(Equipment.objects.all())


def test_own_list_keeps_exactly_what_was_ticked(client, user, equipment):
    client.force_login(user)

    client.post(
        URL, _data(training_at="custom", equipment=[equipment["band"].pk, equipment["cable"].pk])
    )

    assert set(Profile.for_user(user).equipment.all()) == {equipment["band"], equipment["cable"]}


def test_unticking_reminders_turns_them_off(client, user):
    Profile.objects.create(user=user, reminders=True)
    client.force_login(user)

    data = _data()
    del data["reminders"]
    client.post(URL, data)

    assert Profile.for_user(user).reminders is False


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("time_zone", "Mars/Olympus_Mons", b"Mars/Olympus_Mons is not a known time zone."),
        ("time_zone", "", b"Enter your time zone."),
        ("time_zone", "x" * 5000, b"Ensure this value has at most 64 characters"),
        ("weekly_target", "0", b"Ensure this value is greater than or equal to 1."),
        ("weekly_target", "8", b"Ensure this value is less than or equal to 7."),
        ("weekly_target", "99999999999999999999", b"less than or equal to 7."),
        ("weekly_target", "two", b"Enter a whole number."),
        ("weight_unit", "stone", b"Select a valid choice."),
        ("training_at", "moon", b"Select a valid choice."),
        ("equipment", "123456", b"Select a valid choice."),
        ("equipment", str(2**63), b"Select a valid choice."),
        ("equipment", "-1", b"Select a valid choice."),
    ],
)
def test_it_shows_bad_values_in_place_and_saves_nothing(client, user, field, value, message):
    Profile.objects.create(user=user, time_zone="Europe/Paris", weekly_target=3)
    client.force_login(user)

    response = client.post(URL, {**_data(training_at="custom"), field: value})

    assert response.status_code == 200
    assert message in response.content
    assert b'role="alert"' in response.content
    profile = Profile.for_user(user)
    assert (profile.time_zone, profile.weekly_target, profile.weight_unit) == (
        "Europe/Paris",
        3,
        "kg",
    )


def test_htmx_post_returns_the_form_fragment_with_the_saved_notice(client, user):
    client.force_login(user)

    response = client.post(URL, _data(), headers={"HX-Request": "true"})

    assert response.status_code == 200
    assert b"<form" in response.content
    assert b"<html" not in response.content
    assert b"<datalist" not in response.content
    assert b"Your settings are saved." in response.content
    assert Profile.for_user(user).time_zone == "America/New_York"


def test_htmx_post_with_errors_returns_the_fragment_with_errors(client, user):
    client.force_login(user)

    response = client.post(URL, _data(time_zone="Nowhere"), headers={"HX-Request": "true"})

    assert response.status_code == 200
    assert b"<html" not in response.content
    assert b"Nowhere is not a known time zone." in response.content


def test_htmx_get_returns_the_fragment_and_a_boosted_get_the_page(client, user):
    client.force_login(user)

    fragment = client.get(URL, headers={"HX-Request": "true"})
    page = client.get(URL, headers={"HX-Request": "true", "HX-Boosted": "true"})

    assert b"<html" not in fragment.content
    assert b'name="time_zone"' in fragment.content
    assert b"<html" in page.content
    assert fragment["Vary"] and "HX-Request" in fragment["Vary"]


def test_it_links_to_password_change_and_delete(client, user):
    client.force_login(user)

    response = client.get(URL)

    assert reverse("password_change").encode() in response.content
    assert reverse("accounts:delete").encode() in response.content


def test_the_page_costs_the_same_queries_however_much_equipment_exists(
    client, user, django_assert_num_queries
):
    profile = ProfileFactory(user=user, training_at="custom")
    client.force_login(user)
    client.get(URL)  # session and profile warmed up
    with django_assert_num_queries(6) as few:  # 6: with the confirmed-email check
        client.get(URL)
    extra = [EquipmentFactory() for _ in range(30)]
    profile.equipment.set(extra[:10])

    with django_assert_num_queries(len(few.captured_queries)):
        response = client.get(URL)

    assert response.content.count(b'name="equipment"') == len(Equipment.objects.all())


@pytest.mark.parametrize("value", ["²", "①", "1²", "1" * 5000])
def test_unicode_digits_as_equipment_are_refused_in_the_page(client, user, equipment, value):
    client.force_login(user)

    response = client.post(URL, _data(training_at="custom", equipment=[value]))

    assert response.status_code == 200
    assert b"errorlist" in response.content
    assert not Profile.for_user(user).equipment.exists()
