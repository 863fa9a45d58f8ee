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
}

st.navigation(PAGES).run()
