"""Fetch web pages and feeds over HTTP(S), with a timeout and a size limit."""

from __future__ import annotations

import urllib.error
import urllib.request
from dataclasses import dataclass
from urllib.parse import urlsplit

from generator import __version__

USER_AGENT = f"news-dossier/{__version__} (+https://pypi.org/project/news-dossier/)"
TIMEOUT = 30.0
"""Seconds to wait for a server before giving up on a page."""
MAX_FETCH_BYTES = 10_000_000
"""Largest page or feed downloaded (the same limit as for an HTML file in seeds/)."""


class FetchError(OSError):
    """A page or feed that cannot be fetched; the message starts with its URL."""


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
    """The body."""


def check_url(url: str) -> None:
    """Refuse anything but an absolute http(s) URL (no file:, ftp:, data: ...)."""
    parts = urlsplit(url)
    if parts.scheme.lower() not in ("http", "https") or not parts.netloc:
        raise FetchError(f"{url}: not an http:// or https:// address")


class _WebOnlyRedirects(urllib.request.HTTPRedirectHandler):
    """Follow redirects to http(s) addresses only (urllib would also follow one to ftp:)."""

    def redirect_request(self, req, fp, code, msg, headers, newurl):  # type: ignore[no-untyped-def]
        check_url(newurl)
        return super().redirect_request(req, fp, code, msg, headers, newurl)


_opener = urllib.request.build_opener(_WebOnlyRedirects)


def fetch(url: str, accept: str = "text/html", timeout: float = TIMEOUT) -> Fetched:
    """The body of `url`; any failure is a `FetchError` naming the URL."""
    check_url(url)
    request = urllib.request.Request(url, headers={"User-Agent": USER_AGENT, "Accept": accept})
    try:
        with _opener.open(request, timeout=timeout) as response:
            data = response.read(MAX_FETCH_BYTES + 1)
            final_url = response.geturl()
            content_type = response.headers.get_content_type()
    except urllib.error.HTTPError as err:
        raise FetchError(f"{url}: the server answered HTTP {err.code} ({err.reason})") from None
    except urllib.error.URLError as err:
        raise FetchError(f"{url}: cannot fetch ({err.reason})") from None
    except FetchError:
        raise
    except (TimeoutError, OSError) as err:
        raise FetchError(f"{url}: cannot fetch ({err})") from None
    if len(data) > MAX_FETCH_BYTES:
        raise FetchError(f"{url}: larger than the {MAX_FETCH_BYTES:,}-byte limit")
    check_url(final_url)  # a redirect may not lead off the web
    return Fetched(url=url, final_url=final_url, content_type=content_type, data=data)
