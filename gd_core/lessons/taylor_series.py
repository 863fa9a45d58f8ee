r"""The Taylor series of the theory slides: the polynomial of a typed curve around x₀, its exact
coefficients written as the slide writes them (1/√2), and the refusals where a derivative does not exist."""

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

from ..errors import InputError
from ..expr import Curve, X, parse_curve, parse_expression, without_deltas

MAX_TAYLOR_ORDER = 20
"""Highest order of a Taylor polynomial."""


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
    c = c if isinstance(c, sp.Basic) else sp.Number(c)
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
