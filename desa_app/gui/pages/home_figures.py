"""Beranda's figures put on screen: the progress and population the dashboard computed.

A mixin of :class:`desa_app.gui.pages.home.HomePage` (it fills the page's labels and
charts); kept apart from building the page so each stays readable.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from desa_app.core.store.dashboard import Breakdown, Population, Progress, WeekCount
from desa_app.core.workflow import Status
from desa_app.gui.charts import Bar, BarChart, PyramidRow
from desa_app.gui.household_model import local_time
from desa_app.gui.i18n import t
from desa_app.gui.pages.home_parts import (
    HOUSEHOLDS,
    STATUS_BAR_COLOURS,
    TOP,
    _day,
    _number,
    _percent,
)
from desa_app.gui.pyramid_chart import PyramidChart
from desa_app.gui.qt import QColor, QGroupBox, QLabel, QPushButton

if TYPE_CHECKING:
    from desa_app.gui.page import Navigator


class FiguresView:
    # provided by HomePage
    window_: Navigator
    count_labels: dict[Status, QLabel]
    total_label: QLabel
    status_chart: BarChart
    progress_chart: BarChart
    tile_numbers: dict[str, QLabel]
    tile_details: dict[str, QLabel]
    returned_button: QPushButton
    verified_chart: BarChart
    entered_chart: BarChart
    pyramid_box: QGroupBox
    pyramid: PyramidChart
    pyramid_note: QLabel
    breakdown_charts: dict[str, BarChart]

    def show_progress(self, progress: Progress) -> None:
        counts = progress.by_status
        for status, label in self.count_labels.items():
            label.setText(_number(counts.get(status, 0)))
        self.total_label.setText(_number(progress.total))
        self.status_chart.set_bars([
            Bar(status.value, t(f"workflow.{status.value}"), counts.get(status, 0),
                text="", color=QColor(STATUS_BAR_COLOURS[status]))
            for status in Status])
        self.progress_chart.set_bars([
            Bar(d.dusun, d.dusun or t("home.no_dusun"), d.recorded, total=d.target,
                text=self._against(d.recorded, d.target))
            for d in progress.dusun])
        self.tile_numbers["records"].setText(_number(progress.total))
        self.tile_details["records"].setText(
            t("home.tile.records_target", target=_number(progress.target),
              percent=_percent(progress.total, progress.target))
            if progress.target else t("home.tile.no_target"))
        self.tile_numbers["returned"].setText(_number(progress.returned_waiting))
        oldest = progress.oldest_returned
        if oldest is None:
            self.tile_details["returned"].setText(t("home.tile.returned_none"))
        else:
            since = local_time(oldest.since)
            self.tile_details["returned"].setText(t(
                "home.tile.returned_oldest", name=oldest.nama_kk or t("home.no_name"),
                when=_day(since.date()),
                days=_number(max(0, (progress.today - since.date()).days))))
        self.returned_button.setEnabled(oldest is not None and self.window_.has_page(HOUSEHOLDS))
        self.tile_numbers["entered"].setText(_number(progress.entered))
        this_week = progress.entered_weekly[-1].count if progress.entered_weekly else 0
        self.tile_details["entered"].setText(
            t("home.tile.entered_week", count=_number(this_week)))
        self.verified_chart.set_bars(self._weeks(progress.verified_weekly))
        self.entered_chart.set_bars(self._weeks(progress.entered_weekly))

    @staticmethod
    def _against(recorded: int, target: int | None) -> str:
        if not target:
            return t("home.progress_no_target", recorded=_number(recorded))
        return t("home.progress_value", recorded=_number(recorded), target=_number(target),
                 percent=_percent(recorded, target))

    @staticmethod
    def _weeks(weeks: tuple[WeekCount, ...]) -> list[Bar]:
        return [Bar(f"{w.year}-W{w.week:02d}",
                    t("home.week", week=w.week, start=w.start.strftime("%d/%m")),
                    w.count, text=_number(w.count)) for w in weeks]

    def show_population(self, population: Population) -> None:
        self.tile_numbers["penduduk"].setText(_number(population.penduduk))
        self.tile_details["penduduk"].setText(t(
            "home.tile.penduduk_detail", male=_number(population.male),
            female=_number(population.female)))
        self.tile_numbers["kk"].setText(_number(population.kk))
        self.tile_details["kk"].setText(t("home.tile.kk_detail"))
        self.pyramid_box.setTitle(t("home.pyramid", on=_day(population.on)))
        self.pyramid.set_rows(
            [PyramidRow(g.label, g.label, g.male, g.female, _number(g.male),
                        _number(g.female)) for g in population.pyramid],
            t("home.male"), t("home.female"))
        unknown = population.age_unknown + population.sex_unknown
        self.pyramid_note.setText(
            t("home.population_note") if not unknown else
            t("home.population_note_unknown", age=_number(population.age_unknown),
              sex=_number(population.sex_unknown)))
        for question, chart in self.breakdown_charts.items():
            chart.set_bars(self._top(population.breakdowns[question]))

    @staticmethod
    def _top(breakdown: Breakdown) -> list[Bar]:
        bars = [Bar(item.code, item.label, item.count, text=_number(item.count))
                for item in breakdown.items[:TOP]]
        rest = sum(item.count for item in breakdown.items[TOP:])
        if rest:
            bars.append(Bar("", t("home.others"), rest, text=_number(rest)))
        if breakdown.unanswered:
            bars.append(Bar("", t("home.unanswered"), breakdown.unanswered,
                            text=_number(breakdown.unanswered)))
        return bars
