"""The cached calls into gd_core, with plain, hashable arguments."""

from __future__ import annotations

import functools
import inspect
import threading
from collections.abc import Callable
from typing import Any

import numpy as np
import streamlit as st

import gd_core
from gd_core import optimizers, schedules
from gd_core.grid import curve_values, loss_grid

_PAGE_CACHED: dict = {}
_PAGE_CACHED_LOCK = threading.Lock()


class _PageFunction:
    """The function behind one of :func:`cache_data`'s wrappers: the one the page's run in this thread
    defined (each session's script runs in a thread of its own), else the latest run's."""

    def __init__(self, func: Callable):
        self.latest = func
        self.here = threading.local()

    def set(self, func: Callable) -> None:
        self.latest = self.here.func = func

    def get(self) -> Callable:
        return getattr(self.here, "func", self.latest)


def cache_data(*, max_entries: int, show_spinner: bool = False) -> Callable[[Callable], Callable]:
    """``st.cache_data`` for a function defined in a page script, made once instead of on every rerun.

    A page script runs again on every rerun, and its decorators with it; ``st.cache_data`` reads and
    hashes the function's source each time (about 0.4 ms a function). Here ``st.cache_data`` wraps it
    once per compiled function (its code object: the server compiles a script once, and again when the
    file changes), keyed as always by module, name and source. A miss calls the function that this
    session's run defined. As with ``st.cache_data``, the result must depend on the arguments alone
    (and on imported modules and constants): a value cached in one session is returned in every other.
    """
    def decorate(func: Callable) -> Callable:
        key = (func.__code__, max_entries, show_spinner)
        with _PAGE_CACHED_LOCK:
            entry = _PAGE_CACHED.get(key)
            if entry is None:
                behind = _PageFunction(func)

                def call(*args, **kwargs):
                    return behind.get()(*args, **kwargs)

                # st.cache_data keys the wrapper by the function's module, name and source (through
                # __wrapped__); after that only its signature is needed, and no run's module is kept.
                functools.update_wrapper(call, func)
                cached = st.cache_data(max_entries=max_entries, show_spinner=show_spinner)(call)
                call.__signature__ = inspect.signature(func)
                del call.__wrapped__
                entry = _PAGE_CACHED[key] = (behind, cached)
        entry[0].set(func)
        return entry[1]
    return decorate


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


@st.cache_data(max_entries=32, show_spinner=False)
def _race_run(formula: str, racers: tuple[tuple[str, tuple], ...], theta0: tuple, steps: int) -> dict:
    loss = parse_cached(formula)
    runs = gd_core.run_each(loss, [make_optimizer(name, hyper) for name, hyper in racers],
                            np.asarray(theta0, dtype=float), steps)
    return {name: traj for (name, _), traj in zip(racers, runs)}


def race_cached(formula: str, racers: tuple[tuple[str, tuple], ...], theta0: tuple, steps: int) -> dict:
    """Each (optimizer, hyperparameters) of ``racers`` run from ``theta0`` for ``steps`` updates, in one loop
    (``gd_core.run_each``): the same trajectories as ``run_cached`` one by one.

    The race is computed for the next length of RACE_RUN_LENGTHS and cut (``Trajectory.first``, exactly
    the shorter run): moving the number of updates reuses one computed race, for a whole class at once,
    until it passes that length. The defaults (100, 1000) are lengths of their own, so a change of
    anything else computes no more than before.
    """
    length = next((n for n in RACE_RUN_LENGTHS if n >= steps), steps)
    return {name: traj.first(steps) for name, traj in _race_run(formula, racers, theta0, length).items()}


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
