"""Reading the values of definition keys: texts, expressions, checks, and unknown keys.

Shared by the loader's node building and the table expansion (:mod:`matrix`), so every
key is read and checked the same way wherever it appears.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable, Mapping
from typing import Any

from desa_app.core.instrument import keys as K
from desa_app.core.instrument.errors import ProblemList
from desa_app.core.instrument.expr import ExpressionError, parse
from desa_app.core.instrument.expr.ast import Call, Ref
from desa_app.core.instrument.model import (
    DEFAULT_LANGUAGE,
    Check,
    ChoiceList,
    Expression,
    FieldType,
    Severity,
    Text,
)
from desa_app.core.instrument.prefill_spec import FigureSpec, SpecError, parse_figure
from desa_app.core.instrument.values_io import appearance_problem
from desa_app.core.instrument.yaml_lines import LineDict


def line_of(item: Any, key: str | None = None) -> int:
    """Line of a mapping (or of one of its keys) in the definition file; 0 if unknown."""
    if isinstance(item, LineDict):
        if key is not None and key in item.key_lines:
            return item.key_lines[key]
        return item.line
    return int(getattr(item, "line", 0))


class ValueReader:
    """Reads key values of definition items, reporting problems with their line."""

    def __init__(self, problems: ProblemList) -> None:
        self.problems = problems
        self.languages: dict[str, None] = {}
        self.default_language = "Indonesia"
        self.choice_lists: dict[str, ChoiceList] = {}

    def text(self, item: Mapping[str, Any], key: str) -> Text:
        values: dict[str, str] = {}
        for raw_key, value in item.items():
            base, language = K.split_language(str(raw_key))
            if base != key or value is None:
                continue
            if language == self.default_language:
                language = DEFAULT_LANGUAGE
            if language:
                self.languages.setdefault(language, None)
            values[language] = str(value).strip()
        return Text(values)

    def expression(
        self, item: Mapping[str, Any], key: str, name: str, *, allow_columns: bool = False
    ) -> Expression | None:
        raw = item.get(key)
        if raw is None or str(raw).strip() == "":
            return None
        source = scalar_text(raw)
        line = line_of(item, key)
        try:
            tree = parse(source, allow_columns=allow_columns)
        except ExpressionError as exc:
            self.problems.add(line, name, f"{key}: {exc}")
            return None
        return Expression(source, tree, line, key)

    def required(self, item: Mapping[str, Any], name: str) -> Expression | None:
        raw = item.get("required")
        if raw is None or str(raw).strip().lower() in ("", "no", "false", "false()", "tidak"):
            return None
        if str(raw).strip().lower() in ("yes", "true", "true()", "ya"):
            raw_item = {"required": "true()"}
            expr = self.expression(raw_item, "required", name)
            if expr is not None:
                expr.line = line_of(item, "required")
            return expr
        return self.expression(item, "required", name)

    def default_expression(
        self, item: Mapping[str, Any], name: str, default: str | None
    ) -> Expression | None:
        """XLSForm reads a default as an expression only if it calls or references."""
        if default is None or ("(" not in default and "${" not in default):
            return None
        expr = self.expression({"default": default}, "default", name)
        if expr is not None:
            expr.line = line_of(item, "default")
            if not any(isinstance(n, Call | Ref) for n in expr.tree.walk()):
                return None
        return expr

    def checks(self, item: Mapping[str, Any], name: str) -> list[Check]:
        raw = item.get("checks")
        if raw is None:
            return []
        if not isinstance(raw, list):
            self.problems.add(line_of(item, "checks"), name, "'checks' harus berupa daftar")
            return []
        checks: list[Check] = []
        for entry in raw:
            if not isinstance(entry, Mapping):
                self.problems.add(line_of(entry), name, "setiap check harus berupa pemetaan")
                continue
            self.unknown_keys(entry, K.CHECK_KEYS, name, translatable=("message",))
            rule = self.expression(entry, "rule", name)
            message = self.text(entry, "message")
            severity = str(entry.get("severity", "error"))
            if rule is None:
                self.problems.add(line_of(entry), name, "check tanpa 'rule'")
                continue
            if not message:
                self.problems.add(line_of(entry), name, "check tanpa 'message'")
            if severity not in ("error", "warning"):
                self.problems.add(
                    line_of(entry, "severity"), name, "severity harus 'error' atau 'warning'"
                )
                severity = "error"
            checks.append(Check(rule, message, Severity(severity)))
        return checks

    def unknown_keys(
        self,
        item: Mapping[str, Any],
        allowed: frozenset[str],
        name: str,
        translatable: Iterable[str] = (),
    ) -> None:
        translatable = tuple(translatable)
        for key in item:
            base, language = K.split_language(str(key))
            if base in allowed and (not language or base in translatable):
                continue
            if language and base in allowed:
                message = f"kunci '{key}' tidak dapat diterjemahkan"
            else:
                message = f"kunci tidak dikenal '{key}'{self.suggest(str(key), allowed)}"
            self.problems.add(line_of(item, str(key)), name, message)

    @staticmethod
    def suggest(word: str, options: Iterable[str]) -> str:
        close = difflib.get_close_matches(word, list(options), n=1, cutoff=0.7)
        return f" (maksud Anda '{close[0]}'?)" if close else ""

    def check_appearance(self, item: Mapping[str, Any], name: str, kind: str) -> None:
        """Appearance words the engine acts on (``digits-N``) must be well formed."""
        appearance = item.get("appearance")
        if appearance is None:
            return
        try:
            field_type: FieldType | None = FieldType(kind)
        except ValueError:  # a group, repeat or table item
            field_type = None
        problem = appearance_problem(str(appearance), field_type)
        if problem:
            self.problems.add(line_of(item, "appearance"), name, problem)

    def figure(self, item: Mapping[str, Any], name: str, allowed: bool) -> FigureSpec | None:
        """The ``from_ddk`` of a question or grid column (only numbers can be counted)."""
        if "from_ddk" not in item:
            return None
        line = line_of(item, "from_ddk")
        if not allowed:
            self.problems.add(line, name, "from_ddk hanya untuk pertanyaan integer/decimal")
            return None
        if "calculation" in item:
            self.problems.add(line, name, "from_ddk tidak bisa pada pertanyaan yang dihitung "
                                          "(calculation)")
            return None
        try:
            return parse_figure(item["from_ddk"], line)
        except SpecError as error:
            self.problems.add(line, name, f"from_ddk: {error}")
            return None


def scalar_text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


def truthy(value: Any) -> bool:
    return str(value).strip().lower() in ("yes", "true", "true()", "ya", "1")
