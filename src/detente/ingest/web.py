"""Web pages and RSS/Atom feeds: fetched with httpx, bodies extracted with trafilatura, feeds
parsed with feedparser.

Fetching is guarded against server-side request forgery: unless the policy allows private
addresses, a URL whose host resolves to a loopback, private, link-local, shared, reserved or
multicast address is refused, the connection goes to the address that was checked (so a second
DNS answer cannot swap it), and every redirect is checked the same way before it is followed.
Bodies are capped in size and the whole fetch in time.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import ipaddress
import socket
import time
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

import feedparser
import httpx

from detente.errors import FetchError, InputError, UnsafeUrlError
from detente.ingest.documents import Document
from detente.ingest.html import html_to_document
from detente.ingest.parts import MAX_DOCUMENT_CHARS, split_document

USER_AGENT = "detente/0.1 (event coder; +https://pypi.org/project/detente/)"
TIMEOUT = httpx.Timeout(20.0, connect=10.0)

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address


@dataclass(frozen=True)
class FetchPolicy:
    """What a fetch may do. The defaults refuse private addresses."""

    allow_private: bool = False
    max_bytes: int = 5_000_000
    timeout: float = 30.0  # seconds for the whole fetch, redirects included
    max_redirects: int = 5


@dataclass(frozen=True)
class Fetched:
    url: str  # after redirects
    content: bytes
    encoding: str | None


def make_client(*, allow_private: bool = False) -> httpx.Client:
    """An httpx client for :func:`fetch` (redirects are followed by :func:`fetch`, one checked hop
    at a time). Environment proxies are used only when private addresses are allowed: a proxy
    would reach addresses this process has not checked."""
    return httpx.Client(headers={"User-Agent": USER_AGENT}, timeout=TIMEOUT, follow_redirects=False, trust_env=allow_private)


def url_id(url: str) -> str:
    return "url-" + hashlib.sha1(url.encode()).hexdigest()[:16]


def is_url(text: str) -> bool:
    return text.startswith(("http://", "https://"))


def resolve(host: str, port: int) -> list[IPAddress]:
    """Every address ``host`` resolves to (tests replace this to avoid DNS)."""
    infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    return [ipaddress.ip_address(info[4][0].split("%")[0]) for info in infos]


def is_public(address: IPAddress) -> bool:
    mapped = getattr(address, "ipv4_mapped", None)
    if mapped is not None:
        address = mapped
    return address.is_global and not address.is_multicast


def check_url(url: httpx.URL, policy: FetchPolicy) -> IPAddress | None:
    """The public address to connect to for ``url``; raises :class:`InputError` when ``url`` is not
    http(s) or resolves to an address the policy refuses. ``None`` when any address is allowed."""
    if url.scheme not in ("http", "https"):
        raise UnsafeUrlError(f"only http and https URLs can be fetched, not {url.scheme!r}", path=str(url))
    host = url.host
    if not host:
        raise UnsafeUrlError("the URL has no host", path=str(url))
    if policy.allow_private:
        return None
    try:
        addresses = [ipaddress.ip_address(host)]
    except ValueError:
        try:
            addresses = resolve(host, url.port or (443 if url.scheme == "https" else 80))
        except (OSError, UnicodeError) as exc:
            raise FetchError(f"cannot resolve host {host!r} ({exc})", path=str(url)) from None
    refused = [a for a in addresses if not is_public(a)]
    if refused or not addresses:
        raise UnsafeUrlError(
            f"refusing to fetch {host!r}: it resolves to a non-public address ({refused[0] if refused else 'none'}); "
            "only public internet addresses are fetched",
            path=str(url),
        )
    return addresses[0]


def fetch(client: httpx.Client, url: str, policy: FetchPolicy = FetchPolicy()) -> Fetched:
    """GET ``url`` under ``policy``: each hop checked, the body capped; raises :class:`InputError`."""
    deadline = time.monotonic() + policy.timeout
    try:
        current = httpx.URL(url)
    except (httpx.InvalidURL, ValueError) as exc:
        raise UnsafeUrlError(f"not a valid URL ({exc})", path=url) from None
    for _ in range(policy.max_redirects + 1):
        address = check_url(current, policy)
        request = _request(client, current, address)
        try:
            response = client.send(request, stream=True)
        except (httpx.HTTPError, ValueError) as exc:
            raise FetchError(f"cannot fetch ({type(exc).__name__}: {exc})", path=url) from None
        try:
            if response.is_redirect:
                location = response.headers.get("location", "")
                try:
                    current = current.join(location)
                except (httpx.InvalidURL, ValueError):
                    raise FetchError(f"bad redirect to {location!r}", path=url) from None
                continue
            if response.status_code >= 400:
                raise FetchError(f"cannot fetch (HTTP {response.status_code} {response.reason_phrase})", path=url)
            content = _read_capped(response, policy, deadline, url)
            return Fetched(url=str(current), content=content, encoding=response.charset_encoding)
        finally:
            response.close()
    raise FetchError(f"more than {policy.max_redirects} redirects", path=url)


def _request(client: httpx.Client, url: httpx.URL, address: IPAddress | None) -> httpx.Request:
    if address is None:
        return client.build_request("GET", url)
    pinned = url.copy_with(host=str(address))
    extensions = {"sni_hostname": url.host} if url.scheme == "https" else {}
    return client.build_request("GET", pinned, headers={"Host": url.netloc.decode("ascii")}, extensions=extensions)


def _read_capped(response: httpx.Response, policy: FetchPolicy, deadline: float, url: str) -> bytes:
    length = response.headers.get("content-length", "")
    if length.isdigit() and int(length) > policy.max_bytes:
        raise FetchError(f"page is over {policy.max_bytes:,} bytes", path=url)
    chunks, size = [], 0
    try:
        for chunk in response.iter_bytes():
            size += len(chunk)
            if size > policy.max_bytes:
                raise FetchError(f"page is over {policy.max_bytes:,} bytes", path=url)
            if time.monotonic() > deadline:
                raise FetchError(f"fetch took over {policy.timeout:g} seconds", path=url)
            chunks.append(chunk)
    except httpx.HTTPError as exc:
        raise FetchError(f"cannot fetch ({type(exc).__name__}: {exc})", path=url) from None
    return b"".join(chunks)


def fetch_page(client: httpx.Client, url: str, *, date: dt.date | None = None, policy: FetchPolicy = FetchPolicy()) -> Document:
    fetched = fetch(client, url, policy)
    html = fetched.content.decode(fetched.encoding or "utf-8", errors="replace")
    document = html_to_document(html, doc_id=url_id(url), path=url, date=date)
    return Document(
        id=document.id, text=document.text, date=document.date, title=document.title,
        url=url, source=document.source or httpx.URL(url).host, language=document.language, path=url,
    )


def fetch_pages(
    client: httpx.Client, urls: Iterable[str], *, date: dt.date | None = None, policy: FetchPolicy = FetchPolicy()
) -> Iterator[Document | InputError]:
    """Each page as a document (split into parts when its text is over ``MAX_DOCUMENT_CHARS``)."""
    for url in urls:
        try:
            yield from split_document(fetch_page(client, url, date=date, policy=policy), MAX_DOCUMENT_CHARS)
        except InputError as error:
            yield error


def feed_links(client: httpx.Client, feed_url: str, policy: FetchPolicy = FetchPolicy()) -> list[tuple[str, dt.date | None]]:
    """Article links of an RSS/Atom feed, with their publication dates."""
    fetched = fetch(client, feed_url, policy)
    parsed = feedparser.parse(fetched.content)
    if parsed.bozo and not parsed.entries:
        raise InputError(f"not an RSS or Atom feed ({parsed.bozo_exception})", path=feed_url)
    links = []
    for entry in parsed.entries:
        link = entry.get("link")
        if not link:
            continue
        stamp = entry.get("published_parsed") or entry.get("updated_parsed")
        links.append((link, dt.date(*stamp[:3]) if stamp else None))
    return links


def fetch_feed(client: httpx.Client, feed_url: str, policy: FetchPolicy = FetchPolicy()) -> Iterator[Document | InputError]:
    try:
        links = feed_links(client, feed_url, policy)
    except InputError as error:
        yield error
        return
    for link, published in links:
        try:
            yield from split_document(fetch_page(client, link, date=published, policy=policy), MAX_DOCUMENT_CHARS)
        except InputError as error:
            yield error
