"""The questionnaire screen with real widgets: keyboard-only entry, relevance, submit
rules, autosave and recovery after a crash."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from desa_app.core import auth
from desa_app.core.store.facade import VillageStore
from desa_app.core.store.village import init_village
from desa_app.core.workflow import Status
from desa_app.gui.form.editor import FormEditor
from desa_app.gui.form.recovery import pending
from desa_app.gui.qt import QApplication, Qt, QWidget
from desa_app.gui.session import AppSession

PASSWORD = "rahasia123"


@pytest.fixture(autouse=True)
def cheap_hashing(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(auth, "SCRYPT_N", 2**8)


@pytest.fixture
def session(tmp_path: Path) -> Iterator[AppSession]:
    db = init_village(tmp_path / "desa.sqlite3", "35.01.01.2001", "admin", "Operator",
                      PASSWORD)
    store = VillageStore(db)
    admin = store.users.authenticate("admin", PASSWORD)
    store.users.add(admin, "agen1", "Agen Satu", "enumerator", PASSWORD)
    yield AppSession(store, store.users.authenticate("agen1", PASSWORD))
    store.close(backup=False)


@pytest.fixture
def editor(qtbot: Any, session: AppSession) -> FormEditor:
    widget = FormEditor(session)
    qtbot.addWidget(widget)
    widget.resize(1366, 768)
    widget.load(None)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def focused_field() -> str | None:
    widget = QApplication.focusWidget()
    while widget is not None:
        name = widget.property("field_name")
        if name:
            return str(name)
        widget = widget.parentWidget()
    return None


def tab_to(qtbot: Any, editor: FormEditor, name: str, limit: int = 80) -> None:
    """Press Tab (Ctrl+Tab to leave a table) until the field ``name`` has the focus."""
    for _ in range(limit):
        if focused_field() == name:
            return
        widget = QApplication.focusWidget()
        assert widget is not None
        modifier = (Qt.KeyboardModifier.ControlModifier
                    if widget.property("field_name") and hasattr(widget, "rowCount")
                    else Qt.KeyboardModifier.NoModifier)
        qtbot.keyClick(widget, Qt.Key.Key_Tab, modifier)
    raise AssertionError(f"Tab never reached {name}; stuck at {focused_field()}")


def type_field(qtbot: Any, editor: FormEditor, name: str, text: str) -> None:
    tab_to(qtbot, editor, name)
    widget = QApplication.focusWidget()
    assert widget is not None
    qtbot.keyClicks(widget, text)
    qtbot.keyClick(widget, Qt.Key.Key_Return)  # Enter commits and moves on


MEMBERS = [
    # nik, name, sex code, relation code, birth (ddmmyyyy)
    ("3501011203750001", "Suparman", "1", "1", "12031975"),
    ("3501014107780002", "Sumiati", "2", "3", "01071978"),
    ("3501012001000003", "Andi", "1", "4", "20012000"),
]


def enter_household(qtbot: Any, editor: FormEditor) -> None:
    editor.focus_first()
    type_field(qtbot, editor, "no_kk", "3501011502150003")
    type_field(qtbot, editor, "nama_kk", "Suparman")
    type_field(qtbot, editor, "alamat", "Dusun Krajan")
    type_field(qtbot, editor, "rt", "002")
    type_field(qtbot, editor, "rw", "001")
    type_field(qtbot, editor, "dusun", "Krajan")
    for nik, name, sex, relation, born in MEMBERS:
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_M,
                       Qt.KeyboardModifier.ControlModifier)
        type_field(qtbot, editor, "nik", nik)
        type_field(qtbot, editor, "nama", name)
        type_field(qtbot, editor, "jenis_kelamin", sex)
        type_field(qtbot, editor, "hubungan", relation)
        type_field(qtbot, editor, "tgl_lahir", born)
        type_field(qtbot, editor, "status_kawin", "1" if relation != "4" else "0")


def save_and_wait(qtbot: Any, editor: FormEditor) -> None:
    with qtbot.waitSignal(editor.saved, timeout=10_000):
        qtbot.keyClick(QApplication.focusWidget() or editor, Qt.Key.Key_S,
                       Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: not editor.saving)


def test_keyboard_only_household_saves_and_reopens(qtbot: Any, editor: FormEditor,
                                                   session: AppSession) -> None:
    enter_household(qtbot, editor)
    assert editor.state.instance_count("anggota") == 3
    assert not editor.state.has_errors, editor.state.issues()
    assert editor.submit_button.isEnabled()
    save_and_wait(qtbot, editor)
    record_id = editor.record_id
    assert record_id is not None and not editor.dirty
    editor.load(None)
    editor.load(record_id)  # reopen: every value as typed
    top = editor.top.rows
    assert top["no_kk"].input.text() == "3501011502150003"
    assert top["nama_kk"].input.text() == "Suparman"
    assert editor.members is not None
    for index, (nik, name, _sex, relation, born) in enumerate(MEMBERS):
        editor.members.select_member(index)
        rows = editor.members.registry.rows
        assert rows["nik"].input.text() == nik
        assert rows["nama"].input.text() == name
        assert rows["hubungan"].input.currentData() == relation
        assert rows["tgl_lahir"].input.text() == f"{born[:2]}/{born[2:4]}/{born[4:]}"
    saved = session.store.records.load(session.actor, record_id).answers
    assert saved["anggota"][1]["tgl_lahir"] == "1978-07-01"
    assert saved["anggota"][0]["jenis_kelamin"] == "1"
    hits = session.store.queries.page(session.actor, search="sumia")
    assert [r.id for r in hits.rows] == [record_id]


def test_relevance_hides_and_shows_live(qtbot: Any, editor: FormEditor) -> None:
    editor.focus_first()
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_M, Qt.KeyboardModifier.ControlModifier)
    assert editor.members is not None
    kb = editor.members.registry.rows["akseptor_kb"]
    type_field(qtbot, editor, "jenis_kelamin", "2")
    type_field(qtbot, editor, "tgl_lahir", "01011990")
    type_field(qtbot, editor, "status_kawin", "1")
    assert kb.isVisible()  # a married woman of 36
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Backtab)  # Shift+Tab: back one
    assert focused_field() == "status_kawin"
    qtbot.keyClicks(QApplication.focusWidget(), "0")  # belum kawin
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
    assert not kb.isVisible()


def test_an_error_blocks_submission_and_shows_under_the_field(qtbot: Any,
                                                              editor: FormEditor) -> None:
    enter_household(qtbot, editor)
    assert editor.submit_button.isEnabled()
    assert editor.members is not None
    editor.members.select_member(2)
    nik = editor.members.registry.rows["nik"]
    nik.focus_input()
    nik.input.selectAll()
    qtbot.keyClicks(nik.input, "35010120")
    qtbot.keyClick(nik.input, Qt.Key.Key_Return)
    assert not editor.submit_button.isEnabled()
    assert nik.messages.isVisible() and "16 angka" in nik.messages.text()
    assert any("anggota[3]/nik" in editor.issues.item(i).text()
               for i in range(editor.issues.count()))
    nik.focus_input()
    nik.input.selectAll()
    qtbot.keyClicks(nik.input, "3501012001000003")
    qtbot.keyClick(nik.input, Qt.Key.Key_Return)
    assert editor.submit_button.isEnabled() and not nik.messages.isVisible()


def test_submit_moves_the_record_to_the_team(qtbot: Any, editor: FormEditor,
                                            session: AppSession) -> None:
    enter_household(qtbot, editor)
    editor.confirm = lambda title, text: True  # type: ignore[method-assign]
    with qtbot.waitSignal(editor.status_changed, timeout=10_000):
        editor.submit_button.click()
    assert editor.status is Status.SUBMITTED and not editor.editable
    assert session.store.records.load(session.actor, str(editor.record_id)).status is (
        Status.SUBMITTED)


def test_autosave_and_recovery_after_a_crash(qtbot: Any, session: AppSession) -> None:
    first = FormEditor(session)
    qtbot.addWidget(first)
    first.autosave.setInterval(200)
    first.resize(1366, 768)
    first.load(None)
    first.show()
    first.activateWindow()
    qtbot.waitExposed(first)
    qtbot.waitUntil(lambda: first.isActiveWindow())
    first.focus_first()
    type_field(qtbot, first, "no_kk", "3501011502150003")
    type_field(qtbot, first, "nama_kk", "Keluarga Pulih")
    with qtbot.waitSignal(first.saved, timeout=10_000):
        pass  # the autosave fires by itself 200 ms after typing stopped
    qtbot.waitUntil(lambda: not first.saving)
    record_id = first.record_id
    assert record_id is not None
    assert session.store.records.load(session.actor, record_id).answers["nama_kk"] == (
        "Keluarga Pulih")
    type_field(qtbot, first, "alamat", "Belum tersimpan")  # typed, then the power fails
    first.autosave.stop()
    first.hide()  # the crash: no save, no close, the window is simply gone
    first.setParent(None)

    left = pending(session.store.db.path, session.actor.username)
    assert len(left) == 1 and left[0].answers["alamat"] == "Belum tersimpan"
    second = FormEditor(session)
    qtbot.addWidget(second)
    second.load(left[0].record_id, recovered=left[0])
    assert second.dirty and second.record_id == record_id
    assert second.top.rows["alamat"].input.text() == "Belum tersimpan"
    assert second.top.rows["nama_kk"].input.text() == "Keluarga Pulih"
    with qtbot.waitSignal(second.saved, timeout=10_000):
        second.save("dipulihkan")
    qtbot.waitUntil(lambda: not second.saving)
    assert session.store.records.load(session.actor, record_id).answers["alamat"] == (
        "Belum tersimpan")
    assert pending(session.store.db.path, session.actor.username) == []


def test_choice_typing_by_code_or_label(qtbot: Any, editor: FormEditor) -> None:
    editor.focus_first()
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_M, Qt.KeyboardModifier.ControlModifier)
    assert editor.members is not None
    sex = editor.members.registry.rows["jenis_kelamin"].input
    sex.setFocus()
    qtbot.keyClicks(sex, "per")
    assert sex.currentData() == "2"
    qtbot.wait(1000)  # the typed prefix expires
    qtbot.keyClicks(sex, "1")
    assert sex.currentData() == "1"


def test_removing_a_member_asks_first(qtbot: Any, editor: FormEditor) -> None:
    enter_household(qtbot, editor)
    assert editor.members is not None
    answers: list[bool] = [False, True]
    editor.confirm = lambda title, text: answers.pop(0)  # type: ignore[method-assign]
    editor.members.select_member(2)
    editor.members.remove_button.click()
    assert editor.state.instance_count("anggota") == 3  # "No" keeps everything
    editor.members.remove_button.click()
    assert editor.state.instance_count("anggota") == 2
    assert isinstance(editor.members.roster, QWidget)
    assert "★" in editor.members.roster.item(0, 0).text()  # the head is marked


def test_grid_cells_take_codes_and_show_labels(qtbot: Any, editor: FormEditor) -> None:
    table = editor.top.matrices["air_minum"]
    name = table.matrix.cells[("2", "kondisi")]
    row, column = table.cell_of[name]
    table.item(row, column).setText("2, 3")  # as typed into the cell
    assert editor.state.answer(name) == ["2", "3"]
    assert table.item(row, column).text() == "2. Berasa; 3. Berwarna"
    assert [i.message for i in editor.state.issues_for(name)] == []
    table.item(row, column).setText("1 2")  # Baik cannot go with Berasa
    assert editor.state.issues_for(name)
    assert table.item(row, column).background().color().name() == "#f8d7da"


def test_a_late_save_does_not_touch_the_next_record(qtbot: Any, editor: FormEditor,
                                                    session: AppSession) -> None:
    enter_household(qtbot, editor)
    editor.save("disimpan")  # still running in the background ...
    editor.load(None)  # ... when another household is opened
    qtbot.waitUntil(lambda: session.store.queries.page(session.actor).total == 1)
    qtbot.wait(100)
    assert editor.record_id is None and not editor.dirty
    assert editor.top.rows["nama_kk"].input.text() == ""
