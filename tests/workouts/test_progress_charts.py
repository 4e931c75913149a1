from decimal import Decimal

import pytest

from workouts.charts import HEIGHT, LEFT, WIDTH, bar_chart, line_chart, nice_ceiling


@pytest.mark.parametrize(
    ("value", "expected"),
    [(0, 1), (0.4, 0.5), (3, 5), (7, 10), (11, 20), (380, 500), (1590, 2000), (2400, 2500)],
)
def test_the_scale_tops_out_at_a_round_number(value, expected):
    assert nice_ceiling(value) == expected


def test_bars_grow_from_the_baseline_in_proportion():
    chart = bar_chart(
        id="c",
        title="t",
        desc="d",
        labels=["a", "b", "c"],
        values=[0, 5, 10],
        texts=["0", "5", "10"],
    )

    heights = [bar.height for bar in chart.bars]
    assert heights[0] == 0
    assert heights[2] == pytest.approx(2 * heights[1], abs=0.2)
    assert all(bar.y + bar.height == pytest.approx(chart.baseline, abs=0.2) for bar in chart.bars)
    assert all(bar.x >= LEFT and bar.x + bar.width <= WIDTH for bar in chart.bars)


def test_the_target_line_sits_at_the_target():
    chart = bar_chart(
        id="c",
        title="t",
        desc="d",
        labels=["a", "b"],
        values=[3, 1],
        texts=["", ""],
        target=3,
        integer=True,
    )

    assert chart.bars[0].y == chart.target_y
    assert chart.bars[0].highlight
    assert not chart.bars[1].highlight


def test_only_a_few_week_labels_are_drawn_and_the_latest_is_one_of_them():
    labels = [f"w{n}" for n in range(52)]

    chart = bar_chart(
        id="c", title="t", desc="d", labels=labels, values=[Decimal(1)] * 52, texts=[""] * 52
    )

    drawn = [tick.label for tick in chart.x_labels]
    assert len(drawn) <= 6
    assert drawn[-1] == "w51"


def test_lines_stay_inside_the_drawing():
    chart = line_chart(
        id="c",
        title="t",
        desc="d",
        labels=["a", "b", "c"],
        series=[("x", "series-after", "circle", [0, 10, 5], ["", "", ""])],
        top=10,
    )

    (line,) = chart.series
    assert [p.y for p in line.points][0] == chart.baseline
    assert all(LEFT < p.x < WIDTH and 0 < p.y <= HEIGHT for p in line.points)
    assert line.segments == [" ".join(f"{p.x},{p.y}" for p in line.points)]


def test_a_chart_with_no_data_says_so():
    chart = line_chart(
        id="c", title="t", desc="d", labels=[], series=[("x", "s", "circle", [], [])]
    )

    assert chart.is_empty
