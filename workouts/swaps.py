"""What a movement can be swapped for, closest first; and the library list for adding one."""

from typing import NamedTuple

from exercises.caching import cached
from exercises.models import Exercise

# How many movements each card offers to swap to: a short list of close matches instead of
# the whole library (1,000 options per card made the page 330 KB).
SWAP_CHOICES = 12
# How many movements the "add a movement" search answers with.
SEARCH_RESULTS = 20


class Choice(NamedTuple):
    pk: int
    name: str
    kind: str


def exercise_choices():
    """Every published movement: library content, so cached (as tuples, quick to unpickle)."""
    return cached(
        "names",
        (),
        lambda: [
            Choice(*row)
            for row in Exercise.objects.published()
            .order_by("name")
            .values_list("pk", "name", "kind")
        ],
    )


def swap_choices(exercises):
    """{exercise pk: [(pk, name), ...]}: the closest matches first (same kind, most muscles in
    common), then other movements of its kind by name."""
    exercises = {exercise.pk: exercise for exercise in exercises}
    if not exercises:
        return {}
    close = cached(
        "alternatives",
        sorted(exercises),
        lambda: Exercise.alternatives_for(list(exercises.values()), SWAP_CHOICES),
    )
    choices = exercise_choices()
    found = {}
    for pk, exercise in exercises.items():
        picked = dict(close.get(pk, []))
        for choice in choices:
            if len(picked) >= SWAP_CHOICES:
                break
            if choice.kind == exercise.kind and choice.pk != pk:
                picked.setdefault(choice.pk, choice.name)
        found[pk] = list(picked.items())
    return found


def search(text, limit=SEARCH_RESULTS):
    """Movements whose name contains `text` (all of them, by name, for an empty search)."""
    words = text.casefold().split()
    matches = [c for c in exercise_choices() if all(w in c.name.casefold() for w in words)]
    return matches[:limit], len(matches)
