"""Yes/No questions with Indonesian buttons ("Ya"/"Tidak", or "Yes"/"No" in English).

Qt ships no Indonesian translation, so a plain ``QMessageBox.question`` shows English
"Yes"/"No" in the Indonesian app. Every question goes through :func:`ask`, which keeps
the standard buttons (tests and keyboards find them as ``StandardButton.Yes``) with our
texts and an explicit default: ``No`` unless saying yes by accident is harmless.
"""

from __future__ import annotations

from desa_app.gui.i18n import t
from desa_app.gui.qt import QMessageBox, QPushButton, QWidget

Yes = QMessageBox.StandardButton.Yes
No = QMessageBox.StandardButton.No


def question_box(parent: QWidget | None, title: str, text: str, *,
                 default_yes: bool = False) -> QMessageBox:
    box = QMessageBox(QMessageBox.Icon.Question, title, text, Yes | No, parent)
    for button, key in ((Yes, "common.yes"), (No, "common.no")):
        widget = box.button(button)
        widget.setText(t(key))
        if isinstance(widget, QPushButton):
            widget.setAutoDefault(False)  # the default below stays the default under X
    box.setDefaultButton(Yes if default_yes else No)
    return box


def ask(parent: QWidget | None, title: str, text: str, *, default_yes: bool = False) -> bool:
    """True when the user answers "Ya"; Escape and closing the box mean "Tidak"."""
    box = question_box(parent, title, text, default_yes=default_yes)
    box.setEscapeButton(No)
    return bool(box.exec() == Yes)
