"""The "Hitung dari DDK" confirmation: every figure that would change, before anything
is overwritten. Manual values are listed but not ticked, so a figure typed by hand is
only replaced when the user asks for it."""

from __future__ import annotations

from collections.abc import Sequence

from desa_app.core.profil.refresh import FigureChange, Origin
from desa_app.core.profil.service import DdkFigures
from desa_app.gui.household_model import format_count
from desa_app.gui.i18n import language, t
from desa_app.gui.qt import (
    QColor,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    Qt,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

MANUAL_COLOUR = QColor("#8a5a00")


def number_text(value: object) -> str:
    """The reader's digit grouping (1.234,50 in Indonesian) for the comparison table."""
    if value is None or value == "":
        return "—"
    try:
        number = float(str(value))
    except ValueError:
        return str(value)
    sign = "-" if number < 0 else ""
    if number.is_integer():
        return sign + format_count(int(abs(number)))
    whole, _, fraction = f"{abs(number):.2f}".partition(".")
    point = "," if language() == "id" else "."
    return f"{sign}{format_count(int(whole))}{point}{fraction}"


class DdkDialog(QDialog):
    """Lists the changes; ``accepted_names()`` are the ticked ones after ``exec()``."""

    COLUMNS = ("ddk.section", "ddk.question", "ddk.current", "ddk.computed",
               "ddk.difference", "ddk.origin")

    def __init__(self, parent: QWidget | None, figures: DdkFigures,
                 changes: Sequence[FigureChange]) -> None:
        super().__init__(parent)
        self.setWindowTitle(t("ddk.dialog_title"))
        # no approved household yet: every "count" is a zero that means "unknown", and
        # writing hundreds of them as figures from DDK would hide that nothing was counted
        self.changes = list(changes) if figures.households else []
        on = figures.on.strftime("%d/%m/%Y")
        if figures.households == 0:
            text = t("ddk.no_households")
        elif not self.changes:
            text = t("ddk.nothing", households=number_text(figures.households),
                     people=number_text(figures.people))
        else:
            text = t("ddk.summary", households=number_text(figures.households),
                     people=number_text(figures.people), on=on, n=len(self.changes))
        self.summary = QLabel(text)
        self.summary.setWordWrap(True)
        self.table = QTableWidget(len(self.changes), len(self.COLUMNS))
        self.table.setHorizontalHeaderLabels([t(key) for key in self.COLUMNS])
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        for row, change in enumerate(self.changes):
            self._fill(row, change)
        self.apply_button = QPushButton(t("ddk.apply"))
        self.apply_button.setDefault(True)
        self.apply_button.clicked.connect(self.accept)
        self.apply_button.setEnabled(bool(self.changes))
        all_button = QPushButton(t("ddk.select_all"))
        none_button = QPushButton(t("ddk.select_none"))
        all_button.clicked.connect(lambda: self.set_all(True))
        none_button.clicked.connect(lambda: self.set_all(False))
        cancel = QPushButton(t("common.cancel"))
        cancel.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addWidget(all_button)
        buttons.addWidget(none_button)
        buttons.addStretch(1)
        buttons.addWidget(self.apply_button)
        buttons.addWidget(cancel)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        self.resize(1000, 560)

    def _fill(self, row: int, change: FigureChange) -> None:
        difference = change.difference
        shown = "" if difference is None else (
            ("+" if difference > 0 else "") + number_text(difference))
        cells = (change.section, change.label, number_text(change.current),
                 number_text(change.computed), shown, t(f"ddk.origin.{change.origin.value}"))
        for column, text in enumerate(cells):
            item = QTableWidgetItem(text)
            if column >= 2:
                item.setTextAlignment(Qt.AlignmentFlag.AlignRight
                                      | Qt.AlignmentFlag.AlignVCenter)
            if change.origin is Origin.MANUAL:
                item.setForeground(MANUAL_COLOUR)
            self.table.setItem(row, column, item)
        first = self.table.item(row, 0)
        assert first is not None
        first.setFlags(first.flags() | Qt.ItemFlag.ItemIsUserCheckable)
        first.setCheckState(Qt.CheckState.Checked if change.proposed
                            else Qt.CheckState.Unchecked)

    def set_all(self, ticked: bool) -> None:
        state = Qt.CheckState.Checked if ticked else Qt.CheckState.Unchecked
        for row in range(self.table.rowCount()):
            item = self.table.item(row, 0)
            if item is not None:
                item.setCheckState(state)

    def set_ticked(self, name: str, ticked: bool) -> None:
        for row, change in enumerate(self.changes):
            item = self.table.item(row, 0)
            if change.name == name and item is not None:
                item.setCheckState(Qt.CheckState.Checked if ticked
                                   else Qt.CheckState.Unchecked)

    def accepted_names(self) -> list[str]:
        names = []
        for row, change in enumerate(self.changes):
            item = self.table.item(row, 0)
            if item is not None and item.checkState() == Qt.CheckState.Checked:
                names.append(change.name)
        return names
