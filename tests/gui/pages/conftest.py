"""Fixtures of the page tests."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from desa_app.gui import page_list, worker
from desa_app.gui.i18n import set_language
from desa_app.gui.pages.home import HomePage
from desa_app.gui.pages.settings_page import SettingsPage
from desa_app.gui.settings import CONFIG_ENV


@pytest.fixture
def home_and_settings_only(monkeypatch: pytest.MonkeyPatch, tmp_path: Path,
                           qtbot: Any) -> Iterator[None]:
    """Private app settings, Indonesian, only Beranda and Pengaturan in the window; waits
    for their background work before the village is closed."""
    monkeypatch.setenv(CONFIG_ENV, str(tmp_path / "config"))
    set_language("id")
    ours = {"nav.home": HomePage, "nav.settings": SettingsPage}
    monkeypatch.setattr(page_list, "PAGES", tuple(
        entry for entry in page_list.PAGES if ours.get(entry.nav_key) is entry.factory))
    yield
    qtbot.waitUntil(lambda: not worker._running, timeout=20000)
