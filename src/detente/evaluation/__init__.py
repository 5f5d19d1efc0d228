"""Scoring the coder against gold files (SPEC §3) and pentaclass files (ConfliBERT style)."""

from detente.evaluation.scoring import evaluate_file, evaluate_records, read_gold
from detente.evaluation.report import render_article_report, render_report
from detente.evaluation.articles import evaluate_articles, is_article_gold

__all__ = ["evaluate_articles", "is_article_gold", "render_article_report", "evaluate_file", "evaluate_records", "read_gold", "render_report"]
