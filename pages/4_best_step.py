"""Tip 1, continued: the best step is |first derivative| / second derivative; do not compare first
derivatives across parameters; Adagrad's √Σ(gⁱ)² uses first derivatives to estimate the second."""

import streamlit as st

import ui
from figures import best_step as fig_best
from gd_core import best_step
from i18n import tr

ui.start_page(
    "best",
    tr("The best step"),
    tr("Larger gradient, larger step? The best step from x₀ to the minimum of y = ax² + bx + c is "
       "|first derivative| / second derivative, so compare first derivatives only within one parameter."),
    r"\left| x_0 + \frac{b}{2a} \right| = \frac{|2ax_0 + b|}{2a}",
)

# Points a, b on the w₁ slice and c, d on the w₂ slice (their w values), as on the slide: right of the
# minimum at 0, a farther out than c. (Comments, not docstrings: Streamlit would print a bare string.)
W1_POINTS = (("a", 3.5), ("b", 1.5))
W2_POINTS = (("c", 1.0), ("d", 0.4))
SLICE_RANGE = (-1.5, 4.3)
W1_PLANE, W2_PLANE = (-0.9, 4.2), (-1.3, 1.4)  # the window of the w₁–w₂ contour
SAMPLE_RANGE = (-3.0, 3.0)
SAMPLE_PLOT_RANGE = (-3.3, 3.3)

tab_best, tab_cross, tab_estimate = ui.views("part", {
    "best": tr("① The best step"), "cross": tr("② Do not cross parameters"),
    "estimate": tr("③ First derivatives estimate the second"),
})

# --- ① the best step ---------------------------------------------------------------------------

with tab_best:
    if tab_best.open:
        # The figure and its numbers first, x₀ and η right under the figure, the parabola's sliders under them all:
        # the figure stays whole on a projector, and a student moving x₀ or η sees both steps change.
        top = st.container()
        left, right = top.columns([5, 4], gap="medium")
        figure_box, main_box = ui.under_figure("gd-main-x0-eta", where=left)
        cols = main_box.columns(2)
        x0 = ui.slider("x0", tr("Start x₀"), -10.0, 10.0, 4.0, 0.1, where=cols[0])
        eta = ui.lr_slider("eta", 0.2, where=cols[1])
        cols = st.columns(3)
        a = ui.slider("a", tr("a (> 0)"), 0.1, 5.0, 1.0, 0.1, help=tr("The curvature: y'' = 2a."), where=cols[0])
        b = ui.slider("b", "b", -10.0, 10.0, -2.0, 0.5, where=cols[1])
        c = ui.slider("c", "c", -10.0, 10.0, 1.0, 0.5, where=cols[2])

        best, step = best_step.best_step(a, b, x0, c), best_step.gradient_step(a, b, x0, eta)
        x_range, x1_shown = fig_best.best_step_window(x0, best.minimum, step.x1)
        xs, ys = best_step.parabola_curve(a, b, c, x_range)
        y0, y_min, y1 = (float(v) for v in best_step.parabola(a, b, c, (x0, best.minimum, step.x1)))

        with figure_box:
            fig = fig_best.best_step_figure(
                xs, ys, x0, y0, best.minimum, y_min, step.x1, y1, x1_shown, best.first, ui.parabola_text(a, b, c),
                tr("best step {v}", v=ui.num(best.best)), tr("gradient step {v}", v=ui.num(step.length)),
                x1_label="x¹", height=375, minimum_name=tr("minimum"),
            )
            ui.chart(fig, key="best_curve")
        with right:
            m1, m2 = st.columns(2)
            m1.metric(tr("First derivative"), ui.num(best.first), help=tr("2ax₀ + b, the slope at x₀"))
            m2.metric(tr("Second derivative"), ui.num(best.second), help=tr("2a, the same everywhere on a parabola"))
            m3, m4 = st.columns(2)
            m3.metric(tr("Best step"), ui.num(best.best), help=tr("|2ax₀ + b| / 2a, the distance from x₀ to −b/2a"))
            m4.metric(tr("Gradient step"), ui.num(step.length), help=tr("η|2ax₀ + b|, how far x¹ is from x₀"))
            st.latex(ui.best_step_latex(best))
            st.latex(ui.gradient_step_latex(best, step))
            outcome = best_step.step_outcome(best, step)
            if outcome == "none":
                st.info(tr("x₀ is already at the minimum: the first derivative is 0, and so is every step."))
            elif outcome == "lands":
                st.success(tr("η = 1/2a: the gradient step is the best step, it lands on the minimum."))
            elif outcome == "short":
                st.info(tr("The gradient step stops short of the minimum; η = 1/2a = {e} would land on it.",
                           e=ui.num(step.best_eta)))
            else:
                st.warning(tr("The gradient step jumps past the minimum; η = 1/2a = {e} would land on it.",
                              e=ui.num(step.best_eta)))
        top.caption(tr("Red: the tangent at x₀, its slope is the first derivative. Green: the best step, straight to "
                      "the minimum −b/2a. Blue: one gradient step with η = {eta}, from x₀ to x¹.",
                      eta=ui.fmt_param(eta))
                   + ("" if x1_shown else " " + tr("x¹ = {x1} is far off the plot.", x1=ui.num(step.x1))))

# --- ② do not cross parameters --------------------------------------------------------------

with tab_cross:
    if tab_cross.open:
        top = st.container()
        cols = st.columns([2, 2, 5])
        a1 = ui.slider("a1", tr("Curvature of w₁: a₁"), 0.05, 5.0, 0.1, 0.05, where=cols[0])
        a2 = ui.slider("a2", tr("Curvature of w₂: a₂"), 0.05, 5.0, 2.0, 0.05, where=cols[1])
        verdict = cols[2].empty()

        (curve1, rows1), (curve2, rows2) = (best_step.slice_points(a_k, points, SLICE_RANGE)
                                            for a_k, points in ((a1, W1_POINTS), (a2, W2_POINTS)))
        points1 = [fig_best.SlicePoint(label, s.x0, y, s.first) for label, s, y in rows1]
        points2 = [fig_best.SlicePoint(label, s.x0, y, s.first) for label, s, y in rows2]
        slice1 = ui.poly_term(a1, "w₁²", True)
        w1s, w2s, plane = best_step.slices_grid(a1, a2, W1_PLANE, W2_PLANE, 90)
        left, right = top.columns([4, 5], gap="small")
        with left:
            fig = fig_best.slices_contour_figure(
                w1s, w2s, plane, points1, points2, tr("L = {f}", f=slice1 + ui.poly_term(a2, "w₂²", False)),
                (tr("w₁ slice (w₂ = 0)"), tr("w₂ slice (w₁ = 0)")), minimum_name=tr("minimum"), height=375)
            ui.chart(fig, key="plane")
        with right:
            fig = fig_best.slices_figure(
                SLICE_RANGE, curve1, curve2, points1, points2, "",
                (tr("w₁ slice: L = {f}", f=slice1), tr("w₂ slice: L = {f}", f=ui.poly_term(a2, "w₂²", True))),
                ("w₁", "w₂"), "", height=375, minimum_name=tr("minimum"), first_name=tr("first derivative"),
            )
            ui.chart(fig, key="slices")
        st.caption(tr("Left: the loss over both parameters, with the two lines the slices are cut along. Right: the "
                      "slices. Red: the tangent at each point, its slope is the first derivative. Green: the distance "
                      "to the minimum, the best step. Both slices are drawn on the same scales."))
        left, right = st.columns([5, 4], gap="medium")
        with left:
            table = [
                {
                    tr("Point"): f"{label} (w{'₁' if k == 0 else '₂'})",
                    tr("Distance"): ui.num(s.distance),
                    tr("|First|"): ui.num(abs(s.first)),
                    tr("Second"): ui.num(s.second),
                    tr("Best step"): ui.num(s.best),
                }
                for k, rows in enumerate((rows1, rows2)) for label, s, _ in rows
            ]
            ui.table(table, "cross", help={
                tr("Distance"): tr("Distance to the minimum at 0"),
                tr("|First|"): tr("|first derivative| = |2aw|"),
                tr("Second"): tr("second derivative = 2a"),
                tr("Best step"): tr("|first derivative| / second derivative"),
            })
        with right:
            st.caption(tr("First, Second: the first and the second derivative of L along the point's own parameter. "
                          "Best step = |First| / Second, the same as the distance."))
            (_, sa, _), (_, sc, _) = rows1[0], rows2[0]
            if best_step.first_derivatives_mislead(sa, sc):
                verdict.success(tr("a is farther from its minimum than c ({da} > {dc}), yet its first derivative "
                                   "is smaller ({ga} < {gc}).",
                                   da=ui.num(sa.distance), dc=ui.num(sc.distance),
                                   ga=ui.num(abs(sa.first)), gc=ui.num(abs(sc.first))))
            else:
                verdict.info(tr("Here a has the larger first derivative too. Make w₂ sharper or w₁ flatter and "
                                "the first derivatives stop telling the distances."))

# --- ③ first derivatives estimate the second -----------------------------------------------

with tab_estimate:
    if tab_estimate.open:
        top = st.container()
        cols = st.columns(4)
        a_flat = ui.slider("flat", tr("Flat curve: a"), 0.05, 0.9, 0.2, 0.05, where=cols[0])
        a_sharp = ui.slider("sharp", tr("Sharp curve: a"), 1.1, 5.0, 2.0, 0.1, where=cols[1])
        n = ui.int_slider("n", tr("Sample points"), 1, 20, 5, where=cols[2])
        seed = ui.int_slider("seed", tr("Draw other points"), 0, 50, 0, where=cols[3],
                             help=tr("The seed of the random generator that picks the sample points x."))

        xs, ((flat, y_flat, flat_curve), (sharp, y_sharp, sharp_curve)) = best_step.sampled_parabolas(
            (a_flat, a_sharp), n, seed, SAMPLE_RANGE, SAMPLE_PLOT_RANGE)
        flat_name = tr("flat: y = {f}", f=ui.poly_term(a_flat, "x²", True))
        sharp_name = tr("sharp: y = {f}", f=ui.poly_term(a_sharp, "x²", True))
        left, right = top.columns([5, 4], gap="medium")
        with left:
            fig = fig_best.samples_figure(
                SAMPLE_PLOT_RANGE, flat_curve, sharp_curve, xs, flat.g, sharp.g, y_flat, y_sharp,
                flat_name, sharp_name,
                tr("First derivatives at the same points x"), height=400,
            )
            ui.chart(fig, key="samples")
        with right:
            table = [
                {
                    tr("Curve"): name,
                    "√Σ(gⁱ)²": ui.num(est.rss),
                    "2a": ui.num(est.second),
                    "√Σ(gⁱ)² / 2a": ui.num(est.ratio),
                }
                for name, est in ((flat_name, flat), (sharp_name, sharp))
            ]
            ui.table(table, "estimate", help={
                "2a": tr("the true second derivative"),
                "√Σ(gⁱ)²": tr("root sum of squares of the sampled first derivatives"),
            })
            st.markdown(tr("The sharper curve has the larger √Σ(gⁱ)², in proportion to its second derivative "
                           "(the last column is the same for both). Adagrad divides by it:"))
            st.latex(r"w^{t+1} \leftarrow w^t - \frac{\eta}{\sqrt{\sum_{i=0}^{t} (g^i)^2}}\, g^t")
        bars = fig_best.sample_bars(flat.g, sharp.g, flat_name, sharp_name, "x{i}",
                                    tr("|gⁱ| at each sample point: the same points, the sharp curve's always larger"),
                                    "|gⁱ|")
        ui.chart(bars, key="sample_bars")

ui.notice([
    tr("On one parabola the best step |2ax₀ + b| / 2a grows with the first derivative: within one parameter, "
       "a larger first derivative means farther from the minimum (a farther than b, c farther than d)."),
    tr("Across parameters it does not: a is farther from its minimum than c, but its first derivative is "
       "smaller, because w₁ is much flatter (smaller second derivative)."),
    tr("A gradient step η|2ax₀ + b| ignores the second derivative: only η = 1/2a lands on the minimum, and that η "
       "is different for every curvature."),
    tr("Adagrad divides by √Σ(gⁱ)², first derivatives it has already computed: on a sharper curve they are "
       "larger, so the root sum of squares stands in for the second derivative at no extra cost."),
])
