"""The recovery journal while typing: written at most a second after any change, with
the text of the box still being typed, and that text brought back after a crash.

A part of :class:`desa_app.gui.form.editor.FormEditor`. Writing the journal at every
keystroke would put an fsync on the typist's path; a one-second timer that is started,
never restarted, bounds what a SIGKILL can cost to that second instead.
"""

from __future__ import annotations

from typing import Any

from desa_app.gui.form.navigation_flow import NavigationFlow
from desa_app.gui.form.parts import EditorContext
from desa_app.gui.form.typed import interpret
from desa_app.gui.i18n import form_language, t
from desa_app.gui.qt import QLabel, QTimer

JOURNAL_MS = 1000


class JournalFlow:
    """Journal soon / now, the pending box, and restoring it."""

    def __init__(self, context: EditorContext, navigation: NavigationFlow,
                 save_label: QLabel) -> None:
        self.context = context
        self.navigation = navigation
        self.save_label = save_label
        self.timer = QTimer(context.parent)
        self.timer.setSingleShot(True)
        self.timer.setInterval(JOURNAL_MS)
        self.timer.timeout.connect(self.now)

    def soon(self) -> None:
        """Within the second; a running timer is not restarted (typing on must not
        postpone the journal past it)."""
        if not self.timer.isActive():
            self.timer.start()

    def stop(self) -> None:
        self.timer.stop()

    def pending_input(self) -> dict[str, Any] | None:
        """The text of the box being typed, not committed yet (for the journal)."""
        stop = self.navigation.current_stop
        if stop is None:
            return None
        row = self.context.row(stop.name, stop.key)
        text = row.input.pending() if row is not None and row.input is not None else None
        if text is None:
            return None
        return {"name": stop.name, "key": list(stop.key), "text": text}

    def apply_pending(self, pending: dict[str, Any] | None) -> None:
        """Bring back the text a crash caught in a box (as typed if it cannot be read)."""
        instrument = self.context.instrument
        if not pending or pending.get("name") not in instrument.nodes:
            return
        field = instrument.field(str(pending["name"]))
        key = tuple(int(k) for k in pending.get("key") or [])
        if len(key) != len(field.repeats) or not self.context.has_instance(key):
            return  # a journal that does not fit (edited by hand): the answers still do
        text = str(pending.get("text", ""))
        value, problem = interpret(field, instrument.choices_of(field), text,
                                   form_language())
        self.context.state.set(field.name, text if problem else value, key)

    def now(self) -> None:
        self.timer.stop()
        pending = self.pending_input()
        record = self.context.record
        if record.journal is None or not (record.dirty or pending):
            return
        try:
            record.journal.write(record.record_id, self.context.instrument.id,
                                 record.state.to_json(), record.revision,
                                 self.context.view.record_title(), pending=pending)
        except OSError:
            self.save_label.setText(t("form.journal_failed"))
