"""Charts drawn the same way everywhere, with the download of their points."""

from __future__ import annotations

import math
import re
from collections.abc import Mapping

import numpy as np
import pandas as pd
import streamlit as st

import figures
from i18n import tr
from ui.chrome import page_id, presenting
from ui.share import refresh_share
from ui.state import set_widgets


def chart_table(fig: figures.Fig) -> pd.DataFrame:
    """The points of a figure's lines, markers and bars as a table: one row per point, with the series'
    name, the point's index in it (t, for a path) and its coordinates under the axes' titles."""
    layout = fig.layout

    def axis_title(name: str, default: str) -> str:
        title = layout.get(name, {}).get("title")
        return (title.get("text") if isinstance(title, dict) else title) or default

    x_name, y_name = axis_title("xaxis", "x"), axis_title("yaxis", "y")
    frames = []
    for trace in fig.data:
        if trace.get("type") not in ("scatter", "bar", "scatter3d") or trace.get("x") is None \
                or trace.get("y") is None or trace.get("name") == figures.CLICK_LAYER:
            continue
        columns = {tr("series"): trace.get("name") or "", tr("point"): np.arange(len(trace["x"])),
                   x_name: np.asarray(trace["x"]), y_name: np.asarray(trace["y"])}
        if trace["type"] == "scatter3d" and trace.get("z") is not None:
            columns["z"] = np.asarray(trace["z"])
        frames.append(pd.DataFrame(columns))
    return pd.concat(frames, ignore_index=True) if frames else pd.DataFrame()


def _plain(text: str) -> str:
    """A Plotly title as plain text: its line breaks as spaces, its tags left out."""
    return " ".join(re.sub(r"<[^>]*>", " ", re.sub(r"<br\s*/?>", " ", text or "", flags=re.I)).split())


def chart_alt(fig: figures.Fig, alt: str | None = None) -> str:
    """The chart's text alternative for screen readers: its title, then ``alt`` (what it shows and its key number,
    from the page) or else the names of what it draws (the legend's entries)."""
    title = fig.layout.get("title", {})
    title = _plain(title.get("text") if isinstance(title, dict) else title)
    if alt:
        return f"{title}. {alt}" if title else alt
    names = list(dict.fromkeys(_plain(t.get("name")) for t in fig.data
                               if t.get("name") and t.get("showlegend") is not False))
    parts = [tr("Chart: {title}.", title=title) if title else tr("Chart.")]
    if names:
        parts.append(tr("It shows: {names}.", names=", ".join(names)))
    return " ".join(parts)


def clicked_point(event) -> tuple[float, float] | None:
    """The plot point a click chose, from ``st.plotly_chart``'s selection event (``{"selection": {"points":
    [{"x": …, "y": …, …}, …]}}``, a dict or Streamlit's attribute dict): the first point with finite x and y,
    or None (no point, an emptied selection, a point without coordinates)."""
    selection = event.get("selection") if isinstance(event, Mapping) else None
    points = selection.get("points") if isinstance(selection, Mapping) else None
    for point in points or ():
        try:
            x, y = float(point["x"]), float(point["y"])
        except (KeyError, TypeError, ValueError):
            continue
        if math.isfinite(x) and math.isfinite(y):
            return x, y
    return None


def start_from_click(event, keys: tuple[str, str], also: Mapping | None = None,
                     digits: int = 2) -> tuple[float, float] | None:
    """Set this page's two widgets ``keys`` (link keys, e.g. θ⁰'s ``("x0", "y0")``) to the clicked point,
    rounded to ``digits`` decimals as the inputs show them, and the widgets in ``also`` (link key → value, e.g.
    a start's choice switched to a typed point); drawn after this, in the rerun the click starts, they show it
    and the link keeps it (a value outside a widget's range is clipped by the widget).
    Returns the point set, or None when the event chose no point (nothing is set then)."""
    point = clicked_point(event)
    if point is None:
        return None
    x, y = (round(v, digits) + 0.0 for v in point)  # + 0.0: no −0.0 in the link
    set_widgets({**(also or {}), keys[0]: x, keys[1]: y})
    return x, y


def chart(fig: figures.Fig, key: str | None = None, on_click: tuple[str, str] | None = None,
          click_also: Mapping | None = None, alt: str | None = None) -> None:
    """Draw a figure the same way everywhere; in presenter mode taller and in larger print.

    Its text alternative (:func:`chart_alt`: ``alt``, the sentence with the key number, or the title and the
    legend's names) is the chart's accessible name (Streamlit's ``alt``: ``role="figure"`` with that
    ``aria-label``), read by screen readers. Below it, a button downloads the figure's points as
    CSV (made only when clicked); the camera icon of Plotly's own toolbar saves the figure as PNG.

    ``on_click``: the link keys of the two widgets a click on the plot sets (θ⁰'s ``("x0", "y0")``): the plot
    gets an invisible layer of clickable points over its window (:func:`figures.clickable`) and a hint under it;
    a click sets the widgets, and those in ``click_also`` (:func:`start_from_click`), and reruns the page.
    Needs ``key``.
    """
    if presenting():
        figures.presenter(fig)
        refresh_share()  # the widgets above the chart have written the link by now
    # Plotly never wraps a title: a long one is broken into lines that fit a phone (a projector's narrowest chart).
    figures.fit_title(fig, figures.PRESENTER_TITLE_WIDTH if presenting() else figures.PHONE_TITLE_WIDTH,
                      grow=not presenting())
    select = {}
    if on_click and key:
        figures.clickable(fig, fig.layout["xaxis"]["range"], fig.layout["yaxis"]["range"])
        select = {"on_select": lambda: start_from_click(st.session_state.get(key), on_click, click_also),
                  "selection_mode": ("points",)}
    st.plotly_chart(fig.drawn(), width="stretch", key=key, alt=chart_alt(fig, alt),
                    config={"displaylogo": False, "toImageButtonOptions": {"format": "png", "scale": 2}}, **select)
    if select:
        st.caption(tr("Click the plot to start there."))
    if key and not presenting():
        st.download_button(tr("Data of this chart (CSV)"), data=lambda: chart_table(fig).to_csv(index=False),
                           file_name=f"{page_id()}-{key}.csv", mime="text/csv", on_click="ignore",
                           icon=":material/download:", key=f"{page_id()}:{key}:csv", type="tertiary")
