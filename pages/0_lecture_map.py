"""Home: the lecture's map, one sentence per page."""

import streamlit as st

import ui
from i18n import tr

ui.style()
st.title(tr("Gradient descent, step by step"))
st.markdown(tr(
    "An interactive companion to the lecture on gradient descent. Each page follows one part of the "
    "lecture, in its notation; every control is kept in the link, so a link opens exactly the setting "
    "you shared."
))
st.latex(r"\theta^{t+1} = \theta^{t} - \eta \nabla L(\theta^{t})")

SECTIONS = [
    (tr("Review"), [
        ("pages/1_step_by_step.py", tr("Gradient descent, step by step"),
         tr("Start at θ⁰, compute the gradient, move to θ¹ = θ⁰ − η∇L(θ⁰), and again: every number filled in.")),
    ]),
    (tr("Tip 1: tuning your learning rates"), [
        ("pages/2_learning_rate.py", tr("Tune your learning rate"),
         tr("Very large, large, small, just right: the paths and the loss against the number of updates; "
            "1/t decay.")),
        ("pages/3_adagrad_tables.py", tr("Adagrad"),
         tr("Divide each parameter's learning rate by the root mean square of its past derivatives; "
            "the contradiction and the surprise.")),
        ("pages/4_best_step.py", tr("The best step"),
         tr("The best step is |first derivative| / second derivative, and why you should not compare "
            "across parameters.")),
    ]),
    (tr("Tip 2: stochastic gradient descent"), [
        ("pages/5_stochastic_gd.py", tr("Stochastic gradient descent"),
         tr("Update after every example instead of after all of them: with 20 examples, 20 updates per epoch.")),
    ]),
    (tr("Tip 3: feature scaling"), [
        ("pages/6_feature_scaling.py", tr("Feature scaling"),
         tr("Make different features have the same scaling: the contours become round and gradient descent "
            "goes straight to the minimum.")),
    ]),
    (tr("Theory"), [
        ("pages/7_why_it_works.py", tr("Why it works, and when it does not"),
         tr("Taylor series, the red circle whose best point is the gradient-descent step, and Newton's method.")),
    ]),
    (tr("More limitations of gradient descent"), [
        ("pages/8_more_limitations.py", tr("More limitations"),
         tr("Very slow at a plateau, stuck at a saddle point, stuck at a local minimum.")),
    ]),
    (tr("Beyond the lecture"), [
        ("pages/9_momentum_rmsprop_adam.py", tr("Momentum, RMSProp, Adam"),
         tr("The optimizers that came after: raced on one loss from one start.")),
        ("pages/10_optimizer_playground.py", tr("Playground"),
         tr("Any loss you can type, any optimizers, and a link to exactly that setting.")),
    ]),
]
for section, pages in SECTIONS:
    st.subheader(section)
    for path, title, sentence in pages:
        c1, c2 = st.columns([2, 5], vertical_alignment="center")
        c1.page_link(path, label=title)
        c2.markdown(sentence)
