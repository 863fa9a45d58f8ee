"""Numbers and link values as the pages show them."""

from __future__ import annotations

import math

import pytest

import ui
import ui.state


@pytest.mark.parametrize(("value", "shown"), [
    (0.0, "0"),
    (10.5, "10.5"),
    (5.281, "5.281"),
    (-4.9, "-4.9"),
    (1234.5678, "1235"),
    (0.00123456, "0.001235"),
    (123456789.0, "1.235e8"),
    (-2.5e-7, "-2.500e-7"),
    (math.inf, "not finite"),
    (math.nan, "not finite"),
])
def test_num(value, shown):
    assert ui.num(value) == shown


def test_tex_num_writes_powers_of_ten():
    assert ui.tex_num(123456789.0) == r"1.235 \times 10^{8}"
    assert ui.tex_num(-0.5) == "-0.5"
    assert ui.tex_num(math.inf) == r"\text{not finite}"


def test_superscripts():
    assert ui.sup(0) == "⁰"
    assert ui.sup(12) == "¹²"


@pytest.mark.parametrize("raw", ["`rm -rf`", "line\nbreak", "x" * 100, "<b>bold</b>", "\x00\x07bell"])
def test_unsafe_link_values_are_shortened_and_defused(raw):
    safe = ui.safe(raw)
    assert "`" not in safe and "\n" not in safe
    assert len(safe) <= 41
    assert all(ch.isprintable() for ch in safe)


@pytest.mark.parametrize(("text", "ok"), [("0.5", True), (" 2 ", True), ("1e999", False), ("nan", False),
                                          ("abc", False), ("-0.1", False), ("3.0001", False)])
def test_float_parser_checks_range_and_finiteness(text, ok):
    parse = ui.state._float_in(0.0, 3.0)
    if ok:
        assert 0 <= parse(text) <= 3
    else:
        with pytest.raises(ValueError):
            parse(text)
