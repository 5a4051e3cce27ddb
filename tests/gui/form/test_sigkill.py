"""SIGKILL while typing: a real process types into the questionnaire and is killed;
the next start recovers everything, including the box that was still being typed."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from desa_app.core import auth
from desa_app.core.store.facade import VillageStore
from desa_app.core.store.village import init_village
from desa_app.gui.form.editor import FormEditor
from desa_app.gui.form.recovery import pending
from desa_app.gui.session import AppSession

PASSWORD = "rahasia123"
ROOT = Path(__file__).resolve().parents[3]


@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="POSIX only")
def test_sigkill_while_typing_loses_nothing(qtbot: Any, tmp_path: Path,
                                           monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(auth, "SCRYPT_N", 2**8)
    database = tmp_path / "desa.sqlite3"
    db = init_village(database, "35.01.01.2001", "admin", "Operator", PASSWORD)
    store = VillageStore(db)
    admin = store.users.authenticate("admin", PASSWORD)
    store.users.add(admin, "agen1", "Agen Satu", "enumerator", PASSWORD)
    store.close(backup=False)

    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(ROOT)}
    child = subprocess.Popen(
        [sys.executable, str(ROOT / "tests" / "gui" / "form" / "killed_typist.py"), str(database),
         "agen1", PASSWORD], stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env,
        text=True)
    try:
        assert child.stdout is not None
        line = child.stdout.readline()
        assert line.strip() == "READY", child.stderr.read() if child.stderr else line
    finally:
        child.send_signal(signal.SIGKILL)
        child.wait(timeout=30)
    assert child.returncode == -signal.SIGKILL

    store = VillageStore(__import__("desa_app.core.store.database", fromlist=["x"])
                         .open_database(database))
    try:
        session = AppSession(store, store.users.authenticate("agen1", PASSWORD))
        left = pending(database, "agen1")
        assert len(left) == 1
        assert left[0].answers["no_kk"] == "3501011502150003"
        assert left[0].pending == {"name": "nama_kk", "key": [], "text": "Sedang Diket"}
        editor = FormEditor(session)
        qtbot.addWidget(editor)
        editor.load(left[0].record_id, recovered=left[0])
        assert editor.state.answer("no_kk") == "3501011502150003"
        assert editor.state.answer("nama_kk") == "Sedang Diket"  # the box being typed
        assert editor.dirty
    finally:
        store.close(backup=False)
