"""Column names of our XLSForm files, shared by the exporter and the importer.

Standard XLSForm columns carry what ODK needs. Our own facts travel in ``desa_*``
columns, which pyxform ignores, so that a form exported and imported again is the same
definition: the original expression text (when the ODK version had to be rewritten),
rules ODK cannot express (warnings, rules on repeats), and table items.
"""

from __future__ import annotations

LANGUAGE_CODES = {"Indonesia": "id", "English": "en"}

EXPRESSION_COLUMNS = ("relevant", "constraint", "calculation", "choice_filter",
                      "repeat_count", "required", "default")

SURVEY_COLUMNS = ("type", "name", "label", "hint", "required", "required_message",
                  "relevant", "constraint", "constraint_message", "calculation",
                  "choice_filter", "repeat_count", "default", "appearance", "read_only")

EXTENSION_COLUMNS = ("no", "prodeskel", "unit", "note", "other_rows")
"""Our item keys, each written as ``desa_<key>``."""

GENERATED = "desa_generated"  # row made from a table item or write-in rows: skip on import
MATRIX = "desa_matrix"  # JSON of a count_per_option/grid item, on its begin_group row
CHECKS = "desa_checks"  # JSON list of checks
SETTINGS = "desa_settings"  # JSON of our settings that XLSForm has no column for
FROM_DDK = "desa_from_ddk"  # JSON of a village figure's from_ddk
CHOICE_JSON = "desa_json_"  # prefix: a choice column holding a mapping (ddk), as JSON
ORIGINAL = "desa_"  # prefix: desa_relevant holds our text when the ODK text differs


def language_column(key: str, language: str) -> str:
    """``label`` + ``English`` -> ``label::English (en)`` (pyxform wants a code)."""
    code = LANGUAGE_CODES.get(language)
    return f"{key}::{language} ({code})" if code else f"{key}::{language}"


def split_language_column(column: str) -> tuple[str, str]:
    """``label::English (en)`` -> (``label``, ``English``)."""
    base, sep, language = column.partition("::")
    if not sep:
        return column, ""
    language = language.strip()
    if language.endswith(")") and " (" in language:
        language = language[: language.rindex(" (")]
    return base.strip(), language
