"""Count-per-option and grid items as compact tables, typed cell by cell.

Rows are the printed options (plus the write-in rows, whose name is typed in the first
column); columns are what the item asks per row. Each cell is an ordinary question of
the form state. Typing into a cell opens a ``TypingBox`` whose text is interpreted by
the same rules as a question box (:func:`desa_app.gui.form.typed.interpret`); Tab,
Shift+Tab and Enter ask the editor to move on, which walks the cells in paper order and
leaves the table after the last one. The codes of the choice columns are printed above
the table; a cell with a problem turns red (error) or amber (warning) and its tip says why.
"""

from __future__ import annotations

from typing import Any

from desa_app.core.instrument.issues import Issue, Key
from desa_app.core.instrument.model import FieldType, Instrument, Matrix, Severity
from desa_app.gui.form.inputs import ERROR_STYLE, INFO_STYLE, TypingBox, display_text
from desa_app.gui.form.typed import codes_text, guess_choice, guess_multi, interpret, labels_text
from desa_app.gui.i18n import form_language, t
from desa_app.gui.qt import (
    QAbstractItemDelegate,
    QAbstractItemView,
    QColor,
    QEvent,
    QHeaderView,
    QLabel,
    QStyledItemDelegate,
    Qt,
    QTableWidget,
    QTableWidgetItem,
    QtCore,
    QtGui,
    QWidget,
    Signal,
)

ERROR_COLOUR = QColor("#f8d7da")
WARNING_COLOUR = QColor("#fff3cd")


class CellDelegate(QStyledItemDelegate):
    """Cell editors are typing boxes; Tab/Enter are the editor's, not Qt's cycling."""

    def __init__(self, table: MatrixTable) -> None:
        super().__init__(table)
        self.table = table

    def createEditor(self, parent: QWidget, option: Any, index: Any) -> QWidget:
        box = TypingBox(parent)
        name = self.table.name_at.get((index.row(), index.column()))
        box.setProperty("field_name", name)
        box.setProperty("matrix_cell", True)
        box.navigate.connect(lambda delta: self.table.editor_navigate(box, delta))
        box.textEdited.connect(lambda text: self.table.editor_typed(box, text))
        return box

    def setEditorData(self, editor: QWidget, index: Any) -> None:
        if isinstance(editor, TypingBox):
            name = self.table.name_at.get((index.row(), index.column()))
            editor.setText(self.table.typing_text(name))
            editor.selectAll()

    def setModelData(self, editor: QWidget, model: Any, index: Any) -> None:
        """The focus left the cell (a click elsewhere): keep what was typed, as typed
        when it cannot be read, so validation reports it instead of losing it."""
        if isinstance(editor, TypingBox):
            self.table.commit_editor(editor, strict=False)

    def eventFilter(self, editor: QtCore.QObject, event: QtCore.QEvent) -> bool:
        if event.type() == QEvent.Type.KeyPress and isinstance(event, QtGui.QKeyEvent) \
                and event.key() in (Qt.Key.Key_Tab, Qt.Key.Key_Backtab, Qt.Key.Key_Return,
                                    Qt.Key.Key_Enter):
            return False  # the typing box asks the editor to move on
        return bool(super().eventFilter(editor, event))


class MatrixTable(QTableWidget):
    edited = Signal(str, object, object)
    navigate = Signal(int)
    focused = Signal(str)
    typing = Signal(str)
    said = Signal(str, str)  # what the cell says about the text typed (also at the footer)

    def __init__(self, matrix: Matrix, instrument: Instrument, key: Key = ()) -> None:
        self.matrix = matrix
        self.instrument = instrument
        self.key = key
        self.language = form_language()
        self.has_names = bool(matrix.row_names)
        columns = [c.label.get(self.language) for c in matrix.columns]
        if matrix.kind == "count_per_option":
            columns = [t("form.matrix_count")]
        if self.has_names:
            columns = [t("form.matrix_other_name"), *columns]
        super().__init__(len(matrix.rows), len(columns))
        self.setHorizontalHeaderLabels(columns)
        choices = instrument.choice_lists[matrix.list_name]
        labels = []
        for row in matrix.rows:
            choice = choices.by_name.get(row)
            if choice is None:
                labels.append(t("form.matrix_other_row", n=row.removeprefix("lain")))
                continue
            unit = choice.extra.get("unit")
            suffix = f" ({unit})" if unit else ""
            labels.append(f"{choice.name}. {choice.label.get(self.language)}{suffix}")
        self.setVerticalHeaderLabels(labels)
        self.cell_of: dict[str, tuple[int, int]] = {}
        self.shown: dict[str, tuple[object, ...]] = {}  # what each cell shows: skip no-ops
        self.values: dict[str, Any] = {}
        self.name_at: dict[tuple[int, int], str] = {}
        self.order: list[str] = []  # the cells in paper order: row by row
        for r, row in enumerate(matrix.rows):
            if self.has_names:
                name_field = matrix.row_names.get(row)
                item = QTableWidgetItem("")
                if name_field is None:
                    item.setFlags(Qt.ItemFlag.NoItemFlags)
                else:
                    self.cell_of[name_field] = (r, 0)
                    self.name_at[(r, 0)] = name_field
                    self.order.append(name_field)
                self.setItem(r, 0, item)
            offset = 1 if self.has_names else 0
            for c, column in enumerate(matrix.columns):
                cell = matrix.cells[(row, column.name)]
                self.cell_of[cell] = (r, c + offset)
                self.name_at[(r, c + offset)] = cell
                self.order.append(cell)
                self.setItem(r, c + offset, QTableWidgetItem(""))
        self.setProperty("field_name", matrix.name)
        self.setItemDelegate(CellDelegate(self))
        self.setEditTriggers(QAbstractItemView.EditTrigger.AnyKeyPressed
                             | QAbstractItemView.EditTrigger.DoubleClicked
                             | QAbstractItemView.EditTrigger.EditKeyPressed)
        self.setTabKeyNavigation(False)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
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
        self.codes = QLabel(self.codes_legend())
        self.codes.setWordWrap(True)
        self.codes.setStyleSheet("color: #333; font-size: 9pt;")
        if not self.codes.text():
            self.codes.hide()  # (never show() a widget before it has a parent)
        self.feedback = QLabel("")
        self.feedback.setWordWrap(True)
        self.feedback.hide()
        self.currentCellChanged.connect(self._cell_changed)

    # -- what the typist sees ------------------------------------------------------------
    def codes_legend(self) -> str:
        """The codes of every choice column, printed under the table."""
        lines = []
        for column in self.matrix.columns:
            choices = self.instrument.choice_lists.get(column.list_name or "")
            if choices is None:
                continue
            codes = " · ".join(f"{c.name} {c.label.get(self.language)}" for c in choices.choices)
            several = t("form.matrix_several") if column.type is FieldType.SELECT_MULTIPLE else ""
            lines.append(t("form.matrix_codes", column=column.label.get(self.language),
                           codes=codes, several=several))
        return "<br>".join(lines)

    def show_feedback(self, text: str, style: str = "") -> None:
        """Under the table, and at the editor's footer: a long table's bottom edge is
        often off the screen while its first rows are typed."""
        self.feedback.setStyleSheet(style)
        self.feedback.setText(text)
        self.feedback.setVisible(bool(text))
        self.said.emit(text, style)

    def current_name(self) -> str | None:
        return self.name_at.get((self.currentRow(), self.currentColumn()))

    def typing_text(self, name: str | None) -> str:
        if name is None:
            return ""
        value = self.values.get(name)
        field = self.instrument.field(name)
        if field.list_name is not None:
            return codes_text(value)
        return "" if value is None else display_text(field.type, value)

    # -- typing --------------------------------------------------------------------------
    def commit_editor(self, editor: TypingBox, strict: bool) -> bool:
        name = editor.property("field_name")
        if not name:
            return True
        field = self.instrument.field(str(name))
        text = editor.text().strip()
        if text == self.typing_text(str(name)).strip():
            return True
        value, problem = interpret(field, self.instrument.choices_of(field), text,
                                   self.language)
        if problem is not None:
            if strict:
                self.show_feedback(problem, ERROR_STYLE)
                return False
            value = text
        self.show_feedback("")
        self.values[str(name)] = value
        self.edited.emit(str(name), self.key, value)
        return True

    def editor_navigate(self, editor: TypingBox, delta: int) -> None:
        if not self.commit_editor(editor, strict=True):
            return
        self.closeEditor(editor, QAbstractItemDelegate.EndEditHint.NoHint)
        self.setFocus(Qt.FocusReason.OtherFocusReason)
        self.navigate.emit(delta)

    def editor_typed(self, editor: TypingBox, text: str) -> None:
        name = str(editor.property("field_name") or "")
        self.typing.emit(name)
        field = self.instrument.field(name) if name else None
        choices = self.instrument.choices_of(field) if field is not None else None
        if field is None or choices is None or not text.strip():
            self.show_feedback("")
            return
        if field.type is FieldType.SELECT_MULTIPLE:
            multi = guess_multi(text, choices)
            shown: Any = list(multi.codes)
            bad = multi.unknown
        else:
            guess = guess_choice(text, choices, self.language)
            shown, bad = guess.best, (() if guess.codes else (text.strip(),))
            if guess.final:
                self.commit_editor(editor, strict=True)
        if bad:
            self.show_feedback(t("input.no_such_codes", codes=", ".join(bad), hint=""),
                               ERROR_STYLE)
        else:
            self.show_feedback("→ " + labels_text(shown, choices, self.language), INFO_STYLE)

    def event(self, event: QtCore.QEvent) -> bool:
        if event.type() == QEvent.Type.KeyPress and isinstance(event, QtGui.QKeyEvent):
            key, modifiers = event.key(), event.modifiers()
            if key == Qt.Key.Key_Backtab or (
                    key == Qt.Key.Key_Tab and modifiers & Qt.KeyboardModifier.ShiftModifier):
                self.navigate.emit(-1)
                return True
            if key == Qt.Key.Key_Tab and not modifiers & Qt.KeyboardModifier.ControlModifier:
                self.navigate.emit(+1)
                return True
        return super().event(event)

    def keyPressEvent(self, event: QtGui.QKeyEvent) -> None:
        key = event.key()
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.state() != \
                QAbstractItemView.State.EditingState:
            self.navigate.emit(+1)
            return
        if key in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace):
            name = self.current_name()
            item = self.currentItem()
            if name and item is not None and item.flags() & Qt.ItemFlag.ItemIsEditable:
                self.values[name] = None
                self.edited.emit(name, self.key, None)
            return
        super().keyPressEvent(event)

    def focusInEvent(self, event: QtGui.QFocusEvent) -> None:
        super().focusInEvent(event)
        name = self.current_name()
        if name:
            self.focused.emit(name)

    def _cell_changed(self, row: int, column: int, old_row: int, old_column: int) -> None:
        name = self.name_at.get((row, column))
        if name and self.hasFocus():
            self.focused.emit(name)

    def wheelEvent(self, event: QtGui.QWheelEvent) -> None:
        event.ignore()  # the table is as tall as its rows: the wheel scrolls the form

    # -- showing the state ---------------------------------------------------------------
    def _cell(self, name: str) -> QTableWidgetItem | None:
        position = self.cell_of.get(name)
        return self.item(*position) if position is not None else None

    def show_value(self, name: str, value: Any) -> None:
        item = self._cell(name)
        if item is None:
            return
        self.values[name] = value
        field = self.instrument.field(name)
        text = "" if value is None else display_text(field.type, value)
        choices = self.instrument.choices_of(field)
        if choices is not None and value is not None:
            codes = value if isinstance(value, list) else [value]
            text = "; ".join(f"{code}. {choices.label(str(code), self.language)}"
                             for code in codes)
        if item.text() != text:
            item.setText(text)

    def show_issues(self, name: str, issues: list[Issue]) -> None:
        item = self._cell(name)
        signature = ("issues", *((i.severity, i.message) for i in issues))
        if item is None or self.shown.get(name + "\0issues") == signature:
            return
        self.shown[name + "\0issues"] = signature
        if not issues:
            item.setBackground(QColor(0, 0, 0, 0))
            item.setToolTip("")
        else:
            error = any(i.severity is Severity.ERROR for i in issues)
            item.setBackground(ERROR_COLOUR if error else WARNING_COLOUR)
            item.setToolTip("\n".join(i.message for i in issues))

    def show_origin(self, name: str, text: str, style: str, tooltip: str) -> None:
        """A village figure's origin: its colour, and a tooltip (issues' tooltips win)."""
        item = self._cell(name)
        if item is None or self.shown.get(name + "\0origin") == (text,):
            return
        self.shown[name + "\0origin"] = (text,)
        colour = style.removeprefix("color: ").rstrip(";") if style else ""
        item.setForeground(QColor(colour) if colour else QColor(0, 0, 0))
        if not item.toolTip() or self.shown.get(name + "\0issues") in (None, ("issues",)):
            item.setToolTip(f"{text}: {tooltip}" if text else "")

    def set_cell_enabled(self, name: str, enabled: bool) -> None:
        item = self._cell(name)
        if item is None or self.shown.get(name + "\0enabled") == (enabled,):
            return
        self.shown[name + "\0enabled"] = (enabled,)
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if enabled:
            flags |= Qt.ItemFlag.ItemIsEditable
        item.setFlags(flags)

    def cell_editable(self, name: str) -> bool:
        item = self._cell(name)
        return item is not None and bool(item.flags() & Qt.ItemFlag.ItemIsEditable)

    def cell_rect(self, name: str) -> QtCore.QRect:
        """Where the cell is, in the table's own coordinates (for scrolling it into view)."""
        position = self.cell_of.get(name)
        if position is None:
            return self.rect()
        rect = self.visualRect(self.model().index(*position))
        return rect.translated(self.viewport().pos())

    def focus_cell(self, name: str) -> None:
        position = self.cell_of.get(name)
        if position is not None:
            if self.state() == QAbstractItemView.State.EditingState:
                self.setFocus()
            self.setCurrentCell(*position)
            self.setFocus(Qt.FocusReason.TabFocusReason)
            self.focused.emit(name)
