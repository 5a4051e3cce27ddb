"""Keluarga (DDK): the list of the village's households, searchable and filterable.

This is where an official spends most of the day: find a household (by the start of a
name, a NIK or the No KK), open it, or start a new one. It is built for the keyboard:
Ctrl+F goes to the search box, the arrow down moves into the list, Enter opens, Ctrl+N
starts a new household. The list itself is :class:`HouseholdTableModel`, which reads the
database one page at a time, so 10,000 households cost no more than 100.

The page does not open records itself: it emits ``open_requested(record_id)`` and
``new_requested()``, and the form editor (connected through the main window) does the rest.
"""

from __future__ import annotations

from typing import Any

from desa_app.core.workflow import Action, Role, Status
from desa_app.gui.household_model import (
    HouseholdFilter,
    HouseholdTableModel,
    format_count,
    status_text,
)
from desa_app.gui.household_table import household_table
from desa_app.gui.i18n import t
from desa_app.gui.page import Navigator, RecordListPage
from desa_app.gui.qt import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QKeySequence,
    QLabel,
    QLineEdit,
    QModelIndex,
    QObject,
    QPushButton,
    QShortcut,
    Qt,
    QtCore,
    QtGui,
    QTimer,
    QVBoxLayout,
    Signal,
)
from desa_app.gui.session import AppSession, Change

SEARCH_DELAY_MS = 200
"""Wait this long after the last key before querying: one query per pause, not per key."""



class HouseholdPage(RecordListPage):
    """Search, filter and open households (``open_requested``); start a new one."""

    NAV_KEY = "nav.households"

    new_requested = Signal()
    """The user wants to fill in a new household."""

    def __init__(self, session: AppSession, window: Navigator | None = None) -> None:
        super().__init__()
        self.session = session
        self.main_window = window  # not ``window``: QWidget.window() is a method
        self._shown_before = False
        self._kept_selection: str | None = None

        self.model = HouseholdTableModel(session, self)
        self._build_search_row()
        self._build_filter_row()
        self._build_table()
        layout = QVBoxLayout(self)
        layout.addLayout(self.search_row)
        layout.addLayout(self.filter_row)
        layout.addWidget(self.table, 1)

        self.search_timer = QTimer(self)
        self.search_timer.setSingleShot(True)
        self.search_timer.setInterval(SEARCH_DELAY_MS)
        self.search_timer.timeout.connect(self.apply_filter)

        self.search.textChanged.connect(self._filter_typed)
        self.rt_edit.textChanged.connect(self._filter_typed)
        self.rw_edit.textChanged.connect(self._filter_typed)
        self.status_combo.currentIndexChanged.connect(self.apply_filter)
        self.dusun_combo.currentIndexChanged.connect(self.apply_filter)
        self.clear_button.clicked.connect(self.clear_filters)
        self.mine_box.toggled.connect(lambda _on: self.apply_filter())
        self.open_button.clicked.connect(self.open_selected)
        self.new_button.clicked.connect(self.new_requested)
        self.table.doubleClicked.connect(self._double_clicked)
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)
        self.model.modelAboutToBeReset.connect(self._remember_selection)
        self.model.modelReset.connect(self._restore_selection)
        self.model.total_changed.connect(self._show_count)

        find = QShortcut(QKeySequence(QKeySequence.StandardKey.Find), self)
        find.activated.connect(self.focus_search)
        if session.can(Action.CREATE):
            new = QShortcut(QKeySequence(QKeySequence.StandardKey.New), self)
            new.activated.connect(self.new_requested)
        self.search.installEventFilter(self)
        self.table.installEventFilter(self)

        self._load_dusun()
        self._show_count(self.model.total)
        self._selection_changed()
        session.changes.changed.connect(self._changed)

    # -- building ----------------------------------------------------------------------

    def _build_search_row(self) -> None:
        self.search = QLineEdit()
        self.search.setPlaceholderText(t("households.search_placeholder"))
        self.search.setToolTip(t("households.search_tip"))
        self.search.setAccessibleName(t("households.search_placeholder"))
        self.search.setClearButtonEnabled(True)
        self.search.setMinimumWidth(320)
        self.new_button = QPushButton(t("households.new"))
        self.new_button.setToolTip(t("households.new_tip"))
        self.new_button.setVisible(self.session.can(Action.CREATE))
        self.open_button = QPushButton(t("households.open"))
        self.open_button.setToolTip(t("households.open_tip"))
        self.search_row = QHBoxLayout()
        self.search_row.addWidget(self.search, 1)
        self.search_row.addWidget(self.new_button)
        self.search_row.addWidget(self.open_button)

    def _build_filter_row(self) -> None:
        self.status_combo = QComboBox()
        self.status_combo.addItem(t("households.status_all"), None)
        for status in Status:
            self.status_combo.addItem(status_text(status), status.value)
        self.dusun_combo = QComboBox()
        self.dusun_combo.setMinimumContentsLength(12)
        self.dusun_combo.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.rt_edit = self._number_edit(t("households.rt_tip"))
        self.rw_edit = self._number_edit(t("households.rw_tip"))
        self.clear_button = QPushButton(t("households.clear_filters"))
        self.mine_box = QCheckBox(t("households.mine"))
        self.mine_box.setToolTip(t("households.mine_tip"))
        self.mine_box.setVisible(self.session.actor.role is Role.ENUMERATOR)
        self.count_label = QLabel()
        self.count_label.setObjectName("householdCount")
        font = self.count_label.font()
        font.setBold(True)
        self.count_label.setFont(font)
        self.filter_row = QHBoxLayout()
        for label_key, field in (
            ("households.status_label", self.status_combo),
            ("households.dusun_label", self.dusun_combo),
            ("households.rt_label", self.rt_edit),
            ("households.rw_label", self.rw_edit),
        ):
            label = QLabel(t(label_key))
            label.setBuddy(field)  # Alt+letter of the label moves to the field
            self.filter_row.addWidget(label)
            self.filter_row.addWidget(field)
            self.filter_row.addSpacing(8)
        self.filter_row.addWidget(self.mine_box)
        self.filter_row.addSpacing(8)
        self.filter_row.addWidget(self.clear_button)
        self.filter_row.addStretch(1)
        self.filter_row.addWidget(self.count_label)

    def _number_edit(self, tip: str) -> QLineEdit:
        """RT / RW: up to three digits; "2" means "002", as the records store it."""
        edit = QLineEdit()
        edit.setValidator(QtGui.QRegularExpressionValidator(
            QtCore.QRegularExpression(r"\d{0,3}"), edit))
        edit.setToolTip(tip)
        edit.setAccessibleName(tip)
        edit.setMaxLength(3)
        edit.setFixedWidth(edit.fontMetrics().horizontalAdvance("0000") + 24)
        return edit

    def _build_table(self) -> None:
        self.table = household_table(self.model)
        self.table.horizontalHeader().sortIndicatorChanged.connect(
            self._sort_indicator_changed)

    # -- filter ------------------------------------------------------------------------

    def current_filter(self) -> HouseholdFilter:
        status = self.status_combo.currentData()
        return HouseholdFilter(
            status=Status(status) if status else None,
            dusun=self.dusun_combo.currentData() or None,
            rt=_padded(self.rt_edit.text()),
            rw=_padded(self.rw_edit.text()),
            search=self.search.text().strip(),
            mine=self.mine_box.isChecked(),
        )

    def apply_filter(self) -> None:
        """Query with what the widgets say now (typing waits for a pause first)."""
        self.search_timer.stop()
        wanted = self.current_filter()
        if wanted != self.model.filter:
            self.model.reset_filter(wanted)

    def clear_filters(self) -> None:
        for widget in (self.search, self.rt_edit, self.rw_edit, self.status_combo,
                       self.dusun_combo, self.mine_box):
            widget.blockSignals(True)
        try:
            self.search.clear()
            self.rt_edit.clear()
            self.rw_edit.clear()
            self.status_combo.setCurrentIndex(0)
            self.dusun_combo.setCurrentIndex(0)
            self.mine_box.setChecked(False)
        finally:
            for widget in (self.search, self.rt_edit, self.rw_edit, self.status_combo,
                           self.dusun_combo, self.mine_box):
                widget.blockSignals(False)
        self.apply_filter()
        self.search.setFocus()

    def _filter_typed(self) -> None:
        self.search_timer.start()

    def _load_dusun(self) -> None:
        """Fill the dusun filter from the records, keeping the current choice."""
        chosen = self.dusun_combo.currentData()
        names = self.session.store.queries.dusun_names(self.session.actor)
        if chosen and chosen not in names:
            names = sorted([*names, chosen])  # keep a filter the user set, even if empty now
        self.dusun_combo.blockSignals(True)
        try:
            self.dusun_combo.clear()
            self.dusun_combo.addItem(t("households.dusun_all"), None)
            for name in names:
                self.dusun_combo.addItem(name, name)
            self.dusun_combo.setCurrentIndex(max(0, self.dusun_combo.findData(chosen))
                                             if chosen else 0)
        finally:
            self.dusun_combo.blockSignals(False)

    def _show_count(self, total: int) -> None:
        if total:
            text = t("households.count", count=format_count(total))
        elif self.model.filter.active:
            text = t("households.count_no_match")
        else:
            text = t("households.count_none")
        self.count_label.setText(text)

    # -- sorting -----------------------------------------------------------------------

    def _sort_indicator_changed(self, column: int, order: Qt.SortOrder) -> None:
        """A column the store cannot sort (issue counts): put the arrow back where the
        list really is sorted, so the header never claims an order it does not show."""
        if (column, order) != (self.model.sort_column, self.model.sort_order):
            header = self.table.horizontalHeader()
            header.blockSignals(True)
            header.setSortIndicator(self.model.sort_column, self.model.sort_order)
            header.blockSignals(False)

    # -- selection and opening ---------------------------------------------------------

    def selected_record_id(self) -> str | None:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return None
        return self.model.record_id(rows[0].row())

    def select_record(self, record_id: str) -> bool:
        """Select and show a record, loading pages until it is there; False when the
        current filter hides it."""
        row = self.model.load_until(record_id)
        if row is None:
            return False
        self._select_row(row)
        return True

    def _select_row(self, row: int) -> None:
        index = self.model.index(row, 0)
        self.table.selectionModel().setCurrentIndex(
            index, QtCore.QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QtCore.QItemSelectionModel.SelectionFlag.Rows)
        self.table.scrollTo(index, QAbstractItemView.ScrollHint.EnsureVisible)

    def open_selected(self) -> None:
        record_id = self.selected_record_id()
        if record_id is None:
            index = self.table.currentIndex()
            if not index.isValid():
                return
            record_id = self.model.record_id(index.row())
        self.open_requested.emit(record_id)

    def _double_clicked(self, index: QModelIndex) -> None:
        if index.isValid():
            self.open_requested.emit(self.model.record_id(index.row()))

    def _selection_changed(self, *_: Any) -> None:
        self.open_button.setEnabled(self.table.selectionModel().hasSelection())

    def _remember_selection(self) -> None:
        self._kept_selection = self.selected_record_id()

    def _restore_selection(self) -> None:
        """After a new query, keep the same household selected if it is still loaded."""
        kept, self._kept_selection = self._kept_selection, None
        row = self.model.row_of(kept) if kept else None
        if row is not None:
            self._select_row(row)
        self._selection_changed()

    # -- keyboard ----------------------------------------------------------------------

    def focus_search(self) -> None:
        self.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search.selectAll()

    def focus_table(self) -> None:
        """Into the list, on the selected household or else the first one."""
        self.apply_filter()  # what was typed counts, even before the pause
        self.table.setFocus(Qt.FocusReason.OtherFocusReason)
        if not self.table.selectionModel().hasSelection() and self.model.rowCount():
            self._select_row(0)

    def eventFilter(self, watched: QObject, event: QtCore.QEvent) -> bool:
        if not isinstance(event, QtGui.QKeyEvent) or event.type() != QtCore.QEvent.Type.KeyPress:
            return super().eventFilter(watched, event)
        key = event.key()
        plain = event.modifiers() in (
            Qt.KeyboardModifier.NoModifier, Qt.KeyboardModifier.KeypadModifier)
        if watched is self.search and plain:
            if key in (Qt.Key.Key_Down, Qt.Key.Key_Return, Qt.Key.Key_Enter):
                self.focus_table()
                return True
            if key == Qt.Key.Key_Escape and self.search.text():
                self.search.clear()
                self.apply_filter()
                return True
        if watched is self.table and plain:
            if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                self.open_selected()
                return True
            if key == Qt.Key.Key_Up and self.table.currentIndex().row() <= 0:
                self.focus_search()
                return True
        return super().eventFilter(watched, event)

    # -- keeping up to date ------------------------------------------------------------

    def refresh(self) -> None:
        """Query again (after a save elsewhere), keeping filter, order and selection."""
        selected = self.selected_record_id()
        self._load_dusun()
        wanted = self.current_filter()
        if wanted != self.model.filter:
            self.model.reset_filter(wanted)
        else:
            self.model.refresh()
        if selected is not None:
            self.select_record(selected)

    def _changed(self, change: str) -> None:
        """A record saved or moved on (the list and its counts), or the dusun list."""
        if change in (Change.RECORDS, Change.VILLAGE):
            self.refresh()

    def showEvent(self, event: QtGui.QShowEvent) -> None:
        """Coming back to the list (from a form, another page) shows the newest data."""
        super().showEvent(event)
        if event.spontaneous():
            return  # the window was restored, not the page chosen
        if self._shown_before:
            self.refresh()
        self._shown_before = True


def _padded(number: str) -> str | None:
    """RT/RW as stored ("002"); blank means no filter."""
    number = number.strip()
    return number.zfill(3) if number else None

