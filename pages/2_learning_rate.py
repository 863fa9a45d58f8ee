"""Tip 1: tune your learning rate. Four learning rates on a 1-D loss, each chosen from the curve's own numbers
(gd_core.learning_rates), loss against updates, a sweep over η with the limits that hold, and 1/t decay."""

import streamlit as st

import figures
import gd_core
import ui
from i18n import tr

ui.start_page(
    "lr",
    tr("Tip 1: tune your learning rate"),
    tr("Set the learning rate η carefully. Very large: the loss blows up. Large: it bounces and gets stuck. "
       "Small: it goes down, but very slowly. Just right: it gets there. With more than three parameters you "
       "cannot draw the path, but you can always draw the loss against the number of parameter updates."),
    r"\theta^{i} = \theta^{i-1} - \eta \nabla L(\theta^{i-1})",
)

ROLES = {"very_large": tr("Very large"), "large": tr("Large"), "small": tr("Small"), "just_right": tr("Just right")}
BEHAVIOURS = {
    "blows_up": tr("blows up"),
    "bounces_high": tr("bounces, stays high"),
    "bounces_slow": tr("bounces, goes down slowly"),
    "slow": tr("goes down slowly"),
    "bottom": tr("reaches the bottom"),
}
DEFAULT_STEPS = 20

with st.sidebar:
    st.header(tr("Settings"))
    curves = {k: ui.preset_title(k) for k in gd_core.CURVES}
    curve_key = ui.choice("curve", tr("Loss L(θ)"), curves, "parabola")
    curve = gd_core.CURVES[curve_key]
    # The four rates come from the curve: a new curve brings its own.
    if st.session_state.get("_lr:rates_for", curve_key) != curve_key:
        ui.reset(*ROLES)
    st.session_state["_lr:rates_for"] = curve_key
    rates = ui.curve_learning_rates(curve.formula, float(curve.start), float(curve.minimum), DEFAULT_STEPS)
    x_lo, x_hi = curve.x_range
    x0 = ui.slider("x0", tr("Start θ⁰"), float(x_lo), float(x_hi), float(curve.start), 0.1)
    steps = ui.int_slider("steps", tr("Number of updates"), 1, 100, DEFAULT_STEPS)
    decay = ui.toggle("decay", tr("1/t decay: ηᵗ = η / √(t+1)"), False,
                      help=tr("Start with a larger learning rate and reduce it as the updates go on."))

# The four learning rates right under the paths they draw (on a phone too, where the sidebar starts folded).
warnings_box = st.container()
left, right = st.columns(2, gap="medium")
curve_box, rates_box = ui.under_figure("gd-main-etas", where=left)
cells = [cell for _ in range(2) for cell in rates_box.columns(2)]  # two rows of two
etas = {role: ui.number(role, f"η · {label}", 0.0001, 10.0, rates[role].eta, 0.01, fmt="%.4g", where=cell)
        for cell, (role, label) in zip(cells, ROLES.items())}
rates_box.caption(tr("Chosen for this curve, from θ⁰ = {x0} and {n} updates. Type your own: the legend then says "
                     "what it does.", x0=ui.num(curve.start), n=DEFAULT_STEPS))

formula = curve.formula
names = list(ROLES)
batch_lr = tuple(etas[r] for r in names)
start = ((x0, 0.0),) * len(names)
traj = ui.run_cached(formula, "gd", (("lr", batch_lr), ("decay", decay)), start, steps)
done = ui.rate_behaviours(formula, batch_lr, x0, float(curve.minimum), steps, decay)
threshold = ui.threshold_cached(formula, (curve.minimum, 0.0))
xs, ys = ui.curve_cached(formula, (float(x_lo), float(x_hi)))

# A role's own rate is named by its role while its run does what the role does; any other rate (one the user
# typed, or one whose run the 1/t decay changed), by what it does.
labels, names_short, colors = [], [], []  # with η (the paths), without (the loss), short (the schedule)
for i, role in enumerate(names):
    eta = ui.fmt_param(etas[role])
    if etas[role] == rates[role].eta and done[i] == gd_core.learning_rates.ROLE_BEHAVIOUR[role]:
        labels.append((f"{ROLES[role]} (η = {eta})", ROLES[role]))
        names_short.append(ROLES[role])
        colors.append(figures.LR_COLORS[role])
    else:
        labels.append((f"η = {eta}: {BEHAVIOURS[done[i]]}",) * 2)
        names_short.append(f"η = {eta}")
        colors.append(figures.BEHAVIOUR_COLORS[done[i]])

for i, role in enumerate(names):
    if traj.diverged[i]:
        eta, t = ui.fmt_param(etas[role]), int(traj.diverged_at[i])
        warnings_box.warning(tr("{role} (η = {eta}) diverged at update {t}: the loss left every scale.",
                                role=ROLES[role], eta=eta, t=t) if names_short[i] == ROLES[role] else
                             tr("η = {eta} diverged at update {t}: the loss left every scale.", eta=eta, t=t),
                             icon="💥")

with curve_box:
    paths = [(labels[i][0], traj.params[:, i, 0], traj.losses[:, i], colors[i]) for i in range(len(names))]
    top = gd_core.grid.curve_top(ys)
    ui.chart(figures.curve_1d(xs, ys, tr("The paths on the loss curve"), paths, y_range=(-0.05 * top, 1.1 * top),
                              height=440), key="curve")
with right:
    series = [(labels[i][1], traj.losses[:, i], colors[i]) for i in range(len(names))]
    start_loss = float(traj.losses[0, 0])
    fig = figures.loss_curves(series, tr("Loss against the number of updates"), tr("number of parameter updates"),
                              "L(θ)", height=440)
    fig.update_yaxes(range=[-0.05 * start_loss, 1.6 * start_loss])
    ends = [int(traj.diverged_at[i]) if traj.diverged[i] else None for i in range(len(names))]
    ui.chart(fig, key="loss", alt=" ".join(f"{names_short[i]}: {ui.loss_story(traj.losses[:, i], diverged_at=ends[i])}"
                                           for i in range(len(names))))

st.caption(tr("Lines that leave the top of the plot of the loss against the number of updates are losses that grew: "
              "the learning rate is too large."))

left, right = st.columns(2, gap="medium")
with left:
    final_loss, diverged, sweep_start, found = ui.learning_rate_sweep(formula, x0, steps, decay)
    quadratic = ui.formula_is_quadratic(formula)
    # 2/L″ at the minimum is a limit without decay only; on a parabola it is where the loss blows up,
    # elsewhere the limit for small bounces around the minimum. With decay, only the sweep says.
    limit = threshold if not decay else None
    shown_found = found if (decay or not quadratic) else None
    limit_label = (tr("2 / L″ = {value}", value=ui.num(limit)) if quadratic else
                   tr("2 / L″(θ*) = {value}", value=ui.num(limit))) if limit else ""
    found_label = tr("blows up: η ≈ {value}", value=ui.num(shown_found, 2)) if shown_found else ""
    ui.chart(figures.sweep(gd_core.learning_rates.SWEEP_ETAS, final_loss, diverged,
                           tr("Loss after {n} updates, for every η", n=steps), "η", tr("final loss"),
                           limit, limit_label, tr("diverged"), tr("final loss"),
                           reference=sweep_start, found=shown_found, found_label=found_label), key="sweep")
    if limit and quadratic:
        st.markdown(tr("The dashed line: on a parabola, gradient descent with a constant η converges exactly when "
                       "η < 2 / L″ = **{value}** (L″, the second derivative, is the same everywhere). At 2 / L″ "
                       "it bounces forever; past it the loss blows up.", value=ui.num(limit)))
    elif limit:
        st.markdown(tr("The dashed line is 2 / L″(θ*) = **{value}**, with L″ at the minimum θ*: the limit for small "
                       "bounces around the minimum, where the curve is almost a parabola. Away from the minimum "
                       "the curvature is different, so this is not where the loss from θ⁰ blows up.",
                       value=ui.num(limit)))
    if decay:
        st.markdown(tr("With 1/t decay ηᵗ shrinks, so 2 / L″ no longer marks the blow-up: a run that starts too "
                       "fast calms down once ηᵗ is small enough."))
    if shown_found:
        st.markdown(tr("The dotted line, found from the sweep: the smallest η whose loss after {n} updates ends "
                       "above its start, η ≈ **{value}**.", n=steps, value=ui.num(shown_found, 2)))
    elif decay:
        st.markdown(tr("No η of the sweep blows up in {n} updates.", n=steps))
with right:
    schedule_series = [(names_short[i], traj.scales[:, i, 0], colors[i]) for i in range(len(names))]
    fig = figures.loss_curves(schedule_series, tr("The learning rate ηᵗ of each update"), "t", "ηᵗ",
                              log_y=True, height=420)
    ui.chart(fig, key="schedule")
    if decay:
        st.latex(r"\eta^t = \frac{\eta}{\sqrt{t+1}}")

ui.notice([
    tr("The loss-against-updates plot works for any number of parameters: look at it first when tuning η."),
    tr("On a parabola, past 2 / L″ every update overshoots the minimum by more than it started from, so the loss "
       "blows up. On other curves, and with 1/t decay, the blow-up moves: the sweep shows where."),
    tr("Turn on 1/t decay: the very large rate becomes tame after a few updates, because ηᵗ shrinks; but the small "
       "rate becomes even slower."),
])
