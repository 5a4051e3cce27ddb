"""Converting what a user typed (or a file held) into the stored answer of a question type.

The GUI hands over text; imports hand over whatever a spreadsheet held. Both come here,
so "12", "12,5", "31/12/1990" and a Python date all end up stored the same way. What
cannot be converted is kept as typed (never thrown away) and reported by validation.
Numbers typed as text follow :func:`parse_number` (strict: ASCII digits, one decimal
separator or the Indonesian grouping); numbers a file already holds as int/float are
taken as they are.
"""

from __future__ import annotations

import math
import re
from datetime import date, datetime
from typing import Any

from desa_app.core import messages
from desa_app.core.instrument.expr.values import NodeSet
from desa_app.core.instrument.model import DEFAULT_LANGUAGE, ChoiceList, Field, FieldType

_DMY_RE = re.compile(r"^([0-9]{1,2})[/.-]([0-9]{1,2})[/.-]([0-9]{4})$")


def is_empty(value: Any) -> bool:
    return value is None or value == "" or value == [] or (
        isinstance(value, float) and math.isnan(value)
    )


def coerce(field_type: FieldType, value: Any) -> Any:
    """Best-effort conversion to the stored form; unconvertible input is returned as is."""
    if is_empty(value):
        return None
    if field_type is FieldType.INTEGER:
        return _to_int(value)
    if field_type is FieldType.DECIMAL:
        return _to_decimal(value)
    if field_type is FieldType.DATE:
        return _to_date_text(value)
    if field_type is FieldType.SELECT_MULTIPLE:
        if isinstance(value, str):
            items = value.split()
        elif isinstance(value, list | tuple | set):
            items = [str(v) for v in value]
        else:
            return value  # kept as given; validation reports it
        return list(dict.fromkeys(items)) or None
    if field_type is FieldType.SELECT_ONE:
        if isinstance(value, float) and value.is_integer():
            return str(int(value))
        return str(value).strip() or None
    if isinstance(value, str):
        return value if value.strip() else None
    return value


DIGITS_TOKEN = re.compile(r"digits-([0-9]+)")
"""The ``digits-N`` appearance of a text question: a number written with N digits."""
DIGITS_PREFIX = "digits-"
MAX_DIGITS_WIDTH = 20


def digits_width(appearance: str) -> int | None:
    """N of a ``digits-N`` token among the (space-separated) appearance words, else None.

    The loader has refused malformed tokens, so a loaded definition only has good ones."""
    for token in appearance.split():
        match = DIGITS_TOKEN.fullmatch(token)
        if match:
            return int(match[1])
    return None


def appearance_problem(appearance: str, field_type: FieldType | None) -> str | None:
    """Why a question's appearance cannot be used (loader message), or None.

    ``digits-N`` needs a whole number N from 1 to 20, at most once, on a text question."""
    tokens = [t for t in appearance.split() if t.lower().startswith(DIGITS_PREFIX)]
    if not tokens:
        return None
    if len(tokens) > 1:
        return "appearance: digits-N hanya boleh sekali"
    match = DIGITS_TOKEN.fullmatch(tokens[0])
    if match is None or not 1 <= int(match[1]) <= MAX_DIGITS_WIDTH:
        return (f"appearance '{tokens[0]}' tidak sah: tulis digits-N dengan N bilangan "
                f"1-{MAX_DIGITS_WIDTH}, mis. digits-3")
    if field_type is not FieldType.TEXT:
        return f"appearance '{tokens[0]}' hanya untuk pertanyaan text"
    return None


def answer_of(field_node: Field, value: Any) -> Any:
    """What :meth:`FormState.set` stores for ``value``: :func:`coerce` to the question's
    type, then what its appearance asks for.

    ``digits-N`` (a text question): a text of ASCII digits only, shorter than N, is
    left-padded with zeros (``"3"`` -> ``"003"`` for digits-3; surrounding blanks are
    dropped); a whole number from a spreadsheet (``3``) is written the same way.
    Anything else is stored as given and validation reports it."""
    stored = coerce(field_node.type, value)
    if field_node.type is FieldType.TEXT and stored is not None and field_node.appearance:
        width = digits_width(field_node.appearance)
        if width is not None:
            return _padded(stored, width)
    return stored


def _padded(value: Any, width: int) -> Any:
    if isinstance(value, int) and not isinstance(value, bool) and value >= 0:
        text = str(value)
    elif isinstance(value, str):
        text = value.strip()
    else:
        return value
    if text.isascii() and text.isdigit() and len(text) < width:
        return text.zfill(width)
    return value


def _to_int(value: Any) -> Any:
    if isinstance(value, bool):
        return value
    if isinstance(value, int):
        return value
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return _parsed_or_kept(value, FieldType.INTEGER)


def _to_decimal(value: Any) -> Any:
    if isinstance(value, bool):
        return value
    if isinstance(value, int | float):
        return value
    return _parsed_or_kept(value, FieldType.DECIMAL)


def _parsed_or_kept(value: Any, field_type: FieldType) -> Any:
    """The number a text stands for, or the text itself (validation then reports it)."""
    text = value if isinstance(value, str) else str(value)
    number, problem = parse_number(text, field_type)
    if number is None:
        return text if problem else None  # blank text: no answer
    return number


# Only ASCII digits: ``[0-9]``, never ``\d`` (which also matches Arabic-Indic digits).
_PLAIN_RE = re.compile(r"-?[0-9]+")
_ONE_SEPARATOR_RE = re.compile(r"(-?[0-9]+)[.,]([0-9]+)")
_GROUPED_RE = re.compile(r"-?[1-9][0-9]{0,2}(?:\.[0-9]{3})+")
"""Indonesian thousands grouping: ``2.500.000`` (the first group does not start with 0)."""
_GROUPED_DECIMAL_RE = re.compile(r"(-?[1-9][0-9]{0,2}(?:\.[0-9]{3})+),([0-9]+)")
"""Grouping with a decimal comma: ``1.234.567,5``."""

MAX_DIGITS = 18
"""Longer numbers are refused: they are typing slips, and 18 digits still fit SQLite's
64-bit integers (and Python's int() limit on digit strings is never reached)."""
_ASCII_DIGITS = frozenset("0123456789")



def _integer_problem() -> str:
    return messages.text("instrument.integer", how=messages.text("instrument.integer_how"))


def _decimal_problem() -> str:
    return messages.text("instrument.decimal", how=messages.text("instrument.decimal_how"))


def parse_number(text: str, field_type: FieldType) -> tuple[int | float | None, str | None]:
    """The number a typed text stands for: ``(value, None)``, or ``(None, message)`` with
    a one-line Indonesian message saying how to write it.

    Strict on purpose, so a text is never silently reinterpreted: only the ASCII digits
    0-9 and an optional leading ``-``; whitespace around the number is ignored, inside it
    is not (``1 000``, ``1_000``, ``1e3``, ``inf``, ``nan``, ``+5``, ``١٢`` are refused).

    * INTEGER: ``12``; or grouped with dots in threes, ``2.500.000`` = 2500000.
      ``2.5`` / ``2,5`` are refused (not a whole number).
    * DECIMAL: one ``,`` or ``.`` is the decimal point: ``0,250`` = ``0.250`` = 0.25,
      ``12,5`` = 12.5 (a float); without a separator the value is an int (``3``). More
      than one separator only in the grouped form, dots in threes and at most one decimal
      comma: ``2.500.000`` = 2500000, ``1.234.567,5`` = 1234567.5 (``1.234`` alone has
      one separator, so it is 1.234).

    More than :data:`MAX_DIGITS` digits are refused. An empty (or blank) text is
    ``(None, None)``: no answer, nothing wrong.
    """
    if field_type not in (FieldType.INTEGER, FieldType.DECIMAL):
        raise ValueError(f"parse_number: {field_type} is not a number type")
    text = text.strip()
    if not text:
        return None, None
    if sum(c in _ASCII_DIGITS for c in text) > MAX_DIGITS:
        return None, messages.text("instrument.number_too_long", digits=MAX_DIGITS)
    if _PLAIN_RE.fullmatch(text):
        return int(text), None
    if field_type is FieldType.INTEGER:
        if _GROUPED_RE.fullmatch(text):
            return int(text.replace(".", "")), None
        if _ONE_SEPARATOR_RE.fullmatch(text) or _GROUPED_DECIMAL_RE.fullmatch(text):
            return None, messages.text("instrument.integer_no_decimals")
        return None, _integer_problem()
    parts = _ONE_SEPARATOR_RE.fullmatch(text) or _GROUPED_DECIMAL_RE.fullmatch(text)
    if parts is not None:
        return float(f"{parts[1].replace('.', '')}.{parts[2]}"), None
    if _GROUPED_RE.fullmatch(text):  # two dots or more: 2.500.000 (one dot is a decimal)
        return int(text.replace(".", "")), None
    return None, _decimal_problem()


def _to_date_text(value: Any) -> Any:
    if isinstance(value, datetime):
        return value.date().isoformat()
    if isinstance(value, date):
        return value.isoformat()
    text = str(value).strip()
    match = _DMY_RE.match(text)
    if match:
        day, month, year = (int(g) for g in match.groups())
        try:
            return date(year, month, day).isoformat()
        except ValueError:
            return text
    try:
        return date.fromisoformat(text[:10]).isoformat() if len(text) >= 10 else text
    except ValueError:
        return text


def type_problem(field_type: FieldType, value: Any, choices: Any = None) -> str | None:
    """Indonesian message when a stored value does not fit its question type.

    ``choices``: the question's :class:`ChoiceList` (its codes are then listed in the
    message, see :func:`code_hint`), or just a collection of valid codes."""
    if field_type is FieldType.INTEGER and (isinstance(value, bool) or not isinstance(value, int)):
        return _number_problem(value, field_type) or _integer_problem()
    if field_type is FieldType.DECIMAL and (
        isinstance(value, bool) or not isinstance(value, int | float)
    ):
        return _number_problem(value, field_type) or _decimal_problem()
    if field_type is FieldType.DATE:
        try:
            date.fromisoformat(str(value))
        except ValueError:
            return messages.text("instrument.date")
    if choices is None or field_type not in (FieldType.SELECT_ONE, FieldType.SELECT_MULTIPLE):
        return None
    names = choices.by_name if isinstance(choices, ChoiceList) else choices
    if field_type is FieldType.SELECT_ONE:
        return None if str(value) in names else unknown_code_message([value], choices)
    if not isinstance(value, list):
        return _with_hint(messages.text("instrument.multiple_invalid"), choices)
    unknown = [v for v in value if str(v) not in names]
    return unknown_code_message(unknown, choices) if unknown else None


CODE_HINT_LIMIT = 12
"""Lists up to this long are spelled out with their labels; longer ones by their codes."""
_SHOWN_CODE = 20  # a long junk answer is cut in the message

_HINT_KEYS = {"choose": "instrument.hint_choose", "range": "instrument.hint_range",
              "list": "instrument.hint_list"}


def code_hint(choices: ChoiceList, language: str = "") -> str:
    """How to answer a coded question, for a user who typed a code that is not there.

    Up to :data:`CODE_HINT_LIMIT` choices: ``Pilih: 1 Laki-laki; 2 Perempuan.``; longer
    lists: ``Kode yang ada 1 sampai 28.`` when the codes are the whole numbers of a range,
    else the codes (runs of numbers shortened, ``Kode yang ada: 1-20, 22, 99.``).
    ``language`` chooses the labels and words (``""`` Indonesian, ``English``)."""
    chosen = "en" if language == "English" else "id"
    words = {what: messages.text_in(chosen, key) for what, key in _HINT_KEYS.items()}
    items = choices.choices
    if len(items) <= CODE_HINT_LIMIT:
        listed = "; ".join(
            " ".join(part for part in (c.name, c.label.get(language)) if part) for c in items)
        return words["choose"].format(items=listed)
    codes = [c.name for c in items]
    numbers = [int(c) for c in codes if _is_plain_number(c)]
    if len(numbers) == len(codes) and sorted(numbers) == list(
            range(min(numbers), min(numbers) + len(numbers))):
        return words["range"].format(first=min(numbers), last=max(numbers))
    return words["list"].format(items=", ".join(_runs(codes)))


def unknown_code_message(codes: list[Any], choices: Any) -> str:
    """``Kode 7 tidak ada. Pilih: ...`` for answers that are not codes of the list."""
    shown = ", ".join(_shown(code) for code in codes)
    return _with_hint(messages.text("instrument.unknown_code", codes=shown), choices)


def _with_hint(message: str, choices: Any) -> str:
    if not isinstance(choices, ChoiceList):
        return message
    hint = code_hint(choices, "English" if messages.language() == "en" else DEFAULT_LANGUAGE)
    if len(choices.choices) <= CODE_HINT_LIMIT:
        return f"{message} {hint}"
    return f"{message[:-1]}; {hint[0].lower()}{hint[1:]}"


def _shown(code: Any) -> str:
    text = " ".join(str(code).split())
    return text if len(text) <= _SHOWN_CODE else text[: _SHOWN_CODE - 1] + "…"


def _is_plain_number(code: str) -> bool:
    return code.isascii() and code.isdigit() and str(int(code)) == code


def _runs(codes: list[str]) -> list[str]:
    """Codes in list order, three or more consecutive numbers written ``first-last``."""
    out: list[str] = []
    run: list[int] = []

    def flush() -> None:
        if len(run) >= 3:
            out.append(f"{run[0]}-{run[-1]}")
        else:
            out.extend(str(n) for n in run)
        run.clear()

    for code in codes:
        if _is_plain_number(code):
            number = int(code)
            if run and number != run[-1] + 1:
                flush()
            run.append(number)
        else:
            flush()
            out.append(code)
    flush()
    return out


def _number_problem(value: Any, field_type: FieldType) -> str | None:
    """What :func:`parse_number` says about a stored text (None for other values)."""
    return parse_number(value, field_type)[1] if isinstance(value, str) else None


def expression_answer(value: Any) -> Any:
    """Expression results as stored values: NaN/empty become None, 3.0 becomes 3."""
    if isinstance(value, NodeSet):
        value = value[0].value if value else ""
    if isinstance(value, bool):
        return value
    if isinstance(value, float):
        if math.isnan(value) or math.isinf(value):
            return None
        return int(value) if value.is_integer() else value
    if isinstance(value, date):
        return value.isoformat()
    if value == "":
        return None
    return value


def as_answer(field_node: Field, value: Any) -> Any:
    """A default or calculation result as the question stores it (booleans as text)."""
    if isinstance(value, bool):
        return "true" if value else "false"
    return value

def renumber(store: dict[tuple[str, tuple[int, ...]], Any], inside: set[str], depth: int,
             parent_key: tuple[int, ...], position: int, delta: int
             ) -> dict[tuple[str, tuple[int, ...]], Any]:
    """Answers keyed by (question, instance key) after inserting (delta > 0) or deleting
    (delta < 0) the instance at ``position`` of a repeat ``depth`` levels deep under
    ``parent_key``; ``inside`` names the repeat and every question in it."""
    result: dict[tuple[str, tuple[int, ...]], Any] = {}
    for (name, key), value in store.items():
        if name in inside and len(key) >= depth and key[: depth - 1] == parent_key:
            index = key[depth - 1]
            if delta < 0:
                if index == position:
                    continue  # the deleted instance
                if index > position:
                    index -= 1
            elif index >= position:
                index += 1
            key = (*key[: depth - 1], index, *key[depth:])
        result[(name, key)] = value
    return result
