"""Reviewing one submitted household: the record read-only, its warnings and duplicate
NIKs, what changed since it was last returned, the notes, and the two decisions.

Returning needs at least one note and approving is refused for a record the verifier
created or last edited: core checks both; the screen says so before anyone clicks.
"""

from __future__ import annotations

from typing import Any

from desa_app.core.errors import StoreError
from desa_app.core.instrument.model import Severity
from desa_app.core.instrument.places import place_of
from desa_app.gui.ask import ask
from desa_app.gui.form.editor import FormEditor
from desa_app.gui.form.navigator import fill_note_targets
from desa_app.gui.i18n import form_language, t
from desa_app.gui.qt import (
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QMessageBox,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
    Signal,
)
from desa_app.gui.session import AppSession


class ReviewPanel(QWidget):
    decided = Signal(str)  # record id, after a return or an approval
    closed = Signal()

    def __init__(self, session: AppSession) -> None:
        super().__init__()
        self.session = session
        self.verification = session.store.verification
        self.record_id: str | None = None
        self.editors: dict[str, FormEditor] = {}
        self.editor_stack = QStackedWidget()
        self.editor = self._editor_for("ddk")
        self.findings = QListWidget()
        self.findings.setWordWrap(True)
        self.changes = QTableWidget(0, 5)
        self.changes.setHorizontalHeaderLabels([
            t("review.question"), t("review.before"), t("review.now"), t("review.who"),
            t("review.when")])
        header = self.changes.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)  # the question's label
        self.changes.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.notes = QListWidget()
        self.notes.setWordWrap(True)
        self.note_field = QComboBox()
        # the questions' labels are long (Potensi): the list must not widen the side panel
        self.note_field.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.note_field.setMinimumContentsLength(24)
        self.note_text = QLineEdit()
        self.note_text.setPlaceholderText(t("review.note_placeholder"))
        self.add_note_button = QPushButton(t("review.add_note"))
        self.add_note_button.clicked.connect(self.add_note)
        self.note_text.returnPressed.connect(self.add_note)
        self.return_button = QPushButton(t("review.return"))
        self.approve_button = QPushButton(t("review.approve"))
        self.back_button = QPushButton(t("review.back"))
        self.return_button.clicked.connect(self.return_record)
        self.approve_button.clicked.connect(self.approve)
        self.back_button.clicked.connect(self.closed)
        self.duty = QLabel()
        self.duty.setWordWrap(True)
        self.duty.setStyleSheet("color: #8a5a00;")
        side = QWidget()
        side_layout = QVBoxLayout(side)
        for title, widget in ((t("review.findings"), self.findings),
                              (t("review.changes"), self.changes),
                              (t("review.notes"), self.notes)):
            side_layout.addWidget(QLabel(f"<b>{title}</b>"))
            side_layout.addWidget(widget, 1)
        note_row = QHBoxLayout()
        note_row.addWidget(self.note_field, 1)
        side_layout.addLayout(note_row)
        side_layout.addWidget(self.note_text)
        side_layout.addWidget(self.add_note_button)
        buttons = QHBoxLayout()
        for button in (self.return_button, self.approve_button, self.back_button):
            buttons.addWidget(button)
        side_layout.addWidget(self.duty)
        side_layout.addLayout(buttons)
        splitter = QSplitter()
        splitter.addWidget(self.editor_stack)
        splitter.addWidget(side)
        splitter.setSizes([820, 520])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(splitter)

    def _editor_for(self, instrument_id: str) -> FormEditor:
        """One read-only questionnaire per instrument (households, Potensi ...), built
        when a record of it is first reviewed."""
        editor = self.editors.get(instrument_id)
        if editor is None:
            editor = FormEditor(self.session, instrument_id)
            for button in (editor.save_button, editor.submit_button, editor.close_button):
                button.hide()
            self.editors[instrument_id] = editor
            self.editor_stack.addWidget(editor)
        self.editor_stack.setCurrentWidget(editor)
        return editor

    # -- showing -------------------------------------------------------------------------
    def open(self, record_id: str) -> None:
        self.record_id = record_id
        session, actor = self.session, self.session.actor
        data = session.store.records.load(actor, record_id)
        self.editor = self._editor_for(data.instrument_id)
        self.editor.load(record_id, read_only=True)
        self.findings.clear()
        language = form_language()
        for issue in self.editor.state.issues(Severity.WARNING):
            place = place_of(self.editor.instrument, issue.name, issue.key, language)
            self.findings.addItem(f"⚠ {place}: {issue.message}")
        for nik, hits in session.store.queries.duplicate_niks(actor).items():
            if any(hit.record_id == record_id for hit in hits):
                where = ", ".join(f"{h.nama_kk} ({h.position + 1})" for h in hits)
                self.findings.addItem(t("review.duplicate_nik", nik=nik, where=where))
        if not self.findings.count():
            self.findings.addItem(t("review.no_findings"))
        changes = self.verification.changes_since_return(actor, record_id)
        self.changes.setRowCount(len(changes))
        for row, change in enumerate(changes):
            cells = [change.label, change.old, change.new, change.who,
                     change.when.strftime("%d/%m/%Y %H:%M")]
            for column, text in enumerate(cells):
                self.changes.setItem(row, column, QTableWidgetItem(text))
        self._fill_fields()
        self.show_notes()
        own = actor.id in (data.created_by, data.updated_by)
        self.approve_button.setEnabled(not own and self.session.can_verify())
        self.return_button.setEnabled(self.session.can_return())
        self.duty.setText(t("review.own_record") if own else "")

    def _fill_fields(self) -> None:
        fill_note_targets(self.note_field, self.editor.state)

    def show_notes(self) -> None:
        assert self.record_id is not None
        self.notes.clear()
        for note in self.session.store.records.notes(self.session.actor, self.record_id):
            done = " ✓" if note.resolved_at is not None else ""
            where = note.field_path or t("notes.whole_record")
            self.notes.addItem(f"📝 {where}: {note.text}{done}")
        self.editor.load_notes()
        self.editor.refresh_all()

    # -- acting --------------------------------------------------------------------------
    def add_note(self) -> None:
        text = self.note_text.text().strip()
        if not text or self.record_id is None:
            return
        path = self.note_field.currentData() or None
        if self._run(lambda: self.session.store.records.add_note(
                self.session.actor, str(self.record_id), text, path)):
            self.note_text.clear()
            self.show_notes()

    def return_record(self) -> None:
        if self.note_text.text().strip():
            self.add_note()
        if self.record_id is None:
            return
        record_id = self.record_id
        if self._run(lambda: self.session.store.records.return_record(
                self.session.actor, record_id)):
            self.decided.emit(record_id)

    def approve(self) -> None:
        if self.record_id is None:
            return
        warnings = self.editor.state.issues(Severity.WARNING)
        if warnings and not self.confirm(t("review.approve_warnings_title"),
                                         t("review.approve_warnings", count=len(warnings))):
            return
        record_id = self.record_id
        if self._run(lambda: self.session.store.records.verify(self.session.actor,
                                                               record_id)):
            self.decided.emit(record_id)

    def confirm(self, title: str, text: str) -> bool:
        return ask(self, title, text, default_yes=True)

    def _run(self, action: Any) -> bool:
        """One short write; a refusal from core is shown as it is."""
        try:
            action()
        except StoreError as exc:
            QMessageBox.warning(self, t("review.refused_title"), str(exc))
            return False
        return True



