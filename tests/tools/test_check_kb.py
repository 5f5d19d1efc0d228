"""tools/kb/check_kb.py on the shipped knowledge base, and on files that break its rules."""

from __future__ import annotations

import sys
from pathlib import Path

TOOLS = Path(__file__).resolve().parents[2] / "tools" / "kb"
sys.path.insert(0, str(TOOLS))

import check_kb  # noqa: E402


def test_the_shipped_knowledge_base_has_no_errors(capsys):
    assert check_kb.main([]) == 0
    assert "0 errors" in capsys.readouterr().out


def test_overlaps_missing_sources_and_dangling_extends_are_errors(tmp_path, capsys):
    (tmp_path / "countries.yaml").write_text(
        "# Sources: test\n- {id: country/XYZ, type: country, name: Xyzland, country: XYZ}\n", encoding="utf-8"
    )
    (tmp_path / "people.yaml").write_text(
        """
- id: person/a
  type: person
  name: Ann A
  country: XYZ
  roles:
    - {code: XYZGOV, from: 2001-01-01, until: 2005-01-01}
    - {code: XYZMIL, from: 2004-01-01, until: 2006-01-01}
- extends: person/nobody
  source: test
""",
        encoding="utf-8",
    )
    (tmp_path / "sectors.tsv").write_text("".join(f"{n}\tGOV\n" for n in check_kb.CORE_SECTOR_NOUNS), encoding="utf-8")
    assert check_kb.main(["--dir", str(tmp_path)]) == 1
    out = capsys.readouterr().out
    assert "overlap" in out and "names no entry" in out and "no source" in out
