import pytest
from django.contrib.auth.models import Group, Permission
from django.urls import reverse

from exercises.models import Exercise, Guidance
from tests.factories import (
    EquipmentFactory,
    ExerciseFactory,
    GuidanceFactory,
    MuscleFactory,
    StepFactory,
    TargetFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db

EDITORS = "Content editors"


@pytest.fixture
def superuser():
    return UserFactory(is_staff=True, is_superuser=True)


@pytest.fixture
def editor():
    user = UserFactory(is_staff=True)
    user.groups.add(Group.objects.get(name=EDITORS))
    return user


@pytest.fixture
def exercise():
    exercise = ExerciseFactory(name="Band row", slug="band-row")
    exercise.equipment.add(EquipmentFactory())
    StepFactory(exercise=exercise, position=1, text="Hold the band.")
    TargetFactory(exercise=exercise, muscle=MuscleFactory())
    return exercise


def change_form_data(exercise, **changes):
    """What the admin's change form posts for this exercise, with some fields changed."""
    steps = list(exercise.steps.all())
    targets = list(exercise.targets.all())
    links = list(exercise.equipment_links.all())
    data = {
        "name": exercise.name,
        "slug": exercise.slug,
        "kind": exercise.kind,
        "level": exercise.level,
        "summary": exercise.summary,
        "sets": exercise.sets,
        "reps_min": exercise.reps_min or "",
        "reps_max": exercise.reps_max or "",
        "hold_seconds": exercise.hold_seconds or "",
        "rest_seconds": exercise.rest_seconds,
        "cues": exercise.cues,
        "mistakes": exercise.mistakes,
        "easier": exercise.easier,
        "harder": exercise.harder,
        "safety_notes": exercise.safety_notes,
        "image_alt": exercise.image_alt,
        "steps-TOTAL_FORMS": len(steps),
        "steps-INITIAL_FORMS": len(steps),
        "targets-TOTAL_FORMS": len(targets),
        "targets-INITIAL_FORMS": len(targets),
        "equipment_links-TOTAL_FORMS": len(links),
        "equipment_links-INITIAL_FORMS": len(links),
        "videos-TOTAL_FORMS": 0,
        "videos-INITIAL_FORMS": 0,
    }
    if exercise.is_published:
        data["is_published"] = "on"
    for index, step in enumerate(steps):
        data |= {
            f"steps-{index}-id": step.pk,
            f"steps-{index}-exercise": exercise.pk,
            f"steps-{index}-position": step.position,
            f"steps-{index}-text": step.text,
        }
    for index, target in enumerate(targets):
        data |= {
            f"targets-{index}-id": target.pk,
            f"targets-{index}-exercise": exercise.pk,
            f"targets-{index}-muscle": target.muscle_id,
            f"targets-{index}-role": target.role,
        }
    for index, link in enumerate(links):
        data |= {
            f"equipment_links-{index}-id": link.pk,
            f"equipment_links-{index}-exercise": exercise.pk,
            f"equipment_links-{index}-equipment": link.equipment_id,
            f"equipment_links-{index}-option": link.option,
        }
    return data | changes


def test_the_editors_group_can_edit_content_but_not_accounts():
    codenames = set(Group.objects.get(name=EDITORS).permissions.values_list("codename", flat=True))

    for model in ["exercise", "step", "target", "equipment", "muscle", "guidance"]:
        for action in ["add", "change", "delete", "view"]:
            assert f"{action}_{model}" in codenames
    assert "view_historicalexercise" in codenames
    assert "change_historicalexercise" not in codenames
    account_perms = Permission.objects.filter(content_type__app_label="auth")
    assert not account_perms.filter(group__name=EDITORS).exists()


@pytest.mark.parametrize("who", ["superuser", "editor"])
@pytest.mark.parametrize(
    "url_name",
    [
        "admin:exercises_exercise_changelist",
        "admin:exercises_exercise_add",
        "admin:exercises_equipment_changelist",
        "admin:exercises_muscle_changelist",
        "admin:exercises_guidance_changelist",
    ],
)
def test_staff_with_content_rights_see_the_content_admin(client, request, who, url_name):
    client.force_login(request.getfixturevalue(who))

    assert client.get(reverse(url_name)).status_code == 200


@pytest.mark.parametrize("who", ["superuser", "editor"])
def test_the_change_page_has_inlines_and_a_view_on_site_link(client, request, who, exercise):
    client.force_login(request.getfixturevalue(who))

    response = client.get(reverse("admin:exercises_exercise_change", args=[exercise.pk]))

    html = response.content.decode()
    assert response.status_code == 200
    assert 'name="steps-0-text"' in html
    assert 'name="targets-0-muscle"' in html
    assert 'name="equipment_links-0-equipment"' in html
    assert 'name="equipment_links-0-option"' in html
    assert "View on site" in html


def test_the_changelist_filters_and_searches(client, superuser, exercise):
    client.force_login(superuser)
    url = reverse("admin:exercises_exercise_changelist")

    found = client.get(url, {"q": "band-row", "kind__exact": exercise.kind})

    assert found.status_code == 200
    assert list(found.context["cl"].result_list) == [exercise]


def test_an_editor_can_change_an_exercise_and_sees_it_in_the_history(client, editor, exercise):
    client.force_login(editor)

    response = client.post(
        reverse("admin:exercises_exercise_change", args=[exercise.pk]),
        change_form_data(exercise, summary="A clearer summary."),
    )

    assert response.status_code == 302, response.context and response.context["errors"]
    exercise.refresh_from_db()
    assert exercise.summary == "A clearer summary."
    latest = exercise.history.first()
    assert latest.summary == "A clearer summary."
    assert latest.history_user == editor
    history = client.get(reverse("admin:exercises_exercise_history", args=[exercise.pk]))
    assert history.status_code == 200
    assert editor.username in history.content.decode()


def test_an_editor_can_restore_an_earlier_version(client, editor, exercise):
    exercise.summary = "First words."
    exercise.save()
    first = exercise.history.first()
    exercise.summary = "Later words."
    exercise.save()
    client.force_login(editor)
    url = reverse("admin:exercises_exercise_simple_history", args=[exercise.pk, first.pk])

    page = client.get(url)
    assert page.status_code == 200
    response = client.post(url, change_form_data(exercise, summary="First words."))

    assert response.status_code == 302
    exercise.refresh_from_db()
    assert exercise.summary == "First words."


@pytest.mark.parametrize(
    "url_name",
    [
        "admin:auth_user_changelist",
        "admin:auth_user_add",
        "admin:auth_group_changelist",
        "admin:auth_group_add",
    ],
)
def test_an_editor_cannot_touch_users_or_groups(client, editor, url_name):
    client.force_login(editor)

    assert client.get(reverse(url_name)).status_code == 403


def test_an_editor_cannot_change_their_own_permissions(client, editor):
    client.force_login(editor)

    response = client.get(reverse("admin:auth_user_change", args=[editor.pk]))

    assert response.status_code == 403


def test_a_user_who_is_not_staff_is_sent_to_the_login(client, user):
    client.force_login(user)

    response = client.get(reverse("admin:exercises_exercise_changelist"))

    assert response.status_code == 302
    assert reverse("admin:login") in response["Location"]


@pytest.mark.parametrize(("action", "published"), [("publish", True), ("unpublish", False)])
def test_publish_actions_switch_the_flag_and_keep_history(client, editor, action, published):
    chosen = [ExerciseFactory(is_published=not published) for _ in range(2)]
    untouched = ExerciseFactory(is_published=not published)
    client.force_login(editor)

    response = client.post(
        reverse("admin:exercises_exercise_changelist"),
        {"action": action, "_selected_action": [e.pk for e in chosen]},
        follow=True,
    )

    assert response.status_code == 200
    assert "2 movements" in response.content.decode()
    assert all(Exercise.objects.get(pk=e.pk).is_published is published for e in chosen)
    assert Exercise.objects.get(pk=untouched.pk).is_published is not published
    assert chosen[0].history.first().is_published is published


def test_guidance_edits_are_kept_in_history(client, editor):
    guidance = GuidanceFactory()
    client.force_login(editor)

    response = client.post(
        reverse("admin:exercises_guidance_change", args=[guidance.pk]),
        {
            "slug": guidance.slug,
            "title": "Rest between strength days",
            "body": guidance.body,
            "applies_to": Guidance.Applies.STRENGTH,
            "tone": Guidance.Tone.INFO,
            "position": 1,
        },
    )

    assert response.status_code == 302
    assert guidance.history.first().title == "Rest between strength days"
    assert guidance.history.count() == 2


def test_shipped_content_starts_with_a_restorable_history_entry():
    for exercise in Exercise.objects.all():
        assert exercise.history.exists()


def test_an_editor_sets_equipment_needed_together_and_alternatives(client, editor, exercise):
    cable = EquipmentFactory(name="Cable x", slug="cable-x")
    rope = EquipmentFactory(name="Rope x", slug="rope-x")
    band = EquipmentFactory(name="Band x", slug="band-x")
    exercise.equipment_links.all().delete()
    data = change_form_data(exercise) | {
        "equipment_links-TOTAL_FORMS": 3,
        "equipment_links-INITIAL_FORMS": 0,
    }
    for index, (piece, option) in enumerate([(cable, 1), (rope, 1), (band, 2)]):
        data |= {
            f"equipment_links-{index}-exercise": exercise.pk,
            f"equipment_links-{index}-equipment": piece.pk,
            f"equipment_links-{index}-option": option,
        }
    client.force_login(editor)

    response = client.post(reverse("admin:exercises_exercise_change", args=[exercise.pk]), data)

    assert response.status_code == 302, response.context and response.context["errors"]
    exercise = Exercise.objects.with_equipment().get(pk=exercise.pk)
    assert exercise.equipment_text() == "Cable x and rope x, or band x"
    page = client.get(exercise.get_absolute_url())
    assert "Cable x and rope x, or band x" in page.content.decode()


def test_an_option_number_below_one_is_refused_with_a_message(client, editor, exercise):
    data = change_form_data(exercise)
    data["equipment_links-0-option"] = 0
    client.force_login(editor)

    response = client.post(reverse("admin:exercises_exercise_change", args=[exercise.pk]), data)

    assert response.status_code == 200
    assert "greater than or equal to 1" in response.content.decode()


def test_shipped_face_pull_and_reverse_fly_read_as_what_they_need():
    shipped = Exercise.objects.with_equipment().in_bulk(
        ["face-pull", "reverse-fly", "row"], field_name="slug"
    )

    assert shipped["face-pull"].equipment_text() == (
        "Cable machine and rope attachment, or resistance band"
    )
    assert shipped["reverse-fly"].equipment_text() == "Dumbbells and incline bench"
    assert shipped["row"].equipment_text() == "Cable machine, dumbbells or resistance band"
    face_pull_record = shipped["face-pull"].history.earliest()
    assert sorted(
        (link.equipment.slug, link.option) for link in face_pull_record.equipment.all()
    ) == [("cable-machine", 1), ("resistance-band", 2), ("rope-attachment", 1)]
