"""Cold start: from ``streamlit run`` to the first chart drawn in Chromium, the app against a trivial app.

Each round starts a fresh server (a subprocess) and, in a headless Chromium already running (Debian's
/usr/bin/chromium through Playwright, a fresh browser context each time, so nothing is cached), opens
the page as soon as /_stcore/health answers and waits until its first Plotly chart has drawn its SVG.
The clock runs from the server's launch to that moment. The app is opened on its first page with a
chart (``--page``, step-by-step: the home page has none); the baseline is benchmarks/baseline_app.py
(one slider, one small chart). Rounds alternate baseline and app; medians are compared.

Bar: app <= 2x the baseline.

Usage: python benchmarks/cold_start.py [--rounds 3] [--page step-by-step]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from st_client import ROOT, Server

CHROMIUM = "/usr/bin/chromium"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync"]
CHART = '[data-testid="stPlotlyChart"] .main-svg'


def cold_start(browser, script: Path, path: str) -> tuple[float, float, float, float]:
    """Seconds from the launch until: the first chart drawn; the server healthy; the page's HTML in; the
    chart's element on the page (the script's first delta rendered), before Plotly has drawn it."""
    server = Server(script)
    try:
        healthy = server.wait_healthy()
        context = browser.new_context(viewport={"width": 1280, "height": 720})
        try:
            page = context.new_page()
            page.goto(f"{server.url}/{path}", wait_until="commit", timeout=120_000)
            committed = time.perf_counter() - server.started
            page.wait_for_selector('[data-testid="stPlotlyChart"]', state="attached", timeout=120_000)
            attached = time.perf_counter() - server.started
            page.wait_for_selector(CHART, state="visible", timeout=120_000)
            drawn = time.perf_counter() - server.started
            errors = page.locator('[data-testid="stException"]').count()
            if errors:
                raise RuntimeError(f"{script.name}: {errors} exception(s) on the page")
        finally:
            context.close()
        return drawn, healthy, committed, attached
    finally:
        server.stop()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--page", default="step-by-step", help="the app's page to open (its url path)")
    args = parser.parse_args()
    from playwright.sync_api import sync_playwright

    runs: dict[str, list[tuple[float, ...]]] = {"baseline": [], "app": []}
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        try:
            # Warm the OS file cache and Python's bytecode for both (not timed).
            cold_start(browser, ROOT / "benchmarks" / "baseline_app.py", "")
            cold_start(browser, ROOT / "app.py", args.page)
            for _ in range(args.rounds):
                runs["baseline"].append(cold_start(browser, ROOT / "benchmarks" / "baseline_app.py", ""))
                runs["app"].append(cold_start(browser, ROOT / "app.py", args.page))
        finally:
            browser.close()

    print(f"from `streamlit run` to the first chart drawn in Chromium, median of {args.rounds} (alternated)")
    med = {}
    for name, values in runs.items():
        drawn, healthy, committed, attached = ([v[i] for v in values] for i in range(4))
        med[name] = statistics.median(drawn)
        what = "benchmarks/baseline_app.py" if name == "baseline" else f"app.py /{args.page}"
        print(f"  {name:8s} {what:28s} chart drawn {med[name]:5.2f} s   runs: {', '.join(f'{d:.2f}' for d in drawn)}")
        print(f"  {'':8s} {'':28s} (server healthy {statistics.median(healthy):.2f} s, HTML in "
              f"{statistics.median(committed):.2f} s, chart element on the page {statistics.median(attached):.2f} s)")
    ratio = med["app"] / med["baseline"]
    print(f"app / baseline = {ratio:.2f}x  (bar: <= 2x)  {'MET' if ratio <= 2 else 'NOT MET'}")


if __name__ == "__main__":
    main()
