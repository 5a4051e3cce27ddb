"""A refused code says how to fix it: the valid codes with their labels (short lists),
or the range / list of codes (long ones); never a question's internal name."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from desa_app.core.instrument.model import Choice, ChoiceList, FieldType, Instrument, Text
from desa_app.core.instrument.state import FormState
from desa_app.core.instrument.values_io import CODE_HINT_LIMIT, code_hint, type_problem

StateFactory = Callable[..., FormState]


def choice_list(codes: list[str], label: str = "Pilihan {}") -> ChoiceList:
    return ChoiceList("daftar", tuple(
        Choice(code, Text({"": label.format(code), "English": f"Option {code}"}))
        for code in codes))


def test_short_list_spells_out_codes_and_labels(ddk: Instrument) -> None:
    kelas = ddk.choices_of(ddk.field("lahan_1_kelas"))
    assert kelas is not None
    message = type_problem(FieldType.SELECT_ONE, "0.5", kelas)
    assert message == (
        "Kode 0.5 tidak ada. Pilih: 1 Memiliki kurang 0,5 ha; 2 Memiliki 0,5 - 1,0 ha; "
        "3 Memiliki lebih dari 1,0 ha; 4 Tidak memiliki.")
    assert code_hint(kelas) == message.split(" tidak ada. ")[1]


def test_long_contiguous_list_gives_the_range(ddk: Instrument) -> None:
    pangan = ddk.choice_lists["komoditas_pangan"]
    assert len(pangan.choices) == 28
    assert type_problem(FieldType.SELECT_ONE, "99", pangan) == (
        "Kode 99 tidak ada; kode yang ada 1 sampai 28.")
    assert code_hint(pangan) == "Kode yang ada 1 sampai 28."
    assert code_hint(pangan, "English") == "Codes are 1 to 28."


def test_long_list_with_gaps_lists_the_codes(ddk: Instrument) -> None:
    hubungan = ddk.choice_lists["hubungan"]
    assert code_hint(hubungan) == "Kode yang ada: 1-19, 21-23."
    codes = choice_list([*map(str, range(1, 13)), "20", "x", "21", "22"])
    assert code_hint(codes) == "Kode yang ada: 1-12, 20, x, 21, 22."


def test_the_limit_is_twelve_choices() -> None:
    assert CODE_HINT_LIMIT == 12
    twelve = choice_list([str(n) for n in range(1, 13)])
    assert code_hint(twelve).startswith("Pilih: 1 Pilihan 1; 2 Pilihan 2;")
    assert code_hint(twelve).endswith("12 Pilihan 12.")
    assert code_hint(twelve, "English").startswith("Choose: 1 Option 1;")
    thirteen = choice_list([str(n) for n in range(1, 14)])
    assert code_hint(thirteen) == "Kode yang ada 1 sampai 13."
    # codes with a leading zero are not numbers of a range
    padded = choice_list([f"{n:02d}" for n in range(1, 14)])
    assert code_hint(padded) == (
        f"Kode yang ada: {', '.join(f'{n:02d}' for n in range(1, 10))}, 10-13.")


def test_select_multiple_names_every_unknown_code() -> None:
    codes = choice_list(["1", "2"], "Ya {}")
    assert type_problem(FieldType.SELECT_MULTIPLE, ["1", "7", "9"], codes) == (
        "Kode 7, 9 tidak ada. Pilih: 1 Ya 1; 2 Ya 2.")
    assert type_problem(FieldType.SELECT_MULTIPLE, ["1", "2"], codes) is None
    assert type_problem(FieldType.SELECT_MULTIPLE, "1", codes) == (
        "Jawaban pilihan ganda tidak sah. Pilih: 1 Ya 1; 2 Ya 2.")


def test_a_long_junk_answer_is_cut_in_the_message() -> None:
    message = type_problem(FieldType.SELECT_ONE, "x" * 200, choice_list(["1"])) or ""
    assert len(message) < 80 and "…" in message


def test_a_plain_collection_of_codes_still_works() -> None:
    assert type_problem(FieldType.SELECT_ONE, "3", {"1", "2"}) == "Kode 3 tidak ada."
    assert type_problem(FieldType.SELECT_ONE, "1", {"1", "2"}) is None


@pytest.mark.parametrize(("name", "value"), [
    ("jenis_kelamin", "3"), ("pekerjaan", "999"), ("dinding", ["1", "77"]),
    ("lahan_1_kelas", "0.5"),
])
def test_form_messages_list_codes_and_never_name_the_question(
    ddk: Instrument, name: str, value: object,
) -> None:
    state = FormState.new(ddk)
    key = state.add_instance("anggota") if ddk.field(name).repeats else ()
    state.set(name, value, key)
    [issue] = [i for i in state.issues_for(name, key) if i.code == "type"]
    assert issue.message.startswith("Kode ")
    assert "Pilih: " in issue.message or "kode yang ada" in issue.message
    internal = {n for n in ddk.nodes if "_" in n or n == name}
    assert not any(word.strip(".,;:()") in internal for word in issue.message.split())
