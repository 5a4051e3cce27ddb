"""What the GUI tests share besides fixtures: the password every test account has, the
example household, a village made through the facade like the set-up wizard makes it,
and the moves several screens' tests repeat (a verified household, a Potensi opened in
the real window). Fixtures that use them live in ``conftest.py``."""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

from desa_app.core.paths import forms_dir
from desa_app.core.store.facade import VillageStore
from desa_app.gui.form.editor import FormEditor
from desa_app.gui.session import AppSession

PASSWORD = "rahasia123"
EXAMPLE: dict[str, Any] = json.loads(
    (forms_dir() / "examples" / "ddk_contoh.json").read_text("utf-8"))
VILLAGE_CODE = "35.01.01.2001"
ACCOUNTS = (("agen1", "Agen Satu", "enumerator"), ("tim1", "Tim Satu", "verifier"),
            ("bps1", "Pembina", "pembina"), ("kominfo1", "Kominfo", "viewer"))
"""The test village's accounts besides ``admin``: one of every role."""


def make_village(folder: Path, accounts: tuple[tuple[str, str, str], ...] = ACCOUNTS,
                 dusun: list[str] | None = None) -> VillageStore:
    store = VillageStore.create(folder / "desa.sqlite3", VILLAGE_CODE, "admin", "Operator",
                                PASSWORD)
    admin = store.users.authenticate("admin", PASSWORD)
    for username, name, role in accounts:
        store.users.add(admin, username, name, role, PASSWORD)
    if dusun:
        store.set_dusun_names(admin, dusun)
    return store


def session_of(store: VillageStore, username: str) -> AppSession:
    return AppSession(store, store.users.authenticate(username, PASSWORD))


def verified_household(store: VillageStore) -> None:
    """The example household typed by agen1 and approved by tim1."""
    agen = session_of(store, "agen1").actor
    record = store.records.create(agen, "ddk", copy.deepcopy(EXAMPLE))
    store.records.submit(agen, record.id)
    store.records.verify(session_of(store, "tim1").actor, record.id)


def open_potensi(qtbot: Any, store: VillageStore, year: int = 2026) -> tuple[Any, FormEditor]:
    """A new Potensi created from the Profil page of the real window, as agen1."""
    from desa_app.gui.app import build_window

    window, host = build_window(session_of(store, "agen1"))
    qtbot.addWidget(window)
    window.resize(1366, 768)
    from tests.gui.form.typist import show_active

    show_active(qtbot, window)  # active: the keys go to the focused widget
    page = window.show_page("nav.profile")
    from desa_app.gui.qt import QApplication, Qt

    page.instrument.setFocus()  # as a person picks the form: type its name in the list
    qtbot.keyClicks(QApplication.focusWidget(), "Potensi")
    assert page.instrument.currentData() == "potensi"
    page.year.setFocus()
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(QApplication.focusWidget(), str(year))
    assert page.year.value() == year
    qtbot.mouseClick(page.create_button, Qt.MouseButton.LeftButton)
    editor = host.editor
    assert editor is not None and editor.instrument.id == "potensi"
    return window, editor
