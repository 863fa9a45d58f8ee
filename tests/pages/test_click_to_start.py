"""Click-to-start: the invisible layer that makes a whole plot clickable (figures.clickable), the mapping from
Streamlit's selection event to θ⁰ (ui.clicked_point, ui.start_from_click), and the pages that offer it."""

from __future__ import annotations

import numpy as np
import pytest

import figures
import ui
from tests.apptest_helpers import _array, chart, open_page, trace

X_RANGE, Y_RANGE = (-2.0, 3.0), (-1.0, 1.5)


def _contour_with_path() -> figures.Fig:
    xs, ys = np.linspace(*X_RANGE, 30), np.linspace(*Y_RANGE, 20)
    Z = xs[None, :] ** 2 + 3 * ys[:, None] ** 2
    fig = figures.contour(xs, ys, Z, "L", minima=[(0.0, 0.0)], x_range=X_RANGE, y_range=Y_RANGE)
    figures.add_path(fig, figures.Path(np.array([[2.0, 1.0], [1.0, 0.4], [0.5, 0.1]]), "path", "#0072B2"))
    return fig


def _layer(fig: dict | figures.Fig) -> dict:
    data = fig.data if isinstance(fig, figures.Fig) else fig["data"]
    return data[-1]


def test_the_click_layer_covers_the_window_and_is_invisible_but_clickable():
    fig = figures.clickable(_contour_with_path(), X_RANGE, Y_RANGE, n=40)
    layer = _layer(fig)
    assert layer["name"] == figures.CLICK_LAYER and layer["type"] == "scatter"
    x, y = np.asarray(layer["x"], dtype=float), np.asarray(layer["y"], dtype=float)
    assert len(x) == len(y) == 40 * 40
    # Its corners are the window's corners, and no spot of the window is farther from a marker than half a cell's
    # diagonal (the cell: the window's width and height over 39).
    assert (x.min(), x.max(), y.min(), y.max()) == pytest.approx((*X_RANGE, *Y_RANGE))
    cell = np.hypot((X_RANGE[1] - X_RANGE[0]) / 39, (Y_RANGE[1] - Y_RANGE[0]) / 39)
    spots = np.random.default_rng(0).uniform([X_RANGE[0], Y_RANGE[0]], [X_RANGE[1], Y_RANGE[1]], (500, 2))
    nearest = np.min(np.hypot(spots[:, :1] - x[None, :], spots[:, 1:] - y[None, :]), axis=1)
    assert nearest.max() <= cell / 2 + 1e-12
    # Unseen, yet answering the pointer: "skip" would silence the hover and click events, "none" only the label.
    assert layer["marker"]["opacity"] == 0 and layer["hoverinfo"] == "none" and layer["showlegend"] is False
    assert layer["selected"]["marker"]["opacity"] == 0 and layer["unselected"]["marker"]["opacity"] == 0
    # A click selects a point: the other markers are not dimmed by it.
    for t in fig.data[:-1]:
        if t["type"] == "scatter":
            assert t["unselected"]["marker"]["opacity"] == 1
    # The axes stay as they were: the layer lies inside the window.
    assert fig.layout["xaxis"]["range"] == list(X_RANGE) and fig.layout["yaxis"]["range"] == list(Y_RANGE)
    fig.figure(validate=True)  # plotly accepts every property


def test_the_click_layer_comes_last_and_the_animation_frames_keep_their_traces():
    fig = _contour_with_path()
    figures.animated_path(fig, figures.Path(np.array([[2.0, 1.0], [1.0, 0.4], [0.5, 0.1]]), "run", "#E69F00"),
                          "Play", "Pause")
    named = [[fig.data[i] for i in frame["traces"]] for frame in fig.frames]
    n_before = len(fig.data)
    figures.clickable(fig, X_RANGE, Y_RANGE)
    assert len(fig.data) == n_before + 1 and _layer(fig)["name"] == figures.CLICK_LAYER
    for frame, traces in zip(fig.frames, named):
        assert n_before not in frame["traces"]
        # The same traces (the path and its marker), by their names and kinds.
        assert [(fig.data[i].get("name"), fig.data[i]["mode"]) for i in frame["traces"]] == \
            [(t.get("name"), t["mode"]) for t in traces]


def test_the_charts_data_leaves_the_click_layer_out():
    table = ui.chart_table(figures.clickable(_contour_with_path(), X_RANGE, Y_RANGE))
    assert table.equals(ui.chart_table(_contour_with_path()))  # the same rows as without the layer
    assert figures.CLICK_LAYER not in set(table.iloc[:, 0]) and len(table) < 1600


@pytest.mark.parametrize(("event", "point"), [
    ({"selection": {"points": [{"x": 1.234, "y": -0.5, "curve_number": 9, "point_index": 3}]}}, (1.234, -0.5)),
    # The first point with finite coordinates.
    ({"selection": {"points": [{"x": None, "y": 1.0}, {"x": float("nan"), "y": 1.0}, {"y": 2.0},
                               {"x": "3", "y": 4}]}}, (3.0, 4.0)),
    ({"selection": {"points": []}}, None),  # a selection emptied (a click beside every point, or a double click)
    ({"selection": {}}, None),
    ({}, None),
    (None, None),
])
def test_the_clicked_point_is_read_from_the_selection_event(event, point):
    assert ui.clicked_point(event) == point


def test_a_click_sets_the_start_widgets_rounded_as_the_inputs_show_them(monkeypatch):
    import ui.charts

    set_to = []
    monkeypatch.setattr(ui.charts, "set_widgets", set_to.append)
    event = {"selection": {"points": [{"x": 1.23456, "y": -0.004}]}}
    assert ui.start_from_click(event, ("x0", "y0")) == (1.23, 0.0)
    assert set_to == [{"x0": 1.23, "y0": 0.0}]
    assert str(set_to[0]["y0"]) == "0.0"  # not −0.0 (the link would say "-0")
    ui.start_from_click(event, ("x1", "y1"), also={"s1": "custom"})
    assert set_to[-1] == {"s1": "custom", "x1": 1.23, "y1": 0.0}
    assert ui.start_from_click({"selection": {"points": []}}, ("x0", "y0")) is None
    assert len(set_to) == 2  # an empty selection sets nothing


@pytest.mark.parametrize(("path", "key"), [
    ("pages/1_step_by_step.py", "contour"),
    ("pages/3_adagrad_tables.py", "contour"),
    ("pages/5_stochastic_gd.py", "contour"),
    ("pages/8_more_limitations.py", "map"),
    ("pages/9_momentum_rmsprop_adam.py", "paths"),
    ("pages/10_optimizer_playground.py", "paths"),
])
def test_the_pages_contours_are_clickable_over_their_whole_window(path, key):
    at = open_page(path)
    fig = chart(at, key)
    layer = _layer(fig)
    assert layer["name"] == figures.CLICK_LAYER and layer["hoverinfo"] == "none"
    x, y = _array(layer["x"]), _array(layer["y"])
    (x0, x1), (y0, y1) = fig["layout"]["xaxis"]["range"], fig["layout"]["yaxis"]["range"]
    assert (x.min(), x.max(), y.min(), y.max()) == pytest.approx((x0, x1, y0, y1), rel=1e-6, abs=1e-6)
    element = next(e for e in at.get("plotly_chart") if e.key == key)
    assert list(element.proto.selection_mode) == [0]  # points only: no box, no lasso
    assert "Click the plot to start there." in [c.value for c in at.caption]


def test_the_widgets_a_click_sets_move_theta0_the_link_and_the_path():
    """ui.start_from_click sets the session keys of θ⁰'s inputs (ui.set_widgets): in the rerun the inputs show
    the point, the link keeps it and the path starts there. (The click itself: tests/browser/test_browser_click.py.)"""
    at = open_page("pages/1_step_by_step.py")
    at.session_state["step:x0"], at.session_state["step:y0"] = 1.5, 0.75
    at.run()
    assert at.sidebar.number_input(key="step:x0").value == 1.5
    assert at.sidebar.number_input(key="step:y0").value == 0.75
    assert at.query_params["x0"] == "1.5" and at.query_params["y0"] == "0.75"
    path = trace(chart(at, "contour"), "gradient descent, η = 0.1")
    assert (_array(path["x"])[0], _array(path["y"])[0]) == pytest.approx((1.5, 0.75))
