"""The Adagrad page (AppTest on the whole app): it draws with defaults and at every widget's extremes,
shows an error for bad typed gradients, falls back from garbage links with a note, builds only the open
tab (① the run, ② contradiction?, ③ the surprise; the link's ``part``), and its numbers equal the lecture's
formulas computed here: σᵗ = √(Σᵢ₌₀ᵗ (gⁱ)² / (t + 1)), ηᵗ = η/√(t + 1),
w^{t+1} = w^t − (ηᵗ/σᵗ) gᵗ on L = 0.1 θ₁² + 2 θ₂² from θ⁰ = (−5, −2)."""

from __future__ import annotations

import itertools
import json
import math
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

import gd_core
from gd_core import optimizers
from tests import apptest_helpers as helpers
from tests.apptest_helpers import chart_keys, open_tab, open_tab_label, rerun

PAGE = "pages/3_adagrad_tables.py"
ROOT = Path(__file__).resolve().parents[2]
LECTURE_SMALL = [0.001, 0.001, 0.003, 0.002, 0.1]
LECTURE_LARGE = [10.8, 20.9, 31.7, 12.1, 0.1]
RUN, WHY, SURPRISE = "① Adagrad beside gradient descent", "② Contradiction?", "③ How surprising it is (反差)"
"""The page's tabs (ui.views, the link's ``part``): only the open one is built."""


def open_page(query=None) -> AppTest:
    return helpers.open_page(PAGE, query)


def open_part(at: AppTest, label: str) -> AppTest:
    """Open tab ``label`` of the page (as a click does: the page reruns)."""
    return open_tab(at, "part", label)


def tables(at: AppTest, column: str) -> list:
    """The tables on screen that have ``column``, in page order."""
    return [d for d in helpers.tables(at) if column in d.columns]


def run_tables(at):
    return tables(at, "ηᵗ/σᵗ")


def surprise_tables(at):
    return tables(at, "gᵗ/σᵗ")


def close(text: str, expected: float) -> bool:
    """A number shown with 4 significant digits equals ``expected``."""
    return math.isclose(float(text), expected, rel_tol=6e-4, abs_tol=1e-300)


def lecture_sigma(g: list[float], t: int) -> float:
    return math.sqrt(sum(x * x for x in g[: t + 1]) / (t + 1))


def lecture_adagrad(eta: float, steps: int):
    """The lecture's Adagrad by hand on 0.1 x² + 2 y² (∇L = (0.2 x, 4 y)): the gradients g⁰ … g^{steps−1}."""
    w = [-5.0, -2.0]
    grads: list[list[float]] = [[], []]
    for t in range(steps):
        g = [0.2 * w[0], 4.0 * w[1]]
        for k in range(2):
            grads[k].append(g[k])
            eta_t = eta / math.sqrt(t + 1)
            w[k] -= eta_t / lecture_sigma(grads[k], t) * g[k]
    return grads


def no_errors(at: AppTest) -> None:
    assert not at.error, [e.value for e in at.error]


# --- defaults ---------------------------------------------------------------------------------

def test_defaults_render_everything():
    at = open_page()
    no_errors(at)
    assert not at.warning, [w.value for w in at.warning]
    assert [t.label for t in at.tabs] == [RUN, WHY, SURPRISE]
    assert open_tab_label(at, "part") == RUN
    assert len(run_tables(at)) == 2
    assert at.select_slider(key="adagrad:eta").value == 1.0
    assert at.select_slider(key="adagrad:eta_gd").value == 0.1
    assert at.slider(key="adagrad:steps").value == 20
    assert at.slider(key="adagrad:t").value == 0
    assert at.toggle(key="adagrad:decay").value is False
    assert at.subheader[-1].value == "What to notice"
    open_part(at, WHY)
    no_errors(at)
    assert not at.warning, [w.value for w in at.warning]
    assert len(tables(at, "parameter")) == 1
    assert at.subheader[-1].value == "What to notice"
    open_part(at, SURPRISE)
    no_errors(at)
    assert not at.warning, [w.value for w in at.warning]
    assert len(surprise_tables(at)) == 2
    assert at.subheader[-1].value == "What to notice"


def test_only_the_open_tab_is_built():
    """① draws the contour and its tables, ② the step bars and its table, ③ the two sequences' bars:
    each only while it is open, and their widgets (t in ①, the sequences in ③) with them."""
    at = open_page()
    assert chart_keys(at) == ["contour"]
    assert len(run_tables(at)) == 2 and not tables(at, "parameter") and not surprise_tables(at)
    assert {s.key for s in at.slider} == {"adagrad:steps", "adagrad:t"} and not at.text_input
    open_part(at, WHY)
    assert chart_keys(at) == ["steps"]
    assert len(tables(at, "parameter")) == 1 and not run_tables(at) and not surprise_tables(at)
    assert {s.key for s in at.slider} == {"adagrad:steps"} and not at.text_input
    open_part(at, SURPRISE)
    assert chart_keys(at) == ["bars:g1", "bars:g2"]
    assert len(surprise_tables(at)) == 2 and not run_tables(at) and not tables(at, "parameter")
    assert [t.key for t in at.text_input] == ["adagrad:g1", "adagrad:g2"]
    open_part(at, RUN)
    assert chart_keys(at) == ["contour"] and len(run_tables(at)) == 2


@pytest.mark.parametrize("label", [RUN, WHY, SURPRISE])
def test_a_link_opens_its_tab(label):
    charts = {RUN: ["contour"], WHY: ["steps"], SURPRISE: ["bars:g1", "bars:g2"]}
    assert chart_keys(helpers.open_by_link(PAGE, "part", label)) == charts[label]


@pytest.mark.parametrize("garbage", ["④", "x" * 300, "<script>alert(1)</script>", "② contradiction?", " "])
def test_a_garbage_tab_in_the_link_opens_the_first(garbage):
    at = open_page({"part": garbage})
    no_errors(at)
    assert open_tab_label(at, "part") == RUN
    assert chart_keys(at) == ["contour"] and len(run_tables(at)) == 2
    assert "part" not in at.query_params


def test_first_update_is_eta_in_each_coordinate():
    """t = 0: ηᵗ/σᵗ = η/|g⁰|, so each coordinate moves by exactly η (g⁰ = (−1, −8))."""
    at = open_page()
    t1, t2 = run_tables(at)
    assert list(t1["gᵗ"]) == ["-1"] and list(t2["gᵗ"]) == ["-8"]
    assert close(t1["ηᵗ/σᵗ"][0], 1.0) and close(t2["ηᵗ/σᵗ"][0], 1 / 8)
    step_col = next(c for c in t1.columns if c.startswith("step"))
    assert close(t1[step_col][0], 1.0) and close(t2[step_col][0], 1.0)
    labels = {m.label: m.value for m in at.metric}
    assert close(labels["θ₁: η⁰/σ⁰"], 1.0) and close(labels["θ₂: η⁰/σ⁰"], 0.125)


# --- the numbers against the lecture's formula -------------------------------------------------

@pytest.mark.parametrize("eta", [1.0, 0.3])
def test_run_table_matches_the_lecture(eta):
    t = 7
    at = open_page({"t": str(t), "eta": f"{eta:g}"})
    no_errors(at)
    assert at.slider(key="adagrad:t").value == t
    grads = lecture_adagrad(eta, t + 1)
    for k, table in enumerate(run_tables(at)):
        g = grads[k]
        shown_t = [int(v) for v in table["t"]]
        assert shown_t == list(range(t + 1 - len(shown_t), t + 1))  # the latest rows, ending at t
        for row, i in enumerate(shown_t):
            sigma = lecture_sigma(g, i)
            eta_i = eta / math.sqrt(i + 1)
            simplified = eta / math.sqrt(sum(x * x for x in g[: i + 1]))
            assert close(table["gᵗ"][row], g[i])
            assert close(table["σᵗ"][row], sigma)
            assert close(table["ηᵗ = η/√(t+1)"][row], eta_i)
            assert close(table["ηᵗ/σᵗ"][row], eta_i / sigma)
            assert close(table["ηᵗ/σᵗ"][row], simplified)
            assert table["ηᵗ/σᵗ"][row] == table["η/√Σ(gⁱ)²"][row]
            step_col = next(c for c in table.columns if c.startswith("step"))
            assert close(table[step_col][row], -eta_i / sigma * g[i])


def test_recorded_scales_equal_the_table():
    """gd_core's Trajectory.scales for Adagrad with eps = 0 is the lecture's ηᵗ/σᵗ, and the page says so."""
    eta, t = 1.0, 12
    grads = lecture_adagrad(eta, t + 1)
    traj = gd_core.run(gd_core.PRESETS["elongated"].loss, optimizers.adagrad(eta, eps=0.0), (-5.0, -2.0), 20)
    for k in range(2):
        expected = eta / math.sqrt(sum(x * x for x in grads[k]))
        assert math.isclose(traj.scales[t, k], expected, rel_tol=1e-12)
    at = open_page({"t": str(t)})
    captions = [c.value for c in at.caption if c.value.startswith("Check:")]
    assert len(captions) == 2
    for k, caption in enumerate(captions):
        table = run_tables(at)[k]
        assert table["ηᵗ/σᵗ"].iloc[-1] in caption
        assert f"recorded the factor {table['ηᵗ/σᵗ'].iloc[-1]} " in caption


def lecture_path(eta: float, steps: int, rule: str) -> list[list[float]]:
    """θ⁰ … θ^steps on 0.1 x² + 2 y² by the lecture's rules: "adagrad", "gd" (η) or "decay" (ηᵗ = η/√(t+1))."""
    w = [-5.0, -2.0]
    sums = [0.0, 0.0]
    path = [list(w)]
    for t in range(steps):
        g = [0.2 * w[0], 4.0 * w[1]]
        for k in range(2):
            sums[k] += g[k] ** 2
            if rule == "adagrad":
                w[k] -= eta / math.sqrt(sums[k]) * g[k]
            else:
                w[k] -= (eta / math.sqrt(t + 1) if rule == "decay" else eta) * g[k]
        path.append(list(w))
    return path


@pytest.mark.parametrize("decay", [False, True])
def test_the_contour_draws_both_lecture_paths(decay):
    at = open_page({"decay": "1"} if decay else None)
    # helpers.charts() reads every x as numbers; the bar charts' x are labels, so decode the contour alone.
    fig = json.loads(at.get("plotly_chart")[0].proto.spec)
    gd_name = "gradient descent, ηᵗ = 0.1/√(t+1)" if decay else "gradient descent, η = 0.1"
    for name, eta, rule in (("Adagrad, η = 1", 1.0, "adagrad"), (gd_name, 0.1, "decay" if decay else "gd")):
        tr = helpers.trace(fig, name)
        xs, ys = helpers._array(tr["x"]), helpers._array(tr["y"])
        expected = lecture_path(eta, 20, rule)
        assert len(xs) == 21
        for k, (x, y) in enumerate(expected):
            assert math.isclose(xs[k], x, rel_tol=1e-5, abs_tol=1e-6)
            assert math.isclose(ys[k], y, rel_tol=1e-5, abs_tol=1e-6)


def check_contradiction_table(at: AppTest, eta: float, t: int) -> None:
    """Tab ②'s table at Adagrad's update t against the lecture's formulas (and gd_core's recorded factor)."""
    grads = lecture_adagrad(eta, t + 1)
    traj = gd_core.run(gd_core.PRESETS["elongated"].loss, optimizers.adagrad(eta, eps=0.0), (-5.0, -2.0), 20)
    assert any(f"at Adagrad's update **t = {t}**" in md.value for md in at.markdown)
    (table,) = tables(at, "parameter")
    for k in range(2):
        g = grads[k]
        assert close(table["gᵗ (numerator)"][k], g[t])
        assert close(table["gᵗ (numerator)"][k], traj.grads[t, k])
        assert close(table["√Σ(gⁱ)² (denominator)"][k], math.sqrt(sum(x * x for x in g)))
        assert close(table["vanilla step −ηᵗgᵗ"][k], -eta / math.sqrt(t + 1) * g[t])
        assert close(table["Adagrad step −η gᵗ/√Σ(gⁱ)²"][k], -eta * g[t] / math.sqrt(sum(x * x for x in g)))
        assert close(table["Adagrad step −η gᵗ/√Σ(gⁱ)²"][k], -traj.scales[t, k] * traj.grads[t, k])


def test_contradiction_table_numerator_and_denominator():
    eta, t = 1.0, 4
    at = open_page({"t": str(t)})
    assert at.slider(key="adagrad:t").value == t
    open_part(at, WHY)
    check_contradiction_table(at, eta, t)


@pytest.mark.parametrize(("eta", "t"), [(1.0, 0), (1.0, 4), (0.3, 19)])
def test_contradiction_tab_opened_by_the_link_uses_the_links_t(eta, t):
    """② opened by a link, ① never drawn: the numbers are at the link's t (ui.kept_int)."""
    at = open_page({"part": WHY, "t": str(t), "eta": f"{eta:g}"})
    no_errors(at)
    assert open_tab_label(at, "part") == WHY and not run_tables(at)
    check_contradiction_table(at, eta, t)


def test_contradiction_tab_uses_the_t_chosen_in_tab_one():
    """t set on ①'s slider (and with its ◀ / ▶), then ② opened: ② shows the numbers at that t."""
    at = open_page()
    at.slider(key="adagrad:t").set_value(7)
    rerun(at)
    open_part(at, WHY)
    assert not run_tables(at)
    check_contradiction_table(at, 1.0, 7)
    open_part(at, RUN)
    assert at.slider(key="adagrad:t").value == 7
    at.button(key="adagrad:t:next").click()
    rerun(at)
    at.slider(key="adagrad:t").set_value(12)
    rerun(at)
    at.button(key="adagrad:t:prev").click()
    rerun(at)
    assert at.slider(key="adagrad:t").value == 11
    open_part(at, WHY)
    check_contradiction_table(at, 1.0, 11)
    # Fewer updates while ② is open: the kept t is clipped to the shorter run (t ≤ steps − 1).
    at.slider(key="adagrad:steps").set_value(5)
    rerun(at)
    check_contradiction_table(at, 1.0, 4)


@pytest.mark.parametrize(("query", "sequences"), [
    (None, (LECTURE_SMALL, LECTURE_LARGE)),
    ({"g1": "-2, 0.5, 4", "g2": "0, 0, 3", "eta": "0.5"}, ([-2.0, 0.5, 4.0], [0.0, 0.0, 3.0])),
])
def test_surprise_tables_match_the_lecture(query, sequences):
    at = open_page({**(query or {}), "part": SURPRISE})
    no_errors(at)
    assert open_tab_label(at, "part") == SURPRISE
    eta = float(query["eta"]) if query else 1.0
    shown = surprise_tables(at)
    assert len(shown) == 2
    for table, g in zip(shown, sequences):
        assert len(table) == len(g)
        for t in range(len(g)):
            sigma = lecture_sigma(g, t)
            assert close(table["σᵗ"][t], sigma)
            if sigma > 0:
                assert close(table["gᵗ/σᵗ"][t], g[t] / sigma)
                assert close(table["step"][t], -eta * g[t] / math.sqrt(sum(x * x for x in g[: t + 1])))
            else:
                assert table["gᵗ/σᵗ"][t] == "—"


def test_the_last_gradient_is_especially_large_then_especially_small():
    at = open_part(open_page(), SURPRISE)
    metrics = {}
    for m in at.metric:
        metrics.setdefault(m.label, []).append(m.value)
    small, large = metrics["g⁴/σ⁴"]
    assert close(small, 0.1 / lecture_sigma(LECTURE_SMALL, 4))
    assert close(large, 0.1 / lecture_sigma(LECTURE_LARGE, 4))
    assert float(small) > 2 and float(large) < 0.01
    text = " ".join(md.value for md in at.markdown)
    assert "especially large (特別大)" in text and "especially small (特別小)" in text


# --- widgets to their extremes ------------------------------------------------------------------

@pytest.mark.parametrize(("key", "value"), [("eta", 0.001), ("eta", 3.0), ("eta_gd", 0.001)])
def test_learning_rates_at_extremes(key, value):
    at = open_page()
    at.select_slider(key=f"adagrad:{key}").set_value(value)
    rerun(at)
    no_errors(at)
    assert len(run_tables(at)) == 2
    open_part(at, WHY)
    no_errors(at)
    assert len(tables(at, "parameter")) == 1
    open_part(at, SURPRISE)
    no_errors(at)
    assert len(surprise_tables(at)) == 2


def test_large_gd_learning_rate_diverges_with_a_warning():
    at = open_page()
    at.select_slider(key="adagrad:eta_gd").set_value(3.0)
    rerun(at)
    no_errors(at)
    assert any("Gradient descent: Diverged" in w.value for w in at.warning)
    assert len(run_tables(at)) == 2


def test_steps_and_step_control_extremes_and_decay():
    at = open_page()
    at.slider(key="adagrad:steps").set_value(1)
    rerun(at)
    no_errors(at)
    assert [len(t) for t in run_tables(at)] == [1, 1]
    at.slider(key="adagrad:steps").set_value(50)
    at.toggle(key="adagrad:decay").set_value(True)
    rerun(at)
    at.slider(key="adagrad:t").set_value(49)
    rerun(at)
    no_errors(at)
    t1, _ = run_tables(at)
    assert t1["t"].iloc[-1] == "49" and len(t1) == 6
    at.button(key="adagrad:t:next").click()
    rerun(at)
    assert at.slider(key="adagrad:t").value == 49
    at.button(key="adagrad:t:prev").click()
    rerun(at)
    assert at.slider(key="adagrad:t").value == 48
    assert run_tables(at)[0]["t"].iloc[-1] == "48"
    no_errors(at)


def test_start_at_the_minimum_takes_no_step():
    at = open_page({"x0": "0", "y0": "0"})
    no_errors(at)
    t1, t2 = run_tables(at)
    assert t1["ηᵗ/σᵗ"][0] == "—" and t2["σᵗ"][0] == "0"


# --- bad input ------------------------------------------------------------------------------------

@pytest.mark.parametrize(("text", "message"), [
    ("0.1, abc", "is not a number"),
    ("", "at least one number"),
    (", ".join(["1"] * 13), "At most 12 numbers"),
    ("1e999", "finite"),
])
def test_bad_sequence_shows_an_error_and_the_page_keeps_working(text, message):
    at = open_part(open_page(), SURPRISE)
    at.text_input(key="adagrad:g1").input(text)
    rerun(at)
    assert any(message in e.value for e in at.error), [e.value for e in at.error]
    assert len(surprise_tables(at)) == 1  # the other sequence is still there
    assert at.subheader[-1].value == "What to notice"
    open_part(at, RUN)
    no_errors(at)
    assert len(run_tables(at)) == 2
    assert at.subheader[-1].value == "What to notice"
    # Back on ③ the typed text is still there, and so is its error.
    open_part(at, SURPRISE)
    assert at.text_input(key="adagrad:g1").value == text
    assert any(message in e.value for e in at.error), [e.value for e in at.error]
    assert len(surprise_tables(at)) == 1


def test_bad_formula_keeps_the_surprise_tables():
    at = open_page({"loss": "custom", "f": "x^2 +"})
    assert at.error
    assert not run_tables(at)
    open_part(at, WHY)
    assert at.error  # the formula's error is in the sidebar, on every tab
    assert not tables(at, "parameter")
    assert any("once the run in tab ① can be drawn" in i.value for i in at.info)
    open_part(at, SURPRISE)
    assert len(surprise_tables(at)) == 2


@pytest.mark.parametrize("query", [
    {"eta": "abc"}, {"eta": "1e999"}, {"eta_gd": "nan"}, {"steps": "-3"}, {"steps": "1e9"}, {"t": "999"},
    {"decay": "maybe"}, {"g2": "x" * 300},
])
def test_garbage_link_values_fall_back_with_a_note(query):
    # The sequences' inputs are on ③ (the others in the sidebar or on ①): the link opens the tab with the widget.
    part = SURPRISE if set(query) & {"g1", "g2"} else RUN
    at = open_page({**query, "part": part})
    no_errors(at)
    notes = [w.value for w in at.warning if "cannot be used here" in w.value]
    assert len(notes) == 1, [w.value for w in at.warning]
    for label in (RUN, WHY, SURPRISE):
        open_part(at, label)
        no_errors(at)
        assert [w.value for w in at.warning if "cannot be used here" in w.value] == notes  # the note stays
        if label == RUN:
            assert len(run_tables(at)) == 2
        elif label == WHY:
            assert len(tables(at, "parameter")) == 1
        else:
            assert len(surprise_tables(at)) == 2


def test_script_in_a_sequence_is_shown_as_an_error_not_run():
    at = open_page({"g1": "<script>alert(1)</script>", "part": SURPRISE})
    assert any("is not a number" in e.value for e in at.error)
    assert len(surprise_tables(at)) == 1


def test_the_page_does_no_math_of_its_own():
    """Formulas live in gd_core: the page file imports no NumPy."""
    source = (ROOT / PAGE).read_text(encoding="utf-8")
    assert "import numpy" not in source and "np." not in source


# --- what the sentences claim (issue 11, item 5) ----------------------------------------------------

def adagrad_steps_by_hand(eta: float, g: list[float]) -> list[float]:
    """|Δwᵗ| = η |gᵗ| / √(Σᵢ₌₀ᵗ (gⁱ)²), the slide's simplified Adagrad, for each t."""
    return [eta * abs(g[t]) / math.sqrt(sum(x * x for x in g[: t + 1])) for t in range(len(g))]


@pytest.mark.parametrize("eta", [1.0, 0.3])
def test_the_notice_says_the_steps_can_grow_and_shows_that_they_do(eta):
    """Only the factor η/√Σ(gⁱ)² never grows; the step sizes of the lecture's first sequence go up and down
    (1, 0.7071, 0.9045, 0.5164, 0.9993 for η = 1), and the notice shows exactly those."""
    at = open_page({"eta": f"{eta:g}"})
    notice = next(md.value for md in at.markdown if "neither ever grows" in md.value)
    assert "steps shrink over time" not in notice
    expected = adagrad_steps_by_hand(eta, LECTURE_SMALL)
    shown_text = notice.split("step sizes |Δw| are ")[1].split(".\n")[0].rstrip(".")
    shown = [float(v) for v in shown_text.split(", ")]
    assert len(shown) == len(expected)
    for s, e in zip(shown, expected):
        assert math.isclose(s, e, rel_tol=6e-4)
    rises = [t for t in range(1, len(expected)) if expected[t] > expected[t - 1]]
    assert rises == [2, 4]  # not monotone: the steps at t = 2 and t = 4 are longer than the one before
    # The factor η/√Σ(gⁱ)² itself never grows along the sequence.
    factors = [eta / math.sqrt(sum(x * x for x in LECTURE_SMALL[: t + 1])) for t in range(len(LECTURE_SMALL))]
    assert all(b <= a for a, b in itertools.pairwise(factors))


def test_the_surprise_tab_says_sigma_includes_g_t_and_the_ratio_is_capped():
    """σᵗ is the root mean square of g⁰ … gᵗ, gᵗ included: |gᵗ|/σᵗ ≤ √(t+1), equal when g⁰ … gᵗ⁻¹ are 0."""
    at = open_page({"part": SURPRISE, "g2": "0, 0, 3"})
    text = " ".join(md.value for md in at.markdown)
    assert "the gradients before it" not in text.split("Which effect wins later")[0]
    assert "σᵗ, the root mean square of g⁰ … gᵗ, gᵗ itself included" in text
    assert "|gᵗ|/σᵗ is at most √(t+1)" in text and "no step is longer than η" in text
    small, zeros = surprise_tables(at)
    for table, g in ((small, LECTURE_SMALL), (zeros, [0.0, 0.0, 3.0])):
        for t in range(len(g)):
            if table["gᵗ/σᵗ"][t] == "—":
                continue
            contrast = float(table["gᵗ/σᵗ"][t])
            assert abs(contrast) <= math.sqrt(t + 1) * (1 + 6e-4)
            assert abs(float(table["step"][t])) <= 1.0 * (1 + 6e-4)  # η = 1
    # Every earlier gradient 0: the cap is reached, g²/σ² = 3/√(9/3) = √3.
    assert close(zeros["gᵗ/σᵗ"][2], math.sqrt(3))


def test_the_contradiction_tab_names_its_pair_and_draws_it():
    """② compares the slide's pair with the same gᵗ and η: vanilla w − ηᵗgᵗ (ηᵗ = η/√(t+1)) against Adagrad
    w − η/√Σ(gⁱ)² gᵗ, says that this is not tab ①'s gradient-descent run, and its bars are those two steps."""
    eta, t = 0.3, 4
    at = open_page({"part": WHY, "t": str(t), "eta": f"{eta:g}", "eta_gd": "0.1"})
    no_errors(at)
    text = " ".join(md.value for md in at.markdown)
    assert "not the gradient-descent run drawn in tab ①" in text
    assert f"both with Adagrad's η = {eta:g}: ηᵗ = {eta:g}/√{t + 1} = " in text
    eta_t = float(text.split(f"ηᵗ = {eta:g}/√{t + 1} = ")[1].split(".")[0] + "." +
                  text.split(f"ηᵗ = {eta:g}/√{t + 1} = ")[1].split(".")[1].split(" ")[0])
    assert math.isclose(eta_t, eta / math.sqrt(t + 1), rel_tol=6e-4)
    grads = lecture_adagrad(eta, t + 1)
    fig = helpers.chart(at, "steps")
    vanilla = helpers.trace(fig, f"vanilla, ηᵗ = {eta:g}/√(t+1)")
    adagrad = helpers.trace(fig, f"Adagrad, η = {eta:g}")
    for k in range(2):
        g = grads[k]
        assert math.isclose(vanilla["y"][k], eta / math.sqrt(t + 1) * abs(g[t]), rel_tol=1e-6)
        assert math.isclose(adagrad["y"][k], eta * abs(g[t]) / math.sqrt(sum(x * x for x in g)), rel_tol=1e-6)
    check_contradiction_table(at, eta, t)


# --- the paths at equal scale (issue 11, item 2) ----------------------------------------------------------

@pytest.mark.parametrize("query", [None, {"eta_gd": "0.45", "steps": "50"}, {"loss": "himmelblau"}])
def test_the_paths_are_drawn_at_equal_scale_in_a_window_that_shows_them(query):
    at = open_page(query)
    no_errors(at)
    fig = helpers.chart(at, "contour")
    assert fig["layout"]["yaxis"]["scaleanchor"] == "x" and fig["layout"]["yaxis"]["scaleratio"] == 1
    (x0, x1), (y0, y1) = fig["layout"]["xaxis"]["range"], fig["layout"]["yaxis"]["range"]
    assert math.isclose(x1 - x0, y1 - y0, rel_tol=1e-6)  # a square window fills a square plot area
    ada = next(tr for tr in fig["data"] if str(tr.get("name", "")).startswith("Adagrad"))
    xs, ys = helpers._array(ada["x"]), helpers._array(ada["y"])
    assert x0 <= xs.min() and xs.max() <= x1 and y0 <= ys.min() and ys.max() <= y1
    # Not lost in a corner: the paths and minima span at least half of the window on one axis.
    gd = next(tr for tr in fig["data"] if str(tr.get("name", "")).startswith("gradient descent"))
    pts_x = [*xs, *helpers._array(gd["x"])]
    pts_y = [*ys, *helpers._array(gd["y"])]
    span = max(max(pts_x) - min(pts_x), max(pts_y) - min(pts_y))
    assert span >= 0.5 * (x1 - x0)
