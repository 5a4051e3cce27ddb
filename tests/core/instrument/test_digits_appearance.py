"""The ``digits-N`` appearance: a short number in a text question is stored zero-padded
("3" -> "003"); malformed tokens are definition errors; the XLSForm bridge keeps it."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from pyxform.xls2xform import convert

from desa_app.core.instrument.errors import FormDefinitionError
from desa_app.core.instrument.model import Instrument
from desa_app.core.instrument.state import FormState
from desa_app.core.instrument.values_io import answer_of, digits_width
from desa_app.core.instrument.xlsform.export import export_xlsform

from .conftest import HEADER, form_from
from .round_trip import describe, round_trip

StateFactory = Callable[..., FormState]
FIRST_SURVEY_LINE = HEADER.count("\n") + 1

FORM = """
- {type: text, name: rt, label: RT, appearance: digits-3,
   constraint: "regex(., '^[0-9]{1,3}$')"}
- {type: text, name: kode, label: Kode, appearance: "minimal digits-5", default: "42"}
- {type: text, name: bebas, label: Bebas}
- type: grid ya
  name: tabel
  label: Tabel
  columns: [{name: nomor, label: Nomor, type: text, appearance: digits-2}]
"""


def test_digits_width_reads_the_token_among_other_words() -> None:
    assert digits_width("digits-3") == 3
    assert digits_width("minimal  digits-12 autocomplete") == 12
    assert digits_width("") is None and digits_width("minimal") is None


@pytest.mark.parametrize(("typed", "stored"), [
    ("3", "003"), ("03", "003"), ("003", "003"), (" 7 ", "007"), ("0", "000"),
    ("1234", "1234"), ("3a", "3a"), ("-3", "-3"), ("3.0", "3.0"), ("٣", "٣"),
    ("1 2", "1 2"), (3, "003"), (12, "012"), (1234, 1234),
])
def test_short_digit_strings_are_padded_anything_else_untouched(
    make_state: StateFactory, typed: object, stored: object,
) -> None:
    state = make_state(FORM)
    state.set("rt", typed)
    assert state.answer("rt") == stored


def test_padding_on_set_defaults_and_grid_cells(make_state: StateFactory) -> None:
    state = make_state(FORM)
    assert state.answer("kode") == "00042"  # the default goes through the same conversion
    state.set("tabel_1_nomor", "7")
    assert state.answer("tabel_1_nomor") == "07"
    state.set("bebas", "3")
    assert state.answer("bebas") == "3"  # no appearance: text as typed
    state.set("rt", "")
    assert state.answer("rt") is None


def test_a_refused_value_is_reported_by_the_constraint(make_state: StateFactory) -> None:
    state = make_state(FORM)
    state.set("rt", "3a")
    assert [i.code for i in state.issues_for("rt")] == ["constraint"]
    state.set("rt", "3")
    assert state.issues_for("rt") == []


def test_answers_loaded_from_a_saved_record_are_not_rewritten(make_state: StateFactory) -> None:
    state = make_state(FORM, {"rt": "3"})
    assert state.answer("rt") == "3"  # only what is typed (set) is converted


def test_answer_of_without_appearance_is_coerce() -> None:
    instrument = form_from(FORM)
    assert answer_of(instrument.field("bebas"), "3") == "3"
    assert answer_of(instrument.field("rt"), "3") == "003"


@pytest.mark.parametrize(("appearance", "kind", "message"), [
    ("digits-x", "text", "appearance 'digits-x' tidak sah: tulis digits-N"),
    ("digits-", "text", "appearance 'digits-' tidak sah"),
    ("digits-0", "text", "appearance 'digits-0' tidak sah"),
    ("digits-21", "text", "appearance 'digits-21' tidak sah"),
    ("Digits-3", "text", "appearance 'Digits-3' tidak sah"),
    ("digits-3 digits-2", "text", "digits-N hanya boleh sekali"),
    ("digits-3", "integer", "appearance 'digits-3' hanya untuk pertanyaan text"),
    ("digits-3", "select_one ya", "hanya untuk pertanyaan text"),
])
def test_malformed_or_misplaced_tokens_are_definition_errors(
    appearance: str, kind: str, message: str,
) -> None:
    survey = f"- {{type: {kind}, name: a, label: A, appearance: '{appearance}'}}"
    with pytest.raises(FormDefinitionError) as info:
        form_from(survey)
    [problem] = [str(p) for p in info.value.problems]
    assert problem.startswith(f"tes.yaml:{FIRST_SURVEY_LINE}:")
    assert "isian 'a'" in problem and message in problem


def test_tables_and_groups_refuse_the_token() -> None:
    survey = """
    - {type: count_per_option ya, name: t, label: T, appearance: digits-2}
    - type: grid ya
      name: g
      label: G
      columns: [{name: k, label: K, type: decimal, appearance: digits-2}]
    - {type: begin_group, name: grup, label: Grup, appearance: digits-2,
       children: [{type: text, name: x, label: X}]}
    """
    with pytest.raises(FormDefinitionError) as info:
        form_from(survey)
    problems = [str(p) for p in info.value.problems]
    assert len(problems) == 3
    assert all("hanya untuk pertanyaan text" in p for p in problems)
    assert "isian 'g.k'" in problems[1]


def test_shipped_ddk_pads_rt_and_rw(ddk: Instrument) -> None:
    for name in ("rt", "rw"):
        field = ddk.field(name)
        assert digits_width(field.appearance) == 3 and field.constraint is not None
    state = FormState.new(ddk)
    state.set("rt", "3")
    state.set("rw", "12")
    assert (state.answer("rt"), state.answer("rw")) == ("003", "012")
    assert not state.issues_for("rt") and not state.issues_for("rw")


def test_xlsform_keeps_the_appearance(tmp_path: Path) -> None:
    instrument = form_from(FORM)
    export_xlsform(instrument, tmp_path / "form.xlsx")
    xform = convert(xlsform=str(tmp_path / "form.xlsx"), validate=False).xform
    assert 'appearance="digits-3"' in xform
    back = round_trip(instrument, tmp_path)
    assert describe(back) == describe(instrument)
    assert back.field("rt").appearance == "digits-3"
