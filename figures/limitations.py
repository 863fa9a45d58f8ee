"""The limitations lesson's own figures: gradient descent from several starts on a landscape with a
plateau, a saddle point and two minima; ‖∇L‖ and L along each path.

No Streamlit and no optimization here: the numbers come from gd_core, the text arrives translated.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from .base import Path, _layout, add_path, contour
from .fig import Fig, trace

__all__ = ["START_COLORS", "grad_norms", "landscape", "level_line", "losses", "slide_picture"]

START_COLORS = ("#E69F00", "#D55E00", "#009E73", "#CC79A7")
"""One colour per start slot (Okabe–Ito orange, vermillion, green, purple): all readable on the dark
blue plateau and on the pale minima."""

FLOOR = 1e-16
"""‖∇L‖ below this (round-off: the run sits on a critical point) is drawn on this floor."""


def level_line(fig: Fig, y: float, text: str, log: bool, above: bool = True, dash: str = "dot",
               color: str = "#666") -> Fig:
    """A horizontal line at ``y`` labelled at its right end, just above (or below) it.

    The label is an annotation placed by hand: on a log axis an annotation's y is log₁₀ of the value
    (Plotly's ``add_hline(annotation=…)`` puts it at the raw value, far from a line at 10⁻³)."""
    fig.add_hline(y=y, line={"color": color, "dash": dash, "width": 2 if dash == "dash" else 1.5})
    fig.add_annotation(x=1.0, xref="paper", xanchor="right", y=float(np.log10(y)) if log else y, yref="y",
                       yanchor="bottom" if above else "top", text=text, showarrow=False,
                       font={"size": 14, "color": "#111"}, bgcolor="rgba(255,255,255,0.85)")
    return fig


def landscape(xs, ys, Z, title: str, paths: Sequence[Path], labels: Sequence[tuple[tuple[float, float], str]],
              minima=(), saddles=(), plateau: tuple[float, float] | None = None, plateau_label: str = "",
              x_range=None, y_range=None, height: int = 440, marker_labels: dict[str, str] | None = None) -> Fig:
    """The contour with the critical points named, the plateau shaded, and one path per start.

    ``labels`` are (θ, text) for each critical point; ``plateau`` is the θ₁ interval of the plateau.
    The legend (one entry per start) sits under the plot; the smaller plots below it reuse its colours.
    """
    fig = contour(xs, ys, Z, title, minima=minima, saddles=saddles, x_range=x_range, y_range=y_range,
                  height=height, **(marker_labels or {}))
    fig.update_traces(showscale=False, selector={"type": "contour"})
    if plateau is not None:
        y0, y1 = (y_range if y_range is not None else (float(ys[0]), float(ys[-1])))
        fig.add_shape(type="rect", x0=plateau[0], x1=plateau[1], y0=y0, y1=y1, xref="x", yref="y",
                      line={"color": "white", "width": 2, "dash": "dot"}, fillcolor="rgba(255,255,255,0.12)",
                      layer="above")
        fig.add_annotation(x=plateau[0], y=y1, xanchor="left", yanchor="top", xshift=4, yshift=-4,
                           text=plateau_label, showarrow=False, font={"size": 15, "color": "#111"},
                           bgcolor="rgba(255,255,255,0.85)")
    for point, text in labels:
        fig.add_annotation(x=point[0], y=point[1], text=text, showarrow=False, xanchor="left", xshift=14,
                           font={"size": 15, "color": "#111"}, bgcolor="rgba(255,255,255,0.8)")
    for path in paths:
        add_path(fig, path, start_label=None, show_start=True, marker_size=5)
    fig.update_layout(margin={"b": 80, "r": 10, "t": 45},
                      legend={"orientation": "h", "yanchor": "top", "y": -0.16, "xanchor": "left", "x": 0.0})
    return fig


def grad_norms(series: Sequence[tuple[str, np.ndarray, str]], flat: float, flat_label: str, title: str,
               x_title: str, y_title: str, height: int = 340) -> Fig:
    """‖∇L(θᵗ)‖ against t on a log axis, one line per (name, norms, colour), with the line ‖∇L‖ = ``flat``
    under which the lecture says ∂L/∂w ≈ 0. Values below :data:`FLOOR` (round-off) sit on the floor.
    No legend: the colours are the map's."""
    fig = Fig()
    top = flat
    for name, norms, color in series:
        y = np.asarray(norms, dtype=float)
        t = np.arange(len(y))
        keep = np.isfinite(y)
        shown = np.maximum(y[keep], FLOOR)
        if shown.size:
            top = max(top, float(shown.max()))
        fig.add_trace(trace("scatter", x=t[keep], y=shown.astype(np.float32), mode="lines", name=name,
                            line={"color": color, "width": 3}, customdata=y[keep].astype(np.float32),
                            hovertemplate=f"{name}<br>t=%{{x}}<br>‖∇L‖=%{{customdata:.3g}}<extra></extra>"))
    level_line(fig, flat, flat_label, log=True, above=True, dash="dash", color="#333")
    _layout(fig, title, x_title, y_title, height)
    fig.update_yaxes(type="log", exponentformat="power", dtick=4,
                     range=[np.log10(FLOOR) - 0.3, np.log10(max(top, 10 * flat)) + 0.3])
    fig.update_layout(showlegend=False, margin={"b": 60})
    return fig


def losses(series: Sequence[tuple[str, np.ndarray, str]], levels: Sequence[tuple[float, str]], title: str,
           x_title: str, y_title: str, height: int = 340) -> Fig:
    """L(θᵗ) against t, one line per (name, losses, colour), with the loss of each critical point as a
    dotted level (value, label): a run stuck at one flattens onto its level. No legend: the map's colours."""
    fig = Fig()
    for name, values, color in series:
        y = np.asarray(values, dtype=float)
        t = np.arange(len(y))
        keep = np.isfinite(y)
        fig.add_trace(trace("scatter", x=t[keep], y=y[keep].astype(np.float32), mode="lines", name=name,
                            line={"color": color, "width": 3},
                            hovertemplate=f"{name}<br>t=%{{x}}<br>L=%{{y:.4g}}<extra></extra>"))
    # Labels alternate above and below their level, so close levels (the saddle's and the local minimum's)
    # do not print on top of each other.
    for k, (value, label) in enumerate(sorted(levels)):
        level_line(fig, value, label, log=False, above=k % 2 == 0)
    _layout(fig, title, x_title, y_title, height)
    fig.update_layout(showlegend=False, margin={"b": 60})
    return fig


def slide_picture(w, loss, marks: Sequence[tuple[float, float, str, str]], title: str, x_title: str, y_title: str,
                  height: int = 360) -> Fig:
    """The last slide's picture: the loss against one parameter w, and each place it names marked with its
    words, one (w, L, text, colour) per mark. Labels alternate above and below the curve so that close
    places do not print over each other."""
    w = np.asarray(w, dtype=float)
    loss = np.asarray(loss, dtype=float)
    fig = Fig(trace("scatter", x=w.astype(np.float32), y=loss.astype(np.float32), mode="lines", showlegend=False,
                    line={"color": "#555", "width": 3.5}, hovertemplate="w=%{x:.3g}<br>L=%{y:.4g}<extra></extra>"))
    # The window holds the marked places (and the plateau's level): the curve may leave it at the far right.
    levels = [float(m[1]) for m in marks] or [float(np.nanmin(loss)), float(np.nanmax(loss))]
    lo, hi = min(levels), max(levels)
    span = hi - lo or 1.0
    for k, (mw, ml, text, color) in enumerate(marks):
        fig.add_trace(trace("scatter", x=[mw], y=[ml], mode="markers", showlegend=False, name=text,
                            marker={"size": 14, "color": color, "line": {"color": "white", "width": 2}},
                            hovertemplate=text + "<br>w=%{x:.3g}, L=%{y:.4g}<extra></extra>"))
        above = k % 2 == 0
        fig.add_annotation(x=mw, y=ml, text=text, showarrow=True, arrowhead=0, arrowwidth=1.5, arrowcolor=color,
                           ax=-50 if mw > float(w[0]) + 0.85 * (float(w[-1]) - float(w[0])) else 0,
                           ay=-55 if above else 55, font={"size": 15, "color": color},
                           bgcolor="rgba(255,255,255,0.9)", align="center")
    _layout(fig, title, x_title, y_title, height)
    fig.update_xaxes(range=[float(w[0]), float(w[-1])])
    fig.update_yaxes(range=[lo - 0.6 * span, hi + 0.6 * span], showticklabels=False)
    fig.update_layout(margin={"l": 40, "r": 20, "t": 45, "b": 50})
    return fig
