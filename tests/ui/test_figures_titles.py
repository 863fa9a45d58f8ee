"""Figure titles broken into lines that fit a phone (figures.titles): where the lines break, that each line fits,
that nothing is lost, and the room made above the plot."""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

import figures
from figures.titles import LINE_SPACING, break_title, fit_title, text_width


def lines(text: str) -> list[str]:
    return text.split("<br>")


def test_chinese_breaks_between_characters():
    # Full-width characters are 1 em wide: at 10 px, three of them fill 30 px.
    assert break_title("一二三四五六", 10, 30) == "一二三<br>四五六"


def test_a_closing_mark_stays_with_the_character_before_it():
    # "一" (10 px) then "二，" (20 px) would make 30 px > 20: the comma does not start a line, it goes with 二.
    assert break_title("一二，三四", 10, 20) == "一<br>二，<br>三四"


def test_an_opening_mark_stays_with_the_character_after_it():
    # 一二 fill 20 of 25 px; "（三" (20 px) does not fit after them and starts the next line, the mark with it.
    assert break_title("一二（三四）", 10, 25) == "一二<br>（三<br>四）"


def test_latin_text_breaks_at_spaces_and_drops_them():
    title = "How far each rule moves each parameter, the same gᵗ, t = 0"
    broken = break_title(title, 20, 320)
    assert len(lines(broken)) == 2
    assert " ".join(lines(broken)) == title
    assert all(not line.startswith(" ") and not line.endswith(" ") for line in lines(broken))


def test_a_short_title_is_left_alone():
    assert break_title("Loss against epochs", 20, 320) == "Loss against epochs"
    assert break_title("", 20, 320) == ""


def test_a_word_longer_than_the_line_stays_whole():
    word = "x" * 80
    assert break_title(f"a {word} b", 20, 100) == f"a<br>{word}<br>b"


def test_parentheses_and_tags_stay_whole():
    broken = break_title("The loss and its tangent plane at (a, b) and <sub>one two</sub>", 20, 120)
    assert any("(a, b)" in line for line in lines(broken))
    assert any("<sub>one two</sub>" in line for line in lines(broken))


def test_lines_are_balanced():
    # Two lines are needed; the narrowest width that still gives two lines splits the title near its middle
    # instead of leaving one word on the second line.
    title = "First derivatives at the same points x"
    one, two = lines(break_title(title, 20, 320))
    assert abs(text_width(one, 20) - text_width(two, 20)) < text_width("derivatives ", 20)


def test_breaks_already_in_a_title_stay():
    assert break_title("a<br>b", 20, 320) == "a<br>b"


words = st.lists(st.text(alphabet="abcdefghijklmnopqrstuvwxyzθη₁²", min_size=1, max_size=9), min_size=1, max_size=14)


@given(words, st.integers(60, 400))
def test_every_line_fits_unless_it_is_one_word(parts, width):
    title = " ".join(parts)
    broken = break_title(title, 20, width)
    assert " ".join(lines(broken)) == title  # nothing lost, nothing added but the breaks
    for line in lines(broken):
        assert text_width(line, 20) <= width or " " not in line, (line, width)


@given(st.text(alphabet="梯度下降的學習率每一步，。：（）", min_size=1, max_size=40), st.integers(40, 300))
def test_chinese_lines_fit(title, width):
    broken = break_title(title, 20, width)
    assert "".join(lines(broken)) == title
    for line in lines(broken):
        # Wider than the width only when it cannot break: one character with the marks that stay with it.
        assert text_width(line, 20) <= width or len(re.sub(r"[，。：（）]", "", line)) <= 1, (line, width)
    for line in lines(broken)[1:]:
        assert not re.match(r"[，。：）]", line), line  # no line but the first starts with a closing mark


def figure(title: str, margin_top: int = 50, height: int = 400) -> figures.Fig:
    fig = figures.Fig()
    fig.update_layout(title={"text": title, "font": {"size": 20}}, margin={"t": margin_top}, height=height)
    return fig


def test_fit_title_makes_room_for_the_lines_it_adds():
    title = "|gⁱ| at each sample point: the same points, the sharp curve's always larger"
    fig = fit_title(figure(title), 320)
    n = len(lines(fig.layout["title"]["text"]))
    assert n == 3
    added = round((n - 1) * LINE_SPACING * 20)  # Plotly puts lines 1.3 em apart
    assert fig.layout["margin"]["t"] == 50 + added
    assert fig.layout["height"] == 400 + added  # the plot keeps its height


def test_fit_title_in_presenter_mode_keeps_the_height():
    fig = fit_title(figure("How far each rule moves each parameter, the same gᵗ, t = 0"), 320, grow=False)
    assert fig.layout["height"] == 400 and fig.layout["margin"]["t"] == 50 + round(LINE_SPACING * 20)


@pytest.mark.parametrize("title", ["Loss against epochs", ""])
def test_fit_title_leaves_a_short_title_and_its_figure_alone(title):
    fig = fit_title(figure(title), 320)
    assert fig.layout["title"]["text"] == title and fig.layout["margin"]["t"] == 50 and fig.layout["height"] == 400
