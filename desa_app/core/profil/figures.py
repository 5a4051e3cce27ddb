"""Counting the ``from_ddk`` figures of a village form over DDK households.

One pass over the households per *group* of figures that test the same DDK questions:
the pass tallies how many people (or households) share each combination of those
answers, then every figure of the group adds up the combinations it accepts. A Potensi
form has hundreds of figures (ages 0-75 by sex alone are 154) but only a dozen groups,
so 10,000 households are read a dozen times, not hundreds.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date
from operator import itemgetter
from typing import Any

from desa_app.core.instrument.model import Field, Instrument
from desa_app.core.instrument.prefill_spec import AGE, Condition, FigureSpec
from desa_app.core.store.dashboard import age_on

Projected = str | tuple[str, ...] | None
"""One answer reduced to something hashable: a code/text, the ticked codes, or blank."""


def reference_date(year: int, today: date) -> date:
    """Ages are taken on 31 December of the record's year, or today if that is earlier."""
    return min(date(year, 12, 31), today)


def project(value: Any) -> Projected:
    if value is None or value == "" or value == []:
        return None
    if isinstance(value, list):
        return tuple(sorted(_text(v) for v in value))
    return _text(value)


def _text(value: Any) -> str:
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return str(value).strip().casefold()


def _number(value: Projected) -> float | None:
    if not isinstance(value, str):
        return None
    try:
        return float(value)
    except ValueError:
        return None


def matches(condition: Condition, value: Projected) -> bool:
    """Whether one (projected) answer passes one condition; blanks pass only
    ``answered: no``."""
    if condition.answered is not None and (value is not None) != condition.answered:
        return False
    if value is None:
        return condition.answered is False
    given = set(value) if isinstance(value, tuple) else {value}
    if condition.codes and not given & {c.casefold() for c in condition.codes}:
        return False
    if condition.excluded and given & {c.casefold() for c in condition.excluded}:
        return False
    if condition.minimum is not None or condition.maximum is not None:
        number = _number(value)
        if number is None:
            return False
        if condition.minimum is not None and number < condition.minimum:
            return False
        if condition.maximum is not None and number > condition.maximum:
            return False
    return True


@dataclass(frozen=True)
class Source:
    """How the DDK stores its people: the member repeat and the birth date question."""

    members: str
    birth_date: str

    @classmethod
    def of(cls, ddk: Instrument) -> Source:
        index = ddk.settings.get("person_index") or {}
        return cls(str(index.get("repeat", "")), str(index.get("birth_date", "")))

    def member_level(self, ddk: Instrument, question: str) -> bool:
        if question == AGE:
            return True
        node = ddk.nodes.get(question)
        return node is not None and any(r.name == self.members for r in node.repeats)


def figure_fields(instrument: Instrument) -> list[Field]:
    """The questions of a village form that can be counted from DDK, in form order."""
    return [f for f in instrument.fields() if f.from_ddk is not None]


def _unit(spec: FigureSpec, source: Source, ddk: Instrument) -> str:
    if spec.sum is None:
        return spec.unit
    return "anggota" if source.member_level(ddk, spec.sum) else "keluarga"


class _Group:
    """Figures that read the same questions over the same unit share one tally."""

    def __init__(self, unit: str, questions: tuple[str, ...], total: str | None) -> None:
        self.unit = unit
        self.questions = questions
        self.total = total
        self.tally: Counter[Any] = Counter()
        self.sums: defaultdict[Any, float] = defaultdict(float)
        # the hot loop: 20,000 people x ~100 groups, so a C-level getter makes the key
        # (one question: the bare value; none: the constant ())
        self.key_of: Any = itemgetter(*questions) if questions else (lambda _values: ())

    def add(self, projected: Mapping[str, Projected]) -> None:
        """One person or household, its answers already projected (once for all groups)."""
        key = self.key_of(projected)
        self.tally[key] += 1
        if self.total is not None:
            number = _number(projected[self.total])
            if number is not None:
                self.sums[key] += number

    def reads(self) -> set[str]:
        return {*self.questions, *([self.total] if self.total else [])}

    def value(self, spec: FigureSpec) -> float:
        position = {q: i for i, q in enumerate(self.questions)}
        source = self.sums if self.total is not None else self.tally
        result = 0.0
        single = len(self.questions) == 1
        for key, amount in source.items():
            parts = (key,) if single else key
            if all(matches(c, parts[position[c.question]]) for c in spec.where):
                result += amount
        return result


def compute(instrument: Instrument, ddk: Instrument, households: Iterable[Mapping[str, Any]],
            on: date) -> dict[str, int | float]:
    """Every ``from_ddk`` figure of ``instrument`` over these households (export values,
    people as a list under the DDK's member repeat), ages taken ``on`` that day."""
    source = Source.of(ddk)
    groups: dict[tuple[str, tuple[str, ...], str | None], _Group] = {}
    wanted: list[tuple[Field, FigureSpec, _Group]] = []
    for field in figure_fields(instrument):
        spec = field.from_ddk
        assert spec is not None
        unit = _unit(spec, source, ddk)
        questions = tuple(sorted({c.question for c in spec.where}))
        key = (unit, questions, spec.sum)
        group = groups.get(key) or groups.setdefault(key, _Group(unit, questions, spec.sum))
        wanted.append((field, spec, group))
    by_unit: dict[str, list[_Group]] = defaultdict(list)
    for group in groups.values():
        by_unit[group.unit].append(group)
    families, people = by_unit["keluarga"], by_unit["anggota"]
    family_reads = sorted(set().union(*(g.reads() for g in families)))
    person_reads = sorted(set().union(*(g.reads() for g in people)) - {AGE})
    counted_people = [g for g in people if g.total is None]
    summed_people = [g for g in people if g.total is not None]
    for household in households:
        if families:
            projected = {q: project(household.get(q)) for q in family_reads}
            for group in families:
                group.add(projected)
        if not people:
            continue
        for person in household.get(source.members) or []:
            if not isinstance(person, Mapping):
                continue
            projected = {q: project(person[q] if q in person else household.get(q))
                         for q in person_reads}
            birth = person.get(source.birth_date)
            projected[AGE] = project(age_on(birth if isinstance(birth, str) else None, on))
            for group in counted_people:
                group.tally[group.key_of(projected)] += 1
            for group in summed_people:
                group.add(projected)
    figures: dict[str, int | float] = {}
    for field, spec, group in wanted:
        total = group.value(spec)
        figures[field.name] = int(total) if total.is_integer() else round(total, 2)
    return figures
