"""Run-time values of expressions and the XPath 1.0 conversion rules between them.

Values are plain Python objects: ``str``, ``float``, ``bool``, ``datetime.date`` and
:class:`NodeSet` (the items of a question across repeat instances). Empty answers are the
empty string, exactly as in XForms, so ``${x} = ''`` and ``number(${x})`` (NaN) behave
the way XLSForm authors expect.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any, Union

EPOCH = date(1970, 1, 1)
_DATE_RE = re.compile(r"^\d{4}-\d{2}-\d{2}")


@dataclass(frozen=True, slots=True)
class Item:
    """One node of a node-set: its value and the repeat instance it lives in."""

    value: Any
    key: tuple[int, ...]


class NodeSet(list[Item]):
    """Ordered items of one question across repeat instances (XPath node-set)."""


Value = Union[str, float, bool, date, NodeSet]  # noqa: UP007 - readable alias


def first(value: Value) -> Any:
    """XPath takes the first node of a node-set where a single value is needed."""
    if isinstance(value, NodeSet):
        return value[0].value if value else ""
    return value


def parse_date(text: str) -> date | None:
    """Read ``YYYY-MM-DD`` (also the date part of a date-time); None if it is not a date."""
    if not _DATE_RE.match(text):
        return None
    try:
        return date.fromisoformat(text[:10])
    except ValueError:
        return None


def to_number(value: Value) -> float:
    value = first(value)
    if isinstance(value, bool):
        return 1.0 if value else 0.0
    if isinstance(value, int | float):
        return float(value)
    if isinstance(value, datetime):
        return (value.date() - EPOCH).days + (value.hour * 3600 + value.minute * 60) / 86400
    if isinstance(value, date):
        return float((value - EPOCH).days)
    if isinstance(value, list):  # a select_multiple answer
        return math.nan
    text = str(value).strip()
    if not text:
        return math.nan
    try:
        return float(text)
    except ValueError:
        parsed = parse_date(text)
        return float((parsed - EPOCH).days) if parsed else math.nan


def to_string(value: Value) -> str:
    value = first(value)
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float | int):
        number = float(value)
        if math.isnan(number):
            return "NaN"
        if math.isinf(number):
            return "Infinity" if number > 0 else "-Infinity"
        return str(int(number)) if number.is_integer() else repr(number)
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, list):
        return " ".join(str(v) for v in value)
    return str(value)


def to_bool(value: Value) -> bool:
    if isinstance(value, NodeSet):
        return len(value) > 0
    if isinstance(value, bool):
        return value
    if isinstance(value, float | int):
        return not (value == 0 or math.isnan(value))
    if isinstance(value, date):
        return True
    if isinstance(value, list):
        return len(value) > 0
    return str(value) != ""


def to_date(value: Value) -> date | None:
    """Dates come from date answers, ``today()``, ISO text or a day count since 1970."""
    value = first(value)
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, bool):
        return None
    if isinstance(value, float | int):
        if math.isnan(value) or math.isinf(value) or abs(value) > 3_000_000:
            return None
        return EPOCH + timedelta(days=math.floor(value))
    return parse_date(str(value).strip())


def _atomic_equal(a: Any, b: Any, op: str) -> bool:
    if isinstance(a, bool) or isinstance(b, bool):
        result = to_bool(a) == to_bool(b)
    elif isinstance(a, float | int | date) or isinstance(b, float | int | date):
        result = to_number(a) == to_number(b)
    else:
        result = to_string(a) == to_string(b)
    return result if op == "=" else not result


def _atomic_order(a: Any, b: Any, op: str) -> bool:
    x, y = to_number(a), to_number(b)
    if op == "<":
        return x < y
    if op == "<=":
        return x <= y
    if op == ">":
        return x > y
    return x >= y


def compare(op: str, left: Value, right: Value) -> bool:
    """XPath comparison: existential over node-sets, then by the usual type rules."""
    check = _atomic_equal if op in ("=", "!=") else _atomic_order
    if isinstance(left, NodeSet) and isinstance(right, NodeSet):
        return any(check(a.value, b.value, op) for a in left for b in right)
    if isinstance(left, NodeSet):
        if isinstance(right, bool):
            return check(to_bool(left), right, op)
        return any(check(item.value, right, op) for item in left)
    if isinstance(right, NodeSet):
        if isinstance(left, bool):
            return check(left, to_bool(right), op)
        return any(check(left, item.value, op) for item in right)
    return check(left, right, op)


def arithmetic(op: str, left: Value, right: Value) -> float:
    x, y = to_number(left), to_number(right)
    if op == "+":
        return x + y
    if op == "-":
        return x - y
    if op == "*":
        return x * y
    if op == "div":
        if y == 0:
            if x == 0 or math.isnan(x):
                return math.nan
            return math.copysign(math.inf, x) * math.copysign(1.0, y)
        return x / y
    # mod: XPath keeps the sign of the dividend, like math.fmod
    if y == 0 or math.isinf(x) or math.isnan(y):
        return math.nan
    return math.fmod(x, y)


def selected_values(value: Value) -> list[str]:
    """The chosen codes of a select_multiple answer (list or space-separated text)."""
    value = first(value)
    if isinstance(value, list):
        return [str(v) for v in value]
    return to_string(value).split()
