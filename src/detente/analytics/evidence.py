"""What stands behind a shift: the documents on each side and the events that carry it, with
the CAMEO name, Goldstein score and the sentence of a report of each."""

from __future__ import annotations

import datetime as dt

import numpy as np

from detente.analytics.dyads import WEIGHTS, dyad_filter


def period_start(date: dt.date, by: str) -> dt.date:
    """The first day of the day/week (Monday)/month that holds ``date``."""
    if by == "week":
        return date - dt.timedelta(days=date.weekday())
    if by == "month":
        return date.replace(day=1)
    return date


class PeriodDocuments:
    """The documents that report the dyad's asserted events, by period, as two arrays (period,
    document number) sorted by period: a heavy dyad has hundreds of thousands of reports, which
    a set per period would turn into as many Python objects."""

    def __init__(self, periods: np.ndarray, documents: np.ndarray) -> None:
        order = np.argsort(periods, kind="stable")
        self.periods, self.documents = periods[order], documents[order]

    def count(self, first: int, stop: int) -> int:
        """The number of distinct documents in periods ``first`` to ``stop - 1``."""
        lo, hi = np.searchsorted(self.periods, [first, stop])
        return int(len(np.unique(self.documents[lo:hi])))


def documents_by_period(con, a: str, b: str, *, scope: str, start: dt.date, end: dt.date, by: str, step: int) -> PeriodDocuments:
    """The documents that report an asserted A–B event, by period (``step`` days from ``start``,
    counted from the start of the day or week)."""
    where, params = dyad_filter(a, b, scope=scope, alias="p.")
    unit = "week" if by == "week" else "day"
    arrays = con.execute(
        f"""SELECT datediff('day', ?::DATE, date_trunc('{unit}', m.date)::DATE) // ? AS period,
                   dense_rank() OVER (ORDER BY m.doc_id) AS document
            FROM (SELECT DISTINCT m.date, m.doc_id FROM mentions m JOIN mention_pairs p USING (mention_id)
                  WHERE {where} AND m.modality = 'asserted' AND m.date >= ? AND m.date <= ?) m""",
        [start, step, *params, start, end],
    ).fetchnumpy()
    return PeriodDocuments(np.asarray(arrays["period"], dtype=np.int64), np.asarray(arrays["document"], dtype=np.int64))


def evidence_events(con, a: str, b: str, *, scope: str, weight: str, since: dt.date, until: dt.date, conflict: bool, limit: int) -> list[dict]:
    """The A–B events from ``since`` to ``until`` that pull in the shift's direction, strongest
    first (weight × |Goldstein|), each with its CAMEO name and one reporting sentence."""
    from detente.coding.cameo import Codebook

    where, params = dyad_filter(a, b, scope=scope)
    chosen = con.execute(
        f"""SELECT date, actor_code, recipient_code, cameo, goldstein, {WEIGHTS[weight]} AS weight, coalesce(num_documents, 1)
            FROM events WHERE {where} AND date >= ? AND date <= ? AND goldstein {'<' if conflict else '>'} 0
            ORDER BY weight * abs(goldstein) DESC, date, actor_code, recipient_code, cameo LIMIT ?""",
        [*params, since, until, limit],
    ).fetchall()
    if not chosen:
        return []
    codebook = Codebook.load()
    reports = _reports(con, chosen)
    result = []
    for date, actor, recipient, cameo, goldstein, weight_, documents in chosen:
        code = codebook.get(cameo)
        report = reports.get((date, actor, recipient, cameo), {})
        result.append({
            "date": date.isoformat(), "actor": actor, "recipient": recipient, "cameo": cameo,
            "cameo_name": code.name if code else None, "goldstein": goldstein, "weight": weight_,
            "documents": documents, **report,
        })
    return result


def _reports(con, chosen: list[tuple]) -> dict[tuple, dict]:
    """One asserted report (sentence, document) of each chosen event."""
    values = ", ".join(["(?, ?, ?, ?)"] * len(chosen))
    params = [v for key in chosen for v in (key[0], key[1], key[2], key[3])]
    rows = con.execute(
        f"""SELECT m.date, p.actor_code, p.recipient_code, m.cameo, m.sentence, m.doc_id, d.title, d.url, d.source
            FROM mentions m JOIN mention_pairs p USING (mention_id) JOIN documents d USING (doc_id)
            WHERE m.modality = 'asserted' AND (m.date, p.actor_code, p.recipient_code, m.cameo) IN (VALUES {values})
            ORDER BY m.date, d.published, m.doc_id, m.mention_id""",
        params,
    ).fetchall()
    reports: dict[tuple, dict] = {}
    for date, actor, recipient, cameo, sentence, doc_id, title, url, source in rows:
        reports.setdefault((date, actor, recipient, cameo), {"sentence": sentence, "doc_id": doc_id, "title": title, "url": url, "source": source})
    return reports
