"""Choice questions as typing boxes: the code box, the meaning of the codes beside it,
and a ▾ list for the mouse. What typed text means is :mod:`desa_app.gui.form.typed`.
"""

from __future__ import annotations

from typing import Any

from desa_app.core.instrument.model import ChoiceList, Field
from desa_app.core.instrument.values_io import code_hint
from desa_app.gui.form.inputs import ERROR_STYLE, INFO_STYLE, WARNING_STYLE, FieldInput
from desa_app.gui.form.typed import codes_text, guess_choice, guess_multi, interpret, labels_text
from desa_app.gui.i18n import form_language, t
from desa_app.gui.qt import QLabel, QMenu, Qt, QToolButton


class _ChoiceBase(FieldInput):
    """A code box, the meaning of the codes beside it, and a ▾ list for the mouse."""

    def __init__(self, field: Field, choices: ChoiceList, width: int) -> None:
        super().__init__(field)
        self.choices = choices
        self.language = form_language()
        self.box.setFixedWidth(width)
        self.meaning = QLabel("")
        self.meaning.setWordWrap(True)
        self.meaning.setMinimumWidth(260)
        self.pick = QToolButton()
        self.pick.setText("▾")
        self.pick.setToolTip(t("input.pick_list"))
        self.pick.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # Tab stays among the questions
        self.pick.clicked.connect(self._open_list)
        self.layout_.addWidget(self.pick)
        self.layout_.addWidget(self.meaning, 1)

    def display(self, value: Any) -> str:
        return codes_text(value)

    def interpret(self, text: str) -> tuple[Any, str | None]:
        return interpret(self.field, self.choices, text, self.language)

    def show_value(self, value: Any) -> None:
        super().show_value(value)
        self._show_meaning(value)

    def _show_meaning(self, value: Any, style: str = "") -> None:
        self.meaning.setStyleSheet(style)
        self.meaning.setText(labels_text(value, self.choices, self.language))

    def _hint(self) -> str:
        return code_hint(self.choices, self.language)

    def _open_list(self) -> None:
        menu = QMenu(self)
        self._fill_menu(menu)
        menu.exec(self.pick.mapToGlobal(self.pick.rect().bottomLeft()))

    def _fill_menu(self, menu: QMenu) -> None:
        raise NotImplementedError


class ChoiceInput(_ChoiceBase):
    """Pick one: the printed code with any number of digits, or the start of a word of
    the label. What would be chosen shows while typing; a complete code that no longer
    code continues is committed at once (the cursor stays until Tab)."""

    def __init__(self, field: Field, choices: ChoiceList) -> None:
        super().__init__(field, choices, 70)

    def commit(self, strict: bool = True) -> bool:
        done = super().commit(strict)
        if done:
            self.show_value(self.shown)  # a label typed ("slta") becomes its code
        return done

    def _edited(self, text: str) -> None:
        super()._edited(text)
        guess = guess_choice(text, self.choices, self.language)
        if not text.strip():
            self._show_meaning(None)
        elif not guess.codes:
            self.meaning.setStyleSheet(ERROR_STYLE)
            self.meaning.setText(t("input.no_such_code", text=text.strip(), hint=self._hint()))
        else:
            shown = labels_text(guess.best, self.choices, self.language)
            more = len(guess.codes) - 1
            self.meaning.setStyleSheet(INFO_STYLE if guess.choice else WARNING_STYLE)
            self.meaning.setText(f"→ {shown}" + (t("input.more_matches", n=more) if more else ""))
            if guess.final:
                self.commit()

    def _fill_menu(self, menu: QMenu) -> None:
        for choice in self.choices.choices:
            action = menu.addAction(f"{choice.name}. {choice.label.get(self.language)}")
            action.triggered.connect(lambda _=False, code=choice.name: self._picked(code))

    def _picked(self, code: str) -> None:
        self.box.setText(code)
        self.commit()
        self.box.setFocus()


class MultiChoiceInput(_ChoiceBase):
    """Tick any number: codes separated by spaces, commas or semicolons, then Tab."""

    def __init__(self, field: Field, choices: ChoiceList) -> None:
        super().__init__(field, choices, 150)

    def commit(self, strict: bool = True) -> bool:
        done = super().commit(strict)
        if done:
            self.show_value(self.shown)
        return done

    def _edited(self, text: str) -> None:
        super()._edited(text)
        guess = guess_multi(text, self.choices)
        if guess.unknown:
            self.meaning.setStyleSheet(ERROR_STYLE)
            self.meaning.setText(t("input.no_such_codes", codes=", ".join(guess.unknown),
                                   hint=self._hint()))
        else:
            self._show_meaning(list(guess.codes), INFO_STYLE)

    def _fill_menu(self, menu: QMenu) -> None:
        chosen = set(guess_multi(self.box.text(), self.choices).codes)
        for choice in self.choices.choices:
            action = menu.addAction(f"{choice.name}. {choice.label.get(self.language)}")
            action.setCheckable(True)
            action.setChecked(choice.name in chosen)
            action.triggered.connect(lambda _=False, code=choice.name: self._toggled(code))

    def _toggled(self, code: str) -> None:
        codes = list(guess_multi(self.box.text(), self.choices).codes)
        codes = [c for c in codes if c != code] if code in codes else [*codes, code]
        order = [c.name for c in self.choices.choices]
        self.box.setText(" ".join(sorted(codes, key=order.index)))
        self.commit()
        self.box.setFocus()
