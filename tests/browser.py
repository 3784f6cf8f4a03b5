"""Headless Chromium driven over the DevTools protocol: open pages, report JavaScript dialogs.

A dialog (alert, confirm, prompt) is the classic proof that injected script ran. Chromium runs
with a fresh profile and without background networking; pages are served over HTTP from a
local server so that Material's search worker can start.
"""

from __future__ import annotations

import functools
import http.server
import json
import re
import shutil
import subprocess
import tempfile
import threading
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import websocket

FLAGS = [
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
    "about:blank",
]
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
  const input = document.querySelector("[data-md-component=search-query]");
  if (!input) return false;
  input.focus();
  input.value = %s;
  input.dispatchEvent(new Event("input", {bubbles: true}));
  input.dispatchEvent(new KeyboardEvent("keyup", {bubbles: true, key: "t"}));
  return true;
})()
"""
SEARCH_RESULTS = "document.querySelectorAll('.md-search-result__item').length"


def chromium_path() -> str | None:
    """The Chromium executable, or None when it is not installed."""
    return shutil.which("chromium") or shutil.which("chromium-browser")


@contextmanager
def serve(folder: Path) -> Iterator[str]:
    """Serve `folder` over HTTP on a free local port; yields the base URL."""
    handler = functools.partial(_QuietHandler, directory=str(folder))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:  # noqa: A002
        pass


class Browser:
    """One headless Chromium page; collects every JavaScript dialog that opens."""

    def __init__(self, executable: str) -> None:
        self.profile = tempfile.mkdtemp(prefix="dossier-chromium-")
        self.process = subprocess.Popen(
            [executable, f"--user-data-dir={self.profile}", *FLAGS],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            text=True,
        )
        self.dialogs: list[tuple[str, str]] = []
        self._id = 0
        self.url = ""
        self.ws: websocket.WebSocket | None = None
        try:
            port = self._devtools_port()
            listing = urllib.request.urlopen(f"http://127.0.0.1:{port}/json/list", timeout=30)
            page = next(t for t in json.loads(listing.read()) if t["type"] == "page")
            # No Origin header: Chromium only accepts DevTools clients that send none.
            self.ws = websocket.create_connection(
                page["webSocketDebuggerUrl"], timeout=30, suppress_origin=True
            )
            self.call("Page.enable")
            self.call("Runtime.enable")
        except BaseException:
            self.close()
            raise

    def _devtools_port(self) -> int:
        assert self.process.stderr is not None
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            line = self.process.stderr.readline()
            match = re.search(r"DevTools listening on ws://[^:]+:(\d+)/", line)
            if match:
                threading.Thread(target=self.process.stderr.read, daemon=True).start()
                return int(match.group(1))
            if not line and self.process.poll() is not None:
                break
        raise RuntimeError("chromium did not start its DevTools server")

    def _handle(self, message: dict) -> None:
        if message.get("method") == "Page.javascriptDialogOpening":
            params = message["params"]
            self.dialogs.append((self.url, f"{params['type']}: {params['message']}"))
            self._send("Page.handleJavaScriptDialog", {"accept": False})

    def _send(self, method: str, params: dict | None = None) -> int:
        assert self.ws is not None
        self._id += 1
        self.ws.send(json.dumps({"id": self._id, "method": method, "params": params or {}}))
        return self._id

    def call(self, method: str, params: dict | None = None) -> dict:
        """Send a DevTools command and wait for its answer, handling events meanwhile."""
        ident = self._send(method, params)
        assert self.ws is not None
        while True:
            message = json.loads(self.ws.recv())
            if message.get("id") == ident:
                return message.get("result", {})
            self._handle(message)

    def wait(self, seconds: float, event: str | None = None) -> bool:
        """Handle events for up to `seconds`; stop early when `event` arrives."""
        assert self.ws is not None
        deadline = time.monotonic() + seconds
        while (left := deadline - time.monotonic()) > 0:
            self.ws.settimeout(left)
            try:
                message = json.loads(self.ws.recv())
            except websocket.WebSocketTimeoutException:
                break
            finally:
                self.ws.settimeout(30)
            self._handle(message)
            if event and message.get("method") == event:
                return True
        return False

    def evaluate(self, expression: str) -> object:
        """The value of a JavaScript expression in the page."""
        result = self.call("Runtime.evaluate", {"expression": expression, "returnByValue": True})
        return result.get("result", {}).get("value")

    def visit(self, url: str, settle: float = 0.05) -> None:
        """Open `url`, wait for it to load, poke every element and let timers run."""
        self.url = url
        self.call("Page.navigate", {"url": url})
        self.wait(15, "Page.loadEventFired")
        self.evaluate(POKE)
        self.wait(settle)

    def search(self, query: str, settle: float = 1.5) -> int:
        """Type `query` into Material's search box; the number of results shown."""
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

    def close(self) -> None:
        """Stop Chromium and remove its profile."""
        try:
            if self.ws is not None:
                self.ws.close()
        finally:
            self.process.terminate()
            try:
                self.process.wait(10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
            shutil.rmtree(self.profile, ignore_errors=True)
