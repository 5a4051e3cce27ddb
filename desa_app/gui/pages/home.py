"""Beranda: which village this is, who is logged in, how far the work is, where to go next.

The counts per workflow status are the first thing a Tim verifikasi or an operator asks
("how many households are still drafts?"); they are read in the background because an
encrypted database may need to open a new connection (key derivation is slow on purpose).
"""

from __future__ import annotations

from typing import Any

from desa_app.core.workflow import Status
from desa_app.gui.i18n import language, t
from desa_app.gui.login import problem_label, report, say
from desa_app.gui.main_window import MainWindow, register_page
from desa_app.gui.qt import (
    QFont,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    Qt,
    QVBoxLayout,
    QWidget,
)
from desa_app.gui.session import AppSession
from desa_app.gui.worker import run_in_background

SHORTCUTS = (("nav.households", "home.go_households"), ("nav.settings", "home.go_settings"))
"""(page, button text): a button shows only when the window has that page for this role."""


def _number(count: int) -> str:
    """Thousands grouped the way the reader writes them (1.250 in Indonesian)."""
    text = f"{count:,}"
    return text.replace(",", ".") if language() == "id" else text


class HomePage(QWidget):
    NAV_KEY = "nav.home"

    def __init__(self, session: AppSession, window: MainWindow) -> None:
        super().__init__()
        self.session = session
        self.window_ = window
        self.loading = False
        village = session.village
        actor = session.actor
        kind = t("setup.village.kelurahan" if village.code[9:10] == "1"
                 else "setup.village.desa")
        title = QLabel(t("home.village", kind=kind, name=village.name))
        font = QFont(title.font())
        font.setPointSizeF(font.pointSizeF() * 1.6)
        font.setBold(True)
        title.setFont(font)
        place = QLabel(t("home.place", kecamatan=village.kecamatan,
                         kabupaten=village.kabupaten, provinsi=village.provinsi,
                         code=village.code))
        place.setWordWrap(True)
        user = QLabel(t("home.user", name=actor.display_name,
                        role=t(f"role.{actor.role.value}")))
        self.count_labels: dict[Status, QLabel] = {}
        counts = QGroupBox(t("home.counts"))
        grid = QGridLayout(counts)
        for row, status in enumerate(Status):
            grid.addWidget(QLabel(t(f"workflow.{status.value}")), row, 0)
            number = QLabel("…")
            number.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            self.count_labels[status] = number
            grid.addWidget(number, row, 1)
        self.total_label = QLabel("…")
        self.total_label.setAlignment(Qt.AlignmentFlag.AlignRight
                                      | Qt.AlignmentFlag.AlignVCenter)
        bold = QFont(self.total_label.font())
        bold.setBold(True)
        total_text = QLabel(t("home.total"))
        total_text.setFont(bold)
        self.total_label.setFont(bold)
        grid.addWidget(total_text, len(Status), 0)
        grid.addWidget(self.total_label, len(Status), 1)
        grid.setColumnMinimumWidth(1, 80)
        self.problem = problem_label()
        self.refresh_button = QPushButton(t("home.refresh"))
        self.refresh_button.clicked.connect(self.refresh)
        self.shortcut_buttons: dict[str, QPushButton] = {}
        shortcuts = QHBoxLayout()
        for nav_key, text_key in SHORTCUTS:
            button = QPushButton(t(text_key))
            button.clicked.connect(lambda _checked=False, key=nav_key: self.go(key))
            button.hide()  # shown once the window is built and has the page (showEvent)
            self.shortcut_buttons[nav_key] = button
            shortcuts.addWidget(button)
        shortcuts.addWidget(self.refresh_button)
        shortcuts.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 20)
        layout.addWidget(title)
        layout.addWidget(place)
        layout.addWidget(user)
        layout.addSpacing(12)
        layout.addWidget(counts)
        layout.addWidget(self.problem)
        layout.addLayout(shortcuts)
        layout.addStretch(1)
        counts.setMaximumWidth(520)
        self.refresh()

    def go(self, nav_key: str) -> None:
        self.window_.show_page(nav_key)

    def update_shortcuts(self) -> None:
        for nav_key, button in self.shortcut_buttons.items():
            button.setVisible(nav_key in self.window_.pages)

    def refresh(self) -> None:
        """Read the counts again (after work elsewhere); one read at a time."""
        self.update_shortcuts()
        if self.loading:
            return
        self.loading = True
        self.refresh_button.setEnabled(False)
        store, actor = self.session.store, self.session.actor
        run_in_background(lambda: store.queries.status_counts(actor), self._counted,
                          self._failed)

    def _counted(self, counts: dict[Status, int]) -> None:
        self.loading = False
        self.refresh_button.setEnabled(True)
        say(self.problem, "")
        for status, label in self.count_labels.items():
            label.setText(_number(counts.get(status, 0)))
        self.total_label.setText(_number(sum(counts.values())))

    def _failed(self, exc: BaseException, trace: str) -> None:
        self.loading = False
        self.refresh_button.setEnabled(True)
        report(self, self.problem, exc, trace)

    def showEvent(self, event: Any) -> None:
        super().showEvent(event)
        self.refresh()


register_page("nav.home", lambda s: True, HomePage)
