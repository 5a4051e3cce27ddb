"""Where the questionnaire lives in the main window, and what opens and closes it.

One editor per instrument is built the first time it is needed and then reused for
every record (opening a record is a rebind, not a rebuild). The host also offers, right
after login, to bring back what a crash left in the recovery journal.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from desa_app.gui.form.recovery import JournalEntry, pending
from desa_app.gui.i18n import t
from desa_app.gui.main_window import MainWindow
from desa_app.gui.qt import QMessageBox, QWidget

if TYPE_CHECKING:
    from desa_app.gui.form.editor import FormEditor

HOUSEHOLDS = "nav.households"


class FormHost:
    def __init__(self, window: MainWindow) -> None:
        self.window = window
        self.editor: FormEditor | None = None
        self.return_to: QWidget | None = None
        page = window.pages.get(HOUSEHOLDS)
        if page is not None:
            page.open_requested.connect(self.open_record)  # type: ignore[attr-defined]
            page.new_requested.connect(self.new_record)  # type: ignore[attr-defined]
        window.closing.connect(self._window_closing)

    def ensure_editor(self) -> FormEditor:
        if self.editor is None:
            # imported here: the questionnaire engine is not needed to show the list
            from desa_app.gui.form.editor import FormEditor

            editor = FormEditor(self.window.session)
            editor.closed.connect(self._editor_closed)
            editor.saved.connect(lambda _id: self._refresh_list())
            editor.status_changed.connect(lambda _status: self._refresh_list())
            self.window.stack.addWidget(editor)
            self.window.pages["__form__"] = editor  # asked before the app closes
            self.editor = editor
        return self.editor

    def _show(self, editor: FormEditor) -> None:
        current = self.window.stack.currentWidget()
        if current is not editor:
            self.return_to = current
        self.window.stack.setCurrentWidget(editor)
        self.window.navigation.setEnabled(False)  # finish or close the record first
        editor.focus_first()

    def open_record(self, record_id: str) -> FormEditor:
        editor = self.ensure_editor()
        if editor.isVisible() and editor.dirty and editor.record_id != record_id:
            editor.save("simpan otomatis")
        editor.load(record_id)
        self._show(editor)
        return editor

    def new_record(self) -> FormEditor:
        editor = self.ensure_editor()
        editor.load(None)
        self._show(editor)
        return editor

    def open_recovered(self, entry: JournalEntry) -> FormEditor:
        editor = self.ensure_editor()
        editor.load(entry.record_id, recovered=entry)
        self._show(editor)
        return editor

    def offer_recovery(self) -> JournalEntry | None:
        """After login: bring back what was being typed when the app last stopped."""
        session = self.window.session
        for entry in pending(session.store.db.path, session.actor.username):
            title = entry.title or t("form.new_household")
            answer = QMessageBox.question(
                self.window, t("recovery.title"),
                t("recovery.offer", title=title,
                  when=entry.written_at.strftime("%d/%m/%Y %H:%M")),
                QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No)
            if answer == QMessageBox.StandardButton.Yes:
                self.open_recovered(entry)
                return entry
            entry.path.unlink(missing_ok=True)  # the user chose to drop it
        return None

    def _editor_closed(self) -> None:
        self.window.navigation.setEnabled(True)
        if self.window.stack.currentWidget() is self.editor:
            target = self.return_to or self.window.pages.get(HOUSEHOLDS)
            if target is not None:
                self.window.stack.setCurrentWidget(target)
        self._refresh_list()
        if getattr(self.window, "closing_requested", False):
            self.window.close()

    def _refresh_list(self) -> None:
        page = self.window.pages.get(HOUSEHOLDS)
        refresh = getattr(page, "refresh", None)
        if refresh is not None:
            refresh()

    def _window_closing(self) -> None:
        if self.editor is not None and self.editor.journal is not None \
                and not self.editor.dirty:
            self.editor.journal.discard()
