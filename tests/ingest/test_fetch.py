"""Fetching from hostile servers: every one is started by the test on 127.0.0.1."""

from __future__ import annotations

import gzip
import ipaddress
import shutil
import socket
import ssl
import subprocess
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager

import pytest

from generator.ingest.fetch import Fetcher, FetchError, FetchPolicy, address_kind, check_url

Respond = Callable[[socket.socket], None]
LOOPBACK = (ipaddress.ip_network("127.0.0.1/32"),)
HERE = FetchPolicy(allowed_networks=LOOPBACK, pace=0, robots=False)
"""The test servers' own address allowed, and nothing else that is not public."""


def answer(status: str = "200 OK", body: bytes = b"<p>hello</p>", **headers: str) -> Respond:
    """A plain HTTP/1.1 answer (a Content-Length unless headers give one)."""

    def respond(conn: socket.socket) -> None:
        fields = {"Content-Type": "text/html", "Content-Length": str(len(body))}
        fields.update({k.replace("_", "-"): v for k, v in headers.items()})
        head = f"HTTP/1.1 {status}\r\n" + "".join(f"{k}: {v}\r\n" for k, v in fields.items())
        conn.sendall(head.encode("latin-1") + b"\r\n" + body)

    return respond


def raw(data: bytes) -> Respond:
    return lambda conn: conn.sendall(data)


class Raw:
    """A server that answers each path with whatever bytes a test wants, and records requests."""

    def __init__(self) -> None:
        self.routes: dict[str, Respond] = {"/robots.txt": answer("404 Not Found", b"")}
        self.requests: list[str] = []
        self.headers: list[bytes] = []
        self.base = ""


@contextmanager
def serve_raw(site: Raw, tls: ssl.SSLContext | None = None) -> Iterator[Raw]:
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(32)
    listener.settimeout(0.1)
    site.base = f"{'https' if tls else 'http'}://127.0.0.1:{listener.getsockname()[1]}"
    stop = threading.Event()

    def handle(conn: socket.socket) -> None:
        if tls is not None:
            try:
                conn.settimeout(10)
                conn = tls.wrap_socket(conn, server_side=True)
            except OSError:
                conn.close()
                return
        with conn:
            conn.settimeout(10)
            data = b""
            try:
                while b"\r\n\r\n" not in data:
                    chunk = conn.recv(4096)
                    if not chunk:
                        return
                    data += chunk
                path = data.split(b" ", 2)[1].decode("latin-1")
                site.requests.append(path)
                site.headers.append(data)
                site.routes.get(path, answer("404 Not Found", b"gone"))(conn)
            except OSError:
                pass

    def loop() -> None:
        while not stop.is_set():
            try:
                conn, _ = listener.accept()
            except TimeoutError:
                continue
            except OSError:
                return
            threading.Thread(target=handle, args=(conn,), daemon=True).start()

    thread = threading.Thread(target=loop, daemon=True)
    thread.start()
    try:
        yield site
    finally:
        stop.set()
        thread.join()
        listener.close()


@pytest.fixture
def server():
    with serve_raw(Raw()) as running:
        yield running


def fetch_error(url: str, policy: FetchPolicy = HERE, **kwargs) -> FetchError:
    with pytest.raises(FetchError) as caught:
        Fetcher(policy, **kwargs).fetch(url)
    return caught.value


# -- addresses inside the user's network ------------------------------------------------------


def test_a_loopback_address_is_refused_before_connecting(server):
    server.routes["/page"] = answer()
    err = fetch_error(f"{server.base}/page", FetchPolicy())
    assert str(err) == (
        f"{server.base}/page: 127.0.0.1 is at 127.0.0.1, a loopback address, not a public one; "
        "not fetched (dossier add --allow-private, or --allow-network NETWORK, fetches it)"
    )
    assert err.permanent and server.requests == []


def test_the_opt_in_fetches_it(server):
    server.routes["/page"] = answer(body=b"<p>inside</p>")
    fetched = Fetcher(FetchPolicy(allow_private=True, pace=0)).fetch(f"{server.base}/page")
    assert fetched.data == b"<p>inside</p>" and server.requests == ["/robots.txt", "/page"]


@pytest.mark.parametrize(
    ("target", "kind"),
    [
        ("http://127.0.0.2:{port}/secret", "loopback"),
        ("http://[::1]:{port}/secret", "loopback"),
        ("http://[::ffff:127.0.0.2]:{port}/secret", "loopback"),
        ("http://2130706434:{port}/secret", "loopback"),  # 127.0.0.2 written as one number
        ("http://0.0.0.0:{port}/secret", "unspecified"),
        ("http://169.254.169.254/latest/meta-data/", "link-local"),
        ("http://[fe80::1]/", "link-local"),
        ("http://10.1.2.3/admin", "private"),
        ("http://192.168.0.1/", "private"),
        ("http://[fd00::1]/", "private"),
        ("http://100.64.0.1/", "shared (carrier-grade NAT)"),
        ("http://224.0.0.1/", "multicast"),
        ("http://[2002:7f00:2::]/", "loopback"),  # 6to4 around 127.0.0.2
        ("http://[64:ff9b::a01:203]/", "private"),  # NAT64 around 10.1.2.3
    ],
)
def test_a_redirect_inside_is_refused(server, target, kind):
    port = server.base.rsplit(":", 1)[1]
    inside = target.format(port=port)
    server.routes["/r"] = answer("302 Found", b"", Location=inside)
    err = fetch_error(f"{server.base}/r")
    assert f"{server.base}/r: redirected to {inside}: " in str(err)
    assert f", a {kind} address, not a public one; not fetched" in str(err)
    assert err.permanent and server.requests == ["/r"]


def test_a_name_resolving_to_any_inside_address_is_refused(server):
    def resolve(host: str, port: int) -> list[str]:
        return ["93.184.216.34", "10.0.0.7"]

    err = fetch_error("http://news.test/a", FetchPolicy(pace=0), resolve=resolve)
    assert "news.test is at 10.0.0.7, a private address" in str(err)


def test_the_connection_goes_to_the_address_checked(server):
    """A rebinding DNS server would answer 127.0.0.1 first and an inside address next: the
    name is resolved once, and the checked address is the one connected to."""
    server.routes["/a"] = answer(body=b"<p>checked</p>")
    port = int(server.base.rsplit(":", 1)[1])
    answers = iter([["127.0.0.1"], ["10.0.0.7"]])
    asked: list[str] = []

    def resolve(host: str, port: int) -> list[str]:
        asked.append(host)
        return next(answers)

    fetched = Fetcher(HERE, resolve=resolve).fetch(f"http://rebind.test:{port}/a")
    assert fetched.data == b"<p>checked</p>" and asked == ["rebind.test"]
    assert f"Host: rebind.test:{port}\r\n".encode() in server.headers[0]


def test_https_to_http_is_refused_unless_allowed():
    fetcher = Fetcher(HERE)
    with pytest.raises(FetchError, match="redirected from https to http://a.example/b, which is"):
        fetcher._check_redirect("https://a.example/a", "http://a.example/b", "https://a.example/a")
    Fetcher(FetchPolicy(allow_downgrade=True))._check_redirect(
        "https://a.example/a", "http://a.example/b", "https://a.example/a"
    )


@pytest.mark.parametrize(
    ("address", "kind"),
    [
        ("8.8.8.8", None),
        ("2606:4700::1111", None),
        ("127.9.9.9", "loopback"),
        ("::", "unspecified"),
    ],
)
def test_address_kinds(address, kind):
    assert address_kind(address) == kind


# -- malformed addresses -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("url", "message"),
    [
        (
            "http://exa mple.org/a",
            "not a valid address (it contains a space or a control character)",
        ),
        (
            "http://example.org:abc/",
            "not a valid address (the port is not a number from 0 to 65535)",
        ),
        (
            "http://example.org:99999/",
            "not a valid address (the port is not a number from 0 to 65535)",
        ),
        ("http://[::1/a", "not a valid address (Invalid IPv6 URL)"),
        ("http://[zz::1]/", "not a valid address ("),
        ("http:///a", "not an http:// or https:// address"),
        ("javascript:alert(1)", "not an http:// or https:// address"),
        ("http://a..b/", "not a valid address ('a..b' is not a valid host name)"),
    ],
)
def test_malformed_addresses_get_one_clear_error(url, message):
    with pytest.raises(FetchError) as caught:
        check_url(url)
    assert str(caught.value).startswith(f"{url}: {message}") and caught.value.permanent


def test_a_redirect_to_a_malformed_address(server):
    server.routes["/r"] = answer("301 Moved", b"", Location="http://example.org:abc/")
    err = fetch_error(f"{server.base}/r")
    assert str(err) == (
        f"{server.base}/r: redirected to http://example.org:abc/: not a valid address "
        "(the port is not a number from 0 to 65535)"
    )


# -- broken and slow servers ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("respond", "message"),
    [
        (raw(b"SPDY/9 200 OK\r\n\r\n"), "the server's answer is not HTTP (a bad status line)"),
        (
            raw(b"HTTP/1.1 200 OK\r\n" + b"X-A: b\r\n" * 101 + b"\r\n"),
            "the server broke the HTTP protocol (got more than 100 headers)",
        ),
        (
            raw(b"HTTP/1.1 200 OK\r\nX-A: " + b"b" * 70_000 + b"\r\n\r\n"),
            "the server sent a header line over the length limit",
        ),
        (
            answer(body=b"<p>ten bytes", Content_Length="1000"),
            "the body was cut short (12 of the 1,000 bytes the server announced)",
        ),
        (
            raw(b"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n10\r\nonly a few"),
            "the body was cut short",
        ),
        (raw(b""), "the server closed the connection without answering"),
    ],
)
def test_broken_answers_are_one_error_line(server, respond, message):
    server.routes["/a"] = respond
    err = fetch_error(f"{server.base}/a")
    assert str(err) == f"{server.base}/a: {message}"


def drip(head: bytes, every: float) -> Respond:
    def respond(conn: socket.socket) -> None:
        conn.sendall(head)
        for _ in range(200):
            time.sleep(every)
            conn.sendall(b"x")

    return respond


@pytest.mark.parametrize(
    "head",
    [
        b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: 1000\r\n\r\n",
        b"HTTP/1.1 200 OK\r\nX-Slow: ",  # the headers never end
    ],
)
def test_a_server_dripping_bytes_is_cut_at_the_deadline(server, head):
    server.routes["/slow"] = drip(head, 0.2)
    policy = FetchPolicy(allowed_networks=LOOPBACK, pace=0, robots=False, deadline=1.5)
    started = time.monotonic()
    err = fetch_error(f"{server.base}/slow", policy)
    assert str(err) == f"{server.base}/slow: took longer than the 1.5-second limit"
    assert time.monotonic() - started < 5


def test_the_deadline_covers_the_redirects(server):
    server.routes["/a"] = answer("302 Found", b"", Location="/b")
    server.routes["/b"] = drip(b"HTTP/1.1 200 OK\r\nContent-Length: 900\r\n\r\n", 0.2)
    policy = FetchPolicy(allowed_networks=LOOPBACK, pace=0, robots=False, deadline=1.0)
    err = fetch_error(f"{server.base}/a", policy)
    assert (
        str(err)
        == f"{server.base}/a: redirected to {server.base}/b: took longer than the 1-second limit"
    )


# -- sizes and encodings -------------------------------------------------------------------------


def test_a_compressed_page_is_inflated(server):
    page = b"<p>" + b"words " * 1000 + b"</p>"
    server.routes["/z"] = answer(body=gzip.compress(page), Content_Encoding="gzip")
    assert Fetcher(HERE).fetch(f"{server.base}/z").data == page
    assert b"Accept-Encoding: gzip, deflate\r\n" in server.headers[0]


def test_a_compression_bomb_stops_at_the_limit(server):
    server.routes["/bomb"] = answer(body=gzip.compress(b"\0" * 3_000_000), Content_Encoding="gzip")
    policy = FetchPolicy(allowed_networks=LOOPBACK, pace=0, robots=False, max_bytes=1_000_000)
    err = fetch_error(f"{server.base}/bomb", policy)
    assert str(err) == f"{server.base}/bomb: larger than the 1,000,000-byte limit once decompressed"
    assert err.permanent


def test_a_body_over_the_limit(server):
    server.routes["/big"] = answer(body=b"x" * 5000)
    policy = FetchPolicy(allowed_networks=LOOPBACK, pace=0, robots=False, max_bytes=4000)
    assert str(fetch_error(f"{server.base}/big", policy)) == (
        f"{server.base}/big: larger than the 4,000-byte limit"
    )


def test_an_encoding_not_asked_for(server):
    server.routes["/br"] = answer(body=b"\x8b\x02", Content_Encoding="br")
    assert "sent in the 'br' encoding, which was not asked for" in str(
        fetch_error(f"{server.base}/br")
    )


# -- robots.txt and pace -------------------------------------------------------------------------


def test_robots_txt_is_respected_unless_ignored(server):
    server.routes["/robots.txt"] = answer(
        body=b"User-agent: *\nDisallow: /private\n", Content_Type="text/plain"
    )
    server.routes["/private/a"] = answer()
    server.routes["/open"] = answer()
    policy = FetchPolicy(allowed_networks=LOOPBACK, pace=0)
    fetcher = Fetcher(policy)
    with pytest.raises(FetchError, match="the site's robots.txt does not allow it") as caught:
        fetcher.fetch(f"{server.base}/private/a")
    assert caught.value.permanent
    fetcher.fetch(f"{server.base}/open")
    assert server.requests == ["/robots.txt", "/open"]  # robots.txt read once per host
    ignoring = FetchPolicy(allowed_networks=LOOPBACK, pace=0, robots=False)
    Fetcher(ignoring).fetch(f"{server.base}/private/a")


def test_an_unreadable_robots_txt_stops_the_site_for_now(server):
    server.routes["/robots.txt"] = answer("503 Busy", b"")
    server.routes["/a"] = answer()
    err = fetch_error(f"{server.base}/a", FetchPolicy(allowed_networks=LOOPBACK, pace=0))
    assert str(err) == (
        f"{server.base}/a: its robots.txt could not be read (HTTP 503); not fetched "
        "(dossier add --ignore-robots fetches it)"
    )
    assert not err.permanent and server.requests == ["/robots.txt"]


def test_requests_to_one_host_keep_the_pace(server):
    for n in range(3):
        server.routes[f"/{n}"] = answer()
    fetcher = Fetcher(FetchPolicy(allowed_networks=LOOPBACK, pace=0.3, robots=False))
    started = time.monotonic()
    for n in range(3):
        fetcher.fetch(f"{server.base}/{n}")
    assert time.monotonic() - started >= 0.6


# -- HTTPS ---------------------------------------------------------------------------------------


@pytest.fixture
def tls(tmp_path):
    """A server context with a certificate for `news.test`, and a client context trusting it."""
    if shutil.which("openssl") is None:
        pytest.skip("openssl is not installed")
    key, cert = tmp_path / "key.pem", tmp_path / "cert.pem"
    subprocess.run(
        ["openssl", "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1",
         "-nodes", "-keyout", str(key), "-out", str(cert), "-days", "1", "-subj", "/CN=news.test",
         "-addext", "subjectAltName=DNS:news.test"],
        check=True, capture_output=True,
    )  # fmt: skip
    server = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    server.load_cert_chain(cert, key)
    client = ssl.create_default_context(cafile=str(cert))
    return server, client


def to_loopback(host: str, port: int) -> list[str]:
    return ["127.0.0.1"]


def test_https_goes_to_the_checked_address_and_checks_the_name(tls):
    server_context, client_context = tls
    with serve_raw(Raw(), server_context) as secure:
        secure.routes["/a"] = answer(body=b"<p>secret-free</p>")
        port = secure.base.rsplit(":", 1)[1]
        fetcher = Fetcher(HERE, resolve=to_loopback, tls=client_context)
        assert fetcher.fetch(f"https://news.test:{port}/a").data == b"<p>secret-free</p>"
        err = fetch_error(f"https://other.test:{port}/a", resolve=to_loopback, tls=client_context)
        assert str(err).startswith(f"https://other.test:{port}/a: TLS failed (")
        untrusted = fetch_error(f"https://news.test:{port}/a", resolve=to_loopback)
        assert "TLS failed (CERTIFICATE_VERIFY_FAILED)" in str(untrusted)


def test_an_https_page_redirecting_to_http_is_refused(tls, server):
    server_context, client_context = tls
    server.routes["/plain"] = answer()
    with serve_raw(Raw(), server_context) as secure:
        plain = f"http://news.test:{server.base.rsplit(':', 1)[1]}/plain"
        secure.routes["/a"] = answer("301 Moved", b"", Location=plain)
        url = f"https://news.test:{secure.base.rsplit(':', 1)[1]}/a"
        err = fetch_error(url, resolve=to_loopback, tls=client_context)
        assert str(err) == (
            f"{url}: redirected from https to {plain}, which is not encrypted; not followed "
            "(dossier add --allow-downgrade follows it)"
        )
        assert server.requests == []
        allowed = FetchPolicy(allowed_networks=LOOPBACK, pace=0, robots=False, allow_downgrade=True)
        Fetcher(allowed, resolve=to_loopback, tls=client_context).fetch(url)
        assert server.requests == ["/plain"]


def test_a_closed_port_is_one_line():
    probe = socket.socket()
    probe.bind(("127.0.0.1", 0))
    port = probe.getsockname()[1]
    probe.close()  # nothing listens there now
    err = fetch_error(f"http://127.0.0.1:{port}/a")
    assert str(err) == f"http://127.0.0.1:{port}/a: cannot connect (Connection refused)"
    assert not err.permanent


def test_the_pace_does_not_count_against_the_deadline(server):
    server.routes["/robots.txt"] = answer(body=b"User-agent: *\nCrawl-delay: 2\n")
    server.routes["/a"] = answer()
    policy = FetchPolicy(allowed_networks=LOOPBACK, pace=0, deadline=1.5)
    started = time.monotonic()
    Fetcher(policy).fetch(f"{server.base}/a")  # waits 2 s after robots.txt, within a 1.5 s deadline
    assert time.monotonic() - started >= 2
