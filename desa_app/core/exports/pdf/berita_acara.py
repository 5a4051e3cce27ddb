"""Berita Acara Verifikasi Data Profil Desa: the formal record that the Tim verified.

It travels with the signed package: the counts by status say how complete the work was,
the household and people counts say what the package holds, and the two fingerprints
tie this paper to that exact file and signing key (someone holding the paper can check
the file they received). The date is written out in words, as formal Indonesian
minutes are ("Pada hari ini Senin tanggal dua puluh tiga bulan November tahun ...").
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

from reportlab.lib.enums import TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import KeepTogether, Spacer, Table

from desa_app.core import messages
from desa_app.core.exports.pdf.fonts import FONT, FONT_BOLD
from desa_app.core.exports.pdf.layout import (
    MONTHS,
    PORTRAIT_WIDTH,
    build_pdf,
    hari_indonesia,
    local_day,
    tanggal_angka,
    tanggal_indonesia,
)
from desa_app.core.exports.pdf.styles import (
    JUSTIFIED,
    SUBTITLE,
    TITLE,
    grid_style,
    number,
    para,
    table,
    text,
)
from desa_app.core.exports.progress import Progress
from desa_app.core.files import atomic_output
from desa_app.core.store.export_source import ExportSource
from desa_app.core.workflow import STATUS_LABELS, Status

GROUP = 4
GROUPS_PER_LINE = 8
_UNITS = ("", "satu", "dua", "tiga", "empat", "lima", "enam", "tujuh", "delapan", "sembilan",
          "sepuluh", "sebelas")
RIGHT = ParagraphStyle("right", parent=JUSTIFIED, alignment=TA_RIGHT)


def terbilang(value: int) -> str:
    """A whole number in Indonesian words (2026 → "dua ribu dua puluh enam")."""
    if value < 0:
        return "minus " + terbilang(-value)
    if value == 0:
        return "nol"
    return _words(value).strip()


def _words(n: int) -> str:
    if n < 12:
        return _UNITS[n]
    if n < 20:
        return f"{_UNITS[n - 10]} belas"
    if n < 100:
        return f"{_UNITS[n // 10]} puluh {_words(n % 10)}".strip()
    if n < 200:
        return f"seratus {_words(n - 100)}".strip()
    if n < 1000:
        return f"{_UNITS[n // 100]} ratus {_words(n % 100)}".strip()
    if n < 2000:
        return f"seribu {_words(n - 1000)}".strip()
    for size, name in ((10**12, "triliun"), (10**9, "miliar"), (10**6, "juta"),
                       (1000, "ribu")):
        if n >= size:
            return f"{_words(n // size)} {name} {_words(n % size)}".strip()
    raise AssertionError(n)  # pragma: no cover - every n >= 1000 meets "ribu"


def fingerprint_groups(value: str) -> list[list[str]]:
    """A fingerprint cut into groups of four characters, eight groups a line, so two
    people can read it aloud to each other and compare."""
    compact = "".join(value.split())
    groups = [compact[i:i + GROUP] for i in range(0, len(compact), GROUP)]
    return [groups[i:i + GROUPS_PER_LINE] for i in range(0, len(groups), GROUPS_PER_LINE)]


def write_berita_acara(source: ExportSource, out: Path, *, key_fingerprint: str,
                       data_fingerprint: str | None = None,
                       progress: Progress | None = None) -> int:
    """Write the Berita Acara of ``source`` (the package's records) to ``out``."""
    progress = progress or Progress()
    title = "Berita Acara Verifikasi Data Profil Desa"
    with atomic_output(out) as partial:
        return build_pdf(partial, _story(source, key_fingerprint, data_fingerprint, progress),
                         title=title, village=source.village.title,
                         printed_on=local_day(source.exported_at))


def _package_size(source: ExportSource, progress: Progress) -> tuple[int, int]:
    """Households and members in the package, counted from the export values (exactly
    what the package holds, relevant answers only)."""
    repeat = str((source.instrument.settings.get("person_index") or {}).get("repeat",
                                                                              "anggota"))
    total = source.count()
    households = people = 0
    for record in source.records():
        members = record.answers.get(repeat)
        people += len(members) if isinstance(members, list) else 0
        households += 1
        if households % 200 == 0:
            progress.step(households, total, messages.text("exports.step.ba_households"))
    return households, people


def _story(source: ExportSource, key_fingerprint: str, data_fingerprint: str | None,
           progress: Progress) -> Iterator[Any]:
    progress.step(0, 3, messages.text("exports.step.ba_statuses"))
    village = source.village
    day = local_day(source.exported_at)
    counts = source.status_counts()
    progress.step(1, 3, messages.text("exports.step.ba_households"))
    households, people = _package_size(source, progress)
    progress.step(2, 3, messages.text("exports.step.ba_text"))
    yield para("BERITA ACARA", TITLE)
    yield para("VERIFIKASI DATA PROFIL DESA DAN KELURAHAN", TITLE)
    yield para(f"Data Dasar Keluarga (DDK) Desa {village.name}", SUBTITLE)
    yield para(f"Nomor: ........../BA/........../{day.year}", SUBTITLE)
    yield Spacer(1, 6 * mm)
    yield para(_opening(source, day), JUSTIFIED, markup=True)
    yield Spacer(1, 3 * mm)
    yield para("1. Keadaan rekaman keluarga menurut status pada saat berita acara ini dibuat:",
               JUSTIFIED)
    rows = [["Status", "Jumlah keluarga"]]
    rows += [[STATUS_LABELS[status], number(counts[status])] for status in Status]
    rows.append(["Jumlah seluruh rekaman", number(sum(counts.values()))])
    yield Spacer(1, 2 * mm)
    yield table(rows, [90 * mm, 40 * mm], style=grid_style(
        ("ALIGN", (1, 0), (1, -1), "RIGHT"), ("FONT", (0, -1), (-1, -1), FONT_BOLD),
        size=9.5, leading=12))
    chosen = " dan ".join(f"“{STATUS_LABELS[s]}”" for s in Status if s in source.statuses)
    yield Spacer(1, 3 * mm)
    yield para(f"2. Paket data terverifikasi memuat rekaman berstatus {text(chosen)}, yaitu "
               f"<b>{number(households)} keluarga</b> dengan <b>{number(people)} anggota "
               "keluarga (jiwa)</b>.", JUSTIFIED, markup=True)
    yield Spacer(1, 3 * mm)
    yield para("3. Paket data ditandatangani secara elektronik. Sidik jari kunci penanda "
               "tangan:", JUSTIFIED)
    yield _fingerprint(key_fingerprint)
    if data_fingerprint:
        yield para("Sidik jari isi paket data (untuk memeriksa bahwa berkas yang diterima "
                   "sama dengan yang ditandatangani):", JUSTIFIED)
        yield _fingerprint(data_fingerprint)
    yield Spacer(1, 3 * mm)
    yield para("Demikian berita acara ini dibuat dengan sebenarnya untuk dipergunakan "
               "sebagaimana mestinya.", JUSTIFIED)
    yield _signatures(village.name, day)
    progress.step(3, 3, messages.text("exports.step.ba_save"))


def _opening(source: ExportSource, day: date) -> str:
    v = source.village
    return (f"Pada hari ini <b>{hari_indonesia(day)}</b> tanggal <b>{terbilang(day.day)}</b> "
            f"bulan <b>{MONTHS[day.month - 1]}</b> tahun <b>{terbilang(day.year)}</b> "
            f"({tanggal_angka(day)}), bertempat di Kantor Desa {text(v.name)}, Kecamatan "
            f"{text(v.kecamatan)}, {text(v.kabupaten)}, Provinsi {text(v.provinsi)}, Tim "
            "Verifikasi Profil Desa telah melaksanakan verifikasi Data Dasar Keluarga (DDK) "
            f"Profil Desa dan Kelurahan Desa {text(v.name)} dengan hasil sebagai berikut:")


def _fingerprint(value: str) -> Table:
    lines = fingerprint_groups(value) or [["—"]]
    width = 17 * mm
    rows = [line + [""] * (GROUPS_PER_LINE - len(line)) for line in lines]
    return Table(rows, colWidths=[width] * GROUPS_PER_LINE, hAlign="CENTER",
                 spaceBefore=2 * mm, spaceAfter=3 * mm,
                 style=grid_style(("FONT", (0, 0), (-1, -1), FONT_BOLD, 11, 14),
                                  ("ALIGN", (0, 0), (-1, -1), "CENTER"),
                                  ("BOX", (0, 0), (-1, -1), 0.6, "#8c8c8c"),
                                  ("BACKGROUND", (0, 0), (-1, -1), "#f3f6f9"),
                                  header=False, lines=False))


def _signatures(place: str, day: date) -> KeepTogether:
    half = PORTRAIT_WIDTH / 2
    blank = "(" + "." * 45 + ")"
    rows = [["", f"{place}, {tanggal_indonesia(day)}"],
            ["Ketua Tim Verifikasi", "Mengetahui,\nKepala Desa " + place],
            ["", ""], [blank, blank], ["Nama terang", "Nama terang"]]
    grid = Table(rows, colWidths=[half, half], rowHeights=[None, None, 24 * mm, None, None],
                 style=grid_style(("ALIGN", (0, 0), (-1, -1), "CENTER"),
                                  ("FONT", (0, 1), (-1, 1), FONT_BOLD, 10, 13),
                                  ("FONT", (0, 0), (-1, 0), FONT, 10, 13),
                                  ("FONT", (0, 3), (-1, 3), FONT, 10, 13),
                                  ("TEXTCOLOR", (0, 4), (-1, 4), "#555555"),
                                  ("VALIGN", (0, 0), (-1, -1), "BOTTOM"),
                                  header=False, lines=False))
    return KeepTogether([Spacer(1, 8 * mm), grid])
