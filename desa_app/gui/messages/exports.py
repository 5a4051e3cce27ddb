"""Screen texts: Ekspor (key: (Indonesian, English))."""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    "nav.export": ("Ekspor", "Export"),
    "export.title": ("Ekspor data desa", "Export village data"),
    "export.intro": (
        "Buku kerja Excel untuk mengetik ke situs Prodeskel, dokumen PDF, dan paket "
        "terverifikasi bertanda tangan untuk Diskominfo. Berkas baru muncul setelah "
        "selesai ditulis; bila dibatalkan tidak ada berkas setengah jadi.",
        "Excel workbook for keying into the Prodeskel website, PDF documents and the "
        "signed verified package for Diskominfo. A file appears only once it is "
        "complete; a cancelled export leaves no half-written file."),
    "export.scope": ("Rekaman yang diekspor", "Records to export"),
    "export.verified_only": ("Hanya yang disetujui Tim (dan yang sudah diinput ke Prodeskel)",
                             "Only those approved by the team (and those entered in Prodeskel)"),
    "export.every_status": ("Semua status, dengan kolom status (untuk pemeriksaan)",
                            "Every status, with a status column (for checking)"),
    "export.count": ("{n} keluarga akan diekspor", "{n} households will be exported"),
    "export.village": ("Beserta (satu lembar per bagian, dan di Laporan): {items}",
                       "Together with (one sheet per section, and in the report): {items}"),
    "export.no_village": ("Belum ada Potensi/Perkembangan dengan status ini.",
                          "No Potential/Development record with this status yet."),
    "export.workbook": ("Buku kerja Excel Prodeskel…", "Prodeskel Excel workbook…"),
    "export.pdf_kind": ("Dokumen PDF:", "PDF document:"),
    "export.pdf.keluarga": ("Cetakan DDK per keluarga", "DDK printout per household"),
    "export.pdf.kosong": ("Kuesioner kosong untuk pendataan", "Blank questionnaire"),
    "export.pdf.laporan": ("Laporan Kegiatan Profil Desa", "Profil Desa activity report"),
    "export.pdf.berita-acara": ("Berita Acara Verifikasi", "Verification record"),
    "export.pdf": ("Buat PDF…", "Create PDF…"),
    "export.package": ("Paket terverifikasi bertanda tangan (.zip)…",
                       "Signed verified package (.zip)…"),
    "export.package_note": ("Paket selalu berisi rekaman yang disetujui Tim saja.",
                            "The package always holds team-approved records only."),
    "export.verify": ("Periksa paket…", "Check a package…"),
    "export.fingerprint": ("Sidik kunci tanda tangan desa: {fingerprint}",
                           "Village signing key fingerprint: {fingerprint}"),
    "export.cancel": ("Batal", "Cancel"),
    "export.open_folder": ("Buka folder", "Open folder"),
    "export.working": ("Sedang mengekspor…", "Exporting…"),
    "export.cancelling": ("Membatalkan…", "Cancelling…"),
    "export.done_workbook": ("Buku kerja ditulis: {path} ({n} keluarga)",
                             "Workbook written: {path} ({n} households)"),
    "export.done_pdf": ("PDF ditulis: {path} ({n} halaman)", "PDF written: {path} ({n} pages)"),
    "export.done_package": ("Paket ditulis: {path}", "Package written: {path}"),
    "export.failed": ("Ekspor gagal: {message}", "Export failed: {message}"),
    "export.save_title": ("Simpan sebagai", "Save as"),
    "export.open_title": ("Pilih paket", "Choose a package"),
    "export.filter_xlsx": ("Buku kerja Excel (*.xlsx)", "Excel workbook (*.xlsx)"),
    "export.filter_pdf": ("Dokumen PDF (*.pdf)", "PDF document (*.pdf)"),
    "export.filter_zip": ("Paket ZIP (*.zip)", "ZIP package (*.zip)"),
    "export.verify_ok": ("Paket utuh dan tanda tangan cocok.",
                         "The package is intact and its signature matches."),
    "export.verify_bad": ("Paket TIDAK lolos pemeriksaan:", "The package FAILED the check:"),
}
