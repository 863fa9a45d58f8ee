"""ui.race_cached: the race of n updates is cut from one computed for the next of RACE_RUN_LENGTHS, and is
exactly the race of n updates."""

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


def test_moving_the_number_of_updates_within_a_length_computes_once(monkeypatch):
    calls = []
    real = gd_core.run_each
    monkeypatch.setattr(gd_core, "run_each", lambda loss, opts, theta0, steps: calls.append(steps) or
                        real(loss, opts, theta0, steps))
    for steps in (1000, 990, 760, 999, 1001, 1500, 1200):
        assert ui.race_cached(FORMULA, RACERS, (0.0, 2.5), steps)["adam"].n_updates == steps
    assert calls == [1000, 1500]
    # Anything else is a new race, computed for the length of its number of updates.
    ui.race_cached(FORMULA, RACERS[:2], (0.0, 2.5), 1000)
    assert calls == [1000, 1500, 1000]
