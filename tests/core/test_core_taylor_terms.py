"""taylor_series.taylor reuses the coefficients of lower orders: the answer never depends on what was asked before."""

from __future__ import annotations

import math

import sympy as sp

from gd_core import taylor_series


def test_orders_asked_in_any_order_give_the_same_polynomials():
    # sin x at π/4: coefficients (1/√2)·(1, 1, −1/2, −1/6, 1/24, …), the slide's.
    s = 1 / sp.sqrt(2)
    expected = [s, s, -s / 2, -s / 6, s / 24, s / 120]
    for order in (5, 2, 4, 0, 3):
        poly = taylor_series.taylor("sin(x) + 0*x", "pi/4", order)
        assert len(poly.coefficients) == order + 1
        for c, e in zip(poly.coefficients, expected):
            assert sp.simplify(c - e) == 0


def test_a_missing_derivative_is_refused_at_every_order_that_needs_it():
    # |x| at 0: the value is fine, the first derivative does not exist (a corner).
    for order in (3, 0, 1, 0, 5):
        if order == 0:
            assert taylor_series.taylor("abs(x)", 0.0, 0).coefficients == (0,)
        else:
            try:
                taylor_series.taylor("abs(x)", 0.0, order)
            except ValueError as exc:
                assert "derivative of order 1 does not exist" in str(exc)
            else:
                raise AssertionError(f"order {order} of |x| at 0 was accepted")


def test_the_written_series_of_sin_at_pi_over_4_is_the_slides():
    # The slide: sin x = 1/√2 + (x − π/4)/√2 − (x − π/4)²/(2√2) − (x − π/4)³/(6√2) + (x − π/4)⁴/(24√2) + …
    tex = taylor_series.taylor("sin(x)", "pi/4", 4).latex
    assert tex == (r"\frac{1}{\sqrt{2}} + \frac{x - \frac{\pi}{4}}{\sqrt{2}}"
                   r" - \frac{\left(x - \frac{\pi}{4}\right)^{2}}{2 \sqrt{2}}"
                   r" - \frac{\left(x - \frac{\pi}{4}\right)^{3}}{6 \sqrt{2}}"
                   r" + \frac{\left(x - \frac{\pi}{4}\right)^{4}}{24 \sqrt{2}}")
    assert "sqrt(" not in tex


def test_coefficients_as_text_never_show_sympys_sqrt():
    poly = taylor_series.taylor("sin(x)", "pi/4", 10)
    texts = [taylor_series.coefficient_text(c) for c in poly.coefficients]
    for k, text in enumerate(texts):
        sign = "" if k % 4 in (0, 1) else "−"
        assert text == (f"{sign}1/√2" if k < 2 else f"{sign}1/({math.factorial(k)}√2)"), (k, text)
    # Other numbers keep a readable form: √3/2 (not 3/(2√3)), rationals, π.
    assert taylor_series.coefficient_text(sp.sqrt(3) / 2) == "√3/2"
    assert taylor_series.coefficient_text(sp.Rational(-1, 6)) == "−1/6"
    assert taylor_series.coefficient_text(sp.pi / 4) == "π/4"
    assert "sqrt(" not in taylor_series.coefficient_text(sp.sqrt(sp.pi))
