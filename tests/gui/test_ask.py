"""Questions answer in the app's language: "Ya"/"Tidak" (Qt has no Indonesian of its
own), "Tidak" by default unless asked otherwise, Escape means "Tidak"."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from desa_app.gui.ask import ask, question_box
from desa_app.gui.i18n import set_language
from desa_app.gui.qt import QApplication, QMessageBox, Qt, QTimer, QWidget


@pytest.fixture
def parent(qtbot: Any) -> Iterator[QWidget]:
    widget = QWidget()
    qtbot.addWidget(widget)
    yield widget
    set_language("id")


def test_the_buttons_speak_the_apps_language(parent: QWidget) -> None:
    box = question_box(parent, "Hapus", "Hapus anggota ini?")
    yes, no = box.button(QMessageBox.StandardButton.Yes), box.button(QMessageBox.StandardButton.No)
    assert (yes.text(), no.text()) == ("Ya", "Tidak")
    assert box.defaultButton() is no
    set_language("en")
    box = question_box(parent, "Remove", "Remove this member?", default_yes=True)
    assert box.button(QMessageBox.StandardButton.Yes).text() == "Yes"
    assert box.defaultButton() is box.button(QMessageBox.StandardButton.Yes)


@pytest.mark.parametrize(("key", "default_yes", "expected"), [
    (Qt.Key.Key_Return, False, False),  # Enter takes the default: Tidak
    (Qt.Key.Key_Return, True, True),
    (Qt.Key.Key_Escape, True, False),  # Escape is always Tidak
])
def test_keys_answer_as_the_default_says(qtbot: Any, parent: QWidget, key: Qt.Key,
                                         default_yes: bool, expected: bool) -> None:
    def press() -> None:
        box = QApplication.activeModalWidget()
        assert isinstance(box, QMessageBox)
        qtbot.keyClick(box, key)

    QTimer.singleShot(50, press)
    assert ask(parent, "Tanya", "Lanjut?", default_yes=default_yes) is expected
