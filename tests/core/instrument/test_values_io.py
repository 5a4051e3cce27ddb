"""Typed numbers: strict parsing (ASCII digits, one decimal separator or the Indonesian
grouping) and what coerce() and validation make of a text that is refused."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from hypothesis import given
from hypothesis import strategies as st

from desa_app.core.instrument.model import FieldType
from desa_app.core.instrument.state import FormState
from desa_app.core.instrument.values_io import coerce, parse_number, type_problem

StateFactory = Callable[..., FormState]
INTEGER, DECIMAL = FieldType.INTEGER, FieldType.DECIMAL


@pytest.mark.parametrize(("text", "expected"), [
    ("0,250", 0.25), ("0.250", 0.25), ("12,5", 12.5), ("12.5", 12.5), ("3", 3),
    ("-3", -3), ("-0,5", -0.5), ("007", 7), ("3,0", 3.0), ("1.234", 1.234),
    ("2.500.000", 2_500_000), ("1.234.567,5", 1_234_567.5), ("-1.234,25", -1234.25),
    ("  12,5\t", 12.5), ("\n3\n", 3),
])
def test_decimal_accepts(text: str, expected: float) -> None:
    value, message = parse_number(text, DECIMAL)
    assert message is None
    assert value == expected and type(value) is type(expected)


@pytest.mark.parametrize(("text", "expected"), [
    ("3", 3), ("-12", -12), ("0", 0), ("2.500.000", 2_500_000), ("1.500", 1500),
    ("-1.000", -1000), (" 42 ", 42),
])
def test_integer_accepts(text: str, expected: int) -> None:
    assert parse_number(text, INTEGER) == (expected, None)


REFUSED_BOTH = [
    "١٢",  # Arabic-Indic digits: int() would take them
    "۱۲",  # Extended Arabic-Indic
    "१२",  # Devanagari
    "１２",  # fullwidth
    "1_000", "1e3", "1E3", "inf", "-inf", "nan", "NaN", "Infinity", "+5", "1 000",
    "12a", "a12", "-", "--5", "5-", ",5", "5,", ".5", "5.", "1,2,3", "1.2.3",
    "1,234,567", "1.234,567,8", "0.250.000", "12.34.567", "1.2345.678", "½", "²",
    "0x10", "1,5 ha", "9" * 19,
]


@pytest.mark.parametrize("text", REFUSED_BOTH)
@pytest.mark.parametrize("field_type", [INTEGER, DECIMAL])
def test_refused_with_a_message(text: str, field_type: FieldType) -> None:
    value, message = parse_number(text, field_type)
    assert value is None and message
    assert "\n" not in message and message.endswith(".")


@pytest.mark.parametrize("text", ["2.5", "2,5", "0,250", "0.250", "1.234.567,5"])
def test_integer_refuses_a_fraction(text: str) -> None:
    value, message = parse_number(text, INTEGER)
    assert value is None and message is not None
    assert message.lower().startswith("harus bilangan bulat")


def test_messages_say_how_to_write_it() -> None:
    assert "2.500.000" in (parse_number("12a", INTEGER)[1] or "")
    assert "12,5" in (parse_number("1,2,3", DECIMAL)[1] or "")
    assert "18 angka" in (parse_number("9" * 19, DECIMAL)[1] or "")


def test_blank_is_no_answer_and_other_types_are_a_programming_error() -> None:
    assert parse_number("", DECIMAL) == (None, None)
    assert parse_number("   ", INTEGER) == (None, None)
    with pytest.raises(ValueError):
        parse_number("1", FieldType.TEXT)


@given(st.text(max_size=25))
def test_never_raises_and_accepts_only_ascii_numbers(text: str) -> None:
    for field_type in (INTEGER, DECIMAL):
        value, message = parse_number(text, field_type)
        assert (value is None) != (message is None) or (value is None and not text.strip())
        if value is not None:
            assert set(text.strip()) <= set("0123456789-.,")
            if field_type is INTEGER:
                assert type(value) is int


@given(st.integers(-10**17, 10**17))
def test_every_integer_written_plainly_or_grouped_reads_back(number: int) -> None:
    grouped = f"{number:,}".replace(",", ".")
    assert parse_number(str(number), INTEGER) == (number, None)
    assert parse_number(grouped, INTEGER) == (number, None)
    if grouped.count(".") >= 2:  # one dot alone is a decimal point: 1.500 = 1.5
        assert parse_number(grouped, DECIMAL) == (number, None)
    elif "." in grouped:
        assert parse_number(grouped, DECIMAL) == (float(grouped), None)


def test_coerce_follows_the_same_rules_for_text() -> None:
    assert coerce(DECIMAL, "0.250") == 0.25  # used to become 250
    assert coerce(DECIMAL, "0,250") == 0.25
    assert coerce(INTEGER, "2.500.000") == 2_500_000
    for refused in ("2,5", "1e3", "١٢", "1_000", "inf", "+5"):
        assert coerce(INTEGER, refused) == refused  # kept as typed
    for refused in ("1e3", "١٢", "nan", "1,2,3", "1 000"):
        assert coerce(DECIMAL, refused) == refused
    assert coerce(INTEGER, " 12 ") == 12
    assert coerce(DECIMAL, "   ") is None


def test_numbers_from_a_spreadsheet_are_taken_as_they_are() -> None:
    assert coerce(INTEGER, 12) == 12 and coerce(INTEGER, 12.0) == 12
    assert type(coerce(INTEGER, 12.0)) is int
    assert coerce(INTEGER, 2.5) == "2.5"  # not whole: kept (as text) and reported
    assert coerce(DECIMAL, 0.25) == 0.25 and coerce(DECIMAL, 3) == 3
    assert coerce(DECIMAL, True) is True  # a boolean is not a number: reported
    assert coerce(INTEGER, float("nan")) is None


def test_type_problem_repeats_the_parse_message() -> None:
    assert type_problem(INTEGER, "2,5") == parse_number("2,5", INTEGER)[1]
    assert type_problem(DECIMAL, "1e3") == parse_number("1e3", DECIMAL)[1]
    assert (type_problem(INTEGER, True) or "").startswith("Harus bilangan bulat")
    assert (type_problem(DECIMAL, [1]) or "").startswith("Harus berupa angka")
    assert type_problem(INTEGER, 5) is None and type_problem(DECIMAL, 0.5) is None


NUMBERS = """
- {type: integer, name: jumlah, label: Jumlah}
- {type: decimal, name: luas, label: Luas, constraint: ". < 10"}
"""


def test_a_refused_text_is_kept_and_reported_by_the_form(make_state: StateFactory) -> None:
    state = make_state(NUMBERS)
    state.set("luas", "0.250")
    assert state.answer("luas") == 0.25 and state.issues_for("luas") == []
    state.set("luas", "1e3")
    assert state.answer("luas") == "1e3"
    [issue] = state.issues_for("luas")
    assert issue.code == "type" and "12,5" in issue.message
    state.set("jumlah", "2,5")
    assert state.answer("jumlah") == "2,5"
    assert state.issues_for("jumlah")[0].message.startswith("Harus bilangan bulat")
    state.set("jumlah", "١٢")
    assert state.answer("jumlah") == "١٢" and state.issues_for("jumlah")[0].code == "type"
    state.set("jumlah", "2.500.000")
    assert state.answer("jumlah") == 2_500_000 and state.issues_for("jumlah") == []
    assert state.to_json() == {"jumlah": 2_500_000, "luas": "1e3"}
