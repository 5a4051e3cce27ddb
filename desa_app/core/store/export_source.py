"""What an export reads: the village, and its records with the answers that leave it.

Every exporter (workbook, PDFs, package) reads through :class:`ExportSource`, so the
choice of records (verified only by default, or every status), their order (dusun, RT,
RW, No KK, as an operator walks the village in Prodeskel) and the permission check live
in one place. Answers are the *export values*: relevant answers and calculated values
only (non-relevant answers are kept in the database but never leave it), stored at each
save; a record saved before that column existed is evaluated here once.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from datetime import date, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import func, select

from desa_app.core.clock import utcnow
from desa_app.core.instrument.model import Instrument
from desa_app.core.store.facade import VillageStore
from desa_app.core.store.models import Record, Village
from desa_app.core.store.service import village_environment
from desa_app.core.store.users import Actor, current_user
from desa_app.core.workflow import Action, Status, require

VERIFIED = frozenset({Status.VERIFIED, Status.ENTERED})
"""What leaves the village by default: records the Tim approved (and those already keyed
into Prodeskel)."""
ALL_STATUSES = frozenset(Status)
BATCH = 500


@dataclass(frozen=True)
class VillageHeader:
    """The village as every document names it."""

    code: str
    name: str
    kecamatan: str
    kabupaten: str
    provinsi: str

    @property
    def title(self) -> str:
        return f"Desa {self.name}, Kec. {self.kecamatan}, {self.kabupaten}, {self.provinsi}"


@dataclass(frozen=True)
class ExportRecord:
    id: str
    instrument_id: str
    instrument_version: str
    status: Status
    revision: int
    no_kk: str
    nama_kk: str
    dusun: str
    rt: str
    rw: str
    updated_at: datetime
    entered_on: date | None
    answers: dict[str, Any] = field(repr=False)
    """Export values: relevant answers and calculations; repeats as lists of dicts."""
    period: str = ""
    """The year of a village-level record (Potensi, Perkembangan); "" for households."""


@dataclass
class ExportSource:
    """The records one export writes, read in batches so 10,000 households fit in memory."""

    store: VillageStore
    actor: Actor
    instrument_id: str = "ddk"
    statuses: frozenset[Status] = VERIFIED
    exported_at: datetime = field(default_factory=utcnow)
    dusun: str | None = None
    """Only the households of this dusun ("" = those without one); None = all."""
    permission: Action = Action.EXPORT
    """Reading for an export needs EXPORT; counting DDK figures into a village record
    (Potensi, Perkembangan) reads the same records and needs only VIEW."""

    def __post_init__(self) -> None:
        from desa_app.core.instrument.registry import get_instrument

        with self.store.db.read() as session:
            require(current_user(session, self.actor).role, self.permission)
            row = session.execute(select(Village)).scalar_one()
            self.village = VillageHeader(row.code, row.name, row.kecamatan, row.kabupaten,
                                         row.provinsi)
        self.instrument: Instrument = get_instrument(self.instrument_id)

    @property
    def all_statuses(self) -> bool:
        return self.statuses == ALL_STATUSES

    def _where(self) -> tuple[Any, ...]:
        where: tuple[Any, ...] = (Record.deleted.is_(False),
                                  Record.instrument_id == self.instrument_id,
                                  Record.status.in_(sorted(s.value for s in self.statuses)))
        if self.dusun is not None:
            where += (func.coalesce(Record.dusun, "") == self.dusun,)
        return where

    def dusun_names(self) -> list[str]:
        """The dusun of the chosen records, in walking order ("" for records without)."""
        with self.store.db.read() as session:
            return sorted({name for (name,) in session.execute(
                select(func.coalesce(Record.dusun, "")).where(*self._where()).distinct())})

    def of_dusun(self, name: str) -> ExportSource:
        """The same export limited to one dusun (a printout per dusun stays small)."""
        return replace(self, dusun=name)

    def count(self) -> int:
        with self.store.db.read() as session:
            return int(session.execute(
                select(func.count()).select_from(Record).where(*self._where())).scalar_one())

    def status_counts(self) -> dict[Status, int]:
        """Live records of this instrument by status (all statuses, whatever is exported)."""
        counts = {status: 0 for status in Status}
        with self.store.db.read() as session:
            for status, count in session.execute(
                    select(Record.status, func.count())
                    .where(Record.deleted.is_(False), Record.instrument_id == self.instrument_id)
                    .group_by(Record.status)):
                counts[Status(status)] = count
        return counts

    def log(self, kind: str, path: Path, detail: dict[str, Any] | None = None) -> None:
        """Record in the audit log who exported what, where (Diskominfo may ask)."""
        from desa_app.core.store.audit import record_event

        with self.store.db.write() as session:
            record_event(session, at=self.store.clock(), user_id=self.actor.id,
                         action=f"export.{kind}", entity="export", entity_id=path.name,
                         detail={"statuses": sorted(s.value for s in self.statuses),
                                 **(detail or {})})

    def records(self) -> Iterator[ExportRecord]:
        """The chosen records in walking order, streamed in batches from one read
        transaction (a consistent snapshot even if someone saves meanwhile; WAL lets
        them). Only the columns an export needs are read: the stored answers only for
        records that lack export values."""
        order = (func.coalesce(Record.dusun, ""), func.coalesce(Record.rt, ""),
                 func.coalesce(Record.rw, ""), func.coalesce(Record.no_kk, ""), Record.id)
        with self.store.db.read() as session:
            result = session.execute(select(*COLUMNS).where(*self._where()).order_by(*order)
                                     .execution_options(yield_per=BATCH))
            for rows in result.partitions():
                missing = [row.id for row in rows if row.export_answers is None]
                computed = self._compute(session, missing) if missing else {}
                for row in rows:
                    yield _record(row, computed[row.id] if row.export_answers is None
                                 else row.export_answers)

    def _compute(self, session: Any, ids: list[str]) -> dict[str, dict[str, Any]]:
        """Export values of records saved before schema 0004, from their answers."""
        env = village_environment(session)
        return {record_id: _evaluate(self.instrument_id, answers, env)
                for record_id, answers in session.execute(
                    select(Record.id, Record.answers).where(Record.id.in_(ids)))}


COLUMNS = (Record.id, Record.instrument_id, Record.instrument_version, Record.status,
           Record.revision, Record.no_kk, Record.nama_kk, Record.dusun, Record.rt, Record.rw,
           Record.updated_at, Record.entered_on, Record.export_answers, Record.period)


def _evaluate(instrument_id: str, answers: dict[str, Any], env: Any) -> dict[str, Any]:
    """The same facts a save derives (``instrument.facts``), for a record saved before the
    store kept them."""
    from desa_app.core.instrument.facts import derive_facts
    from desa_app.core.instrument.registry import get_instrument

    return dict(derive_facts(get_instrument(instrument_id), answers, env).export_values)


def _record(row: Any, answers: dict[str, Any]) -> ExportRecord:
    return ExportRecord(
        id=row.id, instrument_id=row.instrument_id, instrument_version=row.instrument_version,
        status=Status(row.status), revision=row.revision, no_kk=row.no_kk or "",
        nama_kk=row.nama_kk or "", dusun=row.dusun or "", rt=row.rt or "", rw=row.rw or "",
        updated_at=row.updated_at, entered_on=row.entered_on, answers=answers,
        period=row.period or "")
