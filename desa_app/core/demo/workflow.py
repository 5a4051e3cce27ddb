"""Where each demo record stands in the verification workflow, and the verifier's notes.

Roughly 15% drafts, 20% submitted, 10% returned, 40% verified and 15% entered into
Prodeskel, like a village halfway through its data collection. A returned record always
carries one or two unresolved notes pointing at fields that are really answered; about
one verified/entered record in ten (and a few resubmitted ones) keeps a resolved note.
Records with a planted problem are never past the verifier: a verifier would have sent
them back.
"""

from __future__ import annotations

from datetime import date
from random import Random
from typing import Any

from desa_app.core.demo.model import DemoNote
from desa_app.core.demo.people import Person
from desa_app.core.demo.pick import Weighted

_STATUS = Weighted({"draft": 15, "submitted": 20, "returned": 10, "verified": 40,
                    "entered": 15})
_OPEN_STATUS = Weighted({"draft": 15, "submitted": 20, "returned": 10})
_ORDINALS = ("pertama", "kedua", "ketiga", "keempat", "kelima", "keenam", "ketujuh",
             "kedelapan", "kesembilan")
_ROLES = {"1": "kepala keluarga", "2": "suami", "3": "istri", "6": "ayah", "7": "ibu",
          "17": "mertua", "18": "cucu", "21": "menantu"}

_MEMBER_OPEN: tuple[tuple[str | None, str], ...] = (
    ("tgl_lahir", "Tanggal lahir {role} tidak sesuai KK, mohon dicek."),
    ("nik", "NIK {role} berbeda dengan yang tertera di KK terbaru, mohon dicocokkan."),
    ("nama", "Penulisan nama {role} berbeda dengan KTP, mohon disamakan."),
    ("pendidikan", "Pendidikan {role} mohon dikonfirmasi, sepertinya belum diperbarui."),
    ("pekerjaan", "Pekerjaan {role} mohon ditanyakan ulang, menurut Pak RT sudah ganti."),
    ("nama_ortu", "Nama ibu kandung {role} belum sesuai KK."),
)
_RECORD_OPEN: tuple[tuple[str | None, str], ...] = (
    ("penghasilan", "Penghasilan terlalu kecil dibanding pengeluaran, mohon ditanyakan ulang."),
    ("no_kk", "Nomor KK mohon dicek lagi, foto KK kurang jelas."),
    ("status_rumah", "Status rumah mohon dicek, menurut data PBB masih atas nama orang tua."),
    ("alamat", "RT/RW di alamat tidak sama dengan isian RT/RW, mohon diperbaiki."),
    (None, "Formulir kertas belum ditandatangani kepala keluarga, mohon dilengkapi."),
    (None, "Foto KK belum dilampirkan."),
)
_RESOLVED: tuple[tuple[str | None, str], ...] = (
    ("tgl_lahir", "Tanggal lahir {role} sudah dicocokkan dengan KK."),
    ("nik", "NIK {role} sudah diperbaiki sesuai KK terbaru."),
    ("pekerjaan", "Pekerjaan {role} sudah dikonfirmasi ke yang bersangkutan."),
    (None, "Tanda tangan kepala keluarga sudah dilengkapi."),
    ("penghasilan", "Penghasilan sudah ditanyakan ulang, angkanya benar."),
)
_PLANTED = {
    "warning_age_child": ("tgl_lahir", "Umur {role} hanya {gap} tahun di bawah kepala "
                          "keluarga, mohon dicek tanggal lahir dan hubungan keluarganya."),
    "warning_married_minor": ("status_kawin", "Istri tercatat kawin pada umur {age} tahun, "
                              "mohon dicek tanggal lahir dan status perkawinannya."),
    "warning_nik_sex": ("jenis_kelamin", "Jenis kelamin {role} tidak cocok dengan NIK, "
                        "mohon dicek di KK."),
    "warning_nik_birthdate": ("tgl_lahir", "Tanggal lahir {role} berbeda dengan NIK, mohon "
                              "dicocokkan dengan KK."),
    "warning_nama_kk": ("nama_kk", "Nama kepala keluarga ditulis berbeda dengan KK, mohon "
                        "disamakan."),
    "warning_income_zeros": ("penghasilan", "Penghasilan sepertinya kelebihan nol, mohon "
                             "diperbaiki."),
    "warning_school_age": ("pendidikan", "Pendidikan {role} masih 'Belum masuk TK' padahal "
                           "sudah {age} tahun, mohon diperbarui."),
}


def pick_status(rng: Random, deliberate: str | None) -> str:
    """Workflow status; planted records stay before verification."""
    return (_OPEN_STATUS if deliberate else _STATUS).pick(rng)


def role(members: list[Person], index: int) -> str:
    """How a verifier names a member: "istri", "anak kedua", "cucu" ..."""
    person = members[index]
    if person.hubungan in ("4", "5", "23"):
        rank = sum(1 for p in members[:index] if p.hubungan in ("4", "5", "23"))
        return f"anak {_ORDINALS[min(rank, len(_ORDINALS) - 1)]}"
    return _ROLES.get(person.hubungan, f"anggota ke-{index + 1}")


def _member_note(
    rng: Random, members: list[Person], rows: list[dict[str, Any]],
    templates: tuple[tuple[str | None, str], ...], resolved: bool,
) -> DemoNote:
    index = rng.randrange(len(members))
    field, text = rng.choice(templates)
    if field is not None and field not in rows[index]:
        field, text = "tgl_lahir", "Tanggal lahir {role} tidak sesuai KK, mohon dicek."
    path = None if field is None else f"anggota[{index + 1}]/{field}"
    return DemoNote(path, text.format(role=role(members, index)), resolved)


def write_notes(
    rng: Random, status: str, members: list[Person], answers: dict[str, Any],
    planted: tuple[str, int | None] | None, today: date,
) -> tuple[DemoNote, ...]:
    """Notes for a record in ``status``; ``planted`` is (tag, member index or None)."""
    rows: list[dict[str, Any]] = answers["anggota"]
    notes: list[DemoNote] = []
    if status == "returned":
        if planted is not None:
            tag, index = planted
            question, template = _PLANTED[tag]
            if index is None:
                notes.append(DemoNote(question, template, False))
            else:
                age = members[index].age(today)
                text = template.format(
                    role=role(members, index), age=age, gap=members[0].age(today) - age
                )
                notes.append(DemoNote(f"anggota[{index + 1}]/{question}", text, False))
        else:
            notes.append(_member_note(rng, members, rows, _MEMBER_OPEN, False))
        if rng.random() < 0.4:
            path, text = rng.choice(_RECORD_OPEN)
            notes.append(DemoNote(path, text, False))
    elif (status in ("verified", "entered") and rng.random() < 0.1) or (
        status == "submitted" and rng.random() < 0.05
    ):
        path, text = rng.choice(_RESOLVED)
        if path in (None, "penghasilan"):
            notes.append(DemoNote(path, text, True))
        else:
            notes.append(_member_note(rng, members, rows, ((path, text),), True))
    return tuple(notes)
