"""Tables in large print, sent as escaped HTML, with their CSV download."""

from __future__ import annotations

import html
from collections.abc import Sequence
from typing import Any

import numpy as np
import pandas as pd
import streamlit as st

from i18n import tr
from ui.chrome import page_id, presenting
from ui.fmt import num

_ONE_WORD = ' class="w"'
"""A cell or header of one word (a number such as 2.0e-4): kept on one line, never broken at its minus sign."""


def _cell(value: Any) -> str:
    """A table cell's text: strings as they are, whole numbers in full, other numbers through :func:`num`."""
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    if isinstance(value, (bool, np.bool_, int, np.integer)):
        return str(value)
    return num(value)


Rows = Sequence[dict] | dict[str, dict]
"""A table's rows: a list of dicts, one a row, or a dict of them (row header → row)."""


def _records(rows: Rows) -> tuple[list[str] | None, list[dict], list]:
    """The row headers (None for a list of rows), the rows, and the columns: every key of the rows, in
    the order they first appear."""
    headers = [str(k) for k in rows] if isinstance(rows, dict) else None
    records = list(rows.values()) if isinstance(rows, dict) else list(rows)
    return headers, records, list(dict.fromkeys(key for record in records for key in record))


def table(rows: Rows, key: str, shades: dict[str, str] | None = None, help: dict[str, str] | None = None,
          index_name: str = "") -> None:
    """A table in large print, with a button that downloads it as CSV (made only when clicked).

    ``rows``: a list of dicts, one a row, or a dict of them whose keys are the row headers (in the first
    column, headed ``index_name``). The table is sent as one piece of HTML with every value escaped: a
    data frame for st.table or st.dataframe costs 2 ms to convert on every rerun. ``shades`` colours
    whole columns (column name → CSS colour, a constant of the page) so that the ones the text talks
    about stand out; ``help`` gives a column header a hover text.
    """
    shades, help = shades or {}, help or {}
    headers, records, keys = _records(rows)
    columns = [str(c) for c in keys]

    def attrs(column: str, header: bool = False) -> str:
        out = f' style="background-color:{shades[column]}"' if column in shades else ""
        if header and column in help:
            out += f' title="{html.escape(help[column])}"'
        return out

    esc = html.escape
    head = (f'<th scope="col">{esc(index_name)}</th>' if headers is not None else "") + "".join(
        f'<th scope="col"{attrs(c, True)}{_ONE_WORD if " " not in c else ""}>{esc(c)}</th>' for c in columns)
    lines = []
    for k, record in enumerate(records):
        texts = [_cell(record.get(c)) for c in keys]
        cells = (f'<th scope="row">{esc(headers[k])}</th>' if headers is not None else "") + "".join(
            f"<td{attrs(c)}{_ONE_WORD if ' ' not in text else ''}>{esc(text)}</td>" for c, text in zip(columns, texts))
        lines.append(f"<tr>{cells}</tr>")
    # The box scrolls sideways when the table is wider than the screen: the Tab key reaches it (then the arrow keys
    # scroll it), and it is named as a region.
    name = esc(tr("Table"))
    st.html(f'<div class="gd-table-wrap" tabindex="0" role="region" aria-label="{name}">'
            f'<table class="gd-table"><thead><tr>{head}</tr></thead>'
            f'<tbody>{"".join(lines)}</tbody></table></div>')
    if not presenting():
        st.download_button(tr("This table (CSV)"), data=lambda: table_csv(rows, index_name),
                           file_name=f"{page_id()}-{key}.csv", mime="text/csv", on_click="ignore",
                           icon=":material/download:", key=f"{page_id()}:{key}:table-csv", type="tertiary")


def table_csv(rows: Rows, index_name: str = "") -> str:
    """What :func:`table`'s download holds: the table as CSV, its columns and row headers as shown."""
    headers, records, keys = _records(rows)
    frame = pd.DataFrame(records, columns=keys)
    if headers is None:
        return frame.to_csv(index=False)
    frame.index = pd.Index(headers, name=index_name or None)
    return frame.to_csv()
