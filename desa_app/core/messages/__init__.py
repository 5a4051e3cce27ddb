"""Core's messages to a user, in Indonesian and English, chosen by one language switch.

A sentence that core hands to a person (a ``StoreError``, a validation ``Issue``, a
package check) is written once here as ``key: ("Indonesia", "English")`` in the module
of its area, never as a literal at the ``raise``: the GUI's language choice
(``gui/i18n.set_language``) then reaches errors raised deep in the store. Indonesian is
the default, so the CLI and every test that reads the Indonesian text are unchanged.
This package is the lowest layer and imports nothing from desa_app.
"""

from __future__ import annotations

from desa_app.core.messages import (
    exports,
    identity,
    instrument,
    programme,
    store,
    store_records,
    workflow,
)

LANGUAGES = ("id", "en")

CATALOGUE: dict[str, tuple[str, str]] = {}
for _module in (store, store_records, programme, workflow, identity, instrument, exports):
    _overlap = CATALOGUE.keys() & _module.MESSAGES.keys()
    if _overlap:
        raise KeyError(f"duplicate message keys: {sorted(_overlap)}")
    CATALOGUE.update(_module.MESSAGES)

_current = {"language": "id"}


def set_language(language: str) -> None:
    """Choose the language of every message core makes from now on ("id" or "en")."""
    if language not in LANGUAGES:
        raise ValueError(language)
    _current["language"] = language


def language() -> str:
    return _current["language"]


def text_in(language: str, key: str, /, **values: object) -> str:
    """The text for ``key`` in ``language`` whatever the switch says (documents that are
    Indonesian by design, e.g. status names in a PDF)."""
    indonesian, english = CATALOGUE[key]
    chosen = english if language == "en" else indonesian
    return chosen.format(**values) if values else chosen


def text(key: str, /, **values: object) -> str:
    """The text for ``key`` in the current language, with ``{placeholders}`` filled."""
    return text_in(_current["language"], key, **values)
