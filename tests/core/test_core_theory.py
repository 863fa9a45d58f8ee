"""gd_core.theory: Taylor series, the red circle, Newton's model, the Adagrad tables, the best step."""

import math

import numpy as np
import pytest
import sympy as sp
from hypothesis import given, settings
from hypothesis import strategies as st

from gd_core import ExpressionError, adagrad, best_step, parse_curve, parse_loss, taylor_series, theory

# --- Taylor series ----------------------------------------------------------------------------

# The slide: sin x = 1/√2 + (x−π/4)/√2 − (x−π/4)²/(2√2) − (x−π/4)³/(6√2) + (x−π/4)⁴/(24√2) + …
SLIDE_SIGNS = [+1, +1, -1, -1, +1, +1, -1, -1, +1, +1, -1]
SLIDE_DENOMINATORS = [1, 1, 2, 6, 24, 120, 720, 5040, 40320, 362880, 3628800]


@pytest.mark.parametrize("order", range(11))
def test_taylor_of_sin_at_pi_over_4_has_the_slides_coefficients(order):
    poly = taylor_series.taylor("sin(x)", "pi/4", order)
    assert poly.order == order and len(poly.coefficients) == order + 1
    assert poly.x0 == pytest.approx(math.pi / 4, rel=1e-15)
    for k, c in enumerate(poly.coefficients):
        expected = sp.Integer(SLIDE_SIGNS[k]) / (SLIDE_DENOMINATORS[k] * sp.sqrt(2))
        assert sp.simplify(c - expected) == 0, (k, c)
        assert float(c) == pytest.approx(SLIDE_SIGNS[k] / (SLIDE_DENOMINATORS[k] * math.sqrt(2)), rel=1e-14)


def test_taylor_polynomial_converges_to_sin_near_pi_over_4():
    x = np.linspace(math.pi / 4 - 1.0, math.pi / 4 + 1.0, 41)
    errors = []
    for order in range(11):
        poly = taylor_series.taylor("sin(x)", "pi/4", order)
        err = np.max(np.abs(poly(x) - np.sin(x)))
        # Lagrange remainder: |R_n| ≤ |x − π/4|^{n+1} / (n+1)!
        assert err <= 1.0 / math.factorial(order + 1) + 1e-15
        errors.append(err)
    assert np.all(np.diff(errors) < 0)
    assert errors[-1] < 1e-7
    poly = taylor_series.taylor("sin(x)", "pi/4", 10)
    assert poly(math.pi / 4) == pytest.approx(1 / math.sqrt(2), rel=1e-15)
    # The sympy polynomial agrees with the numeric one.
    f = sp.lambdify(sp.Symbol("x", real=True), poly.expr, "numpy")
    np.testing.assert_allclose(f(x), poly(x), rtol=1e-13)


def test_taylor_at_a_float_point_finds_pi_over_4():
    a = taylor_series.taylor("sin(x)", math.pi / 4, 3)
    b = taylor_series.taylor("sin(x)", "pi/4", 3)
    assert a.coefficients == b.coefficients
    assert r"\sqrt{2}" in b.latex and r"\frac{\pi}{4}" in b.latex


def test_taylor_latex_reads_like_the_slide():
    latex = taylor_series.taylor(parse_curve("sin(x)"), "pi/4", 3).latex
    # Increasing order, signs + + − −.
    assert latex.index(r"\left(x - \frac{\pi}{4}\right)^{2}") < latex.index(r"\left(x - \frac{\pi}{4}\right)^{3}")
    # Coefficients as the slide writes them, the root in the denominator: 1/√2, 1/(2√2), 1/(6√2).
    assert latex.startswith(r"\frac{1}{\sqrt{2}} + \frac{x - \frac{\pi}{4}}{\sqrt{2}} - ")
    assert r" - \frac{\left(x - \frac{\pi}{4}\right)^{2}}{2 \sqrt{2}} - " in latex
    assert latex.endswith(r" - \frac{\left(x - \frac{\pi}{4}\right)^{3}}{6 \sqrt{2}}")
    assert taylor_series.taylor("exp(x)", 0, 2).latex == r"1 + x + \frac{1}{2} x^{2}"
    assert taylor_series.taylor("x^2", -1, 2).latex == r"1 - 2 \left(x + 1\right) + \left(x + 1\right)^{2}"
    assert taylor_series.taylor("sin(x)", 0, 0).latex == "0"


def test_taylor_of_exp_and_a_polynomial():
    poly = taylor_series.taylor("exp(x)", 0, 6)
    assert [sp.nsimplify(c) for c in poly.coefficients] == [sp.Rational(1, math.factorial(k)) for k in range(7)]
    # A cubic is its own Taylor polynomial of order 3 at any point.
    cubic = taylor_series.taylor("x^3 - 2*x + 1", 2, 3)
    x = np.linspace(-3, 3, 13)
    np.testing.assert_allclose(cubic(x), x**3 - 2 * x + 1, rtol=1e-12, atol=1e-12)
    # Around x0 = 2: 5 + 10(x−2) + 6(x−2)² + (x−2)³.
    assert [int(c) for c in cubic.coefficients] == [5, 10, 6, 1]


@pytest.mark.parametrize("order", [-1, 21, 1.5, True, "2"])
def test_taylor_bad_order(order):
    with pytest.raises(ValueError, match=r"order must be a whole number from 0 to 20"):
        taylor_series.taylor("sin(x)", 0, order)


@pytest.mark.parametrize(
    ("text", "x0", "order", "message"),
    [
        ("sqrt(x)", 0, 1, r"the derivative of order 1 is not finite at x0 = 0"),
        ("x^(3/2)", 0, 2, r"the derivative of order 2 is not finite at x0 = 0"),
        ("log(x)", 0, 0, r"is not finite at x0 = 0"),
        ("1/x", 0, 3, r"is not finite at x0 = 0"),
        ("tan(x)", "pi/2", 1, r"is not finite at x0 = \\frac\{\\pi\}\{2\}"),
        ("abs(x)", 0, 1, r"the derivative of order 1 does not exist at x0 = 0"),
        ("abs(x)", 0, 5, r"the derivative of order 1 does not exist at x0 = 0"),
        ("abs(x - 1)", 1, 2, r"the derivative of order 1 does not exist at x0 = 1"),
        ("x*abs(x)", 0, 2, r"the derivative of order 2 does not exist at x0 = 0"),
        ("abs(sin(x))", "pi", 1, r"the derivative of order 1 does not exist at x0 = \\pi"),
        ("log(x)", -1, 0, r"is not finite at x0 = -1"),
        ("sqrt(x)", -2, 1, r"is not finite at x0 = -2"),
    ],
)
def test_taylor_where_the_function_is_not_differentiable(text, x0, order, message):
    with pytest.raises(ValueError, match=message):
        taylor_series.taylor(text, x0, order)


def test_taylor_where_abs_is_smooth_enough():
    # x|x| has a first derivative at 0 (it is 0), but no second one.
    poly = taylor_series.taylor("x*abs(x)", 0, 1)
    assert [float(c) for c in poly.coefficients] == [0.0, 0.0]
    # Away from the corner abs is just ±x.
    assert [float(c) for c in taylor_series.taylor("abs(x)", 2, 2).coefficients] == [2.0, 1.0, 0.0]
    assert [float(c) for c in taylor_series.taylor("abs(x)", -2, 1).coefficients] == [2.0, -1.0]


@pytest.mark.parametrize(
    ("x0", "exc", "message"),
    [
        (math.nan, ValueError, r"x0 must be a finite number"),
        (math.inf, ValueError, r"x0 must be a finite number"),
        ("y", ExpressionError, r"unknown name 'y'"),
        ("1/0", ExpressionError, r"division by zero"),
    ],
)
def test_taylor_bad_point(x0, exc, message):
    with pytest.raises(exc, match=message):
        taylor_series.taylor("sin(x)", x0, 2)


# --- the red circle ---------------------------------------------------------------------------

CIRCLE_CASES = [
    # (formula, L, ∇L, a, b)
    ("x^2 + y^2", lambda x, y: x**2 + y**2, lambda x, y: (2 * x, 2 * y), 1.0, 2.0),
    ("0.1*x^2 + 2*y^2", lambda x, y: 0.1 * x**2 + 2 * y**2, lambda x, y: (0.2 * x, 4 * y), -5.0, -2.0),
    ("sin(x) + x*y", lambda x, y: math.sin(x) + x * y, lambda x, y: (math.cos(x) + y, x), 0.5, -1.5),
]


@pytest.mark.parametrize(("text", "f", "grad", "a", "b"), CIRCLE_CASES)
@pytest.mark.parametrize("d", [0.0, 0.01, 0.3, 2.0])
def test_circle_step_is_a_normalized_gradient_step(text, f, grad, a, b, d):
    step = theory.circle_step(parse_loss(text), a, b, d)
    u, v = grad(a, b)
    norm = math.hypot(u, v)
    s = f(a, b)
    np.testing.assert_allclose(step.point, [a - d * u / norm, b - d * v / norm], rtol=1e-14, atol=1e-15)
    assert step.eta == pytest.approx(d / norm, rel=1e-14)
    assert step.predicted == pytest.approx(s - d * norm, rel=1e-13)
    assert step.actual == pytest.approx(f(*step.point), rel=1e-13)
    assert step.model.s == pytest.approx(s) and step.model.u == pytest.approx(u) and step.model.v == pytest.approx(v)
    assert step.d == d
    # The point is the best of the linear model on the circle (sample the circle by hand).
    angles = np.linspace(0, 2 * np.pi, 360, endpoint=False)
    ring = np.stack([a + d * np.cos(angles), b + d * np.sin(angles)], axis=1)
    assert step.model(step.point) <= np.min(step.model(ring)) + 1e-12
    assert step.model(step.point) == pytest.approx(step.predicted, rel=1e-13)


def test_circle_small_radius_decreases_large_radius_does_not():
    loss = parse_loss("x^2 + y^2")
    # From (1, 2) the loss along −∇L is (√5 − d)²: below 5 exactly for 0 < d < 2√5.
    small = theory.circle_step(loss, 1.0, 2.0, 0.1)
    assert small.decreased and small.actual == pytest.approx((math.sqrt(5) - 0.1) ** 2)
    large = theory.circle_step(loss, 1.0, 2.0, 5.0)
    assert not large.decreased and large.actual == pytest.approx((math.sqrt(5) - 5.0) ** 2)
    assert large.actual > large.model.s
    # The linear model always promises a decrease, however large the circle.
    assert large.predicted < large.model.s


def test_circle_at_a_stationary_point():
    step = theory.circle_step(parse_loss("x^2 + y^2"), 0.0, 0.0, 0.5)
    assert step.eta is None
    np.testing.assert_array_equal(step.point, [0.0, 0.0])
    assert step.predicted == 0.0 and step.actual == 0.0 and not step.decreased


@pytest.mark.parametrize("d", [-0.1, math.nan, math.inf, "1", None])
def test_circle_bad_radius(d):
    with pytest.raises(ValueError, match=r"the radius d must be a finite number >= 0"):
        theory.circle_step(parse_loss("x^2"), 1.0, 1.0, d)


def test_linear_model_not_finite_at_the_point():
    with pytest.raises(ValueError, match=r"not finite at \(a, b\): choose another point"):
        theory.linear_model(parse_loss("log(x) + y"), -1.0, 0.0)
    with pytest.raises(ValueError, match=r"not finite at \(a, b\)"):
        theory.circle_step(parse_loss("sqrt(x)"), 0.0, 0.0, 0.1)


def test_linear_model_values():
    model = theory.linear_model(parse_loss("x^2 + 3*y"), 2.0, 1.0)
    assert (model.s, model.u, model.v) == (7.0, 4.0, 3.0)
    assert model((3.0, 0.0)) == 7.0 + 4.0 * 1.0 + 3.0 * -1.0


# --- Newton's quadratic model -----------------------------------------------------------------

def test_quadratic_model_of_a_convex_bowl():
    loss = parse_loss("3*(x - 1)^2 + 2*(y + 2)^2 + x*y")
    q = theory.quadratic_model(loss, 4.0, 5.0)
    # 6x + y = 6 and x + 4y = −8 give the minimum (32/23, −54/23).
    np.testing.assert_allclose(q.newton_point, [32 / 23, -54 / 23], rtol=1e-12)
    assert q.kind == "minimum" and not q.singular
    np.testing.assert_allclose(q.H, [[6.0, 1.0], [1.0, 4.0]])
    np.testing.assert_allclose(q.g, [6 * 3 + 5, 4 * 7 + 4])
    # A quadratic equals its own second-order model everywhere.
    pts = np.random.default_rng(0).normal(size=(10, 2)) * 3
    np.testing.assert_allclose(q(pts), loss.value(pts), rtol=1e-12)


@pytest.mark.parametrize(
    ("text", "kind"),
    [("x^2 - y^2", "saddle"), ("-x^2 - y^2", "maximum"), ("x^2 + y^2", "minimum"), ("y^2 - 3*x^2", "saddle")],
)
def test_quadratic_model_kind_and_newton_point(text, kind):
    q = theory.quadratic_model(parse_loss(text), 1.5, -2.0)
    assert q.kind == kind
    np.testing.assert_allclose(q.newton_point, [0.0, 0.0], atol=1e-15)
    assert q.s == parse_loss(text).value((1.5, -2.0))


def test_quadratic_model_singular_and_flat():
    q = theory.quadratic_model(parse_loss("x + y"), 1.0, 2.0)
    assert q.singular and q.kind == "flat"
    np.testing.assert_array_equal(q.newton_point, [1.0, 2.0])
    q = theory.quadratic_model(parse_loss("x^2"), 1.0, 2.0)
    assert q.singular
    np.testing.assert_allclose(q.newton_point, [0.0, 2.0], atol=1e-15)


def test_quadratic_model_not_finite():
    with pytest.raises(ValueError, match=r"the loss or its derivatives are not finite at \(a, b\)"):
        theory.quadratic_model(parse_loss("log(x)"), -1.0, 0.0)


# --- the Adagrad tables -----------------------------------------------------------------------

def test_surprise_sequences_are_the_lectures():
    assert adagrad.SURPRISE_SEQUENCES["small"] == (0.001, 0.001, 0.003, 0.002, 0.1)
    assert adagrad.SURPRISE_SEQUENCES["large"] == (10.8, 20.9, 31.7, 12.1, 0.1)


@pytest.mark.parametrize("key", ["small", "large"])
@pytest.mark.parametrize("eta", [1.0, 0.3])
def test_adagrad_table_against_the_lecture(key, eta):
    g = list(adagrad.SURPRISE_SEQUENCES[key])
    table = adagrad.adagrad_table(g, eta)
    for t in range(len(g)):
        sigma = math.sqrt(sum(gi**2 for gi in g[: t + 1]) / (t + 1))
        eta_t = eta / math.sqrt(t + 1)
        assert table.sigma[t] == pytest.approx(sigma, rel=1e-14)
        assert table.eta_t[t] == pytest.approx(eta_t, rel=1e-14)
        assert table.ratio[t] == pytest.approx(eta_t / sigma, rel=1e-13)
        assert table.simplified[t] == pytest.approx(eta / math.sqrt(sum(gi**2 for gi in g[: t + 1])), rel=1e-13)
        assert table.step[t] == pytest.approx(-eta_t / sigma * g[t], rel=1e-13)
        assert table.contrast[t] == pytest.approx(g[t] / sigma, rel=1e-13)
        assert table.vanilla_step[t] == pytest.approx(-eta_t * g[t], rel=1e-14)
    np.testing.assert_allclose(table.ratio, table.simplified, rtol=1e-13)
    np.testing.assert_array_equal(table.t, np.arange(5))
    assert table.eta == eta


def test_adagrad_table_contrast_shows_the_surprise():
    small = adagrad.adagrad_table(adagrad.SURPRISE_SEQUENCES["small"])
    large = adagrad.adagrad_table(adagrad.SURPRISE_SEQUENCES["large"])
    # The same g⁴ = 0.1 is especially large after small gradients, especially small after large ones.
    assert small.contrast[4] > 2.0
    assert large.contrast[4] < 0.01
    assert abs(small.step[4]) > 100 * abs(large.step[4])
    # Vanilla GD takes the same step for the same gradient.
    assert small.vanilla_step[4] == large.vanilla_step[4]


def test_adagrad_table_with_leading_zero_gradients():
    table = adagrad.adagrad_table([0.0, 0.0, 3.0, -4.0], 2.0)
    assert np.all(np.isfinite(table.ratio)) and np.all(np.isfinite(table.contrast))
    np.testing.assert_array_equal(table.sigma[:2], [0.0, 0.0])
    np.testing.assert_array_equal(table.ratio[:2], [0.0, 0.0])
    np.testing.assert_array_equal(table.step[:2], [0.0, 0.0])
    assert table.simplified[2] == pytest.approx(2.0 / 3.0)
    assert table.simplified[3] == pytest.approx(2.0 / 5.0)
    assert table.contrast[3] == pytest.approx(-4.0 / math.sqrt(25 / 4))


@settings(max_examples=50)
@given(st.lists(st.floats(-1e3, 1e3, allow_nan=False), min_size=1, max_size=50), st.floats(1e-3, 10))
def test_adagrad_table_ratio_equals_simplified(grads, eta):
    table = adagrad.adagrad_table(grads, eta)
    np.testing.assert_allclose(table.ratio, table.simplified, rtol=1e-12, atol=0)
    assert np.all(np.isfinite(table.step))


@pytest.mark.parametrize(
    ("grads", "eta", "message"),
    [
        ([], 1.0, r"the gradients must be a non-empty list of numbers"),
        ([[1.0, 2.0]], 1.0, r"the gradients must be a non-empty list of numbers"),
        ([1.0] * 51, 1.0, r"at most 50 gradients"),
        ([1.0, math.nan], 1.0, r"every gradient must be a finite number"),
        ([1e200], 1.0, r"every gradient must be a finite number"),
        ([1.0], 0.0, r"eta must be a finite number > 0"),
        ([1.0], math.nan, r"eta must be a finite number > 0"),
    ],
)
def test_adagrad_table_bad_input(grads, eta, message):
    with pytest.raises(ValueError, match=message):
        adagrad.adagrad_table(grads, eta)


def test_root_sum_squares():
    assert best_step.root_sum_squares([3.0, -4.0]) == 5.0
    assert best_step.root_sum_squares([]) == 0.0
    # A sharper parabola y = ax² sampled at the same points has larger first derivatives.
    xs = np.array([-1.0, 0.5, 2.0])
    assert best_step.root_sum_squares(2 * 3.0 * xs) == pytest.approx(3.0 * best_step.root_sum_squares(2 * 1.0 * xs))


# --- the best step ----------------------------------------------------------------------------

@settings(max_examples=100)
@given(a=st.floats(0.01, 100), b=st.floats(-100, 100), x0=st.floats(-100, 100), c=st.floats(-10, 10))
def test_best_step_is_first_over_second_derivative(a, b, x0, c):
    best = best_step.best_step(a, b, x0, c)
    assert best.minimum == pytest.approx(-b / (2 * a), rel=1e-12)
    assert best.first == pytest.approx(2 * a * x0 + b, rel=1e-12, abs=1e-12)
    assert best.second == pytest.approx(2 * a, rel=1e-15)
    assert best.best == pytest.approx(abs(x0 + b / (2 * a)), rel=1e-9, abs=1e-9)
    assert best.best == pytest.approx(abs(2 * a * x0 + b) / (2 * a), rel=1e-12, abs=1e-12)
    # One step of that size, downhill, lands on the minimum.
    assert x0 - math.copysign(best.best, best.first) == pytest.approx(-b / (2 * a), rel=1e-9, abs=1e-9)


def test_best_step_example():
    best = best_step.best_step(2.0, 3.0, 1.0)
    assert (best.minimum, best.first, best.second, best.best) == (-0.75, 7.0, 4.0, 1.75)


@pytest.mark.parametrize(
    ("args", "message"),
    [
        ((0.0, 1.0, 0.0), r"a must be > 0 so that the parabola has a minimum, got 0\.0"),
        ((-1.0, 1.0, 0.0), r"a must be > 0 so that the parabola has a minimum, got -1\.0"),
        ((math.nan, 1.0, 0.0), r"a must be a finite number, got nan"),
        ((1.0, math.inf, 0.0), r"b must be a finite number, got inf"),
        ((1.0, 1.0, math.nan), r"x0 must be a finite number"),
    ],
)
def test_best_step_bad_input(args, message):
    with pytest.raises(ValueError, match=message):
        best_step.best_step(*args)
    with pytest.raises(ValueError, match=r"c must be a finite number"):
        best_step.best_step(1.0, 1.0, 0.0, c=math.nan)


def test_adagrad_table_with_tiny_gradients_keeps_both_forms_equal():
    """Squares of 3e-161 underflow to subnormals; the table must still show η^t/σ^t = η/√Σ(g^i)²."""
    g = 3.160227879181701e-161
    table = adagrad.adagrad_table([0.0, 0.0, g], 1.0)
    assert table.sigma[2] == pytest.approx(g / math.sqrt(3), rel=1e-12)
    assert table.simplified[2] == pytest.approx(1.0 / g, rel=1e-12)
    np.testing.assert_allclose(table.ratio, table.simplified, rtol=1e-12, atol=0)


def test_adagrad_table_with_subnormal_gradients_warns_nothing_and_steps_finitely():
    """η/√Σ(gⁱ)² overflows for g = 1e-310; the step −η gᵗ/√Σ(gⁱ)² is still −η here, without a warning."""
    table = adagrad.adagrad_table([0.0, 1e-310], 0.5)
    assert table.step.tolist() == [0.0, -0.5]
    assert table.contrast[1] == pytest.approx(math.sqrt(2))
    assert math.isinf(table.ratio[1]) and math.isinf(table.simplified[1])


@pytest.mark.parametrize(("contrast", "word"), [
    (1.5, "large"), (-1.5, "large"), (2.2, "large"),  # |gᵗ|/σᵗ ≥ 1.5: especially large
    (0.5, "small"), (-0.5, "small"), (0.0, "small"),  # |gᵗ|/σᵗ ≤ 0.5: especially small
    (0.51, "usual"), (-1.49, "usual"), (1.0, "usual"),
])
def test_surprise_names_how_large_g_is_next_to_sigma(contrast, word):
    assert adagrad.surprise(contrast) == word


def test_the_lectures_last_gradient_is_especially_large_then_especially_small():
    # The last 0.1 against σ⁴ = √(Σ(gⁱ)²/5) of each sequence, computed here.
    small, large = adagrad.SURPRISE_SEQUENCES["small"], adagrad.SURPRISE_SEQUENCES["large"]
    contrast = [g[-1] / math.sqrt(sum(v * v for v in g) / len(g)) for g in (small, large)]
    assert [adagrad.surprise(c) for c in contrast] == ["large", "small"]
