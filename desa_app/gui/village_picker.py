"""Choosing the village: search the 83,762 desa/kelurahan by name or code.

Same-named villages are common (eleven "Widoro"), so every match shows its kecamatan,
kabupaten and provinsi. Split from the wizard so each reads on its own.
"""

from __future__ import annotations

from collections import deque
from dataclasses import dataclass
from typing import Any

from desa_app.core.identity import get_registry
from desa_app.gui.i18n import t
from desa_app.gui.login import problem_label, say
from desa_app.gui.operation import BackgroundOp, Failure, on_label
from desa_app.gui.qt import (
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QObject,
    Qt,
    QtCore,
    QTimer,
    QVBoxLayout,
    QWidget,
    QWizardPage,
)


def ready_flag(page: QWizardPage, name: str) -> QLineEdit:
    """A hidden mandatory field: the page is complete while its text is not empty.

    Overriding ``QWizardPage.isComplete`` in Python is avoided on purpose: PySide6 6.12
    drops a reference to the returned ``True``/``False`` on each call, and the
    interpreter aborts once the count reaches zero ("bool_dealloc").
    """
    flag = QLineEdit(page)
    flag.hide()
    page.registerField(f"{name}*", flag)
    return flag


def focus_first(page: QWizardPage, field: QWidget) -> None:
    """The page's first field gets the keyboard, now and once the page is on screen
    (a page is initialised before QWizard shows it, and under X the focus otherwise
    stays in the previous, hidden page)."""

    def focus() -> None:
        wizard = page.wizard()
        if wizard is not None and wizard.currentPage() is page and field.isEnabled():
            wizard.activateWindow()
            field.setFocus()
            if isinstance(field, QLineEdit):
                field.selectAll()

    focus()
    QTimer.singleShot(0, page, focus)


SEARCH_LIMIT = 50
DEBOUNCE_MS = 250


@dataclass(frozen=True)
class VillageChoice:
    code: str
    name: str
    kecamatan: str
    kabupaten: str
    provinsi: str

    @property
    def label(self) -> str:
        """One line that tells same-named villages apart."""
        kind = t("setup.village.kelurahan" if self.code[9] == "1" else "setup.village.desa")
        return t("setup.village.item", kind=kind, name=self.name, kecamatan=self.kecamatan,
                 kabupaten=self.kabupaten, provinsi=self.provinsi, code=self.code)


def _choice(code: str) -> VillageChoice:
    names = [name for _, name in get_registry().lineage(code)]
    provinsi, kabupaten, kecamatan, name = names
    return VillageChoice(code, name, kecamatan, kabupaten, provinsi)


def _code_matches(digits: str, limit: int) -> list[str]:
    """Desa codes starting with ``digits`` (dots ignored), walking the tree in code order."""
    registry = get_registry()
    found: list[str] = []
    pending = deque(code for code, _ in registry.children(None))
    while pending and len(found) < limit:
        code = pending.popleft()
        plain = code.replace(".", "")
        if not (plain.startswith(digits) or digits.startswith(plain)):
            continue
        if registry.level(code) == "desa":
            found.append(code)
        else:
            pending.extendleft(reversed([child for child, _ in registry.children(code)]))
    return found


def search_villages(text: str, limit: int = SEARCH_LIMIT) -> list[VillageChoice]:
    """Desa/kelurahan matching part of a name or a code.

    Several words ("widoro pacitan") narrow by kecamatan, kabupaten or province too.
    """
    text = text.strip()
    if not text:
        return []
    if all(ch.isdigit() or ch in ". " for ch in text):
        return [_choice(code) for code in _code_matches(text.replace(".", "").replace(" ", ""),
                                                         limit)]
    registry = get_registry()
    codes = [code for code, _ in registry.search(text, level="desa", limit=limit)]
    words = text.casefold().split()
    if len(codes) < limit and len(words) > 1:
        for code, _ in registry.search(words[0], level="desa", limit=5000):
            if code in codes:
                continue
            place = " ".join(name for _, name in registry.lineage(code)).casefold()
            if all(word in place for word in words[1:]):
                codes.append(code)
                if len(codes) >= limit:
                    break
    return [_choice(code) for code in codes]


class VillagePage(QWizardPage):
    """(a) Which village: a search box over the 83,762 desa and a list of matches."""

    def __init__(self) -> None:
        super().__init__()
        self.setTitle(t("setup.village.title"))
        self.setSubTitle(t("setup.village.subtitle"))
        self.chosen: VillageChoice | None = None
        self._generation = 0
        self._pending = 0
        self.search_edit = QLineEdit()
        self.search_edit.setPlaceholderText(t("setup.village.placeholder"))
        self.search_edit.installEventFilter(self)
        self.results = QListWidget()
        self.status = QLabel()
        self.chosen_label = QLabel(t("setup.village.none_chosen"))
        self.chosen_label.setWordWrap(True)
        self.problem = problem_label()
        self.ready = ready_flag(self, "village")
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(DEBOUNCE_MS)
        self.timer.timeout.connect(self._search)
        self.search_edit.textEdited.connect(self._edited)
        self.results.currentItemChanged.connect(self._current_changed)
        layout = QVBoxLayout(self)
        label = QLabel(t("setup.village.search"))
        label.setBuddy(self.search_edit)
        layout.addWidget(label)
        layout.addWidget(self.search_edit)
        layout.addWidget(self.status)
        layout.addWidget(self.results, 1)
        layout.addWidget(self.chosen_label)
        layout.addWidget(self.problem)
        self._choose(None)

    def initializePage(self) -> None:
        focus_first(self, self.search_edit)

    def cleanupPage(self) -> None:
        """Nothing is reset on Back: the choice stays until another village is picked."""

    def _edited(self, _text: str) -> None:
        if self.isVisible():  # keys meant for another page never search again
            self.timer.start()

    @property
    def searching(self) -> bool:
        return self._pending > 0 or self.timer.isActive()

    def _search(self) -> None:
        self._generation += 1
        generation, text = self._generation, self.search_edit.text()
        self._pending += 1
        self.status.setText(t("setup.village.searching"))
        BackgroundOp(self, lambda: search_villages(text)) \
            .success(lambda found: self._found(generation, found)) \
            .failure(self._failed).run()

    def _failed(self, failure: Failure) -> None:
        self._pending -= 1
        on_label(self, self.status)(failure)

    def _found(self, generation: int, found: list[VillageChoice]) -> None:
        self._pending -= 1
        if generation != self._generation:
            return  # the user typed on; a newer search is coming
        keep = self.chosen
        self.results.blockSignals(True)
        self.results.clear()
        for choice in found:
            item = QListWidgetItem(choice.label)
            item.setData(Qt.ItemDataRole.UserRole, choice)
            self.results.addItem(item)
            if keep is not None and choice.code == keep.code:
                self.results.setCurrentItem(item)
        self.results.blockSignals(False)  # a choice not among the matches stays chosen
        if not self.search_edit.text().strip():
            self.status.setText("")
        elif not found:
            self.status.setText(t("setup.village.no_match"))
        elif len(found) >= SEARCH_LIMIT:
            self.status.setText(t("setup.village.too_many", count=SEARCH_LIMIT))
        else:
            self.status.setText(t("setup.village.matches", count=len(found)))

    def _current_changed(self, current: QListWidgetItem | None, _previous: Any) -> None:
        self._choose(None if current is None else current.data(Qt.ItemDataRole.UserRole))

    def _choose(self, choice: VillageChoice | None) -> None:
        self.chosen = choice
        self.chosen_label.setText(t("setup.village.chosen", label=choice.label) if choice
                                  else t("setup.village.none_chosen"))
        self.ready.setText("1" if choice else "")
        say(self.problem, "" if choice else t("setup.village.choose_first"))

    def eventFilter(self, watched: QObject, event: QtCore.QEvent) -> bool:
        """Up/Down move through the matches without leaving the search box; Enter
        picks the first match when none is highlighted yet (a second Enter goes on)."""
        if watched is self.search_edit and event.type() == QtCore.QEvent.Type.KeyPress:
            key = event.key()  # type: ignore[attr-defined]
            count = self.results.count()
            row = self.results.currentRow()
            if key in (Qt.Key.Key_Down, Qt.Key.Key_Up) and count:
                step = 1 if key == Qt.Key.Key_Down else -1
                self.results.setCurrentRow(max(0, min(count - 1, row + step)))
                return True
            if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and count and row < 0:
                self.results.setCurrentRow(0)
                return True
        return super().eventFilter(watched, event)


