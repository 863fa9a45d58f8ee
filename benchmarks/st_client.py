"""A minimal Streamlit client for the benchmarks: the server as a subprocess, and sessions that speak
Streamlit's websocket protocol (``/_stcore/stream``: BackMsg protobufs up, ForwardMsg protobufs down),
as the browser does, with the ``websockets`` package.

Used by first_load.py (bytes of a first view) and classroom.py (many sessions at once).

``Session(..., browser=True)`` also does what a browser does around the websocket, for a server behind a
proxy (deploy/): it fetches the page, /_stcore/health and /_stcore/host-config first, keeps the cookies
they set (the proxy's sticky-session cookie, Streamlit's XSRF cookie) and sends them with the websocket and
uploads, and records the ``X-Replica`` header (deploy/nginx-proxy.conf) of each of those requests.
"""

from __future__ import annotations

import asyncio
import http.cookies
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
import uuid
from dataclasses import dataclass, field
from pathlib import Path

import websockets
from streamlit.proto.BackMsg_pb2 import BackMsg
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg

ROOT = Path(__file__).resolve().parents[1]
XSRF_COOKIE = "_streamlit_xsrf"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class Server:
    """``streamlit run <script>`` on a free port, as a subprocess (stopped by ``stop``)."""

    def __init__(self, script: str | Path, extra: tuple[str, ...] = (), cwd: Path = ROOT):
        self.port = free_port()
        self.log = open(f"/tmp/streamlit-bench-{self.port}.log", "wb")  # noqa: SIM115
        cmd = [sys.executable, "-m", "streamlit", "run", str(script), "--server.port", str(self.port),
               "--server.headless", "true", "--server.fileWatcherType", "none",
               "--browser.gatherUsageStats", "false", *extra]
        self.started = time.perf_counter()
        self.proc = subprocess.Popen(cmd, cwd=cwd, stdout=self.log, stderr=subprocess.STDOUT,
                                     stdin=subprocess.DEVNULL, start_new_session=True)
        self.url = f"http://127.0.0.1:{self.port}"
        self.ws_url = f"ws://127.0.0.1:{self.port}/_stcore/stream"

    def wait_healthy(self, timeout: float = 60) -> float:
        """Seconds from start until /_stcore/health answers ok."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise RuntimeError(f"streamlit exited: see {self.log.name}")
            try:
                with urllib.request.urlopen(f"{self.url}/_stcore/health", timeout=2) as r:
                    if r.status == 200:
                        return time.perf_counter() - self.started
            except OSError:
                pass
            time.sleep(0.05)
        raise RuntimeError(f"streamlit did not get healthy in {timeout} s: see {self.log.name}")

    def rss_mb(self) -> float:
        """Resident memory of the server process, in MB (from /proc)."""
        with open(f"/proc/{self.proc.pid}/status") as f:
            for line in f:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1]) / 1024
        return float("nan")

    def stop(self) -> None:
        if self.proc.poll() is None:
            try:
                os.killpg(self.proc.pid, signal.SIGTERM)
                self.proc.wait(timeout=10)
            except (ProcessLookupError, subprocess.TimeoutExpired):
                try:
                    os.killpg(self.proc.pid, signal.SIGKILL)
                except ProcessLookupError:
                    pass
                self.proc.wait(timeout=10)
        self.log.close()


FINISHED_OK = ("FINISHED_SUCCESSFULLY", "FINISHED_FRAGMENT_RUN_SUCCESSFULLY")


@dataclass
class Run:
    """What one script run sent: sizes and kinds of ForwardMsgs, exceptions, widgets, timing."""

    bytes: int = 0
    messages: int = 0
    by_kind: dict = field(default_factory=dict)
    exceptions: list = field(default_factory=list)
    widgets: dict = field(default_factory=dict)  # widget id -> (kind, proto)
    elements: list = field(default_factory=list)  # (kind, widget id or "") of each element this run drew
    texts: list = field(default_factory=list)  # the text of each heading and Markdown element this run drew
    page_script_hash: str = ""
    status: str = ""
    seconds: float = 0.0

    @property
    def ok(self) -> bool:
        """The run finished without an exception: the whole app's, or a fragment's alone (a lesson's widget
        reruns only the lesson's body)."""
        return not self.exceptions and self.status in FINISHED_OK


class Session:
    """One browser-like session: connect, run a page, move a widget, and record what comes back.

    ``quick_ack`` acknowledges every segment the server sends at once (TCP_QUICKACK, Linux). Without
    it, a run that sends only a few small messages waits some 40 ms for this client's delayed ACK
    before its last message leaves the server: time that measures the two kernels, not the server.
    """

    def __init__(self, ws_url: str, quick_ack: bool = False, browser: bool = False):
        self.ws_url = ws_url
        self.base_url = ws_url.replace("ws://", "http://", 1).removesuffix("/_stcore/stream")
        self.browser = browser
        self.cookies: dict[str, str] = {}
        self.replicas: list[tuple[str, str]] = []  # (request, the X-Replica header of its response)
        self.session_id = ""
        self.ws = None
        self.page_script_hash = ""
        self.widgets: dict[str, tuple[str, object]] = {}
        self.fragments: dict[str, str] = {}  # widget id -> the fragment it was drawn in
        self.quick_ack = quick_ack and hasattr(socket, "TCP_QUICKACK")
        self._socket = None

    async def connect(self) -> None:
        headers = {}
        subprotocols = ["streamlit"]
        if self.browser:
            for path in ("/", "/_stcore/health", "/_stcore/host-config"):
                await asyncio.to_thread(self._http, "GET", path)
            headers["Cookie"] = self._cookie_header()
            if XSRF_COOKIE in self.cookies:  # as the browser does: the XSRF token as a second subprotocol
                subprotocols.append(self.cookies[XSRF_COOKIE])
        self.ws = await websockets.connect(self.ws_url, subprotocols=subprotocols, max_size=None,
                                           compression=None, open_timeout=60, ping_interval=None,
                                           additional_headers=headers or None)
        if self.browser:
            self.replicas.append(("websocket", self.ws.response.headers.get("X-Replica", "")))
        if self.quick_ack:
            self._socket = self.ws.transport.get_extra_info("socket")
            self._ack_now()

    def _cookie_header(self) -> str:
        return "; ".join(f"{k}={v}" for k, v in self.cookies.items())

    def _http(self, method: str, path: str, body: bytes | None = None, headers: dict | None = None) -> int:
        """One HTTP request with this session's cookies (blocking: run it in a thread); its status.
        Keeps the cookies the response sets and records the replica that answered."""
        req = urllib.request.Request(self.base_url + path, data=body, method=method, headers=dict(headers or {}))
        if self.cookies:
            req.add_header("Cookie", self._cookie_header())
        try:
            with urllib.request.urlopen(req, timeout=60) as r:
                status, msg = r.status, r.headers
                r.read()
        except urllib.error.HTTPError as e:
            status, msg = e.code, e.headers
        for raw in msg.get_all("Set-Cookie") or []:
            jar = http.cookies.SimpleCookie()
            jar.load(raw)
            self.cookies.update({k: m.value for k, m in jar.items()})
        self.replicas.append((f"{method} {path.split('?')[0]}", msg.get("X-Replica", "")))
        return status

    async def upload(self, name: str, data: bytes, content_type: str = "text/csv", timeout: float = 60) -> int:
        """Upload a file to this session as the browser's file uploader does: ask the session for an upload
        URL (over the websocket), then PUT the file there with the XSRF token. The HTTP status (204: stored).
        A replica that does not hold the session refuses it (400, "Invalid session_id")."""
        from streamlit.proto.BackMsg_pb2 import BackMsg

        msg = BackMsg()
        msg.file_urls_request.request_id = request_id = uuid.uuid4().hex
        msg.file_urls_request.file_names.append(name)
        msg.file_urls_request.session_id = self.session_id
        await self.ws.send(msg.SerializeToString())
        while True:
            fm = ForwardMsg()
            fm.ParseFromString(await asyncio.wait_for(self.ws.recv(), timeout))
            if fm.WhichOneof("type") == "file_urls_response" and fm.file_urls_response.response_id == request_id:
                break
        upload_url = fm.file_urls_response.file_urls[0].upload_url
        boundary = uuid.uuid4().hex
        body = (f'--{boundary}\r\nContent-Disposition: form-data; name="file"; filename="{name}"\r\n'
                f"Content-Type: {content_type}\r\n\r\n").encode() + data + f"\r\n--{boundary}--\r\n".encode()
        headers = {"Content-Type": f"multipart/form-data; boundary={boundary}"}
        if XSRF_COOKIE in self.cookies:
            headers["X-Xsrftoken"] = self.cookies[XSRF_COOKIE]
        return await asyncio.to_thread(self._http, "PUT", upload_url, body, headers)

    def _ack_now(self) -> None:
        # Linux turns quick ACKs off again after a while: set again after every message received.
        if self._socket is not None:
            self._socket.setsockopt(socket.IPPROTO_TCP, socket.TCP_QUICKACK, 1)

    async def close(self) -> None:
        if self.ws is not None:
            await self.ws.close()

    async def _send(self, page_name: str = "", query: str = "", widget_states=(), fragment_id: str = "") -> None:
        msg = BackMsg()
        cs = msg.rerun_script
        cs.query_string = query
        cs.page_name = page_name
        cs.page_script_hash = self.page_script_hash if not page_name else ""
        cs.fragment_id = fragment_id
        cs.context_info.timezone = "UTC"
        cs.context_info.locale = "en-US"
        for ws in widget_states:
            cs.widget_states.widgets.append(ws)
        await self.ws.send(msg.SerializeToString())

    async def _collect(self, timeout: float) -> Run:
        run = Run()
        start = time.perf_counter()
        while True:
            raw = await asyncio.wait_for(self.ws.recv(), timeout)
            self._ack_now()
            fm = ForwardMsg()
            fm.ParseFromString(raw)
            kind = fm.WhichOneof("type")
            run.bytes += len(raw)
            run.messages += 1
            run.by_kind[kind] = run.by_kind.get(kind, 0) + len(raw)
            if kind == "navigation":
                self.page_script_hash = fm.navigation.page_script_hash
            elif kind == "new_session":
                if fm.new_session.page_script_hash:
                    self.page_script_hash = fm.new_session.page_script_hash
                if fm.new_session.initialize.session_id:
                    self.session_id = fm.new_session.initialize.session_id
            elif kind == "delta" and fm.delta.WhichOneof("type") == "new_element":
                el = fm.delta.new_element
                el_kind = el.WhichOneof("type")
                if el_kind == "exception":
                    run.exceptions.append(f"{el.exception.type}: {el.exception.message}")
                widget = getattr(el, el_kind, None)
                wid = getattr(widget, "id", "") if widget is not None else ""
                run.elements.append((el_kind, wid))
                if el_kind in ("markdown", "heading"):
                    run.texts.append(widget.body)
                if wid:
                    self.widgets[wid] = (el_kind, widget)
                    self.fragments[wid] = fm.delta.fragment_id
            elif kind == "script_finished":
                run.status = ForwardMsg.ScriptFinishedStatus.Name(fm.script_finished)
                if fm.script_finished != ForwardMsg.FINISHED_EARLY_FOR_RERUN:
                    break
        run.seconds = time.perf_counter() - start
        run.page_script_hash = self.page_script_hash
        return run

    async def open_page(self, page_name: str, query: str = "", timeout: float = 120) -> Run:
        """The first view of a page (``page_name`` is its url_path)."""
        await self._send(page_name=page_name, query=query)
        return await self._collect(timeout)

    def slider(self, user_key: str):
        """(widget id, proto) of the slider whose key ends with ``user_key``."""
        for wid, (kind, proto) in self.widgets.items():
            if kind == "slider" and wid.endswith(user_key):
                return wid, proto
        raise KeyError(f"no slider with key {user_key!r}: {[w for w, (k, _) in self.widgets.items()]}")

    async def set_slider(self, wid: str, value: float, query: str = "", timeout: float = 120) -> Run:
        """Move a slider as the browser does (its value as a one-element double array) and wait for the run."""
        from streamlit.proto.WidgetStates_pb2 import WidgetState

        ws = WidgetState()
        ws.id = wid
        ws.double_array_value.data[:] = [value]
        start = time.perf_counter()
        # As the browser does: a widget drawn inside a fragment reruns only that fragment.
        await self._send(query=query, widget_states=[ws], fragment_id=self.fragments.get(wid, ""))
        run = await self._collect(timeout)
        run.seconds = time.perf_counter() - start
        return run
