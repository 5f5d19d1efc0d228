"""`detente ingest` end to end: the real coder, files, web pages and feeds (served by a mock transport)."""

from __future__ import annotations

import ipaddress
import json

import httpx
from click.testing import CliRunner

from detente.cli.main import cli

PAGE = """<html><head><title>Border talks</title><meta name="date" content="2024-05-02"></head><body><article>
<h1>Border talks</h1><p>The foreign ministers of India and Pakistan met in Geneva on Thursday to discuss the border.</p>
<p>Both governments agreed to meet again next month, officials said after the talks.</p></article></body></html>"""
FEED = """<?xml version="1.0"?><rss version="2.0"><channel><title>Wire</title>
<item><title>Border talks</title><link>https://news.test/talks</link><pubDate>Thu, 02 May 2024 10:00:00 GMT</pubDate></item>
<item><title>Gone</title><link>https://news.test/missing</link></item></channel></rss>"""


def _transport(request: httpx.Request) -> httpx.Response:
    assert request.headers["user-agent"].startswith("detente/")
    if request.url.path == "/rss":
        return httpx.Response(200, content=FEED.encode(), headers={"content-type": "application/rss+xml"})
    if request.url.path == "/talks":
        return httpx.Response(200, text=PAGE)
    return httpx.Response(404)


def test_ingest_files_urls_and_feeds(tmp_path, monkeypatch):
    import detente.ingest.web as web

    monkeypatch.setattr(web, "make_client", lambda **_: httpx.Client(transport=httpx.MockTransport(_transport), headers={"User-Agent": web.USER_AGENT}))
    monkeypatch.setattr(web, "resolve", lambda host, port: [ipaddress.ip_address("93.184.215.14")])  # news.test, as if public
    corpus = tmp_path / "corpus.jsonl"
    corpus.write_text(
        json.dumps({"id": "x1", "text": "France and Germany condemned Russia on Monday.", "date": "2024-03-04", "source": "A"}) + "\n",
        encoding="utf-8",
    )
    db = tmp_path / "s.duckdb"
    runner = CliRunner()
    result = runner.invoke(cli, ["ingest", str(corpus), "--feed", "https://news.test/rss", "--db", str(db)])
    assert result.exit_code == 1  # the feed's second link is a 404: reported, the rest stored
    assert "https://news.test/missing" in result.stderr and "2 added" in result.stderr
    sql = runner.invoke(cli, ["sql", "SELECT doc_id, url FROM documents ORDER BY 1", "--db", str(db), "--format", "json"])
    docs = json.loads(sql.stdout)
    assert [d["url"] for d in docs if d["doc_id"] != "x1"] == ["https://news.test/talks"]
    events = runner.invoke(cli, ["sql", "SELECT actor_country, recipient_country, cameo_root FROM events", "--db", str(db), "--format", "json"])
    triples = {(e["actor_country"], e["recipient_country"], e["cameo_root"]) for e in json.loads(events.stdout)}
    assert ("FRA", "RUS", "11") in triples and ("DEU", "RUS", "11") in triples
    assert any(t[2] == "04" for t in triples)
    again = runner.invoke(cli, ["ingest", str(corpus), "--db", str(db)])
    assert again.exit_code == 0 and "0 added" in again.stderr and "1 unchanged" in again.stderr
