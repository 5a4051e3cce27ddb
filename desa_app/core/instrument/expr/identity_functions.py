"""Expression functions for identity numbers and region codes.

They let a definition check any question as a NIK, a No. KK or a wilayah code without
the code knowing which question that is (``checks: [{rule: "nik-valid(.)", ...}]``).
Cross-checks (``nik-matches-sex``) answer true when they cannot tell, so they can be used
directly as warning rules while the record is still incomplete.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from desa_app.core.identity import Problem, check_kk, check_nik, get_registry
from desa_app.core.identity.wilayah import normalize_code
from desa_app.core.instrument.expr.functions import _register
from desa_app.core.instrument.expr.values import Value, to_date, to_string

if TYPE_CHECKING:
    from desa_app.core.instrument.expr.compiler import Context

_STRUCTURE = (Problem.NOT_16_DIGITS, Problem.REGION_UNKNOWN, Problem.DATE_INVALID,
              Problem.SERIAL_ZERO)


def _nik_problems(ctx: Context, value: Value) -> tuple[Problem, ...]:
    return check_nik(to_string(value).strip(), today=ctx.state.today).problems


@_register("nik-valid", 1, 1)
def _nik_valid(ctx: Context, a: Sequence[Value]) -> Value:
    """16 digits, known kecamatan prefix, real birth date (+40 for women), serial not 0000."""
    return not any(p in _STRUCTURE for p in _nik_problems(ctx, a[0]))


@_register("nik-region-known", 1, 1)
def _nik_region_known(ctx: Context, a: Sequence[Value]) -> Value:
    """Digits 1–6 are a current or historic kecamatan code (NIK or No. KK)."""
    text = to_string(a[0]).strip()
    return len(text) >= 6 and text[:6].isdigit() and get_registry().is_kecamatan_known(text[:6])


@_register("nik-date-valid", 1, 1)
def _nik_date_valid(ctx: Context, a: Sequence[Value]) -> Value:
    problems = _nik_problems(ctx, a[0])
    return Problem.NOT_16_DIGITS not in problems and Problem.DATE_INVALID not in problems


@_register("nik-sex", 1, 1)
def _nik_sex(ctx: Context, a: Sequence[Value]) -> Value:
    """'1' (laki-laki) or '2' (perempuan) as coded by Dukcapil, '' if unreadable."""
    result = check_nik(to_string(a[0]).strip(), today=ctx.state.today)
    if Problem.DATE_INVALID in result.problems or result.sex is None:
        return ""
    return "1" if result.sex == "L" else "2"


@_register("nik-matches-sex", 2, 2)
def _nik_matches_sex(ctx: Context, a: Sequence[Value]) -> Value:
    sex = to_string(a[1]).strip()
    if sex not in ("1", "2", "L", "P"):
        return True
    result = check_nik(to_string(a[0]).strip(), sex=sex, today=ctx.state.today)
    return Problem.SEX_MISMATCH not in result.problems


@_register("nik-matches-birthdate", 2, 2)
def _nik_matches_birthdate(ctx: Context, a: Sequence[Value]) -> Value:
    born = to_date(a[1])
    if born is None:
        return True
    result = check_nik(to_string(a[0]).strip(), birth_date=born, today=ctx.state.today)
    return Problem.BIRTHDATE_MISMATCH not in result.problems


@_register("kk-valid", 1, 1)
def _kk_valid(ctx: Context, a: Sequence[Value]) -> Value:
    """A No. KK: 16 digits, known kecamatan, real issue date not in the future."""
    result = check_kk(to_string(a[0]).strip(), today=ctx.state.today)
    return not any(p in _STRUCTURE for p in result.problems)


@_register("wilayah-exists", 1, 1)
def _wilayah_exists(ctx: Context, a: Sequence[Value]) -> Value:
    """A current Kemendagri code (provinsi, kabupaten, kecamatan or desa), dotted or not."""
    return get_registry().exists(to_string(a[0]).strip())


@_register("wilayah-name", 1, 1)
def _wilayah_name(ctx: Context, a: Sequence[Value]) -> Value:
    return get_registry().name(to_string(a[0]).strip()) or ""


@_register("wilayah-parent", 1, 1)
def _wilayah_parent(ctx: Context, a: Sequence[Value]) -> Value:
    """The enclosing region's code: desa -> kecamatan -> kabupaten -> provinsi."""
    code = normalize_code(to_string(a[0]))
    return (get_registry().parent(code) or "") if code else ""
