"""Numbers and link values as the pages show them."""

from __future__ import annotations

import math

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
    from gd_core.theory import best_step

    # y = x² − 2x + 1 from x₀ = 4: |4 + (−2)/2| = |6|/2 = 3.
    expected = (r"\begin{aligned}\left|x_0 + \frac{b}{2a}\right| &= \left|4 + \frac{-2}{2}\right| = 3 \\[2pt]"
                r"\frac{|2ax_0 + b|}{2a} &= \frac{\left|6\right|}{2} = 3\end{aligned}")
    assert ui.best_step_latex(best_step(1.0, -2.0, 4.0, 1.0)) == expected


def test_gradient_step_latex_puts_the_numbers_in():
    from gd_core.theory import best_step, gradient_step

    # x¹ = 0.5 − 0.2 · (2·1·0.5 − 3) = 0.5 − 0.2 · (−2) = 0.9: the negative derivative in parentheses.
    expected = (r"\begin{aligned}x^1 &= x_0 - \eta\,(2ax_0 + b) \\&= 0.5 - 0.2 \cdot \left(-2\right) = 0.9"
                r"\end{aligned}")
    assert ui.gradient_step_latex(best_step(1.0, -3.0, 0.5), gradient_step(1.0, -3.0, 0.5, 0.2)) == expected
