"""Converting what a user typed (or a file held) into the stored answer of a question type.

The GUI hands over text; imports hand over whatever a spreadsheet held. Both come here,
so "12", "12,5", "31/12/1990" and a Python date all end up stored the same way. What
cannot be converted is kept as typed (never thrown away) and reported by validation.
"""

from __future__ import annotations

import math
import re
from datetime import date, datetime
from typing import Any

from desa_app.core.instrument.expr.values import NodeSet
from desa_app.core.instrument.model import Field, FieldType

_INT_RE = re.compile(r"^[+-]?\d+$")
_DMY_RE = re.compile(r"^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$")


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


def _to_int(value: Any) -> Any:
    if isinstance(value, bool):
        return value
    if isinstance(value, int):
        return value
    if isinstance(value, float) and value.is_integer():
        return int(value)
    text = str(value).strip().replace(" ", "")
    # Indonesian thousands separators: 1.500.000
    if re.fullmatch(r"[+-]?\d{1,3}(\.\d{3})+", text):
        text = text.replace(".", "")
    return int(text) if _INT_RE.match(text) else str(value)


def _to_decimal(value: Any) -> Any:
    if isinstance(value, bool):
        return value
    if isinstance(value, int | float):
        return value
    text = str(value).strip().replace(" ", "")
    if re.fullmatch(r"[+-]?\d{1,3}(\.\d{3})+(,\d+)?", text):
        text = text.replace(".", "")
    text = text.replace(",", ".")
    try:
        number = float(text)
    except ValueError:
        return str(value)
    if math.isnan(number) or math.isinf(number):
        return str(value)
    return int(number) if number.is_integer() and "." not in text else number


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


def type_problem(field_type: FieldType, value: Any, choice_names: Any = None) -> str | None:
    """Indonesian message when a stored value does not fit its question type."""
    if field_type is FieldType.INTEGER and (isinstance(value, bool) or not isinstance(value, int)):
        return "Harus bilangan bulat (tanpa huruf atau koma)."
    if field_type is FieldType.DECIMAL and (
        isinstance(value, bool) or not isinstance(value, int | float)
    ):
        return "Harus berupa angka."
    if field_type is FieldType.DATE:
        try:
            date.fromisoformat(str(value))
        except ValueError:
            return "Tanggal tidak sah (tulis hari/bulan/tahun, mis. 31/12/1990)."
    if field_type is FieldType.SELECT_ONE and choice_names is not None and (
        str(value) not in choice_names
    ):
        return f"Kode {value} tidak ada dalam daftar pilihan."
    if field_type is FieldType.SELECT_MULTIPLE and choice_names is not None:
        if not isinstance(value, list):
            return "Jawaban pilihan ganda tidak sah."
        unknown = [v for v in value if str(v) not in choice_names]
        if unknown:
            return f"Kode {', '.join(map(str, unknown))} tidak ada dalam daftar pilihan."
    return None


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
