"""Relations between countries over time, from the store's deduplicated events.

The names below are imported on first use: the change-point search loads ruptures and SciPy and
the network NetworkX, which ``detente dyad`` never needs.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from detente.lazy import lazy_getattr

if TYPE_CHECKING:  # pragma: no cover
    from detente.analytics.dyads import DyadPeriod, dyad_series
    from detente.analytics.network import relations_graph
    from detente.analytics.shifts import Shift, ShiftReport, detect_shifts, shift_report

__all__ = ["DyadPeriod", "Shift", "ShiftReport", "detect_shifts", "dyad_series", "relations_graph", "shift_report"]
_HOMES = {
    "DyadPeriod": "detente.analytics.dyads",
    "dyad_series": "detente.analytics.dyads",
    "relations_graph": "detente.analytics.network",
    "Shift": "detente.analytics.shifts",
    "ShiftReport": "detente.analytics.shifts",
    "detect_shifts": "detente.analytics.shifts",
    "shift_report": "detente.analytics.shifts",
}


__getattr__ = lazy_getattr(__name__, _HOMES)
