"""The main window: navigation on the left, one page at a time, a status bar below.

The pages are those of :mod:`desa_app.gui.page_list` that the user's role may see, in
that order. The status bar says who is logged in, which village, and the database's
state (encrypted or not, last backup), so nobody works on the wrong file unknowingly.

:meth:`MainWindow.show_placed` opens it where it was last closed (size, place, maximized
or not, kept in the app's settings), if that still fits one of the screens (a laptop
unplugged from a projector); otherwise, as on first start, maximized over the screen's
available area, the taskbar excluded, so the status bar is never under it.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from typing import Any

from desa_app.gui import page_list
from desa_app.gui.i18n import t
from desa_app.gui.page import Page, PageSpec
from desa_app.gui.qt import (
    QApplication,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QStackedWidget,
    Qt,
    QtCore,
    QWidget,
    Signal,
)
from desa_app.gui.session import AppSession, Change

CloseGuard = Callable[[], "bool | None"]
"""Asked before the window closes: True (close now), None (it saves first and closes the
window again itself) or False (cancelled)."""

FRAME_ALLOWANCE = (16, 48)
"""Width and height kept free around a window not yet shown for its frame and title bar
(which are not part of its geometry)."""


def fitting_rect(text: str) -> QtCore.QRect | None:
    """The saved geometry ``"x,y,width,height"`` if it lies inside the available area of
    one of the current screens, else None (nothing saved, a bad value, a screen gone)."""
    try:
        x, y, width, height = (int(part) for part in text.split(","))
    except ValueError:
        return None
    rect = QtCore.QRect(x, y, width, height)
    if rect.isEmpty():
        return None
    screens = QApplication.screens()
    return rect if any(screen.availableGeometry().contains(rect) for screen in screens) \
        else None


def first_start_rect() -> QtCore.QRect:
    """The primary screen's available area less room for the frame, centred: the window's
    normal geometry on first start (it opens maximized) and where no maximizing is done."""
    screen = QApplication.primaryScreen()
    available = screen.availableGeometry() if screen is not None \
        else QtCore.QRect(0, 0, 1366, 728)
    width = max(available.width() - FRAME_ALLOWANCE[0], 640)
    height = max(available.height() - FRAME_ALLOWANCE[1], 480)
    rect = QtCore.QRect(0, 0, width, height)
    rect.moveCenter(available.center())
    return rect


class MainWindow(QMainWindow):
    closing = Signal()

    def __init__(self, session: AppSession, pages: Sequence[PageSpec] | None = None) -> None:
        """``pages``: the navigation (default: every page of ``page_list``)."""
        super().__init__()
        pages = page_list.PAGES if pages is None else pages
        self.session = session
        self.close_guards: list[CloseGuard] = []
        self.setWindowTitle(t("app.title"))
        self.setGeometry(first_start_rect())
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

    remembers_geometry = False
    """Set by :meth:`show_placed`: closing writes the geometry to the settings (windows
    built by tests without it leave the settings alone)."""

    def show_placed(self) -> None:
        """Show the window as it was last closed if that fits a current screen, else
        maximized (first start, or the saved place is off every screen)."""
        self.remembers_geometry = True
        settings = self.session.settings
        saved = fitting_rect(settings.window_geometry)
        self.setGeometry(saved if saved is not None else first_start_rect())
        if saved is not None and settings.window_maximized == "0":
            self.show()
        else:
            self.showMaximized()

    def remember_geometry(self) -> None:
        """Write the normal geometry and whether maximized to the app's settings."""
        settings = self.session.settings
        rect = self.normalGeometry()
        if rect.isValid() and not rect.isEmpty():
            settings.window_geometry = f"{rect.x()},{rect.y()},{rect.width()},{rect.height()}"
        settings.window_maximized = "1" if self.isMaximized() else "0"
        try:
            settings.save()
        except OSError:  # a read-only config folder must not keep the window open
            logging.getLogger(__name__).warning("window geometry not saved", exc_info=True)

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
        if self.remembers_geometry:
            self.remember_geometry()
        self.closing.emit()
        event.accept()
