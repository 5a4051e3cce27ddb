"""Background work whose screen is gone before it finishes: the result is dropped.

A page closed (or a window torn down) while its work still runs must not receive the
result: its child widgets are already deleted and touching one raises in the event loop
(pytest-qt fails a test on such an exception). The screens ask through
``operation.BackgroundOp``; ``worker.py`` is the engine that drops.
"""

from __future__ import annotations

import threading
from typing import Any

from desa_app.gui import worker
from desa_app.gui.operation import BackgroundOp, BusyBar, Failure, busy_bar
from desa_app.gui.qt import (
    QApplication,
    QLabel,
    QMessageBox,
    QThreadPool,
    QVBoxLayout,
    QWidget,
    is_alive,
)


class Asker(QWidget):
    """A screen that asks for slow work and shows its result on a child label."""

    def __init__(self) -> None:
        super().__init__()
        self.label = QLabel("…")
        self.bar = busy_bar()
        self.indicator = BusyBar(self.bar)
        layout = QVBoxLayout(self)
        layout.addWidget(self.label)
        layout.addWidget(self.bar)

    def done(self, result: Any) -> None:
        self.label.setText(str(result))

    def failed(self, failure: Failure) -> None:
        self.label.setText(f"gagal: {failure.error}")


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
    asker = Asker()
    release = threading.Event()
    BackgroundOp(asker, lambda: slow(release, 42)).success(asker.done) \
        .busy(asker.indicator).run()
    finish(qtbot, asker, release)  # neither the label nor the bar is touched


def test_an_error_for_a_deleted_widget_is_dropped(qtbot: Any) -> None:
    asker = Asker()
    release = threading.Event()
    BackgroundOp(asker, lambda: slow(release, ValueError("rusak"))).success(asker.done) \
        .failure(asker.failed).run()
    finish(qtbot, asker, release)


def test_the_standard_report_is_dropped_with_its_screen(qtbot: Any) -> None:
    asker = Asker()
    release = threading.Event()
    BackgroundOp(asker, lambda: slow(release, ValueError("rusak"))).run()
    finish(qtbot, asker, release)
    assert not [w for w in QApplication.topLevelWidgets()
                if isinstance(w, QMessageBox) and w.isVisible()]


def test_a_callback_of_another_deleted_widget_is_dropped(qtbot: Any) -> None:
    parent, other = Asker(), Asker()  # the result is for ``other``'s label
    qtbot.addWidget(parent)
    release = threading.Event()
    BackgroundOp(parent, lambda: slow(release, 7)).success(other.done).run()
    finish(qtbot, other, release)


def test_a_living_parent_still_gets_its_result(qtbot: Any) -> None:
    asker = Asker()
    qtbot.addWidget(asker)
    handle = BackgroundOp(asker, lambda: 42).success(asker.done).run()
    qtbot.waitUntil(lambda: asker.label.text() == "42", timeout=5000)
    qtbot.waitUntil(lambda: not handle.running, timeout=5000)
    assert handle.signals not in worker._running
    released = threading.Event()
    released.set()
    failing = BackgroundOp(asker, lambda: slow(released, ValueError("rusak"))) \
        .success(asker.done).failure(asker.failed)
    with qtbot.waitSignal(failing.run().finished, timeout=5000):
        pass  # ``finished`` comes after the delivery: the label is already set
    assert asker.label.text() == "gagal: rusak"
