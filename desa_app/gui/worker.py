"""The private engine under :mod:`desa_app.gui.operation`: slow work off the GUI thread.

Screens never call this module; they use :class:`desa_app.gui.operation.BackgroundOp`,
which adds the standard failure report, the busy indicator and typed callbacks (a test
in ``tests/gui/test_operation_rule.py`` enforces that). Here the work runs in the thread
pool and its result or its error comes back to the GUI thread as a signal. A result
whose asker was deleted meanwhile is dropped: its widgets are gone and touching one
would raise in the event loop. ``_running`` holds the signals of unfinished work, so
tests can wait until everything has reported.
"""

from __future__ import annotations

import logging
import traceback
from collections.abc import Callable
from typing import Any

from desa_app.core.errors import StoreError
from desa_app.gui.qt import QObject, QRunnable, QThreadPool, Signal, is_alive


class _Signals(QObject):
    done = Signal(object)
    failed = Signal(object, str)
    finished = Signal()  # after the result or error was delivered (or dropped)


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
log = logging.getLogger(__name__)


def owner_of(callback: Callable[..., Any]) -> QObject | None:
    """The Qt object a bound method belongs to (``page._done`` -> ``page``), else None."""
    owner = getattr(callback, "__self__", None)
    return owner if isinstance(owner, QObject) else None


def _gone(owners: tuple[QObject | None, ...]) -> bool:
    return any(owner is not None and not is_alive(owner) for owner in owners)


def start(work: Callable[[], Any], on_done: Callable[[Any], None],
          on_error: Callable[[BaseException, str], None],
          owners: tuple[QObject | None, ...]) -> _Signals:
    """Start ``work`` in the thread pool; deliver to the GUI thread unless an owner died.

    Returns the job's signals (``done``, ``failed``, then ``finished`` once delivered).
    """
    job = _Job(work)
    signals = job.signals
    _running.add(signals)  # keep the QObject alive until it has reported

    def finished(result: Any) -> None:
        _running.discard(signals)
        try:
            if _gone(owners):
                log.debug("background result dropped: its owner was deleted")
                return
            on_done(result)
        finally:
            signals.finished.emit()

    def failed(exc: BaseException, trace: str) -> None:
        _running.discard(signals)
        try:
            if _gone(owners):
                if not isinstance(exc, StoreError):  # a bug nobody can be shown any more
                    log.warning("background error after its owner was deleted:\n%s", trace)
                return
            on_error(exc, trace)
        finally:
            signals.finished.emit()

    signals.done.connect(finished)
    signals.failed.connect(failed)
    QThreadPool.globalInstance().start(job)
    return signals
