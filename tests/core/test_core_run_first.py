"""Trajectory.first(n): a run cut after n updates is exactly the run of n updates (single, batched, run_each),
including runs that diverge before, at or after n and batches that all diverge and stop early."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import gd_core
from gd_core import InputError, schedules
from gd_core import optimizers as O
from gd_core.run import run_each

ROSENBROCK = gd_core.parse_loss("(1 - x)^2 + 100*(y - x^2)^2")
BOWL = gd_core.parse_loss("0.1*x^2 + 2*y^2")
SLIDE = gd_core.landscapes.LANDSCAPES["slide"].loss


def identical(a, b) -> None:
    """Every field equal, bit for bit (NaN where NaN)."""
    assert a.optimizer == b.optimizer and a.steps_requested == b.steps_requested
    if a.batched:
        np.testing.assert_array_equal(a.diverged_at, b.diverged_at)
    else:
        assert a.diverged_at == b.diverged_at
    for name in ("params", "losses", "grads", "scales"):
        x, y = getattr(a, name), getattr(b, name)
        assert x.shape == y.shape, name
        assert np.array_equal(x, y, equal_nan=True), name


OPTIMIZERS = {
    "gd": lambda eta: O.gd(eta),
    "gd 1/t": lambda eta: O.gd(schedules.inverse_sqrt(eta)),
    "momentum": lambda eta: O.momentum(eta, 0.9),
    "adagrad": lambda eta: O.adagrad(eta),
    "rmsprop": lambda eta: O.rmsprop(eta, 0.99),
    "adam": lambda eta: O.adam(eta),
    "newton": lambda eta: O.newton(),
}


@settings(max_examples=40)
@given(loss=st.sampled_from([ROSENBROCK, BOWL, SLIDE]), name=st.sampled_from(sorted(OPTIMIZERS)),
       eta=st.sampled_from([1e-3, 0.01, 0.1, 0.5, 1.0, 3.0]),
       start=st.sampled_from([(0.0, 2.5), (-5.0, -2.0), (-4.5, 0.5), (1.2, -0.7)]),
       n=st.integers(0, 120), more=st.integers(0, 200))
def test_the_first_n_updates_of_a_longer_run_are_the_run_of_n(loss, name, eta, start, n, more):
    optimizer = OPTIMIZERS[name](eta)
    identical(gd_core.run(loss, optimizer, start, n + more).first(n), gd_core.run(loss, optimizer, start, n))


@pytest.mark.parametrize("n", [0, 1, 5, 31, 32, 33, 64, 150])
def test_a_batch_that_diverges_and_stops_early_cut_at_n(n):
    # η from tame to wild on the bowl: the wild ones leave the bound within a few updates.
    etas = np.array([0.1, 0.4, 0.6, 2.0, 50.0])
    starts = np.tile((-5.0, -2.0), (5, 1))
    identical(gd_core.run(BOWL, O.gd(etas), starts, 300).first(n), gd_core.run(BOWL, O.gd(etas), starts, n))
    # All of them wild: the long run stops early (every run gone) and pads with NaN.
    wild = np.array([5.0, 20.0])
    identical(gd_core.run(BOWL, O.gd(wild), starts[:2], 300).first(n), gd_core.run(BOWL, O.gd(wild), starts[:2], n))


@pytest.mark.parametrize("n", [0, 3, 6, 7, 100, 999])
def test_the_race_cut_at_n_is_the_race_of_n(n):
    opts = [O.gd(0.01), O.momentum(0.001, 0.9), O.adagrad(0.5), O.rmsprop(0.01, 0.99), O.adam(0.05)]
    long, short = run_each(ROSENBROCK, opts, (0.0, 2.5), 1000), run_each(ROSENBROCK, opts, (0.0, 2.5), n)
    assert long[0].diverged_at is not None and long[0].diverged_at < 10  # GD at η = 0.01 diverges early
    for a, b in zip(long, short):
        identical(a.first(n), b)


@pytest.mark.parametrize("n", [-1, 11, 2.0, True])
def test_only_as_many_updates_as_were_asked_for(n):
    with pytest.raises(InputError):
        gd_core.run(BOWL, O.gd(0.1), (1.0, 1.0), 10).first(n)
