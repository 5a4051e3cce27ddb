"""The editor's widgets, built once per instrument: the header with its buttons, the
parts of the questionnaire in a scroll area, the part list, issues and notes at the
left, and the footer hint.

Only building happens here; what the widgets show is drawn by
:mod:`desa_app.gui.form.display`, and what they do is wired by the editor.
"""

from __future__ import annotations

from dataclasses import dataclass

from desa_app.core.instrument.model import Container, Instrument, Node, Repeat
from desa_app.gui.form.members import MembersPanel
from desa_app.gui.form.navigator import IssueList, NotesList, SectionNavigator
from desa_app.gui.form.panel import Hooks, PanelBuilder, Registry
from desa_app.gui.form.typing_aids import WheelGuard
from desa_app.gui.form.typing_flow import HINT_STYLE
from desa_app.gui.i18n import form_language, t
from desa_app.gui.qt import (
    QAbstractSpinBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QSplitter,
    Qt,
    QVBoxLayout,
    QWidget,
)


@dataclass
class FormWidgets:
    """Every widget of the editor a part draws on or listens to."""

    title: QLabel
    status_label: QLabel
    save_label: QLabel
    save_button: QPushButton
    submit_button: QPushButton
    close_button: QPushButton
    ddk_button: QPushButton
    ddk_undo_button: QPushButton
    top: Registry
    members: MembersPanel | None
    section_widgets: dict[str, QWidget]
    scroller: QScrollArea
    navigator: SectionNavigator
    issues: IssueList
    notes_list: NotesList
    hint: QLabel
    wheel_guard: WheelGuard


def _section(title: str | None) -> tuple[QWidget, QVBoxLayout]:
    section = QWidget()
    layout = QVBoxLayout(section)
    layout.setContentsMargins(0, 0, 0, 12)
    if title is not None:
        layout.addWidget(QLabel(f"<h2>{title}</h2>"))
    return section, layout


def build_widgets(owner: QWidget, instrument: Instrument, hooks: Hooks,
                  can_resolve: bool) -> FormWidgets:
    """Build the whole screen into ``owner``; the questions report to ``hooks``."""
    buttons = [QPushButton(t(key)) for key in
               ("form.save", "form.submit", "form.close", "ddk.button", "ddk.undo")]
    save_button, submit_button, close_button, ddk_button, ddk_undo_button = buttons
    title, status_label, save_label = QLabel(), QLabel(), QLabel()
    header = QHBoxLayout()
    header.addWidget(title, 1)
    header.addWidget(status_label)
    header.addWidget(save_label)
    for button in (ddk_button, ddk_undo_button, save_button, submit_button, close_button):
        button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # Tab stays among the questions
        header.addWidget(button)
    top = Registry(key=())
    panels: list[MembersPanel] = []

    def members_panel(repeat: Repeat) -> MembersPanel:
        panel = MembersPanel(repeat, instrument, hooks)
        panels.append(panel)
        return panel

    content = QWidget()
    content_layout = QVBoxLayout(content)
    section_widgets: dict[str, QWidget] = {}
    builder = PanelBuilder(instrument, top, hooks, members_panel)
    language = form_language()
    loose: list[Node] = []
    for node in instrument.root.children:
        if isinstance(node, Container) and not isinstance(node, Repeat):
            number = f"{node.number} " if node.number else ""
            section, layout = _section(f"{number}{node.label.get(language)}")
            builder.build(node.children, layout)
            top.containers[node.name] = section
            section_widgets[node.name] = section
            content_layout.addWidget(section)
        elif isinstance(node, Repeat):
            section, layout = _section(None)
            builder.build([node], layout)
            section_widgets[node.name] = section
            content_layout.addWidget(section)
        else:
            loose.append(node)
    rest = QWidget()
    rest_layout = QVBoxLayout(rest)
    builder.build(loose, rest_layout)
    if rest_layout.count():  # only labelled questions make a section worth showing
        section_widgets["__rest__"] = rest
        content_layout.addWidget(rest)
    content_layout.addStretch(1)
    scroller = QScrollArea()
    scroller.setWidgetResizable(True)
    scroller.setWidget(content)
    navigator = SectionNavigator(instrument, section_widgets)
    issues = IssueList(instrument)
    notes_list = NotesList(can_resolve, instrument)
    left = QSplitter(Qt.Orientation.Vertical)
    left.addWidget(navigator)
    left.addWidget(issues)
    left.addWidget(notes_list)
    splitter = QSplitter()
    splitter.addWidget(left)
    splitter.addWidget(scroller)
    splitter.setSizes([300, 1000])
    hint = QLabel("")  # where Tab cannot go on, and what to press instead
    hint.setStyleSheet(HINT_STYLE)
    hint.setWordWrap(True)
    keys_line = QLabel(t("form.keys_line"))
    keys_line.setStyleSheet("color: #555; font-size: 9pt;")
    footer = QHBoxLayout()
    footer.addWidget(hint, 1)
    footer.addWidget(keys_line)
    layout = QVBoxLayout(owner)
    layout.setContentsMargins(6, 6, 6, 6)
    layout.addLayout(header)
    layout.addWidget(splitter, 1)
    layout.addLayout(footer)
    wheel_guard = WheelGuard(owner)
    for widget in owner.findChildren(QComboBox) + owner.findChildren(QAbstractSpinBox):
        wheel_guard.watch(widget)
    return FormWidgets(
        title, status_label, save_label, save_button, submit_button, close_button,
        ddk_button, ddk_undo_button, top, panels[-1] if panels else None, section_widgets,
        scroller, navigator, issues, notes_list, hint, wheel_guard)
