"""What a saved record is made of besides its answers: key fields, people, hashes.

The definition says which answers are the household's keys (``settings.record_keys``)
and where its people are (``settings.person_index``), so the code never names a DDK
question.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING, Any

from desa_app.core.store.audit import canonical_json

if TYPE_CHECKING:
    from desa_app.core.instrument.model import Instrument


def content_hash(answers: dict[str, Any]) -> str:
    return hashlib.sha256(canonical_json(answers).encode("utf-8")).hexdigest()


def revision_hash(parent: str | None, content: str, author_id: int, at: datetime,
                  reason: str) -> str:
    """Links a revision to its parent: the history laptops will later merge by."""
    body = canonical_json([parent, content, author_id, at.isoformat(), reason])
    return hashlib.sha256(body.encode("utf-8")).hexdigest()


def _text(value: Any, limit: int) -> str | None:
    if value is None or value == "" or isinstance(value, dict | list):
        return None
    return str(value).strip()[:limit] or None


@dataclass(frozen=True)
class KeyFields:
    no_kk: str | None
    nama_kk: str | None
    dusun: str | None
    rt: str | None
    rw: str | None
    member_count: int
    period: str | None = None
    """Village-level records: the year they are for (``record_keys.period``)."""


def key_fields(instrument: Instrument, answers: dict[str, Any]) -> KeyFields:
    keys = instrument.settings.get("record_keys") or {}
    members = answers.get(keys.get("members", ""), [])

    def answer(role: str, limit: int) -> str | None:
        return _text(answers.get(keys.get(role, "")), limit) if role in keys else None

    return KeyFields(
        no_kk=answer("no_kk", 32), nama_kk=answer("nama_kk", 200),
        dusun=answer("dusun", 120), rt=answer("rt", 8), rw=answer("rw", 8),
        member_count=len(members) if isinstance(members, list) else 0,
        period=answer("period", 16),
    )


@dataclass(frozen=True)
class PersonRow:
    position: int
    nik: str | None
    name: str | None
    sex: str | None
    birth_date: str | None


def people(instrument: Instrument, answers: dict[str, Any]) -> list[PersonRow]:
    index = instrument.settings.get("person_index") or {}
    instances = answers.get(index.get("repeat", ""), [])
    if not isinstance(instances, list):
        return []
    rows = []
    for position, member in enumerate(instances):
        if not isinstance(member, dict):
            continue
        rows.append(PersonRow(
            position=position,
            nik=_text(member.get(index.get("nik", "")), 32),
            name=_text(member.get(index.get("name", "")), 200),
            sex=_text(member.get(index.get("sex", "")), 8),
            birth_date=_text(member.get(index.get("birth_date", "")), 10),
        ))
    return rows
