"""Moving around the questionnaire: sections, Ctrl+PgDown/PgUp, and jumping to the
question an issue or a note is about (also inside the member being shown).

A mixin of :class:`desa_app.gui.form.editor.FormEditor` (it uses the editor's scroller,
registries and member panel).
"""

from __future__ import annotations

from typing import Any

from desa_app.core.instrument.issues import Issue
from desa_app.core.instrument.model import Severity
from desa_app.gui.form.navigator import path_to_cell
from desa_app.gui.form.panel import Registry
from desa_app.gui.qt import QApplication, QWidget


class NavigationFlow:
    """Scrolling to sections and focusing the question an issue names."""

    # provided by FormEditor
    instrument: Any
    scroller: Any
    section_widgets: dict[str, QWidget]
    top: Registry
    members: Any

    def _registry_for(self, name: str, key: Any) -> Registry | None: ...

    def show_section(self, name: str) -> None:
        widget = self.section_widgets.get(name)
        if widget is not None:
            self.scroller.ensureWidgetVisible(widget, 0, 0)
            self.scroller.verticalScrollBar().setValue(widget.pos().y())
            # a wide table further down must not leave the labels scrolled out of view
            self.scroller.horizontalScrollBar().setValue(0)

    def next_section(self, delta: int) -> None:
        """Ctrl+PgDown / Ctrl+PgUp: to the first question of the next/previous part."""
        sections = list(self.section_widgets.values())
        focused = QApplication.focusWidget()
        current = 0
        for index, section in enumerate(sections):
            if focused is not None and section.isAncestorOf(focused):
                current = index
        target = sections[max(0, min(len(sections) - 1, current + delta))]
        self.scroller.verticalScrollBar().setValue(target.pos().y())
        for row in self._rows_in(target):
            if row.input is not None and row.isVisible() and row.input.isEnabled():
                row.focus_input()
                return

    def _rows_in(self, section: QWidget) -> list[Any]:
        registries = [self.top] + ([self.members.registry] if self.members else [])
        rows = [row for registry in registries for row in registry.rows.values()
                if section.isAncestorOf(row)]
        return sorted(rows, key=lambda row: row.mapTo(section, row.rect().topLeft()).y())

    def focus_first(self, registry: Registry | None = None) -> None:
        registry = registry or self.top
        for row in registry.rows.values():
            if row.input is not None and row.isVisible() and row.input.isEnabled():
                row.focus_input()
                self.scroller.ensureWidgetVisible(row)
                return

    def jump_to_path(self, path: str) -> None:
        name, key = path_to_cell(path)
        node = self.instrument.nodes.get(name)
        if node is not None:
            self.jump_to(Issue(name, key, path, Severity.WARNING, "", "note"))

    def jump_to(self, issue: Issue) -> None:
        node = self.instrument.nodes.get(issue.name)
        if node is None:
            return
        if node.repeats and self.members is not None and issue.key:
            self.members.select_member(issue.key[0])
        registry = self._registry_for(issue.name, issue.key[: node.depth]) or self.top
        row = registry.rows.get(issue.name)
        if row is not None:
            self.scroller.ensureWidgetVisible(row)
            row.focus_input()
            return
        table = registry.cell_table.get(issue.name)
        if table is not None:
            self.scroller.ensureWidgetVisible(table)
            table.focus_cell(issue.name)
            return
        container = registry.containers.get(issue.name)
        if container is not None:
            self.scroller.ensureWidgetVisible(container)
