"""Form state: relevance keeps answers, validation, defaults, and incremental recomputation."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from desa_app.core.instrument.model import Severity
from desa_app.core.instrument.state import FormState

from .conftest import form_from

StateFactory = Callable[..., FormState]

HOUSEHOLD = """
- {type: text, name: kepala, label: Kepala, required: yes, required_message: Nama kepala wajib}
- {type: integer, name: ternak, label: Ternak, constraint: ". >= 0 and . <= 1000",
   constraint_message: Jumlah ternak 0–1000}
- {type: select_one ya, name: punya_sawah, label: Punya sawah}
- {type: decimal, name: luas_sawah, label: Luas sawah, relevant: "${punya_sawah} = '1'",
   required: yes, checks: [{rule: ". < 50", message: Luas sangat besar, severity: warning}]}
- {type: date, name: tanggal, label: Tanggal}
- type: begin_repeat
  name: anggota
  label: Anggota
  checks: [{rule: "count(${jk}[. = '2']) <= 3", message: Terlalu banyak perempuan}]
  children:
    - {type: integer, name: no_urut, label: No, default: "position()"}
    - {type: select_one jk, name: jk, label: JK, default: "1"}
    - {type: integer, name: umur, label: Umur}
    - {type: select_one ya, name: hamil, label: Hamil,
       relevant: "${jk} = '2' and ${umur} >= 10 and ${umur} <= 54"}
    - {type: calculate, name: dewasa, calculation: "if(${umur} >= 17, 1, 0)"}
- {type: calculate, name: jumlah_dewasa, calculation: "sum(${dewasa})"}
- {type: calculate, name: ada_hamil, calculation: "count(${hamil}[. = '1']) > 0"}
- {type: text, name: desa, label: Desa, default: "village('code')"}
"""


def test_non_relevant_answers_are_kept_but_not_checked_or_exported(
    make_state: StateFactory,
) -> None:
    state = make_state(HOUSEHOLD)
    state.set("punya_sawah", "1")
    state.set("luas_sawah", "60,5")
    assert state.value("luas_sawah") == 60.5
    assert [i.message for i in state.issues_for("luas_sawah")] == ["Luas sangat besar"]
    changes = state.set("punya_sawah", "2")
    assert ("luas_sawah", ()) in changes.relevance
    assert not state.is_relevant("luas_sawah")
    assert state.issues_for("luas_sawah") == []
    assert state.to_json()["luas_sawah"] == 60.5
    assert "luas_sawah" not in state.export_values()
    state.set("punya_sawah", "1")
    assert state.value("luas_sawah") == 60.5  # nothing typed was lost


def test_required_constraint_type_and_messages(make_state: StateFactory) -> None:
    state = make_state(HOUSEHOLD)
    assert [(i.path, i.message) for i in state.issues()] == [("kepala", "Nama kepala wajib")]
    state.set("ternak", "-3")
    state.set("tanggal", "31/02/2020")
    by_name = {i.name: i for i in state.issues()}
    assert by_name["ternak"].message == "Jumlah ternak 0–1000"
    assert by_name["ternak"].severity is Severity.ERROR and by_name["ternak"].code == "constraint"
    assert by_name["tanggal"].code == "type" and "Tanggal tidak sah" in by_name["tanggal"].message
    state.set("ternak", "banyak")
    assert state.answer("ternak") == "banyak"  # kept as typed, reported
    assert state.issues_for("ternak")[0].message.startswith("Harus bilangan bulat")
    state.set("ternak", "1.500")  # Indonesian thousands separator
    assert state.answer("ternak") == 1500 and state.issues_for("ternak")[0].code == "constraint"
    state.set("tanggal", "07/03/1990")
    assert state.answer("tanggal") == "1990-03-07" and state.issues_for("tanggal") == []
    state.set("punya_sawah", "3")
    assert state.issues_for("punya_sawah")[0].message == "Kode 3 tidak ada. Pilih: 1 Ya; 2 Tidak."


def test_warnings_do_not_block(make_state: StateFactory) -> None:
    state = make_state(HOUSEHOLD)
    state.set("kepala", "Budi")
    state.set("punya_sawah", "1")
    state.set("luas_sawah", 80)
    assert [i.severity for i in state.issues()] == [Severity.WARNING]
    assert not state.has_errors


def test_defaults_literal_and_expression(make_state: StateFactory) -> None:
    state = make_state(HOUSEHOLD)
    assert state.answer("desa") == "35.01.01.2001"
    first = state.add_instance("anggota")
    second = state.add_instance("anggota")
    assert [state.answer("no_urut", k) for k in (first, second)] == [1, 2]
    assert state.answer("jk", second) == "1"


def test_repeat_checks_and_paths(make_state: StateFactory) -> None:
    state = make_state(HOUSEHOLD, {"kepala": "X", "anggota": [{"jk": "2"}] * 4})
    issues = state.issues()
    assert [(i.path, i.message) for i in issues] == [("anggota", "Terlalu banyak perempuan")]
    state.set("jk", "1", (2,))
    assert state.issues() == []


def test_relevance_inside_repeat_and_aggregates(make_state: StateFactory) -> None:
    state = make_state(HOUSEHOLD, {"anggota": [{"jk": "2", "umur": 30}, {"jk": "1", "umur": 5}]})
    assert state.is_relevant("hamil", (0,)) and not state.is_relevant("hamil", (1,))
    state.set("hamil", "1", (0,))
    assert state.value("ada_hamil") is True and state.value("jumlah_dewasa") == 1
    changes = state.set("umur", 60, (0,))
    assert ("hamil", (0,)) in changes.relevance
    assert state.value("ada_hamil") is False and state.answer("hamil", (0,)) == "1"


def test_answers_of_removed_questions_survive_a_round_trip(make_state: StateFactory) -> None:
    state = make_state(HOUSEHOLD, {"kepala": "A", "pertanyaan_lama": "tetap ada"})
    assert state.to_json()["pertanyaan_lama"] == "tetap ada"
    assert "pertanyaan_lama" not in state.export_values()


def test_misuse_is_refused(make_state: StateFactory) -> None:
    state = make_state(HOUSEHOLD)
    with pytest.raises(ValueError):
        state.set("jumlah_dewasa", 3)
    with pytest.raises(KeyError):
        state.set("umur", 3, (0,))  # no member yet
    with pytest.raises(KeyError):
        state.set("kepala", "x", (0,))


def test_repeat_count_and_choice_filter() -> None:
    header = """\
settings: {form_id: t, version: "1", choice_columns: [prov]}
choices:
  prov: [{name: "35", label: Jatim}, {name: "33", label: Jateng}]
  kab:
    - {name: "3501", label: Pacitan, prov: "35"}
    - {name: "3502", label: Ponorogo, prov: "35"}
    - {name: "3301", label: Cilacap, prov: "33"}
survey:
"""
    instrument = form_from(
        """
        - {type: select_one prov, name: p, label: Provinsi}
        - {type: select_one kab, name: k, label: Kabupaten, choice_filter: "prov = ${p}"}
        - {type: integer, name: n, label: Jumlah}
        - {type: begin_repeat, name: r, label: R, repeat_count: "${n}"}
        - {type: text, name: x, label: X}
        - {type: end_repeat}
        """,
        header,
    )
    state = FormState(instrument, {"p": "35", "n": 2})
    assert state.available_choices("k") == ["3501", "3502"]
    state.set("p", "33")
    assert state.available_choices("k") == ["3301"]
    assert [i.message for i in state.issues()] == ["Jumlah isian harus 2, sekarang 0."]
    state.add_instance("r")
    state.add_instance("r")
    assert state.issues() == []


# -- incremental recomputation equals full recomputation -------------------------------
EDITS = st.lists(
    st.one_of(
        st.tuples(st.just("set"), st.sampled_from(["kepala", "ternak", "punya_sawah",
                  "luas_sawah", "tanggal"]), st.sampled_from(["", "1", "2", "-1", "70", "x"])),
        st.tuples(st.just("member"), st.sampled_from(["jk", "umur", "hamil"]),
                  st.sampled_from(["", "1", "2", "12", "30", "60"])),
        st.tuples(st.just("add"), st.just(""), st.just("")),
        st.tuples(st.just("remove"), st.just(""), st.just("")),
    ),
    max_size=25,
)


def snapshot(state: FormState) -> tuple[object, ...]:
    return (
        sorted(state.values.items(), key=repr),
        sorted(state.hidden, key=repr),
        sorted(state.issues(), key=repr),
    )


@settings(max_examples=150, deadline=None)
@given(edits=EDITS, pick=st.integers(min_value=0, max_value=10))
def test_incremental_updates_match_full_recompute(edits: list, pick: int) -> None:
    instrument = form_from(HOUSEHOLD)
    state = FormState.new(instrument)
    for action, name, value in edits:
        count = state.instance_count("anggota")
        if action == "set":
            state.set(name, value)
        elif action == "add":
            state.add_instance("anggota")
        elif count and action == "member":
            state.set(name, value, (pick % count,))
        elif count and action == "remove":
            state.remove_instance("anggota", (pick % count,))
        fresh = FormState(instrument, state.to_json(), state.env)
        assert snapshot(state) == snapshot(fresh)


def test_one_change_recomputes_only_its_dependents(make_state: StateFactory) -> None:
    state = make_state(
        HOUSEHOLD, {"anggota": [{"jk": "2", "umur": 30}, {"jk": "1", "umur": 40}] * 4}
    )
    computed: list[tuple[str, tuple[int, ...]]] = []
    original = state._compute

    def counting(plan, key):  # type: ignore[no-untyped-def]
        computed.append((plan.name, key))
        return original(plan, key)

    state._compute = counting  # type: ignore[method-assign]
    state.set("umur", 31, (2,))
    # dewasa stays 1 and hamil stays relevant: nothing further needs recomputing
    assert set(computed) == {("umur", (2,)), ("hamil", (2,)), ("dewasa", (2,))}
    computed.clear()
    state.set("umur", 8, (2,))
    assert set(computed) == {
        ("umur", (2,)), ("hamil", (2,)), ("dewasa", (2,)), ("jumlah_dewasa", ()),
        ("ada_hamil", ()),
    }
    assert state.value("jumlah_dewasa") == 7


def test_defaults_inside_groups_are_applied(make_state: StateFactory) -> None:
    state = make_state(
        """
        - type: begin_group
          name: identitas
          label: Identitas
          children:
            - {type: text, name: kode, label: Kode, default: "village('code')"}
            - {type: integer, name: tahun, label: Tahun, default: "format-date(today(), '%Y')"}
        - type: begin_repeat
          name: r
          label: R
          children:
            - type: begin_group
              name: g
              label: G
              children: [{type: integer, name: urut, label: Urut, default: "position()"}]
        """
    )
    assert state.answer("kode") == "35.01.01.2001" and state.answer("tahun") == 2026
    assert state.answer("urut", state.add_instance("r")) == 1


def test_unknown_answers_inside_repeats_are_kept_and_follow_their_instance(
    make_state: StateFactory,
) -> None:
    record = {"kepala": "A", "lama": 1, "anggota": [
        {"jk": "1", "hobi": "sepak bola"}, "rusak", {"jk": "2", "hobi": "membaca"},
    ]}
    state = make_state(HOUSEHOLD, record)
    assert state.instance_count("anggota") == 3
    saved = state.to_json()
    assert saved["lama"] == 1 and saved["anggota"][1] == "rusak"
    assert saved["anggota"][0]["hobi"] == "sepak bola"
    assert saved["anggota"][2]["hobi"] == "membaca"
    removed = state.remove_instance("anggota", (0,))
    assert removed["hobi"] == "sepak bola"
    assert state.to_json()["anggota"][1]["hobi"] == "membaca"
    state.add_instance("anggota", answers=removed, index=0)
    assert state.to_json()["anggota"] == saved["anggota"]
    assert "hobi" not in str(state.export_values())


NESTED = """
- type: begin_repeat
  name: rumah
  label: Rumah
  children:
    - {type: text, name: alamat, label: Alamat}
    - type: begin_repeat
      name: orang
      label: Orang
      children:
        - {type: integer, name: umur, label: Umur}
        - {type: text, name: label_orang, label: Label,
           relevant: "${alamat} != '' and ${umur} > 0"}
    - {type: calculate, name: umur_rumah, calculation: "sum(${umur})"}
    - {type: calculate, name: orang_rumah, calculation: "count(${orang})"}
- {type: calculate, name: semua_umur, calculation: "sum(${umur})"}
"""


def test_nested_repeats_scope_their_aggregates(make_state: StateFactory) -> None:
    state = make_state(NESTED, {"rumah": [
        {"alamat": "A", "orang": [{"umur": 10}, {"umur": 20}]},
        {"alamat": "", "orang": [{"umur": 5}]},
        {"alamat": "C", "orang": []},
    ]})
    assert [state.value("umur_rumah", (i,)) for i in range(3)] == [30, 5, 0]
    assert [state.value("orang_rumah", (i,)) for i in range(3)] == [2, 1, 0]
    assert state.value("semua_umur") == 35
    assert state.is_relevant("label_orang", (0, 1)) and not state.is_relevant("label_orang", (1, 0))
    state.set("alamat", "B", (1,))
    assert state.is_relevant("label_orang", (1, 0))
    key = state.add_instance("orang", (2,))
    state.set("umur", 7, key)
    assert key == (2, 0) and state.value("umur_rumah", (2,)) == 7
    state.remove_instance("rumah", (0,))
    assert state.value("semua_umur") == 12
    assert state.to_json()["rumah"][0] == {"alamat": "B", "orang": [{"umur": 5}]}
    assert state.instance_count("orang", (1,)) == 1
