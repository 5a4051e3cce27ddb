"""Small helpers around typing: Ctrl+G "ke nomor", the F1 keyboard card, the live
No KK / NIK duplicate warning, and the guard that keeps the mouse wheel from changing
a drop-down nobody is looking at."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from desa_app.core.errors import StoreError
from desa_app.core.instrument.model import Instrument
from desa_app.gui.i18n import t
from desa_app.gui.qt import (
    QDialog,
    QDialogButtonBox,
    QEvent,
    QLabel,
    QLineEdit,
    QObject,
    QtCore,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

if TYPE_CHECKING:
    from desa_app.gui.session import AppSession


class WheelGuard(QObject):
    """A wheel turn over a drop-down or spin box without the focus scrolls nothing and
    changes nothing (Qt would change the answer under the pointer)."""

    def watch(self, widget: QWidget) -> None:
        widget.setFocusPolicy(QtCore.Qt.FocusPolicy.StrongFocus)
        widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QtCore.QEvent) -> bool:
        if event.type() == QEvent.Type.Wheel and isinstance(watched, QWidget) \
                and not watched.hasFocus():
            event.ignore()
            return True
        return False


class IdentityWatch:
    """Which questions are the No KK and the members' NIK (declared by the definition's
    ``record_keys.no_kk`` and ``person_index.nik``), and who else in the village has
    the number being typed."""

    def __init__(self, session: AppSession, instrument: Instrument) -> None:
        self.session = session
        keys = instrument.settings.get("record_keys") or {}
        people = instrument.settings.get("person_index") or {}
        self.no_kk = keys.get("no_kk") if instrument.kind == "household" else None
        self.nik = people.get("nik")

    def watches(self, name: str) -> bool:
        return name in (self.no_kk, self.nik)

    def warning(self, name: str, number: str, record_id: str | None) -> str:
        if len(number) != 16 or not number.isascii() or not number.isdigit():
            return ""
        queries = self.session.store.queries
        actor = self.session.actor
        try:
            if name == self.nik:
                hits = queries.households_with_nik(actor, number, record_id)
            else:
                hits = queries.households_with_no_kk(actor, number, record_id)
        except StoreError:
            return ""
        if not hits:
            return ""
        hit = hits[0]
        where = t("identity.where", head=hit.nama_kk or "—", no_kk=hit.no_kk or "—",
                  dusun=hit.dusun or "—", rt=hit.rt or "—")
        if name == self.nik:
            return t("identity.nik_taken", where=where, n=hit.member or "?",
                     name=hit.member_name or "—")
        return t("identity.kk_taken", where=where)


class GoToDialog(QDialog):
    """Ctrl+G: type a printed item number (``1.22``, ``2.1.14``), Enter. ``check``
    says why a number cannot be reached (or ``None``); the jump itself happens once
    the dialog is closed, so the focus lands in the form, not back where it was."""

    def __init__(self, parent: QWidget, check: Callable[[str], str | None]) -> None:
        super().__init__(parent)
        self.check = check
        self.setWindowTitle(t("form.goto_title"))
        self.number = QLineEdit()
        self.number.setPlaceholderText(t("form.goto_placeholder"))
        self.number.setProperty("goto", True)
        self.message = QLabel("")
        self.message.setStyleSheet("color: #b00020;")
        self.message.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(t("form.goto_prompt")))
        layout.addWidget(self.number)
        layout.addWidget(self.message)
        buttons = QDialogButtonBox()
        buttons.addButton(t("form.goto_cancel"), QDialogButtonBox.ButtonRole.RejectRole)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.number.returnPressed.connect(self._go)
        self.number.setFocus()

    def _go(self) -> None:
        problem = self.check(self.number.text())
        if problem is None:
            self.accept()
        else:
            self.message.setText(problem)
            self.number.selectAll()


class KeyboardHelp(QDialog):
    """F1: the keyboard contract (``docs/keyboard.md``) on one card."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setWindowTitle(t("help.keyboard_title"))
        text = QTextBrowser()
        text.setHtml(t("help.keyboard"))
        buttons = QDialogButtonBox()
        close = buttons.addButton(t("help.close"), QDialogButtonBox.ButtonRole.RejectRole)
        close.setDefault(True)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(text)
        layout.addWidget(buttons)
        self.resize(720, 560)
