"""TEMPORARY bridge to core wording helpers being written in parallel (places, code hints)."""

from __future__ import annotations

from typing import Any

from desa_app.core.instrument import values_io


def code_hint(choices: Any, language: str = "") -> str:
    real = getattr(values_io, "code_hint", None)
    if real is not None:
        return str(real(choices, language))
    return "Pilih: " + "; ".join(f"{c.name} {c.label.get(language)}" for c in choices.choices[:12])


def place_of(instrument: Any, name: str, key: Any, language: str = "") -> str:
    try:
        from desa_app.core.instrument import places
    except ImportError:
        node = instrument.nodes[name]
        member = f", anggota ke-{key[0] + 1}" if key else ""
        return f"{node.number} {node.label.get(language)}{member}".strip()
    return str(places.place_of(instrument, name, key, language))
