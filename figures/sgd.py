"""The SGD lesson's own figures: the three runs on the (w, b) loss contours, loss against epochs
and against updates with the least-squares loss marked, and the data with the fitted lines.

No Streamlit and no optimization here: the numbers come from gd_core, the text arrives translated.
Colours: OPTIMIZER_COLORS["gd"], ["sgd"], ["minibatch"], as everywhere.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from .base import FONT, Path, _layout, add_path, contour, loss_curves
from .fig import Fig, trace

__all__ = ["Line", "data_lines", "log_range", "loss_against", "paths_contour"]

DATA_COLOR = "#7f7f7f"
PICKED_COLOR = "#000000"
STAR_LINE = {"color": "#000000", "width": 1.5, "dash": "dot"}


def paths_contour(ws, bs, Z, paths: Sequence[Path], current: Sequence, theta_star, title: str, window,
                  star_label: str, x_title: str = "w", y_title: str = "b", height: int = 460,
                  marker_sizes: Sequence[int] | None = None) -> Fig:
    """L(w, b) as filled contours with each run's path (θ⁰ … θ^U) and, for each, a large marker at
    ``current[i]`` (where the run is at the selected moment; None to leave it out). The
    least-squares (w*, b*) is the star."""
    fig = contour(ws, bs, Z, title, x_title, y_title, height=height, colorbar_title="L(w, b)",
                  minima=[tuple(float(v) for v in theta_star[:2])], x_range=window[0], y_range=window[1],
                  minimum_label=star_label)
    fig.data[1]["name"] = star_label
    fig.data[0]["showscale"] = False  # the colour bar would take a fifth of a half-width figure; hover shows L
    for i, path in enumerate(paths):
        size = marker_sizes[i] if marker_sizes else 6
        add_path(fig, path, start_label="θ⁰" if i == 0 else None, show_start=i == 0, marker_size=size)
    for path, point in zip(paths, current):
        if point is None or not np.all(np.isfinite(point)):
            continue
        fig.add_trace(trace("scatter", x=[float(point[0])], y=[float(point[1])], mode="markers", showlegend=False,
                            marker={"size": 17, "color": path.color, "line": {"color": "white", "width": 3}},
                            hovertemplate=f"{path.name}<br>w=%{{x:.4g}}<br>b=%{{y:.4g}}<extra></extra>"))
    return fig


def log_range(losses: Sequence[np.ndarray], floor: float, headroom: float = 1e3) -> list[float] | None:
    """A log-axis range (in decades) from below ``floor`` (the least-squares loss) to ``headroom`` times
    the largest starting loss: a loss that grows past it leaves the top of the plot instead of squeezing
    twenty decades of tick labels onto the axis."""
    starts = [float(v[0]) for v in losses if len(v) and np.isfinite(v[0]) and v[0] > 0]
    lows = [float(np.min(v[np.isfinite(v) & (v > 0)])) for v in map(np.asarray, losses)
            if np.any(np.isfinite(v) & (v > 0))]
    if not starts or not lows:
        return None
    bottom = min(lows + ([floor] if np.isfinite(floor) and floor > 0 else []))
    top = max(starts) * headroom
    top = min(top, max(float(np.max(v[np.isfinite(v)])) for v in map(np.asarray, losses) if np.isfinite(v).any()))
    top = max(top, max(starts))
    return [float(np.log10(bottom)) - 0.15, float(np.log10(top)) + 0.15]


def loss_against(series: Sequence[tuple[str, np.ndarray, np.ndarray, str]], loss_star: float, title: str,
                 x_title: str, star_label: str, height: int = 460, x_max: float | None = None) -> Fig:
    """L(θ) of each run (name, x values, losses, colour) on a log scale, with the least-squares
    loss L* as a dotted line (the floor no run can go below)."""
    fig = loss_curves([(name, losses, color) for name, _, losses, color in series], title, x_title, "L(w, b)",
                      log_y=True, height=height, x_values=[x for _, x, _, _ in series])
    fig.update_traces(marker={"size": 4})
    if np.isfinite(loss_star) and loss_star > 0:
        right = x_max if x_max is not None else max((float(np.nanmax(x)) for _, x, _, _ in series if len(x)),
                                                    default=1.0)
        fig.add_trace(trace("scatter", x=[0.0, right], y=[float(loss_star)] * 2, mode="lines", name=star_label,
                            line=STAR_LINE, hovertemplate=f"{star_label}: %{{y:.4g}}<extra></extra>"))
    if x_max is not None:
        fig.update_xaxes(range=[-0.02 * x_max, 1.02 * x_max])
    y_range = log_range([losses for _, _, losses, _ in series], loss_star)
    if y_range is not None:
        fig.update_yaxes(range=y_range)
    fig.update_layout(legend={"entrywidth": 0.5, "entrywidthmode": "fraction"})
    return fig


@dataclass(frozen=True)
class Line:
    """A fitted line to draw: its points, legend name, colour, dash."""

    xs: np.ndarray
    ys: np.ndarray
    name: str
    color: str
    dash: str = "solid"
    width: float = 3.5


def data_lines(x, y, lines: Sequence[Line], picked: int | None, title: str, x_title: str, y_title: str,
               picked_label: str, data_label: str, height: int = 420) -> Fig:
    """The examples (xⁿ, ŷⁿ) as points, the fitted lines ŷ = b + w x, and the example ``picked``
    (the one SGD's latest update used) ringed."""
    x = np.asarray(x, dtype=float)
    y = np.asarray(y, dtype=float)
    fig = Fig(trace("scatter", x=x.astype(np.float32), y=y.astype(np.float32), mode="markers", name=data_label,
                          marker={"size": 10, "color": DATA_COLOR, "line": {"color": "white", "width": 1}},
                          customdata=np.arange(len(x)),
                          hovertemplate="n=%{customdata}<br>x=%{x:.4g}<br>ŷ=%{y:.4g}<extra></extra>"))
    for ln in lines:
        fig.add_trace(trace("scatter", x=np.asarray(ln.xs, dtype=np.float32), y=np.asarray(ln.ys, dtype=np.float32),
                            mode="lines", name=ln.name, line={"color": ln.color, "width": ln.width,
                                                              "dash": ln.dash}, hoverinfo="skip"))
    if picked is not None and 0 <= picked < len(x):
        fig.add_trace(trace("scatter", x=[float(x[picked])], y=[float(y[picked])], mode="markers+text",
                            name=picked_label, text=[picked_label], textposition="top center",
                            textfont={"size": 17, "color": PICKED_COLOR},
                            marker={"size": 20, "color": "rgba(0,0,0,0)", "symbol": "circle",
                                    "line": {"color": PICKED_COLOR, "width": 3}},
                            showlegend=False, hoverinfo="skip"))
    _layout(fig, title, x_title, y_title, height)
    finite = y[np.isfinite(y)]
    if finite.size:
        lo, hi = float(finite.min()), float(finite.max())
        pad = 0.25 * max(hi - lo, 1e-9)
        fig.update_yaxes(range=[lo - pad, hi + pad])
    fig.update_xaxes(range=[float(lines[0].xs[0]), float(lines[0].xs[-1])] if lines else None)
    fig.update_layout(font=FONT, legend={"entrywidth": 0.5, "entrywidthmode": "fraction"})
    return fig
