"""The CSV uploader on a phone in 繁體中文 and 简体中文: Streamlit 1.67's own words in it ("Upload", "Drag and drop file
here", "2MB per file • CSV") are English only and cannot be set, so ui/chrome.py's CSS hides them and shows words in
the page's language (CSS custom properties set by ui.upload.file_drop); a caption under it says what to do. What a
student sees and what a screen reader reads (Playwright's accessibility snapshot) are both in the page's language.

Same fixtures and helpers as tests/browser/test_browser.py (a running app, headless Chromium)."""

from __future__ import annotations

import re

import pytest

from tests.browser.test_browser import App, expect, wait_chart
from tests.catalogs import TABLES

pytestmark = pytest.mark.browser

ENGLISH = re.compile(r"upload|drag|drop|per file|limit|browse", re.IGNORECASE)
HOW = ("Choose a CSV file with the button above, or drop one on it: one or two feature columns, then the target y as "
       "the last column; at most {mb} MB.")

SHOWN = """
(zone) => {
  const words = [];
  const walk = (el) => {
    const s = getComputedStyle(el);
    if (s.display === 'none' || s.visibility === 'hidden' || el.getAttribute('aria-hidden') === 'true') return;
    for (const pseudo of ['::before', '::after']) {
      const c = getComputedStyle(el, pseudo).content;
      if (c && c !== 'none' && c !== 'normal') words.push(JSON.parse(c));
    }
    for (const node of el.childNodes) {
      if (node.nodeType === 3 && node.textContent.trim()) words.push(node.textContent.trim());
      else if (node.nodeType === 1) walk(node);
    }
  };
  walk(zone);
  return words;
}
"""


@pytest.mark.parametrize("lang", ["zh-TW", "zh-CN"])
def test_the_uploader_speaks_the_pages_language(chromium, app_url, lang):
    table = TABLES[lang]
    context = chromium.new_context(viewport={"width": 390, "height": 844}, has_touch=True, is_mobile=True)
    context.set_default_timeout(30_000)
    try:
        app = App(context.new_page(), app_url)
        page = app.page
        app.open(f"sgd?lang={lang}")
        wait_chart(page)
        page.locator('[data-testid="stExpandSidebarButton"]').click()
        box = page.locator(".st-key-gd-upload-csv")
        box.scroll_into_view_if_needed()
        expect(box).to_be_visible()
        button = table["Choose a file"]
        hint = table["{kinds}, at most {mb} MB"].format(kinds="CSV/TXT", mb=2)
        # What a student sees in the drop zone: the page's language only (no English instruction at all).
        shown = page.evaluate(SHOWN, box.locator('[data-testid="stFileUploaderDropzone"]').element_handle())
        assert button in shown and hint in shown, shown
        assert not [w for w in shown if ENGLISH.search(w)], shown
        # What a screen reader reads: the zone named by the label, the button by its word, the input too.
        label = table["Your own data (CSV, at most {mb} MB and {rows} rows)"].format(mb=2, rows=2000)
        page.wait_for_function(
            "() => [...document.querySelectorAll('.st-key-gd-upload-csv input[type=file]')]"
            ".every((i) => i.getAttribute('aria-label') !== 'file upload')")
        tree = box.aria_snapshot()
        assert f'region "{label}"' in tree and f'button "{button}"' in tree and hint in tree, tree
        assert not ENGLISH.search(tree.replace("Help for", "")), tree  # Streamlit's "Help for" tooltip: not ours
        # A file dragged over the zone: Streamlit's "Drag and drop a file here" gives way to the page's language.
        zone = box.locator('[data-testid="stFileUploaderDropzone"]')
        drag = page.evaluate_handle("() => { const d = new DataTransfer(); "
                                    "d.items.add(new File(['x,y'], 'a.csv', {type: 'text/csv'})); return d; }")
        zone.dispatch_event("dragenter", {"dataTransfer": drag})
        overlay = zone.locator("> div:not([data-testid])")
        expect(overlay).to_have_count(1)
        shown = page.evaluate(SHOWN, zone.element_handle())
        assert table["Drop the file here"] in shown and not [w for w in shown if ENGLISH.search(w)], shown
        zone.dispatch_event("dragleave", {"dataTransfer": drag})
        # Next to it, what to do: choose or drop a CSV file, its columns, at most 2 MB.
        caption = page.locator('[data-testid="stSidebar"] [data-testid="stCaptionContainer"]',
                               has_text=table[HOW].format(mb=2))
        expect(caption).to_be_visible()
    finally:
        context.close()
