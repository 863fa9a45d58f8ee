"""Every page in 繁體中文 and 简体中文 (AppTest): it renders without an exception or an error box, and its
title is the translation of the English one. Plus the language selector and the ``lang`` link parameter."""

from __future__ import annotations

from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from i18n import LANGUAGES, set_language
from tests.apptest_helpers import APP, TIMEOUT, errors, every_view, warnings
from tests.catalogs import TABLES
from ui.nav import LESSONS

ROOT = Path(__file__).resolve().parents[2]


PAGES = [lesson.script for lesson in LESSONS]
OTHERS = [code for code in LANGUAGES if code != "en"]


@pytest.fixture(autouse=True)
def english_after():
    yield
    set_language("en")


def open_in(path: str, query: dict[str, str] | None = None) -> AppTest:
    """Run app.py on ``path`` with ``query`` in the link from the very first run (as a browser opens it)."""
    at = AppTest.from_file(APP, default_timeout=TIMEOUT)
    at.query_params.update(query or {})
    at.run()
    at.switch_page(path)
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def param(at: AppTest, key: str) -> str | None:
    """A link parameter's value (AppTest keeps a string or a list of them)."""
    value = at.query_params.get(key)
    return value[-1] if isinstance(value, list) and value else value


def title(at: AppTest) -> str:
    assert at.title, "the page shows no title"
    return at.title[0].value


_ENGLISH: dict[str, str] = {}


def english_title(path: str) -> str:
    if path not in _ENGLISH:
        _ENGLISH[path] = title(open_in(path))
    return _ENGLISH[path]


def test_the_pages_were_found():
    assert len(PAGES) >= 10 and "pages/1_step_by_step.py" in PAGES


@pytest.mark.parametrize("lang", OTHERS)
@pytest.mark.parametrize("path", PAGES)
def test_page_renders_translated(path, lang):
    english = english_title(path)
    at = open_in(path, {"lang": lang})
    assert not errors(at), errors(at)
    assert not warnings(at), warnings(at)
    assert english in TABLES[lang], f"the title {english!r} has no {lang} translation"
    assert title(at) == TABLES[lang][english]
    assert param(at, "lang") == lang
    assert at.selectbox(key="app:lang").value == lang
    # Each tab too (only the open one is built): no error and no note, the language kept.
    for view in every_view(at):
        assert not errors(at), (view, errors(at))
        assert not warnings(at), (view, warnings(at))
        assert param(at, "lang") == lang, view


def test_the_selector_switches_and_keeps_the_link():
    at = open_in("pages/1_step_by_step.py", {"eta": "0.2", "steps": "30"})
    assert title(at) == "Gradient descent, step by step"
    assert "lang" not in at.query_params
    at.selectbox(key="app:lang").set_value("zh-CN").run()
    assert not at.exception
    assert title(at) == TABLES["zh-CN"]["Gradient descent, step by step"]
    assert param(at, "lang") == "zh-CN"
    assert param(at, "eta") == "0.2" and param(at, "steps") == "30"
    assert at.select_slider(key="step:eta").value == 0.2
    # Back to English, the browser's default: ``lang`` leaves the link, the rest stays.
    at.selectbox(key="app:lang").set_value("en").run()
    assert title(at) == "Gradient descent, step by step"
    assert "lang" not in at.query_params
    assert param(at, "eta") == "0.2"


def nav_titles(at: AppTest) -> list[str]:
    """The navigation's page titles as the last run registered them (AppTest keeps st.navigation's pages)."""
    return [info["page_name"] for info in at._registered_pages.values()]


def test_the_navigation_follows_the_language():
    at = open_in("pages/1_step_by_step.py")
    english = nav_titles(at)
    assert english[0] == "Home: the lecture map" and len(english) == len(PAGES)
    at.selectbox(key="app:lang").set_value("zh-TW").run()
    assert nav_titles(at) == [TABLES["zh-TW"][t] for t in english]
    assert title(at) == TABLES["zh-TW"]["Gradient descent, step by step"]
    at.selectbox(key="app:lang").set_value("en").run()
    assert nav_titles(at) == english


def test_a_garbage_lang_shows_a_note_and_english():
    at = open_in("pages/1_step_by_step.py", {"lang": "<b>klingon</b>"})
    assert title(at) == "Gradient descent, step by step"
    notes = warnings(at)
    assert len(notes) == 1 and "klingon" in notes[0] and "English" in notes[0]
    assert "lang" not in at.query_params
    assert not errors(at)


def test_a_translated_note_for_a_bad_widget_value():
    at = open_in("pages/1_step_by_step.py", {"lang": "zh-TW", "eta": "abc"})
    notes = warnings(at)
    assert len(notes) == 1 and "abc" in notes[0] and "預設值" in notes[0]
