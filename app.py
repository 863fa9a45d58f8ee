"""Entrypoint: page config, language and the navigation over the lesson pages. No lesson logic."""

import streamlit as st

from i18n import set_language, tr

st.set_page_config(page_title="Gradient descent, step by step", page_icon="📉", layout="wide",
                   initial_sidebar_state="expanded")
set_language("en")

PAGES = {
    tr("Start"): [
        st.Page("lessons/0_home.py", title=tr("Home: the lecture map"), icon=":material/home:", url_path="home",
                default=True),
    ],
    tr("Review"): [
        st.Page("lessons/1_step_by_step.py", title=tr("Gradient descent, step by step"), icon=":material/footprint:",
                url_path="step-by-step"),
    ],
    tr("Tip 1: learning rates"): [
        st.Page("lessons/2_learning_rate.py", title=tr("Tune your learning rate"), icon=":material/tune:",
                url_path="learning-rate"),
        st.Page("lessons/3_adagrad.py", title=tr("Adagrad"), icon=":material/functions:", url_path="adagrad"),
        st.Page("lessons/4_best_step.py", title=tr("The best step"), icon=":material/my_location:",
                url_path="best-step"),
    ],
    tr("Tips 2 and 3"): [
        st.Page("lessons/5_sgd.py", title=tr("Stochastic gradient descent"), icon=":material/shuffle:",
                url_path="sgd"),
        st.Page("lessons/6_feature_scaling.py", title=tr("Feature scaling"), icon=":material/straighten:",
                url_path="feature-scaling"),
    ],
    tr("Theory and limits"): [
        st.Page("lessons/7_theory.py", title=tr("Why it works, and when it does not"), icon=":material/circle:",
                url_path="theory"),
        st.Page("lessons/8_limitations.py", title=tr("More limitations"), icon=":material/landscape:",
                url_path="limitations"),
    ],
    tr("Beyond the lecture"): [
        st.Page("lessons/9_beyond.py", title=tr("Momentum, RMSProp, Adam"), icon=":material/speed:",
                url_path="beyond"),
        st.Page("lessons/10_playground.py", title=tr("Playground"), icon=":material/science:",
                url_path="playground"),
    ],
}

st.navigation(PAGES, position="top").run()
