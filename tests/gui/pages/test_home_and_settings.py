"""Beranda and Pengaturan on a small real village, inside the real main window."""

from __future__ import annotations

import copy
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from desa_app.core.store import backup as B
from desa_app.core.store.facade import VillageStore
from desa_app.core.store.users import Actor
from desa_app.core.store.village import init_village
from desa_app.gui import worker
from desa_app.gui.i18n import t
from desa_app.gui.main_window import MainWindow
from desa_app.gui.pages.home import HomePage
from desa_app.gui.pages.settings_page import SettingsPage
from desa_app.gui.qt import Qt
from desa_app.gui.session import AppSession
from desa_app.gui.settings import AppSettings

from ..village import EXAMPLE, PASSWORD

pytestmark = pytest.mark.usefixtures("home_and_settings_only")


def household(serial: int) -> dict:
    """The example household with NIKs and No. KK of its own."""
    answers = copy.deepcopy(EXAMPLE)
    for number, member in enumerate(answers["anggota"]):
        member["nik"] = member["nik"][:12] + f"{1000 + serial * 10 + number:04d}"
    answers["no_kk"] = answers["no_kk"][:12] + f"{2000 + serial:04d}"
    return answers


@dataclass
class Village:
    store: VillageStore
    admin: Actor
    path: Path


@pytest.fixture
def village(tmp_path: Path, qtbot) -> Iterator[Village]:
    """Three households: two drafts, one submitted to the Tim."""
    path = tmp_path / "desa.sqlite3"
    store = VillageStore(init_village(path, "35.01.01.2001", "admin", "Operator Desa",
                                      PASSWORD))
    admin = store.users.authenticate("admin", PASSWORD)
    ids = [store.records.create(admin, "ddk", household(n)).id for n in range(3)]
    store.records.submit(admin, ids[0])
    yield Village(store, admin, path)
    qtbot.waitUntil(lambda: not worker._running, timeout=20000)
    store.close(backup=False)


def open_window(qtbot, village: Village) -> MainWindow:
    window = MainWindow(AppSession(village.store, village.admin, AppSettings.load()))
    qtbot.addWidget(window)
    window.show()
    return window


def test_home_shows_the_village_its_counts_and_the_role(qtbot, village: Village) -> None:
    window = open_window(qtbot, village)
    home = window.pages["nav.home"]
    assert isinstance(home, HomePage)
    qtbot.waitUntil(lambda: home.total_label.text() == "3")
    shown = {status.value: label.text() for status, label in home.count_labels.items()}
    assert shown == {"draft": "2", "submitted": "1", "returned": "0", "verified": "0",
                     "entered": "0"}
    texts = [label.text() for label in home.findChildren(type(home.total_label))]
    assert "Desa Widoro" in texts
    assert any("Donorojo" in text and "Pacitan" in text for text in texts)
    assert any(t("role.admin") in text and "Operator Desa" in text for text in texts)
    village.store.records.create(village.admin, "ddk", household(7))
    qtbot.keyClick(home.refresh_button, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: home.total_label.text() == "4")
    assert home.count_labels[next(iter(home.count_labels))].text() == "3"
    assert home.shortcut_buttons["nav.settings"].isVisible()
    assert not home.shortcut_buttons["nav.households"].isVisible()  # page not in this window
    qtbot.keyClick(home.shortcut_buttons["nav.settings"], Qt.Key.Key_Space)
    assert window.stack.currentWidget() is window.pages["nav.settings"]


def test_the_language_choice_is_saved_for_the_next_start(qtbot, village: Village) -> None:
    window = open_window(qtbot, village)
    page = window.show_page("nav.settings")
    assert isinstance(page, SettingsPage)
    assert page.language_combo.currentData() == "id"
    qtbot.keyClick(page.language_combo, Qt.Key.Key_Down)
    assert page.language_combo.currentData() == "en"
    assert AppSettings.load().language == "en"
    assert page.language_note.text() == t("settings.language_saved")


def test_the_backup_button_writes_a_file(qtbot, village: Village) -> None:
    window = open_window(qtbot, village)
    page = window.show_page("nav.settings")
    assert isinstance(page, SettingsPage)
    assert page.encrypted_label.text() == t("settings.encrypted_no")
    assert str(village.path) in page.path_label.text()
    before = B.list_backups(village.path)
    assert page.backup_button.isVisible()
    qtbot.keyClick(page.backup_button, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: bool(page.backup_result.text()), timeout=20000)
    after = B.list_backups(village.path)
    assert len(after) == len(before) + 1
    written = after[0].path
    assert written.is_file() and written.stat().st_size > 0
    assert str(written) in page.backup_result.text()
    assert written.name in page.last_backup_label.text()
    assert after[0].taken_at.strftime("%H:%M") in window.database_label.text()


def test_backup_is_hidden_from_a_role_that_may_not(qtbot, village: Village) -> None:
    village.store.users.add(village.admin, "bps1", "Pembina", "pembina", PASSWORD)
    pembina = village.store.users.authenticate("bps1", PASSWORD)
    window = MainWindow(AppSession(village.store, pembina, AppSettings.load()))
    qtbot.addWidget(window)
    window.show()
    page = window.show_page("nav.settings")
    assert isinstance(page, SettingsPage)
    assert not page.backup_button.isVisible()


def test_changing_ones_own_password(qtbot, village: Village) -> None:
    window = open_window(qtbot, village)
    page = window.show_page("nav.settings")
    assert isinstance(page, SettingsPage)
    qtbot.keyClicks(page.old_edit, "bukan-yang-lama")
    qtbot.keyClicks(page.new_edit, "baru12345")
    qtbot.keyClicks(page.again_edit, "baru1234")
    assert page.password_problem.isHidden()  # still typing: no complaint yet
    assert not page.password_button.isEnabled()
    qtbot.keyClick(page.again_edit, Qt.Key.Key_X)
    assert page.password_problem.text() == t("settings.password_mismatch")
    qtbot.keyClick(page.again_edit, Qt.Key.Key_Backspace)
    qtbot.keyClick(page.again_edit, Qt.Key.Key_5)
    assert page.password_button.isEnabled()
    qtbot.keyClick(page.again_edit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: page.password_problem.text() == "Kata sandi lama salah.")
    assert page.old_edit.text() == ""
    qtbot.keyClicks(page.old_edit, PASSWORD)
    qtbot.keyClick(page.old_edit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: page.password_result.text() == t("settings.password_done"))
    assert village.store.users.authenticate("admin", "baru12345").username == "admin"
