"""The Adagrad lesson's own figures: the selected update in the optimizer's colour, the step
sizes of vanilla gradient descent against Adagrad's, and |gᵗ| against σᵗ for the "surprise".

No Streamlit and no optimization here: the numbers come from gd_core, the text arrives translated.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from .base import GRADIENT_COLOR, OPTIMIZER_COLORS, Path, _layout, add_path, contour, update_label_positions
from .fig import Fig, trace

__all__ = ["grad_vs_sigma", "mark_update", "runs_contour", "step_sizes"]

SIGMA_COLOR = "#56B4E9"
"""σᵗ in the surprise bars (Okabe–Ito sky blue, apart from the red of gᵗ)."""


def mark_update(fig: Fig, before, after, color: str, label_before: str, label_after: str) -> Fig:
    """The selected update θᵗ → θᵗ⁺¹ as a thick arrow in ``color`` (the optimizer's), both points labelled."""
    before = np.asarray(before, dtype=float)
    after = np.asarray(after, dtype=float)
    if not (np.all(np.isfinite(before)) and np.all(np.isfinite(after))):
        return fig
    fig.add_annotation(x=float(after[0]), y=float(after[1]), ax=float(before[0]), ay=float(before[1]),
                       xref="x", yref="y", axref="x", ayref="y", showarrow=True, arrowhead=2, arrowsize=1.0,
                       arrowwidth=4, arrowcolor=color, text="")
    fig.add_trace(trace("scatter", x=[before[0], after[0]], y=[before[1], after[1]], mode="markers+text",
                        text=[label_before, label_after], textposition=update_label_positions(before, after),
                        textfont={"size": 18, "color": "#111"},
                        marker={"size": 15, "color": color, "line": {"color": "white", "width": 2}},
                        showlegend=False, hoverinfo="skip"))
    return fig


def runs_contour(xs, ys, Z, title: str, paths: Sequence[Path], selected: int, marked: Path,
                 minima=(), x_range=None, y_range=None, height: int = 440,
                 marker_labels: dict[str, str] | None = None) -> Fig:
    """Several runs from the same start on one contour, the update ``selected`` of ``marked`` drawn thick.

    The colour bar is left out, so the contour keeps most of a half-width column; the legend is under
    the plot. Both axes are drawn at the same scale.
    """
    fig = contour(xs, ys, Z, title, minima=minima, x_range=x_range, y_range=y_range, height=height,
                  **(marker_labels or {}))
    fig.update_traces(showscale=False, selector={"type": "contour"})
    for k, path in enumerate(paths):
        add_path(fig, path, start_label=None, show_start=k == 0)
    p = np.asarray(marked.params, dtype=float)
    if 0 <= selected < len(p) - 1:
        mark_update(fig, p[selected], p[selected + 1], marked.color, "θ" + _sup(selected),
                    "θ" + _sup(selected + 1))
    # One unit as long on θ₁ as on θ₂: the angles of the paths (Adagrad's first update at 45°) are true.
    # The plot area shrinks to fit the window (give it a square one) instead of the range growing past the
    # grid, down onto the legend under it. The legend stays under the plot (the house's place): inside, it
    # would cover the paths or a minimum on some landscape or on a phone's narrow plot.
    fig.update_xaxes(constrain="domain")
    fig.update_yaxes(scaleanchor="x", scaleratio=1, constrain="domain", constraintoward="bottom")
    fig.update_layout(margin={"r": 10})
    return fig


def _sup(n: int) -> str:
    return str(n).translate(str.maketrans("0123456789", "⁰¹²³⁴⁵⁶⁷⁸⁹"))


def step_sizes(labels: Sequence[str], vanilla: Sequence[float], adagrad: Sequence[float], title: str,
               vanilla_name: str, adagrad_name: str, y_title: str, text_vanilla: Sequence[str],
               text_adagrad: Sequence[str], height: int = 380) -> Fig:
    """|step| of each parameter for vanilla gradient descent and for Adagrad, as grouped bars."""
    fig = Fig()
    for name, values, text, color in ((vanilla_name, vanilla, text_vanilla, OPTIMIZER_COLORS["gd"]),
                                      (adagrad_name, adagrad, text_adagrad, OPTIMIZER_COLORS["adagrad"])):
        fig.add_trace(trace("bar", x=list(labels), y=np.abs(np.asarray(values, dtype=float)).astype(np.float32),
                            name=name, marker={"color": color}, text=list(text), textposition="outside",
                            textfont={"size": 16}, cliponaxis=False,
                            hovertemplate="%{x}: %{text}<extra>" + name + "</extra>"))
    _layout(fig, title, "", y_title, height)
    fig.update_layout(barmode="group", bargap=0.3, margin={"t": 70})
    fig.update_xaxes(tickfont={"size": 18}, showgrid=False)
    fig.update_yaxes(rangemode="tozero")
    return fig


def grad_vs_sigma(abs_g: Sequence[float], sigma: Sequence[float], title: str, g_name: str, sigma_name: str,
                  highlight: str | None = None, height: int = 340) -> Fig:
    """|gᵗ| beside σᵗ (the root mean square of g⁰ … gᵗ) for t = 0 … T; the last t marked with ``highlight``."""
    g = np.abs(np.asarray(abs_g, dtype=float))
    s = np.asarray(sigma, dtype=float)
    labels = [f"t={k}" for k in range(g.size)]
    fig = Fig()
    fig.add_trace(trace("bar", x=labels, y=g.astype(np.float32), name=g_name, marker={"color": GRADIENT_COLOR},
                        customdata=g, hovertemplate="%{x}: %{customdata:.4g}<extra>" + g_name + "</extra>"))
    fig.add_trace(trace("bar", x=labels, y=s.astype(np.float32), name=sigma_name, marker={"color": SIGMA_COLOR},
                        customdata=s, hovertemplate="%{x}: %{customdata:.4g}<extra>" + sigma_name + "</extra>"))
    _layout(fig, title, "", "", height)
    fig.update_layout(barmode="group", bargap=0.25, margin={"t": 56, "b": 40, "l": 50, "r": 10},
                      legend={"orientation": "v", "yanchor": "top", "y": 0.99, "xanchor": "left", "x": 0.01,
                              "yref": "paper", "bgcolor": "rgba(255,255,255,0.85)"})
    fig.update_xaxes(showgrid=False, tickfont={"size": 16})
    top = float(max(np.max(g, initial=0.0), np.max(s, initial=0.0)))
    fig.update_yaxes(range=[0, top * 1.4 if top > 0 else 1.0])
    if highlight and g.size:
        last = g.size - 1
        fig.add_vrect(x0=last - 0.5, x1=last + 0.5, fillcolor=GRADIENT_COLOR, opacity=0.12, line_width=0,
                      layer="below")
        fig.add_annotation(x=last + 0.5, xref="x", y=1.0, yref="paper", xanchor="right", yanchor="bottom",
                           text=highlight, showarrow=False, font={"size": 17, "color": GRADIENT_COLOR},
                           bgcolor="rgba(255,255,255,0.85)")
    return fig
