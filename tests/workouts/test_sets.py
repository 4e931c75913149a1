import uuid
from decimal import Decimal

import pytest
from django.urls import reverse
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.factories import (
    ExerciseFactory,
    SessionExerciseFactory,
    SetLogFactory,
    WorkoutSessionFactory,
)
from workouts.forms import SetForm
from workouts.models import SessionExercise, SetLog

pytestmark = pytest.mark.django_db
HTMX = {"HTTP_HX_REQUEST": "true"}


@pytest.fixture
def entry(user):
    return SessionExerciseFactory(session=WorkoutSessionFactory(user=user), planned_sets=2)


def post_set(client, entry, data, **headers):
    return client.post(reverse("workouts:log_set", args=[entry.pk]), data, **headers)


def test_it_logs_a_set_and_goes_back_to_the_movement(client, user, entry):
    client.force_login(user)
    key = uuid.uuid4()
    response = post_set(
        client,
        entry,
        {"idempotency_key": key, "reps": "12", "weight": "22.5", "rpe": "8", "note": " slow "},
    )
    assert response.status_code == 302
    assert response.url == f"{entry.session.get_absolute_url()}#entry-{entry.pk}"
    set_log = SetLog.objects.get()
    assert (set_log.reps, set_log.weight, set_log.rpe, set_log.note) == (12, 22.5, 8, "slow")
    assert set_log.idempotency_key == key


def test_it_returns_only_the_set_table_for_htmx(client, user, entry):
    client.force_login(user)
    response = post_set(client, entry, {"idempotency_key": uuid.uuid4(), "reps": 9}, **HTMX)
    content = response.content.decode()
    assert response.status_code == 200
    assert content.lstrip().startswith(f'<div class="set-table" id="entry-{entry.pk}-sets"')
    assert "Note pain or discomfort" not in content  # not the whole card
    assert f'id="entry-{entry.pk}-progress" hx-swap-oob="true"' in content
    assert "1 of 2 sets" in content
    assert "<html" not in content
    assert "9 reps" in content
    assert "Log set 2" in content
    assert "data-rest-start" in content


def test_the_card_comes_back_with_a_fresh_key(client, user, entry):
    client.force_login(user)
    key = uuid.uuid4()
    response = post_set(client, entry, {"idempotency_key": key, "reps": 9}, **HTMX)
    assert 'name="idempotency_key"' in response.content.decode()
    assert str(key) not in response.content.decode()


def test_a_movement_is_done_when_every_planned_set_is_logged(client, user, entry):
    client.force_login(user)
    for _ in range(2):
        post_set(client, entry, {"idempotency_key": uuid.uuid4(), "reps": 10})
    entry.refresh_from_db()
    assert entry.status == SessionExercise.Status.DONE


def test_it_logs_a_hold(client, user):
    entry = SessionExerciseFactory(
        session__user=user, planned_reps=None, planned_hold_seconds=30, per_side=True
    )
    client.force_login(user)
    post_set(client, entry, {"idempotency_key": uuid.uuid4(), "hold_seconds": 30, "side": "left"})
    set_log = SetLog.objects.get()
    assert (set_log.hold_seconds, set_log.reps, set_log.side) == (30, None, "left")


def test_the_next_set_is_prefilled_from_the_last_one_and_switches_side(client, user):
    entry = SessionExerciseFactory(session__user=user, planned_reps=10, per_side=True)
    SetLogFactory(entry=entry, reps=7, side="left")
    client.force_login(user)
    content = client.get(entry.session.get_absolute_url()).content.decode()
    assert f'id="entry-{entry.pk}-reps" value="7"' in content
    assert '<input type="hidden" name="side" value="right">' in content


@pytest.mark.parametrize(
    ("values", "message"),
    [
        ({"reps": "-1"}, "Enter a number from 0 to 100."),
        ({"reps": "10", "weight": "99999"}, "Enter a weight from 0 to 1000 kg."),
        ({"hold_seconds": "36000"}, "Enter a number from 0 to 600 seconds."),
        ({"reps": "ten"}, "Enter a number from 0 to 100."),
        ({"reps": "10", "rpe": "11"}, "Enter a number from 1 to 10."),
        ({"reps": "", "hold_seconds": ""}, "Enter the reps or the hold time."),
        ({"reps": "10", "idempotency_key": "not-a-uuid"}, "This form is out of date"),
    ],
)
def test_bad_values_show_a_message_in_place_and_save_nothing(client, user, entry, values, message):
    client.force_login(user)
    data = {"idempotency_key": str(uuid.uuid4())} | values
    response = post_set(client, entry, data, **HTMX)
    assert response.status_code == 200
    content = response.content.decode()
    assert message in content
    assert content.lstrip().startswith(f'<div class="set-table" id="entry-{entry.pk}-sets"')
    assert not SetLog.objects.exists()


def test_bad_values_without_javascript_show_the_page_with_the_message(client, user, entry):
    client.force_login(user)
    response = post_set(client, entry, {"idempotency_key": uuid.uuid4(), "reps": "-1"})
    assert response.status_code == 200
    assert "<html" in response.content.decode()
    assert "Enter a number from 0 to 100." in response.content.decode()
    assert 'value="-1"' in response.content.decode()
    assert not SetLog.objects.exists()


def test_an_unknown_movement_is_a_404(client, user):
    client.force_login(user)
    response = client.post(
        reverse("workouts:log_set", args=[987654]), {"idempotency_key": uuid.uuid4(), "reps": 5}
    )
    assert response.status_code == 404


def test_it_checks_the_owner(client, other_user, entry):
    client.force_login(other_user)
    response = post_set(client, entry, {"idempotency_key": uuid.uuid4(), "reps": 5})
    assert response.status_code == 404
    assert not SetLog.objects.exists()


def test_it_asks_anonymous_people_to_log_in(client, entry):
    response = post_set(client, entry, {"idempotency_key": uuid.uuid4(), "reps": 5})
    assert response.status_code == 302 and "login" in response.url
    assert not SetLog.objects.exists()


def undo(client, entry, set_log, **headers):
    return client.post(
        reverse("workouts:undo_set", args=[entry.pk]), {"set": set_log.pk}, **headers
    )


def test_undo_removes_the_set_it_names(client, user, entry):
    first = SetLogFactory(entry=entry, reps=10)
    second = SetLogFactory(entry=entry, reps=8)
    entry.refresh_status()
    client.force_login(user)
    response = undo(client, entry, second, **HTMX)
    assert response.status_code == 200
    assert "Set removed: 8 reps." in response.content.decode()
    assert list(SetLog.objects.all()) == [first]
    entry.refresh_from_db()
    assert entry.status == SessionExercise.Status.PLANNED


def test_a_repeated_undo_removes_nothing_more(client, user, entry):
    first = SetLogFactory(entry=entry, reps=10)
    second = SetLogFactory(entry=entry, reps=8)
    client.force_login(user)
    undo(client, entry, second, **HTMX)
    response = undo(client, entry, second, **HTMX)
    assert response.status_code == 200
    assert "That set was already removed." in response.content.decode()
    assert list(SetLog.objects.all()) == [first]


def test_an_undo_without_a_set_removes_nothing(client, user, entry):
    SetLogFactory(entry=entry)
    client.force_login(user)
    for data in ({}, {"set": "²"}, {"set": "x"}):
        response = client.post(reverse("workouts:undo_set", args=[entry.pk]), data, **HTMX)
        assert response.status_code == 200
    assert SetLog.objects.count() == 1


def test_undo_cannot_remove_a_set_of_another_movement(client, user, entry):
    other_entry = entry.session.add_exercise(ExerciseFactory())
    other_set = SetLogFactory(entry=other_entry)
    client.force_login(user)
    undo(client, entry, other_set, **HTMX)
    assert SetLog.objects.get() == other_set


def test_undo_without_javascript_redirects(client, user, entry):
    set_log = SetLogFactory(entry=entry)
    client.force_login(user)
    response = undo(client, entry, set_log)
    assert response.status_code == 302
    assert not SetLog.objects.exists()


def test_undo_checks_the_owner(client, other_user, entry):
    set_log = SetLogFactory(entry=entry)
    client.force_login(other_user)
    assert undo(client, entry, set_log).status_code == 404
    assert SetLog.objects.count() == 1


def delete_url(set_log):
    return reverse("workouts:delete_set", args=[set_log.entry_id, set_log.pk])


def test_deleting_a_set_of_a_finished_session_asks_first(client, user, entry):
    set_log = SetLogFactory(entry=entry, reps=7)
    entry.session.finish(minutes=30)
    client.force_login(user)
    page = client.get(entry.session.get_absolute_url()).content.decode()
    assert "Edit" in page and f"movements/{entry.pk}/sets/" not in page  # a read-only summary
    edit = client.get(reverse("workouts:edit_set", args=[entry.pk, set_log.pk])).content.decode()
    assert f'href="{delete_url(set_log)}"' in edit
    confirm = client.get(delete_url(set_log))
    assert confirm.status_code == 200
    assert "Delete set 1 of" in confirm.content.decode()
    assert SetLog.objects.count() == 1
    response = client.post(delete_url(set_log))
    assert response.status_code == 302
    assert not SetLog.objects.exists()


def test_a_repeated_delete_says_the_set_is_gone(client, user, entry):
    set_log = SetLogFactory(entry=entry)
    entry.session.finish(minutes=30)
    client.force_login(user)
    client.post(delete_url(set_log))
    for response in (
        client.post(delete_url(set_log), follow=True),
        client.get(delete_url(set_log), follow=True),
    ):
        assert response.status_code == 200
        assert "That set was already removed." in response.content.decode()


def test_a_set_can_be_added_to_a_finished_session(client, user, entry):
    entry.session.finish(minutes=30)
    client.force_login(user)
    post_set(client, entry, {"idempotency_key": uuid.uuid4(), "reps": 6})
    assert SetLog.objects.get().entry == entry


def test_delete_checks_the_owner(client, other_user, entry):
    set_log = SetLogFactory(entry=entry)
    client.force_login(other_user)
    assert client.post(delete_url(set_log)).status_code == 404
    assert client.get(delete_url(set_log)).status_code == 404
    assert SetLog.objects.count() == 1


def test_a_comma_works_as_the_decimal_mark(client, user, entry):
    client.force_login(user)
    post_set(client, entry, {"idempotency_key": uuid.uuid4(), "reps": 8, "weight": "22,5"})
    assert SetLog.objects.get().weight == Decimal("22.5")


@settings(max_examples=200, deadline=None)
@given(
    reps=st.text(max_size=8),
    weight=st.text(max_size=10),
    hold=st.text(max_size=8),
    rpe=st.text(max_size=4),
)
def test_the_set_form_never_lets_an_impossible_value_through(reps, weight, hold, rpe):
    form = SetForm(
        {
            "idempotency_key": str(uuid.uuid4()),
            "reps": reps,
            "weight": weight,
            "hold_seconds": hold,
            "rpe": rpe,
        }
    )
    if form.is_valid():
        values = form.set_values()
        assert values["reps"] is None or 0 <= values["reps"] <= 100
        assert values["weight"] is None or 0 <= values["weight"] <= 1000
        assert values["hold_seconds"] is None or 0 <= values["hold_seconds"] <= 600
        assert values["rpe"] is None or 1 <= values["rpe"] <= 10
        assert values["reps"] is not None or values["hold_seconds"] is not None
