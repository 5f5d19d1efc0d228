"""Builders for dedup property tests (not a test module of its own: no test functions)."""

from __future__ import annotations

import datetime as dt

from detente.store.dedup import Report


def make_reports(specs) -> list[Report]:
    reports = []
    for number, (dyad, cameo, day) in enumerate(specs):
        actor, recipient = dyad.split(">")
        reports.append(
            Report(
                mention_id=f"m{number}", doc_id=f"d{number}", source=f"s{number % 3}", url=None,
                date=dt.date(2024, 1, day), ingested_at=dt.datetime(2024, 2, 1), actor_code=actor, actor_country=actor,
                recipient_code=recipient, recipient_country=recipient, cameo=cameo, cameo_root=cameo[:2], quad_class=3,
                goldstein=-2.0, plover_event=None, location_country=None, lat=None, lon=None,
            )
        )
    return reports
