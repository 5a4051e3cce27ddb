"""The session's change broadcast: what one screen stores, the others show, without
anyone calling their refresh. Driven like a person (keys to the focused widget, clicks
on the navigation), checked against what core stored."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from desa_app.core.store.facade import VillageStore
from desa_app.core.workflow import Status
from desa_app.gui import worker
from desa_app.gui.app import build_window
from desa_app.gui.pages.home import HomePage
from desa_app.gui.pages.households import HouseholdPage
from desa_app.gui.qt import QApplication, Qt
from desa_app.gui.session import AppSession, Change

from .form.editor_driving import ctrl, enter_household
from .form.typist import show_active
from .village import PASSWORD


@pytest.fixture
def app_window(qtbot: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
               ) -> Iterator[tuple[Any, Any, AppSession]]:
    monkeypatch.setenv("DESA_APP_CONFIG_DIR", str(tmp_path / "config"))
    store = VillageStore.create(tmp_path / "desa.sqlite3", "35.01.01.2001", "admin",
                                "Operator", PASSWORD)
    admin = store.users.authenticate("admin", PASSWORD)
    store.users.add(admin, "agen1", "Agen Satu", "enumerator", PASSWORD)
    store.set_dusun_names(admin, ["Krajan", "Ngemplak"])
    session = AppSession(store, store.users.authenticate("agen1", PASSWORD))
    window, host = build_window(session)
    show_active(qtbot, window)
    yield window, host, session
    qtbot.waitUntil(lambda: not worker._running, timeout=20_000)
    store.close(backup=False)


def click_navigation(qtbot: Any, window: Any, nav_key: str) -> Any:
    """Click the page's entry in the navigation, as a person does."""
    navigation = window.navigation
    for row in range(navigation.count()):
        item = navigation.item(row)
        if item.data(Qt.ItemDataRole.UserRole) == nav_key:
            rect = navigation.visualItemRect(item)
            qtbot.mouseClick(navigation.viewport(), Qt.MouseButton.LeftButton,
                             pos=rect.center())
            return window.pages[nav_key]
    raise KeyError(nav_key)


def test_a_saved_household_shows_in_the_list_and_on_beranda(
        qtbot: Any, app_window: Any) -> None:
    window, host, session = app_window
    home = window.pages["nav.home"]
    assert isinstance(home, HomePage)
    qtbot.waitUntil(lambda: not home.loading, timeout=20_000)
    assert home.total_label.text() == "0"
    households = click_navigation(qtbot, window, "nav.households")
    assert isinstance(households, HouseholdPage) and households.model.total == 0
    households.search.setFocus()
    with qtbot.waitSignal(households.new_requested):
        ctrl(qtbot, Qt.Key.Key_N)
    editor = host.editor
    assert editor is not None and window.stack.currentWidget() is editor
    qtbot.waitUntil(lambda: QApplication.focusWidget() is not None)
    enter_household(qtbot)
    with qtbot.waitSignal(editor.saved, timeout=10_000):
        ctrl(qtbot, Qt.Key.Key_S)
    qtbot.waitUntil(lambda: not editor.saving)

    stored = session.store.queries.page(session.actor)
    assert stored.total == 1 and stored.rows[0].nama_kk == "Suparman"
    # the list, hidden behind the editor and never shown again, is already current
    assert window.stack.currentWidget() is editor
    assert households.model.total == 1
    assert households.model.record_id(0) == editor.record_id

    with qtbot.waitSignal(editor.closed, timeout=10_000):
        ctrl(qtbot, Qt.Key.Key_W)
    assert click_navigation(qtbot, window, "nav.home") is home
    qtbot.waitUntil(lambda: home.total_label.text() == "1", timeout=20_000)
    assert home.count_labels[Status.DRAFT].text() == "1"


def test_pages_listen_to_their_topics(qtbot: Any, app_window: Any) -> None:
    """A broadcast reaches the page on screen; one about something else does not make
    it read again."""
    window, _host, session = app_window
    home = click_navigation(qtbot, window, "nav.home")
    qtbot.waitUntil(lambda: not home.loading, timeout=20_000)
    admin = session.store.users.authenticate("admin", PASSWORD)
    session.store.targets.set_target(admin, "Krajan", "", 40)
    session.announce(Change.BACKUP)  # not Beranda's business
    assert not home.loading
    session.announce(Change.TARGETS)
    assert home.loading  # reading the figures again
    qtbot.waitUntil(lambda: not home.loading, timeout=20_000)
    assert home.progress is not None
    assert [(d.dusun, d.target) for d in home.progress.dusun] == [("Krajan", 40)]
