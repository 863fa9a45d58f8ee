"""Shared widgets, URL state, number formatting and the cached calls into gd_core.

Every control is bound to the URL: its value is read from the link when a page opens
(checked; a bad value falls back to the default with a visible note) and written back
whenever it changes, so a lecturer can share a link to exactly this setting.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Sequence
from typing import Any

import numpy as np
import streamlit as st

import gd_core
from gd_core import optimizers, schedules
from gd_core.grid import curve_values, loss_grid
from i18n import tr

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
</style>
"""


def start_page(page_id: str, title: str, intro: str, formula: str | None = None) -> None:
    """Title, the lecture's point in a few sentences, and the slot for notes about the link."""
    st.html(_CSS)
    st.session_state["_page"] = page_id
    st.title(title)
    if formula:
        left, right = st.columns([3, 2], vertical_alignment="center")
        left.markdown(intro)
        right.latex(formula)
    else:
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
           serialize: Callable[[Any], str] = str, clip: Callable[[Any], Any] | None = None) -> Any:
    """Create a widget whose value lives in the URL under ``key``.

    ``parse`` turns the URL text into a value or raises ``ValueError``; ``make(state_key)``
    draws the widget reading its value from ``st.session_state[state_key]``; ``clip`` brings a
    value kept from an earlier run into the widget's current range (which may have changed).
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
                _note(label, raw, serialize(default))
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
           where=st, horizontal: bool = False, kind: str = "select") -> str:
    """A choice among ``options`` (value → label shown); the URL holds the value, not the label."""
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

    return _bound(key, label, default, parse, make)


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


def preset_options(keys: Sequence[str] | None = None, custom: bool = True) -> dict[str, str]:
    keys = list(keys or gd_core.PRESETS)
    options = {k: f"{tr(gd_core.PRESETS[k].title)}:  {gd_core.PRESETS[k].formula}" for k in keys}
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
    key = choice("loss", tr("Loss L(θ₁, θ₂)"), preset_options(keys), default, where=where)
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
        where.error(tr("This formula cannot be used: {reason}.", reason=str(exc)), icon="✏️")
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
        where.error(tr("This file cannot be used: {reason}. The built-in data is shown instead.", reason=str(exc)),
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


def chart(fig, key: str | None = None) -> None:
    """Draw a Plotly figure the same way everywhere."""
    st.plotly_chart(fig, width="stretch", key=key,
                    config={"displaylogo": False, "toImageButtonOptions": {"format": "png", "scale": 2}})


def notice(points: Sequence[str]) -> None:
    """The page's closing "what to notice"."""
    st.subheader(tr("What to notice"))
    st.markdown("\n".join(f"- {p}" for p in points))
