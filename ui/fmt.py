"""Numbers, LaTeX and user text on screen, and gd_core's refusals in the page's language."""

from __future__ import annotations

import math
import re
from typing import TYPE_CHECKING

from i18n import tr, translate, trn

if TYPE_CHECKING:
    from gd_core.lessons.best_step import BestStep, GradientStep


def fmt_param(value: float) -> str:
    """A hyperparameter as it goes into the URL and on screen: shortest exact form."""
    return f"{value:g}" if isinstance(value, float) else str(value)


def num(value: float, digits: int = 4) -> str:
    """A number for the screen: 4 significant digits, scientific when very large or small."""
    if value is None:
        return "—"
    value = float(value)
    if not math.isfinite(value):
        return tr("not finite")
    if value == 0:
        return "0"
    if 1e-3 <= abs(value) < 1e6:
        text_value = f"{value:.{digits}g}"
        if "e" not in text_value:
            return text_value
    mantissa, exponent = f"{value:.{digits - 1}e}".split("e")
    return f"{mantissa}e{int(exponent)}"


_SUPERSCRIPT = str.maketrans("0123456789-+", "⁰¹²³⁴⁵⁶⁷⁸⁹⁻⁺")


def sup(n: int) -> str:
    """An integer as superscript digits, for labels like θ³."""
    return str(n).translate(_SUPERSCRIPT)


def tex_num(value: float, digits: int = 4) -> str:
    """A number for st.latex: scientific notation as ×10^k."""
    text_value = num(value, digits)
    if "e" in text_value and text_value[0] in "-0123456789":
        mantissa, exponent = text_value.split("e")
        return rf"{mantissa} \times 10^{{{int(exponent)}}}"
    return text_value if text_value[0] in "-0123456789" else r"\text{" + text_value + "}"


def safe(raw: str) -> str:
    """A URL value shown to the user: short, one line, inside a code span (no Markdown or HTML)."""
    text = re.sub(r"[`\r\n\t]", " ", str(raw))
    text = "".join(ch for ch in text if ch.isprintable())
    return (text[:40] + "…") if len(text) > 40 else text


def formula_text(raw: str) -> str:
    """A typed formula as a slide writes it in a figure's title: π for pi, √ for sqrt, · for *, ^ as it is
    (``pi/4`` → ``π/4``, ``2*sqrt(2)`` → ``2·√(2)``); made safe as :func:`safe` does."""
    text = re.sub(r"\bpi\b", "π", safe(raw).strip())
    return re.sub(r"\bsqrt\b", "√", text).replace("**", "^").replace("*", "·")


_PLAIN_VALUE = re.compile(r"[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?|[^\W_]+( [^\W_]+)*")
"""A number, or words of letters and digits: text that reads the same in Markdown as in plain text."""
_QUOTES = (("'", "'"), ("「", "」"), ("“", "”"))
"""Quotes that may stand around a value in an error's sentence; a code span takes their place."""


def reason(exc: BaseException) -> str:
    """Why gd_core refused something, in the current language, to put into a translated sentence.

    gd_core's errors carry an English ``template`` with ``{fields}`` and its ``params``
    (gd_core/errors.py); the template is looked up in the tables like a tr() string. A value that is a
    number or plain words (``z``, ``price``, ``abc``) is filled in as it is; any other value (``__a__``, a
    column named ``**x**`` or ``www.example.com``) goes in a code span through :func:`safe`, in place of
    the quotes around it, so that what a user typed is never read as Markdown or HTML. Any other
    exception: its message as it is.
    """
    template, params = getattr(exc, "template", None), getattr(exc, "params", None)
    if not isinstance(template, str) or not isinstance(params, dict):
        return str(exc)
    text = translate(template)
    shown = {}
    for name, value in params.items():
        value = str(value)
        if _PLAIN_VALUE.fullmatch(value) and len(value) <= 40:
            shown[name] = value
            continue
        for left, right in _QUOTES:
            text = text.replace(f"{left}{{{name}}}{right}", f"{{{name}}}")
        shown[name] = f"`{safe(value) or ' '}`"
    return text.format(**shown)


def loss_story(losses, updates: int | None = None, diverged_at: int | None = None, name: str = "") -> str:
    """A chart's key number in words: how the loss went from θ⁰ to the last update shown (``updates``, all of them
    unless given), or where the run diverged; after "``name``: " when a name is given."""
    story = _loss_story(losses, updates, diverged_at)
    return f"{name}: {story}" if name else story


def _loss_story(losses, updates: int | None, diverged_at: int | None) -> str:
    if diverged_at is not None:
        return tr("The run diverged at update {t}.", t=diverged_at)
    n = len(losses) - 1 if updates is None else int(updates)
    if n <= 0 or len(losses) == 0:
        return tr("The loss is {value} at θ⁰.", value=num(losses[0])) if len(losses) else ""
    first, last = float(losses[0]), float(losses[n])
    if last < first:
        return trn("The loss fell from {a} to {b} in {n} update.", "The loss fell from {a} to {b} in {n} updates.", n,
                   a=num(first), b=num(last))
    return trn("The loss went from {a} to {b} in {n} update: it did not fall.",
               "The loss went from {a} to {b} in {n} updates: it did not fall.", n, a=num(first), b=num(last))


# --- LaTeX pieces several pages use ----------------------------------------------------------------------

def tex_vector(values) -> str:
    r"""A column vector for st.latex, its entries through :func:`tex_num`:
    ``\begin{bmatrix} 1 \\ -2 \end{bmatrix}``."""
    return r"\begin{bmatrix} " + r" \\ ".join(tex_num(v) for v in values) + r" \end{bmatrix}"


def tex_factor(value: float) -> str:
    r"""A number for st.latex through :func:`tex_num`, in parentheses when negative (for products and sums):
    ``\left(-2\right)``."""
    text_value = tex_num(value)
    return rf"\left({text_value}\right)" if value < 0 else text_value


def tex_signed(value: float) -> str:
    """A term for st.latex with its sign as the operator: " + 2.5" or " - 2.5"."""
    return (" - " if value < 0 else " + ") + tex_num(abs(value))


def tex_shifted(symbol: str, value: float) -> str:
    r"""(symbol − value) for st.latex with the sign folded: ``(\theta_1 + 5)`` for value −5, the symbol
    alone for 0."""
    return rf"({symbol}{tex_signed(-value)})" if value != 0 else symbol


# --- pages/3_adagrad_tables.py ---------------------------------------------------------------------------

def num_or_dash(value: float, defined: bool = True) -> str:
    """A number for a table's cell through :func:`num`, or "—" where it is not defined (a ratio over σᵗ = 0)."""
    return num(value) if defined else "—"


def adagrad_update_latex(t: int, before, ratio, g, after) -> str:
    r"""Adagrad's update t in numbers, one entry a parameter: θᵗ⁺¹ = θᵗ − ηᵗ/σᵗ ⊙ gᵗ, then the vectors
    ``before`` (θᵗ), ``ratio`` (ηᵗ/σᵗ), ``g`` (gᵗ) and ``after`` (θᵗ⁺¹)."""
    a, b = f"{t}", f"{t + 1}"
    return (
        r"\begin{aligned}"
        rf"\theta^{{{b}}} &= \theta^{{{a}}} - \frac{{\eta^{{{a}}}}}{{\sigma^{{{a}}}}} \odot g^{{{a}}} \\"
        rf"&= {tex_vector(before)} - {tex_vector(ratio)} \odot {tex_vector(g)} \\"
        rf"&= {tex_vector(after)}"
        r"\end{aligned}"
    )


# --- pages/4_best_step.py --------------------------------------------------------------------------------

def poly_term(value: float, power: str, first: bool) -> str:
    """One term of a polynomial as it reads: "x²", " − 2x", " + 1"; the ``first`` term without a leading
    " + ", any other term with a coefficient of 0 as nothing, a coefficient of 1 not written."""
    if value == 0 and not first:
        return ""
    size = num(abs(value))
    body = (("" if size == "1" else size) + power) if power else size
    if value < 0:
        return f"−{body}" if first else f" − {body}"
    return body if first else f" + {body}"


def parabola_text(a: float, b: float, c: float) -> str:
    """y = ax² + bx + c for a figure title, signs folded in: y = x² − 2x + 1."""
    return "y = " + poly_term(a, "x²", True) + poly_term(b, "x", False) + poly_term(c, "", False)


def best_step_latex(best: BestStep) -> str:
    r"""The slide's two forms of the best step with the numbers put in: |x₀ + b/2a| and |2ax₀ + b|/2a."""
    second, value = tex_num(best.second), tex_num(best.best)
    return (
        r"\begin{aligned}"
        rf"\left|x_0 + \frac{{b}}{{2a}}\right| &= \left|{tex_num(best.x0)} + \frac{{{tex_num(best.b)}}}"
        rf"{{{second}}}\right| = {value} \\[2pt]"
        rf"\frac{{|2ax_0 + b|}}{{2a}} &= \frac{{\left|{tex_num(best.first)}\right|}}{{{second}}} = {value}"
        r"\end{aligned}"
    )


def gradient_step_latex(best: BestStep, step: GradientStep) -> str:
    r"""One gradient step with the numbers put in: x¹ = x₀ − η(2ax₀ + b)."""
    return (
        r"\begin{aligned}"
        r"x^1 &= x_0 - \eta\,(2ax_0 + b) \\"
        rf"&= {tex_num(step.x0)} - {tex_num(step.eta)} \cdot {tex_factor(best.first)} = {tex_num(step.x1)}"
        r"\end{aligned}"
    )


# --- pages/6_feature_scaling.py --------------------------------------------------------------------------

def updates_to_target(reached_at: int | None, steps: int, words: bool = False) -> str:
    """The updates a run needed to reach its target, or that it did not within its ``steps``:
    "> 1000", or in words "more than 1000"."""
    if reached_at is not None:
        return str(reached_at)
    return tr("more than {n}", n=steps) if words else f"> {steps}"


# --- pages/7_why_it_works.py -----------------------------------------------------------------------------

def taylor_latex(polynomial: str, max_lines: int = 8) -> str:
    r"""h(x) ≈ a polynomial's LaTeX (terms joined by " + " and " - "), one term per line and at most
    ``max_lines`` lines: the first terms, ``+ \cdots``, the last term. A sign inside braces or
    parentheses does not start a term."""
    terms, depth, start = [], 0, 0
    for i, ch in enumerate(polynomial):
        if ch in "{(":
            depth += 1
        elif ch in "})":
            depth -= 1
        elif depth == 0 and i > 0 and polynomial[i - 1] == " " and ch in "+-" and polynomial[i + 1:i + 2] == " ":
            terms.append(polynomial[start:i - 1])
            start = i
    terms.append(polynomial[start:])
    if len(terms) > max_lines:
        terms = [*terms[: max_lines - 2], r"+ \cdots", terms[-1]]
    return r"\begin{aligned} h(x) \approx\; & " + r" \\ & ".join(terms) + r" \end{aligned}"


def tangent_plane_latex(s: float, u: float, v: float, a: float, b: float) -> str:
    r"""The tangent plane at (a, b) with its numbers: L(θ) ≈ s + u(θ₁ − a) + v(θ₂ − b), signs folded, on two
    lines."""
    theta1, theta2 = tex_shifted(r"\theta_1", a), tex_shifted(r"\theta_2", b)
    return (rf"\begin{{aligned}} L(\theta) \approx\; & {tex_num(s)}{tex_signed(u)}\,{theta1} \\ "
            rf"& {tex_signed(v)}\,{theta2} \end{{aligned}}")


def circle_step_latex(center, d: float, eta: float, gradient, grad_norm: float, point) -> str:
    r"""The red circle's step θ = (a, b) − η(u, v) with its numbers and η = d/‖∇L‖; where η is not a finite
    number (‖∇L‖ too small), the same step as θ = (a, b) − d ∇L/‖∇L‖ with the unit direction."""
    if not math.isfinite(eta):
        unit = (gradient[0] / grad_norm, gradient[1] / grad_norm)
        return (r"\begin{aligned} \theta &= \begin{bmatrix} a \\ b \end{bmatrix} - d\,"
                r"\frac{\nabla L}{\lVert \nabla L \rVert} \\ &= " + tex_vector(center) + rf" - {tex_num(d)} "
                + tex_vector(unit) + r" \\ &= " + tex_vector(point) + r" \end{aligned}")
    return (r"\begin{aligned} \theta &= \begin{bmatrix} a \\ b \end{bmatrix} - \eta \begin{bmatrix}"
            r" u \\ v \end{bmatrix} = " + tex_vector(center) + rf" - {tex_num(eta)} " + tex_vector(gradient)
            + r" \\ &= " + tex_vector(point) + rf", \quad \eta = \frac{{{tex_num(d)}}}{{{tex_num(grad_norm)}}}"
            + r" \end{aligned}")


def inner_product_latex(u: float, v: float, delta, value: float) -> str:
    r"""(u, v)·Δθ = u Δθ₁ + v Δθ₂ with the numbers put in, and its value."""
    return (r"\begin{aligned} (u, v)\cdot\Delta\theta &= u\,\Delta\theta_1 + v\,\Delta\theta_2 \\ &= "
            + rf"{tex_factor(u)} \cdot {tex_factor(delta[0])} + {tex_factor(v)} \cdot {tex_factor(delta[1])} \\ "
            + rf"&= {tex_num(value)} \end{{aligned}}")


def newton_latex(center, hessian, gradient, point) -> str:
    r"""Newton's step θ = (a, b) − H⁻¹∇L with the numbers of the 2 × 2 Hessian ``hessian`` put in."""
    H = hessian
    return (r"\theta = \begin{bmatrix} a \\ b \end{bmatrix} - H^{-1} \nabla L = " + tex_vector(center)
            + r" - \begin{bmatrix} " + rf"{tex_num(H[0][0])} & {tex_num(H[0][1])} \\ "
            + rf"{tex_num(H[1][0])} & {tex_num(H[1][1])}" + r" \end{bmatrix}^{-1} "
            + tex_vector(gradient) + " = " + tex_vector(point))


# --- pages/8_more_limitations.py -------------------------------------------------------------------------

def point_text(theta, digits: int = 3) -> str:
    """A point (θ₁, θ₂) for a table, each number through :func:`num`: "(-1.04e-28, 0)"."""
    return f"({num(theta[0], digits)}, {num(theta[1], digits)})"


def ending_text(end) -> str:
    """Where a run of gradient descent stopped (an ``Ending`` of ``gd_core.landscapes.endings``), in the
    lecture's words, with the update from which ‖∇L‖ stayed at most 10⁻³ when there is one."""
    since = "" if end.flat_since is None else tr(" since update {t}", t=end.flat_since)
    texts = {
        "plateau": tr("very slow at the plateau: ∂L/∂w ≈ 0{since}"),
        "saddle": tr("stuck at a saddle point: ∂L/∂w ≈ 0{since}"),
        "local_min": tr("stuck at a local minimum: ∂L/∂w ≈ 0{since}"),
        "global_min": tr("the global minimum: ∂L/∂w ≈ 0{since}"),
        "moving": tr("still moving: ‖∇L‖ is above 10⁻³{since}"),
        "diverged": tr("diverged at update {t}{since}"),
    }
    return texts[end.verdict].format(since=since, t=end.diverged_at)
