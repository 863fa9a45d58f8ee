"""Charts drawn the same way everywhere, with the download of their points."""

from __future__ import annotations

import numpy as np
import pandas as pd
import streamlit as st

import figures
from i18n import tr
from ui.chrome import page_id, presenting
from ui.share import refresh_share


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
                or trace.get("y") is None:
            continue
        columns = {tr("series"): trace.get("name") or "", tr("point"): np.arange(len(trace["x"])),
                   x_name: np.asarray(trace["x"]), y_name: np.asarray(trace["y"])}
        if trace["type"] == "scatter3d" and trace.get("z") is not None:
            columns["z"] = np.asarray(trace["z"])
        frames.append(pd.DataFrame(columns))
    return pd.concat(frames, ignore_index=True) if frames else pd.DataFrame()


def chart(fig: figures.Fig, key: str | None = None) -> None:
    """Draw a figure the same way everywhere; in presenter mode taller and in larger print.

    Below it, a button downloads the figure's points as CSV (made only when clicked); the camera icon
    of Plotly's own toolbar saves the figure as PNG.
    """
    if presenting():
        figures.presenter(fig)
        refresh_share()  # the widgets above the chart have written the link by now
    st.plotly_chart(fig.drawn(), width="stretch", key=key,
                    config={"displaylogo": False, "toImageButtonOptions": {"format": "png", "scale": 2}})
    if key and not presenting():
        st.download_button(tr("Data of this chart (CSV)"), data=lambda: chart_table(fig).to_csv(index=False),
                           file_name=f"{page_id()}-{key}.csv", mime="text/csv", on_click="ignore",
                           icon=":material/download:", key=f"{page_id()}:{key}:csv", type="tertiary")
