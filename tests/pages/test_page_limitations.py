"""The limitations page: gradient descent from four starts on the plateau / saddle / minima landscape.
Defaults, every control at its extremes, garbage links, and the numbers on screen against gradient
descent traced here with the gradient written by hand."""

from __future__ import annotations

import numpy as np
import pytest

import ui
from tests.apptest_helpers import (
    _array,
    chart,
    chart_keys,
    charts,
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

PAGE = "pages/8_more_limitations.py"
MAP, SURFACE = "The paths on the loss contours", "3-D surface"
"""The paths' tabs (ui.views, the link's ``view``): only the open one is built."""
TAB_CHARTS = {MAP: ["slide", "map", "grad_norms", "losses"], SURFACE: ["slide", "surface", "grad_norms", "losses"]}
STARTS = {"plateau": (-4.5, 0.5), "saddle": (-2.5, 0.0), "local_min": (-2.0, 1.5), "global_min": (-2.0, -0.8)}
NAMES = ["1 · on the plateau", "2 · towards the saddle point", "3 · into the local minimum",
         "4 · to the global minimum"]


def grad(theta):
    """∇L of L = 2 + e^{−θ₁²/2}((3θ₂⁴ + 4θ₂³ − 12θ₂²)/32 − 1), by hand."""
    t1, t2 = theta[..., 0], theta[..., 1]
    G = np.exp(-t1**2 / 2)
    Q = (3 * t2**4 + 4 * t2**3 - 12 * t2**2) / 32
    return np.stack([-t1 * G * (Q - 1), G * (12 * t2**3 + 12 * t2**2 - 24 * t2) / 32], axis=-1)


def loss(theta):
    t1, t2 = theta[..., 0], theta[..., 1]
    return 2 + np.exp(-t1**2 / 2) * ((3 * t2**4 + 4 * t2**3 - 12 * t2**2) / 32 - 1)


def descend(starts, eta, steps):
    """θᵗ for every start, shape (steps + 1, B, 2)."""
    out = [np.asarray(starts, dtype=float)]
    for _ in range(steps):
        out.append(out[-1] - eta * grad(out[-1]))
    return np.array(out)


def table(at):
    return tables(at)[0]


def test_defaults_stop_where_the_lecture_says():
    at = open_page(PAGE)
    assert not errors(at) and not warnings(at)
    df = table(at)
    assert list(df.index) == NAMES
    where = list(df["Where it stopped"])
    assert where[0].startswith("very slow at the plateau: ∂L/∂w ≈ 0")
    assert where[1].startswith("stuck at a saddle point: ∂L/∂w ≈ 0")
    assert where[2].startswith("stuck at a local minimum: ∂L/∂w ≈ 0")
    assert where[3].startswith("the global minimum: ∂L/∂w ≈ 0")
    assert list(df["Nearest critical point"].str.split(" \\(").str[0]) == [
        "local minimum", "saddle point", "local minimum", "global minimum"]
    assert "\\approx" in latex(at)


def test_numbers_on_screen_equal_gradient_descent_by_hand():
    at = open_page(PAGE)
    paths = descend(list(STARTS.values()), 0.3, 200)
    final = paths[-1]
    df = table(at)
    for k, name in enumerate(NAMES):
        row = df.loc[name]
        assert row["θ after the last update"] == f"({ui.num(final[k, 0], 3)}, {ui.num(final[k, 1], 3)})"
        assert row["L"] == ui.num(loss(final[k]))
        assert row["‖∇L‖"] == ui.num(float(np.linalg.norm(grad(final[k]))), 2)
    # The saddle start's "since update": the first t from which ‖∇L(θᵗ)‖ ≤ 10⁻³ for good.
    norms = np.linalg.norm(grad(paths[:, 1]), axis=-1)
    since = int(np.nonzero(norms > 1e-3)[0][-1] + 1)
    assert df.loc[NAMES[1], "Where it stopped"].endswith(f"since update {since}")
    figs = charts(at)
    grad_fig = next(f for f in figs if f["layout"]["title"]["text"].startswith("‖∇L"))
    for k, name in enumerate(NAMES):
        shown = trace(grad_fig, name)["y"]
        expected = np.maximum(np.linalg.norm(grad(paths[:, k]), axis=-1), 1e-16)
        np.testing.assert_allclose(shown, expected, rtol=1e-5)
    map_fig = chart(at, "map")
    np.testing.assert_allclose(trace(map_fig, NAMES[2])["x"], paths[:, 2, 0], rtol=1e-5, atol=1e-6)


def test_the_hessian_table_shows_a_negative_eigenvalue_only_at_the_saddle():
    at = open_page(PAGE)
    df = tables(at)[1]
    # Hessian at (0, θ₂*) = diag(1 − Q(θ₂*), Q″(θ₂*)), Q″ = (9θ₂² + 6θ₂ − 6)/8, by hand:
    expected = {"saddle point": (-0.75, 1.0), "local minimum": (9 / 8, 37 / 32), "global minimum": (2.0, 9 / 4)}
    for point, (a, b) in expected.items():
        assert df.loc[point, "Hessian eigenvalues"] == f"{ui.num(a)}, {ui.num(b)}"
    assert df.loc["saddle point", "The Hessian says"].startswith("a saddle point")
    assert df.loc["local minimum", "The Hessian says"].startswith("a minimum")


@pytest.mark.parametrize("eta", [ui.LR_OPTIONS[0], ui.LR_OPTIONS[-1]])
@pytest.mark.parametrize("steps", [1, 3000])
def test_rate_and_updates_at_their_extremes(eta, steps):
    at = open_page(PAGE)
    at.select_slider(key="limits:eta").set_value(eta)
    at.slider(key="limits:steps").set_value(steps)
    rerun(at)
    assert not errors(at)
    assert len(table(at)) == 4
    paths = descend(list(STARTS.values()), eta, steps)
    for k, name in enumerate(NAMES):
        assert table(at).loc[name, "L"] == ui.num(loss(paths[-1, k]))


def test_each_start_can_be_every_choice_or_off():
    at = open_page(PAGE)
    for choice in ("saddle", "local_min", "global_min", "custom", "off"):
        at.selectbox(key="limits:s1").set_value(choice)
        rerun(at)
        assert not errors(at)
        n = len(table(at))
        assert n == (3 if choice == "off" else 4)
    for i in (2, 3, 4):
        at.selectbox(key=f"limits:s{i}").set_value("off")
    rerun(at)
    assert any("at least one start" in m.value for m in at.info)
    assert len(tables(at)) == 1 and "Hessian eigenvalues" in tables(at)[0].columns  # only the Hessian's
    assert "What to notice" in [h.value for h in at.subheader]


@pytest.mark.parametrize("value", [-10.0, 10.0])
def test_custom_start_at_the_edges(value):
    at = open_page(PAGE, {"s1": "custom"})
    at.number_input(key="limits:x1").set_value(value)
    at.number_input(key="limits:y1").set_value(value)
    rerun(at)
    assert not errors(at)
    df = table(at)
    assert df.index[0] == "1 · my point"
    final = descend([(value, value)], 0.3, 200)[-1, 0]
    assert df.iloc[0]["θ after the last update"] == f"({ui.num(final[0], 3)}, {ui.num(final[1], 3)})"


def test_a_push_off_the_saddle_line_from_the_link():
    at = open_page(PAGE, {"s2": "custom", "x2": "-2.5", "y2": "0.000001", "steps": "300"})
    assert not errors(at) and not warnings(at)
    assert table(at).loc["2 · my point", "Where it stopped"].startswith("stuck at a local minimum")


def test_a_large_rate_can_throw_a_run_onto_the_plateau():
    at = open_page(PAGE, {"eta": "2"})
    df = table(at)
    assert df.loc[NAMES[3], "Where it stopped"].startswith("very slow at the plateau")


@pytest.mark.parametrize("query", [{"eta": "abc"}, {"steps": "1e999"}, {"s1": "<script>"}, {"eta": "nan"},
                                   {"s3": "custom", "x3": "inf"}, {"steps": "-4"}])
def test_garbage_link_values_fall_back_with_a_note(query):
    at = open_page(PAGE, query)
    assert any("cannot be used here" in w for w in warnings(at))
    assert not errors(at)
    assert len(table(at)) == 4


# --- the paths' tabs: only the open one is built ----------------------------------------------------

def test_only_the_open_tab_is_built_and_the_surface_has_the_paths():
    at = open_page(PAGE)
    assert open_tab_label(at, "view") == MAP
    assert chart_keys(at) == TAB_CHARTS[MAP]
    open_tab(at, "view", SURFACE)
    assert not errors(at) and not warnings(at)
    assert chart_keys(at) == TAB_CHARTS[SURFACE]
    paths = descend(list(STARTS.values()), 0.3, 200)
    surface = chart(at, "surface")
    for k, name in enumerate(NAMES):
        shown = trace(surface, name)
        np.testing.assert_allclose(shown["x"], paths[:, k, 0], rtol=1e-5, atol=1e-6)
        # Each point drawn just above the surface, by one same lift; L itself in the hover.
        np.testing.assert_allclose(_array(shown["customdata"]), loss(paths[:, k]), rtol=1e-5, atol=1e-6)
        lift = shown["z"] - loss(paths[:, k])
        assert np.all(lift > 0) and np.ptp(lift) < 1e-3 * lift[0], lift
    assert len(table(at)) == 4  # the table is under the tabs: there with either
    open_tab(at, "view", MAP)
    assert chart_keys(at) == TAB_CHARTS[MAP]


@pytest.mark.parametrize("label", [MAP, SURFACE])
def test_a_link_opens_its_tab(label):
    assert chart_keys(open_by_link(PAGE, "view", label)) == TAB_CHARTS[label]


def test_the_slides_1d_picture_marks_the_three_places_in_the_slides_words():
    at = open_page(PAGE)
    fig = chart(at, "slide")
    curve = fig["data"][0]
    w = curve["x"].astype(float)
    # L(w) = Q(log(1 + eʷ)), Q′(z) = (z − ½)²(z − 3/2)(z − 11/5)(z − 16/5), Q(16/5) = 0: integrate Q′ by hand
    # (its antiderivative, expanded) and compare with what is drawn.
    r = (0.5, 1.5, 2.2, 3.2)
    coeffs = np.poly1d(np.poly([r[0], r[0], r[1], r[2], r[3]])).integ()
    z = np.log1p(np.exp(w))
    np.testing.assert_allclose(curve["y"], coeffs(z) - coeffs(r[3]), rtol=1e-5, atol=1e-5)
    marks = {t["name"]: (float(t["x"][0]), float(t["y"][0])) for t in fig["data"][1:]}
    words = {
        "very slow at the plateau<br>∂L/∂w ≈ 0": None,
        "stuck at saddle point<br>∂L/∂w = 0": r[0],
        "stuck at local minima<br>∂L/∂w = 0": r[1],
        "global minimum<br>∂L/∂w = 0": r[3],
    }
    assert set(marks) == set(words)
    for name, root in words.items():
        mw, ml = marks[name]
        if root is not None:  # Q′(z) = 0 there: w = log(e^z − 1)
            assert mw == pytest.approx(np.log(np.expm1(root)), rel=1e-6)
        assert ml == pytest.approx(coeffs(np.log1p(np.exp(mw))) - coeffs(r[3]), abs=1e-5)
    texts = [a["text"] for a in fig["layout"]["annotations"]]
    assert all(name in texts for name in words)
