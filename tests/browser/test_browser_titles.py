"""Chart titles on a phone (390×844, touch), in English and in 繁體中文, on every page and every tab: Plotly draws a
title as SVG text that never wraps, so figures.fit_title breaks a long one into lines. Each title must lie inside its
chart's width, below its top edge and above the plot, and under neither the legend nor Plotly's toolbar.

Same fixtures and helpers as tests/browser/test_browser.py (a running app, headless Chromium)."""

from __future__ import annotations

import pytest

from tests.browser.test_browser import PAGES, RUN_TIMEOUT, SCREENS, App, expect, settle, wait_chart

pytestmark = pytest.mark.browser

TITLES = """
() => {
  const box = (el) => el.getBoundingClientRect();
  const visible = (el) => { const r = box(el); const s = getComputedStyle(el);
    return r.width > 0 && r.height > 0 && s.display !== 'none' && s.visibility !== 'hidden'; };
  const overlap = (a, b) => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
  const problems = [];
  let titles = 0;
  for (const gd of document.querySelectorAll('.js-plotly-plot')) {
    const svg = gd.querySelector('.main-svg');
    const title = gd.querySelector('.gtitle');
    if (!svg || !visible(svg) || !title || !title.textContent.trim()) continue;
    titles += 1;
    const s = box(svg), t = box(title);
    const name = [...title.querySelectorAll('tspan.line')].map((l) => l.textContent).join(' / ')
      || title.textContent;
    const plotTop = s.top + gd._fullLayout._size.t;
    if (t.left < s.left - 1 || t.right > s.right + 1) {
      problems.push(`${name}: ${Math.round(t.left - s.left)}…${Math.round(t.right - s.left)} px, outside the chart's `
                    + `${Math.round(s.width)} px`);
    }
    if (t.top < s.top - 1) problems.push(`${name}: starts ${Math.round(s.top - t.top)} px above the chart`);
    if (t.bottom > plotTop + 1) problems.push(`${name}: reaches ${Math.round(t.bottom - plotTop)} px into the plot`);
    for (const other of gd.querySelectorAll('.modebar-container .modebar-btn, .legend .bg')) {
      if (visible(other) && overlap(t, box(other))) {
        problems.push(`${name}: under the ${other.closest('.legend') ? 'legend' : 'toolbar'}`);
      }
    }
  }
  return {titles, problems};
}
"""


@pytest.fixture(scope="module")
def phone(chromium, app_url):
    context = chromium.new_context(viewport={"width": 390, "height": 844}, has_touch=True, is_mobile=True)
    context.set_default_timeout(30_000)
    yield App(context.new_page(), app_url)
    context.close()


def tab_names(page) -> list[str]:
    return [t.inner_text().strip() for t in page.get_by_role("tab").all()]


@pytest.mark.parametrize("lang", ["en", "zh-TW"])
@pytest.mark.parametrize("spec", [p for p in PAGES if p.url_path], ids=[p.name for p in PAGES if p.url_path])
def test_every_chart_title_fits_a_phone(phone, spec, lang):
    app, page = phone, phone.page
    app.open(f"{spec.url_path}?lang={lang}")
    wait_chart(page)
    settle(page)
    problems, titles = [], 0
    names = tab_names(page)
    for i, name in enumerate(names or [None]):
        if i:  # the first tab is open; each other one is built when clicked
            before, link = app.finished, page.evaluate("location.search")
            tab = page.get_by_role("tab", name=name, exact=True).first
            tab.click()
            expect(tab).to_have_attribute("aria-selected", "true")
            # A lesson's view (ui.views) is built when its tab is clicked: a run, and the link names the tab. Other
            # tabs (the race's update rules) are all drawn at once: no run, the link stays.
            try:
                page.wait_for_function("(link) => location.search !== link", arg=link, timeout=1500)
                app.wait_run(before)
            except Exception:
                settle(page)
            wait_chart(page, timeout=RUN_TIMEOUT)
        page.wait_for_function("() => [...document.querySelectorAll('.js-plotly-plot')].every("
                               "(gd) => !gd.offsetParent || gd._fullLayout)", timeout=RUN_TIMEOUT)
        found = page.evaluate(TITLES)
        titles += found["titles"]
        problems += [f"[{name or 'page'}] {p}" for p in found["problems"]]
        page.screenshot(path=str(SCREENS / f"titles_{spec.name}_{lang}_{i}.png"), full_page=False)
    assert titles, f"/{spec.url_path}?lang={lang}: no chart title found"
    assert not problems, f"/{spec.url_path}?lang={lang}:\n" + "\n".join(problems)
