"""Screen texts: first-run wizard, login, Beranda, Pengaturan (key: (Indonesian, English)).

``&`` marks the Alt+letter of a label or button (keyboard-first users).
"""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    # -- first-run wizard ------------------------------------------------------------------
    "setup.title": ("Penyiapan pertama desa-app", "desa-app first-time setup"),
    "setup.next": ("&Lanjut >", "&Next >"),
    "setup.back": ("< &Kembali", "< &Back"),
    "setup.finish": ("&Buat basis data", "&Create database"),
    "setup.village.title": ("1. Pilih desa atau kelurahan", "1. Choose the village"),
    "setup.village.subtitle": (
        "Ketik sebagian nama atau kode Kemendagri, lalu pilih dengan panah Atas/Bawah dan "
        "tekan Enter. Nama yang sama bisa ada di beberapa kecamatan: periksa kecamatan dan "
        "kabupatennya.",
        "Type part of the name or the Kemendagri code, pick with the Up/Down arrows and "
        "press Enter. The same name can exist in several districts: check the kecamatan "
        "and kabupaten."),
    "setup.village.search": ("&Cari desa/kelurahan (nama atau kode):",
                             "&Search village (name or code):"),
    "setup.village.placeholder": ("contoh: widoro, widoro pacitan, 35.01.01.2001",
                                  "e.g. widoro, widoro pacitan, 35.01.01.2001"),
    "setup.village.searching": ("Mencari…", "Searching…"),
    "setup.village.no_match": ("Tidak ada desa/kelurahan yang cocok.", "No matching village."),
    "setup.village.matches": ("{count} hasil", "{count} matches"),
    "setup.village.too_many": (
        "{count} hasil pertama; ketik lebih lengkap (boleh tambah nama kecamatan atau "
        "kabupaten).",
        "First {count} matches; type more (you may add the kecamatan or kabupaten)."),
    "setup.village.desa": ("Desa", "Desa"),
    "setup.village.kelurahan": ("Kelurahan", "Kelurahan"),
    "setup.village.item": ("{kind} {name} — Kec. {kecamatan}, {kabupaten}, Prov. {provinsi} "
                           "({code})",
                           "{kind} {name} — Kec. {kecamatan}, {kabupaten}, {provinsi} "
                           "province ({code})"),
    "setup.village.none_chosen": ("Belum ada desa yang dipilih.", "No village chosen yet."),
    "setup.village.chosen": ("Dipilih: {label}", "Chosen: {label}"),
    "setup.village.choose_first": (
        "Pilih desa/kelurahan dari daftar (panah Bawah) untuk melanjutkan.",
        "Pick the village from the list (Down arrow) to go on."),
    "setup.admin.title": ("2. Akun operator desa (admin)", "2. Village operator account (admin)"),
    "setup.admin.subtitle": (
        "Akun ini menambah pengguna lain (Agen Statistik, Tim verifikasi) nanti. Simpan kata "
        "sandinya baik-baik.",
        "This account adds the other users (enumerators, verification team) later. Keep "
        "its password safe."),
    "setup.admin.username": ("Nama &pengguna:", "&User name:"),
    "setup.admin.username_hint": (
        "3–32 karakter: huruf kecil, angka, titik, garis bawah atau strip (contoh: operator)",
        "3–32 characters: lower-case letters, digits, dot, underscore or dash "
        "(e.g. operator)"),
    "setup.admin.username_bad": (
        "Nama pengguna 3–32 karakter: huruf kecil, angka, titik, garis bawah atau strip.",
        "User name: 3–32 characters of lower-case letters, digits, dot, underscore or dash."),
    "setup.admin.name": ("Nama le&ngkap:", "&Full name:"),
    "setup.admin.password": ("Kata &sandi:", "&Password:"),
    "setup.admin.again": ("&Ulangi kata sandi:", "&Repeat password:"),
    "setup.admin.show": ("&Tampilkan kata sandi", "S&how password"),
    "setup.admin.mismatch": ("Kedua kata sandi tidak sama.", "The two passwords differ."),
    "setup.admin.incomplete": (
        "Isi nama pengguna, nama lengkap dan kata sandi (dua kali sama) untuk melanjutkan.",
        "Fill in the user name, full name and password (the same twice) to go on."),
    "setup.encrypt.title": ("3. Enkripsi (pilihan)", "3. Encryption (optional)"),
    "setup.encrypt.subtitle": (
        "Dengan enkripsi, data warga (NIK) tidak terbaca bila laptop hilang atau dicuri.",
        "With encryption, residents' data (NIK) cannot be read if the laptop is lost or "
        "stolen."),
    "setup.encrypt.enable": ("&Enkripsi basis data dengan kata sandi basis data",
                             "&Encrypt the database with a database passphrase"),
    "setup.encrypt.warning": (
        "PERHATIAN: kata sandi basis data yang hilang TIDAK DAPAT dipulihkan oleh siapa pun. "
        "Tanpa kata sandi itu seluruh data dan cadangannya tidak dapat dibuka lagi. Tulis "
        "dan simpan di tempat yang aman.",
        "WARNING: a lost database passphrase CANNOT be recovered by anyone. Without it all "
        "data and its backups can never be opened again. Write it down and keep it safe."),
    "setup.encrypt.passphrase": ("Kata sandi basis &data:", "Database &passphrase:"),
    "setup.encrypt.again": ("&Ulangi kata sandi basis data:", "&Repeat passphrase:"),
    "setup.encrypt.mismatch": ("Kedua kata sandi basis data tidak sama.",
                               "The two passphrases differ."),
    "setup.encrypt.incomplete": (
        "Isi kata sandi basis data dua kali sama, atau matikan enkripsi.",
        "Type the passphrase twice the same, or turn encryption off."),
    "setup.storage.title": ("4. Tempat penyimpanan dan ringkasan", "4. Storage and summary"),
    "setup.storage.subtitle": (
        "Basis data desa disimpan dalam satu berkas; cadangan otomatis di folder «backups» "
        "di sebelahnya.",
        "The village database is one file; automatic backups go to the «backups» folder "
        "beside it."),
    "setup.storage.file": ("Berkas basis &data:", "Database &file:"),
    "setup.storage.browse": ("&Telusuri…", "B&rowse…"),
    "setup.storage.browse_title": ("Simpan basis data desa sebagai", "Save village database as"),
    "setup.storage.filter": ("Basis data desa-app (*.sqlite3)", "desa-app database (*.sqlite3)"),
    "setup.storage.empty": ("Tentukan berkas basis data.", "Choose a database file."),
    "setup.storage.is_folder": ("Itu sebuah folder; tulis juga nama berkasnya "
                                "(contoh: desa.sqlite3).",
                                "That is a folder; add a file name (e.g. desa.sqlite3)."),
    "setup.storage.exists": ("Berkas ini sudah ada. Pilih nama lain; berkas yang ada tidak "
                             "akan ditimpa.",
                             "This file already exists. Choose another name; an existing "
                             "file is never overwritten."),
    "setup.storage.summary": ("Ringkasan", "Summary"),
    "setup.storage.no_village": (
        "Belum ada desa/kelurahan yang dipilih: kembali ke langkah 1.",
        "No village chosen yet: go back to step 1."),
    "setup.storage.no_admin": ("Akun admin belum lengkap: kembali ke langkah 2.",
                               "The admin account is incomplete: go back to step 2."),
    "setup.storage.no_encryption": (
        "Kata sandi basis data belum lengkap: kembali ke langkah 3.",
        "The database passphrase is incomplete: go back to step 3."),
    "setup.storage.summary_text": (
        "Desa/kelurahan: {village}\nAdmin: {admin} ({name})\nEnkripsi: {encrypted}",
        "Village: {village}\nAdmin: {admin} ({name})\nEncryption: {encrypted}"),
    "setup.storage.encrypted_yes": ("ya", "yes"),
    "setup.storage.encrypted_no": ("tidak", "no"),
    "setup.storage.creating": ("Membuat basis data… (bisa beberapa detik)",
                               "Creating the database… (may take a few seconds)"),
    # -- opening and login ------------------------------------------------------------------
    "login.title": ("Masuk", "Log in"),
    "login.heading": ("Desa {name}, Kec. {kecamatan}, {kabupaten}",
                      "Village {name}, {kecamatan} district, {kabupaten}"),
    "login.username": ("Nama &pengguna:", "User &name:"),
    "login.password": ("Kata &sandi:", "&Password:"),
    "login.enter": ("&Masuk", "&Log in"),
    "login.fill_both": ("Isi nama pengguna dan kata sandi.", "Enter user name and password."),
    "login.passphrase_title": ("Basis data terenkripsi", "Encrypted database"),
    "login.passphrase_intro": ("Berkas {name} terenkripsi. Masukkan kata sandi basis data.",
                               "The file {name} is encrypted. Enter the database passphrase."),
    "login.passphrase": ("Kata sandi basis &data:", "Database &passphrase:"),
    "login.passphrase_empty": ("Isi kata sandi basis data.", "Enter the database passphrase."),
    "login.open": ("&Buka", "&Open"),
    "login.opening": ("Membuka {name}…", "Opening {name}…"),
    "login.restore_title": ("Basis data tidak dapat dibuka", "Database cannot be opened"),
    "login.restore_question": (
        "{problem}\n\nAda cadangan yang baik:\n{backup}\n\nPulihkan dari cadangan ini? Berkas "
        "yang sekarang disimpan di sampingnya, tidak dihapus.",
        "{problem}\n\nA good backup exists:\n{backup}\n\nRestore from this backup? The "
        "current file is kept beside it, not deleted."),
    "login.restoring": ("Memulihkan dari cadangan…", "Restoring from the backup…"),
    "login.restored": ("Cadangan dipulihkan. Berkas lama disimpan sebagai:\n{aside}",
                       "Backup restored. The old file was kept as:\n{aside}"),
    # -- Beranda ----------------------------------------------------------------------------
    "home.village": ("{kind} {name}", "{kind} {name}"),
    "home.place": ("Kec. {kecamatan} · {kabupaten} · Prov. {provinsi} · kode {code}",
                   "{kecamatan} district · {kabupaten} · {provinsi} province · code {code}"),
    "home.user": ("Masuk sebagai {name} — {role}", "Logged in as {name} — {role}"),
    "home.counts": ("Rekaman keluarga menurut status", "Household records by status"),
    "home.total": ("Jumlah", "Total"),
    "home.refresh": ("&Perbarui angka", "&Refresh counts"),
    "home.go_households": ("&Keluarga (DDK)", "&Households (DDK)"),
    "home.go_settings": ("Pen&gaturan", "Se&ttings"),
    "home.loading": ("Menghitung angka…", "Calculating the figures…"),
    "home.updated": ("Angka per {when}", "Figures as of {when}"),
    "home.tile.penduduk": ("Penduduk", "Residents"),
    "home.tile.penduduk_detail": ("laki-laki {male} · perempuan {female}",
                                  "male {male} · female {female}"),
    "home.tile.kk": ("Keluarga (KK)", "Households (KK)"),
    "home.tile.kk_detail": ("yang sudah disetujui atau diinput",
                            "verified or entered"),
    "home.tile.records": ("Rekaman keluarga", "Household records"),
    "home.tile.records_target": ("target {target} ({percent}%)",
                                 "target {target} ({percent}%)"),
    "home.tile.no_target": ("target belum ditetapkan", "no target set yet"),
    "home.tile.returned": ("Dikembalikan, menunggu perbaikan",
                           "Returned, awaiting correction"),
    "home.tile.returned_oldest": ("terlama: {name}, sejak {when} ({days} hari)",
                                  "oldest: {name}, since {when} ({days} days)"),
    "home.tile.returned_none": ("tidak ada yang menunggu", "none waiting"),
    "home.tile.entered": ("Sudah diinput ke Prodeskel", "Entered in Prodeskel"),
    "home.tile.entered_week": ("minggu ini: {count}", "this week: {count}"),
    "home.no_name": ("(tanpa nama)", "(no name)"),
    "home.show_returned": ("Lihat yang &dikembalikan", "Show &returned"),
    "home.status_hint": ("Klik batang untuk membuka daftar keluarga berstatus itu.",
                         "Click a bar to open the households with that status."),
    "home.progress": ("Kemajuan per dusun: terekam / target",
                      "Progress per dusun: recorded / target"),
    "home.progress_hint": (
        "Batang muda = target jumlah keluarga. Klik batang untuk membuka daftar keluarga "
        "dusun itu.",
        "Pale bar = household target. Click a bar to open that dusun's households."),
    "home.progress_value": ("{recorded} / {target} ({percent}%)",
                            "{recorded} / {target} ({percent}%)"),
    "home.progress_no_target": ("{recorded} (tanpa target)", "{recorded} (no target)"),
    "home.no_dusun": ("(dusun tidak diisi)", "(no dusun given)"),
    "home.verified_weekly": ("Disetujui Tim per minggu (12 minggu terakhir)",
                             "Verified per week (last 12 weeks)"),
    "home.entered_weekly": ("Diinput ke Prodeskel per minggu (12 minggu terakhir)",
                            "Entered in Prodeskel per week (last 12 weeks)"),
    "home.week": ("Mg {week} · {start}", "Wk {week} · {start}"),
    "home.pyramid": ("Piramida penduduk (umur pada {on})",
                     "Population pyramid (age on {on})"),
    "home.male": ("Laki-laki", "Male"),
    "home.female": ("Perempuan", "Female"),
    "home.population_note": (
        "Hanya keluarga yang sudah disetujui atau sudah diinput ke Prodeskel.",
        "Only households verified or entered in Prodeskel."),
    "home.population_note_unknown": (
        "Hanya keluarga yang sudah disetujui atau diinput. Tidak masuk piramida: tanggal "
        "lahir tidak diketahui {age}, jenis kelamin tidak diketahui {sex}.",
        "Only verified or entered households. Not in the pyramid: birth date unknown "
        "{age}, sex unknown {sex}."),
    "home.breakdowns": ("Pendidikan dan pekerjaan penduduk", "Education and occupation"),
    "home.pendidikan": ("Pendidikan terakhir (terbanyak)", "Highest education (most common)"),
    "home.pekerjaan": ("Pekerjaan (terbanyak)", "Occupation (most common)"),
    "home.others": ("Lainnya", "Others"),
    "home.unanswered": ("Tidak diisi", "Not answered"),
    "dashboard.no_data": ("Belum ada data", "No data yet"),
    # -- Pengaturan -------------------------------------------------------------------------
    "settings.language": ("Bahasa", "Language"),
    "settings.language_label": ("&Bahasa tampilan:", "Display &language:"),
    "settings.language_note": ("Perubahan bahasa berlaku setelah aplikasi dibuka ulang.",
                               "A language change takes effect when the app is restarted."),
    "settings.language_saved": ("Tersimpan. Bahasa baru berlaku setelah aplikasi dibuka ulang.",
                                "Saved. The new language takes effect after a restart."),
    "settings.database": ("Basis data", "Database"),
    "settings.database_file": ("Berkas:", "File:"),
    "settings.encryption": ("Enkripsi:", "Encryption:"),
    "settings.encrypted_yes": ("terenkripsi (perlu kata sandi basis data)",
                               "encrypted (needs the database passphrase)"),
    "settings.encrypted_no": ("tidak terenkripsi", "not encrypted"),
    "settings.last_backup": ("Cadangan terakhir:", "Last backup:"),
    "settings.backup_when": ("{when} ({name})", "{when} ({name})"),
    "settings.no_backup": ("belum ada cadangan", "no backup yet"),
    "settings.signing_key": ("Sidik kunci tanda tangan paket:",
                             "Package signing key fingerprint:"),
    "settings.backup_folder": ("Folder cadangan:", "Backup folder:"),
    "settings.backup_now": ("Buat &cadangan sekarang", "Make a &backup now"),
    "settings.backup_done": ("Cadangan ditulis: {path}", "Backup written: {path}"),
    "settings.password": ("Ganti kata sandi Anda", "Change your password"),
    "settings.password_old": ("Kata sandi &lama:", "&Old password:"),
    "settings.password_new": ("Kata sandi ba&ru:", "&New password:"),
    "settings.password_again": ("&Ulangi kata sandi baru:", "&Repeat new password:"),
    "settings.password_mismatch": ("Kedua kata sandi baru tidak sama.",
                                   "The two new passwords differ."),
    "settings.password_change": ("&Ganti kata sandi", "&Change password"),
    "settings.password_done": ("Kata sandi sudah diganti.", "Password changed."),
    "settings.dusun": ("Daftar dusun/lingkungan", "Dusun/lingkungan list"),
    "settings.dusun_note": (
        "Pilihan untuk H.6 Dusun di kuesioner. Setiap perubahan langsung disimpan.",
        "The choices for H.6 Dusun in the questionnaire. Every change is saved at once."),
    "settings.dusun_new": ("Na&ma dusun baru:", "New d&usun name:"),
    "settings.dusun_new_hint": ("ketik nama lalu tekan Enter", "type a name, then press Enter"),
    "settings.dusun_add": ("&Tambah", "&Add"),
    "settings.dusun_saved_list": ("&Daftar tersimpan:", "Saved l&ist:"),
    "settings.dusun_rename": ("Ganti &nama", "Rena&me"),
    "settings.dusun_remove": ("&Hapus", "Remo&ve"),
    "settings.dusun_rename_hint": (
        "Ganti nama (F2) hanya mengubah daftar ini: rumah tangga yang sudah disimpan tetap "
        "memakai nama lama sampai kuesionernya diubah. Hapus: tombol Delete.",
        "Renaming (F2) changes this list only: households already saved keep the old name "
        "until their questionnaire is edited. Remove: the Delete key."),
    "settings.dusun_unlisted": ("Dipakai rumah tangga tetapi belum ada di daftar:",
                                "Used by households but not in the list:"),
    "settings.dusun_unlisted_tip": (
        "Nama ini tertulis di rumah tangga yang sudah disimpan, tetapi tidak ada di daftar.",
        "This name is written in saved households but is not in the list."),
    "settings.dusun_take": ("Masukkan ke daftar", "Add to the list"),
    "settings.dusun_take_tip": ("Masukkan «{name}» ke daftar dusun",
                                "Add “{name}” to the dusun list"),
    "settings.dusun_read_only": (
        "Hanya operator desa yang dapat mengubah daftar ini; Anda dapat melihatnya.",
        "Only the village operator can change this list; you can view it."),
    "settings.dusun_empty": ("Belum ada dusun di daftar.", "No dusun in the list yet."),
    "settings.dusun_saved": ("Tersimpan: {n} dusun di daftar.", "Saved: {n} dusun in the list."),
    "settings.dusun_exists": ("«{name}» sudah ada di daftar.", "“{name}” is already in the list."),
    "settings.dusun_blank": ("Nama dusun tidak boleh kosong; nama lama tetap dipakai.",
                             "A dusun name cannot be blank; the old name is kept."),
    "settings.dusun_remove_title": ("Hapus dusun", "Remove dusun"),
    "settings.dusun_remove_ask": (
        "Hapus «{name}» dari daftar dusun?\n\nRumah tangga yang sudah memakai nama ini "
        "tidak berubah; namanya lalu tampil sebagai «dipakai tetapi belum ada di daftar».",
        "Remove “{name}” from the dusun list?\n\nHouseholds that already use this name "
        "do not change; the name is then shown as “used but not in the list”."),
}
