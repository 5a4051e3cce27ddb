"""Desa Cantik (Agen Statistik, Kegiatan, SOP) and the pieces its tabs share.

The page itself is in :mod:`page` (listed in ``gui/page_list.py``). The helpers here are the
same few things every tab of this page and the Pembina page need: dates typed as
dd/mm/yyyy that may stay empty (an SK date or an end of service is often not known yet,
and a QDateEdit cannot be empty), a read-only table, and a form dialog that keeps itself
open with the problem in red when core refuses, so nothing typed is lost. The strip of
attachment thumbnails that activities and SOP steps share is in :mod:`attachment_strip`.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable
from datetime import date
from typing import Any

from desa_app.core.errors import StoreError
from desa_app.gui.ask import ask as ask_yes_no
from desa_app.gui.dates import to_qdate
from desa_app.gui.i18n import t
from desa_app.gui.login import problem_label, say
from desa_app.gui.qt import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    Qt,
    QTableWidget,
    QtWidgets,
    QVBoxLayout,
    QWidget,
)

ERROR_COLOUR = "#b00020"
OK_COLOUR = "#1b7f3b"
ID_ROLE = Qt.ItemDataRole.UserRole
_DATE = re.compile(r"^\s*(\d{1,2})[/.\-](\d{1,2})[/.\-](\d{4})\s*$")
_ISO = re.compile(r"^\s*(\d{4})-(\d{2})-(\d{2})\s*$")


class InputProblem(Exception):
    """Something typed that the screen itself cannot read (a date like 31/02/2024)."""


def day_text(value: date | None) -> str:
    """A date the way village offices write it (dd/mm/yyyy); empty for none."""
    return "" if value is None else value.strftime("%d/%m/%Y")


def parse_day(text: str, label: str) -> date | None:
    """dd/mm/yyyy (also with - or .) or yyyy-mm-dd; None for empty; InputProblem if wrong."""
    if not text.strip():
        return None
    match = _DATE.match(text)
    parts: tuple[str, ...] | None = (
        (match.group(3), match.group(2), match.group(1)) if match else None)
    if parts is None and (iso := _ISO.match(text)):
        parts = iso.groups()
    try:
        if parts is None:
            raise ValueError(text)
        return date(int(parts[0]), int(parts[1]), int(parts[2]))
    except ValueError:
        raise InputProblem(t("cantik.bad_date", label=label, text=text.strip())) from None


class DateField(QLineEdit):
    """An optional date typed as dd/mm/yyyy; ``value()`` raises InputProblem if unreadable."""

    def __init__(self, label: str, value: date | None = None) -> None:
        super().__init__(day_text(value))
        self.label = label
        self.setPlaceholderText(t("cantik.date_placeholder"))
        self.setMaximumWidth(130)

    def value(self) -> date | None:
        return parse_day(self.text(), self.label)

    def set_value(self, value: date | None) -> None:
        self.setText(day_text(value))


def date_edit(value: date | None = None) -> QtWidgets.QDateEdit:
    """A required date with a calendar (typing works too), today unless given."""
    edit = QtWidgets.QDateEdit()
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("dd/MM/yyyy")
    edit.setDate(to_qdate(value or date.today()))
    return edit


def text_box(text: str = "", height: int = 64) -> QtWidgets.QPlainTextEdit:
    """A multi-line box where Tab moves on (keyboard users would be trapped otherwise)."""
    box = QtWidgets.QPlainTextEdit(text)
    box.setTabChangesFocus(True)
    box.setFixedHeight(height)
    return box


def read_table(headers: list[str], stretch: int = 0) -> QTableWidget:
    """A table to read and select whole rows in; column ``stretch`` takes the spare width."""
    table = QTableWidget(0, len(headers))
    table.setHorizontalHeaderLabels(headers)
    table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
    table.setSelectionMode(QTableWidget.SelectionMode.SingleSelection)
    table.setWordWrap(True)
    table.verticalHeader().hide()
    header = table.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
    return table


def attempt(problem: QLabel, action: Callable[[], object]) -> bool:
    """Run one short write; core's refusal goes red on ``problem`` (nothing raised into
    the event loop), success clears it. True when the write went through."""
    try:
        action()
    except StoreError as exc:
        say(problem, str(exc))
        return False
    say(problem, "")
    return True


def shorten(text: str, limit: int = 90) -> str:
    """One line of a long text for a table cell (the full text is in the tooltip/detail)."""
    line = " ".join(text.split())
    return line if len(line) <= limit else line[: limit - 1] + "…"


def ask(parent: QWidget, title: str, text: str) -> bool:
    """Yes/No question, No by default (removing is not undone)."""
    return ask_yes_no(parent, title, text)


class FormDialog(QDialog):
    """A form whose OK runs ``save``; a refusal (StoreError, InputProblem) is shown in red
    inside the dialog, which stays open so the user corrects instead of retyping.

    Opened with ``open()`` (window-modal, not blocking), so callers and tests go on.
    """

    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setMinimumWidth(520)
        self.save: Callable[[], None] = lambda: None
        self.form = QFormLayout()
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.problem = problem_label()
        self.buttons = QDialogButtonBox()
        self.ok_button = self.buttons.addButton(t("common.save"),
                                                QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.addButton(t("common.cancel"), QDialogButtonBox.ButtonRole.RejectRole)
        self.ok_button.setDefault(True)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addWidget(self.problem)
        layout.addWidget(self.buttons)

    def showEvent(self, event: Any) -> None:
        """Tab goes through the fields in form order, then Simpan/Batal; typing starts in
        the first field (the buttons exist before the fields, so Qt's order would not)."""
        super().showEvent(event)
        fields = [self.form.itemAt(row, QFormLayout.ItemRole.FieldRole)
                  for row in range(self.form.rowCount())]
        widgets = [item.widget() for item in fields if item is not None]
        chain: list[QWidget] = [w for w in widgets if w is not None
                                and w.focusPolicy() != Qt.FocusPolicy.NoFocus]
        chain += self.buttons.buttons()
        for first, second in itertools.pairwise(chain):
            QWidget.setTabOrder(first, second)
        if chain:
            chain[0].setFocus()

    def accept(self) -> None:
        try:
            self.save()
        except (StoreError, InputProblem) as exc:
            say(self.problem, str(exc))
            return
        super().accept()
