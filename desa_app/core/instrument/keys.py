"""The keys a definition may use, in one place (the loader and the XLSForm bridge share it).

Keys follow the XLSForm column names so anyone who knows ODK/KoboToolbox reads our
definitions at once. The few extensions are listed separately and documented in
``docs/forms.md``.
"""

from __future__ import annotations

TRANSLATABLE = ("label", "hint", "constraint_message", "required_message")
"""Keys that may carry a language suffix, e.g. ``label::English``."""

EXPRESSION_KEYS = ("relevant", "constraint", "calculation", "choice_filter", "repeat_count")

XLSFORM_FIELD_KEYS = frozenset(
    {
        "type", "name", "label", "hint", "required", "required_message", "relevant",
        "constraint", "constraint_message", "calculation", "choice_filter", "repeat_count",
        "default", "appearance", "read_only",
    }
)

EXTENSION_FIELD_KEYS = frozenset(
    {
        "no",  # item number printed on the paper form (1.7, 2.1.5)
        "prodeskel",  # field name on the Prodeskel website (d026 ...)
        "unit",  # unit the answer is in (ekor, Rp per bulan, m2)
        "note",  # remark for the codebook (why a rule exists, source caveats)
        "checks",  # further rules: list of {rule, message, severity}
        "columns",  # grid items: what is asked per row
        "other_rows",  # number of write-in rows ("lainnya") printed on the form
        "children",  # nested group/repeat content instead of begin/end pairs
        "from_ddk",  # village forms: the figure counted from verified DDK households
    }
)

FIELD_KEYS = XLSFORM_FIELD_KEYS | EXTENSION_FIELD_KEYS

COLUMN_KEYS = frozenset(
    {"name", "type", "label", "hint", "constraint", "constraint_message", "required",
     "required_message", "appearance", "unit", "checks", "note", "prodeskel", "from_ddk"}
)

CHECK_KEYS = frozenset({"rule", "message", "severity"})

CHOICE_KEYS = frozenset({"name", "label", "prodeskel", "unit", "note", "ddk"})
"""Choice columns; further columns for choice filters are declared in settings."""

SETTINGS_KEYS = frozenset(
    {"form_id", "version", "form_title", "default_language", "kind", "description",
     "choice_columns", "instance_name", "prodeskel", "record_keys", "person_index", "rekap",
     "prefill_from"}
)

RECORD_KEYS = frozenset({"no_kk", "nama_kk", "dusun", "rt", "rw", "members", "period"})
"""settings.record_keys: which questions the household list shows (``members``: a repeat;
``period``: the year a village-level record is for)."""

PERSON_INDEX_KEYS = frozenset(
    {"repeat", "nik", "name", "sex", "birth_date", "relation", "head_code"})
"""settings.person_index: the repeat of people and its questions, for NIK checks/search."""

TOP_LEVEL_KEYS = frozenset({"settings", "choices", "survey"})

BASE_TYPES = ("text", "integer", "decimal", "date", "note", "calculate")
LIST_TYPES = ("select_one", "select_multiple", "count_per_option", "grid")
STRUCTURE_TYPES = ("begin_group", "end_group", "begin_repeat", "end_repeat")
TYPE_ALIASES = {
    "begin group": "begin_group", "end group": "end_group",
    "begin repeat": "begin_repeat", "end repeat": "end_repeat",
    "int": "integer", "string": "text",
}

ONLY_FOR = {
    "repeat_count": ("begin_repeat",),
    "choice_filter": ("select_one", "select_multiple"),
    "columns": ("grid",),
    "other_rows": ("select_multiple", "select_one", "count_per_option", "grid"),
    "calculation": ("calculate", "text", "integer", "decimal", "date"),
}


def split_language(key: str) -> tuple[str, str]:
    """``label::English`` -> (``label``, ``English``); plain keys have language ``""``."""
    base, sep, language = key.partition("::")
    return (base, language.strip()) if sep else (key, "")
