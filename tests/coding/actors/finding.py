"""Finding a mention in the records of ``detente actors`` (shared by the resolver tests)."""

from __future__ import annotations


def find_mention(mentions: list[dict], text: str) -> dict:
    """The shortest mention that holds ``text`` (a title and its name may form one phrase)."""
    found = sorted((m for m in mentions if text in m["text"]), key=lambda m: len(m["text"]))
    assert found, f"no mention of {text!r} in {[(m['text'], m['code']) for m in mentions]}"
    return found[0]


def mention_named(mentions: list[dict], text: str) -> dict:
    """The first mention whose text is exactly ``text``."""
    found = [m for m in mentions if m["text"] == text]
    assert found, f"no mention {text!r} in {[(m['text'], m['code']) for m in mentions]}"
    return found[0]
