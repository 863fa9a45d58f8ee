"""gd_core.run_each: several optimizers from one start in one loop give exactly what run() gives for each."""

from __future__ import annotations

import numpy as np
import pytest

import gd_core
from gd_core import optimizers as O
from gd_core.run import run_each

ROSENBROCK = gd_core.parse_loss("(1 - x)^2 + 100*(y - x^2)^2")


def same(a, b) -> None:
    assert a.optimizer == b.optimizer and a.hyper.keys() == b.hyper.keys()
    assert a.diverged_at == b.diverged_at and a.steps_requested == b.steps_requested
    for name in ("params", "losses", "grads", "scales"):
        x, y = getattr(a, name), getattr(b, name)
        assert x.shape == y.shape, name
        np.testing.assert_allclose(x, y, rtol=1e-12, atol=0, err_msg=name)


def test_the_race_of_the_beyond_page_matches_separate_runs():
    opts = [O.gd(0.001), O.momentum(0.001, 0.9), O.adagrad(0.5), O.rmsprop(0.01, 0.99), O.adam(0.05)]
    for a, b in zip(run_each(ROSENBROCK, opts, (0.0, 2.5), 400), opts):
        same(a, gd_core.run(ROSENBROCK, b, (0.0, 2.5), 400))


def test_runs_that_diverge_are_cut_where_run_cuts_them():
    # GD with η = 0.01 diverges on Rosenbrock from (0, 2.5) within a few updates; Adam with η = 1 does not.
    opts = [O.gd(0.01), O.adam(1.0), O.momentum(0.01, 0.9)]
    together = run_each(ROSENBROCK, opts, (0.0, 2.5), 200)
    for a, o in zip(together, opts):
        same(a, gd_core.run(ROSENBROCK, o, (0.0, 2.5), 200))
    assert together[0].diverged and not together[1].diverged


def test_all_diverging_stops_early_like_run():
    opts = [O.gd(0.5), O.gd(1.0)]
    for a, o in zip(run_each(gd_core.parse_loss("x^2 + y^2"), opts, (1.0, 1.0), 500), opts):
        # η = 1 on x² + y² is θ ← −θ (never diverges); η = 0.5 lands on the minimum at once.
        same(a, gd_core.run(gd_core.parse_loss("x^2 + y^2"), o, (1.0, 1.0), 500))
    blow = [O.gd(2.0), O.gd(3.0)]
    for a, o in zip(run_each(gd_core.parse_loss("x^2 + y^2"), blow, (1.0, 1.0), 500), blow):
        same(a, gd_core.run(gd_core.parse_loss("x^2 + y^2"), o, (1.0, 1.0), 500))


def test_newton_and_batched_hyperparameters_run_on_their_own():
    loss = gd_core.parse_loss("x^2 + 3*y^2 + x*y")
    opts = [O.newton(), O.gd(0.1), O.adagrad(0.3)]
    for a, o in zip(run_each(loss, opts, (2.0, -1.0), 30), opts):
        same(a, gd_core.run(loss, o, (2.0, -1.0), 30))
    one = run_each(loss, [O.adam(0.1)], (2.0, -1.0), 30)
    same(one[0], gd_core.run(loss, O.adam(0.1), (2.0, -1.0), 30))


def test_a_start_where_the_loss_is_not_finite_is_refused():
    with pytest.raises(ValueError, match="not finite at the start"):
        run_each(gd_core.parse_loss("log(x) + y"), [O.gd(0.1), O.adam(0.1)], (-1.0, 0.0), 10)
    with pytest.raises(ValueError, match="one start point"):
        run_each(ROSENBROCK, [O.gd(0.1), O.adam(0.1)], [(0.0, 0.0), (1.0, 1.0)], 10)


def test_the_five_rules_share_one_combined_rule_with_identical_iterates():
    opts = [O.gd(0.02), O.momentum(0.02, 0.7), O.adagrad(0.3), O.rmsprop(0.05, 0.9), O.adam(0.1, 0.8, 0.95)]
    rule = O.combined(opts)
    assert rule is not None
    loss = gd_core.parse_loss("x^2 + 3*y^2 + x*y + sin(x)")
    batch = gd_core.run(loss, rule, np.tile([1.5, -2.0], (5, 1)), 60)
    for k, o in enumerate(opts):
        alone = gd_core.run(loss, o, (1.5, -2.0), 60)
        np.testing.assert_array_equal(batch.params[:, k], alone.params)
        np.testing.assert_array_equal(batch.scales[:, k], np.broadcast_to(alone.scales, batch.scales[:, k].shape))


def test_rules_that_do_not_fit_the_combined_form_are_left_out():
    from gd_core import schedules

    assert O.combined([O.gd(0.1), O.newton()]) is None
    assert O.combined([O.gd(schedules.inverse_sqrt(0.1)), O.adam(0.1)]) is None
    assert O.combined([O.gd(np.array([0.1, 0.2]))]) is None
    assert O.combined([]) is None


def test_a_schedule_among_the_racers_runs_on_its_own():
    from gd_core import schedules

    loss = gd_core.parse_loss("x^2 + 3*y^2")
    opts = [O.gd(schedules.inverse_sqrt(0.2)), O.adam(0.1), O.momentum(0.05, 0.5)]
    for a, o in zip(run_each(loss, opts, (2.0, -1.0), 40), opts):
        same(a, gd_core.run(loss, o, (2.0, -1.0), 40))
