"""The SGD page: defaults, every control at its extremes, garbage links, numbers against the formulas.
The loss curves are in two tabs (the link's ``view``): against epochs (open first) and against updates."""

from __future__ import annotations

import math

import numpy as np
import pytest

import ui
from gd_core import data
from tests.apptest_helpers import (
    chart,
    chart_keys,
    charts,
    errors,
    metrics,
    open_by_link,
    open_page,
    open_tab,
    open_tab_label,
    rerun,
    tables,
    trace,
    warnings,
)

PAGE = "pages/5_stochastic_gd.py"
ETA, THETA0, EPOCHS, BATCH = 0.02, (-1.0, -3.0), 5, 5
EPOCHS_TAB, UPDATES_TAB = "Loss against epochs", "Loss against updates"
TAB_CHARTS = {EPOCHS_TAB: ["contour", "loss_epochs", "lines"], UPDATES_TAB: ["contour", "loss_updates", "lines"]}
"""The charts on the page with each tab open: the loss curves are built only in the open one."""


def check_both_views(at) -> None:
    """Each tab of the loss curves in turn, without an error: the page's four charts (the other three
    with each); leaves the first tab open."""
    for label in (UPDATES_TAB, EPOCHS_TAB):
        open_tab(at, "view", label)
        assert not errors(at), (label, errors(at))
        assert chart_keys(at) == TAB_CHARTS[label]


def loss(w, b, x, y):
    """The lecture's L(w, b) = Σₙ (ŷⁿ − (b + w xⁿ))²."""
    return sum((y[n] - (b + w * x[n])) ** 2 for n in range(len(y)))


def gd_by_hand(x, y, eta, steps, theta0=THETA0):
    """θ ← θ − η∇L(θ), ∂L/∂w = −2Σ rⁿxⁿ, ∂L/∂b = −2Σ rⁿ; stops when |θ| leaves 1e8 (returns what it kept)."""
    w, b = theta0
    out = [(w, b)]
    for _ in range(steps):
        r = [y[n] - (b + w * x[n]) for n in range(len(y))]
        w, b = w + 2 * eta * sum(r[n] * x[n] for n in range(len(y))), b + 2 * eta * sum(r)
        if max(abs(w), abs(b)) > 1e8:
            break
        out.append((w, b))
    return np.array(out)


def sgd_by_hand(x, y, eta, epochs, seed, theta0=THETA0):
    """θ ← θ − η∇Lⁿ(θ) for each example, in a new order per epoch from default_rng(seed); also the order."""
    rng = np.random.default_rng(seed)
    w, b = theta0
    out, order = [(w, b)], []
    for _ in range(epochs):
        for n in rng.permutation(len(y)):
            r = y[n] - (b + w * x[n])
            w, b = w + 2 * eta * r * x[n], b + 2 * eta * r
            out.append((w, b))
            order.append(int(n))
    return np.array(out), order


def built_in(n=20, seed=0):
    ds = data.synthetic(n, seed, scales=(1.0,))
    return ds.X[:, 0], ds.y


def table(at, i):
    return tables(at)[i]


def ints(column) -> list[int]:
    """A column of whole numbers, as the table shows them."""
    return [int(v) for v in column]


def test_defaults_show_updates_per_epoch_and_the_first_epoch():
    at = open_page(PAGE)
    assert not errors(at) and not warnings(at)
    n = 20
    assert metrics(at) == {"Gradient descent (m = 20)": "1", "SGD (m = 1)": str(n),
                           "Mini-batch (m = 5)": str(math.ceil(n / BATCH))}
    x, y = built_in()
    gd = gd_by_hand(x, y, ETA, EPOCHS)
    sgd, order = sgd_by_hand(x, y, ETA, EPOCHS, seed=0)
    # The page opens after one epoch: 20 examples seen, GD has made 1 update and SGD 20.
    now = table(at, 0)
    assert ints(now["updates"]) == [1, 4, 20]
    assert now["L(w, b)"][0] == ui.num(loss(*gd[1], x, y))
    assert now["L(w, b)"][2] == ui.num(loss(*sgd[20], x, y))
    assert any(f"SGD's update 20 used example n = {order[19]}:" in m.value for m in at.markdown)
    summary = table(at, 1)
    assert ints(summary["updates per epoch"]) == [1, 4, 20]
    assert ints(summary["updates in 5 epochs"]) == [5, 20, 100]
    assert ints(summary["examples per update"]) == [20, 5, 1]
    assert summary["L after 1 epoch"][0] == ui.num(loss(*gd[1], x, y))
    assert summary["L after 5 epochs"][0] == ui.num(loss(*gd[5], x, y))
    assert summary["L after 1 epoch"][2] == ui.num(loss(*sgd[20], x, y))
    assert summary["L after 5 epochs"][2] == ui.num(loss(*sgd[100], x, y))


def test_paths_on_the_contour_are_the_formulas():
    at = open_page(PAGE)
    x, y = built_in()
    contour = charts(at)[0]
    gd = gd_by_hand(x, y, ETA, EPOCHS)
    sgd, _ = sgd_by_hand(x, y, ETA, EPOCHS, seed=0)
    for name, path in (("GD", gd), ("SGD", sgd)):
        t = trace(contour, name)
        np.testing.assert_allclose(t["x"], path[:, 0], rtol=1e-5, atol=1e-5)
        np.testing.assert_allclose(t["y"], path[:, 1], rtol=1e-5, atol=1e-5)
    assert len(trace(contour, "mini-batch m = 5")["x"]) == EPOCHS * math.ceil(20 / BATCH) + 1
    # The grid: L(w, b) of the lecture at a corner of the window.
    grid = contour["data"][0]
    # The hover shows L itself: from z, or from customdata when z holds log₁₀ L (figures.contour).
    assert ("customdata" in grid) == grid["colorbar"]["title"]["text"].startswith("log₁₀")
    assert grid["z"] is not None
    # Against epochs: the same losses over 5 epochs (SGD's 100 updates at 1/20 epoch each, GD's 5 at 1 each).
    epochs = chart(at, "loss_epochs")
    assert len(trace(epochs, "SGD")["y"]) == 101 and len(trace(epochs, "GD")["y"]) == 6
    # (Charts are sent with 32-bit floats: 7 significant digits.)
    np.testing.assert_allclose(trace(epochs, "GD")["x"], np.arange(6), rtol=1e-7)
    np.testing.assert_allclose(trace(epochs, "SGD")["x"], np.arange(101) / 20, rtol=1e-7)
    # Against updates: SGD has 100 updates, GD 5.
    open_tab(at, "view", UPDATES_TAB)
    updates = chart(at, "loss_updates")
    assert len(trace(updates, "SGD")["y"]) == 101 and len(trace(updates, "GD")["y"]) == 6
    np.testing.assert_allclose(trace(updates, "SGD")["x"], np.arange(101), rtol=1e-9)
    np.testing.assert_allclose(trace(updates, "GD")["y"], [loss(w, b, x, y) for w, b in gd], rtol=1e-5)
    np.testing.assert_allclose(trace(updates, "SGD")["y"], [loss(w, b, x, y) for w, b in sgd], rtol=1e-5)


def test_only_the_open_tab_of_the_loss_curves_is_built():
    at = open_page(PAGE)
    assert open_tab_label(at, "view") == EPOCHS_TAB
    assert chart_keys(at) == TAB_CHARTS[EPOCHS_TAB]
    open_tab(at, "view", UPDATES_TAB)
    assert chart_keys(at) == TAB_CHARTS[UPDATES_TAB]
    open_tab(at, "view", EPOCHS_TAB)
    assert chart_keys(at) == TAB_CHARTS[EPOCHS_TAB]


@pytest.mark.parametrize("label", [EPOCHS_TAB, UPDATES_TAB])
def test_a_link_opens_its_tab(label):
    assert chart_keys(open_by_link(PAGE, "view", label)) == TAB_CHARTS[label]


def test_same_seed_same_run_other_seed_other_order():
    x, y = built_in()
    first = trace(charts(open_page(PAGE, {"seed": "7"}))[0], "SGD")
    again = trace(charts(open_page(PAGE, {"seed": "7"}))[0], "SGD")
    np.testing.assert_array_equal(first["x"], again["x"])
    sgd, _ = sgd_by_hand(x, y, ETA, EPOCHS, seed=7)
    np.testing.assert_allclose(first["x"], sgd[:, 0], rtol=1e-5, atol=1e-5)
    other = charts(open_page(PAGE, {"seed": "8"}))[0]
    assert not np.allclose(trace(other, "SGD")["x"], first["x"])
    np.testing.assert_allclose(trace(other, "GD")["x"], gd_by_hand(x, y, ETA, EPOCHS)[:, 0], rtol=1e-5)


@pytest.mark.parametrize("n", [5, 100])
def test_number_of_examples_extremes(n):
    at = open_page(PAGE)
    at.slider(key="sgd:n").set_value(n)
    rerun(at)
    assert not errors(at)
    shown = metrics(at)
    assert shown["SGD (m = 1)"] == str(n) and shown[f"Gradient descent (m = {n})"] == "1"
    assert shown["Mini-batch (m = 5)"] == str(math.ceil(n / 5))
    if n == 100:
        # L is a sum: with 100 examples gradient descent's largest stable η is about 0.005 < 0.02.
        assert any(w.startswith("Gradient descent") for w in warnings(at)), warnings(at)


@pytest.mark.parametrize("eta", [1e-5, 0.5])
def test_learning_rate_extremes(eta):
    at = open_page(PAGE, {"eta": str(eta)})
    assert not errors(at)
    if eta == 0.5:
        x, y = built_in()
        kept = gd_by_hand(x, y, eta, EPOCHS)
        # fit stops at the first update whose θ leaves ±1e8: that update's index is len(kept).
        assert any(f"Gradient descent diverged at update {len(kept)}" in w for w in warnings(at)), warnings(at)
        # SGD (η above every example's 1/(x² + 1)) bounces around: its loss grows, and the page says so.
        assert any(w.startswith("SGD: the loss grew") or w.startswith("SGD diverged") for w in warnings(at))
        assert any(t == "diverged" for t in table(at, 1)["L after 5 epochs"])
    else:
        assert not warnings(at)


@pytest.mark.parametrize("epochs", [1, 30])
def test_epochs_extremes(epochs):
    at = open_page(PAGE)
    at.slider(key="sgd:epochs").set_value(epochs)
    rerun(at)
    assert not errors(at)
    assert ints(table(at, 1)[f"updates in {epochs} epochs"]) == [epochs, 4 * epochs, 20 * epochs]
    assert len(trace(chart(at, "loss_epochs"), "SGD")["y"]) == 20 * epochs + 1
    open_tab(at, "view", UPDATES_TAB)
    assert not errors(at)
    assert len(trace(chart(at, "loss_updates"), "SGD")["y"]) == 20 * epochs + 1


def test_batch_size_n_is_gradient_descent_and_1_is_sgd():
    at = open_page(PAGE)
    at.slider(key="sgd:batch").set_value(20)
    rerun(at)
    summary = table(at, 1)
    assert summary["L after 5 epochs"][1] == summary["L after 5 epochs"][0]
    assert metrics(at)["Mini-batch (m = 20)"] == "1"
    at.slider(key="sgd:batch").set_value(1)
    rerun(at)
    summary = table(at, 1)
    assert summary["L after 5 epochs"][1] == summary["L after 5 epochs"][2]
    assert metrics(at)["Mini-batch (m = 1)"] == "20"


def test_batch_size_follows_a_smaller_n():
    at = open_page(PAGE)
    at.slider(key="sgd:batch").set_value(20)
    rerun(at)
    at.slider(key="sgd:n").set_value(5)
    rerun(at)
    assert at.slider(key="sgd:batch").value == 5 and not errors(at)
    assert metrics(at)["Mini-batch (m = 5)"] == "1"


@pytest.mark.parametrize(("key", "value"), [("data", 9999), ("seed", 9999), ("w0", -20.0), ("w0", 20.0),
                                            ("b0", -20.0), ("b0", 20.0)])
def test_number_inputs_at_their_extremes(key, value):
    at = open_page(PAGE)
    at.number_input(key=f"sgd:{key}").set_value(value)
    rerun(at)
    assert not errors(at)
    assert chart_keys(at) == TAB_CHARTS[EPOCHS_TAB]
    check_both_views(at)


def test_start_point_is_used():
    at = open_page(PAGE, {"w0": "2", "b0": "1"})
    x, y = built_in()
    assert trace(charts(at)[0], "GD")["x"][0] == 2.0
    assert table(at, 0)["L(w, b)"][0] == ui.num(loss(*gd_by_hand(x, y, ETA, 1, (2.0, 1.0))[1], x, y))


def test_examples_seen_extremes_and_buttons():
    at = open_page(PAGE)
    at.slider(key="sgd:t").set_value(0)
    rerun(at)
    assert ints(table(at, 0)["updates"]) == [0, 0, 0]
    assert any("Before any update" in m.value for m in at.markdown)
    next(b for b in at.button if b.key == "sgd:t:next").click()
    rerun(at)
    assert at.slider(key="sgd:t").value == 1
    assert ints(table(at, 0)["updates"]) == [0, 0, 1]
    at.slider(key="sgd:t").set_value(100)
    rerun(at)
    assert ints(table(at, 0)["updates"]) == [5, 20, 100]
    next(b for b in at.button if b.key == "sgd:t:next").click()
    rerun(at)
    assert at.slider(key="sgd:t").value == 100
    # Fewer epochs: the examples seen follow the shorter run.
    at.slider(key="sgd:epochs").set_value(1)
    rerun(at)
    assert at.slider(key="sgd:t").value == 20 and not errors(at)


def test_examples_seen_after_7_examples():
    at = open_page(PAGE, {"t": "7"})
    assert ints(table(at, 0)["updates"]) == [0, 1, 7]   # ⌊7/20⌋·1, ⌊7/5⌋, 7


@pytest.mark.parametrize("query", [
    {"eta": "abc"}, {"eta": "1e999"}, {"eta": "0.0123"}, {"n": "-3"}, {"n": "1e9"}, {"batch": "999"},
    {"seed": "<script>alert(1)</script>"}, {"epochs": "1.5"}, {"w0": "nan"}, {"b0": "1e400"}, {"t": "1e9"},
    {"data": "x"},
])
def test_garbage_link_values_fall_back_with_a_note(query):
    at = open_page(PAGE, query)
    assert any("cannot be used here" in w for w in warnings(at)), warnings(at)
    assert not errors(at)
    assert chart_keys(at) == TAB_CHARTS[EPOCHS_TAB]
    check_both_views(at)
    assert any("cannot be used here" in w for w in warnings(at)), warnings(at)


def test_changing_a_control_writes_the_link():
    at = open_page(PAGE)
    at.select_slider(key="sgd:eta").set_value(0.01)
    rerun(at)
    assert at.query_params["eta"] in ("0.01", ["0.01"])
    reopened = open_page(PAGE, {"eta": "0.01", "seed": "3", "batch": "2"})
    assert metrics(reopened)["Mini-batch (m = 2)"] == "10" and not warnings(reopened)
