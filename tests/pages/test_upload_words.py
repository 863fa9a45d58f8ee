"""The CSV uploader (ui.upload.file_drop) explained in the page's language (AppTest): under it, a caption saying what
to do (choose or drop a CSV file, its columns, at most 2 MB); in it, the words that replace Streamlit's English
"Upload" and "2MB per file • CSV" (CSS custom properties its container sets, shown by ui/chrome.py's CSS)."""

from __future__ import annotations

import re

import pytest
from streamlit.testing.v1 import AppTest

import gd_core
from i18n import set_language
from tests.apptest_helpers import APP, TIMEOUT
from tests.catalogs import TABLES
from ui.upload import css_string

HOW = {
    "pages/5_stochastic_gd.py": "Choose a CSV file with the button above, or drop one on it: one or two feature "
                                "columns, then the target y as the last column; at most {mb} MB.",
    "pages/6_feature_scaling.py": "Choose a CSV file with the button above, or drop one on it: two feature columns, "
                                  "then the target y as the last column; at most {mb} MB.",
}
MB = gd_core.data.MAX_BYTES // 2**20


@pytest.fixture(autouse=True)
def english_after():
    yield
    set_language("en")


def translated(lang: str, english: str) -> str:
    return english if lang == "en" else TABLES[lang][english]


def open_in(path: str, lang: str) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=TIMEOUT)
    at.query_params["lang"] = lang
    at.run()
    at.switch_page(path)
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    return at


@pytest.mark.parametrize("lang", ["en", "zh-TW", "zh-CN"])
@pytest.mark.parametrize("path", list(HOW))
def test_the_uploader_is_explained_in_the_pages_language(path, lang):
    at = open_in(path, lang)
    how = translated(lang, HOW[path]).format(mb=MB)
    captions = [c.value for c in at.sidebar.caption]
    assert how in captions, captions
    assert "2 MB" in how and "CSV" in how
    if lang != "en":
        assert re.search(r"[\u4e00-\u9fff]", how) and "Choose" not in how
    # A style-only st.html goes to Streamlit's event container, outside the sidebar: looked for in the whole app.
    styles = [h.proto.body for h in at.get("html") if h.proto.body.startswith("<style>.st-key-gd-upload-csv ")]
    assert len(styles) == 1, styles
    button = css_string(translated(lang, "Choose a file"))
    hint = css_string(translated(lang, "{kinds}, at most {mb} MB").format(kinds="CSV/TXT", mb=MB))
    assert f"--gd-upload-button: {button};" in styles[0] and f"--gd-upload-hint: {hint};" in styles[0]


@pytest.mark.parametrize(("text", "literal"), [
    ("選擇檔案", '"選擇檔案"'),
    ('say "hi"', '"say \\22 hi\\22 "'),
    ("a\\b", '"a\\5c b"'),
    ("</style><script>", '"\\3c /style\\3e \\3c script\\3e "'),
    ("two\nlines", '"two\\a lines"'),
])
def test_css_string_cannot_end_its_string_or_its_style(text, literal):
    assert css_string(text) == literal
