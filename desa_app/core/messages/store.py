"""The village database: opening, passwords, backups, users, villages, attachments.

Each entry is ``key: ("Indonesia", "English")``; see ``core/messages/__init__.py``.
"""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    "errors.with_backup": ("{message} Cadangan terbaru yang baik: {backup}",
                           "{message} Newest good backup: {backup}"),
    "store.account_disabled": (
        "Akun ini dinonaktifkan; hubungi operator desa.",
        "This account is disabled; contact the village operator.",
    ),
    "store.account_inactive_now": (
        "Akun Anda tidak aktif lagi; hubungi operator desa.",
        "Your account is no longer active; contact the village operator.",
    ),
    "store.attachment_bad_owner": (
        "Lampiran tidak dapat dipasang pada «{owner_kind}».",
        "Attachments cannot be added to «{owner_kind}».",
    ),
    "store.attachment_damaged": (
        "Lampiran «{filename}» rusak: isinya tidak sama dengan saat dilampirkan. Lampirkan ulang "
        "berkas aslinya atau pulihkan dari cadangan.",
        "Attachment «{filename}» is damaged: its content differs from when it was attached. "
        "Attach the original file again or restore from a backup.",
    ),
    "store.attachment_not_found": (
        "Lampiran {attachment_id} tidak ditemukan.",
        "Attachment {attachment_id} was not found.",
    ),
    "store.attachment_owner_missing": (
        "Tempat lampiran ({owner_kind} {owner_id}) tidak ditemukan.",
        "The place for the attachment ({owner_kind} {owner_id}) was not found.",
    ),
    "store.attachment_same": (
        "Berkas yang sama sudah dilampirkan (sebagai «{same}»).",
        "The same file is already attached (as «{same}»).",
    ),
    "store.attachment_too_big": (
        "Berkas {name} terlalu besar; paling besar 10 MB.",
        "File {name} is too large; the limit is 10 MB.",
    ),
    "store.attachment_too_big_size": (
        "Berkas {name} terlalu besar ({size:.1f} MB); paling besar 10 MB.",
        "File {name} is too large ({size:.1f} MB); the limit is 10 MB.",
    ),
    "store.attachment_unreadable": (
        "Berkas {name} tidak dapat dibaca: {strerror}.",
        "File {name} cannot be read: {strerror}.",
    ),
    "store.attachment_wrong_kind": (
        "Berkas {name} bukan foto JPEG/PNG atau dokumen PDF; hanya jenis itu yang dapat "
        "dilampirkan.",
        "File {name} is not a JPEG/PNG photo or a PDF document; only those can be attached.",
    ),
    "store.audit_event_changed": (
        "isi kejadian telah diubah",
        "the content of the event has been changed",
    ),
    "store.audit_link_broken": (
        "tautan ke kejadian sebelumnya tidak cocok (ada kejadian yang dihapus atau disisipkan)",
        "the link to the previous event does not match (an event was deleted or inserted)",
    ),
    "store.backup_damaged": (
        "Berkas cadangan {name} rusak: {problem}",
        "Backup file {name} is damaged: {problem}",
    ),
    "store.backup_empty": ("Berkas cadangan kosong: {name}", "Backup file is empty: {name}"),
    "store.backup_foreign": (
        "Berkas {name} bukan cadangan basis data desa-app.",
        "File {name} is not a desa-app database backup.",
    ),
    "store.backup_missing": (
        "Berkas cadangan tidak ditemukan: {path}",
        "Backup file not found: {path}",
    ),
    "store.database_busy": (
        "Basis data sedang dipakai program lain; coba lagi sebentar.",
        "The database is in use by another program; try again in a moment.",
    ),
    "store.database_cannot_access": (
        "Berkas basis data tidak dapat diakses: {path} ({original})",
        "The database file cannot be accessed: {path} ({original})",
    ),
    "store.database_cannot_open": (
        "Berkas basis data tidak dapat dibuka: {path}",
        "The database file cannot be opened: {path}",
    ),
    "store.database_damaged": (
        "Basis data {name} rusak: {problem}",
        "Database {name} is damaged: {problem}",
    ),
    "store.database_empty": (
        "Berkas {name} kosong (0 byte), bukan basis data desa-app.",
        "File {name} is empty (0 bytes), not a desa-app database.",
    ),
    "store.database_foreign": (
        "Berkas {name} bukan basis data desa-app.",
        "File {name} is not a desa-app database.",
    ),
    "store.database_locked_read_only": (
        "Basis data {name} hanya dapat dibaca (disk atau berkas dikunci); perubahan tidak dapat "
        "disimpan.",
        "Database {name} can only be read (disk or file locked); changes cannot be saved.",
    ),
    "store.database_malformed": (
        "Basis data {name} rusak (database disk image is malformed).",
        "Database {name} is damaged (database disk image is malformed).",
    ),
    "store.database_migrate_read_only": (
        "Basis data perlu diperbarui tetapi dibuka hanya-baca.",
        "The database needs updating but is opened read-only.",
    ),
    "store.database_missing": ("Basis data tidak ditemukan: {path}", "Database not found: {path}"),
    "store.database_newer": (
        "Basis data {name} dibuat oleh versi desa-app yang lebih baru; perbarui aplikasi terlebih "
        "dahulu.",
        "Database {name} was made by a newer version of desa-app; update the application first.",
    ),
    "store.database_not_encrypted": (
        "Basis data {name} tidak terenkripsi; jangan isi kata sandi.",
        "Database {name} is not encrypted; leave the password empty.",
    ),
    "store.database_read_only": (
        "Basis data {name} dibuka hanya-baca.",
        "Database {name} is opened read-only.",
    ),
    "store.disk_full": (
        "Penyimpanan penuh atau tidak dapat ditulisi: data tidak dapat disimpan. Kosongkan ruang "
        "disk (atau periksa flashdisk) lalu simpan lagi; data yang sudah tersimpan tetap utuh.",
        "The storage is full or cannot be written: the data cannot be saved. Free some disk space "
        "(or check the flash drive) and save again; the data already saved is intact.",
    ),
    "store.dusun_not_text": ("Nama dusun harus berupa teks.", "A dusun name must be text."),
    "store.dusun_too_long": (
        "Nama dusun paling banyak {limit} karakter: «{start}…».",
        "A dusun name has at most {limit} characters: «{start}…».",
    ),
    "store.file_exists": (
        "Berkas {path} sudah ada; pilih nama lain atau hapus dahulu.",
        "File {path} already exists; choose another name or delete it first.",
    ),
    "store.file_not_whole_database": (
        "Berkas {name} bukan basis data desa-app yang utuh.",
        "File {name} is not a complete desa-app database.",
    ),
    "store.full_name_required": (
        "Nama lengkap pengguna wajib diisi.",
        "The user's full name is required.",
    ),
    "store.key_not_ed25519": (
        "Kunci publik penanda tangan bukan kunci Ed25519.",
        "The signer's public key is not an Ed25519 key.",
    ),
    "store.key_unreadable": (
        "Kunci publik penanda tangan tidak dapat dibaca.",
        "The signer's public key cannot be read.",
    ),
    "store.last_admin": (
        "Admin aktif terakhir tidak dapat dinonaktifkan atau diganti.",
        "The last active admin cannot be deactivated or changed.",
    ),
    "store.login_too_many": (
        "Terlalu banyak percobaan salah; coba lagi dalam {wait} detik.",
        "Too many wrong attempts; try again in {wait} seconds.",
    ),
    "store.login_wrong": ("Nama pengguna atau kata sandi salah.", "Wrong username or password."),
    "store.old_password_wrong": ("Kata sandi lama salah.", "The old password is wrong."),
    "store.passphrase_empty": (
        "Kata sandi basis data tidak boleh kosong.",
        "The database password cannot be empty.",
    ),
    "store.passphrase_needed": (
        "Berkas {name} terenkripsi atau rusak; masukkan kata sandi basis data.",
        "File {name} is encrypted or damaged; enter the database password.",
    ),
    "store.role_unknown": ("Peran tidak dikenal: {role}.", "Unknown role: {role}."),
    "store.role_unknown_choose": (
        "Peran tidak dikenal: {role} (pilih: {roles}).",
        "Unknown role: {role} (choose: {roles}).",
    ),
    "store.sqlcipher_missing": (
        "Modul enkripsi (sqlcipher3) tidak terpasang; basis data terenkripsi tidak dapat dibuka.",
        "The encryption module (sqlcipher3) is not installed; an encrypted database cannot be "
        "opened.",
    ),
    "store.user_not_found": (
        "Pengguna «{username}» tidak ada.",
        "User «{username}» does not exist.",
    ),
    "store.username_format": (
        "Nama pengguna 3–32 karakter: huruf kecil, angka, titik, garis bawah atau strip.",
        "A username has 3–32 characters: lowercase letters, digits, dot, underscore or hyphen.",
    ),
    "store.username_taken": (
        "Nama pengguna «{username}» sudah dipakai.",
        "The username «{username}» is already taken.",
    ),
    "store.village_code_unknown": (
        "Kode desa «{code}» tidak ada dalam daftar Kemendagri.",
        "Village code «{code}» is not in the Kemendagri list.",
    ),
    "store.wrong_passphrase": (
        "Kata sandi basis data salah (atau berkas bukan basis data desa-app).",
        "Wrong database password (or the file is not a desa-app database).",
    ),
}
