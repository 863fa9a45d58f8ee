"""Presenter mode in a real browser: it holds through the menu, back and a language change; the first chart of
each lesson fits a projector's window; large print and contrast measured; the QR code for the class decoded.

Same fixtures and helpers as tests/browser/test_browser.py (a running app, headless Chromium)."""

from __future__ import annotations

import io
import re
from contextlib import contextmanager
from urllib.parse import parse_qs, urlparse

import pytest

from tests.browser.test_browser import PAGES, RUN_TIMEOUT, App, expect, links_to, section_button, settle, url_path

pytestmark = pytest.mark.browser

LESSON_PAGES = [p for p in PAGES if p.url_path]

def _query(page) -> dict[str, list[str]]:
    return parse_qs(urlparse(page.url).query)


def _presenting(page) -> bool:
    """Presenter mode is on when its compact header (the "Share with the class" popover) is drawn."""
    return page.locator('[data-testid="stPopoverButton"]').count() > 0


def _dismiss_dialog(page) -> None:
    """Close a modal dialog left on the page (a fresh session's first load can show Streamlit's "Page not
    found" over a page that is found and drawn: seen before this change too, left for another fix)."""
    dialog = page.locator('[role="dialog"]')
    if dialog.count() and dialog.first.is_visible():
        page.keyboard.press("Escape")
        dialog.first.wait_for(state="hidden")


@contextmanager
def _presenter_window(chromium, app_url: str, path: str, size: tuple[int, int]):
    """A new browser window of ``size`` on ``path`` in presenter mode (Streamlit's stray dialog closed)."""
    context = chromium.new_context(viewport={"width": size[0], "height": size[1]})
    context.set_default_timeout(30_000)
    try:
        app = App(context.new_page(), app_url)
        app.open(f"{path}?present=1")
        _dismiss_dialog(app.page)
        yield app
    finally:
        context.close()


def _go_by_menu(app: App, spec) -> None:
    page = app.page
    _dismiss_dialog(page)
    link = links_to(page, f"{app.base}/{spec.url_path}").first
    if not (link.count() and link.is_visible()):
        section_button(page, spec.section).first.click()
    expect(link).to_be_visible()
    before = app.finished
    link.click()
    page.wait_for_url(lambda u: url_path(u) == spec.url_path)
    app.wait_run(before)


def test_presenter_mode_holds_through_the_menu_back_and_a_language_change(browser_page, app_url):
    app = App(browser_page, app_url)
    page = app.page
    app.open("step-by-step?present=1")
    assert _presenting(page)
    target = next(p for p in LESSON_PAGES if p.url_path == "feature-scaling")
    _go_by_menu(app, target)
    page.wait_for_function("() => new URLSearchParams(location.search).get('present') === '1'", timeout=RUN_TIMEOUT)
    assert _presenting(page), "presenter mode lost through the top menu"

    before = app.finished
    page.go_back()
    page.wait_for_url(lambda u: url_path(u) == "step-by-step")
    app.wait_run(before)
    assert _query(page).get("present") == ["1"] and _presenting(page), "presenter mode lost by the back button"

    # The language selector is in the sidebar, folded away in presenter mode: open it.
    _dismiss_dialog(page)
    page.locator('[data-testid="stExpandSidebarButton"]').click()
    select = page.locator('[data-testid="stSidebar"] [data-testid="stSelectbox"]').first
    expect(select).to_be_visible()
    select.locator("input").click()
    before = app.finished
    page.keyboard.type("繁體")
    page.keyboard.press("Enter")
    app.wait_run(before)
    page.wait_for_function("() => new URLSearchParams(location.search).get('lang') === 'zh-TW'", timeout=RUN_TIMEOUT)
    assert _query(page).get("present") == ["1"] and _presenting(page), "presenter mode lost by a language change"
    _go_by_menu(app, _translated("learning-rate"))
    assert _query(page).get("present") == ["1"] and _query(page).get("lang") == ["zh-TW"]
    assert _presenting(page)
    assert not app.js_errors, app.js_errors


def _translated(path: str):
    """The spec of ``path`` with its section as the top menu shows it in the page's language."""
    from dataclasses import replace

    from i18n import set_language, translate

    spec = next(p for p in LESSON_PAGES if p.url_path == path)
    set_language("zh-TW")
    try:
        return replace(spec, section=translate(spec.section))
    finally:
        set_language("en")


@pytest.mark.parametrize("size", [(1280, 720), (1024, 768)], ids=["1280x720", "1024x768"])
def test_the_first_chart_of_every_lesson_fits_the_window(chromium, app_url, size):
    """Presenter mode, sidebar folded: the first chart's box lies wholly in the window, without scrolling."""
    width, height = size
    context = chromium.new_context(viewport={"width": width, "height": height})
    context.set_default_timeout(30_000)
    try:
        app = App(context.new_page(), app_url)
        problems = []
        for spec in LESSON_PAGES:
            app.open(f"{spec.url_path}?present=1")
            chart = app.page.locator(".js-plotly-plot").first
            chart.wait_for(timeout=RUN_TIMEOUT)
            app.page.wait_for_function(
                "() => !!document.querySelector('.js-plotly-plot .main-svg')", timeout=RUN_TIMEOUT)
            settle(app.page)
            box = app.page.evaluate("() => { const r = document.querySelector('.js-plotly-plot')"
                                    ".getBoundingClientRect(); return [r.left, r.top, r.right, r.bottom]; }")
            if not (box[0] >= 0 and box[1] >= 0 and box[2] <= width and box[3] <= height):
                problems.append(f"/{spec.url_path}: first chart at {box}, outside the {width}×{height} window")
        assert not problems, "\n".join(problems)
    finally:
        context.close()


TITLE_UNDER_NAV = """
() => {
  const bottom = (sel) => { const e = document.querySelector(sel); return e ? e.getBoundingClientRect().bottom : 0; };
  const h1 = document.querySelector('[data-testid="stMain"] h1');
  return {h1: h1 ? h1.getBoundingClientRect().top : null, text: h1 ? h1.textContent : '',
          nav: Math.max(bottom('[data-testid="stTopNav"]'), bottom('[data-testid="stHeader"]'))};
}
"""


@pytest.mark.parametrize(("size", "present"), [((1280, 720), True), ((1024, 768), True), ((1920, 1080), True),
                                               ((1280, 720), False), ((390, 844), False)],
                         ids=["1280x720", "1024x768", "1920x1080", "1280x720-plain", "390x844-plain"])
def test_the_title_starts_below_the_top_navigation(chromium, app_url, size, present):
    """Presenter mode: the home page's title and two lessons' titles start below the top navigation's bar (the
    header that holds it, whose white covers what lies under it), not partly under it; out of presenter mode too,
    on a laptop and on a phone (where the header holds the sidebar's button)."""
    width, height = size
    phone = width < 640
    context = chromium.new_context(viewport={"width": width, "height": height}, has_touch=phone, is_mobile=phone)
    context.set_default_timeout(30_000)
    try:
        app = App(context.new_page(), app_url)
        problems = []
        for path in ("", "learning-rate", "sgd"):
            app.open(f"{path}?present={int(present)}")
            expect(app.page.locator('[data-testid="stMain"] h1')).to_be_visible(timeout=RUN_TIMEOUT)
            # Presenter mode's style (its large print, 20 px a rem) can land a moment after the title.
            app.page.wait_for_function(
                "(on) => (getComputedStyle(document.documentElement).fontSize === '20px') === on", arg=present,
                timeout=RUN_TIMEOUT)
            settle(app.page)
            where = app.page.evaluate(TITLE_UNDER_NAV)
            assert where["nav"] > 0, f"/{path}: no top navigation bar"
            if where["h1"] < where["nav"]:
                problems.append(f"/{path}: the title {where['text']!r} starts at {where['h1']:.0f} px, under the top "
                                f"navigation's bar (to {where['nav']:.0f} px)")
        assert not problems, "\n".join(problems)
    finally:
        context.close()


MEASURE = """
() => {
  const parse = (c) => (c.match(/[\\d.]+/g) || []).map(Number);
  const f = (v) => { v /= 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; };
  const lum = ([r, g, b]) => 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b);
  // The colour as seen: the text's colour (and every ancestor's opacity) over the white page.
  const seen = (el, color) => { let [r, g, b, a] = parse(color); a = a === undefined ? 1 : a;
    for (let n = el; n && n.nodeType === 1; n = n.parentElement) a *= Number(getComputedStyle(n).opacity);
    return a < 0.02 ? null : [r, g, b].map((v) => v * a + 255 * (1 - a)); };  // null: not shown (opacity 0)
  const out = {};
  const pick = (name, sel, colorProp) => {
    const els = [...document.querySelectorAll(sel)].filter((e) => e.textContent.trim());
    out[name] = els.map((e) => ({e, cs: getComputedStyle(e)})).map(({e, cs}) => ({e, cs, c: seen(e, cs[colorProp])}))
      .filter(({c}) => c !== null)
      .map(({e, cs, c}) => ({size: parseFloat(cs.fontSize), contrast: 1.05 / (lum(c) + 0.05),
                             text: e.textContent.slice(0, 30)})); };
  pick('body', '[data-testid="stMain"] [data-testid="stMarkdownContainer"] p', 'color');
  pick('label', '[data-testid="stMain"] [data-testid="stWidgetLabel"] p', 'color');
  pick('value', '[data-testid="stMain"] [data-testid="stSliderThumbValue"]', 'color');
  pick('metric', '[data-testid="stMain"] [data-testid="stMetricLabel"] p', 'color');
  pick('caption', '[data-testid="stMain"] [data-testid="stCaptionContainer"] p', 'color');
  pick('table', '[data-testid="stMain"] table.gd-table td', 'color');
  pick('tick', '.js-plotly-plot .xtick text, .js-plotly-plot .ytick text', 'fill');
  return out;
}
"""


@pytest.mark.parametrize(("path", "kinds"), [
    ("step-by-step?present=1&t=3", ("body", "label", "value", "metric", "caption", "tick")),
    ("adagrad?present=1&part=contradiction", ("body", "table", "tick")),
])
def test_large_print_and_contrast_measured(browser_page, app_url, path, kinds):
    """Body text, widget labels and values, metric labels and table cells ≥ 22 px; chart ticks ≥ 18 px; text,
    captions and ticks ≥ 4.5:1 against the white page (WCAG's formula, opacity included)."""
    app = App(browser_page, app_url)
    app.open(path)
    app.page.wait_for_function("() => !!document.querySelector('.js-plotly-plot .xtick text')", timeout=RUN_TIMEOUT)
    measured = app.page.evaluate(MEASURE)
    problems = []
    for kind in kinds:
        assert measured[kind], f"no {kind} text on /{path}"
        least = 18 if kind == "tick" else 20 if kind == "caption" else 22
        problems += [f"{kind} {m['text']!r}: {m['size']} px" for m in measured[kind] if m["size"] < least]
        problems += [f"{kind} {m['text']!r}: contrast {m['contrast']:.2f}" for m in measured[kind]
                     if m["contrast"] < 4.5]
    assert not problems, "\n".join(problems)


def test_the_class_qr_code_opens_the_same_view_without_presenter_mode(chromium, app_url):
    """The QR code is decoded from a screenshot; its link opens the same page, settings, tab and language in a
    new browser (a student's phone), not in presenter mode."""
    import zxingcpp
    from PIL import Image

    context = chromium.new_context(viewport={"width": 1280, "height": 720})
    context.set_default_timeout(30_000)
    try:
        app = App(context.new_page(), app_url)
        app.open("step-by-step?present=1&lang=zh-CN&t=4&eta=0.2&view=3d")
        page = app.page
        _dismiss_dialog(page)
        page.locator('[data-testid="stPopoverButton"]').click()
        qr = page.locator("img.gd-qr")
        expect(qr).to_be_visible()
        box = qr.bounding_box()
        assert box["width"] >= 300 and box["height"] >= 300
        link_text = page.locator(".gd-share-link").inner_text()
        found = zxingcpp.read_barcodes(Image.open(io.BytesIO(qr.screenshot())))
        assert len(found) == 1, "no QR code decoded"
        link = found[0].text
        assert link.split("://", 1)[-1] == link_text  # the readable link beside it is the same link
        parsed = urlparse(link)
        assert url_path(link) == "step-by-step"
        query = parse_qs(parsed.query)
        assert query == {"lang": ["zh-CN"], "t": ["4"], "eta": ["0.2"], "view": ["3d"]}, query
    finally:
        context.close()

    student = chromium.new_context(viewport={"width": 390, "height": 844})
    student.set_default_timeout(30_000)
    try:
        app = App(student.new_page(), app_url)
        app.open(f"{parsed.path.lstrip('/')}?{parsed.query}")  # the same server, as the phone would reach it
        page = app.page
        assert "present" not in _query(page) and not _presenting(page)
        assert _query(page).get("view") == ["3d"] and _query(page).get("t") == ["4"]
        assert re.search(r"[\u4e00-\u9fff]", page.locator("h1").first.inner_text())  # in Chinese
        selected = page.locator('[data-testid="stTab"][aria-selected="true"]')
        expect(selected).to_have_count(1)
        tabs = page.locator('[data-testid="stTab"]')
        assert tabs.nth(2).get_attribute("aria-selected") == "true"  # the third tab: 3-D surface
    finally:
        student.close()


@pytest.mark.parametrize(("path", "label", "param", "value"), [
    ("step-by-step", "Learning rate η", "eta", "0.2"),  # the lesson's body reruns alone
    ("beyond", "Number of updates", "steps", "1002"),  # the race reruns alone, inside the body
])
def test_the_class_link_follows_a_control_that_reruns_only_part_of_the_page(chromium, app_url, path, label, param,
                                                                            value):
    """The share panel is in the header, which a lesson's own controls do not redraw (ui.chrome.start_page): the
    link and QR code in it still follow them."""
    from tests.browser.test_browser import slider

    with _presenter_window(chromium, app_url, path, (1280, 720)) as app:
        page = app.page
        before = app.finished
        slider(page, label).focus()
        page.keyboard.press("ArrowRight")
        page.keyboard.press("ArrowRight")
        page.wait_for_function("([k, v]) => new URLSearchParams(location.search).get(k) === v", arg=[param, value],
                               timeout=RUN_TIMEOUT)
        app.wait_run(before)
        page.locator('[data-testid="stPopoverButton"]').click()
        expect(page.locator(".gd-share-link")).to_contain_text(f"{param}={value}")
        assert "present" not in page.locator(".gd-share-link").inner_text()


@pytest.mark.parametrize("size", [(1280, 720), (1920, 1080)])
@pytest.mark.parametrize("path", ["step-by-step", "beyond", "playground", "learning-rate", "adagrad", "sgd"])
def test_a_legend_under_the_plot_clears_the_axis_title_in_large_print(chromium, app_url, path, size):
    """A legend under its plot (the race's, the loss curves') in presenter mode's larger print must still clear the
    x axis's title and tick labels, not cover them; and the title must clear the tick labels."""
    with _presenter_window(chromium, app_url, path, size) as app:
        page = app.page
        page.wait_for_selector(".js-plotly-plot .legend .traces")
        overlaps = page.evaluate("""() => [...document.querySelectorAll('.js-plotly-plot')].flatMap((gd) => {
            const entries = [...gd.querySelectorAll('.legend .traces')].map((el) => el.getBoundingClientRect());
            return [...gd.querySelectorAll('.xtitle, .xtick text')].map((el) => el.getBoundingClientRect())
                .flatMap((r) => entries.filter((l) => r.width > 0 && r.left < l.right && l.left < r.right
                                                      && r.top < l.bottom && l.top < r.bottom)
                                       .map((l) => [Math.round(r.top), Math.round(r.bottom), Math.round(l.top)]));
        })""")
        assert not overlaps, f"/{path} at {size}: the legend covers the x axis's title or ticks: {overlaps}"
        crowded = page.evaluate("""() => [...document.querySelectorAll('.js-plotly-plot')].flatMap((gd) => {
            const title = gd.querySelector('.xtitle');
            if (!title || !title.textContent.trim()) return [];
            const t = title.getBoundingClientRect();
            return [...gd.querySelectorAll('.xtick text')].map((el) => el.getBoundingClientRect())
                .filter((r) => r.width > 0 && r.left < t.right && t.left < r.right && r.top < t.bottom
                               && t.top < r.bottom)
                .map((r) => [title.textContent, Math.round(r.bottom), Math.round(t.top)]);
        })""")
        assert not crowded, f"/{path} at {size}: an x axis's title touches its tick labels: {crowded}"


def test_the_home_pages_links_and_start_button_are_whole_in_large_print(chromium, app_url):
    """At 1024×768 in presenter mode a lesson's link or the deck's start button wraps onto a second line instead of
    ending in "…"."""
    with _presenter_window(chromium, app_url, "", (1024, 768)) as app:
        page = app.page
        expect(page.locator('[data-testid="stPageLink"]').first).to_be_visible()
        cut = page.evaluate("""() => [...document.querySelectorAll(
                '[data-testid="stPageLink"] p, [data-testid="stPageLink"] span, .stButton button p')]
            .filter((el) => el.clientWidth > 0 && el.scrollWidth > el.clientWidth + 1).map((el) => el.textContent)""")
        assert not cut, f"cut off: {cut}"
