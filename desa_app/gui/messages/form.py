"""Screen texts: the questionnaire form (key: (Indonesian, English))."""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    "form.date_placeholder": ("hh/bb/tttt", "dd/mm/yyyy"),
    "form.matrix_count": ("Jumlah", "Number"),
    "notes.title": ("Catatan Tim (belum selesai)", "Team notes (open)"),
    "notes.resolve": ("Tandai catatan selesai", "Mark note as resolved"),
    "notes.whole_record": ("seluruh rekaman", "whole record"),
    "notes.write": ("Tulis catatan", "Write note"),
    "notes.write_placeholder": ("Catatan pembinaan untuk rekaman ini…",
                                "A note on this record…"),
    "recovery.title": ("Pulihkan isian?", "Recover answers?"),
    "recovery.offer": ("Aplikasi terakhir berhenti sebelum isian «{title}» tersimpan "
                       "(terakhir diketik {when}). Pulihkan isian itu sekarang?",
                       "The app stopped before the answers of «{title}» were saved "
                       "(last typed {when}). Recover them now?"),
    "recovery.aside_title": ("Sisihkan isian?", "Set the answers aside?"),
    "recovery.aside_ask": ("Isian «{title}» tidak dibuka sekarang dan disisihkan ke folder "
                           "pemulihan/disisihkan (tidak dihapus, tidak ditawarkan lagi). "
                           "Lanjutkan?",
                           "The answers of «{title}» are not opened now but set aside in "
                           "the folder pemulihan/disisihkan (not deleted, not offered "
                           "again). Go on?"),
    "form.save": ("Simpan (Ctrl+S)", "Save (Ctrl+S)"),
    "form.submit": ("Serahkan ke Tim", "Submit to the team"),
    "form.close": ("Tutup (Ctrl+W)", "Close (Ctrl+W)"),
    "form.new_household": ("Keluarga baru", "New household"),
    "form.submit_blocked": ("Perbaiki dulu semua galat (daftar di kiri bawah).",
                            "Fix all errors first (list at the bottom left)."),
    "form.saving": ("Menyimpan…", "Saving…"),
    "form.unsaved": ("Belum disimpan", "Not saved yet"),
    "form.saved": ("Tersimpan", "Saved"),
    "form.journal_failed": ("Berkas pemulihan tidak dapat ditulis!",
                            "The recovery file cannot be written!"),
    "form.save_failed_title": ("Gagal menyimpan", "Could not save"),
    "form.save_failed": ("Isian belum tersimpan di basis data (tetap aman di berkas "
                         "pemulihan):\n{reason}",
                         "The answers are not saved in the database (they are safe in the "
                         "recovery file):\n{reason}"),
    "form.submit_warnings_title": ("Masih ada peringatan", "There are warnings"),
    "form.submit_warnings": ("Ada {count} peringatan. Serahkan ke Tim tetap?\n\n{list}",
                             "There are {count} warnings. Submit anyway?\n\n{list}"),
    "form.unsaved_title": ("Belum disimpan", "Not saved"),
    "form.unsaved_on_exit": ("Ada isian yang belum disimpan. Simpan dulu lalu tutup?",
                             "Some answers are not saved yet. Save them, then close?"),
    "form.sections": ("Bagian", "Section"),
    "form.section_state": ("Keadaan", "State"),
    "form.other_questions": ("Ringkasan", "Summary"),
    "form.count_missing": ("{n} kosong", "{n} missing"),
    "form.count_errors": ("{n} galat", "{n} errors"),
    "form.count_warnings": ("{n} peringatan", "{n} warnings"),
    "form.no_issues": ("Tidak ada galat atau peringatan.", "No errors or warnings."),
    "members.no": ("No", "No"),
    "members.name": ("Nama", "Name"),
    "members.nik": ("NIK", "NIK"),
    "members.relation": ("Hubungan", "Relationship"),
    "members.born": ("Tanggal lahir", "Date of birth"),
    "members.add": ("Tambah anggota (Ctrl+M)", "Add member (Ctrl+M)"),
    "members.remove": ("Hapus anggota", "Remove member"),
    "members.up": ("Naik", "Move up"),
    "members.down": ("Turun", "Move down"),
    "members.empty": ("Belum ada anggota keluarga. Tekan Ctrl+M untuk menambah.",
                      "No household members yet. Press Ctrl+M to add one."),
    "members.head": ("Kepala Keluarga", "Head of household"),
    "members.detail": ("Anggota ke-{n}", "Member {n}"),
    "members.confirm_remove_title": ("Hapus anggota?", "Remove member?"),
    "members.confirm_remove": ("Hapus anggota ke-{n} ({name}) beserta semua isiannya?",
                               "Remove member {n} ({name}) and all their answers?"),
    "form.matrix_other_name": ("Lainnya (sebutkan)", "Other (specify)"),
    "form.matrix_other_row": ("Lainnya {n}", "Other {n}"),
}
