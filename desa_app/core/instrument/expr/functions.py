"""The function library of the expression language.

Each function is total: whatever values it gets, it returns a value and never raises, so
an odd answer can never crash the form. Arity is checked when a definition is loaded.
Functions that read node-sets (``count``, ``sum`` ...) declare which arguments take one;
the compiler then evaluates ``${x}`` in those places over all repeat instances.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from functools import lru_cache
from typing import Any

from desa_app.core.instrument.expr.context import Context
from desa_app.core.instrument.expr.values import (
    EPOCH,
    Item,
    NodeSet,
    Value,
    first,
    selected_values,
    to_bool,
    to_date,
    to_number,
    to_string,
)

Impl = Callable[[Context, Sequence[Value]], Value]


@dataclass(frozen=True)
class Function:
    name: str
    min_args: int
    max_args: int | None  # None: any number
    impl: Impl
    nodeset_args: frozenset[int] = field(default=frozenset())
    """Argument positions that take a node-set (``-1``: every argument)."""

    def takes_nodeset(self, index: int) -> bool:
        return index in self.nodeset_args or -1 in self.nodeset_args


FUNCTIONS: dict[str, Function] = {}


def _register(
    name: str, min_args: int, max_args: int | None, nodesets: Sequence[int] = ()
) -> Callable[[Impl], Impl]:
    def decorate(impl: Impl) -> Impl:
        FUNCTIONS[name] = Function(name, min_args, max_args, impl, frozenset(nodesets))
        return impl

    return decorate


def _items(value: Value) -> list[Any]:
    if isinstance(value, NodeSet):
        return [item.value for item in value]
    return [first(value)]


# -- logic -------------------------------------------------------------------------------
@_register("if", 3, 3)
def _if(ctx: Context, a: Sequence[Value]) -> Value:
    return a[1] if to_bool(a[0]) else a[2]


@_register("not", 1, 1)
def _not(ctx: Context, a: Sequence[Value]) -> Value:
    return not to_bool(a[0])


@_register("true", 0, 0)
def _true(ctx: Context, a: Sequence[Value]) -> Value:
    return True


@_register("false", 0, 0)
def _false(ctx: Context, a: Sequence[Value]) -> Value:
    return False


@_register("boolean", 1, 1)
def _boolean(ctx: Context, a: Sequence[Value]) -> Value:
    return to_bool(a[0])


@_register("current", 0, 0)
def _current(ctx: Context, a: Sequence[Value]) -> Value:
    """The value of the question being checked, also inside a ``[...]`` filter."""
    current: Value = ctx.cur
    return current


@_register("coalesce", 2, 2)
def _coalesce(ctx: Context, a: Sequence[Value]) -> Value:
    return a[0] if to_string(a[0]) != "" else a[1]


# -- numbers -----------------------------------------------------------------------------
@_register("number", 1, 1)
def _number(ctx: Context, a: Sequence[Value]) -> Value:
    return to_number(a[0])


def _whole(rounding: Callable[[float], float]) -> Impl:
    """int/floor/ceiling: NaN and infinities pass through unchanged."""

    def impl(ctx: Context, a: Sequence[Value]) -> Value:
        x = to_number(a[0])
        return x if math.isnan(x) or math.isinf(x) else float(rounding(x))

    return impl


for _name, _rounding in (("int", math.trunc), ("floor", math.floor), ("ceiling", math.ceil)):
    _register(_name, 1, 1)(_whole(_rounding))


@_register("round", 1, 2)
def _round(ctx: Context, a: Sequence[Value]) -> Value:
    x = to_number(a[0])
    digits = to_number(a[1]) if len(a) > 1 else 0.0
    if math.isnan(x) or math.isinf(x) or math.isnan(digits) or abs(digits) > 15:
        return x
    factor = 10.0 ** int(digits)
    return math.floor(x * factor + 0.5) / factor


@_register("abs", 1, 1)
def _abs(ctx: Context, a: Sequence[Value]) -> Value:
    return abs(to_number(a[0]))


@_register("pow", 2, 2)
def _pow(ctx: Context, a: Sequence[Value]) -> Value:
    try:
        result = math.pow(to_number(a[0]), to_number(a[1]))
    except (OverflowError, ValueError):
        return math.nan
    return result


def _numbers(args: Sequence[Value]) -> list[float]:
    """Numbers of all arguments; blank answers are skipped, as in ``sum()``."""
    return [to_number(v) for arg in args for v in _items(arg) if to_string(v) != ""]


@_register("sum", 1, 1, nodesets=[0])
def _sum(ctx: Context, a: Sequence[Value]) -> Value:
    # An empty answer counts as nothing rather than turning the total into NaN: a
    # household total must not vanish because one member's cell is still blank.
    return math.fsum(to_number(v) for v in _items(a[0]) if to_string(v) != "")


@_register("count", 1, 1, nodesets=[0])
def _count(ctx: Context, a: Sequence[Value]) -> Value:
    return float(len(a[0])) if isinstance(a[0], NodeSet) else 1.0


@_register("count-non-empty", 1, 1, nodesets=[0])
def _count_non_empty(ctx: Context, a: Sequence[Value]) -> Value:
    return float(sum(1 for v in _items(a[0]) if to_string(v) != ""))


@_register("min", 1, None, nodesets=[-1])
def _min(ctx: Context, a: Sequence[Value]) -> Value:
    numbers = _numbers(a)
    if not numbers or any(math.isnan(x) for x in numbers):
        return math.nan
    return min(numbers)


@_register("max", 1, None, nodesets=[-1])
def _max(ctx: Context, a: Sequence[Value]) -> Value:
    numbers = _numbers(a)
    if not numbers or any(math.isnan(x) for x in numbers):
        return math.nan
    return max(numbers)


@_register("distinct-values", 1, 1, nodesets=[0])
def _distinct(ctx: Context, a: Sequence[Value]) -> Value:
    seen: dict[str, Item] = {}
    source = a[0] if isinstance(a[0], NodeSet) else NodeSet([Item(a[0], ())])
    for item in source:
        seen.setdefault(to_string(item.value), item)
    return NodeSet(seen.values())


# -- text --------------------------------------------------------------------------------
@_register("string", 1, 1)
def _string(ctx: Context, a: Sequence[Value]) -> Value:
    return to_string(a[0])


@_register("concat", 1, None)
def _concat(ctx: Context, a: Sequence[Value]) -> Value:
    return "".join(to_string(v) for v in a)


@_register("join", 2, 2, nodesets=[1])
def _join(ctx: Context, a: Sequence[Value]) -> Value:
    return to_string(a[0]).join(to_string(v) for v in _items(a[1]))


@_register("string-length", 1, 1)
def _string_length(ctx: Context, a: Sequence[Value]) -> Value:
    return float(len(to_string(a[0])))


@_register("substr", 2, 3)
def _substr(ctx: Context, a: Sequence[Value]) -> Value:
    text = to_string(a[0])
    start = to_number(a[1])
    end = to_number(a[2]) if len(a) > 2 else float(len(text))
    if math.isnan(start) or math.isnan(end):
        return ""
    lo = max(0, min(len(text), int(start)))
    hi = max(lo, min(len(text), int(end)))
    return text[lo:hi]


@_register("contains", 2, 2)
def _contains(ctx: Context, a: Sequence[Value]) -> Value:
    return to_string(a[1]) in to_string(a[0])


@_register("starts-with", 2, 2)
def _starts_with(ctx: Context, a: Sequence[Value]) -> Value:
    return to_string(a[0]).startswith(to_string(a[1]))


@_register("ends-with", 2, 2)
def _ends_with(ctx: Context, a: Sequence[Value]) -> Value:
    return to_string(a[0]).endswith(to_string(a[1]))


@_register("normalize-space", 1, 1)
def _normalize_space(ctx: Context, a: Sequence[Value]) -> Value:
    return " ".join(to_string(a[0]).split())


@_register("upper-case", 1, 1)
def _upper(ctx: Context, a: Sequence[Value]) -> Value:
    return to_string(a[0]).upper()


@_register("lower-case", 1, 1)
def _lower(ctx: Context, a: Sequence[Value]) -> Value:
    return to_string(a[0]).lower()


@lru_cache(maxsize=512)
def compile_regex(pattern: str) -> re.Pattern[str] | None:
    """Compile once; a bad pattern gives None (checked for literal patterns at load)."""
    try:
        return re.compile(pattern)
    except (re.error, RecursionError, OverflowError):
        return None


@_register("regex", 2, 2)
def _regex(ctx: Context, a: Sequence[Value]) -> Value:
    pattern = compile_regex(to_string(a[1]))
    return bool(pattern and pattern.search(to_string(a[0])))


# -- choices -----------------------------------------------------------------------------
@_register("selected", 2, 2)
def _selected(ctx: Context, a: Sequence[Value]) -> Value:
    return to_string(a[1]).strip() in selected_values(a[0])


@_register("count-selected", 1, 1)
def _count_selected(ctx: Context, a: Sequence[Value]) -> Value:
    return float(len(selected_values(a[0])))


@_register("selected-at", 2, 2)
def _selected_at(ctx: Context, a: Sequence[Value]) -> Value:
    values = selected_values(a[0])
    index = to_number(a[1])
    if math.isnan(index) or not 0 <= index < len(values):
        return ""
    return values[int(index)]


# -- dates -------------------------------------------------------------------------------
@_register("today", 0, 0)
def _today(ctx: Context, a: Sequence[Value]) -> Value:
    today: date = ctx.state.today
    return today


@_register("now", 0, 0)
def _now(ctx: Context, a: Sequence[Value]) -> Value:
    return datetime.combine(ctx.state.today, datetime.now().time())


@_register("date", 1, 1)
def _date(ctx: Context, a: Sequence[Value]) -> Value:
    parsed = to_date(a[0])
    return parsed if parsed is not None else ""


@_register("decimal-date-time", 1, 1)
def _decimal_date_time(ctx: Context, a: Sequence[Value]) -> Value:
    parsed = to_date(a[0])
    return float((parsed - EPOCH).days) if parsed else math.nan


_MONTHS_ID = (
    "Januari", "Februari", "Maret", "April", "Mei", "Juni",
    "Juli", "Agustus", "September", "Oktober", "November", "Desember",
)


@_register("format-date", 2, 2)
def _format_date(ctx: Context, a: Sequence[Value]) -> Value:
    parsed = to_date(a[0])
    if parsed is None:
        return ""
    replacements = {
        "%Y": f"{parsed.year:04d}", "%y": f"{parsed.year % 100:02d}",
        "%m": f"{parsed.month:02d}", "%n": str(parsed.month),
        "%d": f"{parsed.day:02d}", "%e": str(parsed.day),
        "%b": _MONTHS_ID[parsed.month - 1][:3], "%B": _MONTHS_ID[parsed.month - 1],
    }
    return re.sub(r"%[YymndebB]", lambda m: replacements[m.group(0)], to_string(a[1]))


def completed_years(born: date, on: date) -> int:
    """Age in whole years, counting birthdays exactly (29 Feb birthdays on 1 Mar)."""
    years = on.year - born.year
    if (on.month, on.day) < (born.month, born.day):
        years -= 1
    return years


@_register("age", 1, 2)
def _age(ctx: Context, a: Sequence[Value]) -> Value:
    """Completed years between a birth date and today (or the date given second)."""
    born = to_date(a[0])
    on = to_date(a[1]) if len(a) > 1 else ctx.state.today
    if born is None or on is None:
        return math.nan
    return float(completed_years(born, on))


# -- repeat position and environment ------------------------------------------------------
@_register("position", 0, 0)
def _position(ctx: Context, a: Sequence[Value]) -> Value:
    return float(ctx.key[-1] + 1) if ctx.key else 1.0


@_register("village", 1, 1)
def _village(ctx: Context, a: Sequence[Value]) -> Value:
    """Facts about the village the record belongs to (``code``, ``name`` ...)."""
    found: str = ctx.state.village.get(to_string(a[0]), "")
    return found
