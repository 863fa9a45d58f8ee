"""Every page on a phone (390×844) and a tablet held upright (768×1024), with touch, and with a screen reader's and a
keyboard's eyes: the accessibility tree's names, axe-core's rules, the skip link, the step buttons.

One browser context per device (a new Streamlit session each), shared by its pages. Screenshots of every page go to
artifacts/screens/device_<page>_<size>.png.
"""

from __future__ import annotations

import re

import pytest

from tests.browser.test_browser import (
    PAGES,
    RUN_TIMEOUT,
    SCREENS,
    App,
    draws_charts,
    error_texts,
    expect,
    settle,
    wait_chart,
)

pytestmark = pytest.mark.browser

DEVICES = {"phone": (390, 844, 300), "tablet": (768, 1024, 600)}
"""Width, height, and the least width of a page's first chart."""

LAYOUT = """
() => {
  const box = (el) => el.getBoundingClientRect();
  const visible = (el) => { const r = box(el); const s = getComputedStyle(el);
    return r.width > 0 && r.height > 0 && s.display !== 'none' && s.visibility !== 'hidden'; };
  const overlap = (a, b) => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
  const sidebar = document.querySelector('[data-testid="stSidebar"]');
  const sb = sidebar ? box(sidebar) : null;
  const main = document.querySelector('[data-testid="stMain"]');
  const charts = [...document.querySelectorAll('.js-plotly-plot')].filter(visible);
  const first = charts.length ? box(charts[0]) : null;
  const covered = [];
  for (const gd of charts) {
    const title = gd.querySelector('.gtitle');
    if (!title || !visible(title)) continue;
    const t = box(title);
    for (const other of gd.querySelectorAll('.modebar-container .modebar-btn, .legend .bg')) {
      if (visible(other) && overlap(t, box(other))) covered.push(title.textContent);
    }
  }
  const small = [...document.querySelectorAll('[data-testid="stMain"] button')].filter(visible)
    .filter((b) => !b.closest('[data-testid="stTooltipIcon"], [data-testid="stHeaderActionElements"], .js-plotly-plot'))
    .map((b) => [b.textContent.trim().slice(0, 30) || b.getAttribute('aria-label') || b.dataset.testid,
                  Math.round(box(b).width), Math.round(box(b).height)])
    .filter(([, w, h]) => w < 44 || h < 44);
  return {
    sidebarOpen: !!sb && sb.width > 2 && sb.right > 2,
    first: first && {top: first.top, width: first.width},
    pageWide: document.documentElement.scrollWidth - document.documentElement.clientWidth,
    mainWide: main ? main.scrollWidth - main.clientWidth : 0,
    covered, small,
  };
}
"""

ALTS = """
() => [...document.querySelectorAll('.stPlotlyChart')].map((chart) =>
  chart.getAttribute('role') === 'figure' ? (chart.getAttribute('aria-label') || '').trim() : '')
"""


@pytest.fixture(scope="module", params=list(DEVICES))
def device(request, chromium, app_url):
    width, height, least = DEVICES[request.param]
    context = chromium.new_context(viewport={"width": width, "height": height}, has_touch=True, is_mobile=True)
    context.set_default_timeout(30_000)
    page = context.new_page()
    yield request.param, App(page, app_url), (width, height, least)
    context.close()


def open_and_draw(app: App, spec) -> None:
    app.open(spec.url_path)
    # The app's CSS (touch targets, legends, padding) comes with the script that adds the skip link.
    app.page.wait_for_selector("#gd-skip", state="attached")
    if draws_charts(spec):
        wait_chart(app.page)
    settle(app.page)


@pytest.mark.parametrize("spec", PAGES, ids=[p.name for p in PAGES])
def test_every_page_fits_the_device(device, spec):
    name, app, (width, height, least) = device
    open_and_draw(app, spec)
    page = app.page
    try:  # Streamlit's own buttons (the tabs' scroll arrows) grow in a CSS transition: let it end
        page.wait_for_function(f"() => ({LAYOUT.strip()})().small.length === 0", timeout=8000)
    except Exception:  # the assertion below says what is too small
        pass
    layout = page.evaluate(LAYOUT)
    page.screenshot(path=str(SCREENS / f"device_{spec.name}_{width}x{height}.png"))
    assert not layout["sidebarOpen"], f"{name} /{spec.url_path}: the sidebar is open at first load"
    assert layout["pageWide"] <= 0 and layout["mainWide"] <= 0, f"{name} /{spec.url_path}: scrolls sideways {layout}"
    assert not layout["covered"], f"{name} /{spec.url_path}: something covers the title of {layout['covered']}"
    assert not layout["small"], f"{name} /{spec.url_path}: buttons smaller than 44×44 px: {layout['small']}"
    if draws_charts(spec):
        first = layout["first"]
        assert first["width"] >= least, f"{name} /{spec.url_path}: the first chart is {first['width']:.0f} px wide"
        assert first["top"] < height, f"{name} /{spec.url_path}: the first chart starts at {first['top']:.0f} px"
        alts = page.evaluate(ALTS)
        assert alts and all(len(a) > 10 for a in alts), f"{name} /{spec.url_path}: a chart without text: {alts}"


ICON_CODE = re.compile(r":material/|_icon\b|chevron|arrow_(back|forward)|keyboard_arrow")
STREAMLITS_OWN = {"list", "listitem"}
"""axe-core's serious findings that Streamlit's own navigation causes (its <ul> of sections holds <div>s between
the list and its items); the app cannot reach that markup."""


WIDE_FORMULAS_REACHABLE = """
() => [...document.querySelectorAll('.katex-display')].every(
  (box) => box.scrollWidth <= box.clientWidth + 1 || box.getAttribute('tabindex') === '0')
"""


@pytest.fixture(scope="module")
def phone(chromium, app_url):
    context = chromium.new_context(viewport={"width": 390, "height": 844}, has_touch=True, is_mobile=True)
    context.set_default_timeout(30_000)
    page = context.new_page()
    yield App(page, app_url)
    context.close()


@pytest.mark.parametrize("spec", PAGES, ids=[p.name for p in PAGES])
def test_every_page_reads_well_aloud(phone, spec):
    from axe_playwright_python.sync_playwright import Axe

    open_and_draw(phone, spec)
    tree = phone.page.locator("body").aria_snapshot()
    coded = [line.strip() for line in tree.splitlines() if ICON_CODE.search(line)]
    assert not coded, f"/{spec.url_path}: icon codes read aloud: {coded}"
    # The app's script makes a formula too wide for the screen reachable by the Tab key, a moment after it is drawn.
    phone.page.wait_for_function(WIDE_FORMULAS_REACHABLE, timeout=5000)
    violations = Axe().run(phone.page).response["violations"]
    serious = [(v["id"], [n["target"] for n in v["nodes"]][:3]) for v in violations
               if v["impact"] in ("serious", "critical") and v["id"] not in STREAMLITS_OWN]
    assert not serious, f"/{spec.url_path}: {serious}"


def test_streamlits_own_findings_are_in_its_navigation(phone):
    """The findings left out above are Streamlit's navigation list's, and nothing else's."""
    from axe_playwright_python.sync_playwright import Axe

    open_and_draw(phone, PAGES[1])
    for v in Axe().run(phone.page).response["violations"]:
        if v["id"] in STREAMLITS_OWN:
            for node in v["nodes"]:
                assert 'data-testid="stSidebarNavItems"' in node["html"] or node["html"].startswith("<li"), node


def test_skip_link_and_step_buttons(phone):
    from playwright.sync_api import expect

    step = next(p for p in PAGES if p.url_path == "step-by-step")
    open_and_draw(phone, step)
    page = phone.page
    page.keyboard.press("Tab")
    assert page.evaluate("() => document.activeElement.id") == "gd-skip"
    expect(page.locator("#gd-skip")).to_be_in_viewport()
    page.keyboard.press("Enter")
    assert page.evaluate("() => document.activeElement.tagName + ':' + !!document.activeElement.closest("
                         "'[data-testid=\"stMain\"]')") == "H1:true"
    # Each button's accessible name is its name in words, then the key Streamlit shows on it ("Shortcut PageUp").
    def step_button(name: str):
        return page.get_by_role("button", name=re.compile(f"^{re.escape(name)}( Shortcut .*)?$"))

    for name in ("Previous update", "Next update"):
        box = step_button(name).bounding_box()
        assert box["width"] >= 44 and box["height"] >= 44, (name, box)
    prev_box = step_button("Previous update").bounding_box()
    next_box = step_button("Next update").bounding_box()
    assert abs(prev_box["y"] - next_box["y"]) < 2, "the ‹ and › buttons are not in one row"
    thumb = page.locator('[data-testid="stMain"] [data-testid="stSlider"] div:has(> div > input[type="range"])')
    box = thumb.first.bounding_box()
    assert box["width"] >= 24 and box["height"] >= 24, box

    before = phone.finished
    page.goto(f"{phone.base}/step-by-step?lang=zh-TW")
    phone.wait_run(before)
    expect(page.get_by_role("button", name=re.compile("^下一次更新( Shortcut .*)?$"))).to_be_visible()
    expect(page.locator("#gd-skip")).to_have_text("跳到課程內容")


# --- each lesson's main controls right under the figure they drive (issue 13) ---------------------------------

MAIN_CONTROLS = {
    # the page (and view) opened: the key of the figure, the key of the container of its one or two main controls,
    # which of them the test moves
    "step-by-step": ("contour", "gd-main-eta", 0),
    "learning-rate": ("curve", "gd-main-etas", 0),
    "adagrad": ("contour", "gd-main-t", 0),
    "best-step": ("best_curve", "gd-main-x0-eta", 0),
    "sgd": ("contour", "gd-main-t", 0),
    "feature-scaling": ("contour_scaled", "gd-main-k-t", 1),
    "theory": ("taylor", "gd-main-order", 0),
    "theory?part=circle": ("circle", "gd-main-d", 0),
    "theory?part=newton": ("newton", "gd-main-d", 0),
    "limitations": ("map", "gd-main-eta-steps", 0),
    "beyond": ("paths", "gd-main-steps", 0),
}
"""On feature scaling k and t sit under both contours, on a phone right under the second (after scaling), which
k does not change (scaled features forget their scale): the test moves t there."""

FIGURE_SHOWS = """
(key) => { const gd = document.querySelector(`.st-key-${key} .js-plotly-plot`);
  return gd && JSON.stringify([gd.data, gd.layout.title, gd.layout.annotations || []]); }
"""


@pytest.mark.parametrize("path", list(MAIN_CONTROLS))
def test_a_lessons_main_controls_sit_right_under_its_figure_and_move_it(phone, path):
    """On a phone (390×844, touch): the first main control starts at most 150 px under the bottom of the figure it
    drives, and a step of it (→ on its slider's thumb, or + on a number) changes what that figure shows."""
    figure_key, controls_key, moved = MAIN_CONTROLS[path]
    phone.open(path)
    page = phone.page
    figure = page.locator(f".st-key-{figure_key} .js-plotly-plot")
    expect(figure).to_be_visible()
    settle(page)
    controls = page.locator(f".st-key-{controls_key}")
    sliders = controls.get_by_role("slider")
    first = controls.locator('[data-testid="stSlider"], [data-testid="stNumberInput"]').first  # with its label
    assert first.count(), f"/{path}: no main control in .st-key-{controls_key} under the figure"
    figure_box, control_box = figure.bounding_box(), first.bounding_box()
    gap = control_box["y"] - (figure_box["y"] + figure_box["height"])
    assert 0 <= gap <= 150, f"/{path}: the main control starts {gap:.0f} px under its figure"

    shown = page.evaluate(FIGURE_SHOWS, figure_key)
    before = phone.finished
    if sliders.count():
        sliders.nth(moved).focus()
        page.keyboard.press("ArrowRight")
    else:
        controls.locator('[data-testid="stNumberInputStepUp"]').first.click()
    phone.wait_run(before)
    page.wait_for_function(f"(shown) => ({FIGURE_SHOWS.strip()})('{figure_key}') !== shown", arg=shown,
                           timeout=RUN_TIMEOUT)
    assert not error_texts(page), f"/{path}: {error_texts(page)}"


LEGEND_OVERLAPS = """
() => { const out = [];
  for (const gd of document.querySelectorAll('.js-plotly-plot')) {
    const boxes = [...gd.querySelectorAll('.legend .traces')].map((t) => [t.textContent, t.getBoundingClientRect()]);
    for (let i = 0; i < boxes.length; i++) for (let j = i + 1; j < boxes.length; j++) {
      const [na, a] = boxes[i], [nb, b] = boxes[j];
      if (a.left < b.right - 1 && b.left < a.right - 1 && a.top < b.bottom - 1 && b.top < a.bottom - 1) {
        out.push([na, nb]);
      }
    }
  }
  return out; }
"""


def test_the_feature_scaling_legends_are_readable_on_a_phone(phone):
    """Each entry of a legend in its own room (the loss chart's three once ran into each other at 390 px)."""
    phone.open("feature-scaling")
    expect(phone.page.locator(".st-key-losses .js-plotly-plot .legend")).to_be_visible()
    settle(phone.page)
    assert not phone.page.evaluate(LEGEND_OVERLAPS)
