"""Pembinaan: the BPS pembina's notes on the village, the visit log and its follow-ups.

Notes are never edited, only marked resolved (core keeps them as written). A visit is
recorded after it took place, with the follow-ups agreed there; the open ones, overdue
in red, are what both sides look at first on the next visit, so they have their own tab
where a tick (Space) marks one done.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from desa_app.core.store.pembina import FollowUpInfo, VillageNoteInfo, VisitInfo
from desa_app.core.workflow import Action
from desa_app.gui.dates import from_qdate
from desa_app.gui.desa_cantik import (
    ERROR_COLOUR,
    DateField,
    FormDialog,
    InputProblem,
    attempt,
    date_edit,
    day_text,
    parse_day,
    read_table,
    shorten,
    text_box,
)
from desa_app.gui.household_model import local_time
from desa_app.gui.i18n import t
from desa_app.gui.login import problem_label, say
from desa_app.gui.page import Navigator, Page
from desa_app.gui.qt import (
    QColor,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    Qt,
    QTableWidget,
    QTableWidgetItem,
    QtCore,
    QTimer,
    QtWidgets,
    QVBoxLayout,
    QWidget,
)
from desa_app.gui.session import AppSession

GREY = "#777777"


class VisitDialog(FormDialog):
    """A visit that took place, and the follow-ups agreed (one per row, due date optional)."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(t("pembina.visit_add_title"), parent)
        self.setMinimumWidth(640)
        self.day = date_edit()
        self.day.setMaximumDate(QtCore.QDate.currentDate())
        self.topics = text_box("", 90)
        self.people = QLineEdit()
        self.follow_ups = QTableWidget(3, 2)
        self.follow_ups.setHorizontalHeaderLabels([t("pembina.follow_up"),
                                                   t("pembina.due")])
        self.follow_ups.verticalHeader().hide()
        self.follow_ups.horizontalHeader().setSectionResizeMode(
            0, QtWidgets.QHeaderView.ResizeMode.Stretch)
        self.follow_ups.setColumnWidth(1, 120)
        self.follow_ups.setTabKeyNavigation(False)
        self.follow_ups.setFixedHeight(130)
        more = QPushButton(t("pembina.more_rows"))
        more.clicked.connect(lambda: self.follow_ups.insertRow(self.follow_ups.rowCount()))
        for key, widget in (("pembina.visit_date", self.day), ("pembina.topics", self.topics),
                            ("pembina.people", self.people),
                            ("pembina.follow_ups", self.follow_ups)):
            self.form.addRow(t(key), widget)
        self.form.addRow("", more)
        self.form.addRow("", QLabel(t("pembina.due_hint")))

    def cell(self, row: int, column: int) -> str:
        item = self.follow_ups.item(row, column)
        return item.text().strip() if item is not None else ""

    def agreed(self) -> list[tuple[str, date | None]]:
        """The filled rows (text, due date); InputProblem for an unreadable date."""
        rows = []
        for row in range(self.follow_ups.rowCount()):
            text, due = self.cell(row, 0), self.cell(row, 1)
            if text or due:
                rows.append((text, parse_day(due, t("pembina.due"))))
        return rows


def follow_up_state(item: FollowUpInfo) -> str:
    if item.done_at is not None:
        return t("pembina.done_on", date=local_time(item.done_at).strftime("%d/%m/%Y"))
    if item.overdue and item.due_date is not None:
        return t("pembina.overdue", n=(date.today() - item.due_date).days)
    return ""


class PembinaPage(Page):
    NAV_KEY = "nav.pembina"

    def __init__(self, session: AppSession, window: Navigator | None = None) -> None:
        super().__init__()
        self.session = session
        self.service = session.store.pembina
        self.notes: list[VillageNoteInfo] = []
        self.visits: list[VisitInfo] = []
        self.open_items: list[FollowUpInfo] = []
        self.dialog: VisitDialog | None = None
        self.problem = problem_label()
        self.tabs = QtWidgets.QTabWidget()
        self.tabs.addTab(self._notes_tab(), t("pembina.tab_notes"))
        self.tabs.addTab(self._visits_tab(), t("pembina.tab_visits"))
        self.tabs.addTab(self._open_tab(), t("pembina.tab_open"))
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.problem)
        self.refresh()

    # -- building ----------------------------------------------------------------------
    def _notes_tab(self) -> QWidget:
        tab = QWidget()
        self.notes_table = read_table([t("pembina.written"), t("pembina.author"),
                                       t("pembina.note"), t("pembina.state")], stretch=2)
        self.notes_table.itemSelectionChanged.connect(self._note_selected)
        self.note_text = text_box("", 70)
        self.note_text.setPlaceholderText(t("pembina.note_placeholder"))
        self.add_note_button = QPushButton(t("pembina.note_add"))
        self.add_note_button.clicked.connect(self.add_note)
        self.resolve_button = QPushButton(t("pembina.note_resolve"))
        self.resolve_button.clicked.connect(self.resolve_note)
        self.resolve_button.setVisible(self.session.can(Action.RESOLVE_NOTE))
        may_write = self.session.can(Action.ADD_NOTE)
        self.note_text.setVisible(may_write)
        self.add_note_button.setVisible(may_write)
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_note_button)
        buttons.addWidget(self.resolve_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(tab)
        layout.addWidget(self.notes_table, 1)
        layout.addWidget(self.note_text)
        layout.addLayout(buttons)
        return tab

    def _visits_tab(self) -> QWidget:
        may = self.session.can(Action.MANAGE_VISITS)
        self.visits_table = read_table([t("pembina.visit_date"), t("pembina.topics"),
                                        t("pembina.people"), t("pembina.follow_ups")],
                                       stretch=1)
        self.visits_table.horizontalHeader().setSectionResizeMode(
            2, QtWidgets.QHeaderView.ResizeMode.Interactive)
        self.visits_table.horizontalHeader().resizeSection(2, 180)
        self.visits_table.itemSelectionChanged.connect(self.show_visit)
        self.add_visit_button = QPushButton(t("pembina.visit_add"))
        self.add_visit_button.clicked.connect(self.add_visit)
        self.add_visit_button.setVisible(may)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.addWidget(self.visits_table, 1)
        left_layout.addWidget(self.add_visit_button, 0, Qt.AlignmentFlag.AlignLeft)
        self.visit_detail = QtWidgets.QPlainTextEdit()
        self.visit_detail.setReadOnly(True)
        self.visit_detail.setTabChangesFocus(True)
        self.visit_follow_ups = self._follow_up_table(with_visit=False)
        self.new_follow_up = QLineEdit()
        self.new_follow_up.setPlaceholderText(t("pembina.follow_up_placeholder"))
        self.new_due = DateField(t("pembina.due"))
        self.add_follow_up_button = QPushButton(t("pembina.follow_up_add"))
        self.add_follow_up_button.clicked.connect(self.add_follow_up)
        adding = QWidget()
        row = QHBoxLayout(adding)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.new_follow_up, 1)
        row.addWidget(self.new_due)
        row.addWidget(self.add_follow_up_button)
        adding.setVisible(may)
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.addWidget(self.visit_detail, 1)
        right_layout.addWidget(QLabel(t("pembina.follow_ups")))
        right_layout.addWidget(self.visit_follow_ups, 1)
        right_layout.addWidget(adding)
        splitter = QSplitter()
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setSizes([600, 500])
        return splitter

    def _open_tab(self) -> QWidget:
        tab = QWidget()
        self.open_table = self._follow_up_table(with_visit=True)
        layout = QVBoxLayout(tab)
        layout.addWidget(QLabel(t("pembina.open_hint")))
        layout.addWidget(self.open_table, 1)
        return tab

    def _follow_up_table(self, with_visit: bool) -> QTableWidget:
        headers = [t("pembina.done"), t("pembina.follow_up"), t("pembina.due"),
                   t("pembina.state")]
        if with_visit:
            headers.append(t("pembina.visit_date"))
        table = read_table(headers, stretch=1)
        table.itemChanged.connect(self._ticked)
        return table

    # -- showing -----------------------------------------------------------------------
    def refresh(self) -> None:
        actor = self.session.actor
        self.notes = self.service.village_notes(actor)
        self.visits = self.service.visits(actor)
        self.open_items = self.service.open_follow_ups(actor)
        self.notes_table.setRowCount(len(self.notes))
        for row, note in enumerate(self.notes):
            state = (t("pembina.resolved_on", date=local_time(note.resolved_at)
                       .strftime("%d/%m/%Y")) if note.resolved_at else t("pembina.open"))
            cells = (local_time(note.created_at).strftime("%d/%m/%Y %H:%M"),
                     note.author_name, note.text, state)
            for column, text in enumerate(cells):
                cell = QTableWidgetItem(text)
                if note.resolved:
                    cell.setForeground(QColor(GREY))
                self.notes_table.setItem(row, column, cell)
        self.notes_table.resizeRowsToContents()
        self._note_selected()
        keep = self.visits_table.currentRow()
        self.visits_table.blockSignals(True)
        self.visits_table.setRowCount(len(self.visits))
        for row, visit in enumerate(self.visits):
            done = sum(f.done for f in visit.follow_ups)
            cells = (day_text(visit.visit_date), shorten(visit.topics),
                     shorten(visit.people_met, 50),
                     t("pembina.follow_up_count", done=done, n=len(visit.follow_ups))
                     if visit.follow_ups else "")
            for column, text in enumerate(cells):
                self.visits_table.setItem(row, column, QTableWidgetItem(text))
        if self.visits:
            self.visits_table.selectRow(min(max(keep, 0), len(self.visits) - 1))
        self.visits_table.blockSignals(False)
        self.show_visit()
        dates = {visit.id: visit.visit_date for visit in self.visits}
        self._fill_follow_ups(self.open_table, self.open_items, dates)
        self.tabs.setTabText(2, t("pembina.tab_open_n", n=len(self.open_items)))

    def selected_visit(self) -> VisitInfo | None:
        row = self.visits_table.currentRow()
        return self.visits[row] if 0 <= row < len(self.visits) else None

    def show_visit(self) -> None:
        visit = self.selected_visit()
        self.add_follow_up_button.setEnabled(visit is not None)
        if visit is None:
            self.visit_detail.setPlainText("")
            self._fill_follow_ups(self.visit_follow_ups, [], None)
            return
        self.visit_detail.setPlainText(t("pembina.visit_detail",
                                         date=day_text(visit.visit_date),
                                         people=visit.people_met or "—", topics=visit.topics))
        self._fill_follow_ups(self.visit_follow_ups, list(visit.follow_ups), None)

    def _fill_follow_ups(self, table: QTableWidget, items: list[FollowUpInfo],
                         visit_dates: dict[int, date] | None) -> None:
        may = self.session.can(Action.MANAGE_VISITS)
        table.blockSignals(True)
        table.setRowCount(len(items))
        for row, item in enumerate(items):
            tick = QTableWidgetItem("")
            flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
            tick.setFlags(flags | Qt.ItemFlag.ItemIsUserCheckable if may else flags)
            tick.setCheckState(Qt.CheckState.Checked if item.done else Qt.CheckState.Unchecked)
            tick.setData(Qt.ItemDataRole.UserRole, item.id)
            table.setItem(row, 0, tick)
            cells = [item.text, day_text(item.due_date), follow_up_state(item)]
            if visit_dates is not None:
                cells.append(day_text(visit_dates.get(item.visit_id)))
            for column, text in enumerate(cells, start=1):
                cell = QTableWidgetItem(text)
                if item.overdue:
                    cell.setForeground(QColor(ERROR_COLOUR))
                elif item.done:
                    cell.setForeground(QColor(GREY))
                table.setItem(row, column, cell)
        table.resizeRowsToContents()
        table.blockSignals(False)

    def _note_selected(self) -> None:
        row = self.notes_table.currentRow()
        self.resolve_button.setEnabled(0 <= row < len(self.notes)
                                       and not self.notes[row].resolved)

    # -- changing ----------------------------------------------------------------------
    def _run(self, action: Callable[[], object]) -> bool:
        """One short write; core's refusal in red under the tabs; then everything again."""
        if not attempt(self.problem, action):
            return False
        self.refresh()
        return True

    def add_note(self) -> None:
        text = self.note_text.toPlainText()
        if self._run(lambda: self.service.add_village_note(self.session.actor, text)):
            self.note_text.clear()

    def resolve_note(self) -> None:
        row = self.notes_table.currentRow()
        if 0 <= row < len(self.notes):
            note_id = self.notes[row].id
            self._run(lambda: self.service.resolve_village_note(self.session.actor, note_id))

    def add_visit(self) -> None:
        dialog = VisitDialog(self)

        def save() -> None:
            self.service.add_visit(self.session.actor, from_qdate(dialog.day.date()),
                                   dialog.topics.toPlainText(), dialog.people.text(),
                                   dialog.agreed())

        dialog.save = save
        dialog.accepted.connect(self._visit_added)
        self.dialog = dialog
        dialog.open()

    def _visit_added(self) -> None:
        self.visits_table.setCurrentCell(0, 0)  # newest first: the visit just recorded
        self.refresh()

    def add_follow_up(self) -> None:
        visit = self.selected_visit()
        if visit is None:
            return
        try:
            due = self.new_due.value()
        except InputProblem as exc:
            say(self.problem, str(exc))
            return
        text = self.new_follow_up.text()
        if self._run(lambda: self.service.add_follow_up(self.session.actor, visit.id, text,
                                                        due)):
            self.new_follow_up.clear()
            self.new_due.clear()

    def _ticked(self, item: QTableWidgetItem) -> None:
        if item.column() != 0 or item.data(Qt.ItemDataRole.UserRole) is None:
            return
        done = item.checkState() == Qt.CheckState.Checked
        follow_up_id = int(item.data(Qt.ItemDataRole.UserRole))
        attempt(self.problem,
                lambda: self.service.mark_follow_up(self.session.actor, follow_up_id, done))
        # not inside the table's own signal: refilling it there would delete this item
        QTimer.singleShot(0, self.refresh)
