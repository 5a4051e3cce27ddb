"""One typed way for a screen to run slow work in the background (``BackgroundOp``).

Every screen used to write its own busy flag and its own failure handling, and a
failure handler with the wrong signature went unnoticed until it was called. Here a
screen says what to do, what happens with the result, who shows that it is busy, and
(only when it needs something special) what happens on failure::

    self.backing_up = BusyBar(busy_bar(), lock=[self.backup_button])  # once
    ...
    BackgroundOp(self, lambda: store.backup(actor)).success(self._backed_up) \
        .failure(on_label(self, self.backup_problem)).busy(self.backing_up).run()

The callbacks are typed against the work's result, so a wrong signature is a mypy
error. Every failure is logged with its traceback here, whoever handles it; the screen
gets a :class:`Failure` with one Indonesian line to show. The standard report (used
when a screen gives no ``.failure``) is a non-blocking message box with that line; a
screen whose problems belong next to its fields uses :func:`on_label`, which puts a
user's error in red there and reports anything else the standard way. A raw traceback
is never shown. A result that arrives after its screen was deleted is dropped
(``worker.py``, the private engine).
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any, Generic, Protocol, Self, TypeVar

from desa_app.core.errors import StoreError
from desa_app.core.instrument.errors import FormDefinitionError
from desa_app.gui import worker
from desa_app.gui.i18n import t
from desa_app.gui.qt import QLabel, QMessageBox, QObject, QProgressBar, Qt, QWidget

T = TypeVar("T")
log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Failure:
    """What went wrong in background work, ready to be shown.

    ``message`` is one Indonesian line: the core's own text for a user's problem
    (``StoreError``, a bad form definition), else a generic "unexpected error, details
    in the log" line. ``is_user_error`` tells the two apart.
    """

    error: BaseException
    trace: str
    message: str
    is_user_error: bool

    @classmethod
    def of(cls, error: BaseException, trace: str) -> Failure:
        if isinstance(error, StoreError):
            return cls(error, trace, str(error), True)
        if isinstance(error, FormDefinitionError):
            return cls(error, trace, _definition_line(error), True)
        return cls(error, trace, t("common.unexpected", error=_first_line(error)), False)


def _first_line(error: BaseException, limit: int = 160) -> str:
    text = str(error).strip().splitlines()
    line = f"{type(error).__name__}: {text[0]}" if text else type(error).__name__
    return line if len(line) <= limit else line[: limit - 1] + "…"


def _definition_line(error: FormDefinitionError) -> str:
    """The definition error's heading and its first problem (all of them are logged)."""
    heading = str(error).splitlines()[0].rstrip(":")
    if not error.problems:
        return heading
    more = "" if len(error.problems) == 1 else " …"
    return f"{heading}: {error.problems[0]}{more}"


def log_failure(failure: Failure) -> None:
    """The details go to the log: a user's problem as information, a bug as an error."""
    if failure.is_user_error:
        log.info("background work refused: %s\n%s", failure.message, failure.trace)
    else:
        log.error("background work failed (a bug):\n%s", failure.trace)


def report_failure(parent: QWidget | None, failure: Failure) -> QMessageBox:
    """The standard report: one line in a message box that does not block the caller."""
    icon = QMessageBox.Icon.Warning if failure.is_user_error else QMessageBox.Icon.Critical
    box = QMessageBox(icon, t("common.error_title"), failure.message, parent=parent)
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.open()
    return box


def on_label(parent: QWidget | None, label: QLabel) -> Callable[[Failure], None]:
    """A failure handler for screens with a red problem label next to their fields."""

    def show(failure: Failure) -> None:
        if failure.is_user_error:
            label.setText(failure.message)
            label.setVisible(True)
        else:
            label.setText("")
            label.hide()
            report_failure(parent, failure)

    return show


class BusyIndicator(Protocol):
    """Whatever shows that a screen's work is running (and locks what must wait)."""

    def set_busy(self, busy: bool) -> None: ...


def busy_bar() -> QProgressBar:
    """An indeterminate bar: slow work is visibly going on, not stuck."""
    bar = QProgressBar()
    bar.setRange(0, 0)
    bar.setTextVisible(False)
    bar.setMaximumHeight(14)
    bar.hide()
    return bar


class BusyBar:
    """The ready-made indicator: shows a busy bar (and ``also_show``, e.g. a "saving…"
    label) and disables widgets while work runs.

    ``lock`` is a list of widgets or a function giving them at that moment (a dialog
    locking all its fields). A widget that was already disabled stays disabled
    afterwards. ``active`` is the one busy flag a screen asks (e.g. to ignore Esc).
    ``on_change(busy)`` runs first at each change, once ``active`` is set, for what a
    screen must recompute (a wizard page's "ready" flag, which makes QWizard update its
    buttons: only afterwards are they locked).
    """

    def __init__(self, bar: QWidget | None = None,
                 lock: Iterable[QWidget] | Callable[[], Iterable[QWidget]] = (),
                 also_show: Iterable[QWidget] = (),
                 on_change: Callable[[bool], None] | None = None) -> None:
        self.bar = bar
        self._lock = lock if callable(lock) else tuple(lock)
        self.also_show = tuple(also_show)
        self.on_change = on_change
        self.active = False
        self._locked: list[QWidget] = []

    def _widgets(self) -> Iterable[QWidget]:
        return self._lock() if callable(self._lock) else self._lock

    def set_busy(self, busy: bool) -> None:
        if busy == self.active:
            return
        self.active = busy
        if self.on_change is not None:
            self.on_change(busy)
        for widget in (self.bar, *self.also_show):
            if widget is not None:
                widget.setVisible(busy)
        if busy:
            self._locked = [widget for widget in self._widgets() if widget.isEnabled()]
            for widget in self._locked:
                widget.setEnabled(False)
        else:
            for widget in self._locked:
                widget.setEnabled(True)
            self._locked = []


class OpHandle:
    """A started operation: ``finished`` fires once its result or failure was delivered
    (or dropped); ``done``/``failed`` are the raw signals. Tests wait on these."""

    def __init__(self, signals: Any) -> None:
        self.signals = signals
        self.done = signals.done
        self.failed = signals.failed
        self.finished = signals.finished

    @property
    def running(self) -> bool:
        return self.signals in worker._running


class BackgroundOp(Generic[T]):
    """Slow ``work`` for the screen ``parent``; configure with the chained methods, then
    :meth:`run`. The indicator is off again before a callback runs, so the callback may
    start the next operation with it. If ``parent`` (or the object a callback is a
    method of) is deleted before the work ends, nothing is delivered and the indicator
    is left alone (its widgets went with the screen)."""

    def __init__(self, parent: QWidget, work: Callable[[], T]) -> None:
        self.parent = parent
        self.work = work
        self._success: Callable[[T], None] | None = None
        self._failure: Callable[[Failure], None] | None = None
        self._busy: BusyIndicator | None = None

    def success(self, callback: Callable[[T], None]) -> Self:
        self._success = callback
        return self

    def failure(self, callback: Callable[[Failure], None]) -> Self:
        """Replace the standard report (the failure is logged either way)."""
        self._failure = callback
        return self

    def busy(self, indicator: BusyIndicator) -> Self:
        self._busy = indicator
        return self

    def run(self) -> OpHandle:
        on_success, on_failure, indicator = self._success, self._failure, self._busy
        parent = self.parent
        owners: tuple[QObject | None, ...] = (
            parent, *(worker.owner_of(cb) for cb in (on_success, on_failure) if cb))
        if indicator is not None:
            indicator.set_busy(True)

        def done(result: Any) -> None:
            if indicator is not None:
                indicator.set_busy(False)
            if on_success is not None:
                on_success(result)

        def failed(error: BaseException, trace: str) -> None:
            failure = Failure.of(error, trace)
            log_failure(failure)
            if indicator is not None:
                indicator.set_busy(False)
            if on_failure is not None:
                on_failure(failure)
            else:
                report_failure(parent, failure)

        return OpHandle(worker.start(self.work, done, failed, owners))
