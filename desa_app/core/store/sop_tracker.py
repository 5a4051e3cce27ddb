"""The SOP schedule of a year (planned and actual dates, lateness) and household targets.

Steps come from :mod:`desa_app.core.sop`; a ``sop_step`` row exists only once something
was written for it. Reading never writes: a step without a row is returned as an unsaved
default (``id`` None), so opening the screen on a read-only copy or as a viewer works and
leaves no trace. Output documents are attachments with owner ``sop_step`` (the row id).

Targets (how many households a dusun / RT should have) sit here because they are part of
planning the year's work; the home screen compares them with the records entered.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from enum import Enum
from pathlib import Path

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from desa_app.core import errors as E
from desa_app.core import sop
from desa_app.core.clock import Clock, utcnow
from desa_app.core.messages import text
from desa_app.core.store.attachments import (
    AttachmentInfo,
    authorise,
    insert_attachment,
    read_upload,
)
from desa_app.core.store.audit import record_event
from desa_app.core.store.database import Database
from desa_app.core.store.desa_cantik import check_date, jsonable
from desa_app.core.store.models import Attachment, SopStep, Target
from desa_app.core.store.users import Actor
from desa_app.core.workflow import Action

DATE_FIELDS = ("planned_start", "planned_end", "actual_start", "actual_end")
LABELS = {"planned_start": "programme.label.planned_start",
          "planned_end": "programme.label.planned_end",
          "actual_start": "programme.label.actual_start",
          "actual_end": "programme.label.actual_end"}
"""Message keys of the date fields' names, looked up when a problem is reported."""


class _Unset(Enum):
    UNSET = "unset"


UNSET = _Unset.UNSET
"""Default of ``set_dates``: leave the field as it is (None would clear it)."""


@dataclass(frozen=True)
class StepInfo:
    id: int | None  # None: nothing stored yet for this step in this year
    year: int
    key: str
    label: str
    duration: str  # standard duration as the SOP states it
    output: str  # the document that shows the step was done
    planned_start: date | None
    planned_end: date | None
    actual_start: date | None
    actual_end: date | None
    note: str
    late: bool
    days_late: int
    documents: int  # attachments stored for this step


def lateness(planned_end: date | None, actual_end: date | None, today: date) -> int:
    """Days behind plan: finished after the planned end, or unfinished after it; else 0."""
    if planned_end is None:
        return 0
    finished = actual_end if actual_end is not None else today
    return max(0, (finished - planned_end).days)


def _year(year: int) -> int:
    if not isinstance(year, int) or not 2000 <= year <= 2100:
        raise E.InvalidInput(text("programme.year_implausible", year=year))
    return year


def _step(key: str) -> sop.Step:
    try:
        return sop.step(key)
    except KeyError:
        raise E.InvalidInput(text("programme.sop_step_unknown", key=key)) from None


class SopTracker:
    def __init__(self, db: Database, clock: Clock = utcnow) -> None:
        self.db = db
        self.now = clock

    def steps(self, actor: Actor, year: int) -> list[StepInfo]:
        """Every SOP step of the year in SOP order, stored or not (nothing is written)."""
        with self.db.read() as session:
            authorise(session, actor, Action.VIEW)
            return self._steps(session, _year(year))

    def _steps(self, session: Session, year: int) -> list[StepInfo]:
        rows = {r.step: r for r in session.execute(
            select(SopStep).where(SopStep.year == year)).scalars()}
        counts = {owner: int(n) for owner, n in session.execute(
            select(Attachment.owner_id, func.count()).where(
                Attachment.owner_kind == "sop_step",
                Attachment.owner_id.in_([r.id for r in rows.values()]))
            .group_by(Attachment.owner_id)).all()}
        today = self.now().date()
        result = []
        for item in sop.STEPS:
            row = rows.get(item.key)
            start, end, done_from, done = (
                (row.planned_start, row.planned_end, row.actual_start, row.actual_end)
                if row else (None, None, None, None))
            days = lateness(end, done, today)
            result.append(StepInfo(
                row.id if row else None, year, item.key, item.label, item.duration_text,
                item.output, start, end, done_from, done, row.note if row else "",
                days > 0, days, counts.get(row.id, 0) if row else 0))
        return result

    def step(self, actor: Actor, year: int, step: str) -> StepInfo:
        key = _step(step).key
        return next(s for s in self.steps(actor, year) if s.key == key)

    @staticmethod
    def _row(session: Session, year: int, key: str) -> SopStep:
        """The step's row, created (empty) when the year has none yet: writes only."""
        row = session.execute(select(SopStep).where(
            SopStep.year == year, SopStep.step == key)).scalar_one_or_none()
        if row is None:
            row = SopStep(year=year, step=key, note="")
            session.add(row)
            session.flush()
        return row

    def plan_year(self, actor: Actor, year: int, start: date) -> list[StepInfo]:
        """Write the planned dates of every step from ``start`` (actual dates are kept)."""
        with self.db.write() as session:
            authorise(session, actor, Action.MANAGE_SOP)
            _year(year)
            if check_date(start, text("programme.label.start_date")) is None or start.year != year:
                raise E.InvalidInput(text("programme.sop_start_year", year=year))
            for item, first, last in sop.plan(start):
                row = self._row(session, year, item.key)
                row.planned_start, row.planned_end = first, last
            record_event(session, at=self.now(), user_id=actor.id, action="sop.plan",
                         entity="sop", entity_id=str(year), detail={"start": start.isoformat()})
            session.flush()
            return self._steps(session, year)

    def set_dates(self, actor: Actor, year: int, step: str, *,
                  planned_start: date | _Unset | None = UNSET,
                  planned_end: date | _Unset | None = UNSET,
                  actual_start: date | _Unset | None = UNSET,
                  actual_end: date | _Unset | None = UNSET,
                  note: str | None = None) -> StepInfo:
        """Change some dates (None clears one) or the note of one step."""
        given = {"planned_start": planned_start, "planned_end": planned_end,
                 "actual_start": actual_start, "actual_end": actual_end}
        key = _step(step).key
        with self.db.write() as session:
            authorise(session, actor, Action.MANAGE_SOP)
            _year(year)
            today = self.now().date()
            row = self._row(session, year, key)
            values: dict[str, date | None] = {f: getattr(row, f) for f in DATE_FIELDS}
            for field, value in given.items():
                if not isinstance(value, _Unset):
                    limit = today if field.startswith("actual") else None
                    values[field] = check_date(value, text(LABELS[field]), not_after=limit)
            for kind, label_key in (("planned", "programme.label.planned"),
                                    ("actual", "programme.label.actual")):
                label = text(label_key)
                first, last = values[f"{kind}_start"], values[f"{kind}_end"]
                if first is not None and last is not None and last < first:
                    raise E.InvalidInput(text("programme.sop_end_before_start", label=label))
            changed = {f: [jsonable(getattr(row, f)), jsonable(v)]
                       for f, v in values.items() if getattr(row, f) != v}
            if note is not None and note.strip() != row.note:
                changed["note"] = [row.note, note.strip()]
                row.note = note.strip()
            for field, value in values.items():
                setattr(row, field, value)
            if changed:
                record_event(session, at=self.now(), user_id=actor.id, action="sop.set",
                             entity="sop_step", entity_id=str(row.id),
                             detail={"year": year, "step": key, **changed})
            session.flush()
            return next(s for s in self._steps(session, year) if s.key == key)

    def attach_output(self, actor: Actor, year: int, step: str, path: Path) -> AttachmentInfo:
        """Attach a step's output document (creating the step's row in the same write)."""
        key = _step(step).key
        upload = read_upload(path)
        with self.db.write() as session:
            authorise(session, actor, Action.MANAGE_SOP)
            row = self._row(session, _year(year), key)
            return insert_attachment(session, actor, "sop_step", row.id, upload, self.now())


# -- targets ----------------------------------------------------------------------------
RT_RE = re.compile(r"^[0-9]{1,3}$")
MAX_HOUSEHOLDS = 100_000  # more than any village has: a larger number is a typing error


@dataclass(frozen=True)
class TargetInfo:
    id: int
    dusun: str
    rt: str  # "" = the whole dusun; otherwise three digits ("002"), as the form writes it
    households: int


def _target_key(dusun: str, rt: str) -> tuple[str, str]:
    dusun = dusun.strip() if isinstance(dusun, str) else ""
    if not dusun or len(dusun) > 120:
        raise E.InvalidInput(text("programme.target_dusun_required"))
    rt = rt.strip() if isinstance(rt, str) else "?"
    if rt and not RT_RE.match(rt):
        raise E.InvalidInput(text("programme.target_rt_format"))
    return dusun, rt.zfill(3) if rt else ""


class Targets:
    """Expected households per dusun or RT, to show progress of the data collection."""

    def __init__(self, db: Database, clock: Clock = utcnow) -> None:
        self.db = db
        self.now = clock

    def set_target(self, actor: Actor, dusun: str, rt: str, households: int) -> TargetInfo:
        """Set (or replace) the target of a dusun (rt "") or of one RT in it."""
        dusun, rt = _target_key(dusun, rt)
        if (not isinstance(households, int) or isinstance(households, bool)
                or not 0 < households <= MAX_HOUSEHOLDS):
            raise E.InvalidInput(text("programme.target_positive"))
        with self.db.write() as session:
            authorise(session, actor, Action.SET_TARGETS)
            row = session.execute(select(Target).where(
                Target.dusun == dusun, Target.rt == rt)).scalar_one_or_none()
            before = row.households if row else None
            if row is None:
                row = Target(dusun=dusun, rt=rt, households=households)
                session.add(row)
            row.households = households
            session.flush()
            if before != households:
                record_event(session, at=self.now(), user_id=actor.id, action="target.set",
                             entity="target", entity_id=str(row.id),
                             detail={"dusun": dusun, "rt": rt, "households": households,
                                     "before": before})
            return TargetInfo(row.id, row.dusun, row.rt, row.households)

    def remove_target(self, actor: Actor, dusun: str, rt: str) -> None:
        dusun, rt = _target_key(dusun, rt)
        with self.db.write() as session:
            authorise(session, actor, Action.SET_TARGETS)
            row = session.execute(select(Target).where(
                Target.dusun == dusun, Target.rt == rt)).scalar_one_or_none()
            if row is None:
                where = f"{dusun} RT {rt}" if rt else dusun
                raise E.NotFound(text("programme.target_not_found", where=where))
            record_event(session, at=self.now(), user_id=actor.id, action="target.remove",
                         entity="target", entity_id=str(row.id),
                         detail={"dusun": dusun, "rt": rt, "households": row.households})
            session.delete(row)

    def targets(self, actor: Actor) -> list[TargetInfo]:
        """All targets by dusun, the whole-dusun one first, then its RTs."""
        with self.db.read() as session:
            authorise(session, actor, Action.VIEW)
            return [TargetInfo(r.id, r.dusun, r.rt, r.households) for r in session.execute(
                select(Target).order_by(Target.dusun, Target.rt)).scalars()]
