"""Answers as a person reads them on paper: "3 – Milik Keluarga", 2.950.000 Rp/bulan.

The export values keep codes and machine forms (ISO dates, numbers); a printout for a
signature must show what was meant, so every choice is printed with its code *and* label
(the code is what Prodeskel receives, the label is what the family agreed to).
"""

from __future__ import annotations

from datetime import date
from typing import Any

from desa_app.core.exports.pdf.layout import tanggal_indonesia
from desa_app.core.exports.pdf.styles import number
from desa_app.core.instrument.model import ChoiceList, FieldType, Instrument, Matrix, Node

EMPTY = "—"


def is_blank(value: Any) -> bool:
    return value is None or value == "" or value == []


def choice_text(choices: ChoiceList | None, code: Any) -> str:
    """``code – label``; just the code when the list does not know it."""
    name = str(code)
    if choices is None or name not in choices.by_name:
        return name
    return f"{name} – {choices.label(name)}"


def plain(value: Any, kind: FieldType, unit: str = "") -> str:
    """One value of a non-choice question, Indonesian style, with its unit."""
    if kind is FieldType.DATE and isinstance(value, str):
        try:
            return tanggal_indonesia(date.fromisoformat(value))
        except ValueError:
            return value
    if isinstance(value, bool):
        return "Ya" if value else "Tidak"
    if isinstance(value, int | float) and kind in (FieldType.INTEGER, FieldType.DECIMAL,
                                                     FieldType.CALCULATE):
        shown = number(value, group_small=False)
        return f"{shown} {unit}" if unit else shown
    return str(value)


def answer_lines(instrument: Instrument, node: Node, value: Any) -> list[str]:
    """The lines an answer takes: one per chosen option of a multiple choice."""
    from desa_app.core.instrument.model import Field

    if is_blank(value):
        return [EMPTY]
    if not isinstance(node, Field):
        return [str(value)]
    choices = instrument.choices_of(node)
    if node.type is FieldType.SELECT_MULTIPLE:
        codes = value if isinstance(value, list) else str(value).split()
        return [choice_text(choices, code) for code in codes] or [EMPTY]
    if node.type is FieldType.SELECT_ONE:
        return [choice_text(choices, value)]
    return [plain(value, node.type, str(node.extra.get("unit", "")))]


def column_text(instrument: Instrument, kind: FieldType, list_name: str | None,
                value: Any) -> str:
    """One cell of a grid item (a column may itself be a choice)."""
    if is_blank(value):
        return ""
    choices = instrument.choice_lists.get(list_name) if list_name else None
    if kind is FieldType.SELECT_MULTIPLE:
        codes = value if isinstance(value, list) else str(value).split()
        return "\n".join(choice_text(choices, code) for code in codes)
    if kind is FieldType.SELECT_ONE:
        return choice_text(choices, value)
    return plain(value, kind)


def row_label(instrument: Instrument, matrix: Matrix, row: str,
              answers: dict[str, Any] | None = None) -> str:
    """The option a grid row stands for; a write-in row ("Lainnya 1") with its name."""
    choices = instrument.choice_lists.get(matrix.list_name)
    if choices is not None and row in choices.by_name:
        return choices.label(row)
    name_question = matrix.row_names.get(row)
    label = f"Lainnya {row.removeprefix('lain')}"
    if answers is not None and name_question and not is_blank(answers.get(name_question)):
        return f"{label}: {answers[name_question]}"
    return label


def row_unit(instrument: Instrument, matrix: Matrix, row: str) -> str:
    """The printed unit of a grid row (``Kg/Th``), from its option or the item."""
    choices = instrument.choice_lists.get(matrix.list_name)
    choice = choices.by_name.get(row) if choices is not None else None
    if choice is not None and choice.extra.get("unit"):
        return str(choice.extra["unit"])
    return str(matrix.extra.get("unit", ""))


def has_row_units(instrument: Instrument, matrix: Matrix) -> bool:
    """Whether the options carry their own units (then a Satuan column is printed)."""
    choices = instrument.choice_lists.get(matrix.list_name)
    return choices is not None and any(c.extra.get("unit") for c in choices.choices)
