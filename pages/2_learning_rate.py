"""Tip 1: tune your learning rate. Four learning rates on a 1-D loss, loss against updates,
a sweep over η with the divergence limit, and 1/t decay."""

import numpy as np
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

ROLES = {
    "very_large": (tr("Very large"), 1.05),
    "large": (tr("Large"), 0.9),
    "small": (tr("Small"), 0.02),
    "just_right": (tr("Just right"), 0.3),
}
SWEEP_POINTS = 160
SWEEP_ETAS = tuple(float(v) for v in np.geomspace(1e-3, 10.0, SWEEP_POINTS))


@ui.cache_data(max_entries=64)
def sweep_cached(formula: str, x0: float, steps: int, decay: bool):
    """Gradient descent from θ⁰ = (x0, 0) for every η of SWEEP_ETAS, in one batch: each run's final
    loss, whether it diverged, and the start's loss. (The cache key is these few values, not the 160 η.)"""
    optimizer = ui.make_optimizer("gd", (("lr", SWEEP_ETAS), ("decay", decay)))
    sweep = gd_core.run(ui.parse_cached(formula), optimizer, np.tile((x0, 0.0), (SWEEP_POINTS, 1)), steps)
    return sweep.final_loss, sweep.diverged, float(sweep.losses[0, 0])

with st.sidebar:
    st.header(tr("Settings"))
    curves = {k: ui.preset_title(k) for k in gd_core.CURVES}
    curve_key = ui.choice("curve", tr("Loss L(θ)"), curves, "parabola")
    curve = gd_core.CURVES[curve_key]
    x_lo, x_hi = curve.x_range
    x0 = ui.slider("x0", tr("Start θ⁰"), float(x_lo), float(x_hi), float(curve.start), 0.1)
    steps = ui.int_slider("steps", tr("Number of updates"), 1, 100, 20)
    decay = ui.toggle("decay", tr("1/t decay: ηᵗ = η / √(t+1)"), False,
                      help=tr("Start with a larger learning rate and reduce it as the updates go on."))
    st.subheader(tr("The four learning rates"))
    etas = {}
    for role, (label, default) in ROLES.items():
        etas[role] = ui.number(role, f"η · {label}", 0.0001, 10.0, default, 0.01, fmt="%.4g")

formula = curve.formula
names = list(ROLES)
batch_lr = tuple(etas[r] for r in names)
start = ((x0, 0.0),) * len(names)
traj = ui.run_cached(formula, "gd", (("lr", batch_lr), ("decay", decay)), start, steps)
threshold = ui.threshold_cached(formula, (curve.minimum, 0.0))
xs, ys = ui.curve_cached(formula, (float(x_lo), float(x_hi)))

for i, role in enumerate(names):
    if traj.diverged[i]:
        st.warning(tr("{role} (η = {eta}) diverged at update {t}: the loss left every scale.",
                      role=ROLES[role][0], eta=ui.fmt_param(etas[role]), t=int(traj.diverged_at[i])), icon="💥")

left, right = st.columns(2, gap="medium")
with left:
    paths = [(f"{ROLES[r][0]} (η = {ui.fmt_param(etas[r])})", traj.params[:, i, 0], traj.losses[:, i],
              figures.LR_COLORS[r]) for i, r in enumerate(names)]
    top = float(np.nanmax(ys)) if np.isfinite(ys).any() else 1.0
    ui.chart(figures.curve_1d(xs, ys, tr("The paths on the loss curve"), paths, y_range=(-0.05 * top, 1.1 * top),
                              height=440), key="curve")
with right:
    series = [(ROLES[r][0], traj.losses[:, i], figures.LR_COLORS[r]) for i, r in enumerate(names)]
    start_loss = float(traj.losses[0, 0])
    fig = figures.loss_curves(series, tr("Loss against the number of updates"), tr("number of parameter updates"),
                              "L(θ)", height=440)
    fig.update_yaxes(range=[-0.05 * start_loss, 1.6 * start_loss])
    ui.chart(fig, key="loss")

st.caption(tr("Lines that leave the top of the right-hand plot are losses that grew: the learning rate is too large."))

left, right = st.columns(2, gap="medium")
with left:
    final_loss, diverged, start_loss = sweep_cached(formula, x0, steps, decay)
    limit_label = tr("2 / L″(θ*) = {value}", value=ui.num(threshold)) if threshold else ""
    ui.chart(figures.sweep(SWEEP_ETAS, final_loss, diverged,
                           tr("Loss after {n} updates, for every η", n=steps), "η", tr("final loss"),
                           threshold, limit_label, tr("diverged"), tr("final loss"),
                           reference=start_loss), key="sweep")
    if threshold:
        st.markdown(tr("On a quadratic, gradient descent with a constant η converges exactly when "
                       "η < 2 / L″ = **{value}** (L″ is the second derivative at the minimum).",
                       value=ui.num(threshold)))
with right:
    schedule_series = [(ROLES[r][0], traj.scales[:, i, 0], figures.LR_COLORS[r]) for i, r in enumerate(names)]
    fig = figures.loss_curves(schedule_series, tr("The learning rate ηᵗ of each update"), "t", "ηᵗ",
                              log_y=True, height=420)
    ui.chart(fig, key="schedule")
    if decay:
        st.latex(r"\eta^t = \frac{\eta}{\sqrt{t+1}}")

ui.notice([
    tr("The loss-against-updates plot works for any number of parameters: look at it first when tuning η."),
    tr("Past 2 / L″ every update overshoots the minimum by more than it started from: the sweep's loss shoots up "
       "right there."),
    tr("Turn on 1/t decay: the very large rate becomes tame after a few updates, because ηᵗ shrinks; but the small "
       "rate becomes even slower."),
])
