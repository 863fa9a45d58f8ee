"""Beyond the lecture: gradient descent, momentum, Adagrad, RMSProp and Adam raced on one loss from
one start, each with its update rule and hyperparameters."""

import streamlit as st

import ui
from i18n import tr

ui.start_page(
    "beyond",
    tr("Momentum, RMSProp and Adam"),
    tr("Gradient descent moves by η times this update's gradient gᵗ. **Momentum** adds up past gradients: it keeps "
       "moving and swings past the valley floor. **Adagrad** and **RMSProp** divide each parameter's step by the size "
       "of its past gradients, like the lecture's σᵗ; **Adam** does both. Same loss, same start: race them."),
    r"\begin{gathered} \theta^{t+1} = \theta^{t} - \eta\, g^{t} \\[4pt]"
    r"w^{t+1} = w^{t} - \frac{\eta\, \hat m^{t}}{\sqrt{\hat v^{t}} + \epsilon} \end{gathered}",
)

# This page's default θ⁰ where it differs from the preset's: above the Rosenbrock valley, so momentum
# overshoots the valley floor and curves back into it, and Adam's first step (+η, −η) differs from
# gradient descent's (mostly down).
RACE_STARTS = {"rosenbrock": (0.0, 2.5)}

with st.sidebar:
    st.header(tr("Settings"))
    picked = ui.loss_picker("rosenbrock")
    if picked.preset is not None and picked.preset.key in RACE_STARTS:
        picked.start = RACE_STARTS[picked.preset.key]
    theta0 = ui.start_point(picked)
    race = ui.race_controls()

ui.race_view(picked, theta0, race)
ui.race_rules(race)

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
