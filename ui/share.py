"""Presenter mode's "Share with the class": a QR code of this view's link for the students, made here (segno,
no outside service), and the link itself in large type beside it.

The students' link is the page's link with every setting, the open tab and the lecturer's language in it, but
not presenter mode (``present``): a student's phone shows the page as a student sees it.
"""

from __future__ import annotations

from html import escape
from urllib.parse import urlencode

import segno
import streamlit as st

from i18n import tr

QR_PIXELS = 340
"""The QR code's side on screen, in CSS pixels (at least 300 px on a projector)."""
_SLOT_KEY = "_share_slot"


def class_link() -> str:
    """This view's link for the students: the page's address and its query (settings, tab, ``lang``) without
    ``present``."""
    base = st.context.url or ""
    base = base.split("?", 1)[0]
    query = urlencode(sorted((k, v) for k, v in st.query_params.to_dict().items() if k != "present"))
    return f"{base}?{query}" if query else base


def short_link(link: str) -> str:
    """The link as read aloud or typed: without ``http://`` or ``https://``."""
    return link.split("://", 1)[-1]


def _qr_html(link: str) -> str:
    try:
        qr = segno.make(link, error="m")
    except segno.DataOverflowError:  # a link longer than a QR code holds (a link with junk in it): the words only
        hint = tr("This link is too long for a QR code; copy it from here:")
        return (f'<div class="gd-share"><div class="gd-share-text"><div class="gd-share-hint">{escape(hint)}</div>'
                f'<div class="gd-share-link">{escape(short_link(link))}</div></div></div>')
    uri = qr.svg_data_uri(scale=1, border=4, dark="#000", light="#fff")
    alt = escape(tr("QR code of this page's link, for the class"), quote=True)
    hint = tr("Scan to open this page, with these settings, on your phone:")
    return (f'<div class="gd-share"><img class="gd-qr" src="{uri}" alt="{alt}" width="{QR_PIXELS}" '
            f'height="{QR_PIXELS}" style="image-rendering: pixelated; display: block;">'
            f'<div class="gd-share-text"><div class="gd-share-hint">{escape(hint)}</div>'
            f'<div class="gd-share-link">{escape(short_link(link))}</div></div></div>')


def share_panel(where=st) -> None:
    """The "Share with the class" button (a popover: it floats over the page, the figure stays in place).
    Its content is filled by :func:`refresh_share` as the run goes on (the page's widgets write the link
    after the header is drawn)."""
    with where.popover(tr("Share with the class"), icon=":material/qr_code_2:"):
        st.session_state[_SLOT_KEY] = st.empty()
    refresh_share()


def refresh_share() -> None:
    """Redraw the QR code and the link from the link as it is now (call it after the page's widgets)."""
    slot = st.session_state.get(_SLOT_KEY)
    if slot is None:
        return
    slot.html(_qr_html(class_link()))
