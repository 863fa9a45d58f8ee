"""The optimizer race shared by the momentum/RMSProp/Adam page and the playground."""

from __future__ import annotations

import streamlit as st

import figures
import gd_core
from figures import beyond as race_figures
from i18n import tr
from ui.charts import chart
from ui.chrome import diverged_warning, fragment
from ui.controls import LossChoice, marker_labels, scaled_window, under_figure
from ui.fmt import fmt_param, loss_story, num, reason
from ui.services import grid_cached, race_cached
from ui.state import int_slider, log_slider, slider, toggle, views
from ui.tables import table

RACE_KEYS = {"gd": "gd", "momentum": "mom", "adagrad": "ada", "rmsprop": "rms", "adam": "adam"}
"""Each racer's short URL key: ``gd=0`` hides it, ``eta_gd=…`` is its learning rate."""
RACE_ETA = {"gd": 0.001, "momentum": 0.001, "adagrad": 0.5, "rmsprop": 0.01, "adam": 0.05}
RACE_ETA_OPTIONS = (0.0001, 0.0002, 0.0005, 0.001, 0.002, 0.005, 0.01, 0.02, 0.05, 0.1, 0.2, 0.3, 0.4, 0.5, 0.7,
                    1.0, 1.5, 2.0, 3.0)
RACE_ALPHAS = (0.0, 0.5, 0.9, 0.95, 0.99, 0.995, 0.999)
RACE_BETA2S = (0.9, 0.99, 0.995, 0.999, 0.9999)
RACE_TARGETS = (1.0, 0.1, 0.01, 0.001, 1e-4, 1e-6, 1e-8)
RACE_MAX_UPDATES = 3000
_SYMBOLS = {"lr": "η", "beta": "β", "alpha": "α", "beta1": "β₁", "beta2": "β₂"}


def optimizer_labels() -> dict[str, str]:
    """Each racer's name in the current language."""
    return {"gd": tr("Gradient descent"), "momentum": tr("Momentum"), "adagrad": tr("Adagrad"),
            "rmsprop": tr("RMSProp"), "adam": tr("Adam")}


class Race:
    """The race's settings: which optimizers, their hyperparameters, the number of updates, the target."""

    def __init__(self, shown, hyper, steps, target, log_y):
        self.shown, self.hyper, self.steps, self.target, self.log_y = shown, hyper, steps, target, log_y
        """``steps``: the number of updates' default; its slider is under the race's figure (:func:`race_view`)."""


def race_controls(default_eta: dict[str, float] | None = None, default_steps: int = 1000,
                  default_target: float = 0.001, default_log: bool = True, where=st) -> Race:
    """The race's controls: the target, and per optimizer a switch and its hyperparameters (ε fixed at 10⁻⁸ and
    stated). The number of updates (``default_steps``) is set under the race's figure (:func:`race_view`)."""
    etas = {**RACE_ETA, **(default_eta or {})}
    labels = optimizer_labels()
    target = log_slider("target", tr("Target loss"), RACE_TARGETS, default_target, where=where,
                        help=tr("The table counts the updates each optimizer needs to reach L ≤ this."))
    log_y = toggle("log", tr("Loss on a log scale"), default_log, where=where,
                   help=tr("Only losses above 0 can be drawn on a log scale."))
    where.subheader(tr("Optimizers"))
    order = gd_core.beyond.ORDER
    shown = [name for name in order if toggle(RACE_KEYS[name], labels[name], True, where=where)]
    where.caption(tr("The hyperparameters of each (ε = 10⁻⁸ in Adagrad, RMSProp and Adam, fixed):"))
    hyper: dict[str, tuple] = {}
    eps = gd_core.beyond.EPS
    for name in order:
        box = where.expander(labels[name])
        eta = log_slider(f"eta_{RACE_KEYS[name]}", tr("η, the learning rate"), RACE_ETA_OPTIONS, etas[name],
                         where=box)
        if name == "gd":
            hyper[name] = (("lr", eta),)
        elif name == "momentum":
            beta = slider("beta", "β", 0.0, 0.99, 0.9, 0.01, where=box,
                          help=tr("How much of the past gradients each update keeps. β = 0 is gradient descent."))
            hyper[name] = (("lr", eta), ("beta", beta))
        elif name == "adagrad":
            hyper[name] = (("lr", eta), ("eps", eps))
        elif name == "rmsprop":
            alpha = log_slider("alpha", "α", RACE_ALPHAS, 0.99, where=box,
                               help=tr("How much of (σᵗ⁻¹)² each update keeps: closer to 1 remembers longer."))
            hyper[name] = (("lr", eta), ("alpha", alpha), ("eps", eps))
        else:
            beta1 = slider("beta1", "β₁", 0.0, 0.99, 0.9, 0.01, where=box,
                           help=tr("Momentum's share: how much of the past gradients m keeps."))
            beta2 = log_slider("beta2", "β₂", RACE_BETA2S, 0.999, where=box,
                               help=tr("RMSProp's share: how much of the past squared gradients v keeps."))
            hyper[name] = (("lr", eta), ("beta1", beta1), ("beta2", beta2), ("eps", eps))
    return Race(shown, hyper, default_steps, target, log_y)


def race_numbers(traj, target: float):
    """gd_core's numbers for one racer: final L, updates to reach the target, divergence, first update."""
    return gd_core.beyond.race_result(traj, target)


def hyper_text(values: tuple) -> str:
    """η = 0.001, β = 0.9 (ε left out: it is the same for all)."""
    return ", ".join(f"{_SYMBOLS[k]} = {fmt_param(v)}" for k, v in values if k in _SYMBOLS)


def race_view(picked: LossChoice, theta0: tuple, race: Race, surface: bool = False, alone: bool = True) -> None:
    """The race: its paths on one contour (and with ``surface`` a 3-D surface), the number of updates right under
    them, the loss curves and the table.

    ``alone``: a fragment, so that moving the number of updates (or the view) redraws the race alone, not the
    settings around it (the race's other settings, in the sidebar, rerun the page's body and so this too). Only
    for a page where nothing after the race shows what these controls set (a link to share would go stale)."""
    if alone:
        fragment(_race_body)(picked, theta0, race, surface)
    else:
        _race_body(picked, theta0, race, surface)


def _race_body(picked: LossChoice, theta0: tuple, race: Race, surface: bool) -> None:
    if picked.loss is None:
        st.info(tr("Fix the formula in the sidebar to start the race."))
        return
    if not race.shown:
        st.info(tr("Switch on at least one optimizer in the sidebar."))
        return
    labels = optimizer_labels()
    figure_box, main_box = under_figure("gd-main-steps")
    steps = int_slider("steps", tr("Number of updates"), 1, RACE_MAX_UPDATES, race.steps, where=main_box)
    try:
        runs = race_cached(picked.formula, tuple((name, race.hyper[name]) for name in race.shown), theta0, steps)
    except ValueError as exc:
        st.error(tr("This start point cannot be used: {reason}.", reason=reason(exc)))
        return
    results = {name: race_numbers(runs[name], race.target) for name in race.shown}
    for name in race.shown:
        diverged_warning(runs[name], labels[name])

    colors = figures.OPTIMIZER_COLORS
    paths = [figures.Path(runs[name].params, labels[name], colors[name]) for name in race.shown]
    # Drawn to scale (momentum's swings and the paths' angles are true on a phone too), in a window around θ⁰, the
    # minima and the paths.
    x_range, y_range = scaled_window(picked.x_range, picked.y_range, *(runs[name].params for name in race.shown),
                                     points=picked.minima)
    xs, ys, Z = grid_cached(picked.formula, x_range, y_range, 80)
    saddles = picked.preset.saddles if picked.preset else ()
    contour_fig = race_figures.race_contour(xs, ys, Z, tr("The paths from θ⁰"), paths, minima=picked.minima,
                                            saddles=saddles, x_range=x_range, y_range=y_range,
                                            marker_labels=marker_labels(), equal_scale=True)
    # The charts' text alternative: each optimizer's loss, first to last update.
    alt = " ".join(f"{labels[name]}: {loss_story(runs[name].losses, diverged_at=runs[name].diverged_at)}"
                   for name in race.shown)
    with figure_box:
        _race_figure(picked, [runs[name] for name in race.shown], paths, contour_fig, x_range, y_range, alt,
                     surface)
    series = [(labels[name], runs[name].losses, colors[name]) for name in race.shown]
    chart(race_figures.race_losses(series, race.target, tr("target {value}", value=num(race.target, 1)),
                                   tr("Loss against updates"), tr("number of parameter updates"), "L(θᵗ)",
                                   log_y=race.log_y), key="losses", alt=alt)
    _race_table(race, results, labels)


def _race_figure(picked: LossChoice, runs: list, paths: list, contour_fig, x_range, y_range, alt: str,
                 surface: bool) -> None:
    """The paths on the contour, and with ``surface`` a second view with the 3-D surface."""
    if surface:
        tab_contour, tab_surface = views("view", {"contour": tr("Contour"), "3d": tr("3-D surface")})
        with tab_contour:
            if tab_contour.open:
                chart(contour_fig, key="paths", on_click=("x0", "y0"), alt=alt)
        with tab_surface:
            if tab_surface.open:
                gx, gy, gz = grid_cached(picked.formula, x_range, y_range, 50)
                chart(figures.surface(gx, gy, gz, tr("The loss surface and the paths"),
                                      [(p, run.losses) for p, run in zip(paths, runs)]), key="surface")
    else:
        chart(contour_fig, key="paths", on_click=("x0", "y0"), alt=alt)


def _race_table(race: Race, results: dict, labels: dict) -> None:
    """The race in numbers: per optimizer its hyperparameters, final L, updates to the target, divergence and
    first update."""
    st.subheader(tr("The race in numbers"))
    col_hyper, col_final = tr("Hyperparameters"), tr("Final L")
    col_reach = tr("Updates to reach L ≤ {target}", target=num(race.target, 1))
    col_div, col_first = tr("Diverged at update"), tr("First update θ¹ − θ⁰")
    rows = {}
    for name in race.shown:
        r = results[name]
        rows[labels[name]] = {
            col_hyper: hyper_text(race.hyper[name]),
            col_final: num(r.final_loss),
            col_reach: str(r.reached_at) if r.reached_at is not None else tr("not reached"),
            col_div: str(r.diverged_at) if r.diverged_at is not None else "—",
            col_first: f"({num(r.first_step[0])}, {num(r.first_step[1])})" if r.first_step else "—",
        }
    table(rows, "race")
    st.caption(tr("Final L is the loss after the last update (before the divergence, for a run that diverged). "
                  "The first update shows the difference at once: gradient descent and momentum move by −η g⁰, "
                  "Adam by about η along each parameter, whatever the size of g⁰."))


def race_rules(race: Race) -> None:
    """Each shown optimizer's update rule in the lecture's notation, one tab each."""
    if not race.shown:
        return
    labels = optimizer_labels()
    st.subheader(tr("The update rules"))
    st.markdown(tr("gᵗ = ∇L(θᵗ); the rules written with w act on each parameter (θ₁ and θ₂) separately, "
                   "with gᵗ its own derivative. t counts from 0, and every running quantity starts at 0."))
    for name, tab in zip(race.shown, st.tabs([labels[name] for name in race.shown])):
        with tab:
            st.markdown(f"**{labels[name]}** · {hyper_text(race.hyper[name])}")
            st.latex(gd_core.optimizers.RULES[name])
