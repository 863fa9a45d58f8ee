"""theory.taylor reuses the coefficients of lower orders: the answer never depends on what was asked before."""

from __future__ import annotations

import sympy as sp

from gd_core import theory


def test_orders_asked_in_any_order_give_the_same_polynomials():
    # sin x at π/4: coefficients (1/√2)·(1, 1, −1/2, −1/6, 1/24, …), the slide's.
    s = 1 / sp.sqrt(2)
    expected = [s, s, -s / 2, -s / 6, s / 24, s / 120]
    for order in (5, 2, 4, 0, 3):
        poly = theory.taylor("sin(x) + 0*x", "pi/4", order)
        assert len(poly.coefficients) == order + 1
        for c, e in zip(poly.coefficients, expected):
            assert sp.simplify(c - e) == 0


def test_a_missing_derivative_is_refused_at_every_order_that_needs_it():
    # |x| at 0: the value is fine, the first derivative does not exist (a corner).
    for order in (3, 0, 1, 0, 5):
        if order == 0:
            assert theory.taylor("abs(x)", 0.0, 0).coefficients == (0,)
        else:
            try:
                theory.taylor("abs(x)", 0.0, order)
            except ValueError as exc:
                assert "first derivative does not exist" in str(exc)
            else:
                raise AssertionError(f"order {order} of |x| at 0 was accepted")
