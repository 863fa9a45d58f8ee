"""Figure titles that fit a phone: Plotly draws a title as one SVG line that never wraps, so a long one runs past
the figure's right edge on a narrow screen. :func:`fit_title` breaks it into lines (Plotly's ``<br>``) at a width
that fits, and makes room above the plot for the lines it adds."""

from __future__ import annotations

import functools
import re
import unicodedata

from .fig import Fig

__all__ = ["PHONE_TITLE_WIDTH", "PRESENTER_TITLE_WIDTH", "break_title", "fit_title", "text_width"]

PHONE_TITLE_WIDTH = 320
"""The widest a title line may be, in px: a chart on a phone 360–390 px wide is 326–356 px wide, and the title
starts a few px in from its left edge."""
PRESENTER_TITLE_WIDTH = 430
"""The same on a projector: the narrowest chart there (one of two columns at 1024×768) is about 470 px wide."""
LINE_SPACING = 1.3
"""Plotly's distance between the lines of a text, in units of its font size."""

_NARROW = set(" .,:;'!|()[]{}ijlfrtI/-‐–·′″") | set("ᵗⁱ⁰¹²³⁴⁵⁶⁷⁸⁹₀₁₂₃₄₅₆₇₈₉ᵢ")
_WIDE = set("mwMW@%…—")
_CLOSING = set("，。、：；！？）」』》〉,.:;!?)]′″ᵗⁱ")
"""Characters that stay on the line of the character before them."""
_OPENING = set("（「『《〈([")
"""Characters that stay on the line of the character after them."""
_TAG = re.compile(r"<[^>]*>")
_BREAK = re.compile(r"<br\s*/?>", re.IGNORECASE)


def _char_width(ch: str) -> float:
    """A character's width in ems, a little wider than a sans-serif font draws it (Inter, Helvetica, Arial)."""
    if unicodedata.east_asian_width(ch) in ("W", "F"):
        return 1.0
    if ch in _NARROW:
        return 0.3
    if ch in _WIDE:
        return 0.85
    if ch.isupper() or ch.isdigit():
        return 0.6
    return 0.51


def text_width(text: str, size: float) -> float:
    """The width of one line of title text at font ``size`` px, estimated from its characters (tags take none)."""
    return sum(_char_width(ch) for ch in _TAG.sub("", text)) * size


def _cjk(ch: str) -> bool:
    return unicodedata.east_asian_width(ch) in ("W", "F")


def _pieces(line: str) -> list[str]:
    """The pieces a line may break between: a word with the spaces after it, or one CJK character; closing marks
    (，。：）) stay with what comes before them, opening marks with what follows, and nothing breaks at a tag."""
    atoms = [m.group() for m in re.finditer(r"<[^>]*>| +|.", line)]
    pieces: list[str] = []
    prev = ""
    depth = 0  # inside parentheses: (w, b) stays whole
    for atom in atoms:
        if not pieces:
            pieces.append(atom)
        elif atom.startswith(" "):
            pieces[-1] += atom  # spaces end the piece before them
        elif prev.startswith(" ") and depth == 0:
            pieces.append(atom)  # a break at a space
        elif atom.startswith("<") or prev.startswith("<") or atom in _CLOSING or prev in _OPENING:
            pieces[-1] += atom
        elif _cjk(atom) or _cjk(prev[-1]):
            pieces.append(atom)  # a break between Chinese characters
        else:
            pieces[-1] += atom
        depth = max(0, depth + (atom in "([（") - (atom in ")]）"))
        prev = atom
    return pieces


@functools.lru_cache(maxsize=4096)
def break_title(text: str, size: float, width: float = PHONE_TITLE_WIDTH) -> str:
    """``text`` with ``<br>`` where its lines must break to be at most ``width`` px wide at font ``size`` px.

    Latin text breaks at spaces (the space goes) outside parentheses, Chinese between characters, never before a
    closing mark (，。：） or after an opening one; a word longer than the line stays whole. The lines are balanced:
    as many as ``width`` needs, each as short as that many allows. Breaks already in the text stay.

    A pure function of its arguments, remembered: a page's titles come back on every rerun.
    """
    lines: list[str] = []
    for given in _BREAK.split(text or ""):
        pieces = _pieces(given)
        fitted = _fill(pieces, size, width)
        # Balanced: the narrowest width that needs no more lines, so the last line is not one lone word.
        narrower = width
        while narrower > width / 2:
            tried = _fill(pieces, size, narrower - 4)
            if len(tried) > len(fitted):
                break
            narrower -= 4
        lines += _fill(pieces, size, narrower)
    return "<br>".join(lines)


def _fill(pieces: list[str], size: float, width: float) -> list[str]:
    """The pieces in lines, each taking as many as fit in ``width`` px (a piece wider than that gets a line)."""
    lines: list[str] = []
    line = ""
    for piece in pieces:
        if line and text_width(line + piece.rstrip(), size) > width:
            lines.append(line.rstrip())
            line = piece
        else:
            line += piece
    lines.append(line.rstrip())
    return lines


def fit_title(fig: Fig, width: float = PHONE_TITLE_WIDTH, grow: bool = True) -> Fig:
    """Break the figure's title into lines at most ``width`` px wide (:func:`break_title`) and make the top margin
    taller by the lines it adds, so that they stay above the plot; with ``grow`` the figure grows by as much, so
    the plot keeps its size (presenter mode keeps the figure's height: it fits the projector's window)."""
    title = fig.layout.get("title")
    text = title.get("text") if isinstance(title, dict) else title
    if not text:
        return fig
    size = ((title.get("font") or {}).get("size") if isinstance(title, dict) else None) \
        or (fig.layout.get("font") or {}).get("size") or 17
    before = len(_BREAK.split(text))
    broken = break_title(text, size, width)
    added = len(_BREAK.split(broken)) - before
    fig.update_layout(title={"text": broken})
    if added > 0:
        extra = round(added * LINE_SPACING * size)
        margin = fig.layout.get("margin") or {}
        fig.update_layout(margin={"t": margin.get("t", 100) + extra})
        if title.get("yanchor") == "top":
            # Plotly centres a text's lines on its anchor: the lines added would rise above the figure's top edge.
            # Half of them (and 2 px more) down puts the first line where a one-line title is.
            pad = (title.get("pad") or {}).get("t", 0)
            fig.update_layout(title={"pad": {"t": pad + round(added * LINE_SPACING * size / 2) + 2}})
        if grow and fig.layout.get("height"):
            fig.update_layout(height=fig.layout["height"] + extra)
    return fig
