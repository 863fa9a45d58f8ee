"""ui.race_cached: the race of n updates is cut from one computed for the next of RACE_RUN_LENGTHS, and is
exactly the race of n updates; each racer's run is cached on its own."""

import warnings

import numpy as np
import pytest
import streamlit as st

import gd_core
import ui

FORMULA = "(1 - x)^2 + 100*(y - x^2)^2"
RACERS = (("gd", (("lr", 0.001),)), ("momentum", (("lr", 0.001), ("beta", 0.9))),
          ("adagrad", (("lr", 0.5), ("eps", 1e-8))),
          ("rmsprop", (("lr", 0.01), ("alpha", 0.99), ("eps", 1e-8))),
          ("adam", (("lr", 0.05), ("beta1", 0.9), ("beta2", 0.999), ("eps", 1e-8))))


def setup_function():
    warnings.filterwarnings("ignore", message=".*No runtime found.*")
    st.cache_data.clear()


@pytest.mark.parametrize("steps", [1, 50, 51, 999, 1000, 1001, 3000])
def test_the_race_of_n_updates_is_the_race_of_n(steps):
    race = ui.race_cached(FORMULA, RACERS, (0.0, 2.5), steps)
    direct = gd_core.run_each(gd_core.parse_loss(FORMULA), [ui.make_optimizer(n, h) for n, h in RACERS],
                              np.array([0.0, 2.5]), steps)
    for (name, _), b in zip(RACERS, direct):
        a = race[name]
        assert a.steps_requested == b.steps_requested == steps and a.diverged_at == b.diverged_at
        for field in ("params", "losses", "grads", "scales"):
            assert np.array_equal(getattr(a, field), getattr(b, field), equal_nan=True), (name, field)


def _count_runs(monkeypatch) -> list:
    calls = []
    real = gd_core.run
    monkeypatch.setattr(gd_core, "run", lambda loss, opt, theta0, steps: calls.append((opt.name, steps)) or
                        real(loss, opt, theta0, steps))
    return calls


def test_moving_the_number_of_updates_within_a_length_computes_once(monkeypatch):
    calls = _count_runs(monkeypatch)
    for steps in (1000, 990, 760, 999, 1001, 1500, 1200):
        assert ui.race_cached(FORMULA, RACERS, (0.0, 2.5), steps)["adam"].n_updates == steps
    assert [n for _, n in calls] == [1000] * 5 + [1500] * 5
    # Fewer racers: the runs computed before.
    ui.race_cached(FORMULA, RACERS[:2], (0.0, 2.5), 1000)
    assert len(calls) == 10
    # Another start is a new race, computed for the length of its number of updates.
    ui.race_cached(FORMULA, RACERS, (0.5, 2.5), 1000)
    assert [n for _, n in calls[10:]] == [1000] * 5


def test_one_racers_hyperparameter_recomputes_that_racer_alone(monkeypatch):
    calls = _count_runs(monkeypatch)
    before = ui.race_cached(FORMULA, RACERS, (0.0, 2.5), 1000)
    slower = tuple((name, (("lr", 0.001), ("beta", 0.5)) if name == "momentum" else hyper) for name, hyper in RACERS)
    after = ui.race_cached(FORMULA, slower, (0.0, 2.5), 1000)
    assert len(calls) == 6 and calls[5][1] == 1000
    assert not np.array_equal(before["momentum"].params, after["momentum"].params)
    direct = gd_core.run(gd_core.parse_loss(FORMULA), ui.make_optimizer("momentum", dict(slower)["momentum"]),
                         np.array([0.0, 2.5]), 1000)
    assert np.array_equal(after["momentum"].params, direct.params, equal_nan=True)
    for name in ("gd", "adagrad", "rmsprop", "adam"):
        assert np.array_equal(before[name].params, after[name].params, equal_nan=True), name
