"""The owner's side of share links: making one, seeing it once, the list, switching it off."""

import hashlib
import re
from datetime import date, timedelta

import pytest
import time_machine
from django.urls import reverse
from django.utils import timezone

from accounts.models import Profile
from care.models import ShareLink
from tests.factories import ShareLinkFactory

pytestmark = pytest.mark.django_db
URL = reverse("care:share_list")
TODAY = date(2026, 3, 18)


@pytest.fixture(autouse=True)
def frozen():
    with time_machine.travel("2026-03-18 09:00Z", tick=False):
        yield


def make(client, **values):
    data = {
        "name": "Dr Lee, physio",
        "scope": "rolling",
        "rolling_weeks": "6",
        "expires_on": "2026-04-17",
        **values,
    }
    return client.post(URL, data)


def shown_token(response):
    match = re.search(r'value="https?://[^"]+/shared/([^/"]+)/"', response.content.decode())
    assert match, "the new link is shown"
    return match.group(1)


def test_it_sends_anonymous_people_to_log_in(client):
    assert client.get(URL).status_code == 302
    assert make(client).status_code == 302
    assert not ShareLink.objects.exists()


def test_it_makes_a_link_and_shows_its_address_once_with_a_qr_code(client, user):
    client.force_login(user)

    response = make(client, include_session_notes="on")

    assert response.status_code == 200
    token = shown_token(response)
    link = ShareLink.objects.get(user=user)
    assert (link.name, link.rolling_weeks, link.start_date, link.end_date) == (
        "Dr Lee, physio",
        6,
        None,
        None,
    )
    assert link.include_session_notes
    content = response.content.decode()
    assert '<svg viewBox="' in content and 'class="qr-code"' in content
    assert "data-copy-target" in content
    assert "no-store" in response["Cache-Control"]
    # Only the fingerprint is stored; the page shown afterwards never repeats the token.
    assert link.token_hash == hashlib.sha256(token.encode()).hexdigest()
    assert token not in str(ShareLink.objects.values().get())
    assert token not in client.get(URL).content.decode()


def test_the_link_works_to_the_end_of_the_chosen_day_in_the_persons_zone(client, user):
    profile = Profile.for_user(user)
    profile.time_zone = "Europe/Berlin"
    profile.save()
    client.force_login(user)

    make(client)

    expires = ShareLink.objects.get().expires_at
    assert expires.isoformat() == "2026-04-17T22:00:00+00:00"  # midnight in Berlin (summer)


def test_it_makes_a_link_for_fixed_dates(client, user):
    client.force_login(user)

    make(client, scope="dates", rolling_weeks="", start_date="2026-01-05", end_date="2026-03-01")

    link = ShareLink.objects.get()
    assert (link.rolling_weeks, link.start_date, link.end_date) == (
        None,
        date(2026, 1, 5),
        date(2026, 3, 1),
    )


@pytest.mark.parametrize(
    ("values", "message"),
    [
        ({"expires_on": "2026-06-17"}, "A link can work for at most 90 days"),
        ({"expires_on": "2026-03-17"}, "Choose today or a later day."),
        ({"expires_on": "17/06/2026"}, "Enter a valid date."),
        ({"rolling_weeks": "0"}, "greater than or equal to 1"),
        ({"rolling_weeks": "53"}, "less than or equal to 52"),
        ({"rolling_weeks": ""}, "Say how many weeks the link shows."),
        ({"scope": "dates", "start_date": "2026-03-10", "end_date": "2026-03-01"}, "before"),
        ({"scope": "dates", "start_date": "", "end_date": "2026-03-01"}, "Choose the first day."),
        ({"scope": "everything"}, "Select a valid choice."),
        ({"name": ""}, "This field is required."),
        ({"name": "x" * 81}, "at most 80 characters"),
    ],
)
def test_it_explains_bad_input_in_the_page(client, user, values, message):
    client.force_login(user)

    response = make(client, **values)

    assert response.status_code == 200
    assert message in response.content.decode()
    assert not ShareLink.objects.exists()


def test_ninety_days_is_allowed(client, user):
    client.force_login(user)

    make(client, expires_on=str(TODAY + timedelta(days=90)))

    assert ShareLink.objects.count() == 1


def test_it_lists_several_named_links_with_their_opens(client, user, other_user):
    first = ShareLinkFactory(user=user, name="Dr Lee")
    ShareLinkFactory(user=user, name="Sam, chiropractor")
    ShareLinkFactory(user=other_user, name="Someone else's")
    first.record_open()
    first.record_open()
    client.force_login(user)

    response = client.get(URL)

    content = response.content.decode()
    assert "Dr Lee" in content and "Sam, chiropractor" in content
    assert "Someone else" not in content
    assert "Opened 2 times, last on 18 Mar 2026 09:00." in content
    assert "Not opened yet." in content


def test_switching_a_link_off_asks_first_and_works_without_javascript(client, user):
    link = ShareLinkFactory(user=user, name="Dr Lee")
    client.force_login(user)
    revoke = reverse("care:share_revoke", args=[link.pk])

    confirm = client.get(revoke)
    assert confirm.status_code == 200
    assert "Switch off the link for Dr Lee?" in confirm.content.decode()
    link.refresh_from_db()
    assert link.revoked_at is None

    response = client.post(revoke, follow=True)

    link.refresh_from_db()
    assert link.revoked_at == timezone.now()
    assert "Switched off" in response.content.decode()
    assert client.get(reverse("care:shared", args=[link.token])).status_code == 404


def test_someone_elses_link_cannot_be_switched_off(client, user, other_user):
    link = ShareLinkFactory(user=other_user)
    client.force_login(user)
    revoke = reverse("care:share_revoke", args=[link.pk])

    assert client.get(revoke).status_code == 404
    assert client.post(revoke).status_code == 404
    link.refresh_from_db()
    assert link.revoked_at is None
