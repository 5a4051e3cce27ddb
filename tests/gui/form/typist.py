"""A typist at the keyboard: every keystroke goes to ``QApplication.focusWidget()``.

The typist holds the paper (the intended answers) and walks the questionnaire the way
the keyboard contract (docs/keyboard.md) says a person does: type what the paper says
for the question that has the cursor, Tab; Ctrl+M when the next member starts. Nothing
here sets a widget's value or calls an editor method to enter data; it only reads which
question has the cursor, as a person reads the screen.
"""

from __future__ import annotations

from random import Random
from typing import Any

from desa_app.core.instrument.issues import Key
from desa_app.core.instrument.model import Field, FieldType, Instrument, Matrix
from desa_app.core.instrument.state import Environment, FormState
from desa_app.gui.form.matrix import MatrixTable
from desa_app.gui.qt import QApplication, QEvent, Qt, QtGui

Cell = tuple[str, Key]


def show_active(qtbot: Any, widget: Any) -> Any:
    """Show a window at 1366x768 and wait until it is the active one (keys reach it)."""
    qtbot.addWidget(widget)
    widget.resize(1366, 768)
    widget.show()
    widget.activateWindow()
    qtbot.waitExposed(widget)
    qtbot.waitUntil(lambda: QApplication.activeWindow() is widget)
    return widget


def focus() -> Any:
    widget = QApplication.focusWidget()
    assert widget is not None, "nothing has the keyboard focus"
    return widget


def press(qtbot: Any, key: Qt.Key, modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier
          ) -> None:
    qtbot.keyClick(focus(), key, modifier)
    QApplication.processEvents()


def type_text(qtbot: Any, text: str) -> None:
    """One key at a time, each to whatever has the focus after the previous one (the
    first key into a table cell opens its box, the next ones go into that box)."""
    for char in text:
        if char.isascii():
            qtbot.keyClicks(focus(), char)
        else:  # QTest only maps ASCII to keys: a key event carrying the character
            for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
                QApplication.sendEvent(focus(), QtGui.QKeyEvent(
                    kind, Qt.Key.Key_unknown, Qt.KeyboardModifier.NoModifier, char))
        QApplication.processEvents()


def cursor(editor: Any) -> Cell | None:
    """The question (and member) the cursor is in, read off the screen."""
    widget = QApplication.focusWidget()
    name = None
    while widget is not None:
        if isinstance(widget, MatrixTable):
            name = widget.current_name()
            break
        if widget.property("field_name"):
            name = str(widget.property("field_name"))
            break
        widget = widget.parentWidget()
    if name is None:
        return None
    member = editor.members.current if editor.members is not None else -1
    return (name, (member,) if editor.navigation.stop_order.in_repeat(name) else ())


def in_view(editor: Any) -> bool:
    """The question with the cursor is on screen inside the form's scrolled area."""
    widget = QApplication.focusWidget()
    viewport = editor.scroller.viewport()
    if widget is None or not viewport.isAncestorOf(widget):
        return True  # (the side panel, a dialog: not the form's business)
    rect = widget.rect()
    if isinstance(widget, MatrixTable):
        name = widget.current_name()
        if name is not None:
            rect = widget.cell_rect(name)
    top_left = widget.mapTo(viewport, rect.topLeft())
    return bool(top_left.y() >= 0 and top_left.y() + min(rect.height(), 20) <= viewport.height())


def paper_text(field: Field, value: Any, rng: Random) -> str:
    """What the typist types for an answer written on paper."""
    if value is None or value == [] or value == "":
        return ""
    if field.type is FieldType.SELECT_MULTIPLE:
        return rng.choice([" ", ",", ", ", ";"]).join(str(v) for v in value)
    if field.type is FieldType.DATE:
        year, month, day = str(value).split("-")
        return f"{day}{month}{year}"
    if field.type is FieldType.DECIMAL:
        text = f"{value}" if isinstance(value, int) else repr(float(value))
        return text.replace(".", rng.choice([",", "."]))
    if field.type is FieldType.INTEGER and isinstance(value, int) and value >= 1000 \
            and rng.random() < 0.3:
        return f"{value:,}".replace(",", ".")  # as a receipt prints it
    return str(value)


def cells_of(instrument: Instrument, answers: dict[str, Any]) -> dict[Cell, Any]:
    """Answers keyed (question, member) as the engine reads them."""
    state = FormState(instrument, answers, Environment())
    return {cell: value for cell, value in state.raw.items() if value not in (None, "", [])}


class Typist:
    def __init__(self, qtbot: Any, editor: Any, seed: int = 0,
                 new_names: bool = False) -> None:
        self.new_names = new_names
        self.qtbot = qtbot
        self.editor = editor
        self.instrument: Instrument = editor.instrument
        self.rng = Random(seed)
        self.stops = 0
        self.trail: list[Cell] = []

    def answer(self, cell: Cell, value: Any) -> None:
        """Type the paper's answer into the question with the cursor, then Tab."""
        field = self.instrument.field(cell[0])
        text = paper_text(field, value, self.rng)
        widget = focus()
        if text:
            type_text(self.qtbot, text)
        elif not isinstance(widget, MatrixTable) and hasattr(widget, "text") and widget.text():
            press(self.qtbot, Qt.Key.Key_Backspace)  # a default the paper leaves blank
        press(self.qtbot, Qt.Key.Key_Tab)
        self.stops += 1
        assert in_view(self.editor), f"after {cell} the cursor is off the screen at " \
            f"{cursor(self.editor)}"

    def fill(self, intended: dict[Cell, Any], members: int, limit: int = 20_000) -> None:
        """Walk the form from the cursor to the end, member after member."""
        added = 0
        for _ in range(limit):
            here = cursor(self.editor)
            assert here is not None, (f"the cursor left the questionnaire after "
                                      f"{self.trail[-3:]}: {QApplication.focusWidget()}")
            self.trail.append(here)
            self.answer(here, intended.get(here))
            after = cursor(self.editor)
            if after != here:
                continue
            refused = self.refusal(here)
            if refused and self.new_names and "Ctrl+Enter" in refused:
                press(self.qtbot, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
                continue  # the paper names a dusun the list does not have yet: on purpose
            assert not refused, f"{here}: the typed answer was refused: {refused}"
            if added < members:
                press(self.qtbot, Qt.Key.Key_M, Qt.KeyboardModifier.ControlModifier)
                added += 1
                continue
            return
        raise AssertionError("the walk did not end")

    def refusal(self, cell: Cell) -> str:
        registry = self.editor.context.registry_for(cell[0], cell[1])
        row = registry.rows.get(cell[0]) if registry is not None else None
        if row is not None and row.feedback.isVisible() and "⚠" not in row.feedback.text():
            return str(row.feedback.text())
        table = registry.cell_table.get(cell[0]) if registry is not None else None
        if table is not None and table.feedback.isVisible() and "→" not in table.feedback.text():
            return str(table.feedback.text())
        return ""


def enrich(instrument: Instrument, answers: dict[str, Any], rng: Random,
           tables: float = 0.5, writeins: float = 0.3) -> dict[str, Any]:
    """Add what demo households rarely have: table rows (write-in rows among them),
    decimals, write-ins of choices; only where the paper would ask it."""
    result = {key: value for key, value in answers.items() if key != "anggota"}
    members = [dict(member) for member in answers.get("anggota", [])]
    for node in instrument.order:
        if isinstance(node, Matrix) and rng.random() < tables:
            targets = [result] if not node.repeats else members[:1]
            for target in targets:
                for row in rng.sample(list(node.rows), k=min(2, len(node.rows))):
                    name = node.row_names.get(row)
                    if name is not None:
                        target[name] = rng.choice(["Sumur bor", "Kolam terpal", "Lainnya"])
                    for column in node.columns:
                        cell = instrument.field(node.cells[(row, column.name)])
                        target[cell.name] = sample_value(instrument, cell, rng)
        elif isinstance(node, Field) and node.extra.get("other_of") and rng.random() < writeins \
                and str(node.name).endswith("_lain1"):
            target = members[0] if node.repeats and members else result
            if not node.repeats or members:
                target[node.name] = rng.choice(["Lain-lain", "Belum tahu", "Ada, tidak tercetak"])
    if members:
        result["anggota"] = members
    return result


def sample_value(instrument: Instrument, field: Field, rng: Random) -> Any:
    choices = instrument.choices_of(field)
    if field.type is FieldType.SELECT_ONE and choices is not None:
        return rng.choice(choices.choices).name
    if field.type is FieldType.SELECT_MULTIPLE and choices is not None:
        names = [c.name for c in choices.choices if c.name != "1"] or [choices.choices[0].name]
        return sorted(rng.sample(names, k=min(len(names), rng.randint(1, 2))),
                      key=[c.name for c in choices.choices].index)
    if field.type is FieldType.INTEGER:
        return rng.randint(1, 40)
    if field.type is FieldType.DECIMAL:
        return rng.choice([0.25, 1.5, 12.75, 3, 250])
    return rng.choice(["Pasar desa", "Tengkulak", "Koperasi"])


def relevant_only(instrument: Instrument, answers: dict[str, Any], today: Any,
                  village: dict[str, str]) -> dict[str, Any]:
    """The answers the paper really holds: what the form asks for these answers."""
    state = FormState(instrument, answers, Environment(today=today, village=village))
    for (name, key) in list(state.raw):
        if not state.is_relevant(name, key):
            state.set(name, None, key)
    return state.to_json()
