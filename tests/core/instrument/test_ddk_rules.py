"""The consistency rules of the DDK definition: each fires where it should and stays quiet
otherwise (household-level and member-level rules, numbers and tables)."""

from __future__ import annotations

from typing import Any

import pytest

from desa_app.core.instrument.model import (
    Instrument,
    Severity,
)

from .ddk_family import (
    BABY,
    HEAD,
    SON,
    WIFE,
    at,
    household,
    member,
    messages,
    new_state,
    nik,
)

# ------------------------------------------------------------ household-level rules


def test_exactly_one_head(ddk: Instrument) -> None:
    message = "Harus ada tepat satu Kepala Keluarga (hubungan = 1)."
    state = household(ddk, [HEAD, WIFE])
    assert messages(state, "anggota") == []
    state.set("hubungan", "1", (1,))
    assert messages(state, "anggota", Severity.ERROR) == [message]
    state.set("hubungan", "3", (1,))
    state.set("hubungan", "4", (0,))
    assert messages(state, "anggota", Severity.ERROR) == [message]


def test_at_least_one_member(ddk: Instrument) -> None:
    state = household(ddk, [])
    assert messages(state, "anggota", Severity.ERROR) == [
        "Belum ada anggota keluarga; tambahkan minimal kepala keluarga."
    ]
    state.add_instance("anggota")
    assert len(messages(state, "anggota", Severity.ERROR)) == 1  # no head yet


def test_duplicate_nik(ddk: Instrument) -> None:
    state = household(ddk, [HEAD, WIFE, SON])
    state.set("nik", HEAD["nik"], (2,))
    duplicate = "NIK ganda dalam keluarga ini; setiap anggota punya NIK sendiri."
    assert duplicate in messages(state, "anggota[1]/nik", Severity.ERROR)
    assert duplicate in messages(state, "anggota[3]/nik", Severity.ERROR)
    assert messages(state, "anggota[2]/nik") == []


@pytest.mark.parametrize(
    ("value", "fragment"),
    [
        ("350101120580001", "16 angka"),
        ("35010112058000012", "16 angka"),
        ("9999991205800001", "kode kecamatan"),
        ("3501013213800001", "tanggal lahir yang sah"),
        ("3501011205800000", "0000"),
    ],
)
def test_nik_structure_errors(ddk: Instrument, value: str, fragment: str) -> None:
    state = household(ddk, [HEAD])
    state.set("nik", value, (0,))
    found = messages(state, "anggota[1]/nik", Severity.ERROR)
    assert len(found) == 1 and fragment in found[0]


def test_nik_sex_and_birthdate_mismatch_are_warnings(ddk: Instrument) -> None:
    state = household(ddk, [HEAD, WIFE])
    wife = (1,)
    state.set("nik", nik(WIFE["tgl_lahir"], "1", 2), wife)  # coded as a man
    issues = at(state, "anggota[2]/nik")
    assert [i.severity for i in issues] == [Severity.WARNING]
    assert "Jenis kelamin tidak cocok dengan NIK" in issues[0].message
    state.set("nik", WIFE["nik"], wife)
    state.set("tgl_lahir", "1984-08-04", wife)
    issues = at(state, "anggota[2]/nik")
    assert [i.severity for i in issues] == [Severity.WARNING]
    assert "Tanggal lahir tidak cocok" in issues[0].message


def test_no_kk_checks(ddk: Instrument) -> None:
    state = household(ddk, [HEAD])
    assert messages(state, "no_kk") == []
    state.set("no_kk", "350101120315001")
    assert messages(state, "no_kk", Severity.ERROR) == [
        "Nomor KK harus 16 angka (tanpa spasi atau titik)."
    ]
    state.set("no_kk", "3501011203300001")  # issued in 2030: in the future
    found = messages(state, "no_kk", Severity.ERROR)
    assert len(found) == 1 and "tanggal terbit" in found[0]


def test_nama_kk_must_match_the_head(ddk: Instrument) -> None:
    state = household(ddk, [HEAD, WIFE])
    assert messages(state, "nama_kk") == []  # "BUDI  santoso" == "Budi Santoso"
    state.set("nama_kk", "Siti Aminah")
    issues = at(state, "nama_kk")
    assert [i.severity for i in issues] == [Severity.WARNING]
    state.set("hubungan", "3", (0,))  # no head any more: nothing to compare with
    assert at(state, "nama_kk") == []


def test_header_fields(ddk: Instrument) -> None:
    state = household(ddk, [HEAD])
    state.set("rt", "3a")
    state.set("rw", "1234")
    state.set("bulan", 13)
    state.set("tahun", 2027)
    state.set("kode_desa", "35.01.01.9999")
    for path in ("rt", "rw", "bulan", "tahun", "kode_desa"):
        assert len(at(state, path, Severity.ERROR)) == 1, path
    state.set("bulan", 12)
    state.set("tahun", 2026)
    state.set("kode_desa", "35.01.01.2002")
    assert at(state, "bulan") == at(state, "tahun") == at(state, "kode_desa") == []
    assert state.value("desa") == "Sawahan"


# --------------------------------------------------------------- member-level rules


@pytest.mark.parametrize(
    ("relative", "fragment"),
    [
        (member("Anak", "1", "4", "1985-01-01", 3), "Anak kandung kurang dari 12 tahun"),
        (member("Anak", "1", "4", "1970-01-01", 3), "Anak kandung kurang dari 12 tahun"),
        (member("Anak", "2", "23", "1975-01-01", 3), "Anak angkat/tiri kurang dari 10"),
        (member("Cucu", "1", "18", "2000-01-01", 3), "Cucu kurang dari 25 tahun"),
        (member("Ibu", "2", "7", "1985-01-01", 3), "Ayah/ibu/kakek/nenek/mertua tidak lebih"),
        (member("Mertua", "1", "17", "1980-05-12", 3), "Ayah/ibu/kakek/nenek/mertua"),
        (member("Istri", "1", "3", "1984-01-01", 3), "Istri tercatat laki-laki"),
        (member("Suami", "2", "2", "1984-01-01", 3), "Suami tercatat perempuan"),
    ],
)
def test_age_and_sex_against_relationship(
    ddk: Instrument, relative: dict[str, Any], fragment: str
) -> None:
    state = household(ddk, [HEAD, relative])
    issues = at(state, "anggota[2]/hubungan")
    assert [i.severity for i in issues] == [Severity.WARNING]
    assert fragment in issues[0].message
    assert state.issues(Severity.ERROR) == []


@pytest.mark.parametrize(
    "relative",
    [
        member("Anak", "1", "4", "1992-05-12", 3),  # exactly 12 years younger: fine
        member("Cucu", "1", "18", "2005-05-12", 3),  # 25 years younger: fine
        member("Ayah", "1", "6", "1950-01-01", 3),
        member("Anak", "1", "4", None, 3),  # age unknown: nothing to compare
    ],
)
def test_relationship_rules_stay_quiet_when_plausible(
    ddk: Instrument, relative: dict[str, Any]
) -> None:
    state = household(ddk, [HEAD, relative])
    assert at(state, "anggota[2]/hubungan") == []


def test_head_younger_than_15(ddk: Instrument) -> None:
    state = household(ddk, [member("Anak", "1", "1", "2013-01-01", 1)])
    issues = at(state, "anggota[1]/hubungan")
    assert [i.severity for i in issues] == [Severity.WARNING]
    assert "di bawah 15 tahun" in issues[0].message


def test_marital_status_against_age(ddk: Instrument) -> None:
    state = household(ddk, [HEAD, member("Anak", "2", "4", "2011-01-01", 3)])
    child = (1,)
    state.set("status_kawin", "1", child)  # married at 15
    issues = at(state, "anggota[2]/status_kawin")
    assert [i.severity for i in issues] == [Severity.WARNING]
    assert "UU 16/2019" in issues[0].message
    state.set("tgl_lahir", "2015-01-01", child)
    state.set("nik", nik("2015-01-01", "2", 3), child)
    issues = at(state, "anggota[2]/status_kawin")
    assert [i.severity for i in issues] == [Severity.WARNING]
    assert "di bawah 13 tahun" in issues[0].message
    state.set("status_kawin", "0", child)
    assert at(state, "anggota[2]/status_kawin") == []
    state.set("tgl_lahir", "2000-01-01", child)
    state.set("status_kawin", "2", child)
    assert at(state, "anggota[2]/status_kawin") == []


@pytest.mark.parametrize(
    ("code", "born", "warned"),
    [
        ("18", "2014-01-01", True),  # tamat S-1 at 12
        ("18", "2004-01-01", False),  # tamat S-1 at 22
        ("16", "2010-01-01", True),  # tamat D-4 at 16
        ("5", "2018-01-01", True),  # tamat SD at 8
        ("5", "2015-01-01", False),  # tamat SD at 11
        ("8", "2015-01-01", True),  # tamat SLTP at 11
        ("10", "2012-01-01", True),  # tamat SLTA at 14
        ("30", "2010-01-01", True),  # tamat D-3 at 16
        ("20", "2005-01-01", True),  # tamat S-2 at 21
        ("22", "2003-01-01", True),  # tamat S-3 at 23
        ("22", "1990-01-01", False),
        ("2", "2016-01-01", True),  # sedang TK at 10
        ("2", "2021-01-01", False),  # sedang TK at 5
        ("1", "2017-01-01", True),  # belum masuk TK at 9
        ("1", "2023-01-01", False),
        ("9", "2010-01-01", False),  # sedang SLTA at 16
    ],
)
def test_education_against_age(ddk: Instrument, code: str, born: str, warned: bool) -> None:
    child = member("Anak", "1", "4", born, 3, pendidikan=code)
    state = household(ddk, [HEAD, child])
    issues = at(state, "anggota[2]/pendidikan")
    assert [i.severity for i in issues] == ([Severity.WARNING] if warned else [])


@pytest.mark.parametrize(
    ("job", "warned"), [("1", True), ("34", True), ("37", False), ("38", False)]
)
def test_occupation_of_a_young_child(ddk: Instrument, job: str, warned: bool) -> None:
    child = member("Anak", "1", "4", "2018-01-01", 3, pekerjaan=job)
    state = household(ddk, [HEAD, child])
    issues = at(state, "anggota[2]/pekerjaan")
    assert [i.severity for i in issues] == ([Severity.WARNING] if warned else [])


def test_dates_of_birth_and_registration(ddk: Instrument) -> None:
    state = household(ddk, [HEAD, BABY])
    baby = (1,)
    state.set("tgl_pencatatan", "2025-08-01", baby)
    assert len(at(state, "anggota[2]/tgl_pencatatan", Severity.ERROR)) == 1
    state.set("tgl_pencatatan", "2027-01-01", baby)
    assert len(at(state, "anggota[2]/tgl_pencatatan", Severity.ERROR)) == 1
    state.set("tgl_lahir", "2026-12-01", baby)
    assert len(at(state, "anggota[2]/tgl_lahir", Severity.ERROR)) == 1


# ------------------------------------------------------------------ numbers, tables


def test_negative_and_implausible_numbers(ddk: Instrument) -> None:
    state = household(ddk, [HEAD, WIFE])
    state.set("ternak_1", -2)
    issues = at(state, "ternak_1")
    assert [(i.severity, i.code) for i in issues] == [(Severity.ERROR, "constraint")]
    state.set("ternak_1", 25000)
    assert [i.severity for i in at(state, "ternak_1")] == [Severity.WARNING]
    state.set("ternak_lain1", -1)
    assert [i.severity for i in at(state, "ternak_lain1")] == [Severity.ERROR]
    state.set("penghasilan", -5)
    assert [i.severity for i in at(state, "penghasilan")] == [Severity.ERROR]
    state.set("pengeluaran", 5_000_000_000)
    assert [i.severity for i in at(state, "pengeluaran")] == [Severity.WARNING]
    state.set("produksi_buah_3_pohon", -1)
    assert [i.severity for i in at(state, "produksi_buah_3_pohon")] == [Severity.ERROR]
    state.set("galian_3_produksi", -0.5, (0,))
    assert [i.severity for i in at(state, "anggota[1]/galian_3_produksi")] == [
        Severity.ERROR
    ]
    state.set("penolong_persalinan_2", 40)
    assert [i.severity for i in at(state, "penolong_persalinan_2")] == [Severity.WARNING]


def test_water_condition_baik_is_not_combined(ddk: Instrument) -> None:
    state = household(ddk, [HEAD])
    state.set("air_minum_5_kondisi", ["2", "3"])
    assert at(state, "air_minum_5_kondisi") == []
    state.set("air_minum_5_kondisi", ["1", "4"])
    assert [i.severity for i in at(state, "air_minum_5_kondisi")] == [Severity.ERROR]


def test_write_in_row_is_asked_once_named(ddk: Instrument) -> None:
    state = new_state(ddk)
    assert not state.is_relevant("ternak_lain2")
    state.set("ternak_lain2_nama", "Rusa")
    assert state.is_relevant("ternak_lain2")
