"""Where the questionnaire lives in the main window, and what opens and closes it.

One editor per instrument (households, Potensi, Perkembangan) is built the first time
it is needed and then reused for every record of it (opening a record is a rebind, not
a rebuild). The host also offers, right
after login, to bring back what a crash left in the recovery journal. What an editor
saves or moves through the workflow is announced on the session's ``changes``; the
lists refresh themselves from that.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from desa_app.gui.ask import ask
from desa_app.gui.form.recovery import JournalEntry, pending, set_aside
from desa_app.gui.i18n import t
from desa_app.gui.main_window import MainWindow
from desa_app.gui.page import RecordListPage
from desa_app.gui.pages.households import HouseholdPage
from desa_app.gui.qt import QWidget
from desa_app.gui.session import Change

if TYPE_CHECKING:
    from desa_app.gui.form.editor import FormEditor

HOUSEHOLDS = HouseholdPage.NAV_KEY


class FormHost:
    def __init__(self, window: MainWindow) -> None:
        self.window = window
        self.editor: FormEditor | None = None
        self.editors: dict[str, FormEditor] = {}
        self.return_to: QWidget | None = None
        for page in window.pages.values():
            if isinstance(page, RecordListPage):
                page.open_requested.connect(self.open_record)
            if isinstance(page, HouseholdPage):
                page.new_requested.connect(self.new_record)
        window.closing.connect(self._window_closing)

    def ensure_editor(self, instrument_id: str = "ddk") -> FormEditor:
        editor = self.editors.get(instrument_id)
        if editor is None:
            # imported here: the questionnaire engine is not needed to show the list
            from desa_app.gui.form.editor import FormEditor

            editor = FormEditor(self.window.session, instrument_id)
            editor.closed.connect(self._editor_closed)
            editor.saved.connect(self._record_changed)
            editor.status_changed.connect(self._record_changed)
            self.window.stack.addWidget(editor)
            self.window.close_guards.append(editor.confirm_close)  # asked before closing
            self.editors[instrument_id] = editor
        self.editor = editor
        return editor

    def _show(self, editor: FormEditor) -> None:
        current = self.window.stack.currentWidget()
        if current is not editor:
            self.return_to = current
        self.window.stack.setCurrentWidget(editor)
        self.window.navigation.setEnabled(False)  # finish or close the record first
        editor.focus_first()

    def open_record(self, record_id: str) -> FormEditor:
        session = self.window.session
        data = session.store.records.load(session.actor, record_id)
        editor = self.ensure_editor(data.instrument_id)
        if editor.isVisible():
            editor.commit_pending()  # the box being typed belongs to the record on screen
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
        editor = self.ensure_editor(entry.instrument_id)
        editor.load(entry.record_id, recovered=entry)
        self._show(editor)
        return editor

    def offer_recovery(self) -> JournalEntry | None:
        """After login: bring back what was being typed when the app last stopped."""
        session = self.window.session
        for entry in pending(session.store.path, session.actor.username):
            title = entry.title or t("form.new_household")
            if ask(self.window, t("recovery.title"),
                   t("recovery.offer", title=title,
                     when=entry.written_at.strftime("%d/%m/%Y %H:%M")), default_yes=True) \
                    or not ask(self.window, t("recovery.aside_title"),
                               t("recovery.aside_ask", title=title)):
                self.open_recovered(entry)  # (a "Tidak" taken back opens it after all)
                return entry
            set_aside(entry, session.store.path)  # kept, no longer offered
        return None

    def _editor_closed(self) -> None:
        self.window.navigation.setEnabled(True)
        if self.window.stack.currentWidget() in self.editors.values():
            target = self.return_to or self.window.pages.get(HOUSEHOLDS)
            if target is not None:
                self.window.stack.setCurrentWidget(target)
        if self.window.closing_requested:
            self.window.close()

    def _record_changed(self, _what: str) -> None:
        """An editor saved a record or moved it through the workflow."""
        self.window.session.announce(Change.RECORDS)

    def _window_closing(self) -> None:
        for editor in self.editors.values():
            if editor.journal is not None and not editor.dirty:
                editor.journal.discard()
