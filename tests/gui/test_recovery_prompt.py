""""Tidak" on the recovery offer never loses typed work: it asks again, and what is not
recovered is set aside (pemulihan/disisihkan), not deleted; taking the "Tidak" back opens
the recovered answers after all."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from desa_app.gui import worker
from desa_app.gui.app import build_window
from desa_app.gui.form.recovery import aside_dir, pending
from desa_app.gui.qt import QApplication, QMessageBox, Qt, QTimer
from desa_app.gui.session import AppSession

from .form.editor_driving import type_field
from .form.typist import show_active
from .village import make_village, session_of


@pytest.fixture
def crashed(qtbot: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
            ) -> Iterator[AppSession]:
    """agen1 typed a household and the power failed before it was saved."""
    monkeypatch.setenv("DESA_APP_CONFIG_DIR", str(tmp_path / "config"))
    store = make_village(tmp_path, (("agen1", "Agen Satu", "enumerator"),))
    session = session_of(store, "agen1")
    window, host = build_window(session)
    qtbot.addWidget(window)
    show_active(qtbot, window)
    editor = host.new_record()
    editor.autosave.stop()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is not None)
    type_field(qtbot, "no_kk", "3501011502150003")
    type_field(qtbot, "nama_kk", "Belum Sempat Disimpan")
    editor.autosave.stop()
    editor.journal_now()
    editor.dirty = False  # the crashed process is gone: nobody will ask about it
    editor.journal = None
    window.close()
    yield session
    qtbot.waitUntil(lambda: not worker._running, timeout=10_000)  # a save still running
    store.close(backup=False)


def answers(qtbot: Any, *buttons: QMessageBox.StandardButton) -> list[str]:
    """Click the given buttons on the questions as they come; returns their texts."""
    seen: list[str] = []
    queue = list(buttons)

    def click() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(50, click)
            return
        seen.append(box.text())
        qtbot.mouseClick(box.button(queue.pop(0)), Qt.MouseButton.LeftButton)
        if queue:
            QTimer.singleShot(50, click)

    QTimer.singleShot(50, click)
    return seen


def restart(qtbot: Any, session: AppSession) -> tuple[Any, Callable[[], Any]]:
    window, host = build_window(session)
    qtbot.addWidget(window)
    return host, host.offer_recovery


def test_no_then_yes_sets_the_work_aside_without_deleting_it(qtbot: Any,
                                                             crashed: AppSession) -> None:
    _host, offer = restart(qtbot, crashed)
    seen = answers(qtbot, QMessageBox.StandardButton.No, QMessageBox.StandardButton.Yes)

    assert offer() is None

    assert len(seen) == 2 and "disisihkan" in seen[1]
    database = crashed.store.path
    assert pending(database, "agen1") == []  # not offered at the next start
    (kept,) = aside_dir(database).glob("*.json")
    assert "Belum Sempat Disimpan" in kept.read_text("utf-8")
    assert crashed.store.queries.page(crashed.actor).total == 0


def test_no_taken_back_opens_the_recovered_answers(qtbot: Any, crashed: AppSession) -> None:
    host, offer = restart(qtbot, crashed)
    answers(qtbot, QMessageBox.StandardButton.No, QMessageBox.StandardButton.No)

    assert offer() is not None

    assert host.editor is not None
    assert host.editor.top.rows["nama_kk"].input.box.text() == "Belum Sempat Disimpan"
    host.editor.autosave.stop()
    host.editor.dirty = False  # (the test ends here; nobody is asked to save)
