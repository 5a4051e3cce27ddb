"""The Data Dasar Keluarga definition (forms/ddk.yaml) on the real engine.

The form must hold every item of the paper instrument, fill a realistic household without
errors, and each consistency rule must fire where it should and stay quiet otherwise.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from desa_app.core.instrument.issues import Issue
from desa_app.core.instrument.loader import load_instrument
from desa_app.core.instrument.model import (
    Field,
    FieldType,
    Instrument,
    Matrix,
    Severity,
)
from desa_app.core.instrument.state import Environment, FormState

FORM = Path(__file__).resolve().parents[3] / "forms" / "ddk.yaml"
TODAY = date(2026, 11, 23)
VILLAGE = {"code": "35.01.01.2001", "name": "Widoro"}  # Kec. Donorojo, Kab. Pacitan
DONOROJO = "350101"


@pytest.fixture(scope="module")
def ddk() -> Instrument:
    return load_instrument(FORM)


def new_state(ddk: Instrument) -> FormState:
    return FormState.new(ddk, Environment(today=TODAY, village=VILLAGE))


def nik(born: str, sex: str, serial: int, prefix: str = DONOROJO) -> str:
    """A NIK as Dukcapil builds it: kecamatan, DDMMYY (women +40), serial."""
    year, month, day = (int(part) for part in born.split("-"))
    if sex == "2":
        day += 40
    return f"{prefix}{day:02d}{month:02d}{year % 100:02d}{serial:04d}"


def member(
    nama: str, sex: str, hubungan: str, born: str | None, serial: int, **answers: Any
) -> dict[str, Any]:
    data: dict[str, Any] = {
        "nik": nik(born or "1990-01-01", sex, serial), "nama": nama, "jenis_kelamin": sex,
        "hubungan": hubungan, "tgl_lahir": born, "kewarganegaraan": "1",
    }
    data.update(answers)
    return data


HEAD = member("Budi Santoso", "1", "1", "1980-05-12", 1, status_kawin="1",
              pendidikan="10", pekerjaan="1", agama="1")
WIFE = member("Siti Aminah", "2", "3", "1984-08-03", 2, status_kawin="1",
              pendidikan="8", pekerjaan="39", akseptor_kb=["3"])
SON = member("Agus Santoso", "1", "4", "2010-01-15", 3, status_kawin="0",
             pendidikan="9", pekerjaan="38")
DAUGHTER = member("Dewi Santoso", "2", "4", "2015-06-20", 4, status_kawin="0",
                  pendidikan="4", pekerjaan="38")
GRANDMOTHER = member("Sumini", "2", "7", "1955-02-10", 5, status_kawin="2",
                     pendidikan="5", pekerjaan="40")
BABY = member("Bayu Santoso", "1", "4", "2025-09-01", 6, status_kawin="0",
              pendidikan="1", pekerjaan="37", tgl_pencatatan="2025-09-20")
FAMILY = [HEAD, WIFE, SON, DAUGHTER, GRANDMOTHER, BABY]


def fill(state: FormState, members: Iterable[dict[str, Any]]) -> list[tuple[int, ...]]:
    keys = []
    for answers in members:
        key = state.add_instance("anggota")
        for name, value in answers.items():
            state.set(name, value, key)
        keys.append(key)
    return keys


def household(ddk: Instrument, members: Iterable[dict[str, Any]] = FAMILY) -> FormState:
    state = new_state(ddk)
    state.set("no_kk", "3501011203150001")  # Donorojo, issued 12-03-2015
    state.set("nama_kk", "BUDI  santoso")  # case and spacing differ from the member name
    state.set("kode_desa", VILLAGE["code"])
    state.set("rt", "003")
    state.set("rw", "01")
    state.set("penghasilan", "2.500.000")
    state.set("pengeluaran", 1800000)
    state.set("status_rumah", "1")
    state.set("air_minum_2_kondisi", ["1"])
    state.set("lahan_1_kelas", "2")
    state.set("produksi_pangan_7_luas", 2500)
    state.set("produksi_pangan_7_produksi", "1200,5")
    state.set("produksi_pangan_7_pemasaran", "Tengkulak")
    state.set("ternak_4", 12)
    state.set("ternak_lain1_nama", "Entok")
    state.set("ternak_lain1", 3)
    state.set("dinding", ["1"])
    state.set("phbs", "1")
    fill(state, members)
    return state


def at(state: FormState, path: str, severity: Severity | None = None) -> list[Issue]:
    return [i for i in state.issues(severity) if i.path == path]


def messages(state: FormState, path: str, severity: Severity | None = None) -> list[str]:
    return [i.message for i in at(state, path, severity)]


def numbers(nodes: Iterable[Any]) -> set[str]:
    return {node.number for node in nodes if node.number}


# ------------------------------------------------------------------------ structure


def test_settings(ddk: Instrument) -> None:
    assert ddk.id == "ddk"
    assert ddk.version == "2026.11.1"
    assert ddk.kind == "household"
    assert ddk.title.get() == "Data Dasar Keluarga"
    assert ddk.title.get("English") == "Basic Family Data"
    assert "English" in ddk.languages


def test_every_paper_item_is_present(ddk: Instrument) -> None:
    nodes = list(ddk.root.walk())
    top = [n for n in nodes if not n.repeats]
    members = [n for n in nodes if n.repeats and n.repeats[0].name == "anggota"]
    assert {f"H.{i}" for i in range(1, 21)} <= numbers(top)
    assert {f"1.{i}" for i in range(1, 37)} <= numbers(top)
    assert {"1.6A", "1.6B", "1.6C", "1.6D", "1.6E", "1.6F", "1.6G"} <= numbers(top)
    assert {"1.14a", "1.14b", "1.14c", "1.18a", "1.18b"} <= numbers(top)
    assert {f"2.1.{i}" for i in range(1, 18)} <= numbers(members)
    assert {"2.2", "2.2a", "2.2b", "2.3", "2.4", "2.5", "2.6", "2.7"} <= numbers(members)
    assert not {n for n in numbers(top) if n.startswith("2.")}


def test_kinds_follow_the_instrument(ddk: Instrument) -> None:
    def kind(name: str) -> str:
        node = ddk.node(name)
        if isinstance(node, Matrix):
            return node.kind
        assert isinstance(node, Field)
        return node.type.value

    assert kind("penghasilan") == "integer"
    assert kind("status_rumah") == "select_one"
    assert kind("air_minum") == "grid"
    assert kind("lahan") == "grid"
    assert kind("ternak") == "count_per_option"
    assert kind("alat_ikan") == "count_per_option"
    assert kind("penolong_persalinan") == "count_per_option"
    assert kind("tempat_persalinan") == "select_multiple"
    assert kind("aset_tanah") == "select_one"
    assert kind("masalah_sejahtera") == "select_multiple"
    assert kind("galian") == "grid"
    assert kind("tgl_lahir") == "date"
    assert kind("akseptor_kb") == "select_multiple"
    assert kind("lembaga_pemerintahan") == "select_one"
    assert ddk.field("pekerjaan").appearance == "autocomplete"


@pytest.mark.parametrize(
    ("list_name", "count"),
    [
        ("status_rumah", 5), ("sumber_air", 11), ("kondisi_air", 4), ("jenis_lahan", 3),
        ("kelas_lahan", 4), ("komoditas_pangan", 28), ("komoditas_buah", 30),
        ("tanaman_obat", 20), ("tanaman_kebun", 18), ("hasil_hutan", 23),
        ("olahan_ternak", 15), ("jenis_ikan", 44), ("jenis_ternak", 24), ("alat_ikan", 6),
        ("lembaga_pendidikan", 32), ("aset_tanah", 12), ("aset_lain", 35),
        ("ibu_hamil", 13), ("tempat_persalinan", 9), ("penolong_persalinan", 5),
        ("masalah_sejahtera", 33), ("jenis_kelamin", 2), ("hubungan", 22),
        ("status_kawin", 3), ("agama", 7), ("golongan_darah", 5), ("kewarganegaraan", 3),
        ("pendidikan", 30), ("pekerjaan", 95), ("metode_kb", 7), ("cacat_fisik", 5),
        ("cacat_mental", 3), ("lembaga_kemasyarakatan", 48), ("lembaga_ekonomi", 75),
        ("bahan_galian", 31),
    ],
)
def test_option_counts(ddk: Instrument, list_name: str, count: int) -> None:
    assert len(ddk.choice_lists[list_name].choices) == count


def test_codes_and_website_codes(ddk: Instrument) -> None:
    sexes = ddk.choice_lists["jenis_kelamin"].by_name
    assert sexes["1"].label.get() == "Laki-laki"
    assert sexes["1"].extra["prodeskel"] == "0"
    assert sexes["2"].extra["prodeskel"] == "1"
    assert ddk.choice_lists["status_kawin"].label("2") == "Janda/Duda (Pernah Kawin)"
    assert "20" not in ddk.choice_lists["hubungan"].by_name  # the website skips 20
    assert ddk.choice_lists["hubungan"].label("23") == "Anak Tiri"
    assert ddk.choice_lists["pendidikan"].label("30") == "Tamat D-3/sederajat"
    assert ddk.choice_lists["pekerjaan"].label("113") == "Biarawati"
    # printed slips kept as printed, with the unit of 1.6 on each commodity
    pangan = ddk.choice_lists["komoditas_pangan"].by_name
    assert pangan["12"].label.get() == "Bawah merah"
    assert pangan["12"].extra["unit"] == "Kg/Th"
    assert ddk.choice_lists["hasil_hutan"].by_name["2"].extra["unit"] == "Liter/Th"
    assert ddk.field("tgl_lahir").extra["prodeskel"] == "d029"
    assert ddk.field("suku").extra["prodeskel"] == "d035"
    assert ddk.field("no_kk").extra["prodeskel"] == "kode_keluarga"


def test_table_items_expand_with_write_in_rows(ddk: Instrument) -> None:
    names = set(ddk.nodes)
    assert {"ternak_1", "ternak_24", "ternak_lain2_nama", "ternak_lain2"} <= names
    assert {"penolong_persalinan_5", "penolong_persalinan_lain5"} <= names
    assert {"dinding_lain2", "lantai_lain4", "aset_lain_lain3"} <= names
    assert "atap_lain1" not in names  # 1.14c has no write-in rows
    assert {"air_minum_11_kondisi", "air_minum_lain1_kondisi", "lahan_3_kelas"} <= names
    assert "lahan_lain1_kelas" not in names
    assert {"produksi_buah_30_pohon", "produksi_kebun_18_pohon"} <= names
    assert "produksi_pangan_1_pohon" not in names  # Jumlah Pohon only in B and D
    assert "produksi_hutan_1_luas" not in names  # Luas Panen only in A-D
    assert {"produksi_ikan_44_produksi", "produksi_ikan_lain1_pemasaran"} <= names
    assert {"galian_31_produksi", "galian_31_milik_adat", "galian_31_perorangan",
            "galian_31_pemasaran", "galian_lain1_nama"} <= names
    assert ddk.field("galian_1_produksi").repeats[0].name == "anggota"


def test_questions_are_numbered_and_translated(ddk: Instrument) -> None:
    for node in ddk.root.walk():
        generated = "other_of" in node.extra or isinstance(node.parent, Matrix)
        if generated:
            continue
        if node.label:
            assert node.label.get("English") != node.label.get(), node.name
        if isinstance(node, Field) and node.type is not FieldType.CALCULATE:
            assert node.number, node.name


# ------------------------------------------------------------------ a real household


def test_realistic_household_has_no_errors_and_computes(ddk: Instrument) -> None:
    state = household(ddk)
    assert state.issues(Severity.ERROR) == []
    assert state.issues() == []  # no warnings either
    assert state.value("jumlah_anggota") == 6
    assert state.value("jumlah_kk") == 1
    assert state.value("umur_kk") == 46
    assert [state.value("umur", (i,)) for i in range(6)] == [46, 42, 16, 11, 71, 1]
    assert [state.value("no_urut", (i,)) for i in range(6)] == [1, 2, 3, 4, 5, 6]
    assert state.value("ada_balita") == 1
    assert state.value("ada_wus") == 1
    assert state.value("desa") == "Widoro"
    assert state.value("kecamatan") == "Donorojo"
    assert state.value("kabupaten") == "Kabupaten Pacitan"
    assert state.value("provinsi") == "Jawa Timur"
    assert state.value("penghasilan") == 2500000
    assert state.value("produksi_pangan_7_produksi") == 1200.5


def test_relevance_in_the_household(ddk: Instrument) -> None:
    state = household(ddk)
    wife, son, baby = (1,), (2,), (5,)
    assert state.is_relevant("akseptor_kb", wife)
    assert not state.is_relevant("akseptor_kb", son)
    assert not state.is_relevant("akseptor_kb", baby)
    assert state.is_relevant("bayi")  # there is a baby
    assert state.is_relevant("imunisasi")
    assert state.is_relevant("gizi_balita")
    assert state.is_relevant("ibu_hamil")  # there is a woman of 10-54
    assert state.is_relevant("penolong_persalinan_2")


def test_non_relevant_answer_is_kept_but_not_exported(ddk: Instrument) -> None:
    state = household(ddk)
    son = (2,)
    state.set("akseptor_kb", ["5"], son)
    assert not state.is_relevant("akseptor_kb", son)
    assert state.issues(Severity.ERROR) == []
    assert state.to_json()["anggota"][2]["akseptor_kb"] == ["5"]
    assert "akseptor_kb" not in state.export_values()["anggota"][2]
    assert state.export_values()["anggota"][1]["akseptor_kb"] == ["3"]


def test_household_of_old_men_is_not_asked_about_pregnancy_or_babies(
    ddk: Instrument,
) -> None:
    state = new_state(ddk)
    fill(state, [
        member("Karto", "1", "1", "1961-03-01", 1, status_kawin="2"),
        member("Karno", "1", "11", "1964-07-07", 2, status_kawin="0"),
    ])
    assert state.value("ada_wus") == 0
    assert state.value("ada_balita") == 0
    for name in ("ibu_hamil", "persalinan", "tempat_persalinan", "bayi", "imunisasi",
                 "gizi_balita"):
        assert not state.is_relevant(name), name
    assert state.is_relevant("penyakit")


def test_unknown_ages_keep_the_pregnancy_and_baby_items(ddk: Instrument) -> None:
    state = new_state(ddk)
    assert state.value("jumlah_anggota") == 0
    assert state.is_relevant("ibu_hamil") and state.is_relevant("bayi")  # nobody yet
    key = state.add_instance("anggota")
    state.set("jenis_kelamin", "1", key)
    assert state.value("umur_belum_diisi") == 1
    assert state.is_relevant("ibu_hamil") and state.is_relevant("bayi")
    state.set("tgl_lahir", "1950-01-01", key)
    assert not state.is_relevant("ibu_hamil") and not state.is_relevant("bayi")


@pytest.mark.parametrize(
    ("sex", "born", "status", "relevant"),
    [
        ("2", "1990-01-01", "1", True),  # married woman of 36
        ("2", "1970-01-01", "1", False),  # married woman of 56
        ("2", "1990-01-01", "0", False),  # not married
        ("1", "1950-01-01", "1", True),  # married man of 76
        ("1", "2013-01-01", "1", False),  # "married" boy of 13
        ("2", None, "1", True),  # age unknown: keep asking
        ("2", "1990-01-01", None, False),  # status kawin not answered
    ],
)
def test_akseptor_kb_relevance(
    ddk: Instrument, sex: str, born: str | None, status: str | None, relevant: bool
) -> None:
    state = new_state(ddk)
    key = state.add_instance("anggota")
    state.set("jenis_kelamin", sex, key)
    state.set("tgl_lahir", born, key)
    state.set("status_kawin", status, key)
    assert state.is_relevant("akseptor_kb", key) is relevant


def test_header_defaults_come_from_the_village_and_today(ddk: Instrument) -> None:
    state = new_state(ddk)
    assert state.value("kode_desa") == "35.01.01.2001"
    assert state.value("kecamatan") == "Donorojo"
    assert state.value("bulan") == 11
    assert state.value("tahun") == 2026


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
