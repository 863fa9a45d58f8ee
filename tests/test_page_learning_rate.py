"""The learning-rate page: four rates, loss against updates, the sweep and its limit, 1/t decay."""

from __future__ import annotations

import numpy as np
import pytest

from tests.apptest_helpers import charts, errors, open_page, rerun, trace, warnings

PAGE = "pages/2_learning_rate.py"
ROLES = ("very_large", "large", "small", "just_right")


def gd_on_parabola(eta, x0, steps, decay=False):
    """GD on L = x² by hand: x ← x − ηᵗ·2x, with ηᵗ = η/√(t+1) under 1/t decay."""
    xs = [x0]
    for t in range(steps):
        lr = eta / np.sqrt(t + 1) if decay else eta
        xs.append(xs[-1] - lr * 2 * xs[-1])
    return np.array(xs)


def test_defaults_draw_the_four_paths_and_their_losses():
    at = open_page(PAGE)
    assert not errors(at)
    figs = charts(at)
    assert len(figs) == 4
    loss_fig = figs[1]
    for name, eta in (("Very large", 1.05), ("Large", 0.9), ("Small", 0.02), ("Just right", 0.3)):
        expected = gd_on_parabola(eta, -3.0, 20) ** 2
        np.testing.assert_allclose(trace(loss_fig, name)["y"], expected, rtol=1e-6)


def test_the_sweep_marks_two_over_the_curvature():
    at = open_page(PAGE)
    # L = x²: L″ = 2, so gradient descent diverges past η = 2/2 = 1.
    assert any("**1**" in m.value for m in at.markdown)
    sweep = charts(at)[2]
    shapes = sweep["layout"]["shapes"]
    assert any(abs(s["x0"] - 1.0) < 1e-12 for s in shapes)


def test_quartic_threshold_is_from_its_curvature_at_the_minimum():
    at = open_page(PAGE, {"curve": "quartic"})
    # L = 0.05x⁴ + 0.5x²: L″(0) = 1, so the limit is 2.
    assert any("**2**" in m.value for m in at.markdown)


def test_decay_changes_the_paths_and_plots_the_schedule():
    at = open_page(PAGE)
    at.toggle(key="lr:decay").set_value(True)
    rerun(at)
    figs = charts(at)
    expected = gd_on_parabola(0.02, -3.0, 20, decay=True) ** 2
    np.testing.assert_allclose(trace(figs[1], "Small")["y"], expected, rtol=1e-6)
    schedule = trace(figs[3], "Just right")["y"]
    np.testing.assert_allclose(schedule, 0.3 / np.sqrt(np.arange(20) + 1), rtol=1e-6)
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
        assert any(f"diverged at update {t}" in w for w in warnings(at)), warnings(at)


@pytest.mark.parametrize("curve", ["parabola", "wide", "quartic"])
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
