"""The recovery journal while typing: written at most a second after any change, with
the text of the box still being typed, and that text brought back after a crash.

A mixin of :class:`desa_app.gui.form.editor.FormEditor`. Writing the journal at every
keystroke would put an fsync on the typist's path; a one-second timer that is started,
never restarted, bounds what a SIGKILL can cost to that second instead.
"""

from __future__ import annotations

from typing import Any

from desa_app.core.instrument.issues import Key
from desa_app.gui.form.parts import EditorParts
from desa_app.gui.form.typed import interpret
from desa_app.gui.i18n import form_language, t


class JournalFlow(EditorParts):
    """Journal soon / now, the pending box, and restoring it."""

    def has_instance(self, key: Key) -> bool:
        """An edit from a member row that no longer exists (removed, another record)."""
        if not key:
            return True
        return self.members is not None and 0 <= key[0] < self.member_count()

    def _row(self, name: str, key: Key) -> Any:
        registry = self._registry_for(name, key)
        return registry.rows.get(name) if registry is not None else None

    def journal_soon(self) -> None:
        if not self.journal_timer.isActive():
            self.journal_timer.start()

    def pending_input(self) -> dict[str, Any] | None:
        """The text of the box being typed, not committed yet (for the journal)."""
        stop = self.current_stop
        if stop is None:
            return None
        row = self._row(stop.name, stop.key)
        text = row.input.pending() if row is not None and row.input is not None else None
        if text is None:
            return None
        return {"name": stop.name, "key": list(stop.key), "text": text}

    def apply_pending(self, pending: dict[str, Any] | None) -> None:
        """Bring back the text a crash caught in a box (as typed if it cannot be read)."""
        if not pending or pending.get("name") not in self.instrument.nodes:
            return
        field = self.instrument.field(str(pending["name"]))
        key = tuple(int(k) for k in pending.get("key") or [])
        if len(key) != len(field.repeats) or not self.has_instance(key):
            return  # a journal that does not fit (edited by hand): the answers still do
        text = str(pending.get("text", ""))
        value, problem = interpret(field, self.instrument.choices_of(field), text,
                                   form_language())
        self.state.set(field.name, text if problem else value, key)

    def journal_now(self) -> None:
        self.journal_timer.stop()
        pending = self.pending_input()
        if self.journal is None or not (self.dirty or pending):
            return
        try:
            self.journal.write(self.record_id, self.instrument.id, self.state.to_json(),
                               self.revision, self.record_title(), pending=pending)
        except OSError:
            self.save_label.setText(t("form.journal_failed"))
