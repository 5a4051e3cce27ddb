"""The typing boxes of the questionnaire: the line edit every question uses, text,
numbers and dates, and the dusun name (choices are in :mod:`.choice_inputs`).

Every input is a line edit (``TypingBox``) inside a small composite, so a typist's
keystrokes always land in the same kind of widget whatever the question: Tab, Shift+Tab
and Enter never move the focus themselves, they ask the editor (``navigate``), which
first asks the input to ``commit``. An input refuses what cannot be the answer (a code
that is not in the list, ``1e3`` in a number, 31/02) with a message and keeps the
cursor; losing the focus to the mouse stores what was typed as typed instead, so
nothing is ever thrown away (validation then reports it).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from desa_app.core.instrument.model import Field, FieldType
from desa_app.gui.form.typed import (
    interpret,
    slash_date,
)
from desa_app.gui.i18n import t
from desa_app.gui.qt import (
    QCompleter,
    QEvent,
    QHBoxLayout,
    QLineEdit,
    Qt,
    QtCore,
    QtGui,
    QWidget,
    Signal,
)

MONEY_UNITS = ("rp",)
"""A number whose ``unit`` starts with this is money: shown with thousands separators."""

INFO_STYLE = "color: #1b5e20;"
ERROR_STYLE = "color: #b00020;"
WARNING_STYLE = "color: #8a5a00;"


def grouped(number: int) -> str:
    """2500000 -> 2.500.000 (Indonesian thousands separator)."""
    return f"{number:,}".replace(",", ".")


class TypingBox(QLineEdit):
    """A line edit whose Tab, Shift+Tab and Enter are requests to the editor."""

    navigate = Signal(int)
    accept_new = Signal()  # Ctrl+Enter: "yes, I mean this new name"

    def event(self, event: QtCore.QEvent) -> bool:
        if event.type() == QEvent.Type.KeyPress and isinstance(event, QtGui.QKeyEvent):
            key, modifiers = event.key(), event.modifiers()
            ctrl = bool(modifiers & Qt.KeyboardModifier.ControlModifier)
            if key == Qt.Key.Key_Backtab or (
                    key == Qt.Key.Key_Tab and modifiers & Qt.KeyboardModifier.ShiftModifier):
                self.navigate.emit(-1)
                return True
            if key == Qt.Key.Key_Tab and not ctrl:
                self.navigate.emit(+1)
                return True
            if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                if ctrl:
                    self.accept_new.emit()
                else:
                    self.navigate.emit(+1)
                return True
        return super().event(event)


class FieldInput(QWidget):
    """Base of every input: a ``TypingBox`` with what the editor needs to drive it."""

    committed = Signal(object)
    navigate = Signal(int)
    feedback = Signal(str, str)  # text, style ("" clears)
    typing = Signal()  # text changed, not committed yet (the journal keeps it)
    focused = Signal()
    money = False
    _before = ""

    def __init__(self, field: Field) -> None:
        super().__init__()
        self.field = field
        self.box = TypingBox()
        self.box.setProperty("field_name", field.name)
        self.setProperty("field_name", field.name)
        self.setFocusProxy(self.box)
        self.box.navigate.connect(self.navigate)
        self.box.textEdited.connect(self._edited)
        self.box.editingFinished.connect(self._left)
        self.box.installEventFilter(self)
        self.shown: Any = None  # the stored answer on screen
        self.layout_ = QHBoxLayout(self)
        self.layout_.setContentsMargins(0, 0, 0, 0)
        self.layout_.addWidget(self.box)

    # -- what subclasses decide ----------------------------------------------------------
    def interpret(self, text: str) -> tuple[Any, str | None]:
        """(answer, None) or (None, why it cannot be the answer)."""
        return (text or None), None

    def display(self, value: Any) -> str:
        return "" if value is None else str(value)

    # -- the contract with the editor ----------------------------------------------------
    def commit(self, strict: bool = True) -> bool:
        """Store what is typed. Strict (Tab/Enter): refuse with a message and keep the
        cursor. Not strict (the focus went elsewhere): keep it as typed."""
        text = self.box.text().strip()
        if text == self.display(self.shown).strip():
            return True
        value, problem = self.interpret(text)
        if problem is not None:
            if strict:
                self.feedback.emit(problem, ERROR_STYLE)
                return False
            value = text
        self.feedback.emit("", "")
        if value == self.shown and type(value) is type(self.shown):
            return True
        self.shown = value
        self.committed.emit(value)
        return True

    def pending(self) -> str | None:
        """Text typed but not yet committed (``None`` when there is none)."""
        text = self.box.text().strip()
        return None if text == self.display(self.shown).strip() else text

    def show_value(self, value: Any) -> None:
        self.shown = value
        text = self.display(value)
        if self.box.text() != text:
            self.box.setText(text)

    def _edited(self, text: str) -> None:
        self.typing.emit()

    def _left(self) -> None:
        if not self.box.hasFocus():
            self.commit(strict=False)

    def eventFilter(self, watched: QtCore.QObject, event: QtCore.QEvent) -> bool:
        if watched is self.box and event.type() == QEvent.Type.FocusIn:
            self.focused.emit()
        return False


class TextInput(FieldInput):
    """Text, integer, decimal, identity numbers and dates."""

    def __init__(self, field: Field, identity: bool = False) -> None:
        super().__init__(field)
        self.field_type = field.type
        self.money = str(field.extra.get("unit", "")).lower().startswith(MONEY_UNITS)
        self._before = ""
        box = self.box
        if identity:  # NIK / No. KK: digits only, 16 long
            box.setValidator(QtGui.QRegularExpressionValidator(
                QtCore.QRegularExpression(r"[0-9]{0,16}")))
            box.setMaxLength(16)
            box.setFixedWidth(190)
        elif field.type in (FieldType.INTEGER, FieldType.DECIMAL):
            box.setAlignment(Qt.AlignmentFlag.AlignRight)
            box.setFixedWidth(150)
        elif field.type is FieldType.DATE:
            box.setPlaceholderText(t("form.date_placeholder"))
            box.setMaxLength(10)
            box.setFixedWidth(140)
        else:
            box.setMinimumWidth(340)
        self.layout_.addStretch(1)

    def interpret(self, text: str) -> tuple[Any, str | None]:
        return interpret(self.field, None, text)

    def display(self, value: Any) -> str:
        if value is None:
            return ""
        if self.money and isinstance(value, int) and not self.box.hasFocus():
            return grouped(value)
        return display_text(self.field_type, value)

    def _edited(self, text: str) -> None:
        if self.field_type is FieldType.DATE and len(text) > len(self._before):
            formatted = slash_date(text, self._before)
            if formatted != text:
                self.box.setText(formatted)
                text = formatted
        self._before = text
        self.feedback.emit("", "")
        super()._edited(text)

    def show_value(self, value: Any) -> None:
        super().show_value(value)
        self._before = self.box.text()

    def _left(self) -> None:
        super()._left()
        if self.money and not self.box.hasFocus():
            self.show_value(self.shown)  # grouped once left

    def eventFilter(self, watched: QtCore.QObject, event: QtCore.QEvent) -> bool:
        if watched is self.box and self.money and event.type() == QEvent.Type.FocusIn \
                and self.pending() is None:
            self.show_value(self.shown)  # plain digits while typing
        return super().eventFilter(watched, event)

    def pending(self) -> str | None:
        text = self.box.text().strip()
        if self.money and isinstance(self.shown, int) and text in (
                grouped(self.shown), str(self.shown)):
            return None
        return super().pending()


def display_text(field_type: FieldType, value: Any) -> str:
    """A stored answer as the screen writes it (dates day first, decimals with a comma)."""
    if field_type is FieldType.DATE and isinstance(value, str):
        parts = value.split("-")
        if len(parts) == 3 and len(parts[0]) == 4:
            return f"{parts[2]}/{parts[1]}/{parts[0]}"
    if isinstance(value, float):
        # every digit typed, never rounded to 6 (``{:g}`` showed 1234567.5 as 1,23457e+06)
        text = repr(value)
        if "e" in text or "E" in text:
            text = f"{value:.10f}".rstrip("0").rstrip(".")
        return text.replace(".", ",")
    if isinstance(value, list):
        return " ".join(str(v) for v in value)
    return str(value)


class NameListInput(TextInput):
    """A name from the village's own list (the dusun): completion while typing; a name
    not on the list only by an explicit Ctrl+Enter, so a typo never makes a new dusun."""

    def __init__(self, field: Field, names: Callable[[], list[str]]) -> None:
        super().__init__(field)
        self.names = names
        self.allow_new = False
        self.completer = QCompleter([])
        self.completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.completer.setCompletionMode(QCompleter.CompletionMode.InlineCompletion)
        self.box.setCompleter(self.completer)
        self.box.setMinimumWidth(240)
        self.box.accept_new.connect(self._accept_new)

    def refresh_names(self) -> None:
        model = self.completer.model()
        if isinstance(model, QtCore.QStringListModel):
            model.setStringList(self.names())

    def interpret(self, text: str) -> tuple[Any, str | None]:
        if not text:
            return None, None
        known = {name.casefold(): name for name in self.names()}
        name = known.get(" ".join(text.split()).casefold())
        if name is not None:
            return name, None
        if self.allow_new:
            return " ".join(text.split()), None
        listed = ", ".join(sorted(known.values())[:8]) or t("input.list_empty")
        return None, t("input.not_in_list", text=text, names=listed)

    def _accept_new(self) -> None:
        self.allow_new = True
        try:
            if self.commit():
                self.navigate.emit(+1)
        finally:
            self.allow_new = False
