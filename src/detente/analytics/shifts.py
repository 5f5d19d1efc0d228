"""Change points in a relationship: the "détente detector".

The series is the dyad's **weekly net cooperation** (both directions): the sum of the Goldstein
scores of its events, each weighted by the outlets that reported it (see :mod:`.dyads`); a week
without events is a quiet week (0), not a missing value carried over from the week before.

1. *Search*: ruptures' kernel change-point search (PELT, linear kernel = the l2 cost on the
   weekly series, compiled) proposes the weeks where the level of the series changes.
2. *Evidence*: each proposed week is tested against the segments on either side of it. A shift
   is claimed only when

   * the side the relationship moves into holds at least ``min_events`` events that point the
     shift's way (cooperative events for a move towards cooperation, conflictual ones for a move
     towards conflict): a move into a quiet stretch, or the end of a crisis with no cooperation
     reported, is "the episode ended", not a move towards cooperation;
   * a bootstrap over events (each event drawn Poisson(1) times, ``replicates`` times) puts the
     change in the same direction in at least ``confidence`` of the replicates;
   * the change keeps its direction when its single most influential event is left out;
   * the change is material: at least ``min_change`` (20 %) of the larger of the two levels (in a
     dense series a 5 % dip in volume is "significant" and meaningless).

   A change spread over two periods (a regime that turns mid-week) is reported once. A first or
   last week that the store covers only in part is scaled to a full week.

   Candidates that fail are returned as ``rejected``, with the reason, so that an analyst sees
   what the data could not support.

Each shift says its direction (towards conflict / towards cooperation), its size (mean weekly
net cooperation after minus before, with a 90 % bootstrap interval), the events and documents on
each side and the events behind it.
"""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass, field

import numpy as np

from detente.analytics.dyads import WEIGHTS, check_options, code_of, dyad_filter
from detente.analytics.evidence import documents_by_period, evidence_events, period_start
from detente.errors import ConfigError

TOWARDS_CONFLICT = "towards conflict"
TOWARDS_COOPERATION = "towards cooperation"
PENALTY_FACTOR = 3.0  # default penalty: PENALTY_FACTOR × noise variance × log(number of periods)
CHUNK = 20_000  # events per block of bootstrap draws (bounds the memory: CHUNK × replicates)


@dataclass
class Shift:
    week: dt.date
    before: float
    after: float
    direction: str = ""
    interval: tuple[float, float] = (0.0, 0.0)
    probability: float = 0.0
    before_events: int = 0
    after_events: int = 0
    before_documents: int = 0
    after_documents: int = 0
    before_start: dt.date | None = None
    after_end: dt.date | None = None
    claimed: bool = True
    reason: str | None = None
    quiet: bool = False  # not claimed because the side it moves into has too few events
    events: list[dict] = field(default_factory=list)

    @property
    def size(self) -> float:
        return round(self.after - self.before, 3)

    def as_dict(self) -> dict:
        return {
            "week": self.week.isoformat(), "direction": self.direction, "before": round(self.before, 3),
            "after": round(self.after, 3), "size": self.size, "interval": [round(v, 3) for v in self.interval],
            "probability": round(self.probability, 3), "before_events": self.before_events,
            "after_events": self.after_events, "before_documents": self.before_documents,
            "after_documents": self.after_documents,
            "before_start": self.before_start.isoformat() if self.before_start else None,
            "after_end": self.after_end.isoformat() if self.after_end else None,
            "claimed": self.claimed, "reason": self.reason, "events": self.events,
        }


@dataclass
class ShiftReport:
    """Claimed shifts, rejected candidates and the series they were found in."""

    a: str
    b: str
    by: str
    start: dt.date | None
    series: list[tuple[dt.date, float, int]]  # (period, weighted net cooperation, events)
    shifts: list[Shift]
    rejected: list[Shift]
    left_out: int = 0  # events of the dyad dated outside the store's coverage

    def as_dict(self) -> dict:
        return {
            "a": self.a, "b": self.b, "by": self.by, "left_out": self.left_out,
            "series": [{"period": p.isoformat(), "net_cooperation": round(v, 3), "events": n} for p, v, n in self.series],
            "shifts": [s.as_dict() for s in self.shifts], "rejected": [s.as_dict() for s in self.rejected],
        }


@dataclass(frozen=True)
class _Events:
    """The dyad's events as arrays, sorted by date, with their period index."""

    period: np.ndarray  # int, index of the event's period
    value: np.ndarray  # weight × Goldstein


def detect_shifts(con, a: str, b: str, **options) -> list[Shift]:
    """The claimed shifts of the A–B relationship (see :func:`shift_report` for the options)."""
    return shift_report(con, a, b, **options).shifts


def shift_report(
    con, a: str, b: str, *, since: dt.date | None = None, until: dt.date | None = None, by: str = "week",
    scope: str = "state", weight: str = "sources", penalty: float | None = None, min_events: int = 5,
    confidence: float = 0.95, min_change: float = 0.2, replicates: int = 1000, seed: int = 0, evidence: int = 8,
) -> ShiftReport:
    """Find and test the shifts of the A–B relationship.

    ``penalty`` sets how readily the search proposes a change (default: 3 × noise variance ×
    log(number of periods), the noise variance estimated from week-to-week differences, so that
    a lasting change in level is not counted as noise); ``min_events``, ``confidence`` and
    ``replicates`` and ``min_change`` set the evidence a shift needs (see the module documentation).
    """
    check_options(by=by, scope=scope, weight=weight)
    if by == "month":
        raise ConfigError("shifts are found by day or by week, not by month")
    if min_events < 1 or not 0.5 < confidence < 1 or replicates < 100:
        raise ConfigError("need min_events >= 1, 0.5 < confidence < 1 and replicates >= 100")
    a, b = code_of(a), code_of(b)
    first, last = _coverage(con, since, until)
    report = ShiftReport(a, b, by, None, [], [], [])
    if first is None:
        return report
    start, end = period_start(first, by), period_start(last, by)
    step = 7 if by == "week" else 1
    count = (end - start).days // step + 1
    events, report.left_out = _load(con, a, b, scope=scope, weight=weight, start=start, end=end + dt.timedelta(days=step - 1), by=by, step=step)
    report.start = start
    scale = _coverage_scale(first, last, start, step, count)
    net = np.bincount(events.period, weights=events.value, minlength=count) * scale
    counts = np.bincount(events.period, minlength=count)
    report.series = [(start + dt.timedelta(days=step * k), float(net[k]), int(counts[k])) for k in range(count)]
    if count < 2 or len(events.value) == 0:
        return report
    breaks = _candidates(net / scale, penalty)  # the noise is that of the counted days
    if not breaks:
        return report
    boot = _bootstrap(events, count, replicates, seed, scale)
    documents = documents_by_period(con, a, b, scope=scope, start=start, end=end + dt.timedelta(days=step - 1), by=by, step=step)
    tests = _settle(events, net, counts, boot, breaks, count, min_events=min_events, confidence=confidence, min_change=min_change)
    for index, (left, right, shift) in sorted(tests.items()):
        shift.week = start + dt.timedelta(days=step * index)
        shift.before_start = start + dt.timedelta(days=step * left)
        shift.after_end = start + dt.timedelta(days=step * right - 1)
        shift.before_documents = documents.count(left, index)
        shift.after_documents = documents.count(index, right)
        (report.shifts if shift.claimed else report.rejected).append(shift)
        if shift.claimed:
            first_day = start + dt.timedelta(days=step * index)
            last_day = start + dt.timedelta(days=step * min(right, index + 4) - 1)  # the first weeks of the new level
            shift.events = evidence_events(con, a, b, scope=scope, weight=weight, since=first_day, until=last_day,
                                           conflict=shift.size < 0, limit=evidence)
    return report


def _settle(events, net, counts, boot, breaks, count, *, min_events, confidence, min_change) -> dict[int, tuple[int, int, Shift]]:
    """Test every candidate against its neighbouring segments. A candidate whose direction the
    events do not support (bootstrap, single event) is merged away and its neighbours are tested
    again, weakest first, so that a spurious boundary does not cut a regime in two. A candidate
    that moves into a stretch with too few events stays a boundary (the episode ended or coverage
    stopped) but is not claimed."""
    breaks = sorted(breaks)
    dropped: dict[int, tuple[int, int, Shift]] = {}
    while True:
        edges = [0, *breaks, count]
        tests = {
            index: (left, right, _test(events, net, counts, boot, left, index, right, min_events=min_events,
                                       confidence=confidence, min_change=min_change))
            for left, index, right in zip(edges, edges[1:], edges[2:])
        }
        weak = [(shift.probability, index) for index, (_, _, shift) in tests.items() if not shift.claimed and not shift.quiet]
        if not weak:
            # a change spread over two periods (a regime that turns mid-week) is one shift, not two
            weak = [
                (0.0, index) for index, (left, _, shift) in tests.items()
                if shift.claimed and index - left == 1 and left in tests and tests[left][2].claimed
                and tests[left][2].direction == shift.direction
            ]
        if not weak:
            return {**dropped, **tests}
        _, index = min(weak)
        if not tests[index][2].claimed:  # a merged transition is no candidate of its own
            dropped[index] = tests[index]
        breaks.remove(index)


def _coverage(con, since: dt.date | None, until: dt.date | None) -> tuple[dt.date | None, dt.date | None]:
    """The period the store observes: first to last publication date (first to last event date
    where documents lack a date), narrowed or widened by ``since``/``until``."""
    undated, first, last = con.execute("SELECT count(*) FILTER (WHERE published IS NULL), min(published), max(published) FROM documents").fetchone()
    if first is None or undated:  # no documents, or some without a date: the events' dates say it
        first, last = con.execute("SELECT min(date), max(date) FROM events").fetchone()
    first, last = since or first, until or last
    if first is None or last is None or last < first:
        return None, None
    return first, last


def _load(con, a, b, *, scope, weight, start, end, by, step) -> tuple[_Events, int]:
    """The dyad's events inside [start, end] as arrays (period index, weight × Goldstein), sorted
    by period, and the number of its events outside."""
    where, params = dyad_filter(a, b, scope=scope)
    unit = "week" if by == "week" else "day"
    arrays = con.execute(
        f"""SELECT datediff('day', ?::DATE, date_trunc('{unit}', date)::DATE) // ? AS period, {WEIGHTS[weight]} * goldstein AS value
            FROM events WHERE {where} AND goldstein IS NOT NULL AND date >= ? AND date <= ? ORDER BY period""",
        [start, step, *params, start, end],
    ).fetchnumpy()
    outside = con.execute(
        f"SELECT count(*) FROM events WHERE {where} AND goldstein IS NOT NULL AND (date < ? OR date > ?)", [*params, start, end]
    ).fetchone()[0]
    period = np.asarray(arrays["period"], dtype=np.int64)
    return _Events(period, np.asarray(arrays["value"], dtype=float)), int(outside)


def _candidates(net: np.ndarray, penalty: float | None) -> list[int]:
    """Indices of the periods that start a new segment, proposed by ruptures' kernel PELT."""
    from ruptures import KernelCPD

    noise = float(np.mean(np.diff(net) ** 2) / 2)  # von Neumann: robust to a few level changes
    if noise <= 0:
        return []
    pen = penalty if penalty is not None else PENALTY_FACTOR * noise * math.log(len(net))
    breaks = KernelCPD(kernel="linear", min_size=1, jump=1).fit(net.reshape(-1, 1)).predict(pen=pen)
    return [int(i) for i in breaks[:-1]]


def _coverage_scale(first: dt.date, last: dt.date, start: dt.date, step: int, count: int) -> np.ndarray:
    """Per period, full length ÷ days covered: a first or last week the store covers only in part
    counts as a whole week at the same rate (else a store starting on a Thursday opens with a
    "shift" from the short week)."""
    scale = np.ones(count)
    if step > 1:
        scale[0] = step / ((start + dt.timedelta(days=step) - first).days)
        end = start + dt.timedelta(days=step * (count - 1))
        scale[-1] = step / ((last - end).days + 1) if count > 1 else step / ((last - first).days + 1)
    return scale


def _bootstrap(events: _Events, count: int, replicates: int, seed: int, scale: np.ndarray) -> np.ndarray:
    """Cumulative replicate sums per period, shape (count + 1, B): every event is drawn Poisson(1)
    times in every replicate (the Poisson bootstrap over events).

    Events of one period with the same value are drawn together (k events drawn Poisson(1)
    times each is one Poisson(k) draw: the same distribution, far fewer draws on real data, where
    Goldstein scores and source counts take few values). B is ``replicates``, lowered (not below
    200) when more than 1.5 million draws would be needed."""
    # (period, value) groups in (period, value) order, through one integer key per event (a
    # two-row np.unique(axis=1) sorts rows as records, several times slower on a heavy dyad)
    distinct, value_index = np.unique(events.value, return_inverse=True)
    keys, counts = np.unique(events.period * len(distinct) + value_index.reshape(-1), return_counts=True)
    periods, values = keys // len(distinct), distinct[keys % len(distinct)]
    size = max(200, min(replicates, 1_500_000 // max(1, len(values))))
    rng = np.random.default_rng(seed)
    sums = np.zeros((count, size))
    for chunk in range(0, len(values), CHUNK):
        part = slice(chunk, chunk + CHUNK)
        lam = counts[part, None].astype(float) if counts[part].max() > 1 else 1.0
        draws = rng.poisson(lam, size=(len(values[part]), size)) * values[part, None]
        starts = np.flatnonzero(np.r_[True, periods[part][1:] != periods[part][:-1]])
        sums[periods[part][starts]] += np.add.reduceat(draws, starts, axis=0)
    return np.vstack([np.zeros((1, size)), np.cumsum(sums * scale[:, None], axis=0)])


def _test(events, net, counts, boot, left, index, right, *, min_events, confidence, min_change) -> Shift:
    before_len, after_len = index - left, right - index
    before, after = float(net[left:index].sum()) / before_len, float(net[index:right].sum()) / after_len
    size = after - before
    sign = 1.0 if size >= 0 else -1.0
    replicate = (boot[right] - boot[index]) / after_len - (boot[index] - boot[left]) / before_len
    probability = float(np.mean(np.sign(replicate) == sign)) if size != 0 else 0.0
    low, high = np.percentile(replicate, [5, 95])
    shift = Shift(
        week=dt.date.min, before=before, after=after, direction=TOWARDS_COOPERATION if size > 0 else TOWARDS_CONFLICT,
        interval=(float(low), float(high)), probability=probability,
        before_events=int(counts[left:index].sum()), after_events=int(counts[index:right].sum()),
    )
    in_after = (events.period >= index) & (events.period < right)
    in_before = (events.period >= left) & (events.period < index)
    # the event whose removal moves the size most towards zero
    pull = np.concatenate([sign * events.value[in_after] / after_len, -sign * events.value[in_before] / before_len])
    without = size - sign * float(pull.max()) if len(pull) else size
    # events after the change that point its way: cooperative ones for a move towards cooperation
    aligned = int(np.count_nonzero(sign * events.value[in_after] > 0))
    kind = "cooperative" if sign > 0 else "conflictual"
    if shift.after_events < min_events:
        shift.claimed, shift.quiet = False, True
        shift.reason = f"{shift.after_events} event(s) after the change (needs {min_events})"
    elif aligned < min_events:  # e.g. the end of a crisis: less conflict, but no cooperation reported
        shift.claimed, shift.quiet = False, True
        shift.reason = f"{aligned} {kind} event(s) after the change (needs {min_events})"
    elif probability < confidence:
        shift.claimed, shift.reason = False, f"direction holds in {probability:.0%} of bootstrap replicates (needs {confidence:.0%})"
    elif abs(size) < min_change * max(abs(before), abs(after)):
        shift.claimed, shift.reason = False, f"changes the level by less than {min_change:.0%}"
    elif size == 0 or without * sign <= 0:
        shift.claimed, shift.reason = False, "rests on a single event (no change without it)"
    return shift
