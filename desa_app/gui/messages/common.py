"""Screen texts shared by the whole app (key: (Indonesian, English))."""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    "app.title": ("desa-app — Profil Desa dan Kelurahan", "desa-app — Village Profile"),
    "common.ok": ("OK", "OK"),
    "common.cancel": ("Batal", "Cancel"),
    "common.yes": ("Ya", "Yes"),
    "common.no": ("Tidak", "No"),
    "common.close": ("Tutup", "Close"),
    "common.save": ("Simpan", "Save"),
    "common.error_title": ("Terjadi masalah", "Something went wrong"),
    "common.working": ("Sedang bekerja…", "Working…"),
    "common.unexpected": (
        "Terjadi kesalahan tak terduga (bukan kesalahan Anda): {error}. Data yang sudah "
        "tersimpan tetap aman (rincian dicatat di log).",
        "An unexpected error occurred (not your mistake): {error}. Saved data is safe "
        "(the details are in the log)."),
    "nav.home": ("Beranda", "Home"),
    "nav.households": ("Keluarga (DDK)", "Households (DDK)"),
    "nav.settings": ("Pengaturan", "Settings"),
    "status.user": ("{name} ({role})", "{name} ({role})"),
    "status.village": ("Desa {name}, Kec. {kecamatan}", "Village {name}, {kecamatan} district"),
    "status.encrypted": ("terenkripsi", "encrypted"),
    "status.plain": ("tidak terenkripsi", "not encrypted"),
    "status.last_backup": ("cadangan terakhir {when}", "last backup {when}"),
    "status.no_backup": ("belum ada cadangan", "no backup yet"),
    "role.admin": ("Operator desa", "Village operator"),
    "role.enumerator": ("Agen Statistik / Pokja", "Enumerator"),
    "role.verifier": ("Tim verifikasi", "Verification team"),
    "role.pembina": ("Pembina BPS", "BPS supervisor"),
    "role.viewer": ("Diskominfo", "Diskominfo (viewer)"),
    "workflow.draft": ("Draf", "Draft"),
    "workflow.submitted": ("Diserahkan ke Tim", "Submitted"),
    "workflow.returned": ("Dikembalikan", "Returned"),
    "workflow.verified": ("Disetujui", "Verified"),
    "workflow.entered": ("Sudah diinput ke Prodeskel", "Entered in Prodeskel"),
}
