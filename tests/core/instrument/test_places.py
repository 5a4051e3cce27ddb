"""place_of: where a question is, in words of the paper form, for every question of the
shipped forms; the internal name only when a node has neither number nor label."""

from __future__ import annotations

import pytest

from desa_app.core.instrument.loader import load_instrument
from desa_app.core.instrument.model import Field, Instrument, Matrix, Node
from desa_app.core.instrument.places import place_of
from desa_app.core.paths import forms_dir

from .conftest import form_from

SHIPPED = {name: load_instrument(forms_dir() / f"{name}.yaml")
           for name in ("ddk", "potensi", "perkembangan")}


@pytest.fixture(scope="module")
def ddk_form() -> Instrument:
    return SHIPPED["ddk"]


def test_top_level_question(ddk_form: Instrument) -> None:
    assert place_of(ddk_form, "no_kk", ()) == "H.1 Nomor Kartu Keluarga"
    english = ddk_form.field("no_kk").label.get("English")
    assert english and place_of(ddk_form, "no_kk", (), "English") == f"H.1 {english}"


def test_member_question(ddk_form: Instrument) -> None:
    assert (place_of(ddk_form, "nik", (0,))
            == "2.1.2 Nomor Induk Kependudukan (NIK), anggota ke-1")
    assert place_of(ddk_form, "nik", (3,)).endswith(", anggota ke-4")
    assert place_of(ddk_form, "nik", (0,), "English").endswith(", member 1")
    # a calculation without its own number: the numbered group it is in
    assert place_of(ddk_form, "umur", (1,)) == "2.1 Biodata — Umur (tahun), anggota ke-2"


def test_table_cells(ddk_form: Instrument) -> None:
    assert (place_of(ddk_form, "lahan_1_kelas", ())
            == "1.5 Kepemilikan Lahan — 1. Lahan Tanaman Pangan — Luas")
    matrix = ddk_form.node("ternak")
    assert isinstance(matrix, Matrix) and matrix.kind == "count_per_option"
    # one unlabelled column: no column part
    assert place_of(ddk_form, "ternak_4", ()) == (
        f"1.7 {matrix.label.get()} — 4. {ddk_form.choice_lists[matrix.list_name].label('4')}")
    assert place_of(ddk_form, "ternak_lain1", ()) == f"1.7 {matrix.label.get()} — Lainnya 1"
    assert place_of(ddk_form, "ternak_lain1_nama", ()) == (
        f"1.7 {matrix.label.get()} — Lainnya 1 (sebutkan)")
    assert place_of(ddk_form, "galian_30_pemasaran", (1,)).endswith(
        "— 30. Garam — Pemasaran Hasil, anggota ke-2")


def test_write_in_line_of_a_select(ddk_form: Instrument) -> None:
    assert (place_of(ddk_form, "status_rumah_lain1", ())
            == f"1.3 {ddk_form.node('status_rumah').label.get()} — Lainnya 1 (sebutkan)")


def test_groups_repeats_and_unknown_names(ddk_form: Instrument) -> None:
    assert place_of(ddk_form, "anggota", ()) == ddk_form.node("anggota").label.get()
    assert place_of(ddk_form, "tidak_ada", ()) == "tidak_ada"


def test_only_a_node_without_number_and_label_is_named_by_its_name() -> None:
    form = form_from("""
    - {type: calculate, name: bantu, calculation: "1"}
    - type: grid jk
      name: tabel
      label: Tabel
      no: "3"
      columns: [{name: luas, type: decimal}, {name: hasil, type: decimal, label: Hasil}]
    - type: grid ya
      name: satu
      label: Satu kolom
      columns: [{name: luas, type: decimal}]
    - type: begin_repeat
      name: usaha
      label: Usaha
      children: [{type: text, name: jenis, label: Jenis usaha}]
    """)
    assert place_of(form, "bantu", ()) == "bantu"
    assert place_of(form, "tabel_1_luas", ()) == "3 Tabel — 1. Laki-laki — luas"
    assert place_of(form, "tabel_2_hasil", ()) == "3 Tabel — 2. Perempuan — Hasil"
    assert place_of(form, "satu_1_luas", ()) == "Satu kolom — 1. Ya"
    assert place_of(form, "jenis", (2,)) == "Jenis usaha, Usaha ke-3"


@pytest.mark.parametrize("form_name", list(SHIPPED))
def test_every_question_of_the_shipped_forms_has_a_readable_place(form_name: str) -> None:
    instrument = SHIPPED[form_name]
    seen: dict[str, Node] = {}
    for node in instrument.order:
        key = (0,) * node.depth
        if not isinstance(node, Field):
            key = key[:-1] if node.depth and node.repeats[-1] is node else key
        place = place_of(instrument, node.name, key)
        assert place and "\n" not in place
        if node.label or node.number:
            assert place != node.name, node.name
            own = node.label.get() or node.number
            assert own in place or "row" in node.extra, (node.name, place)
        if node.number:
            assert place.startswith(node.number + " "), (node.name, place)
        if isinstance(node, Field) and node.repeats:
            assert place.endswith(" ke-1"), place
        if isinstance(node, Field) and node.has_value and (node.label or node.number):
            twin = seen.setdefault(place, node)
            # two questions share a place only when the definition gives them the same
            # label in the same group (perkembangan k34478/k34482, as on the website)
            same = twin.parent is node.parent and twin.label.get() == node.label.get()
            assert twin is node or same, (twin.name, node.name, place)
