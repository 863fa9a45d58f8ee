"""ui.services: the cached calls into gd_core are plain, bounded st.cache_data / st.cache_resource functions
of one module; the learning-rate page's, checked against gradient descent on L = x² worked out here."""

from __future__ import annotations

import ast
import warnings
from pathlib import Path

import pytest
import streamlit as st

import ui
from gd_core.learning_rates import SWEEP_ETAS

SERVICES = Path(__file__).resolve().parents[1] / "ui" / "services.py"


def setup_function():
    warnings.filterwarnings("ignore", message=".*No runtime found.*")
    st.cache_data.clear()


def test_every_cached_service_is_plain_and_bounded():
    tree = ast.parse(SERVICES.read_text(encoding="utf-8"))
    cached = {}
    for node in tree.body:
        if isinstance(node, ast.FunctionDef):
            for dec in node.decorator_list:
                if isinstance(dec, ast.Call) and ast.unparse(dec.func) in ("st.cache_data", "st.cache_resource"):
                    cached[node.name] = {k.arg: ast.unparse(k.value) for k in dec.keywords}
    assert {"curve_learning_rates", "rate_behaviours", "learning_rate_sweep", "formula_is_quadratic"} <= set(cached)
    unbounded = [name for name, kw in cached.items() if kw.get("max_entries", "None") == "None"]
    assert not unbounded


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
