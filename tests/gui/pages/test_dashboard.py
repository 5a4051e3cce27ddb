"""Beranda's dashboard in the real main window, on a demo village of 300 households."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

from desa_app.core import auth
from desa_app.core.demo.build import DEMO_PASSWORD, build_demo_village
from desa_app.core.store.dashboard import Dashboard
from desa_app.core.store.database import open_database
from desa_app.core.store.facade import VillageStore
from desa_app.core.workflow import Status
from desa_app.gui import page_list, worker
from desa_app.gui.charts import Bar, BarChart, PyramidRow
from desa_app.gui.i18n import set_language, t
from desa_app.gui.main_window import MainWindow
from desa_app.gui.pages.home import HomePage
from desa_app.gui.pages.households import HouseholdPage
from desa_app.gui.pages.settings_page import SettingsPage
from desa_app.gui.pyramid_chart import PyramidChart
from desa_app.gui.qt import QColor, Qt, QtCore
from desa_app.gui.session import AppSession
from desa_app.gui.settings import CONFIG_ENV, AppSettings

SCREENSHOT = Path("/tmp/beranda.png")


@pytest.fixture(scope="module")
def demo_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("beranda") / "demo.sqlite3"
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(auth, "SCRYPT_N", 2**8)
        build_demo_village(path, 300, seed=11, today=date.today())
    return path


@pytest.fixture(autouse=True)
def quick_and_isolated(monkeypatch: pytest.MonkeyPatch, tmp_path: Path, qtbot) -> Iterator[None]:
    monkeypatch.setattr(auth, "SCRYPT_N", 2**8)
    monkeypatch.setenv(CONFIG_ENV, str(tmp_path / "config"))
    set_language("id")
    ours = {"nav.home": HomePage, "nav.households": HouseholdPage,
            "nav.settings": SettingsPage}
    monkeypatch.setattr(page_list, "PAGES", tuple(
        entry for entry in page_list.PAGES if ours.get(entry.nav_key) is entry.factory))
    yield
    qtbot.waitUntil(lambda: not worker._running, timeout=20000)


@pytest.fixture
def store(demo_file: Path, tmp_path: Path, qtbot) -> Iterator[VillageStore]:
    """A private copy of the demo village per test (tests add records)."""
    path = tmp_path / "desa.sqlite3"
    with sqlite3.connect(demo_file) as source, sqlite3.connect(path) as copy:
        source.backup(copy)
    village = VillageStore(open_database(path))
    yield village
    qtbot.waitUntil(lambda: not worker._running, timeout=20000)
    village.close(backup=False)


def open_window(qtbot, store: VillageStore, username: str = "admin") -> MainWindow:
    actor = store.users.authenticate(username, DEMO_PASSWORD)
    window = MainWindow(AppSession(store, actor, AppSettings.load()))
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    return window


def loaded_home(qtbot, window: MainWindow) -> HomePage:
    home = window.pages["nav.home"]
    assert isinstance(home, HomePage)
    qtbot.waitUntil(lambda: home.population is not None and not home.loading,
                    timeout=20000)
    return home


def number(count: int) -> str:
    return f"{count:,}".replace(",", ".")


def test_beranda_shows_the_figures(qtbot, store: VillageStore) -> None:
    window = open_window(qtbot, store)
    home = loaded_home(qtbot, window)
    actor = store.users.authenticate("admin", DEMO_PASSWORD)
    progress = Dashboard(store.db).progress(actor)
    population = Dashboard(store.db).population(actor, date.today())
    assert home.total_label.text() == number(progress.total) == "300"
    for status, label in home.count_labels.items():
        assert label.text() == number(progress.by_status[status])
    tiles = {key: label.text() for key, label in home.tile_numbers.items()}
    assert tiles == {
        "penduduk": number(population.penduduk), "kk": number(population.kk),
        "records": "300", "returned": number(progress.returned_waiting),
        "entered": number(progress.entered)}
    assert population.kk > 0 and progress.returned_waiting > 0
    oldest = progress.oldest_returned
    assert oldest is not None and oldest.nama_kk
    assert oldest.nama_kk in home.tile_details["returned"].text()
    assert progress.target is not None  # the demo sets a target per dusun
    percent = round(100 * progress.total / progress.target)
    assert home.tile_details["records"].text() == f"target {number(progress.target)} ({percent}%)"
    assert [b.value for b in home.status_chart.bars] == [
        progress.by_status[s] for s in Status]
    assert [(b.key, b.value) for b in home.progress_chart.bars] == [
        (d.dusun, d.recorded) for d in progress.dusun]
    assert [(r.left, r.right) for r in home.pyramid.rows] == [
        (g.male, g.female) for g in population.pyramid]
    top = population.pendidikan.items[0]
    first = home.breakdown_charts["pendidikan"].bars[0]
    assert (first.label, first.value) == (top.label, top.count)
    assert sum(b.value for b in home.verified_chart.bars) > 0
    assert home.entered_chart.bars[-1].value == progress.entered  # demo: entered today
    assert home.problem.isHidden()


def test_without_targets_the_tile_says_none_is_set(qtbot, store: VillageStore) -> None:
    admin = store.users.authenticate("admin", DEMO_PASSWORD)
    for target in store.targets.targets(admin):
        store.targets.remove_target(admin, target.dusun, target.rt)
    home = loaded_home(qtbot, open_window(qtbot, store))
    assert home.tile_details["records"].text() == t("home.tile.no_target")
    assert all(bar.total is None for bar in home.progress_chart.bars)


def test_clicking_the_submitted_bar_opens_the_filtered_list(qtbot, store: VillageStore) -> None:
    window = open_window(qtbot, store)
    home = loaded_home(qtbot, window)
    submitted = int(home.count_labels[Status.SUBMITTED].text().replace(".", ""))
    chart = home.status_chart
    rect = chart.bar_rect(Status.SUBMITTED.value)
    assert rect.isValid()
    assert chart.key_at(rect.center()) == "submitted"
    assert t("workflow.submitted") == "Diserahkan ke Tim"
    assert chart.bars[1].label == "Diserahkan ke Tim"
    qtbot.mouseClick(chart, Qt.MouseButton.LeftButton, pos=rect.center())
    page = window.stack.currentWidget()
    assert isinstance(page, HouseholdPage)
    assert page.status_combo.currentData() == "submitted"
    assert page.model.filter.status is Status.SUBMITTED
    assert page.model.total == submitted > 0
    assert {page.model.record(row).status for row in range(page.model.rowCount())} == {
        Status.SUBMITTED}
    # a dusun bar: the list of that dusun, the status filter cleared
    window.show_page("nav.home")
    dusun = home.progress_chart.bars[0].key
    rect = home.progress_chart.bar_rect(dusun)
    qtbot.mouseClick(home.progress_chart, Qt.MouseButton.LeftButton, pos=rect.center())
    assert page.model.filter.status is None and page.model.filter.dusun == dusun
    # the oldest returned household, selected in the list of returned ones
    window.show_page("nav.home")
    assert home.returned_button.isEnabled()
    qtbot.keyClick(home.returned_button, Qt.Key.Key_Space)
    assert page.model.filter.status is Status.RETURNED
    assert home.progress is not None and home.progress.oldest_returned is not None
    assert page.selected_record_id() == home.progress.oldest_returned.record_id


def test_figures_are_current_when_beranda_is_shown_again(qtbot, store: VillageStore) -> None:
    window = open_window(qtbot, store)
    home = loaded_home(qtbot, window)
    window.show_page("nav.settings")
    agent = store.users.authenticate("agen1", DEMO_PASSWORD)
    with sqlite3.connect(store.db.path) as con:
        (answers,), = con.execute("SELECT answers FROM record LIMIT 1")
    household = json.loads(answers)
    household["no_kk"] = "3501010101990001"
    for n, member in enumerate(household["anggota"]):
        member["nik"] = f"35010101019900{n + 10:02d}"
    store.records.create(agent, "ddk", household)
    assert home.total_label.text() == "300"  # nothing is read while Beranda is hidden
    window.show_page("nav.home")
    qtbot.waitUntil(lambda: home.total_label.text() == "301", timeout=20000)


def test_the_page_fits_1366_by_768_and_renders(qtbot, store: VillageStore) -> None:
    window = open_window(qtbot, store)
    home = loaded_home(qtbot, window)
    qtbot.wait(50)
    content = home.scroll_area.widget()
    viewport = home.scroll_area.viewport()
    assert content.minimumSizeHint().width() <= viewport.width()  # no sideways scrolling
    assert content.width() <= viewport.width()
    for chart in (home.status_chart, home.progress_chart, home.verified_chart,
                  home.entered_chart, home.pyramid, *home.breakdown_charts.values()):
        assert chart.height() >= chart.sizeHint().height()  # not squeezed
        assert chart.width() >= chart.minimumSizeHint().width()
    # the first screen shows the key figures and the status chart without scrolling
    top = home.status_chart.mapTo(content, QtCore.QPoint(0, home.status_chart.height()))
    assert top.y() <= viewport.height()
    image = window.grab()
    assert image.width() == 1366
    image.save(str(SCREENSHOT))
    content.grab().save(str(SCREENSHOT.with_name("beranda_full.png")))


def test_charts_draw_empty_data_without_errors(qtbot) -> None:
    bars = BarChart()
    pyramid = PyramidChart()
    for chart in (bars, pyramid):
        qtbot.addWidget(chart)
        chart.resize(400, 200)
        chart.show()
    for data in ([], [Bar("a", "A", 0), Bar("b", "B", 0)]):
        bars.set_bars(data)
        assert bars.is_empty() and not bars.grab().isNull()
        assert bars.bar_rect("a") == QtCore.QRect()
        assert bars.accessibleDescription() == t("dashboard.no_data")
        with qtbot.assertNotEmitted(bars.bar_clicked):
            qtbot.mouseClick(bars, Qt.MouseButton.LeftButton, pos=QtCore.QPoint(200, 30))
    for rows in ([], [PyramidRow("0", "0–4", 0, 0)]):
        pyramid.set_rows(rows, t("home.male"), t("home.female"))
        assert pyramid.is_empty() and not pyramid.grab().isNull()
        with qtbot.assertNotEmitted(pyramid.bar_clicked):
            qtbot.mouseClick(pyramid, Qt.MouseButton.LeftButton, pos=QtCore.QPoint(200, 30))
    tiny = BarChart()
    qtbot.addWidget(tiny)
    tiny.resize(40, 10)  # smaller than any sensible size: still no error
    tiny.set_bars([Bar("x", "Sebuah label yang panjang sekali", 5, total=7)])
    assert not tiny.grab().isNull()


def test_charts_report_clicks_and_keys(qtbot) -> None:
    bars = BarChart(color=QColor("#1e88e5"))
    qtbot.addWidget(bars)
    bars.set_bars([Bar("a", "Satu", 3), Bar("b", "Dua", 0, total=4), Bar("c", "Tiga", 9)])
    bars.resize(420, bars.sizeHint().height())
    bars.show()
    with qtbot.waitSignal(bars.bar_clicked) as clicked:
        qtbot.mouseClick(bars, Qt.MouseButton.LeftButton, pos=bars.bar_rect("c").center())
    assert clicked.args == ["c"]
    assert bars.bar_rect("c").width() > bars.bar_rect("a").width() > 0
    with qtbot.waitSignal(bars.bar_clicked) as clicked:
        qtbot.keyClick(bars, Qt.Key.Key_Up)
        qtbot.keyClick(bars, Qt.Key.Key_Return)
    assert clicked.args == ["b"]
    pyramid = PyramidChart()
    qtbot.addWidget(pyramid)
    pyramid.set_rows([PyramidRow("0", "0–4", 5, 7), PyramidRow("5", "5–9", 6, 2)],
                     t("home.male"), t("home.female"))
    pyramid.resize(420, pyramid.sizeHint().height())
    pyramid.show()
    young, old = pyramid.bar_rect("0:left"), pyramid.bar_rect("5:left")
    assert young.top() > old.top()  # the youngest at the bottom
    assert young.right() < pyramid.bar_rect("0:right").left()  # men left, women right
    with qtbot.waitSignal(pyramid.bar_clicked) as clicked:
        qtbot.mouseClick(pyramid, Qt.MouseButton.LeftButton,
                         pos=pyramid.bar_rect("5:right").center())
    assert clicked.args == ["5:right"]
    pyramid.set_clickable(False)
    with qtbot.assertNotEmitted(pyramid.bar_clicked):
        qtbot.mouseClick(pyramid, Qt.MouseButton.LeftButton,
                         pos=pyramid.bar_rect("5:right").center())
