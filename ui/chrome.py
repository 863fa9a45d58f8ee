"""Page chrome: the type sizes and presenter mode, a page's header, its notes about the link, and its closing
"what to notice"."""

from __future__ import annotations

import ast
import functools
import json
import os
import sys
from collections.abc import Callable, Sequence
from types import CodeType
from typing import Any

import streamlit as st

import gd_core
from i18n import language, set_language, tr
from ui.fmt import safe

_CSS = """
<style>
/* The title starts below Streamlit's header bar (3.75rem, white: it hides what lies under it). */
.block-container {padding-top: 3.9rem; padding-bottom: 2rem;}
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
/* The stepper's and the deck's buttons show their keys (PageUp, Space…): small, so the label keeps its room. */
[class*="st-key-gd-stepper"] button, .st-key-gd_deck_bar button {padding-left: 0.35rem; padding-right: 0.35rem;}
[class*="st-key-gd-stepper"] kbd, .st-key-gd_deck_bar kbd {font-size: 0.72rem; margin-left: 0.25rem;
  padding: 0 0.2rem;}
/* A button's key in the text's own colour, readable (Streamlit draws it paler: 3.3:1 on white). */
.stApp button kbd {color: inherit !important; opacity: 1 !important;}
.st-key-gd_deck_bar {padding: 0.35rem 0.7rem !important; margin-top: 1.1rem; gap: 0.3rem;}
table.gd-table th[title] {text-decoration: underline dotted #9AA5B4; text-underline-offset: 0.2em; cursor: help;}
/* A wide table scrolls in its own box; a shadow on the side with more columns says so (the shadows are drawn by
   the background, the covers scroll with the content and hide them at either end). */
.gd-table-wrap {background: linear-gradient(to right, #fff 30%, rgba(255,255,255,0)) left center / 2.5rem 100%,
  linear-gradient(to left, #fff 30%, rgba(255,255,255,0)) right center / 2.5rem 100%,
  radial-gradient(farthest-side at 0 50%, rgba(0,0,0,.28), rgba(0,0,0,0)) left center / 0.9rem 100%,
  radial-gradient(farthest-side at 100% 50%, rgba(0,0,0,.28), rgba(0,0,0,0)) right center / 0.9rem 100%;
  background-repeat: no-repeat; background-attachment: local, local, scroll, scroll;}
/* This style's own element (it holds the skip link's script too) takes no room in the page. */
[data-testid="stElementContainer"]:has(> [data-testid="stHtml"] > script) {position: absolute !important;
  width: 0; height: 0; overflow: hidden;}
/* The skip link: the first stop of the Tab key, seen only when it has the focus. */
.gd-skip {position: fixed; left: 0.5rem; top: -4rem; z-index: 1000200; padding: 0.7rem 1rem; background: #fff;
  color: #0B3D91; font-weight: 600; border: 3px solid #0B3D91; border-radius: 0.4rem;}
.gd-skip:focus {top: 0.5rem;}
/* A focus ring on every control, kept visible on any background. */
.stApp :is(a, button, input, textarea, select, summary, [role="slider"], [role="tab"], [role="switch"],
  [role="radio"], [role="checkbox"], [role="combobox"], [tabindex]):focus-visible,
.gd-skip:focus-visible, [data-testid="stSlider"] div:has(> div > input[type="range"]:focus-visible) {
  outline: 3px solid #0B3D91 !important; outline-offset: 2px !important; box-shadow: 0 0 0 5px #fff !important;}
/* The uploader (ui.upload.file_drop): Streamlit's English words ("Upload", "2MB per file • CSV") give way to words
   in the page's language, which its container sets; generated text is read by screen readers too. */
[class*="st-key-gd-upload-"] [data-testid="stFileUploaderDropzone"] button [data-testid="stMarkdownContainer"],
[class*="st-key-gd-upload-"] [data-testid="stFileUploaderDropzoneInstructions"] span {display: none;}
[class*="st-key-gd-upload-"] [data-testid="stFileUploaderDropzone"] button [data-has-shortcut]::after {
  content: var(--gd-upload-button);}
[class*="st-key-gd-upload-"] [data-testid="stFileUploaderDropzoneInstructions"] > div::before {
  content: var(--gd-upload-hint); font-size: 0.9rem;}
/* While a file is dragged over the zone, Streamlit lays "Drag and drop a file here" over it (its only other div). */
[class*="st-key-gd-upload-"] [data-testid="stFileUploaderDropzone"] > div:not([data-testid]) > * {display: none;}
[class*="st-key-gd-upload-"] [data-testid="stFileUploaderDropzone"] > div:not([data-testid])::after {
  content: var(--gd-upload-drop);}
/* The ‹ and › buttons stay side by side under the slider on a phone (Streamlit stacks columns below 640 px). */
[class*="st-key-gd-stepper"] [data-testid="stHorizontalBlock"] {flex-wrap: nowrap !important; gap: 0.5rem;}
[class*="st-key-gd-stepper"] [data-testid="stColumn"] {min-width: 0 !important; flex: 1 1 0 !important;
  width: auto !important;}
[class*="st-key-gd-stepper"] [data-testid="stColumn"] button {padding: 0 0 0 2.2rem; position: relative;}
[class*="st-key-gd-stepper"] [data-testid="stColumn"] button [data-testid="stMarkdownContainer"] {
  position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0, 0, 0, 0); white-space: nowrap;}
[class*="st-key-gd-stepper"] [data-testid="stColumn"] button::after {position: absolute; left: 1rem; top: 50%;
  transform: translate(-50%, -56%); font-size: 1.8rem; line-height: 1;}
[class*="st-key-gd-stepper"] [data-testid="stColumn"]:first-child button::after {content: "‹" / "";}
[class*="st-key-gd-stepper"] [data-testid="stColumn"]:last-child button::after {content: "›" / "";}
/* The one or two controls right under a figure (ui.under_figure): a row of them stays a row on a phone. */
[class*="st-key-gd-main-"] [data-testid="stHorizontalBlock"] {flex-wrap: nowrap !important; gap: 0.75rem;}
[class*="st-key-gd-main-"] [data-testid="stColumn"] {min-width: 0 !important; flex: 1 1 0 !important;
  width: auto !important;}
/* Touch: buttons, tabs and toggles at least 44 px, slider thumbs 24 px; no toolbar over the charts' titles (the
   CSV button under each chart keeps its data; a phone's own screenshot keeps the picture). */
@media (pointer: coarse), (max-width: 900px) {
  .stApp button, .stApp [role="tab"], .stApp summary, .stApp [data-baseweb="select"] > div {min-height: 44px;}
  .stApp button:not([role="tab"]) {min-width: 44px;}
  [data-testid="stSlider"] div:has(> div > input[type="range"]) {width: 24px !important; height: 24px !important;}
  .stPlotlyChart .modebar-container {display: none !important;}
  .block-container {padding-top: 3.9rem; padding-left: 1rem; padding-right: 1rem;}
}
/* A tablet held upright (and a phone): columns that hold a chart stack, so each chart gets the whole width and the
   controls beside it come right under it. */
@media (max-width: 900px) {
  [data-testid="stHorizontalBlock"]:has(.stPlotlyChart) {flex-wrap: wrap !important;}
  [data-testid="stHorizontalBlock"]:has(.stPlotlyChart) > [data-testid="stColumn"] {min-width: 100% !important;
    width: 100% !important; flex: 1 1 100% !important;}
}
/* A phone: the lecture's point folds into an expander (the figure comes first); wider, it shows in full. */
@media (max-width: 640px) {
  h1 {font-size: 1.7rem !important;}
  /* A row of metrics (short numbers) stays a row instead of a column of large numbers above the figure. */
  [data-testid="stHorizontalBlock"]:has(> [data-testid="stColumn"] > [data-testid="stVerticalBlock"]
    > [data-testid="stElementContainer"] > [data-testid="stMetric"]) {flex-wrap: nowrap !important; gap: 0.6rem;}
  [data-testid="stHorizontalBlock"]:has(> [data-testid="stColumn"] > [data-testid="stVerticalBlock"]
    > [data-testid="stElementContainer"] > [data-testid="stMetric"]) > [data-testid="stColumn"] {
    min-width: 0 !important; width: auto !important; flex: 1 1 0 !important;}
  [data-testid="stMetricValue"] {font-size: 1.45rem;}
  [data-testid="stMetricLabel"], [data-testid="stMetricLabel"] * {white-space: normal !important;
    overflow: visible !important; text-overflow: clip !important;}
  [class*="st-key-gd-intro-full"] {display: none !important;}
}
@media (min-width: 641px) {
  [class*="st-key-gd-intro-fold"] {display: none !important;}
}
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
/* A title outside the lesson header's row (the home page's) starts below the top navigation's bar (3.75rem), which a
   lesson's title clears by sitting in the middle of its taller row. */
[data-testid="stMain"] h1:not([data-testid="stColumn"] h1) {margin-top: 1rem !important;}
h2, h3 {font-size: 1.45rem !important; padding-top: 0.2rem !important; padding-bottom: 0.2rem !important;}
/* In large print a link's or a button's words wrap onto a second line rather than end in "…". */
[data-testid="stPageLink"] p, [data-testid="stPageLink"] span, .stButton button p {white-space: normal !important;
  overflow: visible !important; text-overflow: clip !important;}
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


_SKIP_LINK = """
<script>
(() => {
  const doc = window.parent ? window.parent.document : document;
  let link = doc.getElementById("gd-skip");
  if (!link) {
    link = doc.createElement("a");
    link.id = "gd-skip";
    link.className = "gd-skip";
    link.href = "#";
    link.addEventListener("click", (event) => {
      event.preventDefault();
      const main = doc.querySelector('[data-testid="stMain"]');
      const target = (main && main.querySelector("h1")) || main;
      if (!target) return;
      target.setAttribute("tabindex", "-1");
      target.focus();
      target.scrollIntoView({block: "start"});
    });
    doc.body.prepend(link);
    // A formula wider than a phone scrolls in its own box: the keyboard must reach it to scroll it.
    const reach = () => doc.querySelectorAll(".katex-display").forEach((box) => {
      const wide = box.scrollWidth > box.clientWidth + 1;
      if (wide && !box.hasAttribute("tabindex")) box.setAttribute("tabindex", "0");
      else if (!wide && box.getAttribute("tabindex") === "0") box.removeAttribute("tabindex");
    });
    // An uploader (ui.upload.file_drop) read aloud in the page's language: its file input named like its drop
    // zone (not Streamlit's "file upload"), its button by the word the CSS shows on it (a CSS custom property;
    // generated text alone does not name a button for every screen reader, nor for axe-core).
    const cssText = (value) => value.trim().replace(/^"|"$/g, "")
      .replace(/\\\\([0-9a-fA-F]{1,6}) ?/g, (_, hex) => String.fromCodePoint(parseInt(hex, 16)));
    const relabel = () => doc.querySelectorAll('[class*="st-key-gd-upload-"] [data-testid="stFileUploaderDropzone"]')
      .forEach((zone) => {
        const name = zone.getAttribute("aria-label");
        const input = zone.querySelector('input[type="file"]');
        if (input && name && input.getAttribute("aria-label") !== name) input.setAttribute("aria-label", name);
        const word = cssText(getComputedStyle(zone).getPropertyValue("--gd-upload-button"));
        const button = zone.querySelector("button");
        if (button && word && button.getAttribute("aria-label") !== word) button.setAttribute("aria-label", word);
      });
    let queued = false;
    new MutationObserver(() => {
      relabel();  // at once: before the page is painted, so that nothing reads the English names in between
      if (!queued) { queued = true; setTimeout(() => { queued = false; reach(); }, 300); }
    }).observe(doc.body, {childList: true, subtree: true});
    window.addEventListener("resize", reach);
    // ← and → press the stepper's ‹ and › (ui.controls.stepper), unless the lecture deck gives these keys to the
    // buttons themselves (its row's key then lacks "keys-"): never with a modifier, nor while a field, a slider,
    // a tab, a list or a chart has the focus, which use the arrows themselves.
    const own = 'input, textarea, select, [contenteditable="true"], [role="slider"], [role="tab"], [role="tablist"], ' +
      '[role="listbox"], [role="option"], [role="radio"], [role="combobox"], [role="menu"], [role="menuitem"], ' +
      '.js-plotly-plot';
    doc.addEventListener("keydown", (event) => {
      if (event.key !== "ArrowLeft" && event.key !== "ArrowRight") return;
      if (event.defaultPrevented || event.altKey || event.ctrlKey || event.metaKey || event.shiftKey) return;
      const target = event.target;
      if (target && target.closest && target.closest(own)) return;
      const row = doc.querySelector('[class*="st-key-gd-stepper-keys-"]');
      const buttons = row ? row.querySelectorAll('[data-testid="stColumn"] button') : [];
      const button = buttons[event.key === "ArrowLeft" ? 0 : buttons.length - 1];
      if (button && !button.disabled) {
        event.preventDefault();
        button.click();
      }
    });
  }
  link.textContent = LABEL;
})();
</script>
"""
"""The skip link, put first in the page (before Streamlit's menus and navigation): Enter on it moves the focus to
the page's title. LABEL is replaced by its text in the page's language. The same script lets the Tab key reach a
formula too wide for the screen (its box scrolls sideways), names an uploader's file input in the page's language,
and gives ← and → to the stepper's ‹ and ›."""


def skip_link_html(label: str) -> str:
    """The skip link's script with its text ``label`` as a JavaScript string (escaped for a script element)."""
    return _SKIP_LINK.replace("LABEL", json.dumps(label).replace("<", "\\u003c"))


def style() -> None:
    """The app's type sizes (larger in presenter mode) and the skip link: constant CSS, no user text in it."""
    st.session_state.pop("_share_slot", None)  # the share panel's slot is made anew by each page that shows it
    st.html(_CSS + (_PRESENTER_CSS if presenting() else "") + skip_link_html(tr("Skip to the lesson")),
            unsafe_allow_javascript=True)


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
    else:
        # On a phone (CSS below 640 px) the lecture's point folds into an expander, so the figure comes first;
        # wider, it shows in full. The hidden copy is display: none, out of the accessibility tree too.
        st.title(title)
        with st.container(key="gd-intro-full"):
            if formula:
                left, right = st.columns([3, 2], vertical_alignment="center")
                left.markdown(intro)
                right.latex(formula)
            else:
                st.markdown(intro)
        with st.container(key="gd-intro-fold"), st.expander(tr("The lecture's point")):
            st.markdown(intro)
            if formula:
                st.latex(formula)
    st.session_state["_notes_slot"] = st.empty()
    _show_notes()
    body = _page_body(sys._getframe(1))
    if body is not None:
        _run_body(body, sys._getframe(1).f_globals)


_BODIES: dict[tuple[str, int, int], CodeType | None] = {}
"""The compiled rest of each page after its ``start_page`` call, by (file, its mtime, the call's line)."""
RERUN_PAGE = "_rerun_page"
"""Set (by ``ui.set_widgets``) when a control sets other widgets of the page, which may be drawn above a part
(:func:`part`): the part's own rerun would not draw them, so the part reruns the page instead."""
_PARTS: list[CodeType] = []
"""The compiled statements that follow each :func:`part` call of a page, by number (the call's argument)."""


def _page_body(frame) -> CodeType | None:
    """The statements of the page file that follow the top-level statement calling :func:`start_page` (at the
    caller's ``frame``), compiled with the file's own name and line numbers; None when the call is not a top-level
    statement of a file on disk (then the page runs on as it is). Each ``ui.part()`` statement in it, with the
    statements after it in its block, becomes ``ui.part(n)``: the part compiled alone (:func:`part`)."""
    filename, line = frame.f_code.co_filename, frame.f_lineno
    if frame.f_code.co_name != "<module>":
        return None
    try:
        key = (filename, os.stat(filename).st_mtime_ns, line)
    except OSError:
        return None
    if key not in _BODIES:
        with open(filename, encoding="utf-8") as source:
            tree = ast.parse(source.read(), filename)
        body = None
        for i, node in enumerate(tree.body):
            if node.lineno <= line <= (node.end_lineno or node.lineno):
                if isinstance(node, ast.Expr) and isinstance(node.value, ast.Call):
                    statements = _split_parts(tree.body[i + 1:], filename)
                    body = compile(ast.Module(body=statements, type_ignores=[]), filename, "exec")
                break
        _BODIES[key] = body
    return _BODIES[key]


def _is_part_call(node: ast.stmt) -> bool:
    """``ui.part()`` as a statement of its own, without arguments."""
    if not (isinstance(node, ast.Expr) and isinstance(node.value, ast.Call)):
        return False
    call, func = node.value, node.value.func
    return (isinstance(func, ast.Attribute) and func.attr == "part" and isinstance(func.value, ast.Name)
            and func.value.id == "ui" and not call.args and not call.keywords)


def _split_parts(statements: list[ast.stmt], filename: str) -> list[ast.stmt]:
    """``statements`` with each ``ui.part()`` and the statements after it in its block (the page's own, or a
    ``with``'s, an ``if``'s, ...) replaced by ``ui.part(n)``, those statements compiled as :data:`_PARTS` [n]."""
    out: list[ast.stmt] = []
    for j, node in enumerate(statements):
        if _is_part_call(node):
            rest = _split_parts(statements[j + 1:], filename) or [ast.copy_location(ast.Pass(), node)]
            node.value.args = [ast.copy_location(ast.Constant(len(_PARTS)), node.value)]
            _PARTS.append(compile(ast.Module(body=rest, type_ignores=[]), filename, "exec"))
            out.append(node)
            return out
        if not isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            for field in ("body", "orelse", "finalbody"):
                block = getattr(node, field, None)
                if isinstance(block, list) and block and isinstance(block[0], ast.stmt):
                    setattr(node, field, _split_parts(block, filename))
        out.append(node)
    return out


def _run_body(body: CodeType, namespace: dict) -> None:
    """Run the page's body as a fragment, then end the page's own run (the body has run).

    A widget of the body (in the main area or the sidebar) then reruns the body alone: the header above it (the
    type sizes, the title and the lecture's point, the deck's bar, presenter mode's share button), app.py's
    language and presenter switches and the navigation are not sent again. Any other control (the top menu,
    language, presenter mode, the deck's bar) reruns the whole app, as before."""

    def lesson() -> None:
        st.session_state.pop(RERUN_PAGE, None)  # this run draws the whole body
        exec(body, namespace)  # the page's own code, compiled from its file by _page_body

    fragment(lesson)()
    st.stop()


def part(number: int | None = None) -> None:
    """Where a part of a page's body with reruns of its own starts (a fragment inside the body's): a control drawn
    after ``ui.part()`` in its block reruns only the statements after it in that block, not the settings, the
    runs and the figures above it (stepping through a run's updates redraws the update, not the run).

    Write it as a statement of its own in a page's body (after :func:`start_page`). What follows it may read
    what was set above it; nothing above it, nor after its block, may read what it sets (they do not rerun with
    it). A control of the part that sets other widgets (``ui.set_widgets``: a click on the plot sets θ⁰) reruns the
    whole page (:data:`RERUN_PAGE`). Each container made above the part that the part writes into must get
    something from it on every run (Streamlit reserves the part's place in it on the page's run): make a container
    that only sometimes gets an element inside the part. The page's compiler (:func:`_page_body`) has moved those
    statements into part ``number``; called without one (a page run some other way), it does nothing and the page
    runs on."""
    if number is None:
        return
    code, namespace = _PARTS[number], sys._getframe(1).f_globals
    here = dict(namespace)  # the page's names as they are where the part starts

    def lesson_part() -> dict:
        if st.session_state.pop(RERUN_PAGE, False):
            st.rerun()  # a control of the part set the page's settings above it (a click on the plot sets θ⁰)
        # Each run of the part starts from the names as they were here, not as the body's last run left them
        # (a name the part or what follows sets again, e.g. a list of columns, would be stale).
        names = dict(here)
        exec(code, names)  # statements of the page's file, compiled by _split_parts
        return names

    names = fragment(lesson_part)()
    if isinstance(names, dict):
        namespace.update(names)  # in the body's run, what follows the part's block sees what the part set


def fragment(func: Callable) -> Callable:
    """``st.fragment(func)``, whose own reruns speak the language of the run that drew it: Streamlit runs each
    rerun in a new thread, and a fragment's rerun skips app.py, which sets the thread's language (:mod:`i18n`).
    A change of language reruns the whole app, which draws the fragment anew with the new one."""
    lang = language()

    @functools.wraps(func)
    def in_language(*args, **kwargs):
        set_language(lang)
        return func(*args, **kwargs)

    return st.fragment(in_language)


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
