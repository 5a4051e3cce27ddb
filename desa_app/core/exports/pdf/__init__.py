"""PDF documents of the village (no Qt): household printouts, the blank paper
questionnaire, the Laporan Kegiatan and the Berita Acara Verifikasi.

Every writer writes through :func:`desa_app.core.files.atomic_output` (a failure or a
cancel leaves no file and an existing file untouched), reports progress through
:class:`desa_app.core.exports.progress.Progress` (whose ``cancel()`` stops it at the next
step) and returns the number of pages written. All text is Indonesian and set in the
embedded DejaVu Sans font, so any name prints.
"""

from __future__ import annotations

from desa_app.core.exports.pdf.berita_acara import write_berita_acara
from desa_app.core.exports.pdf.blank import write_blank
from desa_app.core.exports.pdf.household import write_households
from desa_app.core.exports.pdf.laporan import write_laporan

PDF_KINDS: dict[str, str] = {
    "keluarga": "Cetakan isian DDK per keluarga (untuk tanda tangan dan arsip)",
    "kosong": "Kuesioner DDK kosong untuk pendataan dari rumah ke rumah",
    "laporan": "Laporan Kegiatan Profil Desa (kemajuan, statistik penduduk, Desa Cantik)",
    "berita-acara": "Berita Acara Verifikasi Data Profil Desa",
}
"""The kinds the CLI (``--kind``) and the GUI offer, with what each one is."""

__all__ = ["PDF_KINDS", "write_berita_acara", "write_blank", "write_households",
           "write_laporan"]
