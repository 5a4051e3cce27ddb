"""The household list (Keluarga page): real widgets over a real demo village database.

One demo village of 300 households is built per module (about two seconds) and copied
for every test, so each test may write without disturbing the others.
"""

from __future__ import annotations

import copy
import json
import shutil
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from desa_app.core import auth
from desa_app.core.demo.build import DEMO_PASSWORD, build_demo_village
from desa_app.core.paths import forms_dir
from desa_app.core.store.facade import VillageStore, open_database
from desa_app.core.store.queries import RecordRow
from desa_app.core.store.users import Actor
from desa_app.core.workflow import Status
from desa_app.gui import main_window, page_list
from desa_app.gui.household_model import (
    ISSUES,
    NO_KK,
    STATUS,
    STATUS_COLOURS,
    HouseholdTableModel,
)
from desa_app.gui.page import Page, PageSpec
from desa_app.gui.pages.households import HouseholdPage
from desa_app.gui.qt import QApplication, QColor, Qt, QtCore
from desa_app.gui.session import AppSession

HOUSEHOLDS = 300
EXAMPLE = json.loads((forms_dir() / "examples" / "ddk_contoh.json").read_text("utf-8"))
UNIQUE_NAME = "Zulkarnain Wibisono"
UNIQUE_NIK = "3501011203759871"
UNIQUE_NO_KK = "3501011502159872"


@pytest.fixture(autouse=True)
def cheap_password_hashing(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(auth, "SCRYPT_N", 2**8)


@pytest.fixture(scope="module")
def demo_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("demo") / "desa.sqlite3"
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(auth, "SCRYPT_N", 2**8)
        build_demo_village(path, HOUSEHOLDS, seed=1)
    return path


@dataclass
class Village:
    store: VillageStore

    def actor(self, username: str) -> Actor:
        return self.store.users.authenticate(username, DEMO_PASSWORD)

    def add_household(self, nama: str = UNIQUE_NAME, nik: str = UNIQUE_NIK,
                      no_kk: str = UNIQUE_NO_KK, dusun: str = "Krajan",
                      rt: str = "002") -> str:
        """The example household under another name, NIK and No KK; its record id."""
        answers: dict[str, Any] = copy.deepcopy(EXAMPLE)
        answers.update(nama_kk=nama, no_kk=no_kk, dusun=dusun, rt=rt)
        answers["anggota"][0].update(nama=nama, nik=nik)
        for position, member in enumerate(answers["anggota"][1:], start=1):
            member["nik"] = member["nik"][:12] + f"{9880 + position:04d}"
        return self.store.records.create(self.actor("agen1"), "ddk", answers).id


@pytest.fixture
def village(demo_file: Path, tmp_path: Path) -> Iterator[Village]:
    path = tmp_path / "desa.sqlite3"
    shutil.copy(demo_file, path)
    store = VillageStore(open_database(path))
    yield Village(store)
    store.close(backup=False)


def make_page(qtbot: Any, village: Village, username: str = "agen1") -> HouseholdPage:
    session = AppSession(village.store, village.actor(username))
    page = HouseholdPage(session, None)
    qtbot.addWidget(page)
    page.resize(1176, 700)
    page.show()
    qtbot.waitExposed(page)
    page.activateWindow()
    qtbot.waitUntil(page.isActiveWindow)
    return page


def search_for(qtbot: Any, page: HouseholdPage, text: str) -> None:
    """Type like a user and wait for the debounced query."""
    page.search.clear()
    page.search.setFocus()
    qtbot.keyClicks(page.search, text)
    qtbot.waitUntil(lambda: page.model.filter.search == text)


def loaded_ids(model: HouseholdTableModel) -> list[str]:
    return [model.record_id(row) for row in range(model.rowCount())]


def all_rows(village: Village, **query: Any) -> list[RecordRow]:
    """The list as an enumerator first sees it: returned records first."""
    actor = village.actor("agen1")
    query.setdefault("returned_first", True)
    return village.store.queries.page(actor, limit=100_000, **query).rows


# -- loading ---------------------------------------------------------------------------


def test_a_big_village_loads_one_page_and_more_on_scrolling(
        qtbot: Any, village: Village) -> None:
    page = make_page(qtbot, village)
    model = page.model
    assert model.total == HOUSEHOLDS
    assert model.rowCount() == 100
    assert page.count_label.text() == "300 keluarga"
    assert model.canFetchMore()

    model.fetchMore()
    assert model.rowCount() == 200
    page.table.scrollToBottom()  # the view asks for the next page itself
    qtbot.waitUntil(lambda: model.rowCount() == HOUSEHOLDS)
    assert not model.canFetchMore()
    assert len(set(loaded_ids(model))) == HOUSEHOLDS
    assert [model.record(r).nama_kk for r in range(5)] == [
        r.nama_kk for r in all_rows(village)[:5]]


# -- search ----------------------------------------------------------------------------


@pytest.mark.parametrize("text", [UNIQUE_NAME.split()[0][:5], "zulkarnain wib", UNIQUE_NIK,
                                  UNIQUE_NIK[:14], UNIQUE_NO_KK])
def test_search_finds_the_household_by_name_nik_or_no_kk(
        qtbot: Any, village: Village, text: str) -> None:
    record_id = village.add_household()
    page = make_page(qtbot, village)
    assert page.model.total == HOUSEHOLDS + 1
    page.search.setFocus()
    qtbot.keyClicks(page.search, text)
    assert page.search_timer.isActive()  # typing waits for a pause before querying
    assert page.model.filter.search == ""
    qtbot.waitUntil(lambda: page.model.filter.search == text)
    assert record_id in loaded_ids(page.model)
    assert page.model.total < 5
    assert page.count_label.text() == f"{page.model.total} keluarga"


def test_search_without_match_says_so_and_escape_clears_it(
        qtbot: Any, village: Village) -> None:
    page = make_page(qtbot, village)
    search_for(qtbot, page, "Xyzzyq")
    assert page.model.total == 0
    assert page.count_label.text() == "Tidak ada keluarga yang cocok"
    qtbot.keyClick(page.search, Qt.Key.Key_Escape)
    assert page.search.text() == ""
    assert page.model.total == HOUSEHOLDS


# -- filters ---------------------------------------------------------------------------


def test_status_filter(qtbot: Any, village: Village) -> None:
    page = make_page(qtbot, village)
    index = page.status_combo.findData(Status.RETURNED.value)
    assert page.status_combo.itemText(index) == "Dikembalikan"
    page.status_combo.setCurrentIndex(index)
    expected = village.store.queries.status_counts(village.actor("agen1"))[Status.RETURNED]
    assert 0 < page.model.total == expected < HOUSEHOLDS
    assert {page.model.record(r).status for r in range(page.model.rowCount())} == {
        Status.RETURNED}
    assert page.count_label.text() == f"{expected} keluarga"


def test_dusun_and_rt_filters(qtbot: Any, village: Village) -> None:
    page = make_page(qtbot, village)
    names = [page.dusun_combo.itemText(i) for i in range(1, page.dusun_combo.count())]
    assert names == village.store.queries.dusun_names(village.actor("agen1"))
    assert page.dusun_combo.itemText(0) == "Semua dusun"
    page.dusun_combo.setCurrentIndex(page.dusun_combo.findData("Krajan"))
    in_krajan = page.model.total
    assert 0 < in_krajan < HOUSEHOLDS
    assert {page.model.record(r).dusun for r in range(page.model.rowCount())} == {"Krajan"}

    qtbot.keyClicks(page.rt_edit, "2")  # typed as on paper; stored as "002"
    qtbot.waitUntil(lambda: page.model.filter.rt == "002")
    rows = [page.model.record(r) for r in range(page.model.rowCount())]
    assert rows and {(r.dusun, r.rt) for r in rows} == {("Krajan", "002")}
    assert page.model.total == len(all_rows(village, dusun="Krajan", rt="002"))

    page.clear_filters()
    assert page.model.total == HOUSEHOLDS
    assert page.dusun_combo.currentIndex() == 0 and page.rt_edit.text() == ""


# -- sorting ---------------------------------------------------------------------------


def click_header(qtbot: Any, page: HouseholdPage, column: int) -> None:
    header = page.table.horizontalHeader()
    x = header.sectionViewportPosition(column) + header.sectionSize(column) // 2
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton,
                     pos=QtCore.QPoint(x, header.height() // 2))


def test_clicking_a_header_sorts_in_the_database(qtbot: Any, village: Village) -> None:
    page = make_page(qtbot, village)
    every_no_kk = sorted(r.no_kk or "" for r in all_rows(village))
    click_header(qtbot, page, NO_KK)
    shown = [page.model.record(r).no_kk for r in range(page.model.rowCount())]
    assert shown == every_no_kk[:100]  # the first page of the whole village, not of 100
    click_header(qtbot, page, NO_KK)
    assert page.model.sort_order == Qt.SortOrder.DescendingOrder
    assert page.model.record(0).no_kk == every_no_kk[-1]

    click_header(qtbot, page, ISSUES)  # not sortable: the arrow stays where the order is
    header = page.table.horizontalHeader()
    assert header.sortIndicatorSection() == NO_KK
    assert page.model.record(0).no_kk == every_no_kk[-1]


# -- opening ---------------------------------------------------------------------------


def test_enter_and_double_click_open_the_selected_household(
        qtbot: Any, village: Village) -> None:
    page = make_page(qtbot, village)
    page._select_row(3)
    page.table.setFocus()
    expected = page.model.record_id(3)
    assert page.open_button.isEnabled()
    with qtbot.waitSignal(page.open_requested) as opened:
        qtbot.keyClick(page.table, Qt.Key.Key_Return)
    assert opened.args == [expected]

    index = page.model.index(5, 1)
    centre = page.table.visualRect(index).center()
    with qtbot.waitSignal(page.open_requested) as opened:
        # QTest's double click has no press before it, which item views need: click first
        qtbot.mouseClick(page.table.viewport(), Qt.MouseButton.LeftButton, pos=centre)
        qtbot.mouseDClick(page.table.viewport(), Qt.MouseButton.LeftButton, pos=centre)
    assert opened.args == [page.model.record_id(5)]

    with qtbot.waitSignal(page.open_requested) as opened:
        qtbot.mouseClick(page.open_button, Qt.MouseButton.LeftButton)
    assert opened.args == [page.model.record_id(5)]


def test_keyboard_path_search_down_enter(qtbot: Any, village: Village) -> None:
    record_id = village.add_household()
    page = make_page(qtbot, village)
    page.table.setFocus()
    qtbot.keyClick(page.table, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert page.search.hasFocus()
    qtbot.keyClicks(page.search, "zulkar")
    qtbot.keyClick(page.search, Qt.Key.Key_Down)  # no need to wait for the pause
    assert page.table.hasFocus()
    assert page.selected_record_id() == record_id
    with qtbot.waitSignal(page.open_requested) as opened:
        qtbot.keyClick(page.table, Qt.Key.Key_Enter)
    assert opened.args == [record_id]


def test_nothing_selected_nothing_opened(qtbot: Any, village: Village) -> None:
    page = make_page(qtbot, village)
    assert not page.open_button.isEnabled()
    with qtbot.assertNotEmitted(page.open_requested):
        page.open_selected()


# -- new household and roles -----------------------------------------------------------


def test_ctrl_n_asks_for_a_new_household(qtbot: Any, village: Village) -> None:
    page = make_page(qtbot, village, "agen1")
    assert not page.new_button.isHidden()
    with qtbot.waitSignal(page.new_requested):
        qtbot.keyClick(page.search, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    with qtbot.waitSignal(page.new_requested):
        qtbot.mouseClick(page.new_button, Qt.MouseButton.LeftButton)


def test_a_viewer_gets_no_new_button_and_no_shortcut(qtbot: Any, village: Village) -> None:
    page = make_page(qtbot, village, "kominfo1")
    assert page.new_button.isHidden()
    with qtbot.assertNotEmitted(page.new_requested):
        qtbot.keyClick(page.search, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    assert page.model.total == HOUSEHOLDS  # viewing is allowed


# -- keeping up to date ----------------------------------------------------------------


def test_refresh_keeps_filter_and_selection_and_shows_new_records(
        qtbot: Any, village: Village) -> None:
    page = make_page(qtbot, village)
    page.dusun_combo.setCurrentIndex(page.dusun_combo.findData("Krajan"))
    before = page.model.total
    last = all_rows(village, dusun="Krajan")[-1].id
    assert page.select_record(last)  # beyond the first page: loaded on the way
    new_id = village.add_household(dusun="Krajan")
    page.refresh()
    assert page.model.total == before + 1
    assert page.dusun_combo.currentData() == "Krajan"
    assert page.selected_record_id() == last
    assert page.select_record(new_id)
    assert not page.select_record(all_rows(village, dusun="Wonosari")[0].id)


def test_the_page_is_listed_and_lives_in_the_main_window(
        qtbot: Any, village: Village) -> None:
    mine = [entry for entry in page_list.PAGES if entry.nav_key == "nav.households"]
    assert len(mine) == 1 and mine[0].factory is HouseholdPage
    other = PageSpec("nav.home", lambda s: True, lambda s, w: Page())
    window = main_window.MainWindow(AppSession(village.store, village.actor("agen1")),
                                    [other, *mine])  # no other developer's pages
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    page = window.pages["nav.households"]
    assert isinstance(page, HouseholdPage) and page.main_window is window
    with qtbot.assertNotEmitted(page.new_requested):  # the list is not on screen
        qtbot.keyClick(window.navigation, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)

    assert window.show_page("nav.households") is page
    window.navigation.setFocus()
    qtbot.keyClick(window.navigation, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert page.search.hasFocus()  # Ctrl+F works wherever the focus is in the window
    with qtbot.waitSignal(page.new_requested):
        qtbot.keyClick(window.navigation, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)


# -- cells -----------------------------------------------------------------------------


def test_status_and_issue_colours(qtbot: Any, village: Village) -> None:
    page = make_page(qtbot, village)
    model = page.model
    for r in range(model.rowCount()):
        status = model.record(r).status
        background = model.data(model.index(r, STATUS), Qt.ItemDataRole.BackgroundRole)
        assert background == QColor(STATUS_COLOURS[status][0])
    warned = [r for r in range(model.rowCount()) if model.record(r).warning_count]
    for r in warned:
        colour = model.data(model.index(r, ISSUES), Qt.ItemDataRole.ForegroundRole)
        assert isinstance(colour, QColor)
        assert model.data(model.index(r, ISSUES), Qt.ItemDataRole.ToolTipRole)


def test_mine_shows_only_the_enumerators_own_households(qtbot: Any, village: Village) -> None:
    """"Punya saya" (Alt+Y): an Agen sees the households they entered, returned first;
    "Hapus filter" shows everyone's again."""
    import sqlite3

    page = make_page(qtbot, village)
    everyone = page.model.total
    with sqlite3.connect(village.store.path) as raw:
        (own,) = raw.execute(
            "SELECT count(*) FROM record r JOIN app_user u ON u.id = r.created_by "
            "WHERE u.username = 'agen1' AND r.kind = 'household' AND NOT r.deleted").fetchone()
    assert 0 < own < everyone
    assert page.mine_box.isVisible()

    page.search.setFocus()
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Y, Qt.KeyboardModifier.AltModifier)

    qtbot.waitUntil(page.mine_box.isChecked)  # (a mnemonic clicks after a short flash)
    qtbot.waitUntil(lambda: page.model.total == own)
    first = page.model.record(0).status
    assert first is Status.RETURNED or Status.RETURNED not in {
        page.model.record(r).status for r in range(page.model.rowCount())}
    qtbot.mouseClick(page.clear_button, Qt.MouseButton.LeftButton)
    assert not page.mine_box.isChecked()
    qtbot.waitUntil(lambda: page.model.total == everyone)


def test_mine_is_for_enumerators_only(qtbot: Any, village: Village) -> None:
    page = make_page(qtbot, village, "tim1")
    assert not page.mine_box.isVisible()
