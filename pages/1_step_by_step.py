"""Review: gradient descent step by step, θᵗ⁺¹ = θᵗ − η∇L(θᵗ) with the numbers filled in."""

import streamlit as st

import figures
import ui
from i18n import tr

ui.start_page(
    "step",
    tr("Gradient descent, step by step"),
    tr("Start at θ⁰. Compute the gradient ∇L(θ⁰): it points uphill, at right angles to the contour line. "
       "Move the other way, θ¹ = θ⁰ − η∇L(θ⁰). Compute the gradient at θ¹, move to θ² = θ¹ − η∇L(θ¹), "
       "and so on."),
    r"\theta^{t+1} = \theta^{t} - \eta \nabla L(\theta^{t})",
)

with st.sidebar:
    st.header(tr("Settings"))
    picked = ui.loss_picker("elongated")
    theta0 = ui.start_point(picked)
    steps = ui.int_slider("steps", tr("Number of updates"), 1, 100, 20)

# η sits right under the figure (on a phone too, where the sidebar starts folded): the path follows the slider.
left, right = st.columns([5, 3], gap="medium")
figure_box, main_box = ui.under_figure("gd-main-eta", where=left)
eta = ui.lr_slider("eta", 0.1, where=main_box)

if picked.loss is None:
    st.info(tr("Fix the formula in the sidebar to see gradient descent on it."))
    st.stop()

try:
    traj = ui.run_cached(picked.formula, "gd", (("lr", eta),), theta0, steps)
except ValueError as exc:
    st.error(tr("This start point cannot be used: {reason}.", reason=ui.reason(exc)))
    st.stop()

ui.diverged_warning(traj)
n = traj.n_updates
# The contours are drawn to scale (the gradient's right angle to the contour line is true on screen), in a
# window around the path and the minimum; the surface shows the preset's window, widened to the path.
x_range, y_range = ui.scaled_window(picked.x_range, picked.y_range, traj.params, points=picked.minima)
xs, ys, Z = ui.grid_cached(picked.formula, x_range, y_range, 80)

ui.part()  # update t reruns what follows (the update drawn, its numbers), not the settings and the run above
key_box = left.container()  # what the step view's colours mean, under η (the part writes it on every run)

with right:
    if n == 0:
        st.info(tr("No update could be taken from this start point."))
        t = 0
    else:
        t = ui.step_control(n)

path = figures.Path(traj.params, tr("gradient descent, η = {eta}", eta=ui.fmt_param(eta)),
                    figures.OPTIMIZER_COLORS["gd"])
saddles = picked.preset.saddles if picked.preset else ()
story = ui.loss_story(traj.losses, diverged_at=traj.diverged_at)  # the charts' text alternative

with figure_box:
    tab_step, tab_play, tab_3d = ui.views("view", {"step": tr("Step by step"), "play": tr("▶ Play"),
                                                       "3d": tr("3-D surface")})
    with tab_step:
        if tab_step.open:
            fig = figures.contour(xs, ys, Z, tr("Loss contours and the path"), minima=picked.minima,
                                  saddles=saddles, x_range=x_range, y_range=y_range, height=520,
                                  equal_scale=True, show_scale=False, **ui.marker_labels())
            figures.add_path(fig, path, start_label=None if n else "θ⁰")
            figures.add_gradient_arrows(fig, traj.params, traj.grads, selected=t,
                                        name=tr("gradient ∇L(θᵗ)"))
            if n:
                figures.highlight_update(fig, traj.params[t], traj.params[t + 1], "θ" + ui.sup(t),
                                         "θ" + ui.sup(t + 1), name=tr("movement −η∇L(θᵗ)"))
            ui.chart(fig, key="contour", on_click=("x0", "y0"),
                     alt=story + " " + tr("The selected update is t = {t}.", t=t))
            key_box.caption(tr("Red: the gradient ∇L(θᵗ) at each θᵗ, drawn at one fixed length; it points uphill, "
                               "at right angles to the contour line through θᵗ. Blue arrow: the selected update's "
                               "movement −η∇L(θᵗ), from θᵗ to θᵗ⁺¹, the other way. Star: the minimum. One unit is "
                               "as long on both axes, so these right angles are right angles on screen."))
    with tab_play:
        if tab_play.open:
            speed = ui.choice("speed", tr("Speed"), {"slow": tr("Slow"), "normal": tr("Normal"),
                                                     "fast": tr("Fast")}, "normal", kind="segmented")
            fig = figures.contour(xs, ys, Z, tr("Press ▶ to watch the updates"), minima=picked.minima,
                                  saddles=saddles, x_range=x_range, y_range=y_range, height=520,
                                  equal_scale=True, show_scale=False, **ui.marker_labels())
            # Two lines: one would run past a phone's width.
            readouts = [f"t = {k} · θ{ui.sup(k)} = ({ui.num(p[0], 3)}, {ui.num(p[1], 3)})<br>"
                        f"L(θ{ui.sup(k)}) = {ui.num(v, 3)}" for k, (p, v) in enumerate(zip(traj.params, traj.losses))]
            figures.animated_path(fig, path, tr("Play"), tr("Pause"), readouts, figures.PLAY_SPEEDS[speed])
            ui.chart(fig, key="play", alt=story)
            st.caption(tr("Under the plot: the update on screen, t, θᵗ and L(θᵗ). Drag the slider to go to one."))
    with tab_3d:
        if tab_3d.open:
            wide_x, wide_y = ui.fit_window(picked.x_range, picked.y_range, traj.params)
            gx, gy, gz = ui.grid_cached(picked.formula, wide_x, wide_y, 50)
            ui.chart(figures.surface(gx, gy, gz, tr("The loss surface and the path"), [(path, traj.losses)]),
                     key="surface", alt=story)

with right:
    if n:
        before, after = traj.params[t], traj.params[t + 1]
        g = traj.grads[t]
        a, b = f"{t}", f"{t + 1}"
        st.subheader(tr("Update t = {t}", t=t))
        st.latex(
            r"\begin{aligned}"
            rf"\theta^{{{b}}} &= \theta^{{{a}}} - \eta \nabla L(\theta^{{{a}}}) \\"
            rf"&= \begin{{bmatrix}} {ui.tex_num(before[0])} \\ {ui.tex_num(before[1])} \end{{bmatrix}}"
            rf" - {ui.tex_num(eta)} \begin{{bmatrix}} {ui.tex_num(g[0])} \\ {ui.tex_num(g[1])} \end{{bmatrix}} \\"
            rf"&= \begin{{bmatrix}} {ui.tex_num(after[0])} \\ {ui.tex_num(after[1])} \end{{bmatrix}}"
            r"\end{aligned}"
        )
        st.caption(tr("The middle vector is ∇L(θᵗ) = [∂L/∂θ₁, ∂L/∂θ₂] evaluated at θᵗ."))
        c1, c2 = st.columns(2)
        c1.metric(tr("L(θᵗ), before"), ui.num(traj.losses[t]))
        change = traj.losses[t + 1] - traj.losses[t]
        c2.metric(tr("L(θᵗ⁺¹), after"), ui.num(traj.losses[t + 1]), delta=ui.num(change), delta_color="inverse")
    st.markdown(tr("**The gradient of this loss**"))
    st.latex(r"L = " + picked.loss.latex)
    st.latex(r"\nabla L = " + picked.loss.grad_latex)
    st.caption(tr("Here x stands for θ₁ and y for θ₂."))

ui.notice([
    tr("Each red arrow is at right angles to the contour line through its point: the gradient is the "
       "direction in which L grows fastest, and we move the opposite way, −∇L."),
    tr("On the elongated bowl the gradient does not point at the minimum: θ₂ (steep) settles within a few "
       "updates while θ₁ (flat) crawls."),
    tr("Raise η past 0.5 on the elongated bowl and θ₂ overshoots further each time until the run diverges: "
       "0.5 = 2 / (the largest curvature, 4)."),
])
