"""The dashboard on the demo corpus (the March 2008 Andean crisis) in a real browser.

Opens the start page and the Colombia–Ecuador relationship view on a store built from
examples/andean-crisis-2008 and checks that the store summary, the most active relationships,
the shift of early March 2008 and the events behind it are on the page. Screenshots go to
results/screenshots/ (demo-start.png, demo-col-ecu.png, demo-network.png). Skipped where
Chromium or Playwright is missing.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest

from detente.api import ApiSettings, create_app
from detente.ingest import iter_documents
from detente.store import Store, ingest_documents

from tests.web.browser import CHROMIUM, SHOTS, browser_page, serving

ROOT = Path(__file__).resolve().parents[2]
CORPUS = ROOT / "examples" / "andean-crisis-2008" / "corpus.jsonl"

playwright_api = pytest.importorskip("playwright.sync_api", reason="Playwright for Python is not installed")
if not Path(CHROMIUM).exists():
    pytest.skip(f"no Chromium at {CHROMIUM} (apt-get install chromium)", allow_module_level=True)


@pytest.fixture(scope="module")
def demo_server(tmp_path_factory, coder):
    db = tmp_path_factory.mktemp("demo") / "andean.duckdb"
    with Store(db) as store:
        ingest_documents(store, coder, (d for d in iter_documents([CORPUS]) if not isinstance(d, Exception)))
    with serving(create_app(ApiSettings(db=db, token="t"), coder=coder)) as url:
        yield url


@pytest.fixture(scope="module")
def page(demo_server):
    with browser_page(demo_server, playwright_api) as page:
        yield page


def test_start_page_shows_the_store_and_the_most_active_relationships(page):
    page.wait_for_selector("#overview-dyads tr.dyad")
    cards = page.inner_text("#overview-cards")
    assert re.search(r"21\s+documents", cards)
    assert "2008-01-10 – 2008-06-04" in cards and "both sides resolved" in cards
    first_rows = page.locator("#overview-dyads tr.dyad").all_inner_texts()[:3]
    assert any("Colombia – Ecuador" in row for row in first_rows) and any("Colombia – Venezuela" in row for row in first_rows)
    assert page.locator("#overview-dyads svg.sparkline rect").count() >= 4
    page.screenshot(path=str(SHOTS / "demo-start.png"), full_page=True)


def test_relationship_view_shows_the_march_2008_shift_and_its_evidence(page):
    page.click("nav button[data-tab=overview]")
    row = page.locator("#overview-dyads tr.dyad", has_text="Colombia – Ecuador")
    row.locator("a.open").click()
    page.wait_for_selector("#dyad-shifts h2")
    # the store covers under half a year: shifts are searched by day (the crisis and the summit share a week)
    assert page.input_value("#dyad-form select[name=shifts_by]") == "day"
    page.wait_for_selector("#dyad-shifts .shift.claimed")
    first = page.locator("#dyad-shifts .shift.claimed").first
    heading = first.locator("h3").inner_text().lower()
    assert "towards conflict" in heading
    week = dt.date.fromisoformat(re.search(r"\d{4}-\d{2}-\d{2}", heading).group())
    assert dt.date(2008, 3, 1) <= week <= dt.date(2008, 3, 9)
    evidence = first.locator("table.evidence").inner_text()
    assert "Reduce or break diplomatic relations" in evidence or "raid" in evidence.lower()
    assert "bootstrap" in first.inner_text() and "document(s)" in first.inner_text()
    assert "towards conflict" in page.inner_text("#dyad-chart")  # the shift is marked on the chart
    page.screenshot(path=str(SHOTS / "demo-col-ecu.png"), full_page=True)


def test_network_has_no_self_loops_and_labels_organisations(page):
    page.click("nav button[data-tab=network]")
    page.click("#network-form button[type=submit]")
    page.wait_for_selector("#network-chart .scatterlayer")
    legend = page.locator("#network-chart .legend").text_content()
    assert "country" in legend and "international organisation" in legend and "conflictual relation" in legend
    assert "(IGO)" in page.locator("#network-chart .scatterlayer").text_content()
    page.screenshot(path=str(SHOTS / "demo-network.png"), full_page=True)


def test_start_page_counts_agree_with_the_stats_endpoint(page, demo_server):
    page.click("nav button[data-tab=overview]")
    page.wait_for_selector("#overview-dyads tr.dyad")
    cards = page.inner_text("#overview-cards")
    stats = page.request.get(f"{demo_server}/api/stats").json()
    shown = {kind: int(re.search(rf"([\d,]+)\s+{kind}", cards).group(1).replace(",", "")) for kind in ("documents", "events")}
    assert shown == {"documents": stats["documents"], "events": stats["events"]}
    total = page.request.get(f"{demo_server}/api/events?limit=1").json()["total"]
    assert total == stats["events"]
