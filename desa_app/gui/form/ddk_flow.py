""""Hitung dari DDK" in the questionnaire of a village-level record, and the marks
that say which figures came from DDK and which were typed by hand.

A mixin of :class:`desa_app.gui.form.editor.FormEditor`. Counting reads every verified
household, so it runs in the background; nothing is written until the user has seen the
differences and accepted them, and the whole step can be undone until the record is
closed (it is an ordinary edit: autosaved, journalled, in the record's history).
"""

from __future__ import annotations

from datetime import date
from typing import Any, cast

from desa_app.core.errors import StoreError
from desa_app.core.instrument.model import Field
from desa_app.core.profil import refresh
from desa_app.core.profil.figures import figure_fields
from desa_app.gui.form.ddk_dialog import DdkDialog, number_text
from desa_app.gui.form.parts import EditorParts
from desa_app.gui.i18n import t
from desa_app.gui.qt import QDialog, QMessageBox, QObject
from desa_app.gui.worker import run_in_background

ORIGIN_STYLE = {refresh.Origin.DDK: "color: #00695c;", refresh.Origin.MANUAL: "color: #8a5a00;"}


class DdkFlow(EditorParts):
    """Counting, confirming, applying and undoing DDK figures; origin marks."""

    # provided by FormEditor
    ddk_button: Any
    ddk_undo_button: Any
    generation: int

    def init_ddk(self) -> None:
        self.figure_names = {f.name for f in figure_fields(self.instrument)}
        self.ddk_previous: dict[str, Any] | None = None
        self.ddk_applied: dict[str, Any] = {}
        self.ddk_button.clicked.connect(self.count_from_ddk)
        self.ddk_undo_button.clicked.connect(self.undo_ddk)
        self.show_ddk_buttons()

    def show_ddk_buttons(self) -> None:
        self.ddk_button.setVisible(bool(self.figure_names) and self.editable)
        self.ddk_undo_button.setVisible(self.editable and self.ddk_previous is not None)

    def forget_ddk_undo(self) -> None:
        """Another record was opened: its undo is not this one's."""
        self.ddk_previous = None
        self.ddk_applied = refresh.applied_values(self.state)
        self.show_ddk_buttons()

    # -- marks ---------------------------------------------------------------------------
    def origin_mark(self, field: Field) -> tuple[str, str, str]:
        """(text, style, tooltip) beside a countable figure; empty when nothing to say."""
        if field.name not in self.figure_names:
            return "", "", ""
        origin = refresh.origin(self.state, field.name, self.ddk_applied)
        if origin is refresh.Origin.DDK:
            return t("ddk.mark_ddk"), ORIGIN_STYLE[origin], t("ddk.tip_ddk")
        if origin is refresh.Origin.MANUAL:
            last = self.ddk_applied.get(field.name)
            text = (t("ddk.mark_manual", value=number_text(last)) if last is not None
                    else t("ddk.mark_manual_plain"))
            return text, ORIGIN_STYLE[origin], t("ddk.tip_manual")
        return "", "", ""

    # -- counting ------------------------------------------------------------------------
    def record_year(self) -> int:
        question = (self.instrument.settings.get("record_keys") or {}).get("period", "")
        try:
            return int(self.state.answer(question))
        except (TypeError, ValueError):
            return date.today().year

    def count_from_ddk(self) -> None:
        from desa_app.core.profil.service import Profil

        if not self.editable or not self.figure_names:
            return
        profil = Profil(self.session.store)
        actor, instrument, year = self.session.actor, self.instrument, self.record_year()
        generation = self.generation
        self.ddk_button.setEnabled(False)
        self.save_label.setText(t("ddk.counting"))

        def done(figures: Any) -> None:
            self.ddk_button.setEnabled(True)
            if generation == self.generation:  # still the same record on screen
                self.confirm_ddk(figures)

        def failed(error: BaseException, trace: str) -> None:
            self.ddk_button.setEnabled(True)
            self.refresh_summary()  # "counting…" goes; nothing was written
            if isinstance(error, StoreError):  # refused (account, permission, file ...)
                message = t("ddk.failed", error=str(error))
            else:  # a bug: said as one, with what a developer needs
                message = t("ddk.failed_bug", error=f"{type(error).__name__}: {error}",
                            trace=trace)
            QMessageBox.warning(self, t("ddk.dialog_title"), message)  # type: ignore[arg-type]

        run_in_background(lambda: profil.ddk_figures(actor, instrument, year), done, failed,
                          owner=cast(QObject, self))

    def confirm_ddk(self, figures: Any) -> None:
        changes = refresh.compare(self.state, figures.values)
        dialog = DdkDialog(self, figures, changes)  # type: ignore[arg-type]
        accepted = dialog.exec() == QDialog.DialogCode.Accepted
        if not accepted or not figures.households:  # nothing was counted: keep the record
            self.refresh_summary()
            return
        self.apply_ddk(figures, dialog.accepted_names())

    def apply_ddk(self, figures: Any, names: list[str]) -> None:
        now = self.session.store.clock()
        changes, previous = refresh.apply(self.state, figures.values, names,
                                          figures.facts(now))
        self.ddk_previous = previous
        self.ddk_applied = refresh.applied_values(self.state)
        self._after_ddk(changes)
        self.save_label.setText(t("ddk.applied", n=len(names)))

    def undo_ddk(self) -> None:
        if self.ddk_previous is None:
            return
        changes = refresh.undo(self.state, self.ddk_previous)
        self.ddk_previous = None
        self.ddk_applied = refresh.applied_values(self.state)
        self._after_ddk(changes)
        self.save_label.setText(t("ddk.undone"))

    def _after_ddk(self, changes: Any) -> None:
        self.dirty = True
        self.journal_now()
        self.refresh_all()
        self.apply(changes)
        self.show_ddk_buttons()
        self.autosave.start()

