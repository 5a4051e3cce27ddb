"""Pengguna: the admin's list of accounts, adding one, (de)activating, role and password.

Core decides (``VillageStore.users``: MANAGE_USERS, the last active admin is kept, the
password rules, an audit event per change); the page collects what was typed, runs it in
the background and says in one line what happened (green) or why not (red).
"""

from __future__ import annotations

from collections.abc import Callable

from desa_app.core.store.users import UserInfo
from desa_app.core.workflow import role_label
from desa_app.gui.i18n import t
from desa_app.gui.login import problem_label, say
from desa_app.gui.operation import BackgroundOp, BusyBar, Failure, busy_bar, on_label
from desa_app.gui.page import Navigator, Page
from desa_app.gui.pages.users_dialogs import (
    AccountChange,
    AddAccountDialog,
    EditAccountDialog,
    NewAccount,
)
from desa_app.gui.qt import (
    QAbstractItemView,
    QFont,
    QHBoxLayout,
    QHeaderView,
    QKeySequence,
    QLabel,
    QPushButton,
    QShortcut,
    Qt,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
)
from desa_app.gui.session import AppSession

OK_STYLE = "color: #1b5e20;"
COLUMNS = ("users.col_username", "users.col_name", "users.col_role", "users.col_active",
           "users.col_last_login")


class UsersPage(Page):
    NAV_KEY = "nav.users"

    def __init__(self, session: AppSession, window: Navigator) -> None:
        super().__init__()
        self.session = session
        self.window_ = window
        self.users: list[UserInfo] = []
        self.dialog: AddAccountDialog | EditAccountDialog | None = None
        title = QLabel(t("users.title"))
        font = QFont(title.font())
        font.setPointSize(font.pointSize() + 4)
        font.setBold(True)
        title.setFont(font)
        intro = QLabel(t("users.intro"))
        intro.setWordWrap(True)
        self.table = QTableWidget(0, len(COLUMNS))
        self.table.setHorizontalHeaderLabels([t(key) for key in COLUMNS])
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        for keys in ("Return", "Enter"):  # Enter opens the selected account
            shortcut = QShortcut(QKeySequence(keys), self.table)
            shortcut.setContext(Qt.ShortcutContext.WidgetShortcut)
            shortcut.activated.connect(lambda: self.edit_selected())
        self.table.itemSelectionChanged.connect(self._selection_changed)
        self.table.doubleClicked.connect(lambda _index: self.edit_selected())
        self.add_button = QPushButton(t("users.add"))
        self.add_button.clicked.connect(self.add_account)
        self.edit_button = QPushButton(t("users.edit"))
        self.edit_button.clicked.connect(lambda: self.edit_selected())
        self.active_button = QPushButton(t("users.deactivate"))
        self.active_button.clicked.connect(self.toggle_active)
        self.bar = busy_bar()
        self.working = BusyBar(self.bar, lock=[self.add_button, self.edit_button,
                                                self.active_button])
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.status.setStyleSheet(OK_STYLE)
        self.problem = problem_label()
        buttons = QHBoxLayout()
        for button in (self.add_button, self.edit_button, self.active_button):
            buttons.addWidget(button)
        buttons.addWidget(self.bar, 1)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 20)
        layout.addWidget(title)
        layout.addWidget(intro)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        layout.addWidget(self.status)
        layout.addWidget(self.problem)
        self.refresh()

    # -- the list ------------------------------------------------------------------------

    def refresh(self, select: str | None = None) -> None:
        """Re-read the accounts (a quick read), keeping or moving the selection."""
        current = self.selected()
        keep = select or (current.username if current else None)
        self.users = self.session.store.users.list(self.session.actor)
        self.table.setRowCount(len(self.users))
        for row, user in enumerate(self.users):
            when = (user.last_login_at.strftime("%d/%m/%Y %H:%M") if user.last_login_at
                    else t("users.never"))
            cells = (user.username, user.display_name, role_label(user.role),
                     t("users.active") if user.active else t("users.inactive"), when)
            for column, value in enumerate(cells):
                self.table.setItem(row, column, QTableWidgetItem(value))
        names = [user.username for user in self.users]
        self.table.selectRow(names.index(keep) if keep in names else 0)
        self._selection_changed()

    def selected(self) -> UserInfo | None:
        row = self.table.currentRow()
        return self.users[row] if 0 <= row < len(self.users) else None

    def select(self, username: str) -> None:
        names = [user.username for user in self.users]
        self.table.selectRow(names.index(username))

    def _selection_changed(self) -> None:
        user = self.selected()
        self.active_button.setText(t("users.activate") if user and not user.active
                                   else t("users.deactivate"))
        for button in (self.edit_button, self.active_button):
            button.setEnabled(user is not None and not self.working.active)

    # -- feedback ------------------------------------------------------------------------

    def _start(self) -> bool:
        if self.working.active:
            return False
        self.status.setText("")
        say(self.problem, "")
        return True

    def _done(self, message: str, username: str) -> None:
        self.refresh(select=username)
        self.status.setText(message)
        self.table.setFocus()

    # -- actions -------------------------------------------------------------------------

    def add_account(self) -> None:
        if not self._start():
            return
        dialog = AddAccountDialog(self)
        dialog.accepted.connect(lambda: self._store_new(dialog.account()))
        self._open(dialog)

    def edit_selected(self, password_first: bool = False) -> None:
        user = self.selected()
        if user is None:
            say(self.problem, t("users.none_selected"))
            return
        if not self._start():
            return
        dialog = EditAccountDialog(self, user, password_first)
        dialog.accepted.connect(lambda: self._store_change(dialog.change()))
        self._open(dialog)

    def _open(self, dialog: AddAccountDialog | EditAccountDialog) -> None:
        self.dialog = dialog
        dialog.finished.connect(lambda _result: dialog.deleteLater())
        dialog.open()

    def _store_new(self, account: NewAccount) -> None:
        users, actor = self.session.store.users, self.session.actor
        message = t("users.added", username=account.username, role=role_label(account.role))
        BackgroundOp(self, lambda: users.add(actor, account.username, account.display_name,
                                             account.role.value, account.password)) \
            .success(lambda _info: self._done(message, account.username)) \
            .failure(on_label(self, self.problem)).busy(self.working).run()

    def _store_change(self, change: AccountChange) -> None:
        if change.role is None and change.password is None:
            self.status.setText(t("users.nothing_changed"))
            return
        users, actor, name = self.session.store.users, self.session.actor, change.username
        role, password = change.role, change.password

        def work() -> None:
            if password is not None:
                users.reset_password(actor, name, password)
            if role is not None:
                users.set_role(actor, name, role.value)

        if role is not None and password is not None:
            message = t("users.role_and_password", username=name, role=role_label(role))
        elif role is not None:
            message = t("users.role_changed", username=name, role=role_label(role))
        else:
            message = t("users.password_reset", username=name)
        BackgroundOp(self, work).success(lambda _none: self._done(message, name)) \
            .failure(self._change_failed(name)).busy(self.working).run()

    def _change_failed(self, username: str) -> Callable[[Failure], None]:
        """The list is read again: a password may be stored while the role was refused."""
        show = on_label(self, self.problem)

        def failed(failure: Failure) -> None:
            self.refresh(select=username)
            show(failure)

        return failed

    def toggle_active(self) -> None:
        user = self.selected()
        if user is None or not self._start():
            return
        users, actor, name, active = (self.session.store.users, self.session.actor,
                                      user.username, not user.active)
        message = t("users.activated" if active else "users.deactivated", username=name)
        BackgroundOp(self, lambda: users.set_active(actor, name, active)) \
            .success(lambda _none: self._done(message, name)) \
            .failure(on_label(self, self.problem)).busy(self.working).run()


__all__ = ["UsersPage"]
