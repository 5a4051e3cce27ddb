"""Potensi and Perkembangan in the Prodeskel workbook: one sheet per section.

An operator keys the village-level forms into Prodeskel section by section (I.1, I.2 ...),
so each section of each village form with a chosen record (see :mod:`village`: the
newest year among the export's statuses) gets its own sheet beside the DDK sheets:
row 1 names the form, year, status and village; then one row per answered question in
form order (nested groups as heading rows) with its website field, value, label, unit
and origin ("dari DDK" / "manual"); a grid or count-per-option item as a small table of
its filled rows. A form without a chosen record gets no sheet at all. Sheets are written
in openpyxl's write-only mode like the rest of the workbook.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Any

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter
from openpyxl.worksheet._write_only import WriteOnlyWorksheet

from desa_app.core.exports.cells import FORMULA_FIRST
from desa_app.core.exports.columns import Column, field_columns, sheet_title
from desa_app.core.exports.styles import HEADER_FILL, HEADER_FONT, NAME_FONT, TITLE_FONT, WRAP
from desa_app.core.exports.village import (
    Grid,
    GridColumn,
    Heading,
    Question,
    Section,
    VillageReport,
    blank,
    village_reports,
)
from desa_app.core.instrument.model import Instrument
from desa_app.core.store.export_source import ExportSource

HEADERS = ("No", "Butir", "Nama pertanyaan", "Kode situs Prodeskel", "Nilai", "Label",
           "Satuan", "Asal")
WIDTHS = (8, 56, 20, 16, 16, 26, 10, 11)
GRID_WIDTH = 14
"""Columns past the question table's (wide grids such as II.3 Perkebunan)."""
BOLD = Font(bold=True)
SHEET_NAME_LIMIT = 31

def sheet_names(reports: Sequence[VillageReport], existing: Sequence[str] = ()
                ) -> list[tuple[VillageReport, Section, str]]:
    """Each section's sheet name: prefix, number and label cut to Excel's 31 characters,
    made unique against ``existing`` and each other (Excel ignores case)."""
    taken = {name.casefold() for name in existing}
    planned = []
    for report in reports:
        for section in report.sections:
            name = sheet_title(f"{report.prefix} {section.title}")
            number = 2
            while name.casefold() in taken:
                suffix = f" ({number})"
                name = sheet_title(f"{report.prefix} {section.title}")[
                    :SHEET_NAME_LIMIT - len(suffix)].rstrip() + suffix
                number += 1
            taken.add(name.casefold())
            planned.append((report, section, name))
    return planned


def write_village_sheets(book: Workbook, source: ExportSource) -> dict[str, int]:
    """Add the section sheets of every village form with a chosen record to ``book``
    (write-only); returns sheet name -> rows written below the header."""
    reports = village_reports(source)
    written: dict[str, int] = {}
    for report, section, name in sheet_names(reports, book.sheetnames):
        sheet = _SectionSheet(book.create_sheet(name), report, section,
                              source.village.title)
        written[name] = sheet.write()
    return written


class _SectionSheet:
    """One section's sheet: three title lines, the question header, then the items."""

    def __init__(self, sheet: WriteOnlyWorksheet, report: VillageReport, section: Section,
                 village: str) -> None:
        self.sheet = sheet
        self.report = report
        self.section = section
        self.village = village
        self.rows = 0
        sheet.freeze_panes = "A5"  # title lines and the header; set before any row
        width = max([len(HEADERS)] + [2 + sum(len(_grid_columns(report.instrument, c))
                                              for c in g.columns) + 1
                                      for g in section.items if isinstance(g, Grid)])
        for index in range(width):
            sheet.column_dimensions[get_column_letter(index + 1)].width = (
                WIDTHS[index] if index < len(WIDTHS) else GRID_WIDTH)

    def cell(self, value: Any, font: Font | None = None, *, indent: int = 0,
             number_format: str | None = None) -> Any:
        """A cell; text that Excel would run as a formula is written as plain text."""
        if isinstance(value, str) and value[:1] in FORMULA_FIRST:
            cell = WriteOnlyCell(self.sheet, value=None)
            cell.quotePrefix = True
            cell.value = value
            cell.data_type = "s"
        elif font is None and not indent and number_format is None:
            return value
        else:
            cell = WriteOnlyCell(self.sheet, value=value)
        if font is not None:
            cell.font = font
        if indent:
            cell.alignment = Alignment(indent=indent, wrap_text=True, vertical="top")
        if number_format is not None:
            cell.number_format = number_format
        return cell

    def value(self, value: Any) -> Any:
        """Numbers stay numbers (formatted like the DDK sheets), dates dates, text text."""
        if isinstance(value, bool) or not isinstance(value, int | float | date):
            return self.cell(value)
        if isinstance(value, date):
            return self.cell(value, number_format="DD/MM/YYYY")
        if isinstance(value, int) or value.is_integer():
            # grouped from 10.000 on, as the Laporan prints them: a year stays 2026
            return self.cell(value, number_format="#,##0" if abs(value) >= 10_000 else None)
        return self.cell(value, number_format="#,##0.##")

    def header(self, titles: Sequence[str]) -> None:
        cells = [WriteOnlyCell(self.sheet, value=t) for t in titles]
        for cell in cells:
            cell.font, cell.fill, cell.alignment = HEADER_FONT, HEADER_FILL, WRAP
        self.sheet.append(cells)

    def write(self) -> int:
        report, section = self.report, self.section
        self.sheet.append([self.cell(f"{report.heading} — {self.village}", TITLE_FONT)])
        self.sheet.append([self.cell(f"Bagian {section.title}", BOLD)])
        facts = report.refreshed
        self.sheet.append([
            f"Angka «dari DDK» dihitung dari {facts.get('keluarga', 0)} keluarga "
            f"terverifikasi{_on(facts)}; «manual» diisi atau diubah petugas."
            if facts else None])
        table_open = not section.items or not isinstance(section.items[0], Grid)
        if table_open:  # a section that opens with a grid starts with the grid's own
            self.header(HEADERS)
        if not section.items:
            self.sheet.append([None, "Belum ada isian pada bagian ini."])
        for item in section.items:
            if isinstance(item, Grid):
                self.grid(item)
                table_open = False
                continue
            if not table_open:
                self.sheet.append([])
                self.header(HEADERS)
                table_open = True
            if isinstance(item, Heading):
                self.sheet.append([self.cell(item.group.number or None),
                                   self.cell(item.group.label.get() or item.group.name,
                                             BOLD, indent=item.depth)])
            else:
                self.question(item)
        return self.rows

    def question(self, item: Question) -> None:
        node = item.field
        columns = field_columns(self.report.instrument, node)
        if len(columns) == 2:  # coded: website code, then its label
            value, label = columns[0].convert(item.value), columns[1].convert(item.value)
            shown = self.cell(value)
        else:
            label = None
            shown = self.value(columns[0].convert(item.value))
        self.sheet.append([
            self.cell(node.number or None),
            self.cell(node.label.get() or node.name, indent=item.depth + 1),
            node.name, self.cell(str(node.extra.get("prodeskel") or "") or None), shown,
            self.cell(label), self.cell(str(node.extra.get("unit") or "") or None),
            item.origin or None])
        self.rows += 1

    def grid(self, grid: Grid) -> None:
        instrument, matrix = self.report.instrument, grid.matrix
        self.sheet.append([])
        self.sheet.append([self.cell(matrix.number or None),
                           self.cell(matrix.label.get() or matrix.name, BOLD)])
        planned = [(index, column) for index, c in enumerate(grid.columns)
                   for column in _grid_columns(instrument, c)]
        codes = [grid.columns[index].prodeskel or None for index, _ in planned]
        if any(codes):
            self.sheet.append([None, self.cell("Kode situs Prodeskel", NAME_FONT),
                               *[self.cell(c, NAME_FONT) for c in codes]])
        self.header(["Kode", "Rincian", *[c.header for _, c in planned],
                     *(["Asal"] if grid.figures else [])])
        for row in grid.rows:
            values = [self.value(None if blank(row.values[i]) else c.convert(row.values[i]))
                      for i, c in planned]
            self.sheet.append([self.cell(row.code or None), self.cell(row.label), *values,
                               *([row.origin(grid.columns) or None] if grid.figures
                                 else [])])
            self.rows += 1


def _grid_columns(instrument: Instrument, column: GridColumn) -> list[Column]:
    """The sheet columns of one grid column: code and label for a coded one."""
    return field_columns(instrument, column.field, column.heading)


def _on(facts: dict[str, Any]) -> str:
    """" pada 23/11/2026" from the ISO time kept with the DDK figures ("" if unreadable)."""
    try:
        day = date.fromisoformat(str(facts.get("dihitung", ""))[:10])
    except ValueError:
        return ""
    return f" pada {day.day:02d}/{day.month:02d}/{day.year}"
