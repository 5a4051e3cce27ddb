"""What typed text means, without a screen: choices by code or label words, several
codes, dates with and without slashes (gui/form/typed.py)."""

from __future__ import annotations

import pytest

from desa_app.core.instrument.model import Choice, ChoiceList, Text
from desa_app.core.instrument.registry import get_instrument
from desa_app.gui.form.typed import date_parts, guess_choice, guess_multi, slash_date


def make(*pairs: tuple[str, str]) -> ChoiceList:
    return ChoiceList("x", tuple(Choice(code, Text({"": label})) for code, label in pairs))


TWELVE = make(*[(str(n), f"Pilihan {n}") for n in range(1, 13)])


def test_a_code_waits_while_a_longer_one_can_follow() -> None:
    one = guess_choice("1", TWELVE)
    assert one.choice == "1" and not one.final  # 10, 11, 12 may still come
    twelve = guess_choice("12", TWELVE)
    assert twelve.choice == "12" and twelve.final
    assert guess_choice("5", TWELVE).final  # no 50-59
    assert guess_choice("13", TWELVE).choice is None


def test_a_partial_code_is_never_a_guess() -> None:
    tens = make(("10", "A"), ("11", "B"))
    assert guess_choice("1", tens).choice is None  # "1" is not a code


def test_digits_are_codes_never_labels() -> None:
    lahan = get_instrument("ddk").choice_lists["kelas_lahan"]
    assert guess_choice("0.5", lahan).choice is None  # not "Memiliki kurang 0,5 ha"
    assert guess_choice("0,5", lahan).choice is None


def test_label_start_or_any_word() -> None:
    pendidikan = get_instrument("ddk").choice_lists["pendidikan"]
    code = guess_choice("tamat slta", pendidikan).choice
    assert code is not None and "slta" in pendidikan.label(code).lower()
    word = guess_choice("slta", pendidikan).choice
    assert word is not None and "slta" in pendidikan.label(word).lower()
    assert guess_choice("zz", pendidikan).choice is None


def test_several_codes_with_any_separator() -> None:
    air = get_instrument("ddk").choice_lists["kondisi_air"]
    for text in ("2 3", "2,3", "2, 3", "2;3", " 3 2 2 "):
        assert set(guess_multi(text, air).codes) == {"2", "3"}, text
    assert guess_multi("2 9", air).unknown == ("9",)


@pytest.mark.parametrize("typed,expected", [
    ("17081990", (17, 8, 1990)), ("17/08/1990", (17, 8, 1990)), ("1/8/1990", (1, 8, 1990)),
    ("1708199", None), ("17-08-1990", None), ("١٧٠٨١٩٩٠", None)])
def test_date_forms(typed: str, expected: tuple[int, int, int] | None) -> None:
    assert date_parts(typed) == expected


def test_slashes_while_typing() -> None:
    text = ""
    for char in "17081990":
        text = slash_date(text + char, text)
    assert text == "17/08/1990"
    text = ""
    for char in "17/08/1990":  # the typist types the slashes too: never doubled
        text = slash_date(text + char, text)
    assert text == "17/08/1990"
    text = ""
    for char in "1/8/1990":  # short day and month with slashes: left as typed
        text = slash_date(text + char, text)
    assert text == "1/8/1990"


@pytest.mark.parametrize("value,shown", [(0.25, "0,25"), (1234567.5, "1234567,5"),
                                         (10000000.25, "10000000,25"), (1e-05, "0,00001"),
                                         (412.5, "412,5")])
def test_decimals_are_shown_with_every_digit(value: float, shown: str) -> None:
    from desa_app.core.instrument.model import FieldType
    from desa_app.gui.form.inputs import display_text

    assert display_text(FieldType.DECIMAL, value) == shown
