"""Turning one stored answer into what a workbook cell holds.

Codes become the Prodeskel website code where the definition maps one (``prodeskel`` on
the choice), multiple answers ``1;3;5`` with their labels ``A; B; C``, dates real Excel
dates, and text that Excel would run as a formula (``=``, ``+``, ``-``, ``@`` at the start)
is written as plain text so opening the file never executes anything.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any, Protocol

from desa_app.core.instrument.model import Field, FieldType


class Column(Protocol):
    """What a cell needs to know of its column (``columns.Column`` has it): kept as a
    protocol so ``columns.py`` can build on this module without a cycle."""

    @property
    def kind(self) -> str: ...

    @property
    def question(self) -> Field | None: ...

    @property
    def codes(self) -> dict[str, tuple[str, str]]: ...

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
FORMULA_FIRST = frozenset(FORMULA_STARTS)


def codes_of(value: Any) -> list[str]:
    if value is None or value == "":
        return []
    if isinstance(value, list):
        return [str(v) for v in value]
    return [str(value)]


def code_text(column: Column, value: Any) -> str | None:
    codes = codes_of(value)
    if not codes:
        return None
    known = column.codes
    return ";".join(known[code][0] if code in known else code for code in codes)


def label_text(column: Column, value: Any) -> str | None:
    codes = codes_of(value)
    if not codes:
        return None
    known = column.codes
    return "; ".join(known[code][1] if code in known else code for code in codes)


def plain_value(column: Column, value: Any) -> Any:
    """A value column's cell: numbers stay numbers, ISO dates become dates."""
    if value is None or value == "":
        return None
    if column.question is not None and column.question.type is FieldType.DATE and isinstance(
            value, str):
        try:
            return date.fromisoformat(value)
        except ValueError:
            return value  # kept as typed; the record's own checks flag it
    if isinstance(value, list):
        return "; ".join(str(v) for v in value)
    if isinstance(value, dict):
        return None
    return value


def converter(column: Column) -> Callable[[Any], Any]:
    """The function that turns this column's answers into cell values (chosen once per
    column, not per cell: a village has millions of cells)."""
    if column.kind == "code":
        return lambda value: code_text(column, value)
    if column.kind == "label":
        return lambda value: label_text(column, value)
    return lambda value: plain_value(column, value)
