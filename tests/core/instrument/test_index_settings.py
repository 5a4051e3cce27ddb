"""settings.record_keys / person_index must name real questions of the right kind."""

from __future__ import annotations

import pytest

from desa_app.core.instrument.errors import FormDefinitionError

from .conftest import form_from

SURVEY = """
- {type: text, name: kk, label: KK}
- type: begin_repeat
  name: anggota
  label: Anggota
  children:
    - {type: text, name: nik, label: NIK}
    - {type: select_one jk, name: hub, label: Hubungan}
"""


def header(settings: str) -> str:
    return (f'settings: {{form_id: t, version: "1", {settings}}}\n'
            "choices:\n  jk: [{name: 1, label: L}, {name: 2, label: P}]\nsurvey:\n")


def test_valid_index_settings_load() -> None:
    instrument = form_from(SURVEY, header(
        "record_keys: {no_kk: kk, members: anggota}, "
        "person_index: {repeat: anggota, nik: nik, relation: hub, head_code: '1'}"))
    assert instrument.settings["person_index"]["head_code"] == "1"


@pytest.mark.parametrize(
    ("settings", "message"),
    [
        ("record_keys: {no_kk: tidak_ada}", "record_keys.no_kk: 'tidak_ada' bukan pertanyaan"),
        ("record_keys: {members: kk}", "record_keys.members: 'kk' bukan pengulangan"),
        ("record_keys: {warna: kk}", "kunci tidak dikenal 'warna'"),
        ("person_index: {repeat: anggota, nik: kk}",
         "person_index.nik: 'kk' tidak di dalam pengulangan 'anggota'"),
        ("record_keys: [kk]", "settings.record_keys harus berupa pemetaan"),
    ],
)
def test_bad_index_settings_are_located(settings: str, message: str) -> None:
    with pytest.raises(FormDefinitionError, match=message):
        form_from(SURVEY, header(settings))


PEOPLE = "person_index: {repeat: anggota, nik: nik}"


def test_rekap_names_choice_questions_of_the_people() -> None:
    instrument = form_from(SURVEY, header(f"{PEOPLE}, rekap: [hub]"))
    assert instrument.settings["rekap"] == ["hub"]


@pytest.mark.parametrize(
    ("settings", "message"),
    [
        (f"{PEOPLE}, rekap: [nik]", "rekap: 'nik' bukan pertanyaan pilihan"),
        (f"{PEOPLE}, rekap: [kk]", "rekap: 'kk' bukan pertanyaan pilihan"),
        (f"{PEOPLE}, rekap: [tidak_ada]", "rekap: 'tidak_ada' bukan pertanyaan pilihan"),
        (f"{PEOPLE}, rekap: hub", "settings.rekap harus berupa daftar"),
        ("rekap: [hub]", "butuh settings.person_index"),
    ],
)
def test_bad_rekap_is_located(settings: str, message: str) -> None:
    with pytest.raises(FormDefinitionError, match=message):
        form_from(SURVEY, header(settings))
