"""More limitations of gradient descent: very slow at a plateau, stuck at a saddle point, stuck at a
local minimum. Gradient descent from several starts on one landscape that has all three."""

import streamlit as st

import figures
import ui
from figures import limitations as lim_figures
from gd_core import landscapes
from i18n import tr

LAND = landscapes.LANDSCAPES["slide"]
SLOTS = 4
MAX_UPDATES = 3000

ui.start_page(
    "limits",
    tr("More limitations of gradient descent"),
    tr("Gradient descent stops wherever ∂L/∂w ≈ 0, and that is not only at the global minimum. The lecture names "
       "three such places: it is **very slow at a plateau**, **stuck at a saddle point**, and **stuck at a local "
       "minimum**. This loss has all three: start gradient descent at several points and see where each run stops."),
    # No words in the formula (it is the same in every language): "≈ θᵗ when ∇L ≈ 0" as an implication.
    r"\begin{gathered} \theta^{t+1} = \theta^{t} - \eta \nabla L(\theta^{t}) \\[4pt]"
    r"\nabla L(\theta^{t}) \approx 0 \;\Rightarrow\; \theta^{t+1} \approx \theta^{t} \end{gathered}",
)

START_NAMES = {
    "plateau": tr("on the plateau"),
    "saddle": tr("towards the saddle point"),
    "local_min": tr("into the local minimum"),
    "global_min": tr("to the global minimum"),
}
KIND_NAMES = {
    "saddle": tr("saddle point"),
    "local_min": tr("local minimum"),
    "global_min": tr("global minimum"),
}
HESSIAN_SAYS = {
    "minimum": tr("a minimum: curves up in every direction"),
    "saddle": tr("a saddle point: curves down in one direction"),
    "maximum": tr("a maximum"),
    "flat": tr("flat in some direction"),
}
CUSTOM = "custom"
OFF = "off"
DEFAULT_SLOTS = ("plateau", "saddle", "local_min", "global_min")


START_OPTIONS = {**START_NAMES, CUSTOM: tr("my own point…"), OFF: tr("— not shown —")}
START_HELP = tr("Named starts: {points}. Or type your own point.", points="; ".join(
    f"{name} ({ui.num(LAND.starts[k][0])}, {ui.num(LAND.starts[k][1])})" for k, name in START_NAMES.items()))


with st.sidebar:
    st.header(tr("Start points θ⁰"))
    slots = []  # (slot number, label, θ⁰)
    for i, default in enumerate(DEFAULT_SLOTS, start=1):
        picked = ui.choice(f"s{i}", tr("Start {i}", i=i), START_OPTIONS, default, help=START_HELP)
        if picked == OFF:
            continue
        if picked == CUSTOM:
            c1, c2 = st.columns(2)
            dx, dy = LAND.starts[default]
            x0 = ui.number(f"x{i}", "θ₁⁰", -10.0, 10.0, dx, 0.1, where=c1, fmt="%g")
            y0 = ui.number(f"y{i}", "θ₂⁰", -10.0, 10.0, dy, 0.1, where=c2, fmt="%g")
            name = tr("my point")
        else:
            (x0, y0), name = LAND.starts[picked], START_NAMES[picked]
        slots.append((i, f"{i} · {name}", (float(x0), float(y0))))


slide = ui.slide_curve()
SLIDE_WORDS = {
    "plateau": (tr("very slow at the plateau"), "∂L/∂w ≈ 0", "#E69F00"),
    "saddle": (tr("stuck at saddle point"), "∂L/∂w = 0", "#7f0000"),
    "local_min": (tr("stuck at local minima"), "∂L/∂w = 0", "#009E73"),
    "global_min": (tr("global minimum"), "∂L/∂w = 0", "#0072B2"),
}
left, right = st.columns([3, 1], gap="medium")
with left:
    ui.chart(lim_figures.slide_picture(
        slide.w, slide.loss,
        [(m.w, m.loss, f"{SLIDE_WORDS[m.kind][0]}<br>{SLIDE_WORDS[m.kind][1]}", SLIDE_WORDS[m.kind][2])
         for m in slide.marks],
        tr("The slide's picture: the loss against one parameter w"), tr("the value of the parameter w"),
        tr("loss L")), key="slide")
with right:
    st.markdown(tr("At each marked place the update w ← w − η ∂L/∂w barely moves w: ∂L/∂w is tiny on the "
                   "plateau and exactly 0 at the saddle point and at both minima."))
    st.markdown(tr("With two parameters, below, a saddle point curves up in one direction and down in another."))

if not slots:
    st.info(tr("Choose at least one start point in the sidebar."))
else:
    ui.part()  # η and the number of updates rerun this (the runs), not the starts and the slide's picture above
    # η and the number of updates right under the paths they change (on a phone too, where the sidebar starts folded).
    warnings_box = st.container()
    figure_box, main_box = ui.under_figure("gd-main-eta-steps")
    cols = main_box.columns(2)
    eta = ui.lr_slider("eta", LAND.eta, where=cols[0])
    steps = ui.int_slider("steps", tr("Number of updates"), 1, MAX_UPDATES, LAND.steps, where=cols[1])
    starts = tuple(theta0 for _, _, theta0 in slots)
    traj = ui.run_cached(LAND.formula, "gd", (("lr", eta),), starts, steps)
    ends = ui.landscape_endings(LAND.key, eta, starts, steps)
    colors = [lim_figures.START_COLORS[(i - 1) % len(lim_figures.START_COLORS)] for i, _, _ in slots]
    names = [label for _, label, _ in slots]

    for k, end in enumerate(ends):
        if end.diverged_at is not None:
            warnings_box.warning(tr("Start {name} diverged at update {t}: θ left ±1e+08 or L stopped being a finite "
                                    "number. Try a smaller learning rate.", name=names[k], t=end.diverged_at),
                                 icon="💥")

    paths = [figures.Path(traj.params[:, k], names[k], colors[k]) for k in range(len(slots))]
    x_range, y_range = ui.fit_window(LAND.x_range, LAND.y_range, traj.params, grow=1.6)
    xs, ys, Z = ui.grid_cached(LAND.formula, x_range, y_range, 80)
    labels = [(p.theta, f"{KIND_NAMES[p.kind]}, L = {ui.num(p.value)}") for p in LAND.critical]

    with figure_box:
        tab_map, tab_3d = ui.views("view", {"map": tr("The paths on the loss contours"), "3d": tr("3-D surface")})
    with tab_map:
        if tab_map.open:
            fig = lim_figures.landscape(
                xs, ys, Z,
                tr("Gradient descent, η = {eta}, {n} updates from each start", eta=ui.fmt_param(eta), n=steps),
                paths, labels, minima=LAND.minima, saddles=LAND.saddles, plateau=LAND.plateau,
                plateau_label=tr("plateau: ‖∇L‖ < 10⁻³"), x_range=x_range, y_range=y_range,
                marker_labels=ui.marker_labels())
            # A click starts run 1 there (start 1 becomes "my own point"); the other starts stay.
            ui.chart(fig, key="map", on_click=("x1", "y1"), click_also={"s1": CUSTOM},
                     alt=" ".join(f"{names[k]}: {ui.ending_text(end)}." for k, end in enumerate(ends)))
    with tab_3d:
        if tab_3d.open:
            gx, gy, gz = ui.grid_cached(LAND.formula, x_range, y_range, 60)
            ui.chart(figures.surface(gx, gy, gz, tr("The loss surface and the paths"),
                                     [(p, traj.losses[:, k]) for k, p in enumerate(paths)]), key="surface")
    if tab_map.open:  # the map's key, under η and the number of updates
        st.caption(tr("Open circles: the starts θ⁰. Stars: the two minima. ✕: the saddle point. The plateau's "
                      "L ≈ 2 is the darkest blue; the lightest is the global minimum, L = 0."))

    left, right = st.columns(2, gap="medium")
    with left:
        series = [(names[k], traj.grad_norms[:, k], colors[k]) for k in range(len(slots))]
        ui.chart(lim_figures.grad_norms(series, landscapes.FLAT, tr("∂L/∂w ≈ 0"), tr("‖∇L(θᵗ)‖ along each path"),
                                        tr("update t"), "‖∇L(θᵗ)‖"), key="grad_norms")
    with right:
        series = [(names[k], traj.losses[:, k], colors[k]) for k in range(len(slots))]
        levels = [(p.value, f"{KIND_NAMES[p.kind]} {ui.num(p.value)}") for p in LAND.critical]
        levels.append((2.0, tr("plateau ≈ 2")))
        ui.chart(lim_figures.losses(series, levels, tr("L(θᵗ) along each path"), tr("update t"), "L(θᵗ)"),
                 key="losses")
    st.caption(tr("Same colours as the map. ‖∇L(θᵗ)‖: below the dashed line, ∂L/∂w ≈ 0 and the updates barely "
                  "move θ (values under 10⁻¹⁶ are round-off and drawn at the bottom). L(θᵗ): each run flattens at "
                  "the loss of the place where it stopped."))

    st.subheader(tr("Where each run stopped"))
    col_where, col_theta, col_loss = tr("Where it stopped"), tr("θ after the last update"), "L"
    col_grad, col_near = "‖∇L‖", tr("Nearest critical point")
    rows = {}
    for k, end in enumerate(ends):
        near = end.nearest
        rows[names[k]] = {
            col_where: ui.ending_text(end),
            col_theta: ui.point_text(end.theta),
            col_loss: ui.num(end.loss),
            col_grad: ui.num(end.grad_norm, 2),
            col_near: (tr("{kind} {at}, {d} away", kind=KIND_NAMES[near.kind], at=ui.point_text(near.theta),
                          d=ui.num(end.distance, 2)) if near else "—"),
        }
    ui.table(rows, "endings")
    st.caption(tr("∂L/∂w ≈ 0 (‖∇L‖ ≤ 10⁻³) at the plateau, at the saddle point and at the local minimum, just as at "
                  "the global minimum; only the global minimum has L = {low}.", low=ui.num(LAND.global_minimum.value)))

with st.expander(tr("The loss, and why these are a saddle point and minima")):
    st.latex(r"L(\theta_1, \theta_2) = 2 + e^{-\theta_1^2/2}\left(\frac{3\theta_2^4 + 4\theta_2^3 - 12\theta_2^2}{32}"
             r" - 1\right)")
    st.markdown(tr("At each point below ∇L = 0. The Hessian (the second derivatives) tells them apart: at a minimum "
                   "L curves up in every direction (both eigenvalues positive); at a saddle point it curves down in "
                   "one direction (one negative eigenvalue), so a small push off the line θ₂ = 0 rolls away."))
    checks = ui.critical_checks(LAND.key)
    ui.table({KIND_NAMES[c.point.kind]: {
        "θ": ui.point_text(c.point.theta),
        "L": ui.num(c.point.value),
        "‖∇L‖": ui.num(c.grad_norm, 2),
        tr("Hessian eigenvalues"): f"{ui.num(c.eigenvalues[0])}, {ui.num(c.eigenvalues[1])}",
        tr("The Hessian says"): HESSIAN_SAYS[c.hessian_says],
    } for c in checks}, "critical-points", index_name=tr("Point"))

ui.notice([
    tr("The plateau start barely moves: ‖∇L‖ ≈ 2·10⁻⁴ there, and each update moves θ by η‖∇L‖. Set η = 0.8 "
       "and 3000 updates: it crawls for about 1500 updates, then drops into the local minimum within 60 more."),
    tr("On the line θ₂ = 0, ∂L/∂θ₂ is exactly 0, so gradient descent never leaves it and stops at the saddle point "
       "with L = 1. Pick “my own point” and start at (−2.5, 0.000001): it slows down at the saddle point "
       "(‖∇L‖ dips below 10⁻³), then escapes downhill into the local minimum."),
    tr("At all three, ∂L/∂w ≈ 0: the size of the gradient alone cannot tell a plateau, a saddle point or a local "
       "minimum from the global minimum. Only L does, and we do not know the lowest L in advance."),
])
