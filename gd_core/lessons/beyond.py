r"""Beyond the lecture: the update rules of momentum, Adagrad, RMSProp and Adam in the lecture's
notation, and the numbers of a race between optimizers.

Notation (the lecture's): θᵗ the parameters after t updates, gᵗ = ∇L(θᵗ) the gradient, η the
learning rate; the adaptive rules act on each parameter w (θ₁ and θ₂) separately, with gᵗ its
own derivative ∂L(θᵗ)/∂w. t counts from 0, and every running quantity starts at 0 before
update 0 (v⁻¹ = 0, σ⁻¹ = 0, m⁻¹ = 0). ε = :data:`EPS` is added outside the square root, as in
:mod:`gd_core.optimizers` (torch.optim's conventions):

- gradient descent:  θᵗ⁺¹ = θᵗ − η gᵗ;
- momentum:  vᵗ = β vᵗ⁻¹ + gᵗ,  θᵗ⁺¹ = θᵗ − η vᵗ  (β = 0 is gradient descent; v⁰ = g⁰, so the
  first update is gradient descent's);
- Adagrad:  wᵗ⁺¹ = wᵗ − η gᵗ / (√(Σᵢ₌₀ᵗ (gⁱ)²) + ε), the lecture's simplified form;
- RMSProp:  (σᵗ)² = α(σᵗ⁻¹)² + (1 − α)(gᵗ)²,  wᵗ⁺¹ = wᵗ − η gᵗ / (σᵗ + ε);
- Adam:  mᵗ = β₁mᵗ⁻¹ + (1 − β₁)gᵗ,  vᵗ = β₂vᵗ⁻¹ + (1 − β₂)(gᵗ)²,  m̂ᵗ = mᵗ/(1 − β₁ᵗ⁺¹),
  v̂ᵗ = vᵗ/(1 − β₂ᵗ⁺¹),  wᵗ⁺¹ = wᵗ − η m̂ᵗ / (√v̂ᵗ + ε). At t = 0, m̂⁰ = g⁰ and √v̂⁰ = |g⁰|, so the
  first update is −η g⁰/(|g⁰| + ε) ≈ −η·sign(g⁰): about η along every parameter, whatever the
  size of the gradient.

>>> import gd_core
>>> loss = gd_core.parse_loss("(1 - x)^2 + 100*(y - x^2)^2")
>>> traj = gd_core.run(loss, gd_core.optimizers.adam(0.05), (-1.5, 2.0), 1)
>>> [round(d, 6) for d in first_update(traj)]  # ∇L(θ⁰) = (−155, −50): Adam moves η = 0.05 along both
[0.05, 0.05]
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from ..errors import InputError
from ..optimizers import RULES as _RULES
from ..run import updates_to_reach

EPS = 1e-8
"""ε in Adagrad, RMSProp and Adam (fixed): keeps the division finite when a gradient is 0."""

ORDER = ("gd", "momentum", "adagrad", "rmsprop", "adam")
"""The optimizers of the race, in the order they are introduced."""

RULES = _RULES
"""Each optimizer's update rule as LaTeX, in the lecture's notation (see the module docstring)."""


def first_update(traj) -> tuple[float, float] | None:
    """θ¹ − θ⁰ of a single run, or None if it kept no update."""
    if traj.n_updates < 1:
        return None
    step = np.asarray(traj.params[1], dtype=float) - np.asarray(traj.params[0], dtype=float)
    return float(step[0]), float(step[1])


@dataclass(frozen=True)
class RaceResult:
    """One optimizer's numbers in the race.

    - ``final_loss``: L after the last kept update (before the divergence, if it diverged);
    - ``reached_at``: updates to reach L ≤ target, or None ("not reached");
    - ``diverged_at``: the run's ``diverged_at``, or None;
    - ``first_step``: θ¹ − θ⁰, or None;
    - ``n_updates``: updates kept.
    """

    name: str
    final_loss: float
    reached_at: int | None
    diverged_at: int | None
    first_step: tuple[float, float] | None
    n_updates: int


def race_result(traj, target: float) -> RaceResult:
    """The race numbers of one (single, not batched) trajectory, for a target loss.

    >>> import gd_core
    >>> traj = gd_core.run(gd_core.parse_loss("x^2"), gd_core.optimizers.gd(0.25), (1.0, 0.0), 3)
    >>> r = race_result(traj, 0.1)
    >>> r.final_loss, r.reached_at, r.diverged_at, r.first_step
    (0.015625, 2, None, (-0.5, 0.0))
    """
    if traj.batched:
        raise InputError("race_result takes a single run, not a batch")
    return RaceResult(
        name=traj.optimizer,
        final_loss=float(traj.losses[-1]),
        reached_at=updates_to_reach(traj.losses, target),
        diverged_at=traj.diverged_at,
        first_step=first_update(traj),
        n_updates=traj.n_updates,
    )
