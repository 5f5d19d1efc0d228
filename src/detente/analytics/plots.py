"""Drawing a dyad series to a PNG (matplotlib, headless) without misleading the eye.

* A period without events is a gap: lines join only consecutive periods that both have events;
  a lone period is a marker.
* An empty series says "no events" instead of drawing empty axes.
* Each direction and each quad class has its own labelled colour (colour-blind-safe Okabe–Ito
  palette for the directions; greens for cooperation, oranges and reds for conflict).
* Claimed shifts are marked with their direction and size.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402

from detente.analytics.dyads import DyadPeriod  # noqa: E402

DIRECTION_COLOURS = ("#0072B2", "#E69F00")  # Okabe–Ito blue and orange
QUADS = (
    ("verbal_cooperation", "verbal cooperation", "#a6dba0"),
    ("material_cooperation", "material cooperation", "#1b7837"),
    ("verbal_conflict", "verbal conflict", "#fdae61"),
    ("material_conflict", "material conflict", "#c51b1b"),
)
SHIFT_COLOURS = {"towards conflict": "#c51b1b", "towards cooperation": "#1b7837"}


def periods_between(first: dt.date, last: dt.date, by: str) -> list[dt.date]:
    """Every period start from ``first`` to ``last`` (day, week or month steps)."""
    result, current = [], first
    while current <= last:
        result.append(current)
        if by == "month":
            current = (current.replace(day=1) + dt.timedelta(days=32)).replace(day=1)
        else:
            current += dt.timedelta(days=7 if by == "week" else 1)
    return result


def plot_dyad(rows: list[DyadPeriod], a: str, b: str, path: Path, *, shifts=(), by: str = "week") -> None:
    """Write the A–B chart (see :func:`dyad_figure`) to a PNG file."""
    figure = dyad_figure(rows, a, b, shifts=shifts, by=by)
    figure.savefig(path, dpi=100)
    plt.close(figure)


def dyad_figure(rows: list[DyadPeriod], a: str, b: str, *, shifts=(), by: str = "week"):
    """The A–B series: weighted net cooperation per direction (top) and events by quad class."""
    if not rows:
        figure, axis = plt.subplots(figsize=(10, 3))
        axis.set_axis_off()
        axis.text(0.5, 0.5, f"{a}–{b}: no events", ha="center", va="center", fontsize=16, color="#5b6475")
        return figure
    periods = periods_between(min(r.period for r in rows), max(r.period for r in rows), by)
    width = {"day": 0.8, "week": 5, "month": 24}[by]
    figure, (top, bottom) = plt.subplots(2, 1, figsize=(11, 6.5), sharex=True, gridspec_kw={"height_ratios": [3, 2]})
    for (source, target), colour, marker in zip(((a, b), (b, a)), DIRECTION_COLOURS, ("o", "s")):
        values = {r.period: r.net_cooperation for r in rows if r.source == source and r.target == target}
        series = [values.get(p, float("nan")) for p in periods]  # NaN breaks the line at quiet periods
        if values:
            top.plot(periods, series, "-", marker=marker, color=colour, label=f"{source} → {target}")
        else:
            top.plot([], [], marker=marker, linestyle="", color=colour, label=f"{source} → {target}: no events")
    top.axhline(0, color="grey", linewidth=0.6)
    top.set_ylabel(f"net cooperation per {by}\n(Goldstein × sources)")
    for number, shift in enumerate(shifts):
        colour = SHIFT_COLOURS.get(shift.direction, "#333333")
        for axis in (top, bottom):
            axis.axvline(shift.week, color=colour, linestyle="--", linewidth=1.2)
        # staggered, so that shifts a few days apart do not print over each other
        top.annotate(f"{shift.direction} from {shift.week:%d %b %Y}", xy=(shift.week, 1), xycoords=("data", "axes fraction"),
                     xytext=(4, -14 - 13 * number), textcoords="offset points", color=colour, fontsize=9,
                     bbox={"facecolor": "white", "edgecolor": "none", "alpha": 0.8, "pad": 1})
    top.legend(loc="lower left", fontsize="small")
    bottoms = [0] * len(periods)
    for field, label, colour in QUADS:
        values = [sum(getattr(r, field) for r in rows if r.period == p) for p in periods]
        bottom.bar(periods, values, bottom=bottoms, label=label, width=width, color=colour, edgecolor="white", linewidth=0.3)
        bottoms = [x + y for x, y in zip(bottoms, values)]
    bottom.set_ylabel(f"events per {by}")
    bottom.legend(fontsize="small", ncols=2, loc="upper left")
    figure.suptitle(f"{a}–{b}: both directions by {by}")
    figure.autofmt_xdate()
    figure.tight_layout()
    return figure
