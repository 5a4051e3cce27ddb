"""The questionnaire of one record: sections, members, live checks, autosave, submit.

Typing commits an answer into the record's ``FormState``; only the widgets the returned
change set names are redrawn. A draft revision is saved in the background three seconds
after typing stops and when the record is closed. The recovery journal is written at
most a second after any change, including the text of the box still being typed, so a
crash (even SIGKILL) costs at most that second. The keyboard contract the editor keeps
is ``docs/keyboard.md``; F1 shows it.

The editor is composed of parts, each given only what it needs (``parts.EditorContext``
and the other parts it calls): navigation, the journal, typing aids, saving, members,
notes, DDK figures and the display. It builds them, wires the widgets' signals to them
and answers what they ask of the whole screen (``parts.EditorView``).
"""

from __future__ import annotations

import uuid

from desa_app.core.instrument.issues import Key
from desa_app.core.instrument.registry import get_instrument
from desa_app.core.instrument.state import ChangeSet, Environment, FormState
from desa_app.core.workflow import Action, Status, can_edit
from desa_app.gui.ask import ask
from desa_app.gui.form.ddk_flow import DdkFlow
from desa_app.gui.form.display import FormDisplay
from desa_app.gui.form.inputs import NameListInput
from desa_app.gui.form.journal_flow import JournalFlow
from desa_app.gui.form.layout import build_widgets
from desa_app.gui.form.member_flow import MemberFlow
from desa_app.gui.form.navigation_flow import NavigationFlow
from desa_app.gui.form.note_flow import NoteFlow
from desa_app.gui.form.panel import Registry
from desa_app.gui.form.parts import EditorContext, OpenRecord
from desa_app.gui.form.recovery import JournalEntry, RecoveryJournal
from desa_app.gui.form.saving import SaveFlow
from desa_app.gui.form.typing_flow import TypingFlow
from desa_app.gui.qt import (
    QApplication,
    QKeySequence,
    QShortcut,
    Qt,
    QTimer,
    QWidget,
    Signal,
)
from desa_app.gui.session import AppSession


class FormEditor(QWidget):
    closed = Signal()
    saved = Signal(str)
    status_changed = Signal(str)

    def __init__(self, session: AppSession, instrument_id: str = "ddk") -> None:
        """Build the screen once; records are then opened into it (``load``), which
        takes milliseconds instead of building hundreds of widgets again."""
        super().__init__()
        self.session = session
        self.instrument = get_instrument(instrument_id)
        village = session.village
        # no date given: expressions read today's date when they run, so an editor
        # left open past midnight does not compute ages with yesterday's
        self.env = Environment(village={
            "code": village.code, "name": village.name, "kecamatan": village.kecamatan,
            "kabupaten": village.kabupaten, "provinsi": village.provinsi})
        self.record = OpenRecord(FormState.new(self.instrument, self.env))
        w = self.widgets = build_widgets(self, self.instrument, self,
                                         session.can(Action.RESOLVE_NOTE))
        self.top, self.members, self.scroller = w.top, w.members, w.scroller
        self.navigator, self.issues, self.notes_list = w.navigator, w.issues, w.notes_list
        self.title, self.save_label = w.title, w.save_label
        self.save_button, self.submit_button, self.close_button = \
            w.save_button, w.submit_button, w.close_button
        self.ddk_button, self.ddk_undo_button = w.ddk_button, w.ddk_undo_button
        context = self.context = EditorContext(
            session, self.instrument, self.record, w.top, w.members, self, self)
        self.navigation = NavigationFlow(context, w.scroller, w.section_widgets)
        self.journal_flow = JournalFlow(context, self.navigation, w.save_label)
        self.typing = TypingFlow(context, self.navigation, self.journal_flow, w.hint)
        self.saver = SaveFlow(context, self.navigation, self.journal_flow)
        self.member_flow = (MemberFlow(context, w.members, self.navigation, self.saver)
                            if w.members is not None else None)
        self.notes = NoteFlow(context, w.notes_list)
        self.ddk = DdkFlow(context, self.saver, w.ddk_button, w.ddk_undo_button,
                           w.save_label)
        self.display = FormDisplay(context, w, self.navigation, self.notes, self.ddk,
                                   self.saver)
        self._connect()

    def _connect(self) -> None:
        w, navigation, saver = self.widgets, self.navigation, self.saver
        saver.saved.connect(self.saved)
        saver.closed.connect(self.closed)
        saver.status_changed.connect(self.status_changed)
        w.save_button.clicked.connect(lambda: saver.save("disimpan"))
        w.submit_button.clicked.connect(saver.submit)
        w.close_button.clicked.connect(saver.request_close)
        w.navigator.section_chosen.connect(navigation.show_section)
        w.navigator.item_chosen.connect(navigation.show_item)
        w.issues.issue_chosen.connect(navigation.jump_to)
        w.notes_list.note_chosen.connect(navigation.jump_to_path)
        for keys, slot in (("Ctrl+S", lambda: saver.save("disimpan")),
                           ("Ctrl+M", self.add_member), ("Ctrl+W", saver.request_close),
                           ("Ctrl+G", self.typing.ask_number),
                           ("F1", self.typing.show_keyboard_help),
                           ("Ctrl+PgDown", lambda: navigation.next_section(+1)),
                           ("Ctrl+PgUp", lambda: navigation.next_section(-1))):
            shortcut = QShortcut(QKeySequence(keys), self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(slot)

    def load(self, record_id: str | None, recovered: JournalEntry | None = None,
             read_only: bool = False) -> None:
        """Open a record (``None``: a new household), or what a journal kept of one.
        ``read_only`` is the Tim's review: nothing can be typed whatever the status."""
        session, record = self.session, self.record
        # the box being typed belongs to the record on screen: it commits there (the
        # form host saves that record first), never into the record opened next
        self.navigation.commit_pending()
        focused = QApplication.focusWidget()
        if focused is not None and self.isAncestorOf(focused):
            self.scroller.setFocus()
        self.saver.autosave.stop()
        self.journal_flow.stop()
        record.generation += 1  # a save still running for the previous record must not touch
        record.record_id, record.revision, record.status = record_id, None, Status.DRAFT
        if record_id is not None:
            data = session.store.records.load(session.actor, record_id)
            record.revision, record.status = data.revision, data.status
            record.state = FormState(self.instrument, data.answers, self.env)
        else:
            record.state = FormState.new(self.instrument, self.env)
        record.dirty = False
        if recovered is not None:
            record.state = FormState(self.instrument, recovered.answers, self.env)
            record.dirty = True
            self.journal_flow.apply_pending(recovered.pending)
        self.saver.reset()
        self.ddk.forget_undo()
        token = record_id or f"baru-{uuid.uuid4().hex[:8]}"
        if recovered is not None:
            token = recovered.path.stem.split(f"-{session.actor.username}-", 1)[-1]
        record.journal = RecoveryJournal(session.store.path, session.actor.username, token)
        self.set_editable(not read_only and (
            session.can(Action.CREATE) if record_id is None
            else can_edit(session.actor.role, record.status)))
        can_note = (record_id is not None and not record.editable and not read_only
                    and session.can(Action.ADD_NOTE))
        self.notes_list.allow_writing(record.state if can_note else None)
        self.notes.load_notes()
        if self.members is not None:
            self.members.current = -1
        self.navigation.reset()
        self.typing.relock_all()
        self.typing.reload_village_names()
        for row in self.top.rows.values():
            if isinstance(row.input, NameListInput):
                row.input.refresh_names()
        self.show_hint("")
        self.refresh_all()
        self.scroller.verticalScrollBar().setValue(0)
        if record.dirty:
            self.journal_flow.now()
            self.saver.autosave.start()

    # -- the record on screen (read by the form host, the review and the tests) ----------
    @property
    def state(self) -> FormState:
        return self.record.state

    @property
    def record_id(self) -> str | None:
        return self.record.record_id

    @property
    def status(self) -> Status:
        return self.record.status

    @property
    def editable(self) -> bool:
        return self.record.editable

    @property
    def dirty(self) -> bool:
        return self.record.dirty

    @dirty.setter
    def dirty(self, dirty: bool) -> None:
        self.record.dirty = dirty

    @property
    def journal(self) -> RecoveryJournal | None:
        return self.record.journal

    @journal.setter
    def journal(self, journal: RecoveryJournal | None) -> None:
        self.record.journal = journal

    @property
    def saving(self) -> bool:
        return self.saver.saving

    @property
    def autosave(self) -> QTimer:
        return self.saver.autosave

    # -- what the widgets report (panel.Hooks) -------------------------------------------
    def on_edit(self, name: str, key: Key, value: object) -> None:
        if not self.record.editable or not self.context.has_instance(key):
            return
        changes = self.record.state.set(name, value, key)
        self.saver.record_changed()
        self.apply(changes)
        self.typing.warn_identity(name, key, value)
        QTimer.singleShot(0, self.navigation.reveal_current)  # a redraw above must not move it

    def move_focus(self, delta: int) -> None:
        self.navigation.move_focus(delta)

    def stop_focused(self, name: str, key: Key) -> None:
        self.navigation.stop_focused(name, key)

    def typing_in(self, name: str, key: Key) -> None:
        self.typing.typing_in(name, key)

    def unlock(self, name: str) -> None:
        self.typing.unlock(name)

    def village_names(self) -> list[str]:
        return self.typing.village_names()

    # -- what the parts ask of the screen (parts.EditorView) -----------------------------
    def refresh_all(self) -> None:
        self.display.refresh_all()

    def refresh_summary(self) -> None:
        self.display.refresh_summary()

    def refresh_registry(self, registry: Registry) -> None:
        self.display.refresh_registry(registry)

    def refresh_cell(self, name: str, key: Key) -> None:
        self.display.refresh_cell(name, key)

    def apply(self, changes: ChangeSet) -> None:
        self.display.apply(changes)

    def set_editable(self, editable: bool) -> None:
        self.display.set_editable(editable)

    def show_hint(self, text: str, style: str = "") -> None:
        self.typing.show_hint(text, style)

    def record_title(self) -> str:
        return self.display.record_title()

    def confirm(self, title: str, text: str) -> bool:
        """Yes/No with No as the default: an Enter typed out of step (the typist's
        next keystroke) never removes a member, unlocks the village code or submits."""
        return ask(self, title, text)

    # -- what the form host, the main window and the review call -------------------------
    def save(self, reason: str = "disimpan") -> None:
        self.saver.save(reason)

    def submit(self) -> None:
        self.saver.submit()

    def request_close(self) -> None:
        self.saver.request_close()

    def confirm_close(self) -> bool | None:
        return self.saver.confirm_close()

    def commit_pending(self) -> None:
        self.navigation.commit_pending()

    def journal_now(self) -> None:
        self.journal_flow.now()

    def load_notes(self) -> None:
        self.notes.load_notes()

    def add_member(self) -> None:
        if self.member_flow is not None:
            self.member_flow.add_member()

    def focus_first(self, registry: Registry | None = None) -> None:
        self.navigation.focus_first(registry)

    def show_section(self, name: str) -> None:
        self.navigation.show_section(name)

    def go_to_node(self, name: str) -> bool:
        return self.navigation.go_to_node(name)

    def go_to_number(self, text: str) -> str | None:
        return self.navigation.go_to_number(text)

    def record_year(self) -> int:
        return self.ddk.record_year()
