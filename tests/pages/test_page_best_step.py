"""The best-step page: renders, every slider to its extremes, garbage links, and the numbers on
screen against the lecture's formulas computed here (best step = |2ax₀ + b| / 2a, and so on).
Its three tabs (the link's ``part``) each have their own sliders, built only while the tab is open."""

from __future__ import annotations

import math

import numpy as np
import pytest

import ui
from tests.apptest_helpers import (
    chart,
    chart_keys,
    errors,
    latex,
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

PAGE = "pages/4_best_step.py"
DEFAULTS = {"a": 1.0, "b": -2.0, "c": 1.0, "x0": 4.0, "eta": 0.2}
# The page's points on the two slices (w values): a, b on w₁ and c, d on w₂, as on the slide.
SLICE_POINTS = {"a": 3.5, "b": 1.5, "c": 1.0, "d": 0.4}
SLICE_DEFAULTS = {"a1": 0.1, "a2": 2.0}
SAMPLE_DEFAULTS = {"flat": 0.2, "sharp": 2.0, "n": 5, "seed": 0}
BEST, CROSS, ESTIMATE = "① The best step", "② Do not cross parameters", "③ First derivatives estimate the second"
TAB_SLIDERS = {BEST: {"a", "b", "c", "x0"}, CROSS: {"a1", "a2"}, ESTIMATE: {"flat", "sharp", "n", "seed"}}
"""The sliders of each tab (① also has the select slider η)."""
TAB_CHARTS = {BEST: ["best_curve"], CROSS: ["plane", "slices"], ESTIMATE: ["samples", "sample_bars"]}


def tab_of(key: str) -> str:
    """The tab whose widget is bound to the link's ``key``."""
    return next((label for label, keys in TAB_SLIDERS.items() if key in keys), BEST)


def open_part(at, label: str):
    return open_tab(at, "part", label)


def close(shown: str, expected: float) -> bool:
    """A number as the page shows it (4 significant digits) against the exact value."""
    return math.isclose(float(shown), expected, rel_tol=6e-4, abs_tol=1e-12)


def check_best_step_numbers(at, a: float, b: float, x0: float, eta: float) -> None:
    first = 2 * a * x0 + b
    second = 2 * a
    best = abs(2 * a * x0 + b) / (2 * a)
    assert best == pytest.approx(abs(x0 + b / (2 * a)), rel=1e-9, abs=1e-12)  # the slide's two forms
    step = eta * abs(2 * a * x0 + b)
    shown = metrics(at)
    assert close(shown["First derivative"], first), (shown, first)
    assert close(shown["Second derivative"], second), (shown, second)
    assert close(shown["Best step"], best), (shown, best)
    assert close(shown["Gradient step"], step), (shown, step)
    assert ui.tex_num(best) in latex(at)
    assert ui.tex_num(x0 - eta * first) in latex(at)


def table(at, first_column: str):
    frames = [d for d in tables(at) if d.columns[0] == first_column]
    assert len(frames) == 1
    return frames[0]


def check_slice_table(at, a1: float, a2: float) -> None:
    df = table(at, "Point")
    assert len(df) == 4
    for _, row in df.iterrows():
        label = row["Point"][0]
        w = SLICE_POINTS[label]
        a_k = a1 if label in "ab" else a2
        assert close(row["Distance"], abs(w))
        assert close(row["|First|"], abs(2 * a_k * w))
        assert close(row["Second"], 2 * a_k)
        assert close(row["Best step"], abs(2 * a_k * w) / (2 * a_k))


def check_sample_table(at, flat: float, sharp: float, n: int, seed: int) -> None:
    xs = np.random.default_rng(seed).uniform(-3.0, 3.0, n)
    df = table(at, "Curve")
    assert len(df) == 2
    for (_, row), a in zip(df.iterrows(), (flat, sharp)):
        g = 2 * a * xs
        rss = math.sqrt(sum(v * v for v in g))
        assert close(row["√Σ(gⁱ)²"], rss)
        assert close(row["2a"], 2 * a)
        assert close(row["√Σ(gⁱ)² / 2a"], rss / (2 * a))


def test_defaults():
    at = open_page(PAGE)
    assert not errors(at) and not warnings(at)
    assert [t.label for t in at.tabs] == [BEST, CROSS, ESTIMATE]
    assert open_tab_label(at, "part") == BEST
    check_best_step_numbers(at, **{k: DEFAULTS[k] for k in ("a", "b", "x0", "eta")})
    charts_seen = []
    for label in (BEST, CROSS, ESTIMATE):
        if label != BEST:
            open_part(at, label)
        assert not errors(at) and not warnings(at)
        # Only the open tab is built: its charts, its tables and its sliders.
        assert chart_keys(at) == TAB_CHARTS[label]
        charts_seen += chart_keys(at)
        assert {s.key for s in at.slider} == {f"best:{k}" for k in TAB_SLIDERS[label]}
        assert [s.key for s in at.select_slider] == (["best:eta"] if label == BEST else [])
        assert bool(metrics(at)) == (label == BEST)
        assert [d.columns[0] for d in tables(at)] == {BEST: [], CROSS: ["Point"], ESTIMATE: ["Curve"]}[label]
        assert "What to notice" in [h.value for h in at.subheader]
        if label == CROSS:
            check_slice_table(at, **SLICE_DEFAULTS)
            # With the defaults (the elongated bowl 0.1·w₁² + 2·w₂²) a is farther than c but has the smaller
            # derivative.
            assert any("yet its first derivative is smaller" in s.value for s in at.success)
        elif label == ESTIMATE:
            check_sample_table(at, **SAMPLE_DEFAULTS)
    assert len(charts_seen) == 5


@pytest.mark.parametrize("label", [BEST, CROSS, ESTIMATE])
def test_a_link_opens_its_tab(label):
    assert chart_keys(open_by_link(PAGE, "part", label)) == TAB_CHARTS[label]


@pytest.mark.parametrize("garbage", ["④ Nothing", "", "1", "<b>②</b>", "part"])
def test_a_garbage_tab_in_the_link_opens_the_first(garbage):
    at = open_page(PAGE, {"part": garbage})
    assert not errors(at)
    assert open_tab_label(at, "part") == BEST
    assert chart_keys(at) == TAB_CHARTS[BEST]
    check_best_step_numbers(at, **{k: DEFAULTS[k] for k in ("a", "b", "x0", "eta")})


@pytest.mark.parametrize(
    "query",
    [
        {"a": "0.1", "b": "10", "c": "-10", "x0": "-10", "eta": "3"},   # a at its smallest, x¹ far off the plot
        {"a": "5", "b": "-10", "x0": "10", "eta": "0.001"},
        {"a": "2", "b": "4", "x0": "-1", "eta": "0.25"},                  # x₀ at the minimum: all steps 0
        {"a": "1", "b": "-2", "x0": "4", "eta": "0.5"},                   # η = 1/2a: the best step
        {"a": "0.3", "b": "2.5", "x0": "7.3", "eta": "0.7"},
        {"a": "3", "b": "-10", "x0": "3", "eta": "1"},                    # x¹ jumps past the minimum, off the plot
    ],
)
def test_numbers_match_the_formula(query):
    at = open_page(PAGE, query)
    assert not errors(at)
    assert not [w for w in warnings(at) if "cannot be used" in w]
    a, b, x0, eta = (float(query[k]) for k in ("a", "b", "x0", "eta"))
    check_best_step_numbers(at, a, b, x0, eta)
    if 2 * a * x0 + b == 0:
        assert any("already at the minimum" in i.value for i in at.info)
    elif math.isclose(eta, 1 / (2 * a)):
        assert any("is the best step" in s.value for s in at.success)
    elif eta * abs(2 * a * x0 + b) > abs(2 * a * x0 + b) / (2 * a):
        assert any("jumps past the minimum" in w for w in warnings(at))
    else:
        assert any("stops short of the minimum" in i.value for i in at.info)


def test_every_slider_to_its_extremes():
    at = open_page(PAGE)
    sliders = {}
    for label in (BEST, CROSS, ESTIMATE):
        open_part(at, label)
        on_tab = {s.key: (s.min, s.max) for s in at.slider}
        sliders.update(on_tab)
        for key, (lo, hi) in on_tab.items():
            for value in (lo, hi):
                at.slider(key=key).set_value(value)
                rerun(at)
                assert not errors(at), (key, value)
            at.slider(key=key).set_value(hi)
        rerun(at)
    assert set(sliders) == {f"best:{k}" for k in ("a", "b", "c", "x0", "a1", "a2", "flat", "sharp", "n", "seed")}
    # All at their largest now (each tab keeps its sliders while closed): check the numbers there, then all at
    # their smallest (a = 0.1 included).
    open_part(at, BEST)
    check_best_step_numbers(at, 5.0, 10.0, 10.0, 0.2)
    open_part(at, CROSS)
    check_slice_table(at, 5.0, 5.0)
    open_part(at, ESTIMATE)
    check_sample_table(at, 0.9, 5.0, 20, 50)
    open_part(at, BEST)
    for key in TAB_SLIDERS[BEST]:
        at.slider(key=f"best:{key}").set_value(sliders[f"best:{key}"][0])
    for value in (ui.LR_OPTIONS[0], ui.LR_OPTIONS[-1]):
        at.select_slider(key="best:eta").set_value(value)
        rerun(at)
        assert not errors(at)
        check_best_step_numbers(at, 0.1, -10.0, -10.0, value)
    for label in (CROSS, ESTIMATE):
        open_part(at, label)
        for key in TAB_SLIDERS[label]:
            at.slider(key=f"best:{key}").set_value(sliders[f"best:{key}"][0])
        rerun(at)
        assert not errors(at)
    check_sample_table(at, 0.05, 1.1, 1, 0)
    open_part(at, CROSS)
    check_slice_table(at, 0.05, 0.05)
    # Equal curvatures: the first derivatives order the points like their distances.
    assert any("larger first derivative too" in i.value for i in at.info)
    open_part(at, BEST)
    check_best_step_numbers(at, 0.1, -10.0, -10.0, ui.LR_OPTIONS[-1])


@pytest.mark.parametrize(
    "query",
    [
        {"a": "-1"}, {"a": "0"}, {"a": "abc"}, {"x0": "1e999"}, {"b": "nan"}, {"eta": "7"}, {"eta": "<script>"},
        {"a1": "inf"}, {"sharp": "0.5"}, {"n": "0"}, {"n": "2.5"}, {"seed": "-3"},
    ],
)
def test_garbage_link_values_fall_back_with_a_note(query):
    # The link opens the tab with the slider (a slider on a closed tab does not read the link yet).
    (key,) = query
    at = open_page(PAGE, {**query, "part": tab_of(key)})
    assert not errors(at)
    notes = warnings(at)
    assert len(notes) == 1 and "cannot be used here" in notes[0], notes
    for label in (BEST, CROSS, ESTIMATE):
        open_part(at, label)
        assert not errors(at)
        assert warnings(at) == notes  # the note stays, once
        if label == BEST:
            check_best_step_numbers(at, **{k: DEFAULTS[k] for k in ("a", "b", "x0", "eta")})
        elif label == CROSS:
            check_slice_table(at, **SLICE_DEFAULTS)
        else:
            check_sample_table(at, **SAMPLE_DEFAULTS)


@pytest.mark.parametrize(("query", "label"), [({"a1": "inf"}, CROSS), ({"sharp": "0.5"}, ESTIMATE),
                                              ({"seed": "-3"}, ESTIMATE)])
def test_a_garbage_link_value_on_a_closed_tab_is_noted_when_the_tab_opens(query, label):
    at = open_page(PAGE, query)
    assert not errors(at) and not warnings(at)
    assert open_tab_label(at, "part") == BEST
    open_part(at, label)
    notes = warnings(at)
    assert len(notes) == 1 and "cannot be used here" in notes[0], notes
    if label == CROSS:
        check_slice_table(at, **SLICE_DEFAULTS)
    else:
        check_sample_table(at, **SAMPLE_DEFAULTS)


def test_link_values_are_used_and_written_back():
    def param(key):
        value = at.query_params.get(key)
        return value[-1] if isinstance(value, list) else value

    at = open_page(PAGE, {"a": "0.5", "a1": "3", "n": "12", "seed": "7"})
    assert not warnings(at)
    assert at.slider(key="best:a").value == 0.5
    check_best_step_numbers(at, 0.5, -2.0, 4.0, 0.2)
    open_part(at, CROSS)
    assert not warnings(at)
    check_slice_table(at, 3.0, 2.0)
    open_part(at, ESTIMATE)
    assert not warnings(at)
    check_sample_table(at, 0.2, 2.0, 12, 7)
    open_part(at, BEST)
    at.slider(key="best:x0").set_value(-3.0)
    rerun(at)
    assert param("x0") == "-3"
    # The other tabs' values stay in the link while their tabs are closed.
    assert (param("a"), param("a1"), param("n"), param("seed")) == ("0.5", "3", "12", "7")
    open_part(at, ESTIMATE)
    check_sample_table(at, 0.2, 2.0, 12, 7)


@pytest.mark.parametrize(("a1", "a2"), [(0.1, 2.0), (1.3, 0.45)])
def test_the_contour_the_slices_come_from_is_drawn_beside_them_to_scale(a1, a2):
    at = open_page(PAGE, {"part": "cross", "a1": str(a1), "a2": str(a2)})
    assert chart_keys(at) == ["plane", "slices"]
    fig = chart(at, "plane")
    contour = fig["data"][0]
    w1, w2 = contour["x"].astype(float), contour["y"].astype(float)
    z = np.asarray(contour["z"], dtype=float).reshape(w2.size, w1.size)
    np.testing.assert_allclose(z, a1 * w1[None, :] ** 2 + a2 * w2[:, None] ** 2, rtol=1e-5, atol=1e-6)
    assert fig["layout"]["yaxis"]["scaleanchor"] == "x" and fig["layout"]["yaxis"]["scaleratio"] == 1
    # The slice lines: the w₁ slice is w₂ = 0, the w₂ slice is w₁ = 0, across the whole window.
    along_w1 = trace(fig, "w₁ slice (w₂ = 0)")
    along_w2 = trace(fig, "w₂ slice (w₁ = 0)")
    assert list(along_w1["y"]) == [0.0, 0.0] and list(along_w1["x"]) == pytest.approx([w1[0], w1[-1]], rel=1e-6)
    assert list(along_w2["x"]) == [0.0, 0.0] and list(along_w2["y"]) == pytest.approx([w2[0], w2[-1]], rel=1e-6)
    # a, b on the w₁ line and c, d on the w₂ line, where the slices have them.
    shown = {t["text"][0]: (float(t["x"][0]), float(t["y"][0])) for t in fig["data"] if t.get("mode") == "markers+text"}
    assert shown == {"<b>a</b>": (3.5, 0.0), "<b>b</b>": (1.5, 0.0), "<b>c</b>": (0.0, 1.0), "<b>d</b>": (0.0, 0.4)}
    slices = chart(at, "slices")
    points = [t for t in slices["data"] if t.get("mode") == "markers+text"]
    assert [list(t["x"]) for t in points] == [[3.5, 1.5], [1.0, 0.4]]
