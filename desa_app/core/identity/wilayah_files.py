"""Reading the region-code CSV files fast, and checking them thoroughly when needed.

Split from :mod:`wilayah` so the registry (lookups) and the file format (parsing,
validation, error messages naming file and line) can be read separately.
"""

from __future__ import annotations

import csv
import gc
import io
import re
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from operator import itemgetter
from pathlib import Path
from typing import Final

from desa_app.core import messages

# Digit groups of each level: PP, KK, CC, DDDD; the dotted form is 2, 5, 8 or 13 long.
GROUP_SIZES: Final[tuple[int, ...]] = (2, 2, 2, 4)
DOTTED_LENGTHS: Final[frozenset[int]] = frozenset({2, 5, 8, 13})
_ASCII_DIGITS: Final[frozenset[str]] = frozenset("0123456789")


def is_digits(text: str) -> bool:
    # str.isdigit() also accepts e.g. Arabic-Indic or superscript digits; codes are ASCII.
    return bool(text) and all(ch in _ASCII_DIGITS for ch in text)


def dotted_well_formed(code: str) -> bool:
    """True if ``code`` is exactly ``PP``, ``PP.KK``, ``PP.KK.CC`` or ``PP.KK.CC.DDDD``."""
    if len(code) not in DOTTED_LENGTHS:
        return False
    parts = code.split(".")
    if len(parts) > len(GROUP_SIZES):
        return False
    return all(
        len(part) == size and is_digits(part)
        for part, size in zip(parts, GROUP_SIZES, strict=False)
    )


class WilayahDataError(Exception):
    """A region-code resource file is missing or malformed.

    Raised instead of a bare ``OSError``/``csv.Error`` so the GUI can show one clear
    Indonesian message telling the operator *which* file (and line) to restore.
    ``path`` and ``line`` (``None`` when not about a specific line) are kept for callers.
    """

    def __init__(self, message: str, path: Path, line: int | None = None) -> None:
        super().__init__(message)
        self.path = path
        self.line = line


def _malformed(path: Path, line: int, reason: str) -> WilayahDataError:
    return WilayahDataError(
        messages.text("identity.wilayah_file_bad_line",
                      line=line, path=path, reason=reason), path, line
    )


# Whole-file checks for the fast path: one C-level regex pass over all codes joined by
# newlines replaces ~90k Python-level calls, which is what keeps start-up fast.  The flat
# alternation (most frequent shape first) is several times faster than nested optionals.
CODES_CURRENT_RX: Final = re.compile(
    r"(?:\d\d\.\d\d\.\d\d\.\d\d\d\d\n|\d\d\.\d\d\.\d\d\n|\d\d\.\d\d\n|\d\d\n)*", re.ASCII
)
CODES_KECAMATAN_RX: Final = re.compile(r"(?:\d\d\.\d\d\.\d\d\n)*", re.ASCII)
EDITIONS_RX: Final = re.compile(r"(?:\d{4}(?: \d{4})*\n)*", re.ASCII)


def _read_text(path: Path) -> str:
    """Whole file as text; decoded in one go so a bad byte is reported with its line."""
    try:
        raw = path.read_bytes()
    except FileNotFoundError as exc:
        raise WilayahDataError(messages.text("identity.wilayah_file_missing",
                                             path=path), path) from exc
    except OSError as exc:
        raise WilayahDataError(
            messages.text("identity.wilayah_file_unopenable",
                          path=path, strerror=exc.strerror), path
        ) from exc
    try:
        return raw.decode("utf-8-sig")  # -sig: tolerate a BOM left by spreadsheet programs
    except UnicodeDecodeError as exc:
        line = raw.count(b"\n", 0, exc.start) + 1
        raise _malformed(path, line, messages.text("identity.wilayah_not_utf8")) from exc


def _fast_table(
    text: str,
    header: tuple[str, str],
    codes_rx: re.Pattern[str],
    values_rx: re.Pattern[str] | None,
) -> dict[str, str] | None:
    """Parse a clean file quickly; ``None`` means "something is irregular, look closer".

    ``None`` is not an error by itself: :func:`_checked_table` then re-reads the file row
    by row and either accepts it (blank lines, padded codes) or names the bad line.  The
    ``csv`` module is used, not a plain split, because some desa names contain commas and
    are quoted (``"Lubuk Pakam I,II"``).  Values are stripped: the real list has a few
    names with a trailing space (``"Jurang Jaler "``).  Everything after the CSV parse is
    bulk work done in C (``map``, ``dict``, one regex), never a Python loop per row.
    """
    try:
        rows = list(csv.reader(io.StringIO(text, newline=""), strict=True))
    except csv.Error:
        return None
    if len(rows) < 2 or tuple(rows[0]) != header:
        return None
    body = rows[1:]
    if set(map(len, body)) != {2}:
        return None
    codes = list(map(itemgetter(0), body))
    values = list(map(str.strip, map(itemgetter(1), body)))
    if "" in values:
        return None
    table = dict(zip(codes, values, strict=True))
    if len(table) != len(codes):  # duplicate codes
        return None
    if not codes_rx.fullmatch("\n".join(codes) + "\n"):
        return None
    if values_rx is not None and not values_rx.fullmatch("\n".join(values) + "\n"):
        return None
    return table


def _checked_table(
    path: Path,
    text: str,
    header: tuple[str, str],
    check_row: Callable[[str, str], str | None],
) -> dict[str, str]:
    """Row-by-row parse that names the first bad line; ``check_row`` returns a reason.

    Errors name the line where the offending row *starts*: for an unclosed quote that is
    where the operator must look, not the end of the file where the parser gave up.
    """
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    table: dict[str, str] = {}
    while True:
        line = reader.line_num + 1
        try:
            row = next(reader)
        except StopIteration:
            break
        except csv.Error as exc:
            raise _malformed(path, line, messages.text("identity.wilayah_csv", exc=exc)) from exc
        if line == 1:
            if tuple(cell.strip() for cell in row) != header:
                raise _malformed(path, 1, messages.text("identity.wilayah_header",
                                                        header=','.join(header)))
            continue
        if not row:  # tolerate blank lines (e.g. extra trailing newlines)
            continue
        if len(row) != 2:
            raise _malformed(path, line, messages.text("identity.wilayah_columns", count=len(row)))
        code, value = row[0].strip(), row[1].strip()
        reason = check_row(code, value)
        if reason is None and code in table:
            reason = f"kode {code} ganda"
        if reason is not None:
            raise _malformed(path, line, reason)
        table[code] = value
    if reader.line_num == 0:
        raise WilayahDataError(messages.text("identity.wilayah_file_empty", path=path), path)
    if not table:
        raise WilayahDataError(messages.text("identity.wilayah_file_no_data", path=path), path)
    return table


def check_current_row(code: str, name: str) -> str | None:
    if not dotted_well_formed(code):
        return messages.text("identity.wilayah_bad_code", code=code)
    if not name:
        return messages.text("identity.wilayah_no_name", code=code)
    return None


def check_historic_row(code: str, editions: str) -> str | None:
    if len(code) != 8 or not dotted_well_formed(code):
        return messages.text("identity.wilayah_bad_kecamatan", code=code)
    years = editions.split()
    if not years or not all(len(y) == 4 and is_digits(y) for y in years):
        return messages.text("identity.wilayah_bad_editions", editions=editions)
    return None


@contextmanager
def gc_paused() -> Iterator[None]:
    """Pause the cyclic garbage collector while building ~300k small objects.

    The rows contain no reference cycles, yet every few hundred allocations trigger a
    collection that rescans everything built so far; pausing it cuts load time by about
    a third.  Reference counting still frees memory normally.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def load_table(
    path: Path,
    header: tuple[str, str],
    codes_rx: re.Pattern[str],
    values_rx: re.Pattern[str] | None,
    check_row: Callable[[str, str], str | None],
) -> dict[str, str]:
    text = _read_text(path)
    table = _fast_table(text, header, codes_rx, values_rx)
    if table is None:
        table = _checked_table(path, text, header, check_row)
    return table
