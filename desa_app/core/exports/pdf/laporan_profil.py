"""Chapter 5 of the Laporan Kegiatan: the village's Potensi and Perkembangan.

The report goes to the Camat and the Pembina with the year's figures, so it prints the
same village-level records the workbook carries (:mod:`desa_app.core.exports.village`:
per form the newest year among the export's statuses): per section a table of the
answered questions with value, unit and origin ("dari DDK" or "manual"), grids and
count-per-option items as tables of their filled rows. Tables split across pages with
their header row repeated; a grid wider than a portrait page is cut into column groups
(the row labels repeated) instead of squeezing sixteen columns into 18 cm.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from datetime import date
from typing import Any

from reportlab.lib.units import mm
from reportlab.platypus import PageBreak, Spacer, Table

from desa_app.core.exports.pdf.answers import answer_lines, column_text, plain
from desa_app.core.exports.pdf.fonts import FONT_BOLD
from desa_app.core.exports.pdf.layout import PORTRAIT_WIDTH, local_day, tanggal_indonesia
from desa_app.core.exports.pdf.styles import (
    HEADING,
    SECTION,
    SHADE,
    SUBHEADING,
    grid_style,
    number,
    para,
    wrap,
)
from desa_app.core.exports.village import (
    Grid,
    Heading,
    Question,
    Section,
    VillageReport,
    blank,
    village_reports,
)
from desa_app.core.instrument.model import NUMERIC, FieldType
from desa_app.core.store.export_source import ExportSource
from desa_app.core.workflow import STATUS_LABELS

CHAPTER = "5"
TITLE = "Profil Desa dan Kelurahan"
ITEM_WIDTHS = (92 * mm, 48 * mm, 20 * mm, PORTRAIT_WIDTH - 160 * mm)
ITEM_HEADER = ["Butir", "Nilai", "Satuan", "Asal"]
GRID_COLUMNS = 5
"""Value columns per grid table; wider grids continue in a second table."""
CODE_WIDTH = 12 * mm
LABEL_WIDTH = 50 * mm
ORIGIN_WIDTH = 22 * mm
RIGHT = NUMERIC | {FieldType.CALCULATE}
TITLE_SIZE = 9.5
GROUP_SHADE = "#f3f6f9"


def profil_section(source: ExportSource) -> Iterator[Any]:
    """The chapter: each village form with its chosen record, or a sentence saying there
    is none."""
    from desa_app.core.profil.service import village_instruments

    reports = {report.instrument.id: report for report in village_reports(source)}
    yield PageBreak()
    yield para(f"{CHAPTER}. {TITLE}", HEADING)
    scope = ("semua status" if source.all_statuses else "yang disetujui Tim")
    yield para(f"Isian Potensi dan Perkembangan Desa/Kelurahan tahun terbaru ({scope}), "
               "sebagaimana dimasukkan ke situs Prodeskel. «dari DDK»: angka yang dihitung "
               "dari Data Dasar Keluarga terverifikasi; «manual»: diisi atau diubah petugas.")
    for index, form in enumerate(village_instruments(), 1):
        title = form.title.get() or form.id
        yield para(f"{CHAPTER}.{index} {title}", SUBHEADING)
        report = reports.get(form.id)
        if report is None:
            yield para(f"Belum ada rekaman {title}." if source.all_statuses
                       else f"Belum ada {title} yang disetujui Tim.")
            continue
        yield from _report(report)


def _report(report: VillageReport) -> Iterator[Any]:
    record = report.record
    yield para(f"Tahun {record.period or '—'}; status {STATUS_LABELS[record.status]}; "
               f"terakhir diubah {tanggal_indonesia(local_day(record.updated_at))}.")
    facts = report.refreshed
    if facts:
        yield para(f"Angka dari DDK terakhir dihitung dari "
                   f"{number(int(facts.get('keluarga') or 0))} keluarga "
                   f"({number(int(facts.get('anggota') or 0))} jiwa){_on(facts)}.")
    filled = [section for section in report.sections if section.items]
    if not filled:
        yield para("Belum ada isian.")
        return
    for section in filled:
        yield Spacer(1, 2 * mm)
        yield from _section_tables(report, section)


def _on(facts: dict[str, Any]) -> str:
    try:
        return f" pada {tanggal_indonesia(date.fromisoformat(str(facts['dihitung'])[:10]))}"
    except (KeyError, ValueError):
        return ""


def _titled(titles: list[tuple[str, Any]], header: list[str], body: list[list[str]],
            widths: list[float], *extra: tuple[Any, ...], spans: Sequence[int] = ()
            ) -> Table:
    """A table whose title lines and header row repeat on every page it runs onto.

    The titles are rows of the table rather than headings kept with it: a heading kept
    with a long table would push the whole table to the next page and leave a gap."""
    top = len(titles)
    full = sum(widths)
    rows = [[wrap(text, full - 6, bold=True, size=TITLE_SIZE), *[""] * (len(widths) - 1)]
            for text, _ in titles]
    commands: list[tuple[Any, ...]] = []
    for line, (_, shade) in enumerate(titles):
        commands += [("SPAN", (0, line), (-1, line)), ("BACKGROUND", (0, line), (-1, line),
                                                       shade),
                     ("FONT", (0, line), (-1, line), FONT_BOLD, TITLE_SIZE, TITLE_SIZE + 2.5)]
    commands += [("FONT", (0, top), (-1, top), FONT_BOLD),
                 ("BACKGROUND", (0, top), (-1, top), SHADE)]
    for line in spans:  # group headings inside the body
        row = top + 1 + line
        commands += [("SPAN", (0, row), (-1, row)), ("FONT", (0, row), (-1, row), FONT_BOLD),
                     ("BACKGROUND", (0, row), (-1, row), GROUP_SHADE)]
    commands += [(name, (a[0], a[1] + top), (b[0], b[1] if b[1] < 0 else b[1] + top), *rest)
                 for name, a, b, *rest in extra]
    return Table([*rows, header, *body], colWidths=widths, repeatRows=top + 1,
                 hAlign="LEFT", style=grid_style(*commands, header=False))


def _section_tables(report: VillageReport, section: Section) -> Iterator[Any]:
    """The section's questions as item tables (its title on the first), grids between."""
    instrument = report.instrument
    titles = [(section.title, SECTION)]
    rows: list[list[str]] = []
    spans: list[int] = []

    def flush() -> Iterator[Any]:
        if rows:
            yield _titled(titles, ITEM_HEADER, rows, list(ITEM_WIDTHS), spans=spans)
            titles.clear()
            rows.clear()
            spans.clear()

    for item in section.items:
        if isinstance(item, Heading):
            group = item.group
            spans.append(len(rows))
            text = f"{group.number} {group.label.get() or group.name}".strip()
            rows.append([wrap(text, sum(ITEM_WIDTHS) - 6, bold=True), "", "", ""])
        elif isinstance(item, Question):
            node = item.field
            if node.type in (FieldType.SELECT_ONE, FieldType.SELECT_MULTIPLE):
                shown = "\n".join(answer_lines(instrument, node, item.value))
            else:
                shown = plain(item.value, node.type)
            label = f"{node.number} {node.label.get() or node.name}".strip()
            rows.append([wrap(label, ITEM_WIDTHS[0] - 6), wrap(shown, ITEM_WIDTHS[1] - 6),
                         wrap(str(node.extra.get("unit") or ""), ITEM_WIDTHS[2] - 6),
                         item.origin])
        elif isinstance(item, Grid):
            yield from flush()
            matrix = item.matrix
            yield from _grid_tables(report, item, [
                *titles, (f"{matrix.number} {matrix.label.get()}".strip(), GROUP_SHADE)])
            titles.clear()
    yield from flush()


def _grid_tables(report: VillageReport, grid: Grid, titles: list[tuple[str, Any]]
                 ) -> Iterator[Any]:
    """The grid's filled rows and columns, at most :data:`GRID_COLUMNS` value columns
    per table (a column nobody filled is left out: paper is not for keying)."""
    instrument = report.instrument
    filled = [i for i in range(len(grid.columns))
              if any(not blank(r.values[i]) for r in grid.rows)]
    for start in range(0, len(filled), GRID_COLUMNS):
        chunk = filled[start:start + GRID_COLUMNS]
        rows = [r for r in grid.rows if any(not blank(r.values[i]) for i in chunk)]
        figures = any(r.origins[i] for r in rows for i in chunk)
        value_width = (PORTRAIT_WIDTH - CODE_WIDTH - LABEL_WIDTH
                       - (ORIGIN_WIDTH if figures else 0)) / len(chunk)
        header = ["Kode", "Rincian",
                  *[wrap(grid.columns[i].heading, value_width - 6, bold=True) for i in chunk],
                  *(["Asal"] if figures else [])]
        body = []
        for row in rows:
            cells = [wrap(column_text(instrument, grid.columns[i].field.type,
                                      grid.columns[i].field.list_name, row.values[i]),
                          value_width - 6) for i in chunk]
            body.append([row.code, wrap(row.label, LABEL_WIDTH - 6), *cells,
                         *([wrap(row.origin(grid.columns, chunk), ORIGIN_WIDTH - 6)]
                           if figures else [])])
        right = [("ALIGN", (2 + n, 1), (2 + n, -1), "RIGHT") for n, i in enumerate(chunk)
                 if grid.columns[i].field.type in RIGHT]
        widths = [CODE_WIDTH, LABEL_WIDTH, *[value_width] * len(chunk),
                  *([ORIGIN_WIDTH] if figures else [])]
        if start:
            yield Spacer(1, 1.5 * mm)
            titles = [(f"{titles[-1][0]} (lanjutan)", GROUP_SHADE)]
        yield _titled(titles, header, body, widths, *right)
