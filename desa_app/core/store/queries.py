"""Read-only queries for lists and search: one page at a time, never whole tables.

Name search uses SQLite's FTS5 index (prefix match on every word); on other databases a
plain ``LIKE``. NIK and No. KK prefixes use range conditions, which any B-tree index
serves.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import Select, case, func, select, text
from sqlalchemy.orm import Session

from desa_app.core.store import sqlite
from desa_app.core.store.database import Database
from desa_app.core.store.models import Person, Record, User
from desa_app.core.store.users import Actor, current_user
from desa_app.core.workflow import Action, Status, require

ORDERS: dict[str, Any] = {
    "nama_kk": Record.nama_kk, "no_kk": Record.no_kk, "updated_at": Record.updated_at,
    "dusun": Record.dusun, "rt": Record.rt, "rw": Record.rw, "status": Record.status,
    "member_count": Record.member_count,
}


@dataclass(frozen=True)
class RecordRow:
    id: str
    status: Status
    no_kk: str | None
    nama_kk: str | None
    dusun: str | None
    rt: str | None
    rw: str | None
    member_count: int
    error_count: int | None
    warning_count: int | None
    revision: int
    updated_at: datetime
    updated_by: str = ""  # display name of who last changed it


@dataclass(frozen=True)
class Page:
    rows: list[RecordRow]
    total: int
    offset: int


@dataclass(frozen=True)
class PersonHit:
    record_id: str
    position: int
    nik: str | None
    name: str | None
    sex: str | None
    birth_date: str | None
    nama_kk: str | None
    status: Status


@dataclass(frozen=True)
class IdentityHit:
    """A live household that already holds a NIK or No. KK (live warnings while typing)."""

    record_id: str
    no_kk: str | None
    nama_kk: str | None  # the head's name as the household list shows it
    dusun: str | None
    rt: str | None
    rw: str | None
    status: Status
    member: int | None = None
    """NIK hits: which member holds it, 1-based (``anggota ke-N``, the position in the
    roster; not the typed 2.1.1 nomor urut). None for No. KK hits."""
    member_name: str | None = None  # NIK hits: that member's name


def prefix_range(column: Any, prefix: str) -> Any:
    """``column LIKE 'prefix%'`` as a range, which uses the index on every database."""
    upper = prefix[:-1] + chr(ord(prefix[-1]) + 1)
    return (column >= prefix) & (column < upper)


HOUSEHOLD = "household"
"""The household list and its counts; village-level records live on the Profil page."""


class Queries:
    def __init__(self, db: Database) -> None:
        self.db = db

    def page(self, actor: Actor, *, status: Status | str | None = None,
             dusun: str | None = None, rt: str | None = None, rw: str | None = None,
             no_kk_prefix: str | None = None, search: str | None = None,
             deleted: bool = False, order: str = "nama_kk", descending: bool = False,
             returned_first: bool = False, mine: bool = False, offset: int = 0,
             limit: int = 100) -> Page:
        """One page of households. ``search``: digits match the start of the No. KK or of
        any member's NIK; words match the start of any member's name (or the head's).
        ``mine``: only the records the actor created (an Agen's own households)."""
        with self.db.read() as session:
            require(current_user(session, actor).role, Action.VIEW)
            query: Select[Any] = select(Record).where(Record.deleted.is_(deleted),
                                                      Record.kind == HOUSEHOLD)
            if status is not None:
                query = query.where(Record.status == Status(status).value)
            for column, value in ((Record.dusun, dusun), (Record.rt, rt), (Record.rw, rw)):
                if value:
                    query = query.where(column == value)
            if no_kk_prefix:
                query = query.where(prefix_range(Record.no_kk, no_kk_prefix))
            if mine:
                query = query.where(Record.created_by == actor.id)
            if search and search.strip():
                matching = self._matching_records(session, search.strip())
                if matching is not None:
                    query = query.where(Record.id.in_(matching))
            total = session.execute(
                select(func.count()).select_from(query.subquery())).scalar_one()
            column = ORDERS.get(order, Record.nama_kk)
            sort = column.desc() if descending else column
            # an enumerator's corrections come first: returned records need them
            first = case((Record.status == Status.RETURNED.value, 0), else_=1)
            orders = (first, sort, Record.id) if returned_first else (sort, Record.id)
            rows = session.execute(
                query.with_only_columns(
                    Record.id, Record.status, Record.no_kk, Record.nama_kk, Record.dusun,
                    Record.rt, Record.rw, Record.member_count, Record.error_count,
                    Record.warning_count, Record.revision, Record.updated_at, User.display_name)
                .join(User, User.id == Record.updated_by)
                .order_by(*orders).offset(offset).limit(limit)
            ).all()
        return Page([
            RecordRow(id=r[0], status=Status(r[1]), no_kk=r[2], nama_kk=r[3], dusun=r[4],
                      rt=r[5], rw=r[6], member_count=r[7], error_count=r[8],
                      warning_count=r[9], revision=r[10], updated_at=r[11], updated_by=r[12])
            for r in rows
        ], total, offset)

    def _matching_records(self, session: Session, text: str) -> Any:
        """Record ids whose No. KK, a member's NIK or a member's name starts with ``text``."""
        if text.isdigit():
            by_nik = select(Person.record_id).where(prefix_range(Person.nik, text))
            by_kk = select(Record.id).where(prefix_range(Record.no_kk, text))
            return by_nik.union(by_kk)
        ids = self._name_matches(session, text, 500)
        by_name = select(Person.record_id).where(Person.id.in_(ids))
        return by_name.union(select(Record.id).where(Record.nama_kk.ilike(f"{text}%")))

    def dusun_names(self, actor: Actor) -> list[str]:
        """The dusun present in the village's records, for the list's filter."""
        with self.db.read() as session:
            require(current_user(session, actor).role, Action.VIEW)
            return [d for d in session.execute(
                select(Record.dusun).where(Record.deleted.is_(False), Record.kind == HOUSEHOLD,
                                           Record.dusun.is_not(None))
                .distinct().order_by(Record.dusun)).scalars() if d]

    def status_counts(self, actor: Actor) -> dict[Status, int]:
        with self.db.read() as session:
            require(current_user(session, actor).role, Action.VIEW)
            rows = session.execute(
                select(Record.status, func.count())
                .where(Record.deleted.is_(False), Record.kind == HOUSEHOLD)
                .group_by(Record.status)).all()
        counts = {status: 0 for status in Status}
        counts.update({Status(s): n for s, n in rows})
        return counts

    def search_people(self, actor: Actor, query: str, limit: int = 50) -> list[PersonHit]:
        """Digits: NIK prefix. Words: every word a name prefix (``sit ami`` finds Siti Aminah)."""
        query = query.strip()
        if not query:
            return []
        with self.db.read() as session:
            require(current_user(session, actor).role, Action.VIEW)
            if query.isdigit():
                # a few more than asked: hits in deleted records are dropped below
                people = session.execute(
                    _people().where(prefix_range(Person.nik, query)).order_by(Person.nik)
                    .limit(limit * 2)).all()
            else:
                ids = self._name_matches(session, query, limit * 2)
                rank = {person_id: i for i, person_id in enumerate(ids)}
                people = sorted(
                    session.execute(_people().where(Person.id.in_(ids))).all() if ids else [],
                    key=lambda row: rank[row[0]])
            return _with_records(session, people)[:limit]

    @staticmethod
    def _name_matches(session: Session, query: str, limit: int) -> list[int]:
        if session.get_bind().dialect.name == "sqlite":
            match = sqlite.fts_query(query)
            if match is None:
                return []
            return list(session.execute(
                text(sqlite.PERSON_NAME_SEARCH), {"query": match, "limit": limit}).scalars())
        words = query.split()
        condition = [Person.name.ilike(f"%{word}%") for word in words]
        return list(session.execute(
            select(Person.id).where(*condition).limit(limit)).scalars())

    def duplicate_niks(self, actor: Actor) -> dict[str, list[PersonHit]]:
        """Every NIK held by more than one member among the village's live records."""
        with self.db.read() as session:
            require(current_user(session, actor).role, Action.VIEW)
            live = Record.deleted.is_(False)
            repeated = (
                select(Person.nik).join(Record, Record.id == Person.record_id)
                .where(live, Person.nik.is_not(None)).group_by(Person.nik)
                .having(func.count() > 1)
            )
            people = session.execute(
                _people().where(Person.nik.in_(repeated)).order_by(Person.nik)).all()
            hits = _with_records(session, people)
        found: dict[str, list[PersonHit]] = {}
        for hit in hits:
            found.setdefault(str(hit.nik), []).append(hit)
        return {nik: group for nik, group in found.items() if len(group) > 1}

    # -- identity lookups (live warnings while typing) ---------------------------------
    def households_with_nik(self, actor: Actor, nik: str,
                            exclude_record_id: str | None) -> list[IdentityHit]:
        """Live (not deleted) households with a member whose NIK is exactly ``nik``
        (surrounding blanks ignored), except ``exclude_record_id`` (the record being
        edited); one hit per member, in No. KK order. Blank ``nik``: no hits."""
        nik = nik.strip() if isinstance(nik, str) else ""
        with self.db.read() as session:
            require(current_user(session, actor).role, Action.VIEW)
            if not nik:
                return []
            # person by the NIK index, then its records by primary key (see _with_records)
            people = session.execute(
                select(Person.record_id, Person.position, Person.name)
                .where(Person.nik == nik)).all()
            records = _live_households(session, {row[0] for row in people}, exclude_record_id)
            hits = [_identity(records[record_id], position + 1, name)
                    for record_id, position, name in people if record_id in records]
        return sorted(hits, key=_identity_order)

    def households_with_no_kk(self, actor: Actor, no_kk: str,
                              exclude_record_id: str | None) -> list[IdentityHit]:
        """Live (not deleted) households whose No. KK is exactly ``no_kk`` (surrounding
        blanks ignored), except ``exclude_record_id``. Blank ``no_kk``: no hits."""
        no_kk = no_kk.strip() if isinstance(no_kk, str) else ""
        with self.db.read() as session:
            require(current_user(session, actor).role, Action.VIEW)
            if not no_kk:
                return []
            query = select(*_IDENTITY_COLUMNS).where(
                Record.no_kk == no_kk, Record.deleted.is_(False), Record.kind == HOUSEHOLD)
            if exclude_record_id is not None:
                query = query.where(Record.id != exclude_record_id)
            hits = [_identity(row) for row in session.execute(query).all()]
        return sorted(hits, key=_identity_order)


_IDENTITY_COLUMNS = (Record.id, Record.no_kk, Record.nama_kk, Record.dusun, Record.rt,
                     Record.rw, Record.status)


def _live_households(session: Session, record_ids: set[str],
                     exclude_record_id: str | None) -> dict[str, Any]:
    """Rows (``_IDENTITY_COLUMNS``) of the live household records among ``record_ids``."""
    record_ids.discard(exclude_record_id or "")
    if not record_ids:
        return {}
    rows = session.execute(select(*_IDENTITY_COLUMNS).where(
        Record.id.in_(record_ids), Record.deleted.is_(False), Record.kind == HOUSEHOLD)).all()
    return {row[0]: row for row in rows}


def _identity(row: Any, member: int | None = None, name: str | None = None) -> IdentityHit:
    return IdentityHit(record_id=row[0], no_kk=row[1], nama_kk=row[2], dusun=row[3],
                       rt=row[4], rw=row[5], status=Status(row[6]), member=member,
                       member_name=name)


def _identity_order(hit: IdentityHit) -> tuple[str, str, int]:
    return (hit.no_kk or "", hit.record_id, hit.member or 0)


def _people() -> Any:
    return select(Person.id, Person.record_id, Person.position, Person.nik, Person.name,
                  Person.sex, Person.birth_date)


def _with_records(session: Session, people: Sequence[Any]) -> list[PersonHit]:
    """Attach each person's household, dropping deleted records.

    Two index lookups instead of one join: with a join SQLite's planner may walk the
    record list first (before ANALYZE has statistics), which is 50x slower.
    """
    record_ids = {row[1] for row in people}
    if not record_ids:
        return []
    records = {
        row[0]: row for row in session.execute(
            select(Record.id, Record.nama_kk, Record.status, Record.deleted)
            .where(Record.id.in_(record_ids))).all()
    }
    hits = []
    for row in people:
        record = records.get(row[1])
        if record is None or record[3]:
            continue
        hits.append(PersonHit(record_id=row[1], position=row[2], nik=row[3], name=row[4],
                              sex=row[5], birth_date=row[6], nama_kk=record[1],
                              status=Status(record[2])))
    return hits
