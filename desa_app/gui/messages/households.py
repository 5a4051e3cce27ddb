"""Screen texts: households (key: (Indonesian, English))."""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    # the list's columns
    "households.column.no_kk": ("No KK", "Family card no."),
    "households.column.nama_kk": ("Kepala keluarga", "Head of household"),
    "households.column.dusun": ("Dusun", "Hamlet"),
    "households.column.rt_rw": ("RT/RW", "RT/RW"),
    # long headers on two lines: the name column needs the width at 1366×768
    "households.column.members": ("Jumlah\nanggota", "Members"),
    "households.column.status": ("Status", "Status"),
    "households.column.issues": ("Galat/\nperingatan", "Errors/\nwarnings"),
    "households.column.updated": ("Terakhir diubah", "Last changed"),
    # cells
    "households.rt_rw": ("{rt}/{rw}", "{rt}/{rw}"),
    "households.errors": ("{count} galat", "{count} errors"),
    "households.warnings": ("{count} peringatan", "{count} warnings"),
    "households.issues_both": ("{errors}, {warnings}", "{errors}, {warnings}"),
    "households.updated": ("{name}, {when}", "{name}, {when}"),
    "households.no_value": ("—", "—"),
    "households.issues_tip": (
        "{issues}. Galat harus diperbaiki sebelum diserahkan; peringatan boleh tetap ada.",
        "{issues}. Errors must be fixed before submitting; warnings may remain.",
    ),
    # search and filters
    "households.search_placeholder": ("Cari nama, NIK atau No KK", "Search name, NIK or KK no."),
    "households.search_tip": (
        "Ketik awal nama, NIK atau No KK (Ctrl+F). Panah bawah: pindah ke daftar. "
        "Esc: kosongkan.",
        "Type the start of a name, NIK or KK number (Ctrl+F). Down arrow: go to the list. "
        "Esc: clear.",
    ),
    "households.status_label": ("&Status:", "&Status:"),
    "households.status_all": ("Semua status", "All statuses"),
    "households.dusun_label": ("&Dusun:", "&Hamlet:"),
    "households.dusun_all": ("Semua dusun", "All hamlets"),
    "households.rt_label": ("R&T:", "R&T:"),
    "households.rw_label": ("R&W:", "R&W:"),
    "households.rt_tip": ("Nomor RT, misalnya 2 atau 002", "RT number, e.g. 2 or 002"),
    "households.rw_tip": ("Nomor RW, misalnya 1 atau 001", "RW number, e.g. 1 or 001"),
    "households.clear_filters": ("&Hapus filter", "C&lear filters"),
    "households.mine": ("Punya sa&ya", "M&ine"),
    "households.mine_tip": ("Hanya keluarga yang Anda rekam sendiri",
                            "Only the households you entered yourself"),
    # counts
    "households.count": ("{count} keluarga", "{count} households"),
    "households.count_none": ("Belum ada keluarga", "No households yet"),
    "households.count_no_match": ("Tidak ada keluarga yang cocok", "No matching households"),
    # actions
    "households.new": ("&Keluarga baru", "&New household"),
    "households.new_tip": (
        "Isi formulir keluarga baru (Ctrl+N)", "Fill in a new household (Ctrl+N)"),
    "households.open": ("&Buka", "&Open"),
    "households.open_tip": (
        "Buka keluarga yang dipilih (Enter atau klik dua kali)",
        "Open the selected household (Enter or double-click)",
    ),
    "households.table_name": ("Daftar keluarga", "List of households"),
}
