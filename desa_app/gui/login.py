"""Opening a village database and logging in: passphrase, user name, password.

Deriving the SQLCipher key and checking an scrypt password are slow on purpose, so both
run in the background while the dialog shows it is busy; the window never freezes. A
wrong passphrase or password is said in red under the fields (the core's own Indonesian
message), and the field is cleared and focused for the next try. The small helpers at
the top (red problem label, busy bar, bug report) are shared by the other first-run and
settings screens so they all report errors the same way.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from desa_app.core.errors import PassphraseRequired, StoreError, WrongPassphrase
from desa_app.core.store.facade import VillageStore
from desa_app.core.store.users import Actor
from desa_app.gui.i18n import t
from desa_app.gui.qt import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QtWidgets,
    QVBoxLayout,
    QWidget,
)
from desa_app.gui.session import AppSession
from desa_app.gui.settings import AppSettings
from desa_app.gui.worker import run_in_background

ERROR_STYLE = "color: #b00020;"
_kept_alive: set[QDialog] = set()  # parentless bug reports must outlive their caller


def problem_label() -> QLabel:
    """A red, wrapping label for what is wrong; hidden while there is nothing to say."""
    label = QLabel()
    label.setStyleSheet(ERROR_STYLE)
    label.setWordWrap(True)
    label.hide()
    return label


def say(label: QLabel, text: str) -> None:
    label.setText(text)
    label.setVisible(bool(text))


def busy_bar() -> QProgressBar:
    """An indeterminate bar: slow work is visibly going on, not stuck."""
    bar = QProgressBar()
    bar.setRange(0, 0)
    bar.setTextVisible(False)
    bar.setMaximumHeight(14)
    bar.hide()
    return bar


class BugDialog(QDialog):
    """A programming error: the user can copy the traceback for whoever supports them."""

    def __init__(self, exc: BaseException, trace: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(t("common.error_title"))
        self.resize(640, 400)
        layout = QVBoxLayout(self)
        message = QLabel(t("login.bug", error=f"{type(exc).__name__}: {exc}"))
        message.setWordWrap(True)
        layout.addWidget(message)
        details = QtWidgets.QPlainTextEdit(trace)
        details.setReadOnly(True)
        layout.addWidget(details, 1)
        buttons = QDialogButtonBox()
        close = buttons.addButton(t("common.close"), QDialogButtonBox.ButtonRole.AcceptRole)
        close.setDefault(True)
        buttons.accepted.connect(self.accept)
        layout.addWidget(buttons)


def show_bug(parent: QWidget | None, exc: BaseException, trace: str) -> BugDialog:
    """Show the bug report without blocking (the caller goes on; tests do not hang)."""
    dialog = BugDialog(exc, trace, parent)
    _kept_alive.add(dialog)
    dialog.finished.connect(lambda _result: _kept_alive.discard(dialog))
    dialog.open()
    return dialog


def report(parent: QWidget | None, label: QLabel, exc: BaseException, trace: str) -> None:
    """A user's problem in red on ``label``; anything else is a bug with its traceback."""
    if isinstance(exc, StoreError):
        say(label, str(exc))
    else:
        say(label, "")
        show_bug(parent, exc, trace)


@dataclass
class Outcome:
    result: Any = None
    error: BaseException | None = None
    trace: str = ""


class BusyDialog(QDialog):
    """'Please wait' while work runs in the background; it cannot be closed early, so a
    half-opened or half-restored database is never abandoned."""

    def __init__(self, text: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(t("common.working"))
        self.setMinimumWidth(420)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(text))
        bar = busy_bar()
        bar.show()
        layout.addWidget(bar)
        self.outcome = Outcome()
        self._running = False

    def run(self, work: Callable[[], Any]) -> Outcome:
        self._running = True
        run_in_background(work, self._done, self._failed)
        self.exec()
        return self.outcome

    def _done(self, result: Any) -> None:
        self._running = False
        self.outcome = Outcome(result=result)
        self.accept()

    def _failed(self, exc: BaseException, trace: str) -> None:
        self._running = False
        self.outcome = Outcome(error=exc, trace=trace)
        self.accept()

    def reject(self) -> None:
        if not self._running:
            super().reject()


def run_busy(parent: QWidget | None, text: str, work: Callable[[], Any]) -> Outcome:
    return BusyDialog(text, parent).run(work)


def _buttons(dialog: QDialog, ok_key: str) -> QDialogButtonBox:
    """OK/Cancel with our own words (Qt's built-in texts are not translated here)."""
    box = QDialogButtonBox()
    ok = box.addButton(t(ok_key), QDialogButtonBox.ButtonRole.AcceptRole)
    ok.setDefault(True)
    box.addButton(t("common.cancel"), QDialogButtonBox.ButtonRole.RejectRole)
    box.accepted.connect(dialog.accept)
    box.rejected.connect(dialog.reject)
    return box


def secret_field() -> QLineEdit:
    """A password-style field (typed characters shown as dots)."""
    field = QLineEdit()
    field.setEchoMode(QLineEdit.EchoMode.Password)
    return field


class _BackgroundDialog(QDialog):
    """A dialog whose OK starts slow work; fields are locked and Esc ignored meanwhile."""

    def __init__(self, parent: QWidget | None) -> None:
        super().__init__(parent)
        self.setMinimumWidth(460)
        self.problem = problem_label()
        self.busy = busy_bar()
        self.busy_running = False

    def _set_busy(self, busy: bool) -> None:
        self.busy_running = busy
        self.busy.setVisible(busy)
        for child in self.findChildren(QLineEdit) + self.findChildren(QPushButton):
            child.setEnabled(not busy)

    def reject(self) -> None:
        if not self.busy_running:
            super().reject()


class PassphraseDialog(_BackgroundDialog):
    """Asks the passphrase of an encrypted village file and opens it (``.store``).

    A StoreError other than a wrong passphrase (a damaged file ...) closes the dialog
    with ``.failure`` set, so the caller can offer the newest good backup.
    """

    def __init__(self, path: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.path = Path(path)
        self.store: VillageStore | None = None
        self.failure: StoreError | None = None
        self.passphrase = ""
        self.setWindowTitle(t("login.passphrase_title"))
        layout = QVBoxLayout(self)
        intro = QLabel(t("login.passphrase_intro", name=self.path.name))
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.passphrase_edit = secret_field()
        form = QFormLayout()
        form.addRow(t("login.passphrase"), self.passphrase_edit)
        layout.addLayout(form)
        layout.addWidget(self.problem)
        layout.addWidget(self.busy)
        layout.addWidget(_buttons(self, "login.open"))
        self.passphrase_edit.setFocus()

    def accept(self) -> None:
        if self.store is not None:
            super().accept()
            return
        passphrase = self.passphrase_edit.text()
        if not passphrase:
            say(self.problem, t("login.passphrase_empty"))
            self.passphrase_edit.setFocus()
            return
        self.passphrase = passphrase
        say(self.problem, "")
        self._set_busy(True)
        path = self.path
        run_in_background(lambda: VillageStore.open(path, passphrase), self._opened,
                          self._failed)

    def _opened(self, store: VillageStore) -> None:
        self._set_busy(False)
        self.store = store
        super().accept()

    def _failed(self, exc: BaseException, trace: str) -> None:
        self._set_busy(False)
        if isinstance(exc, StoreError) and not isinstance(
                exc, WrongPassphrase | PassphraseRequired):
            self.failure = exc
            super().reject()
            return
        report(self, self.problem, exc, trace)
        self.passphrase_edit.clear()
        self.passphrase_edit.setFocus()


class LoginDialog(_BackgroundDialog):
    """User name and password; the check runs in the background and gives ``.actor``."""

    def __init__(self, store: VillageStore, last_user: str = "",
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.actor: Actor | None = None
        self.setWindowTitle(t("login.title"))
        layout = QVBoxLayout(self)
        village = store.village_info()
        heading = QLabel(t("login.heading", name=village.name, kecamatan=village.kecamatan,
                           kabupaten=village.kabupaten))
        heading.setWordWrap(True)
        layout.addWidget(heading)
        self.username_edit = QLineEdit(last_user)
        self.password_edit = secret_field()
        form = QFormLayout()
        form.addRow(t("login.username"), self.username_edit)
        form.addRow(t("login.password"), self.password_edit)
        layout.addLayout(form)
        layout.addWidget(self.problem)
        layout.addWidget(self.busy)
        layout.addWidget(_buttons(self, "login.enter"))
        (self.password_edit if last_user else self.username_edit).setFocus()

    def accept(self) -> None:
        if self.actor is not None:
            super().accept()
            return
        username, password = self.username_edit.text().strip(), self.password_edit.text()
        if not username or not password:
            say(self.problem, t("login.fill_both"))
            (self.password_edit if username else self.username_edit).setFocus()
            return
        say(self.problem, "")
        self._set_busy(True)
        users = self.store.users
        run_in_background(lambda: users.authenticate(username, password),
                          self._authenticated, self._failed)

    def _authenticated(self, actor: Actor) -> None:
        self._set_busy(False)
        self.actor = actor
        super().accept()

    def _failed(self, exc: BaseException, trace: str) -> None:
        self._set_busy(False)
        report(self, self.problem, exc, trace)
        self.password_edit.clear()
        self.password_edit.setFocus()


def _ask(parent: QWidget | None, text: str) -> bool:
    box = QMessageBox(QMessageBox.Icon.Question, t("login.restore_title"), text,
                      parent=parent)
    yes = box.addButton(t("common.yes"), QMessageBox.ButtonRole.YesRole)
    no = box.addButton(t("common.no"), QMessageBox.ButtonRole.NoRole)
    box.setDefaultButton(no)  # replacing a database file is never the accidental choice
    box.exec()
    return box.clickedButton() is yes


def _tell(parent: QWidget | None, text: str, icon: QMessageBox.Icon) -> None:
    QMessageBox(icon, t("app.title"), text, parent=parent).exec()


def _offer_restore(parent: QWidget | None, path: Path, failure: StoreError,
                   passphrase: str | None) -> bool:
    """Say why the file cannot be opened; True when a backup was restored (open again)."""
    if failure.backup is None:
        _tell(parent, str(failure), QMessageBox.Icon.Warning)
        return False
    backup = failure.backup
    if not _ask(parent, t("login.restore_question", problem=failure.message, backup=backup)):
        return False
    outcome = run_busy(parent, t("login.restoring"),
                       lambda: VillageStore.restore(path, backup, passphrase))
    if outcome.error is not None:
        if isinstance(outcome.error, StoreError):
            _tell(parent, str(outcome.error), QMessageBox.Icon.Warning)
        else:
            BugDialog(outcome.error, outcome.trace, parent).exec()
        return False
    _tell(parent, t("login.restored", aside=outcome.result), QMessageBox.Icon.Information)
    return True


def _open(path: Path, parent: QWidget | None) -> VillageStore | None:
    while True:
        passphrase: str | None = None
        if VillageStore.file_kind(path) == "opaque":
            dialog = PassphraseDialog(path, parent)
            if dialog.exec() == QDialog.DialogCode.Accepted:
                return dialog.store
            if dialog.failure is None:
                return None  # the user cancelled
            failure, passphrase = dialog.failure, dialog.passphrase
        else:
            outcome = run_busy(parent, t("login.opening", name=path.name),
                               lambda: VillageStore.open(path))
            if outcome.error is None:
                opened: VillageStore = outcome.result
                return opened
            if not isinstance(outcome.error, StoreError):
                BugDialog(outcome.error, outcome.trace, parent).exec()
                return None
            failure = outcome.error
        if not _offer_restore(parent, path, failure, passphrase):
            return None


def open_and_login(path: Path, settings: AppSettings,
                   parent: QWidget | None = None) -> AppSession | None:
    """Open the village file (asking its passphrase if encrypted) and log a user in.

    Returns the session, or None when the user gave up; a successful login remembers the
    file and the user name for next time.
    """
    path = Path(path)
    store = _open(path, parent)
    if store is None:
        return None
    dialog = LoginDialog(store, settings.last_user, parent)
    if dialog.exec() != QDialog.DialogCode.Accepted or dialog.actor is None:
        store.close(backup=False)  # nothing changed: no backup needed
        return None
    settings.database = str(path)
    settings.last_user = dialog.actor.username
    settings.save()
    return AppSession(store, dialog.actor, settings)
