"""What the Beranda page computes and formats, apart from the page's widgets."""

from __future__ import annotations

from datetime import date

from desa_app.core.store.dashboard import (
    Population,
    Progress,
)
from desa_app.core.workflow import Status
from desa_app.gui.household_model import format_count
from desa_app.gui.i18n import t
from desa_app.gui.qt import (
    QFont,
    QLabel,
    QtGui,
)
from desa_app.gui.session import AppSession

SHORTCUTS = (("nav.households", "home.go_households"), ("nav.settings", "home.go_settings"))
"""(page, button text): a button shows only when the window has that page for this role."""

HOUSEHOLDS = "nav.households"
TOP = 8
"""Pendidikan / pekerjaan: the most frequent codes shown, the rest summed as "Lainnya"."""

STATUS_BAR_COLOURS = {
    # the household list's hues (household_model.STATUS_COLOURS), strong enough for a bar
    Status.DRAFT: "#9e9e9e",
    Status.SUBMITTED: "#1e88e5",
    Status.RETURNED: "#ef6c00",
    Status.VERIFIED: "#43a047",
    Status.ENTERED: "#1b5e20",
}
PROGRESS_COLOUR = "#2e7d32"
WEEK_COLOUR = "#43a047"
ENTERED_COLOUR = "#1b5e20"
PENDIDIKAN_COLOUR = "#5e35b1"
PEKERJAAN_COLOUR = "#00838f"
TILES = ("penduduk", "kk", "records", "returned", "entered")


_number = format_count
"""Thousands grouped the way the reader writes them (1.250 in Indonesian)."""


def _percent(part: int, whole: int) -> str:
    return str(round(100 * part / whole)) if whole else "0"


def _day(day: date) -> str:
    return day.strftime("%d/%m/%Y")


def _bold(label: QLabel, scale: float = 1.0) -> QLabel:
    font = QFont(label.font())
    font.setBold(True)
    if scale != 1.0:
        font.setPointSizeF(font.pointSizeF() * scale)
    label.setFont(font)
    return label


def _hint(key: str) -> QLabel:
    label = QLabel(t(key))
    label.setWordWrap(True)
    label.setForegroundRole(QtGui.QPalette.ColorRole.PlaceholderText)
    return label


def compute(session: AppSession, today: date, labels: str) -> tuple[Progress, Population]:
    """The dashboard's figures (runs in a worker thread)."""
    actor, dashboard = session.actor, session.store.dashboard
    return (dashboard.progress(actor),
            dashboard.population(actor, today, language=labels))


