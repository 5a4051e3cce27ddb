"""``from_ddk``: how a village-level figure is counted from the DDK households.

A Potensi or Perkembangan question such as "jumlah penduduk laki-laki" or "keluarga
pemakai sumur pompa" is a count (or a sum) over the verified DDK households. The
definition says *which* count in data (``from_ddk: {count: anggota, where:
{jenis_kelamin: 1}}``), so adding such a figure is a YAML edit. This module only parses
and checks the shape of that declaration; :mod:`desa_app.core.profil` does the counting
and checks the names against the DDK definition.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

UNITS = ("anggota", "keluarga")
"""What is counted: people (members of the households) or households."""

SPEC_KEYS = frozenset({"count", "sum", "where"})
CONDITION_KEYS = frozenset({"min", "max", "not", "answered"})
AGE = "umur"
"""The age condition: completed years at the record's reference date (not the age stored
when the household was saved, which grows stale)."""


class SpecError(ValueError):
    """A malformed ``from_ddk``/``ddk`` declaration (the message is Indonesian)."""


@dataclass(frozen=True)
class Condition:
    """One test on one DDK answer; every part that is set must hold."""

    question: str
    codes: frozenset[str] = frozenset()
    """Any of these codes (ticked, for a multiple choice); empty = no code test."""
    excluded: frozenset[str] = frozenset()
    minimum: float | None = None
    maximum: float | None = None
    answered: bool | None = None

    def describe(self) -> str:
        """Short Indonesian text for the codebook and the "hitung dari DDK" list."""
        parts = []
        if self.codes:
            parts.append(" atau ".join(sorted(self.codes, key=_code_order)))
        if self.excluded:
            parts.append("bukan " + "/".join(sorted(self.excluded, key=_code_order)))
        if self.minimum is not None and self.maximum is not None:
            parts.append(f"{_num(self.minimum)}–{_num(self.maximum)}")
        elif self.minimum is not None:
            parts.append(f"≥ {_num(self.minimum)}")
        elif self.maximum is not None:
            parts.append(f"≤ {_num(self.maximum)}")
        if self.answered is not None:
            parts.append("terisi" if self.answered else "kosong")
        return f"{self.question} = {', '.join(parts)}" if parts else self.question


@dataclass(frozen=True)
class FigureSpec:
    """A count of people/households, or a sum of one numeric DDK answer, under conditions."""

    unit: str
    where: tuple[Condition, ...] = ()
    sum: str | None = None
    line: int = 0

    def narrowed(self, conditions: tuple[Condition, ...]) -> FigureSpec:
        """The same figure for one row of a table (the row's ``ddk`` conditions added)."""
        return FigureSpec(self.unit, self.where + conditions, self.sum, self.line)

    def questions(self) -> set[str]:
        """DDK questions this figure reads."""
        names = {c.question for c in self.where}
        if self.sum:
            names.add(self.sum)
        return names

    def describe(self) -> str:
        what = f"jumlah {self.sum}" if self.sum else f"banyaknya {self.unit}"
        if not self.where:
            return what
        return f"{what} dengan " + "; ".join(c.describe() for c in self.where)


def _code_order(code: str) -> tuple[int, str]:
    return (int(code), "") if code.isdigit() else (10**9, code)


def _num(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else str(value)


def _code(value: Any) -> str:
    if isinstance(value, bool) or value is None or isinstance(value, (Mapping, list)):
        raise SpecError(f"kode tidak sah: {value!r}")
    text = str(value).strip()
    if not text:
        raise SpecError("kode kosong")
    return text


def _codes(value: Any) -> frozenset[str]:
    items = value if isinstance(value, list) else [value]
    if not items:
        raise SpecError("daftar kode kosong")
    return frozenset(_code(v) for v in items)


def _number(value: Any, key: str) -> float:
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise SpecError(f"'{key}' harus bilangan, bukan {value!r}")
    return float(value)


def _yes_no(value: Any) -> bool:
    if isinstance(value, bool):
        return value
    text = str(value).strip().lower()
    if text in ("yes", "ya", "true"):
        return True
    if text in ("no", "tidak", "false"):
        return False
    raise SpecError(f"'answered' harus yes atau no, bukan {value!r}")


def parse_condition(question: Any, value: Any) -> Condition:
    name = str(question).strip()
    if not name:
        raise SpecError("nama pertanyaan DDK kosong")
    if not isinstance(value, Mapping):
        return Condition(name, codes=_codes(value))
    unknown = sorted(str(k) for k in value if k not in CONDITION_KEYS)
    if unknown:
        raise SpecError(f"kunci syarat tidak dikenal untuk '{name}': {', '.join(unknown)} "
                        f"(boleh: {', '.join(sorted(CONDITION_KEYS))})")
    if not value:
        raise SpecError(f"syarat kosong untuk '{name}'")
    minimum = _number(value["min"], "min") if "min" in value else None
    maximum = _number(value["max"], "max") if "max" in value else None
    if minimum is not None and maximum is not None and minimum > maximum:
        raise SpecError(f"'{name}': min lebih besar dari max")
    return Condition(
        name,
        excluded=_codes(value["not"]) if "not" in value else frozenset(),
        minimum=minimum, maximum=maximum,
        answered=_yes_no(value["answered"]) if "answered" in value else None,
    )


def parse_where(raw: Any) -> tuple[Condition, ...]:
    """``{question: condition, ...}`` (the ``where`` of a figure, the ``ddk`` of a row)."""
    if not isinstance(raw, Mapping) or not raw:
        raise SpecError("syarat harus berupa pemetaan {pertanyaan_ddk: kode}")
    return tuple(parse_condition(question, value) for question, value in raw.items())


def parse_figure(raw: Any, line: int = 0) -> FigureSpec:
    """The ``from_ddk`` of a question or grid column; :class:`SpecError` if malformed."""
    if not isinstance(raw, Mapping):
        raise SpecError("from_ddk harus berupa pemetaan, mis. {count: anggota}")
    unknown = sorted(str(k) for k in raw if k not in SPEC_KEYS)
    if unknown:
        raise SpecError(f"kunci from_ddk tidak dikenal: {', '.join(unknown)} "
                        f"(boleh: count, sum, where)")
    if ("count" in raw) == ("sum" in raw):
        raise SpecError("from_ddk perlu tepat satu dari 'count' atau 'sum'")
    where = parse_where(raw["where"]) if "where" in raw else ()
    if "count" in raw:
        unit = str(raw["count"]).strip()
        if unit not in UNITS:
            raise SpecError(f"count harus 'anggota' atau 'keluarga', bukan {unit!r}")
        return FigureSpec(unit, where, None, line)
    total = str(raw["sum"]).strip()
    if not total:
        raise SpecError("sum perlu nama pertanyaan DDK")
    return FigureSpec("", where, total, line)
