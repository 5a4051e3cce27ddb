"""Background work whose screen is gone before it finishes: the result is dropped.

A page closed (or a window torn down) while its work still runs must not receive the
result: its child widgets are already deleted and touching one raises in the event loop
(pytest-qt fails a test on such an exception).
"""

from __future__ import annotations

import threading
from typing import Any

from desa_app.gui import worker
from desa_app.gui.qt import QApplication, QLabel, QThreadPool, QVBoxLayout, QWidget, is_alive
from desa_app.gui.worker import run_in_background


class Asker(QWidget):
    """A screen that asks for slow work and shows its result on a child label."""

    def __init__(self) -> None:
        super().__init__()
        self.label = QLabel("…")
        QVBoxLayout(self).addWidget(self.label)

    def done(self, result: Any) -> None:
        self.label.setText(str(result))

    def failed(self, exc: BaseException, _trace: str) -> None:
        self.label.setText(f"gagal: {exc}")


def slow(release: threading.Event, outcome: Any) -> Any:
    assert release.wait(10), "the test never released the work"
    if isinstance(outcome, BaseException):
        raise outcome
    return outcome


def finish(qtbot: Any, widget: QWidget, release: threading.Event) -> None:
    """Delete the widget, then let the work end and its signal be delivered."""
    with qtbot.waitSignal(widget.destroyed, timeout=5000):
        widget.deleteLater()
    assert not is_alive(widget)
    release.set()
    assert QThreadPool.globalInstance().waitForDone(10_000)
    QApplication.processEvents()
    qtbot.waitUntil(lambda: not worker._running, timeout=5000)
    QApplication.processEvents()


def test_a_result_for_a_deleted_widget_is_dropped(qtbot: Any) -> None:
    asker = Asker()  # on_done is a bound method: the owner is inferred
    release = threading.Event()
    run_in_background(lambda: slow(release, 42), asker.done, asker.failed)
    finish(qtbot, asker, release)


def test_an_error_for_a_deleted_widget_is_dropped(qtbot: Any) -> None:
    asker = Asker()
    release = threading.Event()
    run_in_background(lambda: slow(release, ValueError("rusak")), asker.done, asker.failed)
    finish(qtbot, asker, release)


def test_an_explicit_owner_covers_lambdas(qtbot: Any) -> None:
    asker = Asker()
    release = threading.Event()
    run_in_background(lambda: slow(release, 7), lambda result: asker.done(result),
                      lambda exc, trace: asker.failed(exc, trace), owner=asker)
    finish(qtbot, asker, release)


def test_a_living_owner_still_gets_its_result(qtbot: Any) -> None:
    asker = Asker()
    qtbot.addWidget(asker)
    release = threading.Event()
    release.set()
    signals = run_in_background(lambda: slow(release, 42), asker.done, asker.failed)
    qtbot.waitUntil(lambda: asker.label.text() == "42", timeout=5000)
    assert signals not in worker._running
    run_in_background(lambda: slow(release, ValueError("rusak")), asker.done, asker.failed)
    qtbot.waitUntil(lambda: asker.label.text() == "gagal: rusak", timeout=5000)
    got: list[Any] = []  # plain functions (no owner) are called as before
    run_in_background(lambda: 5, got.append, lambda exc, trace: got.append(exc))
    qtbot.waitUntil(lambda: got == [5], timeout=5000)
