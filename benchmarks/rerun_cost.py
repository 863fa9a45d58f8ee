"""Server-side cost of one rerun with a NEW slider value, per page, against a trivial page.

Measured through real servers (``streamlit run`` of app.py and of ``benchmarks/baseline_app.py``, one slider and one
small Plotly chart), one websocket session per page speaking as the browser does (benchmarks/st_client.py): from
sending the slider's new value to the server's ``script_finished``, so the cost of sending the page's messages is
included. The client acknowledges every segment at once (``quick_ack``), so that no delayed ACK is timed. As in a
browser, a widget drawn inside a fragment asks for that fragment's rerun alone: a lesson's widgets rerun the lesson's
body (ui.chrome.start_page), the race's number of updates the race (ui.race.race_view). Rounds are interleaved
(baseline, page, baseline, page, ...) and each value is new (so ``st.cache_data`` cannot hide the work); the ratio of
each page's median to the baseline's median is the figure.

``--apptest`` measures whole-app reruns in-process instead, as AppTest makes them (AppTest cannot ask for a
fragment's rerun): every page opened through app.py's navigation in its own AppTest session, and the baseline in
another, ``at.run()`` timed after each new value, each script compiled once as a server does
(``share_script_cache``), not on every AppTest run.

``--walk``: each page's session first opens every lesson in the lecture's order, as a lecture does, and then the page:
its session state holds what a walk through the lecture leaves there (Streamlit looks through all of it each time it
draws a select box or a number input).

``--cpu``: the server's CPU time per rerun instead of the wall time (utime + stime of the server process, over
``--rounds`` reruns in a row per page, so at least 40 rounds for a clock of 100 ticks a second). The wall time of a
run includes a wait for Streamlit's next flush of messages to the browser, every 5 ms (``runtime_util``'s
``MESSAGE_FLUSH_INTERVAL_SECS``): a run that ends just after a flush waits most of it. The trivial page's runs end
either before its first flush or after it, and its median flips between about 3.5 and 8.5 ms from one run of this
script to the next; the CPU time has no such step.

Bars: every page <= 6x the baseline (below the strongest Streamlit peer's 6.3x on this measure); the median
page <= 3x.

The slider moved on each page is the one that drives its main computation (``SLIDERS`` below); its
values are the grid values nearest its default, in a shuffled order, none used twice.

Usage: python benchmarks/rerun_cost.py [--rounds 15] [--page step-by-step ...] [--walk] [--cpu | --apptest]
"""

from __future__ import annotations

import argparse
import math
import os
import random
import statistics
import sys
import time
import warnings
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

# The slider each page's rerun moves: the page's main computation depends on it. The home page has none.
# On the race pages it is momentum's β, which recomputes momentum's run of 1,000 updates (each racer's run is
# cached on its own, ui.race_cached; it recomputed all five before): a new number of updates is cut from a
# longer race computed before, which would not measure the race.
SLIDERS = {
    "step-by-step": "step:steps",
    "learning-rate": "lr:x0",
    "adagrad": "adagrad:steps",
    "best-step": "best:x0",
    "sgd": "sgd:n",
    "feature-scaling": "scaling:n",
    "theory": "theory:order",
    "limitations": "limits:steps",
    "beyond": "beyond:beta",
    "playground": "play:beta",
}
BASELINE = ROOT / "benchmarks" / "baseline_app.py"
WORST_BAR, MEDIAN_BAR = 6.0, 3.0
TIMEOUT = 120


def app_pages() -> list[tuple[str, str]]:
    """(url path, lesson file) for every page of the navigation (ui.nav.LESSONS), in its order."""
    from ui.nav import LESSONS

    return [(lesson.url_path, lesson.script) for lesson in LESSONS]


def fresh_values(widget, count: int, seed: int, cap: bool = False) -> list:
    """``count`` grid values of a slider nearest its current value, excluding it, shuffled (with ``cap``, all of
    them when the slider has fewer)."""
    lo, hi, step, now = widget.min, widget.max, widget.step, widget.value
    integer = isinstance(now, int)
    n = math.floor((hi - lo) / step + 1e-9)
    grid = [lo + k * step for k in range(n + 1)]
    grid = [round(v) if integer else round(v, 10) for v in grid]
    grid = [v for v in grid if not math.isclose(v, now, abs_tol=1e-12)]
    grid.sort(key=lambda v: abs(v - now))
    if len(grid) < count and not cap:
        raise SystemExit(f"{widget.key}: only {len(grid)} fresh values, {count} needed (use fewer --rounds)")
    picked = grid[:count]
    random.Random(seed).shuffle(picked)
    return picked


def share_script_cache() -> None:
    """Compile each script once, as a server does: AppTest makes a new ScriptCache (and so reads and
    compiles app.py and the page's file again) on every run, which a server, with one ScriptCache for
    the process, never does. The baseline gets the same treatment."""
    import streamlit.testing.v1.app_test as app_test
    import streamlit.testing.v1.local_script_runner as local_script_runner
    from streamlit.runtime.scriptrunner.script_cache import ScriptCache

    shared: dict = {}

    class SharedScriptCache(ScriptCache):
        def __init__(self):
            super().__init__()
            self._cache = shared

    app_test.ScriptCache = SharedScriptCache
    local_script_runner.ScriptCache = SharedScriptCache


class Session:
    """One AppTest session on one page, and the fresh values its slider will take."""

    def __init__(self, name: str, at, key: str | None, count: int, seed: int):
        self.name, self.at, self.key, self.times = name, at, key, []
        self.values = fresh_values(self.slider(), count, seed) if key else []

    def slider(self):
        return self.at.slider(key=self.key)

    def step(self) -> None:
        self.slider().set_value(self.values.pop())
        start = time.perf_counter()
        self.at.run()
        elapsed = time.perf_counter() - start
        if self.at.exception:
            raise SystemExit(f"{self.name}: exception {[e.value for e in self.at.exception]}")
        self.times.append(elapsed)


def report(times: dict[str, tuple[str, list[float]]], base_times: list[float], rounds: int, how: str) -> None:
    """The table and the verdicts: each page's median (and p90) against the baseline's median."""
    base = statistics.median(base_times)
    print(f"median of {rounds} reruns, each with a new slider value; baseline measured interleaved ({how})\n")
    print(f"{'page':16s} {'slider':16s} {'median ms':>10s} {'p90 ms':>8s} {'x baseline':>11s}")
    print(f"{'baseline':16s} {'(trivial page)':16s} {base * 1e3:10.1f} "
          f"{sorted(base_times)[int(0.9 * (len(base_times) - 1))] * 1e3:8.1f} {1.0:10.2f}x")
    ratios = {}
    for name, (key, page_times) in times.items():
        med = statistics.median(page_times)
        p90 = sorted(page_times)[int(0.9 * (len(page_times) - 1))]
        ratios[name] = med / base
        print(f"{name:16s} {key:16s} {med * 1e3:10.1f} {p90 * 1e3:8.1f} {ratios[name]:10.2f}x")
    worst_name = max(ratios, key=ratios.get)
    worst, median_page = ratios[worst_name], statistics.median(ratios.values())
    print()
    def verdict(ok: bool) -> str:
        return "MET" if ok else "NOT MET"

    print(f"worst page  {worst_name}: {worst:.2f}x  (bar: <= {WORST_BAR:g}x)  {verdict(worst <= WORST_BAR)}")
    print(f"median page: {median_page:.2f}x  (bar: <= {MEDIAN_BAR:g}x)  {verdict(median_page <= MEDIAN_BAR)}")


class _SliderProto:
    """A websocket session's slider proto, read like an AppTest slider (for :func:`fresh_values`)."""

    def __init__(self, proto):
        integer = proto.data_type == proto.DataType.INT
        self.min, self.max, self.step = ((int(v) if integer else v) for v in (proto.min, proto.max, proto.step))
        # A widget whose value comes from the session (as all of the app's do) sends it as ``value``.
        now = proto.value[0] if proto.set_value and proto.value else proto.default[0]
        self.value = int(now) if integer else now
        self.key = proto.id


def cpu_seconds(pid: int) -> float:
    """The CPU time (user + system) of process ``pid`` so far, its threads included, those ended too."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


async def measure_servers(urls: list[str], count: int, warmup: int, walk: bool = False,
                          cpu: bool = False) -> tuple[dict, list[float]]:
    """Per page, the seconds of each timed rerun through a real server, and the baseline's: wall time, one
    rerun each, interleaved; or with ``cpu`` the server's CPU time per rerun, one figure per page (and per
    baseline stretch) over ``count - warmup`` reruns in a row."""
    from st_client import Server
    from st_client import Session as Client

    app, base_server = Server(ROOT / "app.py"), Server(BASELINE)
    try:
        app.wait_healthy()
        base_server.wait_healthy()
        pages = []
        for n, url in enumerate(urls):
            client = Client(app.ws_url, quick_ack=True)
            await client.connect()
            if walk:
                for lesson, _ in app_pages():
                    walked = await client.open_page(lesson)
                    if not walked.ok:
                        raise SystemExit(f"{lesson}: {walked.status} {walked.exceptions} on the walk")
            opened = await client.open_page(url)
            if opened.exceptions:
                raise SystemExit(f"{url}: exception on opening: {opened.exceptions}")
            wid, proto = client.slider(SLIDERS[url].split(":", 1)[1])
            pages.append((url, client, wid, fresh_values(_SliderProto(proto), count, n, cap=cpu), []))
        base = Client(base_server.ws_url, quick_ack=True)
        await base.connect()
        await base.open_page("")
        base_wid, base_proto = base.slider("k")
        base_values = fresh_values(_SliderProto(base_proto), count * len(pages), 0)
        base_times: list[float] = []
        if cpu:
            return await _measure_cpu(app, base_server, pages, base, base_wid, base_values, warmup)
        for r in range(count):
            for url, client, wid, values, page_times in pages:
                b = await base.set_slider(base_wid, base_values.pop())
                run = await client.set_slider(wid, values.pop())
                if not run.ok:
                    raise SystemExit(f"{url}: {run.status} {run.exceptions}")
                if r >= warmup:
                    base_times.append(b.seconds)
                    page_times.append(run.seconds)
        for _, client, *_ in pages:
            await client.close()
        await base.close()
        return {url: (SLIDERS[url], page_times) for url, _, _, _, page_times in pages}, base_times
    finally:
        app.stop()
        base_server.stop()


async def _measure_cpu(app, base_server, pages, base, base_wid, base_values, warmup: int):
    """Per page: a rerun for each of its slider's new values after the first ``warmup``, in a row, and the app
    server's CPU time over them per rerun; after each page as many reruns of the baseline, its server's. Returns
    them as one-element lists (one figure each)."""
    base_times: list[float] = []
    for url, client, wid, values, page_times in pages:
        for _ in range(warmup):
            await client.set_slider(wid, values.pop())
            await base.set_slider(base_wid, base_values.pop())
        reruns = len(values)  # fewer than asked when the slider has fewer new values (theory's order: 20)
        start = cpu_seconds(app.proc.pid)
        while values:
            run = await client.set_slider(wid, values.pop())
            if not run.ok:
                raise SystemExit(f"{url}: {run.status} {run.exceptions}")
        page_times.append((cpu_seconds(app.proc.pid) - start) / reruns)
        start = cpu_seconds(base_server.proc.pid)
        for _ in range(reruns):
            await base.set_slider(base_wid, base_values.pop())
        base_times.append((cpu_seconds(base_server.proc.pid) - start) / reruns)
    for _, client, *_ in pages:
        await client.close()
    await base.close()
    return {url: (SLIDERS[url], page_times) for url, _, _, _, page_times in pages}, base_times


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--rounds", type=int, default=15, help="timed reruns per page (the median is reported)")
    parser.add_argument("--warmup", type=int, default=2, help="untimed reruns first (imports, first compiles)")
    parser.add_argument("--page", action="append", help="only these url paths (default: all)")
    parser.add_argument("--apptest", action="store_true",
                        help="whole-app reruns in AppTest, in-process, instead of real servers and websockets")
    parser.add_argument("--walk", action="store_true",
                        help="each session first opens every lesson in order, as a lecture does")
    parser.add_argument("--cpu", action="store_true",
                        help="the server's CPU time per rerun (over --rounds reruns in a row) instead of wall time")
    args = parser.parse_args()
    if not args.apptest:
        import asyncio

        sys.path.insert(0, str(ROOT / "benchmarks"))
        urls = [url for url, _ in app_pages() if url in SLIDERS and (not args.page or url in args.page)]
        times, base_times = asyncio.run(measure_servers(urls, args.rounds + args.warmup, args.warmup,
                                                        walk=args.walk, cpu=args.cpu))
        how = "streamlit run servers, websocket sessions" + (", after a walk through the lecture" if args.walk else "")
        if args.cpu:
            how = f"server CPU time per rerun over {args.rounds} in a row; " + how
        report(times, base_times, args.rounds, how)
        return

    warnings.filterwarnings("ignore", message=".*missing ScriptRunContext.*")
    import streamlit.logger
    from streamlit import config
    from streamlit.testing.v1 import AppTest

    streamlit.logger.set_log_level("error")
    share_script_cache()
    count = args.rounds + args.warmup

    sessions = []
    for url, path in app_pages():
        if args.page and url not in args.page:
            continue
        if url not in SLIDERS:
            print(f"{url:16s} skipped: no slider on this page")
            continue
        at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=TIMEOUT)
        at.run()
        at.switch_page(path)
        at.run()
        if at.exception:
            raise SystemExit(f"{url}: exception on opening: {[e.value for e in at.exception]}")
        sessions.append(Session(url, at, SLIDERS[url], count, len(sessions)))

    baseline_at = AppTest.from_file(str(BASELINE), default_timeout=TIMEOUT)
    baseline_at.run()
    baseline = Session("baseline", baseline_at, baseline_at.slider[0].key, count * len(sessions), 0)

    for r in range(count):
        for s in sessions:
            baseline.step()
            s.step()
        if r < args.warmup:
            baseline.times.clear()
            for s in sessions:
                s.times.clear()

    print(f"runner.postScriptGC = {config.get_option('runner.postScriptGC')} (AppTest reads .streamlit/config.toml)")
    report({s.name: (s.key, s.times) for s in sessions}, baseline.times, args.rounds, "AppTest")


if __name__ == "__main__":
    main()
