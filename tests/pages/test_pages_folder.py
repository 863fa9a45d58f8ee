"""The lessons live in pages/, next to app.py: Streamlit's older multipage mode reads that folder on a
server's first run (before app.py's st.navigation switches it off) and registers each file under its name
without the leading number. Were that name one of the app's own page paths, the first request of a fresh
server for that path would run the lesson without app.py (no language, no presenter mode)."""

from __future__ import annotations

from pathlib import Path

import pytest
from streamlit.source_util import page_icon_and_name

from tests.apptest_helpers import open_page
from ui.nav import LESSONS

ROOT = Path(__file__).resolve().parents[2]
PAGES = [(lesson.script, lesson.url_path) for lesson in LESSONS]


def test_every_lesson_is_in_the_navigation():
    files = sorted(str(p.relative_to(ROOT)) for p in (ROOT / "pages").glob("*.py"))
    assert sorted(f for f, _ in PAGES) == files
    assert len(PAGES) == 11


@pytest.mark.parametrize(("path", "url_path"), PAGES)
def test_a_file_name_is_never_a_page_path(path, url_path):
    _, folder_name = page_icon_and_name(ROOT / path)
    assert folder_name not in {u for _, u in PAGES}, (path, folder_name)


@pytest.mark.parametrize(("path", "url_path"), PAGES)
def test_each_page_runs_through_app_py(path, url_path):
    """AppTest starts every run as a fresh server does (the folder's mode on): app.py must still run first."""
    at = open_page(path, {"lang": "zh-CN"})
    assert at.session_state["app:lang"] == "zh-CN"
