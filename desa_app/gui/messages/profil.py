"""Screen texts: Profil Desa (Potensi, Perkembangan) and "hitung dari DDK"."""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    "nav.profile": ("Profil Desa", "Village Profile"),
    "profil.title": ("Profil Desa dan Kelurahan", "Village profile"),
    "profil.intro": (
        "Potensi dan Perkembangan Desa diisi satu kali per tahun. Angka yang bisa dihitung "
        "dari DDK yang sudah disetujui Tim diisi dengan tombol «Hitung dari DDK».",
        "Potential and Development are filled once a year. Figures that can be counted "
        "from the households approved by the team are filled with «Count from DDK»."),
    "profil.instrument": ("Instrumen", "Instrument"),
    "profil.year": ("Tahun", "Year"),
    "profil.status": ("Status", "Status"),
    "profil.errors": ("Galat", "Errors"),
    "profil.warnings": ("Peringatan", "Warnings"),
    "profil.updated": ("Terakhir diubah", "Last changed"),
    "profil.create": ("Buat", "Create"),
    "profil.open": ("Buka", "Open"),
    "profil.empty": ("Belum ada Potensi atau Perkembangan. Pilih instrumen dan tahun, "
                     "lalu «Buat».",
                     "No Potential or Development record yet. Choose an instrument and a "
                     "year, then «Create»."),
    "profil.exists": ("{title} tahun {year} sudah ada; dibuka.",
                      "{title} {year} already exists; opened."),
    "profil.record_title": ("{title} {year}", "{title} {year}"),
    "ddk.button": ("Hitung dari DDK", "Count from DDK"),
    "ddk.undo": ("Urungkan hitung DDK", "Undo DDK count"),
    "ddk.counting": ("Menghitung dari DDK…", "Counting from DDK…"),
    "ddk.dialog_title": ("Hitung dari DDK", "Count from DDK"),
    "ddk.summary": (
        "Dihitung dari {households} keluarga ({people} jiwa) yang disetujui Tim; umur pada "
        "{on}. {n} angka berbeda dari isian sekarang. Yang dicentang akan ditimpa.",
        "Counted over {households} approved households ({people} people); ages on {on}. "
        "{n} figures differ from the record. Ticked ones will be overwritten."),
    "ddk.nothing": (
        "Dihitung dari {households} keluarga ({people} jiwa): semua angka sudah sama "
        "dengan isian sekarang.",
        "Counted over {households} households ({people} people): every figure already "
        "matches the record."),
    "ddk.no_households": (
        "Belum ada keluarga yang disetujui Tim; tidak ada yang bisa dihitung.",
        "No household has been approved yet; nothing can be counted."),
    "ddk.section": ("Bagian", "Section"),
    "ddk.question": ("Butir", "Item"),
    "ddk.current": ("Sekarang", "Now"),
    "ddk.computed": ("Dari DDK", "From DDK"),
    "ddk.difference": ("Selisih", "Difference"),
    "ddk.origin": ("Asal isian", "Origin"),
    "ddk.origin.manual": ("manual", "manual"),
    "ddk.origin.ddk": ("dari DDK", "from DDK"),
    "ddk.origin.kosong": ("kosong", "empty"),
    "ddk.apply": ("Terapkan yang dicentang", "Apply the ticked ones"),
    "ddk.select_all": ("Centang semua", "Tick all"),
    "ddk.select_none": ("Hapus centang", "Untick all"),
    "ddk.applied": ("{n} angka diisi dari DDK.", "{n} figures filled from DDK."),
    "ddk.undone": ("Hitung DDK diurungkan.", "DDK count undone."),
    "ddk.mark_manual": ("manual (DDK: {value})", "manual (DDK: {value})"),
    "ddk.mark_manual_plain": ("manual", "manual"),
    "ddk.mark_ddk": ("dari DDK", "from DDK"),
    "ddk.tip_manual": ("Diisi manual; tidak ditimpa hitung DDK kecuali dicentang.",
                       "Typed by hand; a DDK count does not overwrite it unless ticked."),
    "ddk.tip_ddk": ("Angka ini dihitung dari DDK.", "This figure was counted from DDK."),
    "ddk.failed": ("Hitung dari DDK gagal, isian tidak diubah: {error}",
                   "Counting from DDK failed, the record is unchanged: {error}"),
}
