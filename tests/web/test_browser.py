"""The dashboard in a real browser: Playwright for Python driving Debian's Chromium.

Skipped (with the reason) where /usr/bin/chromium or Playwright is missing; CI installs
Chromium with apt-get before `make test`. Screenshots go to results/screenshots/.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from detente.api import ApiSettings, create_app
from detente.store import Store, ingest_documents
from detente.ingest.documents import Document
from tests.store.fakes import FakeCoder, document
from tests.web.browser import CHROMIUM, SHOTS, browser_page, serving

XSS = 'Chile <script>window.__pwned = 1</script> expelled the Peruvian ambassador. <img src=x onerror="window.__pwned = 2">'

playwright_api = pytest.importorskip("playwright.sync_api", reason="Playwright for Python is not installed")
if not Path(CHROMIUM).exists():
    pytest.skip(f"no Chromium at {CHROMIUM} (apt-get install chromium)", allow_module_level=True)


@pytest.fixture(scope="module")
def server(tmp_path_factory, coder):
    db = tmp_path_factory.mktemp("web") / "web.duckdb"
    weeks = [f"2024-{1 + (d // 28):02d}-{1 + d % 28:02d}" for d in range(0, 140, 7)]
    lines = [f"USA>COL {'190' if i < 10 else '057'} {day}" for i, day in enumerate(weeks)]
    with Store(db) as store:
        ingest_documents(store, FakeCoder(), [document(f"w{i}", [line], source=f"s{i % 3}") for i, line in enumerate(lines)])
        ingest_documents(store, coder, [Document(id="xss", text=XSS, date=dt.date(2024, 3, 4), title="<b>xss</b>")])
    with serving(create_app(ApiSettings(db=db, token="t"), coder=coder)) as url:
        yield url


@pytest.fixture(scope="module")
def page(server):
    with browser_page(server, playwright_api) as page:
        yield page


def test_code_an_article_highlights_its_events(page):
    page.click("nav button[data-tab=code]")
    page.fill("#code-text", "France condemned Russia on Monday. Police in Lima did not arrest any protesters.")
    page.fill("#code-date", "2024-03-05")
    page.click("#code-submit")
    page.wait_for_selector("#article mark.trigger")
    assert "condemned" in page.inner_text("#article mark.trigger >> nth=0")
    assert page.locator("#article mark.actor").count() >= 2
    assert page.locator("#code-events .badge.negated").count() >= 1
    page.screenshot(path=str(SHOTS / "code.png"), full_page=True)
    page.check("#asserted-only")
    assert page.locator("#code-events .badge.negated").count() == 0


def test_relationship_chart_click_shows_events(page):
    page.click("nav button[data-tab=relationship]")
    page.fill("#dyad-form input[name=a]", "USA")
    page.fill("#dyad-form input[name=b]", "COL")
    page.select_option("#dyad-form select[name=by]", "week")
    page.click("#dyad-form button[type=submit]")
    page.wait_for_selector("#dyad-chart .scatterlayer .point")
    assert "towards cooperation" in page.inner_text("#dyad-chart")  # the shift is marked on the chart
    assert "towards cooperation" in page.inner_text("#dyad-shifts .shift.claimed h3")
    page.screenshot(path=str(SHOTS / "relationship.png"), full_page=True)
    page.locator("#dyad-chart .scatterlayer .point").first.click(force=True)
    page.wait_for_function("document.querySelectorAll('#dyad-events tr.event').length > 0")
    assert "USA" in page.inner_text("#dyad-events")


def test_events_table_and_network(page):
    page.click("nav button[data-tab=events]")
    page.click("#events-form button[type=submit]")
    page.wait_for_selector("#events-table tr.event")
    page.screenshot(path=str(SHOTS / "events.png"), full_page=True)
    page.click("nav button[data-tab=network]")
    page.click("#network-form button[type=submit]")
    page.wait_for_selector("#network-chart .scatterlayer")
    page.screenshot(path=str(SHOTS / "network.png"), full_page=True)


def test_article_html_is_shown_as_text_and_never_runs(page, server):
    import httpx

    found = httpx.get(f"{server}/api/mentions", params={"q": "expelled"}, timeout=10).json()["total"]
    page.click("nav button[data-tab=events]")
    page.fill("#events-form input[name=q]", "expelled")
    page.click("#events-form button[type=submit]")
    # the table of the previous search is still there until the new one arrives: wait for the new one
    page.wait_for_function(f"document.querySelector('#events-status').textContent.startsWith('{found} mention')")
    page.wait_for_selector("#events-table tr.event:has-text('expelled') a")
    page.locator("#events-table tr.event:has-text('expelled') a").first.click()
    page.wait_for_selector("#document mark")
    text = page.inner_text("#document")
    assert "<script>" in text and "onerror" in text and "<b>xss</b>" in text
    page.click("nav button[data-tab=code]")
    page.fill("#code-text", XSS)
    page.click("#code-submit")
    page.wait_for_selector("#article mark")
    assert page.evaluate("window.__pwned") is None
    assert page.locator("#article script, #article img, #document script, #document img").count() == 0
    page.screenshot(path=str(SHOTS / "xss.png"), full_page=True)


def test_mentions_view_agrees_with_stats(page, server):
    """The dashboard's report table counts mentions, as /api/stats does (the events count, 108 vs
    121 on the seed corpus, is /api/events; the dashboard has no view of it yet)."""
    import httpx

    stats = httpx.get(f"{server}/api/stats", timeout=10).json()
    page.click("nav button[data-tab=events]")
    page.evaluate("document.querySelector('#events-form').reset()")  # no filter left by another test
    page.click("#events-form button[type=submit]")
    page.wait_for_function(f"document.querySelector('#events-status').textContent.startsWith('{stats['mentions']} mention')")
    assert page.inner_text("#events-status").startswith(f"{stats['mentions']} mention(s)")
    assert httpx.get(f"{server}/api/mentions", timeout=10).json()["total"] == stats["mentions"]
    assert httpx.get(f"{server}/api/events", timeout=10).json()["total"] == stats["events"]
