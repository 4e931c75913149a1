"""The areas of the body a pain note or a check-in can name, and the map drawn from them.

One list serves the note form (a checkbox per area), the tappable map (front and back views,
the person's left and right), the words shown in history and reports, and the report's map
shaded over a period. Geometry is in a 200 x 330 box per view; on the back view the person's
left is on the viewer's left, on the front view it is on the viewer's right.
"""

from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

BACK, FRONT = "back", "front"


@dataclass(frozen=True)
class Region:
    code: str
    label: str
    both_label: str
    sided: bool
    # view -> path for the person's left side (or the only path when not sided); the right
    # side is the mirror image about x = 100.
    shapes: dict


def _mirror(path):
    """Mirror an absolute-coordinate path (M/L/Q/Z with x,y pairs) about x = 100."""
    out = []
    for token in path.split():
        head = token[0] if token[0].isalpha() else ""
        body = token[len(head) :]
        if "," in body:
            x, y = body.split(",")
            body = f"{200 - float(x):g},{y}"
        out.append(head + body)
    return " ".join(out)


# Left-side shapes as seen on the back view (x < 100); the front view's left side is mirrored.
REGIONS = [
    Region(
        "neck",
        _("Neck"),
        _("Neck"),
        False,
        {
            BACK: "M91,47 L109,47 L111,64 L89,64 Z",
            FRONT: "M91,47 L109,47 L111,64 L89,64 Z",
        },
    ),
    Region(
        "shoulder",
        _("shoulder"),
        _("Both shoulders"),
        True,
        {
            BACK: "M62,66 Q76,66 78,80 Q76,92 62,92 Q48,90 46,80 Q48,67 62,66 Z",
            FRONT: "M62,66 Q76,66 78,80 Q76,92 62,92 Q48,90 46,80 Q48,67 62,66 Z",
        },
    ),
    Region(
        "upper-back",
        _("upper back"),
        _("Upper back, both sides"),
        True,
        {
            BACK: "M79,65 L99,65 L99,96 L76,96 Z",
        },
    ),
    Region(
        "between-shoulder-blades",
        _("Between the shoulder blades"),
        _("Between the shoulder blades"),
        False,
        {
            BACK: "M90,97 L110,97 L110,170 L90,170 Z",
        },
    ),
    Region(
        "mid-back",
        _("middle back"),
        _("Middle back, both sides"),
        True,
        {
            BACK: "M75,97 L89,97 L89,170 L77,170 Q73,133 75,97 Z",
        },
    ),
    Region(
        "lower-back",
        _("lower back"),
        _("Lower back, both sides"),
        True,
        {
            BACK: "M77,171 L99,171 L99,214 L74,214 Z",
        },
    ),
    Region(
        "chest-ribs",
        _("chest or ribs"),
        _("Chest or ribs, both sides"),
        True,
        {
            FRONT: "M79,65 L99,65 L99,170 L77,170 Q72,115 79,65 Z",
        },
    ),
    Region(
        "arm",
        _("arm"),
        _("Both arms"),
        True,
        {
            BACK: "M46,94 L62,96 L60,206 L44,206 Q40,150 46,94 Z",
            FRONT: "M46,94 L62,96 L60,206 L44,206 Q40,150 46,94 Z",
        },
    ),
    Region(
        "hip",
        _("hip"),
        _("Both hips"),
        True,
        {
            BACK: "M74,215 L99,215 L98,244 L75,244 Z",
            FRONT: "M74,215 L99,215 L98,244 L75,244 Z",
        },
    ),
    Region(
        "leg",
        _("leg"),
        _("Both legs"),
        True,
        {
            BACK: "M75,245 L98,245 L96,325 L80,325 Z",
            FRONT: "M75,245 L98,245 L96,325 L80,325 Z",
        },
    ),
]

SIDES = {"left": _("Left"), "right": _("Right")}


def _areas():
    areas = {}
    for region in REGIONS:
        if region.sided:
            for side, word in SIDES.items():
                areas[f"{region.code}-{side}"] = (region, side, f"{word} {region.label}")
        else:
            areas[region.code] = (region, None, region.label)
    return areas


_AREAS = _areas()
# Ordered as the list shows them: top to bottom, left before right.
AREA_CODES = tuple(_AREAS)
AREA_CHOICES = [(code, label) for code, (_r, _s, label) in _AREAS.items()]
CHEST_AREAS = frozenset({"chest-ribs-left", "chest-ribs-right"})

# The single places a note named before the map had sides: each keeps its place, on both sides
# where the old map did not say which. For files exported then; migration 0008 has its own copy.
FORMER_LOCATIONS = {
    "between-shoulder-blades": ["between-shoulder-blades"],
    "upper-back": ["upper-back-left", "upper-back-right"],
    "lower-back": ["lower-back-left", "lower-back-right"],
    "neck": ["neck"],
    "shoulder": ["shoulder-left", "shoulder-right"],
    "chest-ribs": ["chest-ribs-left", "chest-ribs-right"],
    "arm": ["arm-left", "arm-right"],
    "leg": ["leg-left", "leg-right"],
}


def validate_areas(value, *, required=True):
    if not isinstance(value, list) or not all(isinstance(code, str) for code in value):
        raise ValidationError(_("Choose where you feel it from the list."), code="invalid")
    unknown = [code for code in value if code not in _AREAS]
    if unknown or len(set(value)) != len(value):
        raise ValidationError(_("Choose where you feel it from the list."), code="invalid")
    if required and not value:
        raise ValidationError(_("Choose where you feel it."), code="required")


def validate_some_areas(value):
    validate_areas(value, required=True)


def validate_any_areas(value):
    validate_areas(value, required=False)


def in_order(codes):
    wanted = set(codes)
    return [code for code in AREA_CODES if code in wanted]


def describe(codes):
    """Plain words for a list of areas: "Left upper back, neck"; both sides read as one."""
    wanted = set(codes)
    words = []
    for region in REGIONS:
        if not region.sided:
            if region.code in wanted:
                words.append(str(region.label))
            continue
        left, right = f"{region.code}-left" in wanted, f"{region.code}-right" in wanted
        if left and right:
            words.append(str(region.both_label))
        elif left or right:
            words.append(str(_AREAS[f"{region.code}-{'left' if left else 'right'}"][2]))
    words = [
        w[:1].upper() + w[1:] if i == 0 else w[:1].lower() + w[1:] for i, w in enumerate(words)
    ]
    return ", ".join(words)


@dataclass(frozen=True)
class Shape:
    area: str
    label: str
    path: str
    level: int = 0  # 0 to 4: how much it hurt over a period (the report's map)
    text: str = ""


@dataclass(frozen=True)
class View:
    name: str
    title: str
    shapes: list
    # Where "L" and "R" are written: the person's left is on the viewer's left from behind.
    left_x: int
    right_x: int


def views(levels=None, texts=None):
    """The back and the front view, each a list of tappable shapes."""
    levels, texts = levels or {}, texts or {}
    drawn = []
    for view, title in ((BACK, _("Back")), (FRONT, _("Front"))):
        shapes = []
        for region in REGIONS:
            path = region.shapes.get(view)
            if path is None:
                continue
            if not region.sided:
                codes = [(region.code, path)]
            else:
                mirrored = _mirror(path)
                left, right = (path, mirrored) if view == BACK else (mirrored, path)
                codes = [(f"{region.code}-left", left), (f"{region.code}-right", right)]
            for code, d in codes:
                shapes.append(
                    Shape(code, _AREAS[code][2], d, levels.get(code, 0), texts.get(code, ""))
                )
        left_x, right_x = (30, 170) if view == BACK else (170, 30)
        drawn.append(View(view, title, shapes, left_x, right_x))
    return drawn


@dataclass(frozen=True)
class AreaSummary:
    area: str
    label: str
    times: int
    average: float
    highest: int
    level: int


LEVELS = 4


def period_summary(entries):
    """How often and how strongly each area hurt, from (areas, intensity) pairs.

    Each area's shade (1 to 4) follows the sum of its intensities against the area that hurt
    most: often and strongly is darkest; once and mildly is lightest. Most-hurt first.
    """
    found = {}
    for areas, intensity in entries:
        for area in areas:
            if area in _AREAS:
                found.setdefault(area, []).append(intensity)
    top = max((sum(values) for values in found.values()), default=0)
    summary = []
    for area, values in found.items():
        total = sum(values)
        level = 0 if total == 0 else max(1, -(-LEVELS * total // top))
        summary.append(
            AreaSummary(
                area,
                _AREAS[area][2],
                len(values),
                round(total / len(values), 1),
                max(values),
                level,
            )
        )
    return sorted(summary, key=lambda s: (-s.level, -s.times, AREA_CODES.index(s.area)))


def shaded_views(summary):
    levels = {s.area: s.level for s in summary}
    texts = {
        s.area: _("%(area)s: %(times)s times, on average %(average)s out of 10")
        % {"area": s.label, "times": s.times, "average": s.average}
        for s in summary
    }
    return views(levels, texts)
