"""Screenshots of app pages in headless Chromium, for looking at them.

Usage: python scripts/screenshots.py URL_PATH[?query] ... [--size 1280x720] [--out artifacts/screens]
Needs a running app (streamlit run app.py) at --base (default http://localhost:8501).
"""

from __future__ import annotations

import argparse
from pathlib import Path

from playwright.sync_api import sync_playwright

CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("pages", nargs="+")
    parser.add_argument("--base", default="http://localhost:8501")
    parser.add_argument("--size", default="1280x720")
    parser.add_argument("--out", default="artifacts/screens")
    parser.add_argument("--tab", default=None, help="click the tab with this text before the screenshot")
    parser.add_argument("--touch", action="store_true",
                        help="a phone's or tablet's browser: touch and a mobile viewport (Streamlit's touch CSS)")
    parser.add_argument("--full", action="store_true",
                        help="a tall window (2600 px) to see the whole page; Streamlit scrolls inside its own frame")
    args = parser.parse_args()
    width, height = (int(v) for v in args.size.split("x"))
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS)
        page = browser.new_page(viewport={"width": width, "height": 2600 if args.full else height},
                                has_touch=args.touch, is_mobile=args.touch)
        for target in args.pages:
            page.goto(f"{args.base}/{target}")
            page.wait_for_selector("[data-testid='stApp']")
            page.wait_for_timeout(800)
            try:
                page.wait_for_selector(".js-plotly-plot", timeout=15000)
            except Exception:  # a page without charts
                pass
            page.wait_for_function("!document.querySelector('[data-testid=\"stStatusWidget\"]')", timeout=30000)
            page.wait_for_timeout(1200)
            # Streamlit's stray "Page not found" over a lesson opened directly in a new session (streamlit#9992).
            if page.locator('[role="dialog"]').filter(has_text="Page not found").count():
                page.keyboard.press("Escape")
                page.wait_for_timeout(300)
            if args.tab:
                page.get_by_role("tab", name=args.tab).click()
                page.wait_for_timeout(1500)
            name = target.replace("/", "_").replace("?", "_").replace("&", "_").replace("=", "-") or "home"
            path = out / f"{name}_{args.size}.png"
            if args.tab:
                path = path.with_name(path.stem + "_" + "".join(c for c in args.tab if c.isalnum()) + ".png")
            if args.full:
                path = path.with_name(path.stem + "_full.png")
            page.screenshot(path=str(path))
            print(path)
        browser.close()


if __name__ == "__main__":
    main()
