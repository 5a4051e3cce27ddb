"""The audit log: every change as an event in a hash chain.

Each event's hash covers its content and the previous event's hash, so changing,
deleting or reordering any row breaks the chain from that row on, and
``desa-app audit verify`` names the first broken link.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from desa_app.core.messages import text
from desa_app.core.store.models import AuditEvent

GENESIS = "0" * 64


def canonical_json(value: Any) -> str:
    """One spelling of a JSON value (sorted keys, no spaces): what hashes are taken over."""
    return json.dumps(value, sort_keys=True, separators=(",", ":"), ensure_ascii=False,
                      default=str)


def event_hash(prev_hash: str, at: datetime, user_id: int | None, action: str, entity: str,
               entity_id: str, detail: dict[str, Any]) -> str:
    body = canonical_json([prev_hash, at.isoformat(), user_id, action, entity, entity_id,
                           detail])
    return hashlib.sha256(body.encode("utf-8")).hexdigest()


def record_event(session: Session, *, at: datetime, user_id: int | None, action: str,
                 entity: str, entity_id: str, detail: dict[str, Any] | None = None) -> None:
    """Append one event; call inside the write transaction of the change it records."""
    detail = detail or {}
    last = session.execute(
        select(AuditEvent.hash).order_by(AuditEvent.id.desc()).limit(1)
    ).scalar()
    prev_hash = last or GENESIS
    session.add(AuditEvent(
        at=at, user_id=user_id, action=action, entity=entity, entity_id=entity_id,
        detail=detail, prev_hash=prev_hash,
        hash=event_hash(prev_hash, at, user_id, action, entity, entity_id, detail),
    ))
    session.flush()


@dataclass(frozen=True)
class ChainReport:
    events: int
    broken_at: int | None  # id of the first event that does not fit the chain
    reason: str = ""

    @property
    def ok(self) -> bool:
        return self.broken_at is None


def verify_chain(session: Session) -> ChainReport:
    prev_hash = GENESIS
    count = 0
    for event in session.execute(select(AuditEvent).order_by(AuditEvent.id)).scalars():
        count += 1
        if event.prev_hash != prev_hash:
            return ChainReport(count, event.id, text("store.audit_link_broken"))
        expected = event_hash(event.prev_hash, event.at, event.user_id, event.action,
                              event.entity, event.entity_id, event.detail)
        if expected != event.hash:
            return ChainReport(count, event.id, text("store.audit_event_changed"))
        prev_hash = event.hash
    return ChainReport(count, None)
