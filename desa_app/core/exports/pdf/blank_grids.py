"""The tables of the blank questionnaire: grid items and the member roster.

A grid's rows are the options of its list (plus empty "Lainnya" rows), its columns the
definition's columns; a column that is itself a choice becomes one check-box column per
option, as the paper DDK prints table 1.4 (Baik / Berasa / Berwarna / Berbau).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from reportlab.lib.units import mm
from reportlab.platypus import Table

from desa_app.core.exports.pdf.answers import has_row_units, row_label, row_unit
from desa_app.core.exports.pdf.fonts import FONT_BOLD
from desa_app.core.exports.pdf.layout import LANDSCAPE_WIDTH
from desa_app.core.exports.pdf.styles import SMALL, grid_style, para, text, wrap
from desa_app.core.exports.pdf.widgets import CHECK, digit_boxes
from desa_app.core.instrument.model import (
    Field,
    FieldType,
    Instrument,
    Matrix,
    MatrixColumn,
    Repeat,
)

DIGITS = re.compile(r"\[0-9\]\{(\d+)(?:,(\d+))?\}")
COMPARED = re.compile(r"\.\s*[<>]=?\s*(\d+)|(\d+)\s*[<>]=?\s*\.")
DEFAULT_DIGITS = 6
ROSTER_ROWS = 10
ROSTER_ROLES = ("name", "nik", "sex", "relation", "birth_date")
"""``person_index`` roles of the definition's settings shown on the roster, in order."""
CHOICE_TYPES = (FieldType.SELECT_ONE, FieldType.SELECT_MULTIPLE)


def box_count(field: Field) -> int | None:
    """Digit boxes for a question, read from its rules; None: write on a line instead.

    A text must match ``[0-9]{16}`` → 16 boxes (``{1,3}`` → 3); a number gets as many
    boxes as the longest limit it is compared with (at least 2), else a default."""
    sources = [c.rule.source for c in field.checks]
    if field.constraint is not None:
        sources.append(field.constraint.source)
    if field.type is FieldType.TEXT:
        fixed = [int(m.group(2) or m.group(1)) for s in sources for m in DIGITS.finditer(s)]
        return max(fixed) if fixed else None
    limits = [m.group(1) or m.group(2) for s in sources for m in COMPARED.finditer(s)]
    return max([2, *(len(n) for n in limits)]) if limits else DEFAULT_DIGITS


def column_title(matrix: Matrix, column: MatrixColumn) -> str:
    """A grid column's heading with its unit, unless the label already names it."""
    title = column.label.get() or "Jumlah"
    unit = column.spec.get("unit") or (matrix.extra.get("unit") if not column.name else "")
    return f"{title} ({unit})" if unit and f"({unit})" not in title else title


def matrix_table(instrument: Instrument, matrix: Matrix, width: float,
                 code_width: float) -> Table:
    """An empty grid: every option a row, every column (or column option) a cell."""
    units = has_row_units(instrument, matrix)
    options = instrument.choice_lists.get(matrix.list_name)
    columns: list[tuple[str, list[str] | None, float]] = []
    for column in matrix.columns:
        listed = (instrument.choice_lists.get(column.list_name)
                  if column.list_name and column.type in CHOICE_TYPES else None)
        if listed is not None:
            columns.append((column_title(matrix, column),
                            [f"{c.name} {c.label.get()}" for c in listed.choices], 17 * mm))
        else:
            wide = 32 * mm if column.type is FieldType.TEXT else 24 * mm
            columns.append((column_title(matrix, column), None, wide))
    values = sum(w * (len(subs) if subs else 1) for _, subs, w in columns)
    unit_width = 15 * mm if units else 0
    label_width = width - code_width - unit_width - values
    if label_width < 40 * mm:
        scale = (width - code_width - unit_width - 40 * mm) / values
        columns = [(t, subs, w * scale) for t, subs, w in columns]
        label_width = 40 * mm
    two_rows = any(subs for _, subs, _ in columns)
    top = ["Kode", "Rincian", *(["Satuan"] if units else [])]
    second = [""] * len(top)
    widths = [code_width, label_width, *([unit_width] if units else [])]
    commands: list[tuple[Any, ...]] = [("ALIGN", (len(top), 0), (-1, -1), "CENTER")]
    for title, subs, w in columns:
        first = len(widths)
        if subs:
            top += [wrap(title, w * len(subs) - 6, bold=True)] + [""] * (len(subs) - 1)
            second += [wrap(s, w - 6, size=7) for s in subs]
            widths += [w] * len(subs)
            commands.append(("SPAN", (first, 0), (first + len(subs) - 1, 0)))
        else:
            top.append(wrap(title, w - 6, bold=True))
            second.append("")
            widths.append(w)
            if two_rows:
                commands.append(("SPAN", (first, 0), (first, 1)))
    if two_rows:
        commands += [("SPAN", (i, 0), (i, 1)) for i in range(3 if units else 2)]
        commands += [("FONT", (0, 1), (-1, 1), FONT_BOLD, 7, 8.5),
                     ("BACKGROUND", (0, 1), (-1, 1), "#e8eef4")]
    header = [top, second] if two_rows else [top]
    rows: list[list[str]] = []
    for row in matrix.rows:
        listed_row = options is not None and row in options.by_name
        label = row_label(instrument, matrix, row)
        cells = [CHECK if subs else "" for _, subs, _ in columns
                 for _ in range(len(subs) if subs else 1)]
        rows.append([row if listed_row else "",
                     wrap(label if listed_row else f"{label}: " + "." * 24, label_width - 6),
                     *([row_unit(instrument, matrix, row)] if units else []), *cells])
    return Table([*header, *rows], colWidths=widths, repeatRows=len(header), hAlign="LEFT",
                 style=grid_style(*commands, ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                                  ("TOPPADDING", (0, len(header)), (-1, -1), 2.2),
                                  ("BOTTOMPADDING", (0, len(header)), (-1, -1), 2.8)))


def roster(instrument: Instrument, repeat: Repeat) -> Iterator[Any]:
    """The member list: one row per member with boxes, and the code legends below."""
    people = instrument.settings.get("person_index") or {}
    fields = [instrument.nodes.get(str(people.get(role, ""))) for role in ROSTER_ROLES]
    chosen = [f for f in fields if isinstance(f, Field) and repeat in f.ancestors()]
    if not chosen:  # no person index: the first few questions of the repeat
        chosen = [f for f in repeat.fields() if f.type is not FieldType.CALCULATE][:5]
    specs = [_roster_cell(instrument, f) for f in chosen]
    flexible = sum(1 for _, w in specs if w is None)
    fixed = 10 * mm + sum(w for _, w in specs if w is not None)
    spare = (LANDSCAPE_WIDTH - fixed) / max(1, flexible)
    widths = [10 * mm, *((w if w is not None else spare) for _, w in specs)]
    header = ["No", *(wrap(f"{f.number} {f.label.get()}".strip(), w - 6, bold=True)
                      for f, w in zip(chosen, widths[1:], strict=True))]
    rows: list[list[Any]] = [header]
    for number in range(1, ROSTER_ROWS + 1):
        rows.append([str(number), *(make() for make, _ in specs)])
    yield Table(rows, colWidths=widths, repeatRows=1, hAlign="LEFT",
                rowHeights=[None, *[10 * mm] * ROSTER_ROWS],
                style=grid_style(("VALIGN", (0, 1), (-1, -1), "MIDDLE")))
    for field in chosen:
        choices = instrument.choices_of(field)
        if field.type is FieldType.SELECT_ONE and choices is not None:
            legend = " · ".join(f"{text(c.name)} {text(c.label.get())}"
                                for c in choices.choices)
            yield para(f"<b>Kode {text(field.label.get())}:</b> {legend}", SMALL, markup=True)


def _roster_cell(instrument: Instrument, field: Field) -> tuple[Any, float | None]:
    """How one roster column is filled in (a factory of fresh cells) and its width
    (None: shares the space left)."""
    if field.type is FieldType.DATE:
        return (lambda: digit_boxes([2, 2, 4], "/")), 52 * mm
    if field.type is FieldType.SELECT_ONE:
        choices = instrument.choices_of(field)
        digits = max((len(c.name) for c in choices.choices), default=1) if choices else 2
        return (lambda: digit_boxes([digits])), max(22 * mm, digits * 5 * mm + 8)
    count = box_count(field) if field.type is not FieldType.SELECT_MULTIPLE else None
    if count:
        return (lambda: digit_boxes([count])), count * 5 * mm + 8
    return (lambda: ""), None
