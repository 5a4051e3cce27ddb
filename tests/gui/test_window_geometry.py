"""The main window fits the screen's available area (the taskbar excluded), opens
maximized on first start, and comes back as it was closed if that still fits a screen.
Runs offscreen and under Xvfb (``xvfb-run -a -s "-screen 0 1366x768x24"`` with
``QT_QPA_PLATFORM=xcb``)."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from desa_app.core.store.facade import VillageStore
from desa_app.gui import page_list
from desa_app.gui.app import build_window
from desa_app.gui.main_window import MainWindow
from desa_app.gui.qt import QApplication, QtCore
from desa_app.gui.session import AppSession
from desa_app.gui.settings import CONFIG_ENV, AppSettings, config_dir

from .village import PASSWORD

SMALL_PAGES = tuple(entry for entry in page_list.PAGES
                    if entry.nav_key in ("nav.home", "nav.settings"))
"""Two pages with small minimum sizes, so the window fits the 800×800 offscreen screen."""

Opener = Callable[[], MainWindow]


@pytest.fixture
def open_window(store: VillageStore, qtbot: Any, tmp_path: Path,
                monkeypatch: pytest.MonkeyPatch) -> Iterator[Opener]:
    """Opens the admin's window as ``app.run`` does, with the settings read from a private
    config folder each time (a new start); closes the windows while it is still set."""
    monkeypatch.setenv(CONFIG_ENV, str(tmp_path / "config"))
    windows: list[MainWindow] = []

    def opener() -> MainWindow:
        session = AppSession(store, store.users.authenticate("admin", PASSWORD),
                             AppSettings.load())
        window = MainWindow(session, SMALL_PAGES)
        qtbot.addWidget(window)
        windows.append(window)
        window.show_placed()
        qtbot.waitExposed(window)
        qtbot.wait(50)
        return window

    yield opener
    for window in windows:
        window.close()
        window.remembers_geometry = False


def available(window: MainWindow) -> QtCore.QRect:
    screen = window.screen() or QApplication.primaryScreen()
    assert screen is not None
    return screen.availableGeometry()


def saved() -> dict[str, str]:
    data: dict[str, str] = json.loads((config_dir() / "settings.json").read_text("utf-8"))
    return data


def assert_status_bar_shown(window: MainWindow) -> None:
    bar = window.statusBar()
    assert bar.isVisible()
    assert window.rect().contains(bar.geometry()), (window.rect(), bar.geometry())


def test_first_start_is_maximized_within_the_available_area(open_window: Opener) -> None:
    window = open_window()
    assert window.isMaximized()
    assert available(window).contains(window.geometry())
    assert_status_bar_shown(window)


def test_closing_keeps_the_geometry_and_the_next_start_restores_it(
        open_window: Opener, qtbot: Any) -> None:
    window = open_window()
    window.showNormal()
    area = available(window)
    rect = QtCore.QRect(area.x() + 20, area.y() + 30, 520, 410)
    window.setGeometry(rect)
    qtbot.waitUntil(lambda: window.geometry() == rect)
    window.close()
    data = saved()
    assert data["window_geometry"] == f"{rect.x()},{rect.y()},520,410"
    assert data["window_maximized"] == "0"
    again = open_window()
    assert not again.isMaximized()
    assert again.geometry() == rect
    again.showMaximized()
    qtbot.waitUntil(again.isMaximized)
    again.close()
    assert saved()["window_maximized"] == "1"
    third = open_window()
    assert third.isMaximized()
    assert third.normalGeometry() == rect  # un-maximizing goes back there


def test_a_saved_place_off_every_screen_opens_maximized(open_window: Opener) -> None:
    """A laptop unplugged from the projector the window was on."""
    settings = AppSettings.load()
    settings.window_geometry = "5000,4000,520,410"
    settings.window_maximized = "0"
    settings.save()
    window = open_window()
    assert window.isMaximized()
    assert available(window).contains(window.geometry())


@pytest.mark.parametrize("value", ["", "rusak", "1,2,3", "10,10,0,0"])
def test_a_missing_or_bad_saved_place_opens_maximized(open_window: Opener,
                                                      value: str) -> None:
    settings = AppSettings.load()
    settings.window_geometry = value
    settings.window_maximized = "0"
    settings.save()
    assert open_window().isMaximized()


def test_older_settings_files_still_load(tmp_path: Path,
                                         monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(CONFIG_ENV, str(tmp_path))
    (tmp_path / "settings.json").write_text(json.dumps(
        {"database": "/data/desa.sqlite3", "language": "en", "last_user": "admin",
         "from_the_future": 1}), encoding="utf-8")
    settings = AppSettings.load()
    assert (settings.database, settings.language, settings.last_user) == (
        "/data/desa.sqlite3", "en", "admin")
    assert settings.window_geometry == settings.window_maximized == ""


@pytest.mark.parametrize("username", ["admin", "agen1", "tim1", "bps1", "kominfo1"])
def test_every_page_fits_1366_by_728(store: VillageStore, qtbot: Any,
                                     username: str) -> None:
    """1366×768 with a 40-px taskbar: no page may make the window bigger, and the status
    bar stays inside the window at that size (the three questionnaires included)."""
    window, host = build_window(
        AppSession(store, store.users.authenticate(username, PASSWORD)))
    qtbot.addWidget(window)
    for instrument_id in ("ddk", "potensi", "perkembangan"):
        host.ensure_editor(instrument_id)
    hint = window.minimumSizeHint()
    assert hint.width() <= 1366 and hint.height() <= 728, hint
    window.setGeometry(0, 0, 1366, 728)
    window.show()
    qtbot.waitExposed(window)
    for nav_key in window.pages:
        window.show_page(nav_key)
        qtbot.wait(10)
        assert window.width() <= 1366 and window.height() <= 728, (nav_key, window.size())
        assert_status_bar_shown(window)
