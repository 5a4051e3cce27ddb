"""The questionnaire screen with real widgets, driven like a typist: every key goes to
``QApplication.focusWidget()``; what counts is what the core stored.

Whole-record behaviour: a household typed and reopened, required answers shown once
passed, submitting, saving and closing while a box is typed, the recovery journal,
members. The typing rules one by one are in test_form_typing.py; whole households
typed from paper in test_typist.py.
"""

from __future__ import annotations

from typing import Any

from desa_app.core.workflow import Status
from desa_app.gui.form.editor import FormEditor
from desa_app.gui.form.recovery import pending
from desa_app.gui.qt import QApplication, QMessageBox, Qt, QTimer

from .editor_driving import (
    MEMBERS,
    ctrl,
    enter_household,
    focused_field,
    open_editor,
    save_and_wait,
    stored,
    tab_to,
    type_field,
)
from .typist import cursor, press, type_text


def test_keyboard_only_household_saves_and_reopens(qtbot: Any, editor: FormEditor,
                                                   session: Any) -> None:
    enter_household(qtbot)
    assert not editor.state.has_errors, editor.state.issues()
    save_and_wait(qtbot, editor)
    saved = stored(session, editor)
    assert saved["no_kk"] == "3501011502150003" and saved["rt"] == "002"
    assert saved["dusun"] == "Krajan"
    assert [m["nik"] for m in saved["anggota"]] == [m[0] for m in MEMBERS]
    assert [m["hubungan"] for m in saved["anggota"]] == ["1", "3", "4"]
    assert saved["anggota"][1]["tgl_lahir"] == "1978-07-01"
    assert [m["no_urut"] for m in saved["anggota"]] == [1, 2, 3]  # automatic, never typed
    record_id = editor.record_id
    editor.load(None)
    editor.load(record_id)  # reopen: every value as typed
    assert editor.top.rows["no_kk"].input.box.text() == "3501011502150003"
    assert session.store.queries.page(session.actor, search="sumia").rows[0].id == record_id

def test_a_blank_new_record_is_not_covered_in_red(qtbot: Any, editor: FormEditor) -> None:
    no_kk = editor.top.rows["no_kk"]
    assert not no_kk.messages.isVisible()
    assert all("wajib" not in editor.issues.item(i).text().lower()
               for i in range(editor.issues.count()))
    assert "kosong" in editor.navigator.items["identitas"].text(1)  # still counted
    press(qtbot, Qt.Key.Key_Tab)  # passed without an answer: now it says so
    assert no_kk.messages.isVisible()

def test_messages_name_the_item_number_and_label(qtbot: Any, editor: FormEditor) -> None:
    ctrl(qtbot, Qt.Key.Key_M)
    type_text(qtbot, "35010120")
    press(qtbot, Qt.Key.Key_Tab)
    texts = [editor.issues.item(i).text() for i in range(editor.issues.count())]
    line = next(text for text in texts if "16 angka" in text)
    assert "2.1.2" in line and "NIK" in line and "anggota[1]" not in line

def test_submit_with_gaps_shows_them_and_goes_to_the_first(qtbot: Any, editor: FormEditor,
                                                           session: Any) -> None:
    type_field(qtbot, "nama_kk", "Suparman")
    qtbot.mouseClick(editor.submit_button, Qt.MouseButton.LeftButton)
    assert editor.record_id is None or editor.status is Status.DRAFT
    assert focused_field() == "no_kk" and editor.top.rows["no_kk"].messages.isVisible()

def test_submit_moves_the_record_to_the_team(qtbot: Any, editor: FormEditor,
                                            session: Any) -> None:
    enter_household(qtbot)

    def yes() -> None:
        box = QApplication.activeModalWidget()
        if isinstance(box, QMessageBox):
            qtbot.mouseClick(box.button(QMessageBox.StandardButton.Yes), Qt.MouseButton.LeftButton)

    QTimer.singleShot(200, yes)  # the warnings, if any, are confirmed
    with qtbot.waitSignal(editor.status_changed, timeout=10_000):
        qtbot.mouseClick(editor.submit_button, Qt.MouseButton.LeftButton)
    assert editor.status is Status.SUBMITTED and not editor.editable
    assert session.store.records.load(session.actor, str(editor.record_id)).status is (
        Status.SUBMITTED)

def test_saving_commits_the_box_being_typed(qtbot: Any, editor: FormEditor,
                                           session: Any) -> None:
    type_field(qtbot, "no_kk", "3501011502150003")
    tab_to(qtbot, "nama_kk")
    type_text(qtbot, "Masih Diketik")  # no Tab, no Enter
    save_and_wait(qtbot, editor)
    assert stored(session, editor)["nama_kk"] == "Masih Diketik"

def test_closing_the_window_while_typing_saves_it(qtbot: Any, editor: FormEditor,
                                                 session: Any) -> None:
    type_field(qtbot, "no_kk", "3501011502150003")
    tab_to(qtbot, "nama_kk")
    type_text(qtbot, "Ditutup Sambil Mengetik")
    assert editor.confirm_close() is None  # saves, then the window closes itself
    qtbot.waitUntil(lambda: editor.record_id is not None and not editor.saving)
    assert stored(session, editor)["nama_kk"] == "Ditutup Sambil Mengetik"
    assert pending(session.store.db.path, session.actor.username) == []

def test_the_journal_keeps_the_box_being_typed(qtbot: Any, session: Any) -> None:
    first = open_editor(qtbot, session)
    first.autosave.stop()
    type_field(qtbot, "no_kk", "3501011502150003")
    tab_to(qtbot, "nama_kk")
    type_text(qtbot, "Belum Di-Tab")
    first.autosave.stop()
    qtbot.waitUntil(lambda: bool(pending(session.store.db.path, session.actor.username))
                    and pending(session.store.db.path, session.actor.username)[0].pending
                    is not None, timeout=3000)
    entry = pending(session.store.db.path, session.actor.username)[0]
    assert entry.pending == {"name": "nama_kk", "key": [], "text": "Belum Di-Tab"}
    first.hide()  # the crash: nothing else happens to the first window
    first.journal = None
    first.dirty = False
    second = FormEditor(session)
    qtbot.addWidget(second)
    second.load(entry.record_id, recovered=entry)
    assert second.state.answer("nama_kk") == "Belum Di-Tab"
    assert second.state.answer("no_kk") == "3501011502150003"

def test_a_late_save_does_not_touch_the_next_record(qtbot: Any, editor: FormEditor,
                                                    session: Any) -> None:
    type_field(qtbot, "no_kk", "3501011502150003")
    type_field(qtbot, "nama_kk", "Suparman")
    editor.save("disimpan")  # still running in the background ...
    editor.load(None)  # ... when another household is opened
    qtbot.waitUntil(lambda: session.store.queries.page(session.actor).total == 1)
    qtbot.wait(100)
    assert editor.record_id is None and not editor.dirty
    assert editor.top.rows["nama_kk"].input.box.text() == ""

def test_removing_a_member_asks_first(qtbot: Any, editor: FormEditor,
                                      monkeypatch: Any) -> None:
    enter_household(qtbot)
    assert editor.members is not None
    answers: list[bool] = [False, True]
    monkeypatch.setattr(editor, "confirm", lambda title, text: answers.pop(0))
    editor.members.select_member(2)
    qtbot.mouseClick(editor.members.remove_button, Qt.MouseButton.LeftButton)
    assert editor.state.instance_count("anggota") == 3  # "No" keeps everything
    qtbot.mouseClick(editor.members.remove_button, Qt.MouseButton.LeftButton)
    assert editor.state.instance_count("anggota") == 2
    item = editor.members.roster.item(0, 0)
    assert item is not None and "★" in item.text()  # the head is marked

def test_relevance_hides_and_shows_live(qtbot: Any, editor: FormEditor) -> None:
    ctrl(qtbot, Qt.Key.Key_M)
    assert editor.members is not None
    kb = editor.members.registry.rows["akseptor_kb"]
    type_field(qtbot, "jenis_kelamin", "2")
    type_field(qtbot, "tgl_lahir", "01011990")
    type_field(qtbot, "status_kawin", "1")
    assert kb.isVisible()  # a married woman of 36
    press(qtbot, Qt.Key.Key_Backtab)  # Shift+Tab: back one
    assert focused_field() == "status_kawin"
    type_text(qtbot, "0")  # belum kawin
    press(qtbot, Qt.Key.Key_Return)
    assert not kb.isVisible()
    assert cursor(editor) is not None and cursor(editor) != ("akseptor_kb", (0,))

def test_opening_another_record_while_typing_in_a_member(qtbot: Any, editor: FormEditor,
                                                         session: Any) -> None:
    """The member's box being typed commits into its own record, never into the next
    one (which has no such member: it used to raise in the event loop)."""
    type_field(qtbot, "no_kk", "3501011502150003")
    ctrl(qtbot, Qt.Key.Key_M)
    assert editor.go_to_number("2.1.14") is None
    type_text(qtbot, "tamat s")
    editor.save("disimpan")
    qtbot.waitUntil(lambda: editor.record_id is not None and not editor.saving)
    first = editor.record_id
    editor.load(None)
    QApplication.processEvents()
    assert editor.state.instance_count("anggota") == 0 and not editor.dirty
    assert first is not None
    saved = session.store.records.load(session.actor, first).answers
    choices = editor.instrument.choice_lists["pendidikan"]
    assert choices.label(str(saved["anggota"][0]["pendidikan"])).lower().startswith("tamat s")
