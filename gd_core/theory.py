r"""The lecture's theory and tables: Taylor series, the red circle, Newton's step,
the Adagrad tables and the best step.
"""

from __future__ import annotations

import copy
import math
import re
import threading
from collections import OrderedDict
from dataclasses import dataclass
from functools import cached_property
from typing import ClassVar

import numpy as np
import sympy as sp

from .errors import InputError
from .expr import Curve, Loss, X, parse_curve, parse_expression, without_deltas
from .optimizers import newton_direction

MAX_TAYLOR_ORDER = 20
"""Highest order of a Taylor polynomial."""
MAX_TABLE_LENGTH = 50
"""Longest gradient sequence for the Adagrad tables."""


# --- Taylor series -------------------------------------------------------------------

@dataclass(frozen=True)
class TaylorPolynomial:
    r"""h(x) ≈ Σₖ h⁽ᵏ⁾(x₀)/k! (x − x₀)ᵏ for k = 0 … order."""

    curve: Curve
    x0: float
    order: int
    coefficients: tuple[sp.Expr, ...]
    point: sp.Expr
    """x₀ exactly (π/4 rather than 0.785…)."""

    @cached_property
    def expr(self) -> sp.Expr:
        """The polynomial as one sympy expression, made when asked (sympy builds a sum of powers slowly)."""
        return sum(c * (X - self.point) ** k for k, c in enumerate(self.coefficients))

    @property
    def latex(self) -> str:
        r"""The polynomial term by term in increasing order, written as the slide writes it: a coefficient
        r·√n that equals 1/(m√n) keeps its root in the denominator, with the power of (x − x₀) on top
        (sin x at π/4: \frac{1}{\sqrt{2}} + \frac{x - \frac{\pi}{4}}{\sqrt{2}}
        - \frac{\left(x - \frac{\pi}{4}\right)^{2}}{2 \sqrt{2}} - …)."""
        a = _nice(self.x0)
        a = a.evalf(6) if a.has(sp.Float) else a
        inner = "x" if a == 0 else rf"x - {sp.latex(a)}" if a > 0 else rf"x + {sp.latex(-a)}"
        shift = "x" if a == 0 else rf"\left({inner}\right)"
        parts = []
        for k, c in enumerate(self.coefficients):
            if c == 0:
                continue
            negative = c.could_extract_minus_sign()
            mag = -c if negative else c
            power = "" if k == 0 else shift if k == 1 else f"{shift}^{{{k}}}"
            below = _root_below(mag)
            if below is not None:
                m, n = below
                top = "1" if k == 0 else inner if k == 1 else power
                bottom = (f"{m} " if m != 1 else "") + rf"\sqrt{{{n}}}"
                term = rf"\frac{{{top}}}{{{bottom}}}"
            else:
                shown = mag.evalf(6) if mag.has(sp.Float) else mag
                coef = sp.latex(shown) if (k == 0 or mag != 1) else ""
                term = f"{coef} {power}".strip()
            parts.append(("-" if negative else "+", term))
        if not parts:
            return "0"
        text = ("-" if parts[0][0] == "-" else "") + parts[0][1]
        for sign, term in parts[1:]:
            text += f" {sign} {term}"
        return text

    def __call__(self, x) -> np.ndarray:
        x = np.asarray(x, dtype=float)
        dx = x - self.x0
        out = np.zeros_like(x)
        with np.errstate(all="ignore"):
            for k, c in enumerate(self.coefficients):
                out = out + float(c) * dx**k
        return out


def _root_below(mag: sp.Expr) -> tuple[int, int] | None:
    """(m, n) when ``mag`` = r·√n (r rational, n a whole number) equals 1/(m√n), as the slide writes
    √2/12 = 1/(6√2); None for any other number.

    >>> _root_below(sp.sqrt(2) / 2), _root_below(sp.sqrt(2) / 12), _root_below(sp.sqrt(3) / 2)
    ((1, 2), (6, 2), None)
    """
    r, rest = mag.as_coeff_Mul()
    if not (r.is_Rational and rest.is_Pow and rest.exp == sp.S.Half and rest.base.is_Integer and rest.base > 1):
        return None
    top = r * rest.base
    return (int(top.q), int(rest.base)) if top.p == 1 else None


def coefficient_text(c: sp.Expr) -> str:
    """A coefficient as plain text a student reads, never sympy's ``sqrt(2)/2``: 1/√2, −1/(6√2), 1/6, π/4.

    >>> [coefficient_text(v) for v in (sp.sqrt(2) / 2, -sp.sqrt(2) / 12, sp.Rational(1, 6), sp.pi / 4)]
    ['1/√2', '−1/(6√2)', '1/6', 'π/4']
    """
    c = sp.sympify(c)
    negative = c.could_extract_minus_sign()
    mag = -c if negative else c
    below = _root_below(mag)
    if below is not None:
        m, n = below
        text = f"1/√{n}" if m == 1 else f"1/({m}√{n})"
    else:
        text = sp.sstr(mag)
        text = re.sub(r"sqrt\((\d+)\)", r"√\1", text).replace("sqrt(", "√(")
        text = re.sub(r"\bpi\b", "π", text).replace("**", "^").replace("*", "·")
        text = re.sub(r"\bE\b", "e", text)
    return ("−" if negative else "") + text


def _point(x0) -> sp.Expr:
    if isinstance(x0, str):
        value = parse_expression(x0, ())
    else:
        value = x0 if isinstance(x0, sp.Basic) else _nice(float(x0))
    if not value.is_number or not math.isfinite(float(value)):
        raise InputError("{name} must be a finite number, got {value}", name="x0", value=repr(x0))
    return value


def _nice(x: float) -> sp.Expr:
    """A float as an exact number where one is obvious (0.785398… → π/4, −1.0 → −1)."""
    if not math.isfinite(x):
        raise InputError("{name} must be a finite number, got {value}", name="x0", value=repr(x))
    exact = sp.nsimplify(x, [sp.pi], tolerance=1e-12)
    return exact if abs(float(exact) - x) <= 1e-12 * max(1.0, abs(x)) and len(str(exact)) <= 10 else sp.Float(x)


def taylor(curve: Curve | str, x0, order: int) -> TaylorPolynomial:
    r"""The order-``order`` Taylor polynomial of ``curve`` at ``x0`` (a number or text like ``"pi/4"``).

    For sin x at π/4 its coefficients are 1/√2, 1/√2, −1/(2√2), −1/(6√2), … as on the slide.

    Raises ``ValueError`` if the order is outside 0…20 or the function has no finite
    derivative of that order at x₀.
    """
    if isinstance(curve, str):
        curve = parse_curve(curve)
    if isinstance(order, bool) or not isinstance(order, (int, np.integer)) or not 0 <= order <= MAX_TAYLOR_ORDER:
        raise InputError("{name} must be a whole number from {low} to {high}, got {value}", name="order", low=0,
                         high=MAX_TAYLOR_ORDER, value=repr(order))
    a = _point(x0)
    coefficients = _Terms.of(curve.expr, a).up_to(order)
    return TaylorPolynomial(curve, float(a), int(order), tuple(coefficients), a)


class _Terms:
    """The Taylor coefficients h⁽ᵏ⁾(x₀)/k! of one function at one point, computed once each: the
    polynomial of order n + 1 reuses the n + 1 coefficients of order n (each takes a derivative and a
    simplification, the slow part). Kept for the last 64 (function, x₀) pairs; thread-safe."""

    _cache: ClassVar[OrderedDict] = OrderedDict()
    _cache_lock: ClassVar[threading.Lock] = threading.Lock()

    def __init__(self, expr: sp.Expr, a: sp.Expr):
        self.expr, self.a = expr, a
        self.derivative = expr
        self.coefficients: list[sp.Expr] = []
        self.error: InputError | None = None
        self.lock = threading.Lock()

    @classmethod
    def of(cls, expr: sp.Expr, a: sp.Expr) -> _Terms:
        with cls._cache_lock:
            key = (expr, a)
            terms = cls._cache.get(key)
            if terms is None:
                terms = cls._cache[key] = cls(expr, a)
                while len(cls._cache) > 64:
                    cls._cache.popitem(last=False)
            cls._cache.move_to_end(key)
            return terms

    def up_to(self, order: int) -> list[sp.Expr]:
        """Coefficients 0 … order; ``InputError`` if a derivative up to that order has no finite value."""
        with self.lock:
            while len(self.coefficients) <= order and self.error is None:
                try:
                    self.coefficients.append(self._next(len(self.coefficients)))
                except InputError as exc:
                    self.error = exc
            if len(self.coefficients) <= order:
                raise copy.copy(self.error) from None  # a new exception each time, with the same text
            return self.coefficients[: order + 1]

    def _next(self, k: int) -> sp.Expr:
        a, derivative = self.a, self.derivative
        value = sp.nsimplify(derivative.subs(X, a)) if a.is_Rational or a.has(sp.pi) else derivative.subs(X, a)
        value = sp.simplify(value) if k < 12 else value
        if _corner_at(derivative, a):
            # sympy's sign(0) = 0 would make |x|' at 0 look like 0: use the one-sided limits instead.
            left, right = (sp.limit(without_deltas(derivative), X, a, side) for side in ("-", "+"))
            if left != right:
                raise _corner(k, sp.latex(a))
            value = left
        if not _finite(value):
            raise _not_finite(k, sp.latex(a))
        self.derivative = sp.diff(derivative, X)
        return value / sp.factorial(k)


def _finite(value: sp.Expr) -> bool:
    """Whether ``value`` is a finite real number (not complex, not an unevaluated DiracDelta(0))."""
    if value.has(sp.zoo, sp.oo, -sp.oo, sp.nan) or not value.is_number:
        return False
    try:
        return math.isfinite(float(value))
    except TypeError:
        return False


def _corner_at(expr: sp.Expr, a: sp.Expr) -> bool:
    """Whether ``expr`` has a sign(u) with u(a) = 0, where |u| (and so the curve) may have a corner."""
    return any(s.args[0].subs(X, a).is_zero for s in expr.atoms(sp.sign))


def _corner(k: int, x0: str) -> InputError:
    """The refusal where the ``k``-th derivative has a corner at x₀ (written as LaTeX)."""
    return InputError("the derivative of order {k} does not exist at x0 = {x0} (a corner): choose another point",
                      k=k, x0=x0)


def _not_finite(k: int, x0: str) -> InputError:
    """The refusal where the function (k = 0) or its ``k``-th derivative is not finite at x₀ (as LaTeX)."""
    if k == 0:
        return InputError("the function is not finite at x0 = {x0}: choose another point", x0=x0)
    return InputError("the derivative of order {k} is not finite at x0 = {x0}: choose another point", k=k, x0=x0)


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
