"""Profil Desa: the village-level records (Potensi, Perkembangan), one per year.

The list shows every year's records with their workflow status; a new one is created
for a chosen instrument and year (core refuses a second one for the same year, and the
page then opens the existing record). Records open in the same questionnaire screen as
households (the form host builds one editor per instrument).
"""

from __future__ import annotations

from datetime import date
from typing import Any

from desa_app.core.errors import StoreError
from desa_app.core.workflow import Action
from desa_app.gui.household_model import status_text
from desa_app.gui.i18n import form_language, t
from desa_app.gui.page import Navigator, RecordListPage
from desa_app.gui.qt import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QKeySequence,
    QLabel,
    QMessageBox,
    QPushButton,
    QShortcut,
    QSpinBox,
    Qt,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
)
from desa_app.gui.session import AppSession, Change

ID_ROLE = Qt.ItemDataRole.UserRole


class ProfilPage(RecordListPage):
    NAV_KEY = "nav.profile"
    COLUMNS = ("profil.instrument", "profil.year", "profil.status", "profil.errors",
               "profil.warnings", "profil.updated")

    def __init__(self, session: AppSession, window: Navigator | None = None) -> None:
        super().__init__()
        self.session = session
        self.main_window = window
        session.changes.changed.connect(self._changed)
        self.instrument = QComboBox()  # filled when first shown (see showEvent)
        self.year = QSpinBox()
        self.year.setRange(2000, 2100)
        self.year.setValue(date.today().year)
        self.create_button = QPushButton(t("profil.create"))
        self.create_button.clicked.connect(self.create_record)
        self.open_button = QPushButton(t("profil.open"))
        self.open_button.clicked.connect(self.open_selected)
        controls = QHBoxLayout()
        for label, widget in ((t("profil.instrument"), self.instrument),
                              (t("profil.year"), self.year)):
            controls.addWidget(QLabel(label))
            controls.addWidget(widget)
        controls.addWidget(self.create_button)
        controls.addStretch(1)
        controls.addWidget(self.open_button)
        can_create = session.can(Action.CREATE)
        for control in (self.instrument, self.year, self.create_button):
            control.setEnabled(can_create)
        self.table = QTableWidget(0, len(self.COLUMNS))
        self.table.setHorizontalHeaderLabels([t(key) for key in self.COLUMNS])
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setSectionResizeMode(
            QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.table.doubleClicked.connect(lambda _index: self.open_selected())
        for keys in ("Return", "Enter"):
            shortcut = QShortcut(QKeySequence(keys), self.table)
            shortcut.setContext(Qt.ShortcutContext.WidgetShortcut)
            shortcut.activated.connect(self.open_selected)
        self.empty = QLabel(t("profil.empty"))
        self.empty.setWordWrap(True)
        intro = QLabel(t("profil.intro"))
        intro.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(f"<h2>{t('profil.title')}</h2>"))
        layout.addWidget(intro)
        layout.addLayout(controls)
        layout.addWidget(self.empty)
        layout.addWidget(self.table, 1)

    def refresh(self) -> None:
        if not self.instrument.count():
            return  # never shown yet: nothing to keep current
        rows = self.session.profil.rows(self.session.actor)
        self.table.setRowCount(len(rows))
        for r, row in enumerate(rows):
            cells = (row.title, row.year, status_text(row.status), str(row.errors or ""),
                     str(row.warnings or ""), row.updated_at.strftime("%d/%m/%Y %H:%M"))
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setData(ID_ROLE, row.record_id)
                self.table.setItem(r, column, item)
        self.empty.setVisible(not rows)
        self.open_button.setEnabled(bool(rows))
        if rows and not self.table.selectedItems():
            self.table.selectRow(0)

    def _changed(self, change: str) -> None:
        if change == Change.RECORDS:
            self.refresh()

    def showEvent(self, event: Any) -> None:
        """The village forms (Potensi alone is 3,500 questions, ~0.3 s to load) are read
        when the page is first opened, not while the app starts."""
        super().showEvent(event)
        if not self.instrument.count():
            from desa_app.core.profil.service import village_instruments

            for form in village_instruments():
                self.instrument.addItem(form.title.get(form_language()), form.id)
        self.refresh()

    def selected_id(self) -> str | None:
        items = self.table.selectedItems()
        return str(items[0].data(ID_ROLE)) if items else None

    def open_selected(self) -> None:
        record_id = self.selected_id()
        if record_id is not None:
            self.open_requested.emit(record_id)

    def create_record(self) -> None:
        instrument_id = str(self.instrument.currentData())
        year = self.year.value()
        existing = [r for r in self.session.profil.rows(self.session.actor)
                    if r.instrument_id == instrument_id and r.year == str(year)]
        if existing:
            QMessageBox.information(self, t("profil.title"), t(
                "profil.exists", title=existing[0].title, year=year))
            self.open_requested.emit(existing[0].record_id)
            return
        try:
            data = self.session.profil.create(self.session.actor, instrument_id, year)
        except StoreError as error:
            QMessageBox.warning(self, t("profil.title"), str(error))
            return
        self.session.announce(Change.RECORDS)  # this list too
        self.open_requested.emit(data.id)
