"""One question on screen: number and label, the input, and its messages underneath.

A ``FieldRow`` is bound to a question and an instance key; the members panel rebinds
the same rows to another member instead of building new widgets.
"""

from __future__ import annotations

from typing import Any

from desa_app.core.instrument.expr.ast import Call, Dot
from desa_app.core.instrument.issues import Issue, Key
from desa_app.core.instrument.model import Field, FieldType, Instrument, Severity
from desa_app.gui.form.inputs import ChoiceInput, MultiChoiceInput, TextInput, display_text
from desa_app.gui.i18n import form_language
from desa_app.gui.qt import QHBoxLayout, QLabel, Qt, QVBoxLayout, QWidget, Signal

IDENTITY_FUNCTIONS = {"nik-valid", "nik-region-known", "nik-date-valid", "kk-valid"}
ERROR_STYLE = "color: #b00020;"
WARNING_STYLE = "color: #8a5a00;"
NOTE_STYLE = "color: #0b4f9c;"


def is_identity_number(field: Field) -> bool:
    """A NIK or No. KK question: one of its rules calls an identity check on itself."""
    rules = [c.rule for c in field.checks] + ([field.constraint] if field.constraint else [])
    for rule in rules:
        for node in rule.tree.walk():
            if (isinstance(node, Call) and node.name in IDENTITY_FUNCTIONS and node.args
                    and isinstance(node.args[0], Dot)):
                return True
    return False


def make_input(field: Field, instrument: Instrument) -> Any:
    choices = instrument.choices_of(field)
    if field.type is FieldType.SELECT_ONE and choices is not None:
        return ChoiceInput(choices)
    if field.type is FieldType.SELECT_MULTIPLE and choices is not None:
        return MultiChoiceInput(choices)
    if field.type in (FieldType.NOTE, FieldType.CALCULATE) or field.read_only \
            or field.is_computed:  # a total: shown, never typed
        return None
    return TextInput(field, identity=is_identity_number(field))


class FieldRow(QWidget):
    """Emits ``edited(name, key, value)`` when the user commits an answer."""

    edited = Signal(str, object, object)

    def __init__(self, field: Field, instrument: Instrument, key: Key = ()) -> None:
        super().__init__()
        self.field = field
        self.key = key
        language = form_language()
        number = f"{field.number} " if field.number else ""
        self.label = QLabel(f"{number}{field.label.get(language)}"
                            + (' <span style="color:#b00020">*</span>'
                               if field.required is not None else ""))
        self.label.setWordWrap(True)
        self.label.setMinimumWidth(300)
        self.label.setMaximumWidth(420)
        self.input = make_input(field, instrument)
        self.display = QLabel("") if self.input is None else None
        self.messages = QLabel("")
        self.messages.setWordWrap(True)
        self.messages.hide()
        self.origin = QLabel("")  # "dari DDK" / "manual" beside a countable figure
        self.origin.hide()
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        left = QVBoxLayout()
        left.setSpacing(0)
        left.addWidget(self.label)
        if field.hint:
            hint = QLabel(field.hint.get(language))
            hint.setWordWrap(True)
            hint.setStyleSheet("color: #555; font-size: 9pt;")
            hint.setMaximumWidth(420)
            left.addWidget(hint)
        row.addLayout(left)
        right = QVBoxLayout()
        right.setSpacing(2)
        if self.input is not None:
            self.input.setProperty("field_name", field.name)
            self.input.committed.connect(self._committed)
            line = QHBoxLayout()
            line.addWidget(self.input, 0, Qt.AlignmentFlag.AlignLeft)
            line.addWidget(self.origin)
            line.addStretch(1)
            right.addLayout(line)
        if self.display is not None:
            right.addWidget(self.display)
        right.addWidget(self.messages)
        right.addStretch(1)
        row.addLayout(right, 1)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(4, 3, 4, 3)
        outer.addLayout(row)
        if field.type is FieldType.NOTE:
            self.label.setStyleSheet("font-style: italic;")

    @property
    def name(self) -> str:
        return self.field.name

    def _committed(self, value: object) -> None:
        self.edited.emit(self.field.name, self.key, value)

    def show_value(self, value: Any) -> None:
        if self.input is not None:
            self.input.show_value(value)
        elif self.display is not None:
            shown = "" if value is None else display_text(self.field.type, value)
            self.display.setText(f"<b>{shown}</b>" if shown else "—")

    def show_issues(self, issues: list[Issue], notes: list[str] | None = None) -> None:
        """Problems of the answer, and the Tim's open notes on this question (blue)."""
        lines = [f'<span style="{NOTE_STYLE}">📝 {note}</span>' for note in notes or []]
        if not issues and not lines:
            self.messages.hide()
            self.messages.setText("")
            return
        for issue in issues:
            error = issue.severity is Severity.ERROR
            style = ERROR_STYLE if error else WARNING_STYLE
            mark = "✖" if error else "⚠"
            lines.append(f'<span style="{style}">{mark} {issue.message}</span>')
        self.messages.setText("<br>".join(lines))
        self.messages.show()

    def show_origin(self, text: str, style: str, tooltip: str) -> None:
        """Where a village figure came from: counted from DDK, or typed by hand."""
        self.origin.setText(text)
        self.origin.setStyleSheet(f"font-size: 9pt; {style}")
        self.origin.setToolTip(tooltip)
        self.origin.setVisible(bool(text))

    def set_editable(self, editable: bool) -> None:
        if self.input is not None:
            self.input.setEnabled(editable)

    def focus_input(self) -> None:
        if self.input is not None:
            self.input.setFocus()
