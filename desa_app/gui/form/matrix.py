"""Count-per-option and grid items as compact tables, typed cell by cell.

Rows are the printed options (plus the write-in rows, whose name is typed in the first
column); columns are what the item asks per row. Each cell is an ordinary question of
the form state; a cell with a problem turns red (error) or amber (warning) and its tip
says why.
"""

from __future__ import annotations

import re
from typing import Any

from desa_app.core.instrument.issues import Issue, Key
from desa_app.core.instrument.model import FieldType, Instrument, Matrix, Severity
from desa_app.gui.form.inputs import display_text
from desa_app.gui.i18n import form_language, t
from desa_app.gui.qt import (
    QAbstractItemView,
    QColor,
    QHeaderView,
    Qt,
    QTableWidget,
    QTableWidgetItem,
    Signal,
)

ERROR_COLOUR = QColor("#f8d7da")
WARNING_COLOUR = QColor("#fff3cd")


def codes_in(text: str) -> list[str]:
    """Codes typed into a choice cell: ``1 3``, ``1,3``, or the shown ``1. Baik; 3. Berwarna``."""
    codes: list[str] = []
    for chunk in text.split(";"):
        chunk = chunk.strip()
        if ". " in chunk:
            codes.append(chunk.split(". ", 1)[0].strip())
        else:
            codes.extend(c for c in re.split(r"[\s,]+", chunk) if c)
    return codes


class MatrixTable(QTableWidget):
    edited = Signal(str, object, object)

    def __init__(self, matrix: Matrix, instrument: Instrument, key: Key = ()) -> None:
        self.matrix = matrix
        self.instrument = instrument
        self.key = key
        self.has_names = bool(matrix.row_names)
        columns = [c.label.get(form_language()) for c in matrix.columns]
        if matrix.kind == "count_per_option":
            columns = [t("form.matrix_count")]
        if self.has_names:
            columns = [t("form.matrix_other_name"), *columns]
        super().__init__(len(matrix.rows), len(columns))
        self.setHorizontalHeaderLabels(columns)
        choices = instrument.choice_lists[matrix.list_name]
        language = form_language()
        labels = []
        for row in matrix.rows:
            choice = choices.by_name.get(row)
            if choice is None:
                labels.append(t("form.matrix_other_row", n=row.removeprefix("lain")))
                continue
            unit = choice.extra.get("unit")
            suffix = f" ({unit})" if unit else ""
            labels.append(f"{choice.name}. {choice.label.get(language)}{suffix}")
        self.setVerticalHeaderLabels(labels)
        self.cell_of: dict[str, tuple[int, int]] = {}
        self.shown: dict[str, tuple[object, ...]] = {}  # what each cell shows: skip no-ops
        self.name_at: dict[tuple[int, int], str] = {}
        self._showing = False
        for r, row in enumerate(matrix.rows):
            if self.has_names:
                name_field = matrix.row_names.get(row)
                item = QTableWidgetItem("")
                if name_field is None:
                    item.setFlags(Qt.ItemFlag.NoItemFlags)
                else:
                    self.cell_of[name_field] = (r, 0)
                    self.name_at[(r, 0)] = name_field
                self.setItem(r, 0, item)
            offset = 1 if self.has_names else 0
            for c, column in enumerate(matrix.columns):
                cell = matrix.cells[(row, column.name)]
                self.cell_of[cell] = (r, c + offset)
                self.name_at[(r, c + offset)] = cell
                self.setItem(r, c + offset, QTableWidgetItem(""))
        self.setProperty("field_name", matrix.name)
        self.setEditTriggers(QAbstractItemView.EditTrigger.AnyKeyPressed
                             | QAbstractItemView.EditTrigger.DoubleClicked
                             | QAbstractItemView.EditTrigger.EditKeyPressed)
        self.setTabKeyNavigation(True)
        self.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        if self.has_names:  # the write-in name column is used by one or two rows only
            self.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Interactive)
            self.setColumnWidth(0, 170)
        self.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        height = self.horizontalHeader().sizeHint().height() + 4
        height += sum(self.verticalHeader().sectionSizeHint(r) for r in range(self.rowCount()))
        self.setFixedHeight(height)
        self.setMinimumWidth(560)
        self.itemChanged.connect(self._changed)

    def _changed(self, item: QTableWidgetItem) -> None:
        if self._showing:
            return
        name = self.name_at.get((item.row(), item.column()))
        if name is None:
            return
        field = self.instrument.field(name)
        text = item.text().strip()
        if field.list_name is not None:
            codes = codes_in(text)
            value: object = codes if field.type is FieldType.SELECT_MULTIPLE else (
                codes[0] if codes else "")
            self.edited.emit(name, self.key, value)
        else:
            self.edited.emit(name, self.key, text)

    def _cell(self, name: str) -> QTableWidgetItem | None:
        position = self.cell_of.get(name)
        return self.item(*position) if position is not None else None

    def show_value(self, name: str, value: Any) -> None:
        item = self._cell(name)
        if item is None:
            return
        field = self.instrument.field(name)
        text = "" if value is None else display_text(field.type, value)
        choices = self.instrument.choices_of(field)
        if choices is not None and value is not None:
            codes = value if isinstance(value, list) else [value]
            language = form_language()
            text = "; ".join(f"{code}. {choices.label(str(code), language)}" for code in codes)
        if item.text() != text:
            self._showing = True
            item.setText(text)
            self._showing = False

    def show_issues(self, name: str, issues: list[Issue]) -> None:
        item = self._cell(name)
        signature = ("issues", *((i.severity, i.message) for i in issues))
        if item is None or self.shown.get(name + "\0issues") == signature:
            return
        self.shown[name + "\0issues"] = signature
        self._showing = True
        if not issues:
            item.setBackground(QColor(0, 0, 0, 0))
            item.setToolTip("")
        else:
            error = any(i.severity is Severity.ERROR for i in issues)
            item.setBackground(ERROR_COLOUR if error else WARNING_COLOUR)
            item.setToolTip("\n".join(i.message for i in issues))
        self._showing = False

    def show_origin(self, name: str, text: str, style: str, tooltip: str) -> None:
        """A village figure's origin: its colour, and a tooltip (issues' tooltips win)."""
        item = self._cell(name)
        if item is None or self.shown.get(name + "\0origin") == (text,):
            return
        self.shown[name + "\0origin"] = (text,)
        self._showing = True
        colour = style.removeprefix("color: ").rstrip(";") if style else ""
        item.setForeground(QColor(colour) if colour else QColor(0, 0, 0))
        if not item.toolTip() or self.shown.get(name + "\0issues") in (None, ("issues",)):
            item.setToolTip(f"{text}: {tooltip}" if text else "")
        self._showing = False

    def set_cell_enabled(self, name: str, enabled: bool) -> None:
        item = self._cell(name)
        if item is None or self.shown.get(name + "\0enabled") == (enabled,):
            return
        self.shown[name + "\0enabled"] = (enabled,)
        self._showing = True
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if enabled:
            flags |= Qt.ItemFlag.ItemIsEditable
        item.setFlags(flags)
        self._showing = False

    def focus_cell(self, name: str) -> None:
        position = self.cell_of.get(name)
        if position is not None:
            self.setCurrentCell(*position)
            self.setFocus()
