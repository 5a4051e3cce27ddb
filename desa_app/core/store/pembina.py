"""The pembina's (BPS) side: notes on the village as a whole, visits and their follow-ups.

Village notes are append-only like review notes: never edited or deleted, only marked
resolved, so what the pembina wrote stays as written. Visits record what was discussed;
each follow-up agreed has an optional due date and is ticked off when done, and the open
ones (overdue first to see) remind both sides at the next visit.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from desa_app.core import errors as E
from desa_app.core import messages
from desa_app.core.clock import Clock, utcnow
from desa_app.core.store.attachments import authorise
from desa_app.core.store.audit import record_event
from desa_app.core.store.database import Database
from desa_app.core.store.desa_cantik import check_date
from desa_app.core.store.models import FollowUp, User, VillageNote, Visit
from desa_app.core.store.users import Actor
from desa_app.core.workflow import Action


@dataclass(frozen=True)
class VillageNoteInfo:
    id: int
    author_id: int
    author_name: str
    created_at: datetime
    text: str
    resolved_by: int | None
    resolved_at: datetime | None

    @property
    def resolved(self) -> bool:
        return self.resolved_at is not None


@dataclass(frozen=True)
class FollowUpInfo:
    id: int
    visit_id: int
    text: str
    due_date: date | None
    done_at: datetime | None
    done_by: int | None
    overdue: bool  # not done and its due date has passed

    @property
    def done(self) -> bool:
        return self.done_at is not None


@dataclass(frozen=True)
class VisitInfo:
    id: int
    visit_date: date
    topics: str
    people_met: str
    author_id: int
    created_at: datetime
    follow_ups: tuple[FollowUpInfo, ...]


def _clean(text: object, label: str, required: bool = True) -> str:
    if not isinstance(text, str):
        raise E.InvalidInput(messages.text("programme.text_type", label=label))
    if required and not text.strip():
        raise E.InvalidInput(messages.text("programme.text_required", label=label))
    if len(text) > 20000:
        raise E.InvalidInput(messages.text("programme.text_too_long_plain", label=label))
    return text.strip()


class Pembina:
    def __init__(self, db: Database, clock: Clock = utcnow) -> None:
        self.db = db
        self.now = clock

    # -- village notes ---------------------------------------------------------------
    def add_village_note(self, actor: Actor, text: str) -> int:
        with self.db.write() as session:
            authorise(session, actor, Action.ADD_NOTE)
            clean = _clean(text, messages.text("programme.label.note"))
            now = self.now()
            note = VillageNote(author_id=actor.id, created_at=now, text=clean)
            session.add(note)
            session.flush()
            record_event(session, at=now, user_id=actor.id, action="village_note.add",
                         entity="village_note", entity_id=str(note.id),
                         detail={"text": clean})
            return note.id

    def village_notes(self, actor: Actor) -> list[VillageNoteInfo]:
        """All village notes, open ones first, newest first within each group."""
        with self.db.read() as session:
            authorise(session, actor, Action.VIEW)
            rows = session.execute(
                select(VillageNote, User.display_name)
                .join(User, User.id == VillageNote.author_id)
                .order_by(VillageNote.resolved_at.is_not(None), VillageNote.created_at.desc(),
                          VillageNote.id.desc())).all()
            return [VillageNoteInfo(n.id, n.author_id, name, n.created_at, n.text,
                                    n.resolved_by, n.resolved_at) for n, name in rows]

    def resolve_village_note(self, actor: Actor, note_id: int) -> None:
        with self.db.write() as session:
            authorise(session, actor, Action.RESOLVE_NOTE)
            note = session.get(VillageNote, note_id)
            if note is None:
                raise E.NotFound(messages.text("programme.village_note_not_found", note_id=note_id))
            if note.resolved_at is not None:
                raise E.WorkflowError(messages.text("programme.village_note_resolved"))
            now = self.now()
            note.resolved_by, note.resolved_at = actor.id, now
            record_event(session, at=now, user_id=actor.id, action="village_note.resolve",
                         entity="village_note", entity_id=str(note.id))

    # -- visits and follow-ups -------------------------------------------------------
    def add_visit(self, actor: Actor, visit_date: date, topics: str, people_met: str,
                  follow_ups: list[tuple[str, date | None]] | None = None) -> int:
        """Record a visit that took place, with the follow-ups agreed (text, due date)."""
        with self.db.write() as session:
            authorise(session, actor, Action.MANAGE_VISITS)
            now = self.now()
            when = check_date(visit_date, messages.text("programme.label.visit_date"),
                              not_after=now.date())
            if when is None:
                raise E.InvalidInput(messages.text("programme.visit_date_required"))
            topics_label = messages.text("programme.label.visit_topic")
            met_label = messages.text("programme.label.met")
            visit = Visit(visit_date=when, topics=_clean(topics, topics_label),
                          people_met=_clean(people_met, met_label, required=False),
                          author_id=actor.id, created_at=now)
            session.add(visit)
            session.flush()
            record_event(session, at=now, user_id=actor.id, action="visit.add",
                         entity="visit", entity_id=str(visit.id),
                         detail={"date": when.isoformat(), "topics": visit.topics})
            for text, due in follow_ups or []:
                self._add_follow_up(session, actor, visit, text, due)
            return visit.id

    def add_follow_up(self, actor: Actor, visit_id: int, text: str,
                      due_date: date | None = None) -> int:
        with self.db.write() as session:
            authorise(session, actor, Action.MANAGE_VISITS)
            visit = session.get(Visit, visit_id)
            if visit is None:
                raise E.NotFound(messages.text("programme.visit_not_found", visit_id=visit_id))
            return self._add_follow_up(session, actor, visit, text, due_date)

    def _add_follow_up(self, session: Session, actor: Actor, visit: Visit, text: str,
                       due_date: date | None) -> int:
        clean = _clean(text, messages.text("programme.label.follow_up"))
        due = check_date(due_date, messages.text("programme.label.follow_up_due"))
        if due is not None and due < visit.visit_date:
            raise E.InvalidInput(messages.text("programme.follow_up_before_visit"))
        row = FollowUp(visit_id=visit.id, text=clean, due_date=due)
        session.add(row)
        session.flush()
        record_event(session, at=self.now(), user_id=actor.id, action="follow_up.add",
                     entity="follow_up", entity_id=str(row.id),
                     detail={"visit": visit.id, "text": clean,
                             "due": due.isoformat() if due else None})
        return row.id

    def mark_follow_up(self, actor: Actor, follow_up_id: int, done: bool) -> None:
        """Tick a follow-up off (or open it again); nothing happens if already so."""
        with self.db.write() as session:
            authorise(session, actor, Action.MANAGE_VISITS)
            row = session.get(FollowUp, follow_up_id)
            if row is None:
                raise E.NotFound(messages.text("programme.follow_up_not_found",
                                               follow_up_id=follow_up_id))
            if (row.done_at is not None) == done:
                return
            now = self.now()
            row.done_at, row.done_by = (now, actor.id) if done else (None, None)
            record_event(session, at=now, user_id=actor.id,
                         action="follow_up.done" if done else "follow_up.reopen",
                         entity="follow_up", entity_id=str(row.id))

    def visits(self, actor: Actor) -> list[VisitInfo]:
        """Every visit, newest first, each with its follow-ups in the order agreed."""
        with self.db.read() as session:
            authorise(session, actor, Action.VIEW)
            today = self.now().date()
            by_visit: dict[int, list[FollowUpInfo]] = {}
            for row in session.execute(select(FollowUp).order_by(FollowUp.id)).scalars():
                by_visit.setdefault(row.visit_id, []).append(_follow_up(row, today))
            return [VisitInfo(v.id, v.visit_date, v.topics, v.people_met, v.author_id,
                              v.created_at, tuple(by_visit.get(v.id, ())))
                    for v in session.execute(select(Visit).order_by(
                        Visit.visit_date.desc(), Visit.id.desc())).scalars()]

    def open_follow_ups(self, actor: Actor) -> list[FollowUpInfo]:
        """Follow-ups not done yet, soonest due first (those without a due date last)."""
        with self.db.read() as session:
            authorise(session, actor, Action.VIEW)
            today = self.now().date()
            rows = session.execute(
                select(FollowUp).where(FollowUp.done_at.is_(None))
                .order_by(FollowUp.due_date.is_(None), FollowUp.due_date, FollowUp.id)
            ).scalars()
            return [_follow_up(row, today) for row in rows]


def _follow_up(row: FollowUp, today: date) -> FollowUpInfo:
    overdue = row.done_at is None and row.due_date is not None and row.due_date < today
    return FollowUpInfo(row.id, row.visit_id, row.text, row.due_date, row.done_at,
                        row.done_by, overdue)
