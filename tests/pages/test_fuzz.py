"""Fuzzing every page of the app: random values on every widget and random garbage in every URL parameter.

For each page listed in app.py, hypothesis draws a query string (garbage, hostile formulas, ``nan``/``inf``,
control characters, valid values, repeated keys; for the page's tabs, one of their labels or garbage) and
opens the page with it, then twice: perhaps opens another tab (only the open tab is built, ui.views), and
moves every widget on screen to a random value (sliders on their step grid, number inputs within their
range, one of the options of each select box, radio, select slider and segmented control, switches, text
inputs filled from a corpus of hostile formula-like text, the ◀ / ▶ buttons). The URL keys of the widgets
on every tab are fuzzed in the link. After each run:

- no uncaught exception (``at.exception`` is empty; pytest's warnings-as-errors stays on, so a NumPy
  warning in the script is an exception there);
- no ``nan``/``inf`` shown as a number: metrics, Markdown, captions, alerts, LaTeX, tables and the
  charts' titles, annotations and trace names are scanned. What the user typed (or the link carried) is
  not counted when the page quotes it back in a code span.

Budget: ``FUZZ_EXAMPLES`` examples per page (default 3, the CI budget: the file runs in well under 90 s);
``FUZZ_EXAMPLES=500 pytest tests/pages/test_fuzz.py`` for a long run. CI's hypothesis profile (tests/conftest.py)
is derandomized, so a CI failure reproduces.
"""

from __future__ import annotations

import json
import math
import os
import re
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from streamlit.testing.v1 import AppTest

from tests.apptest_helpers import APP, bound_tab_keys, choose_tab, every_view, open_page, tab_labels, tables
from ui.nav import LESSONS

ROOT = Path(APP).parent
PAGES = [lesson.script for lesson in LESSONS]
EXAMPLES = int(os.environ.get("FUZZ_EXAMPLES", "3"))
ROUNDS = 2  # widget rounds per example: the second reaches widgets the first one revealed

HOSTILE = [
    "__import__('os')", "__import__('os').system('true')", "x.__class__", "x.__class__.__mro__",
    "a" * 10**3, "1e999", "-1e999", "(" * 200, ")" * 200, "x^x^x^x", "exp(exp(exp(x)))", "log(-x)",
    "sqrt(-1)", "1/(x-x)", "0/0", "x/0", "nan", "inf", "-inf", "NaN", "Infinity", "zoo", "oo", "I",
    "x**10**10", "10**400", "9" * 400, "1e-400", "x^2 + 3*y^2", "sin(x)*cos(y)", "lambda: 0", "eval('1')",
    "x; import os", "x\ny", "x\x00", "\x1b[31mx", "\u202ex+y", "θ₁^2", "ｘ^2", "x²", "𝑥+𝑦", "💥", "",
    " ", "   x   ", "x +", "* x", "x y", "abs(x)+abs(y)", "tanh(x*1e308)", "exp(710)", "exp(-x**2-y**2)",
    "Symbol('x')", "x.__globals__", "[x]", "{x}", "x if y else 0", "x == y", "x & y", "~x", "x @ y",
    "%s%s%n", "${x}", "<script>alert(1)</script>", "**bold** `code`", "\\frac{1}{0}", "\t", "\r\n",
    "5e-324", "-5e-324, 0.1", "1e-310, 1e-310, 0.1", "1e-200", "1e6, 1e6, 1e6", "0, 0, 0", "1,,2", "1;2;3",
]
"""Formula-ish text a curious or hostile student might type (or put in a link)."""

URL_GARBAGE = [
    *HOSTILE, "custom", "1", "0", "-1", "true", "false", "on", "off", "1.5", "0.1", "-0", "1e-320",
    "1e308", "-1e308", "0x10", "1_000", "١٢", "  3 ", "3,5", "2/3", "None", "null", "[]", "{}", "%",
    "%00", "&a=b", "#frag", "?x=1", "../../etc/passwd", "99999999999999999999999", "-99999999999999999999",
]
"""Values for URL parameters: garbage, non-finite numbers, and some valid ones."""

NUMBERISH = re.compile(r"(?<![A-Za-z])(nan|inf|infinity)(?![A-Za-z])", re.IGNORECASE)
CODE_SPAN = re.compile(r"`[^`]*`")
UI_KEY = re.compile(r"^[a-z_]+:(.+)$")


def formulaish() -> st.SearchStrategy[str]:
    """Hostile corpus entries, random unicode (control characters included), and mixes of both."""
    pieces = st.sampled_from(["x", "y", "+", "-", "*", "/", "^", "**", "(", ")", "1", "0", "2.5", "e", "pi",
                              "sin(", "exp(", "log(", "sqrt(", "abs(", "1e308", "nan", " "])
    return st.one_of(
        st.sampled_from(HOSTILE),
        st.text(max_size=40),
        st.text(alphabet=st.characters(codec="utf-8"), max_size=12),
        st.lists(pieces, min_size=1, max_size=25).map("".join),
    )


def url_value() -> st.SearchStrategy[str]:
    return st.one_of(
        st.sampled_from(URL_GARBAGE),
        formulaish(),
        st.floats(allow_nan=True, allow_infinity=True).map(repr),
        st.integers(min_value=-(10**30), max_value=10**30).map(str),
    )


# --- discovering the URL keys of each page -----------------------------------------------------

_KEYS: dict[str, list[str]] = {}
_TABS: dict[str, dict[str, list[str]]] = {}


def _url_keys(at: AppTest) -> set[str]:
    """The URL keys of the widgets on screen: ui's widget keys are "<page>:<url key>"."""
    keys = set()
    for kind in ("slider", "select_slider", "number_input", "selectbox", "radio", "toggle", "checkbox",
                 "text_input", "button_group"):
        for widget in at.get(kind):
            match = UI_KEY.match(widget.key or "")
            if match and ":" not in match.group(1):
                keys.add(match.group(1))
    return keys | set(at.query_params)


def page_keys(page: str) -> list[str]:
    """The page's URL keys, including those of widgets on every tab (ui.views builds only the open one) and
    those that appear once a picker says "custom"."""
    if page not in _KEYS:
        at = open_with(page, {})
        keys = _url_keys(at)
        tabs: dict[str, list[str]] = {}
        for _view in every_view(at):
            keys |= _url_keys(at)
            tabs.update({key: tab_labels(at, key) for key in bound_tab_keys(at)})
        _TABS[page] = tabs
        keys -= set(tabs)
        changed = False
        for kind in ("selectbox", "radio", "button_group"):
            for widget in at.get(kind):
                custom = [o for o in widget.options if "…" in o or "..." in o]
                if custom:
                    widget.set_value(custom[0])
                    changed = True
        if changed:
            at.run()
            keys |= _url_keys(at)
        _KEYS[page] = sorted(keys)
    return _KEYS[page]


# --- running and checking a page -------------------------------------------------------------------

def open_with(page: str, query: dict[str, list[str]]) -> AppTest:
    return open_page(page, query, check=False)


def _shown_texts(at: AppTest) -> list[tuple[str, str]]:
    """(where, text) for every number-bearing text on screen."""
    out: list[tuple[str, str]] = []
    for m in at.metric:
        out += [("metric", m.label), ("metric", str(m.value)), ("metric delta", str(m.proto.delta or ""))]
    for kind in ("markdown", "caption", "latex", "text", "error", "warning", "info", "success", "title",
                 "header", "subheader"):
        out += [(kind, str(el.value)) for el in at.get(kind)]
    frames = [("table", frame) for frame in tables(at)]
    frames += [(kind, el.value) for kind in ("table", "dataframe") for el in at.get(kind)]
    for kind, frame in frames:
        out.append((kind, " | ".join(str(v) for v in frame.columns)))
        out.append((kind, " | ".join(str(v) for v in frame.index)))
        for row in frame.itertuples(index=False):
            for v in row:
                if isinstance(v, float) and not math.isfinite(v):
                    out.append((kind, f"a non-finite number in a cell: {v!r}"))
                else:
                    out.append((kind, str(v)))
    for el in at.get("plotly_chart"):
        fig = json.loads(el.proto.spec)
        layout = fig.get("layout", {})
        title = layout.get("title", {})
        out.append(("chart title", str(title.get("text", "")) if isinstance(title, dict) else str(title)))
        out += [("chart annotation", str(a.get("text", ""))) for a in layout.get("annotations", [])]
        out += [("chart trace", str(t.get("name", ""))) for t in fig.get("data", [])]
    return out


def _variants(typed: str) -> set[str]:
    """How a page may quote back what the user typed (whole, trimmed, or shortened by ui.safe)."""
    from ui import safe

    short = safe(typed)
    return {v for v in (typed, typed.strip(), short, short.rstrip("…"), typed[:40]) if v}


def check(at: AppTest, typed: list[str], context: str) -> None:
    assert not at.exception, f"{context}: uncaught exception: {[e.value for e in at.exception]}"
    echoes = set()
    for t in typed:
        echoes |= _variants(t)
    typed_words = {w.lower() for t in typed for w in NUMBERISH.findall(t)}
    for where, text in _shown_texts(at):
        cleaned = CODE_SPAN.sub(" ", text)
        for echo in sorted(echoes, key=len, reverse=True):
            cleaned = cleaned.replace(echo, " ")
        # A word the user typed, quoted back in a message about it ("unknown name 'inf'"), is not a number.
        hits = [h for h in NUMBERISH.finditer(cleaned) if h.group(0).lower() not in typed_words]
        assert not hits, f"{context}: {hits[0].group(0)!r} shown as a number in a {where}: {text[:300]!r}"


# --- drawing widget values ---------------------------------------------------------------------------

def _grid_value(draw, lo, hi, step, integer: bool):
    n = math.floor((hi - lo) / step + 1e-9) if step else 0
    k = draw(st.one_of(st.just(0), st.just(n), st.integers(0, max(n, 0))))
    if integer:
        return int(min(max(lo + k * step, lo), hi))
    return float(min(max(round(lo + k * step, 10), lo), hi))


def move_widgets(at: AppTest, draw, typed: list[str]) -> list[str]:
    """Set every widget on screen to a random value (each with probability ~3/4); returns what was done."""
    done = []
    touch = st.integers(0, 3).map(bool)
    for s in at.slider:
        if not draw(touch):
            continue
        integer = isinstance(s.value, int) and isinstance(s.step, int)
        if isinstance(s.value, (tuple, list)):
            a = _grid_value(draw, s.min, s.max, s.step, integer)
            b = _grid_value(draw, s.min, s.max, s.step, integer)
            s.set_range(min(a, b), max(a, b))
        else:
            s.set_value(_grid_value(draw, s.min, s.max, s.step, integer))
        done.append(f"slider {s.key}={s.value}")
    for s in at.select_slider:
        if draw(touch):
            s.set_value(draw(st.sampled_from(s.options)))
            done.append(f"select_slider {s.key}={s.value}")
    for n in at.number_input:
        if not draw(touch):
            continue
        lo = n.min if n.min is not None else -1e6
        hi = n.max if n.max is not None else 1e6
        if isinstance(n.value, int) and not isinstance(n.value, bool):
            value = draw(st.integers(int(lo), int(hi)))
        else:
            value = draw(st.one_of(st.sampled_from([lo, hi, (lo + hi) / 2, 0.0 if lo <= 0 <= hi else lo]),
                                   st.floats(lo, hi, allow_nan=False, allow_infinity=False)))
        n.set_value(value)
        done.append(f"number_input {n.key}={value!r}")
    for kind in ("selectbox", "radio", "button_group"):
        for w in at.get(kind):
            if w.options and draw(touch):
                w.set_value(draw(st.sampled_from(w.options)))
                done.append(f"{kind} {w.key}={w.value!r}")
    for kind in ("toggle", "checkbox"):
        for w in at.get(kind):
            if draw(touch):
                w.set_value(draw(st.booleans()))
                done.append(f"{kind} {w.key}={w.value}")
    for t in at.text_input:
        if not draw(touch):
            continue
        value = draw(formulaish())
        if t.max_chars:
            value = value[: t.max_chars]
        t.set_value(value)
        typed.append(value)
        done.append(f"text_input {t.key}={value!r}")
    buttons = [b for b in at.button if (b.key or "").endswith((":prev", ":next"))]
    if buttons and draw(st.booleans()):
        b = draw(st.sampled_from(buttons))
        b.click()
        done.append(f"button {b.key}")
    return done


def page_tabs(page: str) -> dict[str, list[str]]:
    """The page's tabs bound to the link: their key and labels."""
    page_keys(page)
    return _TABS[page]


@st.composite
def queries(draw, keys: list[str], tabs: dict[str, list[str]]) -> dict[str, list[str]]:
    """A query string: each of the page's keys absent, or with one or more values; sometimes unknown keys.
    A tab key gets one of its labels (twice in three) or garbage."""
    query: dict[str, list[str]] = {}
    for key in keys:
        if draw(st.integers(0, 2)):
            query[key] = draw(st.lists(url_value(), min_size=1, max_size=2))
    for key, labels in tabs.items():
        if draw(st.integers(0, 2)):
            tab_value = st.one_of(st.sampled_from(labels), st.sampled_from(labels), url_value())
            query[key] = draw(st.lists(tab_value, min_size=1, max_size=2))
    extra = draw(st.lists(st.tuples(st.text(min_size=1, max_size=8), url_value()), max_size=2))
    for key, value in extra:
        query.setdefault(key, []).append(value)
    return query


@pytest.mark.parametrize("page", PAGES)
@settings(max_examples=EXAMPLES, deadline=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(data=st.data())
def test_fuzz_page(page: str, data) -> None:
    query = data.draw(queries(page_keys(page), page_tabs(page)), label="query")
    typed = [v for values in query.values() for v in values]
    at = open_with(page, query)
    check(at, typed, f"{page} opened with {query!r}")
    for round_ in range(ROUNDS):
        keys = [key for key in bound_tab_keys(at) if key in page_tabs(page)]
        if keys and data.draw(st.booleans()):
            key = data.draw(st.sampled_from(keys))
            label = data.draw(st.sampled_from(tab_labels(at, key)))
            choose_tab(at, key, label)
            at.run()
            check(at, typed, f"{page} round {round_ + 1} after opening the tab {key}={label!r}")
        done = move_widgets(at, data.draw, typed)
        at.run()
        check(at, typed, f"{page} round {round_ + 1} after {done}")


def test_pages_are_read_from_app() -> None:
    assert len(PAGES) >= 10 and all((ROOT / p).is_file() for p in PAGES), PAGES


# --- what the fuzzing found, kept as plain regression tests ---------------------------------------

@pytest.mark.parametrize("key, value", [("g1", "5e-324"), ("g2", "0.1, 1e-310")])
def test_adagrad_subnormal_gradient_is_refused_in_words(key: str, value: str) -> None:
    """A gradient like 5e-324 made η/σ overflow (an uncaught RuntimeWarning on the Adagrad page)."""
    # The sequences' inputs are on tab ③: the link opens it.
    at = open_with("pages/3_adagrad_tables.py", {key: [value], "part": ["③ How surprising it is (反差)"]})
    assert not at.exception, [e.value for e in at.exception]
    assert "Every number must be 0 or at least 1e-100 in size." in [e.value for e in at.error]
