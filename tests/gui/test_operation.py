"""BackgroundOp: what a screen can count on when it runs slow work in the background.

The result comes back on the GUI thread; a user's error (``StoreError``) is reported
the one standard way (one Indonesian line in a message box, the traceback only in the
log) and the store keeps what it had; a bug is reported as a bug, its trace logged; the
busy indicator is on while the work runs and off after success and failure alike.
Real core calls on a real village file; the person clicks real buttons.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from desa_app.core import auth
from desa_app.core.errors import AuthError, StoreError
from desa_app.core.instrument.errors import DefinitionProblem, FormDefinitionError
from desa_app.core.store.facade import VillageStore
from desa_app.core.store.village import init_village
from desa_app.gui import worker
from desa_app.gui.i18n import set_language, t
from desa_app.gui.operation import BackgroundOp, BusyBar, Failure, busy_bar
from desa_app.gui.qt import (
    QApplication,
    QLabel,
    QMessageBox,
    QPushButton,
    Qt,
    QVBoxLayout,
    QWidget,
)

PASSWORD = "rahasia123"


@pytest.fixture
def store(tmp_path: Path, qtbot: Any, monkeypatch: pytest.MonkeyPatch) -> Iterator[VillageStore]:
    monkeypatch.setattr(auth, "SCRYPT_N", 2**8)
    set_language("id")
    village = VillageStore(init_village(tmp_path / "desa.sqlite3", "35.01.01.2001", "admin",
                                        "Operator Desa", PASSWORD))
    yield village
    qtbot.waitUntil(lambda: not worker._running, timeout=20000)
    village.close(backup=False)


class Screen(QWidget):
    """A screen with a Start button that runs ``work`` the way the app's screens do."""

    def __init__(self, work: Callable[[], Any], *, own_failure: bool = False) -> None:
        super().__init__()
        self.work = work
        self.own_failure = own_failure
        self.results: list[tuple[Any, bool]] = []  # (result, on the GUI thread?)
        self.failures: list[Failure] = []
        self.start = QPushButton("Mulai")
        self.other = QPushButton("Lain")
        self.other.setEnabled(False)  # disabled before: must stay so afterwards
        self.bar = busy_bar()
        self.note = QLabel("sedang bekerja")
        self.note.hide()
        self.indicator = BusyBar(self.bar, lock=[self.start, self.other],
                                 also_show=[self.note])
        layout = QVBoxLayout(self)
        for widget in (self.start, self.other, self.bar, self.note):
            layout.addWidget(widget)
        self.start.clicked.connect(self.run)

    def run(self) -> None:
        op = BackgroundOp(self, self.work).success(self.done).busy(self.indicator)
        if self.own_failure:
            op.failure(self.failures.append)
        op.run()

    def done(self, result: Any) -> None:
        self.results.append((result, threading.current_thread() is threading.main_thread()))


def shown(qtbot: Any, screen: Screen) -> Screen:
    qtbot.addWidget(screen)
    screen.show()
    return screen


def message_boxes() -> list[QMessageBox]:
    return [w for w in QApplication.topLevelWidgets()
            if isinstance(w, QMessageBox) and w.isVisible()]


def click_start(qtbot: Any, screen: Screen) -> None:
    qtbot.mouseClick(screen.start, Qt.MouseButton.LeftButton)


def test_the_result_arrives_on_the_gui_thread(qtbot: Any) -> None:
    threads: list[bool] = []

    def work() -> int:
        threads.append(threading.current_thread() is threading.main_thread())
        return 42

    screen = shown(qtbot, Screen(work))
    click_start(qtbot, screen)
    qtbot.waitUntil(lambda: bool(screen.results), timeout=5000)
    assert screen.results == [(42, True)]
    assert threads == [False]  # the work itself ran off the GUI thread
    assert message_boxes() == []


def test_a_store_error_is_the_one_standard_message_and_changes_nothing(
        qtbot: Any, store: VillageStore, caplog: pytest.LogCaptureFixture) -> None:
    admin = store.users.authenticate("admin", PASSWORD)
    screen = shown(qtbot, Screen(lambda: store.users.change_own_password(
        admin, "bukan-ini-1", "sandi-baru-123")))
    caplog.set_level(logging.INFO, logger="desa_app.gui.operation")
    click_start(qtbot, screen)
    qtbot.waitUntil(lambda: bool(message_boxes()), timeout=10000)
    (box,) = message_boxes()
    with pytest.raises(AuthError) as expected:  # the core's own words, nothing added
        store.users.change_own_password(admin, "bukan-ini-1", "sandi-baru-123")
    assert box.text() == str(expected.value) and "\n" not in box.text()
    assert box.windowTitle() == t("common.error_title")
    assert "Traceback" not in box.text() + box.detailedText()
    assert box.icon() == QMessageBox.Icon.Warning
    assert screen.results == []
    assert any("Traceback" in r.getMessage() for r in caplog.records)  # details: the log
    qtbot.mouseClick(box.buttons()[0], Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: message_boxes() == [], timeout=5000)
    assert store.users.authenticate("admin", PASSWORD).username == "admin"  # unchanged
    with pytest.raises(StoreError):
        store.users.authenticate("admin", "sandi-baru-123")


def test_a_bug_is_logged_with_its_trace_and_said_in_one_line(
        qtbot: Any, caplog: pytest.LogCaptureFixture) -> None:
    def broken() -> int:
        raise KeyError("t03048")

    screen = shown(qtbot, Screen(broken))
    caplog.set_level(logging.ERROR, logger="desa_app.gui.operation")
    click_start(qtbot, screen)
    qtbot.waitUntil(lambda: bool(message_boxes()), timeout=5000)
    (box,) = message_boxes()
    assert box.text() == t("common.unexpected", error="KeyError: 't03048'")
    assert "Traceback" not in box.text() and box.icon() == QMessageBox.Icon.Critical
    (record,) = [r for r in caplog.records if r.levelno == logging.ERROR]
    assert "Traceback (most recent call last)" in record.getMessage()
    assert "in broken" in record.getMessage() and "KeyError" in record.getMessage()
    box.close()


def test_a_screen_may_handle_its_failure_itself(qtbot: Any) -> None:
    def refused() -> int:
        raise StoreError("Berkas ini bukan basis data desa.")

    screen = shown(qtbot, Screen(refused, own_failure=True))
    click_start(qtbot, screen)
    qtbot.waitUntil(lambda: bool(screen.failures), timeout=5000)
    (failure,) = screen.failures
    assert failure.is_user_error and failure.message == "Berkas ini bukan basis data desa."
    assert "Traceback" in failure.trace
    assert message_boxes() == []  # no second report on top of the screen's own


@pytest.mark.parametrize("outcome", [42, StoreError("Tidak bisa."), KeyError("bug")])
def test_busy_while_the_work_runs_and_not_after(qtbot: Any, outcome: Any) -> None:
    release = threading.Event()

    def work() -> Any:
        assert release.wait(10)
        if isinstance(outcome, BaseException):
            raise outcome
        return outcome

    screen = shown(qtbot, Screen(work, own_failure=True))
    assert screen.bar.isHidden() and screen.start.isEnabled()
    click_start(qtbot, screen)
    assert screen.indicator.active
    assert screen.bar.isVisible() and screen.note.isVisible()
    assert not screen.start.isEnabled() and not screen.other.isEnabled()
    click_start(qtbot, screen)  # a disabled button: nothing starts twice
    release.set()
    qtbot.waitUntil(lambda: bool(screen.results or screen.failures), timeout=5000)
    assert len(screen.results) + len(screen.failures) == 1
    assert not screen.indicator.active
    assert screen.bar.isHidden() and screen.note.isHidden()
    assert screen.start.isEnabled()
    assert not screen.other.isEnabled()  # it was disabled before the work: it stays


def test_a_definition_error_is_one_line_naming_the_first_problem() -> None:
    problems = [DefinitionProblem("ddk.yaml", 12, "nik", "jenis tidak dikenal"),
                DefinitionProblem("ddk.yaml", 30, "umur", "ungkapan rusak")]
    failure = Failure.of(FormDefinitionError(problems), "Traceback …")
    assert failure.is_user_error and "\n" not in failure.message
    assert failure.message.startswith("Definisi formulir tidak sah (2 masalah)")
    assert "ddk.yaml:12: isian 'nik': jenis tidak dikenal" in failure.message
