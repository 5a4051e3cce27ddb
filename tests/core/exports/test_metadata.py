"""Satu Data Indonesia metadata read from the DDK definition (MS-Var) and the village
(MS-Keg): one variable per exported value, codes and rules as the form has them."""

from __future__ import annotations

import csv
import json
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

from desa_app.core import auth
from desa_app.core.demo.build import DEMO_PASSWORD, build_demo_village
from desa_app.core.exports.metadata import (
    MS_KEG_NAME,
    exported_fields,
    ms_var,
    ms_var_name,
    write_metadata,
)
from desa_app.core.exports.metadata import csv_row as flat_row
from desa_app.core.instrument.model import FieldType, Instrument, Matrix
from desa_app.core.instrument.registry import get_instrument
from desa_app.core.store.database import open_database
from desa_app.core.store.export_source import ExportSource
from desa_app.core.store.facade import VillageStore


@pytest.fixture(scope="module")
def ddk() -> Instrument:
    return get_instrument("ddk")


@pytest.fixture(scope="module")
def entries(ddk: Instrument) -> dict[str, dict[str, object]]:
    return {entry["alias"]: entry for entry in ms_var(ddk)}


@pytest.fixture(scope="module")
def source(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ExportSource]:
    path = tmp_path_factory.mktemp("metadata") / "desa.sqlite3"
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(auth, "SCRYPT_N", 2**8)
        build_demo_village(path, 12, seed=5, today=date(2026, 11, 23))
        store = VillageStore(open_database(path))
        actor = store.users.authenticate("admin", DEMO_PASSWORD)
    yield ExportSource(store, actor)
    store.close(backup=False)


def test_one_entry_per_exported_variable_in_form_order(ddk: Instrument) -> None:
    names = [entry["alias"] for entry in ms_var(ddk)]
    assert names == [f.name for f in ddk.fields() if f.type is not FieldType.NOTE]
    assert len(names) == len(set(names)) == len(exported_fields(ddk))


def test_every_cell_of_a_table_is_its_own_variable(
        ddk: Instrument, entries: dict[str, dict[str, object]]) -> None:
    tables = [node for node in ddk.root.walk() if isinstance(node, Matrix)]
    assert tables
    for table in tables:
        for cell in table.cells.values():
            entry = entries[cell]
            assert entry["nomor_rincian"] == table.number
            assert str(entry["nama_variabel"]).startswith(table.label.get())


def test_codes_of_a_choice_question_match_its_list(
        ddk: Instrument, entries: dict[str, dict[str, object]]) -> None:
    for field in ddk.fields():
        choices = ddk.choices_of(field)
        if choices is None:
            assert entries[field.name]["klasifikasi_isian"] is None
            continue
        domain = entries[field.name]["klasifikasi_isian"]
        assert isinstance(domain, dict) and domain["daftar"] == choices.name
        assert [(c["kode"], c["label"]) for c in domain["kode"]] == [
            (c.name, c.label.get()) for c in choices.choices]
    sex = entries["jenis_kelamin"]["klasifikasi_isian"]
    assert isinstance(sex, dict)
    assert [c.get("kode_prodeskel") for c in sex["kode"]] == ["0", "1"]  # web codes differ


def test_constraint_and_required_rules_are_present(
        ddk: Instrument, entries: dict[str, dict[str, object]]) -> None:
    constrained = [f for f in ddk.fields() if f.constraint is not None]
    assert constrained
    for field in constrained:
        assert field.constraint is not None
        rules = entries[field.name]["aturan_validasi"]
        assert isinstance(rules, list)
        assert {"jenis": "batasan", "aturan": field.constraint.source,
                "pesan": field.constraint_message.get(), "tingkat": "galat"} in rules
    required = next(f for f in ddk.fields() if f.required is not None)
    assert entries[required.name]["wajib_diisi"] == "Ya"
    rules = entries[required.name]["aturan_validasi"]
    assert isinstance(rules, list) and rules[0]["jenis"] == "wajib"


def test_units_time_references_and_observation_units(
        entries: dict[str, dict[str, object]]) -> None:
    assert entries["penghasilan"]["satuan"] == "Rp/bulan"
    assert str(entries["penghasilan"]["referensi_waktu"]).startswith("Per bulan")
    assert entries["produksi_pangan_1_produksi"]["satuan"] == "Kg/Th"  # the row's unit
    assert entries["produksi_pangan_1_luas"]["satuan"] == "m2"
    assert entries["umur"]["satuan"] == "tahun" and entries["umur"]["rumus"]
    assert entries["umur"]["kalimat_pertanyaan"] == ""  # computed, never asked
    assert entries["no_kk"]["unit_observasi"] == "Keluarga"
    assert entries["nik"]["unit_observasi"] == "Anggota keluarga"


def test_files_are_utf8_json_and_a_csv_excel_reads(source: ExportSource,
                                                   tmp_path: Path) -> None:
    names = write_metadata(source, tmp_path, [2026])
    assert names == [ms_var_name(source.instrument, "json"),
                     ms_var_name(source.instrument, "csv"), MS_KEG_NAME]
    text = (tmp_path / names[0]).read_text("utf-8")
    assert text.startswith('[\n  {\n    "nomor_rincian"') and "—" in text
    variables = json.loads(text)
    with (tmp_path / names[1]).open(encoding="utf-8", newline="") as handle:
        rows = list(csv.reader(handle))
    assert rows[0][0] == "\ufeffNomor rincian"  # the BOM tells Excel it is UTF-8
    assert len(rows) == len(variables) + 1
    assert [row[1] for row in rows[1:]] == [v["alias"] for v in variables]

    again = tmp_path / "lagi"
    write_metadata(source, again, [2026])
    assert (again / names[0]).read_bytes() == (tmp_path / names[0]).read_bytes()


def test_ms_keg_draft_describes_the_activity(source: ExportSource, tmp_path: Path) -> None:
    write_metadata(source, tmp_path, [2026])
    keg = json.loads((tmp_path / MS_KEG_NAME).read_text("utf-8"))
    assert keg["judul_kegiatan"] == "Pendataan Data Dasar Keluarga Profil Desa"
    assert source.village.name in keg["penyelenggara"]["instansi"]
    assert keg["tahun_kegiatan"] == 2026 and keg["wilayah"]["kode"] == source.village.code
    assert keg["unit_observasi"] == ["Keluarga", "Anggota keluarga"]
    assert keg["jadwal"] and keg["jadwal"][0]["rencana_mulai"] == "2026-10-09"
    assert keg["jumlah_variabel"] == len(keg["variabel"]) == len(ms_var(source.instrument))

    write_metadata(source, tmp_path, [2019])  # a year without an SOP plan
    keg = json.loads((tmp_path / MS_KEG_NAME).read_text("utf-8"))
    assert keg["jadwal"] == [] and "2019" in keg["catatan_jadwal"]


def test_csv_cells_never_start_a_formula(entries: dict[str, dict[str, object]]) -> None:
    entry = dict(entries["no_kk"], definisi="=HYPERLINK(\"x\")", satuan="-1")
    row = flat_row(entry)
    assert "'=HYPERLINK(\"x\")" in row and "'-1" in row
