"""The message catalogue: every text the screen shows, in Indonesian and English.

Code never writes a sentence itself: it asks ``t(KEY)``. The catalogue lives in
``gui/messages/*.py`` (one file per area), each entry ``key: ("Indonesia", "English")``.
Indonesian is the default; Pengaturan switches to English. A test checks that every key
used in the code exists and has both languages.
"""

from __future__ import annotations

from desa_app.core import messages as core_messages
from desa_app.gui.messages import CATALOGUE

LANGUAGES = {"id": "Bahasa Indonesia", "en": "English"}
"""The choices Pengaturan offers, with their names; core's ``messages.LANGUAGES`` has the
same codes."""


def set_language(language: str) -> None:
    """One switch for the screen and for core (errors and issues made in core follow it):
    the choice itself is kept by ``core.messages``."""
    core_messages.set_language(language)


def language() -> str:
    return core_messages.language()


def t(key: str, **values: object) -> str:
    """The text for ``key`` in the current language, with ``{placeholders}`` filled."""
    indonesian, english = CATALOGUE[key]
    text = english if core_messages.language() == "en" else indonesian
    return text.format(**values) if values else text


def form_language() -> str:
    """The language key of definition texts (``label::English``) for the current choice."""
    return "English" if core_messages.language() == "en" else ""


def village_record_title(instrument: object, year: object) -> str:
    """"Potensi Desa/Kelurahan 2026": how every screen names a village-level record."""
    title = instrument.title.get(form_language())  # type: ignore[attr-defined]
    return t("profil.record_title", title=title, year=year or "")
