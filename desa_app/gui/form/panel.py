"""Building the widgets of a piece of the questionnaire, and finding them again.

The same builder serves the household part (instance key ``()``) and the detail of the
selected member (rebound to another member by changing ``key``). ``Registry`` remembers
which widget shows which question so the editor can update exactly those that changed.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Protocol

from desa_app.core.instrument.issues import Key
from desa_app.core.instrument.model import Container, Field, Instrument, Matrix, Node, Repeat
from desa_app.gui.form.fields import FieldRow
from desa_app.gui.form.matrix import MatrixTable
from desa_app.gui.i18n import form_language
from desa_app.gui.qt import QGroupBox, QLabel, QVBoxLayout, QWidget


@dataclass
class Registry:
    key: Key = ()
    rows: dict[str, FieldRow] = field(default_factory=dict)
    containers: dict[str, QWidget] = field(default_factory=dict)
    matrices: dict[str, MatrixTable] = field(default_factory=dict)
    cell_table: dict[str, MatrixTable] = field(default_factory=dict)

    def rebind(self, key: Key) -> None:
        self.key = key
        for row in self.rows.values():
            row.key = key
        for table in self.matrices.values():
            table.key = key

    def names(self) -> Iterable[str]:
        yield from self.rows
        yield from self.containers
        yield from self.cell_table


class Hooks(Protocol):
    """What the widgets report to the editor that owns them."""

    def on_edit(self, name: str, key: Key, value: object) -> None: ...
    def move_focus(self, delta: int) -> None: ...
    def stop_focused(self, name: str, key: Key) -> None: ...
    def typing_in(self, name: str, key: Key) -> None: ...
    def unlock(self, name: str) -> None: ...
    def village_names(self) -> list[str]: ...
    def show_hint(self, text: str, style: str = "") -> None: ...


class PanelBuilder:
    """Turns definition nodes into widgets; repeats are handed to ``on_repeat``."""

    def __init__(self, instrument: Instrument, registry: Registry, hooks: Hooks,
                 on_repeat: Callable[[Repeat], QWidget] | None = None) -> None:
        self.instrument = instrument
        self.registry = registry
        self.hooks = hooks
        self.on_repeat = on_repeat

    def build(self, nodes: Iterable[Node], layout: QVBoxLayout) -> None:
        language = form_language()
        for node in nodes:
            if isinstance(node, Repeat):
                if self.on_repeat is not None:
                    widget = self.on_repeat(node)
                    self.registry.containers[node.name] = widget
                    layout.addWidget(widget)
                continue
            if isinstance(node, Matrix):
                box = QGroupBox(self._title(node))
                inner = QVBoxLayout(box)
                if node.hint:
                    hint = QLabel(node.hint.get(language))
                    hint.setWordWrap(True)
                    inner.addWidget(hint)
                table = MatrixTable(node, self.instrument, self.registry.key)
                self._connect_table(table)
                inner.addWidget(table.codes)  # above: seen when the table is entered
                inner.addWidget(table)
                inner.addWidget(table.feedback)
                self.registry.matrices[node.name] = table
                self.registry.containers[node.name] = box
                for cell in table.cell_of:
                    self.registry.cell_table[cell] = table
                layout.addWidget(box)
            elif isinstance(node, Container):
                box = QGroupBox(self._title(node))
                inner = QVBoxLayout(box)
                inner.setSpacing(2)
                if node.hint:
                    hint = QLabel(node.hint.get(language))
                    hint.setWordWrap(True)
                    inner.addWidget(hint)
                self.build(node.children, inner)
                self.registry.containers[node.name] = box
                layout.addWidget(box)
            elif isinstance(node, Field):
                if node.type.value == "calculate" and not node.label:
                    continue  # an internal calculation: nothing to show
                row = FieldRow(node, self.instrument, self.registry.key,
                               self.hooks.village_names)
                self._connect_row(row)
                self.registry.rows[node.name] = row
                layout.addWidget(row)

    def _connect_row(self, row: FieldRow) -> None:
        hooks, registry = self.hooks, self.registry
        row.edited.connect(hooks.on_edit)
        row.navigate.connect(hooks.move_focus)
        row.focused.connect(lambda name: hooks.stop_focused(name, registry.key))
        row.typing.connect(lambda name: hooks.typing_in(name, registry.key))
        row.unlock_requested.connect(hooks.unlock)

    def _connect_table(self, table: MatrixTable) -> None:
        hooks = self.hooks
        table.edited.connect(hooks.on_edit)
        table.navigate.connect(hooks.move_focus)
        table.focused.connect(lambda name: hooks.stop_focused(name, table.key))
        table.typing.connect(lambda name: hooks.typing_in(name, table.key))
        table.said.connect(hooks.show_hint)

    @staticmethod
    def _title(node: Node) -> str:
        number = f"{node.number} " if node.number else ""
        return f"{number}{node.label.get(form_language())}"
