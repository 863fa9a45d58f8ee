"""The optimizer race: defaults, every control at its extremes, a bad formula, garbage links, and the
numbers on screen against steps traced here by hand and against gd_core runs made in the test."""

from __future__ import annotations

import numpy as np
import pytest

import gd_core
import ui
from gd_core import optimizers
from tests.apptest_helpers import charts, errors, latex, open_page, rerun, tables, trace, warnings

PAGE = "pages/9_momentum_rmsprop_adam.py"
LABELS = {"gd": "Gradient descent", "momentum": "Momentum", "adagrad": "Adagrad", "rmsprop": "RMSProp",
          "adam": "Adam"}
KEYS = {"gd": "gd", "momentum": "mom", "adagrad": "ada", "rmsprop": "rms", "adam": "adam"}
START = (0.0, 2.5)  # the page's Rosenbrock start
ROSENBROCK = gd_core.PRESETS["rosenbrock"].loss
DEFAULTS = {
    "gd": optimizers.gd(0.001),
    "momentum": optimizers.momentum(0.001, 0.9),
    "adagrad": optimizers.adagrad(0.5, 1e-8),
    "rmsprop": optimizers.rmsprop(0.01, 0.99, 1e-8),
    "adam": optimizers.adam(0.05, 0.9, 0.999, 1e-8),
}


def grad(t1, t2):
    """∇L of Rosenbrock (1 − θ₁)² + 100(θ₂ − θ₁²)², by hand."""
    return np.array([-2 * (1 - t1) - 400 * t1 * (t2 - t1**2), 200 * (t2 - t1**2)])


def table(at):
    return tables(at)[0]


def pair(v) -> str:
    return f"({ui.num(v[0])}, {ui.num(v[1])})"


def test_defaults_race_all_five_with_their_rules():
    at = open_page(PAGE)
    assert not errors(at) and not warnings(at)
    df = table(at)
    assert list(df.index) == list(LABELS.values())
    figs = charts(at)
    assert len(figs) == 2
    for label in LABELS.values():
        trace(figs[0], label)
        trace(figs[1], label)
    text = latex(at)
    assert r"\hat m^{t}" in text and r"\beta\, v^{t-1}" in text and r"\sigma^{t-1}" in text
    assert any("ε = 10⁻⁸" in c.value for c in at.caption)


def test_table_equals_gd_core_runs_made_here():
    at = open_page(PAGE)
    df = table(at)
    for name, opt in DEFAULTS.items():
        traj = gd_core.run(ROSENBROCK, opt, START, 1000)
        row = df.loc[LABELS[name]]
        assert row["Final L"] == ui.num(traj.losses[-1])
        hit = np.nonzero(traj.losses <= 1e-3)[0]
        assert row["Updates to reach L ≤ 0.001"] == (str(hit[0]) if hit.size else "not reached")
        assert row["Diverged at update"] == "—"
        fig = charts(at)[1]
        np.testing.assert_allclose(trace(fig, LABELS[name])["y"], traj.losses, rtol=1e-6)


def test_first_steps_adam_moves_eta_along_each_parameter_and_momentum_equals_gd():
    at = open_page(PAGE)
    g0 = grad(*START)  # (−2, 500)
    paths = charts(at)[0]
    adam_step = np.array([trace(paths, "Adam")[a][1] - START[i] for i, a in enumerate("xy")])
    np.testing.assert_allclose(adam_step, -0.05 * np.sign(g0), rtol=1e-6)  # −η·sign(g⁰)
    gd_step = np.array([trace(paths, "Gradient descent")[a][1] - START[i] for i, a in enumerate("xy")])
    mom_step = np.array([trace(paths, "Momentum")[a][1] - START[i] for i, a in enumerate("xy")])
    np.testing.assert_allclose(gd_step, -0.001 * g0, rtol=1e-5)
    np.testing.assert_array_equal(mom_step, gd_step)
    df = table(at)
    assert df.loc["Adam", "First update θ¹ − θ⁰"] == pair(-0.05 * np.sign(g0))
    assert df.loc["Momentum", "First update θ¹ − θ⁰"] == df.loc["Gradient descent", "First update θ¹ − θ⁰"]
    assert df.loc["Gradient descent", "First update θ¹ − θ⁰"] == pair(-0.001 * g0)
    # RMSProp: σ⁰ = √(1 − α)|g⁰| = 0.1|g⁰|, so its first step is −η g⁰/(0.1|g⁰|) = ∓0.1.
    assert df.loc["RMSProp", "First update θ¹ − θ⁰"] == pair(-0.1 * np.sign(g0))


def test_momentum_with_beta_zero_is_gradient_descent():
    at = open_page(PAGE, {"beta": "0"})
    paths = charts(at)[0]
    for axis in "xy":
        np.testing.assert_array_equal(trace(paths, "Momentum")[axis], trace(paths, "Gradient descent")[axis])
    assert table(at).loc["Momentum", "Hyperparameters"] == "η = 0.001, β = 0"


def test_a_too_large_rate_diverges_and_the_table_says_when():
    at = open_page(PAGE, {"eta_gd": "0.01"})
    assert any("Gradient descent: Diverged at update 6" in w for w in warnings(at))
    assert table(at).loc["Gradient descent", "Diverged at update"] == "6"
    assert not errors(at)


@pytest.mark.parametrize("name", list(KEYS))
def test_each_optimizer_can_be_switched_off_and_its_rate_set_to_the_extremes(name):
    at = open_page(PAGE)
    key = KEYS[name]
    for eta in (0.0001, 3.0):
        at.select_slider(key=f"beyond:eta_{key}").set_value(eta)
        rerun(at)
        assert not errors(at)
        assert f"η = {ui.fmt_param(eta)}" in table(at).loc[LABELS[name], "Hyperparameters"]
    at.toggle(key=f"beyond:{key}").set_value(False)
    rerun(at)
    assert LABELS[name] not in table(at).index and len(table(at)) == 4
    assert at.query_params.get(key) in ("0", ["0"])


def test_the_other_hyperparameters_at_their_extremes():
    at = open_page(PAGE)
    for key, values in (("beta", (0.0, 0.99)), ("beta1", (0.0, 0.99))):
        for v in values:
            at.slider(key=f"beyond:{key}").set_value(v)
            rerun(at)
            assert not errors(at)
    for key, values in (("alpha", (0.0, 0.999)), ("beta2", (0.9, 0.9999)), ("target", (1.0, 1e-8))):
        for v in values:
            at.select_slider(key=f"beyond:{key}").set_value(v)
            rerun(at)
            assert not errors(at)
    # β₁ = 0.99, β₂ = 0.9999, α = 0.999 as set last: the table states them, the runs match gd_core's.
    df = table(at)
    assert df.loc["Adam", "Hyperparameters"] == "η = 0.05, β₁ = 0.99, β₂ = 0.9999"
    traj = gd_core.run(ROSENBROCK, optimizers.adam(0.05, 0.99, 0.9999, 1e-8), START, 1000)
    assert df.loc["Adam", "Final L"] == ui.num(traj.losses[-1])
    assert "Updates to reach L ≤ 1e-8" in df.columns


@pytest.mark.parametrize("steps", [1, 3000])
def test_updates_at_the_extremes_and_a_linear_axis(steps):
    at = open_page(PAGE, {"log": "0"})
    at.slider(key="beyond:steps").set_value(steps)
    rerun(at)
    assert not errors(at)
    df = table(at)
    traj = gd_core.run(ROSENBROCK, DEFAULTS["momentum"], START, steps)
    assert df.loc["Momentum", "Final L"] == ui.num(traj.losses[-1])
    assert charts(at)[1]["layout"]["yaxis"].get("type") != "log"


def test_all_switched_off_says_so_and_the_page_goes_on():
    at = open_page(PAGE, {k: "0" for k in KEYS.values()})
    assert any("at least one optimizer" in m.value for m in at.info)
    assert not tables(at) and not errors(at)
    assert "What to notice" in [h.value for h in at.subheader]


def test_a_bad_typed_formula_is_explained_and_the_page_goes_on():
    at = open_page(PAGE, {"loss": "custom", "f": "x^^2 + y"})
    assert any("cannot be used" in e for e in errors(at))
    assert any("Fix the formula" in m.value for m in at.info)
    assert not at.get("plotly_chart")
    assert "What to notice" in [h.value for h in at.subheader]
    at.text_input(key="beyond:f").set_value("x^2 + 3*y^2")
    rerun(at)
    assert not errors(at) and len(table(at)) == 5


def test_a_typed_formula_undefined_at_the_start_says_so():
    at = open_page(PAGE, {"loss": "custom", "f": "log(x) + y^2"})  # the typed window's start has θ₁ < 0
    assert any("start point cannot be used" in e for e in errors(at))


def test_elongated_bowl_runs():
    at = open_page(PAGE, {"loss": "elongated"})
    assert not errors(at)
    traj = gd_core.run(gd_core.PRESETS["elongated"].loss, DEFAULTS["adam"], (-5.0, -2.0), 1000)
    assert table(at).loc["Adam", "Final L"] == ui.num(traj.losses[-1])


@pytest.mark.parametrize("query", [{"eta_gd": "abc"}, {"beta": "2"}, {"adam": "maybe"}, {"target": "1e999"},
                                   {"steps": "<script>"}, {"alpha": "nan"}, {"loss": "nope"}])
def test_garbage_link_values_fall_back_with_a_note(query):
    at = open_page(PAGE, query)
    assert any("cannot be used here" in w for w in warnings(at))
    assert not errors(at)
    assert len(table(at)) == 5
