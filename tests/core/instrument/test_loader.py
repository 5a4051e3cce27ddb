"""The strict loader: every kind of bad definition is rejected with file, line and question."""

from __future__ import annotations

from pathlib import Path

import pytest

from desa_app.core.instrument.errors import FormDefinitionError
from desa_app.core.instrument.loader import load_instrument, load_instrument_text
from desa_app.core.instrument.model import Field, FieldType, Matrix, Repeat

from .conftest import HEADER, form_from


def problems_of(survey: str, header: str = HEADER) -> list[str]:
    with pytest.raises(FormDefinitionError) as info:
        form_from(survey, header)
    return [str(p) for p in info.value.problems]


def only_problem(survey: str, header: str = HEADER) -> str:
    problems = problems_of(survey, header)
    assert len(problems) == 1, problems
    return problems[0]


FIRST_LINE = HEADER.count("\n") + 1  # line of the first survey item


@pytest.mark.parametrize(
    ("survey", "line", "field", "message"),
    [
        ("- {type: text, name: a, label: A, contraint: '. > 1'}", 0, "a",
         "kunci tidak dikenal 'contraint' (maksud Anda 'constraint'?)"),
        ("- {type: select_one jenis, name: a, label: A}", 0, "a",
         "daftar pilihan tidak dikenal: 'jenis'"),
        ("- {type: text, name: a, label: A}\n- {type: integer, name: a, label: B}", 1, "a",
         "nama ganda; sudah dipakai di baris"),
        ("- {type: text, name: a, label: A, relevant: '${b} = 1'}", 0, "a",
         "relevant: isian ${b} tidak ada"),
        ("- {type: text, name: a, label: A, constraint: '. >'}", 0, "a",
         "constraint: Diharapkan nilai"),
        ("- {type: text, name: a, label: A, constraint: 'foo(.)'}", 0, "a",
         "Fungsi tidak dikenal: foo()"),
        ("- {type: text, name: a, label: A, constraint: 'regex(., 1, 2)'}", 0, "a",
         "Fungsi regex() perlu 2 argumen, diberi 3"),
        ("- {type: text, name: a, label: A, constraint: \"regex(., '[a-')\"}", 0, "a",
         "Pola regex tidak sah"),
        ("- {type: texts, name: a, label: A}", 0, "a", "tipe tidak dikenal: 'texts'"),
        ("- {type: select_one, name: a, label: A}", 0, "a",
         "tipe tidak dikenal: 'select_one' (tulis 'select_one nama_daftar')"),
        ("- {type: text, name: 2a, label: A}", 0, "2a", "'name' tidak sah"),
        ("- {type: text, name: a}", 0, "a", "pertanyaan tanpa label"),
        ("- {type: calculate, name: a}", 0, "a", "tipe calculate perlu 'calculation'"),
        ("- {type: text, name: a, label: A, repeat_count: 2}", 0, "a",
         "'repeat_count' tidak berlaku untuk tipe text"),
        ("- {type: count_per_option ya, name: a, label: A, other_rows: x}", 0, "a",
         "other_rows harus bilangan 0–10"),
        ("- {type: grid ya, name: a, label: A}", 0, "a", "tipe grid perlu 'columns'"),
        ("- {type: begin_group, name: g, label: G}\n- {type: text, name: a, label: A}", 0, "g",
         "'begin_group' tidak pernah ditutup"),
        ("- {type: text, name: a, label: A}\n- {type: end_group}", 1, "",
         "'end_group' tanpa pembukanya"),
        ("- {type: select_one jk, name: a, label: A, default: '3'}", 0, "a",
         "default '3' tidak ada di daftar pilihan"),
        ("- {type: text, name: a, label: A, checks: [{rule: '. != 1'}]}", 0, "a",
         "check tanpa 'message'"),
        ("- {type: text, name: a, label: A, checks: [{rule: '1', message: m, severity: x}]}",
         0, "a", "severity harus 'error' atau 'warning'"),
        ("- {type: text, name: a, label: A, label::English: A, hint::English: h, "
         "relevant::English: '1'}", 0, "a", "kunci 'relevant::English' tidak dapat diterjemahkan"),
    ],
)
def test_each_bad_definition_is_located(survey: str, line: int, field: str, message: str) -> None:
    problem = only_problem(survey)
    assert problem.startswith(f"tes.yaml:{FIRST_LINE + line}:")
    if field:
        assert f"isian '{field}'" in problem
    assert message in problem


def test_repeated_question_needs_an_aggregate_outside_its_repeat() -> None:
    problem = only_problem(
        """
        - type: begin_repeat
          name: anggota
          label: Anggota
          children:
            - {type: integer, name: umur, label: Umur}
        - {type: integer, name: x, label: X, relevant: "${umur} > 5"}
        """
    )
    assert "isian 'x'" in problem
    assert "${umur} ada di dalam pengulangan 'anggota'" in problem
    assert "count(), sum(), max()" in problem


def test_a_repeat_itself_can_only_be_counted() -> None:
    problem = only_problem(
        """
        - {type: begin_repeat, name: r, label: R}
        - {type: text, name: a, label: A}
        - {type: end_repeat}
        - {type: text, name: b, label: B, relevant: "${r} = 1"}
        """
    )
    assert "count(${r})" in problem


@pytest.mark.parametrize(
    "survey",
    [
        # a calculation that reads itself through another
        """
        - {type: calculate, name: a, calculation: "${b} + 1"}
        - {type: calculate, name: b, calculation: "${a} + 1"}
        """,
        # a group shown only when one of its own questions is answered
        """
        - {type: begin_group, name: g, label: G, relevant: "${x} = 1"}
        - {type: integer, name: x, label: X}
        - {type: end_group}
        """,
        # relevance that reads the question itself
        "- {type: integer, name: x, label: X, relevant: '${x} > 1'}",
    ],
)
def test_dependency_cycles_are_rejected(survey: str) -> None:
    problems = problems_of(survey)
    assert problems and all("ketergantungan melingkar" in p for p in problems)


def test_all_problems_are_reported_at_once() -> None:
    problems = problems_of(
        """
        - {type: text, name: a, label: A, colour: red}
        - {type: select_one nope, name: b, label: B}
        - {type: integer, name: c, label: C, relevant: "${zz}"}
        """
    )
    assert len(problems) == 3


def test_yaml_errors_are_located() -> None:
    with pytest.raises(FormDefinitionError) as info:
        load_instrument_text(HEADER + "  - {type: text, name: a, label: A?, x}\n", "x.yaml")
    assert str(info.value.problems[0]).startswith(f"x.yaml:{FIRST_LINE}:")
    with pytest.raises(FormDefinitionError, match="kunci 'label' ditulis dua kali"):
        load_instrument_text(HEADER + "  - {type: text, name: a, label: A, label: B}\n", "x")


def test_settings_and_choices_are_checked() -> None:
    bad_header = HEADER.replace('version: "1", ', "").replace(
        "- {name: 2, label: Tidak}", "- {name: 1, label: Tidak}"
    )
    problems = problems_of("- {type: text, name: a, label: A}", bad_header)
    assert any("settings.version wajib diisi" in p for p in problems)
    assert any("pilihan '1' ganda di daftar 'ya'" in p for p in problems)
    with pytest.raises(FormDefinitionError, match="bagian 'survey' tidak ada"):
        load_instrument_text("settings: {form_id: x, version: '1'}\n", "x")
    with pytest.raises(FormDefinitionError, match="harus berupa pemetaan"):
        load_instrument_text("- 1\n- 2\n", "x")


def test_unreadable_file(tmp_path: Path) -> None:
    with pytest.raises(FormDefinitionError, match="tidak dapat dibaca"):
        load_instrument(tmp_path / "tidak_ada.yaml")
    binary = tmp_path / "biner.yaml"
    binary.write_bytes(b"\xff\xfe\x00garbage")
    with pytest.raises(FormDefinitionError, match="bukan teks UTF-8"):
        load_instrument(binary)


def test_flat_and_nested_groups_build_the_same_tree() -> None:
    flat = form_from(
        """
        - {type: begin_repeat, name: r, label: R}
        - {type: begin group, name: g, label: G}
        - {type: text, name: a, label: A}
        - {type: end group}
        - {type: end_repeat}
        """
    )
    nested = form_from(
        """
        - type: begin_repeat
          name: r
          label: R
          children:
            - type: begin_group
              name: g
              label: G
              children: [{type: text, name: a, label: A}]
        """
    )
    for instrument in (flat, nested):
        assert isinstance(instrument.node("r"), Repeat)
        assert instrument.node("a").repeats == (instrument.node("r"),)
        assert [n.name for n in instrument.order] == ["r", "g", "a"]


def test_table_items_expand_into_cells() -> None:
    instrument = form_from(
        """
        - {type: count_per_option ya, name: ternak, label: Ternak, constraint: ". >= 0",
           other_rows: 1}
        - type: grid jk
          name: tabel
          label: Tabel
          columns:
            - {name: luas, label: Luas, type: decimal, constraint: ". >= 0"}
            - {name: jual, label: Dijual, type: select_one ya}
        - {type: select_multiple ya, name: aset, label: Aset, other_rows: 2}
        """
    )
    ternak = instrument.node("ternak")
    assert isinstance(ternak, Matrix) and ternak.rows == ("1", "2", "lain1")
    assert ternak.cells[("1", "")] == "ternak_1"
    cell = instrument.field("ternak_lain1")
    assert cell.type is FieldType.INTEGER and cell.constraint is not None
    assert cell.relevant is not None and "ternak_lain1_nama" in cell.relevant.source
    tabel = instrument.node("tabel")
    assert isinstance(tabel, Matrix)
    assert [c.name for c in tabel.columns] == ["luas", "jual"]
    jual = instrument.field("tabel_2_jual")
    assert jual.type is FieldType.SELECT_ONE and jual.list_name == "ya"
    assert str(jual.label) == "Perempuan — Dijual"
    assert isinstance(instrument.node("aset_lain2"), Field)
    names = [n.name for n in instrument.order]
    assert names.index("aset") + 1 == names.index("aset_lain1")


def test_languages_and_extensions_are_kept() -> None:
    instrument = form_from(
        "- {type: text, name: a, label: Nama, label::English: Name, no: '2.1.3',"
        " prodeskel: d025, unit: orang}"
    )
    field = instrument.field("a")
    assert field.label.get() == "Nama" and field.label.get("English") == "Name"
    assert field.label.get("Jawa") == "Nama"  # falls back to the default language
    assert field.number == "2.1.3" and field.extra["prodeskel"] == "d025"
    assert instrument.languages == ("Indonesia", "English")
    assert instrument.choice_lists["jk"].by_name["2"].extra["prodeskel"] == "1"
