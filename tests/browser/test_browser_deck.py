"""Driven from a clicker or a keyboard, in a real browser: PageDown / PageUp / ← / → step the updates and Space plays
and pauses on step by step; nothing happens while a text field has the focus; from the home page in presenter mode,
PageDown alone walks the whole lecture deck to its last step.

Same fixtures and helpers as tests/browser/test_browser.py (a running app, headless Chromium)."""

from __future__ import annotations

import time
from urllib.parse import parse_qs, urlparse

import pytest

from tests.browser.test_browser import IDLE, RUN_TIMEOUT, App, expect, settle, url_path
from tests.browser.test_browser_presenter import _dismiss_dialog
from ui.deck import LECTURE_DECK

pytestmark = pytest.mark.browser


def _param(page, key: str) -> str | None:
    return parse_qs(urlparse(page.url).query).get(key, [None])[0]


def _t(page) -> int:
    return int(_param(page, "t") or 0)


def _press(app: App, key: str) -> None:
    """Press a key (the page has no focus on a field) and wait for the run it starts."""
    before = app.finished
    app.page.keyboard.press(key)
    app.wait_run(before)


def _blur(page) -> None:
    page.evaluate("() => document.activeElement && document.activeElement.blur()")


def test_page_keys_step_and_space_plays_and_pauses(browser_page, app_url):
    app = App(browser_page, app_url)
    page = app.page
    app.open("step-by-step?steps=5")
    expect(page.locator(".st-key-step-t-next kbd").first).to_have_text("PageDown")  # each button shows its key
    expect(page.locator(".st-key-step-t-play kbd").first).to_have_text("Space")
    _blur(page)
    for key, t in (("PageDown", 1), ("PageDown", 2), ("ArrowRight", 3), ("PageUp", 2), ("ArrowLeft", 1)):
        _press(app, key)
        page.wait_for_function(f"() => new URLSearchParams(location.search).get('t') === '{t}'", timeout=RUN_TIMEOUT)
        expect(page.get_by_role("heading", name=f"Update t = {t}")).to_be_visible()  # the numbers follow t

    # Space: t advances by itself (one update per tick, no click), to the last update (4), and stops there.
    page.keyboard.press("Space")
    page.wait_for_function("() => new URLSearchParams(location.search).get('t') === '3'", timeout=RUN_TIMEOUT)
    page.wait_for_function("() => new URLSearchParams(location.search).get('t') === '4'", timeout=RUN_TIMEOUT)
    expect(page.get_by_role("heading", name="Update t = 4")).to_be_visible()
    expect(page.get_by_role("button", name="Play")).to_be_visible()  # stopped at the last update

    # Space again plays from the start; Space once more pauses, and t stays.
    page.keyboard.press("Space")
    page.wait_for_function("() => ['1', '2'].includes(new URLSearchParams(location.search).get('t'))",
                           timeout=RUN_TIMEOUT)
    page.keyboard.press("Space")
    expect(page.get_by_role("button", name="Play")).to_be_visible(timeout=RUN_TIMEOUT)
    page.wait_for_function(IDLE, timeout=RUN_TIMEOUT)
    paused = _t(page)
    page.wait_for_timeout(2500)  # more than two ticks at the normal pace (0.9 s)
    settle(page)
    assert _t(page) == paused < 4


def test_shortcuts_do_nothing_while_typing(browser_page, app_url):
    app = App(browser_page, app_url)
    page = app.page
    app.open("step-by-step?steps=5&loss=custom&f=x%5E2%2By%5E2")
    field = page.get_by_test_id("stTextInputField").first
    field.click()
    page.keyboard.press("End")
    for key in ("PageDown", "ArrowRight", "Space", "PageUp"):
        page.keyboard.press(key)
    page.wait_for_timeout(1500)
    settle(page)
    assert field.input_value() == "x^2+y^2 "  # the space went into the field
    assert _param(page, "t") is None
    expect(page.get_by_role("heading", name="Update t = 0")).to_be_visible()


def test_pagedown_alone_walks_the_deck_from_the_home_page(browser_page, app_url):
    from playwright.sync_api import TimeoutError as PlaywrightTimeout

    app = App(browser_page, app_url)
    page = app.page
    app.open("?present=1")
    n = len(LECTURE_DECK)
    expect(page.locator(".st-key-_deck-start kbd").first).to_have_text("PageDown")
    _blur(page)
    walked: list[tuple[int, str]] = []
    retries = 0
    start = time.monotonic()
    for _ in range(n + 12):
        before = (page.url, app.finished)
        page.keyboard.press("PageDown")
        try:
            page.wait_for_function("(u) => location.href !== u", arg=before[0], timeout=15_000)
        except PlaywrightTimeout:
            # Streamlit's "Page not found" dialog (a known, separate fault of a fresh session's first load, see
            # tests/browser/test_browser_presenter.py) holds the key; closed, the next press goes through. Seen once in
            # five runs without a dialog: the first press on the fresh home page lost. Once more, then it fails.
            _dismiss_dialog(page)
            retries += 1
            assert retries <= 2, f"PageDown did nothing on {page.url}"
            continue
        app.wait_run(before[1])
        page.wait_for_function(IDLE, timeout=RUN_TIMEOUT)
        index = int(_param(page, "deck"))
        expect(page.get_by_text(f"{index} / {n}", exact=True)).to_be_visible()
        if not walked or walked[-1][0] != index:
            step = LECTURE_DECK[index - 1]
            assert url_path(page.url) == step.page, (index, page.url)
            assert all(_param(page, k) == v for k, v in step.query.items() if k != "t"), (index, page.url)
            walked.append((index, page.locator('[data-testid="stMain"] h1').first.inner_text()))
        if index == n:
            break
    assert [i for i, _ in walked] == list(range(1, n + 1))
    assert all(title for _, title in walked)
    expect(page.get_by_text(f"{n} / {n}", exact=True)).to_be_visible()
    expect(page.locator(".st-key-_deck-next button").first).to_be_disabled()
    assert _param(page, "present") == "1"  # presenter mode held all the way
    assert retries <= 2
    assert time.monotonic() - start < 90
