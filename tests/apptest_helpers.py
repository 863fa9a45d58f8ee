"""Helpers for AppTest-driven page tests: open a page of the app, read what it shows."""

from __future__ import annotations

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


def charts(at: AppTest) -> list[dict]:
    """Each Plotly chart on screen as its figure dict, with typed arrays decoded to NumPy."""
    import json

    out = []
    for element in at.get("plotly_chart"):
        fig = json.loads(element.proto.spec)
        for trace in fig.get("data", []):
            for axis in ("x", "y", "z"):
                if axis in trace:
                    trace[axis] = _array(trace[axis])
        out.append(fig)
    return out


def trace(fig: dict, name: str) -> dict:
    return next(t for t in fig["data"] if t.get("name") == name)
