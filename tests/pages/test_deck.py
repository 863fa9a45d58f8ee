"""The lecture as a deck (ui.deck): its data, a deck kept as a link or a file, and walking it with the deck bar's
buttons (PageDown / PageUp in the browser: tests/browser/test_browser_deck.py)."""

from __future__ import annotations

import base64
import json
import re
import zlib
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

import ui
from i18n import CATALOGS
from tests.apptest_helpers import APP, TIMEOUT, open_page, warnings
from ui.deck import LECTURE_DECK, DeckError, DeckStep, deck_decode, deck_encode, deck_from_json, deck_to_json

ROOT = Path(__file__).resolve().parents[2]
LESSON_BY_PATH = {lesson.url_path: lesson for lesson in ui.LESSONS}
UI_SOURCES = "".join((ROOT / "ui" / f).read_text(encoding="utf-8") for f in ("controls.py", "race.py", "state.py"))


def page_source(url_path: str) -> str:
    return (ROOT / LESSON_BY_PATH[url_path].script).read_text(encoding="utf-8")


# --- the deck's data -------------------------------------------------------------------------------

def test_the_lecture_deck_follows_the_lecture_in_order():
    assert 25 <= len(LECTURE_DECK) <= 35
    order = [lesson.url_path for lesson in ui.LESSONS[1:]]
    positions = [order.index(step.page) for step in LECTURE_DECK]
    assert positions == sorted(positions), "the deck walks the lessons in the lecture's order"
    assert set(order) <= {step.page for step in LECTURE_DECK}, "every lesson has a step"
    assert all(step.sentence for step in LECTURE_DECK)


@pytest.mark.parametrize("url_path", sorted(ui.DECK_PAGE_IDS))
def test_page_ids_and_keys_are_the_pages_own(url_path):
    """Each page id is the one the page gives ui.start_page, and each link key a deck may set is a key the page
    (or a shared control it draws) binds to the link."""
    source = page_source(url_path)
    pid = ui.DECK_PAGE_IDS[url_path]
    assert re.search(rf'(start_page\(\s*"{pid}"|PAGE = "{pid}")', source), pid
    for key in ui.DECK_PAGE_KEYS[url_path]:
        literal = f'"{key}"' in source + UI_SOURCES
        numbered = re.fullmatch(r"([sxy])\d", key) and f'f"{key[0]}{{i}}"' in source  # start i's slot, θ⁰
        racer = key in ui.RACE_KEYS.values() or key.removeprefix("eta_") in ui.RACE_KEYS.values()
        assert literal or numbered or (racer and "race_controls" in source), key


@pytest.mark.parametrize("lang", ["zh-TW", "zh-CN"])
def test_every_sentence_is_translated(lang):
    for step in LECTURE_DECK:
        assert CATALOGS[lang].gettext(step.sentence) != step.sentence, step.sentence


@pytest.mark.parametrize("index", range(len(LECTURE_DECK)))
def test_every_step_opens_its_page_with_its_settings(index):
    """Each step's query is read by its page: no note about an unusable value, no error, and the page's widgets
    hold the step's values."""
    step = LECTURE_DECK[index]
    lesson = LESSON_BY_PATH[step.page]
    at = open_page(lesson.script, {**step.query, "deck": str(index + 1)})
    assert not [w for w in warnings(at) if "cannot be used" in w]
    pid = ui.DECK_PAGE_IDS[step.page]
    for key, value in step.query.items():
        if key in ("view", "part"):
            continue
        shown = at.session_state[f"{pid}:{key}"]
        assert str(shown) in (value, f"{value}.0") or shown is (value == "1"), (key, shown, value)
    assert any(f"{index + 1} / {len(LECTURE_DECK)}" in m.value for m in at.markdown)


# --- a deck as a link and as a file ---------------------------------------------------------------

MINE = (DeckStep("step-by-step", {"eta": "0.2", "steps": "3"}), DeckStep("theory", {"part": "circle", "d": "1"}),
        DeckStep("beyond", {}))


def test_a_deck_round_trips_through_a_link_and_a_file():
    packed = deck_encode(MINE)
    assert re.fullmatch(r"[A-Za-z0-9_-]+", packed) and len(packed) < 200
    assert deck_decode(packed) == MINE
    assert deck_from_json(deck_to_json(MINE)) == MINE
    assert deck_from_json(deck_to_json(MINE).encode()) == MINE


def _pack(obj) -> str:
    return base64.urlsafe_b64encode(zlib.compress(json.dumps(obj).encode())).decode().rstrip("=")


@pytest.mark.parametrize("raw, reason", [
    ("not base64 at all!", "damaged"),
    ("AAAA", "damaged"),
    (_pack({"a": 1}), "damaged"),
    (_pack([["nowhere", {}]]), "not one of the app's pages"),
    (_pack([["theory", {"password": "x"}]]), "a setting its page does not have"),
    (_pack([["theory", {"d": 3}]]), "not a short text"),
    (_pack([["theory", {"d": "x" * 500}]]), "not a short text"),
    (_pack([]), "no steps"),
    (_pack([["beyond", {}]] * 61), "more than 60 steps"),
    ("A" * 5000, "too long"),
    (base64.urlsafe_b64encode(zlib.compress(b"[" * 200_000)).decode(), "too long"),
])
def test_a_garbage_link_is_refused_in_words(raw, reason):
    with pytest.raises(DeckError, match=reason):
        deck_decode(raw)


@pytest.mark.parametrize("raw, reason", [
    (b"\xff\xfe not json", "not a JSON file"),
    (b"[1, 2]", "not a deck of this app"),
    (json.dumps({"version": 2, "steps": []}).encode(), "not a deck of this app"),
    (json.dumps({"version": 1, "steps": [{"page": "../app.py"}]}).encode(), "not one of the app's pages"),
    (json.dumps({"version": 1, "steps": [{"page": "sgd", "query": []}]}).encode(), "not a list of names"),
    (b" " * 30_000, "larger than 20 KB"),
])
def test_a_bad_file_is_refused_in_words(raw, reason):
    with pytest.raises(DeckError, match=reason):
        deck_from_json(raw)


# --- walking it ------------------------------------------------------------------------------------

def _title(at: AppTest) -> str:
    return at.title[0].value


def test_next_steps_the_updates_then_switches_page():
    """From the home page: Start, then › steps t = 0 → 1 → 2 on step by step (3 updates), then goes to the next
    step (its settings in the link), and on; ‹ goes back the same way."""
    at = AppTest.from_file(APP, default_timeout=TIMEOUT)
    at.run()
    at.button(key="_deck:start").click().run()
    assert _title(at) == "Gradient descent, step by step"
    assert at.session_state["step:t"] == 0 and at.query_params["deck"] == "1"
    for t in (1, 2):
        at.button(key="_deck:next").click().run()
        assert at.session_state["step:t"] == t and at.query_params["deck"] == "1"
    at.button(key="_deck:next").click().run()
    assert at.query_params["deck"] == "2" and at.query_params["view"] == "play"
    assert at.session_state["step:t"] == 19  # the step's t, not the one left by the step before
    at.button(key="_deck:prev").click().run()
    assert at.query_params["deck"] == "1" and at.session_state["step:t"] == 0
    assert not at.exception


def test_the_whole_deck_walks_to_its_last_step():
    at = AppTest.from_file(APP, default_timeout=TIMEOUT)
    at.run()
    at.button(key="_deck:start").click().run()
    n = len(LECTURE_DECK)
    seen = []
    for _ in range(n + 20):
        seen.append((at.query_params["deck"], _title(at)))
        if at.button(key="_deck:next").disabled:
            break
        at.button(key="_deck:next").click().run()
        assert not at.exception
    assert seen[-1][0] == str(n)
    assert [int(d) for d, _ in dict(seen).items()] == list(range(1, n + 1))
    assert dict(seen)[str(n)] == _title(at)
    assert any(f"{n} / {n}" in m.value for m in at.markdown)


def test_jump_to_a_step_and_leave_the_deck():
    at = open_page("pages/1_step_by_step.py", {"deck": "1"})
    at.selectbox(key="_deck:jump").select_index(19).run()
    assert at.query_params["deck"] == "20" and at.query_params["part"] == "circle"
    assert _title(at) == "Why it works, and when it does not"
    at.button(key="_deck:off").click().run()
    assert "deck" not in at.query_params
    assert not any(f"/ {len(LECTURE_DECK)}" in m.value for m in at.markdown)


def test_a_garbage_deck_link_leaves_a_note_and_the_lecture_deck():
    at = open_page("pages/7_why_it_works.py", {"deck": "2", "decklist": "garbage!!"})
    assert any("The deck in this link cannot be used" in w for w in warnings(at))
    assert any(f"2 / {len(LECTURE_DECK)}" in m.value for m in at.markdown)


def test_a_lecturers_deck_built_in_the_sidebar_and_kept_in_the_link():
    at = open_page("pages/7_why_it_works.py", {"part": "circle", "d": "1"})
    at.button(key="_deck:add").click().run()
    at.switch_page("pages/9_momentum_rmsprop_adam.py").run()
    at.button(key="_deck:add").click().run()
    at.switch_page("pages/2_learning_rate.py").run()
    at.button(key="_deck:add").click().run()
    at.button(key="_deck:rm1").click().run()  # remove the race
    at.button(key="_deck:up1").click().run()  # the learning rate first
    at.button(key="_deck:mine").click().run()
    assert at.query_params["deck"] == "1"
    assert _title(at) == "Tip 1: tune your learning rate"
    mine = deck_decode(at.query_params["decklist"])
    assert mine == (DeckStep("learning-rate", {}), DeckStep("theory", {"part": "circle", "d": "1"}))
    assert any("1 / 2" in m.value for m in at.markdown)
    at.button(key="_deck:next").click().run()
    assert at.query_params["part"] == "circle" and at.session_state["theory:d"] == 1.0


def test_presenter_mode_and_the_language_hold_through_the_decks_page_switches():
    at = AppTest.from_file(APP, default_timeout=TIMEOUT)
    at.query_params.update({"present": "1", "lang": "zh-TW"})
    at.run()
    at.button(key="_deck:start").click().run()
    at.selectbox(key="_deck:jump").select_index(4).run()  # a page switch
    assert at.query_params["present"] == "1" and at.session_state[ui.PRESENTER_KEY]
    assert at.query_params["lang"] == "zh-TW" and at.query_params["deck"] == "5"
    assert not at.exception
