"""The keyboard contract (docs/keyboard.md) rule by rule, typed like a person does:
codes of two and more digits, label words, refusals with the valid codes, numbers and
dates, tables cell by cell, Ctrl+M, Ctrl+G, the part list, the wheel, the dusun list,
the village code, the live No KK/NIK warning, F1.
"""

from __future__ import annotations

from typing import Any

import pytest

from desa_app.core.instrument.model import FieldType
from desa_app.gui.form.editor import FormEditor
from desa_app.gui.form.matrix import MatrixTable
from desa_app.gui.form.stops import Stop
from desa_app.gui.qt import QApplication, QDialog, QMessageBox, Qt, QTextBrowser, QTimer, QWidget

from .editor_driving import (
    ctrl,
    focused_field,
    tab_to,
    type_field,
)
from .typist import focus, press, show_active, type_text


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
        press(qtbot, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)  # select all
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
    cells = [name for name in table.order if editor.navigation.is_stop(Stop(name))]
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
        editor.navigation.reveal(target)
        start = bar.value()
        for _ in range(3):  # a real wheel turn, through the window system, over the widget
            where = target.mapTo(editor.window(), QtCore.QPoint(5, 5))
            QTest.wheelEvent(editor.window().windowHandle(), QtCore.QPointF(where),
                             QtCore.QPoint(0, -120))
            QApplication.processEvents()
        assert editor.state.to_json() == before
        assert bar.value() != start or bar.value() == bar.maximum()  # the form scrolled

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
    qtbot.mouseClick(row.unlock, Qt.MouseButton.LeftButton)
    assert focused_field() == "kode_desa"

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
        if not editor.navigation.is_stop(StopAt(name, key)):
            continue  # asked only after other answers (the walk test covers those)
        for choice in instrument.choice_lists[list_name].choices:
            if len(choice.name) < 2:
                continue
            editor.navigation.focus_stop(StopAt(name, key))  # the cursor to the question, no typing
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
    assert not row.unlocked and "kode_desa" not in editor.typing.unlocked

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
    press(qtbot, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)  # select all
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
        card = dialog.findChild(QTextBrowser)
        assert card is not None
        seen.append(f"{dialog.windowTitle()} {card.toPlainText()}")
        press(qtbot, Qt.Key.Key_Escape)  # closed as a person closes it

    QTimer.singleShot(100, read_and_close)
    press(qtbot, Qt.Key.Key_F1)
    assert seen and "F1" in seen[0] and "Ctrl+G" in seen[0] and "Ctrl+M" in seen[0]
