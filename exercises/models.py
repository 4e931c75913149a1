from collections import Counter, defaultdict

from django.conf import global_settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Count, Q
from django.urls import reverse
from django.utils.text import capfirst, get_text_list
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from exercises import dose
from exercises.caching import LibraryQuerySet
from midback.images import PictureField
from midback.validators import (
    validate_captions_upload,
    validate_image_upload,
    validate_video_upload,
)


class Kind(models.TextChoices):
    MOBILITY = "mobility", _("Stretch / mobility")
    STRENGTH = "strength", _("Strengthening")


class Level(models.TextChoices):
    BEGINNER = "beginner", _("Beginner")
    INTERMEDIATE = "intermediate", _("Intermediate")
    ADVANCED = "advanced", _("Advanced")


class Region(models.TextChoices):
    """Areas of the back body map; each is a shape id in the SVG."""

    NECK = "neck", _("Neck")
    UPPER_TRAPS = "upper-traps", _("Upper trapezius")
    MID_TRAPS = "mid-traps", _("Middle trapezius")
    LOWER_TRAPS = "lower-traps", _("Lower trapezius")
    RHOMBOIDS = "rhomboids", _("Rhomboids")
    REAR_DELTS = "rear-delts", _("Rear shoulders")
    LATS = "lats", _("Lats")
    THORACIC_ERECTORS = "thoracic-erectors", _("Thoracic erectors")
    LOWER_BACK = "lower-back", _("Lower back")
    OBLIQUES = "obliques", _("Sides")
    ARMS = "arms", _("Arms")
    GLUTES = "glutes", _("Glutes")
    LEGS = "legs", _("Legs")
    CHEST = "chest", _("Chest (front)")


class Equipment(models.Model):
    name = models.CharField(_("name"), max_length=80, unique=True)
    slug = models.SlugField(_("slug"), max_length=80, unique=True)
    at_home = models.BooleanField(
        _("found at home"),
        default=False,
        help_text=_("Mats, chairs, doorways and bands: things most people have at home."),
    )

    history = HistoricalRecords()

    objects = LibraryQuerySet.as_manager()

    class Meta:
        ordering = ["name"]
        verbose_name = _("equipment")
        verbose_name_plural = _("equipment")

    def __str__(self):
        return self.name


class Muscle(models.Model):
    name = models.CharField(_("name"), max_length=80, unique=True)
    slug = models.SlugField(_("slug"), max_length=80, unique=True)
    region = models.CharField(_("body-map region"), max_length=32, choices=Region.choices)
    is_mid_back = models.BooleanField(_("mid-back muscle"), default=False)

    history = HistoricalRecords()

    objects = LibraryQuerySet.as_manager()

    class Meta:
        ordering = ["-is_mid_back", "name"]
        verbose_name = _("muscle")
        verbose_name_plural = _("muscles")

    def __str__(self):
        return self.name


class ExerciseQuerySet(LibraryQuerySet):
    def published(self):
        return self.filter(is_published=True)

    def of_kind(self, kind):
        return self.filter(kind=kind)

    def for_level(self, level):
        return self.filter(level=level)

    def for_equipment(self, equipment):
        return self.filter(equipment=equipment).distinct()

    def doable_with(self, have):
        """Movements that need nothing, or where one option is fully covered by `have`
        (a Q over Equipment, e.g. Q(at_home=True))."""
        covered = (
            ExerciseEquipment.objects.values("exercise_id", "option")
            .annotate(missing=Count("pk", filter=~_prefixed(have, "equipment")))
            .filter(missing=0)
            .values("exercise_id")
        )
        return self.filter(Q(equipment_links__isnull=True) | Q(pk__in=covered)).distinct()

    def for_home(self):
        """Movements that need nothing, or only things found at home."""
        return self.doable_with(Q(at_home=True))

    def working(self, muscle):
        return self.filter(muscles=muscle).distinct()

    def search(self, text):
        return self.filter(
            Q(name__icontains=text) | Q(summary__icontains=text) | Q(muscles__name__icontains=text)
        ).distinct()

    def with_equipment(self):
        """What equipment_text() reads, in one query whatever the number of rows."""
        return self.prefetch_related(
            models.Prefetch(
                "equipment_links", queryset=ExerciseEquipment.objects.select_related("equipment")
            )
        )

    def with_card_data(self):
        # One query per relation, whatever the number of rows.
        return self.with_equipment().prefetch_related(
            models.Prefetch("targets", queryset=Target.objects.select_related("muscle")),
        )

    def with_detail_data(self):
        return self.with_card_data().prefetch_related("steps", "videos")


class ExerciseEquipment(models.Model):
    """One piece of equipment in one of a movement's options. Pieces with the same option
    number are needed together (a cable machine with a rope); different numbers are
    alternatives (that, or a resistance band)."""

    exercise = models.ForeignKey(
        "Exercise", on_delete=models.CASCADE, related_name="equipment_links"
    )
    equipment = models.ForeignKey(
        Equipment,
        on_delete=models.CASCADE,
        related_name="exercise_links",
        verbose_name=_("equipment"),
    )
    option = models.PositiveSmallIntegerField(
        _("option"),
        default=1,
        validators=[MinValueValidator(1)],
        help_text=_(
            "Same number: needed together. Different numbers: alternatives, any one will do."
        ),
    )

    class Meta:
        ordering = ["option", "equipment__name"]
        verbose_name = _("equipment needed")
        verbose_name_plural = _("equipment needed")
        constraints = [
            models.UniqueConstraint(
                fields=["exercise", "equipment"],
                name="exercise_equipment_unique",
                violation_error_message=_("List each piece of equipment once for a movement."),
            ),
            models.CheckConstraint(
                condition=Q(option__gte=1),
                name="exercise_equipment_option_positive",
                violation_error_message=_("Option numbers start at 1."),
            ),
        ]

    def __str__(self):
        return f"{self.equipment} ({_('option')} {self.option})"


class Exercise(models.Model):
    kind = models.CharField(_("kind"), max_length=16, choices=Kind.choices)
    name = models.CharField(_("name"), max_length=120, unique=True)
    slug = models.SlugField(_("slug"), max_length=120, unique=True)
    summary = models.TextField(_("summary"), max_length=600)
    cues = models.TextField(_("form cues"), blank=True, help_text=_("One cue a line."))
    mistakes = models.TextField(_("common mistakes"), blank=True, help_text=_("One a line."))
    easier = models.CharField(_("easier variation"), max_length=200, blank=True)
    harder = models.CharField(_("harder variation"), max_length=200, blank=True)
    safety_notes = models.TextField(_("safety notes"), blank=True)

    sets = models.PositiveSmallIntegerField(_("sets"), default=3, validators=dose.sets_validators())
    reps_min = models.PositiveSmallIntegerField(
        _("reps from"), null=True, blank=True, validators=[MinValueValidator(1)]
    )
    reps_max = models.PositiveSmallIntegerField(
        _("reps up to"), null=True, blank=True, validators=[MaxValueValidator(dose.MAX_REPS)]
    )
    hold_seconds = models.PositiveSmallIntegerField(
        _("hold (seconds)"), null=True, blank=True, validators=dose.hold_validators()
    )
    per_side = models.BooleanField(_("each side"), default=False)
    rest_seconds = models.PositiveSmallIntegerField(
        _("rest between sets (seconds)"), default=60, validators=dose.rest_validators()
    )

    level = models.CharField(_("level"), max_length=16, choices=Level.choices)
    equipment = models.ManyToManyField(
        Equipment,
        through=ExerciseEquipment,
        verbose_name=_("equipment"),
        blank=True,
        related_name="exercises",
    )
    muscles = models.ManyToManyField(
        Muscle, through="Target", related_name="exercises", verbose_name=_("muscles worked")
    )

    image = PictureField(
        _("image"), upload_to="exercises/", blank=True, validators=[validate_image_upload]
    )
    image_alt = models.CharField(
        _("image description"),
        max_length=250,
        blank=True,
        help_text=_("What the picture shows, for people who cannot see it."),
    )

    is_published = models.BooleanField(_("published"), default=False)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    history = HistoricalRecords(m2m_fields=[equipment])
    objects = ExerciseQuerySet.as_manager()

    class Meta:
        ordering = ["kind", "name"]
        verbose_name = _("exercise")
        verbose_name_plural = _("exercises")
        indexes = [
            # The library's order over published movements: a page is an index range scan.
            models.Index(
                fields=["kind", "name"],
                condition=Q(is_published=True),
                name="exercise_published_order",
            ),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(sets__gte=1, sets__lte=dose.MAX_SETS),
                name="exercise_sets_1_to_10",
                violation_error_message=dose.SETS_RANGE,
            ),
            models.CheckConstraint(
                condition=Q(reps_min__isnull=True) | Q(reps_min__gte=1),
                name="exercise_reps_min_positive",
                violation_error_message=_("The lowest number of reps must be at least 1."),
            ),
            models.CheckConstraint(
                condition=Q(reps_max__isnull=True)
                | (Q(reps_min__isnull=False) & Q(reps_max__gte=models.F("reps_min"))),
                name="exercise_reps_max_not_below_min",
                violation_error_message=_("Fill in the lowest reps, no higher than the highest."),
            ),
            models.CheckConstraint(
                condition=Q(hold_seconds__isnull=True)
                | Q(hold_seconds__gte=1, hold_seconds__lte=dose.MAX_HOLD_SECONDS),
                name="exercise_hold_1_to_600",
                violation_error_message=dose.HOLD_RANGE,
            ),
            models.CheckConstraint(
                condition=Q(reps_min__isnull=False) | Q(hold_seconds__isnull=False),
                name="exercise_has_reps_or_hold",
                violation_error_message=_("Give the reps, a hold time, or both."),
            ),
            models.CheckConstraint(
                condition=Q(rest_seconds__lte=dose.MAX_REST_SECONDS),
                name="exercise_rest_at_most_600",
                violation_error_message=dose.REST_AT_MOST,
            ),
            models.CheckConstraint(
                condition=Q(image="") | ~Q(image_alt=""),
                name="exercise_image_has_alt",
                violation_error_message=_("Describe the picture for people who cannot see it."),
            ),
        ]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("exercises:detail", kwargs={"slug": self.slug})

    @property
    def is_strength(self):
        return self.kind == Kind.STRENGTH

    def cue_list(self):
        return [line.strip() for line in self.cues.splitlines() if line.strip()]

    def mistake_list(self):
        return [line.strip() for line in self.mistakes.splitlines() if line.strip()]

    def prescription(self):
        """The default dose in words, e.g. "3 × 8–12 reps" or "2 × hold 30 s each side"."""
        return dose.describe(
            self.sets, self.reps_min, self.hold_seconds, self.per_side, reps_up_to=self.reps_max
        )

    def equipment_options(self):
        """The alternatives, each a list of the equipment needed together, in option order."""
        options = {}
        for link in self.equipment_links.all():
            options.setdefault(link.option, []).append(link.equipment)
        return [options[number] for number in sorted(options)]

    def equipment_text(self):
        """E.g. "Cable machine and rope attachment, or resistance band"."""
        groups = self.equipment_options()
        options = [
            str(get_text_list([_in_sentence(item.name) for item in group], _("and")))
            for group in groups
        ]
        if not options:
            return _("None needed")
        if len(options) == 1:
            text = options[0]
        elif any(len(group) > 1 for group in groups):
            text = str(_(", or ")).join(options)
        else:
            text = get_text_list(options, _("or"))
        return capfirst(text)

    def primary_targets(self):
        return [t for t in self.targets.all() if t.role == Target.Role.PRIMARY]

    def secondary_targets(self):
        return [t for t in self.targets.all() if t.role == Target.Role.SECONDARY]

    def worked_regions(self):
        """Body-map roles by region, e.g. {"mid_traps": "primary"}; primary wins a tie.

        Keys use underscores so templates can look them up (``regions.mid_traps``).
        """
        roles = {}
        for target in self.targets.all():
            key = target.muscle.region.replace("-", "_")
            if roles.get(key) != Target.Role.PRIMARY:
                roles[key] = target.role
        return roles

    def related(self, limit=3):
        """Other published movements of the same kind that share the most muscles."""
        return (
            Exercise.objects.published()
            .of_kind(self.kind)
            .exclude(pk=self.pk)
            .filter(muscles__in=self.muscles.all())
            .annotate(shared=models.Count("muscles"))
            .order_by("-shared", "name")[:limit]
        )

    @classmethod
    def alternatives_for(cls, exercises, limit=12):
        """{pk: [(pk, name), ...]}: for each movement, published ones of the same kind that
        share the most muscles with it (then by name), to swap it for. One query for all."""
        kinds = {exercise.pk: exercise.kind for exercise in exercises}
        shared = defaultdict(Counter)
        names = {}
        rows = (
            Target.objects.filter(
                exercise__is_published=True, muscle__targets__exercise_id__in=kinds
            )
            .values_list(
                "muscle__targets__exercise_id", "exercise_id", "exercise__name", "exercise__kind"
            )
            .order_by()
        )
        for source, candidate, name, kind in rows:
            if candidate != source and kind == kinds[source]:
                shared[source][candidate] += 1
                names[candidate] = name
        return {
            source: [
                (pk, names[pk])
                for pk in sorted(shared[source], key=lambda pk: (-shared[source][pk], names[pk]))[
                    :limit
                ]
            ]
            for source in kinds
        }


def _in_sentence(name):
    """ "Resistance band" reads "resistance band" mid-sentence; "T-bar row machine" keeps its T."""
    return name[:1].lower() + name[1:] if name[1:2].islower() else name


def _prefixed(q, prefix):
    """The same Q over a related model, e.g. Q(at_home=True) -> Q(equipment__at_home=True)."""
    children = [
        _prefixed(child, prefix) if isinstance(child, Q) else (f"{prefix}__{child[0]}", child[1])
        for child in q.children
    ]
    return Q(*children, _connector=q.connector, _negated=q.negated)


class Target(models.Model):
    class Role(models.TextChoices):
        PRIMARY = "primary", _("Primary")
        SECONDARY = "secondary", _("Secondary")

    exercise = models.ForeignKey(Exercise, on_delete=models.CASCADE, related_name="targets")
    muscle = models.ForeignKey(Muscle, on_delete=models.PROTECT, related_name="targets")
    role = models.CharField(_("role"), max_length=10, choices=Role.choices, default=Role.PRIMARY)

    history = HistoricalRecords()

    objects = LibraryQuerySet.as_manager()

    class Meta:
        ordering = ["role", "muscle__name"]
        verbose_name = _("muscle worked")
        verbose_name_plural = _("muscles worked")
        constraints = [
            models.UniqueConstraint(
                fields=["exercise", "muscle"],
                name="target_unique_muscle",
                violation_error_message=_("This muscle is listed twice: keep it once."),
            )
        ]

    def __str__(self):
        return f"{self.muscle} ({self.get_role_display()})"


class Step(models.Model):
    exercise = models.ForeignKey(Exercise, on_delete=models.CASCADE, related_name="steps")
    position = models.PositiveSmallIntegerField(_("step"))
    text = models.TextField(_("instruction"), max_length=500)

    history = HistoricalRecords()

    objects = LibraryQuerySet.as_manager()

    class Meta:
        ordering = ["position"]
        verbose_name = _("step")
        verbose_name_plural = _("steps")
        constraints = [
            models.UniqueConstraint(
                fields=["exercise", "position"],
                name="step_unique_position",
                violation_error_message=_("Two steps have the same number: give each its own."),
            ),
            models.CheckConstraint(
                condition=Q(position__gte=1),
                name="step_position_positive",
                violation_error_message=_("Number the steps from 1."),
            ),
        ]

    def __str__(self):
        return f"{self.position}. {self.text[:40]}"


class ExerciseVideo(models.Model):
    """A short video of the movement, shown on its page below the picture."""

    MIME_TYPES = {".mp4": "video/mp4", ".webm": "video/webm"}

    exercise = models.ForeignKey(Exercise, on_delete=models.CASCADE, related_name="videos")
    title = models.CharField(
        _("title"), max_length=120, help_text=_("Shown under the video, e.g. “Cat-cow, slowly”.")
    )
    description = models.CharField(
        _("what it shows"),
        max_length=300,
        blank=True,
        help_text=_("What the body does in the video, for people who cannot see it."),
    )
    file = models.FileField(
        _("video"),
        upload_to="exercises/videos/",
        validators=[validate_video_upload],
        help_text=_("MP4 or WebM, up to 50 MB."),
    )
    poster = models.ImageField(
        _("poster image"),
        upload_to="exercises/posters/",
        validators=[validate_image_upload],
        help_text=_("Shown before the video plays."),
    )
    captions = models.FileField(
        _("captions"),
        upload_to="exercises/captions/",
        validators=[validate_captions_upload],
        help_text=_("A WebVTT (.vtt) file, up to 200 KB."),
    )
    captions_language = models.CharField(
        _("captions language"), max_length=10, choices=global_settings.LANGUAGES, default="en"
    )
    position = models.PositiveSmallIntegerField(_("order"), default=0)

    history = HistoricalRecords()

    class Meta:
        ordering = ["position", "pk"]
        verbose_name = _("video")
        verbose_name_plural = _("videos")

    def __str__(self):
        return self.title

    @property
    def mime_type(self):
        name = self.file.name.lower()
        return self.MIME_TYPES.get(name[name.rfind(".") :], "video/mp4")


class Guidance(models.Model):
    """A piece of the program's advice, shown on the pages it applies to."""

    class Applies(models.TextChoices):
        ALL = "all", _("Every movement")
        STRENGTH = Kind.STRENGTH.value, _("Strengthening movements")
        MOBILITY = Kind.MOBILITY.value, _("Stretches and mobility")

    class Tone(models.TextChoices):
        INFO = "info", _("Advice")
        CAUTION = "caution", _("Caution")
        URGENT = "urgent", _("Seek help")

    slug = models.SlugField(_("slug"), max_length=80, unique=True)
    title = models.CharField(_("title"), max_length=120)
    body = models.TextField(_("text"))
    applies_to = models.CharField(
        _("applies to"), max_length=16, choices=Applies.choices, default=Applies.ALL
    )
    tone = models.CharField(_("tone"), max_length=10, choices=Tone.choices, default=Tone.INFO)
    position = models.PositiveSmallIntegerField(_("order"), default=0)

    history = HistoricalRecords()

    objects = LibraryQuerySet.as_manager()

    class Meta:
        ordering = ["position", "title"]
        verbose_name = _("program guidance")
        verbose_name_plural = _("program guidance")

    def __str__(self):
        return self.title

    @classmethod
    def for_kind(cls, kind):
        return cls.objects.filter(applies_to__in=[cls.Applies.ALL, kind])
