"""The Data Dasar Keluarga definition (forms/ddk.yaml) on the real engine.

The form must hold every item of the paper instrument, fill a realistic household without
errors, and each consistency rule must fire where it should and stay quiet otherwise.
"""

from __future__ import annotations

import pytest

from desa_app.core.instrument.model import (
    Field,
    FieldType,
    Instrument,
    Matrix,
    Severity,
)

from .ddk_family import (
    fill,
    household,
    member,
    new_state,
    numbers,
)

# ------------------------------------------------------------------------ structure


def test_settings(ddk: Instrument) -> None:
    assert ddk.id == "ddk"
    assert ddk.version == "2026.12.1"
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
