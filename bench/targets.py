"""What the benchmark drives: URLs resolved by name against the built data set."""

import uuid
from dataclasses import dataclass, field
from decimal import Decimal

from django.contrib.auth import get_user_model
from django.urls import reverse

from bench.dataset import HEAVY_USERNAME
from exercises.models import Exercise
from workouts.models import SetLog, WorkoutSession

HTMX = {"HX-Request": "true"}
SETS_EACH = 3  # sets already logged on every movement of a session in progress
POSTERS = 100  # people the set-log target spreads its sets over (bench1 .. bench100)


@dataclass
class Target:
    label: str
    path: str
    person: str = "bench0"  # whose session cookie the requests carry
    headers: dict = field(default_factory=dict)
    posts: list | None = None  # set-log target: (person, path) pairs, one set each in turn


def _fresh_entry(user, sets_each=SETS_EACH):
    """A new session in progress for `user` with `sets_each` sets on every movement.

    Returns its first movement.
    """
    WorkoutSession.objects.in_progress().filter(user=user).delete()
    session, _created = WorkoutSession.start(user, routine=user.routines.first())
    entries = list(session.entries.order_by("position"))
    for entry in entries:
        for _ in range(sets_each):
            entry.log_set(idempotency_key=uuid.uuid4(), reps=10, weight=Decimal("20"))
    return entries[0]


def posters():
    """The people whose open sessions the set-log target posts to."""
    return list(get_user_model().objects.filter(username__in=poster_names()).order_by("pk"))


def poster_names():
    return [f"bench{n}" for n in range(1, POSTERS + 1)]


def posted_since(baseline):
    """Sets the set-log target added after `baseline` (the last set's pk before the run)."""
    return SetLog.objects.filter(entry__session__user__username__in=poster_names(), pk__gt=baseline)


def reset_posted_sets(baseline):
    """Back to SETS_EACH sets on every poster's movement, so each round starts the same size."""
    SetLog.objects.filter(pk__in=list(posted_since(baseline).values_list("pk", flat=True))).delete()


def load_targets(user):
    """Every target of a run; the floor first, the reference all ratios are taken to."""
    heavy = get_user_model().objects.get(username=HEAVY_USERNAME)
    entry = _fresh_entry(user)
    posts = []
    for person in posters():
        first = _fresh_entry(person)
        for other in first.session.entries.order_by("position"):
            posts.append((person.username, reverse("workouts:log_set", args=[other.pk])))
    slug = Exercise.objects.filter(kind="strength").order_by("pk").values_list("slug", flat=True)[0]
    library = reverse("exercises:list")
    return [
        Target("floor (logged-in, base.html)", reverse("bench-floor")),
        Target("/healthz (no middleware)", "/healthz"),
        Target("library list", library),
        Target(
            "library filter fragment", library + "?kind=strength&level=beginner&q=row", headers=HTMX
        ),
        Target("exercise detail", reverse("exercises:detail", args=[slug])),
        Target("Today", reverse("routines:today")),
        Target("week", reverse("routines:week")),
        Target("session page", reverse("workouts:session", args=[entry.session_id])),
        Target("log a set (POST, htmx)", posts[0][1], headers=HTMX, posts=posts),
        Target("history", reverse("workouts:history")),
        Target("progress", reverse("workouts:progress")),
        Target("Today, 1,000 sessions", reverse("routines:today"), person=heavy.username),
        Target("week, 1,000 sessions", reverse("routines:week"), person=heavy.username),
        Target("history, 1,000 sessions", reverse("workouts:history"), person=heavy.username),
        Target("progress, 1,000 sessions", reverse("workouts:progress"), person=heavy.username),
    ]


def page_targets(user, fresh=True):
    """(label, path, has an htmx fragment) for the query and byte counts and Lighthouse.

    `fresh=False` reuses the session in progress that load_targets() opened.
    """
    if fresh:
        entry = _fresh_entry(user)
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
