"""Fixtures of the questionnaire tests: agen1's session on a village with its dusun list,
and the household editor shown, active and with the cursor on its first question."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from desa_app.gui.form.editor import FormEditor
from desa_app.gui.session import AppSession

from ..village import make_village, session_of
from .editor_driving import open_editor


@pytest.fixture
def session(tmp_path: Path) -> Iterator[AppSession]:
    store = make_village(tmp_path, (("agen1", "Agen Satu", "enumerator"),),
                         dusun=["Krajan", "Ngemplak", "Sidomulyo"])
    yield session_of(store, "agen1")
    store.close(backup=False)


@pytest.fixture
def editor(qtbot: Any, session: AppSession) -> FormEditor:
    return open_editor(qtbot, session)
