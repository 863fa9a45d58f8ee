"""Views that only one lesson draws (one section a page): no math, that is gd_core's."""

from __future__ import annotations

import math

import streamlit as st

import gd_core
from figures import adagrad as adagrad_figures
from gd_core import red_circle, theory
from i18n import tr
from ui.charts import chart
from ui.chrome import diverged_warning
from ui.controls import LossChoice
from ui.fmt import (
    circle_step_latex,
    fmt_param,
    inner_product_latex,
    num,
    num_or_dash,
    reason,
    sup,
    tangent_plane_latex,
    tex_num,
    tex_vector,
)
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
        return [gd_core.adagrad.adagrad_table(ada_run.grads[: t + 1, k], eta) for k in range(2)]
    except ValueError as exc:
        st.error(tr("The gradients of this run cannot be tabulated: {reason}.", reason=reason(exc)))
        return None


def adagrad_run_rows(table: gd_core.adagrad.AdagradTable, t: int, last: int) -> list[dict]:
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
        table = gd_core.adagrad.adagrad_table(values, eta)
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
                "usual": tr("about as large as before")}[gd_core.adagrad.surprise(table.contrast[last])]
        where.markdown(tr("g{s} = {g} is **{word}** next to σ{s} = {sigma}, the root mean square of g⁰ … g{s}.",
                          s=s, g=num(table.g[last]), word=word, sigma=num(table.sigma[last])))
    else:
        word = None
        where.markdown(tr("Every gradient so far is 0: σᵗ = 0 and Adagrad does not move."))
    fig = adagrad_figures.grad_vs_sigma(table.g, table.sigma, tr("|gᵗ| beside σᵗ"), "|gᵗ|", "σᵗ",
                                        highlight=word, height=340)
    with where:
        chart(fig, key=f"bars:{key}")


# --- pages/7_why_it_works.py ---------------------------------------------------------------------


def usable_point(picked: LossChoice, a: float, b: float) -> theory.LinearModel | None:
    """The first-order Taylor model of the picked loss at (a, b), or None after saying why there is none
    (a formula that does not parse, a point where L or its gradient is not finite)."""
    if picked.loss is None:
        st.info(tr("Fix the formula in the sidebar to see this part."))
        return None
    try:
        return theory.linear_model(picked.loss, a, b)
    except ValueError as exc:
        st.error(tr("This point (a, b) cannot be used: {reason}.", reason=reason(exc)), icon=":material/edit:")
        return None


def tangent_plane_numbers(lin: theory.LinearModel, a: float, b: float) -> None:
    """The tangent plane's formula, then with the numbers at (a, b) put in, and s, u, v."""
    st.latex(r"L(\theta) \approx s + u(\theta_1 - a) + v(\theta_2 - b)")
    st.latex(r"s = L(a, b), \quad (u, v) = \nabla L(a, b)")
    st.markdown(tr("**Here**, at (a, b) = ({a}, {b}):", a=num(a), b=num(b)))
    st.latex(tangent_plane_latex(lin.s, lin.u, lin.v, a, b))
    m1, m2, m3 = st.columns(3)
    m1.metric("s", num(lin.s), help=tr("s = L(a, b)"))
    m2.metric("u", num(lin.u), help=tr("u = ∂L/∂θ₁ at (a, b)"))
    m3.metric("v", num(lin.v), help=tr("v = ∂L/∂θ₂ at (a, b)"))


def circle_numbers(step: theory.CircleStep, curve: red_circle.CircleCurve, center: tuple[float, float]) -> None:
    """The red circle's step in numbers: η, L(a, b), what the plane promises against the true L(θ), the step
    θ = (a, b) − η∇L, and whether the loss went down."""
    lin, d = step.model, step.d
    moved = d > 0 and step.eta is not None
    m1, m2 = st.columns(2)
    m1.metric(tr("η = d / ‖∇L‖"), num(step.eta) if step.eta is not None else "—")
    m2.metric("L(a, b)", num(lin.s))
    m3, m4 = st.columns(2)
    m3.metric(tr("The plane promises"), num(step.predicted), delta=num(step.predicted - lin.s) if moved else None,
              delta_color="inverse", help=tr("s − d‖∇L‖: the plane at θ"))
    m4.metric(tr("True L(θ)"), num(step.actual), delta=num(step.actual - lin.s) if moved else None,
              delta_color="inverse")
    if step.eta is not None:
        st.latex(circle_step_latex(center, d, step.eta, (lin.u, lin.v), curve.grad_norm, step.point))
        if not math.isfinite(step.eta):
            st.caption(tr("‖∇L‖ = {g} is too small for η = d / ‖∇L‖ to be a number: the step is written "
                          "with the unit direction ∇L / ‖∇L‖ instead.", g=num(curve.grad_norm)))
    verdict = red_circle.circle_verdict(step, curve)
    if verdict == "flat":
        st.info(tr("∇L(a, b) = 0: the plane is flat, no direction is better than another. Pick another point."))
    elif verdict == "no_room":
        st.info(tr("d = 0: no room to move, θ = (a, b). Make d larger."))
    elif verdict == "down":
        st.success(tr("The loss went down: the circle is small enough."), icon=":material/check:")
    elif verdict == "down_less":
        st.info(tr("The loss went down, but less than with a smaller circle: past d ≈ {v} the true loss turns up "
                   "again.", v=num(curve.best_d, 3)))
    else:
        st.warning(tr("The circle is too large: the true loss went **up**, although the plane promised a "
                      "decrease."), icon=":material/warning:")


def inner_product_numbers(ip: red_circle.InnerProduct, d: float) -> None:
    """The slide's inner product (u, v)·Δθ for the chosen Δθ, and the minimiser −η(u, v) with its value."""
    st.latex(inner_product_latex(ip.u, ip.v, ip.delta, ip.value))
    if ip.best is not None and d > 0:
        st.latex(r"-\eta \begin{bmatrix} u \\ v \end{bmatrix} = -d\,"
                 r"\frac{(u, v)}{\lVert (u, v) \rVert} = " + tex_vector(ip.best))
        st.latex(r"(u, v)\cdot\bigl(-\eta\,(u, v)\bigr) = -d\,\lVert (u, v) \rVert = " + tex_num(ip.best_value))
        st.caption(tr("No Δθ in the circle gives less than −d‖(u, v)‖ = {v}: the minimiser points exactly against "
                      "(u, v), on the edge.", v=num(ip.best_value)))


def newton_numbers(quad: theory.QuadraticModel, sliced: red_circle.NewtonSlice | None, newton_loss: float,
                   step: theory.CircleStep) -> None:
    """Where Newton's step heads (the kind of its model's stationary point), and L at (a, b), at the red
    circle's point and at Newton's point."""
    words = {
        "minimum": tr("Newton's point is the minimum of the model: it walks downhill, in one step to the bottom "
                      "of the bowl the model sees."),
        "maximum": tr("Newton's point is a maximum of the model: it walks uphill."),
        "saddle": tr("Newton's point is a saddle of the model: it heads for a saddle point, not for a minimum."),
        "flat": tr("The model is flat in some direction (its Hessian is singular): Newton's step uses only the "
                   "directions in which it curves."),
    }[quad.kind]
    if quad.kind == "saddle" and sliced is not None:
        words += " " + (tr("Along its step the model goes up: it walks uphill.") if sliced.uphill
                        else tr("Along its step the model goes down, towards the saddle."))
    if quad.kind == "minimum":
        st.success(words, icon=":material/check:")
    elif quad.kind == "flat":
        st.info(words)
    else:
        st.warning(words, icon=":material/warning:")
    s, moved = step.model.s, step.eta is not None and step.d > 0
    m1, m2, m3 = st.columns(3)
    m1.metric("L(a, b)", num(s))
    m2.metric(tr("Gradient step"), num(step.actual), delta=num(step.actual - s) if moved else None,
              delta_color="inverse", help=tr("L at the red circle's point, d = {d}", d=fmt_param(step.d)))
    m3.metric(tr("Newton"), num(newton_loss), delta=num(newton_loss - s), delta_color="inverse",
              help=tr("L at Newton's point"))
