"""The theory page: Taylor series, the tangent plane, the red circle, Newton's step.

Every number checked here is computed in the test from the lecture's formulas.
"""

from __future__ import annotations

import math

import numpy as np
import pytest

import ui
from tests.apptest_helpers import (
    chart,
    chart_keys,
    charts,
    errors,
    latex,
    metrics,
    open_page,
    rerun,
    tables,
    trace,
    warnings,
)

PAGE = "pages/7_why_it_works.py"
TAYLOR, PLANE, CIRCLE, NEWTON = "Question and Taylor series", "Tangent plane", "Red circle", "Newton's method"


def part(name: str, **query: str) -> dict[str, str]:
    return {"part": name, **query}


def texts(at) -> str:
    """Every message box and markdown on the page, as one text."""
    boxes = [*at.error, *at.warning, *at.info, *at.success, *at.markdown, *at.caption]
    return "\n".join(str(el.value) for el in boxes)


def assert_page_drawn(at) -> None:
    assert not at.exception
    assert [s.value for s in at.subheader][-2:] == ["Back to the question", "What to notice"]


# --- the question and Taylor series ------------------------------------------------------------

def slide_term(k: int) -> str:
    """The slide's k-th term of sin x around π/4, magnitude only: 1/√2 · (x − π/4)ᵏ / k!."""
    if k == 0:
        return r"\frac{1}{\sqrt{2}}"
    top = r"x - \frac{\pi}{4}" if k == 1 else rf"\left(x - \frac{{\pi}}{{4}}\right)^{{{k}}}"
    bottom = r"\sqrt{2}" if k == 1 else rf"{math.factorial(k)} \sqrt{{2}}"
    return rf"\frac{{{top}}}{{{bottom}}}"


def test_defaults_ask_the_question_and_draw_sin_and_several_orders_around_pi_over_4():
    at = open_page(PAGE)
    assert not errors(at) and not warnings(at)
    assert r"L(\theta^0) > L(\theta^1) > L(\theta^2) > \cdots" in latex(at)
    assert "only if the red circle, that is the learning rate, is small enough" in texts(at)
    (fig,) = charts(at)
    x = trace(fig, "sin x")["x"].astype(float)
    np.testing.assert_allclose(trace(fig, "sin x")["y"], np.sin(x), atol=1e-6)
    # Orders 0, 1, 2, 3 (written), 5, 9 over each other; each the slide's series cut after (x − π/4)ᵏ:
    # 1/√2 [1 + t − t²/2 − t³/6 + t⁴/24 + t⁵/120 − …], signs + + − − repeating.
    t = x - math.pi / 4
    for k in (0, 1, 2, 3, 5, 9):
        expected = sum((1 if j % 4 in (0, 1) else -1) * t**j / math.factorial(j) for j in range(k + 1)) / math.sqrt(2)
        np.testing.assert_allclose(trace(fig, f"order {k}")["y"], expected, rtol=1e-5, atol=1e-5, err_msg=str(k))
    assert trace(fig, "order 3")["line"]["width"] > trace(fig, "order 5")["line"]["width"]  # the written one
    assert_page_drawn(at)


def test_the_written_series_reads_like_the_slides_line():
    at = open_page(PAGE, {"order": "5"})
    tex = latex(at)
    # sin x = 1/√2 + (x − π/4)/√2 − (x − π/4)²/(2√2) − (x − π/4)³/(6√2) + (x − π/4)⁴/(24√2) + (x − π/4)⁵/(120√2)
    for k, sign in zip(range(6), "++--++"):
        term = slide_term(k)
        assert term in tex, term
        if k > 0:
            assert f"{'+' if sign == '+' else '-'} {term}" in tex, term
    assert "sqrt(" not in tex and r"\frac{\sqrt{2}}" not in tex
    # Nor anywhere a student reads: captions, markdown, the coefficients' table.
    assert "sqrt(" not in texts(at)
    table = tables(at)[0]
    assert "sqrt(" not in " ".join(table["exact"])
    expected = ["1/√2", "1/√2", "−1/(2√2)", "−1/(6√2)", "1/(24√2)", "1/(120√2)"]
    assert list(table["exact"]) == expected


def test_the_orders_drawn_can_be_chosen_and_come_from_the_link():
    at = open_page(PAGE, {"orders": "1,7", "order": "2"})
    (fig,) = charts(at)
    names = [t.get("name") for t in fig["data"] if str(t.get("name", "")).startswith("order")]
    assert names == ["order 1", "order 2", "order 7"]
    at = open_page(PAGE, {"orders": "none"})
    (fig,) = charts(at)
    assert [t.get("name") for t in fig["data"] if str(t.get("name", "")).startswith("order")] == ["order 3"]
    at = open_page(PAGE, {"orders": "2,99"}, check=False)
    assert not at.exception and "cannot be used here" in texts(at)


def test_taylor_coefficients_of_sin_at_pi_over_4_are_the_slides():
    at = open_page(PAGE, {"order": "10"})
    table = tables(at)[0]
    assert [int(k) for k in table["k"]] == list(range(11))
    for k, value in zip(map(int, table["k"]), table["value"]):
        # The slide: + + − − + + − − …, each 1/(k!√2).
        sign = 1 if k % 4 in (0, 1) else -1
        assert float(value) == pytest.approx(sign / (math.factorial(k) * math.sqrt(2)), rel=1e-5), k


def test_order_window_and_point_extremes():
    at = open_page(PAGE)
    for order, half in ((0, 0.5), (20, 10.0)):
        at.slider(key="theory:order").set_value(order)
        at.slider(key="theory:w").set_value(half)
        rerun(at)
        assert not errors(at)
        (fig,) = charts(at)
        x = trace(fig, "sin x")["x"].astype(float)
        assert x[0] == pytest.approx(math.pi / 4 - half, abs=1e-5) and x[-1] == pytest.approx(math.pi / 4 + half)
        assert len(tables(at)[0]) == order + 1
    # Order 0 is the constant h(x₀) = 1/√2.
    at.slider(key="theory:order").set_value(0)
    at.text_input(key="theory:x0").set_value("1e6")
    rerun(at)
    (fig,) = charts(at)
    np.testing.assert_allclose(trace(fig, "order 0")["y"], math.sin(1e6), rtol=1e-5)


def test_a_typed_function_and_a_bad_one():
    at = open_page(PAGE, {"h": "custom", "hf": "exp(x)", "x0": "0", "order": "2"})
    assert not errors(at)
    (fig,) = charts(at)
    x = trace(fig, "h(x) = exp(x)")["x"].astype(float)
    np.testing.assert_allclose(trace(fig, "order 2")["y"], 1 + x + x**2 / 2, rtol=1e-5)
    at.text_input(key="theory:hf").set_value("sin(x")
    rerun(at)
    assert errors(at) == ["This function cannot be used: could not read the formula near character 4."]
    assert not charts(at)
    assert_page_drawn(at)
    at.text_input(key="theory:hf").set_value("log(x)")
    at.text_input(key="theory:x0").set_value("0")
    rerun(at)
    assert errors(at) == ["The Taylor series around this x₀ cannot be drawn: the function is not finite at "
                          "x0 = 0: choose another point."]
    at.text_input(key="theory:x0").set_value("pi/")
    rerun(at)
    assert errors(at)[0].startswith("The Taylor series around this x₀ cannot be drawn: could not read")
    assert_page_drawn(at)


# --- the tangent plane ---------------------------------------------------------------------------

def test_tangent_plane_numbers_are_the_first_order_taylor_terms():
    at = open_page(PAGE, part(PLANE))
    assert not errors(at)
    # L = 0.1θ₁² + 2θ₂² at (−5, −2): s = 2.5 + 8, u = 0.2·(−5), v = 4·(−2).
    assert metrics(at) == {"s": ui.num(10.5), "u": ui.num(-1.0), "v": ui.num(-8.0)}
    assert r"10.5 - 1\,(\theta_1 + 5) \\ &  - 8\,(\theta_2 + 2)" in latex(at)
    fig = charts(at)[0]
    plane = trace(fig, "tangent plane")
    x, y = np.asarray(plane["x"], dtype=float), np.asarray(plane["y"], dtype=float)
    X, Y = np.meshgrid(x, y)
    z = np.asarray(plane["z"], dtype=float).reshape(X.shape)
    np.testing.assert_allclose(z, 10.5 - (X + 5) - 8 * (Y + 2), rtol=1e-5, atol=1e-4)


@pytest.mark.parametrize(("a", "b"), [(-50.0, -50.0), (50.0, 50.0)])
def test_point_extremes(a, b):
    at = open_page(PAGE, part(PLANE, loss="bowl", a=str(a), b=str(b)))
    assert not errors(at)
    # L = θ₁² + θ₂²: s = a² + b², (u, v) = (2a, 2b).
    assert metrics(at) == {"s": ui.num(a * a + b * b), "u": ui.num(2 * a), "v": ui.num(2 * b)}


# --- the red circle ----------------------------------------------------------------------------

@pytest.mark.parametrize(("a", "b", "d"), [(1.5, -2.0, 1.0), (1.5, -2.0, 4.0), (-2.5, 2.0, 0.35), (0.3, 0.4, 6.0)])
def test_red_circle_eta_and_true_loss_on_the_round_bowl(a, b, d):
    at = open_page(PAGE, part(CIRCLE, loss="bowl", a=str(a), b=str(b), d=str(d)))
    assert not errors(at)
    r = math.hypot(a, b)
    shown = metrics(at)
    # η = d/‖∇L‖ = d/(2√(a² + b²)); θ = (a, b)(1 − d/r), so L(θ) = (r − d)²; the plane promises r² − 2rd.
    assert shown[tr_eta()] == ui.num(d / (2 * r))
    assert shown["L(a, b)"] == ui.num(r * r)
    assert shown["True L(θ)"] == ui.num((r - d) ** 2)
    assert shown["The plane promises"] == ui.num(r * r - 2 * r * d)
    went_up = (r - d) ** 2 >= r * r
    assert ("The circle is too large" in texts(at)) is went_up
    assert ("The loss went down" in texts(at)) is (not went_up)
    assert ("turns up again" in texts(at)) is (r < d < 2 * r)
    curve = chart(at, "circle_curve")
    ds = trace(curve, "true loss")["x"].astype(float)
    np.testing.assert_allclose(trace(curve, "true loss")["y"], (r - ds) ** 2 - r * r, rtol=1e-5, atol=1e-5)
    np.testing.assert_allclose(trace(curve, "what the plane promises, −d‖∇L‖")["y"], -2 * r * ds, rtol=1e-5)
    marks = {s["x0"] for s in curve["layout"]["shapes"] if s["x0"] == s["x1"]}
    # The loss turns up at d = r and stops decreasing at d = 2r (when those are on the d axis, up to 6).
    expected = {v for v in (r, 2 * r) if v <= 6.0}
    assert len(marks) == len(expected)
    for m, e in zip(sorted(marks), sorted(expected)):
        assert m == pytest.approx(e, rel=1e-6)


@pytest.mark.parametrize(("angle", "fraction"), [(0.0, 1.0), (135.0, 0.6), (263.0, 0.25)])
def test_the_inner_product_picture_on_the_elongated_bowl(angle, fraction):
    # L = 0.1θ₁² + 2θ₂² at (a, b) = (−5, −2): (u, v) = (0.2a, 4b) = (−1, −8); d = 0.5.
    at = open_page(PAGE, part(CIRCLE, angle=str(angle), length=str(fraction)))
    assert not errors(at)
    u, v, d = -1.0, -8.0, 0.5
    norm = math.hypot(u, v)
    fig = chart(at, "inner")
    assert fig["layout"]["yaxis"]["scaleanchor"] == "x"
    best = trace(fig, "−η(u, v)")
    bx, by = float(best["x"][0]), float(best["y"][0])
    assert math.hypot(bx, by) == pytest.approx(d, rel=1e-6)  # on the circle's edge
    assert (bx, by) == pytest.approx((-d * u / norm, -d * v / norm), rel=1e-6)  # against (u, v)
    phi = math.radians(angle)
    delta = trace(fig, "Δθ")
    assert (float(delta["x"][0]), float(delta["y"][0])) == pytest.approx(
        (fraction * d * math.cos(phi), fraction * d * math.sin(phi)), abs=1e-6)
    circle = trace(fig, "red circle")
    np.testing.assert_allclose(np.hypot(circle["x"].astype(float), circle["y"].astype(float)), d, rtol=1e-5)
    # (u, v)·Δθ for the chosen Δθ, and −d‖(u, v)‖ for the minimiser, written on the page.
    tex = latex(at)
    chosen = u * fraction * d * math.cos(phi) + v * fraction * d * math.sin(phi)
    assert ui.tex_num(chosen) in tex
    assert rf"-d\,\lVert (u, v) \rVert = {ui.tex_num(-d * norm)}" in tex


def tr_eta() -> str:
    return "η = d / ‖∇L‖"


def test_red_circle_theta_in_latex_is_a_normalized_gradient_step():
    at = open_page(PAGE, part(CIRCLE))
    # Elongated bowl at (−5, −2), d = 0.5: ∇L = (−1, −8), ‖∇L‖ = √65, θ = (−5, −2) + 0.5 (1, 8)/√65.
    k = math.sqrt(65)
    tex = latex(at)
    assert ui.tex_num(0.5 / k) in tex
    assert rf"\begin{{bmatrix}} {ui.tex_num(-5 + 0.5 / k)} \\ {ui.tex_num(-2 + 4 / k)} \end{{bmatrix}}" in tex
    true_loss = 0.1 * (-5 + 0.5 / k) ** 2 + 2 * (-2 + 4 / k) ** 2
    assert metrics(at)["True L(θ)"] == ui.num(true_loss)


def test_radius_extremes_and_a_stationary_point():
    at = open_page(PAGE, part(CIRCLE))
    at.slider(key="theory:d").set_value(0.0)
    rerun(at)
    assert "d = 0: no room to move" in texts(at) and not errors(at)
    at.slider(key="theory:d").set_value(6.0)
    rerun(at)
    assert "The circle is too large" in texts(at) and not errors(at)
    at = open_page(PAGE, part(CIRCLE, loss="bowl", a="0", b="0"))
    assert "∇L(a, b) = 0" in texts(at) and metrics(at)[tr_eta()] == "—"


@pytest.mark.parametrize("loss", ["bowl", "elongated", "rosenbrock", "himmelblau", "saddle", "plateau",
                                  "two_minima"])
def test_every_loss_draws_the_circle_and_newton(loss):
    at = open_page(PAGE, part(CIRCLE, loss=loss))
    assert not errors(at) and chart_keys(at) == ["circle", "inner", "circle_curve"]
    at.session_state["part"] = NEWTON
    rerun(at)
    assert not errors(at) and charts(at)


def test_a_bad_typed_loss_and_a_point_outside_its_domain():
    at = open_page(PAGE, part(CIRCLE, loss="custom", f="x^2 +"))
    assert any(e.startswith("This formula cannot be used") for e in errors(at))
    assert "Fix the formula in the sidebar" in texts(at)
    assert_page_drawn(at)
    at.text_input(key="theory:f").set_value("log(x) + y^2")
    at.number_input(key="theory:a").set_value(-1.0)
    rerun(at)
    assert errors(at) == ["This point (a, b) cannot be used: the loss or its gradient is not finite at (a, b): "
                          "choose another point."]
    assert_page_drawn(at)


@pytest.mark.parametrize("name", [CIRCLE, NEWTON, PLANE])
def test_losses_beyond_float32_draw_without_warnings(name):
    # exp(10θ₁²) reaches e²⁵⁰ ≈ 10¹⁰⁸ along the step from (1, 0) with d = 6: such values are not drawn.
    at = open_page(PAGE, part(name, loss="custom", f="exp(10*x^2) + y^2", a="1", b="0", d="6"))
    assert not errors(at) and charts(at)
    assert_page_drawn(at)


# --- Newton's method --------------------------------------------------------------------------------

def newton_point(at) -> tuple[float, float]:
    fig = charts(at)[0]
    t = trace(fig, "Newton")
    return float(t["x"][0]), float(t["y"][0])


def test_newton_on_a_convex_quadratic_lands_on_the_minimum():
    # 3(x − 1)² + 2(y + 2)² + xy: ∇L = 0 where 6x + y = 6 and x + 4y = −8, i.e. at (32/23, −54/23).
    at = open_page(PAGE, part(NEWTON, loss="custom", f="3*(x - 1)^2 + 2*(y + 2)^2 + x*y", a="4", b="5"))
    assert not errors(at)
    assert newton_point(at) == pytest.approx((32 / 23, -54 / 23), rel=1e-9)
    assert any("Newton's point is the minimum of the model" in s.value for s in at.success)
    x, y = 32 / 23, -54 / 23
    assert metrics(at)["Newton"] == ui.num(3 * (x - 1) ** 2 + 2 * (y + 2) ** 2 + x * y)
    assert r"\begin{bmatrix} 6 & 1 \\ 1 & 4 \end{bmatrix}^{-1}" in latex(at)


def test_newton_on_the_default_bowl_lands_on_its_minimum():
    at = open_page(PAGE, part(NEWTON))
    assert newton_point(at) == pytest.approx((0.0, 0.0), abs=1e-12)
    assert metrics(at)["Newton"] == "0"


@pytest.mark.parametrize(
    ("button", "loss", "words"),
    [
        ("saddle", "saddle", "Newton's point is a saddle of the model: it heads for a saddle point"),
        ("plateau", "plateau", "Along its step the model goes up: it walks uphill."),
        ("hilltop", "himmelblau", "Newton's point is a maximum of the model: it walks uphill."),
    ],
)
def test_where_newton_goes_wrong(button, loss, words):
    at = open_page(PAGE, part(NEWTON))
    at.button(key=f"example:{button}").click()
    rerun(at)
    assert at.query_params.get("loss") in (loss, [loss])
    assert any(words in w for w in warnings(at)), warnings(at)
    assert not errors(at)


def test_newton_climbs_a_typed_concave_loss_to_its_maximum():
    at = open_page(PAGE, part(NEWTON, loss="custom", f="-(x^2 + y^2)/4", a="1", b="1"))
    assert "Newton's point is a maximum of the model: it walks uphill." in warnings(at)
    assert newton_point(at) == pytest.approx((0.0, 0.0), abs=1e-12)
    # L(a, b) = −1/2 and L at the maximum is 0: up by 1/2.
    assert metrics(at)["L(a, b)"] == ui.num(-0.5) and metrics(at)["Newton"] == "0"


def test_newton_where_the_model_is_flat():
    at = open_page(PAGE, part(NEWTON, loss="custom", f="x + y", a="1", b="1"))
    assert "The model is flat in some direction" in texts(at)
    assert "Newton's point is (a, b) itself" in texts(at)
    assert not errors(at)


# --- the link -----------------------------------------------------------------------------------

@pytest.mark.parametrize(
    "query",
    [
        {"order": "abc"}, {"order": "99"}, {"w": "1e999"}, {"h": "<script>"}, {"x0": "x" * 60},
        part(CIRCLE, d="abc"), part(CIRCLE, d="-1"), part(PLANE, loss="nope"), part(PLANE, a="1e999"),
        part(NEWTON, b="nan"),
    ],
)
def test_garbage_link_values_fall_back_with_a_note(query):
    at = open_page(PAGE, query)
    assert any("cannot be used here" in w for w in warnings(at)), warnings(at)
    assert not errors(at)
    assert_page_drawn(at)


def test_an_unknown_part_opens_the_first():
    at = open_page(PAGE, {"part": "<script>alert(1)</script>"})
    assert not errors(at)
    assert at.slider(key="theory:order").value == 3


@pytest.mark.parametrize("part", ["circle", "newton"])
def test_a_subnormal_gradient_at_the_point_is_no_crash(part):
    """At (1e-310, 0) on the default loss ‖∇L‖ is subnormal: η = d/‖∇L‖ overflows; the page says so in words."""
    at = open_page(PAGE, {"part": part, "a": "1e-310", "b": "0"})
    assert not at.exception
    assert not any("inf" in m for m in metrics(at).values())


def test_a_subnormal_gradient_writes_the_step_with_the_unit_direction():
    """At (1e-310, 0) on 0.1θ₁² + 2θ₂², ∇L = (2e-311, 0): d/‖∇L‖ overflows, so the step is written as
    θ = (a, b) − d ∇L/‖∇L‖ = (1e-310, 0) − 0.5 (1, 0) = (−0.5, 0)."""
    at = open_page(PAGE, {"part": "circle", "a": "1e-310", "b": "0"})
    tex = latex(at)
    assert r"\frac{\nabla L}{\lVert \nabla L \rVert}" in tex
    assert "not finite" not in tex
    d, unit = 0.5, (1.0, 0.0)  # ∇L/‖∇L‖ for ∇L = (0.2a, 0), a > 0
    assert rf"\begin{{bmatrix}} {ui.tex_num(unit[0])} \\ {ui.tex_num(unit[1])} \end{{bmatrix}}" in tex
    assert rf"\begin{{bmatrix}} {ui.tex_num(1e-310 - d * unit[0])} \\ {ui.tex_num(0.0)} \end{{bmatrix}}" in tex
    assert any("unit direction" in c.value for c in at.caption)
