"""Check-ins and notes outside sessions on the pain chart, and the period's body map, in the
report and in the view a share link opens."""

import datetime

import pytest
from django.urls import reverse

from care.models import ShareLink
from tests.factories import PainNoteFactory
from tests.workouts.progress_data import at, finished
from workouts.models import CheckIn

pytestmark = pytest.mark.django_db
URL = reverse("workouts:report")
MARCH = {"start": "2026-03-01", "end": "2026-03-14"}


@pytest.fixture
def diary(user):
    finished(user, at(2026, 3, 2), pain_before=5, pain_after=3)
    PainNoteFactory(
        user=user, noted_at=at(2026, 3, 3, 9), intensity=0, areas=["lower-back-left", "neck"]
    )
    PainNoteFactory(user=user, noted_at=at(2026, 3, 5, 9), intensity=6, areas=["lower-back-left"])
    CheckIn.objects.create(
        user=user,
        day=datetime.date(2026, 3, 6),
        rating=4,
        areas=["lower-back-left", "hip-right"],
        updated_at=at(2026, 3, 6, 20),
    )
    CheckIn.objects.create(user=user, day=datetime.date(2026, 3, 20), rating=9, areas=["neck"])


def rows_of(content, caption):
    table = content.split(f"<caption>{caption}</caption>")[1].split("</table>")[0]
    return table.split("<tr>")[2:]


def test_day_ratings_join_the_pain_chart_and_its_table(client, user, diary):
    client.force_login(user)
    content = client.get(URL, MARCH).content.decode()
    chart = content.split('id="report-pain-title"')[1].split("</svg>")[0]
    assert "3 ratings on their own (check-ins and notes), on average 3.3." in chart
    assert "4 on the day" in chart
    rows = rows_of(content, "Pain before and after each session, and on days of their own")
    assert len(rows) == 4  # one session, two notes, one check-in; the 20 March one is outside
    assert "check-in" in rows[3] and "<td>4</td>" in rows[3]
    assert "note" in rows[1] and "<td>0</td>" in rows[1]


def test_the_period_map_shades_by_how_often_and_how_strongly(client, user, diary):
    client.force_login(user)
    content = client.get(URL, MARCH).content.decode()
    where = content.split('id="where-heading"')[1].split("</section>")[0]
    assert 'class="pain-region shade-4" data-location="lower-back-left"' in where
    assert 'class="pain-region shade-2" data-location="hip-right"' in where
    assert 'class="pain-region shade-0" data-location="neck"' in where  # only ever 0/10 here
    assert 'class="pain-region shade-0" data-location="mid-back-left"' in where
    rows = rows_of(where, "Areas named in notes and check-ins")
    assert rows[0].startswith(
        '<th scope="row">Left lower back</th><td>3</td><td>3.3</td><td>6</td>'
    )
    assert any("Neck</th><td>1</td><td>0.0</td><td>0</td>" in r for r in rows)


def test_a_period_without_areas_says_so(client, user):
    client.force_login(user)
    assert "No areas noted in this period." in client.get(URL, MARCH).content.decode()


def test_the_shared_view_shows_the_map_and_the_day_ratings(client, user, diary):
    _link, token = ShareLink.create(
        user,
        name="Physio",
        start_date=datetime.date(2026, 3, 1),
        end_date=datetime.date(2026, 3, 14),
        expires_at=at(2099, 1, 1),
    )
    content = client.get(reverse("care:shared", args=[token])).content.decode()
    assert 'class="pain-region shade-4" data-location="lower-back-left"' in content
    assert "4 on the day" in content
