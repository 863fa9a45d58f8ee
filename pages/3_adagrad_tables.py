"""Tip 1, adaptive learning rates: Adagrad beside gradient descent, its tables per parameter, the
"contradiction" and the "surprise" (反差) tables."""

import streamlit as st

import figures
import gd_core
import ui
from figures import adagrad as adagrad_figures
from i18n import tr

MAX_UPDATES = gd_core.adagrad.MAX_TABLE_LENGTH
LAST_ROWS = 6  # how many rows (the latest) the run's tables show
PARAMS = ("θ₁", "θ₂")
SUM_TEX = r"\sqrt{\sum_{i=0}^{t} (g^i)^2}"
G_COLOR = figures.GRADIENT_COLOR
DENOM_COLOR = figures.OPTIMIZER_COLORS["gd"]
EQUAL_SHADE = "#dff2ea"
G_SHADE = "#fbe3d6"
DENOM_SHADE = "#d9e9f5"

ui.start_page(
    "adagrad",
    tr("Adagrad: each parameter its own learning rate"),
    tr("A learning rate cannot be one-size-fits-all. Adagrad divides the learning rate of each parameter by "
       "the **root mean square of its previous derivatives**, σᵗ: of g⁰ … gᵗ, the current gᵗ included. With "
       "the 1/t decay ηᵗ = η/√(t+1) the √(t+1) cancels, and each parameter w steps by η/√Σ(gⁱ)² times its "
       "gradient gᵗ."),
    # On a projector one line (σᵗ is in the lecture's point), so that tab ①'s figure fits whole under it.
    r"w^{t+1} \leftarrow w^t - \frac{\eta^t}{\sigma^t} g^t" if ui.presenting() else
    r"\begin{gathered} w^{t+1} \leftarrow w^t - \frac{\eta^t}{\sigma^t} g^t \\[4pt] "
    r"\sigma^t = \sqrt{\frac{1}{t+1} \sum_{i=0}^{t} (g^i)^2} \end{gathered}",
)

with st.sidebar:
    st.header(tr("Settings"))
    picked = ui.loss_picker("elongated")
    theta0 = ui.start_point(picked)
    eta = ui.lr_slider("eta", 1.0, label=tr("Adagrad's η"))
    eta_gd = ui.lr_slider("eta_gd", 0.1, label=tr("Gradient descent's η"))
    decay = ui.toggle("decay", tr("Gradient descent with 1/t decay, ηᵗ = η/√(t+1)"), False)
    steps = ui.int_slider("steps", tr("Number of updates"), 1, MAX_UPDATES, 20)

tab_run, tab_why, tab_surprise = ui.views("part", {
    "run": tr("① Adagrad beside gradient descent"), "contradiction": tr("② Contradiction?"),
    "surprise": tr("③ How surprising it is (反差)"),
})

# --- ① the run ------------------------------------------------------------------------
tables, t_selected = None, 0
with tab_run:
    if tab_run.open and (result := ui.adagrad_runs(picked, theta0, eta, eta_gd, decay, steps)) is not None:
        gd_run, ada_run = result
        n = ada_run.n_updates
        left, right = st.columns([5, 4], gap="medium")
        figure_box, steps_box = ui.under_figure("gd-main-t", where=left)  # t right under the paths
        ui.part()  # update t reruns the rest of this view (the paths at t, the tables), not the settings and runs
        t = t_selected = ui.step_control(n, where=steps_box)
        tables = ui.adagrad_tables(ada_run, t, eta)
        x_range, y_range = ui.square_window(picked.x_range, picked.y_range, [theta0, *picked.minima],
                                            gd_run.params, ada_run.params)
        xs, ys, Z = ui.grid_cached(picked.formula, x_range, y_range, 80)
        gd_name = (tr("gradient descent, ηᵗ = {eta}/√(t+1)", eta=ui.fmt_param(eta_gd)) if decay
                   else tr("gradient descent, η = {eta}", eta=ui.fmt_param(eta_gd)))
        with figure_box:
            ada_path = figures.Path(ada_run.params, tr("Adagrad, η = {eta}", eta=ui.fmt_param(eta)),
                                    figures.OPTIMIZER_COLORS["adagrad"])
            gd_path = figures.Path(gd_run.params, gd_name, figures.OPTIMIZER_COLORS["gd"])
            fig = adagrad_figures.runs_contour(xs, ys, Z, tr("The same start θ⁰, two optimizers"),
                                               [gd_path, ada_path], t, ada_path, minima=picked.minima,
                                               x_range=x_range, y_range=y_range,
                                               height=370 if ui.presenting() else 500,  # whole on a projector
                                               marker_labels=ui.marker_labels())
            ui.chart(fig, key="contour", on_click=("x0", "y0"), alt=" ".join(ui.loss_story(
                r.losses, diverged_at=r.diverged_at, name=p.name) for p, r in ((gd_path, gd_run), (ada_path, ada_run))))
        with right:
            st.markdown(tr("**Adagrad's learning rate at update t = {t}**, one per parameter:", t=t))
            if tables is not None:
                for k, col in enumerate(st.columns(2)):
                    col.metric(tr("{p}: η{s}/σ{s}", p=PARAMS[k], s=ui.sup(t)),
                               ui.num_or_dash(tables[k].ratio[t], tables[k].sigma[t] > 0))
            gd_rate = ui.fmt_param(eta_gd) + ("/√" + str(t + 1) if decay else "")
            st.caption(tr("Gradient descent uses one learning rate, {rate}, for both.", rate=gd_rate))
            c1, c2 = st.columns(2)
            c1.metric(tr("GD: L after {n}", n=gd_run.n_updates), ui.num(gd_run.losses[-1]))
            c2.metric(tr("Adagrad: L after {n}", n=n), ui.num(ada_run.losses[-1]))

        st.subheader(tr("Update t = {t} in numbers, one table per parameter", t=t))
        if tables is not None:
            st.latex(ui.adagrad_update_latex(t, ada_run.params[t], [tb.ratio[t] for tb in tables],
                                             ada_run.grads[t], ada_run.params[t + 1]))
            st.caption(tr("⊙ multiplies entry by entry: θ₁ and θ₂ each get their own ηᵗ/σᵗ."))
        st.markdown(tr("Why the two green columns below are equal: the 1/t decay's √(t+1) cancels the one "
                       "inside σᵗ."))
        st.latex(
            r"\frac{\eta^t}{\sigma^t} = \frac{\eta \,/\, \cancel{\sqrt{t+1}}}"
            r"{\sqrt{\sum_{i=0}^{t} (g^i)^2} \,/\, \cancel{\sqrt{t+1}}} = \frac{\eta}{" + SUM_TEX + "}"
        )
        for k, table in enumerate(tables or ()):
            kind = tr("its gradients are small") if k == 0 else tr("its gradients are large")
            if picked.preset is None or picked.preset.key != "elongated":
                kind = tr("parameter {k}", k=k + 1)
            st.markdown(tr("**{p}** ({kind}): w = {p}, gᵗ = ∂L/∂{p} at θᵗ", p=PARAMS[k], kind=kind))
            ui.table(ui.adagrad_run_rows(table, t, LAST_ROWS), f"table{k}",
                     {"ηᵗ/σᵗ": EQUAL_SHADE, "η/√Σ(gⁱ)²": EQUAL_SHADE})
            note = tr("Check: the run recorded the factor {value} for {p} at update {t}; the table's ηᵗ/σᵗ is "
                      "{table}.", value=ui.num(ada_run.scales[t, k]), p=PARAMS[k], t=t,
                      table=ui.num_or_dash(table.ratio[t], table.sigma[t] > 0))
            if t + 1 > LAST_ROWS:
                note += " " + tr("Rows 0 … {hidden} are not shown, but σᵗ and Σ(gⁱ)² add up all of g⁰ … gᵗ.",
                                 hidden=t - LAST_ROWS)
            st.caption(note)


# --- ② contradiction? ----------------------------------------------------------------------
with tab_why:
    if tab_why.open:
        if not tab_run.open:
            # Tab ① is not drawn: the same run, at the update t last chosen there.
            result = ui.adagrad_runs(picked, theta0, eta, eta_gd, decay, steps)
            if result is not None:
                t_selected = ui.kept_int("t", 0, result[1].n_updates - 1, 0)
                tables = ui.adagrad_tables(result[1], t_selected, eta)
        st.subheader(tr("Contradiction?"))
        left, right = st.columns(2, gap="large")
        with left:
            st.markdown(tr("**Vanilla gradient descent**"))
            st.latex(rf"w^{{t+1}} \leftarrow w^t - \eta^t \, \underline{{\color{{{G_COLOR}}} g^t}}")
            st.markdown(tr("→ Larger gradient, larger step: :orange[**gᵗ**] multiplies ηᵗ."))
        with right:
            st.markdown(tr("**Adagrad**"))
            st.latex(rf"w^{{t+1}} \leftarrow w^t - \frac{{\eta}}{{\color{{{DENOM_COLOR}}} {SUM_TEX}}}"
                     rf" \, \underline{{\color{{{G_COLOR}}} g^t}}")
            st.markdown(tr("→ Larger gradient, larger step: :orange[**gᵗ**] is in the numerator.\n\n"
                           "→ Larger gradient, smaller step: :blue[**√Σ(gⁱ)²**] is in the denominator."))
        if tables is None:
            st.info(tr("The numbers appear once the run in tab ① can be drawn."))
        else:
            t = t_selected
            st.markdown(tr("The slide's two rules, given the same gradient: each parameter's gᵗ at Adagrad's "
                           "update **t = {t}** (choose t in tab ①), put into vanilla gradient descent with the 1/t "
                           "decay, w − ηᵗgᵗ, and into Adagrad, w − η/√Σ(gⁱ)² gᵗ, both with Adagrad's η = {eta}: "
                           "ηᵗ = {eta}/√{t1} = {eta_t}. The vanilla step here is not the gradient-descent run drawn "
                           "in tab ①, which has its own η.", t=t, t1=t + 1, eta=ui.fmt_param(eta),
                           eta_t=ui.num(tables[0].eta_t[t])))
            g_col, d_col = tr("gᵗ (numerator)"), tr("√Σ(gⁱ)² (denominator)")
            v_col, a_col = tr("vanilla step −ηᵗgᵗ"), tr("Adagrad step −η gᵗ/√Σ(gⁱ)²")
            rows = [{
                tr("parameter"): PARAMS[k],
                g_col: ui.num(tb.g[t]),
                d_col: ui.num(tb.root_sum_sq[t]),
                v_col: ui.num(tb.vanilla_step[t]),
                a_col: ui.num(tb.step[t]),
            } for k, tb in enumerate(tables)]
            ui.table(rows, "contradiction", {g_col: G_SHADE, d_col: DENOM_SHADE})
            fig = adagrad_figures.step_sizes(
                PARAMS, [tb.vanilla_step[t] for tb in tables], [tb.step[t] for tb in tables],
                tr("How far each rule moves each parameter, the same gᵗ, t = {t}", t=t),
                tr("vanilla, ηᵗ = {eta}/√(t+1)", eta=ui.fmt_param(eta)),
                tr("Adagrad, η = {eta}", eta=ui.fmt_param(eta)), tr("|step|"),
                [ui.num(abs(tb.vanilla_step[t])) for tb in tables],
                [ui.num(abs(tb.step[t])) for tb in tables], height=380)
            ui.chart(fig, key="steps")
            st.markdown(tr("The vanilla rule moves the parameter with the larger |gᵗ| further. Adagrad divides "
                           "each gᵗ by that parameter's own √Σ(gⁱ)², which is large where the gradients have been "
                           "large: at t = 0 every parameter moves by exactly η. Which effect wins later? Tab ③: it "
                           "depends on how *surprising* gᵗ is next to the gradients before it."))


# --- ③ the surprise ------------------------------------------------------------------------
with tab_surprise:
    if tab_surprise.open:
        st.subheader(tr("How surprising it is: 反差"))
        st.markdown(tr("Adagrad's step is ηᵗ times **gᵗ/σᵗ**: gᵗ measured against σᵗ, the root mean square of "
                       "g⁰ … gᵗ, gᵗ itself included. So |gᵗ|/σᵗ is at most √(t+1) (reached when every earlier "
                       "gradient is 0), and no step is longer than η. Both of the lecture's sequences end with the "
                       "same 0.1; after tiny "
                       "gradients it is especially large (特別大), after large ones especially small (特別小). "
                       "Edit the numbers to try your own. The step uses Adagrad's η = {eta} from the sidebar.",
                       eta=ui.fmt_param(eta)))
        st.latex(r"\frac{\eta}{" + SUM_TEX + r"}\, g^t = \frac{\eta}{\sqrt{t+1}} \cdot \frac{g^t}{\sigma^t}"
                 r" = \eta^t \, \frac{g^t}{\sigma^t}")
        c1, c2 = st.columns(2, gap="large")
        seqs = gd_core.adagrad.SURPRISE_SEQUENCES
        ui.adagrad_surprise(c1, "g1", seqs["small"], tr("First sequence (the lecture's: small gradients, then 0.1)"),
                            eta, G_SHADE)
        ui.adagrad_surprise(c2, "g2", seqs["large"], tr("Second sequence (the lecture's: large gradients, then 0.1)"),
                            eta, G_SHADE)


first_steps = gd_core.adagrad.adagrad_table(gd_core.adagrad.SURPRISE_SEQUENCES["small"], eta).step
ui.notice([
    tr("On the elongated bowl θ₁'s gradients are small, so its σᵗ is small and its ηᵗ/σᵗ large; θ₂'s are large, "
       "so its ηᵗ/σᵗ is small. One η, but each parameter gets its own learning rate."),
    tr("Adagrad's first update moves every parameter by exactly η (g⁰/√(g⁰)² = ±1): it does not follow the "
       "gradient's direction, it moves diagonally."),
    tr("Gradient descent has one η for both: at 0.1 θ₁ crawls; at 0.45 θ₂ zigzags and θ₁ is still slow; above 0.5 "
       "it diverges (2 / the steep curvature 4)."),
    tr("The columns ηᵗ/σᵗ and η/√Σ(gⁱ)² agree at every t, and neither ever grows: Σ(gⁱ)² only adds up. The step "
       "is that factor times gᵗ, and it can grow: with the lecture's first sequence (tab ③) and η = {eta} the "
       "step sizes |Δw| are {steps}.", eta=ui.fmt_param(eta), steps=", ".join(ui.num(abs(s)) for s in first_steps)),
    tr("With the lecture's sequences, the same gradient 0.1 gives a step about 400 times larger after small "
       "gradients than after large ones: Adagrad reacts to the contrast (反差) gᵗ/σᵗ, not to the size of gᵗ alone."),
])
