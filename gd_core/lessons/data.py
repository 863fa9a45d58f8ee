r"""Linear regression for the SGD and feature-scaling lessons, and reading a user's CSV.

The lecture's loss is a sum over the n examples,
L(θ) = Σₙ (ŷⁿ − (b + Σᵢ wᵢ xᵢⁿ))², with θ = (w₁, …, w_d, b).
Stochastic gradient descent updates with the loss of one example,
Lⁿ(θ) = (ŷⁿ − (b + Σᵢ wᵢ xᵢⁿ))²; a mini-batch uses the sum of Lⁿ over its examples, so a
batch of all n examples is full gradient descent.
"""

from __future__ import annotations

import csv
import io
import math
import os
from dataclasses import dataclass
from functools import cached_property

import numpy as np

from ..errors import DataError, InputError
from ..optimizers import Optimizer
from ..run import run

MAX_BYTES = 2 * 1024 * 1024
"""Largest CSV file accepted: 2 MB."""
MAX_ROWS = 2000
"""Most data rows in a CSV file."""
MAX_FEATURES = 2
"""At most two feature columns (plus the target)."""
MAX_ABS_VALUE = 1e9
"""Largest magnitude of a value in a CSV file."""
MAX_UPDATES = 200_000
"""Most updates one :func:`fit` may make (epochs × updates per epoch)."""


@dataclass(frozen=True)
class Dataset:
    """Examples ``X`` of shape (n, d), targets ``y`` of shape (n,), and the column names."""

    X: np.ndarray
    y: np.ndarray
    feature_names: tuple[str, ...]
    target_name: str = "y"

    @property
    def n(self) -> int:
        return int(self.X.shape[0])

    @property
    def d(self) -> int:
        return int(self.X.shape[1])


def synthetic(n: int = 20, seed: int = 0, scales=(1.0,), w=None, b: float = 1.0, noise: float = 0.5) -> Dataset:
    """A seeded dataset y = b + Σ wᵢxᵢ + noise, xᵢ ~ scaleᵢ · N(0, 1) + scaleᵢ.

    ``scales`` has one entry per feature (one or two): a feature's typical size. The true
    weights default to 2, −1 (over the scale, so each feature matters about as much).
    """
    if isinstance(n, bool) or not isinstance(n, (int, np.integer)) or not 2 <= n <= MAX_ROWS:
        raise InputError("{name} must be a whole number from {low} to {high}, got {value}", name="n", low=2,
                         high=MAX_ROWS, value=repr(n))
    scales = np.atleast_1d(np.asarray(scales, dtype=float))
    if scales.ndim != 1 or not 1 <= scales.size <= MAX_FEATURES:
        raise InputError("scales must have one or two entries")
    if not np.all(np.isfinite(scales)) or not np.all(scales > 0):
        raise InputError("scales must be finite numbers > 0, got {value}", value=str(scales.tolist()))
    if not math.isfinite(noise) or noise < 0:
        raise InputError("{name} must be a finite number >= 0, got {value}", name="noise", value=repr(noise))
    d = scales.size
    if w is None:
        w = np.array([2.0, -1.0][:d]) / scales
    w = np.asarray(w, dtype=float)
    if w.shape != (d,):
        raise InputError("w must have {d} entries, one per feature", d=d)
    rng = np.random.default_rng(seed)
    X = scales * rng.standard_normal((n, d)) + scales
    y = b + X @ w + noise * rng.standard_normal(n)
    names = tuple(f"x{i + 1}" for i in range(d))
    return Dataset(X, y, names, "y")


# --- the model -----------------------------------------------------------------------

@dataclass(frozen=True, eq=False)
class LinearRegression:
    """The lecture's sum-of-squares loss over θ = (w₁, …, w_d, b), vectorized over θ."""

    X: np.ndarray
    y: np.ndarray

    @classmethod
    def of(cls, data: Dataset) -> LinearRegression:
        return cls(np.asarray(data.X, float), np.asarray(data.y, float))

    @property
    def dim(self) -> int:
        return self.X.shape[1] + 1

    def residuals(self, theta, idx=None) -> np.ndarray:
        """ŷⁿ − (b + Σ wᵢxᵢⁿ) for the examples ``idx`` (all if None): shape (..., m)."""
        theta = np.asarray(theta, dtype=float)
        X = self.X if idx is None else self.X[idx]
        y = self.y if idx is None else self.y[idx]
        with np.errstate(all="ignore"):
            pred = theta[..., None, -1] + np.einsum("...i,mi->...m", theta[..., :-1], X)
            return y - pred

    def value(self, theta, idx=None) -> np.ndarray:
        """L(θ) = Σₙ (ŷⁿ − (b + Σ wᵢxᵢⁿ))² over the examples ``idx`` (all if None)."""
        r = self.residuals(theta, idx)
        with np.errstate(all="ignore"):
            return np.sum(r * r, axis=-1)

    def value_on_grid(self, theta) -> np.ndarray:
        """L(θ) for many θ at once (a contour's grid), as θᵀAᵀAθ − 2θᵀAᵀŷ + ŷᵀŷ (A = [X, 1]): a few
        products per θ instead of a pass over the examples. Rounding near the least-squares loss is at
        the scale of 1e-16·ŷᵀŷ, far below what a contour shows; negative round-off is taken as 0."""
        H, c = self._normal
        theta = np.asarray(theta, dtype=float)
        with np.errstate(all="ignore"):
            quad = 0.5 * np.einsum("...i,ij,...j->...", theta, H, theta) - theta @ c + float(self.y @ self.y)
            return np.where(quad < 0, 0.0, quad)

    @cached_property
    def _design(self) -> np.ndarray:
        """A = [X, 1]: one row (x₁ⁿ, …, x_dⁿ, 1) per example."""
        return np.hstack([self.X, np.ones((self.X.shape[0], 1))])

    @cached_property
    def _normal(self) -> tuple[np.ndarray, np.ndarray]:
        """2AᵀA and 2Aᵀŷ with A = [X, 1]: ∇L(θ) over all the examples is 2AᵀA θ − 2Aᵀŷ."""
        A = np.hstack([self.X, np.ones((self.X.shape[0], 1))])
        return 2.0 * A.T @ A, 2.0 * A.T @ self.y

    def grad(self, theta, idx=None) -> np.ndarray:
        """∇L(θ): ∂L/∂wᵢ = −2 Σₙ rⁿ xᵢⁿ, ∂L/∂b = −2 Σₙ rⁿ, over the examples ``idx`` (all if None).

        Over all the examples it is computed as 2AᵀA θ − 2Aᵀŷ (A = [X, 1]): the same gradient, one
        small matrix product instead of a pass over the data on every update; over the examples ``idx``
        (SGD, a mini-batch) as −2 A_bᵀ(ŷ_b − A_b θ) with their rows A_b of A."""
        theta = np.asarray(theta, dtype=float)
        out = np.empty(theta.shape)
        with np.errstate(all="ignore"):
            return self.grad_into(theta, out, idx)

    def grad_into(self, theta: np.ndarray, out: np.ndarray, idx=None) -> np.ndarray:
        """:meth:`grad` written into ``out`` (a float array shaped like θ): the run loop's fast path.
        Unlike :meth:`grad` it does not silence NumPy's floating-point warnings itself."""
        if idx is None:
            H, c = self._normal
            return np.subtract(theta @ H, c, out=out)
        A, y = self._design.take(idx, axis=0), self.y[idx]
        if theta.ndim == 1 or theta.shape[:-1] == (1,):  # one θ: matrix-vector products, the fastest
            np.multiply((y - A @ theta.reshape(-1)) @ A, -2.0, out=out.reshape(-1))
        else:
            np.multiply((y - theta @ A.T) @ A, -2.0, out=out)
        return out

    def hessian(self, theta) -> np.ndarray:
        """The constant Hessian 2 AᵀA with A = [X, 1], broadcast to θ's leading shape."""
        theta = np.asarray(theta, dtype=float)
        A = np.hstack([self.X, np.ones((self.X.shape[0], 1))])
        return np.broadcast_to(2.0 * A.T @ A, theta.shape + (theta.shape[-1],)).copy()

    def solve(self) -> np.ndarray:
        """The least-squares θ* = (w*, b*)."""
        A = np.hstack([self.X, np.ones((self.X.shape[0], 1))])
        return np.linalg.lstsq(A, self.y, rcond=None)[0]


@dataclass(frozen=True)
class Fit:
    """A run of GD, SGD or mini-batch on a :class:`LinearRegression`.

    ``params`` (U + 1, d + 1) and ``losses`` (U + 1,) hold θ and the full-data loss L(θ)
    before the first update and after every update; ``epochs`` (U + 1,) the epoch each
    update belongs to (0 for the start). ``diverged_at`` as in :class:`gd_core.Trajectory`.
    """

    params: np.ndarray
    losses: np.ndarray
    epochs: np.ndarray
    batch_size: int
    updates_per_epoch: int
    diverged_at: int | None


def minibatches(n: int, batch_size: int, epochs: int, seed: int = 0):
    """The examples each update of a mini-batch run uses, update after update: every epoch visits the n
    examples in a new order drawn from ``np.random.default_rng(seed)``, in batches of ``batch_size``
    (the last batch of an epoch may be smaller).

    >>> [b.tolist() for b in minibatches(3, 2, 1, seed=0)]
    [[2, 0], [1]]
    """
    rng = np.random.default_rng(seed)
    for _ in range(epochs):
        order = rng.permutation(n)
        for start in range(0, n, batch_size):
            yield order[start:start + batch_size]


def fit(data: Dataset, optimizer: Optimizer, batch_size: int | None, epochs: int, theta0=None, seed: int = 0) -> Fit:
    """Train y = b + Σ wᵢxᵢ by updating after every ``batch_size`` examples: :func:`gd_core.run` on the
    :class:`LinearRegression` loss, with the batches of :func:`minibatches` when they are not all the data.

    ``batch_size`` None or n is gradient descent (one update per epoch, examples in
    order, so it equals ``run`` on the same loss); 1 is stochastic gradient descent
    (n updates per epoch); anything between is mini-batch. Each epoch visits the
    examples in a new order drawn from ``np.random.default_rng(seed)``; the last batch
    of an epoch may be smaller.
    """
    model = LinearRegression.of(data)
    n = data.n
    if batch_size is None:
        batch_size = n
    if isinstance(batch_size, bool) or not isinstance(batch_size, (int, np.integer)) or batch_size < 1:
        raise InputError("{name} must be a whole number >= {low}, got {value}", name="batch_size", low=1,
                         value=repr(batch_size))
    batch_size = min(int(batch_size), n)
    if isinstance(epochs, bool) or not isinstance(epochs, (int, np.integer)) or not 0 <= epochs <= 10_000:
        raise InputError("{name} must be a whole number from {low} to {high}, got {value}", name="epochs", low=0,
                         high=10000, value=repr(epochs))
    theta = np.zeros(model.dim) if theta0 is None else np.array(theta0, dtype=float)
    if theta.shape != (model.dim,) or not np.all(np.isfinite(theta)):
        raise InputError("theta0 must have {n} finite entries (w..., b)", n=model.dim)
    per_epoch = -(-n // batch_size)
    total = per_epoch * epochs
    if total > MAX_UPDATES:
        raise InputError("too many updates (epochs × updates per epoch must be at most {limit})", limit=MAX_UPDATES)
    batches = None if batch_size == n else minibatches(n, batch_size, int(epochs), seed)
    traj = run(model, optimizer, theta, total, batches=batches, max_steps=MAX_UPDATES)
    update = np.arange(traj.n_updates + 1)
    return Fit(traj.params, traj.losses, -(-update // per_epoch), batch_size, per_epoch, traj.diverged_at)


# --- feature scaling -----------------------------------------------------------------

@dataclass(frozen=True)
class Scaling:
    """Per-feature mean mᵢ and standard deviation σᵢ (np.mean, np.std as on the slide)."""

    mean: np.ndarray
    std: np.ndarray

    def apply(self, X) -> np.ndarray:
        """xᵢʳ ← (xᵢʳ − mᵢ) / σᵢ."""
        return (np.asarray(X, float) - self.mean) / self.std

    def to_raw(self, theta_scaled) -> np.ndarray:
        """Weights learnt on scaled features, (w', b'), mapped back to raw units (w, b).

        y = b' + Σ w'ᵢ (xᵢ − mᵢ)/σᵢ, so wᵢ = w'ᵢ/σᵢ and b = b' − Σ w'ᵢ mᵢ/σᵢ.
        """
        t = np.asarray(theta_scaled, dtype=float)
        w = t[..., :-1] / self.std
        b = t[..., -1] - np.sum(w * self.mean, axis=-1)
        return np.concatenate([w, b[..., None]], axis=-1)


def standardize(data: Dataset) -> tuple[Dataset, Scaling]:
    """The dataset with every feature standardized to mean 0 and variance 1, and the scaling.

    Raises :class:`DataError` for a feature with a single distinct value (σᵢ = 0).
    """
    mean = data.X.mean(axis=0)
    std = data.X.std(axis=0)
    for name, s in zip(data.feature_names, std):
        if not s > 0:
            raise DataError("feature '{name}' has the same value in every row, so it cannot be scaled (σ = 0)",
                            name=name)
    scaling = Scaling(mean, std)
    return Dataset(scaling.apply(data.X), data.y.copy(), data.feature_names, data.target_name), scaling


# --- reading a CSV -------------------------------------------------------------------

def _read_bytes(source) -> bytes:
    if isinstance(source, (bytes, bytearray, memoryview)):
        raw = bytes(source)
    elif isinstance(source, (str, os.PathLike)):
        try:
            size = os.path.getsize(source)
        except OSError as exc:
            raise DataError("cannot open the file: {detail}", detail=str(exc.strerror or exc)) from None
        if size > MAX_BYTES:
            raise DataError("the file is too large ({size} MB; at most {limit} MB)", size=f"{size / 1e6:.1f}",
                            limit=MAX_BYTES // 2**20)
        with open(source, "rb") as fh:
            raw = fh.read(MAX_BYTES + 1)
    elif hasattr(source, "read"):
        raw = source.read(MAX_BYTES + 1)
        if isinstance(raw, str):
            raw = raw.encode("utf-8")
        if not isinstance(raw, (bytes, bytearray)):
            raise DataError("the upload could not be read as a file")
        raw = bytes(raw)
    else:
        raise DataError("give a path, bytes or a file object")
    if len(raw) > MAX_BYTES:
        raise DataError("the file is too large (more than {limit} MB)", limit=MAX_BYTES // 2**20)
    return raw


def _number(cell: str, line: int, column: str) -> float:
    text = cell.strip().strip('"').strip("'").strip()
    if not text:
        raise DataError("line {line}, column '{column}': the value is missing", line=line, column=column)
    try:
        value = float(text)
    except ValueError:
        shown = text if len(text) <= 20 else text[:20] + "…"
        raise DataError("line {line}, column '{column}': '{value}' is not a number", line=line, column=column,
                        value=shown) from None
    if not math.isfinite(value):
        raise DataError("line {line}, column '{column}': '{value}' is not a finite number", line=line,
                        column=column, value=text)
    if abs(value) > MAX_ABS_VALUE:
        raise DataError("line {line}, column '{column}': {value} is too large (at most {limit})", line=line,
                        column=column, value=text, limit=f"{MAX_ABS_VALUE:.0e}")
    return value


def _is_number(cell: str) -> bool:
    try:
        float(cell.strip().strip('"'))
    except ValueError:
        return False
    return True


def read_csv(source) -> Dataset:
    """Read a CSV whose last column is the target and whose other one or two columns are features.

    ``source`` is a path, bytes or a file object. A first row that is not all numbers is
    the header; without one, the columns are named x1, (x2,) y. A UTF-8 BOM, quoted
    numbers, spaces around values and CRLF line ends are fine. At most 2 MB and 2000 rows.

    Raises :class:`~gd_core.DataError` saying what is wrong and where.
    """
    raw = _read_bytes(source)
    if not raw.strip():
        raise DataError("the file is empty")
    if b"\x00" in raw:
        raise DataError("this is a binary file, not a CSV text file")
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise DataError("the file is not UTF-8 text (a bad byte at position {position})",
                        position=exc.start) from None
    try:
        rows = [(i + 1, row) for i, row in enumerate(csv.reader(io.StringIO(text, newline="")))]
    except csv.Error as exc:
        raise DataError("the file is not valid CSV: {detail}", detail=str(exc)) from None
    rows = [(line, row) for line, row in rows if any(cell.strip() for cell in row)]
    if not rows:
        raise DataError("the file is empty")
    _, first = rows[0]
    if all(_is_number(c) for c in first):
        width = len(first)
        names = [f"x{i + 1}" for i in range(width - 1)] + ["y"]
        body = rows
    else:
        names = [c.strip().strip('"').strip("'").strip() or f"column {i + 1}" for i, c in enumerate(first)]
        width = len(names)
        body = rows[1:]
    if width < 2:
        raise DataError(
            "no feature column: the file needs one or two feature columns and the target as the last column"
        )
    if width > MAX_FEATURES + 1:
        raise DataError("{n} columns found: use one or two feature columns and the target as the last column",
                        n=width)
    if not body:
        raise DataError("the file has a header but no data rows")
    if len(body) > MAX_ROWS:
        raise DataError("the file has {n} data rows; at most {limit} are allowed", n=len(body), limit=MAX_ROWS)
    values = np.empty((len(body), width))
    for r, (line, row) in enumerate(body):
        if len(row) != width:
            raise DataError("line {line} has {n} values, but the header has {width} columns", line=line,
                            n=len(row), width=width)
        for c, cell in enumerate(row):
            values[r, c] = _number(cell, line, names[c])
    if len(body) < 2:
        raise DataError("only one data row: at least 2 are needed to fit a line")
    data = Dataset(values[:, :-1].copy(), values[:, -1].copy(), tuple(names[:-1]), names[-1])
    for i, name in enumerate(data.feature_names):
        if np.unique(data.X[:, i]).size < 2:
            raise DataError("feature '{name}' has the same value in every row: it cannot be used or scaled",
                            name=name)
    return data
