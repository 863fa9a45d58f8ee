"""Presenter mode: ?present=1 opens every page in it, the switch writes the link, figures grow."""

from __future__ import annotations

import json

import numpy as np
import pytest

import figures
from tests.apptest_helpers import TAB_VALUES, errors, every_view, open_page, open_tab, open_tab_label, rerun
from ui.nav import LESSONS

PAGES = sorted(lesson.script for lesson in LESSONS)


@pytest.mark.parametrize("path", PAGES)
def test_every_page_opens_in_presenter_mode(path):
    """Every page, with each of its tabs open in turn (only the open tab is built): larger print on every chart."""
    at = open_page(path, {"present": "1"})

    def check(where: str) -> None:
        assert not errors(at), (where, errors(at))
        assert at.toggle(key="app:present").value is True, where
        for chart in at.get("plotly_chart"):
            layout = json.loads(chart.proto.spec)["layout"]
            assert layout["font"]["size"] >= 20, (where, chart.key)  # 16 × 1.3, set by figures.presenter

    check("as opened")
    for view in every_view(at):
        check(view)


def test_the_switch_writes_the_link():
    at = open_page("pages/1_step_by_step.py")
    assert "present" not in at.query_params
    at.toggle(key="app:present").set_value(True)
    rerun(at)
    assert at.query_params.get("present") in ("1", ["1"])
    at.toggle(key="app:present").set_value(False)
    rerun(at)
    assert "present" not in at.query_params


def test_presenter_figure_is_taller_and_larger():
    fig = figures.Fig(layout={"height": 400})
    figures.presenter(fig, scale=1.5)
    assert fig.layout["height"] == 430  # 400 × 1.1 = 440, capped at figures.PRESENTER_HEIGHT (430)
    assert fig.layout["font"]["size"] == 24
    assert fig.layout["xaxis"]["tickfont"]["size"] == 22  # 15 × 1.5
    assert fig.figure(validate=True).layout.legend.font.size == 22


def _follow_menu(at, path: str) -> None:
    """What a click on the top menu's (or the home page's) link does: another page, with no query at all."""
    for key in list(at.query_params):
        del at.query_params[key]
    at.switch_page(path)
    rerun(at)


def _link(at, key: str):
    value = at.query_params.get(key)
    return value[-1] if isinstance(value, list) else value


def test_presenter_mode_holds_through_the_menu_and_is_written_back():
    """A menu link carries no ?present: the session's presenter mode holds, and the link gets present=1 back."""
    at = open_page("pages/1_step_by_step.py", {"present": "1"})
    for path in ("pages/2_learning_rate.py", "pages/0_lecture_map.py", "pages/8_more_limitations.py"):
        _follow_menu(at, path)
        assert at.toggle(key="app:present").value is True, path
        assert _link(at, "present") == "1", (path, dict(at.query_params))


def test_presenter_mode_holds_through_a_language_change():
    at = open_page("pages/1_step_by_step.py", {"present": "1"})
    at.selectbox(key="app:lang").set_value("zh-TW")
    rerun(at)
    assert at.toggle(key="app:present").value is True
    assert _link(at, "present") == "1" and _link(at, "lang") == "zh-TW"
    _follow_menu(at, "pages/4_best_step.py")  # the menu drops both; both come back
    assert at.toggle(key="app:present").value is True
    assert _link(at, "present") == "1" and _link(at, "lang") == "zh-TW"


def test_a_link_switches_presenter_mode_only_when_it_says_so():
    at = open_page("pages/1_step_by_step.py")
    _follow_menu(at, "pages/2_learning_rate.py")
    assert at.toggle(key="app:present").value is False and _link(at, "present") is None
    at.query_params["present"] = "1"  # a link opened from outside
    rerun(at)
    assert at.toggle(key="app:present").value is True
    at.query_params["present"] = "0"  # off, when the link says so
    rerun(at)
    assert at.toggle(key="app:present").value is False
    assert _link(at, "present") is None
    _follow_menu(at, "pages/1_step_by_step.py")
    assert at.toggle(key="app:present").value is False


def test_the_switch_off_holds_through_the_menu():
    at = open_page("pages/1_step_by_step.py", {"present": "1"})
    at.toggle(key="app:present").set_value(False)
    rerun(at)
    _follow_menu(at, "pages/2_learning_rate.py")
    assert at.toggle(key="app:present").value is False and _link(at, "present") is None


@pytest.mark.parametrize(("path", "key", "label"), [
    ("pages/1_step_by_step.py", "view", "3-D surface"),
    ("pages/7_why_it_works.py", "part", "Newton's method"),
])
def test_the_open_tab_survives_leaving_and_coming_back(path, key, label):
    """Leave a page with a tab open through the menu (no ?view=) and come back the same way: the tab is open
    again and the link names it again."""
    at = open_page(path, {"present": "1"})
    open_tab(at, key, label)
    _follow_menu(at, "pages/2_learning_rate.py")
    _follow_menu(at, path)
    assert open_tab_label(at, key) == label
    assert _link(at, key) == TAB_VALUES[label]


def _contour_figure():
    xs = ys = np.linspace(-2.0, 2.0, 21)
    Z = xs[None, :] ** 2 + ys[:, None] ** 2
    fig = figures.contour(xs, ys, Z, "bowl")
    figures.add_path(fig, figures.Path(np.array([[-1.5, 1.0], [-1.0, 0.5], [-0.5, 0.2]]), "gd", "#0072B2"))
    return fig


def test_presenter_figure_reads_from_the_back_row():
    """Ticks at least 18 px and dark (≥ 4.5:1 on white), contour lines ≥ 1.5 px at ≥ 80 % opacity, paths ≥ 4 px,
    markers larger, and a figure no taller than what fits under the compact header in 720 px."""
    fig = _contour_figure()
    figures.presenter(fig)
    layout = fig.figure(validate=True).layout
    for axis in (layout.xaxis, layout.yaxis):
        assert axis.tickfont.size >= 18
        assert _contrast(axis.tickfont.color, "#ffffff") >= 4.5
        assert _contrast(axis.title.font.color, "#ffffff") >= 4.5
    contour = next(t for t in fig.data if t["type"] == "contour")
    assert contour["line"]["width"] >= 1.5
    alpha = float(contour["line"]["color"].rsplit(",", 1)[1].rstrip(")"))
    assert alpha >= 0.8
    path = next(t for t in fig.data if t.get("name") == "gd")
    assert path["line"]["width"] >= 4 and path["marker"]["size"] > 8  # 8 outside presenter mode
    assert layout.height <= figures.PRESENTER_HEIGHT <= 470


def test_tick_labels_outside_presenter_mode_are_dark_too():
    layout = _contour_figure().figure(validate=True).layout
    assert _contrast(layout.xaxis.tickfont.color, "#ffffff") >= 4.5


def _luminance(color: str) -> float:
    """WCAG 2 relative luminance of #rrggbb."""
    color = color.lstrip("#")
    if len(color) == 3:
        color = "".join(c * 2 for c in color)
    channels = [int(color[i:i + 2], 16) / 255 for i in (0, 2, 4)]
    lin = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * lin[0] + 0.7152 * lin[1] + 0.0722 * lin[2]


def _contrast(a: str, b: str) -> float:
    hi, lo = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (hi + 0.05) / (lo + 0.05)


@pytest.mark.parametrize(("before", "after"), [((-4.085, -0.01209), (-4.004, -0.007256)),  # step by step, t = 10
                                               ((1.0, 1.0), (1.0, 0.5)), ((0.0, 0.0), (-0.3, 0.01))])
def test_the_labels_of_a_short_update_sit_apart(before, after):
    """θᵗ's and θᵗ⁺¹'s labels on opposite corners (both the vertical and the horizontal part differ), θᵗ⁺¹'s
    ahead of the step: when the two points are pixels apart, the labels still do not pile up."""
    fig = figures.Fig(layout={"xaxis": {"range": [-5, 5]}, "yaxis": {"range": [-5, 5]}})
    figures.highlight_update(fig, np.array(before), np.array(after), "θ¹⁰", "θ¹¹")
    labels = next(t for t in fig.data if t.get("text") == ["θ¹⁰", "θ¹¹"])
    (v0, h0), (v1, h1) = (p.split() for p in labels["textposition"])
    assert v0 != v1 and h0 != h1 and "center" not in (h0, h1) and "middle" not in (v0, v1)
    dx, dy = after[0] - before[0], after[1] - before[1]
    assert h1 == ("right" if dx >= 0 else "left") and v1 == ("top" if dy >= 0 else "bottom")
