r"""Adagrad's tables (Tip 1): σᵗ, ηᵗ/σᵗ and the step for a sequence of derivatives, and the surprise (反差)."""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

from ..errors import InputError

MAX_TABLE_LENGTH = 50
"""Longest gradient sequence for the Adagrad tables."""


# --- Adagrad tables ------------------------------------------------------------------

SURPRISE_SEQUENCES = {
    "small": (0.001, 0.001, 0.003, 0.002, 0.1),
    "large": (10.8, 20.9, 31.7, 12.1, 0.1),
}
"""The lecture's two gradient sequences: the last 0.1 is especially large in the first
and especially small in the second."""


@dataclass(frozen=True)
class AdagradTable:
    r"""Per update t = 0 … T of one parameter w:

    ``g`` gᵗ; ``sigma`` σᵗ = √(Σᵢ₌₀ᵗ (gⁱ)² / (t + 1)); ``eta_t`` ηᵗ = η/√(t + 1);
    ``ratio`` ηᵗ/σᵗ; ``simplified`` η/√Σᵢ₌₀ᵗ(gⁱ)² (equal to ``ratio``); ``step`` −(ηᵗ/σᵗ)gᵗ;
    ``contrast`` gᵗ/σᵗ, how surprising gᵗ is against the past. Where all gradients so far
    are 0, σᵗ = 0 and the ratio, step and contrast are 0.
    """

    eta: float
    g: np.ndarray
    sigma: np.ndarray
    eta_t: np.ndarray
    ratio: np.ndarray
    simplified: np.ndarray
    step: np.ndarray
    contrast: np.ndarray
    vanilla_step: np.ndarray

    @property
    def t(self) -> np.ndarray:
        return np.arange(self.g.size)

    @property
    def root_sum_sq(self) -> np.ndarray:
        r"""√Σᵢ₌₀ᵗ(gⁱ)² for each t, Adagrad's denominator after the √(t + 1) cancels
        (= σᵗ √(t + 1)): the larger the past gradients, the smaller the step.

        >>> adagrad_table([3.0, 4.0]).root_sum_sq.tolist()
        [3.0, 5.0]
        """
        return np.sqrt(np.cumsum(self.g * self.g))


def adagrad_table(grads, eta: float = 1.0) -> AdagradTable:
    """The lecture's Adagrad quantities for the gradient sequence g⁰, g¹, … of one parameter."""
    g = np.asarray(grads, dtype=float)
    if g.ndim != 1 or g.size == 0:
        raise InputError("the gradients must be a non-empty list of numbers")
    if g.size > MAX_TABLE_LENGTH:
        raise InputError("at most {n} gradients", n=MAX_TABLE_LENGTH)
    if not np.all(np.isfinite(g)) or np.any(np.abs(g) > 1e100):
        raise InputError("every gradient must be a finite number")
    if not (math.isfinite(eta) and eta > 0):
        raise InputError("{name} must be a finite number > 0, got {value}", name="eta", value=repr(eta))
    t = np.arange(g.size)
    # √Σ(gⁱ)² through the largest |g|, so tiny gradients do not underflow when squared; σᵗ and both
    # forms of the step factor are then built from that one root, as in the slide's simplification.
    scale = float(np.max(np.abs(g))) or 1.0
    unit = g / scale
    rss_unit = np.sqrt(np.cumsum(unit**2))  # √Σ(gⁱ)² / scale, of order 1
    rss = scale * rss_unit
    root_t = np.sqrt(t + 1.0)
    sigma = rss / root_t
    eta_t = eta / root_t
    nz = rss_unit > 0
    safe_unit = np.where(nz, rss_unit, 1.0)
    # η/√Σ(gⁱ)² itself may exceed the largest float for absurdly small gradients (then it is inf, in
    # both columns alike); the step and the contrast are computed from ratios of order 1 and stay finite.
    with np.errstate(over="ignore"):
        ratio = np.where(nz, eta_t / np.where(nz, sigma, 1.0), 0.0)
        simplified = np.where(nz, eta / np.where(nz, rss, 1.0), 0.0)
    step = np.where(nz, -eta * unit / safe_unit, 0.0)
    contrast = np.where(nz, unit / safe_unit * root_t, 0.0)
    return AdagradTable(float(eta), g, sigma, eta_t, ratio, simplified, step, contrast, -eta_t * g)


SURPRISE_LARGE, SURPRISE_SMALL = 1.5, 0.5
"""|gᵗ|/σᵗ at or above which gᵗ is especially large next to the gradients before it, at or below which
especially small."""


def surprise(contrast: float) -> str:
    """How surprising gᵗ is next to σᵗ, from the contrast gᵗ/σᵗ: ``"large"`` if |gᵗ|/σᵗ ≥ 1.5 (especially
    large, 特別大), ``"small"`` if it is ≤ 0.5 (especially small, 特別小), else ``"usual"``.

    >>> surprise(-2.0), surprise(0.5), surprise(1.0)
    ('large', 'small', 'usual')
    """
    if abs(contrast) >= SURPRISE_LARGE:
        return "large"
    if abs(contrast) <= SURPRISE_SMALL:
        return "small"
    return "usual"
