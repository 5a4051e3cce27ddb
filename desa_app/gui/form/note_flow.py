"""Review notes at the fields: reading the open ones, writing one (pembina), resolving.

A mixin of :class:`desa_app.gui.form.editor.FormEditor` (it uses the editor's session,
record id, notes list and redraw). A refusal from core (a note resolved meanwhile, a
role that may not write) is shown, never raised into the event loop.
"""

from __future__ import annotations

from typing import Any

from desa_app.core.errors import StoreError
from desa_app.core.instrument.issues import Key
from desa_app.gui.form.navigator import path_to_cell
from desa_app.gui.form.parts import EditorParts
from desa_app.gui.i18n import t
from desa_app.gui.qt import QMessageBox


class NoteFlow(EditorParts):
    # provided by FormEditor
    notes_list: Any
    open_notes: list[Any]

    def load_notes(self) -> None:
        """The open review notes of this record, by question, for showing at the fields."""
        self.open_notes = []
        self.notes_at: dict[tuple[str, Key], list[str]] = {}
        if self.record_id is not None:
            notes = self.session.store.records.notes(self.session.actor, self.record_id)
            self.open_notes = [n for n in notes if n.resolved_at is None]
        for note in self.open_notes:
            if note.field_path:
                self.notes_at.setdefault(path_to_cell(note.field_path), []).append(note.text)
        self.notes_list.show_notes(self.open_notes)

    def write_note(self, path: str | None, text: str) -> None:
        """A note by someone who reads but does not edit (catatan pembinaan)."""
        if self.record_id is None:
            return
        try:
            self.session.store.records.add_note(self.session.actor, self.record_id, text, path)
        except StoreError as exc:
            QMessageBox.warning(self.widget(), t("form.save_failed_title"), str(exc))
            return
        self.load_notes()
        self.refresh_all()

    def resolve_note(self, note_id: int) -> None:
        try:
            self.session.store.records.resolve_note(self.session.actor, note_id)
        except StoreError as exc:  # e.g. resolved meanwhile by someone else
            QMessageBox.warning(self.widget(), t("form.save_failed_title"), str(exc))
        self.load_notes()
        self.refresh_all()
