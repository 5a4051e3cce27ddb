"""Laporan Kegiatan Profil Desa: the village's report on the year's data collection.

It follows the SOP step "Penyusunan laporan kegiatan": a cover, the progress of
collection and verification (by status, per dusun against the targets, per week), the
population of the verified households (pyramid, pendidikan, pekerjaan), the Desa Cantik
programme (agents, activities, SOP schedule), the newest Potensi and Perkembangan
(``laporan_profil.py``) and, as an appendix, every record that is not finished yet. The
household figures come from :class:`Dashboard`, the same service Beranda uses, so the
paper and the screen always agree; the Profil chapter reads the same village records
as the workbook's Potensi and Perkembangan sheets.

Speed: the figures are a handful of grouped queries (Dashboard), and the appendix is one
light query of key columns laid out as one table per page, so a village of 10,000
households is written in a few seconds.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

from reportlab.lib.units import mm
from reportlab.platypus import PageBreak, Spacer

from desa_app.core.exports.pdf.charts import horizontal_bars, pyramid, vertical_bars
from desa_app.core.exports.pdf.fonts import FONT_BOLD
from desa_app.core.exports.pdf.laporan_parts import (
    breakdown_section,
    desa_cantik_section,
    unfinished_section,
)
from desa_app.core.exports.pdf.laporan_profil import profil_section
from desa_app.core.exports.pdf.layout import (
    PORTRAIT_WIDTH,
    build_pdf,
    local_day,
    tanggal_indonesia,
)
from desa_app.core.exports.pdf.styles import (
    HEADING,
    SUBHEADING,
    SUBTITLE,
    TITLE,
    grid_style,
    number,
    para,
    table,
)
from desa_app.core.exports.progress import Progress
from desa_app.core.files import atomic_output
from desa_app.core.messages import text
from desa_app.core.store.dashboard import Dashboard, Population
from desa_app.core.store.dashboard import Progress as Figures
from desa_app.core.store.export_source import ExportSource
from desa_app.core.workflow import STATUS_LABELS, Status

TITLE_TEXT = "Laporan Kegiatan Profil Desa"
STAGES = 6


def write_laporan(source: ExportSource, out: Path, progress: Progress | None = None) -> int:
    """Write the Laporan Kegiatan of the source's village to ``out``; returns pages."""
    progress = progress or Progress()
    with atomic_output(out) as partial:
        return build_pdf(partial, _story(source, progress), title=TITLE_TEXT,
                         village=source.village.title,
                         printed_on=local_day(source.exported_at))


def percent(part: int, whole: int | None) -> str:
    """"57,3%"; a dash when there is nothing to divide by."""
    if not whole:
        return "—"
    return f"{part * 100 / whole:.1f}%".replace(".", ",")


def _story(source: ExportSource, progress: Progress) -> Iterator[Any]:
    progress.step(0, STAGES, text("exports.step.laporan_progress"))
    day = local_day(source.exported_at)
    dashboard = Dashboard(source.store.db, source.store.clock)
    figures = dashboard.progress(source.actor)
    progress.step(1, STAGES, text("exports.step.laporan_population"))
    population = dashboard.population(source.actor, day)
    yield from _cover(source, day)
    yield from _summary(figures, population)
    yield from _progress_section(figures)
    progress.step(2, STAGES, text("exports.step.laporan_statistics"))
    yield from _population_section(population)
    progress.step(3, STAGES, text("exports.step.laporan_cantik"))
    yield from desa_cantik_section(source, day)
    progress.step(4, STAGES, text("exports.step.laporan_profil"))
    yield from profil_section(source)
    progress.step(5, STAGES, text("exports.step.laporan_unfinished"))
    yield from unfinished_section(source, progress)
    progress.step(STAGES, STAGES, text("exports.step.laporan_save"))


def _cover(source: ExportSource, day: Any) -> Iterator[Any]:
    village = source.village
    yield Spacer(1, 45 * mm)
    yield para("LAPORAN KEGIATAN", TITLE)
    yield para("PROFIL DESA DAN KELURAHAN", TITLE)
    yield para("Pendataan Data Dasar Keluarga (DDK)", SUBTITLE)
    yield Spacer(1, 25 * mm)
    for line in (f"Desa {village.name}", f"Kecamatan {village.kecamatan}", village.kabupaten,
                 f"Provinsi {village.provinsi}", f"Kode desa {village.code}"):
        yield para(line, SUBTITLE)
    yield Spacer(1, 25 * mm)
    yield para(f"Tahun {day.year}", TITLE)
    yield para(f"Disusun {tanggal_indonesia(day)}", SUBTITLE)
    yield PageBreak()


def _summary(figures: Figures, population: Population) -> Iterator[Any]:
    done = figures.by_status[Status.VERIFIED] + figures.by_status[Status.ENTERED]
    target = figures.target
    rows = [
        ["Uraian", "Jumlah"],
        ["Rekaman keluarga tercatat", number(figures.total)],
        ["Target jumlah keluarga", number(target) if target is not None else "belum diisi"],
        ["Keluarga terverifikasi (disetujui dan sudah diinput)", number(done)],
        ["Capaian terhadap target", percent(done, target)],
        ["Dikembalikan, menunggu perbaikan", number(figures.returned_waiting)],
        ["Sudah diinput ke Prodeskel", number(figures.entered)],
        ["Penduduk terverifikasi (jiwa)", number(population.penduduk)],
        ["Laki-laki", number(population.male)],
        ["Perempuan", number(population.female)],
    ]
    yield para("1. Ringkasan", HEADING)
    yield para(f"Keadaan pada {tanggal_indonesia(figures.today)}.", SUBTITLE)
    yield Spacer(1, 2 * mm)
    yield table(rows, [120 * mm, 40 * mm], style=grid_style(
        ("ALIGN", (1, 0), (1, -1), "RIGHT"), size=9.5, leading=12))


def _progress_section(figures: Figures) -> Iterator[Any]:
    yield para("2. Kemajuan Pendataan dan Verifikasi", HEADING)
    yield para("2.1 Rekaman keluarga menurut status", SUBHEADING)
    rows = [["Status", "Jumlah", "Persen"]]
    rows += [[STATUS_LABELS[s], number(figures.by_status[s]),
              percent(figures.by_status[s], figures.total)] for s in Status]
    rows.append(["Jumlah", number(figures.total), percent(figures.total, figures.total)])
    yield table(rows, [80 * mm, 30 * mm, 30 * mm], style=grid_style(
        ("ALIGN", (1, 0), (-1, -1), "RIGHT"), ("FONT", (0, -1), (-1, -1), FONT_BOLD)))
    yield Spacer(1, 3 * mm)
    yield horizontal_bars("Rekaman keluarga menurut status",
                          [STATUS_LABELS[s] for s in Status],
                          [[figures.by_status[s] for s in Status]], ["Jumlah"],
                          PORTRAIT_WIDTH)
    yield para("2.2 Kemajuan per dusun terhadap target", SUBHEADING)
    rows = [["Dusun", "Target", "Tercatat", "Terverifikasi", "Capaian target"]]
    for dusun in figures.dusun:
        rows.append([dusun.dusun or "(tanpa dusun)",
                     number(dusun.target) if dusun.target is not None else "—",
                     number(dusun.recorded), number(dusun.done),
                     percent(dusun.done, dusun.target)])
    yield table(rows, [60 * mm, 28 * mm, 28 * mm, 30 * mm, 34 * mm], style=grid_style(
        ("ALIGN", (1, 0), (-1, -1), "RIGHT")))
    yield Spacer(1, 3 * mm)
    labels = [d.dusun or "(tanpa dusun)" for d in figures.dusun]
    yield horizontal_bars("Kemajuan per dusun", labels,
                          [[d.target or 0 for d in figures.dusun],
                           [d.recorded for d in figures.dusun],
                           [d.done for d in figures.dusun]],
                          ["Target", "Tercatat", "Terverifikasi"], PORTRAIT_WIDTH,
                          bar_height=8, label_width=110)
    yield para("2.3 Verifikasi per minggu", SUBHEADING)
    weeks = figures.verified_weekly
    yield vertical_bars("Rekaman yang disetujui Tim per minggu (12 minggu terakhir)",
                        [f"{w.start.day:02d}/{w.start.month:02d}" for w in weeks],
                        [w.count for w in weeks], PORTRAIT_WIDTH)
    oldest = figures.oldest_returned
    if oldest is not None:
        yield para(f"Rekaman dikembalikan yang paling lama menunggu perbaikan: No. KK "
                   f"{oldest.no_kk or '—'} ({oldest.nama_kk or '—'}), dikembalikan "
                   f"{tanggal_indonesia(local_day(oldest.since))}.")


def _population_section(population: Population) -> Iterator[Any]:
    yield PageBreak()
    yield para("3. Keadaan Penduduk (keluarga terverifikasi)", HEADING)
    rows = [["Uraian", "Jumlah"], ["Keluarga (KK)", number(population.kk)],
            ["Penduduk (jiwa)", number(population.penduduk)],
            ["Laki-laki", number(population.male)],
            ["Perempuan", number(population.female)],
            ["Umur tidak diketahui", number(population.age_unknown)],
            ["Jenis kelamin tidak diketahui", number(population.sex_unknown)]]
    yield table(rows, [80 * mm, 30 * mm], style=grid_style(("ALIGN", (1, 0), (1, -1),
                                                             "RIGHT")))
    yield Spacer(1, 3 * mm)
    groups = population.pyramid
    yield pyramid(f"Piramida penduduk menurut kelompok umur dan jenis kelamin "
                  f"(umur pada {tanggal_indonesia(population.on)})",
                  [g.label for g in groups], [g.male for g in groups],
                  [g.female for g in groups], PORTRAIT_WIDTH)
    rows = [["Kelompok umur", "Laki-laki", "Perempuan", "Jumlah"]]
    rows += [[g.label, number(g.male), number(g.female), number(g.male + g.female)]
             for g in groups]
    rows.append(["Jumlah", number(sum(g.male for g in groups)),
                 number(sum(g.female for g in groups)),
                 number(sum(g.male + g.female for g in groups))])
    yield Spacer(1, 2 * mm)
    yield table(rows, [40 * mm, 30 * mm, 30 * mm, 30 * mm], style=grid_style(
        ("ALIGN", (1, 0), (-1, -1), "RIGHT"), ("FONT", (0, -1), (-1, -1), FONT_BOLD)))
    yield from breakdown_section("3.1", "Pendidikan terakhir", population.pendidikan)
    yield from breakdown_section("3.2", "Pekerjaan (mata pencaharian pokok)",
                                 population.pekerjaan)
