r"""Tip 2: stochastic gradient descent, on the lecture's linear regression with one feature.

The loss is a sum over the n examples, L(w, b) = Σₙ (ŷⁿ − (b + w xⁿ))². Gradient descent
updates once after seeing all examples, θⁱ = θⁱ⁻¹ − η∇L(θⁱ⁻¹); stochastic gradient descent
picks an example xⁿ and updates for each one, θⁱ = θⁱ⁻¹ − η∇Lⁿ(θⁱ⁻¹) with
Lⁿ = (ŷⁿ − (b + w xⁿ))²; a mini-batch of m examples uses the sum of their Lⁿ. With the same η,
one epoch of SGD makes n small updates where gradient descent makes one large one.

Everything here is a pure function of a :class:`~gd_core.data.Dataset`; the runs themselves are
:func:`gd_core.data.fit`.

>>> from gd_core import data
>>> ds = data.synthetic(20, seed=0)
>>> c = compare(ds, lr=0.02, batch_size=5, epochs=3, theta0=(-1.0, -3.0), seed=0)
>>> [c.gd.updates_per_epoch, c.sgd.updates_per_epoch, c.minibatch.updates_per_epoch]
[1, 20, 4]
>>> [len(c.gd.params) - 1, len(c.sgd.params) - 1, len(c.minibatch.params) - 1]
[3, 60, 12]
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

from ..errors import DataError, InputError
from ..grid import axes, window  # noqa: F401 (sgd.window: the lessons use the one plot window)
from ..optimizers import gd
from .data import Dataset, Fit, LinearRegression, fit

MAX_GRID = 200
"""Finest contour grid: at most this many points along each axis."""


def first_feature(data: Dataset) -> Dataset:
    """The dataset with only its first feature column: the model y = b + w x of this lesson.

    >>> from gd_core import data
    >>> first_feature(data.synthetic(5, scales=(1.0, 2.0))).feature_names
    ('x1',)
    """
    if data.d < 1:
        raise DataError("the data has no feature column")
    return Dataset(np.asarray(data.X, float)[:, :1].copy(), np.asarray(data.y, float).copy(),
                   data.feature_names[:1], data.target_name)


def _check_one_feature(data: Dataset) -> None:
    if data.d != 1:
        raise DataError("this lesson fits y = b + w x with one feature; the data has {n} (use first_feature)",
                        n=data.d)


def largest_stable_lr(data: Dataset) -> float:
    r"""2/λ_max of the Hessian 2AᵀA of L (A = [X, 1]): gradient descent with a constant η
    converges on this quadratic exactly when η < 2/λ_max.

    >>> from gd_core import data
    >>> ds = data.Dataset(np.array([[1.0], [-1.0]]), np.zeros(2), ("x",))
    >>> largest_stable_lr(ds)   # 2AᵀA = 2·diag(2, 2), λ_max = 4
    0.5
    """
    A = np.hstack([np.asarray(data.X, float), np.ones((data.n, 1))])
    with np.errstate(all="ignore"):
        lam = float(np.linalg.eigvalsh(2.0 * A.T @ A)[-1])
    return 2.0 / lam if lam > 0 and math.isfinite(lam) else math.inf


def example_lr_limit(data: Dataset) -> float:
    r"""The smallest over the examples of 2/λ_max of one example's Hessian, 2aₙaₙᵀ with
    aₙ = (xⁿ, 1): λ_max = 2(‖xⁿ‖² + 1), so this is 1/(maxₙ ‖xⁿ‖² + 1).

    Below it every single SGD update, θ − η∇Lⁿ(θ), moves θ no farther from that example's
    best fit: the n-times-smaller curvature of one Lⁿ is why SGD tolerates a larger η than the sum.

    >>> from gd_core import data
    >>> example_lr_limit(data.Dataset(np.array([[1.0], [-3.0]]), np.zeros(2), ("x",)))
    0.1
    """
    sq = np.sum(np.asarray(data.X, float) ** 2, axis=1)
    return float(1.0 / (np.max(sq) + 1.0))


@dataclass(frozen=True)
class Comparison:
    """Gradient descent, SGD and mini-batch on the same data, from the same θ⁰, for the same epochs.

    ``theta_star`` and ``loss_star`` are the least-squares (w*, b*) and L(w*, b*);
    ``lr_limit`` is gradient descent's largest stable η (:func:`largest_stable_lr`),
    ``example_lr_limit`` one example's (:func:`example_lr_limit`).
    """

    data: Dataset
    gd: Fit
    sgd: Fit
    minibatch: Fit
    lr: float
    epochs: int
    seed: int
    theta_star: np.ndarray
    loss_star: float
    lr_limit: float
    example_lr_limit: float

    @property
    def fits(self) -> dict[str, Fit]:
        return {"gd": self.gd, "sgd": self.sgd, "minibatch": self.minibatch}

    @property
    def example_lr_ratio(self) -> float:
        """How many times larger one example's largest stable η is than gradient descent's:
        ``example_lr_limit / lr_limit`` (inf when gradient descent's is 0 or not finite)."""
        if self.lr_limit > 0 and math.isfinite(self.lr_limit):
            return self.example_lr_limit / self.lr_limit
        return math.inf


def compare(data: Dataset, lr: float, batch_size: int, epochs: int, theta0=(0.0, 0.0), seed: int = 0) -> Comparison:
    """Run gradient descent (batch n), SGD (batch 1) and mini-batch (batch ``batch_size``) with
    :func:`gd_core.data.fit` and plain updates θ ← θ − η∇(the batch's loss), the same η, θ⁰,
    epochs and shuffle seed for all three (so the same seed gives the same runs).
    """
    _check_one_feature(data)
    if not (isinstance(lr, (int, float)) and math.isfinite(lr) and lr > 0):
        raise InputError("{name} must be a finite number > 0, got {value}", name="lr", value=repr(lr))
    runs = [fit(data, gd(float(lr)), m, epochs, theta0, seed) for m in (None, 1, batch_size)]
    model = LinearRegression.of(data)
    star = model.solve()
    return Comparison(data, *runs, float(lr), int(epochs), int(seed), star, float(model.value(star)),
                      largest_stable_lr(data), example_lr_limit(data))


# --- counting: examples, updates, epochs ------------------------------------------------------

def updates_after(examples: int, n: int, batch_size: int) -> int:
    """How many updates a run with batches of ``batch_size`` has made once it has seen ``examples``
    examples (n per epoch, the last batch of an epoch possibly smaller): ⌈n/m⌉ per finished epoch,
    plus one per full batch of the current epoch.

    >>> updates_after(7, 20, 1), updates_after(7, 20, 20), updates_after(20, 20, 20), updates_after(43, 20, 6)
    (7, 0, 1, 8)
    """
    if n < 1 or batch_size < 1 or examples < 0:
        raise InputError("n and batch_size must be >= 1 and examples >= 0")
    m = min(int(batch_size), int(n))
    done, rest = divmod(int(examples), int(n))
    return done * math.ceil(n / m) + rest // m


def epochs_seen(run: Fit, n: int) -> np.ndarray:
    """For each kept θ of ``run``, how many epochs of data it has seen (fractional within an epoch):
    update j of epoch e has seen (e − 1) + min(j·m, n)/n epochs.

    >>> from gd_core import data
    >>> ds = data.synthetic(5)
    >>> epochs_seen(data.fit(ds, gd(0.01), 2, 2), ds.n).tolist()
    [0.0, 0.4, 0.8, 1.0, 1.4, 1.8, 2.0]
    """
    e = np.asarray(run.epochs, dtype=int)
    u = np.arange(len(e))
    j = u - (e - 1) * run.updates_per_epoch
    seen = (e - 1) + np.minimum(j * run.batch_size, n) / n
    return np.where(u == 0, 0.0, seen).astype(float)


def example_order(n: int, epochs: int, seed: int = 0) -> np.ndarray:
    """The examples SGD (batch 1) visits, in order, as :func:`gd_core.data.fit` draws them: a new
    permutation of 0 … n−1 per epoch from ``np.random.default_rng(seed)``. Entry u − 1 is the
    example xⁿ that update u used.

    >>> example_order(4, 2, seed=0).shape
    (8,)
    """
    rng = np.random.default_rng(seed)
    if n == 1:
        return np.zeros(epochs, dtype=int)
    return np.concatenate([rng.permutation(n) for _ in range(epochs)]) if epochs else np.zeros(0, dtype=int)


def loss_after_epoch(run: Fit, epoch: int) -> float | None:
    """L(θ) at the end of epoch ``epoch``, after epoch × (updates per epoch) updates; None when the run
    diverged before it (its kept θ end earlier).

    >>> from gd_core import data
    >>> ds = data.synthetic(5)
    >>> run = data.fit(ds, gd(0.01), 2, 2)
    >>> loss_after_epoch(run, 1) == float(run.losses[3]), loss_after_epoch(run, 3)
    (True, None)
    """
    end = epoch * run.updates_per_epoch
    return float(run.losses[end]) if end < len(run.losses) else None


def index_at(run: Fit, examples: int, n: int) -> int:
    """The index into ``run.params`` after seeing ``examples`` examples: :func:`updates_after`,
    clipped to the last kept θ (a run that diverged stops early)."""
    return min(updates_after(examples, n, run.batch_size), len(run.params) - 1)


# --- drawing: the loss grid, the window, the fitted line ----------------------------------------

def loss_grid(data: Dataset, w_range, b_range, n: int = 80) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    r"""``(ws, bs, Z)`` with Z[j, i] = L(ws[i], bs[j]) = Σₙ (ŷⁿ − (bs[j] + ws[i] xⁿ))², float32.

    >>> from gd_core import data
    >>> ds = data.Dataset(np.array([[1.0], [2.0]]), np.array([1.0, 2.0]), ("x",))
    >>> ws, bs, Z = loss_grid(ds, (0, 2), (-1, 1), n=3)
    >>> float(Z[1, 1])   # w = 1, b = 0 fits both points
    0.0
    >>> float(Z[0, 0])   # w = 0, b = −1: (1 + 1)² + (2 + 1)²
    13.0
    """
    _check_one_feature(data)
    ws, bs = axes(w_range, b_range, n, MAX_GRID)
    theta = np.stack(np.meshgrid(ws, bs), axis=-1)
    with np.errstate(all="ignore"):
        Z = LinearRegression.of(data).value_on_grid(theta)
        Z = np.where(np.isfinite(Z) & (np.abs(Z) < 3e38), Z, np.nan).astype(np.float32)
    return ws.astype(np.float32), bs.astype(np.float32), Z


def line(theta, x_range, n: int = 2) -> tuple[np.ndarray, np.ndarray]:
    """The fitted line ŷ = b + w x at θ = (w, b), on ``n`` points across ``x_range``.

    >>> xs, ys = line((2.0, 1.0), (0.0, 1.0))
    >>> ys.tolist()
    [1.0, 3.0]
    """
    w, b = (float(v) for v in np.asarray(theta, dtype=float)[:2])
    xs = np.linspace(float(x_range[0]), float(x_range[1]), n)
    with np.errstate(all="ignore"):
        return xs, b + w * xs


def x_range(data: Dataset, pad: float = 0.08) -> tuple[float, float]:
    """The range of the first feature, padded on both sides by ``pad`` of its span.

    >>> from gd_core import data
    >>> x_range(data.Dataset(np.array([[0.0], [10.0]]), np.zeros(2), ("x",)), pad=0.1)
    (-1.0, 11.0)
    """
    x = np.asarray(data.X, float)[:, 0]
    lo, hi = float(x.min()), float(x.max())
    span = max(hi - lo, 1e-9)
    return lo - pad * span, hi + pad * span
