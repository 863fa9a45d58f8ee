"""Home: the lecture's map, one sentence per page."""

import streamlit as st

import ui
from i18n import tr, translate

ui.style()
st.title(tr("Gradient descent, step by step"))
st.markdown(tr(
    "An interactive companion to the lecture on gradient descent. Each page follows one part of the "
    "lecture, in its notation; every control is kept in the link, so a link opens exactly the setting "
    "you shared."
))
st.latex(r"\theta^{t+1} = \theta^{t} - \eta \nabla L(\theta^{t})")
ui.deck_home()

for part, lessons in ui.lecture_map():
    st.subheader(translate(part))
    for lesson in lessons:
        c1, c2 = st.columns([2, 5], vertical_alignment="center")
        c1.page_link(lesson.script, label=translate(lesson.title))
        c2.markdown(translate(lesson.sentence))
