"""Click-to-start in a real browser: a click on step by step's contour sets θ⁰ there, in the inputs, in the
link, and the path starts at it.

Same fixtures and helpers as tests/browser/test_browser.py (a running app, headless Chromium)."""

from __future__ import annotations

import pytest

from tests.browser.test_browser import RUN_TIMEOUT, App, query, wait_chart

pytestmark = pytest.mark.browser

PLOT = """() => { const gd = document.querySelector('.js-plotly-plot'); const L = gd._fullLayout;
  const path = gd._fullData.find((t) => (t.name || '').startsWith('gradient descent'));
  return {x: L.xaxis.range, y: L.yaxis.range, start: [Number(path.x[0]), Number(path.y[0])],
          last: gd.data[gd.data.length - 1].name}; }"""


def test_a_click_on_the_contour_starts_gradient_descent_there(browser_page, app_url):
    app = App(browser_page, app_url)
    page = app.page
    app.open("step-by-step")
    wait_chart(page)
    # A first load's stray "Page not found" (tests/browser/test_browser_presenter.py).
    dialog = page.locator('[role="dialog"]')
    if dialog.count() and dialog.first.is_visible():
        page.keyboard.press("Escape")
        dialog.first.wait_for(state="hidden")
    before = page.evaluate(PLOT)
    assert before["last"] == "click" and before["start"] == pytest.approx([-5.0, -2.0])
    area = page.locator(".js-plotly-plot .nsewdrag").first.bounding_box()
    # Three quarters across, a sixth down: above the minimum's right, away from the path and the star.
    fx, fy = 0.75, 1 / 6
    (x0, x1), (y0, y1) = before["x"], before["y"]
    want_x, want_y = x0 + fx * (x1 - x0), y1 - fy * (y1 - y0)
    # The nearest marker of the 40 × 40 layer is at most half a cell away, and the inputs round to 0.01.
    tol_x, tol_y = (x1 - x0) / 39 / 2 + 0.006, (y1 - y0) / 39 / 2 + 0.006
    px, py = area["x"] + fx * area["width"], area["y"] + fy * area["height"]
    page.mouse.move(px - 5, py - 5)
    page.mouse.move(px, py)
    started = app.finished
    page.mouse.click(px, py)
    page.wait_for_function("() => new URLSearchParams(location.search).has('x0')", timeout=RUN_TIMEOUT)
    app.wait_run(started)

    link = query(page)
    got_x, got_y = float(link["x0"][0]), float(link["y0"][0])
    assert got_x == pytest.approx(want_x, abs=tol_x) and got_y == pytest.approx(want_y, abs=tol_y)
    sidebar = page.locator('[data-testid="stSidebar"]')
    assert float(sidebar.get_by_label("θ₁⁰").input_value()) == pytest.approx(got_x)
    assert float(sidebar.get_by_label("θ₂⁰").input_value()) == pytest.approx(got_y)
    page.wait_for_function("([x, y]) => { const gd = document.querySelector('.js-plotly-plot');"
                           " const p = gd._fullData.find((t) => (t.name || '').startsWith('gradient descent'));"
                           " return Math.abs(p.x[0] - x) < 1e-6 && Math.abs(p.y[0] - y) < 1e-6; }",
                           arg=[got_x, got_y], timeout=RUN_TIMEOUT)
    assert not app.js_errors, app.js_errors
