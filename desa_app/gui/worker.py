"""Running slow work (opening, saving, building) off the screen's thread.

The window must never freeze: anything that can take longer than ~50 ms goes through
:func:`run_in_background`; its result or its error comes back to the GUI thread as a
signal. User errors (``StoreError``) arrive as such; anything else is a bug and is shown
as one with its traceback.
"""

from __future__ import annotations

import traceback
from collections.abc import Callable
from typing import Any

from desa_app.gui.qt import QObject, QRunnable, QThreadPool, Signal


class _Signals(QObject):
    done = Signal(object)
    failed = Signal(object, str)


class _Job(QRunnable):
    def __init__(self, work: Callable[[], Any]) -> None:
        super().__init__()
        self.work = work
        self.signals = _Signals()
        self.setAutoDelete(True)

    def run(self) -> None:
        try:
            result = self.work()
        except BaseException as exc:  # delivered to the GUI thread, never lost
            self.signals.failed.emit(exc, traceback.format_exc())
        else:
            self.signals.done.emit(result)


_running: set[_Signals] = set()


def run_in_background(work: Callable[[], Any], on_done: Callable[[Any], None],
                      on_error: Callable[[BaseException, str], None]) -> _Signals:
    """Start ``work`` in the thread pool; returns its signals (tests can wait on them)."""
    job = _Job(work)
    signals = job.signals
    _running.add(signals)  # keep the QObject alive until it has reported

    def finished(result: Any) -> None:
        _running.discard(signals)
        on_done(result)

    def failed(exc: BaseException, trace: str) -> None:
        _running.discard(signals)
        on_error(exc, trace)

    signals.done.connect(finished)
    signals.failed.connect(failed)
    QThreadPool.globalInstance().start(job)
    return signals
