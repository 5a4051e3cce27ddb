"""Writing many records in one transaction (demo villages, later imports).

The same rows the service writes one by one (record, first revision, people, notes,
audit events with their hash chain) are built here in memory and inserted with
``executemany``: a 10,000-household village takes seconds, not the minutes that 10,000
separate transactions with an ``fsync`` each would take.

Counts, export values and key fields come from :func:`derive_facts`, never from the
caller. Evaluating a household costs milliseconds, so a caller with many may have
:func:`prepare` evaluate them in worker processes; a prepared record holds its answers
together with the facts derived from them, and a plain :class:`BulkRecord` is evaluated
here.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from sqlalchemy import insert, select
from sqlalchemy.orm import Session

from desa_app.core.instrument.environment import Environment
from desa_app.core.instrument.facts import RecordFacts, derive_facts
from desa_app.core.instrument.model import Instrument
from desa_app.core.store import records as R
from desa_app.core.store.audit import GENESIS, event_hash
from desa_app.core.store.models import (
    AuditEvent,
    Person,
    Record,
    RecordRevision,
    ReviewNote,
)
from desa_app.core.store.service import record_facts


@dataclass(frozen=True)
class BulkNote:
    author_id: int
    text: str
    field_path: str | None = None
    resolved_by: int | None = None


@dataclass(frozen=True)
class BulkStep:
    """One workflow step after creation: (action, who), e.g. ("verify", verifier id)."""

    action: str
    user_id: int
    to_status: str


@dataclass(frozen=True)
class BulkRecord:
    answers: dict[str, Any]
    created_by: int
    steps: tuple[BulkStep, ...] = ()
    notes: tuple[BulkNote, ...] = ()
    entered_on: date | None = None
    reason: str = "dibuat"


@dataclass(frozen=True)
class PreparedRecord:
    """A record with the facts :func:`prepare` derived from its answers."""

    item: BulkRecord
    instrument_id: str
    instrument_version: str
    facts: RecordFacts


def prepare(instrument: Instrument, items: Sequence[BulkRecord],
            env: Environment) -> list[PreparedRecord]:
    """Evaluate each record with ``env`` (pure: safe in a worker process)."""
    return [PreparedRecord(item, instrument.id, instrument.version,
                           derive_facts(instrument, item.answers, env)) for item in items]


@dataclass
class _Batch:
    records: list[dict[str, Any]] = field(default_factory=list)
    revisions: list[dict[str, Any]] = field(default_factory=list)
    people: list[dict[str, Any]] = field(default_factory=list)
    notes: list[dict[str, Any]] = field(default_factory=list)
    events: list[dict[str, Any]] = field(default_factory=list)


class BulkWriter:
    """Append records to an open write session; keeps the audit chain intact."""

    def __init__(self, session: Session, instrument: Instrument) -> None:
        self.session = session
        self.instrument = instrument
        last = session.execute(
            select(AuditEvent.hash).order_by(AuditEvent.id.desc()).limit(1)).scalar()
        self.prev_hash = last or GENESIS
        self.batch = _Batch()

    def _event(self, at: datetime, user_id: int, action: str, entity_id: str,
               detail: dict[str, Any], entity: str = "record") -> None:
        digest = event_hash(self.prev_hash, at, user_id, action, entity, entity_id, detail)
        self.batch.events.append({
            "at": at, "user_id": user_id, "action": action, "entity": entity,
            "entity_id": entity_id, "detail": detail, "prev_hash": self.prev_hash,
            "hash": digest,
        })
        self.prev_hash = digest

    def add(self, record: BulkRecord | PreparedRecord, at: datetime) -> str:
        """Queue one record; returns its id. A plain record is evaluated now."""
        if isinstance(record, PreparedRecord):
            if (record.instrument_id, record.instrument_version) != (
                    self.instrument.id, self.instrument.version):
                raise ValueError(f"prepared for {record.instrument_id} "
                                 f"{record.instrument_version}, not {self.instrument.id}")
            item, facts = record.item, record.facts
        else:
            item = record
            facts = record_facts(self.session, self.instrument, item.answers)
        record_id = str(uuid.uuid4())
        content = R.content_hash(item.answers)
        head = R.revision_hash(None, content, item.created_by, at, item.reason)
        keys = facts.keys
        status = item.steps[-1].to_status if item.steps else "draft"
        last_editor = item.created_by
        self.batch.records.append({
            "id": record_id, "instrument_id": self.instrument.id,
            "instrument_version": self.instrument.version, "kind": self.instrument.kind,
            "period": keys.period if self.instrument.kind == "village" else None,
            "status": status, "answers": item.answers,
            "no_kk": keys.no_kk, "nama_kk": keys.nama_kk, "dusun": keys.dusun, "rt": keys.rt,
            "rw": keys.rw, "member_count": keys.member_count, "error_count": facts.errors,
            "warning_count": facts.warnings, "revision": 1, "content_hash": content,
            "head_hash": head, "created_by": item.created_by, "created_at": at,
            "updated_by": last_editor, "updated_at": at,
            "entered_on": item.entered_on if status == "entered" else None,
            "entered_by": next((s.user_id for s in item.steps if s.action == "mark_entered"),
                               None),
            "deleted": False, "deleted_at": None, "deleted_by": None, "delete_reason": None,
            "export_answers": facts.export_values,
        })
        self.batch.revisions.append({
            "record_id": record_id, "revision": 1, "answers": item.answers, "status": "draft",
            "content_hash": content, "parent_hash": None, "hash": head,
            "author_id": item.created_by, "created_at": at, "reason": item.reason,
        })
        self.batch.people.extend(
            {"record_id": record_id, "position": p.position, "nik": p.nik, "name": p.name,
             "sex": p.sex, "birth_date": p.birth_date}
            for p in facts.people
        )
        self._event(at, item.created_by, "record.create", record_id,
                    {"instrument": self.instrument.id, "revision": 1})
        current = "draft"
        for step in item.steps:
            self._event(at, step.user_id, f"record.{step.action}", record_id,
                        {"from": current, "to": step.to_status})
            current = step.to_status
        for note in item.notes:
            self.batch.notes.append({
                "record_id": record_id, "field_path": note.field_path,
                "author_id": note.author_id, "created_at": at, "text": note.text,
                "resolved_by": note.resolved_by,
                "resolved_at": at if note.resolved_by is not None else None,
            })
        return record_id

    def flush(self) -> None:
        batch, self.batch = self.batch, _Batch()
        for model, rows in ((Record, batch.records), (RecordRevision, batch.revisions),
                            (Person, batch.people), (ReviewNote, batch.notes),
                            (AuditEvent, batch.events)):
            if rows:
                self.session.execute(insert(model), rows)


def write_records(session: Session, instrument: Instrument,
                  items: Iterable[BulkRecord | PreparedRecord], at: datetime,
                  batch_size: int = 500) -> list[str]:
    writer = BulkWriter(session, instrument)
    ids = []
    for count, item in enumerate(items, start=1):
        ids.append(writer.add(item, at))
        if count % batch_size == 0:
            writer.flush()
    writer.flush()
    return ids
