"""What a record's answers mean outside the questionnaire, derived in one place.

The store keeps beside each record its validation counts (the list and the Tim's queue
show them, bulk approval and submission rely on them), its export values (an export never
re-evaluates 10,000 households) and key fields copied for lists and search (No. KK, head
of family, dusun, RT/RW, member count, the year of a village-level record, one row per
person). They used to be computed by the screen for drafts and by the store for workflow
steps, each with its own idea of ``today``; a wrong or stale number could be saved. Now
:func:`derive_facts` is the only way to get them, and the store calls it on every write.

Which answers are keys is the definition's business (``settings.record_keys`` and
``settings.person_index``), so this module never names a DDK question and belongs to the
engine, below the store.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any

from desa_app.core.instrument.environment import Environment
from desa_app.core.instrument.issues import Issue
from desa_app.core.instrument.model import Instrument, Severity
from desa_app.core.instrument.state import FormState


@dataclass(frozen=True)
class KeyFields:
    """The answers lists sort, filter and search by, cut to their column widths."""

    no_kk: str | None
    nama_kk: str | None
    dusun: str | None
    rt: str | None
    rw: str | None
    member_count: int
    period: str | None = None
    """Village-level records: the year they are for (``record_keys.period``)."""


@dataclass(frozen=True)
class PersonRow:
    """One member as the duplicate-NIK check and the name search index it."""

    position: int
    nik: str | None
    name: str | None
    sex: str | None
    birth_date: str | None


@dataclass(frozen=True)
class RecordFacts:
    """Everything the store copies from one evaluation of a record.

    ``export_values`` is a fresh dict per call (the store saves it as JSON); treat it as
    read-only.
    """

    issues: tuple[Issue, ...]
    export_values: dict[str, Any]
    keys: KeyFields
    people: tuple[PersonRow, ...]
    today: date
    """The day the record was judged on (ages, date checks, NIK plausibility)."""

    @property
    def errors(self) -> int:
        """Issues that block submission and approval."""
        return sum(1 for issue in self.issues if issue.severity is Severity.ERROR)

    @property
    def warnings(self) -> int:
        return len(self.issues) - self.errors

    def issues_of(self, severity: Severity) -> list[Issue]:
        return [issue for issue in self.issues if issue.severity is severity]


def derive_facts(instrument: Instrument, answers: Mapping[str, Any],
                 env: Environment) -> RecordFacts:
    """Evaluate ``answers`` once with ``env`` and return what the store keeps.

    ``today`` is read once here and held for the whole evaluation, so one record is never
    judged on two days when midnight passes while it is evaluated.
    """
    pinned = env.pinned()
    state = FormState(instrument, answers, pinned)
    return RecordFacts(
        issues=tuple(state.issues()),
        export_values=state.export_values(),
        keys=key_fields(instrument, answers),
        people=tuple(people(instrument, answers)),
        today=pinned.today,
    )


def _text(value: Any, limit: int) -> str | None:
    if value is None or value == "" or isinstance(value, dict | list):
        return None
    return str(value).strip()[:limit] or None


def key_fields(instrument: Instrument, answers: Mapping[str, Any]) -> KeyFields:
    """The roles of ``settings.record_keys`` read from the answers as typed."""
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


def people(instrument: Instrument, answers: Mapping[str, Any]) -> list[PersonRow]:
    """One row per instance of ``settings.person_index.repeat``, in roster order."""
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
