"""The figures on Beranda: how far the data collection is, and who lives in the village.

Read-only, like :mod:`queries`: each method checks that the actor may view data, reads in
one session (one consistent snapshot) and returns plain frozen dataclasses, never ORM
objects, so the GUI can compute them in a background thread and draw them later.

Only live (not deleted) household records count (``kind = "household"``); village-level
instruments have their own periods and would distort household progress.

Times in the database are UTC; weeks are counted in the reader's local time (the zone
passed as ``zone``, else the computer's own zone), because "this week" is the official's
week. A verification at 06:00 WIB on a Monday belongs to that Monday's week.
"""

from __future__ import annotations

import json
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta, tzinfo
from typing import Any

from sqlalchemy import Text, func, select, type_coerce
from sqlalchemy.orm import Session

from desa_app.core.clock import Clock, utcnow
from desa_app.core.store.database import Database
from desa_app.core.store.models import AuditEvent, Person, Record, Target
from desa_app.core.store.users import Actor, current_user
from desa_app.core.workflow import Action, Status, require

WEEKS = 12
"""How many ISO weeks the weekly series cover (this week and the eleven before it)."""
AGE_STEP = 5
OLDEST_GROUP = 75
"""The pyramid's groups: 0–4, 5–9, …, 70–74 and 75 and older."""
MALE, FEMALE = "1", "2"
"""Jenis kelamin as the DDK stores it (paper codes; the website's 0/1 apply on export)."""
HOUSEHOLD_FORM = "ddk"
BREAKDOWN_QUESTIONS = ("pendidikan", "pekerjaan")
"""Member questions counted on Beranda. Neither has a relevance condition in the DDK, so
the stored answer is the answer the form shows (no evaluation of the record is needed)."""
DONE = (Status.VERIFIED.value, Status.ENTERED.value)
"""Records whose data counts as final: population figures come only from these."""


# -- results ---------------------------------------------------------------------------

@dataclass(frozen=True)
class RtProgress:
    dusun: str  # "" when the households did not fill it in
    rt: str  # as the records store it ("002"); "" when not filled in
    recorded: int  # live household records, any status
    done: int  # of those, verified or entered into Prodeskel
    target: int | None  # households expected (from ``target``), None when not set


@dataclass(frozen=True)
class DusunProgress:
    dusun: str  # "" for households without a dusun
    recorded: int
    done: int
    target: int | None
    rts: tuple[RtProgress, ...]


@dataclass(frozen=True)
class WeekCount:
    year: int  # ISO year
    week: int  # ISO week number
    start: date  # its Monday
    count: int


@dataclass(frozen=True)
class ReturnedRecord:
    record_id: str
    nama_kk: str | None  # kepala keluarga
    no_kk: str | None
    since: datetime  # UTC: the latest time it was returned (record.return event)


@dataclass(frozen=True)
class Progress:
    today: date  # local date the figures were computed for
    by_status: Mapping[Status, int]  # every status, zero included
    total: int
    target: int | None  # sum of the dusun targets; None when no target is set
    dusun: tuple[DusunProgress, ...]  # by name, households without a dusun last
    returned_waiting: int
    oldest_returned: ReturnedRecord | None
    verified_weekly: tuple[WeekCount, ...]  # oldest week first, this week last
    entered: int
    entered_weekly: tuple[WeekCount, ...]  # by ``entered_on``, same weeks


@dataclass(frozen=True)
class AgeGroup:
    low: int
    high: int | None  # None: "and older" (the last group)
    male: int
    female: int

    @property
    def label(self) -> str:
        return f"{self.low}+" if self.high is None else f"{self.low}–{self.high}"


@dataclass(frozen=True)
class CodeCount:
    code: str
    label: str  # the definition's label; the code itself if the list does not have it
    count: int


@dataclass(frozen=True)
class Breakdown:
    question: str
    items: tuple[CodeCount, ...]  # most frequent first, then in list order
    unanswered: int


@dataclass(frozen=True)
class Population:
    """Residents of verified and entered households only (final data)."""

    on: date  # ages are completed years on this date
    kk: int  # households (records)
    penduduk: int  # members (one ``person`` row each)
    male: int
    female: int
    pyramid: tuple[AgeGroup, ...]  # youngest first
    age_unknown: int  # birth date missing, malformed or after ``on`` (any sex)
    sex_unknown: int  # age known, sex neither male nor female
    breakdowns: Mapping[str, Breakdown]  # by question: "pendidikan", "pekerjaan"

    @property
    def pendidikan(self) -> Breakdown:
        return self.breakdowns["pendidikan"]

    @property
    def pekerjaan(self) -> Breakdown:
        return self.breakdowns["pekerjaan"]


# -- helpers ---------------------------------------------------------------------------

def local_date(moment: datetime, zone: tzinfo | None) -> date:
    """The reader's date of a stored (naive UTC) time; ``zone`` None = this computer's."""
    return moment.replace(tzinfo=UTC).astimezone(zone).date()


def week_start(day: date) -> date:
    return day - timedelta(days=day.weekday())


def age_on(birth_date: str | None, on: date) -> int | None:
    """Completed years on ``on``; None if the date is missing, malformed or later."""
    if not birth_date or len(birth_date) != 10:
        return None
    try:
        born = date.fromisoformat(birth_date)
    except ValueError:
        return None
    if born > on:
        return None
    return on.year - born.year - ((on.month, on.day) < (born.month, born.day))


def rt_key(rt: str | None) -> str:
    """RT as the records store it: digits padded to three ("2" → "002"), else as typed.

    Targets typed elsewhere as "2" or "02" still meet the households of RT 002."""
    text = (rt or "").strip()
    return text.zfill(3) if text.isdigit() and len(text) < 3 else text


def _weeks(today: date, counts: Mapping[date, int]) -> tuple[WeekCount, ...]:
    first = week_start(today) - timedelta(weeks=WEEKS - 1)
    series = []
    for n in range(WEEKS):
        start = first + timedelta(weeks=n)
        year, week, _ = start.isocalendar()
        series.append(WeekCount(year, week, start, counts.get(start, 0)))
    return tuple(series)


def _sort_name(name: str) -> tuple[bool, str]:
    return (name == "", name.casefold())


# -- the service -----------------------------------------------------------------------

class Dashboard:
    def __init__(self, db: Database, clock: Clock = utcnow) -> None:
        self.db = db
        self.now = clock

    def progress(self, actor: Actor, *, zone: tzinfo | None = None) -> Progress:
        """Counts by status, progress per dusun and RT, returned and weekly work.

        Targets: an RT's target is its row in ``target`` (``rt`` given). A dusun's target
        is its own row (``rt = ""``) when there is one; otherwise the sum of its RT targets
        when only RT targets exist; otherwise None. The village target is the sum of the
        dusun targets that are known. Dusun names must match exactly (spaces at either end
        ignored); RT numbers match after padding ("2" = "002"). RW is not part of a target,
        so households of RT 001 in two RWs of one dusun count towards the same RT line.

        Verified per week counts each record once in a week even when it was verified
        twice (returned and verified again), from the ``record.verify`` audit events of
        records still live. Entered per week uses the record's ``entered_on`` date.
        """
        today = local_date(self.now(), zone)
        with self.db.read() as session:
            require(current_user(session, actor).role, Action.VIEW)
            live = (Record.deleted.is_(False), Record.kind == "household")
            by_status = {status: 0 for status in Status}
            areas: dict[tuple[str, str], list[int]] = defaultdict(lambda: [0, 0])
            for dusun, rt, status, count in session.execute(
                    select(Record.dusun, Record.rt, Record.status, func.count())
                    .where(*live).group_by(Record.dusun, Record.rt, Record.status)):
                by_status[Status(status)] += count
                area = areas[((dusun or "").strip(), rt_key(rt))]
                area[0] += count
                if status in DONE:
                    area[1] += count
            targets = [(d.strip(), rt_key(r), n) for d, r, n in session.execute(
                select(Target.dusun, Target.rt, Target.households))]
            returned = self._returned(session, live)
            oldest = returned[0] if returned else None
            first = week_start(today) - timedelta(weeks=WEEKS - 1)
            verified: dict[date, set[str]] = defaultdict(set)
            for record_id, at in session.execute(
                    select(AuditEvent.entity_id, AuditEvent.at)
                    .join(Record, Record.id == AuditEvent.entity_id)
                    .where(AuditEvent.action == "record.verify",
                           AuditEvent.at >= datetime.combine(first, datetime.min.time())
                           - timedelta(days=1), *live)):
                verified[week_start(local_date(at, zone))].add(record_id)
            entered_days = session.execute(
                select(Record.entered_on, func.count())
                .where(*live, Record.status == Status.ENTERED.value,
                       Record.entered_on >= first)
                .group_by(Record.entered_on)).all()
        entered_weeks: Counter[date] = Counter()
        for day, count in entered_days:
            if day is not None:
                entered_weeks[week_start(day)] += count
        per_dusun = _dusun_progress(areas, targets)
        known = [d.target for d in per_dusun if d.target is not None]
        return Progress(
            today=today, by_status=by_status, total=sum(by_status.values()),
            target=sum(known) if known else None, dusun=per_dusun,
            returned_waiting=by_status[Status.RETURNED], oldest_returned=oldest,
            verified_weekly=_weeks(today, {w: len(ids) for w, ids in verified.items()}),
            entered=by_status[Status.ENTERED], entered_weekly=_weeks(today, entered_weeks),
        )

    @staticmethod
    def _returned(session: Session, live: tuple[Any, ...]) -> list[ReturnedRecord]:
        """Returned records, the longest waiting first (latest return event of each; the
        last change for a record without one, e.g. imported as returned)."""
        latest = (select(AuditEvent.entity_id.label("record_id"),
                         func.max(AuditEvent.at).label("at"))
                  .where(AuditEvent.action == "record.return")
                  .group_by(AuditEvent.entity_id).subquery())
        rows = session.execute(
            select(Record.id, Record.nama_kk, Record.no_kk, Record.updated_at, latest.c.at)
            .outerjoin(latest, latest.c.record_id == Record.id)
            .where(*live, Record.status == Status.RETURNED.value)).all()
        found = [ReturnedRecord(record_id, nama, no_kk, at or updated)
                 for record_id, nama, no_kk, updated, at in rows]
        return sorted(found, key=lambda r: (r.since, r.record_id))

    def population(self, actor: Actor, on: date, *, language: str = "") -> Population:
        """Pyramid, penduduk, KK, pendidikan and pekerjaan of verified/entered households.

        Ages come from the ``person`` rows (birth date, sex); pendidikan and pekerjaan
        from each record's answers, read once per call (one JSON parse per household).
        ``language`` picks the labels ("" = the definition's default, Indonesian).
        """
        from desa_app.core.instrument.registry import get_instrument

        instrument = get_instrument(HOUSEHOLD_FORM)
        repeat = (instrument.settings.get("person_index") or {}).get("repeat", "anggota")
        with self.db.read() as session:
            require(current_user(session, actor).role, Action.VIEW)
            final = (Record.deleted.is_(False), Record.kind == "household",
                     Record.status.in_(DONE))
            people = session.execute(
                select(Person.sex, Person.birth_date)
                .join(Record, Record.id == Person.record_id).where(*final)).all()
            # raw text: one json.loads per household, here rather than in the ORM
            answers = session.execute(
                select(type_coerce(Record.answers, Text)).where(*final)).scalars().all()
        groups = OLDEST_GROUP // AGE_STEP + 1
        male, female = [0] * groups, [0] * groups
        age_unknown = sex_unknown = 0
        ages: dict[str | None, int | None] = {}
        for sex, birth in people:
            if birth not in ages:
                ages[birth] = age_on(birth, on)
            age = ages[birth]
            if age is None:
                age_unknown += 1
                continue
            group = min(age // AGE_STEP, groups - 1)
            if sex == MALE:
                male[group] += 1
            elif sex == FEMALE:
                female[group] += 1
            else:
                sex_unknown += 1
        pyramid = tuple(
            AgeGroup(n * AGE_STEP, None if n == groups - 1 else n * AGE_STEP + AGE_STEP - 1,
                     male[n], female[n])
            for n in range(groups))
        counters = {question: Counter[str]() for question in BREAKDOWN_QUESTIONS}
        for text in answers:
            members = json.loads(text).get(repeat) if text else None
            if not isinstance(members, list):
                continue
            for member in members:
                if isinstance(member, dict):
                    for question, counter in counters.items():
                        counter[_code(member.get(question))] += 1
        breakdowns = {q: _breakdown(instrument, q, c, language) for q, c in counters.items()}
        return Population(
            on=on, kk=len(answers), penduduk=len(people),
            male=sum(1 for sex, _ in people if sex == MALE),
            female=sum(1 for sex, _ in people if sex == FEMALE),
            pyramid=pyramid, age_unknown=age_unknown, sex_unknown=sex_unknown,
            breakdowns=breakdowns,
        )


def _code(value: Any) -> str:
    """A select_one answer as its code ("" when unanswered)."""
    if value is None or isinstance(value, dict | list):
        return ""
    return str(value).strip()


def _breakdown(instrument: Any, question: str, counter: Counter[str],
               language: str) -> Breakdown:
    choices = instrument.choices_of(instrument.field(question))
    order = {c.name: i for i, c in enumerate(choices.choices)} if choices else {}
    unanswered = counter.pop("", 0)
    items = sorted(counter.items(), key=lambda item: (-item[1], order.get(item[0], len(order)),
                                                       item[0]))
    return Breakdown(question, tuple(
        CodeCount(code, choices.label(code, language) if choices else code, count)
        for code, count in items), unanswered)


def _counts(areas: Mapping[tuple[str, str], list[int]], dusun: str,
            rt: str) -> tuple[int, int]:
    recorded, done = areas.get((dusun, rt), (0, 0))
    return recorded, done


def _dusun_progress(areas: Mapping[tuple[str, str], list[int]],
                    targets: Iterable[tuple[str, str, int]]) -> tuple[DusunProgress, ...]:
    dusun_targets: dict[str, int] = {}
    rt_targets: dict[tuple[str, str], int] = {}
    for dusun, rt, households in targets:
        if rt:
            rt_targets[(dusun, rt)] = rt_targets.get((dusun, rt), 0) + households
        else:
            dusun_targets[dusun] = dusun_targets.get(dusun, 0) + households
    keys = set(areas) | set(rt_targets)
    names = {dusun for dusun, _ in keys} | set(dusun_targets)
    result = []
    for name in sorted(names, key=_sort_name):
        rts = tuple(
            RtProgress(name, rt, *_counts(areas, name, rt), rt_targets.get((name, rt)))
            for rt in sorted((rt for dusun, rt in keys if dusun == name), key=_sort_name))
        own = dusun_targets.get(name)
        summed = [r.target for r in rts if r.target is not None]
        target = own if own is not None else (sum(summed) if summed else None)
        result.append(DusunProgress(name, sum(r.recorded for r in rts),
                                    sum(r.done for r in rts), target, rts))
    return tuple(result)
