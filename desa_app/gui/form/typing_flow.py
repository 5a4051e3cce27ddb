"""What the editor does around the box being typed: the live No KK/NIK warning, the
village's dusun names, the footer hint, unlocking an automatic answer on purpose, and
the Ctrl+G and F1 dialogs.

A mixin of :class:`desa_app.gui.form.editor.FormEditor`; the dialogs and the identity
lookup themselves are in :mod:`desa_app.gui.form.typing_aids`.
"""

from __future__ import annotations

from desa_app.core.errors import StoreError
from desa_app.core.instrument.issues import Key
from desa_app.gui.form.inputs import WARNING_STYLE
from desa_app.gui.form.journal_flow import JournalFlow
from desa_app.gui.form.stops import Stop
from desa_app.gui.form.typing_aids import GoToDialog, KeyboardHelp
from desa_app.gui.i18n import form_language, t

HINT_STYLE = "color: #0b4f9c;"


class TypingFlow(JournalFlow):
    """Warnings and aids while typing."""

    def typing_in(self, name: str, key: Key) -> None:
        """A box is being typed: the journal keeps its text within a second, and a
        complete No KK or NIK is looked up at once."""
        if self.editable:
            self.journal_soon()
            row = self._row(name, key)
            if row is not None and row.input is not None and self.identity.watches(name):
                text = row.input.box.text()
                if len(text) == 16:
                    self.warn_identity(name, key, text)

    def warn_identity(self, name: str, key: Key, value: object) -> None:
        """No KK or NIK already in another household of the village: say which, at once."""
        if not self.identity.watches(name):
            return
        row = self._row(name, key)
        if row is None:
            return
        warning = self.identity.warning(name, str(value or ""), self.record_id)
        if warning:
            row.show_feedback(warning, WARNING_STYLE)
        elif row.feedback.text().startswith("⚠"):
            row.show_feedback("", "")

    def village_names(self) -> list[str]:
        return self._village_names

    def load_village_names(self) -> list[str]:
        """The dusun names H.6 accepts; unreadable, the box says the list is empty and
        a name can still be taken with Ctrl+Enter."""
        try:
            return list(self.session.store.dusun_names())
        except StoreError:
            return []

    def show_hint(self, text: str, style: str = "") -> None:
        style = style or HINT_STYLE
        if self.hint.styleSheet() != style:  # (restyling costs more than a keystroke)
            self.hint.setStyleSheet(style)
        if self.hint.text() != text:
            self.hint.setText(text)

    def unlock(self, name: str) -> None:
        """An automatic answer (the village code) opened for this record on purpose."""
        row = self.top.rows.get(name)
        if row is None or not self.editable:
            return
        if not self.confirm(t("form.unlock_title"),
                            t("form.unlock_confirm", label=row.field.label.get(form_language()))):
            return
        self.unlocked.add(name)
        row.set_unlocked(True)
        self.focus_stop(Stop(name, ()))

    def relock(self, name: str) -> None:
        self.unlocked.discard(name)
        row = self.top.rows.get(name)
        if row is not None:
            row.set_unlocked(False)

    def ask_number(self) -> None:
        """Ctrl+G: go to an item by its printed number (the current member's)."""
        dialog = GoToDialog(self.widget(), self.number_problem)
        accepted = dialog.exec() == GoToDialog.DialogCode.Accepted
        self.widget().window().activateWindow()  # the typing goes on in the form
        if accepted:
            self.go_to_number(dialog.number.text())

    def show_keyboard_help(self) -> None:
        KeyboardHelp(self.widget()).exec()
