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
from desa_app.gui.qt import QApplication, QEvent, QMessageBox, QObject, Qt, QTimer, QWidget
from desa_app.gui.session import AppSession

from .form.editor_driving import enter_household, type_field
from .form.typist import show_active, type_text
from .village import PASSWORD


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
    show_active(qtbot, window)
    yield window, host, session
    store.close(backup=False)


def test_opening_the_questionnaire_keeps_the_window_active(qtbot: Any,
                                                          app_window: Any) -> None:
    """Building the questionnaire once flashed a parentless button up as a window of
    its own, which took the activation (and so the keyboard) away from the app."""
    window, host, _session = app_window
    shown: list[str] = []

    class WindowSpy(QObject):
        def eventFilter(self, watched: QObject, event: QEvent) -> bool:
            if event.type() == QEvent.Type.Show and isinstance(watched, QWidget) \
                    and watched.isWindow():
                shown.append(type(watched).__name__)
            return False

    spy = WindowSpy()
    QApplication.instance().installEventFilter(spy)  # type: ignore[union-attr]
    try:
        host.new_record()
        for instrument_id in ("potensi", "perkembangan"):
            host.ensure_editor(instrument_id)
        qtbot.wait(200)
    finally:
        QApplication.instance().removeEventFilter(spy)  # type: ignore[union-attr]
    assert shown == []
    assert QApplication.activeWindow() is window
    assert QApplication.focusWidget() is not None


def test_new_household_from_the_list_by_keyboard(qtbot: Any, app_window: Any) -> None:
    window, host, session = app_window
    page = window.show_page("nav.households")
    page.search.setFocus()
    with qtbot.waitSignal(page.new_requested):
        qtbot.keyClick(page.search, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    editor = host.editor
    assert editor is not None and window.stack.currentWidget() is editor
    qtbot.waitUntil(lambda: QApplication.focusWidget() is not None)
    enter_household(qtbot)
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
    type_field(qtbot, "no_kk", "3501011502150003")
    type_field(qtbot, "nama_kk", "Belum Sempat Disimpan")
    editor.autosave.stop()  # the power fails before the autosave fires
    assert session.store.queries.page(session.actor).total == 0
    editor.journal_now()  # (the journal timer's second, without waiting for it)
    editor.dirty = False  # the crashed process is gone: nobody will ask about it
    editor.journal = None

    window2, host2 = build_window(session)  # the next start
    qtbot.addWidget(window2)

    def answer_yes() -> None:
        box = QApplication.activeModalWidget()
        assert isinstance(box, QMessageBox)
        assert "Belum Sempat Disimpan" in box.text()
        qtbot.mouseClick(box.button(QMessageBox.StandardButton.Yes), Qt.MouseButton.LeftButton)

    QTimer.singleShot(100, answer_yes)
    entry = host2.offer_recovery()
    assert entry is not None
    recovered = host2.editor
    assert recovered is not None and recovered.dirty
    assert recovered.top.rows["nama_kk"].input.box.text() == "Belum Sempat Disimpan"
    with qtbot.waitSignal(recovered.saved, timeout=10_000):
        recovered.save("dipulihkan")
    assert session.store.queries.page(session.actor).rows[0].nama_kk == "Belum Sempat Disimpan"


def test_navigation_order_and_closing_with_unsaved_work(qtbot: Any, app_window: Any) -> None:
    window, host, session = app_window
    keys = [window.navigation.item(i).data(Qt.ItemDataRole.UserRole)
            for i in range(window.navigation.count())]
    assert keys == ["nav.home", "nav.households", "nav.profile", "nav.desa_cantik",
                    "nav.settings"]
    editor = host.new_record()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is not None)
    type_field(qtbot, "no_kk", "3501011502150003")
    type_text(qtbot, "Ditutup Sambil Diketik")  # 'nama_kk', no Tab
    editor.autosave.stop()
    with qtbot.waitSignal(editor.saved, timeout=10_000):
        window.close()  # nothing to ask: the draft is saved, then the window closes
    qtbot.waitUntil(lambda: not window.isVisible())
    record_id = editor.record_id
    assert record_id is not None
    answers = session.store.records.load(session.actor, record_id).answers
    assert answers["nama_kk"] == "Ditutup Sambil Diketik"
    assert pending(session.store.db.path, session.actor.username) == []
