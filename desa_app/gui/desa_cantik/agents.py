"""Agen Statistik: the register typed from the Kepala Desa's SK, and the programme's rules.

The two rules (one SK names several agents; at least one agent is aparat desa) sit above
the table in green or red and are asked again from core after every change, so the
operator sees at once whether the register satisfies Desa Cantik.
"""

from __future__ import annotations

from datetime import date

from desa_app.core.store.desa_cantik import APARAT_KINDS, AgentInfo
from desa_app.core.workflow import Action
from desa_app.gui.desa_cantik import (
    ERROR_COLOUR,
    OK_COLOUR,
    DateField,
    FormDialog,
    ask,
    attempt,
    day_text,
    read_table,
    shorten,
    text_box,
)
from desa_app.gui.enter_opens import open_on_enter
from desa_app.gui.i18n import t
from desa_app.gui.login import problem_label
from desa_app.gui.messages import CATALOGUE
from desa_app.gui.qt import (
    QColor,
    QComboBox,
    QGroupBox,
    QHBoxLayout,
    QKeySequence,
    QLabel,
    QLineEdit,
    QPushButton,
    QShortcut,
    Qt,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)
from desa_app.gui.session import AppSession

ID_ROLE = Qt.ItemDataRole.UserRole
KINDS = ("kaur", "kasi", "staf", "mitra")


def kind_label(kind: str) -> str:
    return t(f"cantik.kind.{kind}") if f"cantik.kind.{kind}" in CATALOGUE else kind


def period_text(agent: AgentInfo) -> str:
    if agent.active_from is None and agent.active_to is None:
        return ""
    return t("cantik.period", start=day_text(agent.active_from) or "…",
             end=day_text(agent.active_to) or "…")


class AgentDialog(FormDialog):
    """Every field of one agent, as the SK and the agent's CV state them."""

    def __init__(self, parent: QWidget, agent: AgentInfo | None = None) -> None:
        super().__init__(t("cantik.agent_edit_title" if agent else "cantik.agent_add_title"),
                         parent)
        self.name = QLineEdit(agent.name if agent else "")
        self.position = QLineEdit(agent.position if agent else "")
        self.kind = QComboBox()
        for kind in KINDS:
            self.kind.addItem(kind_label(kind), kind)
        if agent is not None:
            self.kind.setCurrentIndex(max(0, self.kind.findData(agent.kind)))
        self.experience = text_box(agent.experience if agent else "", 56)
        self.it_competence = QLineEdit(agent.it_competence if agent else "")
        self.sk_number = QLineEdit(agent.sk_number if agent else "")
        self.sk_date = DateField(t("cantik.sk_date"), agent.sk_date if agent else None)
        self.training = text_box(agent.training if agent else "", 56)
        self.active_from = DateField(t("cantik.active_from"),
                                     agent.active_from if agent else None)
        self.active_to = DateField(t("cantik.active_to"), agent.active_to if agent else None)
        for key, widget in (("cantik.name", self.name), ("cantik.position", self.position),
                            ("cantik.kind", self.kind), ("cantik.experience", self.experience),
                            ("cantik.it_competence", self.it_competence),
                            ("cantik.sk_number", self.sk_number),
                            ("cantik.sk_date", self.sk_date),
                            ("cantik.training", self.training),
                            ("cantik.active_from", self.active_from),
                            ("cantik.active_to", self.active_to)):
            self.form.addRow(t(key), widget)
        self.form.addRow("", QLabel(t("cantik.active_hint")))

    def values(self) -> dict[str, object]:
        """The fields as core takes them (InputProblem for an unreadable date)."""
        return {"name": self.name.text(), "kind": self.kind.currentData(),
                "position": self.position.text(),
                "experience": self.experience.toPlainText(),
                "it_competence": self.it_competence.text(),
                "sk_number": self.sk_number.text(), "sk_date": self.sk_date.value(),
                "training": self.training.toPlainText(),
                "active_from": self.active_from.value(), "active_to": self.active_to.value()}


class AgentsTab(QWidget):
    """The register, its rules, and add/edit/remove for MANAGE_AGENTS holders."""

    def __init__(self, session: AppSession) -> None:
        super().__init__()
        self.session = session
        self.service = session.store.desa_cantik
        self.dialog: AgentDialog | None = None
        self.agents: list[AgentInfo] = []
        rules_box = QGroupBox(t("cantik.rules_title"))
        self.rules_layout = QVBoxLayout(rules_box)
        self.rule_labels: list[QLabel] = []
        self.table = read_table([t("cantik.name"), t("cantik.position"), t("cantik.kind"),
                                 t("cantik.sk_number"), t("cantik.sk_date"),
                                 t("cantik.active"), t("cantik.training")], stretch=6)
        open_on_enter(self.table, self.edit_selected)
        self.count = QLabel()
        self.problem = problem_label()
        may = session.can(Action.MANAGE_AGENTS)
        self.add_button = QPushButton(t("cantik.agent_add"))
        self.add_button.clicked.connect(self.add_agent)
        self.edit_button = QPushButton(t("cantik.agent_edit"))
        self.edit_button.clicked.connect(self.edit_selected)
        self.remove_button = QPushButton(t("cantik.agent_remove"))
        self.remove_button.clicked.connect(self.remove_selected)
        buttons = QHBoxLayout()
        for button in (self.add_button, self.edit_button, self.remove_button):
            button.setVisible(may)
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(self.count)
        if may:
            new = QShortcut(QKeySequence(QKeySequence.StandardKey.New), self)
            new.activated.connect(self.add_agent)  # hidden tabs' shortcuts do not fire
            delete = QShortcut(QKeySequence(QKeySequence.StandardKey.Delete), self.table)
            delete.setContext(Qt.ShortcutContext.WidgetShortcut)
            delete.activated.connect(self.remove_selected)
        layout = QVBoxLayout(self)
        layout.addWidget(rules_box)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.problem)
        layout.addLayout(buttons)
        self.refresh()

    # -- showing -----------------------------------------------------------------------
    def refresh(self) -> None:
        """Agents and rules again from core (after every change, and when shown)."""
        actor = self.session.actor
        self.agents = self.service.list_agents(actor)
        today = date.today()
        self.table.setRowCount(len(self.agents))
        for row, agent in enumerate(self.agents):
            kind = t("cantik.aparat" if agent.kind in APARAT_KINDS else "cantik.mitra",
                     kind=kind_label(agent.kind))
            cells = (agent.name, agent.position, kind, agent.sk_number,
                     day_text(agent.sk_date), period_text(agent), shorten(agent.training, 60))
            for column, text in enumerate(cells):
                cell = QTableWidgetItem(text)
                cell.setData(ID_ROLE, agent.id)
                if not agent.active_on(today):
                    cell.setForeground(QColor("#777777"))
                    cell.setToolTip(t("cantik.inactive"))
                self.table.setItem(row, column, cell)
        self.count.setText(t("cantik.agent_count", n=len(self.agents),
                             active=sum(a.active_on(today) for a in self.agents)))
        self.show_rules()

    def show_rules(self) -> None:
        results = self.service.agent_rules(self.session.actor)
        while len(self.rule_labels) < len(results):
            label = QLabel()
            label.setWordWrap(True)
            self.rule_labels.append(label)
            self.rules_layout.addWidget(label)
        for label, rule in zip(self.rule_labels, results, strict=False):
            title_key = f"cantik.rule.{rule.code}"
            title = t(title_key) if title_key in CATALOGUE else rule.code
            mark, colour = ("✓", OK_COLOUR) if rule.ok else ("✖", ERROR_COLOUR)
            label.setText(f"{mark} {title}: {rule.message}")
            label.setStyleSheet(f"color: {colour}; font-weight: 600;")
            label.setProperty("ok", rule.ok)

    def rules_ok(self) -> list[bool]:
        """What the marks say, in order (read by tests and by the Beranda if it wishes)."""
        return [bool(label.property("ok")) for label in self.rule_labels]

    def selected(self) -> AgentInfo | None:
        row = self.table.currentRow()
        return self.agents[row] if 0 <= row < len(self.agents) else None

    # -- changing ----------------------------------------------------------------------
    def add_agent(self) -> None:
        self._open(None)

    def edit_selected(self) -> None:
        agent = self.selected()
        if agent is not None and self.session.can(Action.MANAGE_AGENTS):
            self._open(agent)

    def _open(self, agent: AgentInfo | None) -> None:
        dialog = AgentDialog(self, agent)
        actor = self.session.actor

        def save() -> None:
            values = dialog.values()
            if agent is None:
                name, kind = str(values.pop("name")), str(values.pop("kind"))
                self.service.add_agent(actor, name, kind, **values)  # type: ignore[arg-type]
            else:
                self.service.update_agent(actor, agent.id, **values)  # type: ignore[arg-type]

        dialog.save = save
        dialog.accepted.connect(self.refresh)
        self.dialog = dialog
        dialog.open()

    def remove_selected(self) -> None:
        agent = self.selected()
        if agent is None or not self.confirm(t("cantik.agent_remove"),
                                             t("cantik.agent_remove_confirm",
                                               name=agent.name)):
            return
        if attempt(self.problem,
                   lambda: self.service.remove_agent(self.session.actor, agent.id)):
            self.refresh()

    def confirm(self, title: str, text: str) -> bool:
        return ask(self, title, text)
