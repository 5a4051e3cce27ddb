"""The Prodeskel workbook: what an operator keys into the Prodeskel website from.

Sheets in the order the website asks: households (DDK01), members (DDK02), one sheet
per grid item, one per section of the newest Potensi and Perkembangan
(``village_sheets.py``), the code lists, and **Rekap** with the village aggregates.
openpyxl's write-only mode streams every sheet to disk, so a 10,000-household village
needs little memory; the file appears under its real name only when complete (atomic
output).

Row 1 of a data sheet holds the definition's question names (for mapping to Prodeskel
fields), row 2 the item numbers and labels with the filter buttons; both stay in view
(frozen panes) with the household's key columns.
"""

from __future__ import annotations

import contextlib
import gc
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet._write_only import WriteOnlyWorksheet

from desa_app.core.exports.cells import FORMULA_FIRST
from desa_app.core.exports.columns import Column, SheetPlan, plan_sheets, row_label
from desa_app.core.exports.progress import Progress
from desa_app.core.exports.rekap import Rekap
from desa_app.core.exports.styles import HEADER_FILL, HEADER_FONT, NAME_FONT, TITLE_FONT, WRAP
from desa_app.core.exports.village_sheets import write_village_sheets
from desa_app.core.files import atomic_output
from desa_app.core.instrument.model import Repeat
from desa_app.core.messages import text
from desa_app.core.store.export_source import ExportRecord, ExportSource
from desa_app.core.workflow import STATUS_LABELS

PROGRESS_EVERY = 100


@dataclass(frozen=True)
class WorkbookResult:
    path: Path
    households: int
    rows: dict[str, int]  # sheet title -> data rows


class _Sheet:
    """One write-only sheet with its plan, its styled header and reusable cells."""

    def __init__(self, book: Workbook, plan: SheetPlan) -> None:
        self.plan = plan
        self.sheet: WriteOnlyWorksheet = book.create_sheet(plan.title)
        self.columns = [*plan.keys, *plan.columns]
        self.rows = 0
        for index, column in enumerate(self.columns, 1):
            self.sheet.column_dimensions[get_column_letter(index)].width = column.width
        self.sheet.freeze_panes = f"{get_column_letter(min(len(plan.keys), 4))}3"
        self.format_indices = [(i, self._styled(c.number_format))
                               for i, c in enumerate(self.columns) if c.number_format]
        # any typed value can be text (a malformed date or number is kept as typed)
        self.text_indices = [i for i, c in enumerate(self.columns) if c.kind != "label"]
        names = [self._cell(c.name if c.kind != "key" else "", NAME_FONT) for c in self.columns]
        self.sheet.append(names)
        self.sheet.append([self._cell(c.header, HEADER_FONT, HEADER_FILL, WRAP)
                           for c in self.columns])

    def _cell(self, value: Any, font: Font, fill: PatternFill | None = None,
              alignment: Alignment | None = None) -> WriteOnlyCell:
        cell = WriteOnlyCell(self.sheet, value=value)
        cell.font = font
        if fill is not None:
            cell.fill = fill
        if alignment is not None:
            cell.alignment = alignment
        return cell

    def _styled(self, number_format: str) -> WriteOnlyCell:
        cell = WriteOnlyCell(self.sheet)
        cell.number_format = number_format
        return cell

    def append(self, values: list[Any]) -> None:
        """One data row. Only the columns that can need it are looked at: typed text
        (may look like a formula) and formatted numbers and dates; the rest goes to
        openpyxl as plain values, as fast as raw writing."""
        for index in self.text_indices:
            value = values[index]
            if isinstance(value, str) and value[:1] in FORMULA_FIRST:
                cell = WriteOnlyCell(self.sheet, value=None)
                cell.quotePrefix = True
                cell.value = value
                cell.data_type = "s"  # plain text: Excel never runs it
                values[index] = cell
        for index, template in self.format_indices:
            value = values[index]
            if value is None or isinstance(value, str):
                continue
            if isinstance(value, int | float) and -1000 < value < 1000:
                continue  # looks the same in General; the format shows thousands only
            cell = WriteOnlyCell(self.sheet, value=value)
            cell._style = template._style  # shares the number format, no lookup
            values[index] = cell
        self.sheet.append(values)
        self.rows += 1

    def finish(self) -> None:
        last = get_column_letter(len(self.columns))
        self.sheet.auto_filter.ref = f"A2:{last}{self.rows + 2}"


def _keys(sheet: _Sheet, record: ExportRecord, extra: dict[str, Any]) -> list[Any]:
    values: list[Any] = []
    for column in sheet.plan.keys:
        if column.name == "_row":
            values.append(sheet.rows + 1)
        elif column.name == "status":
            values.append(STATUS_LABELS[record.status])
        elif column.name in extra:
            values.append(extra[column.name])
        else:
            values.append(getattr(record, column.name, None) or None)
    return values


def _answers(columns: list[Column], level: dict[str, Any]) -> list[Any]:
    return [None if (value := level.get(column.name)) is None else column.convert(value)
            for column in columns]


def _instances(record: ExportRecord, repeat: Repeat | None
               ) -> Iterator[tuple[int, dict[str, Any]]]:
    """(number, answers) of each instance of ``repeat`` (1-based); the record itself
    (number 0) when there is no repeat."""
    if repeat is None:
        yield 0, record.answers
        return
    items = record.answers.get(repeat.name)
    for number, item in enumerate(items if isinstance(items, list) else [], 1):
        if isinstance(item, dict):
            yield number, item


class _Writer:
    """Writes one record into every sheet of the plan."""

    def __init__(self, source: ExportSource, sheets: list[_Sheet]) -> None:
        self.source = source
        self.tables = [s for s in sheets if s.plan.matrix is None]
        self.grids = [s for s in sheets if s.plan.matrix is not None]
        # cell question -> (grid sheet, row): the answers name the few filled rows, so a
        # household's 366 possible grid rows are never scanned one by one
        self.cell_rows: dict[str, tuple[_Sheet, str]] = {}
        self.order: dict[tuple[int, str], int] = {}
        for sheet in self.grids:
            matrix = sheet.plan.matrix
            assert matrix is not None
            for position, row in enumerate(matrix.rows):
                self.order[(id(sheet), row)] = position
            for (row, _column), name in matrix.cells.items():
                self.cell_rows[name] = (sheet, row)
            for row, name in matrix.row_names.items():
                self.cell_rows[name] = (sheet, row)
        self.grid_levels: dict[Repeat | None, list[_Sheet]] = {}
        for sheet in self.grids:
            matrix = sheet.plan.matrix
            assert matrix is not None
            repeat = matrix.repeats[-1] if matrix.repeats else None
            self.grid_levels.setdefault(repeat, []).append(sheet)

    def write(self, record: ExportRecord) -> None:
        for sheet in self.tables:
            plan = sheet.plan
            for number, level in _instances(record, plan.repeat):
                own: dict[str, Any] = {"_instance": number} if plan.repeat else {}
                sheet.append(_keys(sheet, record, own) + _answers(plan.columns, level))
        for repeat, sheets in self.grid_levels.items():
            for number, level in _instances(record, repeat):
                filled = self._filled_rows(level)
                for sheet in sheets:
                    if sheet in filled:
                        self._grid_rows(sheet, record, number, level, filled[sheet])

    def _filled_rows(self, level: dict[str, Any]) -> dict[_Sheet, set[str]]:
        """Grid rows with an answer in this level, found in one pass over its keys."""
        filled: dict[_Sheet, set[str]] = {}
        owners = self.cell_rows
        for name in level:
            owner = owners.get(name)
            if owner is not None:
                filled.setdefault(owner[0], set()).add(owner[1])
        return filled

    def _grid_rows(self, sheet: _Sheet, record: ExportRecord, number: int,
                   level: dict[str, Any], rows: set[str]) -> None:
        matrix = sheet.plan.matrix
        assert matrix is not None
        for row in sorted(rows, key=lambda r: self.order[(id(sheet), r)]):
            values = [None if (value := level.get(matrix.cells.get((row, c.name), "")))
                      is None else c.convert(value) for c in sheet.plan.columns]
            if all(v is None for v in values):
                continue  # only the write-in name was given
            extra: dict[str, Any] = {
                "_instance": number, "_matrix_row": row,
                "_matrix_label": row_label(self.source.instrument, matrix, row, level)}
            sheet.append(_keys(sheet, record, extra) + values)


def _write_codes(book: Workbook, source: ExportSource) -> None:
    sheet = book.create_sheet("Kode")
    for letter, width in zip("ABCD", (28, 10, 48, 14), strict=True):
        sheet.column_dimensions[letter].width = width
    header = [WriteOnlyCell(sheet, value=v) for v in
              ("Daftar pilihan", "Kode", "Label", "Kode situs Prodeskel")]
    for cell in header:
        cell.font, cell.fill = HEADER_FONT, HEADER_FILL
    sheet.append(header)
    for choices in source.instrument.choice_lists.values():
        for choice in choices.choices:
            web = choice.extra.get("prodeskel")
            sheet.append([choices.name, choice.name, choice.label.get(),
                          str(web) if web not in (None, "") else None])
    sheet.freeze_panes = "A2"
    rows = sum(len(c.choices) for c in source.instrument.choice_lists.values())
    sheet.auto_filter.ref = f"A1:D{rows + 1}"


def _write_rekap(sheet: WriteOnlyWorksheet, source: ExportSource, rekap: Rekap) -> None:
    for letter, width in zip("ABCD", (48, 12, 12, 12), strict=True):
        sheet.column_dimensions[letter].width = width
    title = WriteOnlyCell(sheet, value=f"Rekap {source.instrument.title.get()} — "
                                       f"{source.village.title}")
    title.font = TITLE_FONT
    sheet.append([title])
    scope = ("semua status" if source.all_statuses else "rekaman yang disetujui Tim")
    sheet.append([f"Dihitung dari {rekap.households} keluarga ({scope}); umur per "
                  f"{rekap.on.strftime('%d/%m/%Y')}."])
    sheet.append([])
    for row in rekap.rows():
        if len(row) == 4 and isinstance(row[1], str):  # a table's header row
            cells = [WriteOnlyCell(sheet, value=v) for v in row]
            for cell in cells:
                cell.font = Font(bold=True)
            sheet.append(cells)
        else:
            sheet.append(row)


def _discard(book: Workbook) -> None:
    """Close the sheets' temporary files of an abandoned workbook (cancelled, failed),
    so nothing is left open for the garbage collector to trip over later."""
    for sheet in book.worksheets:
        with contextlib.suppress(Exception):
            sheet.close()


@contextlib.contextmanager
def _long_lived_frozen() -> Iterator[None]:
    """Keep the garbage collector off the app's long-lived objects while writing.

    Millions of short-lived cell objects trigger many full collections; each would scan
    the definition, SQLAlchemy and the GUI again (measured: ~15% of a 10,000-household
    export). Frozen objects are simply skipped, and given back afterwards."""
    gc.freeze()
    try:
        yield
    finally:
        gc.unfreeze()


def write_workbook(source: ExportSource, out: Path, progress: Progress | None = None
                   ) -> WorkbookResult:
    """Write the workbook of the source's records to ``out`` (replaced only when done)."""
    with _long_lived_frozen():
        return _write_workbook(source, out, progress)


def _write_workbook(source: ExportSource, out: Path, progress: Progress | None
                    ) -> WorkbookResult:
    progress = progress or Progress()
    total = source.count()
    progress.step(0, total, text("exports.step.workbook_prepare"))
    with atomic_output(Path(out)) as partial:
        book = Workbook(write_only=True)
        plans = plan_sheets(source.instrument, with_status=source.all_statuses)
        sheets = [_Sheet(book, plan) for plan in plans]
        try:  # Potensi, Perkembangan: after the DDK sheets, before Kode and Rekap
            village_rows = write_village_sheets(book, source)
        except BaseException:
            _discard(book)
            raise
        _write_codes(book, source)
        rekap_sheet = book.create_sheet("Rekap")
        rekap = Rekap(source.instrument, source.exported_at.date())
        writer = _Writer(source, sheets)
        done = 0
        try:
            for record in source.records():
                writer.write(record)
                rekap.add(record.answers)
                done += 1
                if done % PROGRESS_EVERY == 0:
                    progress.step(done, total, text("exports.step.workbook_rows"))
        except BaseException:
            _discard(book)
            raise
        for sheet in sheets:
            sheet.finish()
        _write_rekap(rekap_sheet, source, rekap)
        progress.step(done, total, text("exports.step.workbook_save"))
        book.save(partial)
    return WorkbookResult(Path(out), done,
                          {**{s.plan.title: s.rows for s in sheets}, **village_rows})
