"""The engine's single rules and its run for any number of parameters.

- One rule per optimizer: an optimizer run alone, in a batch of its own hyperparameters, and side by side
  with others in ``optimizers.combined`` (what ``run_each`` uses) gives the same iterates, bit for bit.
- ``run`` on θ of shape (..., P): linear regression with two features (P = 3: w₁, w₂, b) against its first
  steps traced by hand from the lecture's formulas, full-batch and with mini-batches; ``data.fit`` is that run.
"""

from __future__ import annotations

import math

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import gd_core
from gd_core import data
from gd_core import optimizers as O

WAVY = gd_core.parse_loss("x^2 + 3*y^2 + x*y + sin(3*x)")
ROSENBROCK = gd_core.parse_loss("(1 - x)^2 + 100*(y - x^2)^2")

lrs = st.floats(1e-4, 1.0)
unit = st.floats(0.0, 0.99)
epss = st.sampled_from([0.0, 1e-8, 1e-3])
OPTIMIZERS = st.one_of(
    st.builds(O.gd, lrs),
    st.builds(O.momentum, lrs, unit),
    st.builds(O.adagrad, lrs, epss),
    st.builds(O.rmsprop, lrs, unit, epss),
    st.builds(O.adam, lrs, unit, st.floats(0.0, 0.999), epss),
)
STARTS = st.tuples(st.floats(-2.0, 2.0), st.floats(-2.0, 2.0))


def _same_prefix(batch: gd_core.Trajectory, row: int, alone: gd_core.Trajectory) -> None:
    """Row ``row`` of a batched run is the run ``alone``, bit for bit, up to where ``alone`` stops."""
    n = alone.params.shape[0]
    np.testing.assert_array_equal(batch.params[:n, row], alone.params)
    np.testing.assert_array_equal(batch.losses[:n, row], alone.losses)
    np.testing.assert_array_equal(batch.grads[:n, row], alone.grads)
    np.testing.assert_array_equal(batch.scales[: n - 1, row], np.broadcast_to(alone.scales, (n - 1, 2)))
    assert int(batch.diverged_at[row]) == (-1 if alone.diverged_at is None else alone.diverged_at)


# --- one rule per optimizer ------------------------------------------------------------------------

@settings(max_examples=60)
@given(members=st.lists(OPTIMIZERS, min_size=1, max_size=5), start=STARTS, rosenbrock=st.booleans())
def test_combined_is_each_optimizer_alone_bit_for_bit(members, start, rosenbrock):
    loss = ROSENBROCK if rosenbrock else WAVY  # on Rosenbrock, large learning rates diverge
    rule = O.combined(members)
    assert rule is not None and isinstance(rule.rule, O.Moments)
    batch = gd_core.run(loss, rule, np.tile(start, (len(members), 1)), 80)
    together = gd_core.run_each(loss, members, start, 80)
    for k, opt in enumerate(members):
        alone = gd_core.run(loss, opt, start, 80)
        _same_prefix(batch, k, alone)
        for name in ("params", "losses", "grads", "scales"):
            np.testing.assert_array_equal(getattr(together[k], name), getattr(alone, name))
        assert together[k].diverged_at == alone.diverged_at and together[k].optimizer == opt.name


@settings(max_examples=40)
@given(kind=st.sampled_from(["gd", "momentum", "adagrad", "rmsprop", "adam"]),
       seed=st.integers(0, 2**32 - 1), start=STARTS)
def test_a_batch_of_hyperparameters_is_each_run_alone_bit_for_bit(kind, seed, start):
    rng = np.random.default_rng(seed)
    b = 4
    hyper = {"lr": rng.uniform(1e-3, 0.5, b)}
    if kind == "momentum":
        hyper["beta"] = rng.uniform(0.0, 0.99, b)
    if kind == "rmsprop":
        hyper["alpha"] = rng.uniform(0.0, 0.99, b)
    if kind == "adam":
        hyper["beta1"], hyper["beta2"] = rng.uniform(0.0, 0.99, b), rng.uniform(0.0, 0.999, b)
    batch = gd_core.run(WAVY, O.FACTORIES[kind](**hyper), np.tile(start, (b, 1)), 60)
    for k in range(b):
        alone = gd_core.run(WAVY, O.FACTORIES[kind](**{h: float(v[k]) for h, v in hyper.items()}), start, 60)
        _same_prefix(batch, k, alone)


def test_every_first_order_optimizer_is_the_one_rule_with_its_coefficients():
    # The coefficients of Moments (m ← a₁m + b₁g, v ← a₂v + b₂g², bias correction) that each factory sets.
    beta, alpha, b1, b2 = 0.7, 0.9, 0.8, 0.95
    rules = {name: O.FACTORIES[name](0.1).rule for name in ("gd", "adagrad")}
    rules |= {"momentum": O.momentum(0.1, beta).rule, "rmsprop": O.rmsprop(0.1, alpha).rule,
              "adam": O.adam(0.1, b1, b2).rule}
    assert all(isinstance(r, O.Moments) for r in rules.values())
    assert isinstance(O.newton().rule, O.NewtonRule)
    got = {name: (r.first, None if r.a1 is None else float(r.a1), None if r.b1 is None else float(r.b1),
                  r.second, None if r.a2 is None else float(r.a2), None if r.b2 is None else float(r.b2), r.bias)
           for name, r in rules.items()}
    assert got == {
        "gd": (False, None, None, False, None, None, False),
        "momentum": (True, beta, None, False, None, None, False),
        "adagrad": (False, None, None, True, None, None, False),
        "rmsprop": (False, None, None, True, alpha, 1 - alpha, False),
        "adam": (True, b1, 1 - b1, True, b2, 1 - b2, True),
    }


# --- run for three parameters: linear regression y = b + w₁x₁ + w₂x₂ -------------------------------

X = np.array([[1.0, 2.0], [3.0, -1.0], [0.0, 1.0], [2.0, 2.0]])
Y = np.array([1.0, 2.0, 3.0, 4.0])
THETA0 = (0.5, -0.5, 1.0)  # (w₁, w₂, b)


def _model() -> data.LinearRegression:
    return data.LinearRegression.of(data.Dataset(X, Y, ("x1", "x2")))


def _lecture_grad(theta, rows=None):
    """∂L/∂wᵢ = Σₙ −2 rⁿ xᵢⁿ and ∂L/∂b = Σₙ −2 rⁿ with rⁿ = ŷⁿ − (b + w₁x₁ⁿ + w₂x₂ⁿ), as loops."""
    w1, w2, b = theta
    g = [0.0, 0.0, 0.0]
    for n in range(len(Y)) if rows is None else rows:
        r = Y[n] - (b + w1 * X[n][0] + w2 * X[n][1])
        g[0] += -2.0 * r * X[n][0]
        g[1] += -2.0 * r * X[n][1]
        g[2] += -2.0 * r
    return np.array(g)


def _lecture_loss(theta) -> float:
    w1, w2, b = theta
    return sum((Y[n] - (b + w1 * X[n][0] + w2 * X[n][1])) ** 2 for n in range(len(Y)))


def test_gradient_descent_on_three_parameters_is_the_hand_traced_steps():
    eta = 0.01
    expected = [np.array(THETA0)]
    for _ in range(3):
        expected.append(expected[-1] - eta * _lecture_grad(expected[-1]))
    traj = gd_core.run(_model(), O.gd(eta), THETA0, 3)
    assert traj.params.shape == (4, 3) and traj.scales.shape == (3, 3) and traj.diverged_at is None
    np.testing.assert_allclose(traj.params, expected, rtol=1e-13, atol=1e-13)
    np.testing.assert_allclose(traj.losses, [_lecture_loss(t) for t in expected], rtol=1e-13)
    np.testing.assert_allclose(traj.grads, [_lecture_grad(t) for t in expected], rtol=1e-12, atol=1e-12)
    np.testing.assert_allclose(traj.grad_norms, [math.sqrt(sum(_lecture_grad(t) ** 2)) for t in expected],
                               rtol=1e-13)
    assert np.all(traj.scales == eta)


def test_momentum_and_adam_on_three_parameters_are_the_hand_traced_steps():
    eta, beta = 0.01, 0.9
    g0 = _lecture_grad(THETA0)
    theta1 = np.array(THETA0) - eta * g0  # v⁰ = g⁰
    g1 = _lecture_grad(theta1)
    theta2 = theta1 - eta * (beta * g0 + g1)
    np.testing.assert_allclose(gd_core.run(_model(), O.momentum(eta, beta), THETA0, 2).params,
                               [THETA0, theta1, theta2], rtol=1e-13, atol=1e-13)
    eta, b1, b2, eps = 0.1, 0.9, 0.999, 1e-8
    # Update 0 of Adam: m̂⁰ = g⁰, √v̂⁰ = |g⁰|, so θ¹ = θ⁰ − η g⁰/(|g⁰| + ε).
    theta1 = np.array(THETA0) - eta * g0 / (np.abs(g0) + eps)
    g1 = _lecture_grad(theta1)
    m1 = b1 * (1 - b1) * g0 + (1 - b1) * g1
    v1 = b2 * (1 - b2) * g0**2 + (1 - b2) * g1**2
    theta2 = theta1 - eta * (m1 / (1 - b1**2)) / (np.sqrt(v1 / (1 - b2**2)) + eps)
    np.testing.assert_allclose(gd_core.run(_model(), O.adam(eta, b1, b2, eps), THETA0, 2).params,
                               [THETA0, theta1, theta2], rtol=1e-12, atol=1e-13)


def test_mini_batches_on_three_parameters_are_the_hand_traced_steps():
    eta, batches = 0.02, [[0], [2, 3], [1], [3, 0, 1]]
    expected = [np.array(THETA0)]
    for rows in batches:
        expected.append(expected[-1] - eta * _lecture_grad(expected[-1], rows))
    traj = gd_core.run(_model(), O.gd(eta), THETA0, 4, batches=iter(batches))
    np.testing.assert_allclose(traj.params, expected, rtol=1e-13, atol=1e-13)
    # The losses are the full L(θᵗ); each update's gradient is its batch's, the last one the full gradient.
    np.testing.assert_allclose(traj.losses, [_lecture_loss(t) for t in expected], rtol=1e-13)
    np.testing.assert_allclose(traj.grads, [_lecture_grad(t, r) for t, r in zip(expected, batches)]
                               + [_lecture_grad(expected[-1])], rtol=1e-12, atol=1e-12)


def test_a_batch_of_three_parameter_runs_is_each_run_alone():
    lrs = np.array([0.001, 0.01, 0.05])
    starts = np.array([THETA0, (0.0, 0.0, 0.0), (-1.0, 2.0, 0.5)])
    batch = gd_core.run(_model(), O.momentum(lrs, 0.5), starts, 40)
    assert batch.params.shape == (41, 3, 3)
    for k in range(3):
        alone = gd_core.run(_model(), O.momentum(float(lrs[k]), 0.5), starts[k], 40)
        np.testing.assert_allclose(batch.params[:, k], alone.params, rtol=1e-14, atol=1e-14)


@pytest.mark.parametrize("batch_size", [None, 1, 3])
def test_fit_is_run_with_the_batches_of_its_epochs(batch_size):
    ds = data.synthetic(10, seed=4, scales=(1.0, 3.0))
    opt = O.adam(0.05)
    f = data.fit(ds, opt, batch_size, 5, THETA0, seed=7)
    m = ds.n if batch_size is None else batch_size
    # The batches by hand: a new permutation per epoch from default_rng(seed), cut every m examples.
    rng = np.random.default_rng(7)
    batches = [] if m == ds.n else [order[s:s + m] for order in (rng.permutation(10) for _ in range(5))
                                    for s in range(0, 10, m)]
    traj = gd_core.run(data.LinearRegression.of(ds), opt, THETA0, 5 * math.ceil(10 / m),
                       batches=batches if batches else None)
    np.testing.assert_array_equal(f.params, traj.params)
    np.testing.assert_array_equal(f.losses, traj.losses)
    np.testing.assert_array_equal(f.epochs, np.ceil(np.arange(len(f.params)) / math.ceil(10 / m)))


def test_fit_with_newton_solves_one_feature_regression_in_one_update():
    ds = data.synthetic(25, seed=4)
    x, y, n = ds.X[:, 0], ds.y, ds.n
    w = (n * np.sum(x * y) - np.sum(x) * np.sum(y)) / (n * np.sum(x * x) - np.sum(x) ** 2)
    b = (np.sum(y) - w * np.sum(x)) / n
    f = data.fit(ds, O.newton(), None, 2, (5.0, -5.0))
    np.testing.assert_allclose(f.params[1:], [[w, b], [w, b]], rtol=1e-9)


@pytest.mark.parametrize(
    ("call", "message"),
    [
        (lambda: gd_core.run(_model(), O.gd(0.1), (0.0, 0.0), 1),
         r"theta0 must have shape \(3,\) or \(B, 3\), got \(2,\)"),
        (lambda: gd_core.run(_model(), O.gd([0.1, 0.2]), THETA0, 1),
         r"lr has 2 values: give theta0 of shape \(2, 3\)"),
        (lambda: gd_core.run_each(_model(), [O.gd(0.1), O.adam(0.1)], np.zeros((2, 3)), 1),
         r"run_each takes one start point of shape \(3,\), got \(2, 3\)"),
        (lambda: gd_core.run(_model(), O.gd(0.1), (1e200, 0.0, 0.0), 2),
         r"the loss is not finite at the start point \(1e\+200, 0, 0\): choose another start"),
        (lambda: gd_core.run(_model(), O.gd(0.1), THETA0, 3, batches=[[0], [1]]),
         r"batches gave fewer batches than the 3 updates"),
        (lambda: gd_core.run(_model(), O.newton(), THETA0, 1),
         r"newton handles two parameters \(a 2 × 2 Hessian\), got a Hessian of shape \(3, 3\)"),
    ],
)
def test_refusals_name_the_number_of_parameters(call, message):
    with pytest.raises(ValueError, match=message):
        call()
