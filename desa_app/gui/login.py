"""Opening a village database and logging in: passphrase, user name, password.

Deriving the SQLCipher key and checking an scrypt password are slow on purpose, so both
run in the background while the dialog shows it is busy; the window never freezes. A
wrong passphrase or password is said in red under the fields (the core's own Indonesian
message), and the field is focused with its text selected for the next try; OK stays
the default button, so Enter tries again and never cancels. The small helpers at
the top (red problem label, the label failure report) are shared by the other first-run
and settings screens so they all report errors the same way; the background work itself
goes through ``operation.BackgroundOp``.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from desa_app.core.errors import PassphraseRequired, StoreError, WrongPassphrase
from desa_app.core.store.facade import VillageStore
from desa_app.core.store.users import Actor
from desa_app.gui.ask import ask
from desa_app.gui.i18n import t
from desa_app.gui.operation import (
    BackgroundOp,
    BusyBar,
    Failure,
    busy_bar,
    log_failure,
    on_label,
)
from desa_app.gui.qt import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)
from desa_app.gui.session import AppSession
from desa_app.gui.settings import AppSettings

ERROR_STYLE = "color: #b00020;"


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


def report(parent: QWidget | None, label: QLabel, exc: BaseException, trace: str) -> None:
    """For work that failed in the foreground: the same report a background failure
    gets from ``operation.on_label`` (a user's problem in red on ``label``, anything else
    one line in a message box, the traceback logged)."""
    failure = Failure.of(exc, trace)
    log_failure(failure)
    on_label(parent, label)(failure)


@dataclass
class Outcome:
    result: Any = None
    failure: Failure | None = None


class BusyDialog(QDialog):
    """'Please wait' while work runs in the background; it cannot be closed early, so a
    half-opened or half-restored database is never abandoned."""

    def __init__(self, text: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(t("common.working"))
        self.setMinimumWidth(420)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(text))
        self.busy = BusyBar()  # the dialog itself is the sign; nothing else to lock
        bar = busy_bar()
        bar.show()
        layout.addWidget(bar)
        self.outcome = Outcome()

    def run(self, work: Callable[[], Any]) -> Outcome:
        BackgroundOp(self, work).success(self._done).failure(self._failed) \
            .busy(self.busy).run()
        self.exec()
        return self.outcome

    def _done(self, result: Any) -> None:
        self.outcome = Outcome(result=result)
        self.accept()

    def _failed(self, failure: Failure) -> None:
        self.outcome = Outcome(failure=failure)
        self.accept()

    def reject(self) -> None:
        if not self.busy.active:
            super().reject()


def run_busy(parent: QWidget | None, text: str, work: Callable[[], Any]) -> Outcome:
    return BusyDialog(text, parent).run(work)


def _buttons(dialog: QDialog, ok_key: str) -> tuple[QDialogButtonBox, QPushButton]:
    """OK/Cancel with our own words (Qt's built-in texts are not translated here).

    Neither button is auto-default: an auto-default button becomes the default while it
    has the focus, and under X the focus lands on Cancel when the fields are unlocked
    after a failed try, so the next Enter would have closed the app. OK stays the
    default whatever has the focus."""
    box = QDialogButtonBox()
    ok = box.addButton(t(ok_key), QDialogButtonBox.ButtonRole.AcceptRole)
    cancel = box.addButton(t("common.cancel"), QDialogButtonBox.ButtonRole.RejectRole)
    for button in (ok, cancel):
        button.setAutoDefault(False)
        button.setDefault(button is ok)
    box.accepted.connect(dialog.accept)
    box.rejected.connect(dialog.reject)
    return box, ok


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
        self.bar = busy_bar()
        self.busy = BusyBar(self.bar, lock=self._fields)

    def _fields(self) -> list[QWidget]:
        return [*self.findChildren(QLineEdit), *self.findChildren(QPushButton)]

    def reject(self) -> None:
        if not self.busy.active:
            super().reject()

    def _add_buttons(self, layout: QVBoxLayout, ok_key: str) -> None:
        box, self.ok_button = _buttons(self, ok_key)
        layout.addWidget(box)

    def _try_again(self, field: QLineEdit) -> None:
        """After a refusal: the field focused with its text selected (typing replaces
        it), OK the default again."""
        self.ok_button.setDefault(True)
        self.activateWindow()
        field.setFocus()
        field.selectAll()


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
        layout.addWidget(self.bar)
        self._add_buttons(layout, "login.open")
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
        path = self.path
        BackgroundOp(self, lambda: VillageStore.open(path, passphrase)) \
            .success(self._opened).failure(self._failed).busy(self.busy).run()

    def _opened(self, store: VillageStore) -> None:
        self.store = store
        super().accept()

    def _failed(self, failure: Failure) -> None:
        exc = failure.error
        if isinstance(exc, StoreError) and not isinstance(
                exc, WrongPassphrase | PassphraseRequired):
            self.failure = exc
            super().reject()
            return
        on_label(self, self.problem)(failure)
        self._try_again(self.passphrase_edit)


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
        layout.addWidget(self.bar)
        self._add_buttons(layout, "login.enter")
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
        users = self.store.users
        BackgroundOp(self, lambda: users.authenticate(username, password)) \
            .success(self._authenticated).failure(self._failed).busy(self.busy).run()

    def _authenticated(self, actor: Actor) -> None:
        self.actor = actor
        super().accept()

    def _failed(self, failure: Failure) -> None:
        on_label(self, self.problem)(failure)
        self._try_again(self.password_edit)


def _tell(parent: QWidget | None, text: str, icon: QMessageBox.Icon) -> None:
    QMessageBox(icon, t("app.title"), text, parent=parent).exec()


def _tell_failure(parent: QWidget | None, failure: Failure) -> None:
    """The standard one line (the traceback is already in the log), waited for: nothing
    can go on before the database is open."""
    icon = QMessageBox.Icon.Warning if failure.is_user_error else QMessageBox.Icon.Critical
    _tell(parent, failure.message, icon)


def _offer_restore(parent: QWidget | None, path: Path, failure: StoreError,
                   passphrase: str | None) -> bool:
    """Say why the file cannot be opened; True when a backup was restored (open again)."""
    if failure.backup is None:
        _tell(parent, str(failure), QMessageBox.Icon.Warning)
        return False
    backup = failure.backup
    # replacing a database file is never the accidental choice: Tidak is the default
    if not ask(parent, t("login.restore_title"),
               t("login.restore_question", problem=failure.message, backup=backup)):
        return False
    outcome = run_busy(parent, t("login.restoring"),
                       lambda: VillageStore.restore(path, backup, passphrase))
    if outcome.failure is not None:
        _tell_failure(parent, outcome.failure)
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
            if outcome.failure is None:
                opened: VillageStore = outcome.result
                return opened
            if not isinstance(outcome.failure.error, StoreError):
                _tell_failure(parent, outcome.failure)
                return None
            failure = outcome.failure.error
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
