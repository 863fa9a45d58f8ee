"""gd_core.beyond: the race numbers, and the update rules it states checked against hand-traced steps."""

from __future__ import annotations

import numpy as np
import pytest

import gd_core
from gd_core import beyond, optimizers

ROSENBROCK = gd_core.PRESETS["rosenbrock"].loss


def rosenbrock_grad(t1, t2):
    """∇L for L = (1 − θ₁)² + 100(θ₂ − θ₁²)², by hand."""
    return np.array([-2 * (1 - t1) - 400 * t1 * (t2 - t1**2), 200 * (t2 - t1**2)])


def test_updates_to_reach():
    assert beyond.updates_to_reach([3.0, 2.0, 1.0], 3.0) == 0
    assert beyond.updates_to_reach([3.0, 2.0, 1.0], 1.0) == 2
    assert beyond.updates_to_reach([3.0, np.nan, 1.5], 1.0) is None


def test_every_racer_has_a_rule_in_the_lecture_notation():
    assert set(beyond.ORDER) <= set(beyond.RULES) == set(optimizers.FACTORIES)
    for name in beyond.ORDER:
        rule = beyond.RULES[name]
        assert optimizers.FACTORIES[name](0.1).rule_latex == rule
        assert "g^{t}" in rule and r"\eta" in rule, name
        assert ("w^{t+1}" in rule) or (r"\theta^{t+1}" in rule), name
    assert r"\epsilon" in beyond.RULES["adam"] and r"\hat m^{t}" in beyond.RULES["adam"]
    assert "m^{t} &= " in beyond.RULES["adam"] and "v^{t} &= " in beyond.RULES["adam"]


def test_first_steps_follow_the_stated_rules():
    theta0 = np.array([0.0, 2.5])
    g0 = rosenbrock_grad(*theta0)  # (−2, 500)
    eta = 0.05
    adam = gd_core.run(ROSENBROCK, optimizers.adam(eta, eps=beyond.EPS), theta0, 1)
    np.testing.assert_allclose(beyond.first_update(adam), -eta * g0 / (np.abs(g0) + beyond.EPS), rtol=1e-12)
    np.testing.assert_allclose(beyond.first_update(adam), -eta * np.sign(g0), rtol=1e-8)  # ε/|g| ≤ 5e-9
    gd = gd_core.run(ROSENBROCK, optimizers.gd(eta), theta0, 1)
    mom = gd_core.run(ROSENBROCK, optimizers.momentum(eta, 0.9), theta0, 1)
    assert beyond.first_update(mom) == beyond.first_update(gd) == tuple(-eta * g0)
    # RMSProp's σ⁰ = √(1 − α)|g⁰| (σ⁻¹ = 0): the first step is −η g⁰ / (√(1 − α)|g⁰| + ε).
    rms = gd_core.run(ROSENBROCK, optimizers.rmsprop(eta, 0.99, beyond.EPS), theta0, 1)
    np.testing.assert_allclose(beyond.first_update(rms), -eta * g0 / (0.1 * np.abs(g0) + beyond.EPS), rtol=1e-12)


def test_momentum_second_step_carries_the_first_gradient():
    theta0 = np.array([0.0, 2.5])
    eta, beta = 0.001, 0.9
    g0 = rosenbrock_grad(*theta0)
    theta1 = theta0 - eta * g0
    v1 = beta * g0 + rosenbrock_grad(*theta1)
    traj = gd_core.run(ROSENBROCK, optimizers.momentum(eta, beta), theta0, 2)
    np.testing.assert_allclose(traj.params[2], theta1 - eta * v1, rtol=1e-12)


def test_race_result_of_a_diverged_run_and_of_an_empty_one():
    traj = gd_core.run(ROSENBROCK, optimizers.gd(0.01), (0.0, 2.5), 100)
    r = beyond.race_result(traj, 1e-3)
    assert r.diverged_at == traj.diverged_at == 6
    assert r.final_loss == traj.losses[-1] and np.isfinite(r.final_loss) and r.reached_at is None
    none = beyond.race_result(gd_core.run(ROSENBROCK, optimizers.gd(0.01), (0.0, 2.5), 0), 1e-3)
    assert none.first_step is None and none.n_updates == 0
    with pytest.raises(ValueError, match="single run"):
        beyond.race_result(gd_core.run(ROSENBROCK, optimizers.gd(0.01), [(0.0, 2.5)], 1), 1e-3)
