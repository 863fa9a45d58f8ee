"""The cached calls into gd_core, every one of the app's: plain ``st.cache_data`` (``st.cache_resource`` for the
parsed loss, which holds compiled functions), each bounded by ``max_entries``, with plain, hashable arguments.
A call that costs less than a cache lookup (about 0.1 ms) is not cached: the pages call gd_core for it."""

from __future__ import annotations

from typing import Any

import numpy as np
import streamlit as st

import gd_core
from gd_core import data as gd_data
from gd_core import landscapes, optimizers, red_circle, scaling, schedules, sgd, taylor_series, theory
from gd_core.grid import curve_values, loss_grid


@st.cache_resource(max_entries=64, show_spinner=False)
def parse_cached(formula: str) -> gd_core.Loss:
    """The parsed loss (kept as a resource: it holds compiled functions)."""
    return gd_core.parse_loss(formula)


def make_optimizer(name: str, hyper: tuple[tuple[str, Any], ...]) -> optimizers.Optimizer:
    """An optimizer from its name and hyperparameters; ``decay=True`` means 1/t decay."""
    params = {k: (np.asarray(v, dtype=float) if isinstance(v, tuple) else v) for k, v in hyper}
    decay = params.pop("decay", False)
    if decay:
        params["lr"] = schedules.inverse_sqrt(params["lr"])
    return optimizers.FACTORIES[name](**params)


@st.cache_data(max_entries=256, show_spinner=False)
def run_cached(formula: str, name: str, hyper: tuple[tuple[str, Any], ...], theta0: tuple, steps: int):
    """``gd_core.run`` with plain arguments; ``theta0`` may be a tuple of B pairs for a batch."""
    loss = parse_cached(formula)
    return gd_core.run(loss, make_optimizer(name, hyper), np.asarray(theta0, dtype=float), steps)


RACE_RUN_LENGTHS = (50, 100, 200, 300, 500, 750, 1000, 1500, 2000, 2500, 3000)
"""The lengths the race is computed for; a race of n updates is cut from the shortest one at least n long."""


@st.cache_data(max_entries=160, show_spinner=False)
def _race_run(formula: str, name: str, hyper: tuple, theta0: tuple, steps: int):
    """One racer's run, cached on its own: moving one optimizer's hyperparameter (momentum's β) recomputes that
    optimizer's run alone; the other racers' runs are the ones computed before."""
    return gd_core.run(parse_cached(formula), make_optimizer(name, hyper), np.asarray(theta0, dtype=float), steps)


def race_cached(formula: str, racers: tuple[tuple[str, tuple], ...], theta0: tuple, steps: int) -> dict:
    """Each (optimizer, hyperparameters) of ``racers`` run from ``theta0`` for ``steps`` updates: the same
    trajectories as ``run_cached`` one by one, each cached on its own (a change of one racer's hyperparameters
    computes one run).

    The race is computed for the next length of RACE_RUN_LENGTHS and cut (``Trajectory.first``, exactly
    the shorter run): moving the number of updates reuses the runs computed, for a whole class at once,
    until it passes that length. The defaults (100, 1000) are lengths of their own, so a change of
    anything else computes no more than before.
    """
    length = next((n for n in RACE_RUN_LENGTHS if n >= steps), steps)
    return {name: _race_run(formula, name, hyper, theta0, length).first(steps) for name, hyper in racers}


@st.cache_data(max_entries=64, show_spinner=False)
def grid_cached(formula: str, x_range: tuple, y_range: tuple, n: int = 80):
    """Loss values on an n × n grid (float32) for contours and surfaces."""
    return loss_grid(parse_cached(formula), x_range, y_range, n)


@st.cache_data(max_entries=64, show_spinner=False)
def curve_cached(formula: str, x_range: tuple, n: int = 400):
    """A 1-D loss in x on n points (float32)."""
    return curve_values(parse_cached(formula), x_range, n)


@st.cache_data(max_entries=64, show_spinner=False)
def threshold_cached(formula: str, point: tuple) -> float | None:
    """2/λ_max of the Hessian at ``point``: where gradient descent starts to diverge on a quadratic."""
    return gd_core.theory.divergence_threshold(parse_cached(formula), point)


# --- pages/2_learning_rate.py ------------------------------------------------------------------
# Measured against a cache hit (0.03–0.25 ms): the four rates cost 2–6 ms, the sweep 0.8–1.8 ms, the four
# runs' behaviours 0.13–0.6 ms (20–100 updates), is_quadratic 0.03 ms with sympy's own cache warm and
# 0.1–0.9 ms cold.

@st.cache_data(max_entries=16, show_spinner=False)
def curve_learning_rates(formula: str, x0: float, minimum: float, steps: int) -> dict:
    """The four roles' η for this curve, chosen from its numbers at the start ``x0`` for ``steps`` updates
    (``gd_core.learning_rates.learning_rates``)."""
    return gd_core.learning_rates.learning_rates(parse_cached(formula), x0, minimum, steps)


@st.cache_data(max_entries=64, show_spinner=False)
def rate_behaviours(formula: str, etas: tuple, x0: float, minimum: float, steps: int, decay: bool) -> list:
    """What each η's run does (``gd_core.learning_rates.behaviours``)."""
    return gd_core.learning_rates.behaviours(parse_cached(formula), etas, x0, minimum, steps, decay)


@st.cache_data(max_entries=64, show_spinner=False)
def learning_rate_sweep(formula: str, x0: float, steps: int, decay: bool):
    """Gradient descent from θ⁰ = (x0, 0) for every η of ``gd_core.learning_rates.SWEEP_ETAS``, in one batch:
    each run's final loss, whether it diverged, the start's loss, and the smallest η whose loss blew up (or
    None). (The cache key is these few values, not the 160 η.)"""
    etas = gd_core.learning_rates.SWEEP_ETAS
    sweep = gd_core.learning_rates.runs(parse_cached(formula), etas, x0, steps, decay)
    start_loss = float(sweep.losses[0, 0])
    found = gd_core.learning_rates.blow_up(etas, sweep.final_loss, sweep.diverged, start_loss)
    return sweep.final_loss, sweep.diverged, start_loss, found


@st.cache_data(max_entries=16, show_spinner=False)
def formula_is_quadratic(formula: str) -> bool:
    """Whether the loss is a polynomial of degree at most 2 (``gd_core.learning_rates.is_quadratic``)."""
    return gd_core.learning_rates.is_quadratic(parse_cached(formula))


# --- pages/3_adagrad_tables.py, pages/4_best_step.py -------------------------------------------
# Nothing cached: they call gd_core directly. Measured, an Adagrad table costs 0.025 ms (a hit on its tuple
# of gradients 0.08–0.24 ms), the best and the gradient step 0.005 ms, a parabola's curve 0.015 ms, the
# slices 0.04 ms, their 90 × 90 plane 0.02 ms, the sampled curves 0.06 ms (hits 0.05–0.13 ms).
# --- pages/5_stochastic_gd.py ---------------------------------------------------------------------

@st.cache_data(max_entries=64, show_spinner=False)
def sgd_comparison(X, y, names: tuple, target: str, lr: float, batch: int, epochs: int, theta0: tuple, seed: int):
    """Gradient descent, SGD and mini-batch on (X, y) (``gd_core.sgd.compare``), the plot window and the loss
    grid on it, SGD's example order, the epochs each run has seen at each update, and the data's x range."""
    ds = gd_data.Dataset(X, y, names, target)
    c = sgd.compare(ds, lr, batch, epochs, theta0, seed)
    win = sgd.window([theta0, tuple(c.theta_star)], [f.params for f in c.fits.values()])
    grid = sgd.loss_grid(ds, *win, n=90)
    order = sgd.example_order(ds.n, epochs, seed)
    seen = {k: sgd.epochs_seen(f, ds.n) for k, f in c.fits.items()}
    return c, win, grid, order, seen, sgd.x_range(ds)


# --- pages/6_feature_scaling.py -------------------------------------------------------------------

@st.cache_data(max_entries=64, show_spinner=False)
def scaling_comparison(X, y, names: tuple, target: str, fraction: float, steps: int, tolerance: float):
    """Both runs (``gd_core.scaling.compare``), and for each side its plot window (same scale on both axes)
    and the grid of L over (w₁, w₂) at that side's b*; the features' mᵢ, σᵢ before and their mean and std
    after (np.mean, np.std)."""
    ds = gd_data.Dataset(X, y, names, target)
    c = scaling.compare(ds, fraction, steps, tolerance)
    drawn = []
    for side in (c.raw, c.scaled):
        start = side.run.params[0]
        win = sgd.window([tuple(start), tuple(side.theta_star[:2])], [side.run.params], pad=0.18, square=True)
        drawn.append((win, scaling.fixed_b_grid(side.data, side.b, *win, n=80)))
    return c, drawn, scaling.feature_stats(ds.X), scaling.feature_stats(c.scaled.data.X)


# --- pages/7_why_it_works.py ----------------------------------------------------------------------

@st.cache_data(max_entries=64, show_spinner=False)
def taylor_polynomials(formula: str, x0_text: str, order: int, drawn: tuple, half: float):
    """The order-``order`` Taylor polynomial's LaTeX, x₀, h(x₀), its coefficients (as text, and value), and
    the curves of h and of the polynomials of every order in ``drawn`` over x₀ ± ``half``."""
    poly = taylor_series.taylor(formula, x0_text, order)
    highest = taylor_series.taylor(formula, x0_text, max(drawn))
    xs, h, curves = red_circle.taylor_orders(highest, drawn, (poly.x0 - half, poly.x0 + half))
    coefficients = tuple((taylor_series.coefficient_text(c), float(c)) for c in poly.coefficients)
    return poly.latex, poly.x0, float(poly.curve(poly.x0)), coefficients, xs, h, curves


@st.cache_data(max_entries=64, show_spinner=False)
def circle_step_and_curve(formula: str, a: float, b: float, d: float, d_max: float):
    """The red circle's step for this d, and the loss change for every d from 0 to ``d_max``."""
    loss = parse_cached(formula)
    return theory.circle_step(loss, a, b, d), red_circle.circle_curve(loss, a, b, red_circle.radii(d_max, 601))


@st.cache_data(max_entries=64, show_spinner=False)
def newton_step(formula: str, a: float, b: float):
    """Newton's quadratic model at (a, b), the loss at Newton's point, and both along the line to it."""
    loss = parse_cached(formula)
    quad = theory.quadratic_model(loss, a, b)
    return quad, float(loss.value(quad.newton_point)), red_circle.newton_slice(loss, quad)


# --- pages/8_more_limitations.py ------------------------------------------------------------------

@st.cache_data(max_entries=64, show_spinner=False)
def landscape_endings(key: str, eta: float, starts: tuple, steps: int) -> tuple[landscapes.Ending, ...]:
    """gd_core's verdict for each run of gradient descent on landscape ``key``: final θ, L, ‖∇L‖, the nearest
    critical point, and where it stopped."""
    land = landscapes.LANDSCAPES[key]
    traj = run_cached(land.formula, "gd", (("lr", eta),), starts, steps)
    return landscapes.endings(land, traj.params, traj.losses, traj.grad_norms, traj.diverged_at)


@st.cache_data(max_entries=1, show_spinner=False)
def slide_curve() -> landscapes.SlideCurve:
    """The slide's 1-D picture: L against one parameter w, with the plateau, the saddle point and the minima."""
    return landscapes.slide_curve()


@st.cache_data(max_entries=8, show_spinner=False)
def critical_checks(key: str) -> tuple[landscapes.CriticalCheck, ...]:
    """Each critical point's gradient and Hessian eigenvalues, computed by gd_core from the formula."""
    return landscapes.check_critical(landscapes.LANDSCAPES[key])
