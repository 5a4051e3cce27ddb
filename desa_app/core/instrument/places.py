"""Where a question is, in the words of the paper form: for issue lists, notes and
messages that a user reads ("2.1.2 Nomor Induk Kependudukan (NIK), anggota ke-1").

The internal question name appears only for a node that has neither an item number nor
a label (a few helper calculations).

* A question with its own number: ``H.1 Nomor Kartu Keluarga``.
* A question without one: the nearest numbered group first, and the labelled groups
  between it and the question, ``I.1 Data Umum dan Batas Wilayah — Pengisi — Nama
  Pengisi``; a write-in line of a select: its question, ``1.3 Status Rumah —
  Lainnya 1 (sebutkan)``.
* A table cell (:class:`Matrix`): the table, the row (code and label, or ``Lainnya 1``
  for a write-in row) and the column (when the grid has more than one column or the
  column has a label): ``1.5 Kepemilikan Lahan — 1. Lahan Tanaman Pangan — Luas``.
* Inside a repeat, each instance: ``, anggota ke-2`` for the people repeat named in
  ``settings.person_index`` and ``, <label of the repeat> ke-2`` for any other.
"""

from __future__ import annotations

from desa_app.core.instrument.model import (
    Field,
    Instrument,
    Matrix,
    Node,
    Repeat,
)
from desa_app.core.messages import text_in

SEPARATOR = " — "

_WORD_KEYS = {"member": "instrument.place_member", "instance": "instrument.place_instance",
              "other": "instrument.place_other"}


def _words(language: str) -> dict[str, str]:
    """The words of a place in a definition language (``""`` Indonesian, ``English``)."""
    chosen = "en" if language == "English" else "id"
    return {what: text_in(chosen, key) for what, key in _WORD_KEYS.items()}


def _title(node: Node, language: str) -> str:
    """``number label`` of a node, either alone, or "" if it has neither."""
    return " ".join(part for part in (node.number, node.label.get(language)) if part)


def _context(node: Node, language: str) -> list[str]:
    """The groups a node without its own number sits in, outermost first: the nearest
    numbered one and the labelled groups between it and the node (repeats are named by
    their instance instead, the root not at all)."""
    if node.number:
        return []
    found: list[str] = []
    for ancestor in node.ancestors():
        if ancestor.parent is None:
            break  # the root
        if isinstance(ancestor, Repeat):
            continue
        title = _title(ancestor, language)
        if title:
            found.append(title)
        if ancestor.number:
            break
    return list(reversed(found))


def _with_context(node: Node, own: str, language: str) -> list[str]:
    """``own`` preceded by the groups it sits in when the node has no number."""
    return [*_context(node, language), own]


def _cell(instrument: Instrument, matrix: Matrix, field: Field, language: str) -> list[str]:
    parts = _with_context(matrix, _title(matrix, language) or matrix.name, language)
    row = str(field.extra.get("row", ""))
    if row in matrix.row_names:
        index = row[len("lain"):]
        parts.append(_words(language)["other"].format(n=index))
    else:
        choices = instrument.choice_lists.get(matrix.list_name)
        label = choices.label(row, language) if choices is not None else ""
        parts.append(f"{row}. {label}" if label and label != row else row)
    column_name = str(field.extra.get("column", ""))
    column = next((c for c in matrix.columns if c.name == column_name), None)
    if column is not None:
        label = column.label.get(language)
        if label:
            parts.append(label)
        elif len(matrix.columns) > 1:
            parts.append(column.name)
    return parts


def _parts(instrument: Instrument, node: Node, language: str) -> list[str]:
    parent = node.parent
    if isinstance(node, Field) and isinstance(parent, Matrix):
        if "row" in node.extra:
            return _cell(instrument, parent, node, language)
        # the written name of a write-in row
        table = _with_context(parent, _title(parent, language) or parent.name, language)
        return [*table, node.label.get(language) or node.name]
    other_of = node.extra.get("other_of")
    if other_of and other_of in instrument.nodes:
        question = instrument.nodes[str(other_of)]
        return [*_parts(instrument, question, language), node.label.get(language) or node.name]
    return _with_context(node, _title(node, language) or node.name, language)


def _instances(instrument: Instrument, node: Node, key: tuple[int, ...],
               language: str) -> list[str]:
    people = (instrument.settings.get("person_index") or {}).get("repeat")
    words = _words(language)
    found = []
    for repeat, index in zip(node.repeats, key, strict=False):
        if repeat is node:
            break  # a repeat's own rules are addressed at its parent's level
        if repeat.name == people:
            found.append(words["member"].format(n=index + 1))
        else:
            what = repeat.label.get(language) or repeat.name
            found.append(words["instance"].format(what=what, n=index + 1))
    return found


def place_of(instrument: Instrument, name: str, key: tuple[int, ...],
             language: str = "") -> str:
    """Where question (or group/repeat) ``name`` in instance ``key`` is, for a user.

    ``language`` is a label language of the definition (``""`` the default, or e.g.
    ``English``). An unknown name is returned as it is."""
    node = instrument.nodes.get(name)
    if node is None:
        return name
    place = SEPARATOR.join(part for part in _parts(instrument, node, language) if part)
    return ", ".join([place, *_instances(instrument, node, key, language)])
