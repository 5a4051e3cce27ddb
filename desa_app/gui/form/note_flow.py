"""Review notes at the fields: reading the open ones, writing one (pembina), resolving.

A part of :class:`desa_app.gui.form.editor.FormEditor`. A refusal from core (a note
resolved meanwhile, a role that may not write) is shown, never raised into the event
loop.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from desa_app.core.errors import StoreError
from desa_app.core.instrument.issues import Key
from desa_app.gui.form.navigator import NotesList, path_to_cell
from desa_app.gui.form.parts import EditorContext
from desa_app.gui.i18n import t
from desa_app.gui.qt import QMessageBox

if TYPE_CHECKING:
    from desa_app.core.store.models import ReviewNote


class NoteFlow:
    """The record's open notes, by question (``notes_at``) and in the list."""

    def __init__(self, context: EditorContext, notes_list: NotesList) -> None:
        self.context = context
        self.notes_list = notes_list
        self.open_notes: list[ReviewNote] = []
        self.notes_at: dict[tuple[str, Key], list[str]] = {}
        notes_list.resolve_requested.connect(self.resolve_note)
        notes_list.note_written.connect(self.write_note)

    def load_notes(self) -> None:
        """The open review notes of this record, by question, for showing at the fields."""
        session, record_id = self.context.session, self.context.record.record_id
        self.open_notes = []
        self.notes_at = {}
        if record_id is not None:
            notes = session.store.records.notes(session.actor, record_id)
            self.open_notes = [n for n in notes if n.resolved_at is None]
        for note in self.open_notes:
            if note.field_path:
                self.notes_at.setdefault(path_to_cell(note.field_path), []).append(note.text)
        self.notes_list.show_notes(self.open_notes)

    def write_note(self, path: str | None, text: str) -> None:
        """A note by someone who reads but does not edit (catatan pembinaan)."""
        session, record_id = self.context.session, self.context.record.record_id
        if record_id is None:
            return
        try:
            session.store.records.add_note(session.actor, record_id, text, path)
        except StoreError as exc:
            QMessageBox.warning(self.context.parent, t("form.save_failed_title"), str(exc))
            return
        self.load_notes()
        self.context.view.refresh_all()

    def resolve_note(self, note_id: int) -> None:
        session = self.context.session
        try:
            session.store.records.resolve_note(session.actor, note_id)
        except StoreError as exc:  # e.g. resolved meanwhile by someone else
            QMessageBox.warning(self.context.parent, t("form.save_failed_title"), str(exc))
        self.load_notes()
        self.context.view.refresh_all()
