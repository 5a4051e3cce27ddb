"""Write an instrument as an XLSForm workbook (survey, choices, settings).

The file converts with pyxform, so the same questionnaire can be filled in ODK Collect
or KoboToolbox; ``import-xlsform`` reads it back to the same definition.
"""

from __future__ import annotations

import csv
import json
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.styles import Font

from desa_app.core.instrument.model import (
    DEFAULT_LANGUAGE,
    Container,
    Expression,
    Field,
    Group,
    Instrument,
    Matrix,
    Node,
    Repeat,
    Severity,
    Text,
)
from desa_app.core.instrument.xlsform import columns as C
from desa_app.core.instrument.xlsform.xpath import XPathWriter

Row = dict[str, Any]


class _SurveyWriter:
    def __init__(self, instrument: Instrument) -> None:
        self.instrument = instrument
        self.xpath = XPathWriter(instrument)
        self.rows: list[Row] = []

    def text(self, row: Row, key: str, text: Text) -> None:
        for language, value in text.values.items():
            if value:
                column = key if language == DEFAULT_LANGUAGE else C.language_column(key, language)
                row[column] = value

    def expression(self, row: Row, key: str, expr: Expression | None) -> None:
        if expr is None:
            return
        translated = self.xpath.translate(expr.tree, expr.source)
        row[key] = translated
        if translated != expr.source:
            row[C.ORIGINAL + key] = expr.source

    def node_row(self, node: Node, row_type: str) -> Row:
        row: Row = {"type": row_type, "name": node.name}
        self.text(row, "label", node.label)
        self.text(row, "hint", node.hint)
        self.expression(row, "relevant", node.relevant)
        if node.appearance:
            row["appearance"] = node.appearance
        for key in C.EXTENSION_COLUMNS:
            value = node.spec.get(key)
            if value not in (None, ""):
                row["desa_" + key] = value
        if "from_ddk" in node.spec:
            row[C.FROM_DDK] = json.dumps(_plain(node.spec["from_ddk"]), ensure_ascii=False)
        if node.checks:
            row[C.CHECKS] = json.dumps(
                [_check_json(c) for c in node.checks], ensure_ascii=False
            )
        if not node.spec:
            row[C.GENERATED] = "yes"
        return row

    def write(self, container: Container) -> None:
        for node in container.children:
            if isinstance(node, Matrix):
                row = self.node_row(node, "begin_group")
                row.setdefault("appearance", "field-list")
                row.pop(C.CHECKS, None)
                row[C.MATRIX] = json.dumps(_plain(node.spec), ensure_ascii=False)
                self.rows.append(row)
                self.write(node)
                self.rows.append({"type": "end_group", C.GENERATED: "yes"})
            elif isinstance(node, Repeat):
                row = self.node_row(node, "begin_repeat")
                self.expression(row, "repeat_count", node.repeat_count)
                self.rows.append(row)
                self.write(node)
                self.rows.append({"type": "end_repeat"})
            elif isinstance(node, Group):
                self.rows.append(self.node_row(node, "begin_group"))
                self.write(node)
                self.rows.append({"type": "end_group"})
            elif isinstance(node, Field):
                self.rows.append(self.field_row(node))

    def field_row(self, field: Field) -> Row:
        row_type = f"{field.type.value} {field.list_name}" if field.list_name else field.type.value
        row = self.node_row(field, row_type)
        inside_matrix = isinstance(field.parent, Matrix)
        if inside_matrix:
            row.pop(C.CHECKS, None)
        if field.required is not None:
            if field.required.source == "true()":
                row["required"] = "yes"
            else:
                self.expression(row, "required", field.required)
        self.text(row, "required_message", field.required_message)
        self.expression(row, "calculation", field.calculation)
        self.expression(row, "choice_filter", field.choice_filter)
        if field.default is not None:
            if field.default_expr is not None:
                self.expression(row, "default", field.default_expr)
            else:
                row["default"] = field.default
        if field.read_only:
            row["read_only"] = "yes"
        self.constraint(row, field)
        return row

    def constraint(self, row: Row, field: Field) -> None:
        """ODK has one constraint: our error-level checks are folded into it."""
        errors = [c for c in field.checks if c.severity is Severity.ERROR]
        self.expression(row, "constraint", field.constraint)
        self.text(row, "constraint_message", field.constraint_message)
        if not errors:
            return
        parts = [field.constraint.tree] if field.constraint else []
        parts += [c.rule.tree for c in errors]
        row["constraint"] = " and ".join(f"({self.xpath.translate(p)})" for p in parts)
        row[C.ORIGINAL + "constraint"] = field.constraint.source if field.constraint else ""
        messages = [field.constraint_message.get()] if field.constraint else []
        messages += [c.message.get() for c in errors]
        row["constraint_message"] = " / ".join(m for m in messages if m)
        if field.constraint_message:
            row[C.ORIGINAL + "constraint_message"] = field.constraint_message.get()


def _check_json(check: Any) -> dict[str, Any]:
    data: dict[str, Any] = {"rule": check.rule.source, "severity": check.severity.value}
    for language, text in check.message.values.items():
        data["message" if language == DEFAULT_LANGUAGE else f"message::{language}"] = text
    return data


def _plain(value: Any) -> Any:
    """Definition items as plain JSON types (YAML mappings keep line numbers)."""
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_plain(v) for v in value]
    return value


def _choices_rows(instrument: Instrument) -> list[Row]:
    rows: list[Row] = []
    for choice_list in instrument.choice_lists.values():
        for choice in choice_list.choices:
            row: Row = {"list_name": choice_list.name, "name": choice.name}
            for language, value in choice.label.values.items():
                column = "label" if language == DEFAULT_LANGUAGE else C.language_column(
                    "label", language
                )
                row[column] = value
            for key, value in choice.extra.items():
                if isinstance(value, (dict, list)):
                    row[C.CHOICE_JSON + key] = json.dumps(_plain(value), ensure_ascii=False)
                else:
                    row[key] = value
            rows.append(row)
    return rows


def _sheet(workbook: Workbook, title: str, rows: list[Row], first: tuple[str, ...]) -> None:
    sheet = workbook.create_sheet(title)
    columns: dict[str, None] = dict.fromkeys(c for c in first if any(c in r for r in rows))
    for row in rows:
        columns.update(dict.fromkeys(row))
    header = list(columns)
    sheet.append(header)
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for row in rows:
        sheet.append([_cell(row.get(column)) for column in header])
    sheet.freeze_panes = "A2"


def _cell(value: Any) -> Any:
    if value is None or isinstance(value, str | int | float):
        return value
    return str(value)


def export_xlsform(
    instrument: Instrument, path: Path, village: dict[str, str] | None = None
) -> list[Path]:
    """Write the workbook (and the CSV attachments its pulldata() calls need).

    Returns the files written. ``village`` fills ``village.csv`` (code, name ...).
    """
    writer = _SurveyWriter(instrument)
    writer.write(instrument.root)
    workbook = Workbook()
    workbook.remove(workbook.worksheets[0])
    _sheet(workbook, "survey", writer.rows, C.SURVEY_COLUMNS)
    _sheet(workbook, "choices", _choices_rows(instrument), ("list_name", "name", "label"))
    settings = instrument.settings
    ours = {k: v for k, v in settings.items()
            if k not in ("form_id", "version", "form_title", "default_language")}
    settings_row: Row = {
        "form_id": instrument.id,
        "version": instrument.version,
        "form_title": instrument.title.get(),
        "default_language": f"{instrument.languages[0]} (id)"
        if instrument.languages[0] == "Indonesia" else instrument.languages[0],
    }
    if ours:
        settings_row[C.SETTINGS] = json.dumps(_plain(ours), ensure_ascii=False)
    _sheet(workbook, "settings", [settings_row], tuple(settings_row))
    path.parent.mkdir(parents=True, exist_ok=True)
    workbook.save(path)
    written = [path]
    if "wilayah" in writer.xpath.used_files:
        written.append(_write_wilayah_csv(path.parent / "wilayah.csv"))
    if "village" in writer.xpath.used_files:
        written.append(_write_village_csv(path.parent / "village.csv", village or {}))
    return written


def _write_wilayah_csv(path: Path) -> Path:
    from desa_app.core.identity import default_resources_dir

    source = default_resources_dir() / "wilayah" / "wilayah_kemendagri_2025.csv"
    path.write_bytes(source.read_bytes())
    return path


def _write_village_csv(path: Path, village: dict[str, str]) -> Path:
    keys = ("code", "name", "kecamatan", "kabupaten", "provinsi")
    with path.open("w", newline="", encoding="utf-8") as handle:
        out = csv.writer(handle)
        out.writerow(["key", "value"])
        for key in keys:
            out.writerow([key, village.get(key, "")])
    return path
