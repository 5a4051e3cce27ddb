"""Desa Cantik in the GUI: the agent register and its rules, activities with photos and
PDFs (added in the background), the SOP year with lateness and output documents, targets."""

from __future__ import annotations

import struct
import zlib
from datetime import date
from pathlib import Path
from typing import Any

from desa_app.core.store.facade import VillageStore
from desa_app.gui.desa_cantik.page import DesaCantikPage
from desa_app.gui.qt import QApplication, QColor, Qt, QtCore
from desa_app.gui.session import AppSession

from ..village import PASSWORD

PDF = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"


def page_for(qtbot: Any, store: VillageStore, username: str) -> DesaCantikPage:
    page = DesaCantikPage(AppSession(store, store.users.authenticate(username, PASSWORD)))
    qtbot.addWidget(page)
    page.resize(1176, 700)
    page.show()
    return page


def tiny_png(path: Path, width: int = 8, height: int = 6) -> Path:
    """A real PNG, all red, written byte by byte (no Qt involved in making it)."""
    def chunk(kind: bytes, data: bytes) -> bytes:
        return (struct.pack(">I", len(data)) + kind + data
                + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF))
    rows = b"".join(b"\x00" + b"\xff\x00\x00" * width for _ in range(height))
    path.write_bytes(b"\x89PNG\r\n\x1a\n"
                     + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0))
                     + chunk(b"IDAT", zlib.compress(rows)) + chunk(b"IEND", b""))
    return path


def add_agent(qtbot: Any, tab: Any, name: str, kind: str, sk: str) -> None:
    tab.add_button.click()
    dialog = tab.dialog
    qtbot.keyClicks(dialog.name, name)
    dialog.kind.setCurrentIndex(dialog.kind.findData(kind))
    qtbot.keyClicks(dialog.sk_number, sk)
    qtbot.keyClicks(dialog.sk_date, "02/01/2024")
    qtbot.keyClicks(dialog.active_from, "02/01/2024")
    dialog.ok_button.click()
    assert not dialog.isVisible(), dialog.problem.text()


def test_agents_and_the_programme_rules(qtbot: Any, store: VillageStore) -> None:
    tab = page_for(qtbot, store, "admin").agents
    assert tab.rules_ok() == [False, False]
    assert "✖" in tab.rule_labels[0].text()

    tab.add_button.click()  # an impossible date keeps the dialog open, with the reason
    dialog = tab.dialog
    qtbot.keyClicks(dialog.name, "Sri Wahyuni")
    qtbot.keyClicks(dialog.sk_date, "31/02/2024")
    dialog.ok_button.click()
    assert dialog.isVisible() and "31/02/2024" in dialog.problem.text()
    dialog.reject()
    assert tab.table.rowCount() == 0

    add_agent(qtbot, tab, "Sri Wahyuni", "mitra", "141/12/2024")
    assert tab.table.rowCount() == 1 and tab.rules_ok() == [False, False]
    add_agent(qtbot, tab, "Budi Santoso", "kaur", "141/13/2024")
    assert tab.rules_ok() == [False, True]  # an aparat now, but each SK names one agent
    names = [tab.table.item(r, 0).text() for r in range(tab.table.rowCount())]
    tab.table.selectRow(names.index("Budi Santoso"))
    tab.edit_selected()
    tab.dialog.sk_number.clear()
    qtbot.keyClicks(tab.dialog.sk_number, "141/12/2024")
    tab.dialog.ok_button.click()
    assert tab.rules_ok() == [True, True]
    assert "✓" in tab.rule_labels[0].text() and "141/12/2024" in tab.rule_labels[0].text()
    assert tab.rule_labels[0].styleSheet().startswith("color: #1b7f3b")
    row = names.index("Budi Santoso")
    assert tab.table.item(row, 2).text() == "Kaur (aparat)"
    assert tab.table.item(row, 5).text() == "02/01/2024 s.d. …"

    tab.confirm = lambda title, text: True  # type: ignore[method-assign]
    tab.table.selectRow(row)
    tab.remove_selected()
    assert tab.table.rowCount() == 1 and tab.rules_ok() == [False, False]


def test_agents_by_keyboard(qtbot: Any, store: VillageStore) -> None:
    page = page_for(qtbot, store, "admin")
    page.activateWindow()
    qtbot.waitUntil(page.isActiveWindow)  # shortcuts only reach the active window
    tab = page.agents
    tab.table.setFocus()
    qtbot.keyClick(tab.table, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    dialog = tab.dialog
    assert dialog is not None
    dialog.activateWindow()  # a window manager does this; offscreen has none
    qtbot.waitUntil(lambda: QApplication.focusWidget() is dialog.name)
    qtbot.keyClicks(dialog.name, "Sri Wahyuni")
    qtbot.keyClick(dialog.name, Qt.Key.Key_Return)  # Simpan is the default button
    assert not dialog.isVisible() and tab.table.rowCount() == 1
    tab.confirm = lambda title, text: True  # type: ignore[method-assign]
    page.activateWindow()
    qtbot.waitUntil(page.isActiveWindow)
    tab.table.setFocus()
    tab.table.selectRow(0)
    qtbot.keyClick(tab.table, Qt.Key.Key_Delete)
    assert tab.table.rowCount() == 0


def test_viewer_reads_but_has_no_buttons(qtbot: Any, store: VillageStore) -> None:
    admin = store.users.authenticate("admin", PASSWORD)
    store.desa_cantik.add_agent(admin, "Sri", "staf", sk_number="1/2024")
    page = page_for(qtbot, store, "kominfo1")
    assert page.agents.table.rowCount() == 1
    for button in (page.agents.add_button, page.agents.edit_button,
                   page.agents.remove_button, page.activities.add_button,
                   page.activities.strip.attach_button, page.sop.plan_button,
                   page.sop.edit_button, page.sop.set_target_button.parentWidget()):
        assert button.isHidden()
    page.agents.table.selectRow(0)
    page.agents.edit_selected()
    assert page.agents.dialog is None


def test_activity_with_photo_and_pdf(qtbot: Any, store: VillageStore, tmp_path: Path) -> None:
    page = page_for(qtbot, store, "agen1")
    page.tabs.setCurrentWidget(page.activities)
    tab = page.activities
    tab.add_button.click()
    dialog = tab.dialog
    dialog.kind.setCurrentIndex(dialog.kind.findData("sosialisasi"))
    qtbot.keyClicks(dialog.place, "Balai desa")
    qtbot.keyClicks(dialog.summary, "Sosialisasi pendataan Profil Desa kepada ketua RT.")
    dialog.ok_button.click()
    assert tab.table.rowCount() == 1 and tab.table.item(0, 2).text() == "Balai desa"
    strip = tab.strip

    strip.attach_file(tiny_png(tmp_path / "foto.png"))
    assert not strip.busy_label.isHidden()  # busy while the file is stored
    qtbot.waitUntil(lambda: strip.list.count() == 1 and not strip.busy.active
                    and not strip.loading)
    assert strip.busy_label.isHidden()
    icon = strip.list.item(0).icon().pixmap(QtCore.QSize(120, 120)).toImage()
    assert icon.pixelColor(icon.width() // 2, icon.height() // 2) == QColor(255, 0, 0)

    (tmp_path / "notulen.pdf").write_bytes(PDF)
    strip.attach_file(tmp_path / "notulen.pdf")
    qtbot.waitUntil(lambda: strip.list.count() == 2 and not strip.busy.active
                    and not strip.loading)
    assert strip.list.item(1).text() == "notulen.pdf"
    assert tab.table.item(0, 4).text() == "2"

    (tmp_path / "catatan.txt").write_text("bukan gambar")
    strip.attach_file(tmp_path / "catatan.txt")
    qtbot.waitUntil(lambda: not strip.busy.active)
    assert not strip.problem.isHidden() and "catatan.txt" in strip.problem.text()

    opened: list[Path] = []
    strip.launch = opened.append  # type: ignore[method-assign]
    strip.list.setCurrentRow(1)
    strip.open_selected()
    qtbot.waitUntil(lambda: bool(opened))
    assert opened[0].name.endswith("notulen.pdf") and opened[0].read_bytes() == PDF

    strip.confirm = lambda title, text: True  # type: ignore[method-assign]
    strip.remove_selected()
    qtbot.waitUntil(lambda: strip.list.count() == 1 and not strip.loading)
    assert strip.list.item(0).text() == "foto.png" and tab.table.item(0, 4).text() == "1"

    other = page_for(qtbot, store, "bps1").activities  # reads, cannot add
    assert other.table.rowCount() == 1 and other.add_button.isHidden()
    qtbot.waitUntil(lambda: other.strip.list.count() == 1 and not other.strip.loading)
    assert other.strip.attach_button.isHidden() and other.strip.remove_button.isHidden()


def test_sop_year_lateness_documents_and_targets(qtbot: Any, store: VillageStore,
                                                 tmp_path: Path) -> None:
    tab = page_for(qtbot, store, "admin").sop
    year = date.today().year - 1  # a year that is over: actual dates may lie in it
    tab.year.setValue(year)
    assert tab.table.rowCount() == 8 and tab.table.item(0, 3).text() == ""
    tab.start.setDate(date(year, 1, 6))
    tab.plan_button.click()
    assert tab.table.item(0, 3).text() == f"06/01/{year}"
    assert tab.table.item(0, 4).text() == f"07/01/{year}"

    tab.table.selectRow(0)
    tab.edit_selected()
    qtbot.keyClicks(tab.dialog.fields["actual_start"], f"06/01/{year}")
    qtbot.keyClicks(tab.dialog.fields["actual_end"], f"15/01/{year}")
    tab.dialog.ok_button.click()
    assert tab.table.item(0, 6).text() == f"15/01/{year}"
    assert tab.table.item(0, 7).text() == "terlambat 8 hari"
    assert tab.table.item(0, 7).foreground().color() == QColor("#b00020")

    (tmp_path / "sk_tim.pdf").write_bytes(PDF)
    tab.table.selectRow(0)
    tab.strip.attach_file(tmp_path / "sk_tim.pdf")
    qtbot.waitUntil(lambda: tab.strip.list.count() == 1 and not tab.strip.loading)
    assert tab.table.item(0, 8).text() == "1" and tab.strip.list.item(0).text() == "sk_tim.pdf"

    tab.dusun.setCurrentText("Krajan")
    tab.households.setValue(120)
    tab.set_target_button.click()
    qtbot.keyClicks(tab.rt, "2")
    tab.households.setValue(40)
    tab.set_target_button.click()
    assert [tab.target_table.item(r, 1).text() for r in range(2)] == ["semua", "002"]
    tab.rt.clear()
    tab.rt.setText("abc")
    tab.set_target_button.click()
    assert not tab.target_problem.isHidden()
    tab.confirm = lambda title, text: True  # type: ignore[method-assign]
    tab.target_table.selectRow(1)
    tab.remove_target_button.click()
    assert tab.target_table.rowCount() == 1
