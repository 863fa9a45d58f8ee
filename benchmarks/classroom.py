"""A classroom: 60 students open the step-by-step page at once and each moves a slider 10 times.

Starts ``streamlit run app.py`` as a subprocess (with the repo's .streamlit/config.toml), then opens
``--sessions`` websocket sessions (Streamlit's own protocol, as the browser speaks it:
benchmarks/st_client.py) at the same moment. Each asks for the page, then ``--changes`` times waits a
think time (uniform in ``--think`` seconds; 0 0 = all hammering at once) and moves the "Number of
updates" slider to a random value, waiting for the rerun to finish. The rerun latency is the time from
sending the new value to the server's ``script_finished``.

Bars: no exceptions, no failed sessions, p95 rerun latency <= 1.0 s. Also printed: the server's RSS
before the sessions, after they opened the page and at the end, and the RSS per extra session.

Behind a proxy (deploy/local.sh, deploy/compose.yaml): ``--url http://127.0.0.1:8690`` starts no server
and opens the sessions there, each as a browser does (benchmarks/st_client.py, ``browser=True``): the page,
/_stcore/health and /_stcore/host-config first, keeping the cookies they set, then the websocket with them,
and after the page opened, one upload of a small CSV to the session (answered by the session's replica
only). Every response's ``X-Replica`` header is recorded. Also printed then: the sessions per replica, and
the check that each session's requests, websocket and upload all went to one replica. Only a server on
this machine (127.0.0.1 or localhost): this is a load test.

Usage: python benchmarks/classroom.py [--sessions 60] [--changes 10] [--think 1 3] [--page step-by-step]
       [--url http://127.0.0.1:8690]
"""

from __future__ import annotations

import argparse
import asyncio
import random
import statistics
import sys
import time
import urllib.parse
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from st_client import Server, Session

P95_BAR = 1.0


def pct(values: list[float], q: float) -> float:
    values = sorted(values)
    return values[min(len(values) - 1, round(q * (len(values) - 1)))]


UPLOAD = b"x,y\n1,2\n2,4\n3,6\n"


async def student(i: int, ws_url: str, args, opened: asyncio.Event, n_open: list, latencies: list,
                  open_times: list, failures: list, start_gate: asyncio.Event, replicas: list) -> None:
    rng = random.Random(i)
    s = Session(ws_url, browser=bool(args.url))
    replicas.append(s.replicas)
    try:
        await s.connect()
        run = await s.open_page(args.page)
        open_times.append(run.seconds)
        if run.exceptions or run.status != "FINISHED_SUCCESSFULLY":
            failures.append((i, "open", run.status, run.exceptions))
            if n_open[0] + len(failures) >= args.sessions:
                opened.set()
            return
        if args.url:
            status = await s.upload(f"student{i}.csv", UPLOAD)
            if status != 204:
                failures.append((i, "upload", status, []))
                if n_open[0] + len(failures) >= args.sessions:
                    opened.set()
                return
        wid, proto = s.slider(args.slider)
        lo, hi = int(proto.min), int(proto.max)
        n_open[0] += 1
        if n_open[0] + len(failures) >= args.sessions:
            opened.set()
        await start_gate.wait()
        for _ in range(args.changes):
            await asyncio.sleep(rng.uniform(*args.think))
            run = await s.set_slider(wid, rng.randint(lo, hi))
            if not run.ok:
                failures.append((i, "rerun", run.status, run.exceptions))
                return
            latencies.append(run.seconds)
    except Exception as exc:  # a failed session is a result, not a crash of the benchmark
        failures.append((i, "error", type(exc).__name__, str(exc)[:200]))
        if n_open[0] + len(failures) >= args.sessions:
            opened.set()
    finally:
        await s.close()


async def classroom(server: Server | None, ws_url: str, args) -> bool:
    def rss() -> float:
        return server.rss_mb() if server is not None else float("nan")

    rss_before = rss()
    latencies: list[float] = []
    open_times: list[float] = []
    failures: list = []
    replicas: list[list[tuple[str, str]]] = []
    n_open = [0]
    opened, start_gate = asyncio.Event(), asyncio.Event()
    t0 = time.perf_counter()
    tasks = [asyncio.create_task(student(i, ws_url, args, opened, n_open, latencies, open_times, failures,
                                         start_gate, replicas)) for i in range(args.sessions)]
    await asyncio.wait_for(opened.wait(), 600)
    opened_in = time.perf_counter() - t0
    rss_open = rss()
    start_gate.set()
    t1 = time.perf_counter()
    await asyncio.gather(*tasks)
    changes_in = time.perf_counter() - t1
    rss_end = rss()

    print(f"{args.sessions} sessions on '{args.page}', {args.changes} slider changes each, think time "
          f"{args.think[0]:g}-{args.think[1]:g} s")
    if open_times:
        print(f"all sessions opened the page in {opened_in:.1f} s (first view: median "
              f"{statistics.median(open_times):.2f} s, max {max(open_times):.2f} s)")
    print(f"{len(latencies)} reruns in {changes_in:.1f} s ({len(latencies) / changes_in:.1f} reruns/s)")
    if latencies:
        print(f"rerun latency: median {statistics.median(latencies):.3f} s, p95 {pct(latencies, 0.95):.3f} s, "
              f"max {max(latencies):.3f} s")
    if server is not None:
        print(f"server RSS: before {rss_before:.0f} MB, after opening {rss_open:.0f} MB, at the end "
              f"{rss_end:.0f} MB; per extra session {(rss_end - rss_before) / args.sessions:.2f} MB")
    ok_replica = True
    if args.url:
        ok_replica, report = one_replica_each(replicas)
        print(report)
    exceptions = [f for f in failures if f[3]]
    print(f"failed sessions: {len(failures)}; sessions with exceptions: {len(exceptions)}")
    for f in failures[:5]:
        print("   ", f)
    p95 = pct(latencies, 0.95) if latencies else float("inf")
    ok_fail = not failures
    ok_p95 = p95 <= P95_BAR and len(latencies) == args.sessions * args.changes
    print(f"no exceptions, no failed sessions: {'MET' if ok_fail else 'NOT MET'}")
    print(f"p95 rerun latency {p95:.3f} s (bar: <= {P95_BAR} s): {'MET' if ok_p95 else 'NOT MET'}")
    if args.url:
        print(f"each session's requests, websocket and upload on one replica: {'MET' if ok_replica else 'NOT MET'}")
    return ok_fail and ok_p95 and ok_replica


def one_replica_each(replicas: list[list[tuple[str, str]]]) -> tuple[bool, str]:
    """Whether every session's requests (page, health, host-config, websocket upgrade, upload) were answered by
    one replica, named in every response; and a report: sessions per replica, the sessions that were not."""
    per_session = [{replica for _, replica in requests} for requests in replicas]
    unnamed = sum(1 for requests in replicas if not requests or any(not r for _, r in requests))
    split = [i for i, used in enumerate(per_session) if len(used) > 1]
    sessions_per_replica = Counter(next(iter(used)) for used in per_session if len(used) == 1 and "" not in used)
    requests = sum(len(r) for r in replicas)
    lines = [f"replicas used: {len(sessions_per_replica)} (sessions each: "
             + ", ".join(f"{r} {n}" for r, n in sorted(sessions_per_replica.items())) + ")",
             f"sessions on one replica: {len(replicas) - len(split) - unnamed}/{len(replicas)} "
             f"({requests} requests checked; split over replicas: {len(split)}; without X-Replica: {unnamed})"]
    for i in split[:5]:
        lines.append(f"    session {i}: {replicas[i]}")
    return not split and not unnamed and bool(replicas), "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sessions", type=int, default=60)
    parser.add_argument("--changes", type=int, default=10)
    parser.add_argument("--think", type=float, nargs=2, default=(1.0, 3.0), metavar=("MIN", "MAX"))
    parser.add_argument("--page", default="step-by-step")
    parser.add_argument("--slider", default="step:steps", help="the end of the slider's widget key")
    parser.add_argument("--url", help="a running server or proxy on this machine (no server is started), e.g. "
                        "http://127.0.0.1:8690 for deploy/local.sh")
    args = parser.parse_args()
    if args.url:
        url = urllib.parse.urlsplit(args.url)
        if url.scheme != "http" or url.hostname not in ("127.0.0.1", "localhost") or url.path not in ("", "/"):
            parser.error("--url takes http://127.0.0.1:PORT (or localhost): a server on this machine")
        ws_url = f"ws://{url.netloc}/_stcore/stream"
        # Warm the replicas as first visitors would, then measure: sessions until 8 in a row met no new replica.
        async def warm_url():
            seen, since_new = set(), 0
            while since_new < 8 and len(seen) < 40:
                s = Session(ws_url, browser=True)
                await s.connect()
                await s.open_page(args.page)
                await s.close()
                new = {r for _, r in s.replicas} - seen
                seen |= new
                since_new = 0 if new else since_new + 1
        asyncio.run(warm_url())
        time.sleep(1.0)
        sys.exit(0 if asyncio.run(classroom(None, ws_url, args)) else 1)
    server = Server("app.py")
    try:
        server.wait_healthy()
        # Warm the process as a first visitor would (imports, first compiles), then measure.
        async def warm():
            s = Session(server.ws_url)
            await s.connect()
            await s.open_page(args.page)
            await s.close()
        asyncio.run(warm())
        time.sleep(1.0)
        asyncio.run(classroom(server, server.ws_url, args))
    finally:
        server.stop()


if __name__ == "__main__":
    main()
