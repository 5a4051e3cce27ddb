"""Evaluating expressions inside a form: XPath value rules, functions, repeats, filters."""

from __future__ import annotations

import math
from collections.abc import Callable

import pytest

from desa_app.core.instrument.state import FormState

StateFactory = Callable[..., FormState]

CALC_FORM = """
- {type: text, name: s, label: S}
- {type: integer, name: n, label: N}
- {type: decimal, name: d, label: D}
- {type: date, name: tgl, label: Tgl}
- {type: select_multiple ya, name: m, label: M}
- {type: calculate, name: out, calculation: "EXPR"}
"""


def evaluate(make_state: StateFactory, expr: str, **answers: object) -> object:
    state = make_state(CALC_FORM.replace("EXPR", expr.replace('"', '\\"')), dict(answers))
    return state.value("out")


@pytest.mark.parametrize(
    ("expr", "answers", "expected"),
    [
        ("1 + 2 * 3", {}, 7),
        ("7 div 2", {}, 3.5),
        ("-7 mod 3", {}, -1),
        ("${n} + 1", {"n": 41}, 42),
        ("${n} + 1", {}, None),  # NaN is stored as no value
        ("${s} = ''", {}, True),
        ("${s} = 'ab'", {"s": "ab"}, True),
        ("${n} = '5'", {"n": 5}, True),
        ("${n} > '10'", {"n": 9}, False),
        ("string-length(${s})", {"s": "abcd"}, 4),
        ("concat(${s}, '-', ${n})", {"s": "x", "n": 3}, "x-3"),
        ("substr('3505012001', 0, 6)", {}, "350501"),
        ("if(${n} > 3, 'besar', 'kecil')", {"n": 5}, "besar"),
        ("coalesce(${s}, 'kosong')", {}, "kosong"),
        ("selected(${m}, '2')", {"m": ["1", "2"]}, True),
        ("selected(${m}, '3')", {"m": ["1", "2"]}, False),
        ("count-selected(${m})", {"m": ["1", "2"]}, 2),
        ("regex(${s}, '^[0-9]{16}$')", {"s": "3505014101900001"}, True),
        ("regex(${s}, '^[0-9]{16}$')", {"s": "35050141019000"}, False),
        ("int(-3.7)", {}, -3),
        ("round(2.456, 2)", {}, 2.46),
        ("today()", {}, "2026-11-23"),
        ("today() - ${tgl}", {"tgl": "2026-11-20"}, 3),
        ("age(${tgl})", {"tgl": "2000-11-24"}, 25),
        ("age(${tgl})", {"tgl": "2000-11-23"}, 26),
        ("age(${tgl}, '2001-02-28')", {"tgl": "2000-02-29"}, 0),
        ("format-date(${tgl}, '%d/%m/%Y')", {"tgl": "1990-03-07"}, "07/03/1990"),
        ("${tgl} < '2000-01-01'", {"tgl": "1999-12-31"}, True),
        ("village('code')", {}, "35.01.01.2001"),
        ("number('abc') = number('abc')", {}, False),
        ("max(3, ${n}, 1)", {}, 3),
        ("true() and not(false())", {}, True),
        ("${d} * 2", {"d": 1.25}, 2.5),
        ("wilayah-name('35.01')", {}, "Kabupaten Pacitan"),
        ("wilayah-parent('35.01.01.2001')", {}, "35.01.01"),
        ("nik-sex('3501014507900001')", {}, "2"),
        ("nik-valid('3501014507900001')", {}, True),
        ("nik-valid('3501013207900001')", {}, False),
        ("kk-valid('3501011502150003')", {}, True),
    ],
)
def test_values(make_state: StateFactory, expr: str, answers: dict, expected: object) -> None:
    assert evaluate(make_state, expr, **answers) == expected


def test_division_by_zero_gives_no_value_not_a_crash(make_state: StateFactory) -> None:
    assert evaluate(make_state, "1 div 0 > 1000") is True
    assert evaluate(make_state, "0 div 0") is None


REPEAT_FORM = """
- {type: integer, name: batas, label: Batas}
- type: begin_repeat
  name: anggota
  label: Anggota
  children:
    - type: text
      name: nama
      label: Nama
      checks: [{rule: "count(${nama}[. = current()]) = 1", message: Nama ganda, severity: warning}]
    - {type: integer, name: umur, label: Umur}
    - {type: select_one jk, name: jk, label: JK}
    - {type: calculate, name: lebih, calculation: "${umur} > ${batas}"}
    - {type: calculate, name: urut, calculation: "position()"}
- {type: calculate, name: jumlah, calculation: "count(${anggota})"}
- {type: calculate, name: total_umur, calculation: "sum(${umur})"}
- {type: calculate, name: tertua, calculation: "max(${umur})"}
- {type: calculate, name: perempuan, calculation: "count(${jk}[. = '2'])"}
- {type: calculate, name: umur_perempuan, calculation: "sum(${umur}[${jk} = '2'])"}
- {type: calculate, name: lebih_batas, calculation: "count(${lebih}[. = 'true'])"}
- {type: calculate, name: nama_semua, calculation: "join(', ', ${nama})"}
- {type: calculate, name: nama_beda, calculation: "count(distinct-values(${nama}))"}
"""

MEMBERS = {
    "batas": 30,
    "anggota": [
        {"nama": "Ani", "umur": 40, "jk": "2"},
        {"nama": "Budi", "umur": 20, "jk": "1"},
        {"nama": "Ani", "umur": 10, "jk": "2"},
        {"nama": "Cici"},
    ],
}


def test_aggregates_over_repeat_instances(make_state: StateFactory) -> None:
    state = make_state(REPEAT_FORM, MEMBERS)
    assert state.value("jumlah") == 4
    assert state.value("total_umur") == 70  # blanks are skipped, not NaN
    assert state.value("tertua") == 40
    assert state.value("perempuan") == 2
    assert state.value("umur_perempuan") == 50
    assert state.value("nama_semua") == "Ani, Budi, Ani, Cici"
    assert state.value("nama_beda") == 3


def test_inside_a_repeat_a_reference_is_the_sibling(make_state: StateFactory) -> None:
    state = make_state(REPEAT_FORM, MEMBERS)
    assert [state.value("lebih", (i,)) for i in range(4)] == [True, False, False, False]
    assert [state.value("urut", (i,)) for i in range(4)] == [1, 2, 3, 4]
    assert [bool(state.issues_for("nama", (i,))) for i in range(4)] == [True, False, True, False]
    assert state.value("lebih_batas") == 1


def test_aggregates_follow_edits_and_instance_changes(make_state: StateFactory) -> None:
    state = make_state(REPEAT_FORM, MEMBERS)
    changes = state.set("umur", "45", (3,))
    assert state.value("total_umur") == 115 and state.value("tertua") == 45
    assert ("total_umur", ()) in changes.values and ("tertua", ()) in changes.values
    state.set("batas", 41)
    assert state.value("lebih_batas") == 1  # only the member aged 45 now
    assert [state.value("lebih", (i,)) for i in range(4)] == [False, False, False, True]
    removed = state.remove_instance("anggota", (0,))
    assert removed == {"nama": "Ani", "umur": 40, "jk": "2"}
    assert state.value("jumlah") == 3 and state.value("nama_semua") == "Budi, Ani, Cici"
    assert [state.value("urut", (i,)) for i in range(3)] == [1, 2, 3]
    assert state.issues_for("nama", (1,)) == []  # the other Ani was removed
    state.add_instance("anggota", answers=removed, index=0)  # undo
    assert state.to_json()["anggota"] == [*MEMBERS["anggota"][:3], {"nama": "Cici", "umur": 45}]


def test_values_never_nan_in_storage(make_state: StateFactory) -> None:
    state = make_state(REPEAT_FORM, {"anggota": [{"umur": "x"}]})
    value = state.value("total_umur")
    assert value is None or not (isinstance(value, float) and math.isnan(value))
