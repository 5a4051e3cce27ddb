"""Records: saving, workflow steps, notes, deleting and restoring.

Each entry is ``key: ("Indonesia", "English")``; see ``core/messages/__init__.py``.
"""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    "records.batch_not_found": ("tidak ditemukan", "not found"),
    "records.batch_not_submitted": ("tidak berstatus diserahkan", "not in status submitted"),
    "records.batch_has_warnings": ("masih ada peringatan; tinjau satu per satu",
                                   "still has warnings; review it on its own"),
    "records.errors_more": (" (dan {count} lagi)", " (and {count} more)"),
    "records.duplicate_niks": ("NIK ganda harus diselesaikan sebelum disetujui: {places}",
                               "Duplicate NIKs must be resolved before approval: {places}"),
    "records.this_record": ("rekaman ini", "this record"),
    "records.household": ("keluarga {head}", "household {head}"),
    "records.member_place": ("{where} anggota ke-{position}", "{where} member {position}"),
    "records.changed_meanwhile": (
        "Rekaman ini sudah diubah orang lain sejak Anda membukanya (revisi {revision}); buka "
        "ulang lalu ulangi perubahan Anda.",
        "Someone else has changed this record since you opened it (revision {revision}); open it "
        "again and repeat your change.",
    ),
    "records.delete_reason": ("Tuliskan alasan penghapusan.", "Write the reason for deleting."),
    "records.deleted": (
        "Rekaman ini sudah dihapus; pulihkan dahulu.",
        "This record has been deleted; restore it first.",
    ),
    "records.errors_left": (
        "Masih ada {count} galat: {first}{more}",
        "There are still {count} errors: {first}{more}",
    ),
    "records.not_deleted": ("Rekaman ini tidak terhapus.", "This record is not deleted."),
    "records.not_found": (
        "Rekaman {record_id} tidak ditemukan.",
        "Record {record_id} was not found.",
    ),
    "records.note_empty": ("Catatan tidak boleh kosong.", "A note cannot be empty."),
    "records.note_not_found": (
        "Catatan {note_id} tidak ditemukan.",
        "Note {note_id} was not found.",
    ),
    "records.note_resolved": (
        "Catatan ini sudah ditandai selesai.",
        "This note is already marked resolved.",
    ),
    "records.period_required": (
        "Tahun data wajib diisi untuk formulir tingkat desa.",
        "The data year is required for a village-level form.",
    ),
    "records.period_taken": (
        "Formulir ini untuk tahun {period} sudah ada; buka rekaman yang ada (satu rekaman per "
        "desa per tahun).",
        "This form already exists for the year {period}; open the existing record (one record per "
        "village per year).",
    ),
    "records.return_needs_note": (
        "Tulis minimal satu catatan yang menjelaskan apa yang harus diperbaiki.",
        "Write at least one note explaining what has to be corrected.",
    ),
}
