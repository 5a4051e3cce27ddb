"""The one service layer for records: save, submit, return, verify, enter, delete, notes.

Every call runs in one write transaction, checks the actor's permission and the
record's status in core (the GUI only hides buttons), and writes the audit log. Saves
keep every previous version as a revision chained by hash.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date, datetime
from typing import TYPE_CHECKING, Any

from sqlalchemy import delete, func, insert, select
from sqlalchemy.orm import Session

if TYPE_CHECKING:  # the engine is loaded on first use: it is not needed to log in or list
    from desa_app.core.instrument.environment import Environment
    from desa_app.core.instrument.facts import RecordFacts
    from desa_app.core.instrument.model import Instrument
    from desa_app.core.instrument.state import FormState

from desa_app.core import errors as E
from desa_app.core import messages
from desa_app.core.clock import Clock, utcnow
from desa_app.core.store import records as R
from desa_app.core.store.audit import record_event
from desa_app.core.store.database import Database
from desa_app.core.store.models import Person, Record, RecordRevision, ReviewNote, Village
from desa_app.core.store.users import Actor, current_user
from desa_app.core.workflow import (
    Action,
    Status,
    next_status,
    require,
    require_edit,
    require_independent_verifier,
)


@dataclass(frozen=True)
class RecordData:
    id: str
    instrument_id: str
    instrument_version: str
    status: Status
    revision: int
    answers: dict[str, Any]
    created_by: int
    updated_by: int
    updated_at: datetime
    deleted: bool


def _data(record: Record) -> RecordData:
    return RecordData(record.id, record.instrument_id, record.instrument_version,
                      Status(record.status), record.revision, record.answers,
                      record.created_by, record.updated_by, record.updated_at, record.deleted)


def village_environment(session: Session, today: date | None = None) -> Environment:
    """The village's names and codes; the day is ``today`` if given, else read when used."""
    from desa_app.core.instrument.environment import Environment

    village = session.execute(select(Village)).scalar_one()
    facts = {"code": village.code, "name": village.name, "kecamatan": village.kecamatan,
             "kabupaten": village.kabupaten, "provinsi": village.provinsi}
    return Environment(today=today, village=facts)


def record_facts(session: Session, instrument: Instrument,
                 answers: dict[str, Any]) -> RecordFacts:
    """The store's own evaluation of ``answers``: counts, export values and keys are
    never taken from the caller, whose screen may hold another day or another state."""
    from desa_app.core.instrument.facts import derive_facts

    return derive_facts(instrument, answers, village_environment(session))


def apply_facts(record: Record, facts: RecordFacts) -> None:
    """Copy what lists, queues and exports read into the record row."""
    keys = facts.keys
    record.no_kk, record.nama_kk, record.dusun = keys.no_kk, keys.nama_kk, keys.dusun
    record.rt, record.rw, record.member_count = keys.rt, keys.rw, keys.member_count
    record.error_count, record.warning_count = facts.errors, facts.warnings
    record.export_answers = facts.export_values


class Records:
    def __init__(self, db: Database, clock: Clock = utcnow) -> None:
        self.db = db
        self.now = clock

    # -- reading -----------------------------------------------------------------------
    def load(self, actor: Actor, record_id: str) -> RecordData:
        with self.db.read() as session:
            require(current_user(session, actor).role, Action.VIEW)
            return _data(self._record(session, record_id))

    def form_state(self, actor: Actor, record_id: str) -> FormState:
        """The record opened in its questionnaire, ready for editing or checking."""
        from desa_app.core.instrument.registry import get_instrument
        from desa_app.core.instrument.state import FormState

        with self.db.read() as session:
            require(current_user(session, actor).role, Action.VIEW)
            record = self._record(session, record_id)
            env = village_environment(session)
        return FormState(get_instrument(record.instrument_id), record.answers, env)

    @staticmethod
    def _record(session: Session, record_id: str) -> Record:
        record = session.get(Record, record_id)
        if record is None:
            raise E.NotFound(messages.text("records.not_found", record_id=record_id))
        return record

    # -- saving ------------------------------------------------------------------------
    def create(self, actor: Actor, instrument_id: str, answers: dict[str, Any],
               reason: str = "dibuat", period: str | None = None) -> RecordData:
        from desa_app.core.instrument.registry import get_instrument

        instrument = get_instrument(instrument_id)
        with self.db.write() as session:
            require(current_user(session, actor).role, Action.CREATE)
            now = self.now()
            record = Record(
                id=str(uuid.uuid4()), instrument_id=instrument.id,
                instrument_version=instrument.version, kind=instrument.kind, period=period,
                status=Status.DRAFT.value, revision=0, created_by=actor.id, created_at=now,
                updated_by=actor.id, updated_at=now, deleted=False, answers={},
                content_hash="", head_hash="", member_count=0,
            )
            session.add(record)
            self._store_answers(session, record, instrument, answers, actor, now, reason)
            record_event(session, at=now, user_id=actor.id, action="record.create",
                         entity="record", entity_id=record.id,
                         detail={"instrument": instrument.id, "revision": 1})
            return _data(record)

    def save(self, actor: Actor, record_id: str, answers: dict[str, Any], reason: str = "",
             expected_revision: int | None = None) -> RecordData:
        """Store new answers as the next revision (nothing happens if nothing changed)."""
        with self.db.write() as session:
            user = current_user(session, actor)
            record = self._record(session, record_id)
            self._not_deleted(record)
            require_edit(user.role, record.status)
            if expected_revision is not None and record.revision != expected_revision:
                raise E.WorkflowError(
                    messages.text("records.changed_meanwhile", revision=record.revision)
                )
            if R.content_hash(answers) == record.content_hash:
                return _data(record)
            now = self.now()
            from desa_app.core.instrument.registry import get_instrument

            instrument = get_instrument(record.instrument_id)
            self._store_answers(session, record, instrument, answers, actor, now, reason)
            record_event(session, at=now, user_id=actor.id, action="record.save",
                         entity="record", entity_id=record.id,
                         detail={"revision": record.revision, "reason": reason})
            return _data(record)

    def _store_answers(self, session: Session, record: Record, instrument: Instrument,
                       answers: dict[str, Any], actor: Actor, now: datetime,
                       reason: str) -> None:
        facts = record_facts(session, instrument, answers)
        content = R.content_hash(answers)
        parent = record.head_hash or None
        head = R.revision_hash(parent, content, actor.id, now, reason)
        record.revision += 1
        record.answers = answers
        record.content_hash = content
        record.head_hash = head
        apply_facts(record, facts)
        if instrument.kind == "village":
            record.period = facts.keys.period or record.period
            self._one_per_period(session, record)
        record.updated_by, record.updated_at = actor.id, now
        session.flush()
        session.execute(insert(RecordRevision).values(
            record_id=record.id, revision=record.revision, answers=answers,
            status=record.status, content_hash=content, parent_hash=parent, hash=head,
            author_id=actor.id, created_at=now, reason=reason,
        ))
        session.execute(delete(Person).where(Person.record_id == record.id))
        rows = [
            {"record_id": record.id, "position": p.position, "nik": p.nik, "name": p.name,
             "sex": p.sex, "birth_date": p.birth_date}
            for p in facts.people
        ]
        if rows:
            session.execute(insert(Person), rows)

    @staticmethod
    def _one_per_period(session: Session, record: Record) -> None:
        """A village-level instrument is filled once per village per year."""
        if not record.period:
            raise E.WorkflowError(messages.text("records.period_required"))
        other = session.execute(select(Record.id).where(
            Record.instrument_id == record.instrument_id, Record.period == record.period,
            Record.deleted.is_(False), Record.id != record.id)).first()
        if other is not None:
            raise E.WorkflowError(
                messages.text("records.period_taken", period=record.period))

    @staticmethod
    def _not_deleted(record: Record) -> None:
        if record.deleted:
            raise E.WorkflowError(messages.text("records.deleted"))

    # -- workflow ----------------------------------------------------------------------
    def _transition(self, session: Session, actor: Actor, record: Record, action: Action,
                    detail: dict[str, Any] | None = None) -> Status:
        self._not_deleted(record)
        target = next_status(action, record.status)
        old = record.status
        record.status = target.value
        record_event(session, at=self.now(), user_id=actor.id, action=f"record.{action}",
                     entity="record", entity_id=record.id,
                     detail={"from": old, "to": target.value, **(detail or {})})
        return target

    def _blocking_errors(self, session: Session, record: Record) -> None:
        """Judge the record again as of this workflow step (the day may have changed
        since it was saved) and refuse while it has errors."""
        from desa_app.core.instrument.model import Severity
        from desa_app.core.instrument.registry import get_instrument

        facts = record_facts(session, get_instrument(record.instrument_id), record.answers)
        apply_facts(record, facts)
        errors = facts.issues_of(Severity.ERROR)
        if errors:
            first = "; ".join(f"{i.path}: {i.message}" for i in errors[:3])
            more = (messages.text("records.errors_more", count=len(errors) - 3)
                    if len(errors) > 3 else "")
            raise E.WorkflowError(messages.text("records.errors_left",
                                                first=first, more=more, count=len(errors)))

    def submit(self, actor: Actor, record_id: str) -> Status:
        """Hand the record to the Tim; refused while it has errors."""
        with self.db.write() as session:
            user = current_user(session, actor)
            require(user.role, Action.SUBMIT)
            record = self._record(session, record_id)
            self._not_deleted(record)
            next_status(Action.SUBMIT, record.status)
            require_edit(user.role, record.status)
            self._blocking_errors(session, record)
            return self._transition(session, actor, record, Action.SUBMIT)

    def return_record(self, actor: Actor, record_id: str, note: str | None = None,
                      field_path: str | None = None) -> Status:
        """Send back for correction; needs at least one open note saying what to fix."""
        with self.db.write() as session:
            require(current_user(session, actor).role, Action.RETURN)
            record = self._record(session, record_id)
            if note:
                self._add_note(session, actor, record, note, field_path)
            open_notes = session.execute(
                select(func.count()).select_from(ReviewNote).where(
                    ReviewNote.record_id == record.id, ReviewNote.resolved_at.is_(None))
            ).scalar_one()
            if not open_notes:
                raise E.WorkflowError(
                    messages.text("records.return_needs_note")
                )
            return self._transition(session, actor, record, Action.RETURN)

    def verify(self, actor: Actor, record_id: str) -> Status:
        with self.db.write() as session:
            require(current_user(session, actor).role, Action.VERIFY)
            record = self._record(session, record_id)
            self._not_deleted(record)
            next_status(Action.VERIFY, record.status)
            require_independent_verifier(actor.id, record.created_by, record.updated_by)
            self._blocking_errors(session, record)
            duplicates = duplicate_niks_of(session, record.id)
            if duplicates:
                raise E.WorkflowError(
                    messages.text("records.duplicate_niks", places="; ".join(duplicates))
                )
            return self._transition(session, actor, record, Action.VERIFY)

    def mark_entered(self, actor: Actor, record_id: str, on: date | None = None) -> Status:
        """Record that the verified data has been typed into the Prodeskel website."""
        with self.db.write() as session:
            require(current_user(session, actor).role, Action.MARK_ENTERED)
            record = self._record(session, record_id)
            entered_on = on or self.now().date()
            status = self._transition(session, actor, record, Action.MARK_ENTERED,
                                      {"on": entered_on.isoformat()})
            record.entered_on = entered_on
            record.entered_by = actor.id
            return status

    def delete(self, actor: Actor, record_id: str, reason: str) -> None:
        """Soft delete: the record and its history stay, hidden from lists."""
        if not reason.strip():
            raise E.InvalidInput(messages.text("records.delete_reason"))
        with self.db.write() as session:
            require(current_user(session, actor).role, Action.DELETE)
            record = self._record(session, record_id)
            self._not_deleted(record)
            now = self.now()
            record.deleted, record.deleted_at, record.deleted_by = True, now, actor.id
            record.delete_reason = reason.strip()
            record_event(session, at=now, user_id=actor.id, action="record.delete",
                         entity="record", entity_id=record.id, detail={"reason": reason})

    def restore(self, actor: Actor, record_id: str) -> None:
        with self.db.write() as session:
            require(current_user(session, actor).role, Action.RESTORE)
            record = self._record(session, record_id)
            if not record.deleted:
                raise E.WorkflowError(messages.text("records.not_deleted"))
            if record.kind == "village":
                self._one_per_period(session, record)
            record.deleted, record.deleted_at, record.deleted_by = False, None, None
            record.delete_reason = None
            record_event(session, at=self.now(), user_id=actor.id, action="record.restore",
                         entity="record", entity_id=record.id)

    # -- notes -------------------------------------------------------------------------
    def add_note(self, actor: Actor, record_id: str, text: str,
                 field_path: str | None = None) -> int:
        with self.db.write() as session:
            require(current_user(session, actor).role, Action.ADD_NOTE)
            return self._add_note(session, actor, self._record(session, record_id), text,
                                  field_path)

    def _add_note(self, session: Session, actor: Actor, record: Record, text: str,
                  field_path: str | None) -> int:
        if not text.strip():
            raise E.InvalidInput(messages.text("records.note_empty"))
        now = self.now()
        note = ReviewNote(record_id=record.id, field_path=field_path or None,
                          author_id=actor.id, created_at=now, text=text.strip())
        session.add(note)
        session.flush()
        record_event(session, at=now, user_id=actor.id, action="note.add", entity="note",
                     entity_id=str(note.id), detail={"record": record.id, "field": field_path})
        return note.id

    def resolve_note(self, actor: Actor, note_id: int) -> None:
        with self.db.write() as session:
            require(current_user(session, actor).role, Action.RESOLVE_NOTE)
            note = session.get(ReviewNote, note_id)
            if note is None:
                raise E.NotFound(messages.text("records.note_not_found", note_id=note_id))
            if note.resolved_at is not None:
                raise E.WorkflowError(messages.text("records.note_resolved"))
            now = self.now()
            note.resolved_by, note.resolved_at = actor.id, now
            record_event(session, at=now, user_id=actor.id, action="note.resolve",
                         entity="note", entity_id=str(note.id))

    def notes(self, actor: Actor, record_id: str) -> list[ReviewNote]:
        with self.db.read() as session:
            require(current_user(session, actor).role, Action.VIEW)
            return list(session.execute(
                select(ReviewNote).where(ReviewNote.record_id == record_id)
                .order_by(ReviewNote.id)).scalars())

    def history(self, actor: Actor, record_id: str) -> list[RecordRevision]:
        with self.db.read() as session:
            require(current_user(session, actor).role, Action.VIEW)
            return list(session.execute(
                select(RecordRevision).where(RecordRevision.record_id == record_id)
                .order_by(RecordRevision.revision)).scalars())


def duplicate_niks_of(session: Session, record_id: str) -> list[str]:
    """NIKs of this record that appear more than once among live records (with where)."""
    mine = select(Person.nik).where(Person.record_id == record_id, Person.nik.is_not(None))
    rows = session.execute(
        select(Person.nik, Person.record_id, Person.position, Record.nama_kk)
        .join(Record, Record.id == Person.record_id)
        .where(Person.nik.in_(mine), Record.deleted.is_(False))
        .order_by(Person.nik, Person.record_id, Person.position)
    ).all()
    by_nik: dict[str, list[str]] = {}
    for nik, other, position, head in rows:
        where = (messages.text("records.this_record") if other == record_id
                 else messages.text("records.household", head=head or other))
        by_nik.setdefault(str(nik), []).append(
            messages.text("records.member_place", where=where, position=position + 1))
    return [f"{nik} ({', '.join(places)})" for nik, places in by_nik.items() if len(places) > 1]
