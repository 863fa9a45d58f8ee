"""Theory: is L(θ⁰) > L(θ¹) > L(θ²) > … always true? Taylor series, the tangent plane, the red circle
(minimizing the linear approximation in a circle of radius d is gradient descent with η = d/‖∇L‖), and
Newton's second-order step, which goes wrong at a saddle or where the loss curves downwards."""

import math

import numpy as np
import streamlit as st

import gd_core
import ui
from figures import theory as fig_theory
from gd_core import red_circle, theory
from i18n import tr

ui.start_page(
    "theory",
    tr("Why it works, and when it does not"),
    tr("Each update should lower the loss. Is that always true? Near a point, L is almost a plane (Taylor), and "
       "the plane's lowest point in a small red circle is a gradient-descent step."),
    r"L(\theta^0) > L(\theta^1) > L(\theta^2) > \cdots \; ?",
)

D_MAX = 6.0
"""Largest radius d of the red circle on the slider (and on the d axis)."""
POINT_LIMIT = 50.0
"""(a, b) may be typed anywhere in ±POINT_LIMIT."""
CURVES = {"sin": "sin(x)"}
THETA1, THETA2 = r"\theta_1", r"\theta_2"
EXAMPLES = {
    # key: (loss preset, a, b) for the buttons on the Newton tab.
    "bowl": ("elongated", -5.0, -2.0),
    "saddle": ("saddle", 1.0, 0.3),
    "plateau": ("plateau", 2.5, 2.0),
    "hilltop": ("himmelblau", -0.5, -0.5),
}


# --- cached calls into gd_core ---------------------------------------------------------------

@ui.cache_data(max_entries=64)
def taylor_cached(formula: str, x0_text: str, order: int, drawn: tuple, half: float):
    """The order-``order`` Taylor polynomial's LaTeX, x₀, h(x₀), its coefficients (as text, and value), and
    the curves of h and of the polynomials of every order in ``drawn``."""
    poly = theory.taylor(formula, x0_text, order)
    highest = theory.taylor(formula, x0_text, max(drawn))
    xs, h, curves = red_circle.taylor_orders(highest, drawn, (poly.x0 - half, poly.x0 + half))
    coefficients = tuple((theory.coefficient_text(c), float(c)) for c in poly.coefficients)
    return poly.latex, poly.x0, float(poly.curve(poly.x0)), coefficients, xs, h, curves


@ui.cache_data(max_entries=64)
def linear_cached(formula: str, a: float, b: float):
    """The first-order Taylor model of the loss at (a, b) (raises ValueError where L is not finite)."""
    return theory.linear_model(ui.parse_cached(formula), a, b)


@ui.cache_data(max_entries=64)
def plane_cached(formula: str, a: float, b: float, x_range: tuple, y_range: tuple):
    """The tangent plane on a grid over the given square."""
    return red_circle.tangent_plane(linear_cached(formula, a, b), x_range, y_range)


@ui.cache_data(max_entries=64)
def circle_cached(formula: str, a: float, b: float, d: float):
    """The red circle's step for this d, and the loss change for every d from 0 to D_MAX."""
    loss = ui.parse_cached(formula)
    return theory.circle_step(loss, a, b, d), red_circle.circle_curve(loss, a, b, red_circle.radii(D_MAX, 601))


@ui.cache_data(max_entries=64)
def inner_cached(formula: str, a: float, b: float, d: float, angle: float, fraction: float):
    """The slide's inner product at (a, b): the chosen Δθ, and the minimiser −η(u, v) on the circle's edge."""
    lin = linear_cached(formula, a, b)
    return red_circle.inner_product(lin.u, lin.v, d, angle, fraction)


@ui.cache_data(max_entries=64)
def newton_cached(formula: str, a: float, b: float):
    """Newton's quadratic model at (a, b), the loss at Newton's point, and both along the line to it."""
    loss = ui.parse_cached(formula)
    quad = theory.quadratic_model(loss, a, b)
    return quad, float(loss.value(quad.newton_point)), red_circle.newton_slice(loss, quad)


# --- formatting (LaTeX only, no math) ----------------------------------------------------------

def signed(value: float) -> str:
    """" + 2.5" or " - 2.5" for a term in st.latex."""
    return (" - " if value < 0 else " + ") + ui.tex_num(abs(value))


def shifted(symbol: str, value: float) -> str:
    """(θ₁ − a) with a's number filled in and the sign folded: (θ₁ + 5)."""
    return rf"({symbol}{signed(-value)})" if value != 0 else symbol


def column(x: float, y: float) -> str:
    return rf"\begin{{bmatrix}} {ui.tex_num(x)} \\ {ui.tex_num(y)} \end{{bmatrix}}"


def par(value: float) -> str:
    """A number for a product in st.latex, in parentheses when negative."""
    return rf"\left({ui.tex_num(value)}\right)" if value < 0 else ui.tex_num(value)


def latex_lines(text: str, max_lines: int = 8) -> str:
    """A polynomial (terms joined by " + " and " - ") one term per line, at most ``max_lines`` lines."""
    terms, depth, start = [], 0, 0
    for i, ch in enumerate(text):
        if ch in "{(":
            depth += 1
        elif ch in "})":
            depth -= 1
        elif depth == 0 and i > 0 and text[i - 1] == " " and ch in "+-" and text[i + 1:i + 2] == " ":
            terms.append(text[start:i - 1])
            start = i
    terms.append(text[start:])
    if len(terms) > max_lines:
        terms = [*terms[: max_lines - 2], r"+ \cdots", terms[-1]]
    return r"\begin{aligned} h(x) \approx\; & " + r" \\ & ".join(terms) + r" \end{aligned}"


def use_example(key: str) -> None:
    """Button callback: put an example's loss and point into the sidebar's controls."""
    loss_key, a, b = EXAMPLES[key]
    st.session_state["theory:loss"] = loss_key
    st.session_state["theory:a"] = a
    st.session_state["theory:b"] = b


# --- the parts, and the settings of the part that is open ------------------------------------------

tab_taylor, tab_plane, tab_circle, tab_newton = ui.views("part", {
    "taylor": tr("Question and Taylor series"), "plane": tr("Tangent plane"), "circle": tr("Red circle"),
    "newton": tr("Newton's method"),
})
taylor_open, plane_open, circle_open, newton_open = (
    t.open is not False for t in (tab_taylor, tab_plane, tab_circle, tab_newton))

with st.sidebar:
    if taylor_open:
        st.header(tr("Taylor series"))
        which = ui.choice("h", tr("The function h(x)"), {"sin": tr("sin x (the slide's example)"),
                                                           ui.CUSTOM: tr("Type a function of x…")}, "sin")
        curve_text = CURVES.get(which) or ui.text(
            "hf", tr("Your function of x"), "exp(x)",
            help=tr("Use x, numbers, + - * / ^, parentheses, pi, e and sin cos tan exp log sqrt tanh abs."))
        x0_text = ui.text("x0", tr("Around x₀ (a number, or e.g. pi/4)"), "pi/4", max_chars=40)
        order = ui.int_slider("order", tr("Order of the polynomial"), 0, theory.MAX_TAYLOR_ORDER, 3,
                              help=tr("How many derivatives of h at x₀ the polynomial uses. This one is written "
                                      "out, and drawn thick."))
        others = ui.int_set("orders", tr("Draw other orders too"), range(theory.MAX_TAYLOR_ORDER + 1),
                            (0, 1, 2, 5, 9), help=tr("Taylor polynomials of these orders, drawn over each other."))
        half = ui.slider("w", tr("Plot window x₀ ±"), 0.5, 10.0, 4.0, 0.5)
    if plane_open or circle_open or newton_open:
        st.header(tr("The loss and the point (a, b)"))
        picked = ui.loss_picker("elongated")
        c1, c2 = st.columns(2)
        a = ui.number("a", "a (θ₁)", -POINT_LIMIT, POINT_LIMIT, picked.start[0], 0.1, where=c1, fmt="%.2f")
        b = ui.number("b", "b (θ₂)", -POINT_LIMIT, POINT_LIMIT, picked.start[1], 0.1, where=c2, fmt="%.2f")
    if circle_open or newton_open:
        d = ui.slider("d", tr("Radius d of the red circle"), 0.0, D_MAX, 0.5, 0.05,
                      help=tr("The step stays inside this circle around (a, b): the learning rate is η = d/‖∇L‖."))


def point_ok() -> bool:
    """Whether the loss and (a, b) can be used; if not, say why."""
    if picked.loss is None:
        st.info(tr("Fix the formula in the sidebar to see this part."))
        return False
    try:
        linear_cached(picked.formula, a, b)
    except ValueError as exc:
        st.error(tr("This point (a, b) cannot be used: {reason}.", reason=ui.reason(exc)), icon=":material/edit:")
        return False
    return True


def scale() -> float:
    """The least half-width of a zoomed window: 15 % of the loss's plot window."""
    return 0.15 * max(picked.x_range[1] - picked.x_range[0], picked.y_range[1] - picked.y_range[0])


# --- the question and Taylor series ------------------------------------------------------------

if taylor_open:
    with tab_taylor:
        st.markdown(tr("How to find the smallest value near a point? **Taylor series**: near x₀, "
                       "h(x) ≈ h(x₀) + h′(x₀)(x − x₀)."))
        try:
            gd_core.parse_curve(curve_text)
        except gd_core.ExpressionError as exc:
            st.error(tr("This function cannot be used: {reason}.", reason=ui.reason(exc)), icon=":material/edit:")
        else:
            drawn = tuple(sorted({order, *others}))
            try:
                tex, x0, h0, coefficients, xs, h, curves = taylor_cached(curve_text, x0_text, order, drawn, half)
            except ValueError as exc:
                st.error(tr("The Taylor series around this x₀ cannot be drawn: {reason}.", reason=ui.reason(exc)),
                         icon=":material/edit:")
            else:
                left, right = st.columns([3, 2], gap="medium")
                with left:
                    name = "sin x" if which == "sin" else "h(x) = " + curve_text
                    polynomials = [(tr("order {k}", k=k), p, k == order) for k, p in zip(drawn, curves)]
                    fig = fig_theory.taylor_figure(
                        xs, h, polynomials, x0, h0,
                        tr("{name} and its Taylor polynomials around x₀ = {x0}", name=name, x0=x0_text.strip()),
                        name, height=395)
                    ui.chart(fig, key="taylor")
                with right:
                    st.latex(r"h(x) = \sum_{k=0}^{\infty} \frac{h^{(k)}(x_0)}{k!}\,(x - x_0)^k")
                    st.latex(latex_lines(tex))
                st.caption(tr("Grey: h(x). Thick orange: the polynomial of order {k}, written on the right; the thin "
                              "lines: the other orders chosen in the sidebar. Near x₀ even order 1, a straight line, "
                              "is close; each higher order hugs h over a wider stretch.", k=order))
                with st.expander(tr("All the coefficients h⁽ᵏ⁾(x₀)/k!")):
                    ui.table([{"k": k, tr("exact"): exact, tr("value"): ui.num(value, 6)}
                              for k, (exact, value) in enumerate(coefficients)], "coefficients")

# --- the tangent plane ----------------------------------------------------------------------

if plane_open:
    with tab_plane:
        st.markdown(tr("With two parameters: **when θ is close to (a, b)**, the loss is close to a plane."))
        if point_ok():
            lin = linear_cached(picked.formula, a, b)
            x_range, y_range = ui.fit_window(picked.x_range, picked.y_range, np.array([(a, b)]), grow=30.0)
            left, right = st.columns([3, 2], gap="medium")
            with left:
                xs, ys, Z = ui.grid_cached(picked.formula, x_range, y_range, 50)
                hx, hy = fig_theory.plane_half_side(Z, lin.u, lin.v, x_range[1] - x_range[0],
                                                    y_range[1] - y_range[0])
                pxs, pys, P = plane_cached(picked.formula, a, b, (a - hx, a + hx), (b - hy, b + hy))
                ui.chart(fig_theory.tangent_plane_figure(xs, ys, Z, pxs, pys, P, a, b, lin.s, lin.u, lin.v,
                                                         tr("The loss and its tangent plane at (a, b)"),
                                                         tr("tangent plane"), "(a, b)", height=410), key="plane")
            with right:
                st.latex(r"L(\theta) \approx s + u(\theta_1 - a) + v(\theta_2 - b)")
                st.latex(r"s = L(a, b), \quad (u, v) = \nabla L(a, b)")
                st.markdown(tr("**Here**, at (a, b) = ({a}, {b}):", a=ui.num(a), b=ui.num(b)))
                st.latex(rf"\begin{{aligned}} L(\theta) \approx\; & {ui.tex_num(lin.s)}{signed(lin.u)}\,"
                         rf"{shifted(THETA1, a)} \\ & {signed(lin.v)}\,{shifted(THETA2, b)} \end{{aligned}}")
                m1, m2, m3 = st.columns(3)
                m1.metric("s", ui.num(lin.s), help=tr("s = L(a, b)"))
                m2.metric("u", ui.num(lin.u), help=tr("u = ∂L/∂θ₁ at (a, b)"))
                m3.metric("v", ui.num(lin.v), help=tr("v = ∂L/∂θ₂ at (a, b)"))
            st.caption(tr("Orange: the plane s + u(θ₁ − a) + v(θ₂ − b). It touches the surface at (a, b) and "
                          "leaves it as you move away. Drag the figure to turn it."))

# --- the red circle -------------------------------------------------------------------------------

if circle_open:
    with tab_circle:
        if point_ok():
            step, curve = circle_cached(picked.formula, a, b, d)
            lin = step.model
            moved = d > 0 and step.eta is not None
            x_range, y_range = fig_theory.square_window([(a - d, b - d), (a + d, b + d)], scale())
            xs, ys, Z = ui.grid_cached(picked.formula, x_range, y_range, 80)
            left, right = st.columns([1, 1], gap="medium")
            with left:
                ui.chart(fig_theory.circle_figure(
                    xs, ys, Z, (a, b), d, step.point, tr("The red circle, d = {d}", d=ui.fmt_param(d)),
                    tr("red circle"), "(a, b)", "θ", minima=picked.minima,
                    saddles=picked.preset.saddles if picked.preset else (), x_range=x_range, y_range=y_range,
                    height=430, marker_labels=ui.marker_labels()), key="circle")
            with right:
                m1, m2 = st.columns(2)
                m1.metric(tr("η = d / ‖∇L‖"), ui.num(step.eta) if step.eta is not None else "—")
                m2.metric("L(a, b)", ui.num(lin.s))
                m3, m4 = st.columns(2)
                m3.metric(tr("The plane promises"), ui.num(step.predicted),
                          delta=ui.num(step.predicted - lin.s) if moved else None, delta_color="inverse",
                          help=tr("s − d‖∇L‖: the plane at θ"))
                m4.metric(tr("True L(θ)"), ui.num(step.actual),
                          delta=ui.num(step.actual - lin.s) if moved else None, delta_color="inverse")
                if step.eta is not None and not math.isfinite(step.eta):
                    # ‖∇L‖ so small that d/‖∇L‖ overflows: the same step, with the unit direction ∇L/‖∇L‖.
                    norm = curve.grad_norm
                    st.latex(
                        r"\begin{aligned} \theta &= \begin{bmatrix} a \\ b \end{bmatrix} - d\,"
                        r"\frac{\nabla L}{\lVert \nabla L \rVert} \\ &= " + column(a, b) + rf" - {ui.tex_num(d)} "
                        + column(lin.u / norm, lin.v / norm) + r" \\ &= " + column(*step.point) + r" \end{aligned}"
                    )
                    st.caption(tr("‖∇L‖ = {g} is too small for η = d / ‖∇L‖ to be a number: the step is written "
                                  "with the unit direction ∇L / ‖∇L‖ instead.", g=ui.num(norm)))
                elif step.eta is not None:
                    st.latex(
                        r"\begin{aligned} \theta &= \begin{bmatrix} a \\ b \end{bmatrix} - \eta \begin{bmatrix}"
                        r" u \\ v \end{bmatrix} = " + column(a, b) + rf" - {ui.tex_num(step.eta)} "
                        + column(lin.u, lin.v) + r" \\ &= " + column(*step.point)
                        + rf", \quad \eta = \frac{{{ui.tex_num(d)}}}{{{ui.tex_num(curve.grad_norm)}}}"
                        + r" \end{aligned}"
                    )
                if step.eta is None:
                    st.info(tr("∇L(a, b) = 0: the plane is flat, no direction is better than another. "
                               "Pick another point."))
                elif d == 0:
                    st.info(tr("d = 0: no room to move, θ = (a, b). Make d larger."))
                elif step.decreased and (curve.best_d is None or d <= curve.best_d):
                    st.success(tr("The loss went down: the circle is small enough."), icon=":material/check:")
                elif step.decreased:
                    st.info(tr("The loss went down, but less than with a smaller circle: past d ≈ {v} the true "
                               "loss turns up again.", v=ui.num(curve.best_d, 3)))
                else:
                    st.warning(tr("The circle is too large: the true loss went **up**, although the plane "
                                  "promised a decrease."), icon=":material/warning:")
            st.markdown(tr("**Why against the gradient?** In the circle, L(θ) ≈ s + u Δθ₁ + v Δθ₂ with "
                           "Δθ = θ − (a, b): s is fixed, so the best Δθ makes the inner product (u, v)·(Δθ₁, Δθ₂) "
                           "smallest. Turn Δθ around and compare."))
            left, right = st.columns([1, 1], gap="medium")
            with right:
                angle = ui.slider("angle", tr("Direction of Δθ (degrees from the θ₁ axis)"), 0.0, 360.0, 0.0, 5.0)
                fraction = ui.slider("length", tr("Length of Δθ (a fraction of d)"), 0.0, 1.0, 1.0, 0.05)
                ip = inner_cached(picked.formula, a, b, d, angle, fraction)
                dt1, dt2 = ip.delta
                st.latex(r"\begin{aligned} (u, v)\cdot\Delta\theta &= u\,\Delta\theta_1 + v\,\Delta\theta_2 \\ &= "
                         + rf"{par(ip.u)}\,{par(dt1)} + {par(ip.v)}\,{par(dt2)} \\ &= {ui.tex_num(ip.value)}"
                         + r" \end{aligned}")
                if ip.best is not None and d > 0:
                    st.latex(r"-\eta \begin{bmatrix} u \\ v \end{bmatrix} = -d\,"
                             r"\frac{(u, v)}{\lVert (u, v) \rVert} = " + column(*ip.best))
                    st.latex(r"(u, v)\cdot\bigl(-\eta\,(u, v)\bigr) = -d\,\lVert (u, v) \rVert = "
                             + ui.tex_num(ip.best_value))
                    st.caption(tr("No Δθ in the circle gives less than −d‖(u, v)‖ = {v}: the minimiser points "
                                  "exactly against (u, v), on the edge.", v=ui.num(ip.best_value)))
            with left:
                ui.chart(fig_theory.inner_product_figure(
                    ip.u, ip.v, d, ip.delta, ip.best, tr("Inside the red circle, d = {d}", d=ui.fmt_param(d)),
                    "(a, b)", "(u, v)", "Δθ", "−η(u, v)", tr("red circle"),
                    tr("u Δθ₁ + v Δθ₂ = −d‖(u, v)‖"), height=400), key="inner")
            st.caption(tr("Red arrow: the direction of (u, v) = ∇L(a, b), drawn as long as d (its true length is "
                          "‖(u, v)‖ = {g}). Purple: your Δθ. Blue: the minimiser −η(u, v) on the edge; the grey "
                          "dashes are the points where the inner product is as small as there, a line at right "
                          "angles to (u, v) that only touches the circle.", g=ui.num(ip.norm)))
            shown = fig_theory.curve_window(D_MAX, d, curve.best_d, curve.up_from)
            ui.chart(fig_theory.circle_curve_figure(
                curve.d, curve.actual, curve.predicted, d, step.actual - lin.s, curve.best_d, curve.up_from,
                shown, tr("The change of the loss as the circle grows"), tr("radius d of the red circle"),
                "L(θ) − L(a, b)", tr("true loss"), tr("what the plane promises, −d‖∇L‖"), tr("d now"),
                tr("turns up at d ≈ {v}", v=ui.num(curve.best_d, 3)) if curve.best_d is not None else "",
                tr("no decrease past d ≈ {v}", v=ui.num(curve.up_from, 3)) if curve.up_from is not None else "",
                height=380), key="circle_curve")
            st.caption(tr("Top: the red circle (θ₁ − a)² + (θ₂ − b)² ≤ d² and the step to the plane's lowest point "
                          "in it, θ (blue). Bottom: the loss change L(θ) − L(a, b) for every radius d: the plane "
                          "promises a straight line down (grey); the true loss (blue) follows it only while d is "
                          "small, turns up, and past the red dashed line the step makes the loss larger."))

# --- Newton's method --------------------------------------------------------------------------

KIND_TEXT = {
    "minimum": tr("Newton's point is the minimum of the model: it walks downhill, in one step to the bottom of "
                  "the bowl the model sees."),
    "maximum": tr("Newton's point is a maximum of the model: it walks uphill."),
    "saddle": tr("Newton's point is a saddle of the model: it heads for a saddle point, not for a minimum."),
    "flat": tr("The model is flat in some direction (its Hessian is singular): Newton's step uses only the "
               "directions in which it curves."),
}

if newton_open:
    with tab_newton:
        if point_ok():
            step, _ = circle_cached(picked.formula, a, b, d)
            lin = step.model
            quad, newton_loss, sliced = newton_cached(picked.formula, a, b)
            newton_point = quad.newton_point
            saddles = picked.preset.saddles if picked.preset else ()
            x_range, y_range = fig_theory.step_window((a, b), [step.point, newton_point],
                                                      [*picked.minima, *saddles], scale(), 10 * scale())
            xs, ys, Z = ui.grid_cached(picked.formula, x_range, y_range, 80)
            left, right = st.columns([1, 1], gap="medium")
            with left:
                fig = fig_theory.newton_figure(
                    xs, ys, Z, (a, b), step.point if step.eta is not None and d > 0 else None, newton_point,
                    tr("Newton's step beside the gradient step"), "(a, b)", tr("gradient step"), tr("Newton"),
                    minima=picked.minima, saddles=saddles, x_range=x_range, y_range=y_range, height=430,
                    marker_labels=ui.marker_labels())
                ui.chart(fig, key="newton")
                if not (x_range[0] <= newton_point[0] <= x_range[1] and y_range[0] <= newton_point[1] <= y_range[1]):
                    st.caption(tr("Newton's point ({x}, {y}) is outside the plot.", x=ui.num(newton_point[0]),
                                  y=ui.num(newton_point[1])))
            with right:
                st.markdown(tr("**Try:**"))
                b1, b2 = st.columns(2)
                b3, b4 = st.columns(2)
                for col, key, label in ((b1, "bowl", tr("A bowl")), (b2, "saddle", tr("Near a saddle")),
                                        (b3, "plateau", tr("Far out on a plateau")),
                                        (b4, "hilltop", tr("Near a hilltop"))):
                    col.button(label, key=f"example:{key}", on_click=use_example, args=(key,), width="stretch")
                words = KIND_TEXT[quad.kind]
                if quad.kind == "saddle" and sliced is not None:
                    words += " " + (tr("Along its step the model goes up: it walks uphill.") if sliced.uphill
                                    else tr("Along its step the model goes down, towards the saddle."))
                if quad.kind == "minimum":
                    st.success(words, icon=":material/check:")
                elif quad.kind == "flat":
                    st.info(words)
                else:
                    st.warning(words, icon=":material/warning:")
                m1, m2, m3 = st.columns(3)
                m1.metric("L(a, b)", ui.num(lin.s))
                m2.metric(tr("Gradient step"), ui.num(step.actual),
                          delta=ui.num(step.actual - lin.s) if step.eta is not None and d > 0 else None,
                          delta_color="inverse", help=tr("L at the red circle's point, d = {d}", d=ui.fmt_param(d)))
                m3.metric(tr("Newton"), ui.num(newton_loss), delta=ui.num(newton_loss - lin.s),
                          delta_color="inverse", help=tr("L at Newton's point"))
            H = quad.H
            st.latex(
                r"\theta = \begin{bmatrix} a \\ b \end{bmatrix} - H^{-1} \nabla L = " + column(a, b)
                + r" - \begin{bmatrix} " + rf"{ui.tex_num(H[0, 0])} & {ui.tex_num(H[0, 1])} \\ "
                + rf"{ui.tex_num(H[1, 0])} & {ui.tex_num(H[1, 1])}" + r" \end{bmatrix}^{-1} "
                + column(*quad.g) + " = " + column(*newton_point)
            )
            if sliced is None:
                st.info(tr("Newton's point is (a, b) itself: the gradient is zero in every direction in which the "
                           "model curves, so Newton's step does not move."))
            else:
                ui.chart(fig_theory.newton_slice_figure(
                    sliced.t * sliced.length, sliced.loss, sliced.quadratic,
                    tr("The loss and the quadratic model along Newton's step"), tr("distance from (a, b)"),
                    tr("loss L"), tr("quadratic model"), "(a, b)", tr("Newton"), sliced.length, lin.s,
                    lin.s + sliced.rise, height=380), key="newton_slice")
            st.caption(tr("Blue: the gradient step to the edge of the red circle. Black: Newton's step to the point "
                          "where the gradient of the quadratic model s + ∇Lᵀ(θ − (a, b)) + ½(θ − (a, b))ᵀH(θ − (a, b)) "
                          "is zero, H the Hessian at (a, b). Below: the loss (grey) and that model (orange) along "
                          "Newton's step."))

# --- back to the question --------------------------------------------------------------------------

st.subheader(tr("Back to the question"))
st.markdown(tr("Is L(θ⁰) > L(θ¹) > L(θ²) > … always true? **No: only if the red circle, that is the learning "
               "rate, is small enough.** The step θ = (a, b) − η∇L is the best point of the plane, and the plane "
               "is only close to L near (a, b). Newton's method trusts a better model farther, but it heads for "
               "any point where that model is flat: a saddle or a maximum just as well as a minimum."))

ui.notice([
    tr("The order-1 Taylor polynomial is the tangent line: close to x₀ it is almost h, far away it can be "
       "anything. Each higher order hugs h over a wider stretch."),
    tr("The lowest point of the plane inside the red circle lies against the gradient: θ = (a, b) − d∇L/‖∇L‖, "
       "gradient descent with η = d/‖∇L‖. A larger circle is a larger learning rate."),
    tr("The plane always promises a decrease of d‖∇L‖; the true loss follows it for small d, turns up, and "
       "past the dashed red line the step makes the loss larger than before."),
    tr("Newton's step lands on the minimum of a convex quadratic in one step, but near a saddle it heads for "
       "the saddle, and where the loss curves downwards it climbs to a maximum of its model."),
])
