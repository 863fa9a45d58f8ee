r"""Optimizers, with torch.optim's conventions, in the lecture's notation.

Each factory checks its hyperparameters (``ValueError`` naming the parameter) and returns
an :class:`Optimizer`. Its state is an immutable record; :meth:`Optimizer.step` returns
the new parameters, the new state, and the per-coordinate factor it multiplied its
direction by (what the Adagrad tables call the effective learning rate).

t counts updates from 0: update t takes θᵗ to θᵗ⁺¹ with gradient gᵗ = ∇L(θᵗ) and
learning rate η_t (a number, or a schedule such as ``schedules.inverse_sqrt``).

Any hyperparameter may be an array of shape (B,) to run B trajectories at once from
``theta0`` of shape (B, 2).

>>> import numpy as np
>>> opt = gd(0.1)
>>> theta, state, scale = opt.step(opt.init(np.zeros(2)), np.zeros(2), np.array([1.0, -2.0]), 0)
>>> theta.tolist()
[-0.1, 0.2]
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, NamedTuple

import numpy as np

from .errors import InputError
from .schedules import Schedule, as_schedule

SINGULAR_RCOND = 1e-12
"""Newton treats a Hessian as singular when |det H| ≤ this × (largest |entry|)²."""


RULES: dict[str, str] = {
    "gd": r"\theta^{t+1} = \theta^{t} - \eta\, g^{t}, \qquad g^{t} = \nabla L(\theta^{t})",
    "momentum": (
        r"\begin{aligned} v^{t} &= \beta\, v^{t-1} + g^{t}, \quad v^{-1} = 0 \\ "
        r"\theta^{t+1} &= \theta^{t} - \eta\, v^{t} \end{aligned}"
    ),
    "adagrad": r"w^{t+1} = w^{t} - \frac{\eta}{\sqrt{\sum_{i=0}^{t} (g^{i})^{2}} + \epsilon}\, g^{t}",
    "rmsprop": (
        r"\begin{aligned} (\sigma^{t})^{2} &= \alpha (\sigma^{t-1})^{2} + (1-\alpha)(g^{t})^{2},"
        r" \quad \sigma^{-1} = 0 \\ "
        r"w^{t+1} &= w^{t} - \frac{\eta}{\sigma^{t} + \epsilon}\, g^{t} \end{aligned}"
    ),
    "newton": r"\theta^{t+1} = \theta^{t} - \eta\, H^{-1}(\theta^{t})\, \nabla L(\theta^{t})",
    "adam": (
        r"\begin{aligned} m^{t} &= \beta_1 m^{t-1} + (1-\beta_1)\, g^{t}, &"
        r" v^{t} &= \beta_2 v^{t-1} + (1-\beta_2)(g^{t})^{2}, \\ "
        r"\hat m^{t} &= \frac{m^{t}}{1-\beta_1^{\,t+1}}, & \hat v^{t} &= \frac{v^{t}}{1-\beta_2^{\,t+1}}, \\ "
        r"w^{t+1} &= w^{t} - \frac{\eta\, \hat m^{t}}{\sqrt{\hat v^{t}} + \epsilon} \end{aligned}"
    ),
}
"""Each optimizer's update rule as LaTeX, in the lecture's notation: t counts from 0 and every running
quantity starts at 0 before update 0 (v⁻¹ = 0, σ⁻¹ = 0, m⁻¹ = 0); ε is added outside the square root."""


def _col(value):
    """A hyperparameter of shape (B,) as (B, 1), so it broadcasts against θ of shape (B, 2)."""
    arr = np.asarray(value, dtype=float)
    return arr[:, None] if arr.ndim == 1 else arr


def _unit_interval(name: str, value, *, closed_low: bool = True) -> np.ndarray:
    arr = np.asarray(value, dtype=float)
    if arr.ndim > 1:
        raise InputError("{name} must be a number or a 1-D array, got shape {shape}", name=name, shape=str(arr.shape))
    low_ok = arr >= 0 if closed_low else arr > 0
    if arr.size == 0 or not np.all(np.isfinite(arr)) or not np.all(low_ok & (arr < 1)):
        interval = "[0, 1)" if closed_low else "(0, 1)"
        raise InputError("{name} must be in {interval}, got {value}", name=name, interval=interval, value=repr(value))
    return arr


def _eps(value) -> np.ndarray:
    arr = np.asarray(value, dtype=float)
    if arr.ndim > 1 or arr.size == 0 or not np.all(np.isfinite(arr)) or not np.all(arr >= 0):
        raise InputError("{name} must be a finite number >= 0, got {value}", name="eps", value=repr(value))
    return arr


class _Empty(NamedTuple):
    pass


class SumState(NamedTuple):
    """Adagrad: s, the running sum of squared gradients (s⁰ = 0)."""

    s: np.ndarray


class AverageState(NamedTuple):
    """RMSProp: s, the running average of squared gradients (starts at 0)."""

    s: np.ndarray


class MomentumState(NamedTuple):
    """Momentum: v, the velocity buffer (starts at 0, so v after update 0 is g⁰)."""

    v: np.ndarray


class AdamState(NamedTuple):
    """Adam: the first and second moment estimates m and v (both start at 0)."""

    m: np.ndarray
    v: np.ndarray


class NewtonState(NamedTuple):
    """Newton: whether the Hessian at each point of the last update was singular."""

    singular: np.ndarray


@dataclass(frozen=True)
class Optimizer:
    """An update rule with its hyperparameters. Build it with a factory (``gd``, ``adam``, …)."""

    name: str
    hyper: dict
    lr: Schedule
    _step: Any
    _init: Any
    needs_hessian: bool = False
    rule_latex: str = ""

    def init(self, theta: np.ndarray):
        """The state before update 0, for parameters shaped like ``theta``."""
        return self._init(np.asarray(theta, dtype=float))

    def step(self, state, theta, grad, t: int, hessian=None):
        """One update: returns ``(theta_next, state_next, scale)``.

        ``scale`` broadcasts to ``theta``'s shape: the factor each coordinate's direction
        was multiplied by (η_t for GD, η_t/(√s+ε) for Adagrad and RMSProp, …).
        """
        with np.errstate(all="ignore"):  # run() steps inside its own errstate; a direct call needs one too
            return self._step(state, np.asarray(theta, float), np.asarray(grad, float), t, hessian)

    def __hash__(self) -> int:
        items = tuple((k, np.asarray(v).tobytes()) for k, v in sorted(self.hyper.items()))
        return hash((self.name, items, self.lr))

    def __eq__(self, other) -> bool:
        return isinstance(other, Optimizer) and hash(self) == hash(other) and self.name == other.name


def _eta_fn(schedule: Schedule):
    """t -> η_t as a column that broadcasts against θ; constant schedules are computed once."""
    if schedule.kind == "constant":
        eta = _col(schedule.eta)
        return lambda t: eta
    return lambda t: _col(schedule(t))


def gd(lr) -> Optimizer:
    r"""Vanilla gradient descent: θᵗ⁺¹ = θᵗ − η_t gᵗ.

    ``lr`` is η (a number or an array of shape (B,)) or a schedule, e.g.
    ``schedules.inverse_sqrt(η)`` for the lecture's 1/t decay η_t = η/√(t+1).
    """
    schedule = as_schedule(lr)
    eta_of = _eta_fn(schedule)

    def step(state, theta, g, t, hessian):
        eta = eta_of(t)
        return theta - eta * g, state, eta

    return Optimizer(
        "gd", {"lr": schedule.eta}, schedule, step, lambda theta: _Empty(),
        rule_latex=RULES["gd"],
    )


def adagrad(lr, eps=1e-8) -> Optimizer:
    r"""Adagrad: s ← s + (gᵗ)², θᵗ⁺¹ = θᵗ − η_t gᵗ / (√s + ε), per coordinate.

    ε is added outside the square root (torch.optim). With ``eps=0`` and a constant η this
    is exactly the lecture's w^{t+1} = w^t − (η^t/σ^t) g^t with η^t = η/√(t+1) and σ^t the
    root mean square of g⁰…gᵗ, because η^t/σ^t = η/√Σ(gⁱ)². A coordinate whose gradients
    have all been zero takes a zero step, never NaN; its reported scale is η_t/ε (0 when ε = 0).
    """
    schedule = as_schedule(lr)
    eta_of = _eta_fn(schedule)
    eps_arr = _eps(eps)
    eps_col = _col(eps_arr)

    def step(state, theta, g, t, hessian):
        s = state.s + g * g
        denom = np.sqrt(s) + eps_col
        # Called inside an errstate (run() or Optimizer.step): eta / 0 is replaced by 0 at once.
        scale = np.where(denom > 0, eta_of(t) / denom, 0.0)
        return theta - scale * g, SumState(s), scale

    return Optimizer(
        "adagrad", {"lr": schedule.eta, "eps": eps_arr}, schedule, step,
        lambda theta: SumState(np.zeros_like(theta)),
        rule_latex=RULES["adagrad"],
    )


def rmsprop(lr, alpha=0.99, eps=1e-8) -> Optimizer:
    r"""RMSProp: s ← α s + (1 − α)(gᵗ)², θᵗ⁺¹ = θᵗ − η_t gᵗ / (√s + ε); s starts at 0."""
    schedule = as_schedule(lr)
    eta_of = _eta_fn(schedule)
    alpha_arr = _unit_interval("alpha", alpha)
    eps_arr = _eps(eps)
    a, eps_col = _col(alpha_arr), _col(eps_arr)
    one_minus_a = 1.0 - a

    def step(state, theta, g, t, hessian):
        s = a * state.s + one_minus_a * g * g
        denom = np.sqrt(s) + eps_col
        scale = np.where(denom > 0, eta_of(t) / denom, 0.0)  # inside an errstate, as in adagrad
        return theta - scale * g, AverageState(s), scale

    return Optimizer(
        "rmsprop", {"lr": schedule.eta, "alpha": alpha_arr, "eps": eps_arr}, schedule, step,
        lambda theta: AverageState(np.zeros_like(theta)),
        rule_latex=RULES["rmsprop"],
    )


def momentum(lr, beta=0.9) -> Optimizer:
    r"""Momentum (heavy ball): v ← β v + gᵗ, θᵗ⁺¹ = θᵗ − η_t v; v starts at g⁰.

    With β = 0 it is plain gradient descent.
    """
    schedule = as_schedule(lr)
    eta_of = _eta_fn(schedule)
    beta_arr = _unit_interval("beta", beta)
    b = _col(beta_arr)

    def step(state, theta, g, t, hessian):
        v = b * state.v + g
        eta = eta_of(t)
        return theta - eta * v, MomentumState(v), eta

    return Optimizer(
        "momentum", {"lr": schedule.eta, "beta": beta_arr}, schedule, step,
        lambda theta: MomentumState(np.zeros_like(theta)),
        rule_latex=RULES["momentum"],
    )


def adam(lr, beta1=0.9, beta2=0.999, eps=1e-8) -> Optimizer:
    r"""Adam with bias correction (t counts from 0, so the correction uses t + 1):

    m ← β₁m + (1−β₁)gᵗ, v ← β₂v + (1−β₂)(gᵗ)², m̂ = m/(1−β₁ᵗ⁺¹), v̂ = v/(1−β₂ᵗ⁺¹),
    θᵗ⁺¹ = θᵗ − η_t m̂ / (√v̂ + ε). The first step is −η g/(|g| + ε) ≈ −η·sign(g).
    """
    schedule = as_schedule(lr)
    eta_of = _eta_fn(schedule)
    b1_arr = _unit_interval("beta1", beta1)
    b2_arr = _unit_interval("beta2", beta2)
    eps_arr = _eps(eps)
    b1, b2, eps_col = _col(b1_arr), _col(b2_arr), _col(eps_arr)
    one_minus_b1, one_minus_b2 = 1.0 - b1, 1.0 - b2

    def step(state, theta, g, t, hessian):
        m = b1 * state.m + one_minus_b1 * g
        v = b2 * state.v + one_minus_b2 * g * g
        m_hat = m / (1.0 - b1 ** (t + 1))
        v_hat = v / (1.0 - b2 ** (t + 1))
        denom = np.sqrt(v_hat) + eps_col
        scale = np.where(denom > 0, eta_of(t) / denom, 0.0)  # inside an errstate, as in adagrad
        return theta - scale * m_hat, AdamState(m, v), scale

    return Optimizer(
        "adam",
        {"lr": schedule.eta, "beta1": b1_arr, "beta2": b2_arr, "eps": eps_arr},
        schedule, step, lambda theta: AdamState(np.zeros_like(theta), np.zeros_like(theta)),
        rule_latex=RULES["adam"],
    )


def _newton_direction(h: np.ndarray, g: np.ndarray):
    """H⁻¹g by a solve; for a singular H, the step along its non-flat eigen-directions only."""
    if h.shape[-2:] != (2, 2):
        raise InputError("newton handles two parameters (a 2 × 2 Hessian), got a Hessian of shape {shape}",
                         shape=str(h.shape[-2:]))
    with np.errstate(all="ignore"):
        finite = np.all(np.isfinite(h), axis=(-2, -1)) & np.all(np.isfinite(g), axis=-1)
        h = np.where(finite[..., None, None], h, 0.0)
        g = np.where(finite[..., None], g, 0.0)
        det = h[..., 0, 0] * h[..., 1, 1] - h[..., 0, 1] * h[..., 1, 0]
        size = np.max(np.abs(h), axis=(-2, -1))
        singular = np.abs(det) <= SINGULAR_RCOND * size**2
        safe_h = np.where(singular[..., None, None], np.eye(2), h)
        direction = np.linalg.solve(safe_h, np.where(singular[..., None], 0.0, g)[..., None])[..., 0]
        if np.any(singular):
            sym = 0.5 * (h + np.swapaxes(h, -1, -2))
            w, v = np.linalg.eigh(sym)
            keep = np.abs(w) > SINGULAR_RCOND * np.maximum(size[..., None], 1e-300)
            coef = np.einsum("...ji,...j->...i", v, g)
            coef = np.where(keep, coef / np.where(keep, w, 1.0), 0.0)
            pseudo = np.einsum("...ij,...j->...i", v, coef)
            direction = np.where(singular[..., None], pseudo, direction)
    return direction, singular & finite


def newton(lr=1.0) -> Optimizer:
    r"""Newton's method: θᵗ⁺¹ = θᵗ − η H⁻¹ gᵗ, with H the Hessian at θᵗ (a solve, no inverse).

    - Indefinite or negative-definite Hessian: the step is taken as it is. It goes to the
      stationary point of the second-order Taylor model, which may be a saddle or a
      maximum: that is the lesson's "where Newton goes wrong", not an error.
    - Singular Hessian (|det H| ≤ 1e-12 · max|Hᵢⱼ|²): along a direction of zero
      curvature Newton's step is undefined, so no step is taken along it; the step uses
      the other eigen-direction only (the minimum-norm Newton step). A zero Hessian
      gives no step at all. ``state.singular`` is True for those points.
    - A Hessian that is not finite gives no step.
    """
    schedule = as_schedule(lr)
    eta_of = _eta_fn(schedule)

    def step(state, theta, g, t, hessian):
        if hessian is None:
            raise InputError("newton needs the Hessian: pass hessian=loss.hessian(theta)")
        direction, singular = _newton_direction(np.asarray(hessian, dtype=float), g)
        eta = eta_of(t)
        return theta - eta * direction, NewtonState(singular), eta

    return Optimizer(
        "newton", {"lr": schedule.eta}, schedule, step,
        lambda theta: NewtonState(np.zeros(theta.shape[:-1], dtype=bool)),
        needs_hessian=True,
        rule_latex=RULES["newton"],
    )


class CombinedState(NamedTuple):
    """:func:`combined`: each row's m (first moment or velocity) and v (running squares)."""

    m: np.ndarray
    v: np.ndarray


def combined(members) -> Optimizer | None:
    r"""Gradient descent, momentum, Adagrad, RMSProp and Adam side by side as one batched rule, or None.

    Batch row k follows ``members[k]``. Every one of these rules is a case of

    m ← a₁m + b₁gᵗ,  v ← a₂v + b₂(gᵗ)²,  m̂ = m/c₁,  v̂ = v/c₂,  θᵗ⁺¹ = θᵗ − s ⊙ m̂

    with s = η/(√v̂ + ε) for the adaptive ones (0 where √v̂ + ε = 0) and s = η otherwise, and
    c₁ = 1 − β₁ᵗ⁺¹, c₂ = 1 − β₂ᵗ⁺¹ for Adam, 1 otherwise: gd (a₁ = 0, b₁ = 1), momentum
    (a₁ = β, b₁ = 1), Adagrad (a₁ = 0, b₁ = 1, a₂ = b₂ = 1), RMSProp (a₂ = α, b₂ = 1 − α), Adam
    (a₁ = β₁, b₁ = 1 − β₁, a₂ = β₂, b₂ = 1 − β₂). Each row computes exactly what its own rule does,
    in the same order (a factor 1 or a divisor 1 changes no bit), so the iterates are identical; one
    set of NumPy operations serves all rows. None when a member is another rule, has a learning-rate
    schedule other than a constant, or has a batch of hyperparameters.
    """
    kinds = ("gd", "momentum", "adagrad", "rmsprop", "adam")
    if not members or any(m.name not in kinds or m.lr.kind != "constant"
                          or any(np.size(v) != 1 for v in m.hyper.values()) for m in members):
        return None
    n = len(members)
    eta, a1, b1, a2, b2, eps = (np.zeros((n, 1)) for _ in range(6))
    b1 += 1.0
    adaptive = np.zeros((n, 1), dtype=bool)
    bias = np.zeros((n, 1), dtype=bool)
    for k, m in enumerate(members):
        h = {key: float(np.asarray(value).reshape(())) for key, value in m.hyper.items()}
        eta[k] = h["lr"]
        if m.name == "momentum":
            a1[k] = h["beta"]
        elif m.name in ("adagrad", "rmsprop", "adam"):
            adaptive[k], eps[k] = True, h["eps"]
            if m.name == "adagrad":
                a2[k], b2[k] = 1.0, 1.0
            elif m.name == "rmsprop":
                a2[k], b2[k] = h["alpha"], 1.0 - h["alpha"]
            else:
                a1[k], b1[k], a2[k], b2[k], bias[k] = h["beta1"], 1.0 - h["beta1"], h["beta2"], 1.0 - h["beta2"], True

    def step(state, theta, g, t, hessian):
        m = a1 * state.m + b1 * g
        v = a2 * state.v + b2 * g * g
        m_hat = m / np.where(bias, 1.0 - a1 ** (t + 1), 1.0)
        v_hat = v / np.where(bias, 1.0 - a2 ** (t + 1), 1.0)
        denom = np.sqrt(v_hat) + eps
        scale = np.where(adaptive, np.where(denom > 0, eta / denom, 0.0), eta)  # inside an errstate
        return theta - scale * m_hat, CombinedState(m, v), scale

    return Optimizer(
        "combined", {"lr": eta[:, 0]}, as_schedule(eta[:, 0]), step,
        lambda theta: CombinedState(np.zeros_like(theta), np.zeros_like(theta)),
    )


FACTORIES = {"gd": gd, "momentum": momentum, "adagrad": adagrad, "rmsprop": rmsprop, "adam": adam, "newton": newton}
"""Every optimizer factory by name."""
