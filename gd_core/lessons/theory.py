r"""The theory slides' models of a loss near a point (a, b): the linear model L ≈ s + u(θ₁ − a) + v(θ₂ − b)
and its best point in the red circle, the quadratic model behind Newton's step, and the learning rate's limit."""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

from ..errors import InputError
from ..expr import Loss
from ..optimizers import newton_direction

# --- the red circle ------------------------------------------------------------------

@dataclass(frozen=True)
class LinearModel:
    r"""L(θ) ≈ s + u(θ₁ − a) + v(θ₂ − b) around (a, b)."""

    a: float
    b: float
    s: float
    u: float
    v: float

    def __call__(self, theta) -> np.ndarray:
        theta = np.asarray(theta, dtype=float)
        return self.s + self.u * (theta[..., 0] - self.a) + self.v * (theta[..., 1] - self.b)


def linear_model(loss: Loss, a: float, b: float) -> LinearModel:
    """The first-order Taylor approximation of ``loss`` at (a, b): s = L(a, b), (u, v) = ∇L(a, b)."""
    center = np.array([a, b], dtype=float)
    s = float(loss.value(center))
    u, v = (float(c) for c in loss.grad(center))
    if not all(math.isfinite(z) for z in (s, u, v)):
        raise InputError("the loss or its gradient is not finite at (a, b): choose another point")
    return LinearModel(float(a), float(b), s, u, v)


@dataclass(frozen=True)
class CircleStep:
    r"""Minimizing the linear model inside the circle of radius d around (a, b).

    The minimizer is θ = (a, b) − d ∇L/‖∇L‖, the gradient-descent step with η = d/‖∇L‖.
    ``predicted`` is the linear model there (s − d‖∇L‖); ``actual`` the true loss.
    At a stationary point (∇L = 0) every point of the circle is as good: ``point`` is the
    centre and ``eta`` is None.
    """

    model: LinearModel
    d: float
    point: np.ndarray
    eta: float | None
    predicted: float
    actual: float

    @property
    def decreased(self) -> bool:
        """Whether the true loss went down: L(θ) < L(a, b)."""
        return self.actual < self.model.s


def circle_step(loss: Loss, a: float, b: float, d: float) -> CircleStep:
    """The lecture's red circle: the best point of the linear model within distance d of (a, b)."""
    if not (isinstance(d, (int, float, np.floating)) and math.isfinite(d) and d >= 0):
        raise InputError("the radius d must be a finite number >= 0, got {value}", value=repr(d))
    model = linear_model(loss, a, b)
    norm = math.hypot(model.u, model.v)
    center = np.array([a, b], dtype=float)
    if norm == 0.0:
        point, eta, predicted = center, None, model.s
    else:
        point = center - d * np.array([model.u, model.v]) / norm
        eta = d / norm
        predicted = model.s - d * norm
    actual = float(loss.value(point))
    return CircleStep(model, float(d), point, eta, predicted, actual)


@dataclass(frozen=True)
class QuadraticModel:
    r"""L(θ) ≈ s + gᵀΔ + ½ ΔᵀHΔ around (a, b), and Newton's point, its stationary point."""

    center: np.ndarray
    s: float
    g: np.ndarray
    H: np.ndarray
    newton_point: np.ndarray
    singular: bool

    def __call__(self, theta) -> np.ndarray:
        delta = np.asarray(theta, dtype=float) - self.center
        quad = np.einsum("...i,ij,...j->...", delta, self.H, delta)
        return self.s + delta @ self.g + 0.5 * quad

    @property
    def kind(self) -> str:
        """"minimum", "saddle", "maximum" or "flat": what Newton's point is for the model."""
        w = np.linalg.eigvalsh(0.5 * (self.H + self.H.T))
        tol = 1e-12 * max(1.0, float(np.max(np.abs(w))))
        if np.all(w > tol):
            return "minimum"
        if np.all(w < -tol):
            return "maximum"
        if np.any(w > tol) and np.any(w < -tol):
            return "saddle"
        return "flat"


def quadratic_model(loss: Loss, a: float, b: float) -> QuadraticModel:
    """The second-order Taylor approximation at (a, b) and Newton's step to its stationary point."""
    center = np.array([a, b], dtype=float)
    s = float(loss.value(center))
    g = loss.grad(center)
    H = loss.hessian(center)
    if not (math.isfinite(s) and np.all(np.isfinite(g)) and np.all(np.isfinite(H))):
        raise InputError("the loss or its derivatives are not finite at (a, b): choose another point")
    direction, singular = newton_direction(H, g)
    return QuadraticModel(center, s, g, H, center - direction, bool(singular))


# --- the learning rate's limit -------------------------------------------------------

def divergence_threshold(loss: Loss, theta) -> float | None:
    """2/λ_max, with λ_max the largest eigenvalue of the Hessian at ``theta``.

    On a quadratic, gradient descent with a constant η converges for η < 2/λ_max and
    diverges for η > 2/λ_max; elsewhere this is the local limit near ``theta`` (use a
    minimum). None where no direction curves upwards (λ_max ≤ 0).

    >>> from gd_core import parse_loss
    >>> divergence_threshold(parse_loss("0.1*x^2 + 2*y^2"), (0.0, 0.0))
    0.5
    """
    H = loss.hessian(np.asarray(theta, dtype=float))
    if not np.all(np.isfinite(H)):
        raise InputError("the Hessian is not finite at that point")
    lam = float(np.max(np.linalg.eigvalsh(0.5 * (H + H.T))))
    return 2.0 / lam if lam > 0 else None
