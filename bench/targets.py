"""What the benchmark drives: URLs resolved by name against the built data set."""

import uuid
from decimal import Decimal

from django.urls import reverse

from exercises.models import Exercise
from workouts.models import WorkoutSession

HTMX = {"HX-Request": "true"}


def _fresh_entry(user, sets_each=0):
    """A new session in progress for the bench user, and its first movement.

    The set-log target adds sets on every run; starting over keeps the session page the size
    a real one has (`sets_each` sets already logged on every movement).
    """
    WorkoutSession.objects.in_progress().filter(user=user).delete()
    session, _created = WorkoutSession.start(user, routine=user.routines.first())
    entries = list(session.entries.order_by("position"))
    for entry in entries:
        for _ in range(sets_each):
            entry.log_set(idempotency_key=uuid.uuid4(), reps=10, weight=Decimal("20"))
    return entries[0]


def load_targets(user):
    """(label, path, extra headers, POST fields or None) — the trivial view first."""
    entry = _fresh_entry(user, sets_each=3)
    slug = Exercise.objects.filter(kind="strength").order_by("pk").values_list("slug", flat=True)[0]
    return [
        ("trivial view (/healthz)", "/healthz", {}, None),
        ("library list", reverse("exercises:list"), {}, None),
        (
            "library filter fragment",
            reverse("exercises:list") + "?kind=strength&level=beginner&q=row",
            HTMX,
            None,
        ),
        ("exercise detail", reverse("exercises:detail", args=[slug]), {}, None),
        ("Today", reverse("routines:today"), {}, None),
        ("week", reverse("routines:week"), {}, None),
        ("session page", reverse("workouts:session", args=[entry.session_id]), {}, None),
        (
            "log a set (POST, htmx)",
            reverse("workouts:log_set", args=[entry.pk]),
            HTMX,
            {"reps": 10, "weight": "20"},
        ),
        ("history", reverse("workouts:history"), {}, None),
        ("progress charts", reverse("workouts:progress"), {}, None),
    ]


def page_targets(user, fresh=True):
    """(label, path, has an htmx fragment) for the query and byte counts and Lighthouse.

    `fresh=False` reuses the session in progress that load_targets() opened.
    """
    if fresh:
        entry = _fresh_entry(user, sets_each=3)
    else:
        session = WorkoutSession.objects.in_progress().get(user=user)
        entry = session.entries.order_by("position").first()
    slug = Exercise.objects.order_by("pk").values_list("slug", flat=True)[0]
    return [
        ("home (Today)", reverse("home"), False),
        ("library list", reverse("exercises:list") + "?kind=strength", True),
        ("exercise detail", reverse("exercises:detail", args=[slug]), False),
        ("Today", reverse("routines:today"), False),
        ("week", reverse("routines:week"), True),
        ("routine builder", reverse("routines:detail", args=[entry.session.routine_id]), False),
        ("session page", reverse("workouts:session", args=[entry.session_id]), False),
        ("history", reverse("workouts:history"), True),
        ("progress charts", reverse("workouts:progress"), False),
    ]
