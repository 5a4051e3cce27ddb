"""The village-level records of a village: which exist per year, new ones, DDK counts.

Saving, submitting, returning and verifying a Potensi or Perkembangan record are the
ordinary :class:`~desa_app.core.store.service.Records` calls (same workflow, same
separation of duties); this module adds what is particular to them: one record per
instrument per year, and the figures counted from the verified DDK households.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sqlalchemy import select

from desa_app.core.instrument.model import Instrument
from desa_app.core.instrument.registry import get_instrument, shipped_ids
from desa_app.core.profil.figures import compute, reference_date
from desa_app.core.store.export_source import VERIFIED, ExportSource
from desa_app.core.store.facade import VillageStore
from desa_app.core.store.models import Record
from desa_app.core.store.service import RecordData
from desa_app.core.store.users import Actor, current_user
from desa_app.core.workflow import Action, Status, require

YEAR_QUESTION = "period"
"""``settings.record_keys.period`` names the question holding the record's year."""


def village_instruments() -> list[Instrument]:
    """The shipped village-level forms (Potensi, Perkembangan ...), in name order."""
    forms = [get_instrument(form_id) for form_id in shipped_ids()]
    return [form for form in forms if form.kind == "village"]


@dataclass(frozen=True)
class ProfilRow:
    """One village-level record as the Profil Desa page lists it."""

    record_id: str
    instrument_id: str
    title: str
    year: str
    status: Status
    errors: int
    warnings: int
    updated_at: datetime


@dataclass(frozen=True)
class DdkFigures:
    """What "hitung dari DDK" found: the figures, and what they were counted over."""

    values: dict[str, int | float]
    households: int
    people: int
    on: date

    def facts(self, at: datetime) -> dict[str, Any]:
        """Kept in the record beside the values: when and over what they were counted."""
        return {"dihitung": at.isoformat(timespec="seconds"), "keluarga": self.households,
                "anggota": self.people, "umur_pada": self.on.isoformat()}


class Profil:
    def __init__(self, store: VillageStore) -> None:
        self.store = store

    def rows(self, actor: Actor) -> list[ProfilRow]:
        """Every live village-level record, newest year first."""
        titles = {form.id: form.title.get() for form in village_instruments()}
        with self.store.db.read() as session:
            require(current_user(session, actor).role, Action.VIEW)
            records = session.execute(select(Record).where(
                Record.kind == "village", Record.deleted.is_(False))).scalars().all()
            rows = [ProfilRow(r.id, r.instrument_id, titles.get(r.instrument_id,
                                                                r.instrument_id),
                              r.period or "", Status(r.status), r.error_count or 0,
                              r.warning_count or 0, r.updated_at) for r in records]
        return sorted(rows, key=lambda r: (-int(r.year or 0), r.instrument_id))

    def create(self, actor: Actor, instrument_id: str, year: int) -> RecordData:
        """A new, empty record of this instrument for this year (refused if one exists)."""
        instrument = get_instrument(instrument_id)
        question = (instrument.settings.get("record_keys") or {}).get(YEAR_QUESTION)
        answers: dict[str, Any] = {question: year} if question else {}
        return self.store.records.create(actor, instrument_id, answers, reason="dibuat",
                                         period=str(year))

    def ddk_figures(self, actor: Actor, instrument: Instrument, year: int,
                    today: date | None = None) -> DdkFigures:
        """Count every ``from_ddk`` figure over the verified DDK households."""
        source_id = str(instrument.settings.get("prefill_from") or "")
        if not source_id:
            return DdkFigures({}, 0, 0, reference_date(year, today or date.today()))
        source = ExportSource(self.store, actor, source_id, VERIFIED,
                              permission=Action.VIEW)
        counter = _Counting(source_id)
        on = reference_date(year, today or self.store.clock().date())
        values = compute(instrument, source.instrument, counter.walk(source), on)
        return DdkFigures(values, counter.households, counter.people, on)


class _Counting:
    """Walks the households once and counts them (and their people) on the way."""

    def __init__(self, source_id: str) -> None:
        self.members = str((get_instrument(source_id).settings.get("person_index") or {})
                           .get("repeat", ""))
        self.households = 0
        self.people = 0

    def walk(self, source: ExportSource) -> Any:
        for record in source.records():
            self.households += 1
            people = record.answers.get(self.members)
            self.people += len(people) if isinstance(people, list) else 0
            yield record.answers
