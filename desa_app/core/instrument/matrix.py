"""Expansion of the DDK's table items into ordinary questions.

Many DDK items ask "how many per option" (1.7 ternak: a number beside each animal) or a
small table per option (1.6 produksi: luas panen, produksi, pemasaran per komoditas).
Rather than teach every layer (state, validation, export, XLSForm) a new kind of answer,
the loader expands such an item into one ordinary question per cell inside a
:class:`Matrix` group. The group remembers rows and columns so the screen and the
exports can lay the cells out as the paper table.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from desa_app.core.instrument import keys as K
from desa_app.core.instrument.expr import parse
from desa_app.core.instrument.loader_values import ValueReader, line_of
from desa_app.core.instrument.model import (
    DEFAULT_LANGUAGE,
    NUMERIC,
    Check,
    Expression,
    Field,
    FieldType,
    Matrix,
    MatrixColumn,
    Text,
)
from desa_app.core.instrument.prefill_spec import FigureSpec

OTHER_LABEL = {DEFAULT_LANGUAGE: "Lainnya {i} (sebutkan)", "English": "Other {i} (specify)"}


def _copy(expr: Expression | None) -> Expression | None:
    """Each cell gets its own Expression object (compiled for that cell) over one tree."""
    if expr is None:
        return None
    return Expression(expr.source, expr.tree, expr.line, expr.key)


def _copy_checks(checks: list[Check]) -> list[Check]:
    return [Check(_copy(c.rule) or c.rule, c.message, c.severity) for c in checks]


def _join(first: Text, second: Text) -> Text:
    languages = set(first.values) | set(second.values)
    return Text({lang: f"{first.get(lang)} — {second.get(lang)}" for lang in languages})


def _other_label(i: int) -> Text:
    return Text({lang: text.format(i=i) for lang, text in OTHER_LABEL.items()})


def _written_name_relevant(name_field: str, line: int) -> Expression:
    source = "${" + name_field + "} != ''"
    return Expression(source, parse(source), line, "relevant")


class _CellRules:
    """The rules (constraint, required, checks ...) every cell of a column shares."""

    def __init__(
        self, builder: ValueReader, spec: Mapping[str, Any], name: str,
        checks: list[Check] | None = None,
    ) -> None:
        self.constraint = builder.expression(spec, "constraint", name)
        self.constraint_message = builder.text(spec, "constraint_message")
        self.required = builder.required(spec, name)
        self.required_message = builder.text(spec, "required_message")
        self.checks = builder.checks(spec, name) if checks is None else checks
        self.hint = builder.text(spec, "hint") if checks is None else Text()
        self.appearance = str(spec.get("appearance") or "")
        self.extra = {k: spec[k] for k in ("unit", "prodeskel", "note") if k in spec}
        self.figure: FigureSpec | None = None

    def make(
        self, name: str, label: Text, field_type: FieldType, list_name: str | None,
        line: int, relevant: Expression | None = None,
    ) -> Field:
        return Field(
            name=name, label=label, hint=self.hint, relevant=relevant,
            appearance=self.appearance, line=line, extra=dict(self.extra),
            checks=_copy_checks(self.checks), type=field_type, list_name=list_name,
            required=_copy(self.required), required_message=self.required_message,
            constraint=_copy(self.constraint), constraint_message=self.constraint_message,
        )


def _columns(builder: ValueReader, item: Mapping[str, Any], name: str) -> list[
    tuple[MatrixColumn, _CellRules]
]:
    raw = item.get("columns")
    line = line_of(item, "columns")
    if not isinstance(raw, list) or not raw:
        builder.problems.add(line, name, "tipe grid perlu 'columns' (daftar kolom)")
        return []
    columns: list[tuple[MatrixColumn, _CellRules]] = []
    for spec in raw:
        if not isinstance(spec, Mapping):
            builder.problems.add(line_of(spec), name, "setiap kolom harus berupa pemetaan")
            continue
        builder.unknown_keys(spec, K.COLUMN_KEYS, name, translatable=K.TRANSLATABLE)
        column_name = str(spec.get("name", "")).strip()
        words = str(spec.get("type", "")).split()
        kind = K.TYPE_ALIASES.get(words[0], words[0]) if words else ""
        list_name = words[1] if len(words) == 2 else None
        ok_type = (kind in ("integer", "decimal", "text", "date") and len(words) == 1) or (
            kind in ("select_one", "select_multiple") and list_name is not None
        )
        if not column_name or not column_name.replace("_", "a").isalnum():
            builder.problems.add(line_of(spec), name, f"nama kolom tidak sah: {column_name!r}")
            continue
        if not ok_type:
            builder.problems.add(
                line_of(spec, "type"), name,
                f"kolom '{column_name}': tipe tidak sah '{' '.join(words)}'",
            )
            continue
        if list_name is not None and list_name not in builder.choice_lists:
            builder.problems.add(
                line_of(spec, "type"), name,
                f"kolom '{column_name}': daftar pilihan tidak dikenal '{list_name}'",
            )
            continue
        builder.check_appearance(spec, f"{name}.{column_name}", kind)
        column = MatrixColumn(
            column_name, builder.text(spec, "label"), FieldType(kind), list_name, dict(spec)
        )
        rules = _CellRules(builder, spec, f"{name}.{column_name}")
        rules.figure = builder.figure(spec, f"{name}.{column_name}",
                                      allowed=column.type in NUMERIC)
        columns.append((column, rules))
    return columns


def expand_matrix(
    builder: ValueReader, item: Mapping[str, Any], kind: str, list_name: str, common: dict[str, Any]
) -> Matrix:
    name = common["name"]
    line = common["line"]
    choices = builder.choice_lists[list_name].choices
    other_rows = _other_rows(builder, item, name)
    matrix = Matrix(kind=kind, list_name=list_name, other_rows=other_rows, **common)
    if kind == "count_per_option":
        rules = _CellRules(builder, item, name, checks=matrix.checks)
        rules.figure = builder.figure(item, name, allowed=True)
        columns = [(MatrixColumn("", Text(), FieldType.INTEGER), rules)]
        matrix.checks = []  # the rules belong to the cells, not to the group
    else:
        columns = _columns(builder, item, name)
        matrix.checks = []
        for key in ("constraint", "required", "checks"):
            if key in item:
                builder.problems.add(
                    line_of(item, key), name, f"'{key}' grid ditulis per kolom"
                )
    matrix.columns = tuple(column for column, _ in columns)
    rows = [(c.name, c.label) for c in choices]
    row_conditions = {c.name: c.ddk for c in choices if c.ddk}
    for i in range(1, other_rows + 1):
        row = f"lain{i}"
        name_field = f"{name}_{row}_nama"
        matrix.row_names[row] = name_field
        matrix.children.append(
            Field(name=name_field, label=_other_label(i), line=line, type=FieldType.TEXT)
        )
        rows.append((row, _other_label(i)))
    matrix.rows = tuple(row for row, _ in rows)
    for row, row_label in rows:
        relevant = (
            _written_name_relevant(matrix.row_names[row], line) if row in matrix.row_names else None
        )
        for column, rules in columns:
            cell = f"{name}_{row}_{column.name}" if column.name else f"{name}_{row}"
            label = _join(row_label, column.label) if column.name else row_label
            field = rules.make(cell, label, column.type, column.list_name, line, relevant)
            field.extra["row"] = row
            if rules.figure is not None and row in row_conditions:
                field.from_ddk = rules.figure.narrowed(row_conditions[row])
            field.extra["column"] = column.name
            matrix.cells[(row, column.name)] = cell
            matrix.children.append(field)
    for child in matrix.children:
        child.parent = matrix
    return matrix


def _other_rows(builder: ValueReader, item: Mapping[str, Any], name: str) -> int:
    raw = item.get("other_rows", 0)
    try:
        count = int(raw)
    except (TypeError, ValueError):
        count = -1
    if not 0 <= count <= 10:
        builder.problems.add(
            line_of(item, "other_rows"), name, "other_rows harus bilangan 0–10"
        )
        return 0
    return count


def other_row_fields(builder: ValueReader, item: Mapping[str, Any], field: Field) -> list[Field]:
    """Write-in lines ("lainnya, sebutkan") printed after a list of tick boxes."""
    fields = []
    for i in range(1, _other_rows(builder, item, field.name) + 1):
        fields.append(
            Field(
                name=f"{field.name}_lain{i}",
                label=_other_label(i),
                relevant=_copy(field.relevant),
                line=field.line,
                type=FieldType.TEXT,
                extra={"other_of": field.name},
            )
        )
    return fields
