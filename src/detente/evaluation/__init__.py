"""Scoring the coder against gold files (SPEC §3) and pentaclass files (ConfliBERT style)."""

from detente.evaluation.scoring import evaluate_file, evaluate_records, read_gold
from detente.evaluation.report import render_report

__all__ = ["evaluate_file", "evaluate_records", "read_gold", "render_report"]
