"""The playground: a typed loss with its gradient and Hessian, the race, the share link."""

from __future__ import annotations

import math

import pytest

import ui
from tests.apptest_helpers import (
    chart,
    chart_keys,
    errors,
    latex,
    open_by_link,
    open_page,
    open_tab,
    open_tab_label,
    rerun,
    tables,
    trace,
    warnings,
)

PAGE = "pages/10_optimizer_playground.py"
CONTOUR, SURFACE = "Contour", "3-D surface"
"""The race's tabs (ui.race_view with surface=True, the link's ``view``): only the open one is built."""
RACERS = ["Gradient descent", "Momentum", "Adagrad", "RMSProp", "Adam"]


def table_rows(at):
    frame = tables(at)[0]
    return {name: frame.loc[name] for name in frame.index}


def test_defaults_show_the_formula_its_derivatives_and_the_race():
    at = open_page(PAGE)
    assert not errors(at)
    text = latex(at)
    # L = x² + 3y² + xy − sin 2x: ∇L = (2x + y − 2cos 2x, x + 6y), ∇²L = [[2 + 4 sin 2x, 1], [1, 6]]
    assert r"2 \cos{\left(2 x \right)}" in text and "x + 6 y" in text
    assert r"4 \sin{\left(2 x \right)}" in text
    # The paths on the contour and the losses; the 3-D surface is built once its tab is open.
    assert open_tab_label(at, "view") == CONTOUR
    assert chart_keys(at) == ["paths", "losses"]
    open_tab(at, "view", SURFACE)
    assert not errors(at)
    assert chart_keys(at) == ["surface", "losses"]
    surface = chart(at, "surface")
    assert surface["data"][0]["type"] == "surface"
    for name in RACERS:
        assert len(trace(surface, name)["x"]) == len(trace(chart(at, "losses"), name)["y"])
    open_tab(at, "view", CONTOUR)
    assert chart_keys(at) == ["paths", "losses"]


@pytest.mark.parametrize(("label", "keys"), [(CONTOUR, ["paths", "losses"]), (SURFACE, ["surface", "losses"])])
def test_a_link_opens_its_tab(label, keys):
    assert chart_keys(open_by_link(PAGE, "view", label)) == keys


def test_first_updates_follow_each_rule():
    at = open_page(PAGE)
    x, y = -4.0, 3.0  # the typed formula's default start: (−0.8·5, 0.6·5)
    g = (2 * x + y - 2 * math.cos(2 * x), x + 6 * y)
    rows = table_rows(at)
    first = "First update θ¹ − θ⁰"
    # gradient descent and momentum: −η g⁰ with η = 0.05
    expected_gd = f"({ui.num(-0.05 * g[0])}, {ui.num(-0.05 * g[1])})"
    assert rows["Gradient descent"][first] == expected_gd
    assert rows["Momentum"][first] == expected_gd
    # Adagrad: −η g⁰/|g⁰| = −η·sign(g⁰) with η = 0.5; Adam with η = 0.1
    assert rows["Adagrad"][first] == f"({ui.num(0.5)}, {ui.num(-0.5)})"
    assert rows["Adam"][first] == f"({ui.num(0.1)}, {ui.num(-0.1)})"


@pytest.mark.parametrize("racer", ["gd", "mom", "ada", "rms", "adam"])
def test_each_racer_can_be_switched_off(racer):
    at = open_page(PAGE, {racer: "0"})
    assert not errors(at)
    assert len(table_rows(at)) == 4


def test_all_racers_off_says_what_to_do():
    at = open_page(PAGE, {k: "0" for k in ("gd", "mom", "ada", "rms", "adam")})
    assert any("at least one optimizer" in i.value for i in at.info)


@pytest.mark.parametrize("formula", ["x +", "import os", "y^1000", "exp(exp(exp(x)))"])
def test_bad_or_wild_formulas_never_crash(formula):
    at = open_page(PAGE)
    at.text_input(key="play:f").set_value(formula)
    rerun(at)
    if formula in ("x +", "import os", "y^1000"):
        assert errors(at)
    at.text_input(key="play:f").set_value("x^2 + y^2")
    rerun(at)
    assert not errors(at)
    assert "2 x" in latex(at)


def test_share_link_holds_the_settings():
    at = open_page(PAGE, {"eta_gd": "0.1", "steps": "50", "f": "x^2 + y^2"})
    link = "\n".join(c.value for c in at.code)
    assert "eta_gd=0.1" in link and "steps=50" in link and "f=x%5E2+%2B+y%5E2" in link


@pytest.mark.parametrize("query", [{"eta_gd": "-1"}, {"steps": "1e9"}, {"beta": "2"}, {"target": "x"},
                                   {"f": "\x00"}, {"gd": "perhaps"}])
def test_garbage_link_values_fall_back_with_a_note(query):
    at = open_page(PAGE, query)
    assert any("cannot be used here" in w for w in warnings(at))
    assert not errors(at)


@pytest.mark.parametrize("steps", [1, ui.RACE_MAX_UPDATES])
def test_update_count_extremes(steps):
    at = open_page(PAGE, {"steps": str(steps)})
    assert not errors(at)
