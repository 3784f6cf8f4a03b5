"""Fetch web pages and feeds over HTTP(S) without reaching inside the user's own network.

Every hop, the address asked for and each redirect, is checked before a byte is sent to it:

- `http:` or `https:` only, a well-formed address; `https:` to `http:` is refused unless allowed;
- the host name is resolved once and every address it resolves to must be a public one (not
  loopback, private, link-local, multicast, reserved or unspecified, IPv4 or IPv6, also inside an
  IPv4-mapped, 6to4 or NAT64 address); the connection then goes to an address that was checked,
  so a DNS server answering differently the second time (rebinding) is never asked again;
- the host's robots.txt allows it (unless told to ignore it), and requests to one host are
  spaced by a pace.

A page has an overall deadline (a watchdog closes the connection when it passes, however slowly
the server drips its bytes), a size limit on the body as sent and as decompressed, and a body
shorter than its Content-Length is refused. Every failure is a `FetchError` whose message starts
with the URL asked for; `permanent` says whether trying again later could help.

Proxies from the environment are not used: the address check must see the address connected to.
"""

from __future__ import annotations

import http.client
import ipaddress
import re
import socket
import ssl
import threading
import time
import zlib
from collections.abc import Callable
from dataclasses import dataclass, field
from urllib.parse import quote, urljoin, urlsplit
from urllib.robotparser import RobotFileParser

from generator import __version__

USER_AGENT = f"news-dossier/{__version__} (+https://pypi.org/project/news-dossier/)"
ROBOTS_AGENT = "news-dossier"
"""The name this tool answers to in robots.txt."""
TIMEOUT = 30.0
"""Seconds to wait for any one read from a server."""
DEADLINE = 60.0
"""Seconds one page (with its redirects) may take in all."""
PACE = 1.0
"""Seconds between two requests to the same host."""
MAX_PACE = 30.0
"""The longest pause a robots.txt Crawl-delay can ask for."""
MAX_FETCH_BYTES = 10_000_000
"""Largest page or feed downloaded, also once decompressed (the limit for an HTML file in seeds/)."""
MAX_ROBOTS_BYTES = 500_000
"""Largest robots.txt read (RFC 9309 asks crawlers to read at least 500 KiB)."""
MAX_REDIRECTS = 10
_CHUNK = 65_536

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address
IPNetwork = ipaddress.IPv4Network | ipaddress.IPv6Network
Resolver = Callable[[str, int], list[str]]

_NAT64 = ipaddress.ip_network("64:ff9b::/96")
_SHARED = ipaddress.ip_network("100.64.0.0/10")
_BAD_CHARACTERS = re.compile(r"[\x00-\x20\x7f]")


class FetchError(OSError):
    """A page or feed that cannot be fetched; the message starts with its URL."""

    def __init__(self, message: str, permanent: bool = False) -> None:
        super().__init__(message)
        self.permanent = permanent
        """True when fetching again cannot help (a refused address, a page over the limit)."""

    def __str__(self) -> str:
        return str(self.args[0])


def _refused(message: str) -> FetchError:
    return FetchError(message, permanent=True)


@dataclass(frozen=True)
class Fetched:
    """A downloaded resource."""

    url: str
    """The address asked for."""
    final_url: str
    """The address it came from after redirects."""
    content_type: str
    """Media type from the Content-Type header, lower case, e.g. `text/html`."""
    data: bytes
    """The body, decompressed."""


@dataclass(frozen=True)
class FetchPolicy:
    """What a fetch may do."""

    allow_private: bool = False
    """Fetch from loopback, private and other non-public addresses too."""
    allowed_networks: tuple[IPNetwork, ...] = ()
    """Non-public networks fetched from anyway (e.g. an intranet's news server)."""
    allow_downgrade: bool = False
    """Follow a redirect from https: to http:."""
    deadline: float = DEADLINE
    """Seconds a page may take in all, redirects included."""
    read_timeout: float = TIMEOUT
    """Seconds to wait for any one read."""
    max_bytes: int = MAX_FETCH_BYTES
    """Largest body, as sent and once decompressed."""
    pace: float = PACE
    """Seconds between two requests to the same host."""
    robots: bool = True
    """Respect robots.txt."""


def _parse_url(url: str) -> tuple[str, str, int, str]:
    """Scheme, host (IDNA-encoded), port and request target of a well-formed http(s) URL."""
    if not isinstance(url, str) or not url:
        raise _refused(f"{url!r}: not an http:// or https:// address")
    if _BAD_CHARACTERS.search(url):
        raise _refused(f"{url}: not a valid address (it contains a space or a control character)")
    try:
        parts = urlsplit(url)
    except ValueError as err:  # a broken IPv6 literal, e.g. http://[::1/
        raise _refused(f"{url}: not a valid address ({err})") from None
    scheme = parts.scheme.lower()
    if scheme not in ("http", "https") or not parts.netloc:
        raise _refused(f"{url}: not an http:// or https:// address")
    try:
        port = parts.port or (443 if scheme == "https" else 80)
    except ValueError:
        raise _refused(
            f"{url}: not a valid address (the port is not a number from 0 to 65535)"
        ) from None
    host = parts.hostname or ""
    if not host:
        raise _refused(f"{url}: not a valid address (no host name)")
    if ":" not in host:  # a name, or an IPv4 address
        try:
            host = host.encode("idna").decode("ascii")
        except UnicodeError:
            raise _refused(
                f"{url}: not a valid address ({host!r} is not a valid host name)"
            ) from None
    else:
        try:
            ipaddress.IPv6Address(host.split("%", 1)[0])
        except ValueError:
            raise _refused(
                f"{url}: not a valid address ({host!r} is not an IPv6 address)"
            ) from None
    # the path and query as sent: characters outside ASCII percent-encoded, the rest kept
    target = quote(parts.path or "/", safe="/%:@!$&'()*+,;=-._~")
    if parts.query:
        target += "?" + quote(parts.query, safe="/%:@!$&'()*+,;=-._~?")
    return scheme, host, port, target


def check_url(url: str) -> None:
    """Refuse anything but a well-formed absolute http(s) URL (no file:, ftp:, data: ...)."""
    _parse_url(url)


def address_kind(address: str) -> str | None:
    """What makes `address` one not to fetch from ('loopback', 'private', ...), None if public."""
    try:
        ip: IPAddress = ipaddress.ip_address(address.split("%", 1)[0])
    except ValueError:
        return "unreadable"
    if isinstance(ip, ipaddress.IPv6Address):
        embedded = ip.ipv4_mapped or ip.sixtofour
        if embedded is None and ip in _NAT64:
            embedded = ipaddress.IPv4Address(int(ip) & 0xFFFFFFFF)
        if embedded is not None:
            return address_kind(str(embedded))
    checks = [
        ("unspecified", ip.is_unspecified),
        ("loopback", ip.is_loopback),
        ("link-local", ip.is_link_local),
        ("multicast", ip.is_multicast),
        ("private", ip.is_private),
        ("reserved", ip.is_reserved),
        ("shared (carrier-grade NAT)", isinstance(ip, ipaddress.IPv4Address) and ip in _SHARED),
        ("not globally routable", not ip.is_global),
    ]
    for kind, applies in checks:
        if applies:
            return kind
    return None


def _resolve(host: str, port: int) -> list[str]:
    """Every address `host` resolves to, in the resolver's order."""
    found: list[str] = []
    for *_, sockaddr in socket.getaddrinfo(host, port, type=socket.SOCK_STREAM):
        if str(sockaddr[0]) not in found:
            found.append(str(sockaddr[0]))
    return found


class _Watchdog:
    """Closes a connection's socket when the deadline passes."""

    def __init__(self, seconds: float) -> None:
        self.expired = False
        self._sock: socket.socket | None = None
        self._lock = threading.Lock()
        self._ends = time.monotonic() + seconds
        self._timer = self._start()

    def _start(self) -> threading.Timer:
        timer = threading.Timer(max(self._ends - time.monotonic(), 0.0), self._expire)
        timer.daemon = True
        timer.start()
        return timer

    def pause(self, seconds: float) -> None:
        """Sleep `seconds` without counting them (the pace between requests)."""
        self._timer.cancel()
        time.sleep(seconds)
        with self._lock:
            if not self.expired:
                self._ends += seconds
                self._timer = self._start()

    def watch(self, sock: socket.socket) -> None:
        with self._lock:
            self._sock = sock
            if self.expired:
                self._shut()

    def _expire(self) -> None:
        with self._lock:
            self.expired = True
            self._shut()

    def _shut(self) -> None:
        if self._sock is not None:
            try:
                self._sock.shutdown(socket.SHUT_RDWR)
            except OSError:
                pass

    def cancel(self) -> None:
        self._timer.cancel()


class _PinnedHTTP(http.client.HTTPConnection):
    """An HTTP connection to an address checked beforehand, not to whatever the name resolves to."""

    def __init__(self, host: str, port: int, address: str, timeout: float, dog: _Watchdog) -> None:
        super().__init__(host, port, timeout=timeout)
        self._address = address
        self._dog = dog

    def connect(self) -> None:
        self.sock = socket.create_connection((self._address, self.port), self.timeout)
        self._dog.watch(self.sock)


class _PinnedHTTPS(http.client.HTTPSConnection):
    """An HTTPS connection to a checked address; the certificate is checked for the host name."""

    def __init__(
        self,
        host: str,
        port: int,
        address: str,
        timeout: float,
        dog: _Watchdog,
        context: ssl.SSLContext | None = None,
    ) -> None:
        super().__init__(
            host, port, timeout=timeout, context=context or ssl.create_default_context()
        )
        self._address = address
        self._dog = dog

    def connect(self) -> None:
        sock = socket.create_connection((self._address, self.port), self.timeout)
        self._dog.watch(sock)
        self.sock = self._context.wrap_socket(sock, server_hostname=self.host)  # type: ignore[attr-defined]
        self._dog.watch(self.sock)


@dataclass
class _Response:
    status: int
    reason: str
    location: str | None
    content_type: str
    data: bytes


@dataclass
class Fetcher:
    """Fetches pages under a `FetchPolicy`, remembering each host's robots.txt and last request."""

    policy: FetchPolicy = field(default_factory=FetchPolicy)
    resolve: Resolver = _resolve
    tls: ssl.SSLContext | None = None
    """The TLS settings (default: the system's certificate authorities, host names checked)."""
    _last: dict[str, float] = field(default_factory=dict)
    _robots: dict[str, RobotFileParser | FetchError] = field(default_factory=dict)

    def fetch(self, url: str, accept: str = "text/html") -> Fetched:
        """The body of `url` after its redirects; any failure is a `FetchError` naming `url`."""
        dog = _Watchdog(self.policy.deadline)
        try:
            return self._follow(url, accept, dog, robots=self.policy.robots)
        finally:
            dog.cancel()

    def _follow(self, url: str, accept: str, dog: _Watchdog, robots: bool) -> Fetched:
        hop = url
        for _ in range(MAX_REDIRECTS + 1):
            where = url if hop == url else f"{url}: redirected to {hop}"
            _, host, port, _ = _parse_url(hop)
            addresses = self._addresses(host, port, where)
            if robots:
                self._check_robots(hop, where)
            response = self._request(hop, accept, where, dog, addresses)
            if response.status in (301, 302, 303, 307, 308) and response.location:
                target = urljoin(hop, response.location)
                self._check_redirect(hop, target, url)
                hop = target
                continue
            if not 200 <= response.status < 300:
                raise FetchError(
                    f"{where}: the server answered HTTP {response.status} ({response.reason})",
                    permanent=response.status in (410, 451),
                )
            return Fetched(
                url=url, final_url=hop, content_type=response.content_type, data=response.data
            )
        raise _refused(f"{url}: more than {MAX_REDIRECTS} redirects")

    def _check_redirect(self, hop: str, target: str, url: str) -> None:
        try:
            _parse_url(target)
        except FetchError as err:
            raise _refused(f"{url}: redirected to {err}") from None
        if (
            urlsplit(hop).scheme.lower() == "https"
            and urlsplit(target).scheme.lower() == "http"
            and not self.policy.allow_downgrade
        ):
            raise _refused(
                f"{url}: redirected from https to {target}, which is not encrypted; not followed "
                "(dossier add --allow-downgrade follows it)"
            )

    def _addresses(self, host: str, port: int, where: str) -> list[str]:
        try:
            addresses = self.resolve(host, port)
        except (OSError, UnicodeError) as err:
            raise FetchError(f"{where}: cannot find the host {host} ({err})") from None
        if not addresses:
            raise FetchError(f"{where}: cannot find the host {host}")
        if self.policy.allow_private:
            return addresses
        for address in addresses:
            kind = address_kind(address)
            if kind is None:
                continue
            ip = ipaddress.ip_address(address.split("%", 1)[0])
            if any(ip in network for network in self.policy.allowed_networks):
                continue
            raise _refused(
                f"{where}: {host} is at {address}, a {kind} address, not a public one; not "
                "fetched (dossier add --allow-private, or --allow-network NETWORK, fetches it)"
            )
        return addresses

    def _wait_pace(self, host: str, dog: _Watchdog) -> None:
        pace = self.policy.pace
        robots = self._robots.get(host)
        if isinstance(robots, RobotFileParser):
            delay = robots.crawl_delay(ROBOTS_AGENT)
            if delay is not None:
                pace = max(pace, min(float(delay), MAX_PACE))
        last = self._last.get(host)
        if last is not None and pace > 0:
            wait = last + pace - time.monotonic()
            if wait > 0:
                dog.pause(wait)  # the pace is not the server's time
        self._last[host] = time.monotonic()

    def _request(
        self,
        url: str,
        accept: str,
        where: str,
        dog: _Watchdog,
        addresses: list[str],
        truncate_at: int | None = None,
    ) -> _Response:
        """One GET of `url` from one of `addresses` (checked), without following a redirect."""
        scheme, host, port, target = _parse_url(url)
        self._wait_pace(f"{scheme}://{host}:{port}", dog)
        last_error: OSError | None = None
        for address in addresses:
            connection: http.client.HTTPConnection
            if scheme == "https":
                connection = _PinnedHTTPS(
                    host, port, address, self.policy.read_timeout, dog, self.tls
                )
            else:
                connection = _PinnedHTTP(host, port, address, self.policy.read_timeout, dog)
            try:
                try:
                    connection.connect()
                except OSError as err:
                    if dog.expired or isinstance(err, ssl.SSLError):
                        raise  # TLS failing is the host's answer, not a host out of reach
                    last_error = err
                    continue
                response = self._exchange(connection, target, accept, where, truncate_at)
                if dog.expired:  # the watchdog's shutdown reads as the end of the body
                    raise TimeoutError
                return response
            except (http.client.HTTPException, OSError, ValueError, UnicodeError) as err:
                if dog.expired:
                    raise FetchError(
                        f"{where}: took longer than the {self.policy.deadline:g}-second limit"
                    ) from None
                if isinstance(err, FetchError):
                    raise
                raise FetchError(f"{where}: {_describe(err)}") from None
            finally:
                connection.close()
        reason = (last_error.strerror or str(last_error)) if last_error else "no address"
        raise FetchError(f"{where}: cannot connect ({reason})")

    def _exchange(
        self,
        connection: http.client.HTTPConnection,
        target: str,
        accept: str,
        where: str,
        truncate_at: int | None,
    ) -> _Response:
        """Send the request and read the answer: up to `truncate_at` bytes of it when given,
        else all of it within the policy's limit."""
        limit = truncate_at or self.policy.max_bytes
        connection.putrequest("GET", target, skip_accept_encoding=True)
        connection.putheader("User-Agent", USER_AGENT)
        connection.putheader("Accept", accept)
        connection.putheader("Accept-Encoding", "gzip, deflate")
        connection.endheaders()
        response = connection.getresponse()
        status, reason = response.status, _printable(response.reason)
        location = response.getheader("Location")
        content_type = response.headers.get_content_type()
        if 300 <= status < 400 and location:
            return _Response(status, reason, location, content_type, b"")
        if not 200 <= status < 300:
            return _Response(status, reason, None, content_type, b"")
        announced = response.getheader("Content-Length")
        body = bytearray()
        while True:
            chunk = response.read1(_CHUNK)
            if not chunk:
                break
            body += chunk
            if len(body) > limit:
                if truncate_at is not None:
                    return _Response(status, reason, None, content_type, bytes(body[:limit]))
                raise _refused(f"{where}: larger than the {limit:,}-byte limit")
        if announced is not None and not response.chunked:
            try:
                expected = int(announced)
            except ValueError:
                expected = -1
            if expected >= 0 and len(body) < expected:
                raise FetchError(
                    f"{where}: the body was cut short ({len(body):,} of the {expected:,} bytes "
                    "the server announced)"
                )
        encoding = (response.getheader("Content-Encoding") or "").strip().lower()
        data = _decode(bytes(body), encoding, limit, where)
        return _Response(status, reason, None, content_type, data)

    def _check_robots(self, url: str, where: str) -> None:
        scheme, host, port, _ = _parse_url(url)
        key = f"{scheme}://{host}:{port}"
        if key not in self._robots:
            self._robots[key] = self._read_robots(f"{scheme}://{urlsplit(url).netloc}/robots.txt")
        rules = self._robots[key]
        if isinstance(rules, FetchError):
            raise FetchError(
                f"{where}: {rules}; not fetched (dossier add --ignore-robots fetches it)",
                permanent=rules.permanent,
            )
        if not rules.can_fetch(ROBOTS_AGENT, url):
            raise _refused(
                f"{where}: the site's robots.txt does not allow it; not fetched "
                "(dossier add --ignore-robots fetches it)"
            )

    def _read_robots(self, robots_url: str) -> RobotFileParser | FetchError:
        """The rules of a robots.txt (RFC 9309: none when it is missing), or why it could not be
        read (then nothing of the site is fetched)."""
        rules = RobotFileParser(robots_url)
        dog = _Watchdog(self.policy.deadline)
        try:
            hop = robots_url
            for _ in range(5):  # RFC 9309: follow at least five redirects
                _, host, port, _ = _parse_url(hop)
                addresses = self._addresses(host, port, robots_url)
                response = self._request(
                    hop, "text/plain", robots_url, dog, addresses, MAX_ROBOTS_BYTES
                )
                if 300 <= response.status < 400 and response.location:
                    target = urljoin(hop, response.location)
                    self._check_redirect(hop, target, robots_url)
                    hop = target
                    continue
                break
            else:
                return _refused("its robots.txt redirects too often")
        except FetchError as err:
            reason = str(err).removeprefix(robots_url + ": ")
            return FetchError(f"its robots.txt could not be read ({reason})", err.permanent)
        finally:
            dog.cancel()
        if 400 <= response.status < 500:
            rules.parse([])  # RFC 9309: an unavailable robots.txt means no restriction
        elif 200 <= response.status < 300:
            rules.parse(response.data.decode("utf-8", "replace").splitlines())
        else:
            return FetchError(f"its robots.txt could not be read (HTTP {response.status})")
        return rules


def _decode(body: bytes, encoding: str, limit: int, where: str) -> bytes:
    """The body without its content encoding, refused when it inflates past `limit`."""
    if encoding in ("", "identity") and not body.startswith(b"\x1f\x8b"):
        return body
    if encoding in ("gzip", "x-gzip") or (
        encoding in ("", "identity") and body.startswith(b"\x1f\x8b")
    ):
        wbits = 31
    elif encoding == "deflate":
        wbits = 15 if body[:1] == b"\x78" else -15  # zlib-wrapped, or raw as some servers send
    else:
        raise _refused(f"{where}: sent in the {encoding!r} encoding, which was not asked for")
    out = bytearray()
    data = body
    try:
        while data:
            inflater = zlib.decompressobj(wbits)
            while data:
                out += inflater.decompress(data, limit + 1 - len(out))
                if len(out) > limit:
                    raise _refused(
                        f"{where}: larger than the {limit:,}-byte limit once decompressed"
                    )
                data = inflater.unconsumed_tail
                if inflater.eof:
                    break
            if not inflater.eof:
                raise FetchError(f"{where}: the compressed body was cut short")
            data = inflater.unused_data.lstrip(b"\0")  # gzip may hold several members
    except zlib.error as err:
        raise _refused(
            f"{where}: the body is not valid {encoding or 'gzip'} data ({err})"
        ) from None
    return bytes(out)


def _printable(text: str) -> str:
    return "".join(ch if ch.isprintable() else "?" for ch in text)[:100]


def _describe(err: BaseException | None) -> str:
    """A protocol or network failure in words."""
    if isinstance(err, http.client.IncompleteRead):
        return "the body was cut short"
    if isinstance(err, http.client.RemoteDisconnected):
        return "the server closed the connection without answering"
    if isinstance(err, http.client.BadStatusLine):
        return "the server's answer is not HTTP (a bad status line)"
    if isinstance(err, http.client.LineTooLong):
        return "the server sent a header line over the length limit"
    if isinstance(err, http.client.HTTPException):
        return f"the server broke the HTTP protocol ({_printable(str(err)) or type(err).__name__})"
    if isinstance(err, ssl.SSLError):
        return f"TLS failed ({err.reason or err})"
    if isinstance(err, TimeoutError | socket.timeout):
        return "the server did not answer in time"
    if isinstance(err, OSError):
        return f"cannot fetch ({err.strerror or err})"
    if err is None:
        return "cannot connect"
    return f"the server's answer cannot be read ({_printable(str(err)) or type(err).__name__})"


def fetch(url: str, accept: str = "text/html", policy: FetchPolicy | None = None) -> Fetched:
    """The body of `url` under `policy` (the default: public addresses only)."""
    return Fetcher(policy or FetchPolicy()).fetch(url, accept)
