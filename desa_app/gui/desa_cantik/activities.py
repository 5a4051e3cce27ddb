"""Kegiatan: the activities log and, for the selected one, its photos and documents.

The photos and PDFs are shown by :class:`AttachmentStrip` (shared with the SOP tab),
which reads and stores them in the background. Correcting or deleting an activity is for
its author or the operator (core decides; the buttons only follow that rule).
"""

from __future__ import annotations

from datetime import date

from desa_app.core.store.desa_cantik import ActivityInfo
from desa_app.core.store.models import ACTIVITY_KINDS
from desa_app.core.workflow import Action, Role
from desa_app.gui.dates import from_qdate
from desa_app.gui.desa_cantik import (
    FormDialog,
    ask,
    attempt,
    date_edit,
    day_text,
    read_table,
    shorten,
    text_box,
)
from desa_app.gui.desa_cantik.attachment_strip import AttachmentStrip
from desa_app.gui.enter_opens import open_on_enter
from desa_app.gui.i18n import t
from desa_app.gui.login import problem_label
from desa_app.gui.qt import (
    QComboBox,
    QHBoxLayout,
    QKeySequence,
    QLineEdit,
    QPushButton,
    QShortcut,
    Qt,
    QTableWidgetItem,
    QtCore,
    QtWidgets,
    QVBoxLayout,
    QWidget,
)
from desa_app.gui.session import AppSession

ID_ROLE = Qt.ItemDataRole.UserRole


class ActivityDialog(FormDialog):
    def __init__(self, parent: QWidget, activity: ActivityInfo | None = None) -> None:
        super().__init__(t("cantik.activity_edit_title" if activity
                           else "cantik.activity_add_title"), parent)
        self.day = date_edit(activity.activity_date if activity else None)
        self.day.setMaximumDate(QtCore.QDate.currentDate())
        self.kind = QComboBox()
        for kind in ACTIVITY_KINDS:
            self.kind.addItem(t(f"cantik.activity_kind.{kind}"), kind)
        if activity is not None:
            self.kind.setCurrentIndex(max(0, self.kind.findData(activity.kind)))
        self.place = QLineEdit(activity.place if activity else "")
        self.participants = text_box(activity.participants if activity else "", 60)
        self.summary = text_box(activity.summary if activity else "", 120)
        for key, widget in (("cantik.date", self.day), ("cantik.activity_kind", self.kind),
                            ("cantik.place", self.place),
                            ("cantik.participants", self.participants),
                            ("cantik.summary", self.summary)):
            self.form.addRow(t(key), widget)

    def values(self) -> tuple[date, str, str, str, str]:
        return (from_qdate(self.day.date()), str(self.kind.currentData()),
                self.participants.toPlainText(), self.place.text(),
                self.summary.toPlainText())


class ActivitiesTab(QWidget):
    """Activities newest first; the selected one's text and attachments below."""

    def __init__(self, session: AppSession) -> None:
        super().__init__()
        self.session = session
        self.service = session.store.desa_cantik
        self.activities: list[ActivityInfo] = []
        self.dialog: ActivityDialog | None = None
        may = session.can(Action.LOG_ACTIVITY)
        self.table = read_table([t("cantik.date"), t("cantik.activity_kind"),
                                 t("cantik.place"), t("cantik.summary"),
                                 t("cantik.attachments")], stretch=3)
        self.table.itemSelectionChanged.connect(self.show_selected)
        open_on_enter(self.table, self.edit_selected)
        self.detail = QtWidgets.QPlainTextEdit()
        self.detail.setReadOnly(True)
        self.detail.setTabChangesFocus(True)
        self.strip = AttachmentStrip(session, may, "cantik.attach")
        self.strip.changed.connect(self.refresh)
        self.problem = problem_label()
        self.add_button = QPushButton(t("cantik.activity_add"))
        self.add_button.clicked.connect(self.add_activity)
        self.edit_button = QPushButton(t("cantik.activity_edit"))
        self.edit_button.clicked.connect(self.edit_selected)
        self.delete_button = QPushButton(t("cantik.activity_delete"))
        self.delete_button.clicked.connect(self.delete_selected)
        buttons = QHBoxLayout()
        for button in (self.add_button, self.edit_button, self.delete_button):
            button.setVisible(may)
            buttons.addWidget(button)
        buttons.addStretch(1)
        if may:
            new = QShortcut(QKeySequence(QKeySequence.StandardKey.New), self)
            new.activated.connect(self.add_activity)  # hidden tabs' shortcuts do not fire
        below = QHBoxLayout()
        below.addWidget(self.detail, 2)
        below.addWidget(self.strip, 3)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 3)
        layout.addLayout(buttons)
        layout.addWidget(self.problem)
        layout.addLayout(below, 2)
        self.refresh()

    def refresh(self) -> None:
        """Reload the list, keeping the same activity selected."""
        current = self.selected()
        keep = current.id if current else None
        self.activities = self.service.list_activities(self.session.actor)
        self.table.blockSignals(True)
        self.table.setRowCount(len(self.activities))
        for row, item in enumerate(self.activities):
            cells = (day_text(item.activity_date), t(f"cantik.activity_kind.{item.kind}"),
                     item.place, shorten(item.summary), str(item.attachments or ""))
            for column, text in enumerate(cells):
                cell = QTableWidgetItem(text)
                cell.setData(ID_ROLE, item.id)
                self.table.setItem(row, column, cell)
        rows = [r for r, a in enumerate(self.activities) if a.id == keep]
        if self.activities:
            self.table.selectRow(rows[0] if rows else 0)
        self.table.blockSignals(False)
        now = self.selected()
        if now is not None and now.id == keep:
            self._show_text()  # same activity: its strip keeps (and reloads) its own files
        else:
            self.show_selected()

    def selected(self) -> ActivityInfo | None:
        row = self.table.currentRow()
        return self.activities[row] if 0 <= row < len(self.activities) else None

    def _show_text(self) -> None:
        item = self.selected()
        if item is None:
            self.detail.setPlainText("")
            return
        self.detail.setPlainText(t("cantik.activity_detail", date=day_text(item.activity_date),
                                   kind=t(f"cantik.activity_kind.{item.kind}"),
                                   place=item.place or "—",
                                   participants=item.participants or "—",
                                   summary=item.summary))
        mine = item.author_id == self.session.actor.id or self.session.actor.role == Role.ADMIN
        self.edit_button.setEnabled(mine)
        self.delete_button.setEnabled(mine)

    def show_selected(self) -> None:
        self._show_text()
        item = self.selected()
        if item is None:
            self.strip.set_owner(None)
            self.edit_button.setEnabled(False)
            self.delete_button.setEnabled(False)
            return
        actor, service, activity_id = self.session.actor, self.service, item.id
        self.strip.set_owner(("activity", item.id), lambda path: service.add_attachment(
            actor, "activity", activity_id, path))

    def add_activity(self) -> None:
        self._open(None)

    def edit_selected(self) -> None:
        item = self.selected()
        if item is not None and self.edit_button.isVisible() and self.edit_button.isEnabled():
            self._open(item)

    def _open(self, activity: ActivityInfo | None) -> None:
        dialog = ActivityDialog(self, activity)
        actor = self.session.actor

        def save() -> None:
            if activity is None:
                self.service.add_activity(actor, *dialog.values())
            else:
                self.service.update_activity(actor, activity.id, *dialog.values())

        dialog.save = save
        dialog.accepted.connect(self.refresh)
        self.dialog = dialog
        dialog.open()

    def delete_selected(self) -> None:
        item = self.selected()
        if item is None or not self.confirm(t("cantik.activity_delete"),
                                            t("cantik.activity_delete_confirm",
                                              date=day_text(item.activity_date),
                                              n=item.attachments)):
            return
        if attempt(self.problem,
                   lambda: self.service.delete_activity(self.session.actor, item.id)):
            self.refresh()

    def confirm(self, title: str, text: str) -> bool:
        return ask(self, title, text)
