"""The uploader for a user's own data."""

from __future__ import annotations

import streamlit as st

import gd_core
from i18n import tr, trn
from ui.fmt import reason, safe
from ui.state import state_key


def css_string(text: str) -> str:
    """``text`` as a CSS string literal: quotes, backslashes, angle brackets and control characters as CSS escapes,
    so that it can neither end the string nor the style element that holds it."""
    return '"' + "".join(f"\\{ord(ch):x} " if ch in '"\\<>' or ord(ch) < 0x20 else ch for ch in text) + '"'


def file_drop(label: str, key: str, types: list[str], max_mb: int, where=st, **options):
    """Streamlit's file uploader (``label``, ``types``, the widget's ``key``, ``options`` passed on) with its own
    words in the page's language: its button says "Choose a file", its drop zone "CSV, at most 2 MB" and, while a
    file is dragged over it, "Drop the file here", instead of Streamlit's English "Upload", "2MB per file • CSV" and
    "Drag and drop a file here" (Streamlit 1.67 cannot change them: ui/chrome.py's CSS hides them and shows these,
    which the container's style sets as CSS custom properties). Returns the uploader's value."""
    box = f"gd-upload-{types[0]}"
    button = tr("Choose a file")
    hint = tr("{kinds}, at most {mb} MB", kinds="/".join(t.upper() for t in types), mb=max_mb)
    drop = tr("Drop the file here")
    with where.container(key=box):
        st.html(f"<style>.st-key-{box} {{--gd-upload-button: {css_string(button)}; "
                f"--gd-upload-hint: {css_string(hint)}; --gd-upload-drop: {css_string(drop)};}}</style>")
        return st.file_uploader(label, type=types, key=key, **options)


def csv_upload(key: str, where=st, features: tuple[int, ...] = (1, 2)):
    """An uploader for the user's own data; returns a ``gd_core.data.Dataset`` or None.

    A problem with the file is shown next to the uploader in words, and the caller falls back to
    the built-in data. ``features`` lists how many feature columns the lesson accepts. Files are not
    part of the link (a note says so).
    """
    limit = gd_core.data.MAX_BYTES // 2**20
    upload = file_drop(
        tr("Your own data (CSV, at most {mb} MB and {rows} rows)", mb=limit, rows=gd_core.data.MAX_ROWS),
        state_key(key), ["csv", "txt"], limit, where,
        help=tr("One or two feature columns, then the target y as the last column. A header row is optional."),
    )
    # What to do, in the page's language, next to the uploader (Streamlit's own words in it are English only).
    if features == (2,):
        how = tr("Choose a CSV file with the button above, or drop one on it: two feature columns, then the target "
                 "y as the last column; at most {mb} MB.", mb=limit)
    elif features == (1,):
        how = tr("Choose a CSV file with the button above, or drop one on it: one feature column, then the target "
                 "y as the last column; at most {mb} MB.", mb=limit)
    else:
        how = tr("Choose a CSV file with the button above, or drop one on it: one or two feature columns, then the "
                 "target y as the last column; at most {mb} MB.", mb=limit)
    where.caption(how)
    if upload is None:
        return None
    try:
        data = gd_core.data.read_csv(upload.getvalue())
    except gd_core.DataError as exc:
        where.error(tr("This file cannot be used: {reason}. The built-in data is shown instead.", reason=reason(exc)),
                    icon="📄")
        return None
    if data.d not in features:
        where.error(tr("This lesson needs {want} feature column(s); the file has {have}. The built-in data is "
                       "shown instead.", want=" or ".join(str(f) for f in features), have=data.d), icon="📄")
        return None
    where.caption(trn("Using {name}: {n} row, features {features}, target {target}. An uploaded file is not part "
                      "of the link.",
                      "Using {name}: {n} rows, features {features}, target {target}. An uploaded file is not part "
                      "of the link.", data.n, name=f"`{safe(upload.name)}`",
                      features=", ".join(f"`{safe(f)}`" for f in data.feature_names),
                      target=f"`{safe(data.target_name)}`"))
    return data
