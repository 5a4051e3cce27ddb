"""Progress and cancelling of a long export, without knowing who shows it.

An exporter calls ``progress.step(done, total, what)`` now and then; the GUI's worker
turns that into a progress bar and sets ``cancelled`` when the user presses Batal, and
the next ``step`` raises :class:`ExportCancelled`, so the exporter stops at a safe point
(its temporary file is removed, nothing half-written is left under the real name).
"""

from __future__ import annotations

import threading
from collections.abc import Callable

from desa_app.core.errors import StoreError
from desa_app.core.messages import text


class ExportCancelled(StoreError):
    """The user stopped the export; nothing was written."""

    def __init__(self) -> None:
        super().__init__(text("exports.cancelled"))


class Progress:
    """Reports how far an export is and carries the request to stop it."""

    def __init__(self, report: Callable[[int, int, str], None] | None = None) -> None:
        self._report = report
        self._cancel = threading.Event()

    def cancel(self) -> None:
        self._cancel.set()

    @property
    def cancelled(self) -> bool:
        return self._cancel.is_set()

    def step(self, done: int, total: int, what: str = "") -> None:
        """Say how far the work is; raises ExportCancelled once cancel() was called."""
        if self._cancel.is_set():
            raise ExportCancelled()
        if self._report is not None:
            self._report(done, total, what)

