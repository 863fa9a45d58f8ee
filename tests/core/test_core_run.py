"""gd_core.run: the loop, closed forms on quadratics, divergence, Newton, Adagrad, batches."""

import math
import warnings

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import gd_core
from gd_core import DIVERGENCE_BOUND, optimizers, parse_loss, run, schedules
from gd_core.run import MAX_STEPS

ELONGATED = "0.1*x^2 + 2*y^2"  # Hessian diag(0.2, 4): λ_max = 4, divergence above η = 2/4


def _no_warnings(fn, *args, **kwargs):
    """Call fn and fail if it emitted any warning at all."""
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        result = fn(*args, **kwargs)
    assert [str(w.message) for w in caught] == []
    return result


def _first_exceeding(factor, y0, bound=DIVERGENCE_BOUND, limit=100_000):
    """The first k with |factorᵏ y0| > bound, iterating y ← factor·y as GD does on c y²."""
    y, k = y0, 0
    while abs(y) <= bound:
        y, k = factor * y, k + 1
        assert k < limit
    return k


# --- gradient descent in closed form -------------------------------------------------------

@settings(max_examples=60)
@given(
    a=st.floats(0.05, 3.0),
    c=st.floats(0.05, 3.0),
    frac=st.floats(0.01, 0.95),
    x0=st.floats(-5, 5),
    y0=st.floats(-5, 5),
    steps=st.integers(0, 40),
)
def test_gd_on_quadratic_matches_closed_form(a, c, frac, x0, y0, steps):
    eta = frac / max(a, c)  # |1 − 2aη| < 1 and |1 − 2cη| < 1
    loss = parse_loss(f"{a!r}*x^2 + {c!r}*y^2")
    traj = _no_warnings(run, loss, optimizers.gd(eta), (x0, y0), steps)
    t = np.arange(steps + 1)
    x = (1 - 2 * a * eta) ** t * x0
    y = (1 - 2 * c * eta) ** t * y0
    assert traj.diverged_at is None
    assert traj.n_updates == steps and traj.steps_requested == steps
    # Rounding: 1 − 2aη may be 0 in exact arithmetic but ~1e-16 in floating point.
    tol = 1e-12 * (abs(x0) + abs(y0)) + 1e-300
    np.testing.assert_allclose(traj.params, np.stack([x, y], axis=1), rtol=1e-10, atol=tol)
    np.testing.assert_allclose(traj.losses, a * x**2 + c * y**2, rtol=1e-9, atol=tol * (abs(x0) + abs(y0)) * 6)
    np.testing.assert_allclose(traj.grads, np.stack([2 * a * x, 2 * c * y], axis=1), rtol=1e-10, atol=6 * tol)
    assert traj.scales.shape == (steps, 2) and np.all(traj.scales == eta)
    np.testing.assert_allclose(traj.steps, -eta * traj.grads[:-1], rtol=1e-9, atol=6 * tol)


@settings(max_examples=40)
@given(
    a=st.floats(0.05, 3.0),
    c=st.floats(0.05, 3.0),
    frac=st.floats(0.01, 0.99),
    theta0=st.tuples(st.floats(-10, 10), st.floats(-10, 10)),
)
def test_small_learning_rate_descends_monotonically_on_convex_quadratic(a, c, frac, theta0):
    eta = frac / (2 * max(a, c))  # η < 1/λ_max
    traj = run(parse_loss(f"{a!r}*x^2 + {c!r}*y^2"), optimizers.gd(eta), theta0, 30)
    assert np.all(np.diff(traj.losses) <= 0)


def test_elongated_bowl_hand_traced_first_steps():
    traj = run(parse_loss(ELONGATED), optimizers.gd(0.1), (-5.0, -2.0), 2)
    # ∇L = (0.2x, 4y): θ¹ = (−5 + 0.1, −2 + 0.8), θ² = (−4.9 + 0.098, −1.2 + 0.48).
    np.testing.assert_allclose(traj.params, [[-5.0, -2.0], [-4.9, -1.2], [-4.802, -0.72]], rtol=1e-14)
    np.testing.assert_allclose(traj.losses, [0.1 * 25 + 2 * 4, 0.1 * 4.9**2 + 2 * 1.44, 0.1 * 4.802**2 + 2 * 0.72**2])


@pytest.mark.parametrize("delta", [1e-3, 0.01, 0.1])
def test_divergence_exactly_above_two_over_lambda_max(delta):
    loss = parse_loss(ELONGATED)
    theta0 = (-5.0, -2.0)
    steps = 20_000
    below = _no_warnings(run, loss, optimizers.gd(0.5 * (1 - delta)), theta0, steps)
    assert below.diverged_at is None and not below.diverged
    assert below.n_updates == steps
    assert np.all(np.isfinite(below.params))
    eta = 0.5 * (1 - delta)
    closed = [-5.0 * (1 - 0.2 * eta) ** steps, -2.0 * (1 - 4 * eta) ** steps]
    np.testing.assert_allclose(below.params[-1], closed, rtol=1e-8, atol=1e-300)
    assert below.final_loss < loss.value(theta0)

    eta = 0.5 * (1 + delta)
    above = _no_warnings(run, loss, optimizers.gd(eta), theta0, steps)
    k = _first_exceeding(1 - 4 * eta, -2.0)
    assert above.diverged_at == k and above.diverged
    # θ⁰ … θ^{k−1} are kept, all finite and within the bound.
    assert above.params.shape == (k, 2) and above.losses.shape == (k,) and above.grads.shape == (k, 2)
    assert above.scales.shape == (k - 1, 2) and above.n_updates == k - 1
    assert np.all(np.isfinite(above.params)) and np.all(np.abs(above.params) <= DIVERGENCE_BOUND)
    assert np.all(np.isfinite(above.losses)) and np.all(np.isfinite(above.grads))
    # The y coordinate oscillates with growing amplitude; x still converges.
    assert np.all(np.diff(np.abs(above.params[:, 1])) > 0)
    assert np.all(np.diff(np.abs(above.params[:, 0])) <= 0)  # (may stall at a subnormal number)
    n = k - 1
    np.testing.assert_allclose(above.params[-1], [-5.0 * (1 - 0.2 * eta) ** n, -2.0 * (1 - 4 * eta) ** n],
                               rtol=1e-8, atol=1e-300)
    assert above.final_loss == above.losses[-1]


def test_nan_loss_inside_the_bound_is_divergence():
    # log(x) from x = 0.1 with η = 0.1: x¹ = 0.1 − 0.1/0.1 = −0.9, where log is not defined.
    traj = _no_warnings(run, parse_loss("log(x) + y^2"), optimizers.gd(0.1), (0.1, 1.0), 10)
    assert traj.diverged_at == 1
    np.testing.assert_array_equal(traj.params, [[0.1, 1.0]])
    assert traj.scales.shape == (0, 2)


def test_loss_not_finite_at_start_is_refused():
    with pytest.raises(ValueError, match="the loss is not finite at the start point: choose another start"):
        run(parse_loss("log(x)"), optimizers.gd(0.1), (-1.0, 0.0), 5)


def test_zero_steps_and_trajectory_fields():
    loss = parse_loss("x^2 + y^2")
    traj = run(loss, optimizers.gd(0.1), (3.0, 4.0), 0)
    np.testing.assert_array_equal(traj.params, [[3.0, 4.0]])
    np.testing.assert_array_equal(traj.losses, [25.0])
    np.testing.assert_array_equal(traj.grad_norms, [10.0])
    assert traj.scales.shape == (0, 2) and traj.steps.shape == (0, 2)
    assert traj.optimizer == "gd" and not traj.batched and traj.final_loss == 25.0
    traj = run(loss, optimizers.gd(0.25), (3.0, 4.0), 3)
    np.testing.assert_allclose(traj.grad_norms, 10.0 * 0.5 ** np.arange(4), rtol=1e-15)
    assert traj.hyper["lr"] == 0.25


# --- Newton -----------------------------------------------------------------------------------

@pytest.mark.parametrize("theta0", [(0.0, 0.0), (10.0, -7.0), (-3.5, 2.25)])
def test_newton_reaches_minimum_of_convex_quadratic_in_one_step(theta0):
    loss = parse_loss("3*(x - 1)^2 + 2*(y + 2)^2 + x*y")
    # ∇L = (6(x − 1) + y, 4(y + 2) + x) = 0  ⇔  6x + y = 6, x + 4y = −8  ⇔  x = 32/23, y = −54/23.
    minimum = np.array([32 / 23, -54 / 23])
    traj = run(loss, optimizers.newton(), theta0, 3)
    np.testing.assert_allclose(traj.params[1], minimum, rtol=1e-12, atol=1e-12)
    np.testing.assert_allclose(traj.params[1:], np.tile(minimum, (3, 1)), rtol=1e-12, atol=1e-12)
    np.testing.assert_allclose(traj.grads[1], [0.0, 0.0], atol=1e-11)


def test_newton_with_learning_rate_takes_a_fraction_of_the_step():
    traj = run(parse_loss("x^2 + 4*y^2"), optimizers.newton(lr=0.5), (2.0, -1.0), 2)
    np.testing.assert_allclose(traj.params, [[2.0, -1.0], [1.0, -0.5], [0.5, -0.25]], rtol=1e-15)


def test_newton_goes_to_the_saddle_of_an_indefinite_hessian():
    loss = parse_loss("x^2 - y^2")
    traj = _no_warnings(run, loss, optimizers.newton(), (1.0, 2.0), 3)
    np.testing.assert_allclose(traj.params[1:], np.zeros((3, 2)), atol=1e-15)
    # The loss went up from 1 − 4 = −3 to 0: Newton went to a saddle, not downhill.
    assert traj.losses[0] == -3.0 and traj.losses[1] == 0.0
    # And to the maximum of a concave bowl.
    up = run(parse_loss("-x^2 - y^2"), optimizers.newton(), (1.0, 2.0), 1)
    np.testing.assert_allclose(up.params[1], [0.0, 0.0], atol=1e-15)
    assert up.losses[1] > up.losses[0]


def test_newton_singular_hessian_takes_no_step_along_the_flat_direction():
    loss = parse_loss("x^2")
    traj = _no_warnings(run, loss, optimizers.newton(), (1.0, 2.0), 2)
    np.testing.assert_allclose(traj.params, [[1.0, 2.0], [0.0, 2.0], [0.0, 2.0]], atol=1e-15)
    opt = optimizers.newton()
    theta = np.array([1.0, 2.0])
    theta1, state, _ = opt.step(opt.init(theta), theta, loss.grad(theta), 0, loss.hessian(theta))
    assert bool(state.singular)
    np.testing.assert_allclose(theta1, [0.0, 2.0], atol=1e-15)


def test_newton_zero_hessian_takes_no_step():
    loss = parse_loss("x + y")
    traj = _no_warnings(run, loss, optimizers.newton(), (1.0, 2.0), 3)
    np.testing.assert_array_equal(traj.params, np.tile([1.0, 2.0], (4, 1)))
    assert traj.diverged_at is None
    opt = optimizers.newton()
    theta = np.array([[1.0, 2.0], [0.0, 0.0]])
    _, state, _ = opt.step(opt.init(theta), theta, loss.grad(theta), 0, loss.hessian(theta))
    np.testing.assert_array_equal(state.singular, [True, True])
    convex = parse_loss("x^2 + y^2")
    _, state, _ = opt.step(opt.init(theta), theta, convex.grad(theta), 0, convex.hessian(theta))
    np.testing.assert_array_equal(state.singular, [False, False])


def test_newton_needs_a_loss_with_a_hessian():
    class GradientOnly:
        def value(self, theta):
            return np.sum(np.asarray(theta) ** 2, axis=-1)

        def grad(self, theta):
            return 2 * np.asarray(theta)

    with pytest.raises(ValueError, match="newton needs a loss with a Hessian"):
        run(GradientOnly(), optimizers.newton(), (1.0, 1.0), 2)
    # Without grad_into, run falls back on grad.
    traj = run(GradientOnly(), optimizers.gd(0.25), (1.0, 1.0), 2)
    np.testing.assert_allclose(traj.params[:, 0], [1.0, 0.5, 0.25])


# --- Adagrad, momentum, schedules on a loss ------------------------------------------------

def _lecture_adagrad(grad_fn, theta0, eta, steps):
    """The lecture's form, per parameter: w ← w − (ηᵗ/σᵗ) gᵗ, ηᵗ = η/√(t+1), σᵗ the RMS of g⁰…gᵗ."""
    w = np.array(theta0, dtype=float)
    history, path = [], [w.copy()]
    for t in range(steps):
        g = grad_fn(w)
        history.append(g)
        eta_t = eta / math.sqrt(t + 1)
        sigma_t = np.sqrt(np.mean(np.square(history), axis=0))
        w = w - eta_t / sigma_t * g
        path.append(w.copy())
    return np.array(path)


def test_adagrad_equals_the_lecture_form():
    loss = parse_loss("x^4/4 + 3*y^2 + x*y")

    def grad(w):
        return np.array([w[0] ** 3 + w[1], 6 * w[1] + w[0]])

    eta, theta0 = 0.3, (1.7, -1.2)
    traj = run(loss, optimizers.adagrad(lr=eta, eps=0), theta0, 40)
    np.testing.assert_allclose(traj.params, _lecture_adagrad(grad, theta0, eta, 40), rtol=1e-11, atol=1e-14)
    # The factor η/√Σ(gⁱ)² is the lecture's ηᵗ/σᵗ.
    g = traj.grads[:-1]
    np.testing.assert_allclose(traj.scales, eta / np.sqrt(np.cumsum(g**2, axis=0)), rtol=1e-12)


def test_adagrad_zero_gradient_coordinate_on_a_loss():
    for eps in (1e-8, 0.0):
        traj = _no_warnings(run, parse_loss("x^2"), optimizers.adagrad(0.1, eps=eps), (1.0, 0.0), 25)
        assert traj.diverged_at is None
        assert np.all(np.isfinite(traj.params)) and np.all(np.isfinite(traj.scales))
        np.testing.assert_array_equal(traj.params[:, 1], np.zeros(26))
        np.testing.assert_array_equal(traj.steps[:, 1], np.zeros(25))
        assert np.all(np.diff(traj.params[:, 0]) < 0)
    np.testing.assert_array_equal(traj.scales[:, 1], np.zeros(25))  # eps = 0: documented zero factor


@settings(max_examples=40)
@given(
    lr=st.floats(0.001, 0.4),
    theta0=st.tuples(st.floats(-2, 2), st.floats(-2, 2)),
    formula=st.sampled_from(["x^4/4 - x^2 + 0.3*x + y^2", ELONGATED, "(1 - x)^2 + 10*(y - x^2)^2"]),
)
def test_momentum_with_beta_zero_equals_gd(lr, theta0, formula):
    loss = parse_loss(formula)
    a = run(loss, optimizers.momentum(lr, beta=0.0), theta0, 30)
    b = run(loss, optimizers.gd(lr), theta0, 30)
    np.testing.assert_array_equal(a.params, b.params)
    np.testing.assert_array_equal(a.losses, b.losses)
    assert a.diverged_at == b.diverged_at


def test_momentum_hand_traced_on_a_loss():
    eta, beta = 0.1, 0.5
    traj = run(parse_loss("x^2 + 3*y^2"), optimizers.momentum(eta, beta), (1.0, 1.0), 2)
    g0 = np.array([2.0, 6.0])
    theta1 = np.array([1.0, 1.0]) - eta * g0  # v⁰ = g⁰
    g1 = np.array([2 * theta1[0], 6 * theta1[1]])
    theta2 = theta1 - eta * (beta * g0 + g1)
    np.testing.assert_allclose(traj.params, [[1.0, 1.0], theta1, theta2], rtol=1e-15)


def test_gd_with_inverse_sqrt_schedule_on_x_squared():
    eta = 0.2
    traj = run(parse_loss("x^2"), optimizers.gd(schedules.inverse_sqrt(eta)), (2.0, 0.0), 10)
    # x^{t+1} = x^t − η/√(t+1) · 2xᵗ
    expected = [2.0]
    for t in range(10):
        expected.append(expected[-1] * (1 - 2 * eta / math.sqrt(t + 1)))
    np.testing.assert_allclose(traj.params[:, 0], expected, rtol=1e-14)
    np.testing.assert_allclose(traj.scales[:, 0], eta / np.sqrt(np.arange(10) + 1), rtol=1e-15)


# --- batches ------------------------------------------------------------------------------------

def _assert_row_equals_single(batch, r, single, steps):
    k = single.params.shape[0]
    np.testing.assert_array_equal(batch.params[:k, r], single.params)
    np.testing.assert_array_equal(batch.losses[:k, r], single.losses)
    np.testing.assert_array_equal(batch.grads[:k, r], single.grads)
    np.testing.assert_array_equal(batch.scales[: k - 1, r], single.scales)
    if single.diverged_at is None:
        assert batch.diverged_at[r] == -1
        assert k == steps + 1
    else:
        assert batch.diverged_at[r] == single.diverged_at == k
        assert np.all(np.isnan(batch.params[k:, r])) and np.all(np.isnan(batch.losses[k:, r]))
        assert np.all(np.isnan(batch.grads[k:, r])) and np.all(np.isnan(batch.scales[k - 1:, r]))


@settings(max_examples=40)
@given(
    lrs=st.lists(st.floats(0.001, 0.6), min_size=1, max_size=6),
    start=st.tuples(st.floats(-5, 5), st.floats(-5, 5)),
    steps=st.integers(0, 120),
)
def test_batch_equals_separate_runs_exactly(lrs, start, steps):
    loss = parse_loss(ELONGATED)
    lrs = np.array(lrs)
    theta0 = np.array([start] * len(lrs)) + np.arange(len(lrs))[:, None] * 0.25
    batch = _no_warnings(run, loss, optimizers.gd(lrs), theta0, steps)
    assert batch.batched and batch.params.shape == (steps + 1, len(lrs), 2)
    assert batch.diverged_at.shape == (len(lrs),)
    for r, lr in enumerate(lrs):
        single = run(loss, optimizers.gd(float(lr)), theta0[r], steps)
        _assert_row_equals_single(batch, r, single, steps)


@settings(max_examples=25)
@given(
    lrs=st.lists(st.floats(0.001, 0.3), min_size=2, max_size=4),
    betas=st.lists(st.floats(0.0, 0.95), min_size=4, max_size=4),
)
def test_batched_momentum_and_adam_equal_separate_runs(lrs, betas):
    loss = parse_loss("(1 - x)^2 + 10*(y - x^2)^2")
    b = len(lrs)
    lrs, betas = np.array(lrs), np.array(betas[:b])
    theta0 = np.tile([-1.0, 1.5], (b, 1))
    for make in (lambda lr, be: optimizers.momentum(lr, beta=be), lambda lr, be: optimizers.adam(lr, beta1=be)):
        batch = run(loss, make(lrs, betas), theta0, 50)
        for r in range(b):
            single = run(loss, make(float(lrs[r]), float(betas[r])), theta0[r], 50)
            _assert_row_equals_single(batch, r, single, 50)


def test_mixed_batch_marks_only_diverged_rows():
    loss = parse_loss(ELONGATED)
    lrs = np.array([0.1, 0.51, 0.3, 0.6])
    steps = 600
    traj = _no_warnings(run, loss, optimizers.gd(lrs), np.tile([-5.0, -2.0], (4, 1)), steps)
    expected = [-1, _first_exceeding(1 - 4 * 0.51, -2.0), -1, _first_exceeding(1 - 4 * 0.6, -2.0)]
    assert expected[1] < steps and expected[3] < steps
    np.testing.assert_array_equal(traj.diverged_at, expected)
    np.testing.assert_array_equal(traj.diverged, [False, True, False, True])
    assert traj.params.shape == (steps + 1, 4, 2)
    for r in (0, 2):
        assert np.all(np.isfinite(traj.params[:, r])) and np.all(np.isfinite(traj.losses[:, r]))
        assert np.isfinite(traj.final_loss[r])
    for r in (1, 3):
        k = expected[r]
        assert np.all(np.isfinite(traj.params[:k, r])) and np.all(np.abs(traj.params[:k, r]) <= DIVERGENCE_BOUND)
        assert np.all(np.isnan(traj.params[k:, r])) and np.all(np.isnan(traj.losses[k:, r]))
        assert np.isnan(traj.final_loss[r])


def test_batch_where_every_run_diverges_is_padded_with_nan():
    loss = parse_loss(ELONGATED)
    steps = 1000
    traj = _no_warnings(run, loss, optimizers.gd(np.array([0.51, 0.6])), np.tile([-5.0, -2.0], (2, 1)), steps)
    k = [_first_exceeding(1 - 4 * 0.51, -2.0), _first_exceeding(1 - 4 * 0.6, -2.0)]
    np.testing.assert_array_equal(traj.diverged_at, k)
    assert traj.params.shape == (steps + 1, 2, 2) and traj.scales.shape == (steps, 2, 2)
    assert np.all(np.isnan(traj.params[max(k):]))
    assert traj.n_updates == steps


# --- bad input ------------------------------------------------------------------------------

@pytest.mark.parametrize(
    ("theta0", "message"),
    [
        ((1.0, 2.0, 3.0), r"theta0 must have shape \(2,\) or \(B, 2\), got \(3,\)"),
        (np.zeros((2, 3)), r"theta0 must have shape \(2,\) or \(B, 2\), got \(2, 3\)"),
        (np.zeros((0, 2)), r"got \(0, 2\)"),
        (np.zeros((2, 2, 2)), r"got \(2, 2, 2\)"),
        (1.0, r"got \(\)"),
        ((np.nan, 0.0), r"theta0 must be finite"),
        ([[0.0, 1.0], [np.inf, 0.0]], r"theta0 must be finite"),
    ],
)
def test_bad_theta0(theta0, message):
    with pytest.raises(ValueError, match=message):
        run(parse_loss("x^2"), optimizers.gd(0.1), theta0, 5)


@pytest.mark.parametrize(
    ("steps", "message"),
    [
        (-1, r"steps must be between 0 and 100000, got -1"),
        (MAX_STEPS + 1, r"steps must be between 0 and 100000, got 100001"),
        (2.0, r"steps must be a whole number, got 2\.0"),
        (True, r"steps must be a whole number, got True"),
        ("10", r"steps must be a whole number, got '10'"),
        (None, r"steps must be a whole number, got None"),
    ],
)
def test_bad_steps(steps, message):
    with pytest.raises(ValueError, match=message):
        run(parse_loss("x^2"), optimizers.gd(0.1), (1.0, 0.0), steps)


def test_numpy_integer_steps_are_accepted():
    traj = run(parse_loss("x^2"), optimizers.gd(0.25), (1.0, 0.0), np.int64(2))
    np.testing.assert_array_equal(traj.params[:, 0], [1.0, 0.5, 0.25])


def test_lr_array_must_match_theta0_rows():
    loss = parse_loss("x^2")
    with pytest.raises(ValueError, match=r"lr has 2 values but theta0 has 3 rows"):
        run(loss, optimizers.gd(np.array([0.1, 0.2])), np.zeros((3, 2)), 5)
    with pytest.raises(ValueError, match=r"lr has 2 values: give theta0 of shape \(2, 2\)"):
        run(loss, optimizers.gd(np.array([0.1, 0.2])), (1.0, 1.0), 5)
    with pytest.raises(ValueError, match=r"beta has 3 values but theta0 has 2 rows"):
        run(loss, optimizers.momentum(0.1, beta=np.array([0.1, 0.2, 0.3])), np.zeros((2, 2)), 5)
    # One value in an array, or a scalar, serves every row.
    traj = run(loss, optimizers.gd(np.array([0.25])), np.array([[1.0, 0.0], [2.0, 0.0]]), 1)
    np.testing.assert_array_equal(traj.params[1, :, 0], [0.5, 1.0])


def test_package_docstring_example():
    loss = gd_core.parse_loss(ELONGATED)
    traj = gd_core.run(loss, optimizers.gd(lr=0.1), theta0=(-5.0, -2.0), steps=3)
    assert traj.params.shape == (4, 2)
    assert gd_core.DIVERGENCE_BOUND == 1e8
