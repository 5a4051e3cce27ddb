"""What a user reads when an answer is wrong: defaults of validation, typing problems.

Each entry is ``key: ("Indonesia", "English")``; see ``core/messages/__init__.py``.
A definition's own message (``required_message``, ``constraint_message``, a check's
``message``, with ``::English``) wins over these defaults.
"""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    "instrument.required": ("Wajib diisi.", "Required."),
    "instrument.constraint": ("Jawaban tidak memenuhi aturan isian ini.",
                              "The answer does not meet the rule of this question."),
    "instrument.repeat_count": ("Jumlah isian harus {wanted}, sekarang {have}.",
                                "There must be {wanted} entries, now {have}."),
    "instrument.integer_how": ("tulis dengan angka 0-9 saja, mis. 12 atau 2.500.000",
                               "write with the digits 0-9 only, e.g. 12 or 2.500.000"),
    "instrument.decimal_how": (
        "tulis dengan angka 0-9 dan satu koma atau titik desimal, mis. 12,5 atau 0,25",
        "write with the digits 0-9 and one decimal comma or point, e.g. 12,5 or 0,25",
    ),
    "instrument.number_too_long": ("Angka terlalu panjang (paling banyak {digits} angka).",
                                   "The number is too long (at most {digits} digits)."),
    "instrument.integer_no_decimals": (
        "Harus bilangan bulat, tanpa koma/titik desimal (mis. 3 atau 2.500.000).",
        "Must be a whole number, without a decimal comma/point (e.g. 3 or 2.500.000).",
    ),
    "instrument.integer": ("Harus bilangan bulat: {how}.", "Must be a whole number: {how}."),
    "instrument.decimal": ("Harus berupa angka: {how}.", "Must be a number: {how}."),
    "instrument.date": ("Tanggal tidak sah (tulis hari/bulan/tahun, mis. 31/12/1990).",
                        "Not a valid date (write day/month/year, e.g. 31/12/1990)."),
    "instrument.multiple_invalid": ("Jawaban pilihan ganda tidak sah.",
                                    "Not a valid multiple-choice answer."),
    "instrument.unknown_code": ("Kode {codes} tidak ada.", "There is no code {codes}."),
    "instrument.hint_choose": ("Pilih: {items}.", "Choose: {items}."),
    "instrument.hint_range": ("Kode yang ada {first} sampai {last}.",
                              "Codes are {first} to {last}."),
    "instrument.hint_list": ("Kode yang ada: {items}.", "Codes are: {items}."),
    "instrument.place_member": ("anggota ke-{n}", "member {n}"),
    "instrument.place_instance": ("{what} ke-{n}", "{what} {n}"),
    "instrument.place_other": ("Lainnya {n}", "Other {n}"),
}
