"""The app in a real browser: ``streamlit run app.py`` driven through headless Chromium with Playwright.

The fixtures (``app_url``: the running server; ``browser_page``: a fresh 1280×720 page in Debian's Chromium)
live in tests/conftest.py. Without Chromium or Playwright these tests skip with the reason; under CI they fail.

Streamlit draws asynchronously, so nothing here sleeps for a fixed time. The server ends every run with a
``script_finished`` message on the app's WebSocket: the ``App`` helper counts those, so a test waits for
"one more finished run than before", then for the page to be idle (the app root's ``data-test-script-state``
"notRunning", no status widget, no stale element), then uses Playwright's retrying ``expect`` for what must
be on screen. Screenshots of every page (1280×720) go to artifacts/screens/browser_<page>.png.
"""

from __future__ import annotations

import re
import time
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import parse_qs, urlparse

import pytest
from google.protobuf.message import DecodeError
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg

pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parents[2]
SCREENS = ROOT / "artifacts" / "screens"


# --- the pages, read from app.py ---------------------------------------------------------------

@dataclass(frozen=True)
class PageSpec:
    script: str
    title: str
    url_path: str  # "" for the default page, as in the browser's address
    section: str | None  # the navigation's section (a dict key in app.py), None for a plain list

    @property
    def name(self) -> str:
        return self.url_path or "home"


def app_pages() -> list[PageSpec]:
    """Every lesson of the navigation (ui.nav.LESSONS, which app.py hands to st.navigation), in its order."""
    from ui.nav import HOME as HOME_LESSON
    from ui.nav import LESSONS

    return [PageSpec(lesson.script, lesson.title, "" if lesson is HOME_LESSON else lesson.url_path, lesson.section)
            for lesson in LESSONS]


PAGES = app_pages()
HOME = next(p for p in PAGES if p.url_path == "")


# --- waiting for Streamlit -----------------------------------------------------------------------

FINISHED = {ForwardMsg.FINISHED_SUCCESSFULLY, ForwardMsg.FINISHED_WITH_COMPILE_ERROR,
            ForwardMsg.FINISHED_FRAGMENT_RUN_SUCCESSFULLY}  # not FINISHED_EARLY_FOR_RERUN: another run follows

IDLE = """
() => {
  const app = document.querySelector('[data-testid="stApp"]');
  return !!app && app.getAttribute('data-test-script-state') === 'notRunning'
    && !document.querySelector('[data-testid="stStatusWidget"]')
    && !document.querySelector('[data-stale="true"]');
}
"""

ERRORS = '[data-testid="stException"], [data-testid="stAlertContentError"]'

CHART_DRAWN = """
() => [...document.querySelectorAll('.js-plotly-plot')].some(
  (gd) => gd.offsetParent !== null && gd.querySelector('.main-svg') && Array.isArray(gd.data) && gd.data.length > 0
          && !(window.__oldCharts && window.__oldCharts.has(gd.data)))
"""
PAGE_DRAWN = f"""
(needsChart) => !!document.querySelector('{ERRORS}')
  || (!!document.querySelector('[data-testid="stMain"] h1') && (!needsChart || ({CHART_DRAWN.strip()})()))
"""
MARK_CHARTS = """
() => { window.__oldCharts = new WeakSet([...document.querySelectorAll('.js-plotly-plot')].map((gd) => gd.data)
                                         .filter(Boolean)); }
"""

WARNINGS = '[data-testid="stAlertContentWarning"]'
RUN_TIMEOUT = 45_000


class App:
    """A browser page on the app that counts the runs the server reports finished.

    Each run ends with a ``script_finished`` message on the app's WebSocket; counting them in Python is
    exact, where the page's own "running" state can go by too fast to be seen in the DOM.
    """

    def __init__(self, page, base: str):
        self.page = page
        self.base = base
        self.finished = 0
        self.js_errors: list[str] = []
        page.on("websocket", self._watch)
        page.on("pageerror", lambda exc: self.js_errors.append(f"/{url_path(page.url)}: {exc}"))

    def _watch(self, ws) -> None:
        if ws.url.endswith("/_stcore/stream"):
            ws.on("framereceived", self._frame)

    def _frame(self, payload) -> None:
        if isinstance(payload, str):
            return
        try:
            msg = ForwardMsg.FromString(bytes(payload))
        except DecodeError:
            return
        if msg.WhichOneof("type") == "script_finished" and msg.script_finished in FINISHED:
            self.finished += 1

    def open(self, path_and_query: str) -> None:
        """Load a URL (a new Streamlit session) and wait for its first run. Streamlit's stray "Page not found"
        dialog over a lesson opened directly in a new session (streamlit/streamlit#9992) is closed, as a student
        would: it holds the keyboard's focus until then."""
        before = self.finished
        self.page.goto(f"{self.base}/{path_and_query}")
        self.wait_run(before)
        dialog = self.page.locator('[role="dialog"]').filter(has_text="Page not found")
        if dialog.count():
            self.page.keyboard.press("Escape")
            dialog.first.wait_for(state="detached")

    def wait_run(self, before: int, timeout: float = RUN_TIMEOUT) -> None:
        """Wait until a run has finished after ``before`` runs, then until the screen shows it."""
        deadline = time.monotonic() + timeout / 1000
        while self.finished <= before:
            if time.monotonic() > deadline:
                raise AssertionError(f"no run of the app finished within {timeout / 1000:.0f} s on {self.page.url}")
            self.page.wait_for_timeout(25)  # lets Playwright deliver the WebSocket events
        self.page.wait_for_function(IDLE, timeout=timeout)
        settle(self.page)


def settle(page) -> None:
    """Wait for two animation frames, so that React has drawn what the messages received so far changed.

    The server's "finished" can reach this test a moment before the page has applied the run, so checks
    for something that must be *absent* come after this, and checks for something present use retrying waits.
    """
    page.evaluate("() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)))")


def expect(target):
    """Playwright's retrying assertions (imported late: without Playwright the fixtures skip these tests)."""
    from playwright.sync_api import expect as playwright_expect

    return playwright_expect(target)


def wait_chart(page, timeout: float = RUN_TIMEOUT) -> None:
    """Wait for a drawn Plotly chart in view: a visible .js-plotly-plot with its .main-svg and traces,
    not one of the charts there were when ``mark_charts`` was last called (Plotly.react replaces gd.data)."""
    page.wait_for_function(CHART_DRAWN, timeout=timeout)


def mark_charts(page) -> None:
    page.evaluate(MARK_CHARTS)


def draws_charts(spec: PageSpec) -> bool:
    """Whether a page's script draws Plotly charts (the home page and "coming soon" stubs do not)."""
    source = (ROOT / spec.script).read_text(encoding="utf-8")
    return re.search(r"\bchart\(|\bplotly_chart\(", source) is not None  # ui.chart(...) or st.plotly_chart(...)


def error_texts(page) -> list[str]:
    """The texts of the exception and error boxes on screen (an exception sits in an error box: once)."""
    return list(dict.fromkeys(e.inner_text() for e in page.locator(ERRORS).all()))


def query(page) -> dict[str, list[str]]:
    return parse_qs(urlparse(page.url).query)


def url_path(url: str) -> str:
    return urlparse(url).path.strip("/")


def metric_value(page, label: str):
    """The value of the metric whose label contains ``label`` (a locator)."""
    box = page.locator('[data-testid="stMetric"]').filter(
        has=page.locator('[data-testid="stMetricLabel"]', has_text=label))
    return box.locator('[data-testid="stMetricValue"]')


def slider(page, label: str | re.Pattern):
    """The keyboard-focusable thumb (an <input type=range>, role slider) of the Streamlit slider ``label``.

    Found through its group, which is named by the label alone (the thumb's own name repeats it).
    """
    return page.get_by_role("group", name=label, exact=isinstance(label, str)).get_by_role("slider")


def update_latex(page):
    """The TeX source of the step-by-step page's update (KaTeX keeps it in an <annotation>), a locator."""
    return page.locator("annotation").filter(has_text=r"\begin{aligned}")


# --- the navigation: in the sidebar, or at the top with a drop-down per section -------------------------

NAV = '[data-testid="stSidebarNav"], [data-testid="stTopNav"]'
LINK_KINDS = ("stSidebarNavLink", "stTopNavLink", "stTopNavDropdownLink")


def links_to(page, href: str | None = None):
    """The navigation's links (to ``href`` only, if given), wherever the navigation is."""
    where = f'[href="{href}"]' if href else ""
    return page.locator(", ".join(f'a[data-testid="{kind}"]{where}' for kind in LINK_KINDS))


def section_button(page, section: str):
    return page.locator('[data-testid="stTopNavSection"]').filter(has_text=re.compile(f"^{re.escape(section)}$"))


def nav_hrefs(page) -> list[str]:
    """The URL paths the navigation offers, opening each top-navigation section in turn."""
    hrefs = links_to(page).evaluate_all("(as) => as.map((a) => a.href)")
    sections = page.locator('[data-testid="stTopNavSection"]')
    for i in range(sections.count()):
        sections.nth(i).click()
        dropdown = page.locator('[data-testid="stTopNavDropdownLink"]')
        dropdown.first.wait_for()
        hrefs += dropdown.evaluate_all("(as) => as.map((a) => a.href)")
        page.keyboard.press("Escape")
        dropdown.first.wait_for(state="detached")
    return [url_path(h) for h in hrefs]


def show_link(page, base: str, spec: PageSpec):
    """The navigation's link to ``spec``, made visible: opens its top-navigation section if needed, or the
    sidebar's "View more"."""
    link = links_to(page, f"{base}/{spec.url_path}").first
    if not (link.count() and link.is_visible()):
        more = page.locator('[data-testid="stSidebarNavViewButton"]')
        if more.count() and more.first.is_visible():
            more.first.click()
        elif spec.section is not None and section_button(page, spec.section).count():
            section_button(page, spec.section).first.click()
    expect(link).to_be_visible()
    return link


def screenshot(page, spec: PageSpec) -> None:
    SCREENS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENS / f"browser_{spec.name}.png"))


# --- the elongated bowl in closed form --------------------------------------------------------------
# Step by step opens on L(θ) = 0.1 θ₁² + 2 θ₂² from θ⁰ = (−5, −2); gradient descent multiplies θ₁ by
# (1 − 0.2 η) and θ₂ by (1 − 4 η) at every update, so θᵗ = ((1 − 0.2η)ᵗ θ₁⁰, (1 − 4η)ᵗ θ₂⁰).

def bowl_loss(eta: float, t: int) -> float:
    x = (1 - 0.2 * eta) ** t * -5.0
    y = (1 - 4 * eta) ** t * -2.0
    return 0.1 * x * x + 2 * y * y


def shown(value: float) -> str:
    """A value as the metrics show it: 4 significant digits (for values between 1e-3 and 1e6)."""
    assert 1e-3 <= abs(value) < 1e6
    return f"{value:.4g}"


def shown3(value: float) -> str:
    """A value as the Play figure's readout shows it: 3 significant digits (between 1e-3 and 1e6)."""
    assert 1e-3 <= abs(value) < 1e6
    return f"{value:.3g}"


# --- the tests --------------------------------------------------------------------------------------

def test_app_py_lists_the_pages():
    """The page list the browser test walks is read from app.py; make sure it was read."""
    assert HOME.title
    assert len(PAGES) >= 2
    assert len({p.url_path for p in PAGES}) == len(PAGES)
    assert any(p.url_path == "step-by-step" for p in PAGES)


def test_every_page_opens_from_the_navigation(browser_page, app_url):
    """Click every link of the navigation: each lesson draws a Plotly chart, no page shows an error."""
    app = App(browser_page, app_url)
    page = app.page
    app.open("")
    expect(page.locator(NAV).first).to_be_visible(timeout=RUN_TIMEOUT)
    expect(links_to(page).or_(page.locator('[data-testid="stTopNavSection"]')).first).to_be_visible()
    assert sorted(nav_hrefs(page)) == sorted(p.url_path for p in PAGES), "the navigation does not list app.py's pages"

    problems: list[str] = []
    # The default page is open: visit the others first and come back to it by its link last.
    for spec in [p for p in PAGES if p is not HOME] + [HOME]:
        link = show_link(page, app_url, spec)
        assert spec.title in link.inner_text(), f"the link to /{spec.url_path} is not titled {spec.title!r}"
        mark_charts(page)
        before = app.finished
        link.click()
        page.wait_for_url(lambda u, spec=spec: url_path(u) == spec.url_path)
        app.wait_run(before)
        # A page is drawn when its title and (for a page that draws charts) a new chart are there; an error
        # box ends the wait early, it is reported below.
        try:
            page.wait_for_function(PAGE_DRAWN, arg=draws_charts(spec), timeout=RUN_TIMEOUT)
        except Exception:
            problems.append(f"/{spec.url_path}: not drawn in {RUN_TIMEOUT // 1000} s (a title, and a Plotly chart "
                            f"with a .main-svg on a page that calls chart())")
        settle(page)
        problems += [f"/{spec.url_path}: error box: {text[:300]}" for text in error_texts(page)]
        screenshot(page, spec)
    problems += [f"JavaScript error on {e}" for e in app.js_errors]
    assert not problems, "\n".join(problems)


def test_keyboard_moves_sliders_and_the_url_follows(browser_page, app_url):
    """Arrow keys on a slider's thumb re-run the page, change what is on screen and write the URL."""
    app = App(browser_page, app_url)
    page = app.page
    app.open("step-by-step")
    wait_chart(page)
    assert "steps" not in query(page) and "eta" not in query(page)
    expect(metric_value(page, "after")).to_have_text(shown(bowl_loss(0.1, 1)))
    latex_before = update_latex(page).text_content()
    assert r"- 0.1 \begin{bmatrix}" in latex_before

    # Number of updates: 20 → 23; the update slider (t = 0 … n − 1) follows.
    before = app.finished
    slider(page, "Number of updates").focus()
    for _ in range(3):
        page.keyboard.press("ArrowRight")
    expect(slider(page, "Number of updates")).to_have_attribute("aria-valuetext", "23")
    page.wait_for_function("() => new URLSearchParams(location.search).get('steps') === '23'", timeout=RUN_TIMEOUT)
    app.wait_run(before)
    expect(slider(page, re.compile(r"^Update t"))).to_have_attribute("max", "22", timeout=RUN_TIMEOUT)

    # Learning rate: 0.1 → 0.15 → 0.2 (the next options); the update and its loss change.
    before = app.finished
    slider(page, "Learning rate η").focus()
    for _ in range(2):
        page.keyboard.press("ArrowRight")
    expect(slider(page, "Learning rate η")).to_have_attribute("aria-valuetext", "0.2")
    page.wait_for_function("() => new URLSearchParams(location.search).get('eta') === '0.2'", timeout=RUN_TIMEOUT)
    app.wait_run(before)
    assert app.finished > before
    expect(metric_value(page, "after")).to_have_text(shown(bowl_loss(0.2, 1)), timeout=RUN_TIMEOUT)
    expect(update_latex(page)).to_contain_text(r"- 0.2 \begin{bmatrix}")
    assert query(page) == {"steps": ["23"], "eta": ["0.2"]}
    assert not error_texts(page)


def test_a_shared_link_opens_the_same_settings(browser_page, app_url):
    """A link with eta, steps and t opens with those values on the sliders and the matching numbers."""
    app = App(browser_page, app_url)
    page = app.page
    app.open("step-by-step?eta=0.2&steps=30&t=5")
    wait_chart(page)
    expect(slider(page, "Learning rate η")).to_have_attribute("aria-valuetext", "0.2")
    expect(slider(page, "Number of updates")).to_have_attribute("aria-valuetext", "30")
    expect(slider(page, re.compile(r"^Update t"))).to_have_attribute("aria-valuetext", "5")
    expect(page.get_by_role("heading", name="Update t = 5")).to_have_count(1)
    expect(metric_value(page, "before")).to_have_text(shown(bowl_loss(0.2, 5)))
    expect(metric_value(page, "after")).to_have_text(shown(bowl_loss(0.2, 6)))
    expect(update_latex(page)).to_contain_text(r"\theta^{6} &= \theta^{5} - \eta")
    assert query(page) == {"eta": ["0.2"], "steps": ["30"], "t": ["5"]}
    expect(page.locator(WARNINGS)).to_have_count(0)
    assert not error_texts(page)


def test_a_garbage_link_shows_a_note_and_the_defaults(browser_page, app_url):
    """Unusable link values: no exception, a warning that names them, the defaults on the sliders."""
    app = App(browser_page, app_url)
    page = app.page
    app.open("step-by-step?eta=abc&steps=9999")
    wait_chart(page)
    assert not error_texts(page)
    note = page.locator(WARNINGS)
    expect(note).to_have_count(1)
    expect(note).to_contain_text("(abc)")
    expect(note).to_contain_text("(9999)")
    expect(note).to_contain_text("default")
    expect(slider(page, "Learning rate η")).to_have_attribute("aria-valuetext", "0.1")
    expect(slider(page, "Number of updates")).to_have_attribute("aria-valuetext", "20")
    expect(metric_value(page, "after")).to_have_text(shown(bowl_loss(0.1, 1)))
    assert "eta" not in query(page) and "steps" not in query(page)


ANIMATED_POINTS = """
() => {
  const gd = [...document.querySelectorAll('.js-plotly-plot')].find(
    (g) => g.offsetParent !== null && g.layout && g.layout.updatemenus && g.layout.updatemenus.length);
  if (!gd) return -1;
  // animated_path adds the growing path, then its head; _fullData holds the decoded arrays
  // (gd.data may hold Plotly's binary {dtype, bdata} form).
  const trace = gd._fullData[gd._fullData.length - 2];
  return trace && trace.x ? trace.x.length : -1;
}
"""


CONTOUR_WATCH = """
() => {
  // Counts the animation frames of the browser in which the Play figure shows no contour line.
  const gd = [...document.querySelectorAll('.js-plotly-plot')].find(
    (g) => g.offsetParent !== null && g.layout && g.layout.updatemenus && g.layout.updatemenus.length);
  window.__contourGone = 0;
  window.__contourSeen = 0;
  const look = () => {
    if (gd.querySelectorAll('g.contourlayer path').length === 0) window.__contourGone += 1;
    else window.__contourSeen += 1;
    window.__contourWatch = requestAnimationFrame(look);
  };
  look();
}
"""


def test_play_animates_the_path(browser_page, app_url):
    """The ▶ Play tab's figure has Plotly's Play button, and pressing it grows the animated path over the
    contours, which stay on screen in every frame the browser draws (they used to vanish at the first frame);
    the figure reads the update on screen above its slider."""
    app = App(browser_page, app_url)
    page = app.page
    app.open("step-by-step?steps=5&speed=fast")
    wait_chart(page)
    # The tab's figure is built when the tab opens: the click reruns the page.
    before = app.finished
    page.get_by_role("tab", name="▶ Play").click()
    app.wait_run(before)
    panel = '[data-testid="stTabPanel"]:visible'
    play = page.locator(f"{panel} .updatemenu-button", has_text="Play")
    expect(play).to_have_count(1, timeout=RUN_TIMEOUT)
    expect(page.locator(f"{panel} .updatemenu-button", has_text="Pause")).to_have_text("Pause")  # no ⏸ glyph
    page.wait_for_function(f"({ANIMATED_POINTS})() === 1", timeout=RUN_TIMEOUT)
    readout = page.locator(f"{panel} .slider-group > text.slider-label")  # the slider's current value
    expect(readout).to_have_text(f"t = 0 · θ⁰ = (-5, -2)L(θ⁰) = {shown3(bowl_loss(0.1, 0))}")  # two lines
    page.evaluate(CONTOUR_WATCH)
    play.click()
    page.wait_for_function(f"({ANIMATED_POINTS})() > 1", timeout=10_000)
    # It plays to the end: θ⁰ … θ⁵, six points on the path.
    page.wait_for_function(f"({ANIMATED_POINTS})() === 6", timeout=15_000)
    gone, seen = page.evaluate("() => { cancelAnimationFrame(window.__contourWatch); "
                               "return [window.__contourGone, window.__contourSeen]; }")
    assert gone == 0 and seen > 0, f"no contour in {gone} of {gone + seen} frames drawn while playing"
    # θ⁵ on 0.1x² + 2y² from (−5, −2) with η = 0.1: each coordinate times (1 − 0.02), (1 − 0.4) per update.
    x5, y5 = -5 * 0.98**5, -2 * 0.6**5
    expect(readout).to_have_text(f"t = 5 · θ⁵ = ({shown3(x5)}, {shown3(y5)})L(θ⁵) = {shown3(bowl_loss(0.1, 5))}")
    assert not error_texts(page)


# --- tabs: only the open one is built, and the link names it ------------------------------------------

TRACE_TYPES = """
() => [...document.querySelectorAll('.js-plotly-plot')].filter((gd) => Array.isArray(gd.data))
  .map((gd) => gd.data.map((t) => t.type || 'scatter').join('+'))
"""
SURFACE_DRAWN = """
() => [...document.querySelectorAll('.js-plotly-plot')].some(
  (gd) => gd.offsetParent !== null && gd.querySelector('.main-svg') && Array.isArray(gd.data)
          && gd.data.some((t) => t.type === 'surface'))
"""


def open_tab(app, name: str, param: str, value: str | None) -> None:
    """Click the tab ``name``, wait for the link to name it (``param=value``, or no ``param`` for the first
    tab) and for the run the click starts."""
    before = app.finished
    app.page.get_by_role("tab", name=name).click()
    app.page.wait_for_function("([k, v]) => new URLSearchParams(location.search).get(k) === v",
                               arg=[param, value], timeout=RUN_TIMEOUT)
    app.wait_run(before)
    expect(app.page.get_by_role("tab", name=name)).to_have_attribute("aria-selected", "true")


def test_tabs_build_the_open_one_and_the_link_names_it(browser_page, app_url):
    """Step by step: the 3-D surface is built only once its tab is clicked; the link then says ?view=3d,
    keeps it when a slider moves, and opens that tab; a garbage tab in the link opens the first."""
    app = App(browser_page, app_url)
    page = app.page
    app.open("step-by-step")
    wait_chart(page)
    types = page.evaluate(TRACE_TYPES)
    assert len(types) == 1 and types[0].startswith("contour+"), types  # the contour and its path: one figure
    assert not page.evaluate(SURFACE_DRAWN)

    open_tab(app, "3-D surface", "view", "3d")
    page.wait_for_function(SURFACE_DRAWN, timeout=RUN_TIMEOUT)
    types = page.evaluate(TRACE_TYPES)
    assert len(types) == 1 and types[0].startswith("surface+"), types  # the contour went with its tab
    # A slider moved with the surface open: the page reruns, the surface stays, the link keeps the tab.
    before = app.finished
    slider(page, "Learning rate η").focus()
    page.keyboard.press("ArrowRight")
    page.wait_for_function("() => new URLSearchParams(location.search).get('eta') === '0.15'", timeout=RUN_TIMEOUT)
    app.wait_run(before)
    expect(metric_value(page, "after")).to_have_text(shown(bowl_loss(0.15, 1)), timeout=RUN_TIMEOUT)
    page.wait_for_function(SURFACE_DRAWN, timeout=RUN_TIMEOUT)
    assert query(page) == {"view": ["3d"], "eta": ["0.15"]}
    # Back to the first tab: it leaves the link.
    open_tab(app, "Step by step", "view", None)
    wait_chart(page)
    assert not page.evaluate(SURFACE_DRAWN)
    assert query(page) == {"eta": ["0.15"]}
    assert not error_texts(page)

    # The link opens its tab, with the other settings.
    app.open("step-by-step?view=3d&eta=0.2")
    expect(page.get_by_role("tab", name="3-D surface")).to_have_attribute("aria-selected", "true")
    page.wait_for_function(SURFACE_DRAWN, timeout=RUN_TIMEOUT)
    expect(metric_value(page, "after")).to_have_text(shown(bowl_loss(0.2, 1)))
    assert query(page) == {"view": ["3d"], "eta": ["0.2"]}

    # A tab the page does not have: the first one, no error, no note, and the link loses it.
    app.open("step-by-step?view=4d")
    expect(page.get_by_role("tab", name="Step by step")).to_have_attribute("aria-selected", "true")
    wait_chart(page)
    assert not page.evaluate(SURFACE_DRAWN)
    page.wait_for_function("() => !new URLSearchParams(location.search).has('view')", timeout=RUN_TIMEOUT)
    assert not error_texts(page)
    expect(page.locator(WARNINGS)).to_have_count(0)
    problems = [f"JavaScript error on {e}" for e in app.js_errors]
    assert not problems, "\n".join(problems)


def test_adagrad_contradiction_tab_uses_the_t_chosen_in_the_first(browser_page, app_url):
    """Adagrad: t moved to 3 on tab ①, then tab ② opened (① is not built any more): ② is at update t = 3."""
    app = App(browser_page, app_url)
    page = app.page
    app.open("adagrad")
    wait_chart(page)
    before = app.finished
    slider(page, re.compile(r"^Update t")).focus()
    for _ in range(3):
        page.keyboard.press("ArrowRight")
    page.wait_for_function("() => new URLSearchParams(location.search).get('t') === '3'", timeout=RUN_TIMEOUT)
    app.wait_run(before)
    expect(page.get_by_role("heading", name="Update t = 3 in numbers, one table per parameter")).to_have_count(1)
    open_tab(app, "② Contradiction?", "part", "contradiction")
    expect(page.get_by_text("at Adagrad's update t = 3")).to_be_visible(timeout=RUN_TIMEOUT)
    expect(page.get_by_role("heading", name="Update t = 3 in numbers, one table per parameter")).to_have_count(0)
    assert query(page) == {"t": ["3"], "part": ["contradiction"]}
    # And back on ①, the slider is still at 3.
    open_tab(app, "① Adagrad beside gradient descent", "part", None)
    expect(slider(page, re.compile(r"^Update t"))).to_have_attribute("aria-valuetext", "3", timeout=RUN_TIMEOUT)
    assert not error_texts(page)


def test_the_playgrounds_share_link_names_the_open_tab(browser_page, app_url):
    """Playground: with the 3-D surface open, the link to share (and the address) says view=3d."""
    app = App(browser_page, app_url)
    page = app.page
    app.open("playground")
    wait_chart(page)
    open_tab(app, "3-D surface", "view", "3d")
    page.wait_for_function(SURFACE_DRAWN, timeout=RUN_TIMEOUT)
    expect(page.locator('[data-testid="stCode"]').last).to_contain_text("view=3d", timeout=RUN_TIMEOUT)
    assert not error_texts(page)


GOOD_CSV = b"x,y\r\n0.1,1.3\r\n0.2,1.35\r\n0.35,1.8\r\n0.5,2.0\r\n0.6,2.3\r\n0.75,2.4\r\n0.9,2.9\r\n1.0,3.1\r\n"
BAD_FILES = [
    ("bad_value.csv", b"x,y\n1,2\n2,abc\n", "'abc' is not a number"),
    ("one_row.csv", b"x,y\n1,2\n", "only one data row"),
    ("binary.csv", b"\xff\xfe\x00\x01\x02", "binary file"),
]


def _upload(app, page, name: str, content: bytes) -> None:
    before = app.finished
    page.locator('[data-testid="stFileUploaderDropzoneInput"][accept*=".csv"]').set_input_files(
        files=[{"name": name, "mimeType": "text/csv", "buffer": content}])
    app.wait_run(before)


def test_uploads_good_and_bad(browser_page, app_url):
    """The SGD page takes a good CSV (its caption names the file) and explains a bad one next to the
    uploader while the built-in data keeps the page working."""
    app = App(browser_page, app_url)
    page = app.page
    app.open("sgd")
    wait_chart(page)
    _upload(app, page, "good.csv", GOOD_CSV)
    expect(page.get_by_text("Using good.csv: 8 rows")).to_be_visible(timeout=RUN_TIMEOUT)
    assert not error_texts(page)
    for name, content, message in BAD_FILES:
        page.reload()
        app.open("sgd")
        _upload(app, page, name, content)
        expect(page.locator('[data-testid="stAlert"]', has_text=message)).to_be_visible(timeout=RUN_TIMEOUT)
        expect(page.locator('[data-testid="stAlert"]', has_text="built-in data")).to_have_count(1)
        wait_chart(page)
        assert not [t for t in error_texts(page) if message not in t], error_texts(page)


# --- the app in 繁體中文 and 简体中文 ------------------------------------------------------------------

CJK = re.compile(r"[\u4e00-\u9fff]")


@pytest.mark.parametrize("lang", ["zh-TW", "zh-CN"])
def test_every_page_opens_in_chinese(browser_page, app_url, lang):
    """Open every page with ?lang=…: no error box, the tab's title and the navigation's sections translated,
    a Chinese heading, and the selector showing the language."""
    from i18n import LANGUAGES
    from tests.catalogs import TABLES

    table = TABLES[lang]
    app = App(browser_page, app_url)
    page = app.page
    problems: list[str] = []
    for spec in PAGES:
        app.open(f"{spec.url_path}?lang={lang}")
        try:
            page.wait_for_function(PAGE_DRAWN, arg=False, timeout=RUN_TIMEOUT)
        except Exception:
            problems.append(f"/{spec.url_path}?lang={lang}: no title drawn")
            continue
        settle(page)
        problems += [f"/{spec.url_path}?lang={lang}: error box: {text[:300]}" for text in error_texts(page)]
        # The tab shows the app's title (st.set_page_config), the navigation the page's own title.
        want = table["Gradient descent, step by step"]
        try:
            page.wait_for_function("(t) => document.title.startsWith(t)", arg=want, timeout=5_000)
        except Exception:
            problems.append(f"/{spec.url_path}?lang={lang}: the tab is titled {page.title()!r}, not {want!r}")
        link = links_to(page, f"{app_url}/{spec.url_path}")
        if link.count() and table[spec.title] not in link.first.text_content():
            problems.append(f"/{spec.url_path}?lang={lang}: the navigation's link reads {link.first.text_content()!r}")
        heading = page.locator('[data-testid="stMain"] h1').first.inner_text()
        if not CJK.search(heading):
            problems.append(f"/{spec.url_path}?lang={lang}: the heading {heading!r} is not translated")
        if spec.section is not None:
            sections = page.locator('[data-testid="stTopNavSection"]').all_inner_texts()
            if sections and table[spec.section] not in [s.strip() for s in sections]:
                problems.append(f"/{spec.url_path}?lang={lang}: the navigation's sections are {sections}")
        selector = page.locator('[data-testid="stSidebar"] [data-testid="stSelectbox"]').first
        shown_text = selector.text_content() + " ".join(i.input_value() for i in selector.locator("input").all())
        if LANGUAGES[lang] not in shown_text:
            problems.append(f"/{spec.url_path}?lang={lang}: the language selector shows {shown_text!r}")
        if query(page).get("lang") != [lang]:
            problems.append(f"/{spec.url_path}?lang={lang}: the link lost lang: {page.url}")
    problems += [f"JavaScript error on {e}" for e in app.js_errors]
    assert not problems, "\n".join(problems)


def test_a_bad_file_is_explained_in_chinese_and_its_text_is_not_markdown(browser_page, app_url):
    """gd_core's reason is translated (ui.reason), and a column name or cell that Markdown would read is shown
    as typed, in a code span: no link, no image, no bold."""
    app = App(browser_page, app_url)
    page = app.page
    app.open("sgd?lang=zh-TW")
    wait_chart(page)
    _upload(app, page, "bad.csv", b"x,[y](https://example.com)\n1,2\n2,**abc**\n")
    box = page.locator('[data-testid="stAlert"]', has_text="這個檔案無法使用")
    expect(box).to_be_visible(timeout=RUN_TIMEOUT)
    shown = "這個檔案無法使用：第 3 行，[y](https://example.com)欄：**abc**不是數字。改為顯示內建資料。"
    assert box.inner_text().strip().endswith(shown), box.inner_text()  # after the 📄 icon
    assert box.locator("code").all_inner_texts() == ["[y](https://example.com)", "**abc**"]
    assert not box.locator("a, img, strong").count()
    wait_chart(page)


def test_downloads_csv_and_png(browser_page, app_url):
    """A chart's "Data of this chart (CSV)" button downloads its points; Plotly's camera saves a PNG."""
    app = App(browser_page, app_url)
    page = app.page
    app.open("learning-rate")
    wait_chart(page)
    with page.expect_download(timeout=RUN_TIMEOUT) as info:
        page.get_by_role("button", name="Data of this chart (CSV)").first.click()
    text = Path(info.value.path()).read_text(encoding="utf-8")
    header = text.splitlines()[0]
    assert header.startswith("series,point,")
    assert "Very large (η = " in text and "Large (η = 1)" in text  # on L = x², the large rate is 2/L″ = 1
    chart = page.locator(".js-plotly-plot").first
    chart.hover()
    with page.expect_download(timeout=RUN_TIMEOUT) as info:
        chart.locator('.modebar-btn[data-title="Download plot as a PNG"]').click()
    png = Path(info.value.path()).read_bytes()
    assert png[:8] == b"\x89PNG\r\n\x1a\n" and len(png) > 10_000


# --- a fresh server: the pages/ folder never shows ------------------------------------------------------

FILE_LIST_WATCH = """
window.__fileList = [];
new MutationObserver(() => {
  for (const a of document.querySelectorAll('[data-testid="stSidebarNav"] a, a[data-testid="stSidebarNavLink"]')) {
    window.__fileList.push(a.getAttribute('href') || a.textContent);
  }
}).observe(document, {subtree: true, childList: true});
"""


@pytest.mark.parametrize("spec", [p for p in PAGES if p.url_path in ("theory", "adagrad")], ids=lambda p: p.name)
def test_a_fresh_servers_first_request_runs_app_py_and_shows_no_file_list(chromium, tmp_path, spec):
    """The first run of a new server process reads pages/ in Streamlit's older multipage mode, until app.py's
    st.navigation turns it off: the first request must still run app.py (the page opens in the link's
    language) and the folder's file list must never appear in the sidebar, not even for a moment."""
    from i18n import set_language, tr
    from tests.conftest import streamlit_server

    with streamlit_server(tmp_path) as base:
        context = chromium.new_context(viewport={"width": 1280, "height": 720})
        try:
            page = context.new_page()
            page.add_init_script(FILE_LIST_WATCH)
            app = App(page, base)
            app.open(f"{spec.url_path}?lang=zh-TW")
            set_language("zh-TW")
            try:
                expect(page.locator('[data-testid="stMain"] h1').first).to_contain_text(tr(spec.title))
            finally:
                set_language("en")
            assert page.evaluate("window.__fileList") == []
            assert not error_texts(page)
        finally:
            context.close()
