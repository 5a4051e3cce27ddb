"""Desa Cantik: the register of Agen Statistik, the programme's rules, activities, attachments.

Same pattern as :mod:`service`: one transaction per call, the permission checked in core,
an audit event beside every change. Public methods return frozen dataclasses, never ORM
rows, so a screen cannot change the database by accident.

Agents are *removed* for real (``remove_agent``): the register is a list typed from the
Kepala Desa's SK, a row removed is a typing mistake, and the audit event keeps every
field of it. An agent who stops serving is not removed but given ``active_to``: the rules
then stop counting them from that day while past dates stay correct.

Attachments (photos, PDFs) live inside the village file so that every backup carries
them; each is stored with its SHA-256, which is checked again on every read.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any, TypedDict, Unpack

from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session

from desa_app.core import errors as E
from desa_app.core.clock import Clock, utcnow
from desa_app.core.messages import text
from desa_app.core.store.attachments import (
    AttachmentMethods,
    authorise,
)
from desa_app.core.store.audit import record_event
from desa_app.core.store.database import Database
from desa_app.core.store.models import (
    ACTIVITY_KINDS,
    AGENT_KINDS,
    Activity,
    Agent,
    Attachment,
)
from desa_app.core.store.users import Actor
from desa_app.core.workflow import Action, Role

APARAT_KINDS = frozenset({"kaur", "kasi", "staf"})  # perangkat desa; "mitra" is not
EARLIEST = date(2000, 1, 1)  # Desa Cantik began in 2021: an older date is a typing error


def jsonable(value: Any) -> Any:
    """Dates as ISO text, so audit details stay plain JSON."""
    return value.isoformat() if isinstance(value, date) else value


def check_date(value: object, label: str, *, not_after: date | None = None) -> date | None:
    """A date (or None) that a person could really have meant; InvalidInput otherwise."""
    if value is None:
        return None
    if not isinstance(value, date) or isinstance(value, datetime):
        raise E.InvalidInput(text("programme.date_required_type", label=label))
    if value < EARLIEST:
        raise E.InvalidInput(text("programme.date_implausible", label=label, value=value))
    if not_after is not None and value > not_after:
        raise E.InvalidInput(text("programme.date_after_today", label=label, not_after=not_after))
    return value


def _text(value: object, label: str, limit: int, required: bool = False) -> str:
    if not isinstance(value, str):
        raise E.InvalidInput(text("programme.text_type", label=label))
    value = value.strip()
    if required and not value:
        raise E.InvalidInput(text("programme.text_required", label=label))
    if len(value) > limit:
        raise E.InvalidInput(text("programme.text_too_long", label=label, limit=limit))
    return value


# -- agents ------------------------------------------------------------------------------
class AgentExtras(TypedDict, total=False):
    """The optional columns of an agent (keyword arguments of ``add_agent``)."""

    position: str
    experience: str
    it_competence: str
    sk_number: str
    sk_date: date | None
    training: str
    active_from: date | None
    active_to: date | None


class AgentChanges(AgentExtras, total=False):
    """Any column of an agent (keyword arguments of ``update_agent``)."""

    name: str
    kind: str


# field: (message key of its label, longest length); labels are looked up when a problem
# is reported, so they follow the language chosen at that moment
AGENT_TEXTS = {"name": ("programme.label.agent_name", 120),
               "kind": ("programme.label.agent_kind", 8),
               "position": ("programme.label.position", 120),
               "experience": ("programme.label.experience", 2000),
               "it_competence": ("programme.label.it_competence", 120),
               "sk_number": ("programme.label.sk_number", 120),
               "training": ("programme.label.training", 2000)}
AGENT_DATES = {"sk_date": "programme.label.sk_date", "active_from": "programme.label.active_from",
               "active_to": "programme.label.active_until"}


@dataclass(frozen=True)
class AgentInfo:
    id: int
    name: str
    position: str
    kind: str
    experience: str
    it_competence: str
    sk_number: str
    sk_date: date | None
    training: str
    active_from: date | None
    active_to: date | None

    @property
    def aparat(self) -> bool:
        return self.kind in APARAT_KINDS

    def active_on(self, day: date) -> bool:
        return ((self.active_from is None or self.active_from <= day)
                and (self.active_to is None or day <= self.active_to))


def _agent(row: Agent) -> AgentInfo:
    return AgentInfo(row.id, row.name, row.position, row.kind, row.experience,
                     row.it_competence, row.sk_number, row.sk_date, row.training,
                     row.active_from, row.active_to)


def _check_agent(values: dict[str, Any], today: date) -> dict[str, Any]:
    """Cleaned values of a whole agent; InvalidInput with the first problem found."""
    unknown = set(values) - set(AGENT_TEXTS) - set(AGENT_DATES)
    if unknown:
        raise TypeError(f"unknown agent fields: {sorted(unknown)}")
    clean: dict[str, Any] = {}
    for key, (label, limit) in AGENT_TEXTS.items():
        clean[key] = _text(values.get(key, ""), text(label), limit, key in ("name", "kind"))
    if clean["kind"] not in AGENT_KINDS:
        raise E.InvalidInput(text("programme.agent_kind_unknown", kind=clean["kind"],
                                  kinds=", ".join(AGENT_KINDS)))
    for key, label in AGENT_DATES.items():
        clean[key] = check_date(values.get(key), text(label),
                                not_after=today if key == "sk_date" else None)
    start, end = clean["active_from"], clean["active_to"]
    if start is not None and end is not None and end < start:
        raise E.InvalidInput(text("programme.agent_end_before_start"))
    return clean


@dataclass(frozen=True)
class RuleResult:
    """One programme rule, held or not, with a sentence to show beside a green/red mark."""

    code: str
    ok: bool
    message: str


def agent_rules_for(agents: list[AgentInfo], on: date) -> list[RuleResult]:
    """The Desa Cantik rules on the agents active on ``on`` (both results, always)."""
    active = [a for a in agents if a.active_on(on)]
    by_sk: dict[str, list[AgentInfo]] = defaultdict(list)
    for agent in active:
        if agent.sk_number:
            by_sk[agent.sk_number].append(agent)
    several = [sk for sk, named in by_sk.items() if len(named) >= 2]
    missing = [a.name for a in active if not a.sk_number]
    if several:
        sk_rule = RuleResult("sk_banyak_agen", True,
                             text("programme.rule_sk_one_agent_count",
                                  sk=several[0], count=len(by_sk[several[0]])))
    elif not active:
        sk_rule = RuleResult("sk_banyak_agen", False,
                             text("programme.rule_no_active_agent"))
    elif missing:
        sk_rule = RuleResult("sk_banyak_agen", False,
                             text("programme.rule_sk_missing", names=", ".join(missing)))
    else:
        sk_rule = RuleResult("sk_banyak_agen", False,
                             text("programme.rule_sk_several_agents"))
    aparat = [a.name for a in active if a.aparat]
    aparat_rule = (
        RuleResult("ada_aparat", True, "Aparat desa/kelurahan di antara agen: "
                   + ", ".join(aparat) + ".") if aparat else
        RuleResult("ada_aparat", False, text("programme.rule_need_aparat")))
    return [sk_rule, aparat_rule]


# -- activities and attachments -----------------------------------------------------------
@dataclass(frozen=True)
class ActivityInfo:
    id: int
    activity_date: date
    kind: str
    participants: str
    place: str
    summary: str
    author_id: int
    created_at: datetime
    attachments: int


class DesaCantik(AttachmentMethods):
    def __init__(self, db: Database, clock: Clock = utcnow) -> None:
        self.db = db
        self.now = clock

    # -- agents ----------------------------------------------------------------------
    def add_agent(self, actor: Actor, name: str, kind: str,
                  **fields: Unpack[AgentExtras]) -> AgentInfo:
        with self.db.write() as session:
            authorise(session, actor, Action.MANAGE_AGENTS)
            now = self.now()
            clean = _check_agent({**fields, "name": name, "kind": kind}, now.date())
            row = Agent(created_at=now, **clean)
            session.add(row)
            session.flush()
            record_event(session, at=now, user_id=actor.id, action="agent.add", entity="agent",
                         entity_id=str(row.id),
                         detail={k: jsonable(v) for k, v in clean.items()})
            return _agent(row)

    def update_agent(self, actor: Actor, agent_id: int,
                     **fields: Unpack[AgentChanges]) -> AgentInfo:
        """Change some fields; the whole agent is checked again (e.g. dates against each other)."""
        with self.db.write() as session:
            authorise(session, actor, Action.MANAGE_AGENTS)
            row = self._agent_row(session, agent_id)
            now = self.now()
            old = {k: getattr(row, k) for k in (*AGENT_TEXTS, *AGENT_DATES)}
            clean = _check_agent({**old, **fields}, now.date())
            changed = {k: [jsonable(old[k]), jsonable(v)] for k, v in clean.items()
                       if v != old[k]}
            if changed:
                for key, value in clean.items():
                    setattr(row, key, value)
                record_event(session, at=now, user_id=actor.id, action="agent.update",
                             entity="agent", entity_id=str(row.id), detail=changed)
            return _agent(row)

    def remove_agent(self, actor: Actor, agent_id: int) -> None:
        """Delete a mistyped agent (an agent who left gets ``active_to`` instead)."""
        with self.db.write() as session:
            authorise(session, actor, Action.MANAGE_AGENTS)
            row = self._agent_row(session, agent_id)
            detail = {k: jsonable(v) for k, v in vars(_agent(row)).items()}
            session.delete(row)
            record_event(session, at=self.now(), user_id=actor.id, action="agent.remove",
                         entity="agent", entity_id=str(agent_id), detail=detail)

    def list_agents(self, actor: Actor, on: date | None = None,
                    active_only: bool = False) -> list[AgentInfo]:
        """All agents by name; with ``on`` or ``active_only`` only those active that day
        (``active_only`` alone means today)."""
        with self.db.read() as session:
            authorise(session, actor, Action.VIEW)
            agents = [_agent(r) for r in session.execute(
                select(Agent).order_by(Agent.name, Agent.id)).scalars()]
        if on is None and not active_only:
            return agents
        day = on or self.now().date()
        return [a for a in agents if a.active_on(day)]

    def agent_rules(self, actor: Actor, on: date | None = None) -> list[RuleResult]:
        """Both Desa Cantik rules for the agents active on ``on`` (default today)."""
        return agent_rules_for(self.list_agents(actor), on or self.now().date())

    @staticmethod
    def _agent_row(session: Session, agent_id: int) -> Agent:
        row = session.get(Agent, agent_id)
        if row is None:
            raise E.NotFound(text("programme.agent_not_found", agent_id=agent_id))
        return row

    # -- activities ------------------------------------------------------------------
    def _check_activity(self, activity_date: date, kind: str, participants: str, place: str,
                        summary: str) -> dict[str, Any]:
        if kind not in ACTIVITY_KINDS:
            raise E.InvalidInput(text("programme.activity_kind_unknown", kind=kind,
                                      kinds=", ".join(ACTIVITY_KINDS)))
        when = check_date(activity_date, text("programme.label.activity_date"),
                          not_after=self.now().date())
        if when is None:
            raise E.InvalidInput(text("programme.activity_date_required"))
        return {"activity_date": when, "kind": kind,
                "participants": _text(participants, text("programme.label.participants"), 4000),
                "place": _text(place, text("programme.label.place"), 200),
                "summary": _text(summary, text("programme.label.activity_summary"), 20000,
                                 required=True)}

    def add_activity(self, actor: Actor, activity_date: date, kind: str, participants: str,
                     place: str, summary: str) -> int:
        """Log an activity that took place (not a future plan: the date is not after today)."""
        with self.db.write() as session:
            authorise(session, actor, Action.LOG_ACTIVITY)
            clean = self._check_activity(activity_date, kind, participants, place, summary)
            now = self.now()
            row = Activity(author_id=actor.id, created_at=now, **clean)
            session.add(row)
            session.flush()
            record_event(session, at=now, user_id=actor.id, action="activity.add",
                         entity="activity", entity_id=str(row.id),
                         detail={"date": clean["activity_date"].isoformat(), "kind": kind})
            return row.id

    def update_activity(self, actor: Actor, activity_id: int, activity_date: date, kind: str,
                        participants: str, place: str, summary: str) -> None:
        """Correct an activity: its author or an operator desa (admin) only."""
        with self.db.write() as session:
            row = self._own_activity(session, actor, activity_id)
            clean = self._check_activity(activity_date, kind, participants, place, summary)
            changed = {k: [jsonable(getattr(row, k)), jsonable(v)] for k, v in clean.items()
                       if getattr(row, k) != v}
            for key, value in clean.items():
                setattr(row, key, value)
            if changed:
                record_event(session, at=self.now(), user_id=actor.id,
                             action="activity.update", entity="activity",
                             entity_id=str(row.id), detail=changed)

    def delete_activity(self, actor: Actor, activity_id: int) -> None:
        """Delete an activity with its attachments: its author or an admin only."""
        with self.db.write() as session:
            row = self._own_activity(session, actor, activity_id)
            files = list(session.execute(select(Attachment.filename, Attachment.sha256).where(
                Attachment.owner_kind == "activity", Attachment.owner_id == row.id)).all())
            session.execute(delete(Attachment).where(
                Attachment.owner_kind == "activity", Attachment.owner_id == row.id))
            record_event(session, at=self.now(), user_id=actor.id, action="activity.delete",
                         entity="activity", entity_id=str(row.id),
                         detail={"date": row.activity_date.isoformat(), "kind": row.kind,
                                 "summary": row.summary,
                                 "attachments": [[f, s] for f, s in files]})
            session.delete(row)

    def list_activities(self, actor: Actor, year: int | None = None,
                        kind: str | None = None) -> list[ActivityInfo]:
        """Activities, newest first, each with its number of attachments."""
        with self.db.read() as session:
            authorise(session, actor, Action.VIEW)
            counts = (select(Attachment.owner_id, func.count().label("n"))
                      .where(Attachment.owner_kind == "activity")
                      .group_by(Attachment.owner_id).subquery())
            query = (select(Activity, func.coalesce(counts.c.n, 0))
                     .outerjoin(counts, counts.c.owner_id == Activity.id)
                     .order_by(Activity.activity_date.desc(), Activity.id.desc()))
            if year is not None:
                query = query.where(Activity.activity_date.between(date(year, 1, 1),
                                                                   date(year, 12, 31)))
            if kind is not None:
                query = query.where(Activity.kind == kind)
            return [ActivityInfo(a.id, a.activity_date, a.kind, a.participants, a.place,
                                 a.summary, a.author_id, a.created_at, int(n))
                    for a, n in session.execute(query).all()]

    @staticmethod
    def _own_activity(session: Session, actor: Actor, activity_id: int) -> Activity:
        user = authorise(session, actor, Action.LOG_ACTIVITY)
        row = session.get(Activity, activity_id)
        if row is None:
            raise E.NotFound(text("programme.activity_not_found", activity_id=activity_id))
        if row.author_id != user.id and user.role != Role.ADMIN:
            raise E.PermissionDenied(text("programme.activity_not_yours"))
        return row
