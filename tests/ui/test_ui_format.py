"""Numbers and link values as the pages show them."""

from __future__ import annotations

import math
import types

import pytest

import ui
import ui.state


@pytest.mark.parametrize(("value", "shown"), [
    (0.0, "0"),
    (10.5, "10.5"),
    (5.281, "5.281"),
    (-4.9, "-4.9"),
    (1234.5678, "1235"),
    (0.00123456, "0.001235"),
    (123456789.0, "1.235e8"),
    (-2.5e-7, "-2.500e-7"),
    (math.inf, "not finite"),
    (math.nan, "not finite"),
])
def test_num(value, shown):
    assert ui.num(value) == shown


def test_tex_num_writes_powers_of_ten():
    assert ui.tex_num(123456789.0) == r"1.235 \times 10^{8}"
    assert ui.tex_num(-0.5) == "-0.5"
    assert ui.tex_num(math.inf) == r"\text{not finite}"


def test_superscripts():
    assert ui.sup(0) == "⁰"
    assert ui.sup(12) == "¹²"


@pytest.mark.parametrize("raw", ["`rm -rf`", "line\nbreak", "x" * 100, "<b>bold</b>", "\x00\x07bell"])
def test_unsafe_link_values_are_shortened_and_defused(raw):
    safe = ui.safe(raw)
    assert "`" not in safe and "\n" not in safe
    assert len(safe) <= 41
    assert all(ch.isprintable() for ch in safe)


@pytest.mark.parametrize(("text", "ok"), [("0.5", True), (" 2 ", True), ("1e999", False), ("nan", False),
                                          ("abc", False), ("-0.1", False), ("3.0001", False)])
def test_float_parser_checks_range_and_finiteness(text, ok):
    parse = ui.state._float_in(0.0, 3.0)
    if ok:
        assert 0 <= parse(text) <= 3
    else:
        with pytest.raises(ValueError):
            parse(text)


# --- the Adagrad page's and the best-step page's text and LaTeX --------------------------------

def test_num_or_dash():
    assert ui.num_or_dash(0.125) == "0.125"
    assert ui.num_or_dash(0.125, False) == "—"
    assert ui.num_or_dash(0.0, True) == "0"


def test_tex_vector_is_a_column_of_tex_numbers():
    assert ui.fmt.tex_vector([-5.0, 0.125]) == r"\begin{bmatrix} -5 \\ 0.125 \end{bmatrix}"
    assert ui.fmt.tex_vector([123456789.0]) == r"\begin{bmatrix} 1.235 \times 10^{8} \end{bmatrix}"


def test_adagrad_update_latex_reads_theta_t_plus_one_and_its_numbers():
    # θ¹ = θ⁰ − η⁰/σ⁰ ⊙ g⁰, then θ⁰ = (−5, −2), ηᵗ/σᵗ = (1, 0.125), g⁰ = (−1, −8), θ¹ = (−4, −1).
    col = r"\begin{{bmatrix}} {} \\ {} \end{{bmatrix}}".format
    expected = (r"\begin{aligned}\theta^{1} &= \theta^{0} - \frac{\eta^{0}}{\sigma^{0}} \odot g^{0} \\"
                rf"&= {col(-5, -2)} - {col(1, 0.125)} \odot {col(-1, -8)} \\&= {col(-4, -1)}\end{{aligned}}")
    assert ui.adagrad_update_latex(0, [-5.0, -2.0], [1.0, 0.125], [-1.0, -8.0], [-4.0, -1.0]) == expected


@pytest.mark.parametrize(("value", "tex"), [(2.5, "2.5"), (0.0, "0"), (-2.0, r"\left(-2\right)"),
                                            (-1e-7, r"\left(-1.000 \times 10^{-7}\right)")])
def test_tex_factor_puts_negative_numbers_in_parentheses(value, tex):
    assert ui.fmt.tex_factor(value) == tex


@pytest.mark.parametrize(("value", "power", "first", "text"), [
    (1.0, "x²", True, "x²"),        # a coefficient of 1 is not written
    (-1.0, "x²", True, "−x²"),
    (0.25, "x²", True, "0.25x²"),
    (-2.0, "x", False, " − 2x"),
    (2.0, "x", False, " + 2x"),
    (0.0, "x", False, ""),          # a zero term after the first is left out
    (1.0, "", False, " + 1"),       # the constant keeps its 1
    (-1.0, "", False, " − 1"),
])
def test_poly_term(value, power, first, text):
    assert ui.poly_term(value, power, first) == text


def test_parabola_text_folds_the_signs_in():
    assert ui.parabola_text(1.0, -2.0, 1.0) == "y = x² − 2x + 1"
    assert ui.parabola_text(0.5, 0.0, -3.0) == "y = 0.5x² − 3"
    assert ui.parabola_text(2.0, 1.5, 0.0) == "y = 2x² + 1.5x"


def test_best_step_latex_puts_the_numbers_into_both_forms():
    from gd_core.lessons.best_step import best_step

    # y = x² − 2x + 1 from x₀ = 4: |4 + (−2)/2| = |6|/2 = 3.
    expected = (r"\begin{aligned}\left|x_0 + \frac{b}{2a}\right| &= \left|4 + \frac{-2}{2}\right| = 3 \\[2pt]"
                r"\frac{|2ax_0 + b|}{2a} &= \frac{\left|6\right|}{2} = 3\end{aligned}")
    assert ui.best_step_latex(best_step(1.0, -2.0, 4.0, 1.0)) == expected


def test_gradient_step_latex_puts_the_numbers_in():
    from gd_core.lessons.best_step import best_step, gradient_step

    # x¹ = 0.5 − 0.2 · (2·1·0.5 − 3) = 0.5 − 0.2 · (−2) = 0.9: the negative derivative in parentheses.
    expected = (r"\begin{aligned}x^1 &= x_0 - \eta\,(2ax_0 + b) \\&= 0.5 - 0.2 \cdot \left(-2\right) = 0.9"
                r"\end{aligned}")
    assert ui.gradient_step_latex(best_step(1.0, -3.0, 0.5), gradient_step(1.0, -3.0, 0.5, 0.2)) == expected


# --- pages/6_feature_scaling.py ------------------------------------------------------------------

def test_updates_to_target_says_when_or_that_it_did_not():
    assert ui.updates_to_target(37, 1000) == "37"
    assert ui.updates_to_target(0, 1000, words=True) == "0"
    assert ui.updates_to_target(None, 1000) == "> 1000"
    assert ui.updates_to_target(None, 500, words=True) == "more than 500"


# --- pages/7_why_it_works.py ---------------------------------------------------------------------

def test_tex_vector_is_a_column_of_tex_numbers_more():
    assert ui.tex_vector((-5, 0.5)) == r"\begin{bmatrix} -5 \\ 0.5 \end{bmatrix}"
    assert ui.tex_vector([2e-9]) == r"\begin{bmatrix} 2.000 \times 10^{-9} \end{bmatrix}"


@pytest.mark.parametrize(("value", "tex"), [(2.5, "2.5"), (0.0, "0"), (-2.0, r"\left(-2\right)")])
def test_tex_factor_puts_negative_numbers_in_parentheses_more(value, tex):
    assert ui.tex_factor(value) == tex


@pytest.mark.parametrize(("value", "tex"), [(2.5, " + 2.5"), (0.0, " + 0"), (-8.0, " - 8")])
def test_tex_signed_makes_the_sign_the_operator(value, tex):
    assert ui.tex_signed(value) == tex


@pytest.mark.parametrize(("value", "tex"), [(-5.0, r"(\theta_1 + 5)"), (2.0, r"(\theta_1 - 2)"),
                                            (0.0, r"\theta_1")])
def test_tex_shifted_folds_the_sign(value, tex):
    assert ui.tex_shifted(r"\theta_1", value) == tex


def test_taylor_latex_puts_one_term_a_line():
    head, tail = r"\begin{aligned} h(x) \approx\; & ", r" \end{aligned}"
    assert ui.taylor_latex(r"1 - x + \frac{x^{2}}{2}") == head + r"1 \\ & - x \\ & + \frac{x^{2}}{2}" + tail
    # A sign inside braces or parentheses is not a new term; nor is a sign without spaces around it.
    assert ui.taylor_latex(r"\frac{a - b}{2} + (x - 1)^{2} + e^{-x}") == (
        head + r"\frac{a - b}{2} \\ & + (x - 1)^{2} \\ & + e^{-x}" + tail)


def test_taylor_latex_cuts_long_polynomials_to_max_lines():
    text = " + ".join(f"x^{{{k}}}" for k in range(10))  # ten terms
    lines = [f"x^{{{k}}}" for k in range(6)]
    expected = " \\\\ & ".join([lines[0], *(f"+ {t}" for t in lines[1:]), r"+ \cdots", "+ x^{9}"])
    assert ui.taylor_latex(text) == r"\begin{aligned} h(x) \approx\; & " + expected + r" \end{aligned}"
    assert ui.taylor_latex("x + 1", max_lines=8).count(r"\\") == 1


def test_tangent_plane_latex_puts_the_numbers_in():
    # s = 10.5, u = −1, v = −8 at (a, b) = (−5, −2): 10.5 − 1(θ₁ + 5) − 8(θ₂ + 2); the second line's term
    # keeps its sign's leading space after the "& ".
    assert ui.tangent_plane_latex(10.5, -1.0, -8.0, -5.0, -2.0) == (
        r"\begin{aligned} L(\theta) \approx\; & 10.5 - 1\,(\theta_1 + 5) \\ &  - 8\,(\theta_2 + 2) \end{aligned}")
    assert ui.tangent_plane_latex(0.0, 2.0, 0.0, 0.0, 3.0) == (
        r"\begin{aligned} L(\theta) \approx\; & 0 + 2\,\theta_1 \\ &  + 0\,(\theta_2 - 3) \end{aligned}")


def test_circle_step_latex_with_eta():
    # (a, b) = (3, 4), ∇L = (6, 8), ‖∇L‖ = 10, d = 5: η = 0.5, θ = (0, 0).
    tex = ui.circle_step_latex((3.0, 4.0), 5.0, 0.5, (6.0, 8.0), 10.0, (0.0, 0.0))
    assert tex == (r"\begin{aligned} \theta &= \begin{bmatrix} a \\ b \end{bmatrix} - \eta \begin{bmatrix}"
                   r" u \\ v \end{bmatrix} = \begin{bmatrix} 3 \\ 4 \end{bmatrix} - 0.5 "
                   r"\begin{bmatrix} 6 \\ 8 \end{bmatrix} \\ &= \begin{bmatrix} 0 \\ 0 \end{bmatrix}, \quad "
                   r"\eta = \frac{5}{10} \end{aligned}")


def test_circle_step_latex_with_the_unit_direction_when_eta_overflows():
    # ‖∇L‖ = 5e-310: η = d/‖∇L‖ is inf; the unit direction ∇L/‖∇L‖ = (0.6, 0.8) is written instead.
    tex = ui.circle_step_latex((1.0, 2.0), 0.5, math.inf, (3e-310, 4e-310), 5e-310, (0.7, 1.6))
    assert tex == (r"\begin{aligned} \theta &= \begin{bmatrix} a \\ b \end{bmatrix} - d\,"
                   r"\frac{\nabla L}{\lVert \nabla L \rVert} \\ &= \begin{bmatrix} 1 \\ 2 \end{bmatrix} - 0.5 "
                   r"\begin{bmatrix} 0.6 \\ 0.8 \end{bmatrix} \\ &= \begin{bmatrix} 0.7 \\ 1.6 \end{bmatrix}"
                   r" \end{aligned}")


def test_inner_product_latex_puts_the_numbers_in():
    # (u, v) = (−1, −8), Δθ = (0.5, 0): −1 · 0.5 + (−8) · 0 = −0.5.
    assert ui.inner_product_latex(-1.0, -8.0, (0.5, 0.0), -0.5) == (
        r"\begin{aligned} (u, v)\cdot\Delta\theta &= u\,\Delta\theta_1 + v\,\Delta\theta_2 \\ &= "
        r"\left(-1\right) \cdot 0.5 + \left(-8\right) \cdot 0 \\ &= -0.5 \end{aligned}")


def test_newton_latex_puts_the_numbers_in():
    # L = 0.1x² + 2y² at (−5, −2): H = diag(0.2, 4), ∇L = (−1, −8), θ = (0, 0).
    tex = ui.newton_latex((-5.0, -2.0), [[0.2, 0.0], [0.0, 4.0]], (-1.0, -8.0), (0.0, 0.0))
    assert tex == (r"\theta = \begin{bmatrix} a \\ b \end{bmatrix} - H^{-1} \nabla L = "
                   r"\begin{bmatrix} -5 \\ -2 \end{bmatrix} - \begin{bmatrix} 0.2 & 0 \\ 0 & 4 \end{bmatrix}^{-1} "
                   r"\begin{bmatrix} -1 \\ -8 \end{bmatrix} = \begin{bmatrix} 0 \\ 0 \end{bmatrix}")


# --- pages/8_more_limitations.py -----------------------------------------------------------------

def test_point_text_uses_three_digits():
    assert ui.point_text((-4.4912, 0.50149)) == "(-4.49, 0.501)"
    assert ui.point_text((1e-28, -2.0), digits=2) == "(1.0e-28, -2)"


@pytest.mark.parametrize(("verdict", "flat_since", "diverged_at", "text"), [
    ("plateau", 0, None, "very slow at the plateau: ∂L/∂w ≈ 0 since update 0"),
    ("saddle", 39, None, "stuck at a saddle point: ∂L/∂w ≈ 0 since update 39"),
    ("local_min", None, None, "stuck at a local minimum: ∂L/∂w ≈ 0"),
    ("global_min", 17, None, "the global minimum: ∂L/∂w ≈ 0 since update 17"),
    ("moving", None, None, "still moving: ‖∇L‖ is above 10⁻³"),
    ("diverged", None, 12, "diverged at update 12"),
])
def test_ending_text_in_the_lectures_words(verdict, flat_since, diverged_at, text):
    end = types.SimpleNamespace(verdict=verdict, flat_since=flat_since, diverged_at=diverged_at)
    assert ui.ending_text(end) == text


@pytest.mark.parametrize(("raw", "shown"), [("pi/4", "π/4"), ("2*sqrt(2)", "2·√(2)"), ("x**2", "x^2"),
                                            ("spin", "spin"), ("`pi`", "π")])
def test_formula_text_writes_pi_and_roots_as_a_slide_does(raw, shown):
    assert ui.formula_text(raw) == shown
