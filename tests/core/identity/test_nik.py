"""Tests for the NIK and No. KK checks, against the real region-code files."""

from __future__ import annotations

import dataclasses
from datetime import date, timedelta

import pytest

from desa_app.core.identity import (
    KkCheck,
    NikCheck,
    Problem,
    WilayahRegistry,
    check_kk,
    check_nik,
    get_registry,
)

TODAY = date(2025, 6, 1)
DONOROJO = "350101"  # Kec. Donorojo, Kab. Pacitan, Jawa Timur (current list)
MERAUKE_OLD = "910101"  # Kec. Merauke under Papua (91) -- only in the historic list


@pytest.fixture(scope="module")
def registry() -> WilayahRegistry:
    return get_registry()


def nik(
    value: str,
    registry: WilayahRegistry,
    *,
    sex: str | None = None,
    birth_date: date | None = None,
) -> NikCheck:
    return check_nik(value, sex=sex, birth_date=birth_date, today=TODAY, registry=registry)


def kk(value: str, registry: WilayahRegistry, today: date = TODAY) -> KkCheck:
    return check_kk(value, today=today, registry=registry)


def test_prefixes_used_here_are_what_the_data_says(registry: WilayahRegistry) -> None:
    assert registry.name(DONOROJO) == "Donorojo"
    assert registry.name("3501") == "Kabupaten Pacitan"
    assert registry.is_kecamatan_historic_only(MERAUKE_OLD)


# --------------------------------------------------------------------------- valid NIK


def test_valid_male_nik(registry: WilayahRegistry) -> None:
    result = nik(DONOROJO + "120390" + "0001", registry)
    assert result.ok and result.structurally_valid
    assert result.problems == ()
    assert result.messages() == []
    assert result.value == "3501011203900001"
    assert result.region_code == "35.01.01"
    assert result.region_historic is False
    assert result.sex == "L"
    assert result.birth_date == date(1990, 3, 12)


def test_valid_female_nik_has_40_added_to_day(registry: WilayahRegistry) -> None:
    result = nik(DONOROJO + "520390" + "0002", registry)
    assert result.ok
    assert result.sex == "P"
    assert result.birth_date == date(1990, 3, 12)
    # Day 71 = 31st for a woman.
    assert nik(DONOROJO + "710185" + "0002", registry).birth_date == date(1985, 1, 31)


def test_surrounding_whitespace_is_stripped(registry: WilayahRegistry) -> None:
    result = nik("  3501011203900001\n", registry)
    assert result.ok
    assert result.value == "3501011203900001"


def test_historic_only_prefix_is_accepted(registry: WilayahRegistry) -> None:
    result = nik(MERAUKE_OLD + "150880" + "0003", registry)
    assert result.ok
    assert result.region_code == "91.01.01"
    assert result.region_historic is True


# --------------------------------------------------------------------------- dates


@pytest.mark.parametrize(
    ("ddmmyy", "expected"),
    [
        ("290204", date(2004, 2, 29)),  # leap year
        ("690204", date(2004, 2, 29)),  # leap year, woman
        ("290200", date(2000, 2, 29)),  # 2000 is a leap year (1900 is not)
        ("290296", date(1996, 2, 29)),
        ("310125", date(2025, 1, 31)),  # most recent century not in the future ...
        ("010725", date(1925, 7, 1)),  # ... 2025-07-01 is after TODAY, so 1925
        ("311299", date(1999, 12, 31)),
    ],
)
def test_valid_birth_dates_and_century(
    registry: WilayahRegistry, ddmmyy: str, expected: date
) -> None:
    result = nik(DONOROJO + ddmmyy + "0001", registry)
    assert result.ok
    assert result.birth_date == expected


@pytest.mark.parametrize(
    "ddmmyy",
    [
        "290223",  # 2023 (and 1923) are not leap years
        "690223",  # same, woman
        "320190",  # day 32
        "720190",  # day 72 (= 32 for a woman)
        "000190",  # day 0
        "400190",  # day 40: neither 01-31 nor 41-71
        "121390",  # month 13
        "120090",  # month 0
        "310490",  # 31 April
        "300290",  # 30 February
    ],
)
def test_invalid_birth_dates(registry: WilayahRegistry, ddmmyy: str) -> None:
    result = nik(DONOROJO + ddmmyy + "0001", registry)
    assert result.problems == (Problem.DATE_INVALID,)
    assert result.birth_date is None
    assert not result.structurally_valid
    assert result.messages() == [
        "Angka ke-7 s.d. 12 NIK bukan tanggal lahir yang sah (DDMMYY, perempuan +40)."
    ]


def test_given_birth_date_decides_the_century(registry: WilayahRegistry) -> None:
    value = DONOROJO + "120325" + "0001"
    assert nik(value, registry).birth_date == date(2025, 3, 12)
    old = nik(value, registry, birth_date=date(1925, 3, 12))
    assert old.ok
    assert old.birth_date == date(1925, 3, 12)


# --------------------------------------------------------------------------- structure


def test_unknown_prefix_is_rejected(registry: WilayahRegistry) -> None:
    result = nik("999999" + "120390" + "0001", registry)
    assert result.problems == (Problem.REGION_UNKNOWN,)
    assert result.region_code == "99.99.99"
    assert result.region_historic is False
    assert result.birth_date == date(1990, 3, 12)  # other parts are still decoded
    assert result.messages() == [
        "6 angka pertama NIK (99.99.99) bukan kode kecamatan yang dikenal."
    ]


def test_serial_zero_is_rejected(registry: WilayahRegistry) -> None:
    result = nik(DONOROJO + "120390" + "0000", registry)
    assert result.problems == (Problem.SERIAL_ZERO,)
    assert result.messages() == ["4 angka terakhir NIK tidak boleh 0000."]


@pytest.mark.parametrize(
    "value",
    [
        "",
        "350101120390001",  # 15 digits
        "35010112039000011",  # 17 digits
        "35010112039O0001",  # letter O
        "3501011203 00001",  # inner space, 16 characters
        "35.01.01.120390.0001",  # dots are not stripped silently
        "350101１２０３９0001",  # full-width digits
    ],
)
def test_not_16_digits(registry: WilayahRegistry, value: str) -> None:
    result = nik(value, registry, sex="P", birth_date=date(2000, 1, 1))
    assert result.problems == (Problem.NOT_16_DIGITS,)
    assert result.region_code is None
    assert result.sex is None and result.birth_date is None
    assert result.messages() == [f"NIK harus 16 angka (sekarang {len(value)} karakter)."]


def test_all_structural_problems_in_order(registry: WilayahRegistry) -> None:
    result = nik("999999" + "321390" + "0000", registry)
    assert result.problems == (
        Problem.REGION_UNKNOWN,
        Problem.DATE_INVALID,
        Problem.SERIAL_ZERO,
    )
    assert len(result.messages()) == 3


# --------------------------------------------------------------------------- cross-checks


@pytest.mark.parametrize("sex", ["L", "l", "1", " L "])
def test_male_nik_matches_male_codes(registry: WilayahRegistry, sex: str) -> None:
    assert nik(DONOROJO + "120390" + "0001", registry, sex=sex).ok


@pytest.mark.parametrize("sex", ["P", "2"])
def test_sex_mismatch(registry: WilayahRegistry, sex: str) -> None:
    result = nik(DONOROJO + "120390" + "0001", registry, sex=sex)
    assert result.problems == (Problem.SEX_MISMATCH,)
    assert result.structurally_valid and not result.ok
    assert result.messages() == [
        "Jenis kelamin tidak cocok dengan NIK (tanggal di NIK menunjukkan laki-laki)."
    ]


def test_sex_mismatch_for_female_nik(registry: WilayahRegistry) -> None:
    result = nik(DONOROJO + "520390" + "0001", registry, sex="1")
    assert result.problems == (Problem.SEX_MISMATCH,)
    assert "perempuan" in result.messages()[0]


def test_blank_sex_is_not_checked(registry: WilayahRegistry) -> None:
    assert nik(DONOROJO + "520390" + "0001", registry, sex="").ok
    assert nik(DONOROJO + "520390" + "0001", registry, sex="  ").ok


def test_unknown_sex_code_is_a_programming_error(registry: WilayahRegistry) -> None:
    with pytest.raises(ValueError):
        nik(DONOROJO + "120390" + "0001", registry, sex="X")


def test_birthdate_mismatch(registry: WilayahRegistry) -> None:
    result = nik(DONOROJO + "520390" + "0001", registry, birth_date=date(1990, 3, 13))
    assert result.problems == (Problem.BIRTHDATE_MISMATCH,)
    assert result.structurally_valid
    assert result.birth_date == date(1990, 3, 12)
    assert result.messages() == ["Tanggal lahir tidak cocok dengan NIK (NIK: 12-03-90)."]


def test_birthdate_compares_two_digit_year_only(registry: WilayahRegistry) -> None:
    value = DONOROJO + "120390" + "0001"
    assert nik(value, registry, birth_date=date(1990, 3, 12)).ok
    assert nik(value, registry, birth_date=date(1991, 3, 12)).problems == (
        Problem.BIRTHDATE_MISMATCH,
    )
    assert nik(value, registry, birth_date=date(1990, 4, 12)).problems == (
        Problem.BIRTHDATE_MISMATCH,
    )


def test_sex_and_birthdate_mismatch_together(registry: WilayahRegistry) -> None:
    result = nik(DONOROJO + "120390" + "0001", registry, sex="P", birth_date=date(1991, 1, 1))
    assert result.problems == (Problem.SEX_MISMATCH, Problem.BIRTHDATE_MISMATCH)


@pytest.mark.parametrize(
    ("value", "only"),
    [
        ("999999" + "120390" + "0001", Problem.REGION_UNKNOWN),
        (DONOROJO + "121390" + "0001", Problem.DATE_INVALID),
        (DONOROJO + "120390" + "0000", Problem.SERIAL_ZERO),
    ],
)
def test_mismatches_not_reported_for_structurally_invalid_nik(
    registry: WilayahRegistry, value: str, only: Problem
) -> None:
    result = nik(value, registry, sex="P", birth_date=date(2001, 1, 1))
    assert result.problems == (only,)


def test_default_registry_and_today_are_used(registry: WilayahRegistry) -> None:
    result = check_nik(DONOROJO + "120390" + "0001")
    assert result.ok and result.birth_date == date(1990, 3, 12)


def test_results_are_immutable(registry: WilayahRegistry) -> None:
    result = nik(DONOROJO + "120390" + "0001", registry)
    with pytest.raises(dataclasses.FrozenInstanceError):
        result.sex = "P"  # type: ignore[misc]


# --------------------------------------------------------------------------- No. KK


def test_valid_kk(registry: WilayahRegistry) -> None:
    result = kk(DONOROJO + "150320" + "0007", registry)
    assert result.ok and result.structurally_valid
    assert result.region_code == "35.01.01"
    assert result.region_historic is False
    assert result.issue_date == date(2020, 3, 15)


def test_kk_issued_today_is_valid(registry: WilayahRegistry) -> None:
    assert kk(DONOROJO + TODAY.strftime("%d%m%y") + "0001", registry).ok


def test_kk_historic_prefix_is_accepted(registry: WilayahRegistry) -> None:
    result = kk(MERAUKE_OLD + "010110" + "0001", registry)
    assert result.ok
    assert result.region_historic is True


@pytest.mark.parametrize(
    "ddmmyy",
    [
        (TODAY + timedelta(days=1)).strftime("%d%m%y"),  # tomorrow
        "010126",  # next year
        "010130",
        "520390",  # no +40 for a KK
        "290223",
        "121390",
        "000190",
    ],
)
def test_kk_invalid_or_future_issue_date(registry: WilayahRegistry, ddmmyy: str) -> None:
    result = kk(DONOROJO + ddmmyy + "0001", registry)
    assert result.problems == (Problem.DATE_INVALID,)
    assert result.issue_date is None
    assert result.messages() == [
        "Angka ke-7 s.d. 12 nomor KK bukan tanggal terbit yang sah"
        " (DDMMYY, tidak boleh di masa depan)."
    ]


def test_kk_leap_day_and_last_century(registry: WilayahRegistry) -> None:
    assert kk(DONOROJO + "290224" + "0001", registry).issue_date == date(2024, 2, 29)
    assert kk(DONOROJO + "311299" + "0001", registry).issue_date == date(1999, 12, 31)


def test_kk_unknown_region_and_zero_serial(registry: WilayahRegistry) -> None:
    result = kk("999999" + "150320" + "0000", registry)
    assert result.problems == (Problem.REGION_UNKNOWN, Problem.SERIAL_ZERO)
    assert result.messages() == [
        "6 angka pertama nomor KK (99.99.99) bukan kode kecamatan yang dikenal.",
        "4 angka terakhir nomor KK tidak boleh 0000.",
    ]


@pytest.mark.parametrize("value", ["350101150320000", "35010115032000071", "3501011503200O07"])
def test_kk_not_16_digits(registry: WilayahRegistry, value: str) -> None:
    result = kk(value, registry)
    assert result.problems == (Problem.NOT_16_DIGITS,)
    assert result.region_code is None
    assert result.messages() == [f"Nomor KK harus 16 angka (sekarang {len(value)} karakter)."]
