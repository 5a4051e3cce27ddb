"""Run as a process by test_sigkill.py: type into a household, then wait to be killed.

It types the No KK and Tab, then half a name without Tab, and prints READY once the
journal timer has had its second; the test then sends SIGKILL. Keys go to the focused
widget through QTest, exactly as in the other GUI tests.
"""

from __future__ import annotations

import os
import sys
import time

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def main(database: str, username: str, password: str) -> None:
    from PySide6.QtTest import QTest

    from desa_app.core.store.database import open_database
    from desa_app.core.store.facade import VillageStore
    from desa_app.gui.form.editor import FormEditor
    from desa_app.gui.qt import QApplication, Qt
    from desa_app.gui.session import AppSession

    app = QApplication([])
    store = VillageStore(open_database(database))
    session = AppSession(store, store.users.authenticate(username, password))
    editor = FormEditor(session)
    editor.resize(1366, 768)
    editor.load(None)
    editor.show()
    editor.activateWindow()
    deadline = time.monotonic() + 10
    while QApplication.activeWindow() is not editor and time.monotonic() < deadline:
        app.processEvents()
    editor.focus_first()
    for char in "3501011502150003":
        QTest.keyClicks(QApplication.focusWidget(), char)
        app.processEvents()
    QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
    for char in "Sedang Diket":
        QTest.keyClicks(QApplication.focusWidget(), char)
        app.processEvents()
    end = time.monotonic() + 1.5  # more than the journal's second, less than autosave's 3
    editor.autosave.stop()
    while time.monotonic() < end:
        app.processEvents()
        time.sleep(0.01)
    print("READY", flush=True)
    while True:  # typing goes on; the power fails now
        app.processEvents()
        time.sleep(0.01)


if __name__ == "__main__":
    main(*sys.argv[1:4])
