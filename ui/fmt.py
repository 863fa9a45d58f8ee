"""Numbers, LaTeX and user text on screen, and gd_core's refusals in the page's language."""

from __future__ import annotations

import math
import re

from i18n import tr, translate


def fmt_param(value: float) -> str:
    """A hyperparameter as it goes into the URL and on screen: shortest exact form."""
    return f"{value:g}" if isinstance(value, float) else str(value)


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
