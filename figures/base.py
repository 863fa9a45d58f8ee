"""The shared look of every figure, and the figures several lessons use.

No Streamlit here and no optimization: the numbers come from gd_core. Text is passed in
already translated, so this module knows nothing of languages either.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from .fig import Fig, merge, trace

__all__ = [
    "BEHAVIOUR_COLORS",
    "CLICK_LAYER",
    "CONTOUR_SCALE",
    "FONT",
    "GRADIENT_COLOR",
    "LR_COLORS",
    "MIN_COLOR",
    "MOVE_COLOR",
    "OPTIMIZER_COLORS",
    "PRESENTER_HEIGHT",
    "START_COLOR",
    "SURFACE_SCALE",
    "Fig",
    "Path",
    "add_gradient_arrows",
    "add_path",
    "arrows",
    "bars",
    "clickable",
    "contour",
    "curve_1d",
    "highlight_update",
    "loss_curves",
    "presenter",
    "sweep",
    "to_scale",
    "update_label_positions",
]

# One colour per optimizer and per learning-rate role, everywhere (Okabe–Ito, colour-blind safe).
OPTIMIZER_COLORS = {
    "gd": "#0072B2",
    "momentum": "#E69F00",
    "adagrad": "#009E73",
    "rmsprop": "#CC79A7",
    "adam": "#D55E00",
    "newton": "#000000",
    "sgd": "#E69F00",
    "minibatch": "#009E73",
}
LR_COLORS = {
    "very_large": "#D55E00",
    "large": "#E69F00",
    "small": "#0072B2",
    "just_right": "#009E73",
}
# What a run did (gd_core.learning_rates.BEHAVIOURS), in the colour of the role that does it on the slide.
BEHAVIOUR_COLORS = {
    "blows_up": LR_COLORS["very_large"],
    "bounces_high": LR_COLORS["large"],
    "bounces_slow": "#CC79A7",
    "slow": LR_COLORS["small"],
    "bottom": LR_COLORS["just_right"],
}
GRADIENT_COLOR = "#D55E00"
MOVE_COLOR = "#0072B2"
START_COLOR = "#000000"
MIN_COLOR = "#FFFFFF"
CONTOUR_SCALE = [[0.0, "#f7fbff"], [0.35, "#c6dbef"], [0.7, "#6baed6"], [1.0, "#2171b5"]]
SURFACE_SCALE = [[0.0, "#fbfbfb"], [0.5, "#d9d9d9"], [1.0, "#a6a6a6"]]
"""The surface under paths: pale greys, against which every path colour stands out."""
FONT = {"family": "Inter, Segoe UI, Helvetica, Arial, sans-serif", "size": 16, "color": "#1a1a1a"}


@dataclass(frozen=True)
class Path:
    """A path to draw: θ⁰ … θⁿ, a name for the legend, a colour."""

    params: np.ndarray
    name: str
    color: str
    dash: str = "solid"


PRESENTER_HEIGHT = 430
"""The tallest a figure is drawn in presenter mode, in px: with the compact header above it, a lesson's main
figure fits whole in a 1280×720 or 1024×768 window (Streamlit cannot read the window's height)."""
TICK_COLOR = "#333333"
"""Tick labels and axis titles: 12.6:1 on white (Plotly's default grey, #808495-like, is 3.8:1)."""
GRID_COLOR = "#e5e5e5"
PRESENTER_GRID_COLOR = "#c8c8c8"
PRESENTER_CONTOUR_LINE = {"width": 1.6, "color": "rgba(20,40,70,0.85)"}
"""Contour lines a washed-out projector still shows (0.6 px at 35 % opacity vanish there)."""


PRESENTER_LEGEND_GAP = 92
"""Pixels between the bottom of a plot and a legend under it in presenter mode: the tick labels and the axis title
in large print."""


def presenter(fig: Fig, scale: float = 1.3) -> Fig:
    """The same figure for a projector: at most :data:`PRESENTER_HEIGHT` tall, every font ``scale`` times larger
    (tick labels at least 18 px), dark ticks, contour lines drawn firmly, paths and markers thicker."""
    height = fig.layout.get("height") or 450
    fig.update_layout(height=min(int(height * 1.1), PRESENTER_HEIGHT),
                      font={"size": int(FONT["size"] * scale), "color": "#111111"},
                      legend={"font": {"size": int(15 * scale)}}, title={"font": {"size": int(20 * scale)}})
    # The larger tick labels push the axis titles out (automargin with a standoff), so neither covers the other.
    axis = {"tickfont": {"size": max(18, int(15 * scale)), "color": TICK_COLOR}, "automargin": True,
            "title": {"font": {"size": int(18 * scale), "color": TICK_COLOR}, "standoff": 18},
            "gridcolor": PRESENTER_GRID_COLOR}
    fig.update_xaxes(axis)
    fig.update_yaxes(axis)
    legend = fig.layout.get("legend") or {}
    if legend.get("orientation") == "h" and (legend.get("y") or 0) < 0 and legend.get("yanchor") == "top":
        # A legend under the plot: below the larger tick labels and axis title, which are about 85 px tall here.
        margin = fig.layout.get("margin") or {}
        plot_height = fig.layout["height"] - margin.get("t", 100) - margin.get("b", 80)
        fig.update_layout(legend={"y": -PRESENTER_LEGEND_GAP / max(plot_height, 100)})
    for i, t in enumerate(fig.data):
        if t.get("type") == "contour":
            fig.data[i] = merge(t, {"line": PRESENTER_CONTOUR_LINE})
        elif t.get("type") == "scatter":
            changes: dict = {}
            line = t.get("line") or {}
            if "lines" in (t.get("mode") or "lines") and line.get("width", 2) < 4:
                changes["line"] = {"width": 4}
            size = (t.get("marker") or {}).get("size")
            if size is not None:
                changes["marker"] = {"size": (np.asarray(size, dtype=float) * scale).tolist()
                                     if np.ndim(size) else size * scale}
            text_size = (t.get("textfont") or {}).get("size")
            if text_size is not None:
                changes["textfont"] = {"size": int(text_size * scale)}
            if changes:
                fig.data[i] = merge(t, changes)
    if fig.layout.get("scene"):
        tick = {"tickfont": {"size": 18, "color": TICK_COLOR}, "title": {"font": {"size": int(18 * scale)}}}
        fig.update_layout(scene={"xaxis": tick, "yaxis": tick, "zaxis": tick})
    for annotation in fig.layout.get("annotations") or ():
        if annotation.get("showarrow"):
            annotation["arrowwidth"] = max(annotation.get("arrowwidth", 1), 3)
    return fig


def _layout(fig: Fig, title: str, x_title: str, y_title: str, height: int = 520) -> Fig:
    """The shared look: title top left, the legend under the plot, light grid, the app's fonts."""
    fig.update_layout({
        "title": {"text": title, "font": {"size": 20}, "x": 0.0, "xanchor": "left", "y": 0.985, "yref": "container",
                  "yanchor": "top"},
        "font": FONT,
        "height": height,
        "margin": {"l": 70, "r": 20, "t": 50, "b": 115},
        "paper_bgcolor": "white",
        "plot_bgcolor": "white",
        "legend": {"orientation": "h", "yanchor": "top", "y": -0.17, "xanchor": "left", "x": 0.0, "yref": "paper",
                   "font": {"size": 15}, "bgcolor": "rgba(255,255,255,0.7)"},
        "hoverlabel": {"font": {"size": 15}},
    })
    fig.update_xaxes({"title": {"text": x_title, "font": {"size": 18, "color": TICK_COLOR}, "standoff": 4},
                      "showgrid": True, "gridcolor": GRID_COLOR, "zeroline": False,
                      "tickfont": {"size": 15, "color": TICK_COLOR}})
    fig.update_yaxes({"title": {"text": y_title, "font": {"size": 18, "color": TICK_COLOR}}, "showgrid": True,
                      "gridcolor": GRID_COLOR, "zeroline": False, "tickfont": {"size": 15, "color": TICK_COLOR}})
    return fig


def _levels(Z: np.ndarray) -> tuple[np.ndarray, bool]:
    """Contour values: log-spaced when the loss spans many orders of magnitude."""
    finite = Z[np.isfinite(Z)]
    if finite.size == 0:
        return Z, False
    lo, hi = float(finite.min()), float(finite.max())
    span = hi - lo
    q90 = float(np.quantile(finite, 0.9))
    if span > 0 and (q90 - lo) / span < 0.2:
        with np.errstate(all="ignore"):
            return np.log10(Z - lo + span * 1e-4).astype(np.float32), True
    return Z, False


def contour(xs, ys, Z, title: str, x_title: str = "θ₁", y_title: str = "θ₂", height: int = 560,
            colorbar_title: str = "L(θ)", minima: Sequence[tuple[float, float]] = (),
            saddles: Sequence[tuple[float, float]] = (), x_range=None, y_range=None,
            show_scale: bool = True, minimum_label: str = "minimum", saddle_label: str = "saddle",
            equal_scale: bool = False) -> Fig:
    """Filled contours of the loss, with its minima (and saddles) marked; ``show_scale`` draws the colour bar.

    ``minimum_label`` and ``saddle_label`` name the markers in the legend and the hover (translated by the caller).
    ``equal_scale`` draws one unit of θ₁ as long as one unit of θ₂ on every screen (see :func:`to_scale`), so that
    angles on the plot are true angles: give it a window of about the plot's shape (``ui.scaled_window``).
    """
    shown, logged = _levels(np.asarray(Z, dtype=np.float32))
    fig = Fig(trace("contour",
        x=xs, y=ys, z=shown, colorscale=CONTOUR_SCALE, ncontours=22, showscale=show_scale,
        contours={"coloring": "heatmap", "showlines": True},
        line={"width": 0.6, "color": "rgba(40,60,90,0.35)"},
        colorbar={"title": {"text": ("log₁₀ " if logged else "") + colorbar_title, "side": "right"},
                  "thickness": 12, "len": 0.8},
        # The hover shows L itself: from z, or (when z holds log₁₀ of it) from a copy of L sent as customdata.
        customdata=np.asarray(Z, dtype=np.float32) if logged else None,
        hovertemplate=(f"{x_title}=%{{x:.3g}}<br>{y_title}=%{{y:.3g}}<br>L=%{{{'customdata' if logged else 'z'}:.4g}}"
                       "<extra></extra>"),
        name="L",
    ))
    if len(minima):
        m = np.asarray(minima, dtype=float)
        fig.add_trace(trace("scatter", x=m[:, 0], y=m[:, 1], mode="markers", name=minimum_label,
                            marker={"symbol": "star", "size": 18, "color": "#FFD700",
                                    "line": {"color": "black", "width": 1.5}},
                            hovertemplate=minimum_label + " (%{x:.3g}, %{y:.3g})<extra></extra>"))
    if len(saddles):
        s = np.asarray(saddles, dtype=float)
        fig.add_trace(trace("scatter", x=s[:, 0], y=s[:, 1], mode="markers", name=saddle_label,
                            marker={"symbol": "x", "size": 16, "color": "#7f0000"},
                            hovertemplate=saddle_label + " (%{x:.3g}, %{y:.3g})<extra></extra>"))
    _layout(fig, title, x_title, y_title, height)
    fig.update_xaxes(range=list(x_range) if x_range else [float(xs[0]), float(xs[-1])])
    fig.update_yaxes(range=list(y_range) if y_range else [float(ys[0]), float(ys[-1])], scaleanchor=None)
    if equal_scale:
        to_scale(fig)
    return fig


def to_scale(fig: Fig) -> Fig:
    """One unit as long on both axes (``scaleanchor``, ``scaleratio`` 1), whatever the screen's width: the
    window stays as given and the plot's area narrows (or shortens) to keep the scale (``constrain="domain"``),
    so nothing outside the computed grid shows. Right angles on the loss (the gradient against the contour
    line) are then right angles on screen."""
    fig.update_xaxes(constrain="domain", constraintoward="center")
    fig.update_yaxes(scaleanchor="x", scaleratio=1, constrain="domain", constraintoward="middle")
    return fig


CLICK_LAYER = "click"
"""The name of :func:`clickable`'s layer of markers."""


def clickable(fig: Fig, x_range, y_range, n: int = 40) -> Fig:
    """Make every spot of a plot clickable: a click on a contour trace selects nothing in Streamlit (only
    scatter points are selected), so an invisible ``n`` × ``n`` grid of markers covering the window
    ``x_range`` × ``y_range`` (edges included) is added as the LAST trace (the animation frames name the
    traces before it by index, so they keep pointing at the same ones). Its markers are fully transparent
    but still answer a click (``hoverinfo="none"``: no label, yet the hover and click events fire; "skip"
    would silence them). A selection dims every unselected marker: the other scatter traces keep theirs."""
    gx, gy = np.meshgrid(np.linspace(x_range[0], x_range[1], n), np.linspace(y_range[0], y_range[1], n))
    for i, t in enumerate(fig.data):
        if t.get("type") == "scatter":
            fig.data[i] = merge(t, {"unselected": {"marker": {"opacity": 1}}})
    fig.add_trace(trace("scatter", x=gx.ravel(), y=gy.ravel(), mode="markers", name=CLICK_LAYER,
                        showlegend=False, hoverinfo="none", cliponaxis=True,
                        marker={"size": 10, "opacity": 0, "color": "#000000"},
                        selected={"marker": {"opacity": 0}}, unselected={"marker": {"opacity": 0}}))
    return fig


def _finite(params: np.ndarray) -> np.ndarray:
    params = np.asarray(params, dtype=float)
    return params[np.all(np.isfinite(params), axis=-1)]


def add_path(fig: Fig, path: Path, start_label: str | None = "θ⁰", show_start: bool = True,
             marker_size: int = 8) -> Fig:
    """A path as a line with a marker at every θᵗ, and its start θ⁰."""
    p = _finite(path.params).astype(np.float32)
    if p.size == 0:
        return fig
    fig.add_trace(trace("scatter",
        x=p[:, 0], y=p[:, 1], mode="lines+markers", name=path.name,
        line={"color": path.color, "width": 3, "dash": path.dash},
        marker={"size": marker_size, "color": path.color},
        customdata=np.arange(len(p)),
        hovertemplate=f"{path.name}<br>t=%{{customdata}}<br>(%{{x:.4g}}, %{{y:.4g}})<extra></extra>",
    ))
    if show_start:
        fig.add_trace(trace("scatter", x=[p[0, 0]], y=[p[0, 1]], mode="markers+text" if start_label else "markers",
                            name="θ⁰", text=[start_label or ""], textposition="top center",
                            textfont={"size": 17, "color": START_COLOR},
                            marker={"size": 13, "color": START_COLOR, "symbol": "circle-open",
                                    "line": {"width": 3}},
                            showlegend=False, hoverinfo="skip"))
    return fig


def _arrow(fig: Fig, start, end, color: str, width: float = 2.5, head: float = 1.0) -> None:
    fig.add_annotation(x=float(end[0]), y=float(end[1]), ax=float(start[0]), ay=float(start[1]),
                       xref="x", yref="y", axref="x", ayref="y", showarrow=True, arrowhead=2,
                       arrowsize=head, arrowwidth=width, arrowcolor=color, text="")


def arrows(starts, ends, color: str, name: str, width: float = 2.5, head: float = 14,
           showlegend: bool = True, group: str | None = None) -> dict:
    """Arrows from each start to its end as one scatter trace, named in the legend (a click there hides
    them): the segments split by gaps, and at each end a head (the marker "arrow", its tip on the end,
    turned along its segment on screen)."""
    starts = np.asarray(starts, dtype=float).reshape(-1, 2)
    ends = np.asarray(ends, dtype=float).reshape(-1, 2)
    pts = np.full((3 * len(starts), 2), np.nan)
    pts[0::3], pts[1::3] = starts, ends
    size = np.zeros(len(pts))
    size[1::3] = head
    return trace("scatter", x=pts[:, 0].astype(np.float32), y=pts[:, 1].astype(np.float32), mode="lines+markers",
                 name=name, legendgroup=group or name, showlegend=showlegend, hoverinfo="skip",
                 line={"color": color, "width": width},
                 marker={"symbol": "arrow", "angleref": "previous", "size": size, "color": color,
                         "line": {"width": 0}})


def add_gradient_arrows(fig: Fig, params, grads, length: float | None = None, selected: int | None = None,
                        limit: int = 60, name: str = "∇L(θᵗ)") -> Fig:
    """The gradient ∇L(θᵗ) at each point as a red arrow of a fixed display ``length`` (default: a tenth of
    the diagonal of the figure's window), pointing uphill (across the contour line through θᵗ, at right angles
    to it on a plot drawn to scale); the selected update's drawn thicker. One legend entry, ``name``."""
    if length is None:
        (x0, x1), (y0, y1) = fig.layout["xaxis"]["range"], fig.layout["yaxis"]["range"]
        length = 0.1 * float(np.hypot(x1 - x0, y1 - y0))
    n = min(len(params), len(grads), limit)
    # Plain floats: a few dozen points, where NumPy's cost per call would be most of the time.
    points = np.asarray(params, dtype=float)[:n].tolist()
    slopes = np.asarray(grads, dtype=float)[:n].tolist()
    starts: list[list[float]] = []
    ends: list[list[float]] = []
    chosen = None
    near = 0.35 * length
    for t in range(n):
        (px, py), (gx, gy) = points[t], slopes[t]
        norm = math.hypot(gx, gy)
        if not (math.isfinite(norm) and norm > 0 and math.isfinite(px) and math.isfinite(py)):
            continue
        end = [px + length * gx / norm, py + length * gy / norm]
        if t == selected:
            chosen = ([px, py], end)
            continue
        # Skip arrows that would sit on top of one already drawn (a path that has slowed down).
        if any(math.hypot(px - dx, py - dy) < near for dx, dy in starts):
            continue
        starts.append([px, py])
        ends.append(end)
    if starts:
        fig.add_trace(arrows(starts, ends, GRADIENT_COLOR, name, width=1.8, head=11,
                             showlegend=chosen is None, group=name))
    if chosen is not None:
        fig.add_trace(arrows([chosen[0]], [chosen[1]], GRADIENT_COLOR, name, width=3.5, head=16, group=name))
    return fig


def update_label_positions(before, after) -> list[str]:
    """Where the labels of θᵗ and θᵗ⁺¹ go (Plotly's textposition): on opposite corners, θᵗ's behind the
    step and θᵗ⁺¹'s ahead of it in both directions (a step to the upper right: θᵗ bottom left, θᵗ⁺¹ top right)."""
    dx, dy = float(after[0] - before[0]), float(after[1] - before[1])
    ahead_x, behind_x = ("right", "left") if dx >= 0 else ("left", "right")
    ahead_y, behind_y = ("top", "bottom") if dy >= 0 else ("bottom", "top")
    return [f"{behind_y} {behind_x}", f"{ahead_y} {ahead_x}"]


def highlight_update(fig: Fig, before, after, label_before: str, label_after: str,
                     color: str = MOVE_COLOR, name: str = "−η∇L(θᵗ)") -> Fig:
    """The selected update θᵗ → θᵗ⁺¹ as a thick arrow (blue unless given), named ``name`` in the legend
    (the movement −η∇L(θᵗ)), with both points labelled."""
    if not (np.all(np.isfinite(before)) and np.all(np.isfinite(after))):
        return fig
    fig.add_trace(arrows([before], [after], color, name, width=4, head=18))
    # The labels beside the update, off the line it moves along (where its arrow and the gradient's lie), and
    # apart along it: θᵗ's behind the step, θᵗ⁺¹'s ahead of it, on opposite corners, so that they do not pile
    # up when the step is short (θ¹⁰ and θ¹¹ a few pixels apart).
    place = update_label_positions(before, after)
    fig.add_trace(trace("scatter", x=[before[0], after[0]], y=[before[1], after[1]], mode="markers+text",
                        text=[label_before, label_after], textposition=place,
                        textfont={"size": 18, "color": "#111"},
                        marker={"size": 14, "color": [color, color],
                                "line": {"color": "white", "width": 2}},
                        showlegend=False, hoverinfo="skip"))
    return fig


def loss_curves(series: Sequence[tuple[str, np.ndarray, str]], title: str, x_title: str, y_title: str,
                log_y: bool = False, height: int = 420, x_values: Sequence[np.ndarray] | None = None,
                mode: str = "lines+markers") -> Fig:
    """Loss against the number of parameter updates, one line per (name, losses, colour)."""
    fig = Fig()
    for i, (name, losses, color) in enumerate(series):
        y = np.asarray(losses, dtype=float)
        x = np.arange(len(y)) if x_values is None else np.asarray(x_values[i])
        keep = np.isfinite(y)
        if log_y:
            keep &= y > 0
        fig.add_trace(trace("scatter", x=x[keep], y=y[keep].astype(np.float32), mode=mode, name=name,
                            line={"color": color, "width": 3}, marker={"size": 5, "color": color}))
    _layout(fig, title, x_title, y_title, height)
    if log_y:
        fig.update_yaxes(type="log", exponentformat="power", dtick=1)
    return fig


def curve_1d(xs, ys, title: str, paths: Sequence[tuple[str, np.ndarray, np.ndarray, str]] = (),
             x_title: str = "θ", y_title: str = "L(θ)", height: int = 460, y_range=None) -> Fig:
    """A 1-D loss curve with paths on it: (name, θ values, losses, colour)."""
    fig = Fig(trace("scatter", x=xs, y=np.asarray(ys, dtype=np.float32), mode="lines", name="L",
                          line={"color": "#555", "width": 3}, showlegend=False))
    for name, px, py, color in paths:
        px, py = np.asarray(px, dtype=float), np.asarray(py, dtype=float)
        ok = np.isfinite(px) & np.isfinite(py)
        fig.add_trace(trace("scatter", x=px[ok], y=py[ok], mode="lines+markers", name=name,
                            line={"color": color, "width": 2.5}, marker={"size": 8, "color": color}))
    _layout(fig, title, x_title, y_title, height)
    fig.update_xaxes(range=[float(xs[0]), float(xs[-1])])
    if y_range is not None:
        fig.update_yaxes(range=list(y_range))
    return fig


def sweep(etas, finals, diverged, title: str, x_title: str, y_title: str, threshold: float | None,
          threshold_label: str, diverged_label: str, converged_label: str, reference: float = 1.0,
          height: int = 420, found: float | None = None, found_label: str = "") -> Fig:
    """Final loss against η on log axes; the threshold 2/L″ drawn dashed (if given), and ``found``, an η read
    off the sweep (where it blows up), drawn dotted; diverged runs marked at the top.

    ``reference`` (the starting loss) sets the vertical range: losses are drawn between
    reference·1e-12 (a loss of exactly 0, when η lands on the minimum, sits on that floor)
    and reference·1e12 (larger losses sit on that ceiling); the hover shows the true value.
    """
    etas = np.asarray(etas, dtype=float)
    finals = np.asarray(finals, dtype=float)
    diverged = np.asarray(diverged, dtype=bool)
    ok = ~diverged & np.isfinite(finals)
    ref = reference if np.isfinite(reference) and reference > 0 else 1.0
    floor, cap = ref * 1e-12, ref * 1e12
    shown = np.clip(np.where(np.isfinite(finals), finals, cap), floor, cap)
    fig = Fig()
    fig.add_trace(trace("scatter", x=etas[ok], y=shown[ok], mode="lines+markers", name=converged_label,
                        line={"color": MOVE_COLOR, "width": 3}, marker={"size": 5},
                        customdata=finals[ok], hovertemplate="η=%{x:.3g}<br>L=%{customdata:.3g}<extra></extra>"))
    if diverged.any():
        fig.add_trace(trace("scatter", x=etas[diverged], y=np.full(int(diverged.sum()), cap * 10), mode="markers",
                            name=diverged_label, marker={"symbol": "x", "size": 9, "color": GRADIENT_COLOR},
                            hovertemplate="η=%{x:.3g}<extra>" + diverged_label + "</extra>"))
    # Plotly places an annotation on a log axis at 10^x: its x is log10(η), while the line's is η.
    marks = [(threshold, threshold_label, GRADIENT_COLOR, "dash", "bottom"),
             (found, found_label, START_COLOR, "dot", "top")]
    for x, label, color, dash, end in marks:
        if x is not None and np.isfinite(x) and x > 0:
            fig.add_vline(x=x, line={"color": color, "dash": dash, "width": 2})
            fig.add_annotation(text=label, font={"size": 16, "color": color}, bgcolor="rgba(255,255,255,0.85)",
                               showarrow=False, x=float(np.log10(x)), xref="x", xanchor="right",
                               y=0 if end == "bottom" else 1, yref="y domain", yanchor=end)
    _layout(fig, title, x_title, y_title, height)
    fig.update_xaxes(type="log", exponentformat="power", dtick=1)
    fig.update_yaxes(type="log", exponentformat="power", dtick=4, range=[np.log10(floor) - 0.5, np.log10(cap) + 1.5])
    return fig


def bars(labels: Sequence[str], values: Sequence[float], colors: Sequence[str], title: str, y_title: str,
         height: int = 360, text: Sequence[str] | None = None) -> Fig:
    """A small bar chart (e.g. |gᵗ| against σᵗ)."""
    fig = Fig(trace("bar", x=list(labels), y=np.asarray(values, dtype=float), marker={"color": list(colors)},
                          text=list(text) if text is not None else None, textposition="outside"))
    _layout(fig, title, "", y_title, height)
    return fig
