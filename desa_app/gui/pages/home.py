"""Beranda: which village this is, who is logged in, how far the work is, where to go next.

The counts per workflow status are the first thing a Tim verifikasi or an operator asks
("how many households are still drafts?"); below them the dashboard: progress per dusun
against the targets, returned records waiting for correction (and the oldest), the Tim's
work per week, what is already in Prodeskel, and the population of the verified
households (pyramid, penduduk, KK, pendidikan, pekerjaan).

Everything is computed in the background (:class:`~desa_app.core.store.dashboard.Dashboard`,
well under a second for 10,000 households), because an encrypted database may need to
open a new connection (key derivation is slow on purpose) and the window must never
freeze. The figures are read again when the page is shown again (after a save elsewhere)
and on the refresh button, never while someone types.

Clicking a status bar opens the household list filtered to that status; a dusun bar, the
list of that dusun.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from desa_app.core.store.dashboard import (
    Population,
    Progress,
)
from desa_app.core.workflow import Status
from desa_app.gui.charts import MARGIN, SPACING, BarChart
from desa_app.gui.household_model import local_time
from desa_app.gui.i18n import form_language, t
from desa_app.gui.login import problem_label, say
from desa_app.gui.operation import BackgroundOp, BusyBar, Failure, on_label
from desa_app.gui.page import Navigator, Page
from desa_app.gui.pages.home_figures import FiguresView
from desa_app.gui.pages.home_parts import (
    ENTERED_COLOUR,
    HOUSEHOLDS,
    PEKERJAAN_COLOUR,
    PENDIDIKAN_COLOUR,
    PROGRESS_COLOUR,
    SHORTCUTS,
    TILES,
    WEEK_COLOUR,
    _bold,
    _hint,
    compute,
)
from desa_app.gui.pyramid_chart import PyramidChart
from desa_app.gui.qt import (
    QColor,
    QFrame,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    Qt,
    QtGui,
    QVBoxLayout,
    QWidget,
)
from desa_app.gui.session import AppSession, Change


class HomePage(FiguresView, Page):
    NAV_KEY = "nav.home"

    def __init__(self, session: AppSession, window: Navigator) -> None:
        super().__init__()
        self.session = session
        self.window_ = window
        self.computing = BusyBar(lock=lambda: [self.refresh_button])  # one at a time
        self._again = False  # a refresh was asked while one ran: run once more after it
        self._shown_before = False
        self.progress: Progress | None = None
        self.population: Population | None = None

        content = QWidget()
        layout = QVBoxLayout(content)
        layout.setContentsMargins(24, 16, 24, 16)
        layout.setSpacing(10)
        layout.addLayout(self._build_header())
        layout.addLayout(self._build_tiles())
        self.problem = problem_label()
        layout.addWidget(self.problem)
        grid = QGridLayout()
        grid.setHorizontalSpacing(12)
        grid.setVerticalSpacing(12)
        grid.addWidget(self._build_status_box(), 0, 0)
        grid.addWidget(self._build_progress_box(), 0, 1)
        grid.addWidget(self._build_week_box("home.verified_weekly", WEEK_COLOUR, "verified"),
                       1, 0)
        grid.addWidget(self._build_week_box("home.entered_weekly", ENTERED_COLOUR, "entered"),
                       1, 1)
        grid.addWidget(self._build_pyramid_box(), 2, 0)
        grid.addWidget(self._build_breakdown_box(), 2, 1)
        grid.setColumnStretch(0, 1)
        grid.setColumnStretch(1, 1)
        layout.addLayout(grid)
        layout.addStretch(1)

        self.scroll_area = QScrollArea()
        self.scroll_area.setWidgetResizable(True)
        self.scroll_area.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll_area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.scroll_area.setWidget(content)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(self.scroll_area)
        self.refresh()
        session.changes.changed.connect(self._changed)

    # -- building ----------------------------------------------------------------------

    def _build_header(self) -> QHBoxLayout:
        village = self.session.village
        actor = self.session.actor
        kind = t("setup.village.kelurahan" if village.code[9:10] == "1"
                 else "setup.village.desa")
        title = _bold(QLabel(t("home.village", kind=kind, name=village.name)), 1.6)
        place = QLabel(t("home.place", kecamatan=village.kecamatan,
                         kabupaten=village.kabupaten, provinsi=village.provinsi,
                         code=village.code))
        place.setWordWrap(True)
        user = QLabel(t("home.user", name=actor.display_name,
                        role=t(f"role.{actor.role.value}")))
        who = QVBoxLayout()
        who.setSpacing(2)
        for label in (title, place, user):
            who.addWidget(label)
        self.refresh_button = QPushButton(t("home.refresh"))
        self.refresh_button.clicked.connect(self.refresh)
        self.updated_label = _hint("home.loading")
        self.updated_label.setAlignment(Qt.AlignmentFlag.AlignRight)
        self.shortcut_buttons: dict[str, QPushButton] = {}
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        for nav_key, text_key in SHORTCUTS:
            button = QPushButton(t(text_key))
            button.clicked.connect(lambda _checked=False, key=nav_key: self.go(key))
            button.hide()  # shown once the window is built and has the page (showEvent)
            self.shortcut_buttons[nav_key] = button
            buttons.addWidget(button)
        buttons.addWidget(self.refresh_button)
        side = QVBoxLayout()
        side.addLayout(buttons)
        side.addWidget(self.updated_label)
        side.addStretch(1)
        header = QHBoxLayout()
        header.addLayout(who, 1)
        header.addLayout(side)
        return header

    def _build_tiles(self) -> QHBoxLayout:
        """Key figures in a row: big numbers with one line of detail each."""
        row = QHBoxLayout()
        row.setSpacing(10)
        self.tile_numbers: dict[str, QLabel] = {}
        self.tile_details: dict[str, QLabel] = {}
        for key in TILES:
            tile = QFrame()
            tile.setFrameShape(QFrame.Shape.StyledPanel)
            tile.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
            box = QVBoxLayout(tile)
            box.setContentsMargins(10, 6, 10, 6)
            box.setSpacing(2)
            caption = QLabel(t(f"home.tile.{key}"))
            caption.setWordWrap(True)
            number = _bold(QLabel("…"), 1.5)
            detail = QLabel()
            detail.setWordWrap(True)
            detail.setForegroundRole(QtGui.QPalette.ColorRole.PlaceholderText)
            box.addWidget(caption)
            box.addWidget(number)
            box.addWidget(detail)
            if key == "returned":
                self.returned_button = QPushButton(t("home.show_returned"))
                self.returned_button.clicked.connect(self.show_returned)
                self.returned_button.setEnabled(False)
                box.addWidget(self.returned_button, 0, Qt.AlignmentFlag.AlignLeft)
            box.addStretch(1)
            self.tile_numbers[key] = number
            self.tile_details[key] = detail
            row.addWidget(tile, 1)
        return row

    def _build_status_box(self) -> QGroupBox:
        """A table with bars: status and count as text (screen readers, copying), each
        row lined up with its clickable bar."""
        box = QGroupBox(t("home.counts"))
        self.status_chart = BarChart(show_labels=False)
        self.status_chart.setAccessibleName(t("home.counts"))
        self.status_chart.bar_clicked.connect(self.show_status)
        height = self.status_chart.row_height()
        self.count_labels: dict[Status, QLabel] = {}
        grid = QGridLayout()
        grid.setContentsMargins(0, MARGIN, 0, 0)
        grid.setVerticalSpacing(SPACING)
        grid.setHorizontalSpacing(12)
        right = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
        for row, status in enumerate(Status):
            name = QLabel(t(f"workflow.{status.value}"))
            number = QLabel("…")
            number.setAlignment(right)
            for label in (name, number):
                label.setFixedHeight(height)
            self.count_labels[status] = number
            grid.addWidget(name, row, 0)
            grid.addWidget(number, row, 1)
        self.total_label = _bold(QLabel("…"))
        self.total_label.setAlignment(right)
        grid.addWidget(_bold(QLabel(t("home.total"))), len(Status), 0)
        grid.addWidget(self.total_label, len(Status), 1)
        grid.setRowStretch(len(Status) + 1, 1)
        body = QHBoxLayout()
        body.setSpacing(0)
        body.addLayout(grid)
        body.addWidget(self.status_chart, 1, Qt.AlignmentFlag.AlignTop)
        layout = QVBoxLayout(box)
        layout.addLayout(body)
        layout.addWidget(_hint("home.status_hint"))
        return box

    def _build_progress_box(self) -> QGroupBox:
        box = QGroupBox(t("home.progress"))
        self.progress_chart = BarChart(color=QColor(PROGRESS_COLOUR))
        self.progress_chart.setAccessibleName(t("home.progress"))
        self.progress_chart.bar_clicked.connect(self.show_dusun)
        self.progress_note = _hint("home.progress_hint")
        layout = QVBoxLayout(box)
        layout.addWidget(self.progress_chart)
        layout.addWidget(self.progress_note)
        layout.addStretch(1)
        return box

    def _build_week_box(self, title_key: str, colour: str, name: str) -> QGroupBox:
        box = QGroupBox(t(title_key))
        chart = BarChart(color=QColor(colour))
        chart.setAccessibleName(t(title_key))
        chart.set_clickable(False)
        setattr(self, f"{name}_chart", chart)
        layout = QVBoxLayout(box)
        layout.addWidget(chart)
        layout.addStretch(1)
        return box

    def _build_pyramid_box(self) -> QGroupBox:
        self.pyramid_box = QGroupBox(t("home.pyramid", on="…"))
        self.pyramid = PyramidChart()
        self.pyramid.setAccessibleName(t("home.pyramid", on=""))
        self.pyramid.set_clickable(False)
        self.pyramid_note = _hint("home.population_note")
        layout = QVBoxLayout(self.pyramid_box)
        layout.addWidget(self.pyramid)
        layout.addWidget(self.pyramid_note)
        layout.addStretch(1)
        return self.pyramid_box

    def _build_breakdown_box(self) -> QGroupBox:
        box = QGroupBox(t("home.breakdowns"))
        layout = QVBoxLayout(box)
        self.breakdown_charts: dict[str, BarChart] = {}
        for question, colour in (("pendidikan", PENDIDIKAN_COLOUR),
                                 ("pekerjaan", PEKERJAAN_COLOUR)):
            chart = BarChart(color=QColor(colour))
            chart.setAccessibleName(t(f"home.{question}"))
            chart.set_clickable(False)
            layout.addWidget(_bold(QLabel(t(f"home.{question}"))))
            layout.addWidget(chart)
            self.breakdown_charts[question] = chart
        layout.addStretch(1)
        return box

    # -- going elsewhere ---------------------------------------------------------------

    def go(self, nav_key: str) -> None:
        self.window_.show_page(nav_key)

    def update_shortcuts(self) -> None:
        for nav_key, button in self.shortcut_buttons.items():
            button.setVisible(self.window_.has_page(nav_key))

    def show_households(self, *, status: Status | None = None, dusun: str | None = None,
                        select: str | None = None) -> Any:
        """Open the household list showing only ``status`` / ``dusun`` (other filters
        cleared); select the record ``select`` when given. None when the window has no
        list for this user."""
        if not self.window_.has_page(HOUSEHOLDS):
            return None
        page: Any = self.window_.show_page(HOUSEHOLDS)
        widgets = (page.search, page.rt_edit, page.rw_edit, page.status_combo,
                   page.dusun_combo)
        for widget in widgets:
            widget.blockSignals(True)
        try:
            page.search.clear()
            page.rt_edit.clear()
            page.rw_edit.clear()
            status_index = page.status_combo.findData(status.value) if status else 0
            page.status_combo.setCurrentIndex(max(0, status_index))
            dusun_index = page.dusun_combo.findData(dusun) if dusun else 0
            page.dusun_combo.setCurrentIndex(max(0, dusun_index))
        finally:
            for widget in widgets:
                widget.blockSignals(False)
        page.apply_filter()
        if select:
            page.select_record(select)
        return page

    def show_status(self, key: str) -> None:
        self.show_households(status=Status(key))

    def show_dusun(self, key: str) -> None:
        self.show_households(dusun=key or None)

    def show_returned(self) -> None:
        oldest = self.progress.oldest_returned if self.progress else None
        self.show_households(status=Status.RETURNED,
                             select=oldest.record_id if oldest else None)

    # -- reading -----------------------------------------------------------------------

    def refresh(self) -> None:
        """Compute the figures again (after work elsewhere); one computation at a time."""
        self.update_shortcuts()
        if self.computing.active:
            self._again = True
            return
        session = self.session
        today, labels = date.today(), form_language()
        BackgroundOp(self, lambda: compute(session, today, labels)) \
            .success(self._computed).failure(self._failed).busy(self.computing).run()

    @property
    def loading(self) -> bool:
        return self.computing.active

    def _finished(self) -> bool:
        """The computation is done; True when another one was asked for meanwhile."""
        again, self._again = self._again, False
        if again:
            self.refresh()
        return again

    def _computed(self, result: tuple[Progress, Population]) -> None:
        self._finished()
        say(self.problem, "")
        self.progress, self.population = result
        self.show_progress(self.progress)
        self.show_population(self.population)
        now = local_time(self.session.store.clock())
        self.updated_label.setText(t("home.updated", when=now.strftime("%d/%m/%Y %H:%M")))

    def _failed(self, failure: Failure) -> None:
        self._finished()
        on_label(self, self.problem)(failure)

    def _changed(self, change: str) -> None:
        """Records, targets or the dusun list changed: figures again if on screen (a
        hidden Beranda computes when shown, never while someone types elsewhere)."""
        if change in (Change.RECORDS, Change.TARGETS, Change.VILLAGE) and self.isVisible():
            self.refresh()

    def showEvent(self, event: Any) -> None:
        """Coming back to Beranda (after saving elsewhere) shows current figures; the
        first showing uses the computation the constructor started."""
        super().showEvent(event)
        self.update_shortcuts()
        if event.spontaneous():
            return  # the window was restored, not the page chosen
        if self._shown_before:
            self.refresh()
        self._shown_before = True
