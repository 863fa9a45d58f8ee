"""Learning-rate schedules: η_t, the learning rate of update t (t = 0 for the first update).

A schedule is a callable ``t -> η_t``; ``η`` may be a number or an array of shape (B,)
for a batch of runs.

>>> float(inverse_sqrt(1.0)(3))
0.5
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from .errors import InputError


def check_positive(name: str, value) -> np.ndarray:
    """``value`` as a float array, or ``ValueError`` naming ``name`` unless all finite and > 0."""
    arr = np.asarray(value, dtype=float)
    if arr.ndim > 1:
        raise InputError("{name} must be a number or a 1-D array, got shape {shape}", name=name, shape=str(arr.shape))
    if arr.size == 0 or not np.all(np.isfinite(arr)) or not np.all(arr > 0):
        raise InputError("{name} must be a finite number > 0, got {value}", name=name, value=repr(value))
    return arr


@dataclass(frozen=True)
class Schedule:
    """η_t as a function of t. ``kind`` is ``"constant"`` or ``"inverse_sqrt"``."""

    eta: np.ndarray | float
    kind: str = "constant"

    def __call__(self, t) -> np.ndarray | float:
        if self.kind == "constant":
            return self.eta
        return self.eta / np.sqrt(np.asarray(t, dtype=float) + 1.0)

    @property
    def latex(self) -> str:
        if self.kind == "constant":
            return r"\eta^t = \eta"
        return r"\eta^t = \frac{\eta}{\sqrt{t+1}}"

    def __hash__(self) -> int:
        return hash((self.kind, np.asarray(self.eta).tobytes()))

    def __eq__(self, other) -> bool:
        return (
            isinstance(other, Schedule)
            and other.kind == self.kind
            and np.array_equal(np.asarray(other.eta), np.asarray(self.eta))
        )


def constant(eta) -> Schedule:
    """η_t = η for every t."""
    arr = check_positive("lr", eta)
    return Schedule(float(arr) if arr.ndim == 0 else arr, "constant")


def inverse_sqrt(eta) -> Schedule:
    """The lecture's 1/t decay: η_t = η / √(t + 1), so η_0 = η.

    >>> [round(float(inverse_sqrt(2.0)(t)), 4) for t in range(3)]
    [2.0, 1.4142, 1.1547]
    """
    arr = check_positive("lr", eta)
    return Schedule(float(arr) if arr.ndim == 0 else arr, "inverse_sqrt")


def as_schedule(lr) -> Schedule:
    """A schedule from a number, an array of shape (B,) or a schedule."""
    if isinstance(lr, Schedule):
        return lr
    return constant(lr)
