r"""Tip 3: feature scaling, on the lecture's y = b + w₁x₁ + w₂x₂.

The loss is L(w₁, w₂, b) = Σᵣ (ŷʳ − (b + w₁x₁ʳ + w₂x₂ʳ))². Standardizing every feature,
xᵢʳ ← (xᵢʳ − mᵢ)/σᵢ with mᵢ = np.mean and σᵢ = np.std over the examples r, makes the means 0
and the variances 1: the contours of L turn from elongated ellipses into near circles, and
gradient descent goes straight to the minimum instead of crawling along a valley.

The slide's picture is in the (w₁, w₂) plane, so the lesson's gradient descent updates w only,
wᵗ⁺¹ = wᵗ − η∇_w L(wᵗ, b*), with b held at its least-squares value b* (:class:`FixedB`): the
contours drawn at b = b* are then exactly the surface the path walks on, and each update is at
right angles to the contour through its start. To be fair to both, each side uses the same
fraction of its own largest stable learning rate, η = fraction · 2/λ_max(2XᵀX) (the Hessian of L
over w); both start from the same weights (:func:`valley_start`, w′⁰ᵢ = w⁰ᵢσᵢ after scaling), off
the valley floor, and both have the same least-squares loss L* (scaling changes the coordinates,
not the lines the model can draw).

>>> from gd_core import data
>>> c = compare(data.synthetic(50, seed=0, scales=(1.0, 10.0)), fraction=0.9, steps=1000)
>>> c.scaled.reached_at < c.raw.reached_at
True
>>> abs(c.raw.loss_star - c.scaled.loss_star) < 1e-9
True
"""

from __future__ import annotations

import functools
import math
from dataclasses import dataclass

import numpy as np

from ..errors import DataError, InputError
from ..grid import axes
from ..optimizers import gd
from ..run import Trajectory, run, updates_to_reach
from .data import Dataset, LinearRegression, Scaling, standardize
from .sgd import MAX_GRID, largest_stable_lr

__all__ = [
    "Comparison", "FixedB", "Side", "compare", "feature_stats", "fixed_b_grid", "largest_stable_lr",
    "largest_stable_lr_w", "profile_b", "profile_grid", "require_two_features", "target_loss", "to_scaled",
    "updates_to_reach", "valley_start",
]

MAX_STEPS = 10_000
"""Most updates a side may take (gd_core.data.fit's limit on epochs)."""


def require_two_features(data: Dataset) -> None:
    """Raise :class:`DataError` unless the data has exactly two features (the lecture's x₁, x₂)."""
    if data.d != 2:
        if data.d == 1:
            raise DataError("feature scaling compares two features x₁ and x₂; the data has {n} feature column", n=1)
        raise DataError("feature scaling compares two features x₁ and x₂; the data has {n} feature columns", n=data.d)


def feature_stats(X) -> tuple[np.ndarray, np.ndarray]:
    """Each feature's mean mᵢ = np.mean and standard deviation σᵢ = np.std over the examples
    (the population std, ddof = 0, as on the slide).

    >>> m, s = feature_stats([[1.0, 100.0], [3.0, 300.0]])
    >>> m.tolist(), s.tolist()
    ([2.0, 200.0], [1.0, 100.0])
    """
    X = np.asarray(X, dtype=float)
    return np.mean(X, axis=0), np.std(X, axis=0)


def to_scaled(theta_raw, scaling: Scaling) -> np.ndarray:
    """Raw (w, b) as the same model on standardized features, (w', b'): the inverse of
    :meth:`Scaling.to_raw`. y = b + Σ wᵢxᵢ = (b + Σ wᵢmᵢ) + Σ (wᵢσᵢ)(xᵢ − mᵢ)/σᵢ, so
    w'ᵢ = wᵢσᵢ and b' = b + Σ wᵢmᵢ.

    >>> s = Scaling(np.array([1.0, 10.0]), np.array([2.0, 5.0]))
    >>> to_scaled([1.0, 1.0, 0.0], s).tolist()
    [2.0, 5.0, 11.0]
    >>> s.to_raw(to_scaled([1.0, 1.0, 0.0], s)).tolist()
    [1.0, 1.0, 0.0]
    """
    t = np.asarray(theta_raw, dtype=float)
    w = t[..., :-1]
    b = t[..., -1] + np.sum(w * scaling.mean, axis=-1)
    return np.concatenate([w * scaling.std, b[..., None]], axis=-1)


def profile_b(data: Dataset, w) -> np.ndarray:
    r"""The best b for fixed weights w: ∂L/∂b = −2 Σᵣ (ŷʳ − b − Σ wᵢxᵢʳ) = 0 gives
    b(w) = mean over r of (ŷʳ − Σ wᵢxᵢʳ). Vectorized over w of shape (..., d).

    >>> ds = Dataset(np.array([[1.0, 0.0], [3.0, 2.0]]), np.array([5.0, 9.0]), ("x1", "x2"))
    >>> float(profile_b(ds, [1.0, 1.0]))   # mean(5 − 1, 9 − 5)
    4.0
    """
    X, y = np.asarray(data.X, float), np.asarray(data.y, float)
    w = np.asarray(w, dtype=float)
    with np.errstate(all="ignore"):
        return np.mean(y) - np.einsum("...i,i->...", w, X.mean(axis=0))


def profile_grid(data: Dataset, w1_range, w2_range, n: int = 80) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    r"""``(w1s, w2s, Z)`` with Z[j, i] = L(w1s[i], w2s[j], b(w)), the loss with b at its best value
    :func:`profile_b` for each (w₁, w₂): the lowest L over b (float32).

    >>> ds = Dataset(np.array([[1.0, 0.0], [3.0, 2.0]]), np.array([5.0, 9.0]), ("x1", "x2"))
    >>> _, _, Z = profile_grid(ds, (0, 2), (0, 2), n=3)
    >>> float(Z[1, 1])   # w = (1, 1), b = 4: residuals 0, 0
    0.0
    """
    require_two_features(data)
    w1s, w2s = axes(w1_range, w2_range, n, MAX_GRID)
    w = np.stack(np.meshgrid(w1s, w2s), axis=-1)
    b = profile_b(data, w)
    theta = np.concatenate([w, b[..., None]], axis=-1)
    with np.errstate(all="ignore"):
        Z = LinearRegression.of(data).value_on_grid(theta)
        Z = np.where(np.isfinite(Z) & (np.abs(Z) < 3e38), Z, np.nan).astype(np.float32)
    return w1s.astype(np.float32), w2s.astype(np.float32), Z


@dataclass(frozen=True, eq=False)
class FixedB:
    r"""L(w₁, w₂) = Σᵣ (ŷʳ − (b + w₁x₁ʳ + w₂x₂ʳ))² with b held at ``b``: a loss over θ = w of shape
    (..., 2) for :func:`gd_core.run`. With H = 2XᵀX and c = 2Xᵀ(ŷ − b): ∇L = Hw − c, and L is
    computed as ½wᵀHw − wᵀc + Σᵣ(ŷʳ − b)² (a few products per w; negative round-off taken as 0).

    >>> ds = Dataset(np.array([[1.0, 0.0], [0.0, 2.0]]), np.array([3.0, 5.0]), ("x1", "x2"))
    >>> loss = FixedB.of(ds, 1.0)
    >>> float(loss.value([2.0, 2.0]))   # residuals 3 − 1 − 2 = 0 and 5 − 1 − 4 = 0
    0.0
    >>> loss.grad([0.0, 0.0]).tolist()   # −2 Σᵣ (ŷʳ − b) xʳ = −2 (2·(1, 0) + 4·(0, 2))
    [-4.0, -16.0]
    """

    H: np.ndarray
    c: np.ndarray
    const: float
    b: float

    @classmethod
    def of(cls, data: Dataset, b: float) -> FixedB:
        X, y = np.asarray(data.X, float), np.asarray(data.y, float) - float(b)
        return cls(2.0 * X.T @ X, 2.0 * X.T @ y, float(y @ y), float(b))

    def value(self, theta) -> np.ndarray:
        w = np.asarray(theta, dtype=float)
        with np.errstate(all="ignore"):
            quad = 0.5 * np.einsum("...i,ij,...j->...", w, self.H, w) - w @ self.c + self.const
            return np.where(quad < 0, 0.0, quad)

    def grad(self, theta) -> np.ndarray:
        """∇L = Hw − c, written out: (w₁H₁₁ + w₂H₂₁ − c₁, w₁H₁₂ + w₂H₂₂ − c₂), as :meth:`grad_float` computes it."""
        w = np.asarray(theta, dtype=float)
        with np.errstate(all="ignore"):
            return w[..., :1] * self.H[0] + w[..., 1:] * self.H[1] - self.c

    def grad_float(self, x: float, y: float) -> list[float]:
        """∇L at w = (x, y) on Python floats, the same operations as :meth:`grad` (for :func:`gd_core.run`'s
        float path)."""
        (h11, h12), (h21, h22) = self._H
        c1, c2 = self._c
        return [x * h11 + y * h21 - c1, x * h12 + y * h22 - c2]

    @functools.cached_property
    def _H(self) -> list:
        return self.H.tolist()

    @functools.cached_property
    def _c(self) -> list:
        return self.c.tolist()

    def hessian(self, theta) -> np.ndarray:
        theta = np.asarray(theta, dtype=float)
        return np.broadcast_to(self.H, theta.shape + (2,)).copy()


def largest_stable_lr_w(data: Dataset) -> float:
    r"""2/λ_max of 2XᵀX, the Hessian of L over w with b held fixed: gradient descent on w with a
    constant η converges exactly when η < 2/λ_max.

    >>> largest_stable_lr_w(Dataset(np.array([[1.0, 0.0], [0.0, 2.0]]), np.zeros(2), ("a", "b")))  # λ_max = 8
    0.25
    """
    X = np.asarray(data.X, float)
    with np.errstate(all="ignore"):
        lam = float(np.linalg.eigvalsh(2.0 * X.T @ X)[-1])
    return 2.0 / lam if lam > 0 and math.isfinite(lam) else math.inf


def fixed_b_grid(data: Dataset, b: float, w1_range, w2_range, n: int = 80) -> tuple[np.ndarray, np.ndarray,
                                                                                    np.ndarray]:
    r"""``(w1s, w2s, Z)`` with Z[j, i] = L(w1s[i], w2s[j], b), the loss with b held at ``b`` (float32):
    the surface :class:`FixedB`'s gradient descent walks on.

    >>> ds = Dataset(np.array([[1.0, 0.0], [3.0, 2.0]]), np.array([5.0, 9.0]), ("x1", "x2"))
    >>> _, _, Z = fixed_b_grid(ds, 4.0, (0, 2), (0, 2), n=3)
    >>> float(Z[1, 1])   # w = (1, 1), b = 4: residuals 0, 0
    0.0
    """
    require_two_features(data)
    w1s, w2s = axes(w1_range, w2_range, n, MAX_GRID)
    w = np.stack(np.meshgrid(w1s, w2s), axis=-1)
    with np.errstate(all="ignore"):
        Z = FixedB.of(data, b).value(w)
        Z = np.where(np.isfinite(Z) & (np.abs(Z) < 3e38), Z, np.nan).astype(np.float32)
    return w1s.astype(np.float32), w2s.astype(np.float32), Z


START_DIRECTION = (-1.0, 4.0)
"""Where :func:`valley_start` puts w′⁰ from the least-squares w′*, in standardized units (normalized)."""


def valley_start(data: Dataset) -> np.ndarray:
    r"""The lesson's start w⁰ (raw units), off the valley floor of the raw loss: chosen in
    standardized units, w′⁰ = w′* + ρ·u with u = ``START_DIRECTION`` normalized and ρ = ‖w′*‖ (the
    standard deviation of ŷ if w′* = 0, else 1), then w⁰ᵢ = w′⁰ᵢ/σᵢ.

    In standardized units the contours are near circles, so from w′⁰ gradient descent heads for the
    minimum. In raw units the same offset has a part along the flat direction (the smaller feature's
    weight) and a smaller part across the steep one: gradient descent first goes across the valley,
    at right angles to the contours, then crawls along it. The standardized start does not depend on
    the features' original scales.
    """
    require_two_features(data)
    scaled, sc = standardize(data)
    A = np.hstack([scaled.X, np.ones((scaled.n, 1))])
    w_star = np.linalg.lstsq(A, scaled.y, rcond=None)[0][:2]
    rho = float(np.hypot(*w_star)) or float(np.std(data.y)) or 1.0
    u = np.asarray(START_DIRECTION) / math.hypot(*START_DIRECTION)
    return (w_star + rho * u) / sc.std


def target_loss(loss_star: float, loss0: float, tolerance: float) -> float:
    """The loss to reach: within ``tolerance`` (e.g. 0.01 for 1 %) of the least-squares loss L*,
    L ≤ L* + tolerance·L*. When the data lie exactly on a plane (L* ≈ 0) the 1 % is taken of a
    millionth of the starting loss instead, so the target stays reachable.

    >>> target_loss(10.0, 500.0, 0.01)
    10.1
    >>> target_loss(0.0, 500.0, 0.01)
    5e-06
    """
    if not (math.isfinite(tolerance) and tolerance > 0):
        raise InputError("{name} must be a finite number > 0, got {value}", name="tolerance", value=repr(tolerance))
    return loss_star + tolerance * max(loss_star, 1e-6 * max(loss0, 0.0))


@dataclass(frozen=True)
class Side:
    """One side of the comparison: its data (raw or standardized), the largest stable η
    (2/λ_max of 2XᵀX), the η used, the gradient-descent run on w = (w₁, w₂) from w⁰ with b held
    at b* (``run.params`` are the w's), the least-squares θ* = (w*, b*) and L*, and after how many
    updates the run first reached the target (None: not within its steps)."""

    data: Dataset
    lr_max: float
    lr: float
    run: Trajectory
    theta_star: np.ndarray
    loss_star: float
    reached_at: int | None

    @property
    def b(self) -> float:
        """b*, the value b is held at."""
        return float(self.theta_star[-1])

    @property
    def diverged_at(self) -> int | None:
        return self.run.diverged_at


@dataclass(frozen=True)
class Comparison:
    """The raw and the standardized side, the scaling (mᵢ, σᵢ), the fraction of the largest
    stable η both use, the tolerance and the target loss (the same for both sides)."""

    raw: Side
    scaled: Side
    scaling: Scaling
    fraction: float
    tolerance: float
    target: float


def _side(data: Dataset, fraction: float, steps: int, w0, target_of) -> tuple[Side, float]:
    lr_max = largest_stable_lr_w(data)
    lr = fraction * lr_max
    if not (math.isfinite(lr) and lr > 0):
        raise DataError("the features are too large or too small to pick a learning rate")
    model = LinearRegression.of(data)
    star = model.solve()
    loss_star = float(model.value(star))
    path = run(FixedB.of(data, float(star[-1])), gd(lr), w0, steps)
    target = target_of(loss_star, float(path.losses[0]))
    return Side(data, lr_max, lr, path, star, loss_star, updates_to_reach(path.losses, target)), target


def compare(data: Dataset, fraction: float = 0.9, steps: int = 1000, tolerance: float = 0.01,
            w0=None) -> Comparison:
    """Gradient descent on w = (w₁, w₂) with b held at its least-squares value b*, on the raw and
    on the standardized features, each with η = ``fraction`` · 2/λ_max of its own 2XᵀX, for
    ``steps`` updates from the weights ``w0`` (raw units, :func:`valley_start` if None; w′⁰ᵢ = w⁰ᵢσᵢ
    on the standardized side), and the first update at which each loss is within ``tolerance`` of
    L* (the raw side's L*, the same least-squares line on both).
    """
    require_two_features(data)
    if not (isinstance(fraction, (int, float)) and math.isfinite(fraction) and fraction > 0):
        raise InputError("{name} must be a finite number > 0, got {value}", name="fraction", value=repr(fraction))
    if isinstance(steps, bool) or not isinstance(steps, (int, np.integer)) or not 1 <= steps <= MAX_STEPS:
        raise InputError("{name} must be a whole number from {low} to {high}, got {value}", name="steps", low=1,
                         high=MAX_STEPS, value=repr(steps))
    scaled_data, scaling = standardize(data)
    w0 = valley_start(data) if w0 is None else np.asarray(w0, dtype=float)
    raw, target = _side(data, float(fraction), int(steps), w0, lambda star, l0: target_loss(star, l0, tolerance))
    # The same L* and the same start weights: use the raw side's target on both.
    scaled, _ = _side(scaled_data, float(fraction), int(steps), w0 * scaling.std, lambda *_: target)
    return Comparison(raw, scaled, scaling, float(fraction), float(tolerance), target)
