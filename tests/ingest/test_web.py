"""Fetching under a policy (time and size caps, redirect limits), dates from file names, and
splitting long texts: unit tests with a local server on 127.0.0.1 (private addresses allowed
explicitly for it)."""

from __future__ import annotations

import datetime as dt
import http.server
import threading
import time

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from detente.errors import FetchError
from detente.ingest.naming import date_from_name
from detente.ingest.parts import split_text
from detente.ingest.web import FetchPolicy, fetch, make_client

LOCAL = FetchPolicy(allow_private=True, max_bytes=50_000, timeout=1.0, max_redirects=3)


class _Handler(http.server.BaseHTTPRequestHandler):
    def do_GET(self):  # noqa: N802
        if self.path == "/drip":  # a slow body: one byte every 0.1 s for 5 s
            self.send_response(200)
            self.send_header("Content-Length", "50")
            self.end_headers()
            for _ in range(50):
                try:
                    self.wfile.write(b"x")
                    self.wfile.flush()
                except OSError:
                    return
                time.sleep(0.1)
            return
        if self.path == "/loop":
            self.send_response(302)
            self.send_header("Location", "/loop")
            self.end_headers()
            return
        size = 100_000 if self.path == "/big" else 10
        self.send_response(200)
        self.send_header("Content-Length", str(size))
        self.end_headers()
        self.wfile.write(b"y" * size)

    def log_message(self, *args):
        pass


@pytest.fixture(scope="module")
def base():
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_port}"
    server.shutdown()
    server.server_close()


def test_a_small_page_is_fetched(base):
    with make_client(allow_private=True) as client:
        assert fetch(client, f"{base}/ok", LOCAL).content == b"y" * 10


@pytest.mark.parametrize("path, message", [("/drip", "took over 1 seconds"), ("/big", "over 50,000 bytes"), ("/loop", "more than 3 redirects")])
def test_caps_hold(base, path, message):
    started = time.monotonic()
    with make_client(allow_private=True) as client, pytest.raises(FetchError) as info:
        fetch(client, f"{base}{path}", LOCAL)
    assert message in str(info.value)
    assert time.monotonic() - started < 4


@pytest.mark.parametrize(
    "name, date",
    [("2026-03-02-talks.txt", dt.date(2026, 3, 2)), ("news/2024/03/09/a.txt", dt.date(2024, 3, 9)),
     ("20240310_wire.txt", dt.date(2024, 3, 10)), ("2024_02_30.txt", None), ("report-12345678.txt", None), ("notes.txt", None)],
)
def test_dates_in_file_names(name, date):
    assert date_from_name(name) == date


@settings(max_examples=80, deadline=None)
@given(st.text(alphabet=st.sampled_from("ab .!\n"), max_size=400), st.integers(min_value=5, max_value=60))
def test_split_text_keeps_every_character_in_pieces_under_the_limit(text, limit):
    try:
        pieces = split_text(text, limit)
    except ValueError as stuck:
        start = stuck.args[0]
        assert not any(c in " \n\t" for c in text[start + 1 : start + limit])  # really no break in reach
        return
    assert "".join(pieces) == text
    assert all(len(p) <= limit for p in pieces)


def test_a_long_fetched_page_is_split_like_a_long_file(monkeypatch):
    import ipaddress

    import httpx

    import detente.ingest.web as web
    from detente.ingest.parts import MAX_DOCUMENT_CHARS

    paragraphs = "".join(f"<p>Report {n}: " + "Chile and Peru met in Lima on Monday to discuss trade. " * 20 + "</p>" for n in range(200))
    page = "<html><body><article>" + paragraphs + "</article></body></html>"  # (distinct paragraphs: trafilatura drops repeats)
    monkeypatch.setattr(web, "resolve", lambda host, port: [ipaddress.ip_address("93.184.215.14")])
    client = httpx.Client(transport=httpx.MockTransport(lambda request: httpx.Response(200, html=page)))
    items = list(web.fetch_pages(client, ["http://news.example/long"], policy=FetchPolicy(max_bytes=1_000_000)))
    assert len(items) >= 2 and all(len(d.text) <= MAX_DOCUMENT_CHARS for d in items)
    assert [d.id for d in items][:2] == [f"{web.url_id('http://news.example/long')}:part-1", f"{web.url_id('http://news.example/long')}:part-2"]
