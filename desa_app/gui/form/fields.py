"""One question on screen: number and label, the input, and its messages underneath.

A ``FieldRow`` is bound to a question and an instance key; the members panel rebinds
the same rows to another member instead of building new widgets. Automatic questions
(a ``calculation``, or ``read_only`` in the definition) show their value instead of a
box; a read-only question with a default (the village code) can be unlocked for one
record by an explicit click, never by a stray keystroke.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from desa_app.core.instrument.expr.ast import Call, Dot
from desa_app.core.instrument.issues import Issue, Key
from desa_app.core.instrument.model import Field, FieldType, Instrument, Severity
from desa_app.gui.form.choice_inputs import ChoiceInput, MultiChoiceInput
from desa_app.gui.form.inputs import (
    ERROR_STYLE,
    WARNING_STYLE,
    FieldInput,
    NameListInput,
    TextInput,
    display_text,
)
from desa_app.gui.i18n import form_language, t
from desa_app.gui.qt import QHBoxLayout, QLabel, QPushButton, Qt, QVBoxLayout, QWidget, Signal

IDENTITY_FUNCTIONS = {"nik-valid", "nik-region-known", "nik-date-valid", "kk-valid"}
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


def is_automatic(field: Field) -> bool:
    """Filled by the form itself: never a Tab stop (unless unlocked)."""
    return (field.type in (FieldType.NOTE, FieldType.CALCULATE) or field.read_only
            or field.is_computed)


def can_unlock(field: Field) -> bool:
    """A read-only answer of the record itself with a default (the village code, not a
    calculation) may be changed on purpose; a member's number follows the roster."""
    return (field.read_only and not field.is_computed and not field.repeats and field.type not in (
        FieldType.NOTE, FieldType.CALCULATE) and (field.default is not None
                                                  or field.default_expr is not None))


def list_field(instrument: Instrument) -> str | None:
    """The question whose answer is a name from the village's own list (the dusun):
    declared by the definition's ``record_keys.dusun``."""
    keys = instrument.settings.get("record_keys") or {}
    name = keys.get("dusun")
    return str(name) if name else None


def make_input(field: Field, instrument: Instrument,
               names: Callable[[], list[str]] | None = None) -> FieldInput | None:
    choices = instrument.choices_of(field)
    if field.type is FieldType.SELECT_ONE and choices is not None:
        return ChoiceInput(field, choices)
    if field.type is FieldType.SELECT_MULTIPLE and choices is not None:
        return MultiChoiceInput(field, choices)
    if is_automatic(field) and not can_unlock(field):
        return None
    if names is not None and field.name == list_field(instrument):
        return NameListInput(field, names)
    return TextInput(field, identity=is_identity_number(field))


class FieldRow(QWidget):
    """Emits ``edited(name, key, value)`` when the user commits an answer."""

    edited = Signal(str, object, object)
    navigate = Signal(int)
    focused = Signal(str)
    typing = Signal(str)
    unlock_requested = Signal(str)

    def __init__(self, field: Field, instrument: Instrument, key: Key = (),
                 names: Callable[[], list[str]] | None = None) -> None:
        super().__init__()
        self.field = field
        self.key = key
        language = form_language()
        number = f"{field.number} " if field.number else ""
        self.label = QLabel(f"<b>{number}</b>{field.label.get(language)}"
                            + (' <span style="color:#b00020">*</span>'
                               if field.required is not None else ""))
        self.label.setWordWrap(True)
        self.label.setMinimumWidth(300)
        self.label.setMaximumWidth(420)
        self.input = make_input(field, instrument, names)
        self.automatic = is_automatic(field)
        self.unlocked = False
        self.display = QLabel("") if self.automatic else None
        self.unlock = None
        self.messages = QLabel("")
        self.messages.setWordWrap(True)
        self.messages.hide()
        self.feedback = QLabel("")  # what the input says about the text being typed
        self.feedback.setWordWrap(True)
        self.feedback.hide()
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
        line = QHBoxLayout()
        if self.display is not None:
            line.addWidget(self.display)
        if self.input is not None:
            self.input.committed.connect(self._committed)
            self.input.navigate.connect(self.navigate)
            self.input.feedback.connect(self.show_feedback)
            self.input.focused.connect(lambda: self.focused.emit(self.field.name))
            self.input.typing.connect(lambda: self.typing.emit(self.field.name))
            line.addWidget(self.input, 1 if isinstance(self.input, ChoiceInput
                                                     | MultiChoiceInput) else 0)
            if self.automatic:
                self.input.hide()
                self.unlock = QPushButton(t("form.unlock"))
                self.unlock.setFocusPolicy(Qt.FocusPolicy.NoFocus)
                self.unlock.clicked.connect(lambda: self.unlock_requested.emit(field.name))
                line.addWidget(self.unlock)
        line.addWidget(self.origin)
        line.addStretch(1)
        right.addLayout(line)
        right.addWidget(self.feedback)
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

    @property
    def is_stop(self) -> bool:
        """Tab stops here (when relevant): a typed question, or an unlocked one."""
        return self.input is not None and (not self.automatic or self.unlocked)

    def _committed(self, value: object) -> None:
        self.edited.emit(self.field.name, self.key, value)

    def set_unlocked(self, unlocked: bool) -> None:
        """Show the box of a read-only answer (the user confirmed) or lock it again."""
        if not self.automatic or self.input is None:
            return
        self.unlocked = unlocked
        self.input.setVisible(unlocked)
        if self.display is not None:
            self.display.setVisible(not unlocked)
        if self.unlock is not None:
            self.unlock.setVisible(not unlocked)

    def show_value(self, value: Any) -> None:
        if self.input is not None:
            self.input.show_value(value)
        if self.display is not None:
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

    def show_feedback(self, text: str, style: str) -> None:
        self.feedback.setStyleSheet(style)
        self.feedback.setText(text)
        self.feedback.setVisible(bool(text))

    def show_origin(self, text: str, style: str, tooltip: str) -> None:
        """Where a village figure came from: counted from DDK, or typed by hand."""
        self.origin.setText(text)
        self.origin.setStyleSheet(f"font-size: 9pt; {style}")
        self.origin.setToolTip(tooltip)
        self.origin.setVisible(bool(text))

    def set_editable(self, editable: bool) -> None:
        if self.input is not None:
            self.input.setEnabled(editable)
        if self.unlock is not None:
            self.unlock.setEnabled(editable)

    def focus_input(self) -> None:
        if self.input is not None:
            self.input.box.setFocus(Qt.FocusReason.TabFocusReason)
            self.input.box.selectAll()  # typing replaces what is there (a default, a code)
