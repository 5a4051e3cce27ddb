"""Pieces of the household printout: item tables, section bands and grid tables.

An item list is produced as a stream of small pieces (a row, a sub-group title, a
ready flowable) and :func:`tables` joins consecutive rows into one table, so a section
of forty items is one table that breaks across pages rather than forty tiny ones.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import Any

from reportlab.lib.units import mm
from reportlab.platypus import Table

from desa_app.core.exports.pdf.answers import (
    EMPTY,
    column_text,
    has_row_units,
    is_blank,
    row_label,
    row_unit,
)
from desa_app.core.exports.pdf.blank_grids import column_title
from desa_app.core.exports.pdf.fonts import FONT_BOLD
from desa_app.core.exports.pdf.layout import PORTRAIT_WIDTH
from desa_app.core.exports.pdf.styles import SECTION, grid_style, table, wrap
from desa_app.core.instrument.model import Field, FieldType, Instrument, Matrix, Node

ITEM_WIDTHS = (17 * mm, 68 * mm, PORTRAIT_WIDTH - 85 * mm)
Piece = tuple[str, Any]
"""("row", cells) for an item row, ("head", text) for a sub-group, ("flow", flowable)."""


def matrix_table(instrument: Instrument, matrix: Matrix,
                 answers: dict[str, Any]) -> Table | None:
    """A table of the rows that hold an answer; None when no row does."""
    units = has_row_units(instrument, matrix)
    columns = list(matrix.columns)
    code_width = ITEM_WIDTHS[0]
    fixed = code_width + (16 * mm if units else 0)
    label_width = 50 * mm if len(columns) > 2 else ITEM_WIDTHS[1]
    value_width = (PORTRAIT_WIDTH - fixed - label_width) / max(1, len(columns))
    header = ["Kode", "Rincian", *(["Satuan"] if units else [])]
    for column in columns:
        header.append(wrap(column_title(matrix, column), value_width - 6, bold=True))
    rows: list[list[str]] = [header]
    for row in matrix.rows:
        values = [answers.get(matrix.cells.get((row, c.name), "")) for c in columns]
        named = matrix.row_names.get(row)
        if all(is_blank(v) for v in values) and (not named
                                                 or is_blank(answers.get(named))):
            continue
        cells = [wrap(column_text(instrument, c.type, c.list_name, v),
                      value_width - 6) for c, v in zip(columns, values, strict=True)]
        rows.append([row if row in _codes(instrument, matrix) else "",
                     wrap(row_label(instrument, matrix, row, answers),
                          label_width - 6),
                     *([row_unit(instrument, matrix, row)] if units else []),
                     *cells])
    if len(rows) == 1:
        return None
    widths = [code_width, label_width, *([16 * mm] if units else []),
              *([value_width] * len(columns))]
    return table(rows, widths)

def _codes(instrument: Instrument, matrix: Matrix) -> frozenset[str]:
    choices = instrument.choice_lists.get(matrix.list_name)
    return frozenset(choices.by_name) if choices else frozenset()


def matrix_text(instrument: Instrument, matrix: Matrix, answers: dict[str, Any]) -> str:
    """A grid of one member in a few words: "Batu kali: Produksi 2; ..." per row."""
    lines = []
    for row in matrix.rows:
        parts = []
        for column in matrix.columns:
            value = answers.get(matrix.cells.get((row, column.name), ""))
            if not is_blank(value):
                shown = column_text(instrument, column.type, column.list_name, value)
                title = column.label.get()
                parts.append(f"{title} {shown}" if title else shown)
        if parts:
            lines.append(f"{row_label(instrument, matrix, row, answers)}: "
                         + "; ".join(parts))
    return "\n".join(lines) or EMPTY


def printed(field: Field, answers: dict[str, Any]) -> bool:
    """Numbered items always (blank ones too: the paper shows they were asked);
    unnumbered ones (write-ins "Lainnya ...") only when they hold something."""
    if field.type is FieldType.NOTE:
        return False
    if field.number:
        return True
    return field.type is not FieldType.CALCULATE and not is_blank(answers.get(field.name))


def numbered(node: Node) -> str:
    return f"{node.number}  {node.label.get()}".strip()


def band(node: Node | None, suffix: str = "", light: bool = False) -> Table:
    """A shaded full-width heading bar for a section (or one member)."""
    title = (numbered(node) if node is not None else "") + suffix
    band = Table([[wrap(title, PORTRAIT_WIDTH - 8, bold=True, size=10)]],
                 colWidths=[PORTRAIT_WIDTH],
                 style=grid_style(("FONT", (0, 0), (-1, -1), FONT_BOLD, 10, 12.5),
                                  ("BACKGROUND", (0, 0), (-1, -1),
                                   "#e8eef4" if light else SECTION),
                                  header=False, lines=False))
    band.keepWithNext = True
    band.spaceBefore = 4
    band.spaceAfter = 2
    return band


def tables(pieces: Iterator[Piece], widths: Sequence[float] = ITEM_WIDTHS,
            header: list[str] | None = None) -> Iterator[Any]:
    """Consecutive item rows joined into one table; sub-group titles as spanning rows.

    With ``header`` the table repeats that row on every page it runs onto."""
    rows: list[list[str]] = []
    extra: list[tuple[Any, ...]] = []
    top = 1 if header else 0

    def flush() -> Iterator[Any]:
        if rows:
            yield table(([header] if header else []) + rows, widths,
                        style=grid_style(*extra, header=bool(header)),
                        repeat_header=bool(header))
            rows.clear()
            extra.clear()

    for kind, value in pieces:
        if kind == "row":
            rows.append(value)
        elif kind == "head":
            line = len(rows) + top
            rows.append([wrap(value, sum(widths) - 6, bold=True), *[""] * (len(widths) - 1)])
            extra.extend([("SPAN", (0, line), (-1, line)),
                          ("FONT", (0, line), (-1, line), FONT_BOLD),
                          ("BACKGROUND", (0, line), (-1, line), "#f3f6f9")])
        else:
            yield from flush()
            yield value
    yield from flush()
