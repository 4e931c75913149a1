"""The drawn pictures: one per shipped movement, up to date, small, and drawn right."""

import gzip
import math
import re

import pytest
from django.core.management import call_command

from exercises import content, figures
from exercises.figures import BY_SLUG, DRAWINGS, HEAD, rendered_files, static_root

SLUGS = [data["slug"] for data in content.EXERCISES]


def drawing(slug):
    return BY_SLUG[slug]


def joints(slug, number):
    return drawing(slug).positions[number - 1].pose.joints()


def angle(a, b):
    return math.degrees(math.atan2(b[1] - a[1], b[0] - a[0]))


def test_every_shipped_movement_has_a_drawing_and_nothing_else_does():
    assert sorted(BY_SLUG) == sorted(SLUGS)
    assert len(DRAWINGS) == 15


@pytest.mark.parametrize("slug", SLUGS)
def test_each_drawing_has_captioned_positions_and_steps_that_exist(slug):
    shown = drawing(slug)
    steps = next(data["steps"] for data in content.EXERCISES if data["slug"] == slug)

    assert len(shown.positions) >= 2
    for position in shown.positions:
        assert len(str(position.caption)) > 20
        assert position.move > 0
    assert 1 <= shown.card <= len(shown.positions)
    assert set(shown.steps) <= set(range(1, len(steps) + 1))
    assert set(shown.steps.values()) <= set(range(1, len(shown.positions) + 1))


def test_the_files_in_static_are_the_ones_the_pose_model_draws():
    # Fails after a change to figures.py until `manage.py draw_figures` is run.
    call_command("draw_figures", "--check")


def test_the_check_reports_a_changed_file(tmp_path, monkeypatch):
    (tmp_path / "figures").mkdir()
    for name, text in rendered_files().items():
        (tmp_path / name).write_text(text)
    (tmp_path / "figures" / "cat-cow-1.svg").write_text("<svg/>")
    monkeypatch.setattr("exercises.management.commands.draw_figures.static_root", lambda: tmp_path)

    with pytest.raises(Exception, match="cat-cow-1.svg"):
        call_command("draw_figures", "--check")
    call_command("draw_figures")
    call_command("draw_figures", "--check")


@pytest.mark.parametrize("name", sorted(rendered_files()))
def test_each_picture_is_small_and_safe_to_serve(name):
    data = (static_root() / name).read_bytes()
    text = data.decode()

    assert len(gzip.compress(data, compresslevel=9)) < 20 * 1024
    assert text.startswith("<svg ") and "<title>" in text
    # Nothing that runs, loads or needs styles: the site's CSP, sent with it, stays as it is.
    assert "<script" not in text and "href" not in text and "<style" not in text
    assert not re.search(r"\son\w+=", text)


@pytest.mark.parametrize("slug", SLUGS)
def test_the_animation_runs_at_the_movements_tempo(slug):
    shown = drawing(slug)
    text = (static_root() / shown.animation_name).read_text()

    durations = set(re.findall(r'dur="([\d.]+)s"', text))
    assert durations == {f"{shown.duration:g}"}
    assert 'repeatCount="indefinite"' in text
    key_times = re.search(r'keyTimes="([^"]+)"', text).group(1).split(";")
    assert key_times[0] == "0" and key_times[-1] == "1"


# The positions drawn as the team's content facts describe them.


@pytest.mark.parametrize("slug", ["cat-cow", "thread-the-needle"])
def test_on_hands_and_knees_wrists_are_under_shoulders_and_knees_under_hips(slug):
    start = joints(slug, 1)

    assert abs(start["hand"][0] - start["shoulder"][0]) <= 3
    assert abs(start["knee"][0] - start["hip"][0]) <= 1


def test_cat_rounds_the_back_up_and_cow_lets_it_sink():
    def bulge(j):  # how far the mid-back sits above the line from hip to shoulders
        return (j["hip"][1] + j["shoulder"][1]) / 2 - j["mid"][1]

    cat, cow = joints("cat-cow", 2), joints("cat-cow", 3)
    assert bulge(cat) > 5
    assert bulge(cow) < -5
    for j in (cat, cow):
        assert abs(j["hand"][0] - j["shoulder"][0]) <= 3


def test_thread_the_needle_lowers_the_shoulder_while_the_hips_stay_over_the_knees():
    start, reach = joints("thread-the-needle", 1), joints("thread-the-needle", 3)

    assert reach["shoulder"][1] - start["shoulder"][1] > 15
    assert abs(reach["knee"][0] - reach["hip"][0]) <= 1


def test_the_doorway_stretch_moves_the_chest_forward_of_the_elbows_at_shoulder_height():
    start, stretch = joints("doorway-chest-stretch", 1), joints("doorway-chest-stretch", 2)

    for j in (start, stretch):
        assert abs(j["elbow"][1] - j["shoulder"][1]) <= 3
        assert j["elbow"][0] < j["shoulder"][0]  # the arms stay back on the frame
    assert stretch["shoulder"][0] > start["shoulder"][0]


def test_the_face_pull_rope_is_at_about_head_height_and_comes_to_the_face():
    start, pull = joints("face-pull", 1), joints("face-pull", 2)
    pulley = figures.FACE_PULL_PULLEY

    assert abs(pulley[1] - start["head"][1]) <= HEAD
    assert abs(pull["hand"][1] - pull["head"][1]) <= HEAD + 4
    assert pull["elbow"][1] <= pull["shoulder"][1]  # elbows high


def test_the_reverse_fly_is_a_controlled_raise_to_about_body_level():
    shown = drawing("reverse-fly")
    start, top = joints("reverse-fly", 1), joints("reverse-fly", 2)

    assert start["hand"][1] > start["shoulder"][1] + 30  # hanging below the shoulders
    assert abs(top["hand"][1] - top["shoulder"][1]) <= 8  # out to the sides, level
    assert shown.positions[1].move >= 2  # a slow raise, not a swing


def test_the_deadlift_starts_over_mid_foot_and_ends_standing_tall_without_leaning_back():
    start, top = joints("deadlift", 1), joints("deadlift", 2)

    # The foot runs from the ankle to the toes: mid-foot is its first half or so.
    assert start["ankle"][0] < start["hand"][0] <= start["ankle"][0] + figures.FOOT * 2 / 3
    assert math.dist(start["shoulder"], start["hand"]) >= 39  # arms straight
    assert -92 <= angle(top["hip"], top["shoulder"]) <= -88


def test_the_back_extension_rises_to_a_straight_line_and_no_higher():
    top = joints("back-extension", 2)
    trunk = angle(top["hip"], top["shoulder"])
    legs = angle(top["hip"], top["knee"])

    assert abs(abs(trunk - legs) - 180) <= 3


def test_the_pull_up_brings_the_chin_over_the_bar_from_a_full_hang():
    hang, top = joints("pull-up", 1), joints("pull-up", 2)

    assert math.dist(hang["shoulder"], hang["hand"]) >= 39  # arms straight
    assert top["head"][1] + HEAD <= figures.PULL_UP_BAR + 3  # the chin clears the bar


def test_the_lat_pulldown_brings_the_bar_to_the_upper_chest():
    start, pull = joints("wide-grip-lat-pulldown", 1), joints("wide-grip-lat-pulldown", 2)

    assert start["hand"][1] < start["head"][1]
    assert pull["shoulder"][1] <= pull["hand"][1] <= pull["mid"][1]
