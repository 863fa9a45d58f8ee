"""deploy/: the nginx configs are valid nginx, and deploy/local.sh serves the app from replicas behind nginx
with sticky sessions (one browser, one replica), and stops all it started when it is stopped.

Without nginx (Debian: apt-get install nginx) the nginx tests skip with the reason, except under CI, where
.ci/run installs it and they fail.
"""

from __future__ import annotations

import asyncio
import os
import random
import shutil
import signal
import socket
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
LOCAL_SH = ROOT / "deploy" / "local.sh"
sys.path.insert(0, str(ROOT / "benchmarks"))

from classroom import one_replica_each  # noqa: E402
from st_client import Session  # noqa: E402


def _nginx() -> str:
    path = shutil.which("nginx") or ("/usr/sbin/nginx" if os.access("/usr/sbin/nginx", os.X_OK) else None)
    if path is None:
        if os.environ.get("CI", "").strip().lower() not in ("", "0", "false", "no"):
            pytest.fail("nginx is missing under CI (.ci/run installs it)", pytrace=False)
        pytest.skip("nginx is not installed (Debian: apt-get install nginx)")
    return path


def _nginx_test(nginx: str, conf: Path) -> None:
    result = subprocess.run([nginx, "-t", "-p", str(conf.parent), "-c", str(conf)], capture_output=True,
                            text=True, timeout=30)
    assert result.returncode == 0, result.stderr
    assert "test is successful" in result.stderr


def _free(port: int) -> bool:
    with socket.socket() as sock:
        try:
            sock.bind(("127.0.0.1", port))
        except OSError:
            return False
    return True


def _listening(port: int) -> bool:
    with socket.socket() as sock:
        return sock.connect_ex(("127.0.0.1", port)) == 0


def _free_ports(count: int) -> int:
    """The first of ``count`` consecutive free ports on 127.0.0.1."""
    rng = random.Random()
    for _ in range(200):
        first = rng.randrange(20000, 60000)
        if all(_free(first + i) for i in range(count)):
            return first
    raise RuntimeError("no free ports")


def test_local_config_is_valid_nginx(tmp_path):
    nginx = _nginx()
    out = subprocess.run([str(LOCAL_SH), "--config", "3", "8690", str(tmp_path)], capture_output=True, text=True,
                         timeout=30, check=True)
    conf = Path(out.stdout.strip())
    text = conf.read_text()
    assert [line.strip() for line in text.splitlines() if line.strip().startswith("server 127")] == [
        "server 127.0.0.1:8700;", "server 127.0.0.1:8701;", "server 127.0.0.1:8702;"]
    assert "listen 127.0.0.1:8690;" in text
    _nginx_test(nginx, conf)
    # Every path nginx writes is in the directory given: no system path.
    for word in ("pid", "lock_file", "access_log", "client_body_temp_path", "proxy_temp_path"):
        line = next(li for li in text.splitlines() if li.strip().startswith(word + " "))
        assert str(tmp_path) in line, line


def test_compose_config_is_valid_nginx(tmp_path):
    """deploy/nginx.conf as compose mounts it, with the service name and /tmp/nginx made local."""
    nginx = _nginx()
    text = (ROOT / "deploy" / "nginx.conf").read_text()
    assert "server app:8501;" in text and "listen 80;" in text
    text = (text.replace("server app:8501;", "server 127.0.0.1:9;").replace("/tmp/nginx", str(tmp_path))
            .replace("listen 80;", f"listen 127.0.0.1:{_free_ports(1)};"))
    (tmp_path / "nginx.conf").write_text(text)
    shutil.copy(ROOT / "deploy" / "nginx-proxy.conf", tmp_path / "nginx-proxy.conf")
    _nginx_test(nginx, tmp_path / "nginx.conf")


def test_local_sh_without_nginx_says_how_to_install_it():
    result = subprocess.run([str(LOCAL_SH), "2", "8690"], capture_output=True, text=True, timeout=30,
                            env={**os.environ, "NGINX": "/nonexistent/nginx"})
    assert result.returncode == 1
    assert "apt-get install nginx" in result.stderr


def test_one_replica_check_finds_a_split_session():
    one = [("GET /", "a"), ("websocket", "a"), ("PUT /_stcore/upload_file/s/f", "a")]
    ok, report = one_replica_each([one, [("GET /", "b"), ("websocket", "b")]])
    assert ok and "replicas used: 2" in report and "sessions on one replica: 2/2" in report
    ok, report = one_replica_each([one, [("GET /", "a"), ("websocket", "b")]])
    assert not ok and "split over replicas: 1" in report
    ok, report = one_replica_each([one, [("GET /", "a"), ("websocket", "")]])  # not behind the proxy
    assert not ok and "without X-Replica: 1" in report


def _descendants(pid: int) -> set[int]:
    """Every process under ``pid`` (from /proc)."""
    children: dict[int, list[int]] = {}
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                stat = Path(f"/proc/{entry}/stat").read_text()
            except OSError:
                continue
            ppid = int(stat.rsplit(")", 1)[1].split()[1])
            children.setdefault(ppid, []).append(int(entry))
    found, todo = set(), [pid]
    while todo:
        for child in children.get(todo.pop(), []):
            found.add(child)
            todo.append(child)
    return found


def _alive(pid: int) -> bool:
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0] != "Z"
    except OSError:
        return False


async def _sessions_until_both_replicas(ws_url: str, most: int) -> list[list[tuple[str, str]]]:
    """Sessions one after another, as browsers (page, health, websocket, a rerun, an upload), until two
    replicas have answered (the proxy's cookie is random: a few sessions at most, almost always)."""
    sessions = []
    while len(sessions) < most and len({r for s in sessions for _, r in s}) < 2:
        s = Session(ws_url, browser=True)
        await s.connect()
        try:
            run = await s.open_page("step-by-step", timeout=60)
            assert run.ok, (run.status, run.exceptions)
            wid, _ = s.slider("step:steps")
            run = await s.set_slider(wid, 7, timeout=60)
            assert run.ok, (run.status, run.exceptions)
            # An upload is accepted only by the replica that holds the session (else 400, "Invalid session_id").
            assert await s.upload("data.csv", b"x,y\n1,2\n2,4\n") == 204
        finally:
            await s.close()
        sessions.append(s.replicas)
    return sessions


@pytest.mark.deploy
def test_local_sh_serves_sticky_sessions_from_both_replicas_and_stops_its_children(tmp_path):
    _nginx()
    port, first = _free_ports(1), _free_ports(2)
    while first <= port <= first + 1:
        first = _free_ports(2)
    log = open(tmp_path / "local.log", "wb")  # noqa: SIM115
    proc = subprocess.Popen([str(LOCAL_SH), "2", str(port)], cwd=ROOT, stdout=log, stderr=subprocess.STDOUT,
                            stdin=subprocess.DEVNULL, start_new_session=True,
                            env={**os.environ, "REPLICA_PORT": str(first)})
    try:
        deadline = time.monotonic() + 90
        while b"nginx on" not in (tmp_path / "local.log").read_bytes():
            assert proc.poll() is None, (tmp_path / "local.log").read_text()
            assert time.monotonic() < deadline, (tmp_path / "local.log").read_text()
            time.sleep(0.2)
        children = _descendants(proc.pid)
        assert len(children) >= 3, children  # two replicas and nginx (and nginx's workers)

        with ThreadPoolExecutor(1) as pool:  # its own thread: a browser test's event loop may run in this one
            sessions = pool.submit(lambda: asyncio.run(_sessions_until_both_replicas(
                f"ws://127.0.0.1:{port}/_stcore/stream", most=16))).result(timeout=180)
        ok, report = one_replica_each(sessions)
        assert ok, report
        used = {r for s in sessions for _, r in s}
        assert used == {f"127.0.0.1:{first}", f"127.0.0.1:{first + 1}"}, report
        # Each session: the page, health, host-config, the websocket's upgrade and the upload.
        assert all([what.split()[0] for what, _ in s] == ["GET", "GET", "GET", "websocket", "PUT"]
                   for s in sessions), sessions

        proc.send_signal(signal.SIGTERM)
        assert proc.wait(timeout=30) != 0
        deadline = time.monotonic() + 10
        while any(_alive(pid) for pid in children) and time.monotonic() < deadline:
            time.sleep(0.1)
        assert not [pid for pid in children if _alive(pid)]
        assert not any(_listening(p) for p in (port, first, first + 1))
    finally:
        if proc.poll() is None:  # a failed assertion: let the script clean up (its temp dir too), then force
            proc.send_signal(signal.SIGTERM)
            try:
                proc.wait(timeout=20)
            except subprocess.TimeoutExpired:
                pass
        # Whatever is left of the script's process group (its children too, had it left them running).
        try:
            os.killpg(proc.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
        proc.wait(timeout=10)
        log.close()
