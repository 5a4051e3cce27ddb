"""Read-only automatic questions (DDK 2.1.1 no_urut, H.7-H.10 kode_desa): the definition
marks them, defaults still fill them, the program may still set them, exports carry them
and the XLSForm bridge keeps the mark."""

from __future__ import annotations

from pathlib import Path

import openpyxl
from pyxform.xls2xform import convert

from desa_app.core.exports.columns import plan_sheets
from desa_app.core.instrument.model import Instrument
from desa_app.core.instrument.xlsform.export import export_xlsform

from .conftest import form_from
from .ddk_family import VILLAGE, household, new_state
from .round_trip import describe, round_trip

AUTOMATIC = ("no_urut", "kode_desa")


def test_ddk_marks_the_automatic_questions_read_only(ddk: Instrument) -> None:
    read_only = sorted(f.name for f in ddk.fields() if f.read_only)
    assert read_only == sorted(AUTOMATIC)
    for name in AUTOMATIC:
        field = ddk.field(name)
        assert field.default_expr is not None  # filled by position() / village('code')
        assert field.constraint is not None or field.checks  # their rules are kept


def test_defaults_fill_read_only_questions(ddk: Instrument) -> None:
    state = new_state(ddk)
    assert state.answer("kode_desa") == VILLAGE["code"]
    first = state.add_instance("anggota")
    second = state.add_instance("anggota")
    inserted = state.add_instance("anggota", index=0)
    assert [state.answer("no_urut", k) for k in (inserted, (1,), (2,))] == [1, 1, 2]
    assert first == (0,) and second == (1,)


def test_the_program_may_still_set_a_read_only_question(ddk: Instrument) -> None:
    state = new_state(ddk)
    key = state.add_instance("anggota")
    changes = state.set("kode_desa", "35.01.01.2002")  # unlocked in the GUI
    assert state.answer("kode_desa") == "35.01.01.2002" and ("kode_desa", ()) in changes.values
    assert state.value("desa") != "Widoro"
    state.set("no_urut", "7", key)
    assert state.answer("no_urut", key) == 7


def test_exports_carry_read_only_answers(ddk: Instrument) -> None:
    state = household(ddk)
    exported = state.export_values()
    assert exported["kode_desa"] == VILLAGE["code"]
    assert [m["no_urut"] for m in exported["anggota"]] == [1, 2, 3, 4, 5, 6]
    columns = {c.name for plan in plan_sheets(ddk, with_status=False) for c in plan.columns}
    assert set(AUTOMATIC) <= columns


def test_xlsform_round_trips_read_only(ddk: Instrument, tmp_path: Path) -> None:
    export_xlsform(ddk, tmp_path / "form.xlsx")
    sheet = openpyxl.load_workbook(tmp_path / "form.xlsx")["survey"]
    rows = list(sheet.iter_rows(values_only=True))
    header = list(rows[0])
    name, flag = header.index("name"), header.index("read_only")
    marked = sorted(str(r[name]) for r in rows[1:] if r[flag] == "yes")
    assert marked == sorted(AUTOMATIC)
    xform = convert(xlsform=str(tmp_path / "form.xlsx"), validate=False).xform
    binds = [b for b in xform.split("<bind ")[1:] if 'readonly="true()"' in b]
    assert sorted(b.split('"')[1].rsplit("/", 1)[1] for b in binds
                  if "/meta/" not in b) == sorted(AUTOMATIC)
    back = round_trip(ddk, tmp_path)
    assert sorted(f.name for f in back.fields() if f.read_only) == sorted(AUTOMATIC)
    assert describe(back) == describe(ddk)


def test_read_only_spellings_are_accepted() -> None:
    form = form_from("""
    - {type: text, name: a, label: A, read_only: yes, default: x}
    - {type: text, name: b, label: B, read_only: "true()"}
    - {type: text, name: c, label: C, read_only: no}
    """)
    assert [form.field(n).read_only for n in "abc"] == [True, True, False]
