"""XLSForm bridge: our forms convert with pyxform, and import back to the same definition."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import openpyxl
import pytest
from pyxform.xls2xform import convert

from desa_app.core.instrument.errors import FormDefinitionError
from desa_app.core.instrument.loader import load_instrument
from desa_app.core.instrument.xlsform.export import export_xlsform
from desa_app.core.instrument.xlsform.importer import import_xlsform
from desa_app.core.paths import forms_dir

from .conftest import form_from
from .round_trip import describe, round_trip

SHIPPED = sorted(forms_dir().glob("*.yaml"))

SAMPLE = """
- {type: text, name: no_kk, label: No KK, label::English: Family card no, required: yes,
   checks: [{rule: "kk-valid(.)", message: Nomor KK tidak sah}], no: H.1, prodeskel: kode_keluarga}
- {type: text, name: kode_desa, label: Kode desa, default: "village('code')"}
- {type: calculate, name: nama_desa, calculation: "wilayah-name(${kode_desa})"}
- {type: count_per_option ya, name: ternak, label: Ternak, constraint: ". >= 0", other_rows: 1}
- type: grid jk
  name: tabel
  label: Tabel
  columns: [{name: luas, label: Luas, type: decimal, constraint: ". >= 0"}]
- {type: select_multiple ya, name: aset, label: Aset, other_rows: 2}
- type: begin_repeat
  name: anggota
  label: Anggota
  checks: [{rule: "count(${jk}[. = '1']) >= 1", message: Minimal satu laki-laki,
            severity: warning}]
  children:
    - {type: integer, name: no_urut, label: No, default: "position()"}
    - {type: select_one jk, name: jk, label: JK}
    - {type: date, name: tgl, label: Tanggal lahir}
    - {type: calculate, name: umur, calculation: "age(${tgl})"}
    - {type: text, name: nik, label: NIK, checks: [
        {rule: "count(${nik}[. = current()]) = 1", message: NIK ganda},
        {rule: "nik-matches-sex(., ${jk})", message: JK beda, severity: warning}]}
    - {type: select_one ya, name: kb, label: KB, relevant: "${umur} >= 15 and ${jk} = '2'"}
- {type: calculate, name: dewasa, calculation: "count(${umur}[. >= 17 and ${jk} = '2'])"}
"""


def test_sample_converts_with_pyxform_and_round_trips(tmp_path: Path) -> None:
    instrument = form_from(SAMPLE)
    written = export_xlsform(instrument, tmp_path / "form.xlsx", {"code": "35.01.01.2001"})
    assert sorted(p.name for p in written) == ["form.xlsx", "village.csv", "wilayah.csv"]
    result = convert(xlsform=str(tmp_path / "form.xlsx"), validate=False)
    xform = result.xform
    assert "count(/data/anggota/nik[. = current()]) = 1" in xform
    assert "pulldata('wilayah', 'nama', 'kode'," in xform
    assert "int((decimal-date-time(today()) - decimal-date-time(" in xform
    assert 'jr:constraintMsg="NIK ganda"' in xform
    assert "/data/anggota/umur[. &gt;= 17 and ../jk = '2']" in xform
    assert describe(round_trip(instrument, tmp_path)) == describe(instrument)


@pytest.mark.parametrize("path", SHIPPED, ids=[p.stem for p in SHIPPED])
def test_shipped_forms_convert_with_pyxform(path: Path, tmp_path: Path) -> None:
    instrument = load_instrument(path)
    export_xlsform(instrument, tmp_path / f"{path.stem}.xlsx")
    result = convert(xlsform=str(tmp_path / f"{path.stem}.xlsx"), validate=False)
    assert f'id="{instrument.id}"' in result.xform
    assert describe(round_trip(instrument, tmp_path)) == describe(instrument)


def write_xlsform(path: Path, survey: list[list[Any]], choices: list[list[Any]] | None = None,
                  settings: list[list[Any]] | None = None) -> Path:
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.title = "survey"
    for row in survey:
        sheet.append(row)
    if choices:
        choice_sheet = workbook.create_sheet("choices")
        for row in choices:
            choice_sheet.append(row)
    if settings:
        settings_sheet = workbook.create_sheet("settings")
        for row in settings:
            settings_sheet.append(row)
    workbook.save(path)
    return path


def test_plain_kobo_form_imports(tmp_path: Path) -> None:
    source = write_xlsform(
        tmp_path / "kobo.xlsx",
        [["type", "name", "label::Indonesia (id)", "label::English (en)", "relevant",
          "required"],
         ["start", "start", None, None, None, None],
         ["text", "nama", "Nama", "Name", None, "TRUE"],
         ["select one jk", "jk", "Jenis kelamin", "Sex", None, None],
         ["begin group", "g", "Grup", "Group", "${jk} = '2'", None],
         ["integer", "anak", "Jumlah anak", "Children", None, None],
         ["end group", None, None, None, None, None]],
        [["list_name", "name", "label::Indonesia (id)"], ["jk", 1, "Laki-laki"],
         ["jk", 2, "Perempuan"]],
        [["form_id", "version", "default_language"], ["kobo_form", 3, "Indonesia (id)"]],
    )
    out = tmp_path / "kobo.yaml"
    import_xlsform(source, out)
    instrument = load_instrument(out)
    assert instrument.id == "kobo_form" and instrument.version == "3"
    assert [n.name for n in instrument.order] == ["nama", "jk", "g", "anak"]
    assert instrument.field("nama").label.get("English") == "Name"
    assert instrument.field("nama").required is not None
    assert instrument.choice_lists["jk"].by_name["2"].label.get() == "Perempuan"


@pytest.mark.parametrize(
    ("survey", "message"),
    [
        ([["type", "name", "label"], ["geopoint", "lokasi", "Lokasi"]],
         "tipe 'geopoint' tidak didukung"),
        ([["type", "name", "label", "warna"], ["text", "a", "A", "merah"]],
         "kolom 'warna' tidak didukung"),
        ([["type", "name", "label"], ["select_one nope", "a", "A"]],
         "daftar pilihan tidak dikenal: 'nope'"),
    ],
)
def test_bad_xlsform_is_refused_and_nothing_written(
    tmp_path: Path, survey: list[list[Any]], message: str
) -> None:
    source = write_xlsform(tmp_path / "bad.xlsx", survey)
    out = tmp_path / "out.yaml"
    with pytest.raises(FormDefinitionError, match=message):
        import_xlsform(source, out)
    assert not out.exists()


def test_not_a_workbook(tmp_path: Path) -> None:
    fake = tmp_path / "bukan.xlsx"
    fake.write_text("ini bukan excel")
    with pytest.raises(FormDefinitionError, match="bukan berkas Excel"):
        import_xlsform(fake, tmp_path / "x.yaml")
    no_survey = tmp_path / "kosong.xlsx"
    workbook = openpyxl.Workbook()
    workbook.save(no_survey)
    with pytest.raises(FormDefinitionError, match="lembar 'survey' tidak ada"):
        import_xlsform(no_survey, tmp_path / "x.yaml")
