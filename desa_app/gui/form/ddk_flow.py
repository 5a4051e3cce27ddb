""""Hitung dari DDK" in the questionnaire of a village-level record, and the marks
that say which figures came from DDK and which were typed by hand.

A part of :class:`desa_app.gui.form.editor.FormEditor`. Counting reads every verified
household, so it runs in the background; nothing is written until the user has seen the
differences and accepted them, and the whole step can be undone until the record is
closed (it is an ordinary edit: autosaved, journalled, in the record's history).
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Any

from desa_app.core.instrument.model import Field
from desa_app.core.instrument.state import ChangeSet
from desa_app.core.profil import refresh
from desa_app.core.profil.figures import figure_fields
from desa_app.gui.form.ddk_dialog import DdkDialog, number_text
from desa_app.gui.form.parts import EditorContext
from desa_app.gui.form.saving import SaveFlow
from desa_app.gui.i18n import t
from desa_app.gui.operation import BackgroundOp, BusyBar, Failure
from desa_app.gui.qt import QDialog, QLabel, QMessageBox, QPushButton

if TYPE_CHECKING:
    from desa_app.core.profil.service import DdkFigures

ORIGIN_STYLE = {refresh.Origin.DDK: "color: #00695c;", refresh.Origin.MANUAL: "color: #8a5a00;"}


class DdkFlow:
    """Counting, confirming, applying and undoing DDK figures; origin marks."""

    def __init__(self, context: EditorContext, saver: SaveFlow, button: QPushButton,
                 undo_button: QPushButton, save_label: QLabel) -> None:
        self.context = context
        self.saver = saver
        self.button = button
        self.undo_button = undo_button
        self.save_label = save_label
        self.figure_names = {f.name for f in figure_fields(context.instrument)}
        self.previous: dict[str, Any] | None = None
        self.applied: dict[str, Any] = {}
        button.clicked.connect(self.count_from_ddk)
        undo_button.clicked.connect(self.undo_ddk)
        self.show_buttons()

    def show_buttons(self) -> None:
        editable = self.context.record.editable
        self.button.setVisible(bool(self.figure_names) and editable)
        self.undo_button.setVisible(editable and self.previous is not None)

    def forget_undo(self) -> None:
        """Another record was opened: its undo is not this one's."""
        self.previous = None
        self.applied = refresh.applied_values(self.context.state)
        self.show_buttons()

    # -- marks ---------------------------------------------------------------------------
    def origin_mark(self, field: Field) -> tuple[str, str, str]:
        """(text, style, tooltip) beside a countable figure; empty when nothing to say."""
        if field.name not in self.figure_names:
            return "", "", ""
        origin = refresh.origin(self.context.state, field.name, self.applied)
        if origin is refresh.Origin.DDK:
            return t("ddk.mark_ddk"), ORIGIN_STYLE[origin], t("ddk.tip_ddk")
        if origin is refresh.Origin.MANUAL:
            last = self.applied.get(field.name)
            text = (t("ddk.mark_manual", value=number_text(last)) if last is not None
                    else t("ddk.mark_manual_plain"))
            return text, ORIGIN_STYLE[origin], t("ddk.tip_manual")
        return "", "", ""

    # -- counting ------------------------------------------------------------------------
    def record_year(self) -> int:
        question = (self.context.instrument.settings.get("record_keys") or {}).get("period", "")
        try:
            return int(self.context.state.answer(question))
        except (TypeError, ValueError):
            return date.today().year

    def count_from_ddk(self) -> None:
        context = self.context
        if not context.record.editable or not self.figure_names:
            return
        profil = context.session.profil
        actor, instrument, year = context.session.actor, context.instrument, self.record_year()
        generation = context.record.generation
        self.save_label.setText(t("ddk.counting"))

        def done(figures: DdkFigures) -> None:
            if generation == context.record.generation:  # still the same record on screen
                self.confirm_ddk(figures)

        def failed(failure: Failure) -> None:
            context.view.refresh_summary()  # "counting…" goes; nothing was written
            # the one standard line (a bug: "kesalahan tak terduga", its details logged)
            message = t("ddk.failed", error=failure.message)
            QMessageBox.warning(context.parent, t("ddk.dialog_title"), message)

        # the button is off while counting and works again whatever the outcome
        BackgroundOp(context.parent, lambda: profil.ddk_figures(actor, instrument, year)) \
            .success(done).failure(failed).busy(BusyBar(lock=(self.button,))).run()

    def confirm_ddk(self, figures: DdkFigures) -> None:
        changes = refresh.compare(self.context.state, figures.values)
        dialog = DdkDialog(self.context.parent, figures, changes)
        accepted = dialog.exec() == QDialog.DialogCode.Accepted
        if not accepted or not figures.households:  # nothing was counted: keep the record
            self.context.view.refresh_summary()
            return
        self.apply_ddk(figures, dialog.accepted_names())

    def apply_ddk(self, figures: DdkFigures, names: list[str]) -> None:
        now = self.context.session.store.clock()
        changes, previous = refresh.apply(self.context.state, figures.values, names,
                                          figures.facts(now))
        self.previous = previous
        self.applied = refresh.applied_values(self.context.state)
        self._after_ddk(changes)
        self.save_label.setText(t("ddk.applied", n=len(names)))

    def undo_ddk(self) -> None:
        if self.previous is None:
            return
        changes = refresh.undo(self.context.state, self.previous)
        self.previous = None
        self.applied = refresh.applied_values(self.context.state)
        self._after_ddk(changes)
        self.save_label.setText(t("ddk.undone"))

    def _after_ddk(self, changes: ChangeSet) -> None:
        self.saver.record_changed(journal_now=True)
        self.context.view.refresh_all()
        self.context.view.apply(changes)
        self.show_buttons()
