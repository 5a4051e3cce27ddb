"""The cursor never leaves the screen, also where the form tells the typist something:
at the end of a member the hint "Ctrl+M menambah anggota berikutnya" takes three lines
below the questions, the questions' area shrinks, and the question with the cursor must
stay in view (found by the typist of bench/gui_bench.py in the 1366×768 window)."""

from __future__ import annotations

from typing import Any

from desa_app.gui.app import build_window
from desa_app.gui.i18n import t
from desa_app.gui.qt import Qt

from .editor_driving import ctrl, focused_field, tab_to
from .typist import in_view, press, show_active


def test_the_end_of_a_member_keeps_the_last_question_in_view(qtbot: Any,
                                                                session: Any) -> None:
    window, host = build_window(session)
    qtbot.addWidget(window)
    window.resize(1366, 768)
    editor = host.ensure_editor()  # Ctrl+N from the list: a new household
    editor.load(None)
    editor.show()
    show_active(qtbot, window)
    editor.focus_first()
    ctrl(qtbot, Qt.Key.Key_M)
    tab_to(qtbot, "galian_lain1_nama", 2000)  # the member's last question (2.7, "lain")
    assert in_view(editor) and editor.typing.hint.text() == ""
    questions = editor.scroller.viewport().height()

    press(qtbot, Qt.Key.Key_Tab)  # nothing more for this member

    assert focused_field() == "galian_lain1_nama"
    assert editor.typing.hint.text() == t("form.hint_end_members")
    assert editor.scroller.viewport().height() < questions  # the hint took room
    assert in_view(editor)
    window.close()
