"""The step-by-step page: defaults, every control, bad formulas, garbage links, numbers against the formula."""

from __future__ import annotations

import numpy as np
import pytest

import ui
from tests.apptest_helpers import (
    _array,
    assert_to_scale,
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
    trace,
    warnings,
)

PAGE = "pages/1_step_by_step.py"
STEP, PLAY, SURFACE = "Step by step", "▶ Play", "3-D surface"
"""The figure's tabs (ui.views, the link's ``view``): only the open one is built."""
TAB_CHARTS = {STEP: ["contour"], PLAY: ["play"], SURFACE: ["surface"]}


def elongated_gd(eta: float, t: int, start=(-5.0, -2.0)):
    """Closed form of GD on 0.1x² + 2y²: each coordinate shrinks by (1 − 2aη) per update."""
    x = (1 - 0.2 * eta) ** t * start[0]
    y = (1 - 4.0 * eta) ** t * start[1]
    return x, y


def loss(x, y):
    return 0.1 * x * x + 2 * y * y


def test_defaults_show_the_first_update_with_its_numbers():
    at = open_page(PAGE)
    assert not errors(at)
    text = latex(at)
    # θ⁰ = (−5, −2), ∇L(θ⁰) = (0.2·−5, 4·−2) = (−1, −8), θ¹ = θ⁰ − 0.1∇L = (−4.9, −1.2)
    for value in ("-5", "-2", "-1", "-8", "-4.9", "-1.2", "0.1"):
        assert value in text, value
    shown = metrics(at)
    assert shown["L(θᵗ), before"] == ui.num(loss(-5, -2))  # 10.5
    assert shown["L(θᵗ⁺¹), after"] == ui.num(loss(-4.9, -1.2))  # 5.281
    assert len(at.get("plotly_chart")) >= 1


@pytest.mark.parametrize("t", [3, 19])
def test_selected_update_matches_the_closed_form(t):
    at = open_page(PAGE)
    at.slider(key="step:t").set_value(t)
    rerun(at)
    before, after = elongated_gd(0.1, t), elongated_gd(0.1, t + 1)
    text = latex(at)
    for value in (*before, *after):
        assert ui.tex_num(value) in text, (value, text)
    shown = metrics(at)
    assert shown["L(θᵗ), before"] == ui.num(loss(*before))
    assert shown["L(θᵗ⁺¹), after"] == ui.num(loss(*after))


def test_previous_and_next_buttons_move_the_step():
    at = open_page(PAGE)
    next_button = next(b for b in at.button if b.key == "step:t:next")
    next_button.click()
    rerun(at)
    assert at.slider(key="step:t").value == 1
    next(b for b in at.button if b.key == "step:t:prev").click()
    rerun(at)
    assert at.slider(key="step:t").value == 0
    # ◀ at 0 stays at 0
    next(b for b in at.button if b.key == "step:t:prev").click()
    rerun(at)
    assert at.slider(key="step:t").value == 0


@pytest.mark.parametrize("eta", [ui.LR_OPTIONS[0], 0.45, ui.LR_OPTIONS[-1]])
def test_learning_rate_extremes(eta):
    at = open_page(PAGE)
    at.select_slider(key="step:eta").set_value(eta)
    rerun(at)
    assert not errors(at)
    diverged = any("Diverged at update" in w for w in warnings(at))
    # On 0.1x² + 2y² gradient descent diverges exactly when η > 2/4 = 0.5.
    assert diverged == (eta > 0.5)


def test_divergence_says_at_which_update():
    at = open_page(PAGE, {"eta": "3"})
    # |1 − 4·3| = 11 per update on θ₂ from 2: it passes 1e8 once 2·11ᵗ > 1e8, at t = 8.
    t = next(k for k in range(100) if 2 * 11**k > 1e8)
    assert any(f"Diverged at update {t}" in w for w in warnings(at))
    assert len(at.get("plotly_chart")) >= 1


@pytest.mark.parametrize("steps", [1, 100])
def test_number_of_updates_extremes(steps):
    at = open_page(PAGE)
    at.slider(key="step:steps").set_value(steps)
    rerun(at)
    assert not errors(at)


@pytest.mark.parametrize("preset", ["bowl", "elongated", "rosenbrock", "himmelblau", "saddle", "plateau",
                                    "two_minima"])
def test_every_preset_renders(preset):
    at = open_page(PAGE, {"loss": preset})
    assert not errors(at)
    assert len(at.get("plotly_chart")) >= 1


def test_typed_formula_shows_its_gradient():
    at = open_page(PAGE, {"loss": "custom", "f": "x^2 + 3*y^2"})
    assert not errors(at)
    text = latex(at)
    assert "2 x" in text and "6 y" in text


@pytest.mark.parametrize(("formula", "fragment"), [
    ("x +", "could not read"),
    ("__import__('os').system('ls')", "not allowed"),
    ("__import__('os')", "unknown function"),
    ("z^2", "unknown name 'z'"),
    ("x" * 400, "too long"),
])
def test_bad_formula_is_explained_and_the_page_keeps_working(formula, fragment):
    at = open_page(PAGE, {"loss": "custom"})
    at.text_input(key="step:f").set_value(formula[:300])
    rerun(at)
    if len(formula) <= 300:
        assert any(fragment in e for e in errors(at)), errors(at)
    # The sidebar still works: pick a preset again and the chart is back.
    at.selectbox(key="step:loss").set_value("bowl")
    rerun(at)
    assert not errors(at)
    assert len(at.get("plotly_chart")) >= 1


def test_start_outside_the_domain_is_an_error_not_a_crash():
    at = open_page(PAGE, {"loss": "custom", "f": "log(x) + y^2", "x0": "-2"})
    assert any("start point" in e for e in errors(at))


@pytest.mark.parametrize("query", [
    {"eta": "abc"},
    {"eta": "1e999"},
    {"eta": "0.123456"},
    {"steps": "-4"},
    {"steps": "9999"},
    {"x0": "nan"},
    {"loss": "<script>alert(1)</script>"},
    {"t": "77"},
])
def test_garbage_link_values_fall_back_with_a_note(query):
    at = open_page(PAGE, query)
    notes = warnings(at)
    key = next(iter(query))
    if key == "t":
        # t is only checked against the run's length: 77 > 19 updates → back to 0 with the note.
        assert at.slider(key="step:t").value == 0
    assert any("cannot be used here" in n for n in notes), notes
    if "<script>" in "".join(notes):
        # Shown only inside a code span: Markdown prints it as text, it never becomes HTML.
        assert "`<script>alert(1)</script>`" in "".join(notes)
    assert not errors(at)


def test_a_shared_link_opens_the_same_settings():
    at = open_page(PAGE, {"eta": "0.2", "steps": "30", "t": "5", "loss": "bowl", "x0": "1.5", "y0": "-1"})
    assert at.select_slider(key="step:eta").value == 0.2
    assert at.slider(key="step:steps").value == 30
    assert at.slider(key="step:t").value == 5
    # On x² + y², each update multiplies θ by (1 − 2η) = 0.6.
    x5, y5 = 1.5 * 0.6**5, -1 * 0.6**5
    assert ui.tex_num(x5) in latex(at) and ui.tex_num(y5) in latex(at)
    assert not warnings(at)


def test_changing_a_control_writes_the_link():
    at = open_page(PAGE)
    at.select_slider(key="step:eta").set_value(0.2)
    rerun(at)
    assert at.query_params["eta"] == ["0.2"] or at.query_params["eta"] == "0.2"
    at.select_slider(key="step:eta").set_value(0.1)
    rerun(at)
    assert "eta" not in at.query_params  # the default is not written


# --- the figure's tabs: only the open one is built ---------------------------------------------------

def test_only_the_open_tab_is_built():
    at = open_page(PAGE)
    assert [t.label for t in at.tabs] == [STEP, PLAY, SURFACE]
    assert open_tab_label(at, "view") == STEP
    assert chart_keys(at) == TAB_CHARTS[STEP]
    for label in (PLAY, SURFACE, STEP):
        open_tab(at, "view", label)
        assert not errors(at) and not warnings(at)
        assert chart_keys(at) == TAB_CHARTS[label]
        # The update's numbers beside the figure are there with every tab.
        assert metrics(at)["L(θᵗ⁺¹), after"] == ui.num(loss(-4.9, -1.2))


def test_each_tab_draws_the_same_path():
    """The path θ⁰ … θ²⁰ (closed form) on the contour, in the animation's last frame and on the surface."""
    path = [elongated_gd(0.1, t) for t in range(21)]
    at = open_page(PAGE)
    contour = trace(chart(at, "contour"), "gradient descent, η = 0.1")
    open_tab(at, "view", PLAY)
    play = chart(at, "play")
    assert len(play["frames"]) == 21
    last = play["frames"][-1]["data"]
    open_tab(at, "view", SURFACE)
    surface = trace(chart(at, "surface"), "gradient descent, η = 0.1")
    # On the surface each point is drawn just above L(θᵗ) (by one same lift), its L in the hover.
    losses = [loss(x, y) for x, y in path]
    np.testing.assert_allclose(_array(surface["customdata"]), losses, rtol=1e-6)
    lift = surface["z"] - np.asarray(losses)
    assert np.all(lift > 0) and np.ptp(lift) < 1e-4 * lift[0], lift
    for xs, ys in ((contour["x"], contour["y"]), (surface["x"], surface["y"]),
                   (_array(last[0]["x"]), _array(last[0]["y"]))):
        np.testing.assert_allclose(xs, [x for x, _ in path], rtol=1e-6, atol=1e-9)
        np.testing.assert_allclose(ys, [y for _, y in path], rtol=1e-6, atol=1e-9)


@pytest.mark.parametrize("label", [STEP, PLAY, SURFACE])
def test_a_link_opens_its_tab(label):
    assert chart_keys(open_by_link(PAGE, "view", label)) == TAB_CHARTS[label]


def test_a_link_opens_the_surface_with_the_other_settings():
    """?view=3-D+surface&eta=0.2&steps=30: the surface, with the path of those settings (31 points)."""
    at = open_page(PAGE, {"view": SURFACE, "eta": "0.2", "steps": "30"})
    assert not errors(at) and not warnings(at)
    assert chart_keys(at) == ["surface"]
    path = trace(chart(at, "surface"), "gradient descent, η = 0.2")
    assert len(path["x"]) == 31
    np.testing.assert_allclose(path["x"][-1], elongated_gd(0.2, 30)[0], rtol=1e-6)


def test_the_session_state_alone_opens_a_tab():
    """The tabs' value in st.session_state (what a click sets) opens a tab, and the link follows it."""
    at = open_page(PAGE)
    at.session_state["step:view"] = PLAY
    rerun(at)
    assert open_tab_label(at, "view") == PLAY and chart_keys(at) == TAB_CHARTS[PLAY]
    assert at.query_params["view"] in ("play", ["play"])
    at.session_state["step:view"] = STEP
    rerun(at)
    assert open_tab_label(at, "view") == STEP and chart_keys(at) == TAB_CHARTS[STEP]
    assert "view" not in at.query_params


def test_a_garbage_tab_value_in_session_state_keeps_the_open_tab():
    """The tabs' widget value is a label the page drew; one it does not know (no click sends it) changes nothing."""
    at = open_page(PAGE)
    open_tab(at, "view", PLAY)
    at.session_state["step:view"] = "no such tab"
    rerun(at)
    assert open_tab_label(at, "view") == PLAY and chart_keys(at) == TAB_CHARTS[PLAY]
    assert at.query_params["view"] in ("play", ["play"])


def test_the_tab_in_the_link_is_the_same_word_in_every_language():
    """?view=3d opens the 3-D surface in Chinese too, and the open tab stays open when the language changes."""
    from tests.catalogs import TABLES

    at = open_page(PAGE, {"lang": "zh-TW", "view": "3d"})
    assert open_tab_label(at, "view") == TABLES["zh-TW"]["3-D surface"]
    assert chart_keys(at) == TAB_CHARTS[SURFACE]
    at.selectbox(key="app:lang").set_value("en")
    rerun(at)
    assert open_tab_label(at, "view") == SURFACE and chart_keys(at) == TAB_CHARTS[SURFACE]
    assert at.query_params["view"] in ("3d", ["3d"])


# --- issue 11: the figures drawn to scale with both arrows, Play's readout and speed, the 3-D path -------------

GRADIENT, MOVEMENT = "gradient ∇L(θᵗ)", "movement −η∇L(θᵗ)"


def arrow_segments(t: dict) -> list[tuple[np.ndarray, np.ndarray]]:
    """An arrows trace's (start, end) pairs: its points go start, end, gap, start, end, gap, …"""
    x, y = _array(t["x"]), _array(t["y"])
    return [(np.array([x[i], y[i]]), np.array([x[i + 1], y[i + 1]])) for i in range(0, len(x), 3)]


@pytest.mark.parametrize("t", [0, 3])
def test_the_step_figure_draws_the_gradient_uphill_and_the_movement_to_scale(t):
    """At θᵗ the gradient arrow points along ∇L = (0.2θ₁, 4θ₂), the normal of the ellipse through θᵗ (uphill),
    the movement arrow goes from θᵗ to θᵗ⁺¹ (closed form), both named in the legend, on axes to scale."""
    at = open_page(PAGE, {"t": str(t)})
    fig = chart(at, "contour")
    assert_to_scale(fig, (GRADIENT, MOVEMENT))
    before, after = np.array(elongated_gd(0.1, t)), np.array(elongated_gd(0.1, t + 1))
    grad = np.array([0.2 * before[0], 4 * before[1]])
    # The selected update's gradient: the thick one of the two traces with that name, in the legend.
    selected = [tr_ for tr_ in fig["data"] if tr_.get("name") == GRADIENT and tr_.get("showlegend", True)]
    (start, end), = arrow_segments(selected[0])
    np.testing.assert_allclose(start, before, rtol=1e-6)
    d = end - start
    assert abs(d[0] * grad[1] - d[1] * grad[0]) < 1e-4 * np.hypot(*d) * np.hypot(*grad)  # parallel to ∇L …
    assert d @ grad > 0  # … and uphill
    (m_start, m_end), = arrow_segments(trace(fig, MOVEMENT))
    np.testing.assert_allclose(m_start, before, rtol=1e-6)
    np.testing.assert_allclose(m_end, after, rtol=1e-6)
    # The other gradient arrows point uphill from their own θᵗ too.
    others = [tr_ for tr_ in fig["data"] if tr_.get("name") == GRADIENT and tr_.get("showlegend") is False]
    for s, e in (arrow_segments(others[0]) if others else []):
        g = np.array([0.2 * s[0], 4 * s[1]])
        assert abs((e - s)[0] * g[1] - (e - s)[1] * g[0]) < 1e-3 * np.hypot(*(e - s)) * np.hypot(*g)
        assert (e - s) @ g > 0


def test_the_window_to_scale_shows_the_path_and_the_minimum():
    """The Step and Play figures share one window, which holds θ⁰ … θ²⁰ and the minimum (0, 0)."""
    at = open_page(PAGE)
    step = chart(at, "contour")["layout"]
    open_tab(at, "view", PLAY)
    play = chart(at, "play")
    assert_to_scale(play)
    assert step["xaxis"]["range"] == play["layout"]["xaxis"]["range"]
    (x0, x1), (y0, y1) = step["xaxis"]["range"], step["yaxis"]["range"]
    for x, y in [elongated_gd(0.1, t) for t in range(21)] + [(0.0, 0.0)]:
        assert x0 < x < x1 and y0 < y < y1, (x, y)


def three(value: float) -> str:
    """3 significant digits, as the app writes numbers: plain between 1e-3 and 1e6, else as 9.40e-4."""
    if 1e-3 <= abs(value) < 1e6:
        return f"{value:.3g}"
    mantissa, exponent = f"{value:.2e}".split("e")
    return f"{mantissa}e{int(exponent)}"


def test_play_reads_each_update_and_keeps_the_contour():
    """The slider under the Play figure reads t, θᵗ and L(θᵗ) for every frame (the closed form, 3 digits; on two
    lines, one would run past a phone's width);
    each frame replaces the path and its head only, and moves the x axis by a hair (so that plotly.js redraws
    the contour instead of dropping it)."""
    at = open_page(PAGE, {"view": PLAY})
    fig = chart(at, "play")
    steps = fig["layout"]["sliders"][0]["steps"]
    assert len(steps) == 21
    for k, step in enumerate(steps):
        x, y = elongated_gd(0.1, k)
        sup = ui.sup(k)
        assert step["label"] == f"t = {k} · θ{sup} = ({three(x)}, {three(y)})<br>L(θ{sup}) = {three(loss(x, y))}"
    types = [t.get("type") for t in fig["data"]]
    width = np.subtract(*fig["layout"]["xaxis"]["range"][::-1])
    for frame in fig["frames"]:
        assert [types[i] for i in frame["traces"]] == ["scatter", "scatter"]
        right = frame["layout"]["xaxis"]["range"][1] - fig["layout"]["xaxis"]["range"][1]
        assert 0 < right < 1e-6 * width


def test_play_buttons_and_speed():
    """▶ Play and a Pause without the ⏸ glyph (a box in some fonts); the speed (in the link) sets how long
    each update stays on screen."""
    durations = {}
    for speed in ("slow", "normal", "fast"):
        at = open_page(PAGE, {"view": PLAY, "speed": speed})
        assert not warnings(at)
        buttons = chart(at, "play")["layout"]["updatemenus"][0]["buttons"]
        assert [b["label"] for b in buttons] == ["▶ Play", "Pause"]
        durations[speed] = buttons[0]["args"][1]["frame"]["duration"]
    assert durations["slow"] > durations["normal"] > durations["fast"] > 0
    at = open_page(PAGE, {"view": PLAY, "speed": "warp"})
    assert any("cannot be used here" in w and "**Normal**" in w for w in warnings(at)), warnings(at)


def test_a_bad_loss_in_the_link_is_named_by_its_title():
    """The note names the default loss as the picker shows it (its title), not by its name in the link."""
    at = open_page(PAGE, {"loss": "nonsense"})
    notes = [w for w in warnings(at) if "cannot be used here" in w]
    assert len(notes) == 1 and "**Elongated bowl**" in notes[0], notes
    assert "**elongated**" not in notes[0]


def test_the_surface_path_stands_out():
    """On the 3-D tab the path is thick, drawn above the surface, in a colour (blue) on a surface of greys,
    and the camera looks from above the start's side (θ⁰ = (−5, −2): negative θ₁ and θ₂)."""
    at = open_page(PAGE, {"view": SURFACE})
    fig = chart(at, "surface")
    surface = next(t for t in fig["data"] if t["type"] == "surface")
    path = trace(fig, "gradient descent, η = 0.1")
    assert path["line"]["width"] >= 8
    for _, colour in surface["colorscale"]:
        r, g, b = (int(colour[i:i + 2], 16) for i in (1, 3, 5))
        assert r == g == b, colour  # grey
    r, g, b = (int(path["line"]["color"][i:i + 2], 16) for i in (1, 3, 5))
    assert max(r, g, b) - min(r, g, b) > 100  # a strong colour
    eye = fig["layout"]["scene"]["camera"]["eye"]
    assert eye["x"] < 0 and eye["y"] < 0 and eye["z"] > 0
