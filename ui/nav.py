"""The lessons in the lecture's order: the navigation at the top (app.py) and the home page's map read them
from here. Titles and sentences are English message ids, marked with ``N_`` for the catalogs and translated
where they are shown."""

from __future__ import annotations

from dataclasses import dataclass

import streamlit as st

from i18n import N_, translate


@dataclass(frozen=True)
class Lesson:
    script: str
    """The page's file, relative to app.py."""
    url_path: str
    icon: str
    title: str
    section: str
    """The navigation's section (shorter than the lecture's part)."""
    part: str = ""
    """The part of the lecture, as the home page's map heads it (none for the home page)."""
    sentence: str = ""
    """The lesson in one sentence, on the home page's map."""


LESSONS: tuple[Lesson, ...] = (
    Lesson("pages/0_lecture_map.py", "home", ":material/home:", N_("Home: the lecture map"), N_("Start")),
    Lesson("pages/1_step_by_step.py", "step-by-step", ":material/footprint:", N_("Gradient descent, step by step"),
           N_("Review"), N_("Review"),
           N_("Start at θ⁰, compute the gradient, move to θ¹ = θ⁰ − η∇L(θ⁰), and again: every number filled in.")),
    Lesson("pages/2_learning_rate.py", "learning-rate", ":material/tune:", N_("Tune your learning rate"),
           N_("Tip 1: learning rates"), N_("Tip 1: tuning your learning rates"),
           N_("Very large, large, small, just right: the paths and the loss against the number of updates; "
              "1/t decay.")),
    Lesson("pages/3_adagrad_tables.py", "adagrad", ":material/functions:", N_("Adagrad"),
           N_("Tip 1: learning rates"), N_("Tip 1: tuning your learning rates"),
           N_("Divide each parameter's learning rate by the root mean square of its past derivatives; "
              "the contradiction and the surprise.")),
    Lesson("pages/4_best_step.py", "best-step", ":material/my_location:", N_("The best step"),
           N_("Tip 1: learning rates"), N_("Tip 1: tuning your learning rates"),
           N_("The best step is |first derivative| / second derivative, and why you should not compare "
              "across parameters.")),
    Lesson("pages/5_stochastic_gd.py", "sgd", ":material/shuffle:", N_("Stochastic gradient descent"),
           N_("Tips 2 and 3"), N_("Tip 2: stochastic gradient descent"),
           N_("Update after every example instead of after all of them: with 20 examples, 20 updates per epoch.")),
    Lesson("pages/6_feature_scaling.py", "feature-scaling", ":material/straighten:", N_("Feature scaling"),
           N_("Tips 2 and 3"), N_("Tip 3: feature scaling"),
           N_("Make different features have the same scaling: the contours become round and gradient descent "
              "goes straight to the minimum.")),
    Lesson("pages/7_why_it_works.py", "theory", ":material/circle:", N_("Why it works, and when it does not"),
           N_("Theory and limits"), N_("Theory"),
           N_("Taylor series, the red circle whose best point is the gradient-descent step, and Newton's method.")),
    Lesson("pages/8_more_limitations.py", "limitations", ":material/landscape:", N_("More limitations"),
           N_("Theory and limits"), N_("More limitations of gradient descent"),
           N_("Very slow at a plateau, stuck at a saddle point, stuck at a local minimum.")),
    Lesson("pages/9_momentum_rmsprop_adam.py", "beyond", ":material/speed:", N_("Momentum, RMSProp, Adam"),
           N_("Beyond the lecture"), N_("Beyond the lecture"),
           N_("The optimizers that came after: raced on one loss from one start.")),
    Lesson("pages/10_optimizer_playground.py", "playground", ":material/science:", N_("Playground"),
           N_("Beyond the lecture"), N_("Beyond the lecture"),
           N_("Any loss you can type, any optimizers, and a link to exactly that setting.")),
)
HOME = LESSONS[0]


def navigation_pages() -> dict[str, list]:
    """The navigation's sections and pages, in this run's language. Made on every run: an st.Page may be run
    once per st.navigation call, so one kept between runs fails when two runs use it at once (two sessions,
    or with fast reruns, a session's run that is stopping and the one that replaces it)."""
    sections: dict[str, list] = {}
    for lesson in LESSONS:
        sections.setdefault(translate(lesson.section), []).append(
            st.Page(lesson.script, title=translate(lesson.title), icon=lesson.icon, url_path=lesson.url_path,
                    default=lesson is HOME))
    return sections


def lecture_map() -> list[tuple[str, list[Lesson]]]:
    """The lessons after the home page, grouped by the part of the lecture they follow, in order."""
    parts: dict[str, list[Lesson]] = {}
    for lesson in LESSONS[1:]:
        parts.setdefault(lesson.part, []).append(lesson)
    return list(parts.items())
