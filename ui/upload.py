"""The uploader for a user's own data."""

from __future__ import annotations

import streamlit as st

import gd_core
from i18n import tr, trn
from ui.fmt import reason, safe
from ui.state import state_key


def csv_upload(key: str, where=st, features: tuple[int, ...] = (1, 2)):
    """An uploader for the user's own data; returns a ``gd_core.data.Dataset`` or None.

    A problem with the file is shown next to the uploader in words, and the caller falls back to
    the built-in data. ``features`` lists how many feature columns the lesson accepts. Files are not
    part of the link (a note says so).
    """
    limit = gd_core.data.MAX_BYTES // 2**20
    upload = where.file_uploader(
        tr("Your own data (CSV, at most {mb} MB and {rows} rows)", mb=limit, rows=gd_core.data.MAX_ROWS),
        type=["csv", "txt"], key=state_key(key),
        help=tr("One or two feature columns, then the target y as the last column. A header row is optional."),
    )
    # Streamlit's own words in the drop zone are English only: CSS hides them (ui/chrome.py) and this says the same.
    where.caption(tr("Tap or click the button above to pick a CSV file from your device, or drop one on it."))
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
