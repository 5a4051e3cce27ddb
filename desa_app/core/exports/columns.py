"""Which columns each sheet of the Prodeskel workbook has, planned from the definition.

The code never names a DDK question: the household sheet takes the questions outside
any repeat and grid, one sheet per repeat takes that repeat's questions (DDK02 members),
and one sheet per grid or count-per-option item lists its filled rows. A coded answer
gets two columns, the code (the Prodeskel website code where the definition maps one)
and the label, so an operator keys the code and a reader sees the words.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

from desa_app.core.exports.cells import converter
from desa_app.core.instrument.model import (
    ChoiceList,
    Field,
    FieldType,
    Instrument,
    Matrix,
    Node,
    Repeat,
)

CODED = (FieldType.SELECT_ONE, FieldType.SELECT_MULTIPLE)
NUMBER_FORMATS = {FieldType.INTEGER: "#,##0", FieldType.DECIMAL: "#,##0.##",
                  FieldType.DATE: "DD/MM/YYYY"}
"""Excel shows these with the reader's separators (1.234,5 on an Indonesian Windows)."""
SHEET_NAME_LIMIT = 31
BAD_SHEET_CHARS = re.compile(r"[\[\]:*?/\\]")


@dataclass(frozen=True)
class Column:
    """One column: its header, which answer it shows and how."""

    header: str
    name: str  # the question (or key) it reads
    kind: str = "value"  # value | code | label
    question: Field | None = None
    choices: ChoiceList | None = None
    number_format: str | None = None
    width: float = 14
    codes: dict[str, tuple[str, str]] = field(default_factory=dict, repr=False)
    """Answer code -> (Prodeskel website code, label), looked up once per column."""

    def __post_init__(self) -> None:
        if self.number_format is None and self.question is not None and self.kind == "value":
            object.__setattr__(self, "number_format",
                               NUMBER_FORMATS.get(self.question.type))
        if self.choices is not None and not self.codes:
            self.codes.update({c.name: (_web_code(c.extra.get("prodeskel"), c.name),
                                        c.label.get()) for c in self.choices.choices})


    @cached_property
    def convert(self) -> Callable[[Any], Any]:
        """Answer -> cell value for this column (code, label or the value itself)."""
        return converter(self)


def _web_code(web: Any, code: str) -> str:
    return str(web) if web not in (None, "") else code


@dataclass
class SheetPlan:
    """A sheet: its name, the key columns every row starts with, then the answers."""

    title: str
    keys: list[Column]
    columns: list[Column] = field(default_factory=list)
    repeat: Repeat | None = None  # rows are instances of this repeat
    matrix: Matrix | None = None  # rows are filled rows of this grid


def heading(node: Node) -> str:
    number = node.number
    label = node.label.get() or node.name
    return f"{number} {label}" if number else label


def sheet_title(text: str) -> str:
    """A valid Excel sheet name: at most 31 characters, cut at a word boundary."""
    clean = " ".join(BAD_SHEET_CHARS.sub("-", text).split())
    if len(clean) <= SHEET_NAME_LIMIT:
        return clean
    cut = clean[:SHEET_NAME_LIMIT + 1].rsplit(" ", 1)[0]
    return cut if len(cut) > SHEET_NAME_LIMIT // 2 else clean[:SHEET_NAME_LIMIT]


def exported(field_node: Field) -> bool:
    """Notes carry no answer; unlabelled calculations are the form's own helpers."""
    if not field_node.has_value:
        return False
    return not (field_node.type is FieldType.CALCULATE and not field_node.label
                and not field_node.number)


def field_columns(instrument: Instrument, field_node: Field, title: str | None = None
                  ) -> list[Column]:
    text = title or heading(field_node)
    if field_node.type in CODED:
        choices = instrument.choices_of(field_node)
        return [Column(f"{text} [kode]", field_node.name, "code", field_node, choices, width=10),
                Column(text, field_node.name, "label", field_node, choices, width=24)]
    width = 20 if field_node.type is FieldType.TEXT else 12
    return [Column(text, field_node.name, "value", field_node, width=width)]


def _in_matrix(node: Node) -> bool:
    return any(isinstance(a, Matrix) for a in node.ancestors())


def household_keys() -> list[Column]:
    return [Column("No KK", "no_kk", "key", width=19), Column("Nama Kepala Keluarga",
                                                              "nama_kk", "key", width=24),
            Column("Dusun", "dusun", "key", width=14), Column("RT", "rt", "key", width=5),
            Column("RW", "rw", "key", width=5)]


def status_keys() -> list[Column]:
    return [Column("Status", "status", "key", width=16)]


def plan_sheets(instrument: Instrument, *, with_status: bool) -> list[SheetPlan]:
    """The sheets in the order an operator keys Prodeskel: households, each repeat
    (members), then one sheet per grid item."""
    keys = household_keys() + (status_keys() if with_status else [])
    household = SheetPlan(sheet_title("DDK01 Keluarga"),
                          [Column("No", "_row", "key", width=6), *keys])
    sheets = [household]
    repeats: dict[str, SheetPlan] = {}
    matrices: list[SheetPlan] = []
    for node in instrument.order:
        if isinstance(node, Repeat):
            plan = SheetPlan(sheet_title(f"DDK{len(repeats) + 2:02d} {node.name.capitalize()}"),
                             [Column("No", "_row", "key", width=6), *keys,
                              Column("No urut", "_instance", "key", width=8)], repeat=node)
            repeats[node.name] = plan
            sheets.append(plan)
        elif isinstance(node, Matrix):
            matrices.append(_matrix_plan(instrument, node, keys))
        elif isinstance(node, Field) and exported(node) and not _in_matrix(node):
            target = repeats[node.repeats[-1].name] if node.repeats else household
            target.columns.extend(field_columns(instrument, node))
    return sheets + matrices


def _matrix_plan(instrument: Instrument, matrix: Matrix, keys: list[Column]) -> SheetPlan:
    title = sheet_title(f"{matrix.number} {matrix.label.get()}")
    member = [Column("No urut anggota", "_instance", "key", width=8)] if matrix.repeats else []
    plan = SheetPlan(title, [Column("No", "_row", "key", width=6), *keys, *member,
                             Column("Kode baris", "_matrix_row", "key", width=8),
                             Column(heading(matrix), "_matrix_label", "key", width=28)],
                     matrix=matrix)
    for column in matrix.columns:
        # every row has a cell question for this column; the first one describes it
        cell = next(name for (row, col), name in matrix.cells.items() if col == column.name)
        field_node = instrument.field(cell)
        title_text = column.label.get() or ("Jumlah" if matrix.kind == "count_per_option"
                                            else column.name)
        for planned in field_columns(instrument, field_node, title_text):
            plan.columns.append(Column(planned.header, column.name, planned.kind,
                                       planned.question, planned.choices,
                                       planned.number_format, planned.width))
    return plan


def row_label(instrument: Instrument, matrix: Matrix, row: str, values: dict[str, Any]) -> str:
    """The option a grid row stands for, or what was written in a write-in row."""
    written = matrix.row_names.get(row)
    if written:
        return str(values.get(written) or "")
    choices = instrument.choice_lists.get(matrix.list_name)
    return choices.label(row) if choices else row
