"""Driving the questionnaire like a typist, shared by the editor tests: a fresh village
(with its dusun list) per test, the editor shown and active, and the moves a person
makes (Tab to a question, type, Enter, Ctrl+key). Keys go to the focused widget only.
"""

from __future__ import annotations

from typing import Any

from desa_app.gui.form.editor import FormEditor
from desa_app.gui.form.matrix import MatrixTable
from desa_app.gui.qt import QApplication, Qt

from ..village import PASSWORD
from .typist import press, show_active, type_text

__all__ = ["PASSWORD"]


def open_editor(qtbot: Any, session: Any) -> FormEditor:
    widget = FormEditor(session)
    widget.load(None)
    show_active(qtbot, widget)
    widget.focus_first()  # what the form host does when it shows a record
    return widget

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
