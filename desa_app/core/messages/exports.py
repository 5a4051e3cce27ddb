"""Exports: progress steps, cancelling, writing and checking the signed package.

Each entry is ``key: ("Indonesia", "English")``; see ``core/messages/__init__.py``.
"""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    "exports.name.control": ("kosong atau berisi karakter kendali",
                             "empty or holding control characters"),
    "exports.name.backslash": ("memakai garis miring terbalik", "uses a backslash"),
    "exports.name.absolute": ("path absolut", "absolute path"),
    "exports.name.drive": ("memakai huruf drive", "uses a drive letter"),
    "exports.name.dotdot": ("mengandung ..", "contains .."),
    "exports.name.empty_part": ("berisi bagian path kosong", "has an empty path part"),
    "exports.step.ba_households": ("Menghitung keluarga dan anggota dalam paket",
                                   "Counting households and members in the package"),
    "exports.step.ba_statuses": ("Menghitung rekaman menurut status",
                                 "Counting records by status"),
    "exports.step.ba_text": ("Menyusun naskah berita acara", "Composing the berita acara"),
    "exports.step.ba_save": ("Menyimpan berita acara", "Saving the berita acara"),
    "exports.step.blank": ("Menyusun kuesioner kosong", "Composing the blank questionnaire"),
    "exports.step.blank_section": ("Menyusun bagian {n} dari {total}",
                                   "Composing section {n} of {total}"),
    "exports.step.households_prepare": ("Menyiapkan cetakan isian keluarga",
                                        "Preparing the household printouts"),
    "exports.step.households_print": ("Mencetak keluarga {done} dari {total}",
                                      "Printing household {done} of {total}"),
    "exports.step.pdf_save": ("Menyimpan berkas PDF", "Saving the PDF file"),
    "exports.step.laporan_progress": ("Menghitung kemajuan pendataan",
                                      "Counting the progress of the data collection"),
    "exports.step.laporan_population": ("Menghitung keadaan penduduk",
                                        "Counting the population"),
    "exports.step.laporan_statistics": ("Menyusun statistik penduduk",
                                        "Composing the population statistics"),
    "exports.step.laporan_cantik": ("Menyusun bagian Desa Cantik",
                                    "Composing the Desa Cantik section"),
    "exports.step.laporan_profil": ("Menyusun Profil Desa dan Kelurahan",
                                    "Composing the Profil Desa dan Kelurahan"),
    "exports.step.laporan_unfinished": ("Menyusun daftar rekaman yang belum selesai",
                                        "Composing the list of unfinished records"),
    "exports.step.laporan_save": ("Menyimpan laporan", "Saving the report"),
    "exports.check.village": ("Desa: {village}", "Village: {village}"),
    "exports.check.exported": ("Diekspor: {at} oleh {by}", "Exported: {at} by {by}"),
    "exports.check.records": ("Rekaman dalam paket: {records}",
                              "Records in the package: {records}"),
    "exports.check.status_counts": (" (status di desa: {counts})",
                                    " (status in the village: {counts})"),
    "exports.check.files_checked": ("Berkas diperiksa: {files}", "Files checked: {files}"),
    "exports.check.too_many_files": ("Paket berisi terlalu banyak berkas ({count}; paling banyak "
                                     "{limit}).",
                                     "The package holds too many files ({count}; at most "
                                     "{limit})."),
    "exports.check.extra_files": ("Berkas tambahan tidak tercantum di manifest: {names}.",
                                  "Extra files not listed in the manifest: {names}."),
    "exports.step.writing": ("Menulis {name}", "Writing {name}"),
    "exports.step.household_forms": ("Menulis formulir keluarga {dusun} (PDF)",
                                     "Writing the household forms of {dusun} (PDF)"),
    "exports.step.no_dusun": ("tanpa dusun", "no dusun"),
    "exports.step.workbook_prepare": ("Menyiapkan buku kerja", "Preparing the workbook"),
    "exports.step.workbook_rows": ("Menulis keluarga dan anggota",
                                   "Writing households and members"),
    "exports.step.workbook_save": ("Menyimpan berkas Excel", "Saving the Excel file"),
    "exports.cancelled": (
        "Ekspor dibatalkan; tidak ada berkas yang ditulis.",
        "Export cancelled; no file was written.",
    ),
    "exports.check.compression": (
        "Berkas {name} memakai metode kompresi yang tidak didukung.",
        "File {name} uses an unsupported compression method.",
    ),
    "exports.check.data_fingerprint": (
        "Sidik data (Berita Acara): {fingerprint}",
        "Data fingerprint (Berita Acara): {fingerprint}",
    ),
    "exports.check.data_fingerprint_mismatch": (
        "Sidik data untuk {what} tidak cocok dengan daftar berkas di {manifest}.",
        "The data fingerprint for {what} does not match the file list in {manifest}.",
    ),
    "exports.check.duplicate_name": (
        "Nama berkas ganda di dalam paket: {name}.",
        "Duplicate file name in the package: {name}.",
    ),
    "exports.check.encrypted": (
        "Berkas {name} terenkripsi; paket tidak boleh berisi berkas terenkripsi.",
        "File {name} is encrypted; a package may not contain encrypted files.",
    ),
    "exports.check.file_too_big": (
        "Berkas {name} terlalu besar ({size}; paling besar {limit}).",
        "File {name} is too large ({size}; at most {limit}).",
    ),
    "exports.check.hash_differs": (
        "Berkas {name} berbeda dari manifest (SHA-256 {actual}…, seharusnya {expected}…).",
        "File {name} differs from the manifest (SHA-256 {actual}…, expected {expected}…).",
    ),
    "exports.check.key_fingerprint": (
        "Sidik kunci penanda tangan: {fingerprint}",
        "Signer's key fingerprint: {fingerprint}",
    ),
    "exports.check.key_unexpected": (
        "Sidik kunci penanda tangan {fingerprint} berbeda dengan yang diharapkan ({expected}).",
        "The signer's key fingerprint {fingerprint} differs from the expected one ({expected}).",
    ),
    "exports.check.listed_not_present": (
        "Berkas {name} tercantum di manifest tetapi tidak ada di paket.",
        "File {name} is listed in the manifest but is not in the package.",
    ),
    "exports.check.listed_twice": (
        "Berkas {name} tercantum lebih dari sekali di {manifest}.",
        "File {name} is listed more than once in {manifest}.",
    ),
    "exports.check.manifest_foreign": (
        "{manifest} bukan manifest paket desa-app.",
        "{manifest} is not a desa-app package manifest.",
    ),
    "exports.check.manifest_key_differs": (
        "Sidik kunci di manifest ({stated}) berbeda dengan kunci penanda tangan ({fingerprint}).",
        "The key fingerprint in the manifest ({stated}) differs from the signer's key "
        "({fingerprint}).",
    ),
    "exports.check.manifest_list_format": (
        "Daftar berkas di {manifest} tidak sesuai format.",
        "The file list in {manifest} is not in the expected format.",
    ),
    "exports.check.manifest_missing": (
        "{manifest} tidak ada di dalam paket.",
        "{manifest} is not in the package.",
    ),
    "exports.check.manifest_not_json": (
        "{manifest} bukan JSON yang sah.",
        "{manifest} is not valid JSON.",
    ),
    "exports.check.not_zip": (
        "Bukan berkas ZIP yang sah: {name}.",
        "Not a valid ZIP file: {name}.",
    ),
    "exports.check.package_missing": (
        "Berkas paket tidak ditemukan: {path}.",
        "Package file not found: {path}.",
    ),
    "exports.check.public_key_missing": (
        "{public_key} tidak ada; penanda tangan tidak diketahui.",
        "{public_key} is missing; the signer is unknown.",
    ),
    "exports.check.signature_mismatch": (
        "Tanda tangan manifest tidak cocok: {manifest}, {signature} atau {public_key} telah "
        "diubah.",
        "The manifest signature does not match: {manifest}, {signature} or {public_key} has been "
        "changed.",
    ),
    "exports.check.signature_missing": (
        "{signature} tidak ada; paket tidak ditandatangani.",
        "{signature} is missing; the package is not signed.",
    ),
    "exports.check.size_differs": (
        "Berkas {name} berbeda dari manifest (ukuran {size}, seharusnya {expected}).",
        "File {name} differs from the manifest (size {size}, expected {expected}).",
    ),
    "exports.check.symlink": (
        "Berkas {name} adalah tautan simbolik; paket tidak boleh berisi tautan.",
        "File {name} is a symbolic link; a package may not contain links.",
    ),
    "exports.check.total_too_big": (
        "Isi paket terlalu besar setelah dibuka ({size}; paling besar {limit}).",
        "The package content is too large once unpacked ({size}; at most {limit}).",
    ),
    "exports.check.unsafe_name": (
        "Nama berkas tidak aman di dalam paket: {name!r} ({reason}).",
        "Unsafe file name in the package: {name!r} ({reason}).",
    ),
    "exports.check.zip_bomb": (
        "Berkas {name} mencurigakan: rasio kompresi {ratio}:1 (kemungkinan bom ZIP).",
        "File {name} is suspicious: compression ratio {ratio}:1 (possibly a ZIP bomb).",
    ),
    "exports.check.zip_damaged": (
        "Berkas {filename} di dalam ZIP rusak (tidak dapat dibaca utuh).",
        "File {filename} in the ZIP is damaged (cannot be read whole).",
    ),
    "exports.folder_missing": (
        "Folder tujuan tidak ada: {parent}",
        "The destination folder does not exist: {parent}",
    ),
    "exports.package_unwritable": (
        "Paket tidak dapat ditulis ke {out}: {reason}.",
        "The package cannot be written to {out}: {reason}.",
    ),
    "exports.step.berita_acara": (
        "Menulis berita acara verifikasi",
        "Writing the verification record (berita acara)",
    ),
    "exports.step.laporan": ("Menulis laporan kegiatan", "Writing the activity report"),
    "exports.step.metadata": ("Menulis metadata", "Writing the metadata"),
    "exports.step.package": ("Mengemas paket", "Packing the package"),
    "exports.step.package_done": ("Paket selesai", "Package finished"),
    "exports.step.packing": ("Mengemas {name}", "Packing {name}"),
    "exports.step.reading": ("Membaca rekaman", "Reading the records"),
    "exports.step.workbook": ("Menulis buku kerja Prodeskel", "Writing the Prodeskel workbook"),
}
