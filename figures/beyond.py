"""The optimizer race's figures: every optimizer's path on one contour, and its loss against updates
with the target loss marked.

No Streamlit and no optimization here: the numbers come from gd_core, the text arrives translated.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from .base import Path, add_path, contour, loss_curves
from .fig import Fig
from .limitations import level_line

__all__ = ["race_contour", "race_losses"]


def race_contour(xs, ys, Z, title: str, paths: Sequence[Path], minima=(), saddles=(), x_range=None, y_range=None,
                 height: int = 460, marker_labels: dict[str, str] | None = None, equal_scale: bool = False) -> Fig:
    """The optimizers' paths from one start θ⁰ on the loss contours, the legend under the plot (outside it: paths
    can go anywhere; beside it, it would take half a phone's width).

    Markers shrink as paths get longer, so a thousand updates still read as a line."""
    fig = contour(xs, ys, Z, title, minima=minima, saddles=saddles, x_range=x_range, y_range=y_range, height=height,
                  equal_scale=equal_scale, **(marker_labels or {}))
    fig.update_traces(showscale=False, selector={"type": "contour"})
    longest = max((len(p.params) for p in paths), default=0)
    size = 7 if longest <= 60 else 4 if longest <= 400 else 2
    for k, path in enumerate(paths):
        add_path(fig, path, start_label="θ⁰" if k == 0 else None, show_start=k == 0, marker_size=size)
    return _legend_below(fig)


def _legend_below(fig: Fig) -> Fig:
    """The legend in rows under the plot, below the axis title (Plotly grows the bottom margin to hold it)."""
    fig.update_layout(legend={"orientation": "h", "yanchor": "top", "y": -0.14, "xanchor": "left", "x": 0.0,
                              "yref": "paper", "font": {"size": 15}},
                      margin={"b": 60, "r": 10, "t": 45})
    return fig


def race_losses(series: Sequence[tuple[str, np.ndarray, str]], target: float, target_label: str, title: str,
                x_title: str, y_title: str, log_y: bool = True, height: int = 400) -> Fig:
    """L(θᵗ) against t for each (name, losses, colour), the target loss as a dashed line.

    On a log axis losses ≤ 0 are left out (a loss of exactly 0 cannot be drawn there). The legend sits to
    the plot, as on the contour above it."""
    fig = loss_curves(series, title, x_title, y_title, log_y=log_y, height=height, mode="lines")
    if np.isfinite(target) and (target > 0 or not log_y):
        level_line(fig, target, target_label, log=log_y, above=False, dash="dash", color="#333")
    if log_y:
        fig.update_yaxes(dtick=2)
    return _legend_below(fig)
