"""Shared fixtures. The full pipeline is loaded once per session (it takes a few seconds)."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

import pytest

from detente import Coder, Document, Settings

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
os.environ.setdefault("DETENTE_WORKERS", "1")  # CLI tests code in-process; tests/scale covers the pools


@pytest.fixture(scope="session")
def coder() -> Coder:
    """The coder as `detente code` runs it (prefilter on)."""
    return Coder(Settings())


@pytest.fixture(scope="session")
def full_coder() -> Coder:
    """The full pipeline on every sentence, as `detente actors` runs it."""
    return Coder(Settings(), prefilter=False)


@pytest.fixture(scope="session")
def code(coder):
    """Code one text; returns its events."""

    def run(text: str, date: str = "2024-05-06") -> list[dict]:
        document = Document(id="t", text=text, date=dt.date.fromisoformat(date))
        return list(coder.code([document]))

    return run


@pytest.fixture(scope="session")
def mentions(full_coder):
    """Resolve the actors of one text; returns mention records."""

    def run(text: str, date: str = "2024-05-06") -> list[dict]:
        document = Document(id="t", text=text, date=dt.date.fromisoformat(date))
        return list(full_coder.actors([document]))

    return run


@pytest.fixture(scope="session")
def shared() -> Path:
    if not (SHARED / "eval").is_dir():
        pytest.skip(f"the shared evaluation folder is absent ({SHARED})")
    return SHARED
