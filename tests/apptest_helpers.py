"""Helpers for AppTest-driven page tests: open a page of the app, read what it shows."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from streamlit.testing.v1 import AppTest

TIMEOUT = 60
APP = str(Path(__file__).resolve().parents[1] / "app.py")


def open_page(path: str, query: dict | None = None, check: bool = True) -> AppTest:
    """Run app.py on the lesson file ``path`` (e.g. "lessons/1_step_by_step.py"), with a query string;
    ``check`` asserts that no exception was shown."""
    at = AppTest.from_file(APP, default_timeout=TIMEOUT)
    at.run()
    if query:
        at.query_params.update(query)
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


def rerun(at: AppTest) -> AppTest:
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    return at


# --- tabs: ui.views binds a page's tabs to the link (st.tabs(..., key=key, bind="query-params")) --------
# Only the open tab's content is built. A link opens a tab with ``open_page(path, {key: label})``; a test
# opens another one as a click in the browser does (``open_tab``): the tabs' value becomes the label and
# the link follows (the first tab's label is left out of it), then the page reruns.
#
# AppTest sends the link it holds with every run, and while the link names a tab, that tab wins over a
# value set in st.session_state alone (a browser's link changes with the click). So ``open_tab`` updates
# both; with no tab in the link, the session state alone opens a tab (tests/test_page_step_by_step.py).

def tab_container(at: AppTest, key: str):
    """The tabs bound to the link parameter ``key`` (their block; its children are the tabs)."""
    found = [b for b in at.get("tab_container") if b.proto.tab_container.query_param_key == key]
    assert len(found) == 1, f"{len(found)} tab containers bound to {key!r}"
    return found[0]


def tab_labels(at: AppTest, key: str) -> list[str]:
    """The labels of the tabs bound to ``key``, in order."""
    return [tab.label for tab in tab_container(at, key).children.values()]


def open_tab_label(at: AppTest, key: str) -> str:
    """The label of the open tab among those bound to ``key``."""
    return tab_labels(at, key)[tab_container(at, key).proto.tab_container.default_tab_index]


def choose_tab(at: AppTest, key: str, label: str) -> None:
    """What a click on the tab ``label`` of the tabs bound to ``key`` sends, for the next run: the tabs'
    value, and the link with it (without it for the first tab)."""
    at.session_state[key] = label
    if label == tab_labels(at, key)[0]:
        if key in at.query_params:
            del at.query_params[key]
    else:
        at.query_params[key] = label


def open_tab(at: AppTest, key: str, label: str) -> AppTest:
    """Open the tab ``label`` of the tabs bound to ``key`` (as a click on it: the page reruns), and check
    that it is the open one."""
    labels = tab_labels(at, key)
    assert label in labels, (key, label, labels)
    choose_tab(at, key, label)
    rerun(at)
    assert open_tab_label(at, key) == label, (key, label, open_tab_label(at, key))
    return at


def bound_tab_keys(at: AppTest) -> list[str]:
    """The link parameters of the tabs on screen that are bound to the link."""
    return [b.proto.tab_container.query_param_key for b in at.get("tab_container")
            if b.proto.tab_container.query_param_key]


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
