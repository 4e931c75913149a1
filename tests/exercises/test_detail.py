import re

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from exercises.models import Guidance, Kind, Region, Target
from tests.factories import (
    EquipmentFactory,
    ExerciseFactory,
    ExerciseVideoFactory,
    GuidanceFactory,
    MuscleFactory,
    StepFactory,
    TargetFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def row():
    row = ExerciseFactory(
        name="Band row",
        slug="band-row",
        summary="Pull a band toward your ribs.",
        cues="Chest up\nSqueeze the blades",
        mistakes="Shrugging\nRushing the return",
        easier="Lighter band",
        harder="Pause at the ribs",
        safety_notes="Stop if your shoulder pinches.",
        per_side=False,
    )
    row.equipment.add(EquipmentFactory(name="Long band", slug="long-band"))
    StepFactory(exercise=row, position=2, text="Pull the band to your ribs.")
    StepFactory(exercise=row, position=1, text="Hold the band at arm's length.")
    TargetFactory(exercise=row, muscle=MuscleFactory(name="Rhomboid x", region=Region.RHOMBOIDS))
    TargetFactory(
        exercise=row,
        muscle=MuscleFactory(name="Rear delt x", region=Region.REAR_DELTS),
        role=Target.Role.SECONDARY,
    )
    return row


def test_it_shows_everything_about_a_movement(client, row):
    response = client.get(row.get_absolute_url())

    html = response.content.decode()
    assert response.status_code == 200
    for text in [
        "Band row",
        "Pull a band toward your ribs.",
        "Chest up",
        "Rushing the return",
        "Lighter band",
        "Pause at the ribs",
        "Stop if your shoulder pinches.",
        "3 × 8–12 reps",
        "Beginner",
        "Long band",
        "Rhomboid x",
        "Rear delt x",
    ]:
        assert text in html
    assert html.index("Hold the band") < html.index("Pull the band to your ribs")
    assert '<ol class="steps">' in html


def test_the_body_map_marks_primary_and_secondary_regions(client, row):
    html = client.get(row.get_absolute_url()).content.decode()

    regions = dict(re.findall(r'data-region="([a-z-]+)"(?: data-role="(\w+)")?', html))
    assert set(regions) == set(Region.values)  # one shape per region
    assert regions["rhomboids"] == "primary"
    assert regions["rear-delts"] == "secondary"
    assert {region for region, role in regions.items() if role} == {"rhomboids", "rear-delts"}
    assert 'class="region region-rhomboids is-primary"' in html
    assert 'role="img"' in html
    assert re.search(r"<desc[^>]*>Main: Rhomboid x\. Also: Rear delt x\.</desc>", html)


def test_it_shows_the_image_with_its_description(client, row, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    row.image = SimpleUploadedFile("row.gif", b"GIF89a", content_type="image/gif")
    row.image_alt = "A person pulling a band toward their ribs"
    row.save()

    html = client.get(row.get_absolute_url()).content.decode()

    assert 'alt="A person pulling a band toward their ribs"' in html


def test_it_shows_the_guidance_that_applies(client, row):
    GuidanceFactory(title="Rest a day", applies_to=Guidance.Applies.STRENGTH, tone="info")
    GuidanceFactory(title="Stop on sharp pain", applies_to=Guidance.Applies.ALL, tone="caution")
    GuidanceFactory(title="Stretch daily", applies_to=Guidance.Applies.MOBILITY)

    html = client.get(row.get_absolute_url()).content.decode()

    assert "Rest a day" in html
    assert "Stop on sharp pain" in html
    assert "Stretch daily" not in html
    assert "notice notice-caution" in html


def test_it_links_related_movements(client, row):
    other = ExerciseFactory(name="Cable row x", kind=Kind.STRENGTH)
    TargetFactory(exercise=other, muscle=row.muscles.get(name="Rhomboid x"))

    html = client.get(row.get_absolute_url()).content.decode()

    assert "Related movements" in html
    assert other.get_absolute_url() in html


def test_an_unknown_slug_is_a_404_page(client):
    response = client.get(reverse("exercises:detail", kwargs={"slug": "no-such-move"}))

    assert response.status_code == 404
    assert "Page not found" in response.content.decode()
    assert reverse("exercises:list") in response.content.decode()


def test_an_unpublished_movement_is_a_404(client):
    draft = ExerciseFactory(is_published=False)

    assert client.get(draft.get_absolute_url()).status_code == 404


def test_the_500_page_renders_without_a_request():
    from django.template.loader import get_template

    html = get_template("500.html").render()

    assert "Something went wrong" in html


def test_query_count_is_fixed(client, django_assert_num_queries, row, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    for index in range(6):
        StepFactory(exercise=row, position=index + 3)
        TargetFactory(exercise=row, role=Target.Role.SECONDARY)
        row.equipment.add(EquipmentFactory())
        ExerciseVideoFactory(exercise=row)
    # exercise, equipment, targets+muscles, steps, videos, related, guidance
    with django_assert_num_queries(7):
        response = client.get(row.get_absolute_url())
    assert response.status_code == 200

    with django_assert_num_queries(0):  # the same page again comes from the cache
        response = client.get(row.get_absolute_url())
    assert "Rhomboid x" in response.content.decode()


def test_a_change_in_the_admin_shows_at_once_despite_the_cache(client, admin_client, row):
    client.get(row.get_absolute_url())

    admin_client.post(
        reverse("admin:exercises_exercise_changelist"),
        {"action": "unpublish", "_selected_action": [row.pk]},
    )

    assert client.get(row.get_absolute_url()).status_code == 404
