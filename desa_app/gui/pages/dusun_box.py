"""Pengaturan › Daftar dusun/lingkungan: the operator keeps the village's dusun list.

H.6 Dusun in the questionnaire only accepts names from this list, so it is kept here:
add (Enter in the field), rename in place (F2 or the button), remove (Delete or the
button, after a question). Names that saved households use but that the list lacks are
shown greyed, each with one click to take it in. Every change is saved at once through
``VillageStore.set_dusun_names`` (one small transaction, so called directly) and the
list is then shown as the core kept it. Renaming changes the list only, never the dusun
written in saved households; the hint under the list says so. A role that may not change
settings sees the list read-only with a note.
"""

from __future__ import annotations

import traceback
from itertools import pairwise
from typing import Any

from desa_app.core.store.village import DUSUN_NAME_LIMIT
from desa_app.core.workflow import Action
from desa_app.gui.ask import ask
from desa_app.gui.i18n import t
from desa_app.gui.login import problem_label, report, say
from desa_app.gui.qt import (
    QAbstractItemView,
    QGroupBox,
    QHBoxLayout,
    QKeySequence,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QShortcut,
    Qt,
    QTimer,
    QVBoxLayout,
    QWidget,
)
from desa_app.gui.session import AppSession, Change

OK_STYLE = "color: #1b5e20;"
GREY_STYLE = "color: #777777;"
NAME_ROLE = Qt.ItemDataRole.UserRole


def tidy(name: str) -> str:
    """Blanks around and inside a name tidied, as the core keeps it."""
    return " ".join(name.split())


def _note(text: str) -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    label.setStyleSheet(GREY_STYLE)
    return label


class DusunBox(QGroupBox):
    """The saved dusun list, its editing, and the names households use beyond it."""

    def __init__(self, session: AppSession) -> None:
        super().__init__(t("settings.dusun"))
        self.session = session
        self.may_change = session.can(Action.CHANGE_SETTINGS)
        self.saved: list[str] = []
        self.unlisted: list[str] = []
        self.take_buttons: dict[str, QPushButton] = {}
        self._pending_rename: tuple[str, str] | None = None
        self._rename_timer = QTimer(self)  # after the in-place editor has closed
        self._rename_timer.setSingleShot(True)
        self._rename_timer.setInterval(0)
        self._rename_timer.timeout.connect(self._apply_rename)

        self.read_only_note = _note(t("settings.dusun_read_only"))
        self.name_edit = QLineEdit()
        self.name_edit.setMaxLength(DUSUN_NAME_LIMIT)
        self.name_edit.setPlaceholderText(t("settings.dusun_new_hint"))
        self.name_edit.textChanged.connect(self._typed)
        self.name_edit.returnPressed.connect(self.add_typed)
        self.add_button = QPushButton(t("settings.dusun_add"))
        self.add_button.setEnabled(False)
        self.add_button.clicked.connect(self.add_typed)
        new_label = QLabel(t("settings.dusun_new"))
        new_label.setBuddy(self.name_edit)
        self.new_row = QWidget()
        new_row = QHBoxLayout(self.new_row)
        new_row.setContentsMargins(0, 0, 0, 0)
        new_row.addWidget(new_label)
        new_row.addWidget(self.name_edit, 1)
        new_row.addWidget(self.add_button)

        self.list = QListWidget()
        self.list.setMinimumHeight(140)
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.list.setEditTriggers(
            QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.DoubleClicked if self.may_change
            else QAbstractItemView.EditTrigger.NoEditTriggers)
        self.list.currentItemChanged.connect(lambda *_: self._update_buttons())
        self.list.itemChanged.connect(self._item_changed)
        list_label = QLabel(t("settings.dusun_saved_list"))
        list_label.setBuddy(self.list)
        self.rename_button = QPushButton(t("settings.dusun_rename"))
        self.rename_button.clicked.connect(self.rename_selected)
        self.remove_button = QPushButton(t("settings.dusun_remove"))
        self.remove_button.clicked.connect(self.remove_selected)
        buttons = QVBoxLayout()
        buttons.addWidget(self.rename_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        list_row = QHBoxLayout()
        list_row.addWidget(self.list, 1)
        list_row.addLayout(buttons)
        if self.may_change:
            delete = QShortcut(QKeySequence(QKeySequence.StandardKey.Delete), self.list)
            delete.setContext(Qt.ShortcutContext.WidgetShortcut)
            delete.activated.connect(self.remove_selected)
        self.empty_label = _note(t("settings.dusun_empty"))
        self.rename_hint = _note(t("settings.dusun_rename_hint"))

        self.unlisted_title = QLabel(t("settings.dusun_unlisted"))
        self.unlisted_area = QWidget()
        self.unlisted_rows = QVBoxLayout(self.unlisted_area)
        self.unlisted_rows.setContentsMargins(12, 0, 0, 0)
        self.result = QLabel()
        self.result.setStyleSheet(OK_STYLE)
        self.problem = problem_label()

        layout = QVBoxLayout(self)
        layout.addWidget(_note(t("settings.dusun_note")))
        layout.addWidget(self.read_only_note)
        layout.addWidget(self.new_row)
        layout.addWidget(list_label)
        layout.addLayout(list_row)
        layout.addWidget(self.empty_label)
        layout.addWidget(self.rename_hint)
        layout.addWidget(self.unlisted_title)
        layout.addWidget(self.unlisted_area)
        layout.addWidget(self.result)
        layout.addWidget(self.problem)
        # only once inside the box: a parentless widget made visible is a window of its own
        for widget in (self.new_row, self.rename_button, self.remove_button, self.rename_hint):
            widget.setVisible(self.may_change)
        self.read_only_note.setVisible(not self.may_change)
        order = (self.name_edit, self.add_button, self.list, self.rename_button,
                 self.remove_button)
        for first, second in pairwise(order):
            QWidget.setTabOrder(first, second)
        self.refresh()

    # -- showing -----------------------------------------------------------------------

    def refresh(self, select: str | None = None) -> None:
        """The saved list and the names only households use, again from the core."""
        store = self.session.store
        self.saved = store.saved_dusun_names()
        listed = {name.casefold() for name in self.saved}
        self.unlisted = [name for name in store.dusun_names() if name.casefold() not in listed]
        self._fill(select)
        self._fill_unlisted()
        self._update_buttons()

    def _fill(self, select: str | None) -> None:
        current = self.list.currentItem()
        wanted = (select if select is not None
                  else current.data(NAME_ROLE) if current is not None else None)
        row = self.list.currentRow()
        flags = Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsEnabled
        if self.may_change:
            flags |= Qt.ItemFlag.ItemIsEditable
        self.list.blockSignals(True)
        try:
            self.list.clear()
            for name in self.saved:
                item = QListWidgetItem(name)
                item.setData(NAME_ROLE, name)
                item.setFlags(flags)
                self.list.addItem(item)
            found = self._row_of(wanted) if wanted is not None else -1
            if found < 0 and self.saved and row >= 0:
                found = min(row, len(self.saved) - 1)  # the neighbour of a removed name
            self.list.setCurrentRow(found)
        finally:
            self.list.blockSignals(False)
        self.empty_label.setVisible(not self.saved)

    def _fill_unlisted(self) -> None:
        while self.unlisted_rows.count():
            taken = self.unlisted_rows.takeAt(0)
            widget = taken.widget() if taken is not None else None
            if widget is not None:
                widget.hide()
                widget.deleteLater()
        self.take_buttons = {}
        previous: QWidget = self.remove_button
        for name in self.unlisted:
            row = QWidget()
            line = QHBoxLayout(row)
            line.setContentsMargins(0, 0, 0, 0)
            label = QLabel(name)
            label.setStyleSheet(GREY_STYLE)
            label.setToolTip(t("settings.dusun_unlisted_tip"))
            line.addWidget(label)
            button = QPushButton(t("settings.dusun_take"))
            button.setToolTip(t("settings.dusun_take_tip", name=name))
            button.clicked.connect(lambda _checked=False, name=name: self.take(name))
            line.addWidget(button)
            line.addStretch(1)
            self.unlisted_rows.addWidget(row)
            row.show()  # now, not at the layout's later (queued) showing
            button.setVisible(self.may_change)  # once inside the box (see __init__)
            QWidget.setTabOrder(previous, button)  # right after the list's buttons
            previous = button
            self.take_buttons[name] = button
        self.unlisted_title.setVisible(bool(self.unlisted))
        self.unlisted_area.setVisible(bool(self.unlisted))

    def _row_of(self, name: str) -> int:
        folded = tidy(name).casefold()
        return next((row for row, saved in enumerate(self.saved)
                     if saved.casefold() == folded), -1)

    def _update_buttons(self) -> None:
        chosen = self.list.currentItem() is not None
        self.rename_button.setEnabled(self.may_change and chosen)
        self.remove_button.setEnabled(self.may_change and chosen)
        self.add_button.setEnabled(self.may_change and bool(tidy(self.name_edit.text())))

    def showEvent(self, event: Any) -> None:
        """Coming back to Pengaturan: households saved meanwhile may use new names."""
        super().showEvent(event)
        if not event.spontaneous():
            self.refresh()

    # -- changing ----------------------------------------------------------------------

    def _typed(self) -> None:
        self._update_buttons()
        say(self.problem, "")

    def add_typed(self) -> None:
        """The name in the field goes into the list (Enter or Tambah)."""
        name = tidy(self.name_edit.text())
        if not self.may_change or not name:
            return
        row = self._row_of(name)
        if row >= 0:
            self.result.setText("")
            say(self.problem, t("settings.dusun_exists", name=self.saved[row]))
            self.list.setCurrentRow(row)
            return
        if self._save([*self.saved, name], select=name):
            self.name_edit.clear()
        self.name_edit.setFocus()

    def take(self, name: str) -> None:
        """A name households use, taken into the list (one click)."""
        if self.may_change and self._save([*self.saved, name], select=name):
            self.list.setFocus()

    def rename_selected(self) -> None:
        item = self.list.currentItem()
        if not self.may_change or item is None:
            return
        self.list.setFocus()
        self.list.editItem(item)

    def _item_changed(self, item: QListWidgetItem) -> None:
        """The in-place editor was committed; applied once it has closed."""
        old = item.data(NAME_ROLE)
        if isinstance(old, str):
            self._pending_rename = (old, item.text())
            self._rename_timer.start()

    def _apply_rename(self) -> None:
        if self._pending_rename is None:
            return
        old, typed = self._pending_rename
        self._pending_rename = None
        new = tidy(typed)
        if new == old:
            self.refresh(select=old)  # blanks only: shown tidied again
            return
        self.result.setText("")
        row = self._row_of(new)
        if not new:
            say(self.problem, t("settings.dusun_blank"))
        elif row >= 0 and self.saved[row] != old:
            say(self.problem, t("settings.dusun_exists", name=self.saved[row]))
        else:
            self._save([new if name == old else name for name in self.saved], select=new)
            self.list.setFocus()
            return
        self.refresh(select=old)
        self.list.setFocus()

    def remove_selected(self) -> None:
        """The selected name out of the list, after asking (Hapus or Delete)."""
        item = self.list.currentItem()
        if not self.may_change or item is None:
            return
        name = str(item.data(NAME_ROLE))
        if ask(self, t("settings.dusun_remove_title"),
               t("settings.dusun_remove_ask", name=name)):
            self._save([saved for saved in self.saved if saved != name], select=None)
        self.list.setFocus()

    def _save(self, names: list[str], select: str | None) -> bool:
        """Saved at once; the list is then shown as the core kept it."""
        try:
            kept = self.session.store.set_dusun_names(self.session.actor, names)
        except Exception as exc:  # a user's problem (StoreError) in red, else a bug
            self.result.setText("")
            report(self, self.problem, exc, traceback.format_exc())
            self.refresh()
            return False
        say(self.problem, "")
        self.result.setText(t("settings.dusun_saved", n=len(kept)))
        self.refresh(select=select)
        self.session.announce(Change.VILLAGE)  # the list's dusun filter, the questionnaire
        return True

