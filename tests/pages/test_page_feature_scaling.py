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


def start_by_hand(X, y):
    """The lesson's start w⁰, by its rule: in standardized units w′⁰ = w′* + ρ(−1, 4)/√17 with w′* the
    least-squares weights on the standardized features and ρ = ‖w′*‖; then w⁰ᵢ = w′⁰ᵢ/σᵢ."""
    Xs, _, s = standardize_by_hand(X)
    A = np.column_stack([Xs, np.ones(len(y))])
    w_star = np.linalg.solve(A.T @ A, A.T @ y)[:2]
    rho = math.hypot(*w_star)
    return (w_star + rho * np.array([-1.0, 4.0]) / math.sqrt(17)) / np.array(s)


def side_by_hand(X, y, fraction, steps, tolerance=0.01, scaled=False):
    """Gradient descent on w = (w₁, w₂) of L(w, b*) = Σᵣ (ŷʳ − (b* + w₁x₁ʳ + w₂x₂ʳ))², b held at the
    least-squares b*, from the start w⁰ (w⁰ᵢσᵢ on the standardized features, ``scaled``), with
    η = fraction · 2/λ_max(2XᵀX): (η, losses, first t within the tolerance of L*, L*, the path)."""
    w = start_by_hand(X, y)
    if scaled:
        X, _, s = standardize_by_hand(X)
        w = w * np.array(s)
    A = np.column_stack([X, np.ones(len(y))])
    star = np.linalg.solve(A.T @ A, A.T @ y)          # the normal equations
    b = star[2]
    loss_star = float(np.sum((y - A @ star) ** 2))
    H = 2 * X.T @ X
    eta = fraction * 2 / np.linalg.eigvalsh(H)[-1]
    losses = [float(np.sum((y - b - X @ w) ** 2))]
    path = [w]
    for _ in range(steps):
        r = y - b - X @ w
        w = w - eta * (-2 * X.T @ r)                    # ∂L/∂w = −2Xᵀr
        losses.append(float(np.sum((y - b - X @ w) ** 2)))
        path.append(w)
    target = (1 + tolerance) * loss_star
    hit = next((t for t, v in enumerate(losses) if v <= target), None)
    return eta, np.array(losses), hit, loss_star, np.array(path)


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
    _, m, s = standardize_by_hand(X)
    eta_raw, raw, hit_raw, star, _ = side_by_hand(X, y, 0.5, 1000)
    eta_sc, scaled, hit_sc, star_sc, _ = side_by_hand(X, y, 0.5, 1000, scaled=True)
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
    _, raw, hit_raw, _, raw_path = side_by_hand(X, y, 0.5, 1000)
    _, scaled, hit_sc, _, scaled_path = side_by_hand(X, y, 0.5, 1000, scaled=True)
    losses = figs[2]
    np.testing.assert_allclose(trace(losses, "Before scaling")["y"], raw, rtol=1e-5)
    np.testing.assert_allclose(trace(losses, "After scaling")["y"], scaled, rtol=1e-5)
    # Both contours: the path is gradient descent's by hand from w⁰ (w⁰σ after scaling); the ring is at the
    # update that reached the target.
    for fig, hit, by_hand in ((figs[0], hit_raw, raw_path), (figs[1], hit_sc, scaled_path)):
        path = trace(fig, "gradient descent")
        assert len(path["x"]) == 1001
        np.testing.assert_allclose(path["x"], by_hand[:, 0], rtol=1e-5, atol=1e-6)
        np.testing.assert_allclose(path["y"], by_hand[:, 1], rtol=1e-5, atol=1e-6)
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
    _, _, hit_raw, _, _ = side_by_hand(X, y, 0.5, 1000)
    shown = shown_metrics(at)
    assert shown[1] == (str(hit_raw) if hit_raw is not None else "> 1000")
    if k == 100.0:
        assert shown[1] == "> 1000"
    # The standardized problem does not depend on k: the same count as by hand at k = 10.
    X10, y10 = built_in()
    assert shown[3] == str(side_by_hand(X10, y10, 0.5, 1000, scaled=True)[2])


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
    eta, _, hit, _, _ = side_by_hand(X, y, 0.5, 1000)
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
        _, _, hit, _, _ = side_by_hand(X, y, 0.05, 1000, scaled=True)
        assert shown_metrics(at)[3] == str(hit)


@pytest.mark.parametrize("steps", [10.0, 10000.0])
def test_number_of_updates_extremes(steps):
    at = open_page(PAGE)
    at.select_slider(key="scaling:steps").set_value(steps)
    rerun(at)
    assert not errors(at)
    shown = shown_metrics(at)
    if steps == 10.0:
        X, y = built_in()
        hit_sc = side_by_hand(X, y, 0.5, 10, scaled=True)[2]
        assert hit_sc is not None and hit_sc <= 10
        assert shown[1] == "> 10" and shown[3] == str(hit_sc)
    else:
        X, y = built_in()
        _, _, hit, _, _ = side_by_hand(X, y, 0.5, 10000)
        assert shown[1] == str(hit)


@pytest.mark.parametrize(("target", "tolerance"), [("10", 0.1), ("0.1", 0.001)])
def test_targets(target, tolerance):
    at = open_page(PAGE)
    at.radio(key="scaling:target").set_value(target)
    rerun(at)
    X, y = built_in()
    _, _, hit_raw, _, _ = side_by_hand(X, y, 0.5, 1000, tolerance)
    _, _, hit_sc, _, _ = side_by_hand(X, y, 0.5, 1000, tolerance, scaled=True)
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
    _, raw, _, _, _ = side_by_hand(X, y, 0.5, 0)
    _, scaled, _, _, _ = side_by_hand(X, y, 0.5, 0, scaled=True)
    assert any(f"After t = 0 updates: L = **{ui.num(raw[0])}** before scaling, **{ui.num(scaled[0])}** after"
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
    eta, _, hit, _, _ = side_by_hand(X, y, 0.9, 2000, 0.1)
    assert shown_metrics(at)[:2] == [ui.num(eta, 3), str(hit)]
    assert at.slider(key="scaling:t").value == 50


# --- the slide's picture: a bend before scaling, straight after (issue 11, item 6) --------------------------

def angle(u, v) -> float:
    """The angle between two vectors, in degrees."""
    c = float(np.dot(u, v) / (np.linalg.norm(u) * np.linalg.norm(v)))
    return math.degrees(math.acos(max(-1.0, min(1.0, c))))


def grid_gradient(fig, at_point):
    """∇Z at ``at_point`` from the contour's own grid (central differences on the drawn surface)."""
    con = next(t for t in fig["data"] if t["type"] == "contour")
    xs, ys = np.asarray(con["x"], float), np.asarray(con["y"], float)
    Z = np.asarray(con["z"], float).reshape(len(ys), len(xs))
    i = int(np.argmin(abs(xs - at_point[0])))
    j = int(np.argmin(abs(ys - at_point[1])))
    i, j = min(max(i, 1), len(xs) - 2), min(max(j, 1), len(ys) - 2)
    gx = (Z[j, i + 1] - Z[j, i - 1]) / (xs[i + 1] - xs[i - 1])
    gy = (Z[j + 1, i] - Z[j - 1, i]) / (ys[j + 1] - ys[j - 1])
    return np.array([gx, gy]), (xs[i], ys[j])


@pytest.mark.parametrize("fraction", [0.5, 0.9])
def test_the_raw_path_bends_and_the_scaled_path_heads_for_the_minimum(fraction):
    at = open_page(PAGE, {"frac": f"{fraction:g}"})
    assert not errors(at)
    X, y = built_in()
    figs = charts(at)
    w0 = start_by_hand(X, y)
    Xs, _, s = standardize_by_hand(X)
    for fig, data_X, start in ((figs[0], X, w0), (figs[1], Xs, w0 * np.array(s))):
        path = trace(fig, "gradient descent")
        p = np.column_stack([path["x"], path["y"]]).astype(float)
        np.testing.assert_allclose(p[0], start, rtol=1e-5)
        A = np.column_stack([data_X, np.ones(len(y))])
        star = np.linalg.solve(A.T @ A, A.T @ y)
        # The first update is along −∇_w L(w⁰, b*) = 2Xᵀr, r = ŷ − b* − Xw⁰: at right angles to the contour.
        r = y - star[2] - data_X @ p[0]
        assert angle(p[1] - p[0], 2 * data_X.T @ r) < 0.01
        star_marker = trace(fig, "least squares")
        np.testing.assert_allclose([star_marker["x"][0], star_marker["y"][0]], star[:2], rtol=1e-5)
        if fig is figs[0]:
            # Before scaling: the first update goes far off the direction to the minimum (across the valley)...
            assert angle(p[1] - p[0], star[:2] - p[0]) > 45
            # ...then the path crawls along the valley floor, the eigenvector of 2XᵀX with the small eigenvalue.
            valley = np.linalg.eigh(2 * data_X.T @ data_X)[1][:, 0]
            later = p[60] - p[40]  # past the zigzag across the valley (|1 − η·λ_max| ≤ 0.8)
            assert min(angle(later, valley), angle(later, -valley)) < 10
            assert np.linalg.norm(p[60] - star[:2]) > 0.5 * np.linalg.norm(p[0] - star[:2])  # still far: crawling
        else:
            # After scaling it heads for the minimum.
            assert angle(p[1] - p[0], star[:2] - p[0]) < 15
        # The contour drawn is the surface the path walks on, L(w, b*): its gradient on the drawn grid, at the
        # node next to w⁰, is the one computed here at that node (so the first update crosses the drawn contour
        # at right angles).
        g, node = grid_gradient(fig, p[0])
        r_node = y - star[2] - data_X @ np.asarray(node)
        assert angle(g, -2 * data_X.T @ r_node) < 2


def test_the_page_says_where_b_is_held_and_where_the_runs_start():
    at = open_page(PAGE)
    X, y = built_in()
    w0 = start_by_hand(X, y)
    text = "\n".join(md.value for md in at.markdown)
    assert f"same weights w⁰ = ({ui.num(w0[0])}, {ui.num(w0[1])})" in text
    assert "b stays at its least-squares value b*" in text
    A = np.column_stack([X, np.ones(len(y))])
    b_star = np.linalg.solve(A.T @ A, A.T @ y)[2]
    caption = next(c.value for c in at.caption if c.value.startswith("Contours of L"))
    assert f"b* = {ui.num(b_star)} before scaling, b′* = {ui.num(float(np.mean(y)))} after" in caption
