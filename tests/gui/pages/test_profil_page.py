"""Profil Desa in the GUI: create a Potensi for a year, count figures from DDK with the
differences shown first, manual marks, undo, and the record through verification."""

from __future__ import annotations

from typing import Any

import pytest

from desa_app.core.profil import refresh
from desa_app.core.store.facade import VillageStore
from desa_app.gui.form.ddk_dialog import DdkDialog
from desa_app.gui.form.editor import FormEditor
from desa_app.gui.qt import QDialog, QMessageBox
from desa_app.gui.verification.page import VerificationPage

from ..village import open_potensi, session_of, verified_household


def count(qtbot: Any, editor: FormEditor, monkeypatch: pytest.MonkeyPatch,
          untick: str | None = None) -> list[Any]:
    """Press Hitung dari DDK; the dialog is answered "apply" (optionally unticking one)."""
    shown: list[Any] = []

    def answer(dialog: DdkDialog) -> int:
        shown.append(dialog)
        if untick is not None:
            dialog.set_ticked(untick, False)
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(DdkDialog, "exec", answer)
    editor.ddk_button.click()
    qtbot.waitUntil(lambda: bool(shown), timeout=10000)
    return shown


def test_create_count_mark_and_undo(qtbot: Any, store: VillageStore,
                                    monkeypatch: pytest.MonkeyPatch) -> None:
    verified_household(store)
    window, editor = open_potensi(qtbot, store)
    assert "Potensi Desa/Kelurahan 2026" in editor.title.text()
    assert editor.ddk_button.isVisible() and not editor.ddk_undo_button.isVisible()
    assert editor.state.answer("tahun") == 2026

    dialog = count(qtbot, editor, monkeypatch)[0]
    changes = {c.name: c for c in dialog.changes}
    assert changes and all(c.origin is refresh.Origin.EMPTY for c in changes.values())
    assert dialog.table.rowCount() == len(changes)
    name, change = next((n, c) for n, c in changes.items()
                        if n in editor.top.rows and c.computed)
    assert editor.state.answer(name) == change.computed
    row = editor.top.rows[name]
    assert row.origin.isVisible() and row.origin.text() == "dari DDK"
    assert editor.ddk_undo_button.isVisible() and editor.dirty

    # a figure typed by hand is marked manual and is not ticked next time
    editor.on_edit(name, (), change.computed + 5)
    assert row.origin.text() == f"manual (DDK: {change.computed})"
    again = count(qtbot, editor, monkeypatch)[0]
    manual = next(c for c in again.changes if c.name == name)
    assert manual.origin is refresh.Origin.MANUAL and name not in again.accepted_names()
    assert editor.state.answer(name) == change.computed + 5

    # undo the last count: everything as before it
    editor.ddk_undo_button.click()
    assert editor.state.answer(name) == change.computed + 5
    assert not editor.ddk_undo_button.isVisible()

    # saved in the background, then listed on the page with its year
    editor.save("disimpan")
    qtbot.waitUntil(lambda: not editor.dirty, timeout=10000)
    stored = store.records.load(session_of(store, "agen1").actor, editor.record_id or "")
    assert stored.answers[name] == change.computed + 5
    assert stored.answers[refresh.PREFILL_KEY]["nilai"][name] == change.computed
    page = window.pages["nav.profile"]
    page.refresh()
    assert page.table.rowCount() == 1 and page.table.item(0, 1).text() == "2026"


def test_a_second_record_for_the_same_year_opens_the_first(
        qtbot: Any, store: VillageStore, monkeypatch: pytest.MonkeyPatch) -> None:
    window, editor = open_potensi(qtbot, store)
    first = editor.record_id
    editor.request_close()
    messages: list[str] = []
    monkeypatch.setattr(QMessageBox, "information",
                        lambda *args: messages.append(str(args[2])))
    page = window.show_page("nav.profile")
    page.create_button.click()
    assert messages and "sudah ada" in messages[0]
    assert window.stack.currentWidget() is editor and editor.record_id == first


def test_village_record_reviewed_in_its_own_questionnaire(
        qtbot: Any, store: VillageStore) -> None:
    agen = session_of(store, "agen1").actor
    from desa_app.core.profil.service import Profil

    record = Profil(store).create(agen, "potensi", 2025)
    state = store.records.form_state(agen, record.id)
    for name in sorted({i.name for i in state.issues() if i.severity.value == "error"}):
        state.set(name, "Contoh" if state.instrument.field(name).type == "text" else 1)
    store.records.save(agen, record.id, state.to_json(), "isi")
    store.records.submit(agen, record.id)
    page = VerificationPage(session_of(store, "tim1"))
    qtbot.addWidget(page)
    page.show()
    assert page.queue.item(0, 0).text() == "Potensi Desa/Kelurahan 2025"
    page.queue.setCurrentCell(0, 0)
    page.open_selected()
    assert page.review.editor.instrument.id == "potensi"
    assert not page.review.editor.editable and not page.review.editor.ddk_button.isVisible()


def test_totals_are_shown_not_typed(qtbot: Any, store: VillageStore) -> None:
    """A number with a calculation (a subtotal of I.2) is displayed, not an empty input
    (it used to be an editable box that never showed the total)."""
    _window, editor = open_potensi(qtbot, store)
    row = editor.top.rows["t03052"]
    assert row.input is None and row.display is not None
    editor.on_edit("t03048", (), "35")
    editor.on_edit("t03050", (), "62,5")
    assert row.display.text() == "<b>97,5</b>"
    editor.save("disimpan")  # nothing unsaved: closing the window asks nothing
    qtbot.waitUntil(lambda: not editor.dirty, timeout=10000)


def test_nothing_is_offered_before_any_household_is_approved(
        qtbot: Any, store: VillageStore, monkeypatch: pytest.MonkeyPatch) -> None:
    """Zeros counted over no household are not figures: the dialog says so and offers
    nothing to write (it used to tick hundreds of zeros)."""
    _window, editor = open_potensi(qtbot, store)
    dialog = count(qtbot, editor, monkeypatch)[0]
    assert "Belum ada keluarga yang disetujui" in dialog.summary.text()
    assert dialog.changes == [] and not dialog.apply_button.isEnabled()
    assert all(editor.state.answer(name) is None for name in editor.ddk.figure_names)
    assert not editor.dirty  # nothing written, nothing to save
