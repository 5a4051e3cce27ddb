"""Input widgets per question type, each keyboard-first.

Numbers are line edits, not spin boxes: an unanswered question must stay visibly
different from 0, and officials type numbers, they do not click arrows. Choices accept
the printed code (``2``) or the start of the label (``per`` for Perempuan). Enter moves to
the next question like Tab does.
"""

from __future__ import annotations

import re
from typing import Any

from desa_app.core.instrument.model import ChoiceList, Field, FieldType
from desa_app.gui.i18n import form_language, t
from desa_app.gui.qt import (
    QComboBox,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    Qt,
    QtCore,
    QtGui,
    QTimer,
    Signal,
)

DATE_RE = re.compile(r"^(\d{2})/(\d{2})/(\d{4})$")


def _enter_moves_on(widget: Any, event: Any) -> bool:
    """Enter/Return acts as Tab: heads-down typing never needs the mouse."""
    if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and not (
        event.modifiers() & Qt.KeyboardModifier.ControlModifier
    ):
        widget.focusNextChild()
        return True
    return False


class TextInput(QLineEdit):
    """Text, integer, decimal, identity numbers and dates as a line edit."""

    committed = Signal(object)

    def __init__(self, field: Field, identity: bool = False) -> None:
        super().__init__()
        self.field_type = field.type
        self._last = ""
        if identity:  # NIK / No. KK: digits only, 16 long
            self.setValidator(QtGui.QRegularExpressionValidator(
                QtCore.QRegularExpression(r"\d{0,16}")))
            self.setMaxLength(16)
            self.setFixedWidth(190)
        elif field.type is FieldType.INTEGER:
            self.setValidator(QtGui.QRegularExpressionValidator(
                QtCore.QRegularExpression(r"-?[\d.]{0,15}")))
            self.setAlignment(Qt.AlignmentFlag.AlignRight)
            self.setFixedWidth(140)
        elif field.type is FieldType.DECIMAL:
            self.setValidator(QtGui.QRegularExpressionValidator(
                QtCore.QRegularExpression(r"-?[\d.,]{0,18}")))
            self.setAlignment(Qt.AlignmentFlag.AlignRight)
            self.setFixedWidth(140)
        elif field.type is FieldType.DATE:
            self.setPlaceholderText(t("form.date_placeholder"))
            self.setValidator(QtGui.QRegularExpressionValidator(
                QtCore.QRegularExpression(r"[\d/]{0,10}")))
            self.setFixedWidth(140)
            self.textEdited.connect(self._slash_date)
        else:
            self.setMinimumWidth(340)
        self.editingFinished.connect(self._commit)

    def _slash_date(self, text: str) -> None:
        """Typing 12051980 gives 12/05/1980."""
        digits = text.replace("/", "")
        if len(digits) > 8 or not digits.isdigit():
            return
        parts = [digits[:2], digits[2:4], digits[4:]]
        formatted = "/".join(p for p in parts if p)
        if len(digits) in (2, 4) and not text.endswith("/") and len(text) >= len(formatted):
            formatted += "/"
        if formatted != text:
            self.setText(formatted)

    def keyPressEvent(self, event: Any) -> None:
        if not _enter_moves_on(self, event):
            super().keyPressEvent(event)

    def _commit(self) -> None:
        text = self.text().strip()
        if text != self._last:
            self._last = text
            self.committed.emit(text)

    def show_value(self, value: Any) -> None:
        text = "" if value is None else display_text(self.field_type, value)
        self._last = text
        if self.text() != text:
            self.setText(text)


def display_text(field_type: FieldType, value: Any) -> str:
    if field_type is FieldType.DATE and isinstance(value, str):
        match = re.match(r"^(\d{4})-(\d{2})-(\d{2})$", value)
        if match:
            return f"{match.group(3)}/{match.group(2)}/{match.group(1)}"
    if isinstance(value, float):
        return f"{value:g}".replace(".", ",")
    return str(value)


class ChoiceInput(QComboBox):
    """Pick one: type the code (``2``), or the start of the label (``per``)."""

    committed = Signal(object)

    def __init__(self, choices: ChoiceList) -> None:
        super().__init__()
        self.choices = choices
        self.setEditable(False)
        self.addItem("", None)
        language = form_language()
        for choice in choices.choices:
            self.addItem(f"{choice.name}. {choice.label.get(language)}", choice.name)
        self.setMaxVisibleItems(15)
        self.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContentsOnFirstShow)
        self.setMinimumContentsLength(18)
        self._typed = ""
        self._reset = QTimer(self)
        self._reset.setSingleShot(True)
        self._reset.setInterval(900)
        self._reset.timeout.connect(self._clear_typed)
        self._showing = False
        self.currentIndexChanged.connect(self._changed)

    def _clear_typed(self) -> None:
        self._typed = ""

    def focusInEvent(self, event: Any) -> None:
        self._typed = ""  # a new visit starts a new code, whatever was typed before
        super().focusInEvent(event)

    def keyPressEvent(self, event: Any) -> None:
        if _enter_moves_on(self, event):
            return
        text = event.text()
        if event.key() in (Qt.Key.Key_Backspace, Qt.Key.Key_Delete):
            self._typed = ""
            self.setCurrentIndex(0)
            return
        if text and text.isprintable() and not event.modifiers() & (
            Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier
        ):
            self._typed += text.lower()
            self._reset.start()
            index = self.match_typed(self._typed)
            if index is not None:
                self.setCurrentIndex(index)
            return
        super().keyPressEvent(event)

    def match_typed(self, typed: str) -> int | None:
        """Index of the choice the typed text means: code first, then label start."""
        language = form_language()
        choices = self.choices.choices
        for i, choice in enumerate(choices, start=1):
            if choice.name.lower() == typed:
                return i
        for i, choice in enumerate(choices, start=1):
            if choice.label.get(language).lower().startswith(typed):
                return i
        for i, choice in enumerate(choices, start=1):
            if choice.name.lower().startswith(typed):
                return i
        return None

    def _changed(self, index: int) -> None:
        if not self._showing:
            self.committed.emit(self.itemData(index))

    def show_value(self, value: Any) -> None:
        self._typed = ""
        self._showing = True
        index = self.findData(None if value is None else str(value))
        self.setCurrentIndex(max(index, 0))
        self._showing = False


class MultiChoiceInput(QListWidget):
    """Tick any number: Space ticks the current option, Up/Down move, Enter goes on."""

    committed = Signal(object)

    def __init__(self, choices: ChoiceList) -> None:
        super().__init__()
        self._showing = False
        language = form_language()
        for choice in choices.choices:
            item = QListWidgetItem(f"{choice.name}. {choice.label.get(language)}")
            item.setData(Qt.ItemDataRole.UserRole, choice.name)
            item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsUserCheckable
                          | Qt.ItemFlag.ItemIsSelectable)
            item.setCheckState(Qt.CheckState.Unchecked)
            self.addItem(item)
        rows = min(len(choices.choices), 7)
        self.setFixedHeight(rows * (self.sizeHintForRow(0) or 20) + 6)
        self.setMinimumWidth(420)
        self.itemChanged.connect(self._changed)

    def keyPressEvent(self, event: Any) -> None:
        if event.key() == Qt.Key.Key_Space and self.currentItem() is not None:
            item = self.currentItem()
            checked = item.checkState() == Qt.CheckState.Checked
            item.setCheckState(Qt.CheckState.Unchecked if checked else Qt.CheckState.Checked)
            return
        if event.key() == Qt.Key.Key_Tab or _enter_moves_on(self, event):
            if event.key() == Qt.Key.Key_Tab:
                self.focusNextChild()
            return
        super().keyPressEvent(event)

    def focusInEvent(self, event: Any) -> None:
        if self.currentRow() < 0 and self.count():
            self.setCurrentRow(0)
        super().focusInEvent(event)

    def selected_codes(self) -> list[str]:
        return [str(self.item(i).data(Qt.ItemDataRole.UserRole)) for i in range(self.count())
                if self.item(i).checkState() == Qt.CheckState.Checked]

    def _changed(self, item: QListWidgetItem) -> None:
        if not self._showing:
            self.committed.emit(self.selected_codes())

    def show_value(self, value: Any) -> None:
        chosen = {str(v) for v in value} if isinstance(value, list) else set()
        self._showing = True
        for i in range(self.count()):
            item = self.item(i)
            state = (Qt.CheckState.Checked if item.data(Qt.ItemDataRole.UserRole) in chosen
                     else Qt.CheckState.Unchecked)
            if item.checkState() != state:
                item.setCheckState(state)
        self._showing = False
