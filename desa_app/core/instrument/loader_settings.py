"""Cross-checks of ``settings`` against the questions, once the tree is built.

``record_keys``, ``person_index`` and ``rekap`` name questions the store, the search and
the exports rely on; a typo there would otherwise surface only as an empty column or a
missing person index, long after the definition was shipped.
"""

from __future__ import annotations

from collections.abc import Mapping

from desa_app.core.instrument import keys as K
from desa_app.core.instrument.errors import ProblemList
from desa_app.core.instrument.loader_values import line_of
from desa_app.core.instrument.model import Container, Field, Instrument, Repeat


def check_rekap(instrument: Instrument, problems: ProblemList) -> None:
    """settings.rekap: choice questions of the people repeat the exports tabulate."""
    names = instrument.settings.get("rekap")
    if names is None:
        return
    line = line_of(instrument.settings, "rekap")
    repeat = (instrument.settings.get("person_index") or {}).get("repeat")
    if not isinstance(names, list) or not repeat:
        problems.add(line, "", "settings.rekap harus berupa daftar pertanyaan dan "
                          "butuh settings.person_index")
        return
    for name in names:
        node = instrument.nodes.get(str(name))
        if (not isinstance(node, Field) or node.list_name is None
                or not node.repeats or node.repeats[-1].name != repeat):
            problems.add(line, "", f"settings.rekap: '{name}' bukan pertanyaan "
                              f"pilihan di dalam pengulangan '{repeat}'")

def check_index_settings(instrument: Instrument, problems: ProblemList) -> None:
    """record_keys / person_index must name real questions of the right kind."""
    settings = instrument.settings
    for key, allowed in (("record_keys", K.RECORD_KEYS), ("person_index", K.PERSON_INDEX_KEYS)):
        mapping = settings.get(key)
        if mapping is None:
            continue
        line = line_of(settings, key)
        if not isinstance(mapping, Mapping):
            problems.add(line, "", f"settings.{key} harus berupa pemetaan")
            continue
        repeat_name = mapping.get("members" if key == "record_keys" else "repeat")
        for role, name in mapping.items():
            if role == "head_code":
                continue  # a choice code (Kepala Keluarga), not a question
            node = instrument.nodes.get(str(name))
            wants_repeat = role in ("members", "repeat")
            if role not in allowed:
                problems.add(line, "", f"settings.{key}: kunci tidak dikenal '{role}'")
            elif node is None or isinstance(node, Repeat) != wants_repeat:
                kind = "pengulangan" if wants_repeat else "pertanyaan"
                problems.add(line, "", f"settings.{key}.{role}: '{name}' bukan {kind}")
            elif key == "person_index" and not wants_repeat and (
                not node.repeats or node.repeats[-1].name != repeat_name
            ):
                problems.add(
                    line, "", f"settings.person_index.{role}: '{name}' tidak di dalam "
                    f"pengulangan '{repeat_name}'"
                )


def check_village_settings(instrument: Instrument, problems: ProblemList) -> None:
    """Village forms: sections at the top (sheets, chapters) and ``prefill_from`` when
    figures are counted from DDK. Whether the DDK names exist is checked by
    :func:`desa_app.core.profil.check.check_figures`, which needs the other form."""
    settings = instrument.settings
    counted = any(f.from_ddk is not None for f in instrument.fields())
    if counted and not str(settings.get("prefill_from") or "").strip():
        problems.add(line_of(settings), "", "ada from_ddk: settings.prefill_from wajib "
                                            "menyebut formulir rumah tangga (mis. ddk)")
    if instrument.kind != "village":
        return
    for node in instrument.root.children:
        if not isinstance(node, Container) or isinstance(node, Repeat):
            problems.add(node.line, node.name, "formulir desa: setiap butir teratas harus "
                                               "begin_group (satu bagian)")
