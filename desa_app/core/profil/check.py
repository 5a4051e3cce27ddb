"""Do the ``from_ddk`` declarations of a village form name real DDK questions and codes?

The loader checks one file at a time; this check needs the household form too, so
``desa-app forms check`` and the test of the shipped forms run it. A misspelt question
or code would otherwise quietly count zero people in an official figure.
"""

from __future__ import annotations

from desa_app.core.instrument.model import NUMERIC, Field, FieldType, Instrument
from desa_app.core.instrument.prefill_spec import AGE, Condition
from desa_app.core.profil.figures import Source, figure_fields


def _condition_problems(ddk: Instrument, source: Source, unit: str,
                        condition: Condition) -> list[str]:
    name = condition.question
    if name == AGE:
        return [] if unit == "anggota" else ["'umur' hanya untuk count: anggota"]
    node = ddk.nodes.get(name)
    if not isinstance(node, Field):
        return [f"'{name}' bukan pertanyaan di formulir {ddk.id}"]
    if unit == "keluarga" and source.member_level(ddk, name):
        return [f"'{name}' ada di tiap anggota; count: keluarga hanya boleh memakai "
                "pertanyaan keluarga"]
    choices = ddk.choices_of(node)
    if choices is None:
        return []
    unknown = sorted((condition.codes | condition.excluded) - set(choices.by_name))
    if unknown:
        return [f"'{name}': kode {', '.join(unknown)} tidak ada di daftar {choices.name}"]
    return []


def check_figures(instrument: Instrument, ddk: Instrument) -> list[str]:
    """Problems as ``question: message`` lines (empty: every figure can be counted)."""
    source = Source.of(ddk)
    problems: list[str] = []
    if not source.members:
        problems.append(f"formulir {ddk.id} tidak punya settings.person_index")
    for field in figure_fields(instrument):
        spec = field.from_ddk
        assert spec is not None
        unit = spec.unit
        if spec.sum is not None:
            node = ddk.nodes.get(spec.sum)
            numeric = isinstance(node, Field) and (
                node.type in NUMERIC or node.type is FieldType.CALCULATE)
            if not numeric:
                problems.append(f"{field.name}: sum '{spec.sum}' bukan pertanyaan angka di "
                                f"formulir {ddk.id}")
                continue
            unit = "anggota" if source.member_level(ddk, spec.sum) else "keluarga"
        for condition in spec.where:
            problems += [f"{field.name}: {message}"
                         for message in _condition_problems(ddk, source, unit, condition)]
    return problems
