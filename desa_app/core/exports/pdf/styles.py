"""Type sizes, colours and the small text helpers every PDF shares.

Kept apart from the page template so the documents look alike (one set of sizes, one
grey for rules) and a change of house style is made in one place. All text goes through
:func:`para` or :func:`wrap`, which escape user text (a name may contain ``&`` or ``<``)
and always use the embedded Unicode font.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache
from typing import Any
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.utils import simpleSplit
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Paragraph, Table, TableStyle

from desa_app.core.exports.pdf.fonts import FONT, FONT_BOLD, register_fonts

register_fonts()

INK = colors.HexColor("#1a1a1a")
RULE = colors.HexColor("#8c8c8c")
SHADE = colors.HexColor("#e8eef4")
SECTION = colors.HexColor("#c9d8e6")
ACCENT = colors.HexColor("#1f4e79")
LATE = colors.HexColor("#b00020")

BODY = ParagraphStyle("body", fontName=FONT, fontSize=9, leading=11.5, textColor=INK)
SMALL = ParagraphStyle("small", parent=BODY, fontSize=7, leading=8.5)
HINT = ParagraphStyle("hint", parent=SMALL, textColor=colors.HexColor("#555555"))
JUSTIFIED = ParagraphStyle("justified", parent=BODY, fontSize=10.5, leading=15,
                           alignment=TA_JUSTIFY)
TITLE = ParagraphStyle("title", parent=BODY, fontName=FONT_BOLD, fontSize=15, leading=19,
                       alignment=TA_CENTER, spaceAfter=4)
SUBTITLE = ParagraphStyle("subtitle", parent=BODY, fontSize=10.5, leading=14,
                          alignment=TA_CENTER)
HEADING = ParagraphStyle("heading", parent=BODY, fontName=FONT_BOLD, fontSize=11, leading=14,
                         textColor=ACCENT, spaceBefore=8, spaceAfter=4, keepWithNext=1)
SUBHEADING = ParagraphStyle("subheading", parent=BODY, fontName=FONT_BOLD, fontSize=9.5,
                            leading=12, spaceBefore=5, spaceAfter=2, keepWithNext=1)
CELL = ParagraphStyle("cell", parent=BODY, fontSize=8, leading=10)
CELL_SIZE = 8
CELL_LEADING = 10


def text(value: object) -> str:
    """User text made safe for a Paragraph (which reads a small XML dialect)."""
    return escape(str(value))


def para(value: object, style: ParagraphStyle = BODY, *, markup: bool = False) -> Paragraph:
    """A Paragraph of ``value``; escaped unless ``markup`` (our own ``<b>`` tags)."""
    return Paragraph(str(value) if markup else text(value), style)


@lru_cache(maxsize=20_000)
def _lines(value: str, width: float, font: str, size: float) -> tuple[str, ...]:
    lines: list[str] = []
    for part in value.split("\n"):
        for line in simpleSplit(part, font, size, width) or [""]:
            lines.extend(_break_word(line, width, font, size))
    return tuple(lines)


def _break_word(line: str, width: float, font: str, size: float) -> list[str]:
    """A line that is still too wide (one long word: a birth certificate number) cut
    between characters, so nothing runs over the cell's edge."""
    if stringWidth(line, font, size) <= width:
        return [line]
    pieces, current = [], ""
    for char in line:
        if current and stringWidth(current + char, font, size) > width:
            pieces.append(current)
            current = ""
        current += char
    return [*pieces, current]


def wrap(value: object, width: float, *, bold: bool = False, size: float = CELL_SIZE) -> str:
    """``value`` broken into lines that fit ``width`` points, for a plain table cell.

    A plain string cell is many times faster to lay out than a Paragraph, which matters
    when thousands of households are printed; labels repeat in every household, so the
    result is cached.
    """
    return "\n".join(_lines(str(value), width, FONT_BOLD if bold else FONT, size))


def grid_style(*extra: tuple[Any, ...], header: bool = True, size: float = CELL_SIZE,
               leading: float = CELL_LEADING, lines: bool = True) -> TableStyle:
    """The house table: thin grey grid (unless not ``lines``), small type, a shaded bold
    first row (unless not ``header``)."""
    commands: list[tuple[Any, ...]] = [
        ("FONT", (0, 0), (-1, -1), FONT, size, leading),
        ("TEXTCOLOR", (0, 0), (-1, -1), INK),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), 3),
        ("RIGHTPADDING", (0, 0), (-1, -1), 3),
        ("TOPPADDING", (0, 0), (-1, -1), 1.5),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 2.5),
    ]
    if lines:
        commands.append(("GRID", (0, 0), (-1, -1), 0.4, RULE))
    if header:
        commands += [("FONT", (0, 0), (-1, 0), FONT_BOLD, size, leading),
                     ("BACKGROUND", (0, 0), (-1, 0), SHADE)]
    commands.extend(extra)
    return TableStyle(commands)


def table(rows: Sequence[Sequence[Any]], widths: Sequence[float], *,
          style: TableStyle | None = None, repeat_header: bool = True,
          heights: Sequence[float | None] | None = None) -> Table:
    """A table that may break across pages, its header row repeated on each."""
    return Table([list(r) for r in rows], colWidths=list(widths),
                 rowHeights=list(heights) if heights is not None else None,
                 repeatRows=1 if repeat_header else 0, style=style or grid_style(),
                 hAlign="LEFT")


def number(value: float | int, decimals: int | None = None, *,
           group_small: bool = True) -> str:
    """A number as Indonesians write it: 2.950.000 and 1,5.

    Without ``group_small`` thousands are grouped only from 10.000 on, for answers that
    may be years (2026, not 2.026).
    """
    if isinstance(value, float) and not value.is_integer():
        shown = f"{value:,.{decimals if decimals is not None else 2}f}".rstrip("0")
        shown = shown.rstrip(".")
    else:
        shown = f"{int(value):,}"
    if not group_small and abs(value) < 10_000:
        shown = shown.replace(",", "")
    return shown.replace(",", "\0").replace(".", ",").replace("\0", ".")
