"""Headless Chromium driven over the DevTools protocol, and a local HTTP server for a built site.

The client keeps what the tests look at: console errors and failed loads (`errors`), and every
JavaScript dialog (alert, confirm, prompt), the classic proof that injected script ran; dialogs
are dismissed so the page goes on. Chromium runs with a fresh profile and without background
networking; pages are served over HTTP because Material's search worker does not start on file://.
"""

from __future__ import annotations

import base64
import functools
import itertools
import json
import shutil
import subprocess
import tempfile
import threading
import time
import urllib.request
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import websocket

CHROMIUM_FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-dev-shm-usage",
    # Nothing leaves the machine: every host but the local test server fails to resolve.
    "--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1",
    "--remote-debugging-port=0",
    "--remote-allow-origins=*",
)
# Fire what inline handlers and the theme's listeners react to, on every element.
POKE = """
(() => {
  const names = ["mouseover", "mouseenter", "pointerover", "focus", "focusin", "toggle",
                 "animationstart", "load", "error", "input", "change"];
  for (const el of document.querySelectorAll("*")) {
    for (const name of names) { try { el.dispatchEvent(new Event(name)); } catch (e) {} }
  }
  return document.querySelectorAll("*").length;
})()
"""
SEARCH = """
(() => {
  const input = document.querySelector(".md-search__input");
  if (!input) return false;
  input.focus();
  input.value = %s;
  input.dispatchEvent(new Event("input", {bubbles: true}));
  input.dispatchEvent(new KeyboardEvent("keyup", {bubbles: true, key: "t"}));
  return true;
})()
"""
SEARCH_RESULTS = "document.querySelectorAll('.md-search-result__item').length"


def find_chromium() -> str | None:
    """Path of Debian's chromium (or another Chromium on PATH), or None."""
    for name in ("chromium", "chromium-browser", "google-chrome"):
        path = shutil.which(name)
        if path:
            return path
    return None


class _QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:  # noqa: A002
        pass


class SiteServer:
    """Serves a folder over HTTP on a free local port until closed (or the `with` block ends)."""

    def __init__(self, root: Path) -> None:
        handler = functools.partial(_QuietHandler, directory=str(root))
        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), handler)
        self.url = f"http://127.0.0.1:{self.httpd.server_address[1]}/"
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)
        self.thread.start()

    def __enter__(self) -> SiteServer:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()


class Browser:
    """Headless Chromium with a fresh profile, driven through one page over the DevTools protocol."""

    def __init__(self, executable: str, timeout: float = 30.0) -> None:
        self.profile = tempfile.mkdtemp(prefix="dossier-chromium-")
        self.timeout = timeout
        self.process = subprocess.Popen(
            [executable, *CHROMIUM_FLAGS, f"--user-data-dir={self.profile}", "about:blank"],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        self.ws: websocket.WebSocket | None = None
        self._ids = itertools.count(1)
        self.events: list[dict[str, Any]] = []
        self.dialogs: list[tuple[str, str]] = []  # (page URL, "type: message")
        self.url = ""
        try:
            port = self._devtools_port(executable)
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/json/list", timeout=timeout) as r:
                targets = json.load(r)
            page = next(t for t in targets if t["type"] == "page")
            # No Origin header: Chromium only accepts DevTools clients that send none.
            self.ws = websocket.create_connection(
                page["webSocketDebuggerUrl"], timeout=timeout, suppress_origin=True
            )
            for domain in ("Page", "Runtime", "Log"):
                self.send(f"{domain}.enable")
        except BaseException:
            self.close()
            raise

    def _devtools_port(self, executable: str) -> str:
        port_file = Path(self.profile) / "DevToolsActivePort"
        deadline = time.monotonic() + self.timeout
        while not port_file.exists() or not port_file.read_text().strip():
            if time.monotonic() > deadline or self.process.poll() is not None:
                raise RuntimeError(f"{executable}: no DevTools port within {self.timeout} s")
            time.sleep(0.1)
        return port_file.read_text().split()[0]

    def _post(self, method: str, params: dict[str, Any]) -> int:
        assert self.ws is not None
        ident = next(self._ids)
        self.ws.send(json.dumps({"id": ident, "method": method, "params": params}))
        return ident

    def _receive(self) -> dict[str, Any]:
        """The next message; an event is kept, and a dialog is noted and dismissed."""
        assert self.ws is not None
        message = json.loads(self.ws.recv())
        if "method" in message:
            self.events.append(message)
        if message.get("method") == "Page.javascriptDialogOpening":
            params = message["params"]
            self.dialogs.append((self.url, f"{params['type']}: {params['message']}"))
            self._post("Page.handleJavaScriptDialog", {"accept": False})
        return message

    def send(self, method: str, **params: Any) -> dict[str, Any]:
        """Call a protocol method and return its result; events meanwhile are kept."""
        ident = self._post(method, params)
        while True:
            message = self._receive()
            if message.get("id") == ident:
                if "error" in message:
                    raise RuntimeError(f"{method}: {message['error']}")
                return message.get("result", {})

    def wait(self, seconds: float, event: str | None = None) -> bool:
        """Take in events for up to `seconds`; stop early (and say so) when `event` arrives."""
        assert self.ws is not None
        deadline = time.monotonic() + seconds
        while (left := deadline - time.monotonic()) > 0:
            self.ws.settimeout(left)
            try:
                message = self._receive()
            except websocket.WebSocketTimeoutException:
                break
            finally:
                self.ws.settimeout(self.timeout)
            if event and message.get("method") == event:
                return True
        return False

    def wait_for(self, method: str, timeout: float | None = None) -> None:
        """Wait for the next event named `method`; TimeoutError when it does not come."""
        if not self.wait(timeout or self.timeout, method):
            raise TimeoutError(method)

    def open(self, url: str) -> None:
        """Load a page and wait for its load event."""
        self.events.clear()
        self.url = url
        self.send("Page.navigate", url=url)
        self.wait_for("Page.loadEventFired")

    def visit(self, url: str, settle: float = 0.05) -> None:
        """Open `url`, poke every element and let timers run (for dialogs to open)."""
        self.open(url)
        self.evaluate(POKE)
        self.wait(settle)

    def evaluate(self, expression: str) -> Any:
        """The value of a JavaScript expression in the page (promises are awaited)."""
        result = self.send(
            "Runtime.evaluate", expression=expression, returnByValue=True, awaitPromise=True
        )
        if "exceptionDetails" in result:
            raise RuntimeError(f"{expression[:60]}: {result['exceptionDetails']}")
        return result["result"].get("value")

    def poll(self, expression: str, timeout: float = 10.0) -> Any:
        """Evaluate until the value is truthy; return it (or the last falsy value)."""
        deadline = time.monotonic() + timeout
        value = None
        while time.monotonic() < deadline:
            value = self.evaluate(expression)
            if value:
                return value
            time.sleep(0.1)
        return value

    def search(self, query: str, settle: float = 1.5) -> int:
        """Type `query` into the search box, poke the results; how many are shown."""
        self.evaluate(SEARCH % json.dumps(query))
        deadline = time.monotonic() + settle * 4
        count = 0
        while time.monotonic() < deadline:
            self.wait(settle / 3)
            count = int(self.evaluate(SEARCH_RESULTS) or 0)
            if count:
                self.wait(settle / 3)
                break
        self.evaluate(POKE)
        self.wait(0.2)
        return count

    def errors(self) -> list[str]:
        """Console errors, uncaught exceptions and failed loads seen since the last `open`."""
        found = []
        for event in self.events:
            method, params = event.get("method"), event.get("params", {})
            if method == "Runtime.exceptionThrown":
                found.append(json.dumps(params["exceptionDetails"])[:300])
            elif method == "Runtime.consoleAPICalled" and params.get("type") == "error":
                found.append(" ".join(str(a.get("value", a)) for a in params.get("args", [])))
            elif method == "Log.entryAdded" and params["entry"].get("level") == "error":
                entry = params["entry"]
                found.append(f"{entry.get('text')} {entry.get('url', '')}")
        return found

    def viewport(self, width: int, height: int, mobile: bool = False) -> None:
        """Emulate a screen size (a phone with `mobile=True`)."""
        self.send(
            "Emulation.setDeviceMetricsOverride",
            width=width,
            height=height,
            deviceScaleFactor=2 if mobile else 1,
            mobile=mobile,
        )

    def screenshot(self, path: Path) -> None:
        """Save a PNG of the viewport (for looking at by hand; never kept in the repository)."""
        data = self.send("Page.captureScreenshot", format="png")["data"]
        path.write_bytes(base64.b64decode(data))

    def close(self) -> None:
        """Stop Chromium and remove its profile."""
        try:
            if self.ws is not None:
                self.ws.close()
        finally:
            self.process.terminate()
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
            # Chromium's helper processes may still be writing the profile as they exit.
            for _ in range(20):
                shutil.rmtree(self.profile, ignore_errors=True)
                if not Path(self.profile).exists():
                    break
                time.sleep(0.1)
