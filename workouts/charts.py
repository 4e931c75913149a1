"""The small server-rendered SVG charts (templates/includes/chart-*.html) and their data.

Only numbers and labels are computed here; colours and fonts come from static/css/progress.css
so the charts follow the light and dark themes and need no style attributes.
"""

import math
from dataclasses import dataclass, field
from datetime import timedelta
from html import escape

from django.utils import timezone
from django.utils.formats import date_format
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy as _

from accounts import weights
from workouts.progress import average, day_label, measures_hold

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
    """One label per distinct value: points in a row with the same label (two sessions on
    one day) share one label, centred under them."""
    groups = []
    for label, x in zip(labels, centres, strict=True):
        if groups and groups[-1][0] == label:
            groups[-1][1].append(x)
        else:
            groups.append((label, [x]))
    every = max(1, math.ceil(len(groups) / MAX_X_LABELS))
    # Keep the last (most recent) label: count back from it.
    last = len(groups) - 1
    return [
        Tick(round(sum(xs) / len(xs), 1), label)
        for i, (label, xs) in enumerate(groups)
        if (last - i) % every == 0
    ]


def _day_and_time(moment):
    """ "1 Dec, 08:30": tells apart two sessions on one day."""
    return date_format(moment, "j M, H:i")


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
class Band:
    """A shaded stretch of the plot behind the data: a flare-up."""

    x: float
    width: float
    text: str


@dataclass
class Series:
    name: str
    css: str
    marker: str  # "circle", "square" or "diamond"
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
    bands: list = field(default_factory=list)
    width: int = WIDTH
    height: int = HEIGHT
    left: int = LEFT
    right_edge: int = WIDTH - RIGHT
    baseline: float = TOP + PLOT_H

    @property
    def tick_x(self):
        return self.left - 4

    @property
    def plot_top(self):
        return TOP

    @property
    def plot_height(self):
        return PLOT_H

    @property
    def label_y(self):
        return self.baseline + 16

    @property
    def is_empty(self):
        return not self.bars and not any(s.points for s in self.series)

    @property
    def svg(self):
        """The chart's <svg>, written here rather than in a template: a year of weeks is
        hundreds of numbers, and the template engine's cost per value was most of the
        progress page's time. Every text is escaped; the legend stays in the templates."""
        e = escape
        left, right = self.left, self.right_edge
        out = [
            f'<svg class="chart" viewBox="0 0 {self.width} {self.height}" role="img" '
            f'aria-labelledby="{e(self.id)}-title {e(self.id)}-desc" focusable="false">\n'
            f'  <title id="{e(self.id)}-title">{e(str(self.title))}</title>\n'
            f'  <desc id="{e(self.id)}-desc">{e(str(self.desc))}</desc>\n  <g class="chart-grid">'
        ]
        for tick in self.y_ticks:
            out.append(
                f'<line x1="{left}" x2="{right}" y1="{tick.at}" y2="{tick.at}"/>\n'
                f'    <text class="chart-tick" x="{self.tick_x}" y="{tick.at}" text-anchor="end" '
                f'dominant-baseline="middle">{e(str(tick.label))}</text>'
            )
        out.append("\n  </g>\n  ")
        for band in self.bands:
            out.append(
                f'<rect class="chart-flare" x="{band.x}" y="{self.plot_top}" width="{band.width}" '
                f'height="{self.plot_height}"><title>{e(str(band.text))}</title></rect>'
            )
        for bar in self.bars:
            css = "chart-bar chart-bar-met" if bar.highlight else "chart-bar"
            out.append(
                f'<rect class="{css}" x="{bar.x}" y="{bar.y}" width="{bar.width}" '
                f'height="{bar.height}" rx="2"><title>{e(str(bar.text))}</title></rect>\n  '
            )
        for line in self.series:
            out.append(f'<g class="chart-series {e(line.css)}">\n    ')
            out += [f'<polyline points="{e(segment)}" fill="none"/>' for segment in line.segments]
            for point in line.points:
                if line.marker == "square":
                    out.append(
                        f'<rect x="{point.corner_x}" y="{point.corner_y}" width="7" height="7">'
                        f"<title>{e(str(point.text))}</title></rect>"
                    )
                elif line.marker == "diamond":
                    out.append(
                        f'<rect class="marker-diamond" x="{point.corner_x}" y="{point.corner_y}" '
                        f'width="7" height="7" transform="rotate(45 {point.x} {point.y})">'
                        f"<title>{e(str(point.text))}</title></rect>"
                    )
                else:
                    out.append(
                        f'<circle cx="{point.x}" cy="{point.y}" r="4">'
                        f"<title>{e(str(point.text))}</title></circle>"
                    )
            out.append("\n  </g>\n  ")
        if self.target_y is not None:
            out.append(
                f'<line class="chart-target" x1="{left}" x2="{right}" y1="{self.target_y}" '
                f'y2="{self.target_y}"><title>{e(str(self.target_text))}</title></line>'
            )
        out.append(
            f'\n  <g class="chart-axis">\n    <line x1="{left}" x2="{right}" '
            f'y1="{self.baseline}" y2="{self.baseline}"/>\n    '
        )
        for tick in self.x_labels:
            out.append(
                f'<text class="chart-tick" x="{tick.at}" y="{self.label_y}" '
                f'text-anchor="middle">{e(str(tick.label))}</text>'
            )
        out.append("\n  </g>\n</svg>")
        return mark_safe("".join(out))  # noqa: S308 - every text above is escaped


def bar_chart(
    *,
    id,
    title,
    desc,
    labels,
    values,
    texts,
    target=None,
    target_text="",
    integer=False,
    shaded=(),
    shade_text="",
):
    """Vertical bars, one per label; an optional dashed target line across them.

    `shaded` holds the indexes of slots to shade behind their bars (flare-up weeks).
    """
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
        bands=[Band(round(LEFT + i * slot, 1), round(slot, 1), shade_text) for i in shaded],
        target_y=_y(target, top) if target else None,
        target_text=target_text,
    )


def line_chart(*, id, title, desc, labels, series, top=None, shaded=(), shade_text=""):
    """Lines over evenly spaced labels; None values leave a gap in the line.

    `series` is a list of (name, css class, marker, values, texts). `shaded` holds the indexes
    of points to shade behind (flare-up days); neighbours share one band.
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
        bands=_point_bands(centres, step, shaded, shade_text),
    )


def _runs(indexes):
    """Consecutive runs of sorted indexes: [1, 2, 3, 7] gives (1, 3) and (7, 7)."""
    runs = []
    for i in sorted(indexes):
        if runs and i == runs[-1][1] + 1:
            runs[-1][1] = i
        else:
            runs.append([i, i])
    return runs


def _point_bands(centres, step, shaded, text):
    half = (step or LINE_INSET * 2) / 2
    bands = []
    for first, last in _runs(shaded):
        x = max(LEFT, centres[first] - half)
        end = min(WIDTH - RIGHT, centres[last] + half)
        bands.append(Band(round(x, 1), round(end - x, 1), text))
    return bands


FLARE_TEXT = _("Flare-up")


def flare_weeks(stats, flare_ups):
    """Indexes of the weeks (WeekStat, Monday first) with a flare-up day in them."""
    return [
        i
        for i, s in enumerate(stats)
        if any(
            f.started_on <= s.week + timedelta(days=6) and f.last_day >= s.week for f in flare_ups
        )
    ]


# Charts of a person's training -----------------------------------------------------------


def _week_label(monday):
    return day_label(monday, "j M")


def sessions_chart(stats, target, id="sessions-chart", flare_ups=()):
    met = sum(1 for s in stats if s.met_target)
    total = sum(s.sessions for s in stats)
    return bar_chart(
        id=id,
        title=_("Sessions per week"),
        desc=_(
            "%(total)s sessions over %(weeks)s weeks against a target of %(target)s a week; "
            "the target was met in %(met)s of them."
        )
        % {"total": total, "weeks": len(stats), "target": target, "met": met},
        labels=[_week_label(s.week) for s in stats],
        values=[s.sessions for s in stats],
        texts=[
            _("Week of %(week)s: %(n)s sessions") % {"week": _week_label(s.week), "n": s.sessions}
            for s in stats
        ],
        target=target,
        target_text=_("Target: %(n)s a week") % {"n": target},
        integer=True,
        shaded=flare_weeks(stats, flare_ups),
        shade_text=FLARE_TEXT,
    )


def volume_chart(stats, unit, id="volume-chart"):
    """Volume per week, converted from stored kg to the person's unit."""
    total = sum(s.volume for s in stats)
    busiest = max(stats, key=lambda s: s.volume, default=None)
    desc = _("%(total)s %(unit)s lifted in all (reps times weight) over %(weeks)s weeks.") % {
        "total": weights.weight_text(total, unit),
        "unit": unit,
        "weeks": len(stats),
    }
    if busiest and busiest.volume:
        desc += " " + _("The most was in the week of %(week)s: %(volume)s %(unit)s.") % {
            "week": _week_label(busiest.week),
            "volume": weights.weight_text(busiest.volume, unit),
            "unit": unit,
        }
    return bar_chart(
        id=id,
        title=_("Strength volume per week (%(unit)s)") % {"unit": unit},
        desc=desc,
        labels=[_week_label(s.week) for s in stats],
        values=[weights.from_kg(s.volume, unit) for s in stats],
        texts=[
            _("Week of %(week)s: %(volume)s %(unit)s")
            % {
                "week": _week_label(s.week),
                "volume": weights.weight_text(s.volume, unit),
                "unit": unit,
            }
            for s in stats
        ],
    )


def hold_chart(stats, id="hold-chart"):
    total = sum(s.hold_seconds for s in stats)
    return bar_chart(
        id=id,
        title=_("Stretch hold time per week (minutes)"),
        desc=_("%(minutes)s minutes of held stretches over %(weeks)s weeks.")
        % {"minutes": weights.plain(round(total / 60, 1)), "weeks": len(stats)},
        labels=[_week_label(s.week) for s in stats],
        values=[s.hold_minutes for s in stats],
        texts=[
            _("Week of %(week)s: %(minutes)s minutes")
            % {"week": _week_label(s.week), "minutes": weights.plain(s.hold_minutes)}
            for s in stats
        ],
    )


def pain_chart(points, id="pain-chart", flare_ups=()):
    sessions = [p for p in points if p.is_session]
    days = [p for p in points if not p.is_session]
    before = average(p.before for p in sessions)
    after = average(p.after for p in sessions)
    if points:
        desc = _(
            "Pain on a 0 to 10 scale over %(n)s sessions: on average %(before)s before and "
            "%(after)s after."
        ) % {
            "n": len(sessions),
            "before": _("not recorded") if before is None else before,
            "after": _("not recorded") if after is None else after,
        }
        if days:
            desc += " " + _(
                "%(n)s ratings on their own (check-ins and notes), on average %(day)s."
            ) % {"n": len(days), "day": average(p.on_day for p in days)}
    else:
        desc = _("No pain ratings in this period.")
    # Naive times in the person's zone, so remembered labels never cross zones.
    labels = [day_label(p.day, "j M") for p in points]
    moments = [day_label(p.at, "j M, H:i") for p in points]
    series = [
        (
            _("Before"),
            "series-before",
            "circle",
            [p.before for p in points],
            [
                _("%(day)s: before %(n)s") % {"day": d, "n": p.before}
                for d, p in zip(moments, points, strict=True)
            ],
        ),
        (
            _("After"),
            "series-after",
            "square",
            [p.after for p in points],
            [
                _("%(day)s: after %(n)s") % {"day": d, "n": p.after}
                for d, p in zip(moments, points, strict=True)
            ],
        ),
    ]
    if days:
        series.append(
            (
                _("Check-ins and notes"),
                "series-day",
                "diamond",
                [p.on_day for p in points],
                [
                    _("%(day)s: %(n)s on the day") % {"day": d, "n": p.on_day}
                    for d, p in zip(moments, points, strict=True)
                ],
            )
        )
    return line_chart(
        id=id,
        title=_("Pain before and after sessions, and on other days"),
        desc=desc,
        labels=labels,
        series=series,
        top=10,
        shaded=[i for i, p in enumerate(points) if any(f.covers(p.day) for f in flare_ups)],
        shade_text=FLARE_TEXT,
    )


def best_set_chart(entries, exercise, unit):
    """A line of the best weight (or hold, or reps) in each of these sessions, oldest first."""
    hold = measures_hold(exercise)
    weighted = not hold and any(e.best_weight for e in entries)
    if hold:
        values = [e.best_hold for e in entries]
        title, what = _("Longest hold per session (seconds)"), _("seconds")
    elif weighted:
        values = [weights.from_kg(e.best_weight, unit) for e in entries]
        title, what = _("Heaviest set per session (%(unit)s)") % {"unit": unit}, unit
    else:
        values = [e.best_reps for e in entries]
        title, what = _("Most reps in a set per session"), _("reps")
    starts = [timezone.localtime(e.session.started_at) for e in entries]
    labels = [date_format(start, "j M") for start in starts]
    texts = [
        _("%(moment)s: %(value)s")
        % {
            "moment": _day_and_time(start),
            "value": _("not recorded") if value is None else f"{weights.plain(value)} {what}",
        }
        for start, value in zip(starts, values, strict=True)
    ]
    shown = [v for v in values if v is not None]
    if shown:
        desc = _("From %(first)s to %(last)s %(what)s over %(n)s sessions; best %(best)s.") % {
            "first": weights.plain(shown[0]),
            "last": weights.plain(shown[-1]),
            "what": what,
            "n": len(shown),
            "best": weights.plain(max(shown)),
        }
    else:
        desc = _("Nothing logged yet.")
    return line_chart(
        id="movement-chart",
        title=title,
        desc=desc,
        labels=labels,
        series=[(_("Best set"), "series-best", "circle", values, texts)],
    )
