"""The figures that move or turn: a path played update by update over its contours, and the loss as a 3-D
surface with the paths lifted onto it."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from .base import CONTOUR_SCALE, FONT, SURFACE_SCALE, Path
from .fig import Fig, merge, trace

__all__ = ["PLAY_SPEEDS", "animated_path", "keep_unanimated", "surface"]


def keep_unanimated(fig: Fig) -> Fig:
    """Keep the traces plotly.js cannot animate (the contour) drawn while the frames play.

    plotly.js animates scatter traces only. A frame that moves them re-plots just the traces it names and
    removes from the plot the layer of every other kind of trace (``plotOne`` in its cartesian plotting):
    the contour vanished at the first frame, leaving the path and the star on a blank plot. ``redraw: True``
    brings it back at the end of each frame, but only after the browser may have painted the blank plot.
    When a frame changes an axis range, plotly.js re-plots no trace piecemeal: it moves the axes and then
    redraws the whole plot, contour included, with the frame's data. So each frame sets the x axis's range
    to the figure's, its right end moved by (k + 1)·10⁻⁹ of its width: a different range in every frame (a
    frame with the same range as the one on screen would be re-plotted piecemeal), far too small to see.
    """
    x0, x1 = fig.layout["xaxis"]["range"]
    hair = 1e-9 * (x1 - x0)
    for k, frame in enumerate(fig.frames or ()):
        frame["layout"] = merge(frame.get("layout"), {"xaxis": {"range": [x0, x1 + (k + 1) * hair]}})
    return fig


PLAY_SPEEDS = {"slow": 900, "normal": 450, "fast": 150}
"""How long each update stays on screen while ▶ plays, in ms, by the speed's name."""


def animated_path(fig: Fig, path: Path, play: str, pause: str, readouts: Sequence[str] | None = None,
                  frame_ms: int = PLAY_SPEEDS["normal"]) -> Fig:
    """Animate ``path`` on a contour figure in the browser: ▶ plays it update by update, ``frame_ms`` each.

    Frame k moves two traces (the path θ⁰ … θᵏ and the marker on θᵏ) and names them in its ``traces``;
    ``readouts[k]`` (for θ⁰ … θⁿ, e.g. "t = 3 · θ³ = (−3.2, 0.41) · L(θ³) = 2.6") is shown above the
    slider while the frames play and when one is picked. See :func:`keep_unanimated` for why each frame
    also moves the x axis by a hair.
    """
    params = np.asarray(path.params, dtype=float)
    keep = np.all(np.isfinite(params), axis=-1)
    p = params[keep].astype(np.float32)
    if len(p) == 0:
        return fig
    labels = [r for r, ok in zip(readouts, keep) if ok] if readouts is not None else [str(k) for k in range(len(p))]
    base = len(fig.data)
    fig.add_trace(trace("scatter", x=p[:1, 0], y=p[:1, 1], mode="lines+markers", name=path.name,
                        line={"color": path.color, "width": 3}, marker={"size": 9, "color": path.color}))
    fig.add_trace(trace("scatter", x=p[:1, 0], y=p[:1, 1], mode="markers", showlegend=False, hoverinfo="skip",
                        marker={"size": 18, "color": path.color, "line": {"color": "white", "width": 3}}))
    fig.frames = [{"data": [{"type": "scatter", "x": p[: k + 1, 0], "y": p[: k + 1, 1]},
                            {"type": "scatter", "x": p[k:k + 1, 0], "y": p[k:k + 1, 1]}],
                   "traces": [base, base + 1], "name": str(k)} for k in range(len(p))]
    keep_unanimated(fig)
    frame = {"duration": frame_ms, "redraw": False}
    fig.update_layout(
        updatemenus=[{
            "type": "buttons", "direction": "left", "x": 1.0, "y": 1.02, "xanchor": "right", "yanchor": "bottom",
            "pad": {"r": 0, "t": 0}, "showactive": False, "font": {"size": 16}, "bgcolor": "#eef3f8",
            "buttons": [
                {"label": "▶ " + play, "method": "animate",
                 "args": [None, {"frame": frame, "fromcurrent": True, "transition": {"duration": 0}}]},
                {"label": pause, "method": "animate",
                 "args": [[None], {"frame": {"duration": 0, "redraw": False}, "mode": "immediate",
                                   "transition": {"duration": 0}}]},
            ],
        }],
        sliders=[{
            "active": 0, "x": 0.0, "len": 1.0, "y": -0.08, "yanchor": "top", "pad": {"t": 36, "b": 0},
            # The readout is the step's label, shown as the current value; the labels under the ticks
            # (all of them long) are not drawn.
            "currentvalue": {"prefix": "", "font": {"size": 16, "color": "#111"}, "xanchor": "left", "offset": 8},
            "font": {"size": 1, "color": "rgba(0,0,0,0)"},
            "steps": [{"label": label, "method": "animate",
                       "args": [[str(k)], {"frame": {"duration": 0, "redraw": False}, "mode": "immediate",
                                           "transition": {"duration": 0}}]}
                      for k, label in enumerate(labels)],
        }],
    )
    fig.update_layout(margin={"b": 120, "t": 60}, showlegend=False)
    return fig


def surface(xs, ys, Z, title: str, paths: Sequence[tuple[Path, np.ndarray]] = (), z_title: str = "L(θ)",
            height: int = 500) -> Fig:
    """The loss as a 3-D surface with each path on it (θᵗ, L(θᵗ)).

    A path is drawn just above the surface (lifted by 2 % of the heights shown: the surface between its
    grid points lies above the true loss and would hide it), thick, each point ringed in white, over a
    surface in pale greys when there are paths, so that every path colour (blue too) stands out."""
    Z = np.asarray(Z, dtype=np.float32)
    finite = Z[np.isfinite(Z)]
    cap = float(np.quantile(finite, 0.98)) if finite.size else 1.0
    Zc = np.where(np.isfinite(Z), np.minimum(Z, cap), np.nan).astype(np.float32)
    lift = 0.02 * (cap - float(finite.min())) if finite.size else 0.0
    fig = Fig(trace("surface", x=xs, y=ys, z=Zc, colorscale=SURFACE_SCALE if paths else CONTOUR_SCALE,
                    showscale=False, opacity=0.92,
                    contours={"z": {"show": True, "usecolormap": True, "project": {"z": True}}},
                    hovertemplate="θ₁=%{x:.3g}<br>θ₂=%{y:.3g}<br>L=%{z:.4g}<extra></extra>"))
    for path, losses in paths:
        p = np.asarray(path.params, dtype=float)
        loss_values = np.asarray(losses, dtype=float)
        ok = np.all(np.isfinite(p), axis=-1) & np.isfinite(loss_values) & (loss_values <= cap)
        fig.add_trace(trace("scatter3d", x=p[ok, 0], y=p[ok, 1], z=loss_values[ok] + lift, mode="lines+markers",
                            name=path.name, line={"color": path.color, "width": 9},
                            marker={"size": 5, "color": path.color, "line": {"color": "white", "width": 2}},
                            customdata=loss_values[ok],
                            hovertemplate=(f"{path.name}<br>θ₁=%{{x:.3g}}<br>θ₂=%{{y:.3g}}<br>L=%{{customdata:.4g}}"
                                           "<extra></extra>")))
    fig.update_layout(
        title={"text": title, "font": {"size": 20}, "x": 0.0, "xanchor": "left", "y": 0.985, "yref": "container",
               "yanchor": "top"}, font=FONT, height=height,
        margin={"l": 0, "r": 0, "t": 50, "b": 0},
        scene={"xaxis": {"title": {"text": "θ₁"}, "nticks": 5, "tickfont": {"size": 12}},
               "yaxis": {"title": {"text": "θ₂"}, "nticks": 5, "tickfont": {"size": 12}},
               "zaxis": {"title": {"text": z_title}, "nticks": 4, "tickfont": {"size": 12}},
               "camera": {"eye": _eye(xs, ys, paths), "center": {"x": 0, "y": 0, "z": -0.2}},
               "aspectmode": "manual", "aspectratio": {"x": 1, "y": 1, "z": 0.6}},
        legend={"orientation": "h", "y": 1.0, "x": 1.0, "xanchor": "right"},
    )
    return fig


def _eye(xs, ys, paths: Sequence[tuple[Path, np.ndarray]]) -> dict:
    """Where the 3-D camera looks from: above the first path's start, on its side of the plot, so that the
    path lies on the slope facing the camera (from the other side a wall of the bowl would hide it)."""
    eye = {"x": 1.2, "y": -1.2, "z": 0.7}
    if not paths:
        return eye
    start = np.asarray(paths[0][0].params, dtype=float).reshape(-1, 2)[:1]
    if not np.all(np.isfinite(start)):
        return eye
    x0, x1, y0, y1 = float(xs[0]), float(xs[-1]), float(ys[0]), float(ys[-1])
    d = np.array([(start[0, 0] - (x0 + x1) / 2) / (x1 - x0), (start[0, 1] - (y0 + y1) / 2) / (y1 - y0)])
    norm = float(np.hypot(*d))
    if norm < 0.05:
        return eye
    d = 1.5 * d / norm
    return {"x": float(d[0]), "y": float(d[1]), "z": 1.1}
