"""Pengguna: the admin adds, deactivates and changes accounts by keyboard and mouse, and
the core holds the result (logins work or are refused, roles are stored)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from desa_app.core.errors import AuthError
from desa_app.core.messages import text
from desa_app.core.store.facade import VillageStore
from desa_app.core.workflow import Role
from desa_app.gui import page_list, worker
from desa_app.gui.i18n import set_language, t
from desa_app.gui.page import Page
from desa_app.gui.pages.users_dialogs import AddAccountDialog, EditAccountDialog
from desa_app.gui.pages.users_page import UsersPage
from desa_app.gui.qt import QApplication, Qt
from desa_app.gui.session import AppSession

from ..village import PASSWORD, session_of

NEW_PASSWORD = "sandi-baru-77"


class NoWindow:
    def show_page(self, nav_key: str) -> Page:
        raise KeyError(nav_key)

    def has_page(self, nav_key: str) -> bool:
        return False


@pytest.fixture
def page(qtbot: Any, store: VillageStore) -> Iterator[UsersPage]:
    set_language("id")
    shown = UsersPage(session_of(store, "admin"), NoWindow())
    qtbot.addWidget(shown)
    shown.resize(1000, 600)
    shown.show()
    shown.activateWindow()
    qtbot.waitUntil(shown.isActiveWindow)
    yield shown
    qtbot.waitUntil(lambda: not worker._running, timeout=20000)


def type_here(qtbot: Any, keys: str) -> None:
    widget = QApplication.focusWidget()
    assert widget is not None
    qtbot.keyClicks(widget, keys)


def tab(qtbot: Any) -> None:
    widget = QApplication.focusWidget()
    assert widget is not None
    qtbot.keyClick(widget, Qt.Key.Key_Tab)


def open_dialog(qtbot: Any, page: UsersPage) -> Any:
    qtbot.waitUntil(lambda: page.dialog is not None and page.dialog.isVisible())
    dialog = page.dialog
    assert dialog is not None
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    return dialog


def wait_done(qtbot: Any, page: UsersPage) -> None:
    qtbot.waitUntil(lambda: not page.working.active and not worker._running, timeout=20000)


def add_by_typing(qtbot: Any, page: UsersPage, username: str, name: str, role_typed: str,
                  password: str) -> None:
    qtbot.mouseClick(page.add_button, Qt.MouseButton.LeftButton)
    dialog = open_dialog(qtbot, page)
    assert isinstance(dialog, AddAccountDialog)
    assert QApplication.focusWidget() is dialog.username_edit
    type_here(qtbot, username)
    tab(qtbot)
    type_here(qtbot, name)
    tab(qtbot)
    type_here(qtbot, role_typed)
    tab(qtbot)
    type_here(qtbot, password)
    tab(qtbot)
    type_here(qtbot, password)
    assert dialog.save_button.text() == "&Simpan"
    assert dialog.cancel_button.text() == "&Batal"
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    wait_done(qtbot, page)


def row_of(page: UsersPage, username: str) -> int:
    return [user.username for user in page.users].index(username)


def test_admin_adds_an_agen_and_a_tim_account(qtbot: Any, page: UsersPage,
                                              store: VillageStore) -> None:
    add_by_typing(qtbot, page, "agen2", "Siti Aminah", "Agen", "agen-sandi-1")
    assert page.status.text() == t("users.added", username="agen2",
                                   role="Agen Statistik / Pokja")
    add_by_typing(qtbot, page, "tim2", "Budi Santoso", "Tim", "tim-sandi-22")
    assert "tim2" in page.status.text()
    assert not page.problem.isVisible()
    agen = store.users.authenticate("agen2", "agen-sandi-1")
    tim = store.users.authenticate("tim2", "tim-sandi-22")
    assert (agen.role, agen.display_name) == (Role.ENUMERATOR, "Siti Aminah")
    assert (tim.role, tim.display_name) == (Role.VERIFIER, "Budi Santoso")
    listed = page.table.item(row_of(page, "tim2"), 1)
    assert listed is not None and listed.text() == "Budi Santoso"


def test_mismatched_passwords_keep_the_dialog_open(qtbot: Any, page: UsersPage,
                                                   store: VillageStore) -> None:
    qtbot.mouseClick(page.add_button, Qt.MouseButton.LeftButton)
    dialog = open_dialog(qtbot, page)
    for keys in ("agen3", "Agen Tiga", "Agen", "sandi-satu-1", "sandi-dua-22"):
        type_here(qtbot, keys)
        tab(qtbot)
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert dialog.isVisible()
    assert dialog.problem.text() == t("users.password_mismatch")
    qtbot.mouseClick(dialog.cancel_button, Qt.MouseButton.LeftButton)
    assert "agen3" not in [user.username for user in store.users.list(page.session.actor)]


def test_deactivate_refuses_the_login_and_reactivate_allows_it(
        qtbot: Any, page: UsersPage, store: VillageStore) -> None:
    page.select("agen1")
    qtbot.mouseClick(page.active_button, Qt.MouseButton.LeftButton)
    wait_done(qtbot, page)
    assert page.status.text() == t("users.deactivated", username="agen1")
    with pytest.raises(AuthError):
        store.users.authenticate("agen1", PASSWORD)
    assert page.active_button.text() == t("users.activate")
    qtbot.mouseClick(page.active_button, Qt.MouseButton.LeftButton)
    wait_done(qtbot, page)
    assert store.users.authenticate("agen1", PASSWORD).username == "agen1"


def test_the_last_admin_cannot_be_deactivated(qtbot: Any, page: UsersPage,
                                              store: VillageStore) -> None:
    page.select("admin")
    qtbot.mouseClick(page.active_button, Qt.MouseButton.LeftButton)
    wait_done(qtbot, page)
    assert page.problem.isVisible()
    assert page.problem.text() == text("store.last_admin")
    assert "\n" not in page.problem.text()
    assert page.status.text() == ""
    assert store.users.authenticate("admin", PASSWORD).role == Role.ADMIN


def test_enter_opens_the_account_to_change_role_and_password(
        qtbot: Any, page: UsersPage, store: VillageStore) -> None:
    page.select("agen1")
    page.table.setFocus()
    qtbot.keyClick(page.table, Qt.Key.Key_Return)
    dialog = open_dialog(qtbot, page)
    assert isinstance(dialog, EditAccountDialog)
    assert QApplication.focusWidget() is dialog.role_box
    type_here(qtbot, "Tim")
    tab(qtbot)
    type_here(qtbot, NEW_PASSWORD)
    tab(qtbot)
    type_here(qtbot, NEW_PASSWORD)
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    wait_done(qtbot, page)
    assert page.status.text() == t("users.role_and_password", username="agen1",
                                   role="Tim verifikasi")
    with pytest.raises(AuthError):
        store.users.authenticate("agen1", PASSWORD)
    assert store.users.authenticate("agen1", NEW_PASSWORD).role == Role.VERIFIER


def test_the_admin_cannot_demote_itself_when_alone(qtbot: Any, page: UsersPage,
                                                   store: VillageStore) -> None:
    page.select("admin")
    qtbot.mouseClick(page.edit_button, Qt.MouseButton.LeftButton)
    dialog = open_dialog(qtbot, page)
    type_here(qtbot, "Diskominfo")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    wait_done(qtbot, page)
    assert page.problem.text() == text("store.last_admin")
    assert store.users.authenticate("admin", PASSWORD).role == Role.ADMIN


def test_only_the_admin_gets_the_page(store: VillageStore) -> None:
    available = page_list.spec("nav.users").available
    for username, expected in (("admin", True), ("agen1", False), ("tim1", False),
                               ("bps1", False), ("kominfo1", False)):
        session: AppSession = session_of(store, username)
        assert available(session) is expected, username
