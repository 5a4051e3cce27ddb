"""Screen texts: typing into the questionnaire (key: (Indonesian, English))."""

from __future__ import annotations

KEYBOARD_ID = """
<h3>Mengetik dari formulir kertas</h3>
<table cellpadding="3">
<tr><td><b>Tab</b> / <b>Enter</b></td><td>simpan isian ini, ke pertanyaan berikut (urutan kertas;
pertanyaan yang tidak ditanyakan dan isian otomatis dilewati)</td></tr>
<tr><td><b>Shift+Tab</b></td><td>kembali ke pertanyaan sebelumnya</td></tr>
<tr><td>Pilihan tunggal</td><td>ketik kode tercetak (berapa pun angkanya, mis. <b>12</b>) atau awal
kata labelnya (<b>slta</b>); artinya tampil di samping; kode yang tidak ada ditolak dan
daftar kode ditampilkan</td></tr>
<tr><td>Pilihan ganda</td><td>kode dipisah spasi, koma atau titik koma: <b>1 3 5</b></td></tr>
<tr><td>Angka</td><td>desimal dengan koma atau titik: <b>0,25</b> = <b>0.25</b>; uang ditampilkan
dengan titik ribuan setelah ditinggalkan</td></tr>
<tr><td>Tanggal</td><td>8 angka hhbbtttt: <b>17081990</b> (garis miring ditambahkan
sendiri)</td></tr>
<tr><td>Tabel (1.4–1.8, 1.18 …)</td><td>Tab dari sel ke sel, baris demi baris; kode kolom
tertulis di
atas tabel; Tab setelah sel terakhir keluar dari tabel; Delete mengosongkan sel</td></tr>
<tr><td><b>Ctrl+M</b></td><td>tambah anggota keluarga; kursor di pertanyaan pertamanya</td></tr>
<tr><td><b>Ctrl+G</b></td><td>ke nomor butir: <b>1.22</b>, <b>2.1.14</b> (anggota yang
tampil)</td></tr>
<tr><td><b>Ctrl+S</b></td><td>simpan (draf juga disimpan sendiri 3 detik setelah berhenti
mengetik)</td></tr>
<tr><td><b>Ctrl+W</b></td><td>simpan lalu tutup rekaman</td></tr>
<tr><td><b>Ctrl+PgDown</b> / <b>Ctrl+PgUp</b></td><td>bagian berikut / sebelumnya</td></tr>
<tr><td><b>Ctrl+Enter</b></td><td>di Dusun: pakai nama dusun baru yang belum ada di daftar
desa</td></tr>
<tr><td>Roda tetikus</td><td>hanya menggulir formulir, tidak pernah mengubah jawaban</td></tr>
</table>
<p>Isian yang sedang diketik tersimpan di berkas pemulihan paling lambat sedetik kemudian:
bila listrik padam, isian itu ditawarkan kembali saat aplikasi dibuka.</p>
"""

KEYBOARD_EN = """
<h3>Typing from the paper form</h3>
<table cellpadding="3">
<tr><td><b>Tab</b> / <b>Enter</b></td><td>keep this answer, go to the next question (paper order;
questions not asked and automatic answers are skipped)</td></tr>
<tr><td><b>Shift+Tab</b></td><td>back to the previous question</td></tr>
<tr><td>Single choice</td><td>type the printed code (any number of digits, e.g. <b>12</b>) or
the start
of a word of its label (<b>slta</b>); its meaning shows beside; a code not in the list is refused
and the list of codes shown</td></tr>
<tr><td>Multiple choice</td><td>codes separated by spaces, commas or semicolons: <b>1 3
5</b></td></tr>
<tr><td>Numbers</td><td>decimals with a comma or a point: <b>0,25</b> = <b>0.25</b>; money shows
thousands separators once left</td></tr>
<tr><td>Dates</td><td>8 digits ddmmyyyy: <b>17081990</b> (the slashes are added)</td></tr>
<tr><td>Tables (1.4–1.8, 1.18 …)</td><td>Tab from cell to cell, row by row; the columns' codes are
printed above the table; Tab after the last cell leaves it; Delete empties a cell</td></tr>
<tr><td><b>Ctrl+M</b></td><td>add a household member; the cursor goes to its first
question</td></tr>
<tr><td><b>Ctrl+G</b></td><td>go to an item number: <b>1.22</b>, <b>2.1.14</b> (the member
shown)</td></tr>
<tr><td><b>Ctrl+S</b></td><td>save (a draft is also saved 3 seconds after typing stops)</td></tr>
<tr><td><b>Ctrl+W</b></td><td>save and close the record</td></tr>
<tr><td><b>Ctrl+PgDown</b> / <b>Ctrl+PgUp</b></td><td>next / previous part</td></tr>
<tr><td><b>Ctrl+Enter</b></td><td>in Dusun: use a new hamlet name that is not in the village
list</td></tr>
<tr><td>Mouse wheel</td><td>only scrolls the form, never changes an answer</td></tr>
</table>
<p>What is being typed reaches the recovery file within a second: after a power cut it is
offered back when the app opens.</p>
"""

MESSAGES: dict[str, tuple[str, str]] = {
    "help.keyboard_title": ("Papan ketik (F1)", "Keyboard (F1)"),
    "help.close": ("Tutup", "Close"),
    "help.keyboard": (KEYBOARD_ID, KEYBOARD_EN),
    "form.keys_line": ("F1 bantuan · Tab berikut · Ctrl+M anggota · Ctrl+G ke nomor · "
                       "Ctrl+S simpan",
                       "F1 help · Tab next · Ctrl+M member · Ctrl+G go to · Ctrl+S save"),
    "form.hint_end": ("Ini pertanyaan terakhir. Ctrl+S menyimpan, Ctrl+W menutup.",
                      "This is the last question. Ctrl+S saves, Ctrl+W closes."),
    "form.hint_end_members": ("Pertanyaan terakhir. Ctrl+M menambah anggota berikutnya, "
                              "Ctrl+S menyimpan.",
                              "Last question. Ctrl+M adds the next member, Ctrl+S saves."),
    "form.submit_has_errors": ("Belum dapat diserahkan: {n} isian kosong atau salah (daftar di "
                               "kiri). Kursor ada di yang pertama.",
                               "Cannot be submitted yet: {n} answers missing or wrong (list on "
                               "the left). The cursor is on the first."),
    "form.unlock": ("Ubah…", "Change…"),
    "form.unlock_title": ("Ubah isian otomatis?", "Change an automatic answer?"),
    "form.unlock_confirm": ("«{label}» terisi otomatis dan biasanya tidak diubah. Mengubahnya "
                            "dapat memindahkan keluarga ini ke desa lain. Buka untuk diubah?",
                            "«{label}» is filled automatically and is normally not changed. "
                            "Changing it can move this household to another village. Open "
                            "it for changing?"),
    "form.goto_cancel": ("Batal", "Cancel"),
    "form.goto_title": ("Ke nomor butir (Ctrl+G)", "Go to item (Ctrl+G)"),
    "form.goto_prompt": ("Nomor butir seperti tercetak di kertas, lalu Enter:",
                         "The item number as printed on paper, then Enter:"),
    "form.goto_placeholder": ("mis. 1.22 atau 2.1.14", "e.g. 1.22 or 2.1.14"),
    "form.goto_unknown": ("Tidak ada butir bernomor {number} di formulir ini.",
                          "There is no item numbered {number} in this form."),
    "form.goto_no_member": ("Butir {number} milik anggota keluarga: tambahkan anggota dulu "
                            "(Ctrl+M).",
                            "Item {number} belongs to a member: add a member first (Ctrl+M)."),
    "form.goto_not_asked": ("Butir {number} tidak ditanyakan untuk isian saat ini (atau terisi "
                            "otomatis).",
                            "Item {number} is not asked for the current answers (or is "
                            "filled automatically)."),
    "form.matrix_codes": ("Kode {column}{several}: {codes}", "Codes {column}{several}: {codes}"),
    "form.matrix_several": (" (boleh lebih dari satu, pisahkan dengan spasi)",
                            " (several allowed, separated by spaces)"),
    "input.pick_list": ("Pilih dari daftar", "Pick from the list"),
    "input.no_such_code": ("Tidak ada pilihan «{text}». {hint}",
                           "There is no option «{text}». {hint}"),
    "input.no_such_codes": ("Kode {codes} tidak ada. {hint}",
                            "Code {codes} does not exist. {hint}"),
    "input.more_matches": (" (dan {n} lainnya cocok: ketik lebih banyak)",
                           " (and {n} more match: type more)"),
    "input.date_format": ("Tanggal ditulis 8 angka hhbbtttt, mis. 17081990.",
                          "Write the date as 8 digits ddmmyyyy, e.g. 17081990."),
    "input.date_impossible": ("Tanggal {text} tidak ada di kalender; periksa hari dan bulan.",
                              "The date {text} does not exist; check day and month."),
    "input.not_in_list": ("«{text}» belum ada di daftar desa ({names}). Perbaiki ketikannya, "
                          "atau tekan Ctrl+Enter untuk memakai nama baru ini.",
                          "«{text}» is not in the village list ({names}). Correct it, or "
                          "press Ctrl+Enter to use this new name."),
    "input.list_empty": ("daftar masih kosong; isi di Pengaturan",
                         "the list is empty; fill it in Settings"),
    "identity.where": ("keluarga {head}, No KK {no_kk}, {dusun} RT {rt}",
                       "household {head}, No KK {no_kk}, {dusun} RT {rt}"),
    "identity.nik_taken": ("⚠ NIK ini sudah tercatat atas nama {name}, anggota ke-{n} "
                           "{where}.",
                           "⚠ This NIK is already recorded for {name}, member {n} of "
                           "{where}."),
    "identity.kk_taken": ("⚠ No KK ini sudah dipakai {where}.",
                          "⚠ This No KK is already used by {where}."),
}
