"""My routines: the list, creating, copying a starter, duplicating, archiving and deleting."""

import pytest
from django.urls import reverse

from routines.models import Purpose, Routine
from tests.factories import ExerciseFactory, RoutineFactory, RoutineItemFactory

pytestmark = pytest.mark.django_db

HTMX = {"HTTP_HX_REQUEST": "true"}


def starter_with_items(count=3, **kwargs):
    starter = RoutineFactory(user=None, is_starter=True, **kwargs)
    for position in range(count):
        RoutineItemFactory(routine=starter, position=position, sets=2, reps=8 + position)
    return starter


# The list page -----------------------------------------------------------------------------


def test_it_sends_visitors_to_log_in(client):
    response = client.get(reverse("routines:list"))

    assert response.status_code == 302
    assert response.url.startswith(reverse("login"))


def test_it_lists_my_active_and_archived_routines_with_their_item_counts(client, user):
    mine = RoutineFactory(user=user, name="Morning opener", purpose=Purpose.MOBILITY)
    RoutineItemFactory.create_batch(4, routine=mine)
    RoutineFactory(user=user, name="Old plan", is_archived=True)
    client.force_login(user)

    response = client.get(reverse("routines:list"))

    assert response.status_code == 200
    assert [r.name for r in response.context["active"]] == ["Morning opener"]
    assert [r.name for r in response.context["archived"]] == ["Old plan"]
    assert response.context["active"][0].item_count == 4
    assert b"4 movements" in response.content
    assert b"Mobility" in response.content


def test_it_never_shows_another_users_routines(client, user, other_user):
    RoutineFactory(user=other_user, name="Somebody else's routine")
    client.force_login(user)

    response = client.get(reverse("routines:list"))

    assert b"Somebody else&#x27;s routine" not in response.content
    assert response.context["active"] == []


def test_it_offers_the_starters_with_a_copy_button(client, user):
    starter = starter_with_items(name="Test starter")
    client.force_login(user)

    response = client.get(reverse("routines:list"))

    assert starter in list(response.context["starters"])
    assert reverse("routines:copy_starter", args=[starter.pk]).encode() in response.content
    assert b"Copy to my routines" in response.content


def test_the_nav_links_to_routines_once_logged_in(client, user):
    assert reverse("routines:list").encode() not in client.get(reverse("exercises:list")).content

    client.force_login(user)

    assert reverse("routines:list").encode() in client.get(reverse("exercises:list")).content


def test_the_list_takes_a_fixed_number_of_queries(client, user, django_assert_num_queries):
    for index in range(20):
        routine = RoutineFactory(user=user, is_archived=index % 4 == 0)
        RoutineItemFactory.create_batch(2, routine=routine)
    for _ in range(3):
        starter_with_items(count=2)
    client.force_login(user)
    client.get(reverse("routines:list"))  # warm up: the session and the user

    # session, user, profile (the time zone), my routines with counts, the starters with counts
    with django_assert_num_queries(5):
        response = client.get(reverse("routines:list"))

    assert len(response.context["active"]) + len(response.context["archived"]) == 20


# Creating ----------------------------------------------------------------------------------


def test_create_makes_a_routine_of_mine_and_opens_it(client, user):
    client.force_login(user)

    response = client.post(
        reverse("routines:create"), {"name": "  Desk breaks  ", "purpose": Purpose.MOBILITY}
    )

    routine = user.routines.get()
    assert routine.name == "Desk breaks"
    assert routine.purpose == Purpose.MOBILITY
    assert not routine.is_starter
    assert response.status_code == 302
    assert response.url == reverse("routines:detail", args=[routine.pk])


def test_create_with_htmx_sends_the_browser_to_the_new_routine(client, user):
    client.force_login(user)

    response = client.post(
        reverse("routines:create"), {"name": "Desk breaks", "purpose": Purpose.MIXED}, **HTMX
    )

    routine = user.routines.get()
    assert response.status_code == 200
    assert response["HX-Redirect"] == reverse("routines:detail", args=[routine.pk])


def test_create_shows_errors_in_the_whole_page_without_htmx(client, user):
    client.force_login(user)

    response = client.post(reverse("routines:create"), {"name": "   ", "purpose": "yoga"})

    assert response.status_code == 200
    assert b"<h1>" in response.content
    assert b"Give the routine a name." in response.content
    assert b"Select a valid choice" in response.content
    assert not Routine.objects.filter(user=user).exists()


def test_create_shows_errors_in_the_form_fragment_with_htmx(client, user):
    client.force_login(user)

    response = client.post(reverse("routines:create"), {"name": "", "purpose": "mixed"}, **HTMX)

    assert response.status_code == 200
    assert response.content.lstrip().startswith(b'<form id="routine-create"')
    assert b"<h1>" not in response.content
    assert b"Give the routine a name." in response.content


def test_create_rejects_get(client, user):
    client.force_login(user)

    assert client.get(reverse("routines:create")).status_code == 405


def test_create_sends_visitors_to_log_in(client):
    response = client.post(reverse("routines:create"), {"name": "x", "purpose": "mixed"})

    assert response.status_code == 302
    assert response.url.startswith(reverse("login"))
    assert not Routine.objects.filter(name="x").exists()


# Copying a starter -------------------------------------------------------------------------


def test_copy_starter_gives_me_my_own_routine_with_the_same_items(client, user):
    starter = starter_with_items(name="Daily opener", purpose=Purpose.MOBILITY, count=3)
    starter_items = list(starter.items.order_by("position"))
    client.force_login(user)

    response = client.post(reverse("routines:copy_starter", args=[starter.pk]))

    copy = user.routines.get()
    assert response.status_code == 302
    assert response.url == reverse("routines:detail", args=[copy.pk])
    assert copy.name == "Daily opener"
    assert copy.purpose == Purpose.MOBILITY
    assert not copy.is_starter
    items = list(copy.items.order_by("position"))
    assert [i.exercise_id for i in items] == [i.exercise_id for i in starter_items]
    assert [i.reps for i in items] == [8, 9, 10]
    assert [i.position for i in items] == [0, 1, 2]
    # The starter itself is untouched.
    assert starter.items.count() == 3
    assert Routine.objects.get(pk=starter.pk).user is None


def test_copy_starter_with_htmx_opens_the_copy(client, user):
    starter = starter_with_items(name="Daily opener")
    client.force_login(user)

    response = client.post(reverse("routines:copy_starter", args=[starter.pk]), **HTMX)

    copy = user.routines.get()
    assert response.status_code == 200
    assert response["HX-Redirect"] == reverse("routines:detail", args=[copy.pk])
    opened = client.get(response["HX-Redirect"])
    assert "“Daily opener” is now in your routines." in opened.content.decode()
    assert opened.context["routine"] == copy


def test_copy_starter_refuses_a_routine_that_is_not_a_starter(client, user, other_user):
    theirs = RoutineFactory(user=other_user)
    client.force_login(user)

    response = client.post(reverse("routines:copy_starter", args=[theirs.pk]))

    assert response.status_code == 404
    assert not user.routines.exists()


def test_copy_starter_sends_visitors_to_log_in(client):
    starter = starter_with_items()

    response = client.post(reverse("routines:copy_starter", args=[starter.pk]))

    assert response.status_code == 302
    assert response.url.startswith(reverse("login"))


def test_copy_starter_rejects_get(client, user):
    starter = starter_with_items()
    client.force_login(user)

    assert client.get(reverse("routines:copy_starter", args=[starter.pk])).status_code == 405


def test_the_starter_page_shows_its_movements(client, user):
    starter = starter_with_items(name="Daily opener", count=2)
    client.force_login(user)

    response = client.get(reverse("routines:starter", args=[starter.pk]))

    assert response.status_code == 200
    for item in starter.items.all():
        assert item.exercise.name.encode() in response.content


def test_the_starter_page_is_only_for_starters(client, user, other_user):
    theirs = RoutineFactory(user=other_user)
    client.force_login(user)

    assert client.get(reverse("routines:starter", args=[theirs.pk])).status_code == 404


def test_the_starter_page_sends_visitors_to_log_in(client):
    starter = starter_with_items()

    response = client.get(reverse("routines:starter", args=[starter.pk]))

    assert response.status_code == 302


# Duplicate, archive, unarchive -------------------------------------------------------------


def test_duplicate_copies_my_routine_and_its_items(client, user):
    routine = RoutineFactory(user=user, name="Gym day", purpose=Purpose.STRENGTH)
    RoutineItemFactory(routine=routine, position=0, reps=5, weight=40)
    RoutineItemFactory(routine=routine, position=1, reps=12)
    client.force_login(user)

    response = client.post(reverse("routines:duplicate", args=[routine.pk]))

    assert response.status_code == 302
    copy = user.routines.exclude(pk=routine.pk).get()
    assert copy.name == "Gym day (copy)"
    assert copy.purpose == Purpose.STRENGTH
    assert list(copy.items.values_list("reps", "weight")) == [(5, 40), (12, None)]
    assert routine.items.count() == 2


def test_duplicate_with_htmx_returns_the_lists(client, user):
    routine = RoutineFactory(user=user, name="Gym day")
    client.force_login(user)

    response = client.post(reverse("routines:duplicate", args=[routine.pk]), **HTMX)

    assert response.status_code == 200
    assert response.content.lstrip().startswith(b'<div id="routine-lists">')
    assert b"Gym day (copy)" in response.content


def test_duplicate_gives_404_for_another_users_routine(client, user, other_user):
    theirs = RoutineFactory(user=other_user)
    client.force_login(user)

    response = client.post(reverse("routines:duplicate", args=[theirs.pk]))

    assert response.status_code == 404
    assert Routine.objects.filter(user__in=[user, other_user]).count() == 1


def test_archive_and_unarchive(client, user):
    routine = RoutineFactory(user=user)
    client.force_login(user)

    response = client.post(reverse("routines:archive", args=[routine.pk]))

    assert response.status_code == 302
    routine.refresh_from_db()
    assert routine.is_archived

    response = client.post(reverse("routines:unarchive", args=[routine.pk]), **HTMX)

    assert response.status_code == 200
    assert response.content.lstrip().startswith(b'<div id="routine-lists">')
    routine.refresh_from_db()
    assert not routine.is_archived


def test_archive_with_htmx_moves_it_to_the_archived_list(client, user):
    routine = RoutineFactory(user=user, name="Old plan")
    client.force_login(user)

    response = client.post(reverse("routines:archive", args=[routine.pk]), **HTMX)

    assert response.context["archived"] == [routine]
    assert reverse("routines:unarchive", args=[routine.pk]).encode() in response.content


@pytest.mark.parametrize("name", ["duplicate", "archive", "unarchive"])
def test_list_actions_give_404_for_another_users_routine(client, user, other_user, name):
    theirs = RoutineFactory(user=other_user, is_archived=name == "unarchive")
    client.force_login(user)

    response = client.post(reverse(f"routines:{name}", args=[theirs.pk]))

    assert response.status_code == 404
    theirs.refresh_from_db()
    assert theirs.is_archived == (name == "unarchive")


@pytest.mark.parametrize("name", ["duplicate", "archive", "unarchive", "delete"])
def test_list_actions_send_visitors_to_log_in(client, user, name):
    routine = RoutineFactory(user=user)

    response = client.post(reverse(f"routines:{name}", args=[routine.pk]))

    assert response.status_code == 302
    assert response.url.startswith(reverse("login"))
    assert Routine.objects.filter(pk=routine.pk, is_archived=False).exists()


@pytest.mark.parametrize("name", ["duplicate", "archive", "unarchive"])
def test_list_actions_reject_get(client, user, name):
    routine = RoutineFactory(user=user)
    client.force_login(user)

    assert client.get(reverse(f"routines:{name}", args=[routine.pk])).status_code == 405


# Deleting ----------------------------------------------------------------------------------


def test_delete_asks_first(client, user):
    routine = RoutineFactory(user=user, name="Gym day")
    client.force_login(user)

    response = client.get(reverse("routines:delete", args=[routine.pk]))

    assert response.status_code == 200
    assert "Delete “Gym day”?" in response.content.decode()
    assert Routine.objects.filter(pk=routine.pk).exists()


def test_delete_removes_the_routine_and_its_items(client, user):
    routine = RoutineFactory(user=user)
    item = RoutineItemFactory(routine=routine, exercise=ExerciseFactory())
    client.force_login(user)

    response = client.post(reverse("routines:delete", args=[routine.pk]))

    assert response.status_code == 302
    assert response.url == reverse("routines:list")
    assert not Routine.objects.filter(pk=routine.pk).exists()
    assert not type(item).objects.filter(pk=item.pk).exists()


def test_a_repeated_delete_says_the_routine_is_already_gone(client, user):
    routine = RoutineFactory(user=user)
    client.force_login(user)
    url = reverse("routines:delete", args=[routine.pk])
    client.post(url)

    response = client.post(url, follow=True)

    assert response.status_code == 200
    assert "That routine is already deleted." in response.content.decode()


def test_delete_with_htmx_redirects_the_browser(client, user):
    routine = RoutineFactory(user=user)
    client.force_login(user)

    response = client.post(reverse("routines:delete", args=[routine.pk]), **HTMX)

    assert response["HX-Redirect"] == reverse("routines:list")
    assert not Routine.objects.filter(pk=routine.pk).exists()


def test_delete_gives_404_for_another_users_routine(client, user, other_user):
    theirs = RoutineFactory(user=other_user)
    client.force_login(user)

    assert client.get(reverse("routines:delete", args=[theirs.pk])).status_code == 404
    assert client.post(reverse("routines:delete", args=[theirs.pk])).status_code == 404
    assert Routine.objects.filter(pk=theirs.pk).exists()


def test_delete_cannot_touch_a_starter(client, user):
    starter = starter_with_items()
    client.force_login(user)

    assert client.post(reverse("routines:delete", args=[starter.pk])).status_code == 404
    assert Routine.objects.filter(pk=starter.pk).exists()
