"""Presenter mode's "Share with the class" with a link longer than a QR code can hold (a link with junk in it,
found by tests/pages/test_fuzz.py): the panel shows the link in words instead of failing."""

from __future__ import annotations

import pytest
import segno

from ui.share import _qr_html


def test_a_link_too_long_for_a_qr_code_is_shown_in_words():
    link = "https://example.org/theory?" + "loss=" + "a" * 3000  # a QR code holds at most 2,331 bytes at level M
    with pytest.raises(segno.DataOverflowError):
        segno.make(link, error="m")
    html = _qr_html(link)
    assert "<img" not in html
    assert "too long for a QR code" in html and "example.org/theory?loss=aaa" in html


def test_a_short_link_gets_its_qr_code():
    html = _qr_html("https://example.org/theory?h=2")
    assert '<img class="gd-qr" src="data:image/svg+xml' in html and "example.org/theory?h=2" in html
