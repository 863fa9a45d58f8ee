"""Loss values on a rectangular grid, for contour and surface plots, and the plot window that holds a path."""

from __future__ import annotations

import numpy as np

from .errors import InputError

MAX_GRID = 400
"""Finest grid: at most this many points along each axis."""


def axes(x_range, y_range, n: int, max_n: int = MAX_GRID) -> tuple[np.ndarray, np.ndarray]:
    """n evenly spaced values along each side of a plot window, after checking the window and n.

    >>> [a.tolist() for a in axes((0, 1), (-1, 1), 3)]
    [[0.0, 0.5, 1.0], [-1.0, 0.0, 1.0]]
    """
    if isinstance(n, bool) or not isinstance(n, (int, np.integer)) or not 2 <= n <= max_n:
        raise InputError("{name} must be a whole number from {low} to {high}, got {value}", name="n", low=2, high=max_n,
                         value=repr(n))
    (x0, x1), (y0, y1) = x_range, y_range
    if not (np.isfinite([x0, x1, y0, y1]).all() and x0 < x1 and y0 < y1):
        raise InputError("the plot window must be finite with min < max on both axes")
    return np.linspace(x0, x1, n), np.linspace(y0, y1, n)


def loss_grid(loss, x_range, y_range, n: int = 80) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """``(xs, ys, Z)`` with Z[j, i] = L(xs[i], ys[j]) as float32 (NaN where L is undefined).

    >>> from gd_core import parse_loss
    >>> xs, ys, Z = loss_grid(parse_loss("x^2 + y^2"), (-1, 1), (-1, 1), n=3)
    >>> Z.tolist()
    [[2.0, 1.0, 2.0], [1.0, 0.0, 1.0], [2.0, 1.0, 2.0]]
    """
    xs, ys = axes(x_range, y_range, n)
    theta = np.stack(np.meshgrid(xs, ys), axis=-1)
    with np.errstate(all="ignore"):
        Z = loss.value(theta)
        Z = np.where(np.isfinite(Z) & (np.abs(Z) < 3e38), Z, np.nan).astype(np.float32)
    return xs.astype(np.float32), ys.astype(np.float32), Z


def curve_values(loss, x_range, n: int = 400) -> tuple[np.ndarray, np.ndarray]:
    """``(xs, L(xs, 0))`` for a 1-D loss written in x (y = 0), float32, NaN where undefined.

    >>> from gd_core import parse_loss
    >>> xs, ys = curve_values(parse_loss("x^2"), (-1, 1), n=3)
    >>> ys.tolist()
    [1.0, 0.0, 1.0]
    """
    if isinstance(n, bool) or not isinstance(n, (int, np.integer)) or not 2 <= n <= 10 * MAX_GRID:
        raise InputError("{name} must be a whole number from {low} to {high}, got {value}", name="n", low=2,
                         high=10 * MAX_GRID, value=repr(n))
    x0, x1 = x_range
    if not (np.isfinite([x0, x1]).all() and x0 < x1):
        raise InputError("the plot window must be finite with min < max")
    xs = np.linspace(x0, x1, n)
    with np.errstate(all="ignore"):
        ys = loss.value(np.stack([xs, np.zeros_like(xs)], axis=-1))
        ys = np.where(np.isfinite(ys) & (np.abs(ys) < 3e38), ys, np.nan).astype(np.float32)
    return xs.astype(np.float32), ys


def window(anchors, paths=(), pad: float = 0.12, grow: float = 3.0, min_span: float = 1e-6, square: bool = False,
           aspect: float | None = None):
    """A plot window ``((x0, x1), (y0, y1))`` around the ``anchors`` (points always shown, e.g. θ⁰
    and θ*) that also holds the finite points of ``paths``, but at most ``grow`` times the anchors'
    span on each side (a diverging path is cut off), padded by ``pad`` of the span.
    ``square`` makes both spans equal (for axes drawn at the same scale); ``aspect`` makes the window that many
    times as wide as high, widening the narrower side (``square`` is ``aspect=1``). Every plot window of the app
    comes from here.

    >>> window([(0.0, 0.0), (2.0, 1.0)], pad=0.0)
    ((0.0, 2.0), (0.0, 1.0))
    >>> window([(0.0, 0.0), (2.0, 1.0)], pad=0.0, square=True)
    ((0.0, 2.0), (-0.5, 1.5))
    >>> window([(0.0, 0.0), (2.0, 2.0)], pad=0.0, aspect=2.0)
    ((-1.0, 3.0), (0.0, 2.0))
    """
    if square:
        aspect = 1.0
    a = np.asarray(anchors, dtype=float).reshape(-1, 2)
    a = a[np.all(np.isfinite(a), axis=1)]
    if a.size == 0:
        a = np.zeros((1, 2))
    lo, hi = a.min(axis=0), a.max(axis=0)
    span = np.maximum(hi - lo, max(min_span, 1e-3 * float(np.max(np.abs(a)))))
    if aspect is not None:
        span = _to_aspect(span, aspect)
    cap_lo, cap_hi = lo - grow * span, hi + grow * span
    for p in paths:
        # as rows (2, n): NumPy takes the min of a row of n numbers 80 times faster than of a column of an
        # (n, 2) array (0.3 ms for a path of 3,000 points)
        q = np.ascontiguousarray(np.asarray(p, dtype=float).reshape(-1, 2).T)
        if not np.isfinite(q).all():
            q = q[:, np.isfinite(q).all(axis=0)]
        if q.size:
            lo = np.minimum(lo, np.maximum(q.min(axis=1), cap_lo))
            hi = np.maximum(hi, np.minimum(q.max(axis=1), cap_hi))
    span = np.maximum(hi - lo, max(min_span, 1e-3 * float(np.max(np.abs(a)))))
    centre = (lo + hi) / 2
    if aspect is not None:
        span = _to_aspect(span, aspect)
    half = span * (0.5 + pad)
    x = (round(float(centre[0] - half[0]), 9), round(float(centre[0] + half[0]), 9))
    y = (round(float(centre[1] - half[1]), 9), round(float(centre[1] + half[1]), 9))
    return x, y


def _to_aspect(span: np.ndarray, aspect: float) -> np.ndarray:
    """Spans (width, height) widened along the narrower side to width = ``aspect`` × height."""
    w, h = float(span[0]), float(span[1])
    return np.array([max(w, aspect * h), max(h, w / aspect)])


def curve_top(ys, default: float = 1.0) -> float:
    """The highest defined value of a curve (NaN where undefined, as :func:`curve_values` gives it), or
    ``default`` if no value is defined: where a plot of the curve can end.

    >>> curve_top([1.0, float("nan"), 3.0]), curve_top([float("nan")])
    (3.0, 1.0)
    """
    ys = np.asarray(ys, dtype=float)
    return float(np.nanmax(ys)) if np.isfinite(ys).any() else default
