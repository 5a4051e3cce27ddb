"""One entry point for every export, shared by the CLI and the Ekspor page.

It picks the writer, records the export in the audit log and says what was written, so
the two front ends only format the outcome. The package always holds approved records
only, whatever the caller's source was set to: it is what the village certifies.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from desa_app.core.exports.progress import Progress
from desa_app.core.store.export_source import VERIFIED, ExportSource

PDF_KINDS = ("keluarga", "kosong", "laporan", "berita-acara")
WHATS = ("xlsx", "pdf", "zip")


@dataclass(frozen=True)
class Outcome:
    what: str
    path: Path
    households: int = 0
    pages: int = 0
    key_fingerprint: str = ""


def village_fingerprint(source: ExportSource) -> str:
    from desa_app.core.store.signing import key_fingerprint, village_key

    return key_fingerprint(village_key(source.store.db).public_key)


def write_pdf(kind: str, source: ExportSource, out: Path, progress: Progress) -> int:
    from desa_app.core.exports import pdf

    if kind == "keluarga":
        return pdf.write_households(source, out, progress)
    if kind == "kosong":
        return pdf.write_blank(source.instrument, out, source.village, progress)
    if kind == "laporan":
        return pdf.write_laporan(source, out, progress)
    if kind == "berita-acara":
        return pdf.write_berita_acara(source, out, progress=progress,
                                      key_fingerprint=village_fingerprint(source))
    raise ValueError(f"unknown PDF kind {kind!r}")


def run_export(what: str, source: ExportSource, out: Path, progress: Progress | None = None,
               *, pdf_kind: str = "laporan") -> Outcome:
    """Write one export (``what``: xlsx, pdf or zip) and record it in the audit log."""
    progress = progress or Progress()
    if what == "xlsx":
        from desa_app.core.exports.workbook import write_workbook

        result = write_workbook(source, out, progress)
        source.log("xlsx", out, {"households": result.households})
        return Outcome(what, out, households=result.households)
    if what == "pdf":
        pages = write_pdf(pdf_kind, source, out, progress)
        source.log("pdf", out, {"kind": pdf_kind, "pages": pages})
        return Outcome(what, out, pages=pages)
    if what == "zip":
        from desa_app.core.exports.package import build_package, standard_parts

        approved = source if source.statuses == VERIFIED else ExportSource(
            source.store, source.actor, source.instrument_id)
        package = build_package(approved, out, standard_parts(approved), progress)
        approved.log("package", out, {"sha256": package.sha256})
        return Outcome(what, out, households=approved.count(),
                       key_fingerprint=package.key_fingerprint)
    raise ValueError(f"unknown export {what!r}")
