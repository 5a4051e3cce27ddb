"""Verifikasi: the queue of submitted households (oldest first), bulk approval of the
clean ones, and ticking verified records off as they are keyed into Prodeskel."""

from __future__ import annotations

from datetime import date

from desa_app.core.store.verification import BatchResult, QueueItem
from desa_app.core.workflow import Action
from desa_app.gui.ask import ask
from desa_app.gui.dates import from_qdate, to_qdate
from desa_app.gui.enter_opens import open_on_enter
from desa_app.gui.i18n import t, village_record_title
from desa_app.gui.operation import BackgroundOp, BusyBar
from desa_app.gui.page import Navigator, Page
from desa_app.gui.qt import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QStackedWidget,
    Qt,
    QTableWidget,
    QTableWidgetItem,
    QtWidgets,
    QVBoxLayout,
    QWidget,
)
from desa_app.gui.session import AppSession, Change
from desa_app.gui.verification.review import ReviewPanel

ID_ROLE = Qt.ItemDataRole.UserRole


def _table(headers: list[str]) -> QTableWidget:
    table = QTableWidget(0, len(headers))
    table.setHorizontalHeaderLabels(headers)
    table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
    table.verticalHeader().hide()
    table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
    return table


def _first_cells(table: QTableWidget) -> list[QTableWidgetItem]:
    """The first cell of every row: the one holding the record id (``ID_ROLE``)."""
    cells = (table.item(row, 0) for row in range(table.rowCount()))
    return [cell for cell in cells if cell is not None]


def queue_title(item: QueueItem) -> str:
    """The head of the household, or "Potensi Desa/Kelurahan 2026" for a village record."""
    if item.period is None:
        return item.nama_kk or ""
    from desa_app.core.instrument.registry import get_instrument

    return village_record_title(get_instrument(item.instrument_id), item.period)


class VerificationPage(Page):
    NAV_KEY = "nav.verification"

    def __init__(self, session: AppSession, window: Navigator | None = None) -> None:
        super().__init__()
        self.session = session
        self.verification = session.store.verification
        self.stack = QStackedWidget()
        self.tabs = QtWidgets.QTabWidget()
        self.tabs.addTab(self._queue_tab(), t("verify.queue_tab"))
        if session.can(Action.MARK_ENTERED):
            self.tabs.addTab(self._entry_tab(), t("verify.entry_tab"))
        self.review = ReviewPanel(session)
        self.review.closed.connect(self.back_to_queue)
        self.review.decided.connect(self._decided)
        self.stack.addWidget(self.tabs)
        self.stack.addWidget(self.review)
        layout = QVBoxLayout(self)
        layout.addWidget(self.stack)
        self.refresh()
        session.changes.changed.connect(self._changed)

    def _changed(self, change: str) -> None:
        """Records submitted or decided elsewhere: the queue (not while reviewing)."""
        if change == Change.RECORDS and self.stack.currentWidget() is self.tabs:
            self.refresh()

    def _decided(self, _record_id: str) -> None:
        self.back_to_queue()
        self.session.announce(Change.RECORDS)

    # -- queue -----------------------------------------------------------------------------
    def _queue_tab(self) -> QWidget:
        tab = QWidget()
        self.dusun = QComboBox()
        self.enumerator = QComboBox()
        self.warnings_only = QCheckBox(t("verify.warnings_only"))
        for widget in (self.dusun, self.enumerator):
            widget.currentIndexChanged.connect(lambda _i: self.refresh())
        self.warnings_only.toggled.connect(lambda _on: self.refresh())
        self.queue = _table([t("verify.head"), t("verify.no_kk"), t("verify.dusun"),
                             t("verify.rt_rw"), t("verify.members"), t("verify.warnings"),
                             t("verify.enumerator"), t("verify.submitted")])
        open_on_enter(self.queue, self.open_selected)
        self.count = QLabel()
        self.open_button = QPushButton(t("verify.open"))
        self.open_button.clicked.connect(self.open_selected)
        self.bulk_button = QPushButton(t("verify.bulk"))
        self.bulk_button.clicked.connect(self.bulk_approve)
        self.bulk_button.setVisible(self.session.can(Action.VERIFY))
        self.bulk_busy = BusyBar(lock=(self.bulk_button, self.open_button, self.queue))
        filters = QHBoxLayout()
        for label, widget in ((t("verify.dusun"), self.dusun),
                              (t("verify.enumerator"), self.enumerator)):
            filters.addWidget(QLabel(label))
            filters.addWidget(widget)
        filters.addWidget(self.warnings_only)
        filters.addStretch(1)
        filters.addWidget(self.count)
        buttons = QHBoxLayout()
        buttons.addWidget(self.open_button)
        buttons.addWidget(self.bulk_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(tab)
        layout.addLayout(filters)
        layout.addWidget(self.queue, 1)
        layout.addLayout(buttons)
        return tab

    def refresh(self) -> None:
        actor = self.session.actor
        self._fill_filters()
        warnings = True if self.warnings_only.isChecked() else None
        items = self.verification.queue(
            actor, dusun=self.dusun.currentData() or None,
            enumerator_id=self.enumerator.currentData(), with_warnings=warnings)
        self.queue.setRowCount(len(items))
        for row, item in enumerate(items):
            cells = [queue_title(item), item.no_kk or "", item.dusun or "",
                     f"{item.rt or ''}/{item.rw or ''}", str(item.members),
                     str(item.warnings or ""), item.enumerator,
                     item.submitted_at.strftime("%d/%m/%Y %H:%M")]
            for column, text in enumerate(cells):
                cell = QTableWidgetItem(text)
                cell.setData(ID_ROLE, item.record_id)
                self.queue.setItem(row, column, cell)
        self.count.setText(t("verify.count", n=len(items)))
        if hasattr(self, "entry"):
            self.refresh_entry()

    def _fill_filters(self) -> None:
        if self.dusun.count():
            return
        for combo in (self.dusun, self.enumerator):
            combo.blockSignals(True)
        self.dusun.addItem(t("verify.all"), None)
        for name in self.session.store.queries.dusun_names(self.session.actor):
            self.dusun.addItem(name, name)
        self.enumerator.addItem(t("verify.all"), None)
        for user in self.session.store.users.list(self.session.actor):
            if user.role.value == "enumerator":
                self.enumerator.addItem(user.display_name, user.id)
        for combo in (self.dusun, self.enumerator):
            combo.blockSignals(False)

    def selected_id(self) -> str | None:
        item = self.queue.item(self.queue.currentRow(), 0)
        return None if item is None else str(item.data(ID_ROLE))

    def open_selected(self) -> None:
        record_id = self.selected_id()
        if record_id is not None:
            self.open_review(record_id)

    def open_review(self, record_id: str) -> None:
        self.review.open(record_id)
        self.stack.setCurrentWidget(self.review)

    def back_to_queue(self) -> None:
        self.stack.setCurrentWidget(self.tabs)
        self.refresh()

    def bulk_approve(self) -> None:
        ids = [str(cell.data(ID_ROLE)) for cell in _first_cells(self.queue)]
        candidates = self.verification.bulk_candidates(self.session.actor, ids)
        if not candidates.done:
            QMessageBox.information(self, t("verify.bulk_title"), t("verify.bulk_none"))
            return
        names = {str(cell.data(ID_ROLE)): cell.text() for cell in _first_cells(self.queue)}
        listed = "\n".join(f"• {names.get(rid, rid)}" for rid in candidates.done[:30])
        if not self.confirm(t("verify.bulk_title"),
                            t("verify.bulk_confirm", n=len(candidates.done), list=listed)):
            return
        actor, chosen = self.session.actor, list(candidates.done)

        def finished(result: BatchResult) -> None:
            self.refresh()
            self.session.announce(Change.RECORDS)
            self.count.setText(t("verify.bulk_done", n=len(result.done)))
            if result.refused:
                refused = "\n".join(f"• {names.get(rid, rid)}: {why}"
                                     for rid, why in result.refused)
                QMessageBox.information(self, t("verify.bulk_title"),
                                        t("verify.bulk_refused", list=refused))

        # 800 approvals take seconds: in the background, the queue's buttons locked
        self.count.setText(t("verify.bulk_running", n=len(chosen)))
        BackgroundOp(self, lambda: self.verification.bulk_verify(actor, chosen)) \
            .success(finished).busy(self.bulk_busy).run()

    def confirm(self, title: str, text: str) -> bool:
        return ask(self, title, text, default_yes=True)

    # -- Prodeskel entry -------------------------------------------------------------------
    def _entry_tab(self) -> QWidget:
        tab = QWidget()
        self.entry = _table(["", t("verify.head"), t("verify.no_kk"), t("verify.dusun")])
        header = self.entry.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.entry_date = QtWidgets.QDateEdit()
        self.entry_date.setCalendarPopup(True)
        self.entry_date.setDisplayFormat("dd/MM/yyyy")
        self.entry_date.setDate(to_qdate(date.today()))
        self.entry_progress = QLabel()
        self.mark_button = QPushButton(t("verify.mark_entered"))
        self.mark_button.clicked.connect(self.mark_entered)
        row = QHBoxLayout()
        row.addWidget(QLabel(t("verify.entry_date")))
        row.addWidget(self.entry_date)
        row.addWidget(self.mark_button)
        row.addStretch(1)
        row.addWidget(self.entry_progress)
        layout = QVBoxLayout(tab)
        layout.addWidget(QLabel(t("verify.entry_help")))
        layout.addWidget(self.entry, 1)
        layout.addLayout(row)
        return tab

    def refresh_entry(self) -> None:
        actor = self.session.actor
        page = self.session.store.queries.page(actor, status="verified", limit=500)
        self.entry.setRowCount(len(page.rows))
        for index, record in enumerate(page.rows):
            tick = QTableWidgetItem("")
            tick.setFlags(Qt.ItemFlag.ItemIsUserCheckable | Qt.ItemFlag.ItemIsEnabled)
            tick.setCheckState(Qt.CheckState.Unchecked)
            tick.setData(ID_ROLE, record.id)
            self.entry.setItem(index, 0, tick)
            for column, text in enumerate((record.nama_kk or "", record.no_kk or "",
                                           record.dusun or ""), start=1):
                self.entry.setItem(index, column, QTableWidgetItem(text))
        progress = self.verification.entry_progress(actor)
        total = progress["verified"] + progress["entered"]
        self.entry_progress.setText(t("verify.entry_count", done=progress["entered"],
                                      total=total))

    def ticked(self) -> list[str]:
        return [str(cell.data(ID_ROLE)) for cell in _first_cells(self.entry)
                if cell.checkState() == Qt.CheckState.Checked]

    def mark_entered(self) -> None:
        ids = self.ticked()
        if not ids:
            return
        on = from_qdate(self.entry_date.date())
        self.verification.mark_entered(self.session.actor, ids, on)
        self.refresh_entry()
        self.session.announce(Change.RECORDS)
