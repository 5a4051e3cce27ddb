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
