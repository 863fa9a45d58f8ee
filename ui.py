"""Shared widgets, URL state, number formatting and the cached calls into gd_core.

Every control is bound to the URL: its value is read from the link when a page opens
(checked; a bad value falls back to the default with a visible note) and written back
whenever it changes, so a lecturer can share a link to exactly this setting.
"""

from __future__ import annotations

import functools
import gc
import html
import inspect
import math
import re
import sys
import threading
from collections.abc import Callable, Sequence
from typing import Any

import numpy as np
import pandas as pd
import streamlit as st

import figures
import gd_core
from figures import beyond as race_figures
from gd_core import optimizers, schedules
from gd_core.grid import curve_values, loss_grid
from i18n import tr, translate

CUSTOM = "custom"
"""The loss picker's value for a typed formula."""
MAX_FORMULA = gd_core.expr.MAX_LENGTH


# --- pages -------------------------------------------------------------------------------

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
table.gd-table th[title] {text-decoration: underline dotted #9AA5B4; text-underline-offset: 0.2em; cursor: help;}
</style>
"""


_PRESENTER_CSS = """
<style>
html {font-size: 20px;}
.block-container {max-width: 100% !important; padding-left: 2.5rem; padding-right: 2.5rem;}
h1 {font-size: 2.3rem !important;}
[data-testid="stMetricValue"] {font-size: 2.4rem;}
.katex {font-size: 1.35em;}
</style>
"""
PRESENTER_KEY = "app:present"
"""Presenter mode's session key (the switch lives in app.py, outside the pages)."""


_MODULES_FROZEN = 0


def freeze_loaded_modules() -> None:
    """Move what is in memory out of the garbage collector's sight whenever new modules were loaded.

    Streamlit, NumPy, pandas, Plotly, sympy and the app's own modules stay loaded for the life of the
    server, yet every full collection walks them all again: 70 ms at a time in this process (about
    1.2 ms a rerun when spread over reruns, and a pause for whoever's rerun it falls in). Frozen, the
    collector walks only what reruns allocate. A page may load modules the first time it runs, so this
    checks on every run and, only when the count of loaded modules grew (a few times per server), collects
    once and freezes. See :func:`gc.freeze`.
    """
    global _MODULES_FROZEN
    if len(sys.modules) != _MODULES_FROZEN:
        _MODULES_FROZEN = len(sys.modules)
        gc.collect()  # first free what is garbage now: frozen, it could never be collected
        gc.freeze()


def presenting() -> bool:
    """Whether presenter mode is on: larger type, figures taller and in larger print."""
    return bool(st.session_state.get(PRESENTER_KEY, False))


def style() -> None:
    """The app's type sizes (larger in presenter mode): constant CSS, no user text in it."""
    st.html(_CSS + (_PRESENTER_CSS if presenting() else ""))


def start_page(page_id: str, title: str, intro: str, formula: str | None = None) -> None:
    """Title, the lecture's point in a few sentences, and the slot for notes about the link."""
    style()
    st.session_state["_page"] = page_id
    if presenting():
        # On the projector the figure gets the room: the title and formula stay, the words fold away.
        left, right = st.columns([3, 2], vertical_alignment="center")
        left.title(title)
        if formula:
            right.latex(formula)
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


def _page() -> str:
    return st.session_state.get("_page", "home")


def _show_notes() -> None:
    notes = st.session_state.get(f"_notes:{_page()}", [])
    slot = st.session_state.get("_notes_slot")
    if notes and slot is not None:
        slot.warning("\n\n".join(notes), icon="🔗")


def safe(raw: str) -> str:
    """A URL value shown to the user: short, one line, inside a code span (no Markdown or HTML)."""
    text = re.sub(r"[`\r\n\t]", " ", str(raw))
    text = "".join(ch for ch in text if ch.isprintable())
    return (text[:40] + "…") if len(text) > 40 else text


_PLAIN_VALUE = re.compile(r"[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?|[^\W_]+( [^\W_]+)*")
"""A number, or words of letters and digits: text that reads the same in Markdown as in plain text."""
_QUOTES = (("'", "'"), ("「", "」"), ("“", "”"))
"""Quotes that may stand around a value in an error's sentence; a code span takes their place."""


def reason(exc: BaseException) -> str:
    """Why gd_core refused something, in the current language, to put into a translated sentence.

    gd_core's errors carry an English ``template`` with ``{fields}`` and its ``params``
    (gd_core/errors.py); the template is looked up in the tables like a tr() string. A value that is a
    number or plain words (``z``, ``price``, ``abc``) is filled in as it is; any other value (``__a__``, a
    column named ``**x**`` or ``www.example.com``) goes in a code span through :func:`safe`, in place of
    the quotes around it, so that what a user typed is never read as Markdown or HTML. Any other
    exception: its message as it is.
    """
    template, params = getattr(exc, "template", None), getattr(exc, "params", None)
    if not isinstance(template, str) or not isinstance(params, dict):
        return str(exc)
    text = translate(template)
    shown = {}
    for name, value in params.items():
        value = str(value)
        if _PLAIN_VALUE.fullmatch(value) and len(value) <= 40:
            shown[name] = value
            continue
        for left, right in _QUOTES:
            text = text.replace(f"{left}{{{name}}}{right}", f"{{{name}}}")
        shown[name] = f"`{safe(value) or ' '}`"
    return text.format(**shown)


def _note(label: str, raw: str, default: Any) -> None:
    key = f"_notes:{_page()}"
    notes = st.session_state.setdefault(key, [])
    notes.append(
        tr("The link's value for **{label}** (`{raw}`) cannot be used here, so the default **{default}** is shown.",
           label=label, raw=safe(raw) or " ", default=default)
    )
    _show_notes()


# --- URL-bound widgets -----------------------------------------------------------------------

def _bound(key: str, label: str, default: Any, parse: Callable[[str], Any], make: Callable[[str], Any],
           serialize: Callable[[Any], str] = str, clip: Callable[[Any], Any] | None = None,
           shown: Callable[[Any], str] | None = None) -> Any:
    """Create a widget whose value lives in the URL under ``key``.

    ``parse`` turns the URL text into a value or raises ``ValueError``; ``make(state_key)``
    draws the widget reading its value from ``st.session_state[state_key]``; ``clip`` brings a
    value kept from an earlier run into the widget's current range (which may have changed);
    ``shown`` names a value in the note about an unusable link value (as the widget shows it; default:
    as the link writes it).
    """
    skey = f"{_page()}:{key}"
    keep = f"_keep:{skey}"
    if clip is not None:
        for k in (skey, keep):
            if k in st.session_state:
                st.session_state[k] = clip(st.session_state[k])
    if skey not in st.session_state:
        value = st.session_state.get(keep, default)
        raw_all = st.query_params.get_all(key)
        if raw_all:
            raw = raw_all[-1]
            try:
                value = parse(raw)
            except (ValueError, TypeError, OverflowError, KeyError):
                _note(label, raw, (shown or serialize)(default))
                value = default
        st.session_state[skey] = value
    value = make(skey)
    st.session_state[keep] = value
    text = serialize(value)
    if value == default:
        if key in st.query_params:
            del st.query_params[key]
    elif st.query_params.get(key) != text:
        st.query_params[key] = text
    return value


def kept_int(key: str, lo: int, hi: int, default: int) -> int:
    """The value of this page's integer widget ``key`` when it is not drawn in this run (it sits in a
    hidden tab): as last set, else from the link, else ``default``; clipped to lo … hi."""
    skey = f"{_page()}:{key}"
    value = st.session_state.get(skey, st.session_state.get(f"_keep:{skey}"))
    if value is None:
        try:
            value = _int_in(lo, hi)(st.query_params.get(key, ""))
        except ValueError:
            value = default
    return int(min(max(value, lo), hi))


def _float_in(lo: float, hi: float) -> Callable[[str], float]:
    def parse(raw: str) -> float:
        value = float(raw.strip())
        if not (math.isfinite(value) and lo <= value <= hi):
            raise ValueError("out of range")
        return value
    return parse


def _int_in(lo: int, hi: int) -> Callable[[str], int]:
    def parse(raw: str) -> int:
        value = int(raw.strip())
        if not lo <= value <= hi:
            raise ValueError("out of range")
        return value
    return parse


def fmt_param(value: float) -> str:
    """A hyperparameter as it goes into the URL and on screen: shortest exact form."""
    return f"{value:g}" if isinstance(value, float) else str(value)


def slider(key: str, label: str, lo: float, hi: float, default: float, step: float,
           help: str | None = None, fmt: str | None = None, where=st) -> float:
    """A float slider bound to the URL."""
    return _bound(key, label, default, _float_in(lo, hi),
                  lambda k: where.slider(label, lo, hi, step=step, key=k, help=help, format=fmt),
                  fmt_param, clip=lambda v: min(max(float(v), lo), hi))


def int_slider(key: str, label: str, lo: int, hi: int, default: int, help: str | None = None, where=st) -> int:
    """An integer slider bound to the URL."""
    return _bound(key, label, default, _int_in(lo, hi),
                  lambda k: where.slider(label, lo, hi, step=1, key=k, help=help), str,
                  clip=lambda v: min(max(int(v), lo), hi))


def number(key: str, label: str, lo: float, hi: float, default: float, step: float,
           help: str | None = None, fmt: str = "%g", where=st) -> float:
    """A float number input bound to the URL."""
    return _bound(key, label, default, _float_in(lo, hi),
                  lambda k: float(where.number_input(label, float(lo), float(hi), step=float(step), key=k,
                                                     help=help, format=fmt)),
                  fmt_param, clip=lambda v: min(max(float(v), lo), hi))


def int_number(key: str, label: str, lo: int, hi: int, default: int, help: str | None = None, where=st) -> int:
    """An integer number input bound to the URL."""
    return _bound(key, label, default, _int_in(lo, hi),
                  lambda k: int(where.number_input(label, lo, hi, step=1, key=k, help=help)), str,
                  clip=lambda v: min(max(int(v), lo), hi))


def log_slider(key: str, label: str, options: Sequence[float], default: float,
               help: str | None = None, where=st) -> float:
    """A slider over fixed values (a learning rate on a log-like scale), bound to the URL."""
    options = [float(o) for o in options]

    def parse(raw: str) -> float:
        value = float(raw.strip())
        for option in options:
            if math.isclose(option, value, rel_tol=1e-9):
                return option
        raise ValueError("not an option")

    return _bound(key, label, float(default), parse,
                  lambda k: where.select_slider(label, options=options, key=k, help=help, format_func=fmt_param),
                  fmt_param)


def choice(key: str, label: str, options: dict[str, str], default: str, help: str | None = None,
           where=st, horizontal: bool = False, kind: str = "select", title: Callable[[str], str] | None = None) -> str:
    """A choice among ``options`` (value → label shown); the URL holds the value, not the label. A note
    about an unusable link value names the default by ``title`` (default: its label)."""
    keys = list(options)

    def parse(raw: str) -> str:
        if raw not in options:
            raise ValueError("not an option")
        return raw

    def make(k: str) -> str:
        if kind == "radio":
            return where.radio(label, keys, key=k, help=help, format_func=options.__getitem__, horizontal=horizontal)
        if kind == "segmented":
            value = where.segmented_control(label, keys, key=k, help=help, format_func=options.__getitem__)
            return value if value is not None else default
        return where.selectbox(label, keys, key=k, help=help, format_func=options.__getitem__)

    return _bound(key, label, default, parse, make, shown=title or options.__getitem__)


def toggle(key: str, label: str, default: bool = False, help: str | None = None, where=st) -> bool:
    """An on/off switch bound to the URL (``1``/``0``)."""
    def parse(raw: str) -> bool:
        low = raw.strip().lower()
        if low in ("1", "true", "on", "yes"):
            return True
        if low in ("0", "false", "off", "no"):
            return False
        raise ValueError("not a switch value")

    return _bound(key, label, default, parse, lambda k: bool(where.toggle(label, key=k, help=help)),
                  lambda v: "1" if v else "0")


def text(key: str, label: str, default: str, max_chars: int = MAX_FORMULA, help: str | None = None,
         where=st, placeholder: str | None = None) -> str:
    """A text input bound to the URL (length-limited; its content is checked by the caller)."""
    def parse(raw: str) -> str:
        if len(raw) > max_chars or not raw.isprintable():
            raise ValueError("too long")
        return raw

    return _bound(key, label, default, parse,
                  lambda k: where.text_input(label, key=k, max_chars=max_chars, help=help, placeholder=placeholder))


def number_list(key: str, label: str, default: Sequence[float], max_len: int = 12, help: str | None = None,
                where=st) -> tuple[list[float] | None, str]:
    """A comma-separated list of numbers typed by the user: (numbers or None, the text)."""
    default_text = ", ".join(fmt_param(float(v)) for v in default)
    raw = text(key, label, default_text, max_chars=200, help=help, where=where)
    parts = [p.strip() for p in raw.replace(";", ",").split(",") if p.strip()]
    try:
        values = [float(p) for p in parts]
    except ValueError:
        bad = next(p for p in parts if not _is_float(p))
        where.error(tr("{value} is not a number: type numbers separated by commas.", value=f"`{safe(bad)}`"))
        return None, raw
    if not values:
        where.error(tr("Type at least one number."))
        return None, raw
    if len(values) > max_len:
        where.error(tr("At most {n} numbers.", n=max_len))
        return None, raw
    if not all(math.isfinite(v) and abs(v) <= 1e6 for v in values):
        where.error(tr("Every number must be finite and at most 1e6 in size."))
        return None, raw
    if any(0 < abs(v) < 1e-100 for v in values):  # η / σ would overflow for a gradient like 5e-324
        where.error(tr("Every number must be 0 or at least 1e-100 in size."))
        return None, raw
    return values, raw


def _is_float(text_value: str) -> bool:
    try:
        float(text_value)
    except ValueError:
        return False
    return True


# --- shared controls ----------------------------------------------------------------------

LR_OPTIONS = (0.001, 0.002, 0.005, 0.01, 0.02, 0.03, 0.05, 0.1, 0.15, 0.2, 0.25, 0.3, 0.35, 0.4, 0.45,
              0.48, 0.5, 0.52, 0.55, 0.6, 0.7, 0.8, 0.9, 1.0, 1.2, 1.5, 2.0, 3.0)
"""The learning rates a slider offers: dense where the lessons' thresholds are."""


def lr_slider(key: str = "eta", default: float = 0.1, label: str | None = None, where=st) -> float:
    """The learning rate η."""
    return log_slider(key, label or tr("Learning rate η"), LR_OPTIONS, default,
                      help=tr("How far each update moves against the gradient."), where=where)


def marker_labels() -> dict[str, str]:
    """The contour markers' names in the current language, as keyword arguments of ``figures.contour``
    (the figures that draw a contour take them as ``marker_labels``)."""
    return {"minimum_label": tr("minimum"), "saddle_label": tr("saddle")}


def preset_title(key: str) -> str:
    """A preset loss's (or 1-D curve's) title in the current language; gd_core keeps the English one."""
    titles = {
        "bowl": tr("Round bowl"), "elongated": tr("Elongated bowl"), "rosenbrock": tr("Rosenbrock valley"),
        "himmelblau": tr("Himmelblau (four minima)"), "saddle": tr("Saddle point"), "plateau": tr("Plateau"),
        "two_minima": tr("Local and global minimum"), "parabola": tr("Parabola L = x²"),
        "wide": tr("Wide parabola L = 0.25x²"), "quartic": tr("Steep walls L = 0.05x⁴ + 0.5x²"),
    }
    if key in titles:
        return titles[key]
    preset = gd_core.PRESETS.get(key) or gd_core.CURVES.get(key)
    return preset.title if preset is not None else key


def preset_options(keys: Sequence[str] | None = None, custom: bool = True) -> dict[str, str]:
    keys = list(keys or gd_core.PRESETS)
    options = {k: f"{preset_title(k)}:  {gd_core.PRESETS[k].formula}" for k in keys}
    if custom:
        options[CUSTOM] = tr("Type a formula…")
    return options


class LossChoice:
    """What the loss picker returns: the formula, its preset (None for a typed formula), the
    plot window and default start, and the parsed loss (None when the formula is bad)."""

    def __init__(self, formula: str, preset, x_range, y_range, start, loss):
        self.formula = formula
        self.preset = preset
        self.x_range = tuple(float(v) for v in x_range)
        self.y_range = tuple(float(v) for v in y_range)
        self.start = tuple(float(v) for v in start)
        self.loss = loss

    @property
    def minima(self):
        return self.preset.minima if self.preset else ()


def loss_picker(default: str = "elongated", keys: Sequence[str] | None = None, where=st,
                default_formula: str = "x^2 + 3*y^2 + x*y") -> LossChoice:
    """Pick a preset loss or type a formula; a bad formula is shown with its message."""
    key = choice("loss", tr("Loss L(θ₁, θ₂)"), preset_options(keys), default, where=where, title=preset_title)
    if key != CUSTOM:
        p = gd_core.PRESETS[key]
        return LossChoice(p.formula, p, p.x_range, p.y_range, p.start, p.loss)
    formula = text("f", tr("Your formula in x = θ₁ and y = θ₂"), default_formula, where=where,
                   help=tr("Use x and y, numbers, + - * / ^, parentheses, pi, e and "
                           "sin cos tan exp log sqrt tanh abs."))
    half = slider("r", tr("Plot window ±"), 0.5, 20.0, 5.0, 0.5, where=where,
                  help=tr("The contour shows −r ≤ x ≤ r and −r ≤ y ≤ r."))
    loss = None
    try:
        loss = parse_cached(formula)
    except gd_core.ExpressionError as exc:
        where.error(tr("This formula cannot be used: {reason}.", reason=reason(exc)), icon="✏️")
    return LossChoice(formula, None, (-half, half), (-half, half), (-0.8 * half, 0.6 * half), loss)


def start_point(choice_: LossChoice, where=st, prefix: str = "") -> tuple[float, float]:
    """θ⁰ as two number inputs, limited to a generous box around the plot window."""
    (x0, x1), (y0, y1) = choice_.x_range, choice_.y_range
    wx, wy = x1 - x0, y1 - y0
    c1, c2 = where.columns(2)
    a = number(prefix + "x0", "θ₁⁰", x0 - wx, x1 + wx, choice_.start[0], 0.1, where=c1, fmt="%.2f")
    b = number(prefix + "y0", "θ₂⁰", y0 - wy, y1 + wy, choice_.start[1], 0.1, where=c2, fmt="%.2f")
    return a, b


def step_control(n_updates: int, key: str = "t", label: str | None = None, where=st, default: int = 0) -> int:
    """Pick update t (0 … n−1) with a slider and ◀ / ▶ buttons; ``default`` is clipped to the run."""
    if n_updates <= 0:
        return 0
    last = n_updates - 1
    skey = f"{_page()}:{key}"

    def move(delta: int) -> None:
        st.session_state[skey] = int(min(max(st.session_state.get(skey, 0) + delta, 0), last))

    c1, c2, c3 = where.columns([1, 5, 1], vertical_alignment="bottom")
    c1.button("", icon=":material/chevron_left:", key=f"{skey}:prev", on_click=move, args=(-1,),
              help=tr("Previous update"), width="stretch")
    c3.button("", icon=":material/chevron_right:", key=f"{skey}:next", on_click=move, args=(1,),
              help=tr("Next update"), width="stretch")
    if last == 0:
        c2.caption(tr("Only one update."))
        return 0
    return int_slider(key, label or tr("Update t (from θᵗ to θᵗ⁺¹)"), 0, last, min(max(default, 0), last), where=c2)


# --- numbers on screen ------------------------------------------------------------------

def num(value: float, digits: int = 4) -> str:
    """A number for the screen: 4 significant digits, scientific when very large or small."""
    if value is None:
        return "—"
    value = float(value)
    if not math.isfinite(value):
        return tr("not finite")
    if value == 0:
        return "0"
    if 1e-3 <= abs(value) < 1e6:
        text_value = f"{value:.{digits}g}"
        if "e" not in text_value:
            return text_value
    mantissa, exponent = f"{value:.{digits - 1}e}".split("e")
    return f"{mantissa}e{int(exponent)}"


_SUPERSCRIPT = str.maketrans("0123456789-+", "⁰¹²³⁴⁵⁶⁷⁸⁹⁻⁺")


def sup(n: int) -> str:
    """An integer as superscript digits, for labels like θ³."""
    return str(n).translate(_SUPERSCRIPT)


def tex_num(value: float, digits: int = 4) -> str:
    """A number for st.latex: scientific notation as ×10^k."""
    text_value = num(value, digits)
    if "e" in text_value and text_value[0] in "-0123456789":
        mantissa, exponent = text_value.split("e")
        return rf"{mantissa} \times 10^{{{int(exponent)}}}"
    return text_value if text_value[0] in "-0123456789" else r"\text{" + text_value + "}"


def diverged_warning(traj, what: str = "") -> None:
    """Say where a run diverged, in words."""
    if traj.diverged_at is not None:
        st.warning(
            tr("{what}Diverged at update {t}: θ left ±{bound} or the loss stopped being a finite number. "
               "The plot keeps the updates before it; try a smaller learning rate.",
               what=(what + ": ") if what else "", t=traj.diverged_at, bound=f"{gd_core.DIVERGENCE_BOUND:.0e}"),
            icon="💥",
        )


# --- cached calls into gd_core -----------------------------------------------------------

_PAGE_CACHED: dict = {}
_PAGE_CACHED_LOCK = threading.Lock()


class _PageFunction:
    """The function behind one of :func:`cache_data`'s wrappers: the one the page's run in this thread
    defined (each session's script runs in a thread of its own), else the latest run's."""

    def __init__(self, func: Callable):
        self.latest = func
        self.here = threading.local()

    def set(self, func: Callable) -> None:
        self.latest = self.here.func = func

    def get(self) -> Callable:
        return getattr(self.here, "func", self.latest)


def cache_data(*, max_entries: int, show_spinner: bool = False) -> Callable[[Callable], Callable]:
    """``st.cache_data`` for a function defined in a page script, made once instead of on every rerun.

    A page script runs again on every rerun, and its decorators with it; ``st.cache_data`` reads and
    hashes the function's source each time (about 0.4 ms a function). Here ``st.cache_data`` wraps it
    once per compiled function (its code object: the server compiles a script once, and again when the
    file changes), keyed as always by module, name and source. A miss calls the function that this
    session's run defined. As with ``st.cache_data``, the result must depend on the arguments alone
    (and on imported modules and constants): a value cached in one session is returned in every other.
    """
    def decorate(func: Callable) -> Callable:
        key = (func.__code__, max_entries, show_spinner)
        with _PAGE_CACHED_LOCK:
            entry = _PAGE_CACHED.get(key)
            if entry is None:
                behind = _PageFunction(func)

                def call(*args, **kwargs):
                    return behind.get()(*args, **kwargs)

                # st.cache_data keys the wrapper by the function's module, name and source (through
                # __wrapped__); after that only its signature is needed, and no run's module is kept.
                functools.update_wrapper(call, func)
                cached = st.cache_data(max_entries=max_entries, show_spinner=show_spinner)(call)
                call.__signature__ = inspect.signature(func)
                del call.__wrapped__
                entry = _PAGE_CACHED[key] = (behind, cached)
        entry[0].set(func)
        return entry[1]
    return decorate


@st.cache_resource(max_entries=64, show_spinner=False)
def parse_cached(formula: str) -> gd_core.Loss:
    """The parsed loss (kept as a resource: it holds compiled functions)."""
    return gd_core.parse_loss(formula)


def make_optimizer(name: str, hyper: tuple[tuple[str, Any], ...]) -> optimizers.Optimizer:
    """An optimizer from its name and hyperparameters; ``decay=True`` means 1/t decay."""
    params = {k: (np.asarray(v, dtype=float) if isinstance(v, tuple) else v) for k, v in hyper}
    decay = params.pop("decay", False)
    if decay:
        params["lr"] = schedules.inverse_sqrt(params["lr"])
    return optimizers.FACTORIES[name](**params)


@st.cache_data(max_entries=256, show_spinner=False)
def run_cached(formula: str, name: str, hyper: tuple[tuple[str, Any], ...], theta0: tuple, steps: int):
    """``gd_core.run`` with plain arguments; ``theta0`` may be a tuple of B pairs for a batch."""
    loss = parse_cached(formula)
    return gd_core.run(loss, make_optimizer(name, hyper), np.asarray(theta0, dtype=float), steps)


RACE_RUN_LENGTHS = (50, 100, 200, 300, 500, 750, 1000, 1500, 2000, 2500, 3000)
"""The lengths the race is computed for; a race of n updates is cut from the shortest one at least n long."""


@st.cache_data(max_entries=32, show_spinner=False)
def _race_run(formula: str, racers: tuple[tuple[str, tuple], ...], theta0: tuple, steps: int) -> dict:
    loss = parse_cached(formula)
    runs = gd_core.run_each(loss, [make_optimizer(name, hyper) for name, hyper in racers],
                            np.asarray(theta0, dtype=float), steps)
    return {name: traj for (name, _), traj in zip(racers, runs)}


def race_cached(formula: str, racers: tuple[tuple[str, tuple], ...], theta0: tuple, steps: int) -> dict:
    """Each (optimizer, hyperparameters) of ``racers`` run from ``theta0`` for ``steps`` updates, in one loop
    (``gd_core.run_each``): the same trajectories as ``run_cached`` one by one.

    The race is computed for the next length of RACE_RUN_LENGTHS and cut (``Trajectory.first``, exactly
    the shorter run): moving the number of updates reuses one computed race, for a whole class at once,
    until it passes that length. The defaults (100, 1000) are lengths of their own, so a change of
    anything else computes no more than before.
    """
    length = next((n for n in RACE_RUN_LENGTHS if n >= steps), steps)
    return {name: traj.first(steps) for name, traj in _race_run(formula, racers, theta0, length).items()}


@st.cache_data(max_entries=64, show_spinner=False)
def grid_cached(formula: str, x_range: tuple, y_range: tuple, n: int = 80):
    """Loss values on an n × n grid (float32) for contours and surfaces."""
    return loss_grid(parse_cached(formula), x_range, y_range, n)


@st.cache_data(max_entries=64, show_spinner=False)
def curve_cached(formula: str, x_range: tuple, n: int = 400):
    """A 1-D loss in x on n points (float32)."""
    return curve_values(parse_cached(formula), x_range, n)


@st.cache_data(max_entries=64, show_spinner=False)
def threshold_cached(formula: str, point: tuple) -> float | None:
    """2/λ_max of the Hessian at ``point``: where gradient descent starts to diverge on a quadratic."""
    return gd_core.theory.divergence_threshold(parse_cached(formula), point)


def fit_window(x_range, y_range, *paths, grow: float = 3.0):
    """The plot window: the preset's, widened to show the paths (at most ``grow`` times as wide)."""
    (x0, x1), (y0, y1) = x_range, y_range
    pts = [np.asarray(p, dtype=float).reshape(-1, 2) for p in paths if p is not None and np.size(p)]
    if pts:
        allp = np.concatenate(pts)
        allp = allp[np.all(np.isfinite(allp), axis=1)]
        if allp.size:
            wx, wy = x1 - x0, y1 - y0
            cx, cy = (x0 + x1) / 2, (y0 + y1) / 2
            lo = np.maximum(allp.min(axis=0), [cx - grow * wx / 2, cy - grow * wy / 2])
            hi = np.minimum(allp.max(axis=0), [cx + grow * wx / 2, cy + grow * wy / 2])
            pad_x, pad_y = 0.05 * wx, 0.05 * wy
            x0, x1 = min(x0, lo[0] - pad_x), max(x1, hi[0] + pad_x)
            y0, y1 = min(y0, lo[1] - pad_y), max(y1, hi[1] + pad_y)
    return (round(float(x0), 6), round(float(x1), 6)), (round(float(y0), 6), round(float(y1), 6))


def scaled_window(x_range, y_range, *paths, points=(), aspect: float = 1.2, least: float = 0.3):
    """A plot window for a figure drawn to scale (one unit as long on both axes), ``aspect`` times as wide
    as high: the box around the paths and ``points`` (e.g. the minima), inside the window :func:`fit_window`
    gives, padded, at least ``least`` of the preset window's larger side across, then widened along its
    narrower side to the aspect. Near the plot's own shape, the plot keeps most of its area on any screen."""
    (x0, x1), (y0, y1) = fit_window(x_range, y_range, *paths)
    pts = [np.asarray(p, dtype=float).reshape(-1, 2) for p in (*paths, points) if p is not None and np.size(p)]
    allp = np.concatenate(pts) if pts else np.empty((0, 2))
    allp = allp[np.all(np.isfinite(allp), axis=1)]
    allp = allp[(allp[:, 0] >= x0) & (allp[:, 0] <= x1) & (allp[:, 1] >= y0) & (allp[:, 1] <= y1)]
    if len(allp):
        (x0, y0), (x1, y1) = allp.min(axis=0), allp.max(axis=0)
    side = least * max(x_range[1] - x_range[0], y_range[1] - y_range[0])
    pad = 0.12 * max(x1 - x0, y1 - y0, side)
    cx, cy = (x0 + x1) / 2, (y0 + y1) / 2
    w, h = max(x1 - x0 + 2 * pad, side), max(y1 - y0 + 2 * pad, side)
    w, h = max(w, aspect * h), max(h, w / aspect)
    return ((round(float(cx - w / 2), 6), round(float(cx + w / 2), 6)),
            (round(float(cy - h / 2), 6), round(float(cy + h / 2), 6)))


def csv_upload(key: str, where=st, features: tuple[int, ...] = (1, 2)):
    """An uploader for the user's own data; returns a ``gd_core.data.Dataset`` or None.

    A problem with the file is shown next to the uploader in words, and the caller falls back to
    the built-in data. ``features`` lists how many feature columns the lesson accepts. Files are not
    part of the link (a note says so).
    """
    limit = gd_core.data.MAX_BYTES // 2**20
    upload = where.file_uploader(
        tr("Your own data (CSV, at most {mb} MB and {rows} rows)", mb=limit, rows=gd_core.data.MAX_ROWS),
        type=["csv", "txt"], key=f"{_page()}:{key}",
        help=tr("One or two feature columns, then the target y as the last column. A header row is optional."),
    )
    if upload is None:
        return None
    try:
        data = gd_core.data.read_csv(upload.getvalue())
    except gd_core.DataError as exc:
        where.error(tr("This file cannot be used: {reason}. The built-in data is shown instead.", reason=reason(exc)),
                    icon="📄")
        return None
    if data.d not in features:
        where.error(tr("This lesson needs {want} feature column(s); the file has {have}. The built-in data is "
                       "shown instead.", want=" or ".join(str(f) for f in features), have=data.d), icon="📄")
        return None
    where.caption(tr("Using {name}: {n} rows, features {features}, target {target}. An uploaded file is not part "
                     "of the link.", name=f"`{safe(upload.name)}`", n=data.n,
                     features=", ".join(f"`{safe(f)}`" for f in data.feature_names),
                     target=f"`{safe(data.target_name)}`"))
    return data


# --- the optimizer race (the momentum/RMSProp/Adam page and the playground) ----------------------

RACE_KEYS = {"gd": "gd", "momentum": "mom", "adagrad": "ada", "rmsprop": "rms", "adam": "adam"}
"""Each racer's short URL key: ``gd=0`` hides it, ``eta_gd=…`` is its learning rate."""
RACE_ETA = {"gd": 0.001, "momentum": 0.001, "adagrad": 0.5, "rmsprop": 0.01, "adam": 0.05}
RACE_ETA_OPTIONS = (0.0001, 0.0002, 0.0005, 0.001, 0.002, 0.005, 0.01, 0.02, 0.05, 0.1, 0.2, 0.3, 0.4, 0.5, 0.7,
                    1.0, 1.5, 2.0, 3.0)
RACE_ALPHAS = (0.0, 0.5, 0.9, 0.95, 0.99, 0.995, 0.999)
RACE_BETA2S = (0.9, 0.99, 0.995, 0.999, 0.9999)
RACE_TARGETS = (1.0, 0.1, 0.01, 0.001, 1e-4, 1e-6, 1e-8)
RACE_MAX_UPDATES = 3000
_SYMBOLS = {"lr": "η", "beta": "β", "alpha": "α", "beta1": "β₁", "beta2": "β₂"}


def optimizer_labels() -> dict[str, str]:
    """Each racer's name in the current language."""
    return {"gd": tr("Gradient descent"), "momentum": tr("Momentum"), "adagrad": tr("Adagrad"),
            "rmsprop": tr("RMSProp"), "adam": tr("Adam")}


class Race:
    """The race's settings: which optimizers, their hyperparameters, the number of updates, the target."""

    def __init__(self, shown, hyper, steps, target, log_y):
        self.shown, self.hyper, self.steps, self.target, self.log_y = shown, hyper, steps, target, log_y


def race_controls(default_eta: dict[str, float] | None = None, default_steps: int = 1000,
                  default_target: float = 0.001, default_log: bool = True, where=st) -> Race:
    """The race's controls: the number of updates, the target, and per optimizer a switch and its
    hyperparameters (ε fixed at 10⁻⁸ and stated)."""
    etas = {**RACE_ETA, **(default_eta or {})}
    labels = optimizer_labels()
    steps = int_slider("steps", tr("Number of updates"), 1, RACE_MAX_UPDATES, default_steps, where=where)
    target = log_slider("target", tr("Target loss"), RACE_TARGETS, default_target, where=where,
                        help=tr("The table counts the updates each optimizer needs to reach L ≤ this."))
    log_y = toggle("log", tr("Loss on a log scale"), default_log, where=where,
                   help=tr("Only losses above 0 can be drawn on a log scale."))
    where.subheader(tr("Optimizers"))
    order = gd_core.beyond.ORDER
    shown = [name for name in order if toggle(RACE_KEYS[name], labels[name], True, where=where)]
    where.caption(tr("The hyperparameters of each (ε = 10⁻⁸ in Adagrad, RMSProp and Adam, fixed):"))
    hyper: dict[str, tuple] = {}
    eps = gd_core.beyond.EPS
    for name in order:
        box = where.expander(labels[name])
        eta = log_slider(f"eta_{RACE_KEYS[name]}", tr("η, the learning rate"), RACE_ETA_OPTIONS, etas[name],
                         where=box)
        if name == "gd":
            hyper[name] = (("lr", eta),)
        elif name == "momentum":
            beta = slider("beta", "β", 0.0, 0.99, 0.9, 0.01, where=box,
                          help=tr("How much of the past gradients each update keeps. β = 0 is gradient descent."))
            hyper[name] = (("lr", eta), ("beta", beta))
        elif name == "adagrad":
            hyper[name] = (("lr", eta), ("eps", eps))
        elif name == "rmsprop":
            alpha = log_slider("alpha", "α", RACE_ALPHAS, 0.99, where=box,
                               help=tr("How much of (σᵗ⁻¹)² each update keeps: closer to 1 remembers longer."))
            hyper[name] = (("lr", eta), ("alpha", alpha), ("eps", eps))
        else:
            beta1 = slider("beta1", "β₁", 0.0, 0.99, 0.9, 0.01, where=box,
                           help=tr("Momentum's share: how much of the past gradients m keeps."))
            beta2 = log_slider("beta2", "β₂", RACE_BETA2S, 0.999, where=box,
                               help=tr("RMSProp's share: how much of the past squared gradients v keeps."))
            hyper[name] = (("lr", eta), ("beta1", beta1), ("beta2", beta2), ("eps", eps))
    return Race(shown, hyper, steps, target, log_y)


def race_numbers(traj, target: float):
    """gd_core's numbers for one racer: final L, updates to reach the target, divergence, first update."""
    return gd_core.beyond.race_result(traj, target)


def hyper_text(values: tuple) -> str:
    """η = 0.001, β = 0.9 (ε left out: it is the same for all)."""
    return ", ".join(f"{_SYMBOLS[k]} = {fmt_param(v)}" for k, v in values if k in _SYMBOLS)


def race_view(picked: LossChoice, theta0: tuple, race: Race, surface: bool = False) -> dict | None:
    """The runs, their paths on one contour (and a 3-D surface), the loss curves and the table.

    Returns the runs by optimizer name, or None (with the reason shown) when they cannot run.
    """
    if picked.loss is None:
        st.info(tr("Fix the formula in the sidebar to start the race."))
        return None
    if not race.shown:
        st.info(tr("Switch on at least one optimizer in the sidebar."))
        return None
    labels = optimizer_labels()
    try:
        runs = race_cached(picked.formula, tuple((name, race.hyper[name]) for name in race.shown), theta0,
                           race.steps)
    except ValueError as exc:
        st.error(tr("This start point cannot be used: {reason}.", reason=reason(exc)))
        return None
    results = {name: race_numbers(runs[name], race.target) for name in race.shown}
    for name in race.shown:
        diverged_warning(runs[name], labels[name])

    colors = figures.OPTIMIZER_COLORS
    paths = [figures.Path(runs[name].params, labels[name], colors[name]) for name in race.shown]
    x_range, y_range = fit_window(picked.x_range, picked.y_range, *(runs[name].params for name in race.shown))
    xs, ys, Z = grid_cached(picked.formula, x_range, y_range, 80)
    saddles = picked.preset.saddles if picked.preset else ()
    contour_fig = race_figures.race_contour(xs, ys, Z, tr("The paths from θ⁰"), paths, minima=picked.minima,
                                            saddles=saddles, x_range=x_range, y_range=y_range,
                                            marker_labels=marker_labels())
    if surface:
        tab_contour, tab_surface = views("view", {"contour": tr("Contour"), "3d": tr("3-D surface")})
        with tab_contour:
            if tab_contour.open:
                chart(contour_fig, key="paths")
        with tab_surface:
            if tab_surface.open:
                gx, gy, gz = grid_cached(picked.formula, x_range, y_range, 50)
                chart(figures.surface(gx, gy, gz, tr("The loss surface and the paths"),
                                      [(p, runs[name].losses) for p, name in zip(paths, race.shown)]), key="surface")
    else:
        chart(contour_fig, key="paths")
    series = [(labels[name], runs[name].losses, colors[name]) for name in race.shown]
    chart(race_figures.race_losses(series, race.target, tr("target {value}", value=num(race.target, 1)),
                                   tr("Loss against updates"), tr("number of parameter updates"), "L(θᵗ)",
                                   log_y=race.log_y), key="losses")

    st.subheader(tr("The race in numbers"))
    col_hyper, col_final = tr("Hyperparameters"), tr("Final L")
    col_reach = tr("Updates to reach L ≤ {target}", target=num(race.target, 1))
    col_div, col_first = tr("Diverged at update"), tr("First update θ¹ − θ⁰")
    rows = {}
    for name in race.shown:
        r = results[name]
        rows[labels[name]] = {
            col_hyper: hyper_text(race.hyper[name]),
            col_final: num(r.final_loss),
            col_reach: str(r.reached_at) if r.reached_at is not None else tr("not reached"),
            col_div: str(r.diverged_at) if r.diverged_at is not None else "—",
            col_first: f"({num(r.first_step[0])}, {num(r.first_step[1])})" if r.first_step else "—",
        }
    table(rows, "race")
    st.caption(tr("Final L is the loss after the last update (before the divergence, for a run that diverged). "
                  "The first update shows the difference at once: gradient descent and momentum move by −η g⁰, "
                  "Adam by about η along each parameter, whatever the size of g⁰."))
    return runs


def race_rules(race: Race) -> None:
    """Each shown optimizer's update rule in the lecture's notation, one tab each."""
    if not race.shown:
        return
    labels = optimizer_labels()
    st.subheader(tr("The update rules"))
    st.markdown(tr("gᵗ = ∇L(θᵗ); the rules written with w act on each parameter (θ₁ and θ₂) separately, "
                   "with gᵗ its own derivative. t counts from 0, and every running quantity starts at 0."))
    for name, tab in zip(race.shown, st.tabs([labels[name] for name in race.shown])):
        with tab:
            st.markdown(f"**{labels[name]}** · {hyper_text(race.hyper[name])}")
            st.latex(gd_core.optimizers.RULES[name])


def share_link() -> None:
    """This page's link with every setting in it, in a box whose icon copies it."""
    from urllib.parse import urlencode

    base = st.context.url or ""
    query = urlencode(sorted(st.query_params.to_dict().items()))
    st.code(f"{base}?{query}" if query else base or tr("(the settings are the defaults: the page's own link)"),
            language=None, wrap_lines=True)
    st.caption(tr("Copy this link with the icon at its right: it opens exactly this setting."))


def views(key: str, options: dict[str, str]) -> Sequence:
    """Tabs whose content is made only when shown: ``with tab: if tab.open: ...``.

    ``options`` maps each tab's link value (a stable word such as ``3d``) to its label. Choosing a tab
    reruns the page with it open, so a slider on the first view does not also rebuild the figures of the
    hidden ones. The open tab is in the link as ``key`` (``?view=3d``; the first tab leaves the link),
    in every language; a link value that names no tab opens the first.
    """
    skey = f"{_page()}:{key}"
    keep, seen = f"_keep:{skey}", f"_seen:{skey}"
    first = next(iter(options))
    raw = st.query_params.get(key)
    if seen not in st.session_state or raw != st.session_state[seen]:
        chosen = raw if raw in options else first  # the link was opened or edited: it says which tab
    else:
        by_label = {label: value for value, label in options.items()}
        chosen = by_label.get(st.session_state.get(skey), st.session_state.get(keep, first))  # a click, or as kept
        chosen = chosen if chosen in options else first
    st.session_state[skey] = options[chosen]
    tabs = st.tabs(list(options.values()), key=skey, on_change="rerun")
    st.session_state[keep] = chosen
    if chosen == first:
        if key in st.query_params:
            del st.query_params[key]
    elif raw != chosen:
        st.query_params[key] = chosen
    st.session_state[seen] = st.query_params.get(key)
    return tabs


_ONE_WORD = ' class="w"'
"""A cell or header of one word (a number such as 2.0e-4): kept on one line, never broken at its minus sign."""


def _cell(value: Any) -> str:
    """A table cell's text: strings as they are, whole numbers in full, other numbers through :func:`num`."""
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    if isinstance(value, (bool, np.bool_, int, np.integer)):
        return str(value)
    return num(value)


Rows = Sequence[dict] | dict[str, dict]
"""A table's rows: a list of dicts, one a row, or a dict of them (row header → row)."""


def _records(rows: Rows) -> tuple[list[str] | None, list[dict], list]:
    """The row headers (None for a list of rows), the rows, and the columns: every key of the rows, in
    the order they first appear."""
    headers = [str(k) for k in rows] if isinstance(rows, dict) else None
    records = list(rows.values()) if isinstance(rows, dict) else list(rows)
    return headers, records, list(dict.fromkeys(key for record in records for key in record))


def table(rows: Rows, key: str, shades: dict[str, str] | None = None, help: dict[str, str] | None = None,
          index_name: str = "") -> None:
    """A table in large print, with a button that downloads it as CSV (made only when clicked).

    ``rows``: a list of dicts, one a row, or a dict of them whose keys are the row headers (in the first
    column, headed ``index_name``). The table is sent as one piece of HTML with every value escaped: a
    data frame for st.table or st.dataframe costs 2 ms to convert on every rerun. ``shades`` colours
    whole columns (column name → CSS colour, a constant of the page) so that the ones the text talks
    about stand out; ``help`` gives a column header a hover text.
    """
    shades, help = shades or {}, help or {}
    headers, records, keys = _records(rows)
    columns = [str(c) for c in keys]

    def attrs(column: str, header: bool = False) -> str:
        out = f' style="background-color:{shades[column]}"' if column in shades else ""
        if header and column in help:
            out += f' title="{html.escape(help[column])}"'
        return out

    esc = html.escape
    head = (f'<th scope="col">{esc(index_name)}</th>' if headers is not None else "") + "".join(
        f'<th scope="col"{attrs(c, True)}{_ONE_WORD if " " not in c else ""}>{esc(c)}</th>' for c in columns)
    lines = []
    for k, record in enumerate(records):
        texts = [_cell(record.get(c)) for c in keys]
        cells = (f'<th scope="row">{esc(headers[k])}</th>' if headers is not None else "") + "".join(
            f"<td{attrs(c)}{_ONE_WORD if ' ' not in text else ''}>{esc(text)}</td>" for c, text in zip(columns, texts))
        lines.append(f"<tr>{cells}</tr>")
    st.html(f'<div class="gd-table-wrap"><table class="gd-table"><thead><tr>{head}</tr></thead>'
            f'<tbody>{"".join(lines)}</tbody></table></div>')
    if not presenting():
        st.download_button(tr("This table (CSV)"), data=lambda: table_csv(rows, index_name),
                           file_name=f"{_page()}-{key}.csv", mime="text/csv", on_click="ignore",
                           icon=":material/download:", key=f"{_page()}:{key}:table-csv", type="tertiary")


def table_csv(rows: Rows, index_name: str = "") -> str:
    """What :func:`table`'s download holds: the table as CSV, its columns and row headers as shown."""
    headers, records, keys = _records(rows)
    frame = pd.DataFrame(records, columns=keys)
    if headers is None:
        return frame.to_csv(index=False)
    frame.index = pd.Index(headers, name=index_name or None)
    return frame.to_csv()


def chart_table(fig: figures.Fig) -> pd.DataFrame:
    """The points of a figure's lines, markers and bars as a table: one row per point, with the series'
    name, the point's index in it (t, for a path) and its coordinates under the axes' titles."""
    layout = fig.layout

    def axis_title(name: str, default: str) -> str:
        title = layout.get(name, {}).get("title")
        return (title.get("text") if isinstance(title, dict) else title) or default

    x_name, y_name = axis_title("xaxis", "x"), axis_title("yaxis", "y")
    frames = []
    for trace in fig.data:
        if trace.get("type") not in ("scatter", "bar", "scatter3d") or trace.get("x") is None \
                or trace.get("y") is None:
            continue
        columns = {tr("series"): trace.get("name") or "", tr("point"): np.arange(len(trace["x"])),
                   x_name: np.asarray(trace["x"]), y_name: np.asarray(trace["y"])}
        if trace["type"] == "scatter3d" and trace.get("z") is not None:
            columns["z"] = np.asarray(trace["z"])
        frames.append(pd.DataFrame(columns))
    return pd.concat(frames, ignore_index=True) if frames else pd.DataFrame()


def chart(fig: figures.Fig, key: str | None = None) -> None:
    """Draw a figure the same way everywhere; in presenter mode taller and in larger print.

    Below it, a button downloads the figure's points as CSV (made only when clicked); the camera icon
    of Plotly's own toolbar saves the figure as PNG.
    """
    if presenting():
        figures.presenter(fig)
    st.plotly_chart(fig.drawn(), width="stretch", key=key,
                    config={"displaylogo": False, "toImageButtonOptions": {"format": "png", "scale": 2}})
    if key and not presenting():
        st.download_button(tr("Data of this chart (CSV)"), data=lambda: chart_table(fig).to_csv(index=False),
                           file_name=f"{_page()}-{key}.csv", mime="text/csv", on_click="ignore",
                           icon=":material/download:", key=f"{_page()}:{key}:csv", type="tertiary")


def notice(points: Sequence[str]) -> None:
    """The page's closing "what to notice"."""
    st.subheader(tr("What to notice"))
    st.markdown("\n".join(f"- {p}" for p in points))
