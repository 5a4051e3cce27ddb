"""Pengaturan › Daftar dusun/lingkungan, used like a person: keys and clicks, then what the
core stored."""

from __future__ import annotations

import copy
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from desa_app.core.store.facade import VillageStore
from desa_app.core.store.users import Actor
from desa_app.core.store.village import init_village
from desa_app.gui import worker
from desa_app.gui.i18n import t
from desa_app.gui.main_window import MainWindow
from desa_app.gui.pages.dusun_box import DusunBox
from desa_app.gui.pages.settings_page import SettingsPage
from desa_app.gui.qt import QApplication, QLineEdit, QMessageBox, Qt, QTimer, QWidget
from desa_app.gui.session import AppSession
from desa_app.gui.settings import AppSettings

from ..village import EXAMPLE, PASSWORD

pytestmark = pytest.mark.usefixtures("home_and_settings_only")


def household(serial: int, dusun: str) -> dict:
    answers = copy.deepcopy(EXAMPLE)
    for number, member in enumerate(answers["anggota"]):
        member["nik"] = member["nik"][:12] + f"{1000 + serial * 10 + number:04d}"
    answers["no_kk"] = answers["no_kk"][:12] + f"{2000 + serial:04d}"
    answers["dusun"] = dusun
    return answers


@dataclass
class Village:
    store: VillageStore
    admin: Actor


@pytest.fixture
def village(tmp_path: Path, qtbot: Any) -> Iterator[Village]:
    """Saved list Ngasem, Sidomulyo; one household in Sidomulyo, one in Krajan (unlisted)."""
    store = VillageStore(init_village(tmp_path / "desa.sqlite3", "35.01.01.2001", "admin",
                                      "Operator Desa", PASSWORD))
    admin = store.users.authenticate("admin", PASSWORD)
    store.set_dusun_names(admin, ["Sidomulyo", "Ngasem"])
    store.records.create(admin, "ddk", household(1, "Sidomulyo"))
    store.records.create(admin, "ddk", household(2, "Krajan"))
    yield Village(store, admin)
    qtbot.waitUntil(lambda: not worker._running, timeout=20000)
    store.close(backup=False)


def open_box(qtbot: Any, store: VillageStore, actor: Actor) -> tuple[MainWindow, DusunBox]:
    window = MainWindow(AppSession(store, actor, AppSettings.load()))
    qtbot.addWidget(window)
    window.show()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)  # so that clicks and keys move the focus
    page = window.show_page("nav.settings")
    assert isinstance(page, SettingsPage)
    return window, page.dusun_box


def focused() -> QWidget:
    widget = QApplication.focusWidget()
    assert widget is not None
    return widget


def click(qtbot: Any, widget: QWidget) -> None:
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)


def click_name(qtbot: Any, box: DusunBox, name: str) -> None:
    """A click on the name in the list (it is then the selected one, the list focused)."""
    item = next(box.list.item(row) for row in range(box.list.count())
                if box.list.item(row).text() == name)
    box.list.scrollToItem(item)
    qtbot.mouseClick(box.list.viewport(), Qt.MouseButton.LeftButton,
                     pos=box.list.visualItemRect(item).center())
    assert box.list.currentItem() is item


def shown(box: DusunBox) -> list[str]:
    return [box.list.item(row).text() for row in range(box.list.count())]


def answer_later(qtbot: Any, button: QMessageBox.StandardButton, seen: list[str]) -> None:
    """Answer the question box that is about to open (its text kept in ``seen``)."""
    def answer() -> None:
        box = QApplication.activeModalWidget()
        assert isinstance(box, QMessageBox)
        seen.append(box.text())
        push = box.button(button)
        assert push is not None
        qtbot.mouseClick(push, Qt.MouseButton.LeftButton)
    QTimer.singleShot(100, answer)


def back_to(qtbot: Any, window: MainWindow) -> None:
    """The question box has closed: the window is active again (a desktop's window
    manager does this; the offscreen platform does not)."""
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)


def test_typing_a_new_name_and_enter_saves_it(qtbot: Any, village: Village) -> None:
    _window, box = open_box(qtbot, village.store, village.admin)
    assert shown(box) == ["Ngasem", "Sidomulyo"]
    click(qtbot, box.name_edit)
    assert focused() is box.name_edit
    qtbot.keyClicks(focused(), "  Tegal   Rejo ")
    qtbot.keyClick(focused(), Qt.Key.Key_Return)
    assert village.store.saved_dusun_names() == ["Ngasem", "Sidomulyo", "Tegal Rejo"]
    assert shown(box) == ["Ngasem", "Sidomulyo", "Tegal Rejo"]
    assert box.list.currentItem().text() == "Tegal Rejo"
    assert box.result.text() == t("settings.dusun_saved", n=3)
    assert focused() is box.name_edit and box.name_edit.text() == ""  # ready for the next

    qtbot.keyClicks(focused(), "sidomulyo")  # already there, whatever the case
    qtbot.keyClick(focused(), Qt.Key.Key_Return)
    assert box.problem.text() == t("settings.dusun_exists", name="Sidomulyo")
    assert box.list.currentItem().text() == "Sidomulyo"
    assert village.store.saved_dusun_names() == ["Ngasem", "Sidomulyo", "Tegal Rejo"]

    qtbot.keyClick(focused(), Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(focused(), "Dusun 2")
    assert box.problem.isHidden()  # typing again clears the complaint
    click(qtbot, box.add_button)  # the button does the same as Enter
    assert village.store.saved_dusun_names() == ["Dusun 2", "Ngasem", "Sidomulyo",
                                                 "Tegal Rejo"]


def test_renaming_the_selected_name(qtbot: Any, village: Village) -> None:
    _window, box = open_box(qtbot, village.store, village.admin)
    assert box.rename_hint.isVisible()
    assert "rumah tangga yang sudah disimpan tetap memakai nama lama" in box.rename_hint.text()
    assert not box.rename_button.isEnabled()  # nothing chosen yet
    click_name(qtbot, box, "Ngasem")
    click(qtbot, box.rename_button)
    editor = focused()
    assert isinstance(editor, QLineEdit) and editor is not box.name_edit
    qtbot.keyClicks(editor, "Ngasem Lor")  # the old name is selected: typing replaces it
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: village.store.saved_dusun_names() == ["Ngasem Lor", "Sidomulyo"])
    qtbot.waitUntil(lambda: shown(box) == ["Ngasem Lor", "Sidomulyo"])
    assert box.list.currentItem().text() == "Ngasem Lor"
    # the household in Sidomulyo keeps what it has: renaming touches the list only
    page = village.store.queries.page(village.admin)
    assert sorted(row.dusun for row in page.rows) == ["Krajan", "Sidomulyo"]

    click_name(qtbot, box, "Sidomulyo")  # F2 renames too; a name already listed is refused
    qtbot.keyClick(focused(), Qt.Key.Key_F2)
    editor = focused()
    assert isinstance(editor, QLineEdit)
    qtbot.keyClicks(editor, "ngasem lor")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: box.problem.text() == t("settings.dusun_exists", name="Ngasem Lor"))
    assert shown(box) == ["Ngasem Lor", "Sidomulyo"]
    assert village.store.saved_dusun_names() == ["Ngasem Lor", "Sidomulyo"]


def test_removing_asks_first(qtbot: Any, village: Village) -> None:
    window, box = open_box(qtbot, village.store, village.admin)
    click_name(qtbot, box, "Ngasem")
    seen: list[str] = []
    answer_later(qtbot, QMessageBox.StandardButton.No, seen)
    qtbot.keyClick(focused(), Qt.Key.Key_Delete)
    assert seen and "«Ngasem»" in seen[0]
    assert village.store.saved_dusun_names() == ["Ngasem", "Sidomulyo"]  # said no
    back_to(qtbot, window)
    assert focused() is box.list and box.list.currentItem().text() == "Ngasem"

    answer_later(qtbot, QMessageBox.StandardButton.Yes, seen)
    qtbot.keyClick(focused(), Qt.Key.Key_Delete)
    assert len(seen) == 2
    assert village.store.saved_dusun_names() == ["Sidomulyo"]
    assert shown(box) == ["Sidomulyo"]
    assert box.list.currentItem().text() == "Sidomulyo"  # the neighbour, ready for more

    answer_later(qtbot, QMessageBox.StandardButton.Yes, seen)
    click(qtbot, box.remove_button)  # the button asks the same
    assert len(seen) == 3
    assert village.store.saved_dusun_names() == []
    # a household still uses Sidomulyo: it is now shown as used but not listed
    assert box.empty_label.isVisible()
    assert sorted(box.take_buttons) == ["Krajan", "Sidomulyo"]


def test_a_name_households_use_can_be_taken_into_the_list(qtbot: Any,
                                                           village: Village) -> None:
    window, box = open_box(qtbot, village.store, village.admin)
    assert box.unlisted_title.isVisible()
    assert list(box.take_buttons) == ["Krajan"]
    assert box.take_buttons["Krajan"].isVisible()
    click(qtbot, box.take_buttons["Krajan"])
    assert village.store.saved_dusun_names() == ["Krajan", "Ngasem", "Sidomulyo"]
    assert box.take_buttons == {} and not box.unlisted_title.isVisible()
    assert box.list.currentItem().text() == "Krajan"

    window.show_page("nav.home")  # a household saved elsewhere meanwhile
    village.store.records.create(village.admin, "ddk", household(3, "Tegalrejo"))
    window.show_page("nav.settings")
    assert list(box.take_buttons) == ["Tegalrejo"]


def test_keyboard_order(qtbot: Any, village: Village) -> None:
    _window, box = open_box(qtbot, village.store, village.admin)
    click(qtbot, box.name_edit)
    qtbot.keyClicks(focused(), "Baru")
    expected = [box.add_button, box.list, box.rename_button, box.remove_button,
                box.take_buttons["Krajan"]]
    click_name(qtbot, box, "Ngasem")  # so that Ganti nama and Hapus take part
    click(qtbot, box.name_edit)
    for widget in expected:
        qtbot.keyClick(focused(), Qt.Key.Key_Tab)
        assert focused() is widget, (expected.index(widget), focused())


def test_an_enumerator_sees_the_list_read_only(qtbot: Any, village: Village) -> None:
    village.store.users.add(village.admin, "agen1", "Agen Statistik", "enumerator", PASSWORD)
    agent = village.store.users.authenticate("agen1", PASSWORD)
    _window, box = open_box(qtbot, village.store, agent)
    assert shown(box) == ["Ngasem", "Sidomulyo"]
    assert box.read_only_note.isVisible()
    assert box.read_only_note.text() == t("settings.dusun_read_only")
    assert not box.name_edit.isVisible() and not box.add_button.isVisible()
    assert not box.rename_button.isVisible() and not box.remove_button.isVisible()
    assert not box.take_buttons["Krajan"].isVisible()  # shown, but cannot be taken in
    click_name(qtbot, box, "Ngasem")
    qtbot.keyClick(focused(), Qt.Key.Key_F2)  # no editor opens
    assert focused() is box.list
    qtbot.keyClick(focused(), Qt.Key.Key_Delete)  # no question, nothing removed
    assert QApplication.activeModalWidget() is None
    assert village.store.saved_dusun_names() == ["Ngasem", "Sidomulyo"]


def test_a_refusal_from_the_core_is_one_clear_line(qtbot: Any, village: Village) -> None:
    """An operator demoted while the page is open: the core refuses, the page says why."""
    village.store.users.add(village.admin, "admin2", "Operator Dua", "admin", PASSWORD)
    second = village.store.users.authenticate("admin2", PASSWORD)
    _window, box = open_box(qtbot, village.store, second)
    village.store.users.set_role(village.admin, "admin2", "enumerator")
    click(qtbot, box.name_edit)
    qtbot.keyClicks(focused(), "Tegalrejo")
    qtbot.keyClick(focused(), Qt.Key.Key_Return)
    assert box.problem.isVisible()
    assert "tidak berwenang" in box.problem.text() and "\n" not in box.problem.text()
    assert box.result.text() == ""
    assert village.store.saved_dusun_names() == ["Ngasem", "Sidomulyo"]
    assert box.name_edit.text() == "Tegalrejo"  # what was typed is not lost
