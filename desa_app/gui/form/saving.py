"""Saving, submitting and closing a record: the part of the editor that talks to the
store in the background and must never drop what was typed.

A mixin of :class:`desa_app.gui.form.editor.FormEditor` (it uses the editor's state,
journal, buttons and signals).
"""

from __future__ import annotations

from typing import Any

from desa_app.core.errors import StoreError
from desa_app.core.instrument.model import Severity
from desa_app.core.instrument.places import place_of
from desa_app.core.store.service import Summary
from desa_app.core.workflow import Status, can_edit
from desa_app.gui.form.parts import EditorParts
from desa_app.gui.i18n import form_language, t
from desa_app.gui.qt import QMessageBox
from desa_app.gui.worker import run_in_background


class SaveFlow(EditorParts):
    """Background saves (one at a time, a later one follows), submit, close."""

    # provided by FormEditor
    saving: bool
    generation: int
    save_again: bool
    close_after_save: bool
    saved: Any
    closed: Any
    status_changed: Any

    def save(self, reason: str = "disimpan") -> None:
        """Save a revision in the background; a save asked for meanwhile follows it.
        The box being typed is committed first: Ctrl+S saves what is on the screen."""
        self.commit_pending()
        self.autosave.stop()
        if not self.editable or (not self.dirty and self.record_id is not None):
            if self.close_after_save:
                self._finish_close()
            return
        if self.saving:
            self.save_again = True
            return
        self.saving = True
        answers = self.state.to_json()
        issues = self.state.issues()
        errors = sum(1 for i in issues if i.severity is Severity.ERROR)
        summary = Summary(errors, len(issues) - errors, self.state.export_values())
        records = self.session.store.records
        actor = self.session.actor
        record_id, revision = self.record_id, self.revision

        def work() -> Any:
            if record_id is None:
                return records.create(actor, self.instrument.id, answers, reason,
                                      summary=summary)
            return records.save(actor, record_id, answers, reason,
                                expected_revision=revision, summary=summary)

        self.refresh_summary()
        generation = self.generation
        run_in_background(work, lambda data: self._saved(data, answers, generation),
                          self._save_failed, owner=self.widget())

    def _saved(self, data: Any, answers: dict[str, Any], generation: int) -> None:
        self.saving = False
        if generation != self.generation:
            return  # saved for a record that is no longer on screen: it is in the store
        self.record_id, self.revision = data.id, data.revision
        if self.state.to_json() == answers:
            self.dirty = False
            if self.journal is not None:
                self.journal.discard()
        else:
            self.journal_now()  # typed on while saving: keep the journal current
        self.refresh_summary()
        self.saved.emit(data.id)
        if self.save_again or (self.dirty and self.close_after_save):
            self.save_again = False
            self.save("simpan otomatis")
        elif self.close_after_save:
            self._finish_close()

    def _save_failed(self, exc: BaseException, trace: str) -> None:
        self.saving = False
        self.close_after_save = False
        self.refresh_summary()
        text = str(exc) if isinstance(exc, StoreError) else f"{exc}\n\n{trace}"
        QMessageBox.warning(self.widget(), t("form.save_failed_title"),
                            t("form.save_failed", reason=text))

    def submit(self) -> None:
        if not self.can_submit():
            return
        self.commit_pending()
        if self.state.has_errors:  # show every missing answer and go to the first
            self.show_all_required = True
            self.refresh_all()
            errors = self.state.issues(Severity.ERROR)
            self.show_hint(t("form.submit_has_errors", n=len(errors)))
            self.jump_to(errors[0])
            return
        warnings = self.state.issues(Severity.WARNING)
        if warnings:
            language = form_language()
            listed = "\n".join(
                f"• {place_of(self.instrument, w.name, w.key, language)}: {w.message}"
                for w in warnings[:10])
            if not self.confirm(t("form.submit_warnings_title"),
                                t("form.submit_warnings", count=len(warnings), list=listed)):
                return
        if self.dirty or self.record_id is None:
            self.saved.connect(self._submit_after_save)
            self.save("sebelum diserahkan")
            return
        self._submit_now()

    def _submit_after_save(self, record_id: str) -> None:
        self.saved.disconnect(self._submit_after_save)
        self._submit_now()

    def _submit_now(self) -> None:
        records, actor, record_id = self.session.store.records, self.session.actor, self.record_id
        assert record_id is not None
        run_in_background(lambda: records.submit(actor, record_id), self._submitted,
                          self._save_failed, owner=self.widget())

    def _submitted(self, status: Status) -> None:
        self.status = status
        self.set_editable(can_edit(self.session.actor.role, status))
        self.refresh_all()
        self.status_changed.emit(status.value)

    def request_close(self) -> None:
        """Leaving a record saves it first; nothing typed is dropped silently."""
        self.commit_pending()
        if self.dirty and self.editable:
            self.close_after_save = True
            self.save("simpan otomatis")
            return
        self._finish_close()

    def confirm_close(self) -> bool | None:
        """Asked by the main window when the app closes: True (close now) or None
        (saving first, the window closes afterwards). The box being typed counts; a
        draft is always saved, so there is nothing to ask. A failed save keeps the
        window open and says why (the journal still holds everything)."""
        self.commit_pending()
        if not (self.dirty and self.editable):
            if self.journal is not None:
                self.journal.discard()
            return True
        self.journal_now()
        self.close_after_save = True
        self.save("simpan otomatis")
        return None

    def _finish_close(self) -> None:
        self.close_after_save = False
        self.autosave.stop()
        if not self.dirty and self.journal is not None:
            self.journal.discard()
        self.closed.emit()
