"""NIK, No. KK and the Kemendagri region code files.

Each entry is ``key: ("Indonesia", "English")``; see ``core/messages/__init__.py``.
"""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    "identity.wilayah_bad_code": ("kode tidak sah {code!r}", "invalid code {code!r}"),
    "identity.wilayah_no_name": ("nama kosong untuk kode {code}", "empty name for code {code}"),
    "identity.wilayah_bad_kecamatan": ("kode kecamatan tidak sah {code!r}",
                                       "invalid kecamatan code {code!r}"),
    "identity.wilayah_bad_editions": ("edisi tidak sah {editions!r}",
                                      "invalid editions {editions!r}"),
    "identity.sex_male": ("laki-laki", "male"),
    "identity.sex_female": ("perempuan", "female"),
    "identity.nik_length": ("NIK harus 16 angka (sekarang {length} karakter).",
                            "A NIK has 16 digits (now {length} characters)."),
    "identity.nik_region": (
        "6 angka pertama NIK ({region}) bukan kode kecamatan yang dikenal.",
        "The first 6 digits of the NIK ({region}) are not a known kecamatan code.",
    ),
    "identity.nik_date": (
        "Angka ke-7 s.d. 12 NIK bukan tanggal lahir yang sah (DDMMYY, perempuan +40).",
        "Digits 7 to 12 of the NIK are not a valid birth date (DDMMYY, women +40).",
    ),
    "identity.nik_serial": ("4 angka terakhir NIK tidak boleh 0000.",
                            "The last 4 digits of the NIK cannot be 0000."),
    "identity.nik_sex": (
        "Jenis kelamin tidak cocok dengan NIK (tanggal di NIK menunjukkan {sex}).",
        "The sex does not match the NIK (the date in the NIK says {sex}).",
    ),
    "identity.nik_birth_date": ("Tanggal lahir tidak cocok dengan NIK (NIK: {date}).",
                                "The birth date does not match the NIK (NIK: {date})."),
    "identity.kk_length": ("Nomor KK harus 16 angka (sekarang {length} karakter).",
                           "A KK number has 16 digits (now {length} characters)."),
    "identity.kk_region": (
        "6 angka pertama nomor KK ({region}) bukan kode kecamatan yang dikenal.",
        "The first 6 digits of the KK number ({region}) are not a known kecamatan code.",
    ),
    "identity.kk_date": (
        "Angka ke-7 s.d. 12 nomor KK bukan tanggal terbit yang sah"
        " (DDMMYY, tidak boleh di masa depan).",
        "Digits 7 to 12 of the KK number are not a valid issue date"
        " (DDMMYY, not in the future).",
    ),
    "identity.kk_serial": ("4 angka terakhir nomor KK tidak boleh 0000.",
                           "The last 4 digits of the KK number cannot be 0000."),
    "identity.wilayah_columns": ("harus 2 kolom, ada {count}", "must have 2 columns, has {count}"),
    "identity.wilayah_csv": ("format CSV salah: {exc}", "bad CSV format: {exc}"),
    "identity.wilayah_file_bad_line": (
        "Berkas kode wilayah rusak pada baris {line}: {path} ({reason})",
        "The region code file is damaged at line {line}: {path} ({reason})",
    ),
    "identity.wilayah_file_empty": (
        "Berkas kode wilayah kosong: {path}",
        "The region code file is empty: {path}",
    ),
    "identity.wilayah_file_missing": (
        "Berkas kode wilayah tidak ditemukan: {path}",
        "Region code file not found: {path}",
    ),
    "identity.wilayah_file_no_data": (
        "Berkas kode wilayah tidak berisi data: {path}",
        "The region code file contains no data: {path}",
    ),
    "identity.wilayah_file_unopenable": (
        "Berkas kode wilayah tidak dapat dibuka: {path} ({strerror})",
        "The region code file cannot be opened: {path} ({strerror})",
    ),
    "identity.wilayah_header": (
        "judul kolom harus {header}",
        "the column headings must be {header}",
    ),
    "identity.wilayah_not_utf8": ("bukan teks UTF-8", "not UTF-8 text"),
}
