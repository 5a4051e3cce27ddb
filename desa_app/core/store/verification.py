"""The Tim's side of the workflow: the queue, what changed since a return, approving
many at once, and ticking records off as they are keyed into the Prodeskel website.

Every decision still goes through :class:`desa_app.core.store.service.Records` (one
transaction per record, all rules checked there); this module only finds, explains and
batches.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from desa_app.core import errors as E
from desa_app.core.clock import Clock, utcnow
from desa_app.core.instrument.diff import answer_changes
from desa_app.core.messages import text
from desa_app.core.store.database import Database
from desa_app.core.store.models import AuditEvent, Record, RecordRevision, User
from desa_app.core.store.service import Records
from desa_app.core.store.users import Actor, current_user
from desa_app.core.workflow import Action, Status, require


@dataclass(frozen=True)
class QueueItem:
    record_id: str
    nama_kk: str | None
    no_kk: str | None
    dusun: str | None
    rt: str | None
    rw: str | None
    members: int
    errors: int
    warnings: int
    submitted_at: datetime
    enumerator: str
    enumerator_id: int
    instrument_id: str = "ddk"
    period: str | None = None
    """Village-level records (Potensi, Perkembangan) are queued too; they have a year
    instead of a No. KK."""


@dataclass(frozen=True)
class RevisionChange:
    path: str
    label: str
    old: str
    new: str
    who: str
    when: datetime


@dataclass(frozen=True)
class BatchResult:
    done: list[str]
    refused: list[tuple[str, str]]  # (record id, why)


class Verification:
    def __init__(self, db: Database, clock: Clock = utcnow) -> None:
        self.db = db
        self.records = Records(db, clock)
        self.now = clock

    def queue(self, actor: Actor, *, dusun: str | None = None,
              enumerator_id: int | None = None,
              with_warnings: bool | None = None) -> list[QueueItem]:
        """Submitted households, the longest-waiting first."""
        with self.db.read() as session:
            require(current_user(session, actor).role, Action.VIEW)
            submitted = (
                select(AuditEvent.entity_id, func.max(AuditEvent.at).label("at"))
                .where(AuditEvent.action == "record.submit").group_by(AuditEvent.entity_id)
                .subquery()
            )
            query = (
                select(Record, submitted.c.at, User.display_name)
                .join(User, User.id == Record.created_by)
                .outerjoin(submitted, submitted.c.entity_id == Record.id)
                .where(Record.deleted.is_(False), Record.status == Status.SUBMITTED.value)
            )
            if dusun:
                query = query.where(Record.dusun == dusun)
            if enumerator_id is not None:
                query = query.where(Record.created_by == enumerator_id)
            if with_warnings is True:
                query = query.where(Record.warning_count > 0)
            elif with_warnings is False:
                query = query.where(func.coalesce(Record.warning_count, 0) == 0)
            rows = session.execute(query).all()
        items = [
            QueueItem(record.id, record.nama_kk, record.no_kk, record.dusun, record.rt,
                      record.rw, record.member_count, record.error_count or 0,
                      record.warning_count or 0, at or record.updated_at, name,
                      record.created_by, record.instrument_id, record.period)
            for record, at, name in rows
        ]
        return sorted(items, key=lambda item: (item.submitted_at, item.record_id))

    def changes_since_return(self, actor: Actor, record_id: str) -> list[RevisionChange]:
        """What the enumerator changed after the Tim last returned the record: each
        question with its answer then and now, and who changed it when."""
        with self.db.read() as session:
            require(current_user(session, actor).role, Action.VIEW)
            returned_at = session.execute(
                select(func.max(AuditEvent.at)).where(
                    AuditEvent.action == "record.return", AuditEvent.entity_id == record_id)
            ).scalar()
            if returned_at is None:
                return []
            revisions = list(session.execute(
                select(RecordRevision).where(RecordRevision.record_id == record_id)
                .order_by(RecordRevision.revision)).scalars())
            names: dict[int, str] = {
                uid: name for uid, name in session.execute(select(User.id, User.display_name))}
            record = session.get(Record, record_id)
        if record is None:
            raise E.NotFound(text("records.not_found", record_id=record_id))
        base = [r for r in revisions if r.created_at <= returned_at]
        after = [r for r in revisions if r.created_at > returned_at]
        if not base or not after:
            return []
        from desa_app.core.instrument.registry import get_instrument

        instrument = get_instrument(record.instrument_id)
        last_touch: dict[str, tuple[int, datetime]] = {}
        previous = base[-1]
        for revision in after:
            for change in answer_changes(instrument, previous.answers, revision.answers):
                last_touch[change.path] = (revision.author_id, revision.created_at)
            previous = revision
        return [
            RevisionChange(c.path, c.label, c.old, c.new,
                           names.get(last_touch[c.path][0], "?"), last_touch[c.path][1])
            for c in answer_changes(instrument, base[-1].answers, after[-1].answers)
            if c.path in last_touch
        ]

    def bulk_candidates(self, actor: Actor, record_ids: list[str]) -> BatchResult:
        """Which of these may be approved together: submitted, no errors, no warnings."""
        with self.db.read() as session:
            require(current_user(session, actor).role, Action.VERIFY)
            return self._sort_candidates(session, record_ids)

    @staticmethod
    def _sort_candidates(session: Session, record_ids: list[str]) -> BatchResult:
        done, refused = [], []
        for record_id in record_ids:
            record = session.get(Record, record_id)
            if record is None or record.deleted:
                refused.append((record_id, text("records.batch_not_found")))
            elif record.status != Status.SUBMITTED.value:
                refused.append((record_id, text("records.batch_not_submitted")))
            elif record.warning_count or record.error_count:
                refused.append((record_id, text("records.batch_has_warnings")))
            else:
                done.append(record_id)
        return BatchResult(done, refused)

    def bulk_verify(self, actor: Actor, record_ids: list[str]) -> BatchResult:
        """Approve the records without warnings; each in its own transaction with every
        rule of a single approval (separation of duties, duplicate NIK ...)."""
        candidates = self.bulk_candidates(actor, record_ids)
        done, refused = [], list(candidates.refused)
        for record_id in candidates.done:
            try:
                self.records.verify(actor, record_id)
            except E.WorkflowError as exc:
                refused.append((record_id, exc.message))
            else:
                done.append(record_id)
        return BatchResult(done, refused)

    def mark_entered(self, actor: Actor, record_ids: list[str], on: date) -> BatchResult:
        """The operator keyed these into Prodeskel on ``on``."""
        done, refused = [], []
        for record_id in record_ids:
            try:
                self.records.mark_entered(actor, record_id, on)
            except (E.WorkflowError, E.NotFound) as exc:
                refused.append((record_id, exc.message))
            else:
                done.append(record_id)
        return BatchResult(done, refused)

    def entry_progress(self, actor: Actor) -> dict[str, int]:
        """How far keying into Prodeskel is: verified waiting and entered."""
        with self.db.read() as session:
            require(current_user(session, actor).role, Action.VIEW)
            counts: dict[Any, int] = {
                status: count for status, count in session.execute(
                    select(Record.status, func.count()).where(Record.deleted.is_(False))
                    .group_by(Record.status))}
        return {"verified": counts.get(Status.VERIFIED.value, 0),
                "entered": counts.get(Status.ENTERED.value, 0)}
