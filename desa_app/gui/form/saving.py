"""Saving, submitting and closing a record: the part of the editor that talks to the
store in the background and must never drop what was typed.

A part of :class:`desa_app.gui.form.editor.FormEditor`. It sends the answers and the
reason only: the store derives the record's counts and export values itself on every
save, so what the list and the exports show never depends on the screen.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from desa_app.core.instrument.model import Severity
from desa_app.core.instrument.places import place_of
from desa_app.core.workflow import Action, Status, can_edit
from desa_app.gui.form.journal_flow import JournalFlow
from desa_app.gui.form.navigation_flow import NavigationFlow
from desa_app.gui.form.parts import EditorContext
from desa_app.gui.i18n import form_language, t
from desa_app.gui.operation import BackgroundOp, Failure
from desa_app.gui.qt import QMessageBox, QObject, QTimer, Signal

if TYPE_CHECKING:
    from desa_app.core.store.service import RecordData

AUTOSAVE_MS = 3000


class SaveFlow(QObject):
    """Background saves (one at a time, a later one follows), autosave, submit, close."""

    saved = Signal(str)
    closed = Signal()
    status_changed = Signal(str)

    def __init__(self, context: EditorContext, navigation: NavigationFlow,
                 journal: JournalFlow) -> None:
        super().__init__(context.parent)
        self.context = context
        self.navigation = navigation
        self.journal = journal
        self.saving = False
        self.save_again = False
        self.close_after_save = False
        self.autosave = QTimer(self)
        self.autosave.setSingleShot(True)
        self.autosave.setInterval(AUTOSAVE_MS)
        self.autosave.timeout.connect(lambda: self.save("simpan otomatis"))

    def reset(self) -> None:
        """Another record: a save still running belongs to the previous one."""
        self.autosave.stop()
        self.saving = self.save_again = self.close_after_save = False

    def record_changed(self, journal_now: bool = False) -> None:
        """The answers changed: the journal follows (within the second, or now for a
        structural change) and a draft is saved once typing stops."""
        self.context.record.dirty = True
        if journal_now:
            self.journal.now()
        else:
            self.journal.soon()
        self.autosave.start()

    def can_submit(self) -> bool:
        """The button works whenever submitting is this user's step; with errors left it
        shows them all and goes to the first instead of submitting."""
        record = self.context.record
        return (self.context.session.can(Action.SUBMIT) and record.editable
                and record.status in (Status.DRAFT, Status.RETURNED))

    def save(self, reason: str = "disimpan") -> None:
        """Save a revision in the background; a save asked for meanwhile follows it.
        The box being typed is committed first: Ctrl+S saves what is on the screen."""
        self.navigation.commit_pending()
        self.autosave.stop()
        record = self.context.record
        if not record.editable or (not record.dirty and record.record_id is not None):
            if self.close_after_save:
                self._finish_close()
            return
        if self.saving:
            self.save_again = True
            return
        self.saving = True
        answers = record.state.to_json()
        records = self.context.session.store.records
        actor = self.context.session.actor
        instrument_id = self.context.instrument.id
        record_id, revision = record.record_id, record.revision

        def work() -> RecordData:
            if record_id is None:
                return records.create(actor, instrument_id, answers, reason)
            return records.save(actor, record_id, answers, reason,
                                expected_revision=revision)

        self.context.view.refresh_summary()
        generation = record.generation
        BackgroundOp(self.context.parent, work) \
            .success(lambda data: self._saved(data, answers, generation)) \
            .failure(self._save_failed).run()

    def _saved(self, data: RecordData, answers: dict[str, Any], generation: int) -> None:
        self.saving = False
        record = self.context.record
        if generation != record.generation:
            return  # saved for a record that is no longer on screen: it is in the store
        record.record_id, record.revision = data.id, data.revision
        if record.state.to_json() == answers:
            record.dirty = False
            if record.journal is not None:
                record.journal.discard()
        else:
            self.journal.now()  # typed on while saving: keep the journal current
        self.context.view.refresh_summary()
        self.saved.emit(data.id)
        if self.save_again or (record.dirty and self.close_after_save):
            self.save_again = False
            self.save("simpan otomatis")
        elif self.close_after_save:
            self._finish_close()

    def _save_failed(self, failure: Failure) -> None:
        """Said in the editor's own words around the one standard line of ``Failure``
        (a bug's details go to the log; what was typed is still on screen and in the
        journal)."""
        self.saving = False
        self.close_after_save = False
        self.context.view.refresh_summary()
        QMessageBox.warning(self.context.parent, t("form.save_failed_title"),
                            t("form.save_failed", reason=failure.message))

    def submit(self) -> None:
        if not self.can_submit():
            return
        self.navigation.commit_pending()
        state, view = self.context.state, self.context.view
        if state.has_errors:  # show every missing answer and go to the first
            self.navigation.require_all()
            view.refresh_all()
            errors = state.issues(Severity.ERROR)
            view.show_hint(t("form.submit_has_errors", n=len(errors)))
            self.navigation.jump_to(errors[0])
            return
        warnings = state.issues(Severity.WARNING)
        if warnings:
            language = form_language()
            listed = "\n".join(
                f"• {place_of(self.context.instrument, w.name, w.key, language)}: "
                f"{w.message}" for w in warnings[:10])
            if not view.confirm(t("form.submit_warnings_title"),
                                t("form.submit_warnings", count=len(warnings), list=listed)):
                return
        record = self.context.record
        if record.dirty or record.record_id is None:
            self.saved.connect(self._submit_after_save)
            self.save("sebelum diserahkan")
            return
        self._submit_now()

    def _submit_after_save(self, record_id: str) -> None:
        self.saved.disconnect(self._submit_after_save)
        self._submit_now()

    def _submit_now(self) -> None:
        session = self.context.session
        records, actor, record_id = session.store.records, session.actor, \
            self.context.record.record_id
        assert record_id is not None
        BackgroundOp(self.context.parent, lambda: records.submit(actor, record_id)) \
            .success(self._submitted).failure(self._save_failed).run()

    def _submitted(self, status: Status) -> None:
        self.context.record.status = status
        self.context.view.set_editable(can_edit(self.context.session.actor.role, status))
        self.context.view.refresh_all()
        self.status_changed.emit(status.value)

    def request_close(self) -> None:
        """Leaving a record saves it first; nothing typed is dropped silently."""
        self.navigation.commit_pending()
        record = self.context.record
        if record.dirty and record.editable:
            self.close_after_save = True
            self.save("simpan otomatis")
            return
        self._finish_close()

    def confirm_close(self) -> bool | None:
        """Asked by the main window when the app closes: True (close now) or None
        (saving first, the window closes afterwards). The box being typed counts; a
        draft is always saved, so there is nothing to ask. A failed save keeps the
        window open and says why (the journal still holds everything)."""
        self.navigation.commit_pending()
        record = self.context.record
        if not (record.dirty and record.editable):
            if record.journal is not None:
                record.journal.discard()
            return True
        self.journal.now()
        self.close_after_save = True
        self.save("simpan otomatis")
        return None

    def _finish_close(self) -> None:
        self.close_after_save = False
        self.autosave.stop()
        record = self.context.record
        if not record.dirty and record.journal is not None:
            record.journal.discard()
        self.closed.emit()
