"""Running slow work (opening, saving, building) off the screen's thread.

The window must never freeze: anything that can take longer than ~50 ms goes through
:func:`run_in_background`; its result or its error comes back to the GUI thread as a
signal. User errors (``StoreError``) arrive as such; anything else is a bug and is shown
as one with its traceback. A result whose screen was deleted meanwhile is dropped.
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


def _owner_of(callback: Callable[..., Any]) -> QObject | None:
    """The Qt object a bound method belongs to (``page._done`` -> ``page``), else None."""
    owner = getattr(callback, "__self__", None)
    return owner if isinstance(owner, QObject) else None


def _gone(*owners: QObject | None) -> bool:
    return any(owner is not None and not is_alive(owner) for owner in owners)


def run_in_background(work: Callable[[], Any], on_done: Callable[[Any], None],
                      on_error: Callable[[BaseException, str], None],
                      owner: QObject | None = None) -> _Signals:
    """Start ``work`` in the thread pool; returns its signals (tests can wait on them).

    The result (or error) is dropped when whoever asked is gone by the time it arrives:
    ``owner`` if given, and the object a callback is a bound method of (a page closed,
    a window torn down). Its widgets are deleted, so delivering would raise. Pass
    ``owner`` when the callbacks are lambdas or plain functions that touch a widget.
    """
    job = _Job(work)
    signals = job.signals
    _running.add(signals)  # keep the QObject alive until it has reported
    done_owner, error_owner = _owner_of(on_done), _owner_of(on_error)

    def finished(result: Any) -> None:
        _running.discard(signals)
        if _gone(owner, done_owner):
            log.debug("background result dropped: its owner was deleted")
            return
        on_done(result)

    def failed(exc: BaseException, trace: str) -> None:
        _running.discard(signals)
        if _gone(owner, error_owner):
            if not isinstance(exc, StoreError):  # a bug nobody can be shown any more
                log.warning("background error after its owner was deleted:\n%s", trace)
            return
        on_error(exc, trace)

    signals.done.connect(finished)
    signals.failed.connect(failed)
    QThreadPool.globalInstance().start(job)
    return signals
