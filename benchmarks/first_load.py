"""What the server sends for each page's first view, figure data included.

Starts ``streamlit run app.py`` as a subprocess, then for every page in app.py opens a NEW session on
Streamlit's websocket (``/_stcore/stream``, as the browser does: benchmarks/st_client.py) and asks for
that page by its url path. The figure is the sum of the sizes of the ForwardMsg frames the server sends
until the run finishes (uncompressed protobuf bytes; the column "deflated" is what zlib makes of each
frame, about what permessage-deflate would put on the wire). The browser's static files (the JS bundle,
cached after the first page) are not counted.

Bar: <= 300 KB on every page.

Usage: python benchmarks/first_load.py
"""

from __future__ import annotations

import asyncio
import sys
import zlib
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from st_client import ROOT, Server, Session

BAR_KB = 300


def app_pages() -> list[str]:
    """The url path of every page of the navigation (ui.nav.LESSONS)."""
    sys.path.insert(0, str(ROOT))
    from ui.nav import LESSONS

    return [lesson.url_path for lesson in LESSONS]


async def first_view(ws_url: str, page: str):
    s = Session(ws_url)
    await s.connect()
    deflated = 0
    orig_recv = s.ws.recv

    async def recv(*args, **kwargs):  # count each frame deflated as well
        nonlocal deflated
        raw = await orig_recv(*args, **kwargs)
        deflated += len(zlib.compress(raw, 6))
        return raw

    s.ws.recv = recv
    try:
        run = await s.open_page(page)
    finally:
        await s.close()
    return run, deflated


async def main_async(server: Server) -> bool:
    print(f"{'page':16s} {'KB sent':>8s} {'deflated':>9s} {'msgs':>5s} {'charts KB':>9s}  status")
    ok = True
    worst = (0.0, "")
    for page in app_pages():
        run, deflated = await first_view(server.ws_url, page)
        kb = run.bytes / 1024
        worst = max(worst, (kb, page))
        good = kb <= BAR_KB and not run.exceptions and run.status == "FINISHED_SUCCESSFULLY"
        ok &= good
        charts = run.by_kind.get("delta", 0) / 1024
        print(f"{page:16s} {kb:8.1f} {deflated / 1024:9.1f} {run.messages:5d} {charts:9.1f}  "
              f"{run.status}{' ' + str(run.exceptions) if run.exceptions else ''}  {'ok' if good else 'OVER'}")
    print(f"\nlargest first view: {worst[1]} {worst[0]:.1f} KB  (bar: <= {BAR_KB} KB on every page)  "
          f"{'MET' if ok else 'NOT MET'}")
    return ok


def main() -> None:
    server = Server("app.py")
    try:
        server.wait_healthy()
        asyncio.run(main_async(server))
    finally:
        server.stop()


if __name__ == "__main__":
    main()
