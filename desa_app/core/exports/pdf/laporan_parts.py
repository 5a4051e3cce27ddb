"""Parts of the Laporan Kegiatan: breakdowns, Desa Cantik, the unfinished records.

The appendix of unfinished records can run to a hundred pages in a large village, so it
is laid out as one fixed-height table per page (single-line cells, long names cut with
an ellipsis): reportlab never has to split a long table, which keeps it fast.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from typing import Any

from reportlab.lib.units import mm
from reportlab.platypus import PageBreak, Spacer
from sqlalchemy import select

from desa_app.core.exports.pdf.charts import horizontal_bars
from desa_app.core.exports.pdf.fonts import FONT, FONT_BOLD
from desa_app.core.exports.pdf.layout import (
    PORTRAIT_WIDTH,
    fit_text,
    local_day,
    tanggal_angka,
    tanggal_indonesia,
)
from desa_app.core.exports.pdf.styles import (
    CELL_SIZE,
    HEADING,
    LATE,
    SUBHEADING,
    grid_style,
    number,
    para,
    table,
    wrap,
)
from desa_app.core.exports.progress import Progress
from desa_app.core.messages import text
from desa_app.core.store.dashboard import Breakdown
from desa_app.core.store.export_source import ExportSource
from desa_app.core.store.models import Record
from desa_app.core.workflow import STATUS_LABELS, Status

TOP_ITEMS = 12
UNFINISHED = (Status.RETURNED, Status.SUBMITTED, Status.DRAFT)
"""Listed in this order: what waits for the enumerator first, then for the Tim."""
ROWS_FIRST_PAGE = 46
ROWS_PER_PAGE = 50
ROW_HEIGHT = 5 * mm
LIST_WIDTHS = (12 * mm, 32 * mm, 52 * mm, 32 * mm, 18 * mm, 34 * mm)
AGENT_KINDS = {"kaur": "Kaur", "kasi": "Kasi", "staf": "Staf desa", "mitra": "Mitra statistik"}
ACTIVITY_KINDS = {"koordinasi": "Koordinasi", "sosialisasi": "Sosialisasi",
                  "pembinaan": "Pembinaan", "monev": "Monitoring dan evaluasi"}


def _percent(part: int, whole: int) -> str:
    return f"{part * 100 / whole:.1f}%".replace(".", ",") if whole else "—"


def breakdown_section(number_: str, title: str, breakdown: Breakdown) -> Iterator[Any]:
    """A chart of the most frequent answers (the rest summed) and the full table."""
    total = sum(item.count for item in breakdown.items)
    shown = list(breakdown.items[:TOP_ITEMS])
    labels = [fit_text(f"{i.code} {i.label}", FONT, 7.5, 140) for i in shown]
    values = [i.count for i in shown]
    rest = breakdown.items[TOP_ITEMS:]
    if rest:
        labels.append(f"Lainnya ({len(rest)} kode)")
        values.append(sum(i.count for i in rest))
    yield PageBreak()
    yield para(f"{number_} {title}", HEADING)
    yield horizontal_bars(f"{title}: {TOP_ITEMS} jawaban terbanyak", labels, [values],
                          ["Jumlah"], PORTRAIT_WIDTH)
    rows = [["Kode", "Jawaban", "Jumlah", "Persen"]]
    rows += [[i.code, wrap(i.label, 96 * mm - 6), number(i.count), _percent(i.count, total)]
             for i in breakdown.items]
    rows.append(["", "Belum diisi", number(breakdown.unanswered), ""])
    yield Spacer(1, 2 * mm)
    yield table(rows, [14 * mm, 96 * mm, 25 * mm, 25 * mm], style=grid_style(
        ("ALIGN", (2, 0), (-1, -1), "RIGHT")))


def _day(value: date | None) -> str:
    return tanggal_angka(value) if value is not None else "—"


def desa_cantik_section(source: ExportSource, day: date) -> Iterator[Any]:
    """Agents and the programme's rules, the year's activities and the SOP schedule."""
    actor, cantik = source.actor, source.store.desa_cantik
    yield PageBreak()
    yield para("4. Desa Cantik (Desa Cinta Statistik)", HEADING)
    yield para("4.1 Agen Statistik", SUBHEADING)
    agents = cantik.list_agents(actor)
    rows: list[list[str]] = [["Nama", "Jabatan", "Jenis", "Nomor SK (tanggal)", "Masa aktif"]]
    for agent in agents:
        rows.append([wrap(agent.name, 36 * mm - 6), wrap(agent.position, 38 * mm - 6),
                     AGENT_KINDS.get(agent.kind, agent.kind),
                     wrap(f"{agent.sk_number or '—'} ({_day(agent.sk_date)})", 42 * mm - 6),
                     f"{_day(agent.active_from)} s.d. {_day(agent.active_to)}"
                     if agent.active_to else f"sejak {_day(agent.active_from)}"])
    if agents:
        yield table(rows, [36 * mm, 38 * mm, 24 * mm, 42 * mm, 40 * mm])
    else:
        yield para("Belum ada Agen Statistik yang tercatat.")
    for rule in cantik.agent_rules(actor, day):
        yield para(f"{'✓' if rule.ok else '✗'} {rule.message}")
    yield para(f"4.2 Kegiatan tahun {day.year}", SUBHEADING)
    activities = cantik.list_activities(actor, year=day.year)
    rows = [["Tanggal", "Jenis", "Tempat", "Peserta", "Ringkasan"]]
    for activity in activities:
        summary = activity.summary if len(activity.summary) <= 400 else (
            activity.summary[:400] + "…")
        rows.append([_day(activity.activity_date), wrap(ACTIVITY_KINDS.get(
            activity.kind, activity.kind), 24 * mm - 6), wrap(activity.place, 28 * mm - 6),
            wrap(activity.participants, 36 * mm - 6), wrap(summary, 72 * mm - 6)])
    if activities:
        yield table(rows, [20 * mm, 24 * mm, 28 * mm, 36 * mm, 72 * mm])
    else:
        yield para("Belum ada kegiatan yang tercatat tahun ini.")
    yield para(f"4.3 Jadwal SOP Profil Desa tahun {day.year}", SUBHEADING)
    rows = [["No", "Langkah", "Rencana", "Realisasi", "Keluaran", "Keterangan"]]
    late_rows = []
    for index, step in enumerate(source.store.sop.steps(actor, day.year), 1):
        if step.late:
            note = f"Terlambat {step.days_late} hari"
            late_rows.append(index)
        elif step.actual_end is not None:
            note = "Selesai"
        elif step.actual_start is not None:
            note = "Sedang berjalan"
        else:
            note = "Belum dimulai"
        documents = f" ({step.documents} dokumen)" if step.documents else ""
        rows.append([str(index), wrap(step.label, 46 * mm - 6),
                     f"{_day(step.planned_start)}\ns.d. {_day(step.planned_end)}",
                     f"{_day(step.actual_start)}\ns.d. {_day(step.actual_end)}",
                     wrap(step.output + documents, 38 * mm - 6), wrap(note, 36 * mm - 6)])
    yield table(rows, [8 * mm, 46 * mm, 26 * mm, 26 * mm, 38 * mm, 36 * mm],
                style=grid_style(*[("TEXTCOLOR", (5, r), (5, r), LATE) for r in late_rows],
                                 *[("FONT", (5, r), (5, r), FONT_BOLD) for r in late_rows]))


def unfinished_section(source: ExportSource, progress: Progress) -> Iterator[Any]:
    """Appendix: every returned, submitted and draft record, one table per page."""
    with source.store.db.read() as session:
        found = session.execute(
            select(Record.status, Record.no_kk, Record.nama_kk, Record.dusun, Record.rt,
                   Record.rw)
            .where(Record.deleted.is_(False), Record.instrument_id == source.instrument_id,
                   Record.status.in_([s.value for s in UNFINISHED]))).all()
    order = {status.value: index for index, status in enumerate(UNFINISHED)}
    found = sorted(found, key=lambda r: (order[r[0]], r[3] or "", r[4] or "", r[5] or "",
                                         r[1] or ""))
    counts = {s: sum(1 for r in found if r[0] == s.value) for s in UNFINISHED}
    yield PageBreak()
    yield para("Lampiran. Daftar Rekaman yang Belum Selesai", HEADING)
    yield para("; ".join(f"{STATUS_LABELS[s]}: {number(n)}" for s, n in counts.items())
               + f". Keadaan pada {tanggal_indonesia(local_day(source.exported_at))}.")
    yield Spacer(1, 2 * mm)
    if not found:
        yield para("Semua rekaman keluarga sudah disetujui Tim.")
        return
    start, size, chunk = 0, ROWS_FIRST_PAGE, 0
    header = ["No", "No. KK", "Nama Kepala Keluarga", "Dusun", "RT/RW", "Status"]
    while start < len(found):
        rows = [header]
        for number_, (status, no_kk, nama, dusun, rt, rw) in enumerate(
                found[start:start + size], start + 1):
            rows.append([str(number_), no_kk or "—", _cut(nama or "—", 2),
                         _cut(dusun or "—", 3), f"{rt or '-'}/{rw or '-'}",
                         _cut(STATUS_LABELS[Status(status)], 5)])
        if chunk:
            yield PageBreak()
        yield table(rows, LIST_WIDTHS, heights=[None, *[ROW_HEIGHT] * (len(rows) - 1)],
                    style=grid_style(("VALIGN", (0, 0), (-1, -1), "MIDDLE")))
        start += size
        size = ROWS_PER_PAGE
        chunk += 1
        progress.step(min(start, len(found)), len(found),
                      text("exports.step.laporan_unfinished"))


def _cut(value: str, column: int) -> str:
    return fit_text(value, FONT, CELL_SIZE, LIST_WIDTHS[column] - 7)
