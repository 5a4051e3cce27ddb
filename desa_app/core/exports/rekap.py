"""The Rekap sheet's figures: the village aggregates Prodeskel's Potensi SDM asks for.

Counted from exactly the records the workbook contains, while they are written (one
pass over the village): households (KK), people by sex and 5-year age group, and for
every question in the definition's ``settings.rekap`` (agama, pendidikan, pekerjaan,
kewarganegaraan, cacat ...) the people per code by sex. Age groups and the sex codes are
the dashboard's, so the Beranda and the workbook can never disagree.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from desa_app.core.exports.cells import codes_of
from desa_app.core.instrument.model import Instrument
from desa_app.core.store.dashboard import AGE_STEP, FEMALE, MALE, OLDEST_GROUP, age_on

UNKNOWN = "?"
GROUPS = OLDEST_GROUP // AGE_STEP + 1


def group_label(index: int) -> str:
    first = index * AGE_STEP
    return f"{first}+" if index == GROUPS - 1 else f"{first}-{first + AGE_STEP - 1}"


@dataclass
class Rekap:
    """Running totals; ``add`` one household's export values at a time."""

    instrument: Instrument
    on: date
    households: int = 0
    people: Counter[str] = field(default_factory=Counter)  # by sex code
    ages: dict[int | None, Counter[str]] = field(default_factory=dict)  # group -> by sex
    by_question: dict[str, Counter[tuple[str, str]]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        index = self.instrument.settings.get("person_index") or {}
        self.repeat = str(index.get("repeat", ""))
        self.sex = str(index.get("sex", ""))
        self.birth = str(index.get("birth_date", ""))
        self.questions = [str(q) for q in self.instrument.settings.get("rekap") or []]
        self.by_question = {q: Counter() for q in self.questions}

    def add(self, answers: dict[str, Any]) -> None:
        self.households += 1
        members = answers.get(self.repeat)
        if not isinstance(members, list):
            return
        for member in members:
            if isinstance(member, dict):
                self._person(member)

    def _person(self, member: dict[str, Any]) -> None:
        sex = str(member.get(self.sex) or UNKNOWN)
        self.people[sex] += 1
        age = age_on(member.get(self.birth), self.on)
        group = None if age is None else min(age // AGE_STEP, GROUPS - 1)
        self.ages.setdefault(group, Counter())[sex] += 1
        for question, counter in self.by_question.items():
            for code in codes_of(member.get(question)) or [UNKNOWN]:
                counter[(code, sex)] += 1

    @property
    def total_people(self) -> int:
        return sum(self.people.values())

    def rows(self) -> list[list[Any]]:
        """The sheet as rows: a title row, then tables of label, laki-laki, perempuan,
        jumlah (the blank rows between tables keep them readable in Excel)."""
        header = ["", "Laki-laki", "Perempuan", "Jumlah"]
        out: list[list[Any]] = [
            ["Jumlah kepala keluarga (KK)", None, None, self.households],
            ["Jumlah penduduk", self.people[MALE], self.people[FEMALE], self.total_people],
            [], ["Penduduk menurut kelompok umur", *header[1:]],
        ]
        for index in [*range(GROUPS), None]:
            counts = self.ages.get(index, Counter())
            if index is None and not counts:
                continue
            label = "Umur tidak diketahui" if index is None else group_label(index)
            out.append([label, counts[MALE], counts[FEMALE], sum(counts.values())])
        for question in self.questions:
            out += [[], *self._question_rows(question)]
        return out

    def _question_rows(self, question: str) -> list[list[Any]]:
        node = self.instrument.field(question)
        choices = self.instrument.choices_of(node)
        counter = self.by_question[question]
        title = f"Penduduk menurut {node.label.get().lower()}"
        rows: list[list[Any]] = [[title, "Laki-laki", "Perempuan", "Jumlah"]]
        known = [c.name for c in choices.choices] if choices else []
        codes = known + sorted({c for c, _ in counter} - set(known))
        for code in codes:
            male, female = counter[(code, MALE)], counter[(code, FEMALE)]
            total = sum(n for (c, _), n in counter.items() if c == code)
            if code in known or total:
                label = _unanswered(node) if code == UNKNOWN else (
                    choices.label(code) if choices else code)
                rows.append([label, male, female, total])
        return rows


def _unanswered(node: Any) -> str:
    """A blank multiple-choice item (cacat) usually means "none of these"."""
    from desa_app.core.instrument.model import FieldType

    return ("Tidak ada/tidak diisi" if node.type is FieldType.SELECT_MULTIPLE
            else "Tidak diisi")
