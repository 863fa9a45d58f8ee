"""The feature-scaling page: defaults, every control at its extremes, garbage links, numbers against the formulas."""

from __future__ import annotations

import math

import numpy as np
import pytest

import ui
from gd_core import data
from tests.apptest_helpers import charts, errors, open_page, rerun, tables, trace, warnings

PAGE = "pages/6_feature_scaling.py"


def standardize_by_hand(X):
    """xᵢʳ ← (xᵢʳ − mᵢ)/σᵢ with mᵢ = (1/R)Σᵣ xᵢʳ and σᵢ = √((1/R)Σᵣ (xᵢʳ − mᵢ)²)."""
    R = len(X)
    m = [sum(X[r][i] for r in range(R)) / R for i in range(2)]
    s = [math.sqrt(sum((X[r][i] - m[i]) ** 2 for r in range(R)) / R) for i in range(2)]
    return np.array([[(X[r][i] - m[i]) / s[i] for i in range(2)] for r in range(R)]), m, s


def side_by_hand(X, y, fraction, steps, tolerance=0.01):
    """Gradient descent on L(w₁, w₂, b) = Σᵣ (ŷʳ − (b + w₁x₁ʳ + w₂x₂ʳ))² from θ⁰ = 0 with
    η = fraction · 2/λ_max(2AᵀA), A = [X, 1]: (η, losses, first t within the tolerance of L*)."""
    A = np.column_stack([X, np.ones(len(y))])
    H = 2 * A.T @ A
    eta = fraction * 2 / np.linalg.eigvalsh(H)[-1]
    star = np.linalg.solve(A.T @ A, A.T @ y)          # the normal equations
    loss_star = float(np.sum((y - A @ star) ** 2))
    theta = np.zeros(3)
    losses = [float(np.sum((y - A @ theta) ** 2))]
    for _ in range(steps):
        r = y - A @ theta
        theta = theta - eta * (-2 * A.T @ r)            # ∂L/∂θ = −2Aᵀr
        losses.append(float(np.sum((y - A @ theta) ** 2)))
    target = (1 + tolerance) * loss_star
    hit = next((t for t, v in enumerate(losses) if v <= target), None)
    return eta, np.array(losses), hit, loss_star


def built_in(n=50, k=10.0, seed=0):
    ds = data.synthetic(n, seed, scales=(1.0, k))
    return ds.X, ds.y


def shown_metrics(at):
    """The four metrics in order: η before, updates before, η after, updates after."""
    return [m.value for m in at.metric]


def test_defaults_match_gradient_descent_by_hand():
    at = open_page(PAGE)
    assert not errors(at) and not warnings(at)
    X, y = built_in()
    Xs, m, s = standardize_by_hand(X)
    eta_raw, raw, hit_raw, star = side_by_hand(X, y, 0.5, 1000)
    eta_sc, scaled, hit_sc, star_sc = side_by_hand(Xs, y, 0.5, 1000)
    assert star == pytest.approx(star_sc, rel=1e-9)
    assert shown_metrics(at) == [ui.num(eta_raw, 3), str(hit_raw), ui.num(eta_sc, 3), str(hit_sc)]
    assert hit_sc < hit_raw
    text = "\n".join(md.value for md in at.markdown)
    assert f"that is L ≤ {ui.num(1.01 * star)}" in text
    assert (f"After t = 10 updates: L = **{ui.num(raw[10])}** before scaling, **{ui.num(scaled[10])}** after "
            "scaling") in text
    table = tables(at)[0]
    assert list(table["mᵢ"]) == [ui.num(v) for v in m]
    assert list(table["σᵢ"]) == [ui.num(v) for v in s]
    assert list(table["mean after"]) == ["0", "0"] and list(table["std after"]) == ["1", "1"]


def test_charts_show_the_paths_losses_and_features():
    at = open_page(PAGE)
    X, y = built_in()
    Xs, _, _ = standardize_by_hand(X)
    figs = charts(at)
    assert len(figs) == 5
    _, raw, hit_raw, _ = side_by_hand(X, y, 0.5, 1000)
    _, scaled, hit_sc, _ = side_by_hand(Xs, y, 0.5, 1000)
    losses = figs[2]
    np.testing.assert_allclose(trace(losses, "Before scaling")["y"], raw, rtol=1e-5)
    np.testing.assert_allclose(trace(losses, "After scaling")["y"], scaled, rtol=1e-5)
    # Both contours: the path starts at (0, 0), the ring is at the update that reached the target.
    for fig, hit in ((figs[0], hit_raw), (figs[1], hit_sc)):
        path = trace(fig, "gradient descent")
        assert path["x"][0] == 0 and path["y"][0] == 0 and len(path["x"]) == 1001
        ring = trace(fig, "reached the target")
        assert ring["x"][0] == pytest.approx(float(path["x"][hit]), rel=1e-6)
        assert ring["y"][0] == pytest.approx(float(path["y"][hit]), rel=1e-6, abs=1e-9)
    # Both axes at the same scale on the contours and the feature plots.
    for fig in (figs[0], figs[1], figs[3], figs[4]):
        assert fig["layout"]["yaxis"]["scaleanchor"] == "x"
    np.testing.assert_allclose(figs[4]["data"][0]["x"], Xs[:, 0], rtol=1e-5, atol=1e-6)


@pytest.mark.parametrize("k", [1.0, 100.0])
def test_scale_extremes(k):
    at = open_page(PAGE)
    at.select_slider(key="scaling:k").set_value(k)
    rerun(at)
    assert not errors(at)
    X, y = built_in(k=k)
    _, _, hit_raw, _ = side_by_hand(X, y, 0.5, 1000)
    shown = shown_metrics(at)
    assert shown[1] == (str(hit_raw) if hit_raw is not None else "> 1000")
    if k == 100.0:
        assert shown[1] == "> 1000"
    # The standardized problem does not depend on k.
    assert shown[3] == "4"


@pytest.mark.parametrize("n", [10, 200])
def test_number_of_examples_extremes(n):
    at = open_page(PAGE)
    at.slider(key="scaling:n").set_value(n)
    rerun(at)
    assert not errors(at)
    assert len(at.get("plotly_chart")) == 5


def test_data_seed_extreme():
    at = open_page(PAGE)
    at.number_input(key="scaling:data").set_value(9999)
    rerun(at)
    assert not errors(at)
    X, y = built_in(seed=9999)
    eta, _, hit, _ = side_by_hand(X, y, 0.5, 1000)
    assert shown_metrics(at)[:2] == [ui.num(eta, 3), str(hit) if hit is not None else "> 1000"]


@pytest.mark.parametrize("fraction", [0.05, 1.1])
def test_fraction_extremes(fraction):
    at = open_page(PAGE)
    at.select_slider(key="scaling:frac").set_value(fraction)
    rerun(at)
    assert not errors(at)
    if fraction > 1:
        # Past 2/λ_max the steepest direction grows by |1 − 1.1·2| = 1.2 per update: both sides diverge.
        notes = warnings(at)
        assert any(w.startswith("Before scaling: diverged at update") for w in notes), notes
        assert any(w.startswith("After scaling: diverged at update") for w in notes), notes
    else:
        X, y = built_in()
        Xs, _, _ = standardize_by_hand(X)
        _, _, hit, _ = side_by_hand(Xs, y, 0.05, 1000)
        assert shown_metrics(at)[3] == str(hit)


@pytest.mark.parametrize("steps", [10.0, 10000.0])
def test_number_of_updates_extremes(steps):
    at = open_page(PAGE)
    at.select_slider(key="scaling:steps").set_value(steps)
    rerun(at)
    assert not errors(at)
    shown = shown_metrics(at)
    if steps == 10.0:
        assert shown[1] == "> 10" and shown[3] == "4"
    else:
        X, y = built_in()
        _, _, hit, _ = side_by_hand(X, y, 0.5, 10000)
        assert shown[1] == str(hit)


@pytest.mark.parametrize(("target", "tolerance"), [("10", 0.1), ("0.1", 0.001)])
def test_targets(target, tolerance):
    at = open_page(PAGE)
    at.radio(key="scaling:target").set_value(target)
    rerun(at)
    X, y = built_in()
    Xs, _, _ = standardize_by_hand(X)
    _, _, hit_raw, _ = side_by_hand(X, y, 0.5, 1000, tolerance)
    _, _, hit_sc, _ = side_by_hand(Xs, y, 0.5, 1000, tolerance)
    shown = shown_metrics(at)
    assert shown[1] == (str(hit_raw) if hit_raw is not None else "> 1000") and shown[3] == str(hit_sc)


def test_t_extremes_and_a_shorter_run():
    at = open_page(PAGE)
    at.slider(key="scaling:t").set_value(1000)
    rerun(at)
    assert any("After t = 1000 updates" in md.value for md in at.markdown)
    at.select_slider(key="scaling:steps").set_value(100.0)
    rerun(at)
    assert at.slider(key="scaling:t").value == 100 and not errors(at)
    at.slider(key="scaling:t").set_value(0)
    rerun(at)
    X, y = built_in()
    _, raw, _, _ = side_by_hand(X, y, 0.5, 0)
    assert any(f"After t = 0 updates: L = **{ui.num(raw[0])}** before scaling, **{ui.num(raw[0])}** after"
               in md.value for md in at.markdown)


@pytest.mark.parametrize("query", [
    {"k": "3"}, {"k": "abc"}, {"frac": "1e999"}, {"steps": "7"}, {"target": "<script>alert(1)</script>"},
    {"t": "-1"}, {"t": "5000"}, {"n": "5"}, {"data": "nan"},
])
def test_garbage_link_values_fall_back_with_a_note(query):
    at = open_page(PAGE, query)
    assert any("cannot be used here" in w for w in warnings(at)), warnings(at)
    assert not errors(at)
    assert len(at.get("plotly_chart")) == 5


def test_a_shared_link_opens_the_same_settings():
    at = open_page(PAGE, {"k": "20", "frac": "0.9", "steps": "2000", "target": "10", "t": "50"})
    assert not warnings(at)
    X, y = built_in(k=20.0)
    eta, _, hit, _ = side_by_hand(X, y, 0.9, 2000, 0.1)
    assert shown_metrics(at)[:2] == [ui.num(eta, 3), str(hit)]
    assert at.slider(key="scaling:t").value == 50
