"""The Desa Cantik page: Agen Statistik, Kegiatan and SOP as three tabs.

Everyone may read it (Diskominfo and the pembina follow the programme too); each tab
shows its buttons only to the roles that may use them, and core checks again.
"""

from __future__ import annotations

from typing import Any

from desa_app.gui.desa_cantik.activities import ActivitiesTab
from desa_app.gui.desa_cantik.agents import AgentsTab
from desa_app.gui.desa_cantik.sop import SopTab
from desa_app.gui.i18n import t
from desa_app.gui.page import Navigator, Page
from desa_app.gui.qt import QtWidgets, QVBoxLayout
from desa_app.gui.session import AppSession


class DesaCantikPage(Page):
    NAV_KEY = "nav.desa_cantik"

    def __init__(self, session: AppSession, window: Navigator | None = None) -> None:
        super().__init__()
        self.session = session
        self.window_ = window
        self.agents = AgentsTab(session)
        self.activities = ActivitiesTab(session)
        self.sop = SopTab(session)
        self.tabs = QtWidgets.QTabWidget()
        self.tabs.addTab(self.agents, t("cantik.tab_agents"))
        self.tabs.addTab(self.activities, t("cantik.tab_activities"))
        self.tabs.addTab(self.sop, t("cantik.tab_sop"))
        self.tabs.currentChanged.connect(lambda _index: self.refresh_current())
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs)

    def refresh_current(self) -> None:
        """Data may have changed on another page (or another laptop sharing the file)."""
        tab = self.tabs.currentWidget()
        if tab is self.sop:
            self.sop.refresh()
            self.sop.refresh_targets()
        elif tab is self.agents:
            self.agents.refresh()
        elif tab is self.activities:
            self.activities.refresh()

    def showEvent(self, event: Any) -> None:
        super().showEvent(event)
        if not event.spontaneous():
            self.refresh_current()
