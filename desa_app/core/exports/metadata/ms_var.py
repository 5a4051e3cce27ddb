"""MS-Var (metadata variabel, Satu Data Indonesia) generated from a form definition.

Under Satu Data Indonesia every variable a government body collects is described by
its MS-Var: name, alias, concept, definition, time reference, data type, value domain,
validation rules and the question asked. Writing these by hand for 865 DDK variables
would drift from the form at the first revision, so they are read from the definition,
as the codebook is: one entry per exported variable, a grid or "how many per option"
item giving one variable per cell (that is how the cells appear in the data).
"""

from __future__ import annotations

import re
from typing import Any

from desa_app.core.instrument.model import (
    Choice,
    ChoiceList,
    Container,
    Field,
    FieldType,
    Instrument,
    Matrix,
    Repeat,
    Severity,
)

TYPE_NAMES = {
    FieldType.TEXT: "Karakter",
    FieldType.INTEGER: "Numerik (bilangan bulat)",
    FieldType.DECIMAL: "Numerik (desimal)",
    FieldType.DATE: "Tanggal (TTTT-BB-HH)",
    FieldType.SELECT_ONE: "Kategorik (satu kode)",
    FieldType.SELECT_MULTIPLE: "Kategorik (satu kode atau lebih)",
}
NUMERIC = frozenset({FieldType.INTEGER, FieldType.DECIMAL, FieldType.CALCULATE})
TEXT_FUNCTIONS = ("wilayah-name", "concat", "substr", "format-date", "string",
                  "normalize-space", "upper-case", "lower-case", "jr:choice-name")
"""A calculation whose outermost function is one of these yields text, not a number."""
UNIT_IN_LABEL = re.compile(r"\(([^()]{1,15})\)\s*$")
""""Umur (tahun)", "Luas Panen (m2)": a short word in brackets ending a numeric label."""
NOT_UNITS = frozenset({"sebutkan", "jika ada", "lainnya"})
WHEN_ASKED = "Keadaan pada saat pendataan (bulan dan tahun pendataan pada formulir)"
PER_MONTH = "Per bulan, keadaan pada saat pendataan"
PER_YEAR = "Satu tahun terakhir sampai saat pendataan"


def _text(value: Any) -> str:
    return str(value) if value not in (None, "") else ""


def _matrix(field: Field) -> Matrix | None:
    return field.parent if isinstance(field.parent, Matrix) else None


def _row_choice(instrument: Instrument, field: Field) -> Choice | None:
    """The option (row) of a grid cell: carries the commodity's unit (Kg/Th ...)."""
    matrix = _matrix(field)
    if matrix is None or "row" not in field.extra:
        return None
    choices = instrument.choice_lists.get(matrix.list_name)
    return choices.by_name.get(str(field.extra["row"])) if choices else None


def variable_name(field: Field) -> str:
    """What the variable is called: a cell is named with its table (Tanaman Pangan — …)."""
    label = field.label.get() or field.name
    matrix = _matrix(field)
    if matrix is not None and matrix.label:
        return f"{matrix.label.get()} — {label}"
    return label


def item_number(field: Field) -> str:
    matrix = _matrix(field)
    return field.number or (matrix.number if matrix is not None else "")


def _path(field: Field) -> str:
    """The sections the variable sits in, outermost first (where to find it on paper)."""
    parts = []
    for node in reversed(list(field.ancestors())):
        if node.parent is None or not node.label:
            continue
        number = f"{node.number} " if node.number else ""
        parts.append(f"{number}{node.label.get()}")
    return " › ".join(parts)


def unit_of(instrument: Instrument, field: Field) -> str:
    """Unit of measure when known: the definition's ``unit``, the row's, or the label's."""
    if field.extra.get("unit"):
        return str(field.extra["unit"])
    if field.type not in NUMERIC:
        return ""
    row = _row_choice(instrument, field)
    if row is not None and row.extra.get("unit"):
        return str(row.extra["unit"])
    found = UNIT_IN_LABEL.search(field.label.get())
    if found and found.group(1).strip().lower() not in NOT_UNITS:
        return found.group(1).strip()
    return ""


def data_type(field: Field) -> str:
    if field.type is FieldType.CALCULATE:
        source = field.calculation.source.strip() if field.calculation else ""
        kind = "Karakter" if source.startswith(TEXT_FUNCTIONS) else "Numerik"
        return f"{kind} (dihitung)"
    return TYPE_NAMES.get(field.type, str(field.type))


def time_reference(field: Field, unit: str) -> str:
    """DDK describes a household as it is when visited; flows are per month or per year."""
    lowered = unit.lower().replace(" ", "")
    if "/bulan" in lowered or "/bln" in lowered:
        return PER_MONTH
    if "/th" in lowered or "/tahun" in lowered:
        return PER_YEAR
    if any("tahun ini" in node.label.get().lower() for node in field.ancestors()):
        return PER_YEAR
    return WHEN_ASKED


def observation_unit(instrument: Instrument, field: Field) -> str:
    if not field.repeats:
        return "Keluarga" if instrument.kind == "household" else "Desa/Kelurahan"
    person_repeat = instrument.settings.get("person_index", {}).get("repeat")
    innermost: Repeat = field.repeats[-1]
    if innermost.name == person_repeat:
        return "Anggota keluarga"
    return innermost.label.get() or innermost.name


def value_domain(choices: ChoiceList | None) -> dict[str, Any] | None:
    """The codes with labels; the Prodeskel website code only where it differs."""
    if choices is None:
        return None
    codes = []
    for choice in choices.choices:
        entry: dict[str, Any] = {"kode": choice.name, "label": choice.label.get()}
        web = choice.extra.get("prodeskel")
        if web not in (None, "", choice.name):
            entry["kode_prodeskel"] = str(web)
        if choice.extra.get("unit"):
            entry["satuan"] = str(choice.extra["unit"])
        codes.append(entry)
    return {"daftar": choices.name, "kode": codes}


def _rule(kind: str, rule: str, message: str, severity: Severity) -> dict[str, str]:
    level = "galat" if severity is Severity.ERROR else "peringatan"
    return {"jenis": kind, "aturan": rule, "pesan": message, "tingkat": level}


def validation_rules(field: Field) -> list[dict[str, str]]:
    """Required, constraint (with its message) and the extra checks, as the form has them."""
    rules = []
    if field.required is not None:
        rule = "selalu" if field.required.source == "true()" else field.required.source
        message = field.required_message.get() or "Wajib diisi."
        rules.append(_rule("wajib", rule, message, Severity.ERROR))
    if field.constraint is not None:
        rules.append(_rule("batasan", field.constraint.source,
                           field.constraint_message.get(), Severity.ERROR))
    for check in field.checks:
        rules.append(_rule("pemeriksaan", check.rule.source, check.message.get(),
                           check.severity))
    return rules


def required_text(field: Field) -> str:
    if field.required is None:
        return "Tidak"
    return "Ya" if field.required.source == "true()" else f"Bersyarat: {field.required.source}"


def relevance(field: Field) -> str:
    """Every condition under which the question is asked (enclosing sections first)."""
    chain: list[Container | Field] = [*reversed(list(field.ancestors())), field]
    sources = [node.relevant.source for node in chain if node.relevant is not None]
    return " dan ".join(f"({s})" if len(sources) > 1 else s for s in sources)


def definition_text(field: Field) -> str:
    matrix = _matrix(field)
    hint = field.hint.get() or (matrix.hint.get() if matrix is not None else "")
    parts = [variable_name(field).rstrip(".") + "."]
    if hint:
        parts.append(hint)
    if field.calculation is not None:
        parts.append(f"Dihitung dengan rumus {field.calculation.source}.")
    return " ".join(parts)


def concept(field: Field) -> str:
    """The thing measured: a table's cells share the table's concept (and its column)."""
    matrix = _matrix(field)
    if matrix is None:
        return field.label.get() or field.name
    column = str(field.extra.get("column", ""))
    labels = {c.name: c.label.get() for c in matrix.columns}
    if column and labels.get(column):
        return f"{matrix.label.get()} — {labels[column]}"
    return matrix.label.get() or matrix.name


def ms_var_entry(instrument: Instrument, field: Field) -> dict[str, Any]:
    unit = unit_of(instrument, field)
    asked = field.type is not FieldType.CALCULATE
    return {
        "nomor_rincian": item_number(field),
        "nama_variabel": variable_name(field),
        "alias": field.name,
        "konsep": concept(field),
        "definisi": definition_text(field),
        "kelompok": _path(field),
        "unit_observasi": observation_unit(instrument, field),
        "referensi_waktu": time_reference(field, unit),
        "tipe_data": data_type(field),
        "satuan": unit,
        "klasifikasi_isian": value_domain(instrument.choices_of(field)),
        "wajib_diisi": required_text(field),
        "aturan_validasi": validation_rules(field),
        "relevan_jika": relevance(field),
        "kalimat_pertanyaan": variable_name(field) if asked else "",
        "rumus": field.calculation.source if field.calculation is not None else "",
        "kolom_prodeskel": _text(field.extra.get("prodeskel")),
        "catatan": _text(field.extra.get("note")),
    }


def exported_fields(instrument: Instrument) -> list[Field]:
    """The variables a record exports: every question with a value, calculations too."""
    return [field for field in instrument.fields() if field.has_value]


def ms_var(instrument: Instrument) -> list[dict[str, Any]]:
    """One MS-Var entry per exported variable, in questionnaire order."""
    return [ms_var_entry(instrument, field) for field in exported_fields(instrument)]
