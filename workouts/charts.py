"""Geometry for the small server-rendered SVG charts (templates/includes/chart-*.html).

Only numbers and labels are computed here; colours and fonts come from static/css/progress.css
so the charts follow the light and dark themes and need no style attributes.
"""

import math
from dataclasses import dataclass, field

WIDTH = 360
HEIGHT = 200
LEFT = 34
RIGHT = 18
TOP = 12
BOTTOM = 30
PLOT_W = WIDTH - LEFT - RIGHT
PLOT_H = HEIGHT - TOP - BOTTOM
MAX_X_LABELS = 6
LINE_INSET = 10  # keeps the first and last points (and their labels) off the edges


def nice_ceiling(value):
    """The next "round" number at or above value: 1, 2, 2.5, 5 or 10 times a power of 10."""
    if value <= 0:
        return 1
    power = 10 ** math.floor(math.log10(value))
    for step in (1, 2, 2.5, 5, 10):
        if value <= step * power:
            nice = step * power
            return int(nice) if nice == int(nice) else nice
    return 10 * power


def short_number(value):
    value = float(value)
    if value >= 10000:
        return f"{value / 1000:.0f}k"
    if value >= 1000:
        return f"{value / 1000:.1f}k".replace(".0k", "k")
    return f"{value:g}"


def _y(value, top):
    return round(TOP + PLOT_H - (float(value) / top) * PLOT_H, 1)


def _ticks(top, integer=False):
    if integer and top <= 10:
        step = 1 if top <= 5 else 2
        values = list(range(0, int(top) + 1, step))
    else:
        values = [0, top / 2, top]
    return [Tick(_y(v, top), short_number(v)) for v in values]


def _x_labels(labels, centres):
    every = max(1, math.ceil(len(labels) / MAX_X_LABELS))
    # Keep the last (most recent) label: count back from it.
    last = len(labels) - 1
    return [Tick(centres[i], labels[i]) for i in range(len(labels)) if (last - i) % every == 0]


@dataclass
class Tick:
    at: float
    label: str


@dataclass
class Bar:
    x: float
    y: float
    width: float
    height: float
    text: str
    highlight: bool = False


@dataclass
class Point:
    x: float
    y: float
    text: str

    @property
    def corner_x(self):
        return round(self.x - 3.5, 1)

    @property
    def corner_y(self):
        return round(self.y - 3.5, 1)


@dataclass
class Series:
    name: str
    css: str
    marker: str  # "circle" or "square"
    points: list = field(default_factory=list)
    segments: list = field(default_factory=list)  # polyline "x,y x,y" strings


@dataclass
class Chart:
    id: str
    title: str
    desc: str
    y_ticks: list
    x_labels: list
    bars: list = field(default_factory=list)
    series: list = field(default_factory=list)
    target_y: float | None = None
    target_text: str = ""
    width: int = WIDTH
    height: int = HEIGHT
    left: int = LEFT
    right_edge: int = WIDTH - RIGHT
    baseline: float = TOP + PLOT_H

    @property
    def tick_x(self):
        return self.left - 4

    @property
    def label_y(self):
        return self.baseline + 16

    @property
    def is_empty(self):
        return not self.bars and not any(s.points for s in self.series)


def bar_chart(
    *, id, title, desc, labels, values, texts, target=None, target_text="", integer=False
):
    """Vertical bars, one per label; an optional dashed target line across them."""
    highest = max([float(v) for v in values] + [float(target or 0)], default=0)
    top = nice_ceiling(highest * (1.1 if target else 1))
    if integer:
        top = max(math.ceil(top), 1)
    slot = PLOT_W / max(len(values), 1)
    width = round(slot * 0.7, 1)
    bars = []
    centres = []
    for i, (value, text) in enumerate(zip(values, texts, strict=True)):
        x = LEFT + i * slot + (slot - width) / 2
        y = _y(value, top)
        bars.append(
            Bar(
                round(x, 1),
                y,
                width,
                round(TOP + PLOT_H - y, 1),
                text,
                highlight=bool(target) and value >= target,
            )
        )
        centres.append(round(x + width / 2, 1))
    return Chart(
        id=id,
        title=title,
        desc=desc,
        y_ticks=_ticks(top, integer),
        x_labels=_x_labels(labels, centres),
        bars=bars,
        target_y=_y(target, top) if target else None,
        target_text=target_text,
    )


def line_chart(*, id, title, desc, labels, series, top=None):
    """Lines over evenly spaced labels; None values leave a gap in the line.

    `series` is a list of (name, css class, marker, values, texts).
    """
    every_value = [float(v) for *_rest, values, _texts in series for v in values if v is not None]
    top = top or nice_ceiling(max(every_value, default=1))
    count = len(labels)
    width = PLOT_W - 2 * LINE_INSET
    step = width / (count - 1) if count > 1 else 0
    centres = [
        round(LEFT + LINE_INSET + (i * step if count > 1 else width / 2), 1) for i in range(count)
    ]
    drawn = []
    for name, css, marker, values, texts in series:
        line = Series(name, css, marker)
        segment = []
        for x, value, text in zip(centres, values, texts, strict=True):
            if value is None:
                if segment:
                    line.segments.append(" ".join(segment))
                segment = []
                continue
            point = Point(x, _y(value, top), text)
            line.points.append(point)
            segment.append(f"{point.x},{point.y}")
        if segment:
            line.segments.append(" ".join(segment))
        drawn.append(line)
    return Chart(
        id=id,
        title=title,
        desc=desc,
        y_ticks=_ticks(top, integer=True),
        x_labels=_x_labels(labels, centres),
        series=drawn,
    )
