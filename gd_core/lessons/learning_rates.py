r"""The lecture's four learning rates (Tip 1), chosen from a 1-D curve's own numbers, and what a run does.

The slide draws the loss against the number of updates for four rates:

- very large: the loss blows up;
- large: θ bounces between the walls and the loss stays high;
- small: the loss goes down, slowly;
- just right: the loss reaches the bottom.

Fixed η values cannot do this on every curve (η = 0.9 is "large" on L = x² but "just right" on
L = 0.25x²), so :func:`learning_rates` picks each rate from the curve, its start θ⁰ and the number
of updates, and checks it by running the updates; :func:`behaviour` says what any run did, from its
numbers (the page uses it for a rate the user typed).

All runs are plain gradient descent θᵗ⁺¹ = θᵗ − η ∇L(θᵗ) on a loss in x that ignores y, started at
θ⁰ = (x⁰, 0).

>>> from gd_core import parse_loss
>>> rates = learning_rates(parse_loss("x^2"), -3.0, 0.0, 20)
>>> rates["large"].eta, rates["large"].behaviour
(1.0, 'bounces_high')
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np
import sympy as sp

from ..errors import InputError
from ..expr import Loss, X, Y
from ..optimizers import gd
from ..run import run
from ..schedules import inverse_sqrt

ROLES = ("very_large", "large", "small", "just_right")
"""The slide's four learning rates, from the largest to the one that works."""

BEHAVIOURS = ("blows_up", "bounces_high", "bounces_slow", "slow", "bottom")
"""What a run can do, as :func:`behaviour` names it:

- ``blows_up``: it diverged, or its loss ended above its start's;
- ``bounces_high``: θ jumps across the minimum at most updates and the loss stays high
  (at least ``HIGH`` of the start's height above the minimum);
- ``bounces_slow``: it jumps across the minimum and the loss comes down, but not to the bottom;
- ``slow``: it stays on one side and the loss goes down without reaching the bottom;
- ``bottom``: the loss ends within ``BOTTOM`` of the start's height above the minimum.
"""

ROLE_BEHAVIOUR = {"very_large": "blows_up", "large": "bounces_high", "small": "slow", "just_right": "bottom"}
"""What each role's rate must do at the start and number of updates it was chosen for."""

BOTTOM = 1e-3
"""A run reaches the bottom when L(θⁿ) − L(θ*) ≤ BOTTOM · (L(θ⁰) − L(θ*))."""
HIGH = 0.1
"""A run stays high when L(θⁿ) − L(θ*) ≥ HIGH · (L(θ⁰) − L(θ*))."""
SLOW = 1 / 3
"""The small rate is the one whose loss ends about SLOW of the way from the minimum to the start."""
BOUNCING = 0.5
"""A run bounces when at least this share of its updates jump across the minimum."""


def behaviour(losses, xs, minimum: float, minimum_loss: float) -> str:
    """What a 1-D run did, one of :data:`BEHAVIOURS`, from its losses L(θ⁰) … L(θⁿ) and positions x⁰ … xⁿ.

    ``minimum`` is x* and ``minimum_loss`` L(θ*). A run with a loss that is not finite (it diverged) blows
    up. A run that starts at the minimum and stays there reaches the bottom.

    >>> behaviour([9.0, 9.0, 9.0], [-3.0, 3.0, -3.0], 0.0, 0.0)
    'bounces_high'
    >>> behaviour([9.0, 5.76, 3.69], [-3.0, -2.4, -1.92], 0.0, 0.0)
    'slow'
    """
    losses = np.asarray(losses, dtype=float)
    xs = np.asarray(xs, dtype=float)
    if losses.ndim != 1 or losses.shape != xs.shape or losses.size < 2:
        raise InputError("a run needs at least one update, with as many positions as losses")
    if not (np.all(np.isfinite(losses)) and np.all(np.isfinite(xs))) or losses[-1] > losses[0]:
        return "blows_up"
    start, end = losses[0] - minimum_loss, losses[-1] - minimum_loss
    if end <= BOTTOM * start or start <= 0:
        return "bottom"
    side = np.sign(xs - minimum)
    crossings = np.count_nonzero(side[1:] * side[:-1] < 0)
    if crossings >= BOUNCING * (losses.size - 1):
        return "bounces_high" if end >= HIGH * start else "bounces_slow"
    return "slow"


@dataclass(frozen=True)
class Rate:
    """One role's learning rate and what a run with it did (see :data:`BEHAVIOURS`)."""

    eta: float
    behaviour: str


def runs(loss: Loss, etas, x0: float, steps: int, decay: bool = False):
    """Gradient descent from θ⁰ = (x0, 0) for each η of ``etas``, in one batch (with 1/t decay
    ηᵗ = η/√(t+1) if ``decay``): a batched :class:`~gd_core.run.Trajectory`."""
    etas = np.asarray(etas, dtype=float).reshape(-1)
    lr = inverse_sqrt(etas) if decay else etas
    return run(loss, gd(lr), np.tile((float(x0), 0.0), (etas.size, 1)), steps)


def behaviours(loss: Loss, etas, x0: float, minimum: float, steps: int, decay: bool = False) -> list[str]:
    """:func:`behaviour` of the run for each η of ``etas`` (see :func:`runs`)."""
    traj = runs(loss, etas, x0, steps, decay)
    low = float(loss.value(np.array([minimum, 0.0])))
    return [behaviour(traj.losses[:, i], traj.params[:, i, 0], minimum, low) for i in range(traj.losses.shape[1])]


def _round(value: float, direction: str) -> float:
    """``value`` to two significant digits, rounded ``"down"``, ``"up"`` or to the ``"nearest"``."""
    exponent = math.floor(math.log10(value)) - 1
    rounding = {"down": math.floor, "up": math.ceil, "nearest": round}[direction]
    digits = rounding(float(f"{value:.12e}") / 10.0**exponent)
    return float(f"{digits}e{exponent}")


def learning_rates(loss: Loss, x0: float, minimum: float, steps: int) -> dict[str, Rate]:
    r"""The four roles' learning rates for gradient descent on the curve ``loss`` from x⁰ = ``x0`` (the
    minimum at x* = ``minimum``), each with what its run of ``steps`` updates does.

    - large: η = 2(x⁰ − x*)/L′(x⁰), which sends θ¹ as far past the minimum as θ⁰ was before it: on a
      parabola that is 2/L″, and θ bounces between x⁰ and its mirror image forever;
    - very large: the first η past the large one (in steps of 1 %) whose loss is more than twice the
      start's within the first quarter of the updates (or that diverges);
    - just right: the smallest η (in steps of 1 %) whose loss reaches the bottom within half the updates;
    - small: the η whose loss ends a third of the way from the minimum to the start (:data:`SLOW`).

    Each is rounded to two significant digits, towards its role (large down, very large and just right
    up), and kept unrounded if rounding changed what it does. Raises ``InputError`` if ``steps`` < 1, if the
    start is the minimum or the gradient there points away from it, or if some role has no rate on this curve
    (a loss that cannot double, for example).
    """
    if isinstance(steps, bool) or not isinstance(steps, (int, np.integer)) or steps < 1:
        raise InputError("a run needs at least one update, with as many positions as losses")
    x0, minimum = float(x0), float(minimum)
    slope = float(loss.grad(np.array([x0, 0.0]))[0])
    if not math.isfinite(slope) or slope * (x0 - minimum) <= 0:
        raise InputError("the start must be on a slope that goes down towards the minimum")
    large = 2.0 * (x0 - minimum) / slope
    grid = large * 10.0 ** (np.arange(-400, 201) / 200)  # from large/100 to 10·large, 1.2 % apart

    traj = runs(loss, grid, x0, steps)
    low = float(loss.value(np.array([minimum, 0.0])))
    gap = traj.losses - low
    with np.errstate(invalid="ignore"):
        early = np.nanmax(np.where(np.isfinite(gap[: max(1, steps // 4) + 1]), gap[: max(1, steps // 4) + 1],
                                   np.inf), axis=0)
    shoots = (traj.diverged | (early > 2 * gap[0])) & (grid > large)
    with np.errstate(invalid="ignore"):
        reached = (gap[max(1, steps // 2)] <= BOTTOM * gap[0]) & (grid < large)
        final = np.where(np.isfinite(gap[-1]), gap[-1], np.inf)
    if not shoots.any() or not reached.any():
        raise InputError("this curve has no learning rate for every role from this start")
    very_large = float(grid[np.argmax(shoots)])
    just_right = float(grid[np.argmax(reached)])
    below = grid < just_right
    small = float(grid[below][np.argmin(np.abs(final[below] / gap[0, 0] - SLOW))])

    chosen = {"very_large": (very_large, "up"), "large": (large, "down"), "small": (small, "nearest"),
              "just_right": (just_right, "up")}
    rates = {}
    for role, (eta, direction) in chosen.items():
        rounded = _round(eta, direction)
        got = behaviours(loss, [rounded, eta], x0, minimum, steps)
        if got[0] == ROLE_BEHAVIOUR[role]:
            rates[role] = Rate(rounded, got[0])
        else:
            rates[role] = Rate(eta, got[1])
    return rates


SWEEP_ETAS = tuple(float(v) for v in np.geomspace(1e-3, 10.0, 160))
"""The η of the sweep over learning rates: 160, evenly spaced on a log scale from 0.001 to 10."""


def blow_up(etas, final_losses, diverged, start_loss: float) -> float | None:
    """The smallest η of a sweep whose run diverged or ended with its loss above the start's
    (``etas`` increasing), or None if no run did.

    >>> blow_up([0.5, 1.0, 2.0], [0.1, 9.0, float("nan")], [False, False, True], 9.0)
    2.0
    """
    etas = np.asarray(etas, dtype=float)
    final_losses = np.asarray(final_losses, dtype=float)
    with np.errstate(invalid="ignore"):
        up = np.asarray(diverged, dtype=bool) | ~np.isfinite(final_losses) | (final_losses > start_loss)
    return float(etas[np.argmax(up)]) if up.any() else None


def is_quadratic(loss: Loss) -> bool:
    """Whether the loss is a polynomial of degree at most 2 (then L″ is the same everywhere, and gradient
    descent with a constant η converges exactly when η < 2/L″).

    >>> from gd_core import parse_loss
    >>> is_quadratic(parse_loss("0.25*x^2")), is_quadratic(parse_loss("x^2 + sqrt(1 + x^2)"))
    (True, False)
    """
    try:
        return sp.Poly(loss.expr, X, Y).total_degree() <= 2
    except sp.PolynomialError:
        return False
