"""URL state: every control is bound to the link.

A value is read from the link when a page opens (checked; a bad value falls back to the default with a
visible note) and written back whenever it changes, so a lecturer can share a link to exactly this setting.
A widget's session key is :func:`state_key` (the page's id and the link's key).
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from typing import Any

import streamlit as st

import gd_core
from i18n import tr
from ui.chrome import RERUN_PAGE, link_note, page_id
from ui.fmt import fmt_param, safe

MAX_FORMULA = gd_core.expr.MAX_LENGTH


KEPT = "_kept"
"""The one session entry that keeps every page's widget values (session key → value) while a widget is not drawn
(another page, a hidden tab). One entry, not one per widget: Streamlit looks through the whole session state each
time it draws a select box, a number input or a text field (``filtered_state``), so its cost grew with every
page a lecture had visited (106 such entries after one walk through the lessons)."""


def _kept() -> dict:
    """The kept values (:data:`KEPT`), made on first use."""
    kept = st.session_state.get(KEPT)
    if kept is None:
        kept = st.session_state[KEPT] = {}
    return kept


def state_key(key: str) -> str:
    """The session key of this page's widget whose link key is ``key`` (``step:eta`` for ``?eta=`` on step by step)."""
    return f"{page_id()}:{key}"


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
    skey = state_key(key)
    kept = _kept()
    if clip is not None:
        if skey in st.session_state:
            st.session_state[skey] = clip(st.session_state[skey])
        if skey in kept:
            kept[skey] = clip(kept[skey])
    if skey not in st.session_state:
        value = kept.get(skey, default)
        raw_all = st.query_params.get_all(key)
        if raw_all:
            raw = raw_all[-1]
            try:
                value = parse(raw)
            except (ValueError, TypeError, OverflowError, KeyError):
                link_note(label, raw, (shown or serialize)(default))
                value = default
        st.session_state[skey] = value
    value = make(skey)
    kept[skey] = value
    text = serialize(value)
    if value == default:
        if key in st.query_params:
            del st.query_params[key]
    elif st.query_params.get(key) != text:
        st.query_params[key] = text
    return value


def reset(*keys: str) -> None:
    """Forget this page's widgets ``keys`` (their values and their URL entries): drawn after this, they
    show their defaults. Call it before drawing them, e.g. when their defaults depend on another choice."""
    for key in keys:
        skey = state_key(key)
        st.session_state.pop(skey, None)
        _kept().pop(skey, None)
        if key in st.query_params:
            del st.query_params[key]


def set_widgets(values: dict[str, Any]) -> None:
    """Set this page's widgets (link key → value), e.g. as a button's ``on_click``: drawn after this, in the
    rerun the click starts, they show these values (and the link follows)."""
    for key, value in values.items():
        st.session_state[state_key(key)] = value
    st.session_state[RERUN_PAGE] = True  # they may be drawn above the part of the page that holds this control


def kept_int(key: str, lo: int, hi: int, default: int) -> int:
    """The value of this page's integer widget ``key`` when it is not drawn in this run (it sits in a
    hidden tab): as last set, else from the link, else ``default``; clipped to lo … hi."""
    skey = state_key(key)
    value = st.session_state.get(skey, _kept().get(skey))
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


def slider(key: str, label: str, lo: float, hi: float, default: float, step: float,
           help: str | None = None, fmt: str | None = None, where=st) -> float:
    """A float slider bound to the URL."""
    return _bound(key, label, default, _float_in(lo, hi),
                  lambda k: where.slider(label, lo, hi, st.session_state[k], step=step, key=k, help=help, format=fmt),
                  fmt_param, clip=lambda v: min(max(float(v), lo), hi))


def int_slider(key: str, label: str, lo: int, hi: int, default: int, help: str | None = None, where=st) -> int:
    """An integer slider bound to the URL."""
    return _bound(key, label, default, _int_in(lo, hi),
                  lambda k: where.slider(label, lo, hi, st.session_state[k], step=1, key=k, help=help), str,
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


def int_set(key: str, label: str, options: Sequence[int], default: Sequence[int], help: str | None = None,
            where=st) -> list[int]:
    """Several of ``options`` (whole numbers) chosen at once, in increasing order; the URL holds them as
    ``0,1,3`` (an empty choice as ``none``)."""
    allowed = [int(o) for o in options]

    def parse(raw: str) -> list[int]:
        if raw.strip() == "none":
            return []
        values = sorted({int(part) for part in raw.split(",")})
        if any(v not in allowed for v in values):
            raise ValueError("not an option")
        return values

    return _bound(key, label, sorted(int(v) for v in default), parse,
                  lambda k: sorted(where.multiselect(label, allowed, key=k, help=help)),
                  lambda v: ",".join(str(x) for x in v) or "none")


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


def views(key: str, options: dict[str, str]) -> Sequence:
    """Tabs whose content is made only when shown: ``with tab: if tab.open: ...``.

    ``options`` maps each tab's link value (a stable word such as ``3d``) to its label. Choosing a tab
    reruns the page with it open, so a slider on the first view does not also rebuild the figures of the
    hidden ones. The open tab is in the link as ``key`` (``?view=3d``; the first tab leaves the link),
    in every language; a link value that names no tab opens the first. Leaving the page and coming back
    through a link without ``key`` (the navigation's) keeps the tab that was open.
    """
    skey = state_key(key)
    kept, seen = _kept(), f"_seen:{skey}"
    first = next(iter(options))
    raw = st.query_params.get(key)
    if seen not in st.session_state or (raw is not None and raw != st.session_state[seen]):
        chosen = raw if raw in options else first  # the link was opened or edited: it says which tab
    # A link without the key (the top menu's, the home page's: they carry no query) keeps the tab as kept.
    else:
        by_label = {label: value for value, label in options.items()}
        chosen = by_label.get(st.session_state.get(skey), kept.get(skey, first))  # a click, or as kept
        chosen = chosen if chosen in options else first
    st.session_state[skey] = options[chosen]
    tabs = st.tabs(list(options.values()), key=skey, on_change="rerun")
    kept[skey] = chosen
    if chosen == first:
        if key in st.query_params:
            del st.query_params[key]
    elif raw != chosen:
        st.query_params[key] = chosen
    st.session_state[seen] = st.query_params.get(key)
    return tabs
