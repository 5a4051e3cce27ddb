"""The household's members: a roster table and the selected member's questions.

The detail widgets are built once and rebound to whichever member is selected, so a
household of ten opens as fast as a household of one. Adding, removing (after a
confirmation) and reordering members are requests the editor carries out on the form
state, then it redraws the roster.
"""

from __future__ import annotations

from desa_app.core.instrument.model import Instrument, Repeat
from desa_app.core.instrument.state import FormState
from desa_app.gui.form.inputs import display_text
from desa_app.gui.form.panel import Hooks, PanelBuilder, Registry
from desa_app.gui.i18n import form_language, t
from desa_app.gui.qt import (
    QAbstractItemView,
    QFont,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
    Signal,
)


class MembersPanel(QWidget):
    add_requested = Signal()
    remove_requested = Signal(int)
    move_requested = Signal(int, int)
    current_changed = Signal(int)

    def __init__(self, repeat: Repeat, instrument: Instrument, hooks: Hooks) -> None:
        super().__init__()
        self.repeat = repeat
        self.instrument = instrument
        index = instrument.settings.get("person_index") or {}
        self.name_field = index.get("name")
        self.nik_field = index.get("nik")
        self.relation_field = index.get("relation")
        self.head_code = str(index.get("head_code", ""))
        self.birth_field = index.get("birth_date")
        language = form_language()
        title = QLabel(f"<h3>{repeat.number} {repeat.label.get(language)}</h3>")
        self.roster = QTableWidget(0, 5)
        self.roster.setHorizontalHeaderLabels([
            t("members.no"), t("members.name"), t("members.nik"), t("members.relation"),
            t("members.born")])
        self.roster.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.roster.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.roster.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        header = self.roster.horizontalHeader()
        for column in (0, 2, 3, 4):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.roster.setWordWrap(False)
        self.roster.verticalHeader().hide()
        self.roster.setMaximumHeight(230)
        self.roster.setTabKeyNavigation(False)
        self.roster.currentCellChanged.connect(self._row_changed)
        self.add_button = QPushButton(t("members.add"))
        self.remove_button = QPushButton(t("members.remove"))
        self.up_button = QPushButton(t("members.up"))
        self.down_button = QPushButton(t("members.down"))
        self.add_button.clicked.connect(self.add_requested)
        self.remove_button.clicked.connect(self._remove)
        self.up_button.clicked.connect(lambda: self._move(-1))
        self.down_button.clicked.connect(lambda: self._move(+1))
        buttons = QHBoxLayout()
        for button in (self.add_button, self.remove_button, self.up_button, self.down_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        self.detail_title = QLabel("")
        self.detail = QWidget()
        detail_layout = QVBoxLayout(self.detail)
        detail_layout.setContentsMargins(0, 0, 0, 0)
        self.registry = Registry(key=(0,))
        PanelBuilder(instrument, self.registry, hooks).build(repeat.children, detail_layout)
        self.empty = QLabel(t("members.empty"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 8, 0, 0)
        layout.addWidget(title)
        layout.addWidget(self.roster)
        layout.addLayout(buttons)
        layout.addWidget(self.empty)
        layout.addWidget(self.detail_title)
        layout.addWidget(self.detail)
        self.current = -1

    # -- roster --------------------------------------------------------------------------
    def show_roster(self, state: FormState, select: int | None = None) -> None:
        count = state.instance_count(self.repeat.name)
        self.roster.blockSignals(True)
        self.roster.setRowCount(count)
        for i in range(count):
            self.update_member(state, i)
        self.roster.blockSignals(False)
        has = count > 0
        self.detail.setVisible(has)
        self.detail_title.setVisible(has)
        self.empty.setVisible(not has)
        for button in (self.remove_button, self.up_button, self.down_button):
            button.setEnabled(has)
        if has:
            target = select if select is not None else max(0, min(self.current, count - 1))
            self.current = -1
            self.roster.setCurrentCell(target, 1)
            if self.current != target:
                self._row_changed(target, 1, -1, -1)
        else:
            self.current = -1

    def update_member(self, state: FormState, index: int) -> None:
        key = (index,)

        def answer(name: str | None) -> str:
            if not name:
                return ""
            value = state.answer(name, key)
            if value is None:
                return ""
            field = self.instrument.field(name)
            choices = self.instrument.choices_of(field)
            if choices is not None:
                return choices.label(str(value), form_language())
            return display_text(field.type, value)

        relation = self.relation_field
        is_head = bool(relation) and str(state.answer(str(relation), key)) == self.head_code
        cells = [str(index + 1) + (" ★" if is_head else ""), answer(self.name_field),
                 answer(self.nik_field), answer(self.relation_field), answer(self.birth_field)]
        for column, text in enumerate(cells):
            item = QTableWidgetItem(text)
            if is_head:
                font = QFont()
                font.setBold(True)
                item.setFont(font)
                item.setToolTip(t("members.head"))
            self.roster.setItem(index, column, item)

    def _row_changed(self, row: int, column: int, old_row: int, old_column: int) -> None:
        if row < 0 or row == self.current:
            return
        self.current = row
        self.registry.rebind((row,))
        self.detail_title.setText(f"<b>{t('members.detail', n=row + 1)}</b>")
        self.current_changed.emit(row)

    def _remove(self) -> None:
        if self.current >= 0:
            self.remove_requested.emit(self.current)

    def _move(self, delta: int) -> None:
        if self.current >= 0:
            self.move_requested.emit(self.current, delta)

    def select_member(self, index: int) -> None:
        self.roster.setCurrentCell(index, 1)
