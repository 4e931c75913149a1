"""Drawn pictures of every movement, made from a small pose model.

Each movement is a few key positions; each position gives the angle of every body segment
(degrees, screen coordinates: 0 points right, 90 down, -90 up; the figure faces right) and
where one joint sits, so a correction is a number here, not a hand-edited path. One renderer
turns them into static SVG files in one style: a still per position, and an animation that
moves between the positions at the movement's tempo (SMIL, no script). `manage.py
draw_figures` writes them to static/figures/; a test fails when the files and this module
disagree.
"""

import math
from dataclasses import dataclass, field, replace
from pathlib import Path

from django.conf import settings
from django.templatetags.static import static
from django.utils.translation import gettext_lazy as _

FIGURE_DIR = "figures"
WIDTH, HEIGHT = 200, 170
FLOOR = 160

# Segment lengths, in drawing units (the figure stands about 118 tall).
# Proportions of an adult about 117 units tall.
SPINE = 17  # each of the two spine segments, hip to mid-back and mid-back to shoulders
NECK = 14  # shoulders to the centre of the head
HEAD = 8
UPPER_ARM, FOREARM = 21, 19  # the forearm includes the hand
THIGH, SHIN, FOOT = 29, 28, 9
SHOULDER_SPREAD, HIP_SPREAD = 10, 5  # half widths, seen from the front

INK = "#31403e"
FAR = "#93a19f"
MOVES = "#0d8a80"
GEAR = "#6f7b79"
GEAR_FILL = "#c5cdcb"
BACKGROUND = "#f2f6f5"

# Stroke widths: the trunk is thickest, the forearms thinnest.
WIDTHS = {
    "trunk": 12,
    "thigh": 9,
    "shin": 8,
    "foot": 5,
    "arm": 7,
    "fore": 6,
}


def point(origin, angle, length):
    radians = math.radians(angle)
    return (origin[0] + length * math.cos(radians), origin[1] + length * math.sin(radians))


def reach(start, target, first, second, bend):
    """Angles of a two-segment limb from start to target; bend is +1 or -1 (which way the
    middle joint points). A target out of reach straightens the limb toward it."""
    dx, dy = target[0] - start[0], target[1] - start[1]
    distance = min(math.hypot(dx, dy), first + second - 0.01)
    toward = math.degrees(math.atan2(dy, dx))
    cos_inner = (first**2 + distance**2 - second**2) / (2 * first * distance)
    inner = math.degrees(math.acos(max(-1.0, min(1.0, cos_inner))))
    upper = toward - bend * inner
    joint = point(start, upper, first)
    lower = math.degrees(math.atan2(target[1] - joint[1], target[0] - joint[0]))
    return upper, lower


@dataclass(frozen=True)
class Pose:
    """One key position. Angles are absolute (see the module docstring); a hand or ankle
    target, when given, sets that limb by reaching for it instead."""

    lower: float = -90  # hip to mid-back
    upper: float = -90  # mid-back to shoulders
    neck: float = -90
    arm: float = 90
    fore: float = 90
    arm2: float | None = None  # the far arm; None copies the near one
    fore2: float | None = None
    thigh: float = 90
    shin: float = 90
    foot: float = 0
    thigh2: float | None = None
    shin2: float | None = None
    foot2: float | None = None
    hand: tuple | None = None
    hand2: tuple | None = None
    elbow_bend: int = -1  # -1: elbow points down/back for a figure facing right
    pin: str = "ankle"  # which leg joint is placed at `at`
    at: tuple = (100, FLOOR - 3)
    shoulder_at: tuple | None = None  # puts the shoulders here, bending the spine to fit
    arch: int = 1  # with shoulder_at: 1 rounds the back up, -1 lets it sag
    spread: int = 0  # 1 in a front or back view: shoulders and hips get their width

    def joints(self):
        """Every joint's position, with the figure moved so `pin` (a leg joint) sits at `at`."""
        j = {"hip": (0.0, 0.0)}
        across = self.lower + 90  # from the body's midline toward the near side
        legs = [
            ("1", self.thigh, self.shin, self.foot, 1),
            (
                "2",
                _or(self.thigh2, self.thigh),
                _or(self.shin2, self.shin),
                _or(self.foot2, self.foot),
                -1,
            ),
        ]
        for suffix, thigh, shin, foot, side in legs:
            root = point(j["hip"], across, side * self.spread * HIP_SPREAD)
            j["hip" + suffix] = root
            name = suffix if suffix == "2" else ""
            j["knee" + name] = point(root, thigh, THIGH)
            j["ankle" + name] = point(j["knee" + name], shin, SHIN)
            j["toe" + name] = point(j["ankle" + name], foot, FOOT)
        shift_x, shift_y = self.at[0] - j[self.pin][0], self.at[1] - j[self.pin][1]
        j = {name: (x + shift_x, y + shift_y) for name, (x, y) in j.items()}
        if self.shoulder_at is None:
            j["mid"] = point(j["hip"], self.lower, SPINE)
            j["shoulder"] = point(j["mid"], self.upper, SPINE)
        else:
            j["shoulder"] = self.shoulder_at
            j["mid"] = _bend_point(j["hip"], self.shoulder_at, SPINE, self.arch)
        j["head"] = point(j["shoulder"], self.neck, NECK)
        across = _angle_between(j["mid"], j["shoulder"]) + 90
        arms = [
            ("1", self.arm, self.fore, self.hand, 1),
            ("2", _or(self.arm2, self.arm), _or(self.fore2, self.fore), self.hand2, -1),
        ]
        copy_near = self.arm2 is None and self.fore2 is None and self.hand2 is None
        for suffix, arm, fore, hand, side in arms:
            root = point(j["shoulder"], across, side * self.spread * SHOULDER_SPREAD)
            j["shoulder" + suffix] = root
            if hand is not None:
                arm, fore = reach(root, hand, UPPER_ARM, FOREARM, self.elbow_bend)
            if suffix == "1":
                near = arm, fore
            elif copy_near:  # the far arm does what the near one does
                arm, fore = near
            name = suffix if suffix == "2" else ""
            j["elbow" + name] = point(root, arm, UPPER_ARM)
            j["hand" + name] = point(j["elbow" + name], fore, FOREARM)
        return j

    def blend(self, other, t):
        """The pose a fraction t of the way to other, joint angle by joint angle."""
        mine, theirs = self._angles(), other._angles()
        # The short way round: 179 and -179 degrees are two degrees apart.
        values = {
            name: mine[name] + ((theirs[name] - mine[name] + 180) % 360 - 180) * t for name in mine
        }
        at = tuple(a + (b - a) * t for a, b in zip(self.at, other.at, strict=True))
        return replace(self, **values, at=at, hand=None, hand2=None, shoulder_at=None)

    def _angles(self):
        j = self.joints()
        angle = _angle_between
        return {
            "lower": angle(j["hip"], j["mid"]),
            "upper": angle(j["mid"], j["shoulder"]),
            "neck": angle(j["shoulder"], j["head"]),
            "arm": angle(j["shoulder1"], j["elbow"]),
            "fore": angle(j["elbow"], j["hand"]),
            "arm2": angle(j["shoulder2"], j["elbow2"]),
            "fore2": angle(j["elbow2"], j["hand2"]),
            "thigh": angle(j["hip1"], j["knee"]),
            "shin": angle(j["knee"], j["ankle"]),
            "foot": angle(j["ankle"], j["toe"]),
            "thigh2": angle(j["hip2"], j["knee2"]),
            "shin2": angle(j["knee2"], j["ankle2"]),
            "foot2": angle(j["ankle2"], j["toe2"]),
        }


def _bend_point(start, end, length, side):
    """The middle joint of two equal segments from start to end, bulging to one side."""
    chord = math.dist(start, end)
    rise = math.sqrt(max(length**2 - (chord / 2) ** 2, 0))
    direction = math.radians(_angle_between(start, end) - 90 * side)
    middle = ((start[0] + end[0]) / 2, (start[1] + end[1]) / 2)
    return (middle[0] + rise * math.cos(direction), middle[1] + rise * math.sin(direction))


def _or(value, default):
    return default if value is None else value


def _angle_between(a, b):
    return math.degrees(math.atan2(b[1] - a[1], b[0] - a[0]))


@dataclass(frozen=True)
class Position:
    caption: str  # what the body does here, also the picture's text alternative
    pose: Pose
    move: float = 2.0  # seconds to get here from the previous position
    hold: float = 0.5  # seconds held here


@dataclass(frozen=True)
class Drawing:
    slug: str
    view: str  # "side" or "front": a front or back view draws both sides in the same ink
    positions: tuple
    gear: callable = None  # joints -> list of shapes for the equipment (see below)
    moves: frozenset = frozenset()  # segments highlighted: what moves or stretches
    card: int = 1  # which position the library card shows (1-based)
    steps: dict = field(default_factory=dict)  # instruction step number -> position number
    note: str = ""  # how the picture is seen, when it is not the obvious view

    @property
    def duration(self):
        """Seconds for one cycle of the animation, through every position and back."""
        return sum(position.move + position.hold for position in self.positions)

    @property
    def cycle_seconds(self):
        return round(self.duration)

    def animation_alt(self):
        parts = [str(position.caption) for position in self.positions]
        text = _("Animation, repeating: %(positions)s.") % {"positions": "; then ".join(parts)}
        return f"{self.note} {text}".strip() if self.note else text

    def still_name(self, number):
        return f"{FIGURE_DIR}/{self.slug}-{number}.svg"

    @property
    def animation_name(self):
        return f"{FIGURE_DIR}/{self.slug}.svg"

    def stills(self):
        """(static URL, caption) for each position, in order."""
        return [
            (static(self.still_name(number)), position.caption, number)
            for number, position in enumerate(self.positions, start=1)
        ]

    @property
    def animation_url(self):
        return static(self.animation_name)

    @property
    def card_url(self):
        return static(self.still_name(self.card))

    @property
    def card_caption(self):
        return self.positions[self.card - 1].caption

    def for_step(self, number):
        """(URL, caption) of the position beside instruction step `number`, or None."""
        position = self.steps.get(number)
        if position is None:
            return None
        return static(self.still_name(position)), self.positions[position - 1].caption


# Shapes: ("line", width, colour, points...) or ("rect", colour, x, y, w, h, radius) or
# ("dot", colour, centre, r). Equipment that moves with the body is given joint positions.


def mat():
    # As wide as the picture: the mat does not count when the picture is framed.
    return [("mat", GEAR_FILL, -100, FLOOR - 3, 400, 4, 2)]


def cable(anchor, hand):
    return [("line", 2, GEAR, anchor, hand), ("dot", GEAR, anchor, 4)]


def dumbbell_front(centre):
    x, y = centre
    return [
        ("line", 3, GEAR, (x - 6, y), (x + 6, y)),
        ("rect", GEAR, x - 8, y - 5, 4, 10, 1),
        ("rect", GEAR, x + 4, y - 5, 4, 10, 1),
    ]


def _gear_mat(j):
    return mat()


def _gear_chair(j):
    # Seat, and a backrest up to about the middle of the shoulder blades.
    return [
        ("line", 4, GEAR, (56, 132), (96, 132)),
        ("line", 4, GEAR, (58, 132), (58, FLOOR)),
        ("line", 4, GEAR, (94, 132), (94, FLOOR)),
        ("line", 4, GEAR, (57, 132), (57, 104)),
    ]


def _gear_doorway(j):
    # The door frame seen from the side: the post the forearms rest on, and the lintel.
    return [("rect", GEAR_FILL, 95, 14, 9, FLOOR - 14, 1), ("rect", GEAR_FILL, 95, 8, 40, 7, 1)]


def _gear_pulldown(j):
    pulley = (94, 16)
    hand = j["hand"]
    return [
        ("rect", GEAR_FILL, 150, 8, 10, FLOOR - 8, 1),
        ("line", 4, GEAR_FILL, pulley, (152, 16)),
        ("rect", GEAR_FILL, 66, 131, 46, 5, 2),  # the seat
        ("line", 4, GEAR, (89, 136), (89, FLOOR)),
        ("rect", GEAR, 110, 113, 14, 6, 2),  # the thigh pad
        *cable(pulley, hand),
        ("line", 5, GEAR, (hand[0] - 6, hand[1]), (hand[0] + 6, hand[1])),  # the bar
    ]


def _gear_row(j):
    pulley = (172, 122)
    hand, ankle = j["hand"], j["ankle"]
    return [
        ("rect", GEAR_FILL, 170, 96, 10, FLOOR - 96, 1),
        ("rect", GEAR_FILL, 36, 141, 60, 5, 2),  # the long seat
        ("line", 4, GEAR, (56, 146), (56, FLOOR)),
        ("line", 4, GEAR, (ankle[0] + 5, ankle[1] - 9), (ankle[0] + 9, FLOOR)),  # foot plate
        *cable(pulley, hand),
        ("line", 4, GEAR, (hand[0], hand[1] - 5), (hand[0], hand[1] + 5)),  # the handle
    ]


FACE_PULL_PULLEY = (176, 51)  # at about head height: the head's centre is at 51


def _gear_face_pull(j):
    hand = j["hand"]
    knot = (hand[0] + 9, hand[1])
    return [
        ("rect", GEAR_FILL, 174, 8, 10, FLOOR - 8, 1),
        *cable(FACE_PULL_PULLEY, knot),
        ("line", 3, GEAR, knot, (hand[0], hand[1] - 3)),  # the two ends of the rope
        ("line", 3, GEAR, knot, (hand[0], hand[1] + 3)),
    ]


def _gear_t_bar(j):
    pivot = (24, FLOOR - 3)
    hand = j["hand"]
    end = point(pivot, _angle_between(pivot, hand), math.dist(pivot, hand) + 9)
    return [
        ("rect", GEAR, 18, FLOOR - 6, 12, 6, 1),
        ("line", 4, GEAR, pivot, end),
        ("dot", GEAR, end, 10),  # the plates, just past the handles
        ("line", 4, GEAR, (hand[0], hand[1] - 5), (hand[0], hand[1] + 5)),
    ]


def _gear_reverse_fly(j):
    # Seen from behind: the bench pad behind the trunk, and its leg.
    return [
        ("rect", GEAR_FILL, 88, 56, 24, 60, 4),
        ("line", 4, GEAR, (100, 116), (100, FLOOR)),
        *dumbbell_front(j["hand"]),
        *dumbbell_front(j["hand2"]),
    ]


def _gear_deadlift(j):
    hand = j["hand"]
    return [("dot", GEAR, hand, 14), ("dot", GEAR_FILL, hand, 3)]


def _gear_back_extension(j):
    # A bench that holds the hips on a pad and the heels under a roller.
    hip, knee, ankle = j["hip"], j["knee"], j["ankle"]
    along = math.radians(_angle_between(hip, knee))
    d = (math.cos(along), math.sin(along))
    below = (d[1], -d[0])  # legs point left and a little down: this normal points down
    pad_a = (hip[0] - 3 * d[0] + 9 * below[0], hip[1] - 3 * d[1] + 9 * below[1])
    pad_b = (hip[0] + 20 * d[0] + 9 * below[0], hip[1] + 20 * d[1] + 9 * below[1])
    roller = (ankle[0] - 7 * below[0], ankle[1] - 7 * below[1])
    return [
        ("line", 7, GEAR, pad_a, pad_b),
        ("line", 4, GEAR, pad_b, (pad_b[0] - 8, FLOOR)),
        ("dot", GEAR, roller, 4),
        ("line", 4, GEAR, roller, (roller[0] + 6, FLOOR)),
        ("line", 4, GEAR, (roller[0] + 6, FLOOR - 1), (pad_b[0] - 8, FLOOR - 1)),
    ]


PULL_UP_BAR = 24  # the bar's height


def _gear_pull_up(j):
    return [
        ("rect", GEAR_FILL, 36, PULL_UP_BAR - 4, 7, FLOOR - PULL_UP_BAR + 4, 1),
        ("line", 5, GEAR, (36, PULL_UP_BAR), (140, PULL_UP_BAR)),
    ]


def _gear_none(j):
    return []


# Start positions several movements share.
TABLE = {
    "thigh": 90,
    "shin": 180,
    "foot": 180,
    "pin": "knee",
    "at": (62, FLOOR - 4),
    "hand": (94, FLOOR - 3),
    "elbow_bend": 1,
}
FRONT_LEGS = {
    "thigh": 94,
    "shin": 90,
    "foot": 60,
    "thigh2": 86,
    "shin2": 90,
    "foot2": 120,
    "spread": 1,
}


DRAWINGS = [
    Drawing(
        slug="cat-cow",
        view="side",
        gear=_gear_mat,
        moves=frozenset({"trunk", "head"}),
        card=2,
        steps={1: 1, 2: 2, 3: 3},
        positions=(
            Position(
                _("Start: on hands and knees, wrists under the shoulders, knees under the hips"),
                Pose(shoulder_at=(94.5, 117.5), neck=15, **TABLE),
                move=2,
                hold=1,
            ),
            Position(
                _("Cat: breathing out, the back rounds up and the head and tailbone drop"),
                Pose(shoulder_at=(92, 118.5), arch=1, neck=75, **TABLE),
                move=4,
                hold=1,
            ),
            Position(
                _("Cow: breathing in, the belly sinks and the chest lifts, eyes forward"),
                Pose(shoulder_at=(92, 116.5), arch=-1, neck=-35, **TABLE),
                move=4,
                hold=1,
            ),
        ),
    ),
    Drawing(
        slug="childs-pose",
        view="side",
        gear=_gear_mat,
        moves=frozenset({"trunk", "arm", "fore"}),
        card=2,
        steps={1: 1, 2: 1, 3: 2, 4: 2, 5: 1},
        positions=(
            Position(
                _("Start: kneeling, big toes together, sitting back toward the heels"),
                Pose(
                    lower=-88,
                    upper=-90,
                    thigh=22,
                    shin=180,
                    foot=180,
                    hand=(108, 140),
                    pin="knee",
                    at=(112, FLOOR - 4),
                ),
                move=2,
                hold=1,
            ),
            Position(
                _("The stretch: hips to the heels, chest down, arms long, forehead on the mat"),
                Pose(
                    lower=-5,
                    upper=8,
                    neck=22,
                    thigh=22,
                    shin=180,
                    foot=180,
                    hand=(162, 155),
                    pin="knee",
                    at=(112, FLOOR - 4),
                ),
                move=4,
                hold=6,
            ),
        ),
    ),
    Drawing(
        slug="thoracic-extension",
        view="side",
        gear=_gear_chair,
        moves=frozenset({"trunk"}),
        card=2,
        steps={1: 1, 2: 1, 3: 2, 4: 2},
        note=_("Sitting on a chair."),
        positions=(
            Position(
                _("Start: sitting tall, fingers laced behind the head, elbows forward"),
                Pose(
                    upper=-88,
                    neck=-88,
                    arm=-55,
                    fore=175,
                    thigh=0,
                    shin=90,
                    pin="hip",
                    at=(70, 127),
                ),
                move=2,
                hold=1,
            ),
            Position(
                _("The upper back arches over the chair back, chest toward the ceiling, ribs down"),
                Pose(
                    lower=-92,
                    upper=-118,
                    neck=-128,
                    arm=-83,
                    fore=147,
                    thigh=0,
                    shin=90,
                    pin="hip",
                    at=(70, 127),
                ),
                move=2,
                hold=4,
            ),
        ),
    ),
    Drawing(
        slug="seated-spinal-twist",
        view="side",
        gear=_gear_mat,
        moves=frozenset({"trunk", "arm", "fore"}),
        card=2,
        steps={1: 1, 2: 2, 3: 2, 4: 2, 5: 1},
        positions=(
            Position(
                _("Start: sitting tall on the mat, both legs straight out in front"),
                Pose(
                    thigh=0,
                    shin=0,
                    foot=-80,
                    hand=(68, 156),
                    hand2=(68, 156),
                    pin="hip",
                    at=(62, 150),
                ),
                move=2,
                hold=1,
            ),
            Position(
                _(
                    "The twist: one knee up with the foot outside the other thigh; the chest "
                    "turns toward the knee, the opposite arm hugs it, the other hand is on the "
                    "floor behind"
                ),
                Pose(
                    upper=-95,
                    neck=-100,
                    thigh=-50,
                    shin=82,
                    foot=0,
                    thigh2=0,
                    shin2=0,
                    foot2=-80,
                    hand=(40, 156),
                    hand2=(90, 126),
                    pin="hip",
                    at=(62, 150),
                ),
                move=3,
                hold=5,
            ),
        ),
    ),
    Drawing(
        slug="thread-the-needle",
        view="side",
        gear=_gear_mat,
        moves=frozenset({"trunk", "arm", "fore", "head"}),
        card=3,
        steps={1: 1, 2: 2, 3: 3, 4: 3},
        positions=(
            Position(
                _("Start: on hands and knees, wrists under the shoulders, knees under the hips"),
                Pose(shoulder_at=(94.5, 117.5), neck=15, **TABLE),
                move=2,
                hold=1,
            ),
            Position(
                _("One hand lifts and slides, palm up, under the chest"),
                Pose(
                    shoulder_at=(93, 122),
                    neck=30,
                    **{**TABLE, "hand": (84, 148)},
                    hand2=(95, FLOOR - 3),
                ),
                move=2,
                hold=0.5,
            ),
            Position(
                _(
                    "The reach: that shoulder and the side of the head rest on the mat, "
                    "the hips stay over the knees"
                ),
                Pose(
                    shoulder_at=(90, 140),
                    neck=46,
                    **{**TABLE, "hand": (78, 156)},
                    hand2=(100, FLOOR - 3),
                ),
                move=2,
                hold=4,
            ),
        ),
    ),
    Drawing(
        slug="side-bend",
        view="front",
        gear=_gear_none,
        moves=frozenset({"trunk", "arm", "fore"}),
        card=3,
        steps={1: 1, 2: 2, 3: 3, 4: 3},
        note=_("Seen from the front."),
        positions=(
            Position(
                _("Start: standing tall, feet hip-width apart, knees soft"),
                Pose(arm=84, fore=88, arm2=96, fore2=92, pin="hip", at=(100, 99), **FRONT_LEGS),
                move=2,
                hold=1,
            ),
            Position(
                _("One arm reaches overhead, the other hand rests on the thigh"),
                Pose(arm=-84, fore=-88, arm2=100, fore2=82, pin="hip", at=(100, 99), **FRONT_LEGS),
                move=2,
                hold=0.5,
            ),
            Position(
                _(
                    "The bend: sideways toward the lower hand, the top arm over the head, "
                    "no twisting or leaning forward"
                ),
                Pose(
                    lower=-95,
                    upper=-115,
                    neck=-122,
                    arm=-118,
                    fore=-150,
                    arm2=108,
                    fore2=96,
                    pin="hip",
                    at=(100, 99),
                    **FRONT_LEGS,
                ),
                move=3,
                hold=5,
            ),
        ),
    ),
    Drawing(
        slug="doorway-chest-stretch",
        view="side",
        gear=_gear_doorway,
        moves=frozenset({"trunk", "arm"}),
        card=2,
        steps={1: 1, 2: 2, 3: 2, 4: 2, 5: 1},
        note=_("Seen from the side: the door frame is behind the arms."),
        positions=(
            Position(
                _("Start: in the doorway, forearms on the frame, elbows at shoulder height"),
                Pose(arm=180, fore=-90, thigh2=92, shin2=90, pin="hip", at=(123, 99)),
                move=2,
                hold=1,
            ),
            Position(
                _(
                    "The stretch: one foot steps through and the chest moves forward, opening "
                    "the chest and the front of the shoulders"
                ),
                Pose(
                    lower=-80,
                    upper=-80,
                    neck=-84,
                    arm=180,
                    fore=-90,
                    thigh=72,
                    shin=92,
                    thigh2=104,
                    shin2=96,
                    pin="hip",
                    at=(118, 100),
                ),
                move=3,
                hold=6,
            ),
        ),
    ),
    Drawing(
        slug="wide-grip-lat-pulldown",
        view="side",
        gear=_gear_pulldown,
        moves=frozenset({"arm", "fore"}),
        card=2,
        steps={1: 1, 2: 1, 3: 2, 4: 1},
        positions=(
            Position(
                _("Start: seated under the thigh pad, arms straight up holding the wide bar"),
                Pose(
                    lower=-98,
                    upper=-100,
                    neck=-92,
                    thigh=0,
                    shin=90,
                    hand=(93, 56),
                    elbow_bend=1,
                    pin="hip",
                    at=(88, 127),
                ),
                move=3,
                hold=0.5,
            ),
            Position(
                _("The pull: shoulder blades down and back, the bar comes to the upper chest"),
                Pose(
                    lower=-100,
                    upper=-104,
                    neck=-90,
                    thigh=0,
                    shin=90,
                    arm=95,
                    fore=-62,
                    pin="hip",
                    at=(88, 127),
                ),
                move=2,
                hold=1,
            ),
        ),
    ),
    Drawing(
        slug="row",
        view="side",
        gear=_gear_row,
        moves=frozenset({"arm", "fore"}),
        card=2,
        steps={1: 1, 2: 1, 3: 2, 4: 2, 5: 1},
        note=_("The seated cable row."),
        positions=(
            Position(
                _("Start: seated, knees slightly bent, back flat, arms long toward the cable"),
                Pose(
                    lower=-80,
                    upper=-76,
                    neck=-78,
                    thigh=-12,
                    shin=20,
                    hand=(116, 119),
                    pin="hip",
                    at=(70, 137),
                ),
                move=3,
                hold=0.5,
            ),
            Position(
                _(
                    "The pull: the handle comes to the lower ribs, elbows back, shoulder "
                    "blades squeezed"
                ),
                Pose(thigh=-12, shin=20, arm=118, fore=-4, pin="hip", at=(70, 137)),
                move=2,
                hold=1,
            ),
        ),
    ),
    Drawing(
        slug="face-pull",
        view="side",
        gear=_gear_face_pull,
        moves=frozenset({"arm", "fore"}),
        card=2,
        steps={1: 1, 2: 1, 3: 2, 4: 2, 5: 1},
        positions=(
            Position(
                _("Start: standing tall, arms straight toward the rope, set at about head height"),
                Pose(thigh=86, thigh2=98, shin2=88, hand=(128, 53), pin="hip", at=(88, 99)),
                move=3,
                hold=0.5,
            ),
            Position(
                _(
                    "The pull: the rope comes toward the face, elbows high and out, hands "
                    "apart, shoulder blades squeezed"
                ),
                Pose(
                    thigh=86,
                    thigh2=98,
                    shin2=88,
                    arm=-15,
                    fore=-120,
                    pin="hip",
                    at=(88, 99),
                ),
                move=2,
                hold=1,
            ),
        ),
    ),
    Drawing(
        slug="t-bar-row",
        view="side",
        gear=_gear_t_bar,
        moves=frozenset({"arm", "fore"}),
        card=2,
        steps={1: 1, 2: 1, 3: 2, 4: 2},
        positions=(
            Position(
                _("Start: standing over the bar, hinged at the hips, back flat, arms straight"),
                Pose(
                    lower=-25,
                    upper=-24,
                    neck=-20,
                    thigh=70,
                    shin=100,
                    hand=(120, 126),
                    pin="ankle",
                    at=(96, FLOOR - 4),
                ),
                move=3,
                hold=0.5,
            ),
            Position(
                _(
                    "The pull: the bar comes toward the chest, elbows close, shoulder blades "
                    "squeezed"
                ),
                Pose(
                    lower=-25,
                    upper=-24,
                    neck=-20,
                    thigh=70,
                    shin=100,
                    hand=(116, 100),
                    pin="ankle",
                    at=(96, FLOOR - 4),
                ),
                move=1.5,
                hold=1,
            ),
        ),
    ),
    Drawing(
        slug="reverse-fly",
        view="front",
        gear=_gear_reverse_fly,
        moves=frozenset({"arm", "fore"}),
        card=2,
        steps={1: 1, 2: 1, 3: 2, 4: 2},
        note=_("Seen from behind, chest on an incline bench."),
        positions=(
            Position(
                _(
                    "Start: face down on the incline bench, light dumbbells hanging below the "
                    "shoulders, elbows soft"
                ),
                Pose(arm=86, fore=96, arm2=94, fore2=84, pin="hip", at=(100, 99), **FRONT_LEGS),
                move=3,
                hold=0.5,
            ),
            Position(
                _(
                    "The raise: arms out to the sides under control to about body level, "
                    "shoulder blades squeezed"
                ),
                Pose(arm=4, fore=14, arm2=176, fore2=166, pin="hip", at=(100, 99), **FRONT_LEGS),
                move=2,
                hold=1,
            ),
        ),
    ),
    Drawing(
        slug="deadlift",
        view="side",
        gear=_gear_deadlift,
        moves=frozenset({"trunk", "thigh"}),
        card=1,
        steps={1: 1, 2: 1, 3: 1, 4: 2, 5: 2},
        positions=(
            Position(
                _(
                    "Start: bar over the middle of the feet, hinged at the hips, knees bent, "
                    "back flat, arms straight"
                ),
                Pose(
                    lower=-25,
                    upper=-25,
                    neck=-20,
                    thigh=15,
                    shin=105,
                    hand=(97, 146),
                    pin="ankle",
                    at=(92, FLOOR - 4),
                ),
                move=2,
                hold=0.5,
            ),
            Position(
                _(
                    "The lift: pushing the floor away, standing tall with the bar close, no "
                    "leaning back"
                ),
                Pose(hand=(95, 105), pin="ankle", at=(92, FLOOR - 4)),
                move=2,
                hold=1,
            ),
        ),
    ),
    Drawing(
        slug="back-extension",
        view="side",
        gear=_gear_back_extension,
        moves=frozenset({"trunk"}),
        card=2,
        steps={1: 1, 2: 1, 3: 2, 4: 2},
        positions=(
            Position(
                _(
                    "Start: hips on the pad, heels hooked, arms crossed, bent forward at the "
                    "hips with a flat back"
                ),
                Pose(
                    lower=70,
                    upper=70,
                    neck=70,
                    thigh=158,
                    shin=158,
                    foot=-70,
                    hand=(89, 132),
                    elbow_bend=1,
                    pin="hip",
                    at=(84, 104),
                ),
                move=3,
                hold=0.5,
            ),
            Position(
                _(
                    "The lift: glutes squeezed, the body rises to a straight line with the legs, "
                    "no higher"
                ),
                Pose(
                    lower=-22,
                    upper=-22,
                    neck=-22,
                    thigh=158,
                    shin=158,
                    foot=-70,
                    hand=(112, 98),
                    elbow_bend=1,
                    pin="hip",
                    at=(84, 104),
                ),
                move=2,
                hold=1,
            ),
        ),
    ),
    Drawing(
        slug="pull-up",
        view="side",
        gear=_gear_pull_up,
        moves=frozenset({"arm", "fore"}),
        card=2,
        steps={1: 1, 2: 1, 3: 2, 4: 1},
        positions=(
            Position(
                _("Start: hanging from the bar with straight arms, legs still"),
                Pose(
                    upper=-92,
                    thigh=95,
                    shin=135,
                    foot=40,
                    hand=(94, 24),
                    elbow_bend=1,
                    pin="hip",
                    at=(92, 100),
                ),
                move=2,
                hold=0.5,
            ),
            Position(
                _("The pull: chest toward the bar until the chin clears it, no swinging"),
                Pose(
                    lower=-95,
                    upper=-100,
                    neck=-88,
                    thigh=95,
                    shin=135,
                    foot=40,
                    hand=(96, 24),
                    elbow_bend=1,
                    pin="hip",
                    at=(90, 62),
                ),
                move=2,
                hold=1,
            ),
        ),
    ),
]

BY_SLUG = {drawing.slug: drawing for drawing in DRAWINGS}


def drawing_for(slug):
    return BY_SLUG.get(slug)


# Rendering.


def _n(value):
    text = f"{value:.1f}"
    text = text[:-2] if text.endswith(".0") else text
    return "0" if text == "-0" else text


def _line_d(points):
    return "M" + "L".join(f"{_n(x)} {_n(y)}" for x, y in points)


def _circle_d(centre, r):
    x, y = centre
    return f"M{_n(x - r)} {_n(y)}a{r} {r} 0 1 0 {2 * r} 0a{r} {r} 0 1 0 {-2 * r} 0"


def _rect_d(x, y, w, h, r):
    return (
        f"M{_n(x + r)} {_n(y)}h{_n(w - 2 * r)}a{r} {r} 0 0 1 {r} {r}v{_n(h - 2 * r)}"
        f"a{r} {r} 0 0 1 {-r} {r}h{_n(2 * r - w)}a{r} {r} 0 0 1 {-r} {-r}"
        f"v{_n(2 * r - h)}a{r} {r} 0 0 1 {r} {-r}z"
    )


def _trunk_d(j):
    # A curve from hip to shoulders through the mid-back, so rounding and arching show.
    hip, mid, shoulder = j["hip"], j["mid"], j["shoulder"]
    control = (2 * mid[0] - (hip[0] + shoulder[0]) / 2, 2 * mid[1] - (hip[1] + shoulder[1]) / 2)
    return (
        f"M{_n(hip[0])} {_n(hip[1])}Q{_n(control[0])} {_n(control[1])} "
        f"{_n(shoulder[0])} {_n(shoulder[1])}"
    )


def _shapes(drawing, pose):
    """[(key, attributes, path data, points)] in drawing order, the same for every pose."""
    j = pose.joints()
    front = drawing.view == "front"
    far = INK if front else FAR

    def colour(segment, base):
        return MOVES if segment in drawing.moves else base

    shapes = []
    for index, shape in enumerate(drawing.gear(j)):
        kind = shape[0]
        if kind == "line":
            _, width, stroke, *points = shape
            attrs = f'stroke="{stroke}" stroke-width="{width}"'
            shapes.append((f"g{index}", attrs, _line_d(points), points))
        elif kind in ("rect", "mat"):
            _, fill, x, y, w, h, r = shape
            box = [(x, y), (x + w, y + h)] if kind == "rect" else []
            shapes.append((f"g{index}", f'fill="{fill}"', _rect_d(x, y, w, h, r), box))
        else:
            _, fill, (x, y), r = shape
            box = [(x - r, y - r), (x + r, y + r)]
            shapes.append((f"g{index}", f'fill="{fill}"', _circle_d((x, y), r), box))

    def limb(key, segment, base, start, end):
        attrs = f'stroke="{colour(segment, base)}" stroke-width="{WIDTHS[segment]}"'
        points = [j[start], j[end]]
        shapes.append((key, attrs, _line_d(points), points))

    # The far side first, so the near side is drawn over it.
    limb("thigh2", "thigh", far, "hip2", "knee2")
    limb("shin2", "shin", far, "knee2", "ankle2")
    limb("foot2", "foot", far, "ankle2", "toe2")
    limb("arm2", "arm", far, "shoulder2", "elbow2")
    limb("fore2", "fore", far, "elbow2", "hand2")
    trunk = colour("trunk", INK)
    width = WIDTHS["trunk"] + (6 if front else 0)
    attrs = f'stroke="{trunk}" stroke-width="{width}"'
    shapes.append(("trunk", attrs, _trunk_d(j), [j["hip"], j["mid"], j["shoulder"]]))
    if front:  # shoulders and hips get their width
        for key, left, right in (("hips", "hip1", "hip2"), ("shoulders", "shoulder1", "shoulder2")):
            attrs = f'stroke="{trunk}" stroke-width="9"'
            points = [j[left], j[right]]
            shapes.append((key, attrs, _line_d(points), points))
    neck_end = point(j["shoulder"], _angle_between(j["shoulder"], j["head"]), 7)
    attrs = f'stroke="{trunk}" stroke-width="6"'
    shapes.append(("neck", attrs, _line_d([j["shoulder"], neck_end]), [neck_end]))
    head = j["head"]
    box = [(head[0] - HEAD, head[1] - HEAD), (head[0] + HEAD, head[1] + HEAD)]
    shapes.append(("head", f'fill="{colour("head", INK)}"', _circle_d(head, HEAD), box))
    limb("thigh", "thigh", INK, "hip1", "knee")
    limb("shin", "shin", INK, "knee", "ankle")
    limb("foot", "foot", INK, "ankle", "toe")
    limb("arm", "arm", INK, "shoulder1", "elbow")
    limb("fore", "fore", INK, "elbow", "hand")
    return shapes


def _view_box(frames):
    """The part of the page the drawing uses, with a margin, always WIDTH:HEIGHT in shape."""
    points = [p for shapes in frames for *_, pts in shapes for p in pts]
    xs, ys = [p[0] for p in points], [min(p[1], FLOOR) for p in points]
    margin = 12
    left, right = min(xs) - margin, max(xs) + margin
    top, bottom = min(ys) - margin, FLOOR + 6
    width, height = right - left, bottom - top
    if width / height < WIDTH / HEIGHT:
        width = height * WIDTH / HEIGHT
        left = (min(xs) + max(xs)) / 2 - width / 2
    else:
        height = width * HEIGHT / WIDTH
        top = bottom - height
    return left, top, width, height


def _document(title, box, body):
    x, y, w, h = (_n(value) for value in box)
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="{x} {y} {w} {h}" '
        f'width="{WIDTH}" height="{HEIGHT}" role="img">'
        f"<title>{_escape(title)}</title>"
        f'<rect x="{x}" y="{y}" width="{w}" height="{h}" fill="{BACKGROUND}"/>'
        f'<path d="M{x} {FLOOR}h{w}" stroke="{GEAR_FILL}" stroke-width="2"/>'
        # Attributes, not a <style> element: the site's CSP (style-src) also covers this file.
        '<g fill="none" stroke-linecap="round" stroke-linejoin="round">'
        f"{body}</g></svg>\n"
    )


def _escape(text):
    return str(text).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _box_for(drawing):
    return _view_box([_shapes(drawing, pose) for _, pose in _timeline(drawing)[0]])


def render_still(drawing, number):
    position = drawing.positions[number - 1]
    shapes = _shapes(drawing, position.pose)
    body = "".join(f'<path {attrs} d="{d}"/>' for _, attrs, d, _ in shapes)
    return _document(position.caption, _box_for(drawing), body)


FRAMES_PER_MOVE = 6


def _timeline(drawing):
    """[(fraction of the cycle, pose)]: eased in-between poses for each move, then a hold."""
    positions = drawing.positions
    frames = [(0.0, positions[0].pose)]
    clock = 0.0
    previous = positions[0]
    # Around and back to the start; the start's own hold comes last.
    for target in [*positions[1:], positions[0]]:
        for step in range(1, FRAMES_PER_MOVE + 1):
            t = step / FRAMES_PER_MOVE
            eased = t * t * (3 - 2 * t)
            frames.append((clock + target.move * t, previous.pose.blend(target.pose, eased)))
        clock += target.move
        if target.hold:
            clock += target.hold
            frames.append((clock, target.pose))
        previous = target
    return [(time / clock, pose) for time, pose in frames], clock


def render_animation(drawing):
    timeline, total = _timeline(drawing)
    key_times = ";".join(f"{time:.3f}".rstrip("0").rstrip(".") or "0" for time, _ in timeline)
    frames = [_shapes(drawing, pose) for _, pose in timeline]
    body = []
    for index, (_key, attrs, d, _points) in enumerate(frames[0]):
        values = [frame[index][2] for frame in frames]
        if len(set(values)) == 1:
            body.append(f'<path {attrs} d="{d}"/>')
            continue
        body.append(
            f'<path {attrs} d="{d}"><animate attributeName="d" dur="{_n(total)}s" '
            f'repeatCount="indefinite" keyTimes="{key_times}" values="{";".join(values)}"/>'
            "</path>"
        )
    return _document(drawing.animation_alt(), _view_box(frames), "".join(body))


def rendered_files():
    """{static path: SVG text}: for each drawing an animation and a still per position."""
    files = {}
    for drawing in DRAWINGS:
        files[drawing.animation_name] = render_animation(drawing)
        for number in range(1, len(drawing.positions) + 1):
            files[drawing.still_name(number)] = render_still(drawing, number)
    return files


def static_root():
    return Path(settings.BASE_DIR) / "static"
