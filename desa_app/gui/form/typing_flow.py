"""What the editor does around the box being typed: the live No KK/NIK warning, the
village's dusun names, the footer hint, unlocking an automatic answer on purpose, and
the Ctrl+G and F1 dialogs.

A part of :class:`desa_app.gui.form.editor.FormEditor`; the dialogs and the identity
lookup themselves are in :mod:`desa_app.gui.form.typing_aids`.
"""

from __future__ import annotations

from desa_app.core.errors import StoreError
from desa_app.core.instrument.issues import Key
from desa_app.gui.form.inputs import WARNING_STYLE
from desa_app.gui.form.journal_flow import JournalFlow
from desa_app.gui.form.navigation_flow import NavigationFlow
from desa_app.gui.form.parts import EditorContext
from desa_app.gui.form.stops import Stop
from desa_app.gui.form.typing_aids import GoToDialog, IdentityWatch, KeyboardHelp
from desa_app.gui.i18n import form_language, t
from desa_app.gui.qt import QLabel

HINT_STYLE = "color: #0b4f9c;"


class TypingFlow:
    """Warnings and aids while typing."""

    def __init__(self, context: EditorContext, navigation: NavigationFlow,
                 journal: JournalFlow, hint: QLabel) -> None:
        self.context = context
        self.navigation = navigation
        self.journal = journal
        self.hint = hint
        self.identity = IdentityWatch(context.session, context.instrument)
        self.unlocked: set[str] = set()
        self._village_names: list[str] = []

    def typing_in(self, name: str, key: Key) -> None:
        """A box is being typed: the journal keeps its text within a second, and a
        complete No KK or NIK is looked up at once."""
        if self.context.record.editable:
            self.journal.soon()
            row = self.context.row(name, key)
            if row is not None and row.input is not None and self.identity.watches(name):
                text = row.input.box.text()
                if len(text) == 16:
                    self.warn_identity(name, key, text)

    def warn_identity(self, name: str, key: Key, value: object) -> None:
        """No KK or NIK already in another household of the village: say which, at once."""
        if not self.identity.watches(name):
            return
        row = self.context.row(name, key)
        if row is None:
            return
        warning = self.identity.warning(name, str(value or ""), self.context.record.record_id)
        if warning:
            row.show_feedback(warning, WARNING_STYLE)
        elif row.feedback.text().startswith("⚠"):
            row.show_feedback("", "")

    def village_names(self) -> list[str]:
        return self._village_names

    def reload_village_names(self) -> None:
        """The dusun names H.6 accepts (read again for each record: Pengaturan may have
        changed them); unreadable, the box says the list is empty and a name can still
        be taken with Ctrl+Enter."""
        try:
            self._village_names = list(self.context.session.store.dusun_names())
        except StoreError:
            self._village_names = []

    def show_hint(self, text: str, style: str = "") -> None:
        style = style or HINT_STYLE
        if self.hint.styleSheet() != style:  # (restyling costs more than a keystroke)
            self.hint.setStyleSheet(style)
        if self.hint.text() != text:
            self.hint.setText(text)

    def unlock(self, name: str) -> None:
        """An automatic answer (the village code) opened for this record on purpose."""
        row = self.context.top.rows.get(name)
        if row is None or not self.context.record.editable:
            return
        if not self.context.view.confirm(
                t("form.unlock_title"),
                t("form.unlock_confirm", label=row.field.label.get(form_language()))):
            return
        self.unlocked.add(name)
        row.set_unlocked(True)
        self.navigation.focus_stop(Stop(name, ()))

    def relock_all(self) -> None:
        """Another record: what was unlocked was unlocked for the previous one."""
        for name in list(self.unlocked):
            self.unlocked.discard(name)
            row = self.context.top.rows.get(name)
            if row is not None:
                row.set_unlocked(False)

    def ask_number(self) -> None:
        """Ctrl+G: go to an item by its printed number (the current member's)."""
        parent = self.context.parent
        dialog = GoToDialog(parent, self.navigation.number_problem)
        accepted = dialog.exec() == GoToDialog.DialogCode.Accepted
        parent.window().activateWindow()  # the typing goes on in the form
        if accepted:
            self.navigation.go_to_number(dialog.number.text())

    def show_keyboard_help(self) -> None:
        KeyboardHelp(self.context.parent).exec()
