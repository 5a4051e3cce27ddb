"""The main window: navigation on the left, one page at a time, a status bar below.

The pages are those of :mod:`desa_app.gui.page_list` that the user's role may see, in
that order. The status bar says who is logged in, which village, and the database's
state (encrypted or not, last backup), so nobody works on the wrong file unknowingly.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from desa_app.gui import page_list
from desa_app.gui.i18n import t
from desa_app.gui.page import Page, PageSpec
from desa_app.gui.qt import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QStackedWidget,
    Qt,
    QWidget,
    Signal,
)
from desa_app.gui.session import AppSession, Change

CloseGuard = Callable[[], "bool | None"]
"""Asked before the window closes: True (close now), None (it saves first and closes the
window again itself) or False (cancelled)."""


class MainWindow(QMainWindow):
    closing = Signal()

    def __init__(self, session: AppSession, pages: Sequence[PageSpec] | None = None) -> None:
        """``pages``: the navigation (default: every page of ``page_list``)."""
        super().__init__()
        pages = page_list.PAGES if pages is None else pages
        self.session = session
        self.close_guards: list[CloseGuard] = []
        self.setWindowTitle(t("app.title"))
        self.resize(1366, 768)
        self.navigation = QListWidget()
        self.navigation.setFixedWidth(190)
        self.navigation.setObjectName("navigation")
        self.stack = QStackedWidget()
        self.pages: dict[str, Page] = {}
        for entry in pages:
            if not entry.available(session):
                continue
            nav_key = entry.nav_key
            page = entry.factory(session, self)
            self.pages[nav_key] = page
            self.stack.addWidget(page)
            item = QListWidgetItem(t(nav_key))
            item.setData(Qt.ItemDataRole.UserRole, nav_key)
            self.navigation.addItem(item)
        self.navigation.currentRowChanged.connect(self.stack.setCurrentIndex)
        body = QWidget()
        layout = QHBoxLayout(body)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.navigation)
        layout.addWidget(self.stack, 1)
        self.setCentralWidget(body)
        self.user_label = QLabel()
        self.village_label = QLabel()
        self.database_label = QLabel()
        for label in (self.user_label, self.village_label, self.database_label):
            self.statusBar().addPermanentWidget(label)
        self.refresh_status()
        session.changes.changed.connect(self._changed)
        if self.navigation.count():
            self.navigation.setCurrentRow(0)

    def has_page(self, nav_key: str) -> bool:
        return nav_key in self.pages

    def show_page(self, nav_key: str) -> Page:
        for row in range(self.navigation.count()):
            if self.navigation.item(row).data(Qt.ItemDataRole.UserRole) == nav_key:
                self.navigation.setCurrentRow(row)
                return self.pages[nav_key]
        raise KeyError(nav_key)

    def refresh_status(self) -> None:
        session = self.session
        actor = session.actor
        self.user_label.setText(
            t("status.user", name=actor.display_name, role=t(f"role.{actor.role.value}")))
        village = session.village
        self.village_label.setText(
            t("status.village", name=village.name, kecamatan=village.kecamatan))
        backups = session.store.backups()
        backup = (t("status.last_backup", when=backups[0].taken_at.strftime("%d/%m/%Y %H:%M"))
                  if backups else t("status.no_backup"))
        state = t("status.encrypted") if session.encrypted else t("status.plain")
        self.database_label.setText(f"{session.store.path.name} · {state} · {backup}")

    def _changed(self, change: str) -> None:
        if change == Change.BACKUP:
            self.refresh_status()

    closing_requested = False

    def closeEvent(self, event: Any) -> None:
        """Screens with unsaved work may refuse through ``close_guards`` (see
        :data:`CloseGuard`)."""
        self.closing_requested = True
        for guard in self.close_guards:
            answer = guard()
            if answer is not True:
                self.closing_requested = answer is None
                event.ignore()
                return
        self.closing.emit()
        event.accept()
