"""docs/*.md against the code: the store's schema, the coder's records, the codes, the exports and
the gold formats. A change on either side without the other fails here."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from detente.coding.actors.kb import KnowledgeBase
from detente.coding.cameo import Codebook
from detente.coding.events.coder import FIELD_ORDER
from detente.data import data_path
from detente.ingest.documents import Document
from detente.store import Store
from detente.store.exports import export_events
from detente.store.gdelt import GDELT_COLUMNS, ActorParts
from tests.docs.tables import DOCS, doc_table, first_column
from tests.store.export_fixtures import store  # noqa: F401 (fixture)
from tests.store.test_exports import PLOVER_CITE, PLOVER_ENTITY, PLOVER_EVENT, PLOVER_LOCATION, PLOVER_TEXT

ROOT = DOCS.parent
SHARED = ROOT.parent / "shared"


def flat_keys(value, prefix: str = "") -> set[str]:
    """{"a": {"b": 1}, "c": [{"d": 2}]} -> {"a", "a.b", "c", "c[].d"}."""
    keys: set[str] = set()
    if isinstance(value, dict):
        for key, item in value.items():
            path = f"{prefix}.{key}" if prefix else key
            keys.add(path)
            keys |= flat_keys(item, path)
    elif isinstance(value, list):
        for item in value:
            if isinstance(item, dict):
                keys |= flat_keys(item, prefix + "[]")
    return keys


# ---- store.md ------------------------------------------------------------------------------------

@pytest.mark.parametrize("table", ["documents", "mentions", "mention_pairs", "events", "meta"])
def test_store_tables_match_the_schema(tmp_path, table):
    with Store(tmp_path / "s.duckdb") as store:
        columns = store.con.execute(
            "SELECT column_name, data_type, CASE WHEN is_nullable = 'YES' THEN 'yes' ELSE 'no' END "
            "FROM information_schema.columns WHERE table_name = ? ORDER BY ordinal_position",
            [table],
        ).fetchall()
    assert [tuple(row[:3]) for row in doc_table("store.md", table)] == columns


def test_every_store_table_is_documented(tmp_path):
    with Store(tmp_path / "s.duckdb") as store:
        tables = {row[0] for row in store.con.execute("SELECT table_name FROM information_schema.tables").fetchall()}
    text = (DOCS / "store.md").read_text(encoding="utf-8")
    assert tables == set(re.findall(r"<!-- table: (\w+) -->", text))


# ---- output.md -----------------------------------------------------------------------------------

def test_event_fields_are_the_coders():
    documented = first_column("output.md", "event")
    top = [field for field in documented if "." not in field and "[" not in field]
    emitted = set(FIELD_ORDER) | set(Document(id="x", text="").metadata())
    assert set(top) == emitted
    for field in documented:  # every nested field hangs under a documented one
        parent = re.split(r"\[\]|\.", field)[0]
        assert parent in top, field


@pytest.mark.model
def test_coded_records_use_only_documented_fields(code):
    documented = set(first_column("output.md", "event"))
    records = code(
        "Russian President Vladimir Putin met Chinese President Xi Jinping in Beijing on Tuesday, the Kremlin said. "
        "Police did not arrest the protesters. The United States will impose sanctions on Iran."
    )
    assert records
    seen = set().union(*(flat_keys(record) for record in records))
    assert seen <= documented, seen - documented
    assert {"actor[].code", "actor[].name", "evidence.trigger_start", "attribution.kind"} <= seen


# ---- codes.md ------------------------------------------------------------------------------------

@pytest.mark.parametrize("kind", ["type", "international", "religion"])
def test_code_tables_match_the_data_file(kind):
    parts = ActorParts.load()
    expected = [[f"{code}", *parts.names[code]] for code, k in parts.kinds.items() if k == kind]
    assert doc_table("codes.md", kind) == expected


def _codes_in_use(kb: KnowledgeBase) -> set[str]:
    codes = set()
    for entry in kb.entries.values():
        codes |= {entry.code} | {role.code for role in entry.roles}
    return codes - {None}


def test_every_sector_in_use_is_documented():
    kb = KnowledgeBase.load()
    documented = set(first_column("codes.md", "type")) | set(first_column("codes.md", "international"))
    sectors = {e.sector for e in kb.entries.values()} | {r.sector for e in kb.entries.values() for r in e.roles}
    for line in data_path("actors", "sectors.tsv").read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            sectors.add(line.split("\t")[1].strip())
    assert sectors - {None} <= documented, sectors - {None} - documented


def test_example_codes_are_codes_detente_writes():
    # a bare sector is what context coding gives an actor of no known country ("armed groups": REB)
    in_use = _codes_in_use(KnowledgeBase.load()) | {"---"} | set(first_column("codes.md", "type"))
    for code in first_column("codes.md", "examples"):
        assert code in in_use, code


def test_regions_are_the_knowledge_bases():
    kb = KnowledgeBase.load()
    regions = [[e.code, e.name] for e in kb.entries.values() if e.region]
    assert doc_table("codes.md", "region") == regions
    assert {code for code, _ in regions} == {c for c, k in ActorParts.load().kinds.items() if k == "region"}


def test_every_code_starts_with_a_documented_family():
    kb = KnowledgeBase.load()
    countries = {e.country for e in kb.entries.values() if e.type == "country"}
    documented = set(first_column("codes.md", "region")) | set(first_column("codes.md", "international"))
    documented |= set(first_column("codes.md", "former")) | set(first_column("codes.md", "religion"))
    types = set(first_column("codes.md", "type"))
    for code in _codes_in_use(kb):
        head = code[:3]
        assert head in countries | documented | types, f"{code}: {head} is in no documented family"


def test_plover_types_and_quad_classes():
    codebook = Codebook.load()
    rows = doc_table("codes.md", "plover")
    assert {row[0] for row in rows} == {c.plover_event for c in codebook if c.plover_event}
    quads = {row[0]: row[2] for row in doc_table("codes.md", "quad")}
    for code in codebook:
        low, high = re.split(r"[–-]", quads[str(code.quad_class)])
        assert low <= code.root <= high, code.code
    manual = SHARED / "reference" / "PLOVER_MANUAL.tex"
    if manual.exists():
        names = {"VERBAL COOPERATION": "1", "MATERIAL COOPERATION": "2", "VERBAL CONFLICT": "3", "MATERIAL CONFLICT": "4"}
        found = dict(re.findall(r"\\section\{([A-Z]+)\}(?:(?!\\section).)*?Quad category: ([A-Z ]+)\}", manual.read_text(), re.DOTALL))
        assert {row[0]: row[1] for row in rows} == {k: names[v.strip()] for k, v in found.items()}


# ---- exports.md ----------------------------------------------------------------------------------

def test_gdelt_columns_are_documented_in_order():
    rows = doc_table("exports.md", "gdelt")
    assert [(int(n), name, kind) for n, name, kind, _ in rows] == [(i + 1, n, k) for i, (n, k) in enumerate(GDELT_COLUMNS)]


def test_plover_fields_are_documented(store, tmp_path):  # noqa: F811
    out = tmp_path / "e.jsonl"
    export_events(store.con, "plover", out)
    seen = set().union(*(flat_keys(json.loads(line)) for line in out.read_text(encoding="utf-8").splitlines()))
    rows = {row[0]: row[1] for row in doc_table("exports.md", "plover")}
    assert seen == set(rows)
    spec = {"": PLOVER_EVENT, "actor[]": PLOVER_ENTITY, "recipient[]": PLOVER_ENTITY, "event_loc": PLOVER_LOCATION,
            "text_info": PLOVER_TEXT, "cite_info": PLOVER_CITE}
    for field, plover in rows.items():
        parent, _, name = field.rpartition(".")
        assert (name in spec[parent]) == (plover == "yes"), field


# ---- gold.md -------------------------------------------------------------------------------------

@pytest.mark.parametrize("path", [ROOT / "tests" / "data" / "gold" / "sentences.jsonl", ROOT / "examples" / "gold.jsonl"])
def test_sentence_gold_fields_are_documented(path):
    lines = set(first_column("gold.md", "sentence"))
    events = set(first_column("gold.md", "sentence-event"))
    for line in path.read_text(encoding="utf-8").splitlines():
        record = json.loads(line)
        assert set(record) <= lines
        for event in record["events"]:
            assert set(event) <= events, set(event) - events


def test_fields_the_scorer_reads_are_documented():
    source = (ROOT / "src" / "detente" / "evaluation" / "scoring.py").read_text(encoding="utf-8")
    read = set(re.findall(r'record(?:\.get\(|\[)"(\w+)"', source))
    gold_event = set(re.findall(r'event\.get\("(\w+)"', source)) & {"source", "target", "cameo", "plover", "modality"}
    assert read and read <= set(first_column("gold.md", "sentence")) | set(first_column("gold.md", "pentaclass"))
    assert gold_event <= set(first_column("gold.md", "sentence-event"))


@pytest.mark.parametrize("name", ["news-dev", "seed"])
def test_article_gold_fields_are_documented(name):
    path = SHARED / "eval" / name / "gold.json"
    if not path.exists():
        pytest.skip(f"{path} is not here (../shared is not part of a clone)")
    gold = json.loads(path.read_text(encoding="utf-8"))
    assert set(gold) <= set(first_column("gold.md", "article-file"))
    entries = set(first_column("gold.md", "article-entry"))
    for article in gold.get("articles") or [gold]:
        assert set(article) <= set(first_column("gold.md", "article-file"))
        assert set(article["doc"]) <= set(first_column("gold.md", "article-doc"))
        for kind in ("required", "optional", "forbidden_as_fact", "forbidden_asserted"):
            for entry in article.get(kind, []):
                assert set(entry) <= entries, set(entry) - entries


# ---- README.md -----------------------------------------------------------------------------------

def test_readme_stands_on_its_own():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "SPEC.md" not in readme and "../shared" not in readme
    for target in re.findall(r"\]\(([^)#]+)\)", readme):
        if not target.startswith("http"):
            assert (ROOT / target).exists(), target
    for doc in DOCS.glob("*.md"):
        assert f"docs/{doc.name}" in readme, f"README does not point to docs/{doc.name}"


def test_tsv_columns_are_documented():
    from detente.cli.main import TSV_HEADER

    text = (DOCS / "output.md").read_text(encoding="utf-8")
    section = text[text.index("- `--format tsv`") : text.index("- `--format table`")]
    assert re.findall(r"`(\w+)`", section.split("with a header:", 1)[1])[: len(TSV_HEADER)] == TSV_HEADER
