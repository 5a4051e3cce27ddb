"""Read an XLSForm workbook into our YAML definition format.

Works for workbooks written by ``export-xlsform`` (their ``desa_*`` columns restore our
own text and table items exactly) and for ordinary XLSForms from ODK or KoboToolbox.
Question types we have no use for in a village profile (GPS, photo, audio ...) are
reported with their row, never silently dropped.
"""

from __future__ import annotations

import json
import zipfile
from pathlib import Path
from typing import Any

from openpyxl import load_workbook
from openpyxl.utils.exceptions import InvalidFileException

from desa_app.core.instrument import keys as K
from desa_app.core.instrument.errors import DefinitionProblem, FormDefinitionError, ProblemList
from desa_app.core.instrument.loader import load_instrument_text
from desa_app.core.instrument.xlsform import columns as C
from desa_app.core.instrument.yaml_writer import dump_definition

KNOWN_TYPES = {*K.BASE_TYPES, *K.LIST_TYPES, *K.STRUCTURE_TYPES}
SKIPPED_META = {"start", "end", "today", "deviceid", "username", "phonenumber",
                "simserial", "subscriberid", "email", "audit", "start-geopoint"}
ALIASES = {"begin group": "begin_group", "end group": "end_group",
           "begin repeat": "begin_repeat", "end repeat": "end_repeat",
           "select one": "select_one", "select multiple": "select_multiple",
           "constraint message": "constraint_message", "required message": "required_message",
           "repeat count": "repeat_count", "choice filter": "choice_filter",
           "list name": "list_name", "readonly": "read_only"}


def _rows(sheet: Any) -> list[tuple[int, dict[str, Any]]]:
    """(spreadsheet row number, {column: value}) for every non-empty row."""
    values = list(sheet.iter_rows(values_only=True))
    if not values:
        return []
    header = [ALIASES.get(str(h).strip(), str(h).strip()) if h is not None else ""
              for h in values[0]]
    rows = []
    for number, row in enumerate(values[1:], start=2):
        record = {
            column: value.strip() if isinstance(value, str) else value
            for column, value in zip(header, row, strict=False)
            if column and value is not None and value != ""
        }
        if record:
            rows.append((number, record))
    return rows


def _translations(record: dict[str, Any], default_language: str) -> dict[str, Any]:
    """``label::English (en)`` -> ``label::English``; the default language -> ``label``."""
    result: dict[str, Any] = {}
    for column, value in record.items():
        base, language = C.split_language_column(column)
        if language and language != default_language:
            result[f"{base}::{language}"] = value
        else:
            result.setdefault(base, value)
            if language:
                result[base] = value
    return result


def _text(value: Any) -> str:
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


class _SurveyReader:
    def __init__(self, problems: ProblemList, default_language: str) -> None:
        self.problems = problems
        self.default_language = default_language

    def read(self, rows: list[tuple[int, dict[str, Any]]]) -> list[dict[str, Any]]:
        items: list[dict[str, Any]] = []
        skip_depth = 0
        for number, raw in rows:
            record = _translations(raw, self.default_language)
            row_type = " ".join(_text(record.get("type", "")).split())
            for alias, canonical in ALIASES.items():
                if row_type.startswith(alias):
                    row_type = canonical + row_type[len(alias):]
            if skip_depth:
                if row_type.startswith("begin_"):
                    skip_depth += 1
                elif row_type.startswith("end_"):
                    skip_depth -= 1
                continue
            if C.MATRIX in record:
                items.append(self.matrix(number, record))
                skip_depth = 1
                continue
            if str(record.get(C.GENERATED, "")).lower() == "yes":
                continue
            item = self.item(number, record, row_type)
            if item is not None:
                items.append(item)
        return items

    def matrix(self, number: int, record: dict[str, Any]) -> dict[str, Any]:
        try:
            spec = json.loads(record[C.MATRIX])
        except (TypeError, ValueError):
            self.problems.add(number, str(record.get("name", "")), "desa_matrix bukan JSON")
            return {}
        return spec if isinstance(spec, dict) else {}

    def item(self, number: int, record: dict[str, Any], row_type: str) -> dict[str, Any] | None:
        name = _text(record.get("name", ""))
        kind = row_type.split(" ")[0] if row_type else ""
        if kind in SKIPPED_META:
            return None
        if kind not in KNOWN_TYPES:
            self.problems.add(number, name, f"tipe '{row_type}' tidak didukung desa-app")
            return None
        if row_type.endswith(" or_other"):
            row_type = row_type[: -len(" or_other")]
            record.setdefault("desa_other_rows", 1)
        item: dict[str, Any] = {"type": row_type}
        if name:
            item["name"] = name
        for column, value in record.items():
            base = column.split("::")[0]
            if column in ("type", "name") or column.startswith("desa_"):
                continue
            if base in C.SURVEY_COLUMNS or base in ("label", "hint", "constraint_message",
                                                   "required_message", "media"):
                if base == "media":
                    continue
                item[column] = _text(value) if not isinstance(value, str) else value
            else:
                self.problems.add(number, name, f"kolom '{column}' tidak didukung")
        for key in (*C.EXPRESSION_COLUMNS, "constraint_message"):
            original = record.get(C.ORIGINAL + key)
            if original is not None:
                item[key] = original
            elif C.ORIGINAL + key in record:
                item.pop(key, None)
        if C.CHECKS in record:
            try:
                item["checks"] = json.loads(record[C.CHECKS])
            except (TypeError, ValueError):
                self.problems.add(number, name, "desa_checks bukan JSON")
                item["checks"] = []
            if any(c.get("severity", "error") == "error" for c in item["checks"]
                   if isinstance(c, dict)):
                # the exporter folded these into constraint: take the author's own back
                for key in ("constraint", "constraint_message"):
                    if record.get(C.ORIGINAL + key):
                        item[key] = record[C.ORIGINAL + key]
                    else:
                        item.pop(key, None)
        if C.FROM_DDK in record:
            try:
                item["from_ddk"] = json.loads(record[C.FROM_DDK])
            except (TypeError, ValueError):
                self.problems.add(number, name, "desa_from_ddk bukan JSON")
        for key in C.EXTENSION_COLUMNS:
            if "desa_" + key in record:
                value = record["desa_" + key]
                item[key] = int(value) if key == "other_rows" else _text(value)
        for key in ("required", "read_only"):
            if isinstance(item.get(key), bool):
                item[key] = "yes" if item[key] else "no"
        item["__row__"] = number
        return item


def _nest(items: list[dict[str, Any]], problems: ProblemList) -> list[dict[str, Any]]:
    top: list[dict[str, Any]] = []
    stack: list[list[dict[str, Any]]] = [top]
    for item in items:
        item.pop("__row__", None)
        kind = str(item.get("type", ""))
        if kind in ("end_group", "end_repeat"):
            if len(stack) > 1:
                stack.pop()
            continue
        stack[-1].append(item)
        if kind in ("begin_group", "begin_repeat"):
            item["children"] = []
            stack.append(item["children"])
    return top


def read_xlsform(path: Path) -> dict[str, Any]:
    """The workbook as a definition mapping (not yet checked)."""
    source = str(path)
    try:
        workbook = load_workbook(path, read_only=True, data_only=True)
    except (InvalidFileException, zipfile.BadZipFile, OSError, KeyError, ValueError) as exc:
        message = f"bukan berkas Excel (.xlsx) yang dapat dibaca: {exc}"
        raise FormDefinitionError([DefinitionProblem(source, 0, "", message)]) from exc
    problems = ProblemList(source)
    if "survey" not in workbook.sheetnames:
        raise FormDefinitionError([DefinitionProblem(source, 0, "", "lembar 'survey' tidak ada")])
    settings_rows = _rows(workbook["settings"]) if "settings" in workbook.sheetnames else []
    settings_raw = settings_rows[0][1] if settings_rows else {}
    default_language = C.split_language_column(
        "x::" + _text(settings_raw.get("default_language", "Indonesia"))
    )[1] or "Indonesia"
    settings: dict[str, Any] = {}
    for key in ("form_id", "version", "form_title"):
        if key in settings_raw:
            settings[key] = _text(settings_raw[key])
    settings.setdefault("form_id", path.stem.replace("-", "_").replace(" ", "_"))
    settings.setdefault("version", "1")
    settings["default_language"] = default_language
    if C.SETTINGS in settings_raw:
        try:
            settings.update(json.loads(settings_raw[C.SETTINGS]))
        except (TypeError, ValueError):
            problems.add(2, "", "desa_settings bukan JSON")
    choices: dict[str, list[dict[str, Any]]] = {}
    if "choices" in workbook.sheetnames:
        for _number, raw in _rows(workbook["choices"]):
            record = _translations(raw, default_language)
            list_name = _text(record.pop("list_name", ""))
            choice = {k: _text(v) for k, v in record.items()
                      if not k.startswith(C.CHOICE_JSON)}
            for key, value in record.items():
                if key.startswith(C.CHOICE_JSON):
                    try:
                        choice[key.removeprefix(C.CHOICE_JSON)] = json.loads(str(value))
                    except ValueError:
                        problems.add(_number, "", f"{key} bukan JSON")
            if list_name:
                choices.setdefault(list_name, []).append(choice)
    survey = _SurveyReader(problems, default_language).read(_rows(workbook["survey"]))
    workbook.close()
    problems.raise_if_any()
    return {"settings": settings, "choices": choices, "survey": _nest(survey, problems)}


def import_xlsform(path: Path, out: Path) -> str:
    """Convert an XLSForm to YAML, check it with the strict loader, then write it."""
    definition = read_xlsform(path)
    header = f"# Diimpor dari {path.name} dengan `desa-app forms import-xlsform`.\n"
    text = dump_definition(definition, header)
    load_instrument_text(text, str(out))  # refuse to write a definition that does not load
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(text, encoding="utf-8")
    return text
