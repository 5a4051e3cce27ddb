"""The questionnaire of one record: sections, members, live checks, autosave, submit.

Typing commits an answer into the record's ``FormState``; only the widgets the returned
change set names are redrawn. A draft revision is saved in the background three seconds
after typing stops and when the record is closed. The recovery journal is written at
most a second after any change, including the text of the box still being typed, so a
crash (even SIGKILL) costs at most that second. The keyboard contract the editor keeps
is ``docs/keyboard.md``; F1 shows it.
"""

from __future__ import annotations

import uuid
from datetime import date
from typing import Any

from desa_app.core.instrument.issues import Key
from desa_app.core.instrument.model import Container, Field, Instrument, Repeat
from desa_app.core.instrument.registry import get_instrument
from desa_app.core.instrument.state import ChangeSet, Environment, FormState
from desa_app.core.workflow import Action, Status, can_edit
from desa_app.gui.form.ddk_flow import DdkFlow
from desa_app.gui.form.inputs import NameListInput
from desa_app.gui.form.member_flow import MemberFlow
from desa_app.gui.form.members import MembersPanel
from desa_app.gui.form.navigation_flow import NavigationFlow
from desa_app.gui.form.navigator import IssueList, NotesList, SectionNavigator
from desa_app.gui.form.note_flow import NoteFlow
from desa_app.gui.form.panel import PanelBuilder, Registry
from desa_app.gui.form.recovery import JournalEntry, RecoveryJournal
from desa_app.gui.form.saving import SaveFlow
from desa_app.gui.form.typing_aids import IdentityWatch, WheelGuard
from desa_app.gui.form.typing_flow import HINT_STYLE, TypingFlow
from desa_app.gui.i18n import form_language, t, village_record_title
from desa_app.gui.qt import (
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QHBoxLayout,
    QKeySequence,
    QLabel,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QShortcut,
    QSplitter,
    Qt,
    QTimer,
    QVBoxLayout,
    QWidget,
    Signal,
)
from desa_app.gui.session import AppSession

AUTOSAVE_MS = 3000
JOURNAL_MS = 1000


class FormEditor(SaveFlow, NoteFlow, MemberFlow, DdkFlow, NavigationFlow, TypingFlow,
                 QWidget):
    closed = Signal()
    saved = Signal(str)
    status_changed = Signal(str)

    def __init__(self, session: AppSession, instrument_id: str = "ddk") -> None:
        """Build the screen once; records are then opened into it (``load``), which
        takes milliseconds instead of building hundreds of widgets again."""
        super().__init__()
        self.session = session
        self.instrument: Instrument = get_instrument(instrument_id)
        village = session.village
        self.env = Environment(today=date.today(), village={
            "code": village.code, "name": village.name, "kecamatan": village.kecamatan,
            "kabupaten": village.kabupaten, "provinsi": village.provinsi})
        self.record_id: str | None = None
        self.revision: int | None = None
        self.status = Status.DRAFT
        self.state = FormState.new(self.instrument, self.env)
        self.dirty = False
        self.editable = False
        self.journal: RecoveryJournal | None = None
        self.saving = False
        self.save_again = False
        self.close_after_save = False
        self.generation = 0
        self.autosave = QTimer(self)
        self.autosave.setSingleShot(True)
        self.autosave.setInterval(AUTOSAVE_MS)
        self.autosave.timeout.connect(lambda: self.save("simpan otomatis"))
        self.journal_timer = QTimer(self)
        self.journal_timer.setSingleShot(True)
        self.journal_timer.setInterval(JOURNAL_MS)
        self.journal_timer.timeout.connect(self.journal_now)
        self.show_all_required = False
        self._village_names: list[str] = []
        self.identity = IdentityWatch(session, self.instrument)
        self.init_navigation()
        self._build()
        self.init_ddk()

    def load(self, record_id: str | None, recovered: JournalEntry | None = None,
             read_only: bool = False) -> None:
        """Open a record (``None``: a new household), or what a journal kept of one.
        ``read_only`` is the Tim's review: nothing can be typed whatever the status."""
        session = self.session
        # the box being typed belongs to the record on screen: it commits there (the
        # form host saves that record first), never into the record opened next
        self.commit_pending()
        focused = QApplication.focusWidget()
        if focused is not None and self.isAncestorOf(focused):
            self.scroller.setFocus()
        self.autosave.stop()
        self.journal_timer.stop()
        self.generation += 1  # a save still running for the previous record must not touch
        self.record_id, self.revision, self.status = record_id, None, Status.DRAFT
        if record_id is not None:
            data = session.store.records.load(session.actor, record_id)
            self.revision, self.status = data.revision, data.status
            self.state = FormState(self.instrument, data.answers, self.env)
        else:
            self.state = FormState.new(self.instrument, self.env)
        self.dirty = False
        if recovered is not None:
            self.state = FormState(self.instrument, recovered.answers, self.env)
            self.dirty = True
            self.apply_pending(recovered.pending)
        self.saving = self.save_again = self.close_after_save = False
        self.forget_ddk_undo()
        token = record_id or f"baru-{uuid.uuid4().hex[:8]}"
        if recovered is not None:
            token = recovered.path.stem.split(f"-{session.actor.username}-", 1)[-1]
        self.journal = RecoveryJournal(session.store.db.path, session.actor.username, token)
        self.set_editable(not read_only and (
            session.can(Action.CREATE) if record_id is None
            else can_edit(session.actor.role, self.status)))
        can_note = (record_id is not None and not self.editable and not read_only
                    and session.can(Action.ADD_NOTE))
        self.notes_list.allow_writing(self.state if can_note else None)
        self.load_notes()
        if self.members is not None:
            self.members.current = -1
        self.current_stop = None
        self.passed = set()
        self.show_all_required = False
        for name in list(self.unlocked):
            self.relock(name)
        self._village_names = self.load_village_names()
        for row in self.top.rows.values():
            if isinstance(row.input, NameListInput):
                row.input.refresh_names()
        self.show_hint("")
        self.refresh_all()
        self.scroller.verticalScrollBar().setValue(0)
        if self.dirty:
            self.journal_now()
            self.autosave.start()

    # -- layout --------------------------------------------------------------------------
    def _build(self) -> None:
        self.title = QLabel()
        self.status_label = QLabel()
        self.save_label = QLabel()
        self.save_button = QPushButton(t("form.save"))
        self.submit_button = QPushButton(t("form.submit"))
        self.close_button = QPushButton(t("form.close"))
        self.ddk_button = QPushButton(t("ddk.button"))
        self.ddk_undo_button = QPushButton(t("ddk.undo"))
        self.save_button.clicked.connect(lambda: self.save("disimpan"))
        self.submit_button.clicked.connect(self.submit)
        self.close_button.clicked.connect(self.request_close)
        header = QHBoxLayout()
        header.addWidget(self.title, 1)
        header.addWidget(self.status_label)
        header.addWidget(self.save_label)
        for button in (self.ddk_button, self.ddk_undo_button, self.save_button,
                       self.submit_button, self.close_button):
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # Tab stays among the questions
            header.addWidget(button)
        self.top = Registry(key=())
        self.members: MembersPanel | None = None
        content = QWidget()
        self.content_layout = QVBoxLayout(content)
        self.section_widgets: dict[str, QWidget] = {}
        builder = PanelBuilder(self.instrument, self.top, self, self._members_panel)
        language = form_language()
        loose: list[Any] = []
        for node in self.instrument.root.children:
            if isinstance(node, Container) and not isinstance(node, Repeat):
                section = QWidget()
                layout = QVBoxLayout(section)
                layout.setContentsMargins(0, 0, 0, 12)
                number = f"{node.number} " if node.number else ""
                layout.addWidget(QLabel(f"<h2>{number}{node.label.get(language)}</h2>"))
                builder.build(node.children, layout)
                self.top.containers[node.name] = section
                self.section_widgets[node.name] = section
                self.content_layout.addWidget(section)
            elif isinstance(node, Repeat):
                section = QWidget()
                layout = QVBoxLayout(section)
                layout.setContentsMargins(0, 0, 0, 12)
                builder.build([node], layout)
                self.section_widgets[node.name] = section
                self.content_layout.addWidget(section)
            else:
                loose.append(node)
        rest = QWidget()
        rest_layout = QVBoxLayout(rest)
        builder.build(loose, rest_layout)
        if rest_layout.count():  # only labelled questions make a section worth showing
            self.section_widgets["__rest__"] = rest
            self.content_layout.addWidget(rest)
        self.content_layout.addStretch(1)
        self.scroller = QScrollArea()
        self.scroller.setWidgetResizable(True)
        self.scroller.setWidget(content)
        self.navigator = SectionNavigator(self.instrument, self.section_widgets)
        self.navigator.section_chosen.connect(self.show_section)
        self.navigator.item_chosen.connect(self.show_item)
        self.issues = IssueList(self.instrument)
        self.issues.issue_chosen.connect(self.jump_to)
        self.notes_at = {}
        self.open_notes = []
        self.notes_list = NotesList(self.session.can(Action.RESOLVE_NOTE), self.instrument)
        self.notes_list.note_chosen.connect(self.jump_to_path)
        self.notes_list.resolve_requested.connect(self.resolve_note)
        self.notes_list.note_written.connect(self.write_note)
        left = QSplitter(Qt.Orientation.Vertical)
        left.addWidget(self.navigator)
        left.addWidget(self.issues)
        left.addWidget(self.notes_list)
        splitter = QSplitter()
        splitter.addWidget(left)
        splitter.addWidget(self.scroller)
        splitter.setSizes([300, 1000])
        self.hint = QLabel("")  # where Tab cannot go on, and what to press instead
        self.hint.setStyleSheet(HINT_STYLE)
        self.hint.setWordWrap(True)
        keys_line = QLabel(t("form.keys_line"))
        keys_line.setStyleSheet("color: #555; font-size: 9pt;")
        footer = QHBoxLayout()
        footer.addWidget(self.hint, 1)
        footer.addWidget(keys_line)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addLayout(header)
        layout.addWidget(splitter, 1)
        layout.addLayout(footer)
        for keys, slot in (("Ctrl+S", lambda: self.save("disimpan")),
                           ("Ctrl+M", self.add_member), ("Ctrl+W", self.request_close),
                           ("Ctrl+G", self.ask_number), ("F1", self.show_keyboard_help),
                           ("Ctrl+PgDown", lambda: self.next_section(+1)),
                           ("Ctrl+PgUp", lambda: self.next_section(-1))):
            shortcut = QShortcut(QKeySequence(keys), self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(slot)
        self.wheel_guard = WheelGuard(self)
        for widget in self.findChildren(QComboBox) + self.findChildren(QAbstractSpinBox):
            self.wheel_guard.watch(widget)

    def _members_panel(self, repeat: Repeat) -> MembersPanel:
        panel = MembersPanel(repeat, self.instrument, self)
        panel.add_requested.connect(self.add_member)
        panel.remove_requested.connect(self.remove_member)
        panel.move_requested.connect(self.move_member)
        panel.current_changed.connect(lambda index: self.refresh_registry(panel.registry))
        self.members = panel
        return panel

    def set_editable(self, editable: bool) -> None:
        self.editable = editable
        registries = [self.top] + ([self.members.registry] if self.members else [])
        for registry in registries:
            for row in registry.rows.values():
                row.set_editable(editable)
            for table in registry.matrices.values():
                table.setEnabled(True)
                table.setEditTriggers(table.editTriggers() if editable
                                      else table.EditTrigger.NoEditTriggers)
        if self.members is not None:
            for button in (self.members.add_button, self.members.remove_button,
                           self.members.up_button, self.members.down_button):
                button.setVisible(editable)
        self.save_button.setVisible(editable)
        self.show_ddk_buttons()

    # -- showing the state ---------------------------------------------------------------
    def refresh_all(self) -> None:
        if self.members is not None:
            self.members.show_roster(self.state)
        self.refresh_registry(self.top)
        self.refresh_summary()

    def refresh_registry(self, registry: Registry) -> None:
        for name in list(registry.names()):
            self._show_cell(registry, name)

    def _registry_for(self, name: str, key: Key) -> Registry | None:
        if key == ():
            return self.top
        if self.members is not None and self.members.registry.key == key:
            return self.members.registry
        return None

    def _show_cell(self, registry: Registry, name: str) -> None:
        key = registry.key
        node = self.instrument.nodes[name]
        relevant = self.state.is_relevant(name, key[: node.depth])
        row = registry.rows.get(name)
        if row is not None:
            row.setVisible(relevant)
            calculated = row.input is None
            row.show_value(self.state.value(name, key) if calculated
                           else self.state.answer(name, key))
            row.show_issues(self.visible_issues(name, key), self.notes_at.get((name, key)))
            if row.field.from_ddk is not None:
                row.show_origin(*self.origin_mark(row.field))
            return
        container = registry.containers.get(name)
        if container is not None:
            container.setVisible(relevant)
            return
        table = registry.cell_table.get(name)
        if table is not None:
            table.show_value(name, self.state.answer(name, key))
            table.show_issues(name, self.visible_issues(name, key))
            table.set_cell_enabled(name, relevant and self.editable)
            if isinstance(node, Field) and node.from_ddk is not None:
                table.show_origin(name, *self.origin_mark(node))

    def apply(self, changes: ChangeSet) -> None:
        for name, key in changes.values | changes.relevance | changes.issues:
            registry = self._registry_for(name, key)
            if registry is not None and name in registry.rows | registry.containers \
                    | registry.cell_table:
                self._show_cell(registry, name)
            if key and self.members is not None:
                self.members.update_member(self.state, key[0])
        self.refresh_summary()

    def refresh_summary(self) -> None:
        self.title.setText(f"<h2>{self.record_title()}</h2>")
        self.status_label.setText(t(f"workflow.{self.status.value}"))
        issues = self.state.issues()
        self.navigator.show_counts(issues)
        self.issues.show_issues(self.listed_issues())
        self.submit_button.setEnabled(self.can_submit())
        self.submit_button.setToolTip("" if not self.state.has_errors
                                      else t("form.submit_blocked"))
        if self.saving:
            self.save_label.setText(t("form.saving"))
        elif self.dirty:
            self.save_label.setText(t("form.unsaved"))
        elif self.record_id is not None:
            self.save_label.setText(t("form.saved"))

    def record_title(self) -> str:
        """The head of the household, or the instrument and year of a village record."""
        keys = self.instrument.settings.get("record_keys") or {}
        if self.instrument.kind == "village":
            return village_record_title(self.instrument, self.state.answer(keys.get("period", "")))
        return str(self.state.answer(keys.get("nama_kk", "")) or t("form.new_household"))

    def can_submit(self) -> bool:
        """The button works whenever submitting is this user's step; with errors left it
        shows them all and goes to the first instead of submitting."""
        return (self.session.can(Action.SUBMIT) and self.editable
                and self.status in (Status.DRAFT, Status.RETURNED))

    # -- editing -------------------------------------------------------------------------
    def on_edit(self, name: str, key: Key, value: object) -> None:
        if not self.editable or not self.has_instance(key):
            return
        changes = self.state.set(name, value, key)
        self.dirty = True
        self.journal_soon()
        self.apply(changes)
        self.autosave.start()
        self.warn_identity(name, key, value)
        QTimer.singleShot(0, self.reveal_current)  # a redraw above must not move it away

    def confirm(self, title: str, text: str) -> bool:
        """Yes/No with No as the default: an Enter typed out of step (the typist's
        next keystroke) never removes a member, unlocks the village code or submits."""
        answer = QMessageBox.question(
            self, title, text,
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No)
        return answer == QMessageBox.StandardButton.Yes
