"""The whole app window: list -> new household by keyboard -> save -> back to the list,
where search finds it; and the recovery offer after a crash."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from desa_app.core.store.facade import VillageStore
from desa_app.core.store.village import init_village
from desa_app.gui.app import build_window
from desa_app.gui.form.recovery import pending
from desa_app.gui.qt import QApplication, QMessageBox, Qt, QTimer
from desa_app.gui.session import AppSession

from .test_form_editor import PASSWORD, cheap_hashing, enter_household, type_field

__all__ = ["cheap_hashing"]  # the autouse fixture, imported to apply here too


@pytest.fixture
def app_window(qtbot: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
               ) -> Iterator[tuple[Any, Any, AppSession]]:
    monkeypatch.setenv("DESA_APP_CONFIG_DIR", str(tmp_path / "config"))
    db = init_village(tmp_path / "desa.sqlite3", "35.01.01.2001", "admin", "Operator",
                      PASSWORD)
    store = VillageStore(db)
    admin = store.users.authenticate("admin", PASSWORD)
    store.users.add(admin, "agen1", "Agen Satu", "enumerator", PASSWORD)
    session = AppSession(store, store.users.authenticate("agen1", PASSWORD))
    window, host = build_window(session)
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    window.activateWindow()
    qtbot.waitExposed(window)
    yield window, host, session
    store.close(backup=False)


def test_new_household_from_the_list_by_keyboard(qtbot: Any, app_window: Any) -> None:
    window, host, session = app_window
    page = window.show_page("nav.households")
    page.search.setFocus()
    with qtbot.waitSignal(page.new_requested):
        qtbot.keyClick(page.search, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    editor = host.editor
    assert editor is not None and window.stack.currentWidget() is editor
    qtbot.waitUntil(lambda: QApplication.focusWidget() is not None)
    enter_household(qtbot, editor)
    with qtbot.waitSignal(editor.closed, timeout=10_000):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_W,
                       Qt.KeyboardModifier.ControlModifier)  # closing saves first
    assert window.stack.currentWidget() is page and window.navigation.isEnabled()
    record_id = editor.record_id
    assert record_id is not None
    for text in ("Suparman", "3501014107780002", "3501011502150003"):
        page.search.setText(text)
        page.apply_filter()
        assert page.model.rowCount() == 1 and page.model.record_id(0) == record_id, text
    assert pending(session.store.db.path, session.actor.username) == []


def test_recovery_is_offered_after_a_crash(qtbot: Any, app_window: Any) -> None:
    _window, host, session = app_window
    editor = host.new_record()
    editor.autosave.stop()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is not None)
    type_field(qtbot, editor, "no_kk", "3501011502150003")
    type_field(qtbot, editor, "nama_kk", "Belum Sempat Disimpan")
    editor.autosave.stop()  # the power fails before the autosave fires
    assert session.store.queries.page(session.actor).total == 0
    editor.dirty = False  # the crashed process is gone: nobody will ask about it
    editor.journal = None

    window2, host2 = build_window(session)  # the next start
    qtbot.addWidget(window2)

    def answer_yes() -> None:
        box = QApplication.activeModalWidget()
        assert isinstance(box, QMessageBox)
        assert "Belum Sempat Disimpan" in box.text()
        box.button(QMessageBox.StandardButton.Yes).click()

    QTimer.singleShot(100, answer_yes)
    entry = host2.offer_recovery()
    assert entry is not None
    recovered = host2.editor
    assert recovered is not None and recovered.dirty
    assert recovered.top.rows["nama_kk"].input.text() == "Belum Sempat Disimpan"
    with qtbot.waitSignal(recovered.saved, timeout=10_000):
        recovered.save("dipulihkan")
    assert session.store.queries.page(session.actor).rows[0].nama_kk == "Belum Sempat Disimpan"


def test_navigation_order_and_closing_with_unsaved_work(qtbot: Any, app_window: Any) -> None:
    window, host, _session = app_window
    keys = [window.navigation.item(i).data(Qt.ItemDataRole.UserRole)
            for i in range(window.navigation.count())]
    assert keys == ["nav.home", "nav.households", "nav.profile", "nav.desa_cantik",
                    "nav.settings"]
    editor = host.new_record()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is not None)
    type_field(qtbot, editor, "no_kk", "3501011502150003")
    editor.autosave.stop()

    def answer(button: QMessageBox.StandardButton) -> None:
        box = QApplication.activeModalWidget()
        assert isinstance(box, QMessageBox)
        box.button(button).click()

    QTimer.singleShot(100, lambda: answer(QMessageBox.StandardButton.Cancel))
    window.close()
    assert window.isVisible() and not window.closing_requested  # cancelled: stays open
    QTimer.singleShot(100, lambda: answer(QMessageBox.StandardButton.Save))
    with qtbot.waitSignal(editor.saved, timeout=10_000):
        window.close()
    qtbot.waitUntil(lambda: not window.isVisible())  # saved first, then closed
