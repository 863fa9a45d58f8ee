"""ui.services: the cached calls into gd_core are plain, bounded st.cache_data / st.cache_resource functions of
one module, and no other module caches; each page's services checked against values worked out here from the
formulas (gradient descent on L = x², the SGD counts, the Taylor series of sin, the round bowl's circle)."""

from __future__ import annotations

import ast
import math
import warnings
from pathlib import Path

import numpy as np
import pytest
import streamlit as st

import ui
from gd_core import data, landscapes
from gd_core.lessons.learning_rates import SWEEP_ETAS

ROOT = Path(__file__).resolve().parents[2]
SERVICES = ROOT / "ui" / "services.py"


def setup_function():
    warnings.filterwarnings("ignore", message=".*No runtime found.*")
    st.cache_data.clear()


def cached_services() -> dict[str, dict[str, str]]:
    """Each function of ui/services.py under st.cache_data or st.cache_resource, with its decorator's keywords."""
    cached = {}
    for node in ast.parse(SERVICES.read_text(encoding="utf-8")).body:
        if isinstance(node, ast.FunctionDef):
            for dec in node.decorator_list:
                if isinstance(dec, ast.Call) and ast.unparse(dec.func) in ("st.cache_data", "st.cache_resource"):
                    cached[node.name] = {k.arg: ast.unparse(k.value) for k in dec.keywords}
    return cached


def test_every_cached_service_is_plain_bounded_and_quiet():
    cached = cached_services()
    assert {"curve_learning_rates", "rate_behaviours", "learning_rate_sweep", "formula_is_quadratic",
            "sgd_comparison", "scaling_comparison", "taylor_polynomials", "circle_step_and_curve", "newton_step",
            "landscape_endings", "slide_curve", "critical_checks", "run_cached", "grid_cached"} <= set(cached)
    assert [name for name, kw in cached.items() if kw.get("max_entries", "None") == "None"] == []
    assert [name for name, kw in cached.items() if kw.get("show_spinner") != "False"] == []


def test_nothing_else_caches():
    """The pages, figures and the other ui modules call ui.services: no cache of their own, no custom wrapper."""
    others = [p for folder in ("pages", "ui", "figures") for p in sorted((ROOT / folder).glob("*.py"))
              if p != SERVICES]
    offenders = [str(p.relative_to(ROOT)) for p in others
                 if any(word in p.read_text(encoding="utf-8") for word in ("cache_data", "cache_resource"))]
    assert offenders == []


def test_the_sweep_on_a_parabola_blows_up_just_past_eta_one():
    # L = x²: xᵗ⁺¹ = (1 − 2η)xᵗ, so L(xⁿ) = (1 − 2η)²ⁿ L(x⁰): above the start exactly when |1 − 2η| > 1, η > 1.
    x0, steps = 1.5, 10
    final, diverged, start, found = ui.learning_rate_sweep("x^2", x0, steps, False)
    assert start == x0**2
    assert found == min(eta for eta in SWEEP_ETAS if eta > 1)
    for eta, loss, gone in zip(SWEEP_ETAS, final, diverged):
        if eta < 1:
            assert not gone and loss == pytest.approx((1 - 2 * eta) ** (2 * steps) * x0**2, rel=1e-9, abs=1e-300)


def test_rate_behaviours_on_a_parabola():
    # η = 0.5 lands on the minimum in one update; η = 5 multiplies x by −9 each update.
    assert ui.rate_behaviours("x^2", (0.5, 5.0), 2.0, 0.0, 20, False) == ["bottom", "blows_up"]


def test_the_parabolas_large_rate_is_two_over_its_curvature():
    # The large rate sends x¹ as far past the minimum as x⁰ was: η = 2(x⁰ − 0)/L′(x⁰) = 2x⁰/2x⁰ = 1 = 2/L″.
    assert ui.curve_learning_rates("x^2", 2.0, 0.0, 20)["large"].eta == 1.0


def test_formula_is_quadratic():
    assert ui.formula_is_quadratic("0.25*x^2 + 3*x - 1")
    assert not ui.formula_is_quadratic("x^2/4 + 2*sqrt(1 + x^2) - 2")


def test_sgd_comparison_counts_updates_and_starts_every_run_at_theta0():
    ds = data.synthetic(12, 0, scales=(1.0,))
    c, win, (ws, bs, Z), order, seen, x_lim = ui.sgd_comparison(ds.X, ds.y, tuple(ds.feature_names),
                                                                 ds.target_name, 0.005, 5, 3, (-1.0, -3.0), 0)
    # n = 12, m = 5: gradient descent 1 update an epoch, SGD 12, mini-batch ⌈12/5⌉ = 3.
    assert [c.fits[k].updates_per_epoch for k in ("gd", "sgd", "minibatch")] == [1, 12, 3]
    assert all(tuple(f.params[0]) == (-1.0, -3.0) for f in c.fits.values())
    assert sorted(order[:12].tolist()) == list(range(12)) and len(order) == 36
    assert seen["gd"].tolist() == [0.0, 1.0, 2.0, 3.0]
    # The window holds θ⁰ and (w*, b*); the grid is L = Σ(ŷⁿ − (b + w xⁿ))² on it.
    (w_lo, w_hi), (b_lo, b_hi) = win
    assert w_lo <= -1.0 <= w_hi and b_lo <= -3.0 <= b_hi and w_lo <= c.theta_star[0] <= w_hi
    i, j = len(ws) // 3, len(bs) // 2
    expected = np.sum((ds.y - (float(bs[j]) + float(ws[i]) * ds.X[:, 0])) ** 2)
    assert float(Z[j, i]) == pytest.approx(expected, rel=1e-5)
    assert x_lim[0] < ds.X[:, 0].min() and x_lim[1] > ds.X[:, 0].max()


def test_scaling_comparison_standardizes_the_features():
    ds = data.synthetic(50, 0, scales=(1.0, 10.0))
    c, drawn, (m, s), (m_after, s_after) = ui.scaling_comparison(ds.X, ds.y, tuple(ds.feature_names),
                                                                 ds.target_name, 0.5, 200, 0.01)
    np.testing.assert_allclose(m, ds.X.mean(axis=0), rtol=1e-12)
    np.testing.assert_allclose(s, ds.X.std(axis=0), rtol=1e-12)
    np.testing.assert_allclose(m_after, [0.0, 0.0], atol=1e-12)
    np.testing.assert_allclose(s_after, [1.0, 1.0], rtol=1e-12)
    for (win, (w1s, w2s, Z)), side in zip(drawn, (c.raw, c.scaled)):
        (x0, x1), (y0, y1) = win
        assert x1 - x0 == pytest.approx(y1 - y0)   # the same scale on both axes
        assert x0 <= side.run.params[0][0] <= x1 and y0 <= side.run.params[0][1] <= y1
        # The grid is L = Σ(ŷ − (b* + w₁x₁ + w₂x₂))² over (w₁, w₂) with b held at the side's b*.
        i, j = len(w1s) // 4, len(w2s) // 3
        X = side.data.X
        expected = np.sum((side.data.y - (side.b + float(w1s[i]) * X[:, 0] + float(w2s[j]) * X[:, 1])) ** 2)
        assert float(Z[j, i]) == pytest.approx(expected, rel=1e-5)


def test_taylor_polynomials_of_sin_at_zero():
    # sin x = x − x³/6 + …: coefficients 0, 1, 0, −1/6.
    tex, x0, h0, coefficients, xs, h, curves = ui.taylor_polynomials("sin(x)", "0", 3, (1, 3), 2.0)
    assert x0 == 0.0 and h0 == 0.0
    assert tex == r"x - \frac{1}{6} x^{3}"   # each term: its coefficient h⁽ᵏ⁾(0)/k!, then (x − 0)ᵏ
    assert [value for _, value in coefficients] == pytest.approx([0.0, 1.0, 0.0, -1 / 6])
    assert xs[0] == pytest.approx(-2.0) and xs[-1] == pytest.approx(2.0)
    x = np.asarray(xs, dtype=float)   # the curves are sent as float32
    np.testing.assert_allclose(h, np.sin(x), atol=1e-6)
    np.testing.assert_allclose(curves[0], x, atol=1e-6)
    np.testing.assert_allclose(curves[1], x - x**3 / 6, atol=1e-6)


def test_circle_step_and_curve_on_the_round_bowl():
    # L = θ₁² + θ₂² from (3, 4), r = 5: θ(d) = (3, 4)(1 − d/5), η = d/10; best at d = 5, no gain past d = 10.
    step, curve = ui.circle_step_and_curve("x^2 + y^2", 3.0, 4.0, 2.0, 12.0)
    np.testing.assert_allclose(step.point, [1.8, 2.4], atol=1e-12)
    assert step.eta == pytest.approx(0.2) and step.actual == pytest.approx(9.0)
    assert curve.d[-1] == 12.0 and len(curve.d) == 601
    assert curve.best_d == pytest.approx(5.0, rel=1e-9) and curve.up_from == pytest.approx(10.0, rel=1e-12)


def test_newton_step_on_a_bowl_lands_on_the_minimum():
    # L = 0.1x² + 2y²: H = diag(0.2, 4), Newton's point (a, b) − H⁻¹∇L = (0, 0), where L = 0.
    quad, newton_loss, sliced = ui.newton_step("0.1*x^2 + 2*y^2", -5.0, -2.0)
    np.testing.assert_allclose(quad.newton_point, [0.0, 0.0], atol=1e-12)
    assert quad.kind == "minimum" and newton_loss == pytest.approx(0.0, abs=1e-24)
    assert sliced.length == pytest.approx(math.hypot(5.0, 2.0))


def test_landscape_endings_of_a_start_on_each_critical_point():
    # Gradient descent from a critical point does not move: ∇L = 0 there.
    land = landscapes.LANDSCAPES["slide"]
    starts = tuple(tuple(float(v) for v in p.theta) for p in land.critical)
    ends = ui.landscape_endings("slide", 0.3, starts, 5)
    assert [e.verdict for e in ends] == [p.kind for p in land.critical]
    assert all(e.flat_since == 0 and e.distance == pytest.approx(0.0, abs=1e-12) for e in ends)


def test_slide_curve_and_critical_checks():
    slide = ui.slide_curve()
    assert {m.kind for m in slide.marks} == {"plateau", "saddle", "local_min", "global_min"}
    checks = ui.critical_checks("slide")
    assert [c.point.kind for c in checks] == [p.kind for p in landscapes.LANDSCAPES["slide"].critical]
    assert all(c.grad_norm < 1e-9 for c in checks)
