"""Drawing a dyad series to a PNG (matplotlib, headless)."""

from __future__ import annotations

from pathlib import Path

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402

from detente.analytics.dyads import DyadPeriod  # noqa: E402


def plot_dyad(rows: list[DyadPeriod], a: str, b: str, path: Path) -> None:
    figure, (top, bottom) = plt.subplots(2, 1, figsize=(10, 6), sharex=True)
    for source, target, style in ((a, b, "-o"), (b, a, "--s")):
        series = [r for r in rows if r.source == source and r.target == target]
        top.plot([r.period for r in series], [r.goldstein_mean for r in series], style, label=f"{source}→{target}")
    top.axhline(0, color="grey", linewidth=0.5)
    top.set_ylabel("mean Goldstein")
    top.legend()
    periods = sorted({r.period for r in rows})
    labels = ("verbal_cooperation", "material_cooperation", "verbal_conflict", "material_conflict")
    bottoms = [0] * len(periods)
    for label in labels:
        values = [sum(getattr(r, label) for r in rows if r.period == p) for p in periods]
        bottom.bar(periods, values, bottom=bottoms, label=label.replace("_", " "), width=5)
        bottoms = [x + y for x, y in zip(bottoms, values)]
    bottom.set_ylabel("events")
    bottom.legend(fontsize="small")
    figure.suptitle(f"{a}–{b}")
    figure.tight_layout()
    figure.savefig(path, dpi=100)
    plt.close(figure)
