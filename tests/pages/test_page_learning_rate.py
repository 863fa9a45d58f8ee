"""The learning-rate page: four rates chosen for each curve, loss against updates, the sweep and its limits,
1/t decay."""

from __future__ import annotations

import numpy as np
import pytest

import figures
from gd_core import CURVES
from tests.apptest_helpers import chart, errors, open_page, rerun, trace, warnings
from tests.core.test_core_learning_rates import BOTTOM, SLOW, STAYS_HIGH, STUCK, gd_by_hand

PAGE = "pages/2_learning_rate.py"
ROLES = ("very_large", "large", "small", "just_right")


def gd_on_parabola(eta, x0, steps, decay=False):
    """GD on L = x² by hand: x ← x − ηᵗ·2x, with ηᵗ = η/√(t+1) under 1/t decay."""
    xs = [x0]
    for t in range(steps):
        lr = eta / np.sqrt(t + 1) if decay else eta
        xs.append(xs[-1] - lr * 2 * xs[-1])
    return np.array(xs)


def role_trace(fig, name: str, eta: float) -> dict:
    """A rate's trace: named by its role, or (where its run no longer plays the role) by its η."""
    return next(t for t in fig["data"] if t.get("name") == name or str(t.get("name", "")).startswith(f"η = {eta:g}"))


def shown_etas(at) -> dict[str, float]:
    return {role: float(at.number_input(key=f"lr:{role}").value) for role in ROLES}


@pytest.mark.parametrize("curve", ["parabola", "wide", "v_shape"])
def test_the_default_rates_do_what_their_names_say_on_every_curve(curve):
    # The loss chart's numbers, checked against the slide's pictures with the thresholds of the core test.
    at = open_page(PAGE, {"curve": curve})
    assert not errors(at)
    etas = shown_etas(at)
    loss_fig = chart(at, "loss")
    for role, name in zip(ROLES, ("Very large", "Large", "Small", "Just right")):
        expected, _, _ = gd_by_hand(curve, etas[role], CURVES[curve].start, 20)
        shown = trace(loss_fig, name)["y"]
        np.testing.assert_allclose(shown, expected[np.isfinite(expected)], rtol=1e-6)
        assert trace(loss_fig, name)["line"]["color"] == figures.LR_COLORS[role]
    start = trace(loss_fig, "Very large")["y"][0]
    very_large = trace(loss_fig, "Very large")["y"]
    assert very_large.max() > 1.6 * start, "very large: leaves the top of the chart"
    large = trace(loss_fig, "Large")["y"]
    assert large[-1] >= STAYS_HIGH * start and np.ptp(large[-6:]) < STUCK * start
    small = trace(loss_fig, "Small")["y"]
    assert np.all(np.diff(small) < 0) and SLOW[0] * start <= small[-1] <= SLOW[1] * start
    assert trace(loss_fig, "Just right")["y"][-1] <= BOTTOM * start


def test_parabola_large_rate_is_two_over_the_curvature():
    # L = x²: L″ = 2, so 2/L″ = 1: θ goes −3, 3, −3, … and the loss stays at 9.
    at = open_page(PAGE)
    assert shown_etas(at)["large"] == 1.0
    np.testing.assert_array_equal(trace(chart(at, "loss"), "Large")["y"], np.full(21, 9.0))


def test_a_new_curve_brings_its_own_rates():
    at = open_page(PAGE)
    assert shown_etas(at)["large"] == 1.0
    at.selectbox(key="lr:curve").set_value("wide")
    rerun(at)
    # L = 0.25x²: L″ = 0.5, so 2/L″ = 4.
    assert shown_etas(at)["large"] == 4.0
    assert "large" not in at.query_params


def test_a_typed_rate_is_named_by_what_it_does():
    at = open_page(PAGE)
    at.number_input(key="lr:large").set_value(0.99)
    rerun(at)
    # L = x², η = 0.99: x_t = −3·(−0.98)^t crosses the minimum at every update and keeps 0.98⁴⁰ ≈ 45 % of its loss.
    fig = chart(at, "loss")
    line = trace(fig, "η = 0.99: bounces, stays high")
    np.testing.assert_allclose(line["y"], gd_on_parabola(0.99, -3.0, 20) ** 2, rtol=1e-6)
    assert line["line"]["color"] == figures.LR_COLORS["large"]
    assert trace(chart(at, "curve"), "η = 0.99: bounces, stays high")
    at.number_input(key="lr:very_large").set_value(0.02)
    rerun(at)
    # η = 0.02: x_t = −3·0.96^t, one side only, 0.96⁴⁰ ≈ 20 % of the loss left.
    line = trace(chart(at, "loss"), "η = 0.02: goes down slowly")
    assert line["line"]["color"] == figures.LR_COLORS["small"]
    assert not any(t.get("name", "").startswith("Very large") for t in chart(at, "loss")["data"])


def vlines(fig) -> list[dict]:
    return [s for s in fig["layout"].get("shapes", []) if s.get("yref") == "y domain"]


def test_the_sweep_marks_two_over_the_curvature_on_a_parabola():
    at = open_page(PAGE)
    # L = x²: L″ = 2, so gradient descent diverges past η = 2/2 = 1.
    assert any("**1**" in m.value and "parabola" in m.value for m in at.markdown)
    sweep = chart(at, "sweep")
    assert [s["x0"] for s in vlines(sweep)] == [1.0]
    # The label sits at its line: Plotly reads an annotation's x on a log axis as log10(η).
    notes = sweep["layout"]["annotations"]
    assert [(a["text"], a["x"]) for a in notes] == [("2 / L″ = 1", 0.0)]


def test_the_v_shape_marks_the_small_bounce_limit_and_the_blow_up_from_the_start():
    at = open_page(PAGE, {"curve": "v_shape"})
    # L = x²/4 + 2√(1+x²) − 2: L″(0) = 1/2 + 2 = 2.5, so 2/L″(θ*) = 0.8.
    assert any("2 / L″(θ*) = **0.8**" in m.value and "small bounces" in m.value for m in at.markdown)
    sweep = chart(at, "sweep")
    lines = vlines(sweep)
    assert lines[0]["x0"] == pytest.approx(0.8)
    assert len(lines) == 2 and lines[1]["x0"] > 0.8
    notes = sweep["layout"]["annotations"]
    assert [a["x"] for a in notes] == pytest.approx([np.log10(line["x0"]) for line in lines])


@pytest.mark.parametrize("curve", ["parabola", "wide", "v_shape"])
def test_with_decay_the_sweep_marks_where_its_runs_start_to_blow_up(curve):
    at = open_page(PAGE, {"curve": curve, "decay": "1"})
    sweep = chart(at, "sweep")
    lines = vlines(sweep)
    assert len(lines) <= 1 and all(line["line"]["dash"] == "dot" for line in lines), "with decay, no 2/L″ line"
    etas = np.geomspace(1e-3, 10.0, 160)
    i = int(np.argmin(np.abs(etas - lines[0]["x0"]))) if lines else len(etas)
    if lines:
        assert etas[i] == pytest.approx(lines[0]["x0"], rel=1e-12)
    x0 = CURVES[curve].start
    # Run by hand with ηᵗ = η/√(t+1): every η of the sweep below the line stays at or under its start, the
    # line's own η ends above it (or diverges). Without a line, no η of the sweep blows up.
    for eta in etas[:i]:
        losses, _, diverged = gd_by_hand(curve, eta, x0, 20, decay=True)
        assert not diverged and losses[-1] <= losses[0], eta
    if lines:
        losses, _, diverged = gd_by_hand(curve, etas[i], x0, 20, decay=True)
        assert diverged or losses[-1] > losses[0]
        assert any("found from the sweep" in m.value for m in at.markdown)
    else:
        assert any("No η of the sweep blows up in 20 updates" in m.value for m in at.markdown)
    if curve == "parabola":
        assert 3 < lines[0]["x0"] < 4  # the η ≈ 3–4, not 2/L″ = 1
    assert not any("exactly when" in m.value for m in at.markdown)


def test_decay_changes_the_paths_and_plots_the_schedule():
    at = open_page(PAGE)
    at.toggle(key="lr:decay").set_value(True)
    rerun(at)
    etas = shown_etas(at)
    expected = gd_on_parabola(etas["small"], -3.0, 20, decay=True) ** 2
    np.testing.assert_allclose(role_trace(chart(at, "loss"), "Small", etas["small"])["y"], expected, rtol=1e-6)
    schedule = role_trace(chart(at, "schedule"), "Just right", etas["just_right"])["y"]
    np.testing.assert_allclose(schedule, etas["just_right"] / np.sqrt(np.arange(20) + 1), rtol=1e-6)
    assert at.query_params.get("decay") in ("1", ["1"])


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("eta", [0.0001, 10.0])
def test_each_rate_at_its_extremes(role, eta):
    at = open_page(PAGE)
    at.number_input(key=f"lr:{role}").set_value(eta)
    rerun(at)
    assert not errors(at)
    if eta == 10.0:
        # |1 − 20| = 19 per update from 3: past 1e8 after a few updates; the page says when.
        t = next(k for k in range(100) if 3 * 19**k > 1e8)
        assert any(f"η = 10 diverged at update {t}" in w for w in warnings(at)), warnings(at)


@pytest.mark.parametrize("curve", ["parabola", "wide", "v_shape"])
@pytest.mark.parametrize("steps", [1, 100])
def test_curves_and_step_extremes(curve, steps):
    at = open_page(PAGE, {"curve": curve, "steps": str(steps)})
    assert not errors(at)
    assert len(at.get("plotly_chart")) == 4


@pytest.mark.parametrize("query", [{"very_large": "abc"}, {"curve": "nope"}, {"decay": "maybe"}, {"x0": "1e400"},
                                   {"steps": "0"}])
def test_garbage_link_values_fall_back_with_a_note(query):
    at = open_page(PAGE, query)
    assert any("cannot be used here" in w for w in warnings(at))
    assert not errors(at)


@pytest.mark.parametrize("curve", ["parabola", "wide", "v_shape"])
def test_with_decay_a_role_is_named_only_where_its_run_still_plays_it(curve):
    """Under 1/t decay the same rates do other things (the very large one calms down): a legend entry keeps a
    role's name only when the run does what the slide draws for it, checked here from the run by hand."""
    at = open_page(PAGE, {"curve": curve, "decay": "1"})
    etas = shown_etas(at)
    names = [t["name"] for t in chart(at, "loss")["data"] if t.get("type") == "scatter"]
    start_loss = gd_by_hand(curve, 0.0, CURVES[curve].start, 1, decay=True)[0][0]
    for role, name in zip(ROLES, ("Very large", "Large", "Small", "Just right")):
        losses, _, diverged = gd_by_hand(curve, etas[role], CURVES[curve].start, 20, decay=True)
        finite = losses[np.isfinite(losses)]
        plays = {"very_large": diverged or finite.max() > 1.6 * start_loss,
                 "large": finite[-1] >= STAYS_HIGH * start_loss and np.ptp(finite[-6:]) < STUCK * start_loss,
                 "small": bool(np.all(np.diff(finite) < 0))
                 and SLOW[0] * start_loss <= finite[-1] <= SLOW[1] * start_loss,
                 "just_right": finite[-1] <= BOTTOM * start_loss}[role]
        if name in names:
            assert plays, f"{name} (η = {etas[role]}) is named by a role its run does not play under decay"
    assert any(n.startswith("η = ") for n in names), "under decay, some rate no longer plays its role"
