"""The questionnaire screen with real widgets, driven like a typist: every key goes to
``QApplication.focusWidget()``; what counts is what the core stored.

One test per rule of the keyboard contract (docs/keyboard.md) that a whole-household
walk (test_typist.py) does not single out: codes of two digits, label words, refusals,
tables, Ctrl+M, Ctrl+G, the wheel, required messages, saving what is being typed.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from desa_app.core import auth
from desa_app.core.instrument.model import FieldType
from desa_app.core.store.facade import VillageStore
from desa_app.core.store.village import init_village
from desa_app.core.workflow import Status
from desa_app.gui.form.editor import FormEditor
from desa_app.gui.form.matrix import MatrixTable
from desa_app.gui.form.recovery import pending
from desa_app.gui.form.stops import Stop
from desa_app.gui.qt import QApplication, QDialog, QMessageBox, Qt, QTimer, QWidget

from .typist import cursor, focus, press, show_active, type_text

PASSWORD = "rahasia123"


@pytest.fixture(autouse=True)
def cheap_hashing(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(auth, "SCRYPT_N", 2**8)


@pytest.fixture
def session(tmp_path: Path) -> Iterator[Any]:
    from desa_app.gui.session import AppSession

    db = init_village(tmp_path / "desa.sqlite3", "35.01.01.2001", "admin", "Operator",
                      PASSWORD)
    store = VillageStore(db)
    admin = store.users.authenticate("admin", PASSWORD)
    store.users.add(admin, "agen1", "Agen Satu", "enumerator", PASSWORD)
    store.set_dusun_names(admin, ["Krajan", "Ngemplak", "Sidomulyo"])
    yield AppSession(store, store.users.authenticate("agen1", PASSWORD))
    store.close(backup=False)


def open_editor(qtbot: Any, session: Any) -> FormEditor:
    widget = FormEditor(session)
    widget.load(None)
    show_active(qtbot, widget)
    widget.focus_first()  # what the form host does when it shows a record
    return widget


@pytest.fixture
def editor(qtbot: Any, session: Any) -> FormEditor:
    return open_editor(qtbot, session)


def focused_field() -> str | None:
    widget = QApplication.focusWidget()
    while widget is not None:
        if isinstance(widget, MatrixTable):
            return widget.current_name()
        name = widget.property("field_name")
        if name:
            return str(name)
        widget = widget.parentWidget()
    return None


def tab_to(qtbot: Any, name: str, limit: int = 400) -> None:
    """Press Tab until the question ``name`` has the cursor."""
    for _ in range(limit):
        if focused_field() == name:
            return
        press(qtbot, Qt.Key.Key_Tab)
    raise AssertionError(f"Tab never reached {name}; stuck at {focused_field()}")


def type_field(qtbot: Any, name: str, text: str) -> None:
    tab_to(qtbot, name)
    type_text(qtbot, text)
    press(qtbot, Qt.Key.Key_Return)  # Enter commits and moves on


def ctrl(qtbot: Any, key: Qt.Key) -> None:
    press(qtbot, key, Qt.KeyboardModifier.ControlModifier)


MEMBERS = [
    # nik, name, sex code, relation code, birth (ddmmyyyy), status kawin
    ("3501011203750001", "Suparman", "1", "1", "12031975", "1"),
    ("3501014107780002", "Sumiati", "2", "3", "01071978", "1"),
    ("3501012001000003", "Andi", "1", "4", "20012000", "0"),
]


def enter_household(qtbot: Any) -> None:
    type_field(qtbot, "no_kk", "3501011502150003")
    type_field(qtbot, "nama_kk", "Suparman")
    type_field(qtbot, "alamat", "Dusun Krajan")
    type_field(qtbot, "rt", "2")
    type_field(qtbot, "rw", "001")
    type_field(qtbot, "dusun", "kraj")  # completed from the village's list
    for nik, name, sex, relation, born, kawin in MEMBERS:
        ctrl(qtbot, Qt.Key.Key_M)
        assert focused_field() == "nik"  # Ctrl+M: the cursor is on the member's NIK
        type_field(qtbot, "nik", nik)
        type_field(qtbot, "nama", name)
        type_field(qtbot, "jenis_kelamin", sex)
        type_field(qtbot, "hubungan", relation)
        type_field(qtbot, "tgl_lahir", born)
        type_field(qtbot, "status_kawin", kawin)


def save_and_wait(qtbot: Any, editor: FormEditor) -> None:
    with qtbot.waitSignal(editor.saved, timeout=10_000):
        ctrl(qtbot, Qt.Key.Key_S)
    qtbot.waitUntil(lambda: not editor.saving)


def stored(session: Any, editor: FormEditor) -> dict[str, Any]:
    assert editor.record_id is not None
    return dict(session.store.records.load(session.actor, editor.record_id).answers)


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


@pytest.mark.parametrize("list_name", ["hubungan", "pendidikan", "pekerjaan", "agama",
                                       "status_kawin"])
def test_every_code_of_a_member_list_is_typed_by_its_code(qtbot: Any, editor: FormEditor,
                                                          list_name: str) -> None:
    """Two-digit codes (12, 10, 11 ...) are never cut after their first digit."""
    field = editor.instrument.field(list_name)
    choices = editor.instrument.choices_of(field)
    assert choices is not None
    ctrl(qtbot, Qt.Key.Key_M)
    for choice in choices.choices:
        assert editor.go_to_number(field.number) is None
        assert focused_field() == list_name
        type_text(qtbot, choice.name)
        press(qtbot, Qt.Key.Key_Tab)
        assert editor.state.answer(list_name, (0,)) == choice.name, choice.name


def test_codes_of_ten_and_more_in_the_household_part(qtbot: Any, editor: FormEditor) -> None:
    """Every single-choice list of Bagian 1 with codes >= 10, each such code typed."""
    instrument = editor.instrument
    tried = 0
    for field in instrument.fields():
        choices = instrument.choices_of(field)
        if field.type is not FieldType.SELECT_ONE or choices is None or field.repeats \
                or not field.number:
            continue
        for choice in choices.choices:
            if len(choice.name) < 2:
                continue
            assert editor.go_to_number(field.number) is None, field.number
            type_text(qtbot, choice.name)
            press(qtbot, Qt.Key.Key_Tab)
            assert editor.state.answer(field.name) == choice.name, (field.name, choice.name)
            tried += 1
    assert tried >= 3


def test_label_words_and_refused_codes(qtbot: Any, editor: FormEditor) -> None:
    ctrl(qtbot, Qt.Key.Key_M)
    assert editor.go_to_number("2.1.14") is None
    box = focus()
    type_text(qtbot, "tamat slta")
    row = editor.members.registry.rows["pendidikan"]  # type: ignore[union-attr]
    assert "SLTA" in row.input.meaning.text()  # what will be chosen shows while typing
    press(qtbot, Qt.Key.Key_Tab)
    code = editor.state.answer("pendidikan", (0,))
    choices = editor.instrument.choice_lists["pendidikan"]
    assert "slta" in choices.label(str(code)).lower()
    assert box.text() == code  # the box now holds the code
    # what is not an option: refused at the field, the cursor stays
    assert editor.go_to_number("2.1.14") is None
    type_text(qtbot, "zz")
    press(qtbot, Qt.Key.Key_Tab)
    assert focused_field() == "pendidikan" and editor.state.answer("pendidikan", (0,)) == code
    assert row.feedback.isVisible() and "zz" in row.feedback.text()
    assert "1" in row.feedback.text()  # the valid codes are shown


def test_numbers_decimals_and_refusals(qtbot: Any, editor: FormEditor) -> None:
    assert editor.go_to_number("1.1") is None
    row = editor.top.rows["penghasilan"]
    for text in ("1e3", "1_000", "١٢"):
        type_text(qtbot, text)
        press(qtbot, Qt.Key.Key_Tab)
        assert focused_field() == "penghasilan", text
        assert editor.state.answer("penghasilan") is None and row.feedback.isVisible()
        focus().selectAll()
    type_text(qtbot, "2500000")
    press(qtbot, Qt.Key.Key_Tab)
    assert editor.state.answer("penghasilan") == 2500000
    assert row.input.box.text() == "2.500.000"  # money, grouped once left
    table = editor.top.matrices["produksi_pangan"]
    for typed, expected in (("0,250", 0.25), ("0.250", 0.25), ("12,5", 12.5)):
        assert editor.go_to_number("1.6A") is None
        assert focused_field() == table.order[0]
        type_text(qtbot, typed)
        press(qtbot, Qt.Key.Key_Tab)
        assert editor.state.answer(table.order[0]) == expected, typed


def test_tables_walk_cell_by_cell_and_leave_after_the_last(qtbot: Any,
                                                           editor: FormEditor) -> None:
    assert editor.go_to_number("1.4") is None
    table = editor.top.matrices["air_minum"]
    assert focus() is table and table.current_name() == table.order[0]
    assert "1 Baik" in table.codes.text()  # the codes of the column are printed
    type_text(qtbot, "2 3")
    press(qtbot, Qt.Key.Key_Tab)
    assert editor.state.answer(table.order[0]) == ["2", "3"]
    assert table.item(0, table.cell_of[table.order[0]][1]).text() == "2. Berasa; 3. Berwarna"
    visited = [table.current_name()]
    while focus() is table:
        press(qtbot, Qt.Key.Key_Tab)
        visited.append(table.current_name() if focus() is table else focused_field())
    cells = [name for name in table.order if editor.is_stop(Stop(name))]
    assert visited[:-1] == cells[1:]  # every cell once, in paper order, then out
    assert visited[-1] == editor.top.matrices["lahan"].order[0]  # the next item, 1.5
    # 1.5 Luas is a code: 0.5 (hectares) is refused with the codes, not stored
    type_text(qtbot, "0.5")
    press(qtbot, Qt.Key.Key_Tab)
    lahan = editor.top.matrices["lahan"]
    assert editor.state.answer(lahan.order[0]) is None and lahan.feedback.isVisible()
    assert "Memiliki" in lahan.feedback.text() or "1" in lahan.feedback.text()
    press(qtbot, Qt.Key.Key_Escape)


def test_write_in_rows_are_stops_only_when_written(qtbot: Any, editor: FormEditor) -> None:
    table = editor.top.matrices["air_minum"]
    name_cell = table.matrix.row_names["lain1"]
    assert editor.go_to_number("1.4") is None
    while table.current_name() != name_cell:
        press(qtbot, Qt.Key.Key_Tab)
    press(qtbot, Qt.Key.Key_Tab)  # no write-in: its condition cell is not asked
    assert focus() is not table
    press(qtbot, Qt.Key.Key_Backtab)
    assert table.current_name() == name_cell
    type_text(qtbot, "Sumur bor")
    press(qtbot, Qt.Key.Key_Tab)
    assert table.current_name() == table.matrix.cells[("lain1", "kondisi")]


def test_ctrl_m_shows_the_new_member_with_the_cursor_on_its_nik(qtbot: Any,
                                                               editor: FormEditor) -> None:
    type_field(qtbot, "no_kk", "3501011502150003")
    ctrl(qtbot, Qt.Key.Key_M)
    assert focused_field() == "nik"
    box = focus()
    viewport = editor.scroller.viewport()
    top_left = box.mapTo(viewport, box.rect().topLeft())
    assert 0 <= top_left.y() <= viewport.height() - box.height()  # on screen
    type_text(qtbot, "3501011203750001")
    press(qtbot, Qt.Key.Key_Tab)
    assert editor.state.answer("nik", (0,)) == "3501011203750001"
    assert editor.state.answer("no_urut", (0,)) == 1  # untouched by the typing


def test_ctrl_g_goes_to_an_item_number(qtbot: Any, editor: FormEditor) -> None:
    def type_number(number: str) -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, QDialog)
        type_text(qtbot, number)
        press(qtbot, Qt.Key.Key_Return)

    QTimer.singleShot(50, lambda: type_number("1.22"))
    ctrl(qtbot, Qt.Key.Key_G)
    qtbot.waitUntil(lambda: focused_field() == "pola_makan")  # once the window is active
    type_text(qtbot, "3")
    press(qtbot, Qt.Key.Key_Tab)
    assert editor.state.answer("pola_makan") == "3"
    ctrl(qtbot, Qt.Key.Key_M)
    QTimer.singleShot(50, lambda: type_number("2.1.14"))
    ctrl(qtbot, Qt.Key.Key_G)
    qtbot.waitUntil(lambda: focused_field() == "pendidikan")
    assert editor.go_to_number("9.99") is not None  # unknown: said, not raised


def test_the_wheel_never_changes_an_answer(qtbot: Any, editor: FormEditor) -> None:
    from PySide6.QtTest import QTest

    from desa_app.gui.qt import QtCore

    type_field(qtbot, "no_kk", "3501011502150003")
    assert editor.go_to_number("1.22") is None
    type_text(qtbot, "2")
    press(qtbot, Qt.Key.Key_Tab)
    before = editor.state.to_json()
    bar = editor.scroller.verticalScrollBar()
    targets: list[QWidget] = [editor.top.rows["pola_makan"].input.box,
                              editor.top.matrices["air_minum"].viewport(),
                              editor.top.rows["kebiasaan_berobat"].input.box]
    for target in targets:
        start = bar.value()
        editor.reveal(target)
        start = bar.value()
        for _ in range(3):  # a real wheel turn, through the window system, over the widget
            where = target.mapTo(editor.window(), QtCore.QPoint(5, 5))
            QTest.wheelEvent(editor.window().windowHandle(), QtCore.QPointF(where),
                             QtCore.QPoint(0, -120))
            QApplication.processEvents()
        assert editor.state.to_json() == before
        assert bar.value() != start or bar.value() == bar.maximum()  # the form scrolled


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
    editor.submit_button.click()
    assert editor.record_id is None or editor.status is Status.DRAFT
    assert focused_field() == "no_kk" and editor.top.rows["no_kk"].messages.isVisible()


def test_submit_moves_the_record_to_the_team(qtbot: Any, editor: FormEditor,
                                            session: Any) -> None:
    enter_household(qtbot)

    def yes() -> None:
        box = QApplication.activeModalWidget()
        if isinstance(box, QMessageBox):
            box.button(QMessageBox.StandardButton.Yes).click()

    QTimer.singleShot(200, yes)  # the warnings, if any, are confirmed
    with qtbot.waitSignal(editor.status_changed, timeout=10_000):
        editor.submit_button.click()
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


def test_dusun_from_the_list_and_a_new_one_only_on_purpose(qtbot: Any, editor: FormEditor,
                                                          session: Any) -> None:
    tab_to(qtbot, "dusun")
    type_text(qtbot, "Krajn")  # a typo
    press(qtbot, Qt.Key.Key_Tab)
    assert focused_field() == "dusun" and editor.state.answer("dusun") is None
    row = editor.top.rows["dusun"]
    assert "Krajan" in row.feedback.text()  # the list is shown
    press(qtbot, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)  # on purpose
    assert editor.state.answer("dusun") == "Krajn"


def test_village_code_is_not_a_stop_and_unlocks_on_purpose(qtbot: Any, editor: FormEditor,
                                                          monkeypatch: Any) -> None:
    tab_to(qtbot, "dusun")
    press(qtbot, Qt.Key.Key_Tab)
    assert focused_field() == "bulan"  # H.7-H.10 skipped
    assert editor.state.answer("kode_desa") == "35.01.01.2001"
    row = editor.top.rows["kode_desa"]
    assert row.unlock is not None
    monkeypatch.setattr(editor, "confirm", lambda title, text: True)
    row.unlock.click()
    assert focused_field() == "kode_desa"


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
    editor.members.remove_button.click()
    assert editor.state.instance_count("anggota") == 3  # "No" keeps everything
    editor.members.remove_button.click()
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


def long_lists(instrument: Any) -> dict[str, str]:
    """Each choice list with codes of two or more characters -> one question (or table
    cell) asking it in a blank record, the first in paper order."""
    from desa_app.core.instrument.model import Field as FieldNode

    found: dict[str, str] = {}
    for node in instrument.order:
        if not isinstance(node, FieldNode) or node.list_name is None \
                or node.list_name in found:
            continue
        choices = instrument.choices_of(node)
        if choices is not None and any(len(c.name) >= 2 for c in choices.choices):
            found[node.list_name] = node.name
    return found


@pytest.mark.parametrize("instrument_id", ["ddk", "potensi", "perkembangan"])
def test_every_list_with_codes_of_ten_and_more_takes_them_typed(
        qtbot: Any, session: Any, instrument_id: str) -> None:
    from desa_app.gui.form.stops import Stop as StopAt

    editor = FormEditor(session, instrument_id)
    editor.load(None)
    show_active(qtbot, editor)
    instrument = editor.instrument
    lists = long_lists(instrument)
    if not lists:
        return  # (Perkembangan: every list has one-digit codes)
    if editor.members is not None:
        ctrl(qtbot, Qt.Key.Key_M)
    typed = 0
    for list_name, name in lists.items():
        field = instrument.field(name)
        key = (0,) if field.repeats else ()
        if not editor.is_stop(StopAt(name, key)):
            continue  # asked only after other answers (the walk test covers those)
        for choice in instrument.choice_lists[list_name].choices:
            if len(choice.name) < 2:
                continue
            editor.focus_stop(StopAt(name, key))  # the cursor to the question, no typing
            if isinstance(focus(), MatrixTable):
                press(qtbot, Qt.Key.Key_Delete)
            type_text(qtbot, choice.name)
            press(qtbot, Qt.Key.Key_Tab)
            answer = editor.state.answer(name, key)
            expected = [choice.name] if field.type is FieldType.SELECT_MULTIPLE else choice.name
            assert answer == expected, (name, choice.name, answer)
            typed += 1
    assert typed >= len(lists) // 2


def test_the_part_list_opens_any_numbered_item(qtbot: Any, editor: FormEditor) -> None:
    part = editor.navigator.items["keluarga"]
    numbers = [part.child(i).text(0).split(" ")[0] for i in range(part.childCount())]
    assert numbers[:3] == ["1.1", "1.2", "1.3"] and "1.22" in numbers and "1.36" in numbers
    item = part.child(numbers.index("1.22"))
    part.setExpanded(True)
    editor.navigator.scrollToItem(item)
    rect = editor.navigator.visualItemRect(item)
    qtbot.mouseClick(editor.navigator.viewport(), Qt.MouseButton.LeftButton,
                     pos=rect.center())
    assert focused_field() == "pola_makan"


def test_an_enter_out_of_step_does_not_unlock_the_village_code(qtbot: Any,
                                                                editor: FormEditor) -> None:
    row = editor.top.rows["kode_desa"]
    assert row.unlock is not None

    def press_enter() -> None:
        box = QApplication.activeModalWidget()
        assert isinstance(box, QMessageBox)
        qtbot.keyClick(box, Qt.Key.Key_Return)  # the typist's next keystroke

    QTimer.singleShot(100, press_enter)
    qtbot.mouseClick(row.unlock, Qt.MouseButton.LeftButton)
    assert not row.unlocked and "kode_desa" not in editor.unlocked


def test_a_nik_or_no_kk_already_in_the_village_is_named_while_typing(
        qtbot: Any, editor: FormEditor, session: Any) -> None:
    other = {"no_kk": "3501011502150003", "nama_kk": "Sutrisno", "dusun": "Ngemplak",
             "rt": "004", "anggota": [{"nik": "3501011203750001", "nama": "Sutrisno",
                                       "hubungan": "1"}]}
    session.store.records.create(session.actor, "ddk", other, "ketik")
    type_text(qtbot, "3501011502150003")  # H.1, the cursor is there on a new record
    row = editor.top.rows["no_kk"]
    assert row.feedback.isVisible() and "Sutrisno" in row.feedback.text()  # before Tab
    assert "Ngemplak" in row.feedback.text()
    press(qtbot, Qt.Key.Key_Tab)
    ctrl(qtbot, Qt.Key.Key_M)
    type_text(qtbot, "3501011203750001")
    nik = editor.members.registry.rows["nik"]  # type: ignore[union-attr]
    assert nik.feedback.isVisible() and "Sutrisno" in nik.feedback.text()
    assert "anggota ke-1" in nik.feedback.text()
    focus().selectAll()
    type_text(qtbot, "3501014107780002")  # a number nobody has: the warning goes
    press(qtbot, Qt.Key.Key_Tab)
    assert not nik.feedback.isVisible()


def test_several_codes_show_their_labels(qtbot: Any, editor: FormEditor) -> None:
    assert editor.go_to_number("1.9") is None
    type_text(qtbot, "1,3")
    row = editor.top.rows["pemanfaatan_air"]
    choices = editor.instrument.choice_lists["pemanfaatan_air"]
    for code in ("1", "3"):
        assert choices.label(code) in row.input.meaning.text()  # type: ignore[union-attr]
    press(qtbot, Qt.Key.Key_Tab)
    assert editor.state.answer("pemanfaatan_air") == ["1", "3"]


def test_f1_shows_the_keyboard_card(qtbot: Any, editor: FormEditor) -> None:
    seen: list[str] = []

    def read_and_close() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, QDialog)
        seen.append(dialog.windowTitle())
        text = dialog.findChild(QWidget, None)
        assert text is not None
        dialog.reject()

    QTimer.singleShot(100, read_and_close)
    press(qtbot, Qt.Key.Key_F1)
    assert seen and "F1" in seen[0]
