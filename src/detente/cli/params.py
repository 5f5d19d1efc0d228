"""Click parameter types shared by the commands."""

from __future__ import annotations

import datetime as dt
import difflib
import re
from pathlib import Path

import click


class DateType(click.ParamType):
    """A YYYY-MM-DD date."""

    name = "YYYY-MM-DD"

    def convert(self, value, param, ctx):
        if isinstance(value, dt.date):
            return value
        try:
            return dt.date.fromisoformat(value)
        except ValueError:
            self.fail(f"{value!r} is not a date in YYYY-MM-DD form", param, ctx)


DATE = DateType()


class CountryCodeType(click.ParamType):
    """A country code the knowledge base or the store knows (``usa`` is ``USA``).

    An unknown code is a usage error (exit 2) naming the nearest known codes: a typo such as
    ``COLL`` or ``VNZ`` would otherwise give an empty table and exit 0. The knowledge base's
    codes are read from ``data/actors/countries.yaml`` (no spaCy, no KB load); the store is
    consulted only for a code the knowledge base lacks (a user actor file may add countries).
    """

    name = "CODE"

    def convert(self, value, param, ctx):
        code = str(value).strip().upper()
        if not code.isalnum() or not 2 <= len(code) <= 12:
            self.fail(f"{value!r} is not a country code (letters and digits, e.g. USA, COL)", param, ctx)
        known = kb_country_codes()
        if code in known:
            return code
        known |= store_country_codes(ctx.params.get("db") if ctx is not None else None)
        if code in known:
            return code
        near = difflib.get_close_matches(code, sorted(known), n=3, cutoff=0.5)
        hint = f"did you mean {', '.join(near)}?" if near else "use an ISO 3166 alpha-3 code such as USA or COL"
        self.fail(f"unknown country code {value!r}: {hint} (known: the knowledge base's countries and the store's)", param, ctx)


COUNTRY = CountryCodeType()

_KB_CODE = re.compile(r"^  (?:country|code|cameo_code): ([A-Z0-9]+)\s*$", re.MULTILINE)


def kb_country_codes() -> set[str]:
    """The country codes of the shipped knowledge base (countries, territories, regions)."""
    from detente.data import data_path

    return set(_KB_CODE.findall(data_path("actors", "countries.yaml").read_text(encoding="utf-8")))


def store_country_codes(db: Path | str | None) -> set[str]:
    """The countries the store's events name; empty when the store cannot be read (the command
    itself then says why)."""
    from detente.store import Store

    try:
        with Store(db, read_only=True) as store:
            rows = store.con.execute(
                "SELECT actor_country FROM events UNION SELECT recipient_country FROM events"
            ).fetchall()
    except Exception:  # noqa: BLE001 (no store, a locked or foreign file: no codes from it)
        return set()
    return {r[0] for r in rows if r[0]}
