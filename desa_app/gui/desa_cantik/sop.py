"""SOP: the year's schedule of the Profil Desa steps, lateness, output documents, targets.

A year without a plan still shows its eight steps (core returns unsaved defaults), so
a viewer sees what the SOP asks even before the operator plans; planning and dates are
for MANAGE_SOP holders, targets for SET_TARGETS holders (core checks both again).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from desa_app.core.store.sop_tracker import StepInfo, TargetInfo
from desa_app.core.workflow import Action
from desa_app.gui.dates import from_qdate, to_qdate
from desa_app.gui.desa_cantik import (
    ERROR_COLOUR,
    OK_COLOUR,
    DateField,
    FormDialog,
    ask,
    attempt,
    date_edit,
    day_text,
    read_table,
)
from desa_app.gui.desa_cantik.attachment_strip import AttachmentStrip
from desa_app.gui.enter_opens import open_on_enter
from desa_app.gui.i18n import t
from desa_app.gui.login import problem_label
from desa_app.gui.qt import (
    QColor,
    QComboBox,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidgetItem,
    QtWidgets,
    QVBoxLayout,
    QWidget,
)
from desa_app.gui.session import AppSession, Change


def state_text(step: StepInfo) -> tuple[str, str | None]:
    """What the step's last column says, and in which colour (None: the usual one)."""
    if step.late:
        return t("sop.late", n=step.days_late), ERROR_COLOUR
    if step.actual_end is not None:
        return t("sop.done"), OK_COLOUR
    if step.actual_start is not None:
        return t("sop.running"), None
    return "", None


class StepDialog(FormDialog):
    """Planned and actual dates (empty = not known) and a note of one step."""

    def __init__(self, parent: QWidget, step: StepInfo) -> None:
        super().__init__(t("sop.dates_title", step=step.label), parent)
        self.fields = {name: DateField(t(f"sop.{name}"), getattr(step, name))
                       for name in ("planned_start", "planned_end", "actual_start",
                                    "actual_end")}
        for name, field in self.fields.items():
            self.form.addRow(t(f"sop.{name}"), field)
        self.note = QLineEdit(step.note)
        self.form.addRow(t("sop.note"), self.note)

    def values(self) -> dict[str, date | None]:
        return {name: field.value() for name, field in self.fields.items()}


class SopTab(QWidget):
    """The year selector and plan, the steps table, the selected step's documents, targets."""

    def __init__(self, session: AppSession) -> None:
        super().__init__()
        self.session = session
        self.tracker = session.store.sop
        self.steps: list[StepInfo] = []
        self.targets: list[TargetInfo] = []
        self.dialog: StepDialog | None = None
        may = session.can(Action.MANAGE_SOP)
        today = date.today()
        self.year = QtWidgets.QSpinBox()
        self.year.setRange(2000, 2100)
        self.year.setValue(today.year)
        self.year.valueChanged.connect(self.year_changed)
        self.start = date_edit(today)
        self.plan_button = QPushButton(t("sop.plan"))
        self.plan_button.clicked.connect(self.plan_year)
        self.summary = QLabel()
        top = QHBoxLayout()
        top.addWidget(QLabel(t("sop.year")))
        top.addWidget(self.year)
        self.start_label = QLabel(t("sop.start"))
        for widget in (self.start_label, self.start, self.plan_button):
            widget.setVisible(may)
            top.addWidget(widget)
        top.addStretch(1)
        top.addWidget(self.summary)
        dates = [t(f"sop.{name}").replace(" ", "\n", 1) for name in
                 ("planned_start", "planned_end", "actual_start", "actual_end")]
        duration = t("sop.duration").replace(" ", "\n", 1)
        self.table = read_table([t("sop.step"), duration, t("sop.output"), *dates,
                                 t("sop.state"), t("sop.documents")], stretch=0)
        header = self.table.horizontalHeader()
        for column, width in enumerate((0, 130, 160, 86, 86, 86, 86, 130, 86)):
            if width:
                header.setSectionResizeMode(column,
                                            QtWidgets.QHeaderView.ResizeMode.Interactive)
                header.resizeSection(column, width)
        header.sectionResized.connect(lambda *_args: self.table.resizeRowsToContents())
        self.table.itemSelectionChanged.connect(self.show_step)
        open_on_enter(self.table, self.edit_selected)
        self.edit_button = QPushButton(t("sop.edit_dates"))
        self.edit_button.clicked.connect(self.edit_selected)
        self.edit_button.setVisible(may)
        self.problem = problem_label()
        self.strip = AttachmentStrip(session, may, "sop.attach")
        self.strip.changed.connect(self.refresh)
        self.documents = QGroupBox(t("sop.documents"))
        documents = QVBoxLayout(self.documents)
        documents.addWidget(self.strip)
        targets = self._targets_box()
        for box in (self.documents, targets):  # the steps table gets the height
            box.setMaximumHeight(250)
        below = QHBoxLayout()
        below.addWidget(self.documents, 3)
        below.addWidget(targets, 2)
        buttons = QHBoxLayout()
        buttons.addWidget(self.edit_button)
        buttons.addWidget(self.problem, 1)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        layout.addLayout(below)
        self.refresh()
        self.refresh_targets()

    # -- steps -------------------------------------------------------------------------
    def year_changed(self, year: int) -> None:
        today = date.today()
        self.start.setDate(to_qdate(today if year == today.year else date(year, 1, 2)))
        self.refresh()

    def refresh(self) -> None:
        """The year's steps again from core, keeping the selected step."""
        row = max(0, self.table.currentRow())
        self.steps = self.tracker.steps(self.session.actor, self.year.value())
        self.table.blockSignals(True)
        self.table.setRowCount(len(self.steps))
        for index, step in enumerate(self.steps):
            state, colour = state_text(step)
            cells = (f"{index + 1}. {step.label}", step.duration, step.output,
                     day_text(step.planned_start), day_text(step.planned_end),
                     day_text(step.actual_start), day_text(step.actual_end), state,
                     str(step.documents or ""))
            for column, text in enumerate(cells):
                cell = QTableWidgetItem(text)
                if step.late:
                    cell.setForeground(QColor(ERROR_COLOUR))
                elif colour and column == 7:
                    cell.setForeground(QColor(colour))
                if column == 0 and step.note:
                    cell.setToolTip(step.note)
                self.table.setItem(index, column, cell)
        self.table.selectRow(min(row, len(self.steps) - 1))
        self.table.blockSignals(False)
        self.table.resizeRowsToContents()
        late = sum(s.late for s in self.steps)
        planned = any(s.planned_start for s in self.steps)
        self.summary.setText(t("sop.summary_late", n=late) if late else
                             t("sop.summary_ok") if planned else t("sop.summary_unplanned"))
        self.summary.setStyleSheet(f"color: {ERROR_COLOUR};" if late else "")
        self.show_step()

    def selected(self) -> StepInfo | None:
        row = self.table.currentRow()
        return self.steps[row] if 0 <= row < len(self.steps) else None

    def show_step(self) -> None:
        step = self.selected()
        if step is None:
            self.strip.set_owner(None)
            return
        self.documents.setTitle(t("sop.documents_of", output=step.output))
        if self.strip.owner == ("sop_step", step.id) and step.id is not None:
            return  # same step: the strip already shows (and reloads) its files
        actor, tracker, year, key = self.session.actor, self.tracker, step.year, step.key
        self.strip.set_owner(("sop_step", step.id), lambda path: tracker.attach_output(
            actor, year, key, path))

    def plan_year(self) -> None:
        year, start = self.year.value(), from_qdate(self.start.date())
        if any(s.planned_start for s in self.steps) and not self.confirm(
                t("sop.plan"), t("sop.plan_confirm", year=year)):
            return
        self._run(lambda: self.tracker.plan_year(self.session.actor, year, start))

    def edit_selected(self) -> None:
        step = self.selected()
        if step is None or not self.session.can(Action.MANAGE_SOP):
            return
        dialog = StepDialog(self, step)

        def save() -> None:
            self.tracker.set_dates(self.session.actor, step.year, step.key,
                                   **dialog.values(), note=dialog.note.text())

        dialog.save = save
        dialog.accepted.connect(self.refresh)
        self.dialog = dialog
        dialog.open()

    def _run(self, action: Callable[[], object]) -> bool:
        """One short write; core's refusal in red, then the table again."""
        if not attempt(self.problem, action):
            return False
        self.refresh()
        return True

    def confirm(self, title: str, text: str) -> bool:
        return ask(self, title, text)

    # -- targets -----------------------------------------------------------------------
    def _targets_box(self) -> QGroupBox:
        box = QGroupBox(t("sop.targets_title"))
        may = self.session.can(Action.SET_TARGETS)
        self.target_table = read_table([t("sop.dusun"), t("sop.rt"), t("sop.households")])
        self.target_table.itemSelectionChanged.connect(self.target_selected)
        self.dusun = QComboBox()
        self.dusun.setEditable(True)
        self.dusun.setMinimumWidth(140)
        self.rt = QLineEdit()
        self.rt.setMaxLength(3)
        self.rt.setMaximumWidth(64)
        self.rt.setPlaceholderText(t("sop.rt_all"))
        self.households = QtWidgets.QSpinBox()
        self.households.setRange(1, 100_000)
        self.set_target_button = QPushButton(t("sop.target_set"))
        self.set_target_button.clicked.connect(self.set_target)
        self.remove_target_button = QPushButton(t("sop.target_remove"))
        self.remove_target_button.clicked.connect(self.remove_target)
        self.target_problem = problem_label()
        entry = QHBoxLayout()
        for widget in (QLabel(t("sop.dusun")), self.dusun, QLabel(t("sop.rt")), self.rt,
                       QLabel(t("sop.households")), self.households):
            entry.addWidget(widget)
        buttons = QHBoxLayout()
        buttons.addWidget(self.set_target_button)
        buttons.addWidget(self.remove_target_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(box)
        layout.addWidget(self.target_table, 1)
        layout.addWidget(self.target_problem)
        editors = QWidget()
        editing = QVBoxLayout(editors)
        editing.setContentsMargins(0, 0, 0, 0)
        editing.addLayout(entry)
        editing.addLayout(buttons)
        editors.setVisible(may)
        layout.addWidget(editors)
        return box

    def refresh_targets(self) -> None:
        actor = self.session.actor
        self.targets = self.session.store.targets.targets(actor)
        self.target_table.setRowCount(len(self.targets))
        for row, target in enumerate(self.targets):
            for column, text in enumerate((target.dusun, target.rt or t("sop.rt_all"),
                                           str(target.households))):
                self.target_table.setItem(row, column, QTableWidgetItem(text))
        names = sorted({*self.session.store.queries.dusun_names(actor),
                        *(target.dusun for target in self.targets)})
        typed = self.dusun.currentText()
        self.dusun.clear()
        for name in names:
            self.dusun.addItem(name, name)
        self.dusun.setCurrentText(typed)

    def target_selected(self) -> None:
        row = self.target_table.currentRow()
        if 0 <= row < len(self.targets):
            target = self.targets[row]
            self.dusun.setCurrentText(target.dusun)
            self.rt.setText(target.rt)
            self.households.setValue(target.households)

    def set_target(self) -> None:
        self._target_write(lambda: self.session.store.targets.set_target(
            self.session.actor, self.dusun.currentText(), self.rt.text(),
            self.households.value()))

    def remove_target(self) -> None:
        row = self.target_table.currentRow()
        if not 0 <= row < len(self.targets):
            return
        target = self.targets[row]
        where = f"{target.dusun} RT {target.rt}" if target.rt else target.dusun
        if self.confirm(t("sop.target_remove"), t("sop.target_remove_confirm", where=where)):
            self._target_write(lambda: self.session.store.targets.remove_target(
                self.session.actor, target.dusun, target.rt))

    def _target_write(self, action: Callable[[], object]) -> None:
        if attempt(self.target_problem, action):
            self.refresh_targets()
            self.session.announce(Change.TARGETS)  # Beranda's progress per dusun
