"""Views that one lesson page draws more than once (one section a page): no math, that is gd_core's."""

from __future__ import annotations

import streamlit as st

import gd_core
from figures import adagrad as adagrad_figures
from i18n import tr
from ui.charts import chart
from ui.chrome import diverged_warning
from ui.controls import LossChoice
from ui.fmt import num, num_or_dash, reason, sup
from ui.services import run_cached
from ui.state import number_list
from ui.tables import table as show_table

# --- pages/3_adagrad_tables.py -----------------------------------------------------------------

def adagrad_runs(picked: LossChoice, theta0: tuple, eta: float, eta_gd: float, decay: bool, steps: int):
    """Gradient descent (with 1/t decay if ``decay``) and Adagrad (eps = 0) from ``theta0``: the two
    trajectories, or None with the reason shown."""
    if picked.loss is None:
        st.info(tr("Fix the formula in the sidebar to see the runs."))
        return None
    gd_hyper = (("lr", eta_gd), ("decay", True)) if decay else (("lr", eta_gd),)
    try:
        gd_run = run_cached(picked.formula, "gd", gd_hyper, theta0, steps)
        ada_run = run_cached(picked.formula, "adagrad", (("lr", eta), ("eps", 0.0)), theta0, steps)
    except ValueError as exc:
        st.error(tr("This start point cannot be used: {reason}.", reason=reason(exc)))
        return None
    diverged_warning(gd_run, tr("Gradient descent"))
    diverged_warning(ada_run, tr("Adagrad"))
    if ada_run.n_updates == 0:
        st.info(tr("Adagrad could not take a single update from this start point."))
        return None
    return gd_run, ada_run


def adagrad_tables(ada_run: gd_core.Trajectory, t: int, eta: float):
    """Adagrad's table for θ₁ and for θ₂ over updates 0 … t, or None with the reason shown."""
    try:
        return [gd_core.theory.adagrad_table(ada_run.grads[: t + 1, k], eta) for k in range(2)]
    except ValueError as exc:
        st.error(tr("The gradients of this run cannot be tabulated: {reason}.", reason=reason(exc)))
        return None


def adagrad_run_rows(table: gd_core.theory.AdagradTable, t: int, last: int) -> list[dict]:
    """The rows of a run's table for one parameter: the ``last`` updates up to t, with every column of the
    lecture's Adagrad (a ratio over σᵗ = 0 shown as "—")."""
    rows = []
    for i in range(max(0, t + 1 - last), t + 1):
        ok = bool(table.sigma[i] > 0)
        rows.append({
            "t": str(i),
            "gᵗ": num_or_dash(table.g[i]),
            "σᵗ": num_or_dash(table.sigma[i]),
            "ηᵗ = η/√(t+1)": num_or_dash(table.eta_t[i]),
            "ηᵗ/σᵗ": num_or_dash(table.ratio[i], ok),
            "η/√Σ(gⁱ)²": num_or_dash(table.simplified[i], ok),
            tr("step −(ηᵗ/σᵗ)gᵗ"): num_or_dash(table.step[i]),
        })
    return rows


def adagrad_surprise(where, key: str, default, title: str, eta: float, shade: str) -> None:
    """Tab ③'s panel for one gradient sequence, typed in ``where`` (a column): its table of steps and of
    gᵗ/σᵗ (that column shaded ``shade``), the last gradient's verdict (especially large, especially small)
    and |gᵗ| beside σᵗ."""
    where.markdown(f"**{title}**")
    values, _ = number_list(key, tr("Gradients g⁰, g¹, … (numbers separated by commas)"), default,
                            where=where, help=tr("Type up to 12 numbers, e.g. 0.001, 0.001, 0.003, 0.002, 0.1"))
    if values is None:
        where.info(tr("Fix the numbers above to see this table."))
        return
    try:
        table = gd_core.theory.adagrad_table(values, eta)
    except ValueError as exc:
        where.error(tr("These numbers cannot be used: {reason}.", reason=reason(exc)))
        return
    last = table.g.size - 1
    rows = [{
        "t": str(i),
        "gᵗ": num(table.g[i]),
        "σᵗ": num_or_dash(table.sigma[i]),
        tr("gᵗ/σᵗ"): num_or_dash(table.contrast[i], table.sigma[i] > 0),
        tr("step"): num(table.step[i]),
    } for i in range(table.g.size)]
    with where:
        show_table(rows, f"surprise-{key}", {tr("gᵗ/σᵗ"): shade})
    c1, c2 = where.columns(2)
    s = sup(last)
    c1.metric(tr("g{s}/σ{s}", s=s), num_or_dash(table.contrast[last], table.sigma[last] > 0))
    c2.metric(tr("step at t = {t}", t=last), num(table.step[last]))
    if table.sigma[last] > 0:
        word = {"large": tr("especially large (特別大)"), "small": tr("especially small (特別小)"),
                "usual": tr("about as large as before")}[gd_core.theory.surprise(table.contrast[last])]
        where.markdown(tr("g{s} = {g} is **{word}** next to σ{s} = {sigma}, the root mean square of g⁰ … g{s}.",
                          s=s, g=num(table.g[last]), word=word, sigma=num(table.sigma[last])))
    else:
        word = None
        where.markdown(tr("Every gradient so far is 0: σᵗ = 0 and Adagrad does not move."))
    fig = adagrad_figures.grad_vs_sigma(table.g, table.sigma, tr("|gᵗ| beside σᵗ"), "|gᵗ|", "σᵗ",
                                        highlight=word, height=340)
    with where:
        chart(fig, key=f"bars:{key}")
