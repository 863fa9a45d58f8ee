"""The controls several lessons share: the loss picker, θ⁰, η, the update t."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import streamlit as st

import gd_core
from gd_core.grid import window
from i18n import tr
from ui.chrome import page_id
from ui.fmt import reason
from ui.services import parse_cached
from ui.state import choice, int_slider, log_slider, number, set_widgets, slider, state_key, text

CUSTOM = "custom"
"""The loss picker's value for a typed formula."""


LR_OPTIONS = (0.001, 0.002, 0.005, 0.01, 0.02, 0.03, 0.05, 0.1, 0.15, 0.2, 0.25, 0.3, 0.35, 0.4, 0.45,
              0.48, 0.5, 0.52, 0.55, 0.6, 0.7, 0.8, 0.9, 1.0, 1.2, 1.5, 2.0, 3.0)
"""The learning rates a slider offers: dense where the lessons' thresholds are."""


def lr_slider(key: str = "eta", default: float = 0.1, label: str | None = None, where=st) -> float:
    """The learning rate η."""
    return log_slider(key, label or tr("Learning rate η"), LR_OPTIONS, default,
                      help=tr("How far each update moves against the gradient."), where=where)


def circle_radius(d_max: float, where=st) -> float:
    """The radius d of the red circle (link key ``d``), 0 … ``d_max``: the theory lesson's red circle and Newton's
    method draw it right under their figures."""
    return slider("d", tr("Radius d of the red circle"), 0.0, d_max, 0.5, 0.05, where=where,
                  help=tr("The step stays inside this circle around (a, b): the learning rate is η = d/‖∇L‖."))


def under_figure(key: str, where=st):
    """Two boxes, one under the other: a figure's, then that of the one or two controls that drive it (a container
    with ``key``, its CSS class ``st-key-<key>``; a row of columns in it stays a row on a phone). The page draws the
    controls first (the figure needs their values) and the figure after: the figure still shows above them. One
    layout on every screen: moving them, a student sees the figure change, on a phone too (its sidebar starts
    folded). Returns ``(figure box, controls box)``."""
    return where.container(), where.container(key=key)


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
        "wide": tr("Wide parabola L = 0.25x²"), "v_shape": tr("V-shaped L = x²/4 + 2√(1+x²) − 2"),
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


_PLAY_PACES = {"slow": 1.6, "normal": 0.9, "fast": 0.45}
"""Seconds between two updates while the stepper plays (its speed control)."""


def _play_tick(skey: str, last: int, playing: str, fresh: str) -> None:
    """The play timer's body: nothing in the page's own run; on each timer run, one update on (the page is
    rerun with it), stopping at the last."""
    if st.session_state.pop(fresh, False):
        return
    value = int(st.session_state.get(skey, 0))
    if not st.session_state.get(playing) or value >= last:
        st.session_state[playing] = False
        st.rerun()
    st.session_state[skey] = value + 1
    if value + 1 >= last:
        st.session_state[playing] = False
    st.rerun()


def stepper(key: str, label: str, last: int, default: int = 0, back: str | None = None, forward: str | None = None,
            where=st) -> int:
    """Pick a step 0 … ``last`` with a slider between ‹ and › buttons (``back`` and ``forward`` are their
    names, "Previous update" and "Next update" unless given); ``default`` is clipped to the range.

    Keys: ← and → always; PageUp and PageDown too (presentation clickers), unless the lecture deck is on, whose
    bar then owns them (and steps this stepper first, :mod:`ui.deck`). A button takes one shortcut: outside the
    deck ‹ › take PageUp and PageDown, and the page's script (ui/chrome.py) presses them on ← and →. Space plays
    and pauses: one update per tick of a timer (a fragment that reruns the page), at the speed control's pace,
    stopping at the last update."""
    from ui.deck import DECK_STEPPER_KEY, deck_active

    default = int(min(max(default, 0), last))
    skey = state_key(key)
    playing, fresh = f"_play:{skey}", f"_play_fresh:{skey}"
    st.session_state[DECK_STEPPER_KEY] = {"page": page_id(), "key": skey, "last": int(last)}

    def move(delta: int) -> None:
        st.session_state[playing] = False
        st.session_state[skey] = int(min(max(st.session_state.get(skey, default) + delta, 0), last))

    def play() -> None:
        on = not st.session_state.get(playing, False)
        if on and st.session_state.get(skey, default) >= last:
            st.session_state[skey] = 0
        st.session_state[playing] = on and last > 0

    deck = deck_active()
    back, forward = back or tr("Previous update"), forward or tr("Next update")
    if last == 0:
        where.caption(tr("Only one update."))
        return 0
    value = int_slider(key, label, 0, last, default, where=where)
    on = bool(st.session_state.get(playing, False)) and value < last
    # One row under the slider, each button wide enough to show its key. The buttons' labels are their names,
    # read aloud; on screen CSS (ui/chrome.py, "gd-stepper") shows ‹ and › in their place.
    # Outside the deck, ← and → press ‹ and › through the page's script (ui/chrome.py: "gd-stepper-keys-"), which
    # leaves the arrows to a focused field, slider or tab; in the deck the buttons take them as their shortcuts.
    row = where.container(key=f"gd-stepper-{'' if deck else 'keys-'}{skey.replace(':', '_')}")
    c1, c3 = row.columns(2, vertical_alignment="center", gap="small")
    c1.button(back, key=f"{skey}:prev", on_click=move, args=(-1,),
              shortcut="Left" if deck else "PageUp",
              help=back if deck else tr("{name} (PageUp or ←)", name=back), width="stretch")
    c3.button(forward, key=f"{skey}:next", on_click=move, args=(1,),
              shortcut="Right" if deck else "PageDown",
              help=forward if deck else tr("{name} (PageDown or →)", name=forward), width="stretch")
    row.button(tr("Pause") if on else tr("Play"), icon=":material/pause:" if on else ":material/play_arrow:",
               key=f"{skey}:play", on_click=play, shortcut="Space", width="stretch",
               help=tr("Step through the updates one after another; the numbers follow."))
    pace = choice("pace", tr("Speed"), {"slow": tr("Slow"), "normal": tr("Normal"), "fast": tr("Fast")}, "normal",
                  kind="segmented", where=where)
    if on:
        st.session_state[fresh] = True
        with where.container():
            st.fragment(_play_tick, run_every=_PLAY_PACES[pace])(skey, last, playing, fresh)
    return value


def step_control(n_updates: int, key: str = "t", label: str | None = None, where=st, default: int = 0) -> int:
    """Pick update t (0 … n−1) with a slider and ‹ / › buttons; ``default`` is clipped to the run."""
    if n_updates <= 0:
        return 0
    return stepper(key, label or tr("Update t (from θᵗ to θᵗ⁺¹)"), n_updates - 1, default, where=where)


def fit_window(x_range, y_range, *paths, grow: float = 3.0):
    """The plot window: the preset's, widened to show the paths (at most ``grow`` times as wide), padded a little."""
    corners = [(x_range[0], y_range[0]), (x_range[1], y_range[1])]
    return window(corners, paths, pad=0.05, grow=(grow - 1) / 2)


def square_window(x_range, y_range, anchors, *paths, grow: float = 0.5):
    """A square plot window (the same span on both axes, for a figure drawn at equal scale) around the
    ``anchors`` (points always shown: θ⁰, the minima) and the finite points of ``paths`` up to ``grow``
    times the anchors' span beyond them (a diverging path leaves the window instead of shrinking the rest
    into a corner), at least a quarter of the preset's window ``x_range``, ``y_range`` wide."""
    min_span = 0.25 * min(x_range[1] - x_range[0], y_range[1] - y_range[0])
    return window(anchors, paths, pad=0.12, grow=grow, min_span=min_span, aspect=1.0)


def scaled_window(x_range, y_range, *paths, points=(), aspect: float = 1.2, least: float = 0.3):
    """A plot window for a figure drawn to scale (one unit as long on both axes), ``aspect`` times as wide
    as high: around each path's start and ``points`` (e.g. the minima), holding the paths up to three times
    that span beyond, padded, at least ``least`` of the preset window's larger side across. Near the plot's
    own shape, the plot keeps most of its area on any screen."""
    starts = [np.asarray(p, dtype=float).reshape(-1, 2)[:1] for p in paths if p is not None and np.size(p)]
    anchors = np.concatenate([*starts, np.asarray(points, dtype=float).reshape(-1, 2)])
    min_span = least * max(x_range[1] - x_range[0], y_range[1] - y_range[0])
    return window(anchors, paths, pad=0.12, grow=3.0, min_span=min_span, aspect=aspect)


def setting_buttons(options: dict[str, tuple[str, dict]], per_row: int = 2, key: str = "example",
                    where=st) -> None:
    """One full-width button per option (``options``: name → (label, values)), ``per_row`` buttons a row; a
    click sets this page's widgets to ``values`` (link key → value, :func:`ui.state.set_widgets`) in the rerun
    it starts. The buttons' keys are ``key:name``."""
    names = list(options)
    for first in range(0, len(names), per_row):
        for col, name in zip(where.columns(per_row), names[first:first + per_row]):
            label, values = options[name]
            col.button(label, key=f"{key}:{name}", on_click=set_widgets, args=(values,), width="stretch")
