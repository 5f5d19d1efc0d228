"""Web pages and RSS/Atom feeds: fetched with httpx (timeouts, a clear user agent), bodies
extracted with trafilatura, feeds parsed with feedparser."""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Iterable, Iterator

import feedparser
import httpx

from detente.errors import InputError
from detente.ingest.documents import Document
from detente.ingest.html import html_to_document

USER_AGENT = "detente/0.1 (event coder; +https://pypi.org/project/detente/)"
TIMEOUT = httpx.Timeout(20.0, connect=10.0)


def make_client() -> httpx.Client:
    return httpx.Client(headers={"User-Agent": USER_AGENT}, timeout=TIMEOUT, follow_redirects=True)


def url_id(url: str) -> str:
    return "url-" + hashlib.sha1(url.encode()).hexdigest()[:16]


def is_url(text: str) -> bool:
    return text.startswith(("http://", "https://"))


def fetch_page(client: httpx.Client, url: str, *, date: dt.date | None = None) -> Document:
    try:
        response = client.get(url)
        response.raise_for_status()
    except (httpx.HTTPError, httpx.InvalidURL, ValueError) as exc:
        raise InputError(f"cannot fetch page ({exc})", path=url) from None
    document = html_to_document(response.text, doc_id=url_id(url), path=url, date=date)
    return Document(
        id=document.id, text=document.text, date=document.date, title=document.title,
        url=url, source=document.source or httpx.URL(url).host, language=document.language, path=url,
    )


def fetch_pages(client: httpx.Client, urls: Iterable[str], *, date: dt.date | None = None) -> Iterator[Document | InputError]:
    for url in urls:
        try:
            yield fetch_page(client, url, date=date)
        except InputError as error:
            yield error


def feed_links(client: httpx.Client, feed_url: str) -> list[tuple[str, dt.date | None]]:
    """Article links of an RSS/Atom feed, with their publication dates."""
    try:
        response = client.get(feed_url)
        response.raise_for_status()
    except (httpx.HTTPError, httpx.InvalidURL, ValueError) as exc:
        raise InputError(f"cannot fetch feed ({exc})", path=feed_url) from None
    parsed = feedparser.parse(response.content)
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


def fetch_feed(client: httpx.Client, feed_url: str) -> Iterator[Document | InputError]:
    try:
        links = feed_links(client, feed_url)
    except InputError as error:
        yield error
        return
    for link, published in links:
        try:
            yield fetch_page(client, link, date=published)
        except InputError as error:
            yield error
