"""Enter opens the selected row of a list, as double-click does ("Tinjau (Enter)").

Qt's item views only emit ``activated`` on Enter on some platforms and styles, and a
table whose cells are not editable swallows the key; the typist who moved with the
arrows expects Enter to open what is selected on every list of the app.
"""

from __future__ import annotations

from collections.abc import Callable

from desa_app.gui.qt import QAbstractItemView, QEvent, QObject, Qt, QtCore, QtGui

ENTER_KEYS = (Qt.Key.Key_Return, Qt.Key.Key_Enter)


class EnterOpens(QObject):
    """Install on a view: Enter (and double-click) calls ``open_row``."""

    def __init__(self, view: QAbstractItemView, open_row: Callable[[], None]) -> None:
        super().__init__(view)
        self.view = view
        self.open_row = open_row
        view.installEventFilter(self)
        view.doubleClicked.connect(lambda _index: open_row())

    def eventFilter(self, watched: QObject, event: QtCore.QEvent) -> bool:
        if (watched is self.view and event.type() == QEvent.Type.KeyPress
                and isinstance(event, QtGui.QKeyEvent) and event.key() in ENTER_KEYS
                and not event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
                and self.view.state() != QAbstractItemView.State.EditingState):
            if self.view.currentIndex().isValid():
                self.open_row()
            return True
        return super().eventFilter(watched, event)


def open_on_enter(view: QAbstractItemView, open_row: Callable[[], None]) -> EnterOpens:
    return EnterOpens(view, open_row)
