"""The best-step lesson's own figures: the best step and a gradient step on a parabola, two
parameters' slices with points a, b, c, d, and first derivatives sampled on a flat and a sharp curve.

No Streamlit and no optimization here: the numbers come from gd_core, the text arrives translated.
Colours: green = the best step (the distance to the minimum), blue = a gradient step (as everywhere),
red = a first derivative (a tangent; red is the gradient everywhere).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from .base import CONTOUR_SCALE, FONT, GRADIENT_COLOR, MOVE_COLOR, START_COLOR, _layout
from .fig import Fig, subplots_1x2, trace

__all__ = ["BEST_COLOR", "FLAT_COLOR", "SHARP_COLOR", "SlicePoint", "best_step_figure", "best_step_window",
           "sample_bars", "samples_figure", "slices_contour_figure", "slices_figure"]

BEST_COLOR = "#009E73"
"""The best step (Okabe–Ito green)."""
FLAT_COLOR = "#56B4E9"
"""The flat curve / the flat parameter w₁ (sky blue)."""
SHARP_COLOR = "#CC79A7"
"""The sharp curve / the sharp parameter w₂ (reddish purple)."""
MIN_STAR = {"symbol": "star", "size": 20, "color": "#FFD700", "line": {"color": "black", "width": 1.5}}
CURVE_LINE = {"color": "#555", "width": 3}
POINT_MARKER = {"size": 14, "color": START_COLOR, "line": {"color": "white", "width": 2}}


def _tangents(x, y, slope, x_span: float, y_span: float, aspect: float, length: float = 0.16):
    """Tangent segments through (x, y) with the given slopes, all about ``length`` of the plot's
    height on screen whatever their slope (``aspect`` = plot width / height), as one polyline
    with gaps: the angle shows the first derivative."""
    x, y, slope = (np.atleast_1d(np.asarray(v, dtype=float)) for v in (x, y, slope))
    ux = aspect / x_span
    uy = slope / y_span
    half = 0.5 * length / np.hypot(ux, uy)
    gap = np.full_like(x, np.nan)
    tx = np.column_stack([x - half, x + half, gap]).ravel()
    ty = np.column_stack([y - slope * half, y + slope * half, gap]).ravel()
    return tx, ty


def _harrow(fig: Fig, x_from: float, x_to: float, y: float, color: str, width: float = 4,
            axis: str = "") -> None:
    """A horizontal arrow from x_from to x_to at height y on axes x{axis}, y{axis} (none if it has no length)."""
    if not (np.isfinite(x_from) and np.isfinite(x_to) and np.isfinite(y)) or x_from == x_to:
        return
    fig.add_annotation(x=float(x_to), y=float(y), ax=float(x_from), ay=float(y), xref=f"x{axis}", yref=f"y{axis}",
                       axref=f"x{axis}", ayref=f"y{axis}", showarrow=True, arrowhead=2, arrowsize=1.0,
                       arrowwidth=width, arrowcolor=color, text="")


def best_step_window(x0: float, minimum: float, x1: float) -> tuple[tuple[float, float], bool]:
    """The x window around x₀ and the minimum, widened to hold x¹ unless it lands far away.

    Returns ``((lo, hi), x1_shown)``.
    """
    lo, hi = min(x0, minimum), max(x0, minimum)
    span = max(hi - lo, 1.0)
    shown = bool(np.isfinite(x1)) and lo - 2.5 * span <= x1 <= hi + 2.5 * span
    if shown:
        lo, hi = min(lo, x1), max(hi, x1)
    pad = 0.3 * max(hi - lo, 1.0)
    return (round(float(lo - pad), 6), round(float(hi + pad), 6)), shown


def best_step_figure(xs, ys, x0: float, y0: float, minimum: float, y_min: float, x1: float, y1: float,
                     x1_shown: bool, first: float, title: str, best_label: str, step_label: str,
                     x0_label: str = "x₀", min_label: str = "−b/2a", x1_label: str = "x¹",
                     height: int = 400, minimum_name: str = "minimum") -> Fig:
    """The parabola with x₀, the minimum −b/2a and the gradient step's landing point x¹; below the
    curve two horizontal arrows from x₀: the best step (green, to the minimum) and the gradient
    step (blue, to x¹, or to the edge when x¹ is far off the plot); a red tangent at x₀ whose slope
    is the first derivative."""
    xs = np.asarray(xs, dtype=float)
    ys = np.asarray(ys, dtype=float)
    lo_x, hi_x = float(xs[0]), float(xs[-1])
    finite = ys[np.isfinite(ys)]
    top = float(finite.max()) if finite.size else 1.0
    bottom = float(min(y_min, finite.min() if finite.size else y_min))
    span = max(top - bottom, 1e-9)
    # A band under the curve for the two arrows: the best step, and the gradient step below it.
    y_best = bottom - 0.13 * span
    y_grad = bottom - 0.30 * span
    y_range = [bottom - 0.40 * span, top + 0.08 * span]

    fig = Fig(trace("scatter", x=xs.astype(np.float32), y=ys.astype(np.float32), mode="lines", line=CURVE_LINE,
                          showlegend=False, hovertemplate="x=%{x:.3g}<br>y=%{y:.4g}<extra></extra>"))
    # Dotted guides from the points down to their arrows.
    guides = [(x0, y0, y_grad), (minimum, y_min, y_best)]
    if x1_shown:
        guides.append((x1, y1, y_grad))
    for gx, gy, g_end in guides:
        fig.add_trace(trace("scatter", x=[gx, gx], y=[gy, g_end], mode="lines", showlegend=False, hoverinfo="skip",
                            line={"color": "#888", "width": 1.5, "dash": "dot"}))
    tx, ty = _tangents(x0, y0, first, hi_x - lo_x, y_range[1] - y_range[0], aspect=1.4, length=0.3)
    fig.add_trace(trace("scatter", x=tx, y=ty, mode="lines", line={"color": GRADIENT_COLOR, "width": 5},
                        showlegend=False, hoverinfo="skip"))
    _harrow(fig, x0, minimum, y_best, BEST_COLOR, 5)
    x1_drawn = x1 if x1_shown else (lo_x if x1 < x0 else hi_x)
    _harrow(fig, x0, x1_drawn, y_grad, MOVE_COLOR, 5)
    # Labels start at x₀ and run towards the minimum (inwards: x₀ sits near an edge of the window).
    inward = float(np.sign(minimum - x0))
    anchor = {1.0: "left", -1.0: "right"}.get(inward, "center")
    for y, text, color in ((y_best, best_label, BEST_COLOR), (y_grad, step_label, MOVE_COLOR)):
        fig.add_annotation(x=x0, y=y, text=text, showarrow=False, xanchor=anchor, xshift=8 * inward, yshift=16,
                           font={"size": 18, "color": color}, bgcolor="rgba(255,255,255,0.85)")
    fig.add_trace(trace("scatter", x=[minimum], y=[y_min], mode="markers+text", text=[min_label],
                        textposition="top center", textfont={"size": 18}, marker=MIN_STAR, showlegend=False,
                        hovertemplate=minimum_name + " x=%{x:.4g}<extra></extra>"))
    if x1_shown:
        fig.add_trace(trace("scatter", x=[x1], y=[y1], mode="markers+text", text=[x1_label], textposition="top center",
                            textfont={"size": 19, "color": MOVE_COLOR},
                            marker={"size": 14, "color": MOVE_COLOR, "line": {"color": "white", "width": 2}},
                            showlegend=False, hovertemplate="x¹=%{x:.4g}<extra></extra>"))
    fig.add_trace(trace("scatter", x=[x0], y=[y0], mode="markers+text", text=[x0_label],
                        textposition="middle right" if first <= 0 else "middle left",
                        textfont={"size": 20, "color": START_COLOR}, marker=POINT_MARKER, showlegend=False,
                        hovertemplate="x₀=%{x:.4g}<extra></extra>"))
    _layout(fig, title, "x", "y", height)
    fig.update_layout(margin={"l": 60, "r": 20, "t": 50, "b": 55})
    fig.update_xaxes(range=[lo_x, hi_x])
    fig.update_yaxes(range=y_range)
    return fig


@dataclass(frozen=True)
class SlicePoint:
    """A labelled point on one parameter's slice: its position w, loss, and first derivative."""

    label: str
    w: float
    loss: float
    first: float


def _slice_panel(fig: Fig, col: int, xs, ys, points: Sequence[SlicePoint], color: str,
                 x_span: float, y_span: float, minimum_name: str = "minimum",
                 first_name: str = "first derivative") -> None:
    axis = "" if col == 1 else str(col)
    fig.add_trace(trace("scatter", x=np.asarray(xs, dtype=np.float32), y=np.asarray(ys, dtype=np.float32), mode="lines",
                        line={"color": color, "width": 4}, showlegend=False,
                        hovertemplate="w=%{x:.3g}<br>L=%{y:.4g}<extra></extra>"), row=1, col=col)
    tx, ty = _tangents([p.w for p in points], [p.loss for p in points], [p.first for p in points],
                       x_span, y_span, aspect=0.75, length=0.2)
    fig.add_trace(trace("scatter", x=tx, y=ty, mode="lines", line={"color": GRADIENT_COLOR, "width": 4},
                        showlegend=False, hoverinfo="skip"), row=1, col=col)
    for p in points:
        _harrow(fig, p.w, 0.0, p.loss, BEST_COLOR, 3, axis=axis)
    fig.add_trace(trace("scatter", x=[p.w for p in points], y=[p.loss for p in points], mode="markers+text",
                        text=[f"<b>{p.label}</b>" for p in points], textposition="top left",
                        textfont={"size": 24, "color": START_COLOR}, marker=POINT_MARKER, showlegend=False,
                        customdata=[p.first for p in points],
                        hovertemplate="w=%{x:.3g}<br>" + first_name + " %{customdata:.4g}<extra></extra>"),
                  row=1, col=col)
    fig.add_trace(trace("scatter", x=[0.0], y=[0.0], mode="markers", marker=MIN_STAR, showlegend=False,
                        hovertemplate=minimum_name + "<extra></extra>"), row=1, col=col)


def slices_figure(w_range, curve1, curve2, points1: Sequence[SlicePoint], points2: Sequence[SlicePoint],
                  title: str, titles: tuple[str, str], x_titles: tuple[str, str], y_title: str,
                  height: int = 400, minimum_name: str = "minimum",
                  first_name: str = "first derivative") -> Fig:
    """Two slices side by side on the same scales: w₁ with points a, b and w₂ with points c, d; at
    each point a red tangent (its first derivative) and a green arrow to the minimum (its distance)."""
    lo, hi = (float(v) for v in w_range)
    top = max([p.loss for p in (*points1, *points2)] + [0.0])
    top = top if top > 0 else 1.0
    y_range = [-0.08 * top, 1.25 * top]
    fig = subplots_1x2(titles, spacing=0.06)
    _slice_panel(fig, 1, curve1[0], curve1[1], points1, FLAT_COLOR, hi - lo, y_range[1] - y_range[0],
                 minimum_name, first_name)
    _slice_panel(fig, 2, curve2[0], curve2[1], points2, SHARP_COLOR, hi - lo, y_range[1] - y_range[0],
                 minimum_name, first_name)
    _layout(fig, title, "", y_title, height)
    fig.update_layout(margin={"l": 45 if not y_title else 60, "r": 15, "t": 35 if not title else 80, "b": 55})
    for text in titles:
        fig.update_annotations(font={"size": 18, "family": FONT["family"]}, selector={"text": text})
    for col, x_title in ((1, x_titles[0]), (2, x_titles[1])):
        fig.update_xaxes(range=[lo, hi], title={"text": x_title, "font": {"size": 18}, "standoff": 4},
                         row=1, col=col)
    fig.update_yaxes(range=y_range)
    fig.update_yaxes(title={"text": y_title, "font": {"size": 18}, "standoff": 4}, row=1, col=1)
    return fig


def slices_contour_figure(w1s, w2s, L, points1: Sequence[SlicePoint], points2: Sequence[SlicePoint], title: str,
                          slice_names: tuple[str, str], minimum_name: str = "minimum", height: int = 400) -> Fig:
    """The loss L = a₁w₁² + a₂w₂² on the w₁–w₂ plane that the two slices are cut from: its contours,
    the w₁ slice (the line w₂ = 0, sky blue) with a, b on it and the w₂ slice
    (the line w₁ = 0, purple) with c, d, and the minimum at the origin. One unit is as long on both axes."""
    w1s = np.asarray(w1s, dtype=float)
    w2s = np.asarray(w2s, dtype=float)
    fig = Fig(trace("contour", x=w1s.astype(np.float32), y=w2s.astype(np.float32),
                    z=np.asarray(L, dtype=np.float32), colorscale=CONTOUR_SCALE, showscale=False,
                    ncontours=14, contours={"coloring": "heatmap", "showlines": True},
                    line={"width": 0.6, "color": "rgba(40,60,90,0.35)"}, name="L",
                    hovertemplate="w₁=%{x:.3g}<br>w₂=%{y:.3g}<br>L=%{z:.4g}<extra></extra>"))
    lo1, hi1, lo2, hi2 = float(w1s[0]), float(w1s[-1]), float(w2s[0]), float(w2s[-1])
    for (xs, ys), color, name in ((([lo1, hi1], [0.0, 0.0]), FLAT_COLOR, slice_names[0]),
                                  (([0.0, 0.0], [lo2, hi2]), SHARP_COLOR, slice_names[1])):
        fig.add_trace(trace("scatter", x=xs, y=ys, mode="lines", name=name, line={"color": color, "width": 5},
                            hoverinfo="skip"))
    for p, on_w1 in [*((p, True) for p in points1), *((p, False) for p in points2)]:
        x, y = (p.w, 0.0) if on_w1 else (0.0, p.w)
        fig.add_trace(trace("scatter", x=[x], y=[y], mode="markers+text", text=[f"<b>{p.label}</b>"],
                            textposition="top center" if on_w1 else "middle right",
                            textfont={"size": 22, "color": START_COLOR}, marker=POINT_MARKER, showlegend=False,
                            hovertemplate=f"{p.label}: w₁=%{{x:.3g}}, w₂=%{{y:.3g}}<extra></extra>"))
    fig.add_trace(trace("scatter", x=[0.0], y=[0.0], mode="markers", marker=MIN_STAR, showlegend=False,
                        hovertemplate=minimum_name + "<extra></extra>"))
    _layout(fig, title, "w₁", "w₂", height)
    fig.update_xaxes(range=[lo1, hi1], constrain="domain")
    fig.update_yaxes(range=[lo2, hi2], scaleanchor="x", scaleratio=1, constrain="domain")
    fig.update_layout(margin={"l": 50, "r": 10, "t": 35 if not title else 50, "b": 80}, legend={"y": -0.2})
    return fig


def samples_figure(x_range, flat_curve, sharp_curve, xs, g_flat, g_sharp, y_flat, y_sharp,
                   flat_name: str, sharp_name: str, title: str, height: int = 400) -> Fig:
    """The flat and the sharp curve with the same sample points xⁱ; at each a red tangent whose
    slope is the first derivative gⁱ there (steeper on the sharp curve)."""
    lo, hi = (float(v) for v in x_range)
    xs = np.asarray(xs, dtype=float)
    top = float(np.nanmax(np.asarray(sharp_curve[1], dtype=float)))
    top = top if np.isfinite(top) and top > 0 else 1.0
    y_range = [-0.05 * top, 1.05 * top]
    fig = Fig()
    for name, (cx, cy), g, y, color in ((flat_name, flat_curve, g_flat, y_flat, FLAT_COLOR),
                                         (sharp_name, sharp_curve, g_sharp, y_sharp, SHARP_COLOR)):
        fig.add_trace(trace("scatter", x=np.asarray(cx, dtype=np.float32), y=np.asarray(cy, dtype=np.float32),
                            mode="lines", line={"color": color, "width": 4}, name=name,
                            hovertemplate="x=%{x:.3g}<br>y=%{y:.4g}<extra>" + name + "</extra>"))
        tx, ty = _tangents(xs, y, g, hi - lo, y_range[1] - y_range[0], aspect=1.2, length=0.12)
        fig.add_trace(trace("scatter", x=tx, y=ty, mode="lines", line={"color": GRADIENT_COLOR, "width": 4},
                            showlegend=False, hoverinfo="skip"))
        fig.add_trace(trace("scatter", x=xs, y=np.asarray(y, dtype=float), mode="markers", showlegend=False,
                            customdata=np.asarray(g, dtype=float),
                            marker={"size": 11, "color": color, "line": {"color": "black", "width": 1.5}},
                            hovertemplate="x=%{x:.3g}<br>g=%{customdata:.4g}<extra>" + name + "</extra>"))
    _layout(fig, title, "x", "y", height)
    fig.update_layout(margin={"l": 60, "r": 20, "t": 50, "b": 105})
    fig.update_xaxes(range=[lo, hi])
    fig.update_yaxes(range=y_range)
    return fig


def sample_bars(g_flat, g_sharp, flat_name: str, sharp_name: str, sample_label: str, title: str,
                y_title: str, height: int = 340) -> Fig:
    """|gⁱ| on the flat and the sharp curve, sample by sample, as grouped bars."""
    g_flat = np.abs(np.asarray(g_flat, dtype=float))
    g_sharp = np.abs(np.asarray(g_sharp, dtype=float))
    labels = [sample_label.format(i=_sup(i)) for i in range(len(g_flat))]
    fig = Fig()
    for name, g, color in ((flat_name, g_flat, FLAT_COLOR), (sharp_name, g_sharp, SHARP_COLOR)):
        fig.add_trace(trace("bar", x=labels, y=g.astype(np.float32), name=name, marker={"color": color},
                            hovertemplate="%{x}: |g|=%{y:.4g}<extra>" + name + "</extra>"))
    _layout(fig, title, "", y_title, height)
    fig.update_layout(barmode="group", bargap=0.25, margin={"l": 60, "r": 20, "t": 50, "b": 100})
    fig.update_xaxes(showgrid=False, tickfont={"size": 17})
    fig.update_yaxes(rangemode="tozero")
    return fig


def _sup(i: int) -> str:
    """An index as superscript digits (x⁰, x¹, … as the lecture writes gⁱ)."""
    return str(i).translate(str.maketrans("0123456789", "⁰¹²³⁴⁵⁶⁷⁸⁹"))
