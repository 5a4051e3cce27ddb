"""The dialogs of the Pengguna page: a new account, and one account's role and password.

They only collect and check what was typed (password typed twice, core's password
rules); the page stores it in the background and says what happened. Buttons carry our
own Indonesian words ("Simpan"/"Batal"), never Qt's built-in English ones.
"""

from __future__ import annotations

from dataclasses import dataclass

from desa_app.core import auth
from desa_app.core.store.users import UserInfo
from desa_app.core.workflow import Role, role_label
from desa_app.gui.i18n import t
from desa_app.gui.login import problem_label, say, secret_field
from desa_app.gui.qt import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)


@dataclass(frozen=True)
class NewAccount:
    username: str
    display_name: str
    role: Role
    password: str


@dataclass(frozen=True)
class AccountChange:
    username: str
    role: Role | None  # None: unchanged
    password: str | None  # None: unchanged


def role_combo(current: Role | None = None) -> QComboBox:
    combo = QComboBox()
    for role in Role:
        combo.addItem(role_label(role), role.value)
    if current is not None:
        combo.setCurrentIndex(max(0, combo.findData(current.value)))
    return combo


def password_problem(password: str, again: str) -> str | None:
    """Core's rule first, then the second typing."""
    problem = auth.password_problem(password)
    if problem:
        return problem
    if password != again:
        return t("users.password_mismatch")
    return None


def _labelled(form: QFormLayout, key: str, field: QWidget) -> None:
    label = QLabel(t(key))
    label.setBuddy(field)  # the mnemonic (Alt+letter) moves to the field
    form.addRow(label, field)


class _AccountDialog(QDialog):
    """Fields, a red problem line, and Simpan/Batal; Simpan keeps the dialog open while
    something is wrong."""

    def __init__(self, parent: QWidget | None, title: str) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.form = QFormLayout()
        self.problem = problem_label()
        self.buttons = QDialogButtonBox()
        self.save_button = self.buttons.addButton(t("users.save"),
                                                  QDialogButtonBox.ButtonRole.AcceptRole)
        self.save_button.setDefault(True)
        self.cancel_button = self.buttons.addButton(t("users.cancel"),
                                                    QDialogButtonBox.ButtonRole.RejectRole)
        self.buttons.accepted.connect(self._save)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addWidget(self.problem)
        layout.addWidget(self.buttons)

    def problem_now(self) -> str | None:
        raise NotImplementedError

    def _save(self) -> None:
        problem = self.problem_now()
        say(self.problem, problem or "")
        if problem is None:
            self.accept()


class AddAccountDialog(_AccountDialog):
    """Username, full name, role, initial password typed twice (in Tab order)."""

    def __init__(self, parent: QWidget | None) -> None:
        super().__init__(parent, t("users.add_title"))
        self.username_edit = QLineEdit()
        self.name_edit = QLineEdit()
        self.role_box = role_combo(Role.ENUMERATOR)
        self.password_edit = secret_field()
        self.again_edit = secret_field()
        _labelled(self.form, "users.username", self.username_edit)
        _labelled(self.form, "users.display_name", self.name_edit)
        _labelled(self.form, "users.role", self.role_box)
        _labelled(self.form, "users.password", self.password_edit)
        _labelled(self.form, "users.password_again", self.again_edit)
        self.username_edit.setFocus()

    def problem_now(self) -> str | None:
        if not (self.username_edit.text().strip() and self.name_edit.text().strip()
                and self.password_edit.text()):
            return t("users.fill_all")
        return password_problem(self.password_edit.text(), self.again_edit.text())

    def account(self) -> NewAccount:
        return NewAccount(self.username_edit.text().strip().lower(),
                          self.name_edit.text().strip(),
                          Role(str(self.role_box.currentData())), self.password_edit.text())


class EditAccountDialog(_AccountDialog):
    """One account: its role, and a new password (typed twice) when one is given."""

    def __init__(self, parent: QWidget | None, user: UserInfo,
                 password_first: bool = False) -> None:
        super().__init__(parent, t("users.edit_title", username=user.username))
        self.user = user
        self.role_box = role_combo(user.role)
        self.password_edit = secret_field()
        self.again_edit = secret_field()
        _labelled(self.form, "users.role", self.role_box)
        _labelled(self.form, "users.new_password", self.password_edit)
        _labelled(self.form, "users.password_again", self.again_edit)
        (self.password_edit if password_first else self.role_box).setFocus()

    def problem_now(self) -> str | None:
        if not self.password_edit.text() and not self.again_edit.text():
            return None
        return password_problem(self.password_edit.text(), self.again_edit.text())

    def change(self) -> AccountChange:
        role = Role(str(self.role_box.currentData()))
        return AccountChange(self.user.username, None if role == self.user.role else role,
                             self.password_edit.text() or None)
