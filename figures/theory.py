"""The theory lesson's own figures: a Taylor polynomial against its function, the tangent plane over
the loss surface, the red circle on the contours, the loss change against the circle's radius, and
Newton's step beside the gradient step (on the contours, and along Newton's line).

No Streamlit and no optimization here: the numbers come from gd_core, the text arrives translated.
Colours: red = the red circle (and the gradient, as everywhere), blue = the gradient-descent step
(as everywhere), black = Newton (as ``OPTIMIZER_COLORS["newton"]``), grey dashes = a model's promise.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from gd_core.grid import window

from .base import (
    FONT,
    GRADIENT_COLOR,
    MOVE_COLOR,
    OPTIMIZER_COLORS,
    START_COLOR,
    _arrow,
    _layout,
    contour,
    to_scale,
)
from .fig import Fig, trace
from .motion import surface

__all__ = ["CIRCLE_COLOR", "MODEL_COLOR", "NEWTON_COLOR", "ORDER_COLORS", "TAYLOR_COLOR", "circle_curve_figure",
           "circle_figure", "curve_window", "inner_product_figure", "newton_figure", "newton_slice_figure",
           "plane_half_side", "square_window", "step_window", "tangent_plane_figure", "taylor_figure"]

CIRCLE_COLOR = GRADIENT_COLOR
"""The red circle."""
TAYLOR_COLOR = "#E69F00"
"""A Taylor polynomial / the tangent plane (Okabe–Ito orange)."""
MODEL_COLOR = "#666666"
"""What a model promises (dashed)."""
NEWTON_COLOR = OPTIMIZER_COLORS["newton"]
FUNCTION_LINE = {"color": "#555", "width": 3.5}


def _label_point(fig: Fig, x: float, y: float, text: str, color: str, symbol: str = "circle",
                 position: str = "top center", size: int = 13, name: str | None = None) -> None:
    """A marker with a text label (no legend entry unless ``name``)."""
    if not (np.isfinite(x) and np.isfinite(y)):
        return
    fig.add_trace(trace("scatter", x=[x], y=[y], mode="markers+text", text=[text], textposition=position,
                        textfont={"size": 18, "color": color}, name=name or text, showlegend=name is not None,
                        marker={"size": size, "color": color, "symbol": symbol,
                                "line": {"color": "white", "width": 2}},
                        hovertemplate=f"{text}<br>(%{{x:.4g}}, %{{y:.4g}})<extra></extra>"))


def _f32(values) -> np.ndarray:
    """float32 for sending, NaN where a value is not finite or beyond float32 (no overflow warning)."""
    values = np.asarray(values, dtype=float)
    with np.errstate(all="ignore"):
        return np.where(np.isfinite(values) & (np.abs(values) < 3e38), values, np.nan).astype(np.float32)


def _y_window(*series: np.ndarray, pad: float = 0.15, min_span: float = 1e-9) -> list[float] | None:
    """A y range holding every finite value of ``series`` with some room."""
    values = np.concatenate([np.asarray(s, dtype=float).ravel() for s in series])
    values = values[np.isfinite(values)]
    if values.size == 0:
        return None
    lo, hi = float(values.min()), float(values.max())
    span = max(hi - lo, min_span, 1e-6 * max(abs(lo), abs(hi)))
    return [lo - pad * span, hi + pad * span]


# --- Taylor series ---------------------------------------------------------------------------

ORDER_COLORS = ("#56B4E9", "#009E73", "#CC79A7", "#0072B2", "#D55E00", "#8C6D31", "#999999")
"""The other orders drawn beside the written one, in increasing order (Okabe–Ito, then brown and grey)."""


def taylor_figure(xs, h, polynomials: Sequence[tuple[str, np.ndarray, bool]], x0: float, h0: float, title: str,
                  h_label: str, x0_label: str = "x₀", height: int = 430) -> Fig:
    """The function h (grey) and its Taylor polynomials around x₀ drawn over each other, one per
    (legend name, values, written): the written one thick orange, the others thinner, each its colour.
    The y window is set by h."""
    fig = Fig()
    fig.add_trace(trace("scatter", x=xs, y=h, mode="lines", name=h_label, line=FUNCTION_LINE))
    others = 0
    for name, values, written in polynomials:
        if written:
            line = {"color": TAYLOR_COLOR, "width": 4.5}
        else:
            line = {"color": ORDER_COLORS[others % len(ORDER_COLORS)], "width": 2.5}
            others += 1
        fig.add_trace(trace("scatter", x=xs, y=values, mode="lines", name=name, line=line,
                            hovertemplate=name + "<br>x=%{x:.3g}<br>%{y:.4g}<extra></extra>"))
    _label_point(fig, float(x0), float(h0), x0_label, START_COLOR, position="bottom right")
    _layout(fig, title, "x", "", height)
    # The legend in rows under the plot: beside it, it took a third of a phone's width from the curves.
    fig.update_layout(margin={"b": 40, "r": 10}, legend={"orientation": "h", "y": -0.14, "yanchor": "top", "x": 0.0,
                                                         "xanchor": "left", "font": {"size": 15}})
    window = _y_window(h, pad=0.35, min_span=1.0)
    if window is not None:
        fig.update_yaxes(range=window)
    fig.update_xaxes(range=[float(xs[0]), float(xs[-1])])
    return fig


# --- the tangent plane ------------------------------------------------------------------------

def plane_half_side(Z, u: float, v: float, x_span: float, y_span: float) -> tuple[float, float]:
    """How far from (a, b) to draw the tangent plane along θ₁ and θ₂: a fifth of the window (a square in
    the 3-D box), less where the plane is steep, so that it rises or falls at most about half the
    surface's height."""
    finite = np.asarray(Z, dtype=float)
    finite = finite[np.isfinite(finite)]
    fraction = 0.2
    rise = abs(u) * x_span + abs(v) * y_span
    if finite.size and np.isfinite(rise) and rise > 0:
        height = float(np.quantile(finite, 0.98) - finite.min())
        if height > 0:
            fraction = min(fraction, 0.5 * height / rise)
    fraction = max(fraction, 0.02)
    return float(fraction * x_span), float(fraction * y_span)


def tangent_plane_figure(xs, ys, Z, pxs, pys, P, a: float, b: float, s: float, u: float, v: float, title: str,
                         plane_label: str, point_label: str, height: int = 470) -> Fig:
    """The loss surface with the tangent plane s + u(θ₁ − a) + v(θ₂ − b) over a square around (a, b),
    seen from downhill (against the gradient), where the plane faces the viewer."""
    fig = surface(xs, ys, Z, title, height=height)
    spans = (float(xs[-1] - xs[0]), float(ys[-1] - ys[0]))
    slope = np.array([u * spans[0], v * spans[1]], dtype=float)  # the gradient in the scene's unit box
    norm = float(np.hypot(*slope))
    if np.isfinite(norm) and norm > 0:
        toward = -slope / norm
        turn = np.deg2rad(40.0)  # a little to the side, so the plane's tilt shows too
        toward = np.array([toward[0] * np.cos(turn) - toward[1] * np.sin(turn),
                           toward[0] * np.sin(turn) + toward[1] * np.cos(turn)])
        fig.update_layout(scene={"camera": {"eye": {"x": 1.8 * toward[0], "y": 1.8 * toward[1], "z": 1.3},
                                            "center": {"x": 0, "y": 0, "z": -0.15}}})
    zs = np.asarray(fig.data[0]["z"], dtype=float)
    finite = zs[np.isfinite(zs)]
    plane = np.asarray(P, dtype=float)
    if finite.size:
        span = float(finite.max() - finite.min()) or 1.0
        lo, hi = float(finite.min()) - 0.6 * span, float(finite.max()) + 0.6 * span
        plane = np.where((plane >= lo) & (plane <= hi), plane, np.nan)
    fig.add_trace(trace("surface", x=pxs, y=pys, z=_f32(plane), name=plane_label, showscale=False, opacity=0.8,
                        colorscale=[[0, TAYLOR_COLOR], [1, TAYLOR_COLOR]], showlegend=True,
                        hovertemplate=plane_label + "<br>θ₁=%{x:.3g}<br>θ₂=%{y:.3g}<br>%{z:.4g}<extra></extra>"))
    fig.add_trace(trace("scatter3d", x=[a], y=[b], z=[s], mode="markers", name=point_label,
                        marker={"size": 6, "color": START_COLOR}, showlegend=True,
                        hovertemplate="(a, b) = (%{x:.3g}, %{y:.3g})<br>s = L(a, b) = %{z:.4g}<extra></extra>"))
    fig.update_layout(legend={"orientation": "h", "y": 1.0, "x": 1.0, "xanchor": "right", "font": {"size": 15}},
                      scene={"domain": {"x": [0.0, 1.0], "y": [0.0, 1.0]}})
    return fig


# --- the red circle ---------------------------------------------------------------------------

def square_window(points, min_half: float, pad: float = 1.6) -> tuple[tuple[float, float], tuple[float, float]]:
    """A square plot window (equal units on both axes) centred on the points' bounding box, holding them
    with room to spare (``pad`` times their half-span from the centre), at least ``min_half`` from the centre
    to each side."""
    return window(points, pad=(pad - 1) / 2, grow=0.0, min_span=min_half / (pad / 2), aspect=1.0)


def step_window(center, ends, landmarks, min_half: float, far: float):
    """A square window for steps from ``center``: it holds the step ends that lie within ``far`` of the
    centre, and the landmarks (minima, saddles) within twice the longest of those steps."""
    center = np.asarray(center, dtype=float)
    points = [center]
    longest = 0.0
    for end in ends:
        end = np.asarray(end, dtype=float)
        length = float(np.hypot(*(end - center)))
        if np.isfinite(length) and length <= far:
            points.append(end)
            longest = max(longest, length)
    for mark in landmarks:
        mark = np.asarray(mark, dtype=float)
        if float(np.hypot(*(mark - center))) <= 2 * longest:
            points.append(mark)
    return square_window(points, min_half)


def _equal_axes(fig: Fig) -> None:
    """One unit is as long on θ₂ as on θ₁ (a circle looks round, the gradient at right angles); the colour bar
    goes: these figures sit in half a page, and the hover shows L."""
    fig.update_traces(showscale=False, selector={"type": "contour"})
    to_scale(fig)


def _circle(fig: Fig, center, d: float, label: str) -> None:
    angles = np.linspace(0.0, 2 * np.pi, 181)
    fig.add_trace(trace("scatter", x=center[0] + d * np.cos(angles), y=center[1] + d * np.sin(angles), mode="lines",
                        name=label, line={"color": CIRCLE_COLOR, "width": 3.5}, hoverinfo="skip"))


def circle_figure(xs, ys, Z, center, d: float, point, title: str, circle_label: str, center_label: str,
                  point_label: str, minima: Sequence = (), saddles: Sequence = (), x_range=None, y_range=None,
                  height: int = 440, marker_labels: dict[str, str] | None = None) -> Fig:
    """The loss contours, the red circle of radius d around (a, b), and the step to θ on its edge."""
    fig = contour(xs, ys, Z, title, minima=minima, saddles=saddles, x_range=x_range, y_range=y_range,
                  height=height, **(marker_labels or {}))
    center = np.asarray(center, dtype=float)
    point = np.asarray(point, dtype=float)
    if d > 0:
        _circle(fig, center, d, circle_label)
        if np.all(np.isfinite(point)) and not np.allclose(point, center):
            _arrow(fig, center, point, MOVE_COLOR, 3.5, 0.9)
            _label_point(fig, float(point[0]), float(point[1]), point_label, MOVE_COLOR, position="top center")
    _label_point(fig, float(center[0]), float(center[1]), center_label, START_COLOR, position="bottom center",
                 size=11)
    _equal_axes(fig)
    fig.update_layout(margin={"b": 85}, legend={"y": -0.16})
    return fig


DELTA_COLOR = "#CC79A7"
"""The chosen Δθ in the inner-product picture (Okabe–Ito reddish purple)."""


def inner_product_figure(u: float, v: float, d: float, delta, best, title: str, center_label: str,
                         uv_label: str, delta_label: str, best_label: str, circle_label: str, level_label: str,
                         height: int = 420) -> Fig:
    """The slide's picture in Δθ = θ − (a, b): the red circle ‖Δθ‖ ≤ d around (a, b) (the origin),
    the direction of (u, v) drawn as an arrow as long as d, the chosen Δθ inside the circle, and the
    minimiser −η(u, v) on the edge (blue, the step) with the level line of the inner product through it,
    u Δθ₁ + v Δθ₂ = −d‖(u, v)‖, which touches the circle there. Equal units on both axes."""
    fig = Fig()
    half = 1.45 * d if d > 0 else 1.0
    norm = float(np.hypot(u, v))
    if d > 0:
        _circle(fig, (0.0, 0.0), d, circle_label)
    if best is not None and d > 0:
        unit = np.array([u, v]) / norm
        along = np.array([-unit[1], unit[0]]) * 2 * half  # the level line runs at right angles to (u, v)
        b = np.asarray(best, dtype=float)
        fig.add_trace(trace("scatter", x=[b[0] - along[0], b[0] + along[0]], y=[b[1] - along[1], b[1] + along[1]],
                            mode="lines", name=level_label, hoverinfo="skip",
                            line={"color": MODEL_COLOR, "width": 2, "dash": "dash"}))
    if norm > 0 and d > 0:
        tip = d * np.array([u, v]) / norm
        _arrow(fig, (0.0, 0.0), tip, GRADIENT_COLOR, 3.5, 1.0)
        _label_point(fig, float(tip[0]), float(tip[1]), uv_label, GRADIENT_COLOR, symbol="circle", size=1,
                     position=_away(tip))
    delta = np.asarray(delta, dtype=float)
    if float(np.hypot(*delta)) > 0:
        _arrow(fig, (0.0, 0.0), delta, DELTA_COLOR, 3.5, 1.0)
        _label_point(fig, float(delta[0]), float(delta[1]), delta_label, DELTA_COLOR, size=9, position=_away(delta))
    if best is not None and d > 0:
        b = np.asarray(best, dtype=float)
        _arrow(fig, (0.0, 0.0), b, MOVE_COLOR, 3.5, 1.0)
        _label_point(fig, float(b[0]), float(b[1]), best_label, MOVE_COLOR, size=11, position=_away(b))
    arrows = [np.array([u, v]), delta, np.asarray(best, dtype=float) if best is not None else np.zeros(2)]
    _label_point(fig, 0.0, 0.0, center_label, START_COLOR, position=_clear_of(arrows), size=11)
    _layout(fig, title, "Δθ₁ = θ₁ − a", "Δθ₂ = θ₂ − b", height)
    fig.update_xaxes(range=[-half, half], zeroline=True, zerolinecolor="#bbb")
    fig.update_yaxes(range=[-half, half], zeroline=True, zerolinecolor="#bbb", scaleanchor="x", scaleratio=1,
                     constrain="domain")
    fig.update_xaxes(constrain="domain")
    fig.update_layout(margin={"b": 85}, legend={"y": -0.16})
    return fig


_POSITIONS = {0: "middle right", 45: "top right", 90: "top center", 135: "top left", 180: "middle left",
              225: "bottom left", 270: "bottom center", 315: "bottom right"}


def _clear_of(arrows) -> str:
    """A text position for a label at the origin, in the direction farthest from every arrow drawn from it."""
    angles = [np.degrees(np.arctan2(a[1], a[0])) for a in arrows if float(np.hypot(*a)) > 0]

    def gap(candidate: float) -> float:
        return min((abs((candidate - a + 180) % 360 - 180) for a in angles), default=360.0)

    return _POSITIONS[max(_POSITIONS, key=gap)]


def _away(point) -> str:
    """A text position for a label at the tip of an arrow from the origin: beyond the tip."""
    x, y = (float(c) for c in point)
    vertical = "top" if y > 0.38 * abs(x) else "bottom" if y < -0.38 * abs(x) else "middle"
    horizontal = "right" if x > 0.38 * abs(y) else "left" if x < -0.38 * abs(y) else "center"
    return f"{vertical} {horizontal}" if vertical != "middle" or horizontal != "center" else "top center"


def curve_window(d_max: float, d_now: float, best_d: float | None, up_from: float | None) -> float:
    """How far along d to draw the change of the loss: past where the step stops paying, and past d now."""
    if up_from is not None:
        far = 1.35 * up_from
    elif best_d is not None:
        far = 2.5 * best_d
    else:
        far = d_max
    return float(min(d_max, max(far, 1.15 * d_now, 0.05 * d_max)))


def circle_curve_figure(d, actual, predicted, d_now: float, actual_now: float, best_d: float | None,
                        up_from: float | None, d_max_shown: float, title: str, x_title: str, y_title: str,
                        actual_label: str, predicted_label: str, now_label: str, best_label: str, up_label: str,
                        height: int = 440) -> Fig:
    """L(θ(d)) − L(a, b) against the radius d: the true loss (blue) and the linear model's −d‖∇L‖ (grey)."""
    d = np.asarray(d, dtype=float)
    actual = np.asarray(actual, dtype=float)
    predicted = np.asarray(predicted, dtype=float)
    shown = d <= d_max_shown * 1.0001
    fig = Fig()
    fig.add_hline(y=0.0, line={"color": "#999", "width": 1.5})
    fig.add_trace(trace("scatter", x=d[shown], y=_f32(predicted[shown]), mode="lines", name=predicted_label,
                        line={"color": MODEL_COLOR, "width": 3, "dash": "dash"}))
    fig.add_trace(trace("scatter", x=d[shown], y=_f32(actual[shown]), mode="lines", name=actual_label,
                        line={"color": MOVE_COLOR, "width": 3.5}))
    if best_d is not None and best_d <= d_max_shown:
        fig.add_vline(x=best_d, line={"color": "#009E73", "width": 2, "dash": "dot"},
                      annotation={"text": best_label, "font": {"size": 15, "color": "#00704f"},
                                  "bgcolor": "rgba(255,255,255,0.85)"}, annotation_position="top right")
    if up_from is not None and up_from <= d_max_shown:
        fig.add_vline(x=up_from, line={"color": GRADIENT_COLOR, "width": 2.5, "dash": "dash"},
                      annotation={"text": up_label, "font": {"size": 15, "color": GRADIENT_COLOR},
                                  "bgcolor": "rgba(255,255,255,0.85)"}, annotation_position="bottom right")
    if np.isfinite(actual_now):
        fig.add_trace(trace("scatter", x=[d_now], y=[actual_now], mode="markers", name=now_label,
                            marker={"size": 15, "color": CIRCLE_COLOR, "line": {"color": "white", "width": 2}},
                            hovertemplate="d=%{x:.3g}<br>%{y:.4g}<extra></extra>"))
    _layout(fig, title, x_title, y_title, height)
    fig.update_layout(margin={"b": 120}, legend={"y": -0.2})
    fig.update_xaxes(range=[0.0, d_max_shown])
    # The vertical window follows the true loss (the model's straight line may leave it at the bottom).
    true_shown = actual[shown]
    window = _y_window(true_shown, [actual_now, 0.0], pad=0.12)
    if window is not None:
        fig.update_yaxes(range=window)
    return fig


# --- Newton's step --------------------------------------------------------------------------

def newton_figure(xs, ys, Z, center, gd_point, newton_point, title: str, center_label: str, gd_label: str,
                  newton_label: str, minima: Sequence = (), saddles: Sequence = (), x_range=None, y_range=None,
                  height: int = 440, marker_labels: dict[str, str] | None = None) -> Fig:
    """The loss contours with the gradient step (blue) and Newton's step (black) from (a, b)."""
    fig = contour(xs, ys, Z, title, minima=minima, saddles=saddles, x_range=x_range, y_range=y_range,
                  height=height, **(marker_labels or {}))
    center = np.asarray(center, dtype=float)
    for point, color, label, symbol in ((gd_point, MOVE_COLOR, gd_label, "circle"),
                                        (newton_point, NEWTON_COLOR, newton_label, "circle-open")):
        if point is None:
            continue
        point = np.asarray(point, dtype=float)
        if not np.all(np.isfinite(point)):
            continue
        if not np.allclose(point, center):
            _arrow(fig, center, point, color, 3.5, 0.9)
        fig.add_trace(trace("scatter", x=[point[0]], y=[point[1]], mode="markers", name=label,
                            marker={"size": 15, "color": color, "symbol": symbol, "line": {"width": 3,
                                                                                          "color": color}},
                            hovertemplate=f"{label}<br>(%{{x:.4g}}, %{{y:.4g}})<extra></extra>"))
    _label_point(fig, float(center[0]), float(center[1]), center_label, START_COLOR, position="bottom center",
                 size=11)
    _equal_axes(fig)
    fig.update_layout(margin={"b": 85}, legend={"y": -0.16})
    return fig


def newton_slice_figure(distance, loss, quadratic, title: str, x_title: str, loss_label: str, model_label: str,
                        center_label: str, newton_label: str, newton_at: float, s: float, newton_value: float,
                        height: int = 440) -> Fig:
    """The loss and the quadratic model along the line from (a, b) (distance 0, where both are s) through
    Newton's point (at distance ``newton_at``, where the model is ``newton_value``)."""
    distance = np.asarray(distance, dtype=float)
    loss = np.asarray(loss, dtype=float)
    quadratic = np.asarray(quadratic, dtype=float)
    fig = Fig()
    fig.add_trace(trace("scatter", x=distance, y=_f32(loss), mode="lines", name=loss_label, line=FUNCTION_LINE))
    fig.add_trace(trace("scatter", x=distance, y=_f32(quadratic), mode="lines", name=model_label,
                        line={"color": TAYLOR_COLOR, "width": 3.5, "dash": "dash"}))
    _label_point(fig, 0.0, float(s), center_label, START_COLOR, position="top center", size=11)
    _label_point(fig, float(newton_at), float(newton_value), newton_label, NEWTON_COLOR, position="top center")
    _layout(fig, title, x_title, "", height)
    fig.update_layout(margin={"b": 120}, legend={"y": -0.2}, font=FONT)
    window = _y_window(loss, quadratic, pad=0.2)
    if window is not None:
        fig.update_yaxes(range=window)
    fig.update_xaxes(range=[float(distance[0]), float(distance[-1])])
    return fig
