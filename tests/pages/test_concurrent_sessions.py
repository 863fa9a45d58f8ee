"""Many sessions at once on one server, as in a classroom: every first view and every rerun finishes
without an exception. (A navigation shared between sessions once failed here: an st.Page may be run
once per st.navigation call, so two sessions running the same shared page object at once broke.)"""

from __future__ import annotations

import asyncio
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "benchmarks"))

from st_client import Session

SESSIONS = 16


async def _student(ws_url: str, page: str, i: int) -> list[str]:
    s = Session(ws_url)
    await s.connect()
    try:
        run = await s.open_page(page, timeout=60)
        problems = [f"open: {e}" for e in run.exceptions]
        if run.status != "FINISHED_SUCCESSFULLY":
            problems.append(f"open: {run.status}")
        wid, _ = s.slider("step:steps")
        for value in (5 + i, 40 - i):
            run = await s.set_slider(wid, value, timeout=60)
            problems += [f"rerun: {e}" for e in run.exceptions]
        return problems
    finally:
        await s.close()


@pytest.mark.parametrize("page", ["step-by-step"])
def test_sessions_opening_and_rerunning_at_once_all_finish(app_url, page):
    ws_url = app_url.replace("http://", "ws://") + "/_stcore/stream"

    async def classroom():
        return await asyncio.gather(*[_student(ws_url, page, i) for i in range(SESSIONS)])

    # In a thread of its own: the browser tests' Playwright keeps an event loop running in this one.
    with ThreadPoolExecutor(1) as pool:
        results = pool.submit(lambda: asyncio.run(classroom())).result(timeout=240)
    problems = [p for session in results for p in session]
    assert not problems, problems
