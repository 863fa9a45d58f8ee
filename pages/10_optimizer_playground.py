"""Playground: any typed formula, any optimizers from any start, and a link to exactly this setting."""

import streamlit as st

import ui
from i18n import tr

ui.start_page(
    "play",
    tr("Playground"),
    tr("Type any loss in x = θ₁ and y = θ₂ (or pick one), choose the optimizers, their hyperparameters and the "
       "start, and watch. Everything you set is in the link below, ready to share."),
    r"\theta^{t+1} = \theta^{t} - \eta \nabla L(\theta^{t})",
)

with st.sidebar:
    st.header(tr("The loss"))
    picked = ui.loss_picker(ui.CUSTOM, default_formula="x^2 + 3*y^2 + x*y - sin(2*x)")
    theta0 = ui.start_point(picked)
    st.header(tr("The optimizers"))
    race = ui.race_controls(default_eta={"gd": 0.05, "momentum": 0.05, "adagrad": 0.5, "rmsprop": 0.05,
                                         "adam": 0.1},
                            default_steps=100, default_target=0.01, default_log=False)

ui.race_view(picked, theta0, race, surface=True, alone=False)  # the link to share, below, follows every control
# The loss's formulas under the race, not above it: the race's contour stays whole on a projector's screen.
if picked.loss is not None:
    st.latex(r"L = " + picked.loss.latex)
    c1, c2 = st.columns(2)
    c1.markdown(tr("**Its gradient**"))
    c1.latex(r"\nabla L = " + picked.loss.grad_latex)
    c2.markdown(tr("**Its Hessian** (the second derivatives)"))
    c2.latex(r"\nabla^2 L = " + picked.loss.hessian_latex)
    st.caption(tr("Here x stands for θ₁ and y for θ₂."))

ui.race_rules(race)

st.subheader(tr("Share this setting"))
ui.share_link()

ui.notice([
    tr("Every optimizer starts from the same θ⁰ with the same loss: differences come from the update rules alone."),
    tr("Try a loss with several minima (the Himmelblau preset): where each optimizer ends depends on its path, "
       "not only on the start."),
    tr("A link with a formula opens that formula: send your students a loss to explore."),
])
