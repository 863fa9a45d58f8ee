"""Server-side cost of one rerun with a NEW slider value, per page, against a trivial page.

Every page of app.py is opened in its own AppTest session (through app.py's navigation, as a student
sees it) and so is ``benchmarks/baseline_app.py`` (one slider, one small Plotly chart). Then, round
after round and interleaved (baseline, page, baseline, page, ...), one slider is moved to a value that
has not been used before (so ``st.cache_data`` cannot hide the work) and ``at.run()`` is timed. The
ratio of each page's median to the baseline's median is the figure. Scripts are compiled once, as a
server does (``share_script_cache``), not on every AppTest run.

Bars: every page <= 4x the baseline; the median page <= 2.5x.

The slider moved on each page is the one that drives its main computation (``SLIDERS`` below); its
values are the grid values nearest its default, in a shuffled order, none used twice.

Usage: python benchmarks/rerun_cost.py [--rounds 15] [--page step-by-step ...]
"""

from __future__ import annotations

import argparse
import math
import random
import re
import statistics
import sys
import time
import warnings
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

# The slider each page's rerun moves: the page's main computation depends on it. The home page has none.
SLIDERS = {
    "step-by-step": "step:steps",
    "learning-rate": "lr:x0",
    "adagrad": "adagrad:steps",
    "best-step": "best:x0",
    "sgd": "sgd:n",
    "feature-scaling": "scaling:n",
    "theory": "theory:order",
    "limitations": "limits:steps",
    "beyond": "beyond:steps",
    "playground": "play:steps",
}
BASELINE = ROOT / "benchmarks" / "baseline_app.py"
TIMEOUT = 120


def app_pages() -> list[tuple[str, str]]:
    """(url path, lesson file) for every page in app.py, in its order."""
    src = (ROOT / "app.py").read_text(encoding="utf-8")
    return [(m.group(2), m.group(1)) for m in
            re.finditer(r'st\.Page\(\s*"([^"]+)".*?url_path="([^"]+)"', src, re.DOTALL)]


def fresh_values(widget, count: int, seed: int) -> list:
    """``count`` grid values of a slider nearest its current value, excluding it, shuffled."""
    lo, hi, step, now = widget.min, widget.max, widget.step, widget.value
    integer = isinstance(now, int)
    n = math.floor((hi - lo) / step + 1e-9)
    grid = [lo + k * step for k in range(n + 1)]
    grid = [round(v) if integer else round(v, 10) for v in grid]
    grid = [v for v in grid if not math.isclose(v, now, abs_tol=1e-12)]
    grid.sort(key=lambda v: abs(v - now))
    if len(grid) < count:
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


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--rounds", type=int, default=15, help="timed reruns per page (the median is reported)")
    parser.add_argument("--warmup", type=int, default=2, help="untimed reruns first (imports, first compiles)")
    parser.add_argument("--page", action="append", help="only these url paths (default: all)")
    args = parser.parse_args()

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

    base = statistics.median(baseline.times)
    print(f"runner.postScriptGC = {config.get_option('runner.postScriptGC')} (AppTest reads .streamlit/config.toml)")
    print(f"median of {args.rounds} reruns, each with a new slider value; baseline measured interleaved\n")
    print(f"{'page':16s} {'slider':16s} {'median ms':>10s} {'p90 ms':>8s} {'x baseline':>11s}")
    print(f"{'baseline':16s} {'(trivial page)':16s} {base * 1e3:10.1f} "
          f"{sorted(baseline.times)[int(0.9 * (len(baseline.times) - 1))] * 1e3:8.1f} {1.0:10.2f}x")
    ratios = {}
    for s in sessions:
        med = statistics.median(s.times)
        p90 = sorted(s.times)[int(0.9 * (len(s.times) - 1))]
        ratios[s.name] = med / base
        print(f"{s.name:16s} {s.key:16s} {med * 1e3:10.1f} {p90 * 1e3:8.1f} {ratios[s.name]:10.2f}x")
    worst_name = max(ratios, key=ratios.get)
    worst, median_page = ratios[worst_name], statistics.median(ratios.values())
    print()
    print(f"worst page  {worst_name}: {worst:.2f}x  (bar: <= 4x)    {'MET' if worst <= 4 else 'NOT MET'}")
    print(f"median page: {median_page:.2f}x  (bar: <= 2.5x)  {'MET' if median_page <= 2.5 else 'NOT MET'}")


if __name__ == "__main__":
    main()
