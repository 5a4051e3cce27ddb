"""Applying "hitung dari DDK" to a village record without losing what people typed.

The record remembers, for every figure it last took from DDK, the value DDK gave then
(under :data:`PREFILL_KEY`, an answer the form itself does not ask, so it is kept and
saved with the record but never exported). From that the origin of a figure follows:

* blank: nothing yet;
* equal to what DDK gave when last applied: *dari DDK*;
* anything else: *manual* — typed (or corrected) by hand. A new count never proposes to
  overwrite a manual value; the user has to tick it.

:func:`compare` lists what would change, :func:`apply` writes only the accepted names
and returns the previous values so the screen can undo the whole step.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from desa_app.core.instrument.model import Field, Instrument
from desa_app.core.instrument.state import ChangeSet, FormState

PREFILL_KEY = "__dari_ddk__"
"""Top-level answer holding ``{"nilai": {question: value}, "dihitung": ..., ...}``."""
TOP = ("", ())


class Origin(StrEnum):
    EMPTY = "kosong"
    DDK = "ddk"
    MANUAL = "manual"


@dataclass(frozen=True)
class FigureChange:
    """One figure whose DDK count differs from the value in the record."""

    name: str
    label: str
    section: str
    current: Any
    computed: int | float
    origin: Origin

    @property
    def proposed(self) -> bool:
        """Ticked by default: everything except a value typed by hand."""
        return self.origin is not Origin.MANUAL

    @property
    def difference(self) -> float | None:
        try:
            return float(self.computed) - float(self.current)
        except (TypeError, ValueError):
            return None


def applied_values(state: FormState) -> dict[str, Any]:
    """What DDK gave each figure when it was last applied to this record."""
    kept = state.unknown_answers.get(TOP, {}).get(PREFILL_KEY)
    values = kept.get("nilai") if isinstance(kept, Mapping) else None
    return dict(values) if isinstance(values, Mapping) else {}


def last_refresh(state: FormState) -> dict[str, Any]:
    """When DDK was last applied and over how many households (empty if never)."""
    kept = state.unknown_answers.get(TOP, {}).get(PREFILL_KEY)
    if not isinstance(kept, Mapping):
        return {}
    return {k: v for k, v in kept.items() if k != "nilai"}


def _same(a: Any, b: Any) -> bool:
    try:
        return float(a) == float(b)
    except (TypeError, ValueError):
        return bool(a == b)


def origin(state: FormState, name: str, applied: Mapping[str, Any] | None = None) -> Origin:
    value = state.answer(name)
    if value is None or value == "":
        return Origin.EMPTY
    applied = applied_values(state) if applied is None else applied
    if name in applied and _same(applied[name], value):
        return Origin.DDK
    return Origin.MANUAL


def _section(instrument: Instrument, field: Field) -> str:
    top = [a for a in field.ancestors() if a.parent is instrument.root]
    if not top:
        return ""
    number = top[0].number
    return f"{number} {top[0].label.get()}".strip()


def compare(state: FormState, figures: Mapping[str, int | float]) -> list[FigureChange]:
    """The figures whose count differs from the record, in form order."""
    applied = applied_values(state)
    changes = []
    for name, computed in figures.items():
        current = state.answer(name)
        if current is not None and current != "" and _same(current, computed):
            continue
        field = state.instrument.field(name)
        changes.append(FigureChange(
            name, field.label.get() or name, _section(state.instrument, field), current,
            computed, origin(state, name, applied)))
    return changes


def apply(state: FormState, figures: Mapping[str, int | float], accepted: Iterable[str],
          facts: Mapping[str, Any] | None = None) -> tuple[ChangeSet, dict[str, Any]]:
    """Write the accepted figures; return what changed and the previous answers.

    Figures whose value already equals the count are recorded as from DDK too, so a value
    that happens to match stays "dari DDK" and not "manual". ``facts`` (when, how many
    households) are kept beside the values for the screen and the verifier."""
    accepted = set(accepted)
    applied = applied_values(state)
    previous: dict[str, Any] = {PREFILL_KEY: state.unknown_answers.get(TOP, {}).get(
        PREFILL_KEY)}
    changes = ChangeSet()
    for name, computed in figures.items():
        current = state.answer(name)
        if name in accepted:
            previous[name] = current
            change = state.set(name, computed)
            changes.values |= change.values
            changes.relevance |= change.relevance
            changes.issues |= change.issues
            applied[name] = computed
        elif current is not None and current != "" and _same(current, computed):
            applied[name] = computed
    kept = state.unknown_answers.setdefault(TOP, {})
    kept[PREFILL_KEY] = {**last_refresh(state), **dict(facts or {}), "nilai": applied}
    return changes, previous


def undo(state: FormState, previous: Mapping[str, Any]) -> ChangeSet:
    """Put back what :func:`apply` returned (the answers and the remembered DDK values)."""
    changes = ChangeSet()
    for name, value in previous.items():
        if name == PREFILL_KEY:
            continue
        change = state.set(name, value)
        changes.values |= change.values
        changes.issues |= change.issues
    kept = state.unknown_answers.setdefault(TOP, {})
    if previous.get(PREFILL_KEY) is None:
        kept.pop(PREFILL_KEY, None)
    else:
        kept[PREFILL_KEY] = previous[PREFILL_KEY]
    return changes
