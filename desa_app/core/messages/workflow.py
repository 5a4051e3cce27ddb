"""Who may do what: role, status and action names, refusals, password rules.

Each entry is ``key: ("Indonesia", "English")``; see ``core/messages/__init__.py``.
The Indonesian role and status names also appear in documents (workbook, PDFs), which
stay Indonesian whatever the screen language.
"""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    "workflow.role.admin": ("Operator desa (admin)", "Village operator (admin)"),
    "workflow.role.enumerator": ("Agen Statistik / Pokja", "Agen Statistik / Pokja"),
    "workflow.role.verifier": ("Tim verifikasi", "Verification team"),
    "workflow.role.pembina": ("Pembina BPS", "BPS Pembina"),
    "workflow.role.viewer": ("Diskominfo", "Diskominfo"),
    "workflow.status.draft": ("Draf", "Draft"),
    "workflow.status.submitted": ("Diserahkan ke Tim", "Submitted to the Tim"),
    "workflow.status.returned": ("Dikembalikan", "Returned"),
    "workflow.status.verified": ("Disetujui", "Approved"),
    "workflow.status.entered": ("Sudah diinput ke Prodeskel", "Entered into Prodeskel"),
    "workflow.action.view": ("melihat data", "view data"),
    "workflow.action.create": ("membuat rekaman", "create records"),
    "workflow.action.edit": ("mengubah isian", "change answers"),
    "workflow.action.submit": ("menyerahkan ke Tim", "submit to the Tim"),
    "workflow.action.return": ("mengembalikan", "return records"),
    "workflow.action.verify": ("menyetujui", "approve"),
    "workflow.action.mark_entered": ("menandai sudah diinput ke Prodeskel",
                                     "mark as entered into Prodeskel"),
    "workflow.action.delete": ("menghapus rekaman", "delete records"),
    "workflow.action.restore": ("memulihkan rekaman terhapus", "restore deleted records"),
    "workflow.action.add_note": ("menulis catatan", "write notes"),
    "workflow.action.resolve_note": ("menandai catatan selesai", "mark notes resolved"),
    "workflow.action.manage_users": ("mengelola pengguna", "manage users"),
    "workflow.action.change_settings": ("mengubah pengaturan", "change settings"),
    "workflow.action.backup": ("membuat cadangan", "make backups"),
    "workflow.action.restore_backup": ("memulihkan cadangan", "restore backups"),
    "workflow.action.export": ("mengekspor data", "export data"),
    "workflow.action.view_audit": ("melihat log audit", "view the audit log"),
    "workflow.action.manage_visits": ("mencatat kunjungan pembinaan", "record Pembina visits"),
    "workflow.action.manage_agents": ("mengelola daftar Agen Statistik",
                                      "manage the list of Agen Statistik"),
    "workflow.action.log_activity": ("mencatat kegiatan Desa Cantik",
                                     "record Desa Cantik activities"),
    "workflow.action.manage_sop": ("mengisi jadwal SOP", "fill in the SOP schedule"),
    "workflow.action.set_targets": ("menetapkan target keluarga", "set household targets"),
    "workflow.role_not_allowed": ("Peran {role} tidak berwenang {action}.",
                                  "The role {role} may not {action}."),
    "workflow.status_not_editable": (
        "Rekaman berstatus «{status}» tidak dapat diubah oleh {role}.",
        "A record with status «{status}» cannot be changed by {role}.",
    ),
    "workflow.wrong_status": ("Tidak dapat {action}: rekaman berstatus «{status}».",
                              "Cannot {action}: the record has status «{status}»."),
    "workflow.separation_of_duties": (
        "Pemisahan tugas: Anda tidak dapat menyetujui rekaman yang Anda buat atau ubah "
        "terakhir kali; minta anggota Tim lain.",
        "Separation of duties: you cannot approve a record you created or last changed; "
        "ask another member of the Tim.",
    ),
    "auth.password_too_short": ("Kata sandi minimal {length} karakter.",
                                "A password has at least {length} characters."),
    "auth.password_only_digits": ("Kata sandi jangan hanya angka; campur huruf dan angka.",
                                  "A password must not be digits only; mix letters and digits."),
}
