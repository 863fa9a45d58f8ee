"""gd_core.red_circle: the red circle as it grows, and the samples that draw the Taylor approximations.

Reference values come from the formulas, computed here by hand (never from the module's own output).
"""

from __future__ import annotations

import math

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from gd_core import parse_loss, red_circle, taylor_series, theory

# --- radii -------------------------------------------------------------------------------------


def test_radii_are_evenly_spaced_from_zero():
    np.testing.assert_allclose(red_circle.radii(2.0, 5), [0.0, 0.5, 1.0, 1.5, 2.0])
    assert red_circle.radii(6.0).shape == (401,)


@pytest.mark.parametrize("d_max", [0.0, -1.0, math.inf, math.nan, "2", None, True])
def test_radii_bad_d_max(d_max):
    with pytest.raises(ValueError, match=r"d_max must be a finite number > 0"):
        red_circle.radii(d_max)


@pytest.mark.parametrize("n", [1, 0, 5000, 2.5, True])
def test_radii_bad_n(n):
    with pytest.raises(ValueError, match=r"n must be a whole number from 2 to 4000"):
        red_circle.radii(1.0, n)


# --- circle_curve ------------------------------------------------------------------------------

@pytest.mark.parametrize(("a", "b"), [(3.0, 4.0), (-1.0, 2.0), (0.5, -0.25)])
def test_circle_curve_on_the_round_bowl(a, b):
    # L = θ₁² + θ₂², ∇L = 2(a, b), ‖∇L‖ = 2r with r = √(a² + b²). The step θ(d) = (a, b)(1 − d/r) has
    # L(θ(d)) = (r − d)²: the change is d² − 2rd, the plane promises −2rd; best at d = r, no gain past 2r.
    r = math.hypot(a, b)
    ds = red_circle.radii(3 * r, 301)
    curve = red_circle.circle_curve(parse_loss("x^2 + y^2"), a, b, ds)
    np.testing.assert_allclose(curve.points, np.outer(1 - ds / r, [a, b]), atol=1e-12)
    np.testing.assert_allclose(curve.actual, (r - ds) ** 2 - r**2, atol=1e-11)
    np.testing.assert_allclose(curve.predicted, -2 * r * ds, atol=1e-12)
    np.testing.assert_allclose(curve.eta, ds / (2 * r), rtol=1e-14)
    assert curve.grad_norm == pytest.approx(2 * r, rel=1e-14)
    assert curve.best_d == pytest.approx(r, rel=1e-9)
    assert curve.up_from == pytest.approx(2 * r, rel=1e-12)
    assert not curve.stationary


def test_circle_curve_matches_circle_step_at_every_radius():
    loss = parse_loss("0.1*x^2 + 2*y^2")
    ds = red_circle.radii(6.0, 25)
    curve = red_circle.circle_curve(loss, -5.0, -2.0, ds)
    for i, d in enumerate(ds):
        step = theory.circle_step(loss, -5.0, -2.0, float(d))
        np.testing.assert_allclose(curve.points[i], step.point, atol=1e-13)
        assert curve.actual[i] == pytest.approx(step.actual - step.model.s, abs=1e-12)
        assert curve.predicted[i] == pytest.approx(step.predicted - step.model.s, abs=1e-12)


def test_circle_curve_on_the_elongated_bowl_by_hand():
    # From (−5, −2): ∇L = (0.2·(−5), 4·(−2)) = (−1, −8), the unit direction −∇L/‖∇L‖ = (1, 8)/√65.
    # With t = d/√65, L = 0.1(−5 + t)² + 2(−2 + 8t)², and dL/dt = 0.2(−5 + t) + 32(−2 + 8t) = 0 at
    # t* = (1 + 64)/(0.2 + 256): the loss turns up at d* = √65 t*.
    k = math.sqrt(65)
    t_star = (0.2 * 5 + 4 * 2 * 8) / (0.2 + 4 * 64)
    curve = red_circle.circle_curve(parse_loss("0.1*x^2 + 2*y^2"), -5.0, -2.0, red_circle.radii(6.0, 601))
    assert curve.best_d == pytest.approx(k * t_star, rel=1e-9)
    # L(d) − L(0) = 0 at d = 0 and at twice the vertex (a parabola is symmetric about it).
    assert curve.up_from == pytest.approx(2 * k * t_star, rel=1e-12)


def test_circle_curve_turning_before_the_first_radius():
    # Very near the minimum of the round bowl, r = 1/64: the loss turns up at d = r and stops decreasing at
    # d = 2r, both before the first radius tried (0.05); they are found between 0 and that radius.
    curve = red_circle.circle_curve(parse_loss("x^2 + y^2"), 0.0, 1 / 64, red_circle.radii(1.0, 21))
    assert curve.actual[1] > 0
    assert curve.best_d == pytest.approx(1 / 64, rel=1e-9)
    assert curve.up_from == pytest.approx(2 / 64, rel=1e-12)


def test_circle_curve_at_a_stationary_point():
    curve = red_circle.circle_curve(parse_loss("x^2 + y^2"), 0.0, 0.0, [0.0, 1.0, 2.0])
    assert curve.stationary and curve.eta is None
    assert curve.best_d is None and curve.up_from is None
    np.testing.assert_array_equal(curve.points, np.zeros((3, 2)))
    np.testing.assert_array_equal(curve.actual, [0.0, 0.0, 0.0])


@pytest.mark.parametrize(("d", "verdict"), [(0.0, "no_room"), (2.0, "down"), (5.0, "down"), (7.0, "down_less"),
                                             (10.0, "up"), (11.0, "up")])
def test_circle_verdict_on_the_round_bowl(d, verdict):
    # L = θ₁² + θ₂² from (3, 4), r = 5: L(θ(d)) = (5 − d)², below L(a, b) = 25 for 0 < d < 10 and lowest at d = 5;
    # at d = 10 it is 25 again, not lower: the loss did not go down.
    loss = parse_loss("x^2 + y^2")
    curve = red_circle.circle_curve(loss, 3.0, 4.0, red_circle.radii(12.0, 121))
    assert red_circle.circle_verdict(theory.circle_step(loss, 3.0, 4.0, d), curve) == verdict


def test_circle_verdict_at_a_stationary_point_and_while_still_going_down():
    loss = parse_loss("x^2 + y^2")
    flat = red_circle.circle_curve(loss, 0.0, 0.0, [0.0, 1.0])
    assert red_circle.circle_verdict(theory.circle_step(loss, 0.0, 0.0, 1.0), flat) == "flat"
    # Radii up to 4 never see the loss turn (best_d is None): every step down is "down".
    short = red_circle.circle_curve(loss, 3.0, 4.0, red_circle.radii(4.0, 41))
    assert red_circle.circle_verdict(theory.circle_step(loss, 3.0, 4.0, 4.0), short) == "down"
    assert set(red_circle.CIRCLE_VERDICTS) == {"flat", "no_room", "down", "down_less", "up"}


def test_circle_curve_still_going_down_at_the_largest_radius():
    # r = 5: the loss along the step goes down until d = 5, so radii up to 4 never see it turn.
    curve = red_circle.circle_curve(parse_loss("x^2 + y^2"), 3.0, 4.0, red_circle.radii(4.0, 41))
    assert curve.best_d is None and curve.up_from is None
    assert np.all(np.diff(curve.actual) < 0)


def test_circle_curve_leaves_the_domain_without_warnings():
    # log(x) + y² from (0.5, 0): ∇L = (2, 0), the step goes left and leaves x > 0 at d = 0.5.
    curve = red_circle.circle_curve(parse_loss("log(x) + y^2"), 0.5, 0.0, red_circle.radii(2.0, 21))
    assert np.all(np.isnan(curve.actual[curve.d > 0.5]))
    np.testing.assert_allclose(curve.actual[curve.d < 0.5], np.log(0.5 - curve.d[curve.d < 0.5]) - math.log(0.5))
    assert curve.up_from is None


@pytest.mark.parametrize(
    ("ds", "message"),
    [
        ([0.0], r"ds must be a list of 2 to 4000 radii"),
        ([[0.0, 1.0]], r"ds must be a list of 2 to 4000 radii"),
        ([0.0, -1.0], r"every radius d must be a finite number >= 0"),
        ([0.0, math.inf], r"every radius d must be a finite number >= 0"),
        ([0.0, 1.0, 1.0], r"the radii must increase"),
        ([1.0, 0.5], r"the radii must increase"),
    ],
)
def test_circle_curve_bad_radii(ds, message):
    with pytest.raises(ValueError, match=message):
        red_circle.circle_curve(parse_loss("x^2 + y^2"), 1.0, 1.0, ds)


def test_circle_curve_where_the_loss_is_not_finite():
    with pytest.raises(ValueError, match=r"not finite at \(a, b\): choose another point"):
        red_circle.circle_curve(parse_loss("log(x) + y"), -1.0, 0.0, [0.0, 1.0])


@settings(max_examples=20)
@given(
    p=st.floats(0.1, 5.0), q=st.floats(0.1, 5.0), c=st.floats(-0.9, 0.9),
    a=st.floats(-4.0, 4.0).filter(lambda v: v == 0 or abs(v) > 1e-6),
    b=st.floats(-4.0, 4.0).filter(lambda v: v == 0 or abs(v) > 1e-6),
)
def test_a_convex_loss_lies_above_its_plane_and_small_circles_decrease_it(p, q, c, a, b):
    # L = p x² + q y² + c√(pq) x y with |c| < 1 is convex: it lies above every tangent plane, so the true
    # change is never below the plane's promise; the step decreases it exactly while d < 2d*.
    loss = parse_loss(f"{p!r}*x^2 + {q!r}*y^2 + {c * math.sqrt(p * q)!r}*x*y")
    curve = red_circle.circle_curve(loss, a, b, red_circle.radii(10.0, 201))
    if curve.stationary:
        return
    assert np.all(curve.actual >= curve.predicted - 1e-9 * (1 + np.abs(curve.predicted)))
    # Along the step L(θ(d)) − s = −d‖g‖ + ½d² ĝᵀHĝ with g = ∇L(a, b), ĝ = g/‖g‖ and H the Hessian:
    # lowest at d* = ‖g‖/(ĝᵀHĝ), back at 0 at 2d*.
    g = np.array([2 * p * a + c * math.sqrt(p * q) * b, 2 * q * b + c * math.sqrt(p * q) * a])
    H = np.array([[2 * p, c * math.sqrt(p * q)], [c * math.sqrt(p * q), 2 * q]])
    norm = math.hypot(*g)
    unit = g / norm
    d_star = float(norm / (unit @ H @ unit))
    if d_star < 10.0:
        assert curve.best_d == pytest.approx(d_star, rel=1e-6, abs=1e-12)
    if 2 * d_star < 10.0:
        assert curve.up_from == pytest.approx(2 * d_star, rel=1e-6, abs=1e-12)
    else:
        assert curve.up_from is None
    inside = (curve.d > 0) & (curve.d < 0.999 * 2 * d_star)
    assert np.all(curve.actual[inside] < 0)


# --- Taylor curves -----------------------------------------------------------------------------

def test_taylor_curves_for_sin_at_pi_over_4():
    poly = taylor_series.taylor("sin(x)", "pi/4", 1)
    xs, h, p = red_circle.taylor_curves(poly, (-1.0, 2.0), n=31)
    x = np.linspace(-1.0, 2.0, 31)
    np.testing.assert_allclose(xs, x, rtol=1e-6)
    np.testing.assert_allclose(h, np.sin(x), atol=1e-6)
    # Order 1 is the tangent line 1/√2 + (x − π/4)/√2.
    np.testing.assert_allclose(p, (1 + (x - math.pi / 4)) / math.sqrt(2), atol=1e-6)
    assert xs.dtype == h.dtype == p.dtype == np.float32


def test_taylor_curves_mark_undefined_values_as_nan():
    _, h, p = red_circle.taylor_curves(taylor_series.taylor("log(x)", 1, 2), (-1.0, 3.0), n=5)
    assert np.isnan(h[:2]).all() and np.isfinite(h[2:]).all()
    # Order 2 of log at 1: (x − 1) − (x − 1)²/2, finite everywhere.
    np.testing.assert_allclose(p, [(x - 1) - (x - 1) ** 2 / 2 for x in (-1.0, 0.0, 1.0, 2.0, 3.0)])


@pytest.mark.parametrize(("x_range", "n", "message"), [
    ((1.0, 1.0), 10, r"x_range must be finite with min < max"),
    ((0.0, math.inf), 10, r"x_range must be finite with min < max"),
    ((0.0, 1.0), 1, r"n must be a whole number"),
])
def test_taylor_curves_bad_input(x_range, n, message):
    with pytest.raises(ValueError, match=message):
        red_circle.taylor_curves(taylor_series.taylor("sin(x)", 0, 1), x_range, n)


# --- the tangent plane --------------------------------------------------------------------------

def test_tangent_plane_on_a_grid():
    # L = 0.1x² + 2y² at (−5, −2): s = 10.5, (u, v) = (−1, −8).
    model = theory.linear_model(parse_loss("0.1*x^2 + 2*y^2"), -5.0, -2.0)
    _, _, P = red_circle.tangent_plane(model, (-6.0, -4.0), (-3.0, -1.0), n=5)
    X, Y = np.meshgrid(np.linspace(-6, -4, 5), np.linspace(-3, -1, 5))
    np.testing.assert_allclose(P, 10.5 - 1 * (X + 5) - 8 * (Y + 2), atol=1e-5)
    assert P.shape == (5, 5) and P.dtype == np.float32


def test_tangent_plane_bad_window():
    model = theory.linear_model(parse_loss("x^2 + y^2"), 1.0, 1.0)
    with pytest.raises(ValueError, match=r"y_range must be finite with min < max"):
        red_circle.tangent_plane(model, (0.0, 1.0), (2.0, 1.0))


# --- Newton's line -------------------------------------------------------------------------------

def test_newton_slice_on_a_convex_quadratic_lands_on_the_minimum():
    loss = parse_loss("3*(x - 1)^2 + 2*(y + 2)^2 + x*y")
    quad = theory.quadratic_model(loss, 4.0, 5.0)
    sliced = red_circle.newton_slice(loss, quad, (0.0, 1.0), n=11)
    # The minimum solves 6x + y = 6, x + 4y = −8: (32/23, −54/23). A quadratic is its own model.
    np.testing.assert_allclose(sliced.points[-1], [32 / 23, -54 / 23], rtol=1e-12)
    np.testing.assert_allclose(sliced.quadratic, sliced.loss, rtol=1e-12)
    np.testing.assert_allclose(sliced.t, np.linspace(0, 1, 11))
    g = np.array([6 * 3 + 5, 4 * 7 + 4], dtype=float)
    H = np.array([[6.0, 1.0], [1.0, 4.0]])
    c = g @ np.linalg.solve(H, g)
    assert sliced.rise == pytest.approx(-c / 2, rel=1e-12)
    assert not sliced.uphill
    assert sliced.length == pytest.approx(math.hypot(4 - 32 / 23, 5 + 54 / 23), rel=1e-12)
    # The linear model along the line: s + t gᵀ(N − (a, b)).
    np.testing.assert_allclose(sliced.linear, loss.value((4.0, 5.0)) - sliced.t * c, rtol=1e-12)


@pytest.mark.parametrize(
    ("text", "a", "b", "uphill"),
    [
        ("-(x^2 + y^2)", 1.0, 0.5, True),   # a maximum: up all the way
        ("x^2 - y^2", 1.0, 0.5, False),      # gᵀH⁻¹g = 4/2 + 1/(−2) = 1.5 > 0: down towards the saddle
        ("x^2 - y^2", 0.5, 1.0, True),       # gᵀH⁻¹g = 1/2 + 4/(−2) = −1.5 < 0: up towards the saddle
    ],
)
def test_newton_slice_goes_uphill_where_the_model_curves_down(text, a, b, uphill):
    loss = parse_loss(text)
    sliced = red_circle.newton_slice(loss, theory.quadratic_model(loss, a, b))
    np.testing.assert_allclose(sliced.points[np.argmin(np.abs(sliced.t - 1))], [0.0, 0.0], atol=1e-12)
    assert sliced.uphill is uphill


def test_newton_slice_at_the_minimum_is_none():
    loss = parse_loss("x^2 + y^2")
    assert red_circle.newton_slice(loss, theory.quadratic_model(loss, 0.0, 0.0)) is None


def test_newton_slice_bad_range():
    loss = parse_loss("x^2 + y^2")
    with pytest.raises(ValueError, match=r"t_range must be finite with min < max"):
        red_circle.newton_slice(loss, theory.quadratic_model(loss, 1.0, 1.0), (1.0, 0.0))


# --- the inner-product picture ---------------------------------------------------------------------

@pytest.mark.parametrize(("u", "v", "d"), [(-1.0, -8.0, 0.5), (3.0, 4.0, 2.0), (0.0, -2.5, 1.3), (1e-3, 2e-3, 4.0)])
def test_the_minimiser_is_on_the_edge_against_u_v_and_smallest(u, v, d):
    ip = red_circle.inner_product(u, v, d, 30.0, 0.7)
    norm = math.hypot(u, v)
    assert math.hypot(*ip.best) == pytest.approx(d, rel=1e-12)  # on the circle
    # Opposite (u, v): a negative multiple of it.
    cos = (ip.best[0] * u + ip.best[1] * v) / (d * norm)
    assert cos == pytest.approx(-1.0, abs=1e-12)
    assert ip.best_value == pytest.approx(-d * norm, rel=1e-12)
    assert ip.eta == pytest.approx(d / norm, rel=1e-12)
    # Smaller than (u, v)·Δθ for every Δθ of a dense sample of the disc ‖Δθ‖ ≤ d.
    r, phi = np.meshgrid(np.linspace(0, d, 60), np.linspace(0, 2 * np.pi, 721))
    sample = u * r * np.cos(phi) + v * r * np.sin(phi)
    assert ip.best_value <= sample.min() + 1e-12
    assert sample.min() == pytest.approx(ip.best_value, rel=1e-4)


def test_the_chosen_delta_and_its_inner_product():
    ip = red_circle.inner_product(-1.0, -8.0, 0.5, 135.0, 0.6)
    r = 0.3
    assert ip.delta.tolist() == pytest.approx([-r / math.sqrt(2), r / math.sqrt(2)])
    assert ip.value == pytest.approx(-1.0 * (-r / math.sqrt(2)) + -8.0 * (r / math.sqrt(2)))


def test_a_flat_plane_has_no_minimiser_and_bad_input_is_refused():
    ip = red_circle.inner_product(0.0, 0.0, 1.0, 0.0)
    assert ip.best is None and ip.eta is None and ip.best_value == 0.0 and ip.value == 0.0
    with pytest.raises(ValueError, match="fraction must be a number from 0 to 1"):
        red_circle.inner_product(1.0, 1.0, 1.0, 0.0, 1.5)
    with pytest.raises(ValueError, match="radius d"):
        red_circle.inner_product(1.0, 1.0, -1.0, 0.0)
    with pytest.raises(ValueError, match="angle must be a finite number"):
        red_circle.inner_product(1.0, 1.0, 1.0, float("nan"))


def test_taylor_orders_are_the_partial_sums():
    from gd_core.lessons.taylor_series import taylor
    poly = taylor("sin(x)", "pi/4", 9)
    xs, _, curves = red_circle.taylor_orders(poly, (0, 1, 2, 3, 5, 9), (-3.0, 4.5), n=101)
    t = xs.astype(float) - math.pi / 4
    for k, p in zip((0, 1, 2, 3, 5, 9), curves):
        expected = sum((1 if j % 4 in (0, 1) else -1) * t**j / math.factorial(j) for j in range(k + 1)) / math.sqrt(2)
        np.testing.assert_allclose(p, expected, rtol=1e-5, atol=1e-5)
    with pytest.raises(ValueError, match="order"):
        red_circle.taylor_orders(taylor("sin(x)", 0, 2), (3,), (0.0, 1.0))
