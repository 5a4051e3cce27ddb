"""Render the main screens at 1366×768 into PNG files (``make screenshots``).

Runs offscreen on a freshly built demo village, so the pictures in the README always
show the current screens with realistic data, and anyone can look at them for clipped
or unreadable widgets without a display.
"""

from __future__ import annotations

import sys
import tempfile
from datetime import date
from pathlib import Path
from typing import Any

SIZE = (1366, 768)
DEMO_SEARCH = "widoro"  # what the wizard shows being typed


def _grab(widget: Any, path: Path, app: Any) -> None:
    widget.show()
    for _ in range(5):
        app.processEvents()
    widget.grab().save(str(path))
    print(f"  {path}")


def main(out: Path) -> int:
    import os

    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    work = Path(tempfile.mkdtemp(prefix="desa-shots-"))
    os.environ.setdefault("DESA_APP_CONFIG_DIR", str(work / "config"))
    from desa_app.core.demo.build import DEMO_PASSWORD, build_demo_village
    from desa_app.core.store.facade import VillageStore
    from desa_app.core.workflow import Status
    from desa_app.gui.app import build_window
    from desa_app.gui.qt import QApplication
    from desa_app.gui.session import AppSession
    from desa_app.gui.verification.page import VerificationPage

    app = QApplication.instance() or QApplication(sys.argv)
    out.mkdir(parents=True, exist_ok=True)
    path = work / "demo.sqlite3"
    build_demo_village(path, 300, seed=5, today=date(2026, 11, 23))
    store = VillageStore.open(path)
    actor = store.users.authenticate("agen1", DEMO_PASSWORD)
    session = AppSession(store, actor)
    print("Tangkapan layar:")

    from desa_app.gui.setup_wizard import SetupWizard
    wizard = SetupWizard()
    wizard.resize(860, 620)
    wizard.village_page.search_edit.setText(DEMO_SEARCH)
    wizard.village_page.timer.start()  # as after typing
    import time

    deadline = time.monotonic() + 10
    while wizard.village_page.results.count() == 0 and time.monotonic() < deadline:
        app.processEvents()  # the search runs in the background
    wizard.village_page.results.setCurrentRow(0)
    _grab(wizard, out / "01-wizard-desa.png", app)
    wizard.close()

    from desa_app.gui.login import LoginDialog
    login = LoginDialog(store, "agen1")
    _grab(login, out / "02-login.png", app)
    login.close()

    window, host = build_window(session)
    window.resize(*SIZE)
    _grab(window, out / "03-beranda.png", app)
    window.show_page("nav.households")
    _grab(window, out / "04-daftar-keluarga.png", app)
    drafts = store.queries.page(actor, status=Status.DRAFT, limit=50).rows
    record = max(drafts, key=lambda r: r.member_count)
    editor = host.open_record(record.id)
    _grab(window, out / "05-formulir-identitas.png", app)
    editor.show_section("keluarga")
    _grab(window, out / "06-formulir-bagian-1.png", app)
    editor.show_section("anggota")
    _grab(window, out / "07-formulir-anggota.png", app)
    editor.request_close()
    app.processEvents()
    _typing_shots(window, host, out, app)
    window.show_page("nav.settings")
    _grab(window, out / "08-pengaturan.png", app)
    _profil_shots(window, host, session, out, app)
    window.hide()

    tim = AppSession(store, store.users.authenticate("tim1", DEMO_PASSWORD))
    window, host = build_window(tim)
    window.resize(*SIZE)
    page = window.show_page("nav.verification")
    assert isinstance(page, VerificationPage)
    _grab(window, out / "09-verifikasi-antrean.png", app)
    page.queue.setCurrentCell(0, 0)
    page.open_selected()
    _grab(window, out / "10-verifikasi-tinjau.png", app)
    window.hide()

    admin = AppSession(store, store.users.authenticate("admin", DEMO_PASSWORD))
    window, host = build_window(admin)
    window.resize(*SIZE)
    _grab(window, out / "11-beranda-operator.png", app)
    window.show_page("nav.desa_cantik")
    _grab(window, out / "12-desa-cantik.png", app)
    window.show_page("nav.export")
    _grab(window, out / "13-ekspor.png", app)
    window.hide()
    store.close(backup=False)
    return 0


def _keys(app: Any, text: str) -> None:
    """Type as a person does: each key to the widget that has the focus."""
    from desa_app.gui.qt import QApplication, qtest

    for char in text:
        qtest().keyClicks(QApplication.focusWidget(), char)
        app.processEvents()


def _key(app: Any, key: Any, modifier: Any = None) -> None:
    from desa_app.gui.qt import QApplication, Qt, qtest

    qtest().keyClick(QApplication.focusWidget(), key,
                   modifier or Qt.KeyboardModifier.NoModifier)
    app.processEvents()


def _typing_shots(window: Any, host: Any, out: Path, app: Any) -> None:
    """A new household being typed: a code's meaning shown while typing, a refused
    code with the valid ones, a table cell by cell, a member just added with Ctrl+M."""
    from desa_app.gui.qt import QApplication, Qt

    window.activateWindow()
    while QApplication.activeWindow() is not window:
        app.processEvents()
    editor = host.new_record()
    app.processEvents()
    editor.autosave.stop()
    _keys(app, "3501011502150003")
    _key(app, Qt.Key.Key_Tab)
    _keys(app, "Suparman")
    _key(app, Qt.Key.Key_Tab)
    editor.go_to_number("1.4")
    _keys(app, "2")
    _key(app, Qt.Key.Key_Tab)
    _keys(app, "1 3")
    _grab(window, out / "17-mengetik-tabel.png", app)
    _key(app, Qt.Key.Key_Tab)
    editor.go_to_number("1.5")
    _keys(app, "0.5")
    _key(app, Qt.Key.Key_Tab)
    _grab(window, out / "18-kode-ditolak.png", app)
    _key(app, Qt.Key.Key_Escape)
    _key(app, Qt.Key.Key_M, Qt.KeyboardModifier.ControlModifier)
    _grab(window, out / "19-anggota-baru.png", app)
    editor.go_to_number("2.1.14")
    _keys(app, "tamat s")
    _grab(window, out / "20-pilihan-diketik.png", app)
    editor.load(None)  # a screenshot, not work to keep
    editor.autosave.stop()
    if editor.journal is not None:
        editor.journal.discard()
    editor.request_close()
    app.processEvents()


def _village_typing_shot(window: Any, editor: Any, out: Path, app: Any) -> None:
    """A Perkembangan table typed cell by cell, and the F1 card over the form."""
    from desa_app.core.instrument.model import Matrix
    from desa_app.gui.form.typing_aids import KeyboardHelp
    from desa_app.gui.qt import Qt

    table = next(node for node in editor.instrument.order if isinstance(node, Matrix)
                 and any(c.list_name for c in node.columns))
    editor.go_to_node(table.name)
    _keys(app, "1")
    _key(app, Qt.Key.Key_Tab)
    _keys(app, "12,5")
    _grab(window, out / "21-perkembangan-tabel.png", app)
    _key(app, Qt.Key.Key_Escape)
    card = KeyboardHelp(editor)
    _grab(card, out / "22-bantuan-f1.png", app)
    card.close()
    editor.autosave.stop()


def _profil_shots(window: Any, host: Any, session: Any, out: Path, app: Any) -> None:
    """Profil Desa: the list, Potensi's ages counted from DDK, and the confirmation of a
    recount after a figure was typed by hand."""
    from desa_app.core.profil import refresh
    from desa_app.gui.form.ddk_dialog import DdkDialog

    page = window.show_page("nav.profile")
    _grab(window, out / "14-profil-desa.png", app)
    actor = session.actor
    rows = {row.instrument_id: row for row in session.profil.rows(actor)}
    editor = host.open_record(rows["potensi"].record_id)
    editor.show_section("sdm_jumlah")
    _grab(window, out / "15-potensi-dari-ddk.png", app)
    editor.request_close()
    editor = host.open_record(rows["perkembangan"].record_id)  # a draft: typed into
    _village_typing_shot(window, editor, out, app)
    editor.load(rows["perkembangan"].record_id)  # what the shot typed is not kept
    figures = session.profil.ddk_figures(actor, editor.instrument, editor.record_year())
    emptied, typed = [name for name, value in figures.values.items() if value][:2]
    editor.on_edit(typed, (), int(figures.values[typed]) + 2)  # corrected by hand
    editor.on_edit(emptied, (), None)  # and one figure still empty
    dialog = DdkDialog(editor, figures, refresh.compare(editor.state, figures.values))
    dialog.resize(1000, 420)
    _grab(dialog, out / "16-hitung-dari-ddk.png", app)
    dialog.close()
    editor.dirty = False  # a screenshot, not work to keep
    editor.request_close()
    app.processEvents()
    page.refresh()


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1] if len(sys.argv) > 1 else "docs/screenshots")))
