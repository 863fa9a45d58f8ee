"""gd_core.optimizers and gd_core.schedules: one update at a time, traced by hand."""

import math

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from gd_core import optimizers, schedules
from gd_core.optimizers import AdamState, AverageState, MomentumState, NewtonState, SumState

THETA = np.array([1.5, -2.0])
G0 = np.array([3.0, -0.5])
G1 = np.array([-1.0, 2.0])
G2 = np.array([0.25, 4.0])


def _steps(opt, grads, theta=THETA):
    """θ after each update for a fixed sequence of gradients (the optimizer does not see a loss)."""
    state = opt.init(theta)
    out, scales = [], []
    for t, g in enumerate(grads):
        theta, state, scale = opt.step(state, theta, g, t)
        out.append(theta)
        scales.append(np.broadcast_to(scale, theta.shape))
    return out, scales, state


# --- hyperparameter checks -----------------------------------------------------------------

BAD_HYPERPARAMETERS = [
    (optimizers.gd, {"lr": 0.0}, r"lr must be a finite number > 0, got 0\.0"),
    (optimizers.gd, {"lr": -0.1}, r"lr must be a finite number > 0"),
    (optimizers.gd, {"lr": math.nan}, r"lr must be a finite number > 0, got nan"),
    (optimizers.gd, {"lr": math.inf}, r"lr must be a finite number > 0"),
    (optimizers.gd, {"lr": [0.1, 0.0]}, r"lr must be a finite number > 0"),
    (optimizers.gd, {"lr": []}, r"lr must be a finite number > 0"),
    (optimizers.gd, {"lr": [[0.1, 0.2]]}, r"lr must be a number or a 1-D array, got shape \(1, 2\)"),
    (optimizers.newton, {"lr": 0.0}, r"lr must be a finite number > 0"),
    (optimizers.momentum, {"lr": -1.0}, r"lr must be a finite number > 0"),
    (optimizers.adagrad, {"lr": math.nan}, r"lr must be a finite number > 0"),
    (optimizers.rmsprop, {"lr": 0.0}, r"lr must be a finite number > 0"),
    (optimizers.adam, {"lr": -0.001}, r"lr must be a finite number > 0"),
    (optimizers.momentum, {"lr": 0.1, "beta": 1.0}, r"beta must be in \[0, 1\), got 1\.0"),
    (optimizers.momentum, {"lr": 0.1, "beta": -0.1}, r"beta must be in \[0, 1\)"),
    (optimizers.momentum, {"lr": 0.1, "beta": math.nan}, r"beta must be in \[0, 1\)"),
    (optimizers.momentum, {"lr": 0.1, "beta": [0.5, 1.5]}, r"beta must be in \[0, 1\)"),
    (optimizers.momentum, {"lr": 0.1, "beta": [[0.5]]}, r"beta must be a number or a 1-D array, got shape \(1, 1\)"),
    (optimizers.rmsprop, {"lr": 0.1, "alpha": 1.0}, r"alpha must be in \[0, 1\)"),
    (optimizers.rmsprop, {"lr": 0.1, "alpha": -0.5}, r"alpha must be in \[0, 1\)"),
    (optimizers.rmsprop, {"lr": 0.1, "alpha": [[0.9]]}, r"alpha must be a number or a 1-D array"),
    (optimizers.adam, {"lr": 0.1, "beta1": 1.0}, r"beta1 must be in \[0, 1\)"),
    (optimizers.adam, {"lr": 0.1, "beta1": -0.1}, r"beta1 must be in \[0, 1\)"),
    (optimizers.adam, {"lr": 0.1, "beta2": 1.0}, r"beta2 must be in \[0, 1\)"),
    (optimizers.adam, {"lr": 0.1, "beta2": math.inf}, r"beta2 must be in \[0, 1\)"),
    (optimizers.adam, {"lr": 0.1, "beta2": [[0.9]]}, r"beta2 must be a number or a 1-D array"),
    (optimizers.adagrad, {"lr": 0.1, "eps": -1e-8}, r"eps must be a finite number >= 0"),
    (optimizers.adagrad, {"lr": 0.1, "eps": math.nan}, r"eps must be a finite number >= 0"),
    (optimizers.rmsprop, {"lr": 0.1, "eps": -1.0}, r"eps must be a finite number >= 0"),
    (optimizers.adam, {"lr": 0.1, "eps": -1.0}, r"eps must be a finite number >= 0"),
    (optimizers.adam, {"lr": 0.1, "eps": [[1e-8]]}, r"eps must be a finite number >= 0"),
]


@pytest.mark.parametrize(("factory", "kwargs", "message"), BAD_HYPERPARAMETERS)
def test_bad_hyperparameters_raise_naming_the_parameter(factory, kwargs, message):
    with pytest.raises(ValueError, match=message):
        factory(**kwargs)


@pytest.mark.parametrize("factory", [schedules.constant, schedules.inverse_sqrt])
@pytest.mark.parametrize(("eta", "message"), [(0, r"lr must be a finite number > 0"), (math.inf, r"> 0"),
                                              (np.ones((2, 2)), r"lr must be a number or a 1-D array")])
def test_bad_schedules(factory, eta, message):
    with pytest.raises(ValueError, match=message):
        factory(eta)


def test_edge_hyperparameters_are_accepted():
    # β = 0 and eps = 0 are inside the allowed ranges.
    assert optimizers.momentum(0.1, beta=0.0).name == "momentum"
    assert optimizers.adam(0.1, beta1=0.0, beta2=0.0, eps=0.0).name == "adam"
    assert optimizers.rmsprop(0.1, alpha=0.0, eps=0.0).name == "rmsprop"
    assert set(optimizers.FACTORIES) == {"gd", "momentum", "adagrad", "rmsprop", "adam", "newton"}
    for name, factory in optimizers.FACTORIES.items():
        assert factory(0.1).name == name
        assert factory(0.1).rule_latex


def test_newton_step_needs_the_hessian():
    opt = optimizers.newton()
    with pytest.raises(ValueError, match=r"newton needs the Hessian: pass hessian=loss\.hessian\(theta\)"):
        opt.step(opt.init(THETA), THETA, G0, 0)


def test_optimizers_compare_by_hyperparameters():
    assert optimizers.gd(0.1) == optimizers.gd(0.1)
    assert optimizers.gd(0.1) != optimizers.gd(0.2)
    assert optimizers.gd(0.1) != optimizers.momentum(0.1, beta=0.0)
    assert optimizers.gd(0.1) != optimizers.gd(schedules.inverse_sqrt(0.1))
    assert hash(optimizers.adam(0.1)) == hash(optimizers.adam(0.1))


# --- hand-traced updates -------------------------------------------------------------------

def test_gd_steps():
    eta = 0.1
    (t1, t2), scales, _ = _steps(optimizers.gd(eta), [G0, G1])
    np.testing.assert_array_equal(t1, THETA - eta * G0)
    np.testing.assert_array_equal(t2, THETA - eta * G0 - eta * G1)
    assert all(np.all(s == eta) for s in scales)


def test_momentum_first_steps_hand_traced():
    eta, beta = 0.1, 0.9
    thetas, scales, state = _steps(optimizers.momentum(eta, beta), [G0, G1, G2])
    v0 = G0  # v starts at 0, so after update 0 it is g⁰
    theta1 = THETA - eta * v0
    v1 = beta * v0 + G1
    theta2 = theta1 - eta * v1
    v2 = beta * v1 + G2
    theta3 = theta2 - eta * v2
    np.testing.assert_allclose(thetas, [theta1, theta2, theta3], rtol=1e-15)
    assert isinstance(state, MomentumState)
    np.testing.assert_allclose(state.v, v2, rtol=1e-15)
    assert all(np.all(s == eta) for s in scales)


def test_rmsprop_first_steps_hand_traced():
    eta, alpha, eps = 0.01, 0.9, 1e-8
    thetas, scales, state = _steps(optimizers.rmsprop(eta, alpha=alpha, eps=eps), [G0, G1])
    s0 = (1 - alpha) * G0**2  # s starts at 0
    theta1 = THETA - eta / (np.sqrt(s0) + eps) * G0
    s1 = alpha * s0 + (1 - alpha) * G1**2
    theta2 = theta1 - eta / (np.sqrt(s1) + eps) * G1
    np.testing.assert_allclose(thetas, [theta1, theta2], rtol=1e-14)
    np.testing.assert_allclose(scales, [eta / (np.sqrt(s0) + eps), eta / (np.sqrt(s1) + eps)], rtol=1e-14)
    assert isinstance(state, AverageState)
    np.testing.assert_allclose(state.s, s1, rtol=1e-15)
    # The first step is η g / (√(1−α)|g| + ε): larger than η·sign(g) by 1/√(1−α).
    np.testing.assert_allclose(theta1 - THETA, -eta * np.sign(G0) / np.sqrt(1 - alpha), rtol=1e-7)


def test_adagrad_first_steps_hand_traced():
    eta, eps = 0.5, 1e-8
    thetas, scales, state = _steps(optimizers.adagrad(eta, eps=eps), [G0, G1, G2])
    s0 = G0**2
    s1 = s0 + G1**2
    s2 = s1 + G2**2
    theta1 = THETA - eta / (np.sqrt(s0) + eps) * G0
    theta2 = theta1 - eta / (np.sqrt(s1) + eps) * G1
    theta3 = theta2 - eta / (np.sqrt(s2) + eps) * G2
    np.testing.assert_allclose(thetas, [theta1, theta2, theta3], rtol=1e-14)
    np.testing.assert_allclose(scales[2], eta / (np.sqrt(s2) + eps), rtol=1e-14)
    assert isinstance(state, SumState)
    np.testing.assert_allclose(state.s, s2, rtol=1e-15)


def test_adam_first_and_second_steps_hand_traced():
    eta, b1, b2, eps = 0.1, 0.9, 0.999, 1e-8
    (theta1, theta2), _, state = _steps(optimizers.adam(eta, beta1=b1, beta2=b2, eps=eps), [G0, G1])
    # Update 0: m = (1−β₁)g⁰, v = (1−β₂)(g⁰)², bias-corrected by 1−β¹ and 1−β²¹.
    m0, v0 = (1 - b1) * G0, (1 - b2) * G0**2
    m0_hat, v0_hat = m0 / (1 - b1), v0 / (1 - b2)
    expected1 = THETA - eta * m0_hat / (np.sqrt(v0_hat) + eps)
    np.testing.assert_allclose(theta1, expected1, rtol=1e-14)
    # Update 1: corrected by 1−β₁² and 1−β₂².
    m1 = b1 * m0 + (1 - b1) * G1
    v1 = b2 * v0 + (1 - b2) * G1**2
    m1_hat, v1_hat = m1 / (1 - b1**2), v1 / (1 - b2**2)
    expected2 = expected1 - eta * m1_hat / (np.sqrt(v1_hat) + eps)
    np.testing.assert_allclose(theta2, expected2, rtol=1e-13)
    assert isinstance(state, AdamState)
    np.testing.assert_allclose(state.m, m1, rtol=1e-15)
    np.testing.assert_allclose(state.v, v1, rtol=1e-15)
    # Written out for the first coordinate, with numbers: g⁰ = 3, g¹ = −1.
    m = 0.9 * 0.3 + 0.1 * -1.0
    v = 0.999 * 0.001 * 9 + 0.001 * 1.0
    step = -0.1 * (m / (1 - 0.81)) / (math.sqrt(v / (1 - 0.999**2)) + 1e-8)
    assert theta2[0] == pytest.approx(1.5 - 0.1 * 3 / (3 + 1e-8) + step, rel=1e-13)


@settings(max_examples=200)
@given(
    g=st.tuples(st.floats(1e-3, 1e3), st.floats(1e-3, 1e3), st.booleans(), st.booleans()),
    eta=st.floats(1e-4, 10.0),
    b1=st.floats(0.0, 0.999),
    b2=st.floats(0.0, 0.9999),
)
def test_first_adagrad_and_adam_steps_are_minus_eta_sign_g(g, eta, b1, b2):
    grad = np.array([g[0] * (-1 if g[2] else 1), g[1] * (-1 if g[3] else 1)])
    eps = 1e-8
    for opt in (optimizers.adagrad(eta, eps=eps), optimizers.adam(eta, beta1=b1, beta2=b2, eps=eps)):
        theta1, _, _ = opt.step(opt.init(THETA), THETA, grad, 0)
        step = theta1 - THETA
        # Exactly −η g/(|g| + ε), which is −η·sign(g) up to a relative ε/|g| ≤ 1e-5.
        np.testing.assert_allclose(step, -eta * grad / (np.abs(grad) + eps), rtol=1e-9, atol=1e-12 * eta)
        np.testing.assert_allclose(step, -eta * np.sign(grad), rtol=1e-5)
    # With eps = 0 the first step is −η·sign(g) up to rounding.
    for opt in (optimizers.adagrad(eta, eps=0.0), optimizers.adam(eta, beta1=b1, beta2=b2, eps=0.0)):
        theta1, _, _ = opt.step(opt.init(THETA), THETA, grad, 0)
        np.testing.assert_allclose(theta1 - THETA, -eta * np.sign(grad), rtol=1e-9)


@pytest.mark.parametrize("factory", [optimizers.adagrad, optimizers.rmsprop, optimizers.adam])
def test_zero_gradient_coordinate_takes_zero_step_without_nan(factory):
    for eps in (1e-8, 0.0):
        opt = factory(0.1, eps=eps)
        thetas, scales, _ = _steps(opt, [np.array([1.0, 0.0]), np.array([0.5, 0.0]), np.array([0.2, 0.0])])
        thetas, scales = np.array(thetas), np.array(scales)
        assert np.all(np.isfinite(thetas)) and np.all(np.isfinite(scales))
        np.testing.assert_array_equal(thetas[:, 1], np.full(3, THETA[1]))
        assert np.all(thetas[:, 0] < THETA[0])
        if eps == 0.0:
            # Documented: no gradient yet -> the factor is 0, never 0/0.
            np.testing.assert_array_equal(scales[:, 1], np.zeros(3))


def test_newton_step_on_given_hessian():
    h = np.array([[2.0, 1.0], [1.0, 4.0]])
    opt = optimizers.newton(lr=0.5)
    theta1, state, scale = opt.step(opt.init(THETA), THETA, G0, 0, hessian=h)
    # H⁻¹g by Cramer's rule, by hand: det = 7.
    direction = np.array([4.0 * G0[0] - 1.0 * G0[1], -1.0 * G0[0] + 2.0 * G0[1]]) / 7.0
    np.testing.assert_allclose(theta1, THETA - 0.5 * direction, rtol=1e-14)
    assert isinstance(state, NewtonState)
    assert not bool(state.singular)
    assert scale == 0.5


def test_newton_non_finite_hessian_gives_no_step():
    opt = optimizers.newton()
    h = np.array([[np.nan, 0.0], [0.0, 1.0]])
    theta1, state, _ = opt.step(opt.init(THETA), THETA, G0, 0, hessian=h)
    np.testing.assert_array_equal(theta1, THETA)
    assert not bool(state.singular)


def test_batched_hyperparameters_broadcast_per_row():
    lrs = np.array([0.1, 0.2, 0.4])
    betas = np.array([0.0, 0.5, 0.9])
    theta = np.tile(THETA, (3, 1))
    grads = np.array([G0, G1, G2])
    opt = optimizers.momentum(lrs, beta=betas)
    state = opt.init(theta)
    theta1, state, _ = opt.step(state, theta, grads, 0)
    theta2, state, _ = opt.step(state, theta1, grads, 1)
    for r in range(3):
        v1 = betas[r] * grads[r] + grads[r]
        expected = THETA - lrs[r] * grads[r] - lrs[r] * v1
        np.testing.assert_allclose(theta2[r], expected, rtol=1e-15)


# --- schedules -----------------------------------------------------------------------------

def test_inverse_sqrt_is_eta_over_sqrt_t_plus_1():
    eta = 0.3
    sched = schedules.inverse_sqrt(eta)
    for t in range(12):
        assert sched(t) == pytest.approx(eta / math.sqrt(t + 1), rel=1e-15)
    assert sched(0) == eta
    np.testing.assert_allclose(sched(np.arange(5)), eta / np.sqrt(np.arange(5) + 1), rtol=1e-15)
    batch = schedules.inverse_sqrt(np.array([1.0, 4.0]))
    np.testing.assert_allclose(batch(3), [0.5, 2.0], rtol=1e-15)
    assert sched.kind == "inverse_sqrt" and r"\sqrt{t+1}" in sched.latex


def test_constant_schedule():
    sched = schedules.constant(0.25)
    assert all(sched(t) == 0.25 for t in range(5))
    assert sched.kind == "constant" and sched.latex == r"\eta^t = \eta"
    assert schedules.as_schedule(sched) is sched
    assert schedules.as_schedule(0.25) == sched
    assert schedules.as_schedule(0.25) != schedules.inverse_sqrt(0.25)


def test_gd_with_inverse_sqrt_hand_traced():
    eta = 0.2
    opt = optimizers.gd(schedules.inverse_sqrt(eta))
    thetas, scales, _ = _steps(opt, [G0, G1, G2])
    expected1 = THETA - eta / math.sqrt(1) * G0
    expected2 = expected1 - eta / math.sqrt(2) * G1
    expected3 = expected2 - eta / math.sqrt(3) * G2
    np.testing.assert_allclose(thetas, [expected1, expected2, expected3], rtol=1e-15)
    np.testing.assert_allclose([s[0] for s in scales], [eta, eta / math.sqrt(2), eta / math.sqrt(3)], rtol=1e-15)
