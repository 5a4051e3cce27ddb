"""Checks for the NIK (Nomor Induk Kependudukan) and the No. KK (Kartu Keluarga number).

Neither number has a check digit, so "valid" can only mean *plausible*: the structure
below is what Dukcapil encodes, and each part can be checked against facts we know.

NIK, 16 digits ``PPKKCC DDMMYY SSSS``:
    * ``PPKKCC`` -- kecamatan where the NIK was first issued.  It never changes when the
      person moves or the kecamatan is split, so historic codes are accepted too.
    * ``DDMMYY`` -- birth date; women have 40 added to the day (``41``-``71``).
    * ``SSSS``  -- serial number, never ``0000``.

No. KK, 16 digits ``PPKKCC DDMMYY SSSS``: the same, but ``DDMMYY`` is the issue date of
the card (no +40) and cannot lie in the future.

The checks report *all* problems in a fixed order instead of stopping at the first one,
so a form can show every message at once, and they never raise on bad input: they are
run on whatever the operator typed.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from typing import Final, Literal

from desa_app.core.identity.wilayah import WilayahRegistry, get_registry
from desa_app.core.messages import text

__all__ = [
    "KK_EARLIEST_ISSUE_YEAR",
    "KkCheck",
    "NikCheck",
    "Problem",
    "check_kk",
    "check_nik",
]

Sex = Literal["L", "P"]

_SIXTEEN_DIGITS: Final = re.compile(r"[0-9]{16}")  # not \d: that also matches e.g. "٣"
_FEMALE_DAY_OFFSET: Final = 40

# A No. KK with a date field before this year is not believed: the 16-digit KK number
# (and SIAK that issues it) is much younger.  It matters because YY alone is ambiguous:
# an issue date that would lie in the future in 20YY could otherwise always fall back to
# 19YY and a mistyped future date could never be caught.
KK_EARLIEST_ISSUE_YEAR: Final = 1970

_SEX_CODES: Final[dict[str, Sex]] = {
    "L": "L",
    "1": "L",
    "LAKI-LAKI": "L",
    "P": "P",
    "2": "P",
    "PEREMPUAN": "P",
}
_SEX_WORDS: Final[dict[Sex, str]] = {"L": "identity.sex_male", "P": "identity.sex_female"}


class Problem(StrEnum):
    """What is wrong with a NIK / No. KK; the definition order is the reporting order."""

    NOT_16_DIGITS = "not_16_digits"
    REGION_UNKNOWN = "region_unknown"
    DATE_INVALID = "date_invalid"
    SERIAL_ZERO = "serial_zero"
    SEX_MISMATCH = "sex_mismatch"
    BIRTHDATE_MISMATCH = "birthdate_mismatch"


_STRUCTURAL: Final = frozenset(
    {Problem.NOT_16_DIGITS, Problem.REGION_UNKNOWN, Problem.DATE_INVALID, Problem.SERIAL_ZERO}
)


def _dotted_region(digits: str) -> str:
    return f"{digits[0:2]}.{digits[2:4]}.{digits[4:6]}"


def _not_16_message(key: str, value: str) -> str:
    return text(key, length=len(value))


@dataclass(frozen=True)
class _NumberCheck:
    """What a NIK and a No. KK check share: the value, its problems and its region."""

    value: str
    """The number as given, with surrounding whitespace removed."""
    problems: tuple[Problem, ...]
    """Every problem found, in :class:`Problem` definition order."""
    region_code: str | None
    """``PP.KK.CC`` from the first six digits when the value is 16 digits, known or not."""
    region_historic: bool
    """The region code is only in the historic kecamatan list (an old but valid number)."""

    @property
    def ok(self) -> bool:
        """No problems at all, including any cross-checks."""
        return not self.problems

    @property
    def structurally_valid(self) -> bool:
        """The number itself is plausible; only cross-check mismatches (if any) remain."""
        return not any(p in _STRUCTURAL for p in self.problems)


@dataclass(frozen=True)
class NikCheck(_NumberCheck):
    """Result of :func:`check_nik`.

    The decoded fields are filled in whenever the corresponding digits can be read, even
    if another part is wrong, so the UI can still say e.g. "perempuan, lahir 1990-05-12"
    next to an unknown-region warning.
    """

    sex: Sex | None
    """``L`` for a day field 01-31, ``P`` for 41-71 (women get +40), else ``None``."""
    birth_date: date | None
    """Decoded birth date when digits 7-12 form a real date (century resolved)."""

    def messages(self) -> list[str]:
        """One short message per problem (language chosen now), shown next to the field."""
        texts: dict[Problem, Callable[[], str]] = {
            Problem.NOT_16_DIGITS: lambda: _not_16_message("identity.nik_length", self.value),
            Problem.REGION_UNKNOWN: lambda: text("identity.nik_region",
                                                 region=self.region_code),
            Problem.DATE_INVALID: lambda: text("identity.nik_date"),
            Problem.SERIAL_ZERO: lambda: text("identity.nik_serial"),
            Problem.SEX_MISMATCH: lambda: text(
                "identity.nik_sex", sex=text(_SEX_WORDS[self.sex]) if self.sex else "?"),
            Problem.BIRTHDATE_MISMATCH: lambda: text("identity.nik_birth_date",
                                                     date=self._nik_date()),
        }
        return [texts[p]() for p in self.problems]

    def _nik_date(self) -> str:
        """Birth date as written in the NIK, ``DD-MM-YY`` with the +40 removed."""
        digits = self.value[6:12]
        day = int(digits[0:2])
        if day > _FEMALE_DAY_OFFSET:
            day -= _FEMALE_DAY_OFFSET
        return f"{day:02d}-{digits[2:4]}-{digits[4:6]}"


@dataclass(frozen=True)
class KkCheck(_NumberCheck):
    """Result of :func:`check_kk`; same idea as :class:`NikCheck` without sex/birth date."""

    issue_date: date | None
    """Decoded issue date when digits 7-12 form a real, not-future date."""

    def messages(self) -> list[str]:
        """One short message per problem (language chosen now), shown next to the field."""
        texts: dict[Problem, Callable[[], str]] = {
            Problem.NOT_16_DIGITS: lambda: _not_16_message("identity.kk_length", self.value),
            Problem.REGION_UNKNOWN: lambda: text("identity.kk_region", region=self.region_code),
            Problem.DATE_INVALID: lambda: text("identity.kk_date"),
            Problem.SERIAL_ZERO: lambda: text("identity.kk_serial"),
        }
        return [texts[p]() for p in self.problems if p in texts]


def _candidate_dates(day: int, month: int, yy: int) -> list[date]:
    """Real dates for DD-MM-YY in 20YY and 19YY (most recent first).

    Only 29 February can be real in one century and not the other (2000 is a leap year,
    1900 is not); every other day/month is valid in both or neither.
    """
    found: list[date] = []
    for century in (2000, 1900):
        try:
            found.append(date(century + yy, month, day))
        except ValueError:
            continue
    return found


def _resolve_century(
    candidates: list[date], today: date, earliest_year: int, hint: date | None
) -> date | None:
    """Pick the date the two-digit year most likely means.

    A given birth date decides the century when its year is one of the candidates (so a
    NIK of someone born in 1925 is not read as 2025).  Otherwise take the most recent
    candidate not after ``today`` and not before ``earliest_year``.
    """
    if hint is not None:
        for candidate in candidates:
            if candidate.year == hint.year:
                return candidate
    for candidate in candidates:
        if earliest_year <= candidate.year and candidate <= today:
            return candidate
    return None


def _normalize_sex(sex: str) -> Sex:
    try:
        return _SEX_CODES[sex.strip().upper()]
    except KeyError:
        raise ValueError(f"Jenis kelamin tidak dikenal: {sex!r} (pakai L/P atau 1/2)") from None


def _region(digits: str, registry: WilayahRegistry | None) -> tuple[str, bool, bool]:
    """``(dotted code, known, historic_only)`` for the first six digits."""
    reg = registry if registry is not None else get_registry()
    code = _dotted_region(digits)
    return code, reg.is_kecamatan_known(code), reg.is_kecamatan_historic_only(code)


def check_nik(
    value: str,
    *,
    sex: str | None = None,
    birth_date: date | None = None,
    today: date | None = None,
    registry: WilayahRegistry | None = None,
) -> NikCheck:
    """Check a NIK and, optionally, cross-check it against the person's sex / birth date.

    ``sex`` accepts ``"L"``/``"P"`` or the form codes ``"1"`` (laki-laki) /
    ``"2"`` (perempuan); an unrecognised non-blank value raises ``ValueError`` because it
    is a programming error, not a user typo.  ``SEX_MISMATCH`` and ``BIRTHDATE_MISMATCH``
    are only reported when the NIK itself is structurally valid -- otherwise the mismatch
    is just a consequence of the bad NIK and would only add noise.  The birth-date
    comparison uses day, month and two-digit year, since the NIK holds no century.

    ``today`` (default: the real date) resolves the century; ``registry`` defaults to the
    shared :func:`~desa_app.core.identity.wilayah.get_registry`.
    """
    text = value.strip()
    wanted_sex = None if sex is None or not sex.strip() else _normalize_sex(sex)
    if not _SIXTEEN_DIGITS.fullmatch(text):
        return NikCheck(text, (Problem.NOT_16_DIGITS,), None, False, None, None)

    problems: list[Problem] = []
    region_code, known, historic = _region(text, registry)
    if not known:
        problems.append(Problem.REGION_UNKNOWN)

    raw_day, month, yy = int(text[6:8]), int(text[8:10]), int(text[10:12])
    nik_sex: Sex | None = None
    day = raw_day
    if 1 <= raw_day <= 31:
        nik_sex = "L"
    elif _FEMALE_DAY_OFFSET + 1 <= raw_day <= _FEMALE_DAY_OFFSET + 31:
        nik_sex = "P"
        day = raw_day - _FEMALE_DAY_OFFSET
    decoded = _resolve_century(
        _candidate_dates(day, month, yy), today or date.today(), 1, birth_date
    )
    if decoded is None:
        problems.append(Problem.DATE_INVALID)

    if text[12:16] == "0000":
        problems.append(Problem.SERIAL_ZERO)

    if not problems:
        if wanted_sex is not None and wanted_sex != nik_sex:
            problems.append(Problem.SEX_MISMATCH)
        if birth_date is not None:
            given = (birth_date.day, birth_date.month, birth_date.year % 100)
            if given != (day, month, yy):
                problems.append(Problem.BIRTHDATE_MISMATCH)

    return NikCheck(
        value=text,
        problems=tuple(problems),
        region_code=region_code,
        region_historic=historic,
        sex=nik_sex,
        birth_date=decoded,
    )


def check_kk(
    value: str,
    *,
    today: date | None = None,
    registry: WilayahRegistry | None = None,
) -> KkCheck:
    """Check a No. KK: 16 digits, known kecamatan, real not-future issue date, serial.

    The issue date is read in the most recent century that puts it not after ``today``
    (default: the real date) and not before :data:`KK_EARLIEST_ISSUE_YEAR`; if neither
    century qualifies the date is ``DATE_INVALID`` -- which is how a KK "issued" next
    year is caught.
    """
    text = value.strip()
    if not _SIXTEEN_DIGITS.fullmatch(text):
        return KkCheck(text, (Problem.NOT_16_DIGITS,), None, False, None)

    problems: list[Problem] = []
    region_code, known, historic = _region(text, registry)
    if not known:
        problems.append(Problem.REGION_UNKNOWN)

    day, month, yy = int(text[6:8]), int(text[8:10]), int(text[10:12])
    issued = _resolve_century(
        _candidate_dates(day, month, yy), today or date.today(), KK_EARLIEST_ISSUE_YEAR, None
    )
    if issued is None:
        problems.append(Problem.DATE_INVALID)

    if text[12:16] == "0000":
        problems.append(Problem.SERIAL_ZERO)

    return KkCheck(
        value=text,
        problems=tuple(problems),
        region_code=region_code,
        region_historic=historic,
        issue_date=issued,
    )
