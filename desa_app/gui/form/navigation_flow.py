"""Moving around the questionnaire: Tab stops in paper order, sections, Ctrl+G to an
item number, jumping to the question an issue or a note is about, and which questions
have been passed (only those, or all after a submit, say they are required).

A part of :class:`desa_app.gui.form.editor.FormEditor`. Tab, Shift+Tab and Enter in
any input (and in a table) arrive here as ``move_focus``: the input first commits what was
typed (a refusal keeps the cursor where it is), then the next stop in
:class:`~desa_app.gui.form.stops.StopOrder` that is a stop *now* (relevant, typed,
editable) gets the focus and is scrolled into view with its label and the lines above.
"""

from __future__ import annotations

import re

from desa_app.core.instrument.issues import Issue, Key
from desa_app.core.instrument.model import Container, Matrix, Severity
from desa_app.gui.form.fields import FieldRow
from desa_app.gui.form.inputs import TypingBox
from desa_app.gui.form.matrix import MatrixTable
from desa_app.gui.form.navigator import path_to_cell
from desa_app.gui.form.panel import Registry
from desa_app.gui.form.parts import EditorContext
from desa_app.gui.form.stops import Stop, StopOrder
from desa_app.gui.i18n import t
from desa_app.gui.qt import QApplication, QEvent, QScrollArea, QtCore, QTimer, QWidget

ROOM_ABOVE = 120
"""Pixels kept visible above the focused question: its label and the lines before it."""
ROOM_BELOW = 40


def number_key(text: str) -> str:
    """``1.6a``, `` 2.1.14 ``, ``h1`` -> comparable item numbers (``1.6A``, ``H.1``)."""
    key = "".join(text.split()).upper()
    match = re.fullmatch(r"H\.?(\d+)", key)
    return f"H.{match.group(1)}" if match else key


class NavigationFlow:
    """Tab order, scrolling, sections, Ctrl+G; which questions have been passed."""

    def __init__(self, context: EditorContext, scroller: QScrollArea,
                 section_widgets: dict[str, QWidget]) -> None:
        self.context = context
        self.scroller = scroller
        self.section_widgets = section_widgets
        self.instrument, self.top, self.members = \
            context.instrument, context.top, context.members
        self.stop_order = StopOrder(context.instrument)
        self.current_stop: Stop | None = None
        self.passed: set[tuple[str, Key]] = set()
        self.show_all_required = False
        self.numbers = {number_key(node.number): node.name
                        for node in context.instrument.order if node.number}

    def reset(self) -> None:
        """Another record: nothing is focused or passed yet."""
        self.current_stop = None
        self.passed = set()
        self.show_all_required = False

    def require_all(self) -> None:
        """Submitting was tried: every "required" shows from now on."""
        self.show_all_required = True

    # -- what is a stop ------------------------------------------------------------------
    def _widgets(self, stop: Stop) -> tuple[FieldRow | None, MatrixTable | None]:
        registry = self.top if not stop.key or self.members is None \
            else self.members.registry
        return registry.rows.get(stop.name), registry.cell_table.get(stop.name)

    def is_stop(self, stop: Stop) -> bool:
        if not self.context.record.editable \
                or not self.context.state.is_relevant(stop.name, stop.key):
            return False
        row, table = self._widgets(stop)
        if row is not None:
            return bool(row.is_stop and row.input is not None)
        return table is not None

    # -- moving --------------------------------------------------------------------------
    def stop_focused(self, name: str, key: Key) -> None:
        """An input or a table cell got the focus (Tab, a jump, or the mouse)."""
        self.current_stop = Stop(name, key)

    def move_focus(self, delta: int) -> None:
        """Tab (+1) / Shift+Tab (-1): commit, then the next stop in paper order."""
        stop = self.current_stop
        if stop is not None and not self.commit_stop(stop):
            return  # refused: the message is at the field, the cursor stays
        if stop is not None:
            self.mark_passed(stop)
        target = self.stop_order.next(stop, delta, self.context.member_count(), self.is_stop)
        if target is None:
            if delta > 0:
                self.context.view.show_hint(t("form.hint_end_members") if self.members is not None
                               else t("form.hint_end"))
                self.reveal_current()  # the hint takes room: the cursor stays in view
            return
        self.focus_stop(target)

    def commit_stop(self, stop: Stop, strict: bool = True) -> bool:
        row, table = self._widgets(stop)
        if row is not None and row.input is not None:
            return bool(row.input.commit(strict))
        focused = QApplication.focusWidget()
        if table is not None and isinstance(focused, TypingBox) and table.isAncestorOf(focused):
            return table.commit_editor(focused, strict)
        return True

    def commit_pending(self) -> None:
        """Before saving, closing or switching: what is in the box being typed counts."""
        if self.current_stop is not None:
            self.commit_stop(self.current_stop, strict=False)

    def mark_passed(self, stop: Stop) -> None:
        """A question left behind may now say it is required."""
        if (stop.name, stop.key) not in self.passed:
            self.passed.add((stop.name, stop.key))
            if any(issue.code == "required"
                   for issue in self.context.state.issues_for(stop.name, stop.key)):
                self.context.view.refresh_cell(stop.name, stop.key)  # only then is there news

    def visible_issues(self, name: str, key: Key) -> list[Issue]:
        """A blank new record is not covered in red: "required" shows once the question
        has been passed (Tab went beyond it) or a submission was tried."""
        issues = self.context.state.issues_for(name, key)
        if self.show_all_required or (name, key) in self.passed:
            return list(issues)
        return [issue for issue in issues if issue.code != "required"]

    def listed_issues(self) -> list[Issue]:
        """The list at the left: every problem except "required" of questions not yet
        passed (those are counted per part in the navigator)."""
        return [issue for issue in self.context.state.issues()
                if issue.code != "required" or self.show_all_required
                or (issue.name, issue.key) in self.passed]

    def focus_stop(self, stop: Stop) -> None:
        if stop.key and self.members is not None and self.members.current != stop.key[0]:
            self.members.select_member(stop.key[0])
        row, table = self._widgets(stop)
        self.current_stop = stop
        if row is not None:
            row.focus_input()
            self.reveal(row)
        elif table is not None:
            table.focus_cell(stop.name)
            self.reveal(table, table.cell_rect(stop.name))
        self.context.view.show_hint("")

    def reveal(self, widget: QWidget, rect: QtCore.QRect | None = None) -> None:
        """Scroll so the widget (or the rect inside it) shows with room above it."""
        content = self.scroller.widget()
        if content is None or not content.isAncestorOf(widget):
            return
        # a member just shown or a message that appeared: positions are only right
        # once the pending layouts have run
        QApplication.sendPostedEvents(None, QEvent.Type.LayoutRequest)
        area = rect if rect is not None else widget.rect()
        top = widget.mapTo(content, area.topLeft()).y()
        bottom = top + area.height()
        bar = self.scroller.verticalScrollBar()
        height = self.scroller.viewport().height()
        if top - ROOM_ABOVE < bar.value() or bottom + ROOM_BELOW > bar.value() + height:
            wanted = min(top - ROOM_ABOVE, max(bar.value(), bottom + ROOM_BELOW - height))
            bar.setValue(max(0, wanted))
        horizontal = self.scroller.horizontalScrollBar()
        left = widget.mapTo(content, area.topLeft()).x()
        if left < horizontal.value() or left + min(area.width(), 200) > \
                horizontal.value() + self.scroller.viewport().width():
            horizontal.setValue(max(0, left - 40))
        elif rect is None:
            horizontal.setValue(0)

    def scroll_to_top(self, widget: QWidget) -> None:
        """Put a widget (a new member's title) at the top of the form's view."""
        content = self.scroller.widget()
        if content is None or not content.isAncestorOf(widget):
            return
        QApplication.sendPostedEvents(None, QEvent.Type.LayoutRequest)
        self.scroller.verticalScrollBar().setValue(
            max(0, widget.mapTo(content, widget.rect().topLeft()).y() - 8))

    def reveal_current(self) -> None:
        """After a redraw moved things around: the focused question stays in view."""
        stop = self.current_stop
        if stop is None:
            return
        row, table = self._widgets(stop)
        if row is not None and row.isVisible() and row.input is not None \
                and row.input.box.hasFocus():
            self.reveal(row)
        elif table is not None and table.isVisible() and table.hasFocus():
            self.reveal(table, table.cell_rect(stop.name))

    def focus_first(self, registry: Registry | None = None) -> None:
        """The first question to type: of the record, or of the member being shown."""
        if registry is not None and registry is not self.top and self.members is not None:
            target = self.stop_order.first_of_member(self.members.current, self.is_stop)
        else:
            target = self.stop_order.next(None, +1, self.context.member_count(), self.is_stop)
        if target is not None:
            self.focus_stop(target)

    # -- sections and jumps --------------------------------------------------------------
    def show_section(self, name: str) -> None:
        widget = self.section_widgets.get(name)
        if widget is not None:
            self.scroller.verticalScrollBar().setValue(widget.pos().y())
            # a wide table further down must not leave the labels scrolled out of view
            self.scroller.horizontalScrollBar().setValue(0)
            node = self.instrument.nodes.get(name)
            if node is not None:
                self.go_to_node(name)

    def show_item(self, name: str) -> None:
        """A numbered item chosen in the part list: its first question to type, or at
        least the item on screen when nothing in it is asked now."""
        if self.go_to_node(name):
            return
        node = self.instrument.nodes[name]
        key = (self.members.current,) if node.repeats and self.members is not None else ()
        registry = self.context.registry_for(name, key) or self.top
        widget = registry.rows.get(name) or registry.containers.get(name)
        if widget is not None and widget.isVisible():
            self.reveal(widget)

    def next_section(self, delta: int) -> None:
        """Ctrl+PgDown / Ctrl+PgUp: to the first question of the next/previous part."""
        names = list(self.section_widgets)
        focused = QApplication.focusWidget()
        current = 0
        for index, name in enumerate(names):
            if focused is not None and self.section_widgets[name].isAncestorOf(focused):
                current = index
        target = names[max(0, min(len(names) - 1, current + delta))]
        self.scroller.verticalScrollBar().setValue(self.section_widgets[target].pos().y())
        if target in self.instrument.nodes:
            self.go_to_node(target)

    def go_to_node(self, name: str) -> bool:
        """Focus the first stop of a question, a table or a group (current member)."""
        target = self.first_stop_of(name)
        if target is None:
            return False
        self.focus_stop(target)
        return True

    def first_stop_of(self, name: str) -> Stop | None:
        node = self.instrument.nodes[name]
        names = {name}
        if isinstance(node, Container):
            names |= {child.name for child in node.walk()}
            if isinstance(node, Matrix):
                names |= set(node.cells.values()) | set(node.row_names.values())
        member = self.members.current if self.members is not None and \
            self.members.current >= 0 else 0
        return self.stop_order.first_at_or_after(names, (member,), self.is_stop)

    def number_problem(self, text: str) -> str | None:
        """Why the item printed as ``text`` cannot be reached now, or ``None``."""
        name = self.numbers.get(number_key(text))
        if name is None:
            return t("form.goto_unknown", number=text.strip())
        node = self.instrument.nodes[name]
        if node.repeats and self.context.member_count() == 0:
            return t("form.goto_no_member", number=text.strip())
        if self.first_stop_of(name) is None:
            return t("form.goto_not_asked", number=text.strip())
        return None

    def go_to_number(self, text: str) -> str | None:
        """Ctrl+G: the item printed as ``text``; ``None`` when done, else why not."""
        problem = self.number_problem(text)
        if problem is None:
            self.go_to_node(self.numbers[number_key(text)])
        return problem

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
        registry = self.context.registry_for(issue.name, issue.key[: node.depth]) or self.top
        row = registry.rows.get(issue.name)
        if row is not None:
            self.reveal(row)
            if row.input is not None and row.input.isVisible():
                self.current_stop = Stop(issue.name, registry.key)
                row.focus_input()
            return
        table = registry.cell_table.get(issue.name)
        if table is not None:
            self.current_stop = Stop(issue.name, registry.key)
            table.focus_cell(issue.name)
            self.reveal(table, table.cell_rect(issue.name))
            return
        container = registry.containers.get(issue.name)
        if container is not None:
            self.reveal(container)
            if not self.go_to_node(issue.name):
                QTimer.singleShot(0, lambda: self.reveal(container))
