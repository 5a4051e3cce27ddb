"""The main window: navigation on the left, one page at a time, a status bar below.

Pages register themselves in ``PAGES``; the window shows those available to the user's
role. The status bar says who is logged in, which village, and the database's state
(encrypted or not, last backup), so nobody works on the wrong file unknowingly.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Protocol

from desa_app.core.store import backup as B
from desa_app.gui.i18n import t
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
from desa_app.gui.session import AppSession


class Page(Protocol):
    NAV_KEY: str

    @classmethod
    def available(cls, session: AppSession) -> bool: ...


PageFactory = Callable[[AppSession, "MainWindow"], QWidget]
PAGES: list[tuple[str, Callable[[AppSession], bool], PageFactory]] = []
"""(navigation message key, who may see it, how to build it), in navigation order."""


NAV_ORDER = ["nav.home", "nav.households", "nav.profile", "nav.verification",
             "nav.desa_cantik", "nav.pembina", "nav.export", "nav.settings"]
"""The order of the navigation, whatever order the pages are imported in."""


def register_page(nav_key: str, available: Callable[[AppSession], bool],
                  factory: PageFactory) -> None:
    PAGES[:] = [page for page in PAGES if page[0] != nav_key]
    PAGES.append((nav_key, available, factory))
    PAGES.sort(key=lambda page: NAV_ORDER.index(page[0]) if page[0] in NAV_ORDER else 99)


class MainWindow(QMainWindow):
    closing = Signal()

    def __init__(self, session: AppSession) -> None:
        super().__init__()
        self.session = session
        self.setWindowTitle(t("app.title"))
        self.resize(1366, 768)
        self.navigation = QListWidget()
        self.navigation.setFixedWidth(190)
        self.navigation.setObjectName("navigation")
        self.stack = QStackedWidget()
        self.pages: dict[str, QWidget] = {}
        for nav_key, available, factory in PAGES:
            if not available(session):
                continue
            page = factory(session, self)
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
        if self.navigation.count():
            self.navigation.setCurrentRow(0)

    def show_page(self, nav_key: str) -> QWidget:
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
        backups = B.list_backups(session.store.db.path)
        backup = (t("status.last_backup", when=backups[0].taken_at.strftime("%d/%m/%Y %H:%M"))
                  if backups else t("status.no_backup"))
        state = t("status.encrypted") if session.encrypted else t("status.plain")
        self.database_label.setText(f"{session.store.db.path.name} · {state} · {backup}")

    closing_requested = False

    def closeEvent(self, event: Any) -> None:
        """Pages with unsaved work may refuse: ``confirm_close`` answers True (close now),
        None (it saves first and closes the window again itself) or False (cancelled)."""
        self.closing_requested = True
        for page in self.pages.values():
            confirm = getattr(page, "confirm_close", None)
            answer = confirm() if confirm is not None else True
            if answer is not True:
                self.closing_requested = answer is None
                event.ignore()
                return
        self.closing.emit()
        event.accept()
