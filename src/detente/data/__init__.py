"""Readable data files shipped with detente (actors, lexicons, CAMEO tables)."""

from __future__ import annotations

from importlib.resources import files
from pathlib import Path


def data_path(*parts: str) -> Path:
    """Path of a file or folder under ``detente/data``."""
    return Path(str(files("detente.data").joinpath(*parts)))
