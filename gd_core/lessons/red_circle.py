r"""The theory lesson's own computations: the red circle as it grows, and the samples that draw
the Taylor approximations (a polynomial against its function, the tangent plane, Newton's model
along its step).

The lecture (section "Gradient Descent Theory"): around a point (a, b),

    L(θ) ≈ s + u(θ₁ − a) + v(θ₂ − b),   s = L(a, b),  (u, v) = ∇L(a, b).

Inside the red circle (θ₁ − a)² + (θ₂ − b)² ≤ d² this linear model is smallest at

    θ(d) = (a, b) − d ∇L/‖∇L‖ = (a, b) − η ∇L   with η = d/‖∇L‖,

which is gradient descent; the model promises L(θ(d)) − L(a, b) = −d‖∇L‖ < 0 for every d > 0,
but the true loss only follows while the circle (the learning rate) is small enough.
:func:`circle_curve` computes both sides for many radii at once.

>>> from gd_core import parse_loss
>>> curve = circle_curve(parse_loss("x^2 + y^2"), 3.0, 4.0, radii(12.0, 121))
>>> round(curve.best_d, 9), round(curve.up_from, 9)   # ‖θ(d)‖ = 5 − d: best at d = 5, no gain past d = 10
(5.0, 10.0)

Pure NumPy: no Streamlit, no Plotly.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

from ..errors import InputError
from ..expr import Curve, Loss
from .taylor_series import TaylorPolynomial
from .theory import CircleStep, LinearModel, QuadraticModel, linear_model

__all__ = ["CIRCLE_VERDICTS", "MAX_SAMPLES", "CircleCurve", "InnerProduct", "NewtonSlice", "circle_curve",
           "circle_verdict", "inner_product", "newton_slice", "radii", "tangent_plane", "taylor_curves",
           "taylor_orders"]

MAX_SAMPLES = 4000
"""Most sample points along one axis for any function here."""
_HUGE = 3e38
"""Values beyond float32 are not drawn (NaN)."""


def _check_n(n) -> int:
    if isinstance(n, bool) or not isinstance(n, (int, np.integer)) or not 2 <= n <= MAX_SAMPLES:
        raise InputError("{name} must be a whole number from {low} to {high}, got {value}", name="n", low=2,
                         high=MAX_SAMPLES, value=repr(n))
    return int(n)


def _check_range(name: str, lo_hi) -> tuple[float, float]:
    lo, hi = (float(v) for v in lo_hi)
    if not (math.isfinite(lo) and math.isfinite(hi) and lo < hi):
        raise InputError("{name} must be finite with min < max, got {value}", name=name, value=repr(lo_hi))
    return lo, hi


def _drawable(values: np.ndarray) -> np.ndarray:
    """float32 for drawing, NaN where a value is not finite or too large for float32."""
    with np.errstate(all="ignore"):
        ok = np.isfinite(values) & (np.abs(values) < _HUGE)
        return np.where(ok, values, np.nan).astype(np.float32)


# --- the red circle as it grows --------------------------------------------------------------

def radii(d_max: float, n: int = 401) -> np.ndarray:
    """n radii 0 = d₀ < d₁ < … < d_max, evenly spaced: the circles :func:`circle_curve` tries.

    >>> radii(1.0, 5).tolist()
    [0.0, 0.25, 0.5, 0.75, 1.0]
    """
    n = _check_n(n)
    if isinstance(d_max, bool) or not (isinstance(d_max, (int, float, np.integer, np.floating))
                                       and math.isfinite(d_max) and d_max > 0):
        raise InputError("{name} must be a finite number > 0, got {value}", name="d_max", value=repr(d_max))
    return np.linspace(0.0, float(d_max), n)


@dataclass(frozen=True)
class CircleCurve:
    r"""The gradient-descent step θ(d) = (a, b) − d ∇L/‖∇L‖ for many radii d of the red circle.

    ``d`` the radii; ``points`` θ(d), shape (n, 2); ``eta`` η = d/‖∇L‖ (None at a stationary
    point); ``actual`` L(θ(d)) − L(a, b), the true change of the loss (NaN where L is not
    defined); ``predicted`` −d‖∇L‖, the change the linear model promises.

    ``best_d``: the radius where the true loss along the step is smallest, so where it
    starts to go up again (refined between the samples; None when the smallest sample is the
    last one, i.e. the loss still goes down at the largest d tried, or at a stationary point).

    ``up_from``: the radius from which the step no longer decreases the loss, where
    L(θ(d)) − L(a, b) first climbs back to 0 (found by bisection on L; None if that does not
    happen among the radii tried).
    """

    model: LinearModel
    d: np.ndarray
    points: np.ndarray
    eta: np.ndarray | None
    actual: np.ndarray
    predicted: np.ndarray
    best_d: float | None
    up_from: float | None

    @property
    def grad_norm(self) -> float:
        """‖∇L(a, b)‖."""
        return math.hypot(self.model.u, self.model.v)

    @property
    def stationary(self) -> bool:
        """Whether ∇L(a, b) = 0: then no direction is better for the linear model, and θ(d) = (a, b)."""
        return self.grad_norm == 0.0


def circle_curve(loss: Loss, a: float, b: float, ds) -> CircleCurve:
    r"""The true change L(θ(d)) − L(a, b) and the linear model's −d‖∇L‖ for every radius in ``ds``.

    θ(d) = (a, b) − d ∇L(a, b)/‖∇L(a, b)‖ is the minimizer of the linear model inside the circle
    of radius d (the gradient-descent step with η = d/‖∇L‖), computed for all d at once.

    >>> from gd_core import parse_loss
    >>> c = circle_curve(parse_loss("x^2 + y^2"), 0.0, 1.0, [0.0, 0.5, 1.0, 2.0, 3.0])
    >>> c.actual.tolist(), c.predicted.tolist()   # L(θ(d)) = (1 − d)², the model says 1 − 2d
    ([0.0, -0.75, -1.0, 0.0, 3.0], [-0.0, -1.0, -2.0, -4.0, -6.0])

    Raises ``ValueError`` for a radius that is negative or not finite, for fewer than 2 or more
    than ``MAX_SAMPLES`` radii, and where L or ∇L is not finite at (a, b).
    """
    d = np.asarray(ds, dtype=float)
    if d.ndim != 1 or not 2 <= d.size <= MAX_SAMPLES:
        raise InputError("ds must be a list of 2 to {n} radii", n=MAX_SAMPLES)
    if not (np.all(np.isfinite(d)) and np.all(d >= 0)):
        raise InputError("every radius d must be a finite number >= 0")
    if np.any(np.diff(d) <= 0):
        raise InputError("the radii must increase")
    model = linear_model(loss, a, b)
    center = np.array([model.a, model.b])
    norm = math.hypot(model.u, model.v)
    if norm == 0.0:
        points = np.broadcast_to(center, (d.size, 2)).copy()
        eta = None
        direction = np.zeros(2)
    else:
        direction = np.array([model.u, model.v]) / norm
        points = center - d[:, None] * direction
        with np.errstate(over="ignore"):  # a subnormal ‖∇L‖ (5e-310, say): η = d/‖∇L‖ is inf, shown as not finite
            eta = d / norm
    with np.errstate(all="ignore"):
        actual = loss.value(points) - model.s
        predicted = -d * norm
    best_d = up_from = None
    if norm > 0.0:
        best_d = _refined_minimum(d, actual)
        up_from = _first_rise_to_zero(loss, center, direction, model.s, d, actual)
    return CircleCurve(model, d, points, eta, actual, predicted, best_d, up_from)


def _refined_minimum(d: np.ndarray, y: np.ndarray) -> float | None:
    """The d of the smallest finite y, refined by the parabola through it and its neighbours
    (exact when y is quadratic in d); None when the smallest is the last sample."""
    finite = np.isfinite(y)
    if not finite.any():
        return None
    i = int(np.argmin(np.where(finite, y, np.inf)))
    if i == d.size - 1:
        return None
    j = min(max(i, 1), d.size - 2)  # the middle of three samples around i
    if d.size < 3 or not finite[j - 1:j + 2].all():
        return float(d[i])
    x0, x1, x2 = (float(v) for v in d[j - 1:j + 2])
    y0, y1, y2 = (float(v) for v in y[j - 1:j + 2])
    # Vertex of the parabola through three points (Numerical Recipes, §10.2), in Python floats so that
    # an overflow gives inf or nan quietly instead of a NumPy warning.
    num = (x1 - x0) * (x1 - x0) * (y1 - y2) - (x1 - x2) * (x1 - x2) * (y1 - y0)
    den = (x1 - x0) * (y1 - y2) - (x1 - x2) * (y1 - y0)
    if den == 0 or not math.isfinite(num) or not math.isfinite(num / den):
        return float(d[i])
    vertex = x1 - 0.5 * num / den
    return float(min(max(vertex, d[max(i - 1, 0)]), d[i + 1]))


def _first_rise_to_zero(loss: Loss, center, direction, s: float, d: np.ndarray, y: np.ndarray) -> float | None:
    """The first d > 0 where y = L(θ(d)) − s climbs from below 0 back to ≥ 0, by bisection on L.

    Just after d = 0 the change is negative (the step goes downhill, −d‖∇L‖ to first order), so a
    sample d₀ = 0 counts as below 0: a rise before the first positive radius is found too.
    """
    below = np.isfinite(y) & (y < 0)
    below[d == 0] = True
    above = np.isfinite(y) & (y >= 0)
    hits = np.nonzero(below[:-1] & above[1:])[0]
    if hits.size == 0:
        return None
    lo, hi = float(d[hits[0]]), float(d[hits[0] + 1])
    for _ in range(100):
        mid = 0.5 * (lo + hi)
        change = float(loss.value(center - mid * direction)) - s
        if math.isfinite(change) and change < 0:
            lo = mid
        else:
            hi = mid
        if hi - lo <= 1e-15 * max(1.0, hi):
            break
    return hi


CIRCLE_VERDICTS = ("flat", "no_room", "down", "down_less", "up")


def circle_verdict(step: CircleStep, curve: CircleCurve) -> str:
    """What the red circle's step of radius ``step.d`` did, one of :data:`CIRCLE_VERDICTS`: "flat" at a
    stationary point (no direction is better), "no_room" for d = 0, "down" when the loss went down and d is
    at most ``curve.best_d`` (no smaller circle does better), "down_less" when it went down but less than
    with a smaller circle (d past ``best_d``), "up" when the loss went up although the plane promised less.

    >>> from gd_core import parse_loss
    >>> from gd_core.lessons.theory import circle_step
    >>> loss = parse_loss("x^2 + y^2")
    >>> curve = circle_curve(loss, 3.0, 4.0, radii(12.0, 121))   # best at d = 5, no gain past d = 10
    >>> [circle_verdict(circle_step(loss, 3.0, 4.0, d), curve) for d in (0.0, 2.0, 7.0, 11.0)]
    ['no_room', 'down', 'down_less', 'up']
    """
    if step.eta is None:
        return "flat"
    if step.d == 0:
        return "no_room"
    if step.decreased:
        return "down" if curve.best_d is None or step.d <= curve.best_d else "down_less"
    return "up"


# --- drawing the approximations --------------------------------------------------------------

def taylor_curves(poly: TaylorPolynomial, x_range, n: int = 400) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    r"""``(xs, h(xs), p(xs))`` as float32: the function h and its Taylor polynomial
    p(x) = Σₖ h⁽ᵏ⁾(x₀)/k! (x − x₀)ᵏ on n points of ``x_range`` (NaN where a value is not finite).

    >>> from gd_core.lessons.taylor_series import taylor
    >>> xs, h, p = taylor_curves(taylor("exp(x)", 0, 1), (0.0, 1.0), n=3)
    >>> p.tolist()   # 1 + x
    [1.0, 1.5, 2.0]
    """
    n = _check_n(n)
    lo, hi = _check_range("x_range", x_range)
    xs = np.linspace(lo, hi, n)
    curve: Curve = poly.curve
    return xs.astype(np.float32), _drawable(curve(xs)), _drawable(poly(xs))


def taylor_orders(poly: TaylorPolynomial, orders, x_range, n: int = 400) -> tuple[np.ndarray, np.ndarray,
                                                                                      tuple[np.ndarray, ...]]:
    r"""``(xs, h(xs), (p₀, p₁, …))`` as float32: the function h and its Taylor polynomials of each order k in
    ``orders``, p_k(x) = Σ_{j ≤ k} h⁽ʲ⁾(x₀)/j! (x − x₀)ʲ, the first k + 1 terms of ``poly`` (whose order must
    be at least the largest k), on n points of ``x_range``.

    >>> from gd_core.lessons.taylor_series import taylor
    >>> xs, h, (p0, p2) = taylor_orders(taylor("exp(x)", 0, 2), (0, 2), (0.0, 1.0), n=3)
    >>> p0.tolist(), p2.tolist()   # 1, and 1 + x + x²/2
    ([1.0, 1.0, 1.0], [1.0, 1.625, 2.5])
    """
    n = _check_n(n)
    lo, hi = _check_range("x_range", x_range)
    orders = tuple(int(k) for k in orders)
    if any(not 0 <= k <= poly.order for k in orders):
        raise InputError("{name} must be a whole number from {low} to {high}, got {value}", name="order", low=0,
                         high=poly.order, value=repr(orders))
    xs = np.linspace(lo, hi, n)
    dx = xs - poly.x0
    values = [float(c) for c in poly.coefficients]
    curves = []
    with np.errstate(all="ignore"):
        for k in orders:
            out = np.zeros_like(xs)
            for j in range(k, -1, -1):  # Horner: ((c_k dx + c_{k−1}) dx + …) + c_0
                out = out * dx + values[j]
            curves.append(_drawable(out))
    return xs.astype(np.float32), _drawable(poly.curve(xs)), tuple(curves)


def tangent_plane(model: LinearModel, x_range, y_range, n: int = 25) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    r"""``(xs, ys, P)`` as float32 with P[j, i] = s + u(xs[i] − a) + v(ys[j] − b): the tangent plane
    of the linear model on an n × n grid, for drawing over the loss surface.

    >>> from gd_core import parse_loss
    >>> from gd_core.lessons.theory import linear_model
    >>> xs, ys, P = tangent_plane(linear_model(parse_loss("x^2 + y^2"), 1.0, 0.0), (0, 2), (-1, 1), n=3)
    >>> P.tolist()   # 1 + 2(θ₁ − 1)
    [[-1.0, 1.0, 3.0], [-1.0, 1.0, 3.0], [-1.0, 1.0, 3.0]]
    """
    n = _check_n(n)
    x0, x1 = _check_range("x_range", x_range)
    y0, y1 = _check_range("y_range", y_range)
    xs, ys = np.linspace(x0, x1, n), np.linspace(y0, y1, n)
    theta = np.stack(np.meshgrid(xs, ys), axis=-1)
    return xs.astype(np.float32), ys.astype(np.float32), _drawable(model(theta))


@dataclass(frozen=True)
class NewtonSlice:
    r"""The loss and its models along the line from (a, b) through Newton's point N:
    θ(t) = (a, b) + t (N − (a, b)), so t = 0 is (a, b) and t = 1 is N.

    ``loss`` L(θ(t)); ``quadratic`` s + gᵀΔ + ½ΔᵀHΔ; ``linear`` s + gᵀΔ, with Δ = θ(t) − (a, b);
    ``length`` ‖N − (a, b)‖; ``rise`` the quadratic model at N minus s. Along this line the
    quadratic model is s − c t + ½ c t² with c = gᵀH⁻¹g, so ``rise`` = −c/2: N is the model's
    lowest point on the line when c > 0 and its highest point when c < 0 (``uphill``).
    """

    t: np.ndarray
    points: np.ndarray
    loss: np.ndarray
    quadratic: np.ndarray
    linear: np.ndarray
    length: float
    rise: float

    @property
    def uphill(self) -> bool:
        """Whether Newton's step climbs the quadratic model: it is higher at N than at (a, b)."""
        return self.rise > 0


def newton_slice(loss: Loss, model: QuadraticModel, t_range=(-0.5, 1.5), n: int = 201) -> NewtonSlice | None:
    r"""L, the quadratic model and the linear model at θ(t) = (a, b) + t (N − (a, b)) for n values
    of t evenly spread over ``t_range`` (t = 0 is (a, b), t = 1 Newton's point N).

    None when Newton's point is (a, b) itself (no line to follow).

    >>> from gd_core import parse_loss
    >>> from gd_core.lessons.theory import quadratic_model
    >>> loss = parse_loss("-(x^2 + y^2)")
    >>> s = newton_slice(loss, quadratic_model(loss, 1.0, 0.0), (0.0, 1.0), n=3)
    >>> s.quadratic.tolist(), s.uphill   # N = (0, 0), the top of the model
    ([-1.0, -0.25, 0.0], True)
    """
    n = _check_n(n)
    t = np.linspace(*_check_range("t_range", t_range), n)
    step = np.asarray(model.newton_point, dtype=float) - model.center
    length = float(np.hypot(step[0], step[1]))
    if not math.isfinite(length) or length == 0.0:
        return None
    points = model.center + t[:, None] * step
    with np.errstate(all="ignore"):
        true_values = loss.value(points)
        quad = model(points)
        lin = model.s + (points - model.center) @ model.g
        rise = float(model(model.newton_point)) - model.s
    return NewtonSlice(t, points, true_values, quad, lin, length, rise)


# --- the slide's inner-product picture ------------------------------------------------------------

@dataclass(frozen=True)
class InnerProduct:
    r"""Inside the red circle the linear model is L(θ) ≈ s + (u, v)·(Δθ₁, Δθ₂), Δθ = θ − (a, b): which
    Δθ makes the inner product smallest?

    ``delta`` a chosen Δθ = r (cos φ, sin φ) inside the circle and ``value`` its inner product
    uΔθ₁ + vΔθ₂; ``best`` the minimiser −η(u, v) = −d (u, v)/‖(u, v)‖ on the circle's edge (None where
    (u, v) = 0: every Δθ gives 0), ``best_value`` its inner product −d‖(u, v)‖, the smallest in the circle;
    ``eta`` = d/‖(u, v)‖.
    """

    u: float
    v: float
    d: float
    delta: np.ndarray
    value: float
    best: np.ndarray | None
    best_value: float
    eta: float | None

    @property
    def norm(self) -> float:
        """‖(u, v)‖."""
        return math.hypot(self.u, self.v)


def inner_product(u: float, v: float, d: float, angle: float, fraction: float = 1.0) -> InnerProduct:
    r"""The chosen Δθ at ``angle`` degrees (from the Δθ₁ axis) and ``fraction`` of the radius d, and the
    minimiser −d (u, v)/‖(u, v)‖ of the inner product (u, v)·Δθ over the circle ‖Δθ‖ ≤ d.

    >>> ip = inner_product(3.0, 4.0, 2.0, 0.0)
    >>> ip.delta.tolist(), ip.value, ip.best.tolist(), ip.best_value   # (3, 4)·(2, 0) = 6; −2·(3, 4)/5
    ([2.0, 0.0], 6.0, [-1.2, -1.6], -10.0)
    """
    values = {"u": u, "v": v, "d": d, "angle": angle, "fraction": fraction}
    for name, value in values.items():
        if isinstance(value, bool) or not isinstance(value, (int, float, np.integer, np.floating)) \
                or not math.isfinite(value):
            raise InputError("{name} must be a finite number, got {value}", name=name, value=repr(value))
    if d < 0:
        raise InputError("the radius d must be a finite number >= 0, got {value}", value=repr(d))
    if not 0 <= fraction <= 1:
        raise InputError("{name} must be a number from {low} to {high}, got {value}", name="fraction", low=0,
                         high=1, value=repr(fraction))
    u, v, d = float(u), float(v), float(d)
    phi = math.radians(float(angle))
    delta = fraction * d * np.array([math.cos(phi), math.sin(phi)])
    norm = math.hypot(u, v)
    if norm == 0.0:
        best, best_value, eta = None, 0.0, None
    else:
        best = -d * np.array([u, v]) / norm
        best_value = -d * norm
        eta = d / norm
    return InnerProduct(u, v, d, delta, float(u * delta[0] + v * delta[1]), best, float(best_value), eta)
