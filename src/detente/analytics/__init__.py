"""Relations between countries over time, from the store's deduplicated events."""

from detente.analytics.dyads import DyadPeriod, dyad_series
from detente.analytics.network import relations_graph
from detente.analytics.shifts import Shift, ShiftReport, detect_shifts, shift_report

__all__ = ["DyadPeriod", "Shift", "ShiftReport", "detect_shifts", "dyad_series", "relations_graph", "shift_report"]
