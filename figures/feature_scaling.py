"""The feature-scaling lesson's own figures: the loss contours in (w₁, w₂) with the gradient-descent
path, drawn with both axes at the same scale (so an elongated ellipse looks elongated), the two
losses against updates with the target marked, and the features before and after scaling.

No Streamlit and no optimization here: the numbers come from gd_core, the text arrives translated.
Colours: vermillion for the raw features, bluish green for the standardized ones, on every figure.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from .base import Path, _layout, add_path, contour, loss_curves
from .fig import Fig, trace
from .sgd import log_range

__all__ = ["RAW_COLOR", "SCALED_COLOR", "feature_scatter", "losses_to_target", "side_contour"]

RAW_COLOR = "#D55E00"
"""The raw features (Okabe–Ito vermillion)."""
SCALED_COLOR = "#009E73"
"""The standardized features (Okabe–Ito bluish green)."""
TARGET_LINE = {"color": "#000000", "width": 1.5, "dash": "dot"}


def _same_scale(fig: Fig) -> None:
    """One unit on w₁ as long as one unit on w₂; the plot area shrinks to fit instead of the range growing."""
    fig.update_xaxes(constrain="domain")
    fig.update_yaxes(scaleanchor="x", scaleratio=1, constrain="domain")


def side_contour(w1s, w2s, Z, path: Path, theta_star, reached, title: str, window, star_label: str,
                 reached_label: str, x_title: str = "w₁", y_title: str = "w₂", height: int = 440,
                 current=None, current_label: str = "", legend: bool = True) -> Fig:
    """The (profile) loss over (w₁, w₂) with the path's (w₁, w₂) and the least-squares point; the
    point where the run first reached the target ringed (``reached`` is that (w₁, w₂) or None), and
    the selected θᵗ (``current``) as a large dot labelled ``current_label``. Without ``legend`` the plot
    takes the room the legend had under it (a low figure on a projector, the markers named in a caption)."""
    fig = contour(w1s, w2s, Z, title, x_title, y_title, height=height, colorbar_title="L",
                  minima=[tuple(float(v) for v in theta_star[:2])], x_range=window[0], y_range=window[1],
                  minimum_label=star_label)
    fig.data[0]["showscale"] = False  # two side by side: no room for colour bars; the hover shows L
    fig.data[1]["name"] = star_label
    size = 7 if len(path.params) <= 60 else 4
    add_path(fig, path, start_label="θ⁰", marker_size=size)
    if reached is not None and np.all(np.isfinite(reached)):
        fig.add_trace(trace("scatter", x=[float(reached[0])], y=[float(reached[1])], mode="markers", name=reached_label,
                            marker={"size": 20, "color": "rgba(0,0,0,0)",
                                    "line": {"color": "#000000", "width": 3}},
                            hovertemplate=f"{reached_label}<br>(%{{x:.4g}}, %{{y:.4g}})<extra></extra>"))
    if current is not None and np.all(np.isfinite(current)):
        fig.add_trace(trace("scatter", x=[float(current[0])], y=[float(current[1])], mode="markers+text",
                            text=[current_label], textposition="bottom center",
                            textfont={"size": 17, "color": "#111"}, showlegend=False,
                            marker={"size": 16, "color": path.color, "line": {"color": "white", "width": 3}},
                            hovertemplate=f"{current_label}<br>(%{{x:.4g}}, %{{y:.4g}})<extra></extra>"))
    _same_scale(fig)
    fig.update_layout(margin={"l": 60, "r": 10, "t": 50, "b": 95 if legend else 50})
    if not legend:
        fig.update_layout(showlegend=False)
    return fig


def losses_to_target(series: Sequence[tuple[str, np.ndarray, str]], target: float, target_label: str,
                     marks: Sequence[tuple[int | None, str]], title: str, x_title: str, height: int = 400,
                     log_x: bool = False, selected: int | None = None) -> Fig:
    """Each side's L(θᵗ) against t (log scale) with the target loss as a dotted line, a dot where
    each first reached it (``marks``: (t or None, colour), one per series), and the update
    ``selected`` as a vertical line."""
    fig = loss_curves(series, title, x_title, "L(θᵗ)", log_y=True, height=height)
    fig.update_traces(marker={"size": 4})
    longest = max((len(s[1]) for s in series), default=1)
    if np.isfinite(target) and target > 0:
        fig.add_trace(trace("scatter", x=[0, max(longest - 1, 1)], y=[float(target)] * 2, mode="lines",
                            name=target_label, line=TARGET_LINE,
                            hovertemplate=f"{target_label}: %{{y:.4g}}<extra></extra>"))
    for (t, color), (name, losses, _) in zip(marks, series):
        if t is not None and t < len(losses) and np.isfinite(losses[t]) and losses[t] > 0:
            fig.add_trace(trace("scatter", x=[t], y=[float(losses[t])], mode="markers+text", text=[f"t = {t}"],
                                textposition="top right", textfont={"size": 16, "color": color},
                                marker={"size": 14, "color": color, "line": {"color": "white", "width": 2}},
                                showlegend=False, hovertemplate=f"{name}: t = {t}<extra></extra>"))
    y_range = log_range([np.asarray(losses, dtype=float) for _, losses, _ in series], target)
    if y_range is not None:
        fig.update_yaxes(range=y_range)
    if selected is not None:
        fig.add_vline(x=selected, line={"color": "#555", "width": 1.5, "dash": "dash"})
    if log_x:
        fig.update_xaxes(type="log")
    fig.update_layout(legend={"entrywidth": 0})  # each entry as wide as its name: on a phone they wrap, not overlap
    return fig


def feature_scatter(X, names: Sequence[str], title: str, color: str, height: int = 400) -> Fig:
    """The examples as points (x₁ʳ, x₂ʳ), both axes at the same scale, so features of different
    scales show as a stretched cloud; the origin's axes drawn."""
    X = np.asarray(X, dtype=float)
    fig = Fig(trace("scatter", x=X[:, 0].astype(np.float32), y=X[:, 1].astype(np.float32), mode="markers",
                          marker={"size": 8, "color": color, "opacity": 0.8,
                                  "line": {"color": "white", "width": 0.5}},
                          showlegend=False,
                          hovertemplate=f"{names[0]}=%{{x:.4g}}<br>{names[1]}=%{{y:.4g}}<extra></extra>"))
    _layout(fig, title, names[0], names[1], height)
    lo = np.minimum(X.min(axis=0), 0.0)
    hi = np.maximum(X.max(axis=0), 0.0)
    centre, span = (lo + hi) / 2, float(np.max(hi - lo)) * 1.1 or 1.0
    fig.update_xaxes(range=[float(centre[0] - span / 2), float(centre[0] + span / 2)], zeroline=True,
                     zerolinecolor="#888", zerolinewidth=1.5)
    fig.update_yaxes(range=[float(centre[1] - span / 2), float(centre[1] + span / 2)], zeroline=True,
                     zerolinecolor="#888", zerolinewidth=1.5)
    _same_scale(fig)
    fig.update_layout(margin={"l": 60, "r": 10, "t": 50, "b": 60})
    return fig
