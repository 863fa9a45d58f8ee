r"""The best step (Tip 1): |first derivative| / second derivative on a parabola, one gradient step, the slices
of a two-parameter loss and first derivatives sampled to estimate the second."""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

from ..errors import InputError

# --- the best step -------------------------------------------------------------------

@dataclass(frozen=True)
class BestStep:
    r"""For y = ax² + bx + c at x₀: the minimum −b/2a, the first derivative 2ax₀ + b, the
    second derivative 2a, and the best step |x₀ + b/2a| = |2ax₀ + b| / 2a."""

    a: float
    b: float
    c: float
    x0: float
    minimum: float
    first: float
    second: float
    best: float

    @property
    def distance(self) -> float:
        """|x₀ − (−b/2a)|, the distance to the minimum measured on the x axis: equal to ``best``."""
        return abs(self.x0 - self.minimum)


def best_step(a: float, b: float, x0: float, c: float = 0.0) -> BestStep:
    """The best step from x₀ on y = ax² + bx + c: |first derivative| / second derivative.

    Raises ``ValueError`` naming ``a`` unless a > 0 (a parabola opening upwards has a minimum).
    """
    for name, value in (("a", a), ("b", b), ("c", c), ("x0", x0)):
        if isinstance(value, bool) or not isinstance(value, (int, float, np.integer, np.floating)) \
                or not math.isfinite(value):
            raise InputError("{name} must be a finite number, got {value}", name=name, value=repr(value))
    if not a > 0:
        raise InputError("a must be > 0 so that the parabola has a minimum, got {value}", value=repr(a))
    first = 2 * a * x0 + b
    second = 2 * a
    return BestStep(float(a), float(b), float(c), float(x0), -b / (2 * a), float(first), float(second),
                    abs(first) / second)


def root_sum_squares(first_derivatives) -> float:
    r"""√Σ(gⁱ)², Adagrad's denominator: on a sharper curve the sampled first derivatives are larger."""
    g = np.asarray(first_derivatives, dtype=float).ravel()
    if not np.all(np.isfinite(g)):
        raise InputError("the first derivatives must be finite numbers")
    # hypot avoids overflow in the squares: √Σ(gⁱ)² stays finite whenever it is representable.
    return float(np.hypot.reduce(g)) if g.size else 0.0


# --- the best step: drawing it, one gradient step, first derivatives as samples ----------

MAX_SAMPLES = 200
"""Most sample points for :func:`sample_points`."""


def _finite_number(name: str, value) -> float:
    if isinstance(value, bool) or not isinstance(value, (int, float, np.integer, np.floating)) \
            or not math.isfinite(value):
        raise InputError("{name} must be a finite number, got {value}", name=name, value=repr(value))
    return float(value)


def parabola(a: float, b: float, c: float, x) -> np.ndarray:
    r"""y = ax² + bx + c at ``x`` (a number or an array of any shape), as float64.

    >>> parabola(1.0, -2.0, 1.0, [0.0, 1.0, 4.0]).tolist()
    [1.0, 0.0, 9.0]
    """
    a, b, c = (_finite_number(n, v) for n, v in (("a", a), ("b", b), ("c", c)))
    x = np.asarray(x, dtype=float)
    with np.errstate(all="ignore"):
        return (a * x + b) * x + c


def parabola_curve(a: float, b: float, c: float, x_range, n: int = 300) -> tuple[np.ndarray, np.ndarray]:
    r"""``(xs, ys)`` as float32 for drawing y = ax² + bx + c over ``x_range`` with n points.

    >>> xs, ys = parabola_curve(1.0, 0.0, 0.0, (-1.0, 1.0), n=3)
    >>> xs.tolist(), ys.tolist()
    ([-1.0, 0.0, 1.0], [1.0, 0.0, 1.0])
    """
    if isinstance(n, bool) or not isinstance(n, (int, np.integer)) or not 2 <= n <= 4000:
        raise InputError("{name} must be a whole number from {low} to {high}, got {value}", name="n", low=2,
                         high=4000, value=repr(n))
    lo, hi = (_finite_number("x_range", v) for v in x_range)
    if not lo < hi:
        raise InputError("x_range must have min < max")
    xs = np.linspace(lo, hi, n)
    return xs.astype(np.float32), parabola(a, b, c, xs).astype(np.float32)


@dataclass(frozen=True)
class GradientStep:
    r"""One gradient-descent update from x⁰ on y = ax² + bx + c with learning rate η:

    ``x1`` x¹ = x⁰ − η(2ax⁰ + b); ``length`` |x¹ − x⁰| = η|2ax⁰ + b|, to compare with the best
    step |2ax⁰ + b| / 2a; ``best_eta`` 1/2a, the η whose step is exactly the best step.
    """

    eta: float
    x0: float
    x1: float
    length: float
    best_eta: float


def gradient_step(a: float, b: float, x0: float, eta: float) -> GradientStep:
    r"""The plain gradient step x¹ = x⁰ − η(2ax⁰ + b) on y = ax² + bx + c (c does not matter).

    >>> s = gradient_step(1.0, -2.0, 4.0, 0.2)   # y = (x − 1)², first derivative 6 at x⁰ = 4
    >>> round(s.x1, 12), round(s.length, 12), s.best_eta
    (2.8, 1.2, 0.5)

    Raises ``ValueError`` unless a > 0 and η > 0.
    """
    best = best_step(a, b, x0)
    eta = _finite_number("eta", eta)
    if not eta > 0:
        raise InputError("eta must be > 0, got {value}", value=repr(eta))
    x1 = best.x0 - eta * best.first
    return GradientStep(eta, best.x0, float(x1), float(abs(x1 - best.x0)), 1.0 / best.second)


def step_outcome(best: BestStep, step: GradientStep) -> str:
    """Where the gradient step ends against the best step from the same x₀: ``"none"`` if x₀ is the
    minimum (no step at all), ``"lands"`` if it is the best step (η = 1/2a, to a relative 1e-9),
    ``"short"`` if it stops before the minimum, ``"past"`` if it jumps beyond it.

    >>> step_outcome(best_step(1.0, -2.0, 4.0), gradient_step(1.0, -2.0, 4.0, 0.2))
    'short'
    """
    if best.first == 0:
        return "none"
    if math.isclose(step.length, best.best, rel_tol=1e-9):
        return "lands"
    return "short" if step.length < best.best else "past"


def first_derivatives_mislead(far: BestStep, near: BestStep) -> bool:
    """Whether ``far``, the farther of two points from its minimum, has the smaller |first derivative|:
    then comparing first derivatives across parameters gets the distances the wrong way round.

    >>> first_derivatives_mislead(best_step(0.1, 0.0, 3.5), best_step(2.0, 0.0, 1.0))
    True
    """
    return far.distance > near.distance and abs(far.first) < abs(near.first)


def slice_points(a: float, points, x_range) -> tuple[tuple[np.ndarray, np.ndarray], list]:
    r"""The slice L = aw² (the parabola with b = c = 0) drawn over ``x_range`` (:func:`parabola_curve`), and
    for each ``(label, w)`` of ``points``: ``(label, best_step(a, 0, w), L(w))``.

    >>> _, [(label, best, height)] = slice_points(2.0, [("c", 1.0)], (-1.0, 1.0))
    >>> label, best.first, best.best, height
    ('c', 4.0, 1.0, 2.0)
    """
    rows = [(label, best_step(a, 0.0, w), float(parabola(a, 0.0, 0.0, w))) for label, w in points]
    return parabola_curve(a, 0.0, 0.0, x_range), rows


def sampled_parabolas(a_values, n: int, seed: int, sample_range, plot_range):
    r"""The same n points x (:func:`sample_points` over ``sample_range``) on each y = ax² of ``a_values``:
    ``(xs, [(second_derivative_estimate(a, 0, xs), y at xs, the curve over plot_range), …])``."""
    xs = sample_points(n, seed, *sample_range)
    return xs, [(second_derivative_estimate(a, 0.0, xs), parabola(a, 0.0, 0.0, xs),
                 parabola_curve(a, 0.0, 0.0, plot_range)) for a in a_values]


def sample_points(n: int, seed: int = 0, low: float = -3.0, high: float = 3.0) -> np.ndarray:
    r"""n points x⁰ … xⁿ⁻¹ drawn uniformly from [low, high] by ``np.random.default_rng(seed)``.

    The same (n, seed) always gives the same points, so two curves can be sampled at the same x.

    >>> sample_points(3, seed=1).shape
    (3,)
    """
    if isinstance(n, bool) or not isinstance(n, (int, np.integer)) or not 1 <= n <= MAX_SAMPLES:
        raise InputError("{name} must be a whole number from {low} to {high}, got {value}", name="n", low=1,
                         high=MAX_SAMPLES, value=repr(n))
    if isinstance(seed, bool) or not isinstance(seed, (int, np.integer)) or seed < 0:
        raise InputError("{name} must be a whole number >= {low}, got {value}", name="seed", low=0, value=repr(seed))
    low, high = _finite_number("low", low), _finite_number("high", high)
    if not low < high:
        raise InputError("low must be smaller than high")
    return np.random.default_rng(int(seed)).uniform(low, high, int(n))


def sample_first_derivatives(a: float, b: float, xs) -> np.ndarray:
    r"""The first derivatives gⁱ = 2axⁱ + b of y = ax² + bx + c at the points xⁱ.

    >>> sample_first_derivatives(2.0, 1.0, [0.0, 1.0, -1.0]).tolist()
    [1.0, 5.0, -3.0]
    """
    a, b = _finite_number("a", a), _finite_number("b", b)
    x = np.asarray(xs, dtype=float)
    if not np.all(np.isfinite(x)):
        raise InputError("every sample point must be a finite number")
    return 2 * a * x + b


@dataclass(frozen=True)
class SecondDerivativeEstimate:
    r"""First derivatives gⁱ = 2axⁱ + b sampled on y = ax² + bx + c, and what they say about 2a:

    ``rss`` √Σᵢ(gⁱ)² (Adagrad's denominator), ``second`` the true second derivative 2a, and
    ``ratio`` √Σᵢ(gⁱ)² / 2a. With b = 0 the ratio is √Σᵢ(xⁱ)², the same for every a: the root
    sum of squares grows in proportion to the second derivative.
    """

    a: float
    b: float
    x: np.ndarray
    g: np.ndarray
    rss: float
    second: float
    ratio: float


def second_derivative_estimate(a: float, b: float, xs) -> SecondDerivativeEstimate:
    r"""Sample the first derivative of y = ax² + bx + c at ``xs`` and compare √Σ(gⁱ)² with 2a.

    >>> flat, sharp = (second_derivative_estimate(a, 0.0, [1.0, -2.0, 2.0]) for a in (0.5, 2.0))
    >>> flat.rss, sharp.rss, flat.ratio == sharp.ratio == 3.0
    (3.0, 12.0, True)

    Raises ``ValueError`` unless a > 0.
    """
    a = _finite_number("a", a)
    if not a > 0:
        raise InputError("a must be > 0 so that the parabola has a minimum, got {value}", value=repr(a))
    x = np.asarray(xs, dtype=float)
    g = sample_first_derivatives(a, b, x)
    rss = root_sum_squares(g)
    second = 2 * a
    return SecondDerivativeEstimate(a, float(b), x, g, rss, second, rss / second)


def slices_grid(a1: float, a2: float, w1_range, w2_range, n: int = 80) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    r"""``(w1s, w2s, L)`` with L[j, i] = a₁ w1s[i]² + a₂ w2s[j]²: the loss in w₁–w₂ whose slices along
    w₂ = 0 and w₁ = 0 are the parabolas a₁w₁² and a₂w₂² (n points per axis, float32).

    >>> w1, w2, L = slices_grid(0.5, 2.0, (0.0, 2.0), (-1.0, 1.0), n=3)
    >>> L.tolist()   # rows: w₂ = −1, 0, 1; columns: w₁ = 0, 1, 2
    [[2.0, 2.5, 4.0], [0.0, 0.5, 2.0], [2.0, 2.5, 4.0]]
    """
    a1, a2 = _finite_number("a1", a1), _finite_number("a2", a2)
    if isinstance(n, bool) or not isinstance(n, (int, np.integer)) or not 2 <= n <= 400:
        raise InputError("{name} must be a whole number from {low} to {high}, got {value}", name="n", low=2,
                         high=400, value=repr(n))
    (x0, x1), (y0, y1) = ((_finite_number("range", lo), _finite_number("range", hi)) for lo, hi in (w1_range, w2_range))
    if not (x0 < x1 and y0 < y1):
        raise InputError("x_range must have min < max")
    w1, w2 = np.linspace(x0, x1, n), np.linspace(y0, y1, n)
    L = a1 * w1[None, :] ** 2 + a2 * w2[:, None] ** 2
    return w1.astype(np.float32), w2.astype(np.float32), L.astype(np.float32)
