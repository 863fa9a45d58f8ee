"""Helpers for AppTest-driven page tests: open a page of the app, read what it shows."""

from __future__ import annotations

from collections.abc import Iterator
from html.parser import HTMLParser
from pathlib import Path

import numpy as np
import pandas as pd
from streamlit.testing.v1 import AppTest

TIMEOUT = 60
APP = str(Path(__file__).resolve().parents[1] / "app.py")


def open_page(path: str, query: dict | None = None, check: bool = True) -> AppTest:
    """Run app.py on the lesson file ``path`` (e.g. "pages/1_step_by_step.py"), with a query string;
    ``check`` asserts that no exception was shown."""
    at = AppTest.from_file(APP, default_timeout=TIMEOUT)
    at.run()
    if query:
        at.query_params.update(tab_link(query))
    at.switch_page(path)
    at.run()
    if check:
        assert not at.exception, [e.value for e in at.exception]
    return at


def errors(at: AppTest) -> list[str]:
    return [e.value for e in at.error]


def warnings(at: AppTest) -> list[str]:
    return [w.value for w in at.warning]


def latex(at: AppTest) -> str:
    return "\n".join(el.value for el in at.latex)


def metrics(at: AppTest) -> dict[str, str]:
    return {m.label: m.value for m in at.metric}


class _TableParser(HTMLParser):
    """The cells of ui.table's HTML: per row, (is a header cell, text)."""

    def __init__(self):
        super().__init__()
        self.rows: list[list[tuple[bool, str]]] = []
        self.head_rows = 0
        self._cell: list[str] | None = None
        self._in_head = False

    def handle_starttag(self, tag, attrs):
        if tag == "thead":
            self._in_head = True
        elif tag == "tr":
            self.rows.append([])
            self.head_rows += self._in_head
        elif tag in ("th", "td"):
            self._cell = []
            self._header = tag == "th"

    def handle_endtag(self, tag):
        if tag == "thead":
            self._in_head = False
        elif tag in ("th", "td") and self._cell is not None:
            self.rows[-1].append((self._header, "".join(self._cell)))
            self._cell = None

    def handle_data(self, data):
        if self._cell is not None:
            self._cell.append(data)


def tables(at: AppTest) -> list[pd.DataFrame]:
    """The tables the page shows (ui.table sends each as HTML), in order: a DataFrame of the cells' texts
    as shown, indexed by the row headers when the table has them."""
    out = []
    for el in at.get("html"):
        if 'class="gd-table"' not in el.proto.body:
            continue
        parser = _TableParser()
        parser.feed(el.proto.body)
        (head,), body = parser.rows[:parser.head_rows], parser.rows[parser.head_rows:]
        columns = [text for _, text in head]
        if body and body[0] and body[0][0][0]:  # row headers: the first column is the index
            frame = pd.DataFrame([[text for _, text in row[1:]] for row in body], columns=columns[1:],
                                 index=pd.Index([row[0][1] for row in body], name=columns[0] or None))
        else:
            frame = pd.DataFrame([[text for _, text in row] for row in body], columns=columns)
        out.append(frame)
    return out


def rerun(at: AppTest) -> AppTest:
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    return at


# --- tabs: ui.views binds a page's tabs to the link with stable values (?view=3d, ?part=circle) ---------
# Only the open tab's content is built. Tests name tabs by their English label; TAB_VALUES gives the
# link's value for each. A link opens a tab with ``open_page(path, {key: label})`` (the label is turned
# into its link value); a test opens another one as a click in the browser does (``open_tab``): the
# tabs' widget value becomes the label, the page reruns, and the link follows.

TAB_VALUES = {
    # pages/1_step_by_step.py, ?view=
    "Step by step": "step", "▶ Play": "play", "3-D surface": "3d",
    # pages/3_adagrad_tables.py, ?part=
    "① Adagrad beside gradient descent": "run", "② Contradiction?": "contradiction",
    "③ How surprising it is (反差)": "surprise",
    # pages/4_best_step.py, ?part=
    "① The best step": "best", "② Do not cross parameters": "cross",
    "③ First derivatives estimate the second": "estimate",
    # pages/5_stochastic_gd.py, ?view=
    "Loss against epochs": "epochs", "Loss against updates": "updates",
    # pages/7_why_it_works.py, ?part=
    "Question and Taylor series": "taylor", "Tangent plane": "plane", "Red circle": "circle",
    "Newton's method": "newton",
    # pages/8_more_limitations.py, ?view=
    "The paths on the loss contours": "map",
    # ui.race_view with the surface (the playground), ?view=
    "Contour": "contour",
}
"""The link value of each tab, by its English label (ui.views' ``options``)."""

TAB_KEYS = ("view", "part")
"""The link parameters that name a tab."""


def tab_link(query: dict | None) -> dict | None:
    """A query with the tabs named by label turned into their link values (other values as they are)."""
    if not query:
        return query
    def value(v):
        return [value(x) for x in v] if isinstance(v, list) else TAB_VALUES.get(v, v) if isinstance(v, str) else v

    return {k: value(v) if k in TAB_KEYS else v for k, v in query.items()}


def _page_id(at: AppTest) -> str:
    """The page's id (ui.start_page); the home page has none."""
    return at.session_state["_page"] if "_page" in at.session_state else ""  # noqa: SIM401 (no .get)


def _tab_key(at: AppTest, key: str) -> str:
    """The tabs' widget key: the page's id and the link parameter (ui.views)."""
    return f"{_page_id(at)}:{key}"


def tab_container(at: AppTest, key: str):
    """The tabs bound to the link parameter ``key`` (their block; its children are the tabs)."""
    suffix = "-" + _tab_key(at, key)
    found = [b for b in at.get("tab_container") if b.proto.tab_container.id.endswith(suffix)]
    assert len(found) == 1, f"{len(found)} tab containers bound to {key!r}"
    return found[0]


def tab_labels(at: AppTest, key: str) -> list[str]:
    """The labels of the tabs bound to ``key``, in order."""
    return [tab.label for tab in tab_container(at, key).children.values()]


def open_tab_label(at: AppTest, key: str) -> str:
    """The label of the open tab among those bound to ``key``."""
    return tab_labels(at, key)[tab_container(at, key).proto.tab_container.default_tab_index]


def open_by_link(page: str, key: str, label: str) -> AppTest:
    """Open ``page`` from a link naming tab ``label`` under ``key`` (its stable value): no error, no note,
    and that tab open."""
    at = open_page(page, {key: label})
    assert not errors(at) and not warnings(at), (errors(at), warnings(at))
    assert open_tab_label(at, key) == label
    return at


def choose_tab(at: AppTest, key: str, label: str) -> None:
    """What a click on the tab ``label`` of the tabs bound to ``key`` sends, for the next run: the tabs'
    widget value (the link is the page's to update)."""
    at.session_state[_tab_key(at, key)] = label


def open_tab(at: AppTest, key: str, label: str) -> AppTest:
    """Open the tab ``label`` of the tabs bound to ``key`` (as a click on it: the page reruns), and check
    that it is the open one and that the link names it (the first tab: no ``key`` in the link)."""
    labels = tab_labels(at, key)
    assert label in labels, (key, label, labels)
    choose_tab(at, key, label)
    rerun(at)
    assert open_tab_label(at, key) == label, (key, label, open_tab_label(at, key))
    link = at.query_params.get(key)
    link = link[-1] if isinstance(link, list) else link
    if label == labels[0]:
        assert link is None, dict(at.query_params)
    else:  # in English, the label's own value; in another language, one of the tabs' values
        assert link == TAB_VALUES[label] if label in TAB_VALUES else link in TAB_VALUES.values(), dict(at.query_params)
    return at


def bound_tab_keys(at: AppTest) -> list[str]:
    """The link parameters of the tabs on screen that are bound to the link (ui.views)."""
    page = _page_id(at)
    ids = [b.proto.tab_container.id for b in at.get("tab_container")]
    return [key for key in TAB_KEYS if any(i.endswith(f"-{page}:{key}") for i in ids)]


def every_view(at: AppTest) -> Iterator[str]:
    """Open, in turn, every tab of every set of tabs bound to the link (tabs inside a tab included, once
    their tab is open); yields "key=label" with that tab open, and leaves each set on its first tab."""
    done: set[str] = set()

    def walk() -> Iterator[str]:
        for key in bound_tab_keys(at):
            if key in done:
                continue
            done.add(key)
            labels = tab_labels(at, key)
            for label in labels:
                open_tab(at, key, label)
                yield f"{key}={label}"
                yield from walk()
            open_tab(at, key, labels[0])

    yield from walk()


def chart_keys(at: AppTest) -> list[str | None]:
    """The keys of the Plotly charts on screen, in page order (ui.chart's ``key``)."""
    return [element.key for element in at.get("plotly_chart")]


def _array(value):
    import base64

    import numpy as np

    if isinstance(value, dict) and "bdata" in value:
        return np.frombuffer(base64.b64decode(value["bdata"]), dtype=value["dtype"])
    if value is None:
        return None
    try:
        return np.asarray(value, dtype=float)
    except (TypeError, ValueError):  # category labels (bar charts)
        return list(value)


def _figure(element) -> dict:
    import json

    fig = json.loads(element.proto.spec)
    for trace in fig.get("data", []):
        for axis in ("x", "y", "z"):
            if axis in trace:
                trace[axis] = _array(trace[axis])
    return fig


def charts(at: AppTest) -> list[dict]:
    """Each Plotly chart on screen as its figure dict, with typed arrays decoded to NumPy."""
    return [_figure(element) for element in at.get("plotly_chart")]


def chart(at: AppTest, key: str) -> dict:
    """The Plotly chart on screen with ``key`` (ui.chart's), as ``charts`` gives it."""
    found = [element for element in at.get("plotly_chart") if element.key == key]
    assert len(found) == 1, (key, chart_keys(at))
    return _figure(found[0])


def trace(fig: dict, name: str) -> dict:
    return next(t for t in fig["data"] if t.get("name") == name)


# --- figures drawn to scale ---------------------------------------------------------------------------------

def assert_to_scale(fig: dict, arrows: tuple[str, ...] = ()) -> None:
    """A figure whose lesson rests on angles (the gradient at right angles to the contour line, round against
    elongated contours): one unit of θ₁ as long as one of θ₂ on screen (its y axis anchored to the x axis's
    scale, ratio 1), on every screen width; and each of ``arrows`` (legend names, as the page shows them) drawn
    as a trace named in the legend, with arrowheads turned along their segments on screen.

    ``fig`` is a chart as ``chart(at, key)`` gives it (the spec the browser receives)."""
    layout = fig["layout"]
    y, x = layout.get("yaxis", {}), layout.get("xaxis", {})
    assert y.get("scaleanchor") == "x", f"the y axis is not tied to the x axis's scale: {y.get('scaleanchor')!r}"
    assert y.get("scaleratio", 1) == 1, f"one unit of θ₂ is {y.get('scaleratio')} units of θ₁ long"
    assert "scaleanchor" not in x, "the x axis is tied to another axis's scale"
    for name in arrows:
        found = [t for t in fig["data"] if t.get("name") == name]
        assert found, f"no trace named {name!r}: {[t.get('name') for t in fig['data']]}"
        assert any(t.get("showlegend", True) for t in found), f"{name!r} is not in the legend"
        for t in found:
            marker = t.get("marker", {})
            size = _array(marker.get("size"))
            assert marker.get("symbol") == "arrow" and marker.get("angleref") == "previous" \
                and size is not None and np.max(size) > 0, f"{name!r} is drawn without arrowheads: {marker}"
