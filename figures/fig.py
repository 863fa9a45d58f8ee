"""A Plotly figure as plain dicts: the figures are built here without plotly's checks on every call,
and turned into one ``go.Figure`` when drawn.

Building a figure trace by trace through ``go.Figure`` validates and copies at every ``add_trace``,
``update_layout`` and ``add_annotation``: 15–40 ms for one of this app's contour figures, against
about 2 ms for the same dicts handed over at once (``benchmarks/rerun_cost.py``). :class:`Fig` keeps
the few ``go.Figure`` methods the figures use, with the same meaning, on ``data`` (a list of trace
dicts) and ``layout`` (a dict). ``Fig.figure()`` makes the ``go.Figure``; plotly's own validation of
every property runs there when :data:`VALIDATE` is on (the tests turn it on: a misspelt property or
a bad colour fails them) and is skipped when the app draws.
"""

from __future__ import annotations

import base64
import os
import re
from collections.abc import Mapping
from typing import Any

import numpy as np
import plotly.graph_objects as go
from _plotly_utils.utils import is_skipped_key, plotlyjsShortTypes

__all__ = ["VALIDATE", "Drawn", "Fig", "subplots_1x2", "trace"]

VALIDATE = os.environ.get("GD_VALIDATE_FIGURES", "") not in ("", "0")
"""Run plotly's validation of every property in :meth:`Fig.figure` (set GD_VALIDATE_FIGURES=1)."""


def trace(kind: str, **props: Any) -> dict:
    """A trace as a dict: ``trace("scatter", x=…, y=…)`` is ``go.Scatter(x=…, y=…)``, unchecked."""
    return {"type": kind, **props}


def merge(old: Any, new: Mapping) -> dict:
    """``new`` deep-merged into a copy of ``old`` (a dict, or nothing)."""
    out = dict(old) if isinstance(old, Mapping) else {}
    for key, value in new.items():
        if isinstance(value, Mapping) and isinstance(out.get(key), Mapping):
            out[key] = merge(out[key], value)
        else:
            out[key] = value
    return out


_AXIS = re.compile(r"^([xy])axis(\d*)$")


class Fig:
    """A figure under construction: ``data`` (trace dicts), ``layout`` (a dict) and ``frames``."""

    def __init__(self, data: dict | list[dict] | None = None, layout: Mapping | None = None):
        if data is None:
            data = []
        self.data: list[dict] = [data] if isinstance(data, dict) else list(data)
        self.layout: dict = dict(layout or {})
        self.frames: list[dict] | None = None

    # --- traces -------------------------------------------------------------------------------

    def add_trace(self, item: dict, row: int | None = None, col: int | None = None) -> Fig:
        """Append a trace; ``row=1, col=2`` puts it on the second panel of :func:`subplots_1x2`."""
        if col is not None and col > 1:
            item = {**item, "xaxis": f"x{col}", "yaxis": f"y{col}"}
        self.data.append(item)
        return self

    def update_traces(self, props: Mapping | None = None, selector: Mapping | None = None, **more: Any) -> Fig:
        """Merge ``props`` into every trace whose items match ``selector`` (all traces when None)."""
        for i, t in enumerate(self.data):
            if selector is None or all(t.get(k) == v for k, v in selector.items()):
                self.data[i] = merge(merge(t, props or {}), more)
        return self

    # --- layout -------------------------------------------------------------------------------

    def update_layout(self, props: Mapping | None = None, **more: Any) -> Fig:
        """Deep-merge ``props`` and keyword items into the layout (nested dicts, no magic underscores)."""
        self.layout = merge(merge(self.layout, props or {}), more)
        return self

    def _axes(self, letter: str, col: int | None) -> list[str]:
        names = [k for k in self.layout if (m := _AXIS.match(k)) and m.group(1) == letter]
        if f"{letter}axis" not in names:
            names.insert(0, f"{letter}axis")
        if col is not None:
            wanted = f"{letter}axis" if col == 1 else f"{letter}axis{col}"
            names = [n for n in names if n == wanted] or [wanted]
        return names

    def update_xaxes(self, props: Mapping | None = None, row: int | None = None, col: int | None = None,
                     **more: Any) -> Fig:
        """Merge into every x axis (or the panel ``col``'s), as ``go.Figure.update_xaxes``."""
        for name in self._axes("x", col):
            self.layout[name] = merge(merge(self.layout.get(name), props or {}), more)
        return self

    def update_yaxes(self, props: Mapping | None = None, row: int | None = None, col: int | None = None,
                     **more: Any) -> Fig:
        """Merge into every y axis (or the panel ``col``'s), as ``go.Figure.update_yaxes``."""
        for name in self._axes("y", col):
            self.layout[name] = merge(merge(self.layout.get(name), props or {}), more)
        return self

    def add_annotation(self, **props: Any) -> Fig:
        self.layout.setdefault("annotations", []).append(props)
        return self

    def update_annotations(self, props: Mapping | None = None, selector: Mapping | None = None,
                           **more: Any) -> Fig:
        notes = self.layout.get("annotations", [])
        for i, a in enumerate(notes):
            if selector is None or all(a.get(k) == v for k, v in selector.items()):
                notes[i] = merge(merge(a, props or {}), more)
        return self

    def add_shape(self, **props: Any) -> Fig:
        self.layout.setdefault("shapes", []).append(props)
        return self

    def add_hline(self, y: float, line: Mapping | None = None) -> Fig:
        """A horizontal line across the plot at ``y``, as ``go.Figure.add_hline``."""
        return self.add_shape(type="line", x0=0, x1=1, xref="x domain", y0=y, y1=y, yref="y", line=dict(line or {}))

    def add_vline(self, x: float, line: Mapping | None = None, annotation: Mapping | None = None,
                  annotation_position: str = "top right") -> Fig:
        """A vertical line up the plot at ``x`` with an optional label at one of its ends (``"top right"``,
        ``"bottom left"``, …: the end, then the side of the line the text sits on), as ``go.Figure.add_vline``."""
        self.add_shape(type="line", x0=x, x1=x, xref="x", y0=0, y1=1, yref="y domain", line=dict(line or {}))
        if annotation is not None:
            end, side = annotation_position.split()
            self.add_annotation(**{**annotation, "showarrow": False, "x": x, "xref": "x",
                                   "xanchor": "left" if side == "right" else "right",
                                   "y": 1 if end == "top" else 0, "yref": "y domain",
                                   "yanchor": "top" if end == "top" else "bottom"})
        return self

    def add_vrect(self, x0: float, x1: float, **props: Any) -> Fig:
        """A band between x0 and x1 up the whole plot, as ``go.Figure.add_vrect``."""
        width = props.pop("line_width", None)
        if width is not None:
            props["line"] = {**props.get("line", {}), "width": width}
        return self.add_shape(type="rect", x0=x0, x1=x1, xref="x", y0=0, y1=1, yref="y domain", **props)

    # --- out ----------------------------------------------------------------------------------

    def to_dict(self) -> dict:
        out: dict = {"data": self.data, "layout": self.layout}
        if self.frames:
            out["frames"] = self.frames
        return out

    def _layout_to_send(self) -> dict:
        """The layout with an empty template unless one was set: Streamlit's theme gives the look."""
        return self.layout if "template" in self.layout else {**self.layout, "template": {}}

    def drawn(self) -> Drawn:
        """The figure as ``st.plotly_chart`` takes it, with nothing left to check or copy (see :class:`Drawn`).
        When :data:`VALIDATE` is on, plotly first checks every property, as :meth:`figure` does."""
        if VALIDATE:
            self.figure(validate=True)
        spec = {"data": _sendable(self.data), "layout": _sendable(self._layout_to_send())}
        if self.frames:
            spec["frames"] = _sendable(self.frames)
        return Drawn(spec)

    def figure(self, validate: bool | None = None) -> go.Figure:
        """The ``go.Figure``, made in one call; plotly checks every property when ``validate`` (default
        :data:`VALIDATE`). The layout's template is left empty: Streamlit's theme supplies the look."""
        return go.Figure(data=self.data, layout=self._layout_to_send(), frames=self.frames or None,
                         _validate=VALIDATE if validate is None else validate)


def _sendable(obj: Any, key: str = "") -> Any:
    """A copy of the figure's dicts and lists with each NumPy array as plotly.js's typed-array spec
    (base64), as ``go.Figure.to_dict`` sends them, and without the items set to None (unset, as plotly
    reads them); the figure's own dicts and arrays are left as they are."""
    if isinstance(obj, dict):
        return {k: _sendable(v, k) if isinstance(v, _NESTED) else v for k, v in obj.items() if v is not None}
    if isinstance(obj, (list, tuple)):
        return [_sendable(v) if isinstance(v, _NESTED) else v for v in obj]
    if isinstance(obj, np.ndarray) and not is_skipped_key(key):
        return _typed_array(obj)
    return obj


_FLOAT32_MAX = float(np.finfo(np.float32).max) / 2
"""Arrays of numbers below this are sent as 32-bit floats (larger ones, e.g. a diverging loss, as they are)."""


def _typed_array(v: np.ndarray) -> Any:
    """An array as plotly.js's typed-array spec, as plotly's ``to_typed_array_spec`` writes it (64-bit
    integers narrowed to the smallest type that holds them), without its checks for other array types
    (several per array, the larger part of the time: this is called for every array of every chart)."""
    if v.size == 0:
        return v.tolist()
    if v.dtype.kind in "iu" and v.dtype.itemsize == 8:
        lo, hi = int(v.min()), int(v.max())
        for kind in ("int8", "int16", "int32") if v.dtype.kind == "i" else ("uint8", "uint16", "uint32"):
            info = np.iinfo(kind)
            if info.min <= lo and hi <= info.max:
                v = v.astype(kind)
                break
        else:
            return v.tolist()
    if v.dtype == np.float64:
        with np.errstate(invalid="ignore"):
            big = np.nanmax(np.abs(v), initial=0.0)  # (v is not empty: see above)
        if big < _FLOAT32_MAX:
            v = v.astype(np.float32)  # half the bytes; 7 significant digits are more than a chart can show
    short = plotlyjsShortTypes.get(str(v.dtype))
    if short is None:
        return v.tolist()
    spec = {"dtype": short, "bdata": base64.b64encode(np.ascontiguousarray(v)).decode("ascii")}
    if v.ndim > 1:
        spec["shape"] = str(v.shape)[1:-1]
    return spec


_NESTED = (dict, list, tuple, np.ndarray)
"""What :func:`_sendable` looks into; numbers and text are passed as they are."""


class Drawn(go.Figure):
    """A finished figure for ``st.plotly_chart``: its dicts are handed over as they are.

    ``st.plotly_chart`` takes a dict only to rebuild it as a validated ``go.Figure``; given a
    ``go.Figure`` it calls ``to_dict()`` and sends the result. A ``Drawn`` answers that call with the
    spec made by :meth:`Fig.drawn`, so the figure is neither rebuilt nor deep-copied on every rerun
    (about 2.5 ms of a contour's 4 ms, measured in ``benchmarks/rerun_cost.py``). Nothing else of
    ``go.Figure`` is set up: use it only to draw.
    """

    def __init__(self, spec: dict):  # no go.Figure.__init__: nothing to validate or copy
        self._spec = spec

    def to_dict(self) -> dict:
        return self._spec

    def __repr__(self) -> str:
        return f"Drawn({len(self._spec.get('data', []))} traces)"


def subplots_1x2(titles: tuple[str, str], spacing: float = 0.06) -> Fig:
    """Two panels side by side sharing the y axis, titled: ``make_subplots(rows=1, cols=2,
    shared_yaxes=True, subplot_titles=titles)``."""
    half = (1 - spacing) / 2
    fig = Fig(layout={
        "xaxis": {"anchor": "y", "domain": [0.0, half]},
        "yaxis": {"anchor": "x", "domain": [0.0, 1.0]},
        "xaxis2": {"anchor": "y2", "domain": [1 - half, 1.0]},
        "yaxis2": {"anchor": "x2", "domain": [0.0, 1.0], "matches": "y", "showticklabels": False},
    })
    for text, x in zip(titles, (half / 2, 1 - half / 2)):
        fig.add_annotation(font={"size": 16}, showarrow=False, text=text, x=x, xanchor="center", xref="paper",
                           y=1.0, yanchor="bottom", yref="paper")
    return fig
