"""The section list (with what is missing per section) and the list of all problems."""

from __future__ import annotations

from collections import Counter
from typing import Any

from desa_app.core.instrument.issues import Issue
from desa_app.core.instrument.model import Container, Instrument, Node, Severity
from desa_app.core.instrument.places import place_of
from desa_app.gui.i18n import form_language, t
from desa_app.gui.qt import (
    QComboBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    Qt,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
    Signal,
)

NOTE_ROLE = Qt.ItemDataRole.UserRole + 1
ITEM_ROLE = Qt.ItemDataRole.UserRole + 2


def numbered_items(section: Container) -> list[Node]:
    """The items printed with a number directly in a part (1.6, not 1.6A inside it)."""
    found: list[Node] = []
    for node in section.walk():
        if not node.number:
            continue
        between = []
        for ancestor in node.ancestors():
            if ancestor is section:
                break
            between.append(ancestor)
        if not any(ancestor.number for ancestor in between):
            found.append(node)
    return found


def top_section(node: Node) -> str:
    """The name of the top-level part of the questionnaire a node belongs to."""
    top = node
    for ancestor in node.ancestors():
        if ancestor.parent is None:
            break
        top = ancestor
    return top.name


class SectionNavigator(QTreeWidget):
    """The parts of the questionnaire, each with its numbered items (1.1 ... 1.36) to
    open with a click; the state column counts what is missing per part."""

    section_chosen = Signal(str)
    item_chosen = Signal(str)

    def __init__(self, instrument: Instrument, sections: dict[str, QWidget]) -> None:
        super().__init__()
        self.instrument = instrument
        self.setHeaderLabels([t("form.sections"), t("form.section_state")])
        self.setRootIsDecorated(True)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.items: dict[str, QTreeWidgetItem] = {}
        language = form_language()
        for name in sections:
            node = instrument.nodes.get(name)
            label = t("form.other_questions") if node is None else (
                f"{node.number} {node.label.get(language)}".strip())
            item = QTreeWidgetItem([label, ""])
            item.setData(0, Qt.ItemDataRole.UserRole, name)
            self.addTopLevelItem(item)
            self.items[name] = item
            if isinstance(node, Container):
                for child in numbered_items(node):
                    text = f"{child.number} {child.label.get(language)}".strip()
                    sub = QTreeWidgetItem([text, ""])
                    sub.setData(0, Qt.ItemDataRole.UserRole, child.name)
                    sub.setData(0, ITEM_ROLE, True)
                    sub.setToolTip(0, text)
                    item.addChild(sub)
        self.setColumnWidth(0, 190)
        self.itemClicked.connect(self._clicked)

    def _clicked(self, item: QTreeWidgetItem, _column: int) -> None:
        name = item.data(0, Qt.ItemDataRole.UserRole)
        if item.data(0, ITEM_ROLE):
            self.item_chosen.emit(name)
        else:
            self.section_chosen.emit(name)

    def show_counts(self, issues: list[Issue]) -> None:
        missing: Counter[str] = Counter()
        errors: Counter[str] = Counter()
        warnings: Counter[str] = Counter()
        for issue in issues:
            section = top_section(self.instrument.nodes[issue.name])
            if issue.code == "required":
                missing[section] += 1
            elif issue.severity is Severity.ERROR:
                errors[section] += 1
            else:
                warnings[section] += 1
        for name, item in self.items.items():
            parts = []
            if missing[name]:
                parts.append(t("form.count_missing", n=missing[name]))
            if errors[name]:
                parts.append(t("form.count_errors", n=errors[name]))
            if warnings[name]:
                parts.append(t("form.count_warnings", n=warnings[name]))
            item.setText(1, ", ".join(parts) or "✓")
            item.setForeground(1, Qt.GlobalColor.darkRed if (missing[name] or errors[name])
                               else Qt.GlobalColor.darkGreen)


class IssueList(QListWidget):
    """Every problem of the record, each named by its printed item number and label;
    clicking one (or Enter) jumps to its question."""

    issue_chosen = Signal(object)

    def __init__(self, instrument: Instrument) -> None:
        super().__init__()
        self.instrument = instrument
        self.setWordWrap(True)
        self.itemActivated.connect(self._chosen)
        self.itemClicked.connect(self._chosen)

    def _chosen(self, item: QListWidgetItem) -> None:
        self.issue_chosen.emit(item.data(Qt.ItemDataRole.UserRole))

    def show_issues(self, issues: list[Issue]) -> None:
        self.clear()
        if not issues:
            self.addItem(QListWidgetItem(t("form.no_issues")))
            return
        language = form_language()
        for issue in issues:
            mark = "✖" if issue.severity is Severity.ERROR else "⚠"
            place = place_of(self.instrument, issue.name, issue.key, language)
            item = QListWidgetItem(f"{mark} {place}: {issue.message}")
            item.setData(Qt.ItemDataRole.UserRole, issue)
            item.setForeground(Qt.GlobalColor.darkRed if issue.severity is Severity.ERROR
                               else Qt.GlobalColor.darkYellow)
            self.addItem(item)


def path_to_cell(path: str) -> tuple[str, tuple[int, ...]]:
    """``anggota[3]/tgl_lahir`` -> (``tgl_lahir``, (2,)); ``alamat`` -> (``alamat``, ())."""
    key: list[int] = []
    for part in path.split("/")[:-1]:
        if "[" in part and part.endswith("]"):
            key.append(int(part[part.index("[") + 1 : -1]) - 1)
    return path.split("/")[-1], tuple(key)


class NotesList(QWidget):
    """The Tim's open notes; Enter/click jumps to the question, a button resolves one."""

    note_chosen = Signal(str)
    resolve_requested = Signal(int)

    note_written = Signal(object, str)  # field path or None, text

    def __init__(self, can_resolve: bool, instrument: Instrument | None = None) -> None:
        super().__init__()
        self.instrument = instrument
        self.target = QComboBox()
        # the questions' labels are long (Potensi): the list must not widen the side panel
        self.target.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.target.setMinimumContentsLength(24)
        self.text = QLineEdit()
        self.text.setPlaceholderText(t("notes.write_placeholder"))
        self.write = QPushButton(t("notes.write"))
        self.write.clicked.connect(self._write)
        self.text.returnPressed.connect(self._write)
        for widget in (self.target, self.text, self.write):
            widget.hide()
        self.list = QListWidget()
        self.list.setWordWrap(True)
        self.resolve = QPushButton(t("notes.resolve"))
        self.resolve.setEnabled(False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(QLabel(t("notes.title")))
        layout.addWidget(self.list)
        layout.addWidget(self.resolve)
        layout.addWidget(self.target)
        layout.addWidget(self.text)
        layout.addWidget(self.write)
        # only once it has a parent: shown before, a parentless button is a window of its
        # own that flashes up and takes the activation away from the main window
        self.resolve.setVisible(can_resolve)
        self.list.itemActivated.connect(self._chosen)
        self.list.itemClicked.connect(self._chosen)
        self.list.currentItemChanged.connect(
            lambda item, _old: self.resolve.setEnabled(item is not None
                                                       and item.data(NOTE_ROLE) is not None))
        self.resolve.clicked.connect(self._resolve)

    def _chosen(self, item: QListWidgetItem) -> None:
        path = item.data(Qt.ItemDataRole.UserRole)
        if path:
            self.note_chosen.emit(path)

    def _resolve(self) -> None:
        item = self.list.currentItem()
        if item is not None and item.data(NOTE_ROLE) is not None:
            self.resolve_requested.emit(int(item.data(NOTE_ROLE)))

    def allow_writing(self, state: Any | None) -> None:
        """Offer writing a note (pembina, or the Tim outside its review), or hide it."""
        for widget in (self.target, self.text, self.write):
            widget.setVisible(state is not None)
        if state is not None:
            fill_note_targets(self.target, state)
            self.setVisible(True)

    def _write(self) -> None:
        text = self.text.text().strip()
        if text:
            self.note_written.emit(self.target.currentData() or None, text)
            self.text.clear()

    def place(self, path: str) -> str:
        """``anggota[2]/nik`` as the user reads it: ``2.1.2 NIK, anggota ke-2``."""
        name, key = path_to_cell(path)
        if self.instrument is None or name not in self.instrument.nodes:
            return path
        return place_of(self.instrument, name, key, form_language())

    def show_notes(self, notes: list[Any]) -> None:
        self.list.clear()
        self.setVisible(bool(notes) or self.write.isVisibleTo(self))
        for note in notes:
            where = self.place(note.field_path) if note.field_path else t("notes.whole_record")
            item = QListWidgetItem(f"📝 {where}: {note.text}")
            item.setData(Qt.ItemDataRole.UserRole, note.field_path or "")
            item.setData(NOTE_ROLE, note.id)
            self.list.addItem(item)


def fill_note_targets(combo: Any, state: Any) -> None:
    """The questions a note can be about: the whole record, then every answered one."""
    from desa_app.core.instrument.issues import path_of

    combo.clear()
    combo.addItem(t("notes.whole_record"), "")
    language = form_language()
    seen = set()
    cells = sorted(state.raw, key=lambda cell: (cell[1], state.plan.by_name[cell[0]].index))
    for name, key in cells:
        node = state.instrument.nodes[name]
        path = path_of(node, key)
        if path in seen:
            continue
        seen.add(path)
        label = f"{node.number} {node.label.get(language)}".strip()
        member = f" — {t('members.detail', n=key[0] + 1)}" if key else ""
        combo.addItem(f"{label}{member}", path)
