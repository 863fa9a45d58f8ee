"""Page chrome: the type sizes and presenter mode, a page's header, its notes about the link, and its closing
"what to notice"."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import streamlit as st

import gd_core
from i18n import tr
from ui.fmt import safe

_CSS = """
<style>
.block-container {padding-top: 3.6rem; padding-bottom: 2rem;}
h1 {font-size: 2.1rem !important; padding-top: 0 !important;}
[data-testid="stMetricValue"] {font-size: 1.9rem;}
.katex {font-size: 1.18em;}
.katex-display {overflow-x: auto; overflow-y: hidden; padding: 0.1rem 0;}
.gd-table-wrap {overflow-x: auto; margin: 0.2rem 0 0.4rem 0;}
table.gd-table {border-collapse: collapse; width: 100%; font-variant-numeric: tabular-nums; line-height: 1.45;}
table.gd-table th, table.gd-table td {padding: 0.45rem 0.6rem; text-align: left; vertical-align: top;
  border-bottom: 1px solid #D9DEE5;}
table.gd-table thead th {font-weight: 600; border-bottom: 2px solid #9AA5B4;}
table.gd-table tbody th {font-weight: 600;}
table.gd-table .w {white-space: nowrap;}
[class*="st-key-gd_twins_"] {display: none !important;}
/* The stepper's and the deck's buttons show their keys (PageUp, Space…): small, so the label keeps its room. */
[class*="st-key-gd_keys_"] button, .st-key-gd_deck_bar button {padding-left: 0.35rem; padding-right: 0.35rem;}
[class*="st-key-gd_keys_"] kbd, .st-key-gd_deck_bar kbd {font-size: 0.72rem; margin-left: 0.25rem;
  padding: 0 0.2rem;}
.st-key-gd_deck_bar {padding: 0.35rem 0.7rem !important; margin-top: 1.1rem; gap: 0.3rem;}
table.gd-table th[title] {text-decoration: underline dotted #9AA5B4; text-underline-offset: 0.2em; cursor: help;}
</style>
"""


_PRESENTER_CSS = """
<style>
html {font-size: 20px;}
.block-container {max-width: 100% !important; padding-top: 3.0rem; padding-left: 2rem; padding-right: 2rem;
  padding-bottom: 1rem;}
h1 {font-size: 1.6rem !important; padding-bottom: 0 !important; line-height: 1.15 !important;}
[data-testid="stPopoverButton"] p {font-size: 19px !important; white-space: nowrap;}
@media (max-width: 1200px) {h1 {font-size: 1.3rem !important;} .block-container {padding-top: 3.3rem;}}
h2, h3 {font-size: 1.45rem !important; padding-top: 0.2rem !important; padding-bottom: 0.2rem !important;}
[data-testid="stMetricValue"] {font-size: 2.2rem;}
.katex {font-size: 1.3em;}
/* Large print (Streamlit sizes its own elements in px, out of reach of the html rule): body text, widget labels
   and values, metric labels, tabs, table cells at 22 px. */
.stApp p, .stApp li, .stApp label, .stApp input, .stApp textarea, .stApp [data-baseweb="select"] div,
[data-testid="stWidgetLabel"] p, [data-testid="stMetricLabel"] p, [data-testid="stMetricLabel"] div,
[data-testid="stTab"] p, [data-testid="stExpander"] summary p, [data-testid="stSliderThumbValue"],
[data-testid="stSliderTickBarMin"], [data-testid="stSliderTickBarMax"], [data-testid="stTickBarMin"],
[data-testid="stTickBarMax"], table.gd-table th, table.gd-table td, .stButton p {font-size: 22px !important;}
/* Captions, help and faint text: dark enough for a washed-out projector (#333 on white is 12.6:1). */
[data-testid="stCaptionContainer"], [data-testid="stCaptionContainer"] p, .stApp small {color: #333 !important;
  opacity: 1 !important; font-size: 20px !important;}
.gd-share {display: flex; gap: 1.2rem; align-items: center;}
.gd-share-text {max-width: 22rem;}
.gd-share-hint {font-size: 22px; color: #222;}
.gd-share-link {font-size: 26px; font-weight: 600; color: #000; word-break: break-all; margin-top: 0.6rem;
  font-family: "Source Code Pro", monospace;}
</style>
"""
PRESENTER_KEY = "app:present"
"""Presenter mode's session key (the switch lives in app.py, outside the pages)."""


def presenting() -> bool:
    """Whether presenter mode is on: larger type, figures taller and in larger print."""
    return bool(st.session_state.get(PRESENTER_KEY, False))


def style() -> None:
    """The app's type sizes (larger in presenter mode): constant CSS, no user text in it."""
    st.session_state.pop("_share_slot", None)  # the share panel's slot is made anew by each page that shows it
    st.html(_CSS + (_PRESENTER_CSS if presenting() else ""))


def start_page(page: str, title: str, intro: str, formula: str | None = None) -> None:
    """Title, the lecture's point in a few sentences, and the slot for notes about the link."""
    style()
    st.session_state["_page"] = page
    from ui.deck import DECK_STEPPER_KEY, deck_bar

    deck_bar()  # the lecture deck's bar, when the deck is on; it read the stepper's record of the last run
    st.session_state.pop(DECK_STEPPER_KEY, None)
    if presenting():
        # On the projector the figure gets the room: the title and formula stay, the words fold away.
        from ui.share import share_panel

        left, middle, right = st.columns([6, 4, 3], vertical_alignment="center")
        left.title(title)
        if formula:
            middle.latex(formula)
        share_panel(right)
        with st.expander(tr("The lecture's point")):
            st.markdown(intro)
    elif formula:
        st.title(title)
        left, right = st.columns([3, 2], vertical_alignment="center")
        left.markdown(intro)
        right.latex(formula)
    else:
        st.title(title)
        st.markdown(intro)
    st.session_state["_notes_slot"] = st.empty()
    _show_notes()


def page_id() -> str:
    """The id of the page this run draws (given to :func:`start_page`); ``home`` for the home page."""
    return st.session_state.get("_page", "home")


def _show_notes() -> None:
    notes = st.session_state.get(f"_notes:{page_id()}", [])
    slot = st.session_state.get("_notes_slot")
    if notes and slot is not None:
        slot.warning("\n\n".join(notes), icon="🔗")


def link_note(label: str, raw: str, default: Any) -> None:
    key = f"_notes:{page_id()}"
    notes = st.session_state.setdefault(key, [])
    notes.append(
        tr("The link's value for **{label}** (`{raw}`) cannot be used here, so the default **{default}** is shown.",
           label=label, raw=safe(raw) or " ", default=default)
    )
    _show_notes()


def diverged_warning(traj, what: str = "") -> None:
    """Say where a run diverged, in words."""
    if traj.diverged_at is not None:
        st.warning(
            tr("{what}Diverged at update {t}: θ left ±{bound} or the loss stopped being a finite number. "
               "The plot keeps the updates before it; try a smaller learning rate.",
               what=(what + ": ") if what else "", t=traj.diverged_at, bound=f"{gd_core.DIVERGENCE_BOUND:.0e}"),
            icon="💥",
        )


def share_link() -> None:
    """This page's link with every setting in it, in a box whose icon copies it."""
    from urllib.parse import urlencode

    base = st.context.url or ""
    query = urlencode(sorted(st.query_params.to_dict().items()))
    st.code(f"{base}?{query}" if query else base or tr("(the settings are the defaults: the page's own link)"),
            language=None, wrap_lines=True)
    st.caption(tr("Copy this link with the icon at its right: it opens exactly this setting."))


def notice(points: Sequence[str]) -> None:
    """The page's closing "what to notice"."""
    st.subheader(tr("What to notice"))
    st.markdown("\n".join(f"- {p}" for p in points))
    from ui.share import refresh_share

    refresh_share()  # the link as the page's widgets left it
