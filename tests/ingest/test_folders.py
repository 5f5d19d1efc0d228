"""Folder ingest takes news only (README, INDEX, licence, changelog, hidden files and the article
gold are skipped unless named), and a plain-text article's first line is its title when a blank
line follows it (the news-dev layout)."""

from __future__ import annotations

import pytest

from detente.errors import InputError
from detente.ingest import iter_documents, read_text_document
from detente.ingest.counting import count_documents


@pytest.fixture()
def folder(tmp_path):
    root = tmp_path / "news"
    (root / "2024").mkdir(parents=True)
    (root / ".git").mkdir()
    (root / "2024" / "talks.txt").write_text("Talks resume in Havana\n\nThe two governments met on Monday.\n")
    (root / "wire.txt").write_text("No title line here. The minister met his counterpart.\nMore text.\n")
    for name in ("README.md", "INDEX.md", "LICENSE.txt", "licence.md", "CHANGELOG.md", ".notes.txt", "gold.json"):
        (root / name).write_text("# Not news\n\nsomething\n")
    (root / ".git" / "msg.txt").write_text("a commit message\n")
    return root


def test_folder_skips_non_news_files(folder):
    documents = list(iter_documents([folder]))
    assert sorted(d.id for d in documents) == ["2024/talks", "wire"]
    assert count_documents([folder]) == 2


def test_a_non_news_file_named_explicitly_is_read(folder):
    (document,) = iter_documents([folder / "README.md"])
    assert document.id == "README" and "Not news" in document.text


def test_a_folder_of_only_non_news_files_says_so(tmp_path):
    (tmp_path / "README.md").write_text("about\n")
    (error,) = iter_documents([tmp_path])
    assert isinstance(error, InputError) and "README" in str(error) and str(tmp_path) in str(error)


def test_txt_title_from_the_first_line(folder):
    documents = {d.id: d for d in iter_documents([folder])}
    talks = documents["2024/talks"]
    assert talks.title == "Talks resume in Havana"
    assert talks.text.startswith("Talks resume in Havana\n\n")  # the text (and its offsets) unchanged
    assert documents["wire"].title is None


@pytest.mark.parametrize(
    ("text", "title"),
    [
        ("Title\n\nBody.", "Title"),
        ("\n\n  Title  \n\nBody.", "Title"),
        ("# Markdown title\n\nBody.", "Markdown title"),
        ("Title\r\n\r\nBody.", "Title"),
        ("Title\n   \nBody.", "Title"),
        ("One paragraph\nwith two lines.", None),
        ("Only a title\n\n", None),
        ("A single line.", None),
        ("x" * 301 + "\n\nBody.", None),
    ],
)
def test_title_rule(text, title):
    assert read_text_document(text, doc_id="d").title == title


def test_count_documents(tmp_path):
    (tmp_path / "a.jsonl").write_text('{"id": 1, "text": "a"}\n\n{"id": 2, "text": "b"}\n{"id": 3, "text": "c"}')
    (tmp_path / "b.json").write_text('[\n {"id": 4, "text": "d"},\n {"id": 5, "text": "e"}\n]\n')
    (tmp_path / "c.html").write_text("<p>x</p>")
    assert count_documents([tmp_path / "a.jsonl", tmp_path / "b.json", tmp_path / "c.html"]) == 6
    assert count_documents([tmp_path]) == 6
    assert count_documents(["-"]) is None
