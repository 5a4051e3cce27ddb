"""Pembinaan in the GUI: the pembina writes a village note and a visit with follow-ups
and ticks one done; the operator resolves the note; others do not get the page."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from desa_app.core.store.facade import VillageStore
from desa_app.gui import page_list
from desa_app.gui.pembina_page import PembinaPage
from desa_app.gui.qt import QColor, Qt, QTableWidgetItem

from .village import session_of


def page_for(qtbot: Any, store: VillageStore, username: str) -> PembinaPage:
    page = PembinaPage(session_of(store, username))
    qtbot.addWidget(page)
    page.resize(1176, 700)
    page.show()
    return page


def test_pembina_notes_visit_and_follow_ups(qtbot: Any, store: VillageStore) -> None:
    page = page_for(qtbot, store, "bps1")
    qtbot.keyClicks(page.note_text, "Target pendataan RT 002 belum tercapai.")
    page.add_note_button.click()
    assert page.notes_table.rowCount() == 1 and page.note_text.toPlainText() == ""
    assert page.notes_table.item(0, 3).text() == "terbuka"
    assert page.resolve_button.isHidden()  # the pembina writes notes; the village resolves

    page.tabs.setCurrentIndex(1)
    page.add_visit_button.click()
    dialog = page.dialog
    visited = date.today() - timedelta(days=10)
    dialog.day.setDate(visited)
    qtbot.keyClicks(dialog.topics, "Kemajuan pendataan DDK dan SK Tim.")
    qtbot.keyClicks(dialog.people, "Kepala Desa, Sekdes")
    dialog.follow_ups.setItem(0, 0, QTableWidgetItem("Kirim salinan SK Tim"))
    dialog.follow_ups.setItem(0, 1, QTableWidgetItem("31/02/2024"))
    dialog.follow_ups.setItem(1, 0, QTableWidgetItem("Rapat evaluasi"))
    dialog.ok_button.click()
    assert dialog.isVisible() and "31/02/2024" in dialog.problem.text()
    due = date.today() - timedelta(days=3)
    dialog.follow_ups.setItem(0, 1, QTableWidgetItem(due.strftime("%d/%m/%Y")))
    dialog.ok_button.click()
    assert not dialog.isVisible()

    assert page.visits_table.rowCount() == 1
    assert page.visits_table.item(0, 3).text() == "0/2 selesai"
    assert page.visit_follow_ups.rowCount() == 2
    assert page.open_table.rowCount() == 2 and page.tabs.tabText(2).endswith("(2)")
    assert page.open_table.item(0, 1).text() == "Kirim salinan SK Tim"
    assert page.open_table.item(0, 3).text() == "lewat 3 hari"
    assert page.open_table.item(0, 1).foreground().color() == QColor("#b00020")

    page.open_table.item(0, 0).setCheckState(Qt.CheckState.Checked)  # "selesai"
    qtbot.waitUntil(lambda: page.open_table.rowCount() == 1)
    assert page.tabs.tabText(2).endswith("(1)")
    assert page.visits_table.item(0, 3).text() == "1/2 selesai"
    assert [f.text for f in store.pembina.open_follow_ups(session_of(store, "bps1").actor)] \
        == ["Rapat evaluasi"]

    qtbot.keyClicks(page.new_follow_up, "Unggah notulen")
    page.add_follow_up_button.click()
    assert page.visit_follow_ups.rowCount() == 3 and page.open_table.rowCount() == 2

    admin = page_for(qtbot, store, "admin")
    assert not admin.resolve_button.isHidden()
    admin.notes_table.selectRow(0)
    admin.resolve_button.click()
    assert admin.notes_table.item(0, 3).text().startswith("selesai")
    assert not admin.resolve_button.isEnabled()


def test_who_gets_the_page_and_who_may_write(qtbot: Any, store: VillageStore) -> None:
    available = page_list.spec("nav.pembina").available
    assert available(session_of(store, "bps1")) and available(session_of(store, "admin"))
    assert not available(session_of(store, "agen1"))
    assert not available(session_of(store, "kominfo1"))

    pembina = session_of(store, "bps1")
    visit = store.pembina.add_visit(pembina.actor, date.today(), "Pendataan", "Sekdes",
                                    [("Kirim SK", None)])
    assert visit
    page = page_for(qtbot, store, "kominfo1")  # reads (e.g. opened from elsewhere)
    for widget in (page.add_note_button, page.note_text, page.add_visit_button,
                   page.resolve_button):
        assert widget.isHidden()
    tick = page.open_table.item(0, 0)
    assert not tick.flags() & Qt.ItemFlag.ItemIsUserCheckable
