"""Theory: is L(θ⁰) > L(θ¹) > L(θ²) > … always true? Taylor series, the tangent plane, the red circle
(minimizing the linear approximation in a circle of radius d is gradient descent with η = d/‖∇L‖), and
Newton's second-order step, which goes wrong at a saddle or where the loss curves downwards."""

import streamlit as st

import gd_core
import ui
from figures import theory as fig_theory
from gd_core import red_circle, taylor_series
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
EXAMPLES = {
    # name: the button's label, and the loss preset and the point (a, b) it sets (the Newton tab's "Try:").
    "bowl": (tr("A bowl"), {"loss": "elongated", "a": -5.0, "b": -2.0}),
    "saddle": (tr("Near a saddle"), {"loss": "saddle", "a": 1.0, "b": 0.3}),
    "plateau": (tr("Far out on a plateau"), {"loss": "plateau", "a": 2.5, "b": 2.0}),
    "hilltop": (tr("Near a hilltop"), {"loss": "himmelblau", "a": -0.5, "b": -0.5}),
}


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
        others = ui.int_set("orders", tr("Draw other orders too"), range(taylor_series.MAX_TAYLOR_ORDER + 1),
                            (0, 1, 2, 5, 9), help=tr("Taylor polynomials of these orders, drawn over each other."))
        half = ui.slider("w", tr("Plot window x₀ ±"), 0.5, 10.0, 4.0, 0.5)
    if plane_open or circle_open or newton_open:
        st.header(tr("The loss and the point (a, b)"))
        picked = ui.loss_picker("elongated")
        c1, c2 = st.columns(2)
        a = ui.number("a", "a (θ₁)", -POINT_LIMIT, POINT_LIMIT, picked.start[0], 0.1, where=c1, fmt="%.2f")
        b = ui.number("b", "b (θ₂)", -POINT_LIMIT, POINT_LIMIT, picked.start[1], 0.1, where=c2, fmt="%.2f")
        # The least half-width of a zoomed window: 15 % of the loss's plot window.
        zoom = 0.15 * max(picked.x_range[1] - picked.x_range[0], picked.y_range[1] - picked.y_range[0])


# --- the question and Taylor series ------------------------------------------------------------

if taylor_open:
    with tab_taylor:
        try:
            gd_core.parse_curve(curve_text)
        except gd_core.ExpressionError as exc:
            st.error(tr("This function cannot be used: {reason}.", reason=ui.reason(exc)), icon=":material/edit:")
        else:
            left, right = st.columns([3, 2], gap="medium")
            figure_box, order_box = ui.under_figure("gd-main-order", where=left)  # the order under its polynomial
            order = ui.int_slider("order", tr("Order of the polynomial"), 0, taylor_series.MAX_TAYLOR_ORDER, 3,
                                  where=order_box, help=tr("How many derivatives of h at x₀ the polynomial uses. "
                                                           "This one is written out, and drawn thick."))
            drawn = tuple(sorted({order, *others}))
            try:
                tex, x0, h0, coefficients, xs, h, curves = ui.taylor_polynomials(curve_text, x0_text, order, drawn,
                                                                                  half)
            except ValueError as exc:
                figure_box.error(tr("The Taylor series around this x₀ cannot be drawn: {reason}.",
                                    reason=ui.reason(exc)), icon=":material/edit:")
            else:
                with figure_box:
                    name = "sin x" if which == "sin" else "h(x) = " + curve_text
                    polynomials = [(tr("order {k}", k=k), p, k == order) for k, p in zip(drawn, curves)]
                    fig = fig_theory.taylor_figure(
                        xs, h, polynomials, x0, h0,
                        tr("{name} and its Taylor polynomials around x₀ = {x0}", name=name,
                           x0=ui.formula_text(x0_text)),
                        name, height=395)
                    ui.chart(fig, key="taylor", alt=tr("At x₀ = {x0}, h(x₀) = {h0}; the thick line is the "
                                                       "polynomial of order {k}.", x0=x0_text.strip(),
                                                       h0=ui.num(h0), k=order))
                with right:
                    # Beside the figure, not above it: the figure stays whole on a projector's screen.
                    st.markdown(tr("How to find the smallest value near a point? **Taylor series**: near x₀, "
                                   "h(x) ≈ h(x₀) + h′(x₀)(x − x₀)."))
                    st.latex(r"h(x) = \sum_{k=0}^{\infty} \frac{h^{(k)}(x_0)}{k!}\,(x - x_0)^k")
                    st.latex(ui.taylor_latex(tex))
                st.caption(tr("Grey: h(x). Thick orange: the polynomial of order {k}, written out next to the plot; "
                              "the thin lines: the other orders chosen in the sidebar. Near x₀ even order 1, a "
                              "straight line, is close; each higher order hugs h over a wider stretch.", k=order))
                with st.expander(tr("All the coefficients h⁽ᵏ⁾(x₀)/k!")):
                    ui.table([{"k": k, tr("exact"): exact, tr("value"): ui.num(value, 6)}
                              for k, (exact, value) in enumerate(coefficients)], "coefficients")

# --- the tangent plane ----------------------------------------------------------------------

if plane_open:
    with tab_plane:
        st.markdown(tr("With two parameters: **when θ is close to (a, b)**, the loss is close to a plane."))
        lin = ui.usable_point(picked, a, b)
        if lin is not None:
            x_range, y_range = ui.fit_window(picked.x_range, picked.y_range, [(a, b)], grow=30.0)
            left, right = st.columns([3, 2], gap="medium")
            with left:
                xs, ys, Z = ui.grid_cached(picked.formula, x_range, y_range, 50)
                hx, hy = fig_theory.plane_half_side(Z, lin.u, lin.v, x_range[1] - x_range[0],
                                                    y_range[1] - y_range[0])
                # Cheaper to compute than to look up in a cache.
                pxs, pys, P = red_circle.tangent_plane(lin, (a - hx, a + hx), (b - hy, b + hy))
                ui.chart(fig_theory.tangent_plane_figure(xs, ys, Z, pxs, pys, P, a, b, lin.s, lin.u, lin.v,
                                                         tr("The loss and its tangent plane at (a, b)"),
                                                         tr("tangent plane"), "(a, b)", height=410), key="plane")
            with right:
                ui.tangent_plane_numbers(lin, a, b)
            st.caption(tr("Orange: the plane s + u(θ₁ − a) + v(θ₂ − b). It touches the surface at (a, b) and "
                          "leaves it as you move away. Drag the figure to turn it."))

# --- the red circle -------------------------------------------------------------------------------

if circle_open:
    with tab_circle:
        if ui.usable_point(picked, a, b) is not None:
            left, right = st.columns([1, 1], gap="medium")
            figure_box, d_box = ui.under_figure("gd-main-d", where=left)  # d right under its circle
            d = ui.circle_radius(D_MAX, where=d_box)
            step, curve = ui.circle_step_and_curve(picked.formula, a, b, d, D_MAX)
            x_range, y_range = fig_theory.square_window([(a - d, b - d), (a + d, b + d)], zoom)
            xs, ys, Z = ui.grid_cached(picked.formula, x_range, y_range, 80)
            with figure_box:
                ui.chart(fig_theory.circle_figure(
                    xs, ys, Z, (a, b), d, step.point, tr("The red circle, d = {d}", d=ui.fmt_param(d)),
                    tr("red circle"), "(a, b)", "θ", minima=picked.minima,
                    saddles=picked.preset.saddles if picked.preset else (), x_range=x_range, y_range=y_range,
                    height=430, marker_labels=ui.marker_labels()), key="circle",
                    alt=tr("The step from (a, b) to θ = {end} changes the loss by {change}.",
                           end=ui.point_text(step.point), change=ui.num(step.actual - step.model.s)))
            with right:
                ui.circle_numbers(step, curve, (a, b))
            st.markdown(tr("**Why against the gradient?** In the circle, L(θ) ≈ s + u Δθ₁ + v Δθ₂ with "
                           "Δθ = θ − (a, b): s is fixed, so the best Δθ makes the inner product (u, v)·(Δθ₁, Δθ₂) "
                           "smallest. Turn Δθ around and compare."))
            left, right = st.columns([1, 1], gap="medium")
            with right:
                angle = ui.slider("angle", tr("Direction of Δθ (degrees from the θ₁ axis)"), 0.0, 360.0, 0.0, 5.0)
                fraction = ui.slider("length", tr("Length of Δθ (a fraction of d)"), 0.0, 1.0, 1.0, 0.05)
                # Cheaper to compute than to look up in a cache.
                ip = red_circle.inner_product(step.model.u, step.model.v, d, angle, fraction)
                ui.inner_product_numbers(ip, d)
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
                curve.d, curve.actual, curve.predicted, d, step.actual - step.model.s, curve.best_d, curve.up_from,
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

if newton_open:
    with tab_newton:
        if ui.usable_point(picked, a, b) is not None:
            left, right = st.columns([1, 1], gap="medium")
            figure_box, d_box = ui.under_figure("gd-main-d", where=left)  # d (the gradient step's) under the steps
            d = ui.circle_radius(D_MAX, where=d_box)
            step, _ = ui.circle_step_and_curve(picked.formula, a, b, d, D_MAX)
            quad, newton_loss, sliced = ui.newton_step(picked.formula, a, b)
            newton_point = quad.newton_point
            saddles = picked.preset.saddles if picked.preset else ()
            x_range, y_range = fig_theory.step_window((a, b), [step.point, newton_point],
                                                      [*picked.minima, *saddles], zoom, 10 * zoom)
            xs, ys, Z = ui.grid_cached(picked.formula, x_range, y_range, 80)
            with figure_box:
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
                ui.setting_buttons(EXAMPLES)
                ui.newton_numbers(quad, sliced, newton_loss, step)
            st.latex(ui.newton_latex((a, b), quad.H, quad.g, newton_point))
            if sliced is None:
                st.info(tr("Newton's point is (a, b) itself: the gradient is zero in every direction in which the "
                           "model curves, so Newton's step does not move."))
            else:
                ui.chart(fig_theory.newton_slice_figure(
                    sliced.t * sliced.length, sliced.loss, sliced.quadratic,
                    tr("The loss and the quadratic model along Newton's step"), tr("distance from (a, b)"),
                    tr("loss L"), tr("quadratic model"), "(a, b)", tr("Newton"), sliced.length, step.model.s,
                    step.model.s + sliced.rise, height=380), key="newton_slice")
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
