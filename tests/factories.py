from datetime import timedelta

import factory
from django.contrib.auth import get_user_model
from django.utils import timezone
from factory.django import DjangoModelFactory

from exercises.models import (
    Equipment,
    Exercise,
    ExerciseVideo,
    Guidance,
    Kind,
    Level,
    Muscle,
    Region,
    Step,
    Target,
)
from routines.models import (
    CalendarFeed,
    OccurrenceChange,
    Routine,
    RoutineItem,
    ScheduledSession,
)

PASSWORD = "correct-horse-battery"


class UserFactory(DjangoModelFactory):
    class Meta:
        model = get_user_model()
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"person{n}")
    email = factory.LazyAttribute(lambda u: f"{u.username}@example.com")
    password = factory.PostGenerationMethodCall("set_password", PASSWORD)

    @factory.post_generation
    def saved(obj, create, extracted, **kwargs):
        if create:
            obj.save()

    # People in tests have confirmed their address, as most real accounts will have;
    # UserFactory(email_verified=False) makes one who has not yet.
    @factory.post_generation
    def email_verified(obj, create, extracted, **kwargs):
        if create and obj.email:
            from allauth.account.models import EmailAddress

            EmailAddress.objects.create(
                user=obj, email=obj.email.lower(), primary=True, verified=extracted is not False
            )


class EquipmentFactory(DjangoModelFactory):
    class Meta:
        model = Equipment
        django_get_or_create = ["slug"]

    name = factory.Sequence(lambda n: f"Equipment {n}")
    slug = factory.Sequence(lambda n: f"equipment-{n}")


class MuscleFactory(DjangoModelFactory):
    class Meta:
        model = Muscle
        django_get_or_create = ["slug"]

    name = factory.Sequence(lambda n: f"Muscle {n}")
    slug = factory.Sequence(lambda n: f"muscle-{n}")
    region = Region.RHOMBOIDS


class ExerciseFactory(DjangoModelFactory):
    class Meta:
        model = Exercise

    kind = Kind.STRENGTH
    name = factory.Sequence(lambda n: f"Movement {n}")
    slug = factory.Sequence(lambda n: f"movement-{n}")
    summary = "A movement for the mid-back."
    level = Level.BEGINNER
    sets = 3
    reps_min = 8
    reps_max = 12
    is_published = True


class TargetFactory(DjangoModelFactory):
    class Meta:
        model = Target

    exercise = factory.SubFactory(ExerciseFactory)
    muscle = factory.SubFactory(MuscleFactory)


class StepFactory(DjangoModelFactory):
    class Meta:
        model = Step

    exercise = factory.SubFactory(ExerciseFactory)
    position = factory.Sequence(lambda n: n + 1)
    text = "Move slowly and breathe."


class ExerciseVideoFactory(DjangoModelFactory):
    class Meta:
        model = ExerciseVideo

    exercise = factory.SubFactory(ExerciseFactory)
    title = factory.Sequence(lambda n: f"Video {n}")
    description = "Moving slowly through the whole range."
    file = factory.django.FileField(filename="move.webm", data=b"\x1a\x45\xdf\xa3" + b"0" * 64)
    poster = factory.django.ImageField(filename="poster.png", width=32, height=18)
    captions = factory.django.FileField(filename="move.vtt", data=b"WEBVTT\n\n")


class RoutineFactory(DjangoModelFactory):
    class Meta:
        model = Routine

    user = factory.SubFactory(UserFactory)
    name = factory.Sequence(lambda n: f"Routine {n}")


class RoutineItemFactory(DjangoModelFactory):
    class Meta:
        model = RoutineItem

    routine = factory.SubFactory(RoutineFactory)
    exercise = factory.SubFactory(ExerciseFactory)
    position = factory.Sequence(lambda n: n)
    sets = 3
    reps = 10


class ScheduledSessionFactory(DjangoModelFactory):
    class Meta:
        model = ScheduledSession

    user = factory.SubFactory(UserFactory)
    routine = factory.SubFactory(RoutineFactory, user=factory.SelfAttribute("..user"))
    start_date = factory.Faker("date_this_year")


class OccurrenceChangeFactory(DjangoModelFactory):
    class Meta:
        model = OccurrenceChange

    schedule = factory.SubFactory(ScheduledSessionFactory)
    original_date = factory.SelfAttribute("schedule.start_date")
    skipped = True


class CalendarFeedFactory(DjangoModelFactory):
    class Meta:
        model = CalendarFeed

    user = factory.SubFactory(UserFactory)


class GuidanceFactory(DjangoModelFactory):
    class Meta:
        model = Guidance

    slug = factory.Sequence(lambda n: f"guidance-{n}")
    title = factory.Sequence(lambda n: f"Advice {n}")
    body = "Move within a comfortable range."


# Session log (workouts) ---------------------------------------------------------------------


class WorkoutSessionFactory(DjangoModelFactory):
    class Meta:
        model = "workouts.WorkoutSession"

    user = factory.SubFactory(UserFactory)


class SessionExerciseFactory(DjangoModelFactory):
    class Meta:
        model = "workouts.SessionExercise"

    session = factory.SubFactory(WorkoutSessionFactory)
    exercise = factory.SubFactory(ExerciseFactory)
    position = factory.Sequence(lambda n: n)
    planned_sets = 3
    planned_reps = 10


class SetLogFactory(DjangoModelFactory):
    class Meta:
        model = "workouts.SetLog"

    entry = factory.SubFactory(SessionExerciseFactory)
    reps = 10


class PainNoteFactory(DjangoModelFactory):
    class Meta:
        model = "workouts.PainNote"

    user = factory.SubFactory(UserFactory)
    intensity = 2
    areas = factory.LazyFunction(lambda: ["upper-back-left"])
    kind = "ache"
    timing = "day"


# Accounts ------------------------------------------------------------------------------------


class ProfileFactory(DjangoModelFactory):
    class Meta:
        model = "accounts.Profile"
        django_get_or_create = ["user"]

    user = factory.SubFactory(UserFactory)
    time_zone = "UTC"


# Sharing and flare-ups (care) ----------------------------------------------------------------


class ShareLinkFactory(DjangoModelFactory):
    """A live link for the last 4 weeks; its token is in `link.token` (tests only)."""

    class Meta:
        model = "care.ShareLink"

    user = factory.SubFactory(UserFactory)
    name = factory.Sequence(lambda n: f"Physio {n}")
    rolling_weeks = 4
    expires_at = factory.LazyFunction(lambda: timezone.now() + timedelta(days=30))

    @classmethod
    def _create(cls, model_class, *args, **kwargs):
        link, token = model_class.create(*args, **kwargs)
        link.token = token
        return link


class FlareUpFactory(DjangoModelFactory):
    class Meta:
        model = "care.FlareUp"

    user = factory.SubFactory(UserFactory)
    started_on = factory.LazyFunction(timezone.localdate)
    ends_on = factory.LazyAttribute(lambda f: f.started_on + timedelta(days=6))
