"""Verifikasi in the GUI: queue, review with notes and diff, return, approve, Prodeskel
entry; and the pembina can change nothing through the screens."""

from __future__ import annotations

import copy
from typing import Any

import pytest

from desa_app.core.store.facade import VillageStore
from desa_app.core.workflow import Status
from desa_app.gui.form.editor import FormEditor
from desa_app.gui.verification.page import VerificationPage

from ..village import EXAMPLE, PASSWORD, session_of


def submitted_record(store: VillageStore) -> str:
    agen = store.users.authenticate("agen1", PASSWORD)
    record = store.records.create(agen, "ddk", copy.deepcopy(EXAMPLE))
    store.records.submit(agen, record.id)
    return record.id


def test_review_return_and_approve(qtbot: Any, store: VillageStore) -> None:
    record_id = submitted_record(store)
    page = VerificationPage(session_of(store, "tim1"))
    qtbot.addWidget(page)
    page.resize(1366, 768)
    page.show()
    assert page.queue.rowCount() == 1 and page.queue.item(0, 0).text() == "Suparman"
    page.queue.setCurrentCell(0, 0)
    page.open_selected()
    review = page.review
    assert page.stack.currentWidget() is review and not review.editor.editable
    assert review.approve_button.isEnabled()
    paths = [review.note_field.itemData(i) for i in range(review.note_field.count())]
    review.note_field.setCurrentIndex(paths.index("anggota[3]/tgl_lahir"))
    qtbot.keyClicks(review.note_text, "Tanggal lahir tidak sesuai KK")
    review.add_note_button.click()
    assert review.notes.count() == 1
    review.return_button.click()
    assert page.stack.currentWidget() is page.tabs and page.queue.rowCount() == 0

    agen = session_of(store, "agen1")
    editor = FormEditor(agen)
    qtbot.addWidget(editor)
    editor.load(record_id)
    assert editor.editable and editor.notes_list.list.count() == 1
    assert editor.members is not None
    editor.members.select_member(2)
    assert "Tanggal lahir tidak sesuai KK" in editor.members.registry.rows["tgl_lahir"] \
        .messages.text()
    editor.on_edit("tempat_lahir", (2,), "Pacitan Kota")
    with qtbot.waitSignal(editor.saved, timeout=10_000):
        editor.save("perbaikan")
    editor.notes_list.list.setCurrentRow(0)
    editor.notes_list.resolve.click()
    assert editor.notes_list.list.count() == 0
    store.records.submit(agen.actor, record_id)

    page.refresh()
    page.queue.setCurrentCell(0, 0)
    page.open_selected()
    assert review.changes.rowCount() == 1
    assert review.changes.item(0, 2).text() == "Pacitan Kota"
    review.approve_button.click()
    assert store.records.load(agen.actor, record_id).status is Status.VERIFIED

    admin_page = VerificationPage(session_of(store, "admin"))
    qtbot.addWidget(admin_page)
    assert admin_page.entry.rowCount() == 1
    admin_page.entry.item(0, 0).setCheckState(admin_page.entry.item(0, 0).checkState().Checked)
    admin_page.mark_button.click()
    assert store.records.load(agen.actor, record_id).status is Status.ENTERED
    assert "1 dari 1" in admin_page.entry_progress.text()


def test_a_verifier_cannot_approve_what_they_edited(qtbot: Any, store: VillageStore) -> None:
    record_id = submitted_record(store)
    tim = session_of(store, "tim1")
    answers = store.records.load(tim.actor, record_id).answers
    answers["alamat"] = "Dikoreksi Tim"
    store.records.save(tim.actor, record_id, answers, "koreksi")
    page = VerificationPage(tim)
    qtbot.addWidget(page)
    page.open_review(record_id)
    assert not page.review.approve_button.isEnabled()
    assert "Anda membuat atau terakhir mengubah" in page.review.duty.text()


def test_the_pembina_can_change_nothing_on_screen(qtbot: Any, store: VillageStore) -> None:
    record_id = submitted_record(store)
    bps = session_of(store, "bps1")

    from desa_app.gui.page_list import PAGES

    visible = [entry.nav_key for entry in PAGES if entry.available(bps)]
    assert "nav.verification" not in visible  # the Tim's page is not offered to the pembina
    editor = FormEditor(bps)
    qtbot.addWidget(editor)
    editor.load(record_id)
    assert not editor.editable and not editor.save_button.isVisible()
    assert not editor.submit_button.isEnabled()
    rows = editor.top.rows
    assert all(not row.input.isEnabled() for row in rows.values() if row.input is not None)
    editor.on_edit("alamat", (), "diubah pembina")  # even a forged edit does nothing
    assert editor.state.answer("alamat") == EXAMPLE["alamat"] and not editor.dirty


def test_the_pembina_writes_a_note_on_a_record(qtbot: Any, store: VillageStore) -> None:
    record_id = submitted_record(store)
    bps = session_of(store, "bps1")
    editor = FormEditor(bps)
    qtbot.addWidget(editor)
    editor.load(record_id)
    notes = editor.notes_list
    assert notes.write.isVisibleTo(editor)
    targets = [notes.target.itemData(i) for i in range(notes.target.count())]
    notes.target.setCurrentIndex(targets.index("anggota[2]/nik"))
    qtbot.keyClicks(notes.text, "Mohon cek NIK dengan KTP")
    notes.write.click()
    saved = store.records.notes(bps.actor, record_id)
    assert [(n.field_path, n.text) for n in saved] == [
        ("anggota[2]/nik", "Mohon cek NIK dengan KTP")]
    assert editor.members is not None
    editor.members.select_member(1)
    assert "Mohon cek NIK" in editor.members.registry.rows["nik"].messages.text()
    assert store.records.load(bps.actor, record_id).status is Status.SUBMITTED


def test_resolving_a_note_resolved_meanwhile_is_said_not_raised(
        qtbot: Any, store: VillageStore, monkeypatch: pytest.MonkeyPatch) -> None:
    from desa_app.gui.qt import QMessageBox

    record_id = submitted_record(store)
    tim = store.users.authenticate("tim1", PASSWORD)
    store.records.return_record(tim, record_id, "Periksa tanggal lahir")
    agen = session_of(store, "agen1")
    editor = FormEditor(agen)
    qtbot.addWidget(editor)
    editor.load(record_id)
    assert editor.notes_list.list.count() == 1
    (note,) = store.records.notes(agen.actor, record_id)
    store.records.resolve_note(agen.actor, note.id)  # e.g. from another window
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning",
                        lambda parent, title, text: shown.append(text))
    editor.notes_list.list.setCurrentRow(0)
    editor.notes_list.resolve.click()
    assert shown == ["Catatan ini sudah ditandai selesai."]
    assert editor.notes_list.list.count() == 0


def test_enter_on_the_queue_opens_the_review(qtbot: Any, store: VillageStore) -> None:
    """"Tinjau (Enter)": the Tim moves with the arrows and presses Enter."""
    from desa_app.gui.qt import QApplication, Qt
    from tests.gui.form.typist import show_active

    submitted_record(store)
    page = VerificationPage(session_of(store, "tim1"))
    qtbot.addWidget(page)
    page.resize(1366, 768)
    show_active(qtbot, page)
    page.queue.setFocus()
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Down)
    assert page.stack.currentWidget() is not page.review

    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)

    assert page.stack.currentWidget() is page.review
    assert page.review.record_id is not None


def test_bulk_approval_runs_in_the_background_and_says_how_many(qtbot: Any,
                                                                store: VillageStore) -> None:
    """The Tim approves every clean record at once; the queue is locked while it runs
    (hundreds take seconds) and the page says how many were approved."""
    from desa_app.gui.qt import QApplication, QMessageBox, Qt, QTimer

    agen = store.users.authenticate("agen1", PASSWORD)
    for serial in range(3):
        answers = copy.deepcopy(EXAMPLE)
        for number, member in enumerate(answers["anggota"]):
            member["nik"] = member["nik"][:12] + f"{1000 + serial * 10 + number:04d}"
        answers["no_kk"] = answers["no_kk"][:12] + f"{2000 + serial:04d}"
        store.records.submit(agen, store.records.create(agen, "ddk", answers).id)
    page = VerificationPage(session_of(store, "tim1"))
    qtbot.addWidget(page)
    page.resize(1366, 768)
    page.show()
    assert page.queue.rowCount() == 3
    locked: list[bool] = []

    def answer_yes() -> None:
        box = QApplication.activeModalWidget()
        assert isinstance(box, QMessageBox)
        qtbot.mouseClick(box.button(QMessageBox.StandardButton.Yes), Qt.MouseButton.LeftButton)

    QTimer.singleShot(100, answer_yes)
    qtbot.mouseClick(page.bulk_button, Qt.MouseButton.LeftButton)
    # the click's handler has returned with the work started; its result can only
    # arrive through the event loop, so the queue is still locked now
    locked.append(not page.bulk_button.isEnabled() and not page.queue.isEnabled())
    assert page.count.text() == "Menyetujui 3 rekaman…"
    qtbot.waitUntil(lambda: page.count.text() == "3 rekaman disetujui.", timeout=20_000)

    assert locked == [True]
    assert page.bulk_button.isEnabled() and page.queue.rowCount() == 0
    statuses = {row.status for row in store.queries.page(agen).rows}
    assert statuses == {Status.VERIFIED}
