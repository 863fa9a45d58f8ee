"""figures.Fig: the dict-built figure means what the same calls on go.Figure mean, and what it sends is
what go.Figure would send."""

from __future__ import annotations

import base64
import json

import numpy as np
import plotly.graph_objects as go
import plotly.io as pio
import pytest
from plotly.subplots import make_subplots

import figures
from figures.fig import Fig, subplots_1x2, trace


def sent(figure) -> dict:
    """What st.plotly_chart sends for a figure: its to_dict() as JSON, decoded again."""
    return json.loads(pio.to_json(figure.to_dict(), validate=False))


def layout_of(figure: go.Figure) -> dict:
    layout = figure.to_dict()["layout"]
    layout.pop("template", None)
    return layout


def test_lines_and_bands_match_plotly():
    ours, theirs = Fig(trace("scatter", x=[0, 1], y=[0, 1])), go.Figure(go.Scatter(x=[0, 1], y=[0, 1]))
    for fig in (ours, theirs):
        fig.add_vline(x=0.5, line={"color": "red"}, annotation={"text": "a", "font": {"size": 15}},
                      annotation_position="bottom left")
        fig.add_vline(x=0.7, line={"color": "blue"}, annotation={"text": "b"}, annotation_position="top right")
        fig.add_vline(x=0.2, line={"color": "blue"})
        fig.add_hline(y=0.3, line={"color": "green", "dash": "dot"})
        fig.add_vrect(x0=0.1, x1=0.2, fillcolor="red", opacity=0.1, line_width=0, layer="below")
    assert ours.figure(validate=True).to_dict()["layout"]["shapes"] == layout_of(theirs)["shapes"]
    assert ours.figure(validate=True).to_dict()["layout"]["annotations"] == layout_of(theirs)["annotations"]


def test_two_panels_match_make_subplots():
    ours = subplots_1x2(("left", "right"), spacing=0.06)
    theirs = make_subplots(rows=1, cols=2, shared_yaxes=True, horizontal_spacing=0.06, subplot_titles=("left", "right"))
    for fig in (ours, theirs):
        fig.update_xaxes(range=[0, 2], row=1, col=2)
    ours.add_trace(trace("scatter", x=[1], y=[1]), row=1, col=2)
    theirs.add_trace(go.Scatter(x=[1], y=[1]), row=1, col=2)
    mine = ours.figure(validate=True).to_dict()
    assert mine["data"] == theirs.to_dict()["data"]
    expected = layout_of(theirs)
    for key in ("xaxis", "xaxis2", "yaxis", "yaxis2"):
        assert mine["layout"][key] == expected[key]
    assert mine["layout"]["annotations"] == expected["annotations"]


def test_update_axes_and_traces_merge_like_plotly():
    ours = Fig([trace("contour", z=[[1, 2], [3, 4]]), trace("scatter", x=[1], y=[2], marker={"color": "red"})])
    theirs = go.Figure([go.Contour(z=[[1, 2], [3, 4]]), go.Scatter(x=[1], y=[2], marker={"color": "red"})])
    for fig in (ours, theirs):
        fig.update_xaxes(title={"text": "θ₁"}, range=[0, 1])
        fig.update_xaxes(title={"font": {"size": 18}})
        fig.update_yaxes(type="log")
        fig.update_traces(showscale=False, selector={"type": "contour"})
        fig.update_traces(marker={"size": 4}, selector={"type": "scatter"})
        fig.update_layout(legend={"x": 0.1}, height=300)
        fig.update_layout(legend={"y": 0.2})
    assert ours.figure(validate=True).to_dict()["data"] == theirs.to_dict()["data"]
    mine, expected = ours.figure(validate=True).to_dict()["layout"], layout_of(theirs)
    mine.pop("template")
    assert mine == expected


def app_figure() -> Fig:
    """A contour with a path, arrows, an update and a vertical line: most of what the pages draw."""
    xs = np.linspace(-2, 2, 30)
    Z = np.add.outer(xs**2, 0.5 * xs**2)
    fig = figures.contour(xs, xs, Z, "t", minima=[(0.0, 0.0)])
    params = np.array([[1.5, -1.0], [1.0, -0.6], [0.6, -0.3]])
    figures.add_path(fig, figures.Path(params, "GD", "#0072B2"))
    figures.add_gradient_arrows(fig, params, params * 2, 0.4, selected=1)
    figures.highlight_update(fig, params[1], params[2], "θ¹", "θ²")
    return fig


def narrowed(value):
    """A figure's properties with every 64-bit float array as 32 bits, as Fig.drawn sends them."""
    if isinstance(value, dict):
        return {k: narrowed(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return type(value)(narrowed(v) for v in value)
    if isinstance(value, np.ndarray) and value.dtype == np.float64:
        return value.astype(np.float32)
    return value


def test_what_is_sent_is_what_go_figure_would_send():
    """The same figure, every property validated by plotly; float arrays as 32-bit floats (half the bytes)."""
    fig = app_figure()
    small = Fig()
    small.data, small.layout = narrowed(fig.data), narrowed(fig.layout)
    drawn, full = sent(fig.drawn()), sent(small.figure(validate=True))
    full["layout"].pop("template")
    drawn["layout"].pop("template")
    assert drawn == full


def test_float_arrays_go_as_32_bits_unless_too_large():
    from figures.fig import _typed_array

    path = np.array([0.1, -2.5e-12, 1e30, np.nan])
    spec = _typed_array(path)
    assert spec["dtype"] == "f4"
    back = np.frombuffer(base64.b64decode(spec["bdata"]), dtype=np.float32)
    np.testing.assert_allclose(back, path, rtol=1e-7)  # 32-bit floats: about 7 significant digits
    assert np.isnan(back[3])
    # A diverging loss past the 32-bit range stays in 64 bits: never drawn as infinite.
    assert _typed_array(np.array([1.0, 1e200]))["dtype"] == "f8"


def test_drawing_leaves_the_figure_as_it_was():
    """The download button reads the figure's arrays after it was drawn: drawing must not convert them."""
    fig = app_figure()
    fig.drawn()
    assert isinstance(fig.data[0]["z"], np.ndarray)
    assert isinstance(fig.data[2]["x"], np.ndarray)


def test_validation_catches_a_bad_property():
    fig = Fig(trace("scatter", x=[1], y=[1], line={"color": "not a colour"}))
    with pytest.raises(ValueError):
        fig.figure(validate=True)


def test_the_tests_validate_what_the_app_draws():
    """conftest turns GD_VALIDATE_FIGURES on: every figure a page test draws went through plotly's checks."""
    assert figures.fig.VALIDATE
    with pytest.raises(ValueError):
        Fig(trace("scatter", x=[1], y=[1], mode="lines+nonsense")).drawn()


@pytest.mark.parametrize("array", [
    np.linspace(0, 1, 7), np.linspace(0, 1, 7).astype(np.float32), np.arange(5), np.arange(300), np.arange(70000),
    np.array([2**40, -3]), np.arange(6, dtype=np.uint64), np.arange(12.0).reshape(3, 4), np.array([], dtype=float),
    np.array([True, False]), np.array(["a", "b"]), np.arange(4, dtype=np.int32),
])
def test_arrays_are_encoded_as_plotly_encodes_them(array):
    from _plotly_utils.utils import to_typed_array_spec

    from figures.fig import _typed_array

    expected = array.astype(np.float32) if array.dtype == np.float64 else array  # sent as 32-bit floats
    ours, theirs = _typed_array(array), to_typed_array_spec(expected)
    def encoded(value) -> object:
        return json.loads(pio.to_json({"v": value}, validate=False))

    assert encoded(ours) == encoded(theirs)
