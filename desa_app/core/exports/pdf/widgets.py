"""What a blank paper form is made of: digit boxes, writing lines, check-box lists.

All are plain reportlab Tables (no custom drawing): they split across pages by
themselves and a printer renders their thin lines crisply at any zoom.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Table, TableStyle

from desa_app.core.exports.pdf.fonts import FONT
from desa_app.core.exports.pdf.styles import INK, RULE, wrap
from desa_app.core.instrument.model import ChoiceList

BOX = 5 * mm
BOX_HEIGHT = 6 * mm
CHECK = "☐"
"""U+2610 BALLOT BOX, drawn from DejaVu Sans: a small check box before each option."""
CHOICE_SIZE = 7.5


def digit_boxes(groups: Sequence[int], separator: str = "", *, prefix: str = "",
                suffix: str = "") -> Table:
    """Boxes for ``groups`` of digits, e.g. (2, 2, 4) with "/" for a date; ``prefix``
    and ``suffix`` are small words beside them ("Kode", "Rp/bulan")."""
    cells: list[str] = []
    widths: list[float] = []
    boxed: list[int] = []
    if prefix:
        cells.append(prefix)
        widths.append(stringWidth(prefix, FONT, CHOICE_SIZE) + 3 * mm)
    for index, count in enumerate(groups):
        if index and separator:
            cells.append(separator)
            widths.append(3 * mm)
        for _ in range(count):
            boxed.append(len(cells))
            cells.append("")
            widths.append(BOX)
    if suffix:
        cells.append(suffix)
        widths.append(stringWidth(suffix, FONT, CHOICE_SIZE) + 3 * mm)
    commands: list[tuple[Any, ...]] = [
        ("FONT", (0, 0), (-1, -1), FONT, CHOICE_SIZE),
        ("ALIGN", (0, 0), (-1, -1), "CENTER"),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("LEFTPADDING", (0, 0), (-1, -1), 0),
        ("RIGHTPADDING", (0, 0), (-1, -1), 0),
    ]
    commands += [("BOX", (i, 0), (i, 0), 0.7, INK) for i in boxed]
    return Table([cells], colWidths=widths, rowHeights=[BOX_HEIGHT], hAlign="LEFT",
                 style=TableStyle(commands))


def writing_line(width: float, lines: int = 1) -> Table:
    """Lines to write on (dotted would vanish on a poor photocopy; these are solid)."""
    return Table([[""] for _ in range(lines)], colWidths=[width],
                 rowHeights=[7 * mm] * lines, hAlign="LEFT",
                 style=TableStyle([("LINEBELOW", (0, 0), (-1, -1), 0.5, RULE)]))


def choice_columns(choices: ChoiceList, width: float) -> int:
    """How many columns a list fits in: four for short labels, down to two."""
    longest = max((stringWidth(f"{CHECK} {c.name} {c.label.get()}", FONT, CHOICE_SIZE)
                   for c in choices.choices), default=0)
    for columns in (4, 3):
        if longest <= width / columns - 8:
            return columns
    return 2


def choice_table(choices: ChoiceList, width: float, extra: Sequence[str] = ()) -> Table:
    """Every option as "☐ code label", read down the columns like a printed form;
    ``extra`` adds write-in lines ("Lainnya 1: ........")."""
    items = [f"{CHECK} {c.name}  {c.label.get()}" for c in choices.choices]
    items += [f"{CHECK} {label}: " + "." * 30 for label in extra]
    columns = choice_columns(choices, width)
    column_width = width / columns
    rows_needed = -(-len(items) // columns)
    rows = []
    for row in range(rows_needed):
        cells = []
        for column in range(columns):
            index = column * rows_needed + row
            cells.append(wrap(items[index], column_width - 4, size=CHOICE_SIZE)
                         if index < len(items) else "")
        rows.append(cells)
    return Table(rows, colWidths=[column_width] * columns, hAlign="LEFT", style=TableStyle([
        ("FONT", (0, 0), (-1, -1), FONT, CHOICE_SIZE, CHOICE_SIZE + 2),
        ("TEXTCOLOR", (0, 0), (-1, -1), INK),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), 2),
        ("RIGHTPADDING", (0, 0), (-1, -1), 2),
        ("TOPPADDING", (0, 0), (-1, -1), 0.8),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 0.8),
    ]))
