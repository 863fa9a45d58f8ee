"""Beyond the lecture: gradient descent, momentum, Adagrad, RMSProp and Adam raced on one loss from
one start, each with its update rule and hyperparameters."""

import pandas as pd
import streamlit as st

import figures
import ui
from figures import beyond as race_figures
from gd_core import beyond
from i18n import tr

ui.start_page(
    "beyond",
    tr("Beyond the lecture: momentum, RMSProp, Adam"),
    tr("Gradient descent moves by η times this update's gradient gᵗ. **Momentum** adds up past gradients: it keeps "
       "moving and swings past the valley floor. **Adagrad** and **RMSProp** divide each parameter's step by the size "
       "of its past gradients, like the lecture's σᵗ; **Adam** does both. Same loss, same start: race them."),
    r"\begin{gathered} \theta^{t+1} = \theta^{t} - \eta\, g^{t} \\[4pt]"
    r"w^{t+1} = w^{t} - \frac{\eta\, \hat m^{t}}{\sqrt{\hat v^{t}} + \epsilon} \end{gathered}",
)

LABELS = {
    "gd": tr("Gradient descent"),
    "momentum": tr("Momentum"),
    "adagrad": tr("Adagrad"),
    "rmsprop": tr("RMSProp"),
    "adam": tr("Adam"),
}
KEYS = {"gd": "gd", "momentum": "mom", "adagrad": "ada", "rmsprop": "rms", "adam": "adam"}
"""Each optimizer's short URL key: ``gd=0`` hides it, ``eta_gd=…`` is its learning rate."""
DEFAULT_ETA = {"gd": 0.001, "momentum": 0.001, "adagrad": 0.5, "rmsprop": 0.01, "adam": 0.05}
ETA_OPTIONS = (0.0001, 0.0002, 0.0005, 0.001, 0.002, 0.005, 0.01, 0.02, 0.05, 0.1, 0.2, 0.3, 0.4, 0.5, 0.7, 1.0,
               1.5, 2.0, 3.0)
ALPHA_OPTIONS = (0.0, 0.5, 0.9, 0.95, 0.99, 0.995, 0.999)
BETA2_OPTIONS = (0.9, 0.99, 0.995, 0.999, 0.9999)
TARGETS = (1.0, 0.1, 0.01, 0.001, 1e-4, 1e-6, 1e-8)
RACE_STARTS = {"rosenbrock": (0.0, 2.5)}
"""This page's default θ⁰ where it differs from the preset's: above the Rosenbrock valley, so momentum
overshoots the valley floor and curves back into it, and Adam's first step (+η, −η) differs from
gradient descent's (mostly down)."""
MAX_UPDATES = 3000

with st.sidebar:
    st.header(tr("Settings"))
    picked = ui.loss_picker("rosenbrock")
    if picked.preset is not None and picked.preset.key in RACE_STARTS:
        picked.start = RACE_STARTS[picked.preset.key]
    theta0 = ui.start_point(picked)
    steps = ui.int_slider("steps", tr("Number of updates"), 1, MAX_UPDATES, 1000)
    target = ui.log_slider("target", tr("Target loss"), TARGETS, 0.001,
                           help=tr("The table counts the updates each optimizer needs to reach L ≤ this."))
    log_y = ui.toggle("log", tr("Loss on a log scale"), True)

    st.subheader(tr("Optimizers"))
    shown = [name for name in beyond.ORDER if ui.toggle(KEYS[name], LABELS[name], True)]
    st.caption(tr("The hyperparameters of each (ε = 10⁻⁸ in Adagrad, RMSProp and Adam, fixed):"))
    hyper: dict[str, tuple] = {}
    for name in beyond.ORDER:
        box = st.expander(LABELS[name])
        eta = ui.log_slider(f"eta_{KEYS[name]}", tr("η, the learning rate"), ETA_OPTIONS, DEFAULT_ETA[name], where=box)
        if name == "gd":
            hyper[name] = (("lr", eta),)
        elif name == "momentum":
            beta = ui.slider("beta", "β", 0.0, 0.99, 0.9, 0.01, where=box,
                             help=tr("How much of the past gradients each update keeps. β = 0 is gradient descent."))
            hyper[name] = (("lr", eta), ("beta", beta))
        elif name == "adagrad":
            hyper[name] = (("lr", eta), ("eps", beyond.EPS))
        elif name == "rmsprop":
            alpha = ui.log_slider("alpha", "α", ALPHA_OPTIONS, 0.99, where=box,
                                  help=tr("How much of (σᵗ⁻¹)² each update keeps: closer to 1 remembers longer."))
            hyper[name] = (("lr", eta), ("alpha", alpha), ("eps", beyond.EPS))
        else:
            beta1 = ui.slider("beta1", "β₁", 0.0, 0.99, 0.9, 0.01, where=box,
                              help=tr("Momentum's share: how much of the past gradients m keeps."))
            beta2 = ui.log_slider("beta2", "β₂", BETA2_OPTIONS, 0.999, where=box,
                                  help=tr("RMSProp's share: how much of the past squared gradients v keeps."))
            hyper[name] = (("lr", eta), ("beta1", beta1), ("beta2", beta2), ("eps", beyond.EPS))


@st.cache_data(max_entries=128, show_spinner=False)
def race_numbers(formula: str, name: str, hyper: tuple, theta0: tuple, steps: int,
                 target: float) -> beyond.RaceResult:
    """gd_core's numbers for one racer: final L, updates to reach the target, divergence, first update."""
    return beyond.race_result(ui.run_cached(formula, name, hyper, theta0, steps), target)


SYMBOLS = {"lr": "η", "beta": "β", "alpha": "α", "beta1": "β₁", "beta2": "β₂"}


def hyper_text(values: tuple) -> str:
    """η = 0.001, β = 0.9 (ε left out: it is the same for all)."""
    return ", ".join(f"{SYMBOLS[k]} = {ui.fmt_param(v)}" for k, v in values if k in SYMBOLS)


def race() -> None:
    """The runs, the two figures and the table; nothing (and the reason shown) when they cannot run."""
    if picked.loss is None:
        st.info(tr("Fix the formula in the sidebar to start the race."))
        return
    if not shown:
        st.info(tr("Switch on at least one optimizer in the sidebar."))
        return
    try:
        runs = {name: ui.run_cached(picked.formula, name, hyper[name], theta0, steps) for name in shown}
    except ValueError as exc:
        st.error(tr("This start point cannot be used: {reason}.", reason=str(exc)))
        return
    results = {name: race_numbers(picked.formula, name, hyper[name], theta0, steps, target) for name in shown}
    for name in shown:
        ui.diverged_warning(runs[name], LABELS[name])

    colors = figures.OPTIMIZER_COLORS
    paths = [figures.Path(runs[name].params, LABELS[name], colors[name]) for name in shown]
    x_range, y_range = ui.fit_window(picked.x_range, picked.y_range, *(runs[name].params for name in shown))
    xs, ys, Z = ui.grid_cached(picked.formula, x_range, y_range, 100)
    saddles = picked.preset.saddles if picked.preset else ()

    ui.chart(race_figures.race_contour(xs, ys, Z, tr("The paths from θ⁰"), paths, minima=picked.minima,
                                       saddles=saddles, x_range=x_range, y_range=y_range), key="paths")
    series = [(LABELS[name], runs[name].losses, colors[name]) for name in shown]
    ui.chart(race_figures.race_losses(series, target, tr("target {value}", value=ui.num(target, 1)),
                                      tr("Loss against updates"), tr("number of parameter updates"), "L(θᵗ)",
                                      log_y=log_y), key="losses")

    st.subheader(tr("The race in numbers"))
    col_hyper, col_final = tr("Hyperparameters"), tr("Final L")
    col_reach = tr("Updates to reach L ≤ {target}", target=ui.num(target, 1))
    col_div, col_first = tr("Diverged at update"), tr("First update θ¹ − θ⁰")
    rows = {}
    for name in shown:
        r = results[name]
        rows[LABELS[name]] = {
            col_hyper: hyper_text(hyper[name]),
            col_final: ui.num(r.final_loss),
            col_reach: str(r.reached_at) if r.reached_at is not None else tr("not reached"),
            col_div: str(r.diverged_at) if r.diverged_at is not None else "—",
            col_first: f"({ui.num(r.first_step[0])}, {ui.num(r.first_step[1])})" if r.first_step else "—",
        }
    st.table(pd.DataFrame.from_dict(rows, orient="index"))
    st.caption(tr("Final L is the loss after the last update (before the divergence, for a run that diverged). "
                  "The first update shows the difference at once: gradient descent and momentum move by −η g⁰, "
                  "Adam by about η along each parameter, whatever the size of g⁰."))


race()

if shown:
    st.subheader(tr("The update rules"))
    st.markdown(tr("gᵗ = ∇L(θᵗ); the rules written with w act on each parameter (θ₁ and θ₂) separately, "
                   "with gᵗ its own derivative. t counts from 0, and every running quantity starts at 0."))
    for name, tab in zip(shown, st.tabs([LABELS[name] for name in shown])):
        with tab:
            st.markdown(f"**{LABELS[name]}** · {hyper_text(hyper[name])}")
            st.latex(beyond.RULES[name])

ui.notice([
    tr("Momentum's first update is exactly gradient descent's (v⁰ = g⁰). After that it carries speed: from "
       "θ⁰ = (0, 2.5) on Rosenbrock it shoots past the valley floor down to θ₂ ≈ −1.8, swings back, curves along "
       "the valley, and is the only one to reach L ≤ 0.001 within 1000 updates."),
    tr("Adam's first update is (0.05, −0.05), η along each parameter, although g⁰ = (−2, 500): its steps are set "
       "by η, not by the size of the gradient. Gradient descent's first update, −ηg⁰ = (0.002, −0.5), goes almost "
       "straight down."),
    tr("Set β = 0 for momentum: its path lies exactly on gradient descent's. Raise gradient descent's η to 0.01: "
       "it diverges at update 6, while Adam with η = 1 does not, because it divides by the size of the gradient."),
])
