"""What changed between two versions of a record's answers, in words a verifier reads.

The Tim returns a household; the Pokja corrects it; the Tim must see exactly what was
corrected: each changed question with its label and number, the old and the new answer
as shown on screen (choice labels, dates as dd/mm/yyyy), member questions named by the
member's position.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from desa_app.core.instrument.model import DEFAULT_LANGUAGE, Field, FieldType, Instrument, Repeat

_ISO_DATE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")


@dataclass(frozen=True)
class Change:
    path: str  # anggota[2]/nik
    label: str  # "2.1.2 Nomor Induk Kependudukan (NIK) — anggota ke-2"
    old: str  # as shown ("" when it was empty)
    new: str


def shown(instrument: Instrument, field: Field | None, value: Any,
          language: str = DEFAULT_LANGUAGE) -> str:
    """An answer as the screen shows it."""
    if value is None or value == "" or value == []:
        return ""
    choices = instrument.choices_of(field) if field is not None else None
    if choices is not None:
        codes = value if isinstance(value, list) else [value]
        return "; ".join(f"{c}. {choices.label(str(c), language)}" for c in codes)
    if field is not None and field.type is FieldType.DATE and isinstance(value, str):
        match = _ISO_DATE.match(value)
        if match:
            return f"{match.group(3)}/{match.group(2)}/{match.group(1)}"
    if isinstance(value, float):
        return f"{value:g}".replace(".", ",")
    return str(value)


def _label(node: Field | None, name: str, language: str) -> str:
    if node is None:
        return name
    number = f"{node.number} " if node.number else ""
    return f"{number}{node.label.get(language) or name}"


def answer_changes(instrument: Instrument, old: dict[str, Any], new: dict[str, Any],
                   language: str = DEFAULT_LANGUAGE) -> list[Change]:
    """Every answer that differs, in questionnaire order (members after the household)."""
    changes: list[Change] = []
    order = {node.name: index for index, node in enumerate(instrument.order)}
    names = sorted(set(old) | set(new), key=lambda n: (order.get(n, len(order)), n))
    for name in names:
        node = instrument.nodes.get(name)
        before, after = old.get(name), new.get(name)
        if isinstance(node, Repeat):
            changes.extend(_repeat_changes(instrument, node, before, after, language))
        elif before != after:
            field = node if isinstance(node, Field) else None
            changes.append(Change(name, _label(field, name, language),
                                  shown(instrument, field, before, language),
                                  shown(instrument, field, after, language)))
    return changes


def _repeat_changes(instrument: Instrument, repeat: Repeat, before: Any, after: Any,
                    language: str) -> list[Change]:
    old_list = before if isinstance(before, list) else []
    new_list = after if isinstance(after, list) else []
    changes = []
    order = {node.name: index for index, node in enumerate(instrument.order)}
    for index in range(max(len(old_list), len(new_list))):
        old_item = old_list[index] if index < len(old_list) else None
        new_item = new_list[index] if index < len(new_list) else None
        member = f"{repeat.label.get(language) or repeat.name} ke-{index + 1}"
        path = f"{repeat.name}[{index + 1}]"
        if old_item is None or new_item is None:
            changes.append(Change(path, member, "" if old_item is None else "(ada)",
                                  "" if new_item is None else "(baru)"))
            continue
        if not isinstance(old_item, dict) or not isinstance(new_item, dict):
            continue
        names = sorted(set(old_item) | set(new_item),
                       key=lambda n: (order.get(n, len(order)), n))
        for name in names:
            if old_item.get(name) == new_item.get(name):
                continue
            node = instrument.nodes.get(name)
            field = node if isinstance(node, Field) else None
            changes.append(Change(
                f"{path}/{name}", f"{_label(field, name, language)} — {member}",
                shown(instrument, field, old_item.get(name), language),
                shown(instrument, field, new_item.get(name), language)))
    return changes
