"""A definition through the XLSForm bridge and back, and everything it says in a
comparable form: shared by the XLSForm, digits and read-only tests."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from desa_app.core.instrument.loader import load_instrument
from desa_app.core.instrument.model import Field, Instrument, Matrix, Repeat
from desa_app.core.instrument.xlsform.export import export_xlsform
from desa_app.core.instrument.xlsform.importer import import_xlsform


def describe(instrument: Instrument) -> list[Any]:
    """Everything a definition says, in comparable form."""
    def expr(e: Any) -> str | None:
        return e.source if e is not None else None

    out: list[Any] = [instrument.id, instrument.version, dict(instrument.title.values)]
    for node in instrument.order:
        entry: list[Any] = [type(node).__name__, node.name, dict(node.label.values),
                            dict(node.hint.values), expr(node.relevant), node.appearance,
                            {k: str(v) for k, v in node.extra.items()},
                            [(c.rule.source, dict(c.message.values), c.severity)
                             for c in node.checks]]
        if isinstance(node, Field):
            entry += [node.type, node.list_name, expr(node.required), expr(node.constraint),
                      dict(node.constraint_message.values), expr(node.calculation),
                      node.default, expr(node.choice_filter), node.read_only]
        if isinstance(node, Repeat):
            entry.append(expr(node.repeat_count))
        if isinstance(node, Matrix):
            entry += [node.kind, node.list_name, node.rows, [c.name for c in node.columns]]
        out.append(entry)
    for choices in instrument.choice_lists.values():
        out.append([(c.name, dict(c.label.values), {k: str(v) for k, v in c.extra.items()})
                    for c in choices.choices])
    return out


def round_trip(instrument: Instrument, tmp_path: Path) -> Instrument:
    xlsx = tmp_path / "form.xlsx"
    export_xlsform(instrument, xlsx)
    out = tmp_path / "kembali.yaml"
    import_xlsform(xlsx, out)
    return load_instrument(out)
