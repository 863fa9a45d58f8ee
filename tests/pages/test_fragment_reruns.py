"""A lesson's own widgets rerun the lesson's body alone (a fragment, ui.chrome.start_page): the header, app.py's
switches and the navigation are not sent again, so a rerun costs the server less (benchmarks/classroom.py). On the
race, the number of updates (under the figure) reruns the race alone, not the sidebar's settings. Checked through a
real server and websocket sessions, as a browser speaks to it (benchmarks/st_client.py). Stepping through a run's
updates reruns the part of the body after the update's control (ui.part), not the settings above it."""

from __future__ import annotations

import asyncio
import contextlib
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "benchmarks"))

from st_client import Session

FRAGMENT_RUN = "FINISHED_FRAGMENT_RUN_SUCCESSFULLY"


def _in_thread(coro_fn):
    # In a thread of its own: the browser tests' Playwright keeps an event loop running in this one.
    with ThreadPoolExecutor(1) as pool:
        return pool.submit(lambda: asyncio.run(coro_fn())).result(timeout=180)


@contextlib.asynccontextmanager
async def _session(app_url: str):
    """A browser-like websocket session on the test server, closed at the end."""
    s = Session(app_url.replace("http://", "ws://") + "/_stcore/stream")
    await s.connect()
    try:
        yield s
    finally:
        await s.close()


def _kinds(run) -> list[str]:
    return [kind for kind, _ in run.elements]


def test_a_lesson_widget_reruns_the_body_without_the_header(app_url):
    async def go():
        async with _session(app_url) as s:
            opened = await s.open_page("step-by-step", timeout=60)
            wid, _ = s.slider("step:steps")
            moved = await s.set_slider(wid, 7, timeout=60)
            return opened, moved, s

    opened, moved, s = _in_thread(go)
    assert opened.ok and opened.status == "FINISHED_SUCCESSFULLY"
    assert moved.ok and moved.status == FRAGMENT_RUN, moved.status
    # The first view drew the header (the page's style and title) and the navigation; the rerun did not.
    assert "html" in _kinds(opened) and "navigation" in opened.by_kind
    assert "navigation" not in moved.by_kind
    assert sum(1 for kind in _kinds(moved) if kind == "html") < sum(1 for kind in _kinds(opened) if kind == "html")
    # ... but the body followed the new value: the update slider now ends at t = 7 − 1, and the chart was redrawn.
    (t_slider,) = [s.widgets[wid_][1] for kind, wid_ in moved.elements if kind == "slider" and wid_.endswith("step:t")]
    assert t_slider.max == 6
    assert "plotly_chart" in _kinds(moved)
    assert len(moved.elements) < len(opened.elements)


def test_the_race_redraws_alone_when_the_number_of_updates_moves(app_url):
    async def go():
        async with _session(app_url) as s:
            opened = await s.open_page("beyond", timeout=60)
            wid, _ = s.slider("beyond:steps")
            moved = await s.set_slider(wid, 40, timeout=60)
            beta, _ = s.slider("beyond:beta")
            settings = await s.set_slider(beta, 0.5, timeout=60)
            return opened, moved, settings, wid, beta

    _, moved, settings, steps_id, beta_id = _in_thread(go)
    assert moved.ok and moved.status == FRAGMENT_RUN
    drawn = {wid for _, wid in moved.elements if wid}
    # The race's slider, its two charts and its table came again; the sidebar's settings (momentum's β) did not.
    assert steps_id in drawn and beta_id not in drawn
    assert _kinds(moved).count("plotly_chart") == 2
    # A setting in the sidebar reruns the page's body: the settings and the race are drawn again.
    assert settings.ok and settings.status == FRAGMENT_RUN
    drawn = {wid for _, wid in settings.elements if wid}
    assert {steps_id, beta_id} <= drawn


def test_a_rerun_of_the_body_or_of_the_race_keeps_the_pages_language(app_url):
    """Streamlit runs a fragment's rerun in a new thread, without app.py, which sets the language: the fragments
    carry it (ui.fragment)."""
    async def go():
        async with _session(app_url) as s:
            await s.open_page("beyond", query="lang=zh-TW", timeout=60)
            beta, _ = s.slider("beyond:beta")
            body = await s.set_slider(beta, 0.5, query="lang=zh-TW", timeout=60)
            steps, _ = s.slider("beyond:steps")
            race = await s.set_slider(steps, 40, query="lang=zh-TW", timeout=60)
            return body, race

    body, race = _in_thread(go)
    for run in (body, race):
        assert run.ok and run.status == FRAGMENT_RUN
        assert "比賽結果的數字" in run.texts and "The race in numbers" not in run.texts, run.texts


PARTS = [  # (page, a slider of a part of the body (ui.part), a setting above the part: a slider or another widget)
    ("step-by-step", "step:t", "step:steps"),
    ("adagrad", "adagrad:t", "adagrad:steps"),
    ("sgd", "sgd:t", "sgd:n"),
    ("feature-scaling", "scaling:t", "scaling:n"),
    ("limitations", "limits:steps", "limits:s1"),  # η and the number of updates; the starts' choices
]


def test_a_part_of_the_body_reruns_without_the_settings_above_it(app_url):
    """The update t (and on the limitations page η and the number of updates) start a part of the body
    (ui.part): a move reruns what follows, not the sidebar's settings and the run above it; again and again
    (each rerun of the part starts from the page's names as they were where it starts); in the page's language.
    A setting above the part (a slider) reruns the whole body, the part with it."""
    async def go(page, part_key, setting_key):
        async with _session(app_url) as s:
            opened = await s.open_page(page, query="lang=zh-TW", timeout=60)
            part_id, _ = s.slider(part_key)
            moves = [await s.set_slider(part_id, v, query="lang=zh-TW", timeout=60) for v in (3, 4, 2)]
            setting = None
            if any(kind == "slider" and wid.endswith(setting_key) for wid, (kind, _) in s.widgets.items()):
                setting_id, _ = s.slider(setting_key)
                setting = await s.set_slider(setting_id, 30, query="lang=zh-TW", timeout=60)
            return opened, moves, setting

    for page, part_key, setting_key in PARTS:
        opened, moves, setting = _in_thread(
            lambda page=page, part_key=part_key, setting_key=setting_key: go(page, part_key, setting_key))
        assert opened.ok, (page, opened.exceptions)
        assert setting_key in {wid.rsplit("-", 1)[-1] for _, wid in opened.elements if wid}, page
        for moved in moves:
            assert moved.ok and moved.status == FRAGMENT_RUN, (page, moved.status, moved.exceptions)
            drawn = {wid.rsplit("-", 1)[-1] for _, wid in moved.elements if wid}
            assert part_key in drawn and setting_key not in drawn, page
            assert "plotly_chart" in _kinds(moved), page
            assert len(moved.elements) < len(opened.elements), page
            english = [t for t in moved.texts if t.isascii() and len(t) > 40 and not t.lstrip().startswith("$")]
            assert not english, (page, english)  # words, not formulas: the part speaks the page's language
        if setting is not None:
            assert setting.ok and setting.status == FRAGMENT_RUN
            drawn = {wid.rsplit("-", 1)[-1] for _, wid in setting.elements if wid}  # t's id follows its new range
            assert {part_key, setting_key} <= drawn, page
