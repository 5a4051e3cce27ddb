"""Pengaturan: language, where the database is (and whether it is safe), a backup on
request, the village's dusun list (``dusun_box.DusunBox``), and changing one's own
password.

The database facts are shown plainly (file, encrypted or not, last backup) because the
most common loss on a village laptop is a file nobody knew where it was or that was never
copied. Backups and password changes are slow (a file copy, scrypt) and run in the
background.
"""

from __future__ import annotations

from pathlib import Path

from desa_app.core import auth
from desa_app.core.errors import StoreError
from desa_app.core.workflow import Action
from desa_app.gui.i18n import LANGUAGES, language, t
from desa_app.gui.login import problem_label, say, secret_field
from desa_app.gui.operation import BackgroundOp, BusyBar, Failure, busy_bar, on_label
from desa_app.gui.page import Navigator, Page
from desa_app.gui.pages.dusun_box import DusunBox
from desa_app.gui.qt import (
    QComboBox,
    QFont,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    Qt,
    QVBoxLayout,
    QWidget,
)
from desa_app.gui.session import AppSession, Change

OK_STYLE = "color: #1b5e20;"


def _selectable(text: str = "") -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label


class SettingsPage(Page):
    NAV_KEY = "nav.settings"

    def __init__(self, session: AppSession, window: Navigator) -> None:
        super().__init__()
        self.session = session
        self.window_ = window
        content = QWidget()
        layout = QVBoxLayout(content)
        layout.setContentsMargins(24, 20, 24, 20)
        layout.addWidget(self._language_box())
        layout.addWidget(self._database_box())
        self.dusun_box = DusunBox(session)
        layout.addWidget(self.dusun_box)
        layout.addWidget(self._password_box())
        layout.addStretch(1)
        content.setMaximumWidth(900)  # fields of a readable length on a wide screen
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setWidget(content)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scroll)
        self.show_database()
        session.changes.changed.connect(self._changed)

    def _changed(self, change: str) -> None:
        if change == Change.BACKUP:
            self.show_database()

    # -- language ---------------------------------------------------------------------------

    def _language_box(self) -> QGroupBox:
        box = QGroupBox(t("settings.language"))
        self.language_combo = QComboBox()
        for code, name in LANGUAGES.items():
            self.language_combo.addItem(name, code)
        chosen = self.session.settings.language or language()
        self.language_combo.setCurrentIndex(max(0, self.language_combo.findData(chosen)))
        self.language_combo.currentIndexChanged.connect(self._language_changed)
        self.language_note = QLabel(t("settings.language_note"))
        self.language_note.setWordWrap(True)
        form = QFormLayout(box)
        form.addRow(t("settings.language_label"), self.language_combo)
        form.addRow(self.language_note)
        return box

    def _language_changed(self, _index: int) -> None:
        """Saved at once; the screens are built in one language, so it applies on restart."""
        settings = self.session.settings
        settings.language = str(self.language_combo.currentData())
        settings.save()
        self.language_note.setText(t("settings.language_saved"))

    # -- database and backup ---------------------------------------------------------------

    def _database_box(self) -> QGroupBox:
        box = QGroupBox(t("settings.database"))
        self.path_label = _selectable()
        self.encrypted_label = QLabel()
        self.last_backup_label = _selectable()
        self.backup_folder_label = _selectable()
        self.key_label = _selectable()
        self.key_label.setFont(QFont("monospace"))
        form = QFormLayout(box)
        form.addRow(t("settings.database_file"), self.path_label)
        form.addRow(t("settings.encryption"), self.encrypted_label)
        form.addRow(t("settings.last_backup"), self.last_backup_label)
        form.addRow(t("settings.backup_folder"), self.backup_folder_label)
        form.addRow(t("settings.signing_key"), self.key_label)
        self.backup_button = QPushButton(t("settings.backup_now"))
        self.backup_button.clicked.connect(self.make_backup)
        self.backup_bar = busy_bar()
        self.backing_up = BusyBar(self.backup_bar, lock=[self.backup_button])
        self.backup_result = _selectable()
        self.backup_result.setStyleSheet(OK_STYLE)
        self.backup_problem = problem_label()
        row = QHBoxLayout()
        row.addWidget(self.backup_button)
        row.addWidget(self.backup_bar, 1)
        row.addStretch(1)
        form.addRow(row)
        form.addRow(self.backup_result)
        form.addRow(self.backup_problem)
        self.backup_button.setVisible(self.session.can(Action.BACKUP))
        return box

    def show_database(self) -> None:
        store = self.session.store
        self.path_label.setText(str(store.path))
        try:
            self.key_label.setText(store.village_key_fingerprint())
        except StoreError:  # a read-only copy made before keys existed has none
            self.key_label.setText("—")
        self.encrypted_label.setText(t("settings.encrypted_yes") if self.session.encrypted
                                     else t("settings.encrypted_no"))
        backups = store.backups()
        self.last_backup_label.setText(
            t("settings.backup_when", when=backups[0].taken_at.strftime("%d/%m/%Y %H:%M"),
              name=backups[0].path.name) if backups else t("settings.no_backup"))
        self.backup_folder_label.setText(str(store.backup_folder()))

    def make_backup(self) -> None:
        if self.backing_up.active:
            return
        say(self.backup_problem, "")
        self.backup_result.setText("")
        store, actor = self.session.store, self.session.actor
        BackgroundOp(self, lambda: store.backup(actor)).success(self._backed_up) \
            .failure(on_label(self, self.backup_problem)).busy(self.backing_up).run()

    def _backed_up(self, path: Path) -> None:
        self.backup_result.setText(t("settings.backup_done", path=path))
        self.session.announce(Change.BACKUP)  # this box and the status bar

    # -- own password ------------------------------------------------------------------------

    def _password_box(self) -> QGroupBox:
        box = QGroupBox(t("settings.password"))
        self.old_edit = secret_field()
        self.new_edit = secret_field()
        self.again_edit = secret_field()
        self.password_problem = problem_label()
        self.password_result = QLabel()
        self.password_result.setStyleSheet(OK_STYLE)
        self.password_button = QPushButton(t("settings.password_change"))
        self.password_button.setEnabled(False)
        self.password_button.clicked.connect(self.change_password)
        self.password_bar = busy_bar()
        self.changing_password = BusyBar(self.password_bar, lock=[self.password_button])
        form = QFormLayout(box)
        form.addRow(t("settings.password_old"), self.old_edit)
        form.addRow(t("settings.password_new"), self.new_edit)
        form.addRow(t("settings.password_again"), self.again_edit)
        form.addRow(self.password_problem)
        row = QHBoxLayout()
        row.addWidget(self.password_button)
        row.addWidget(self.password_bar, 1)
        row.addStretch(1)
        form.addRow(row)
        form.addRow(self.password_result)
        for edit in (self.old_edit, self.new_edit, self.again_edit):
            edit.textChanged.connect(self._password_typed)
            edit.returnPressed.connect(self.change_password)
        return box

    def password_problems(self) -> list[str]:
        new, again = self.new_edit.text(), self.again_edit.text()
        found = []
        problem = auth.password_problem(new) if new else None
        if problem:
            found.append(problem)
        if again and not new.startswith(again):  # not while still typing it
            found.append(t("settings.password_mismatch"))
        return found

    def _password_typed(self) -> None:
        problems = self.password_problems()
        say(self.password_problem, "\n".join(problems))
        filled = bool(self.old_edit.text() and self.new_edit.text())
        same = self.new_edit.text() == self.again_edit.text()
        self.password_button.setEnabled(filled and same and not problems
                                        and not self.changing_password.active)
        if any(edit.text() for edit in (self.old_edit, self.new_edit, self.again_edit)):
            self.password_result.setText("")

    def change_password(self) -> None:
        if not self.password_button.isEnabled() or self.changing_password.active:
            return
        say(self.password_problem, "")
        users, actor = self.session.store.users, self.session.actor
        old, new = self.old_edit.text(), self.new_edit.text()
        BackgroundOp(self, lambda: users.change_own_password(actor, old, new)) \
            .success(self._password_changed).failure(self._password_failed) \
            .busy(self.changing_password).run()

    def _password_changed(self, _result: object) -> None:
        for edit in (self.old_edit, self.new_edit, self.again_edit):
            edit.clear()
        self.password_result.setText(t("settings.password_done"))

    def _password_failed(self, failure: Failure) -> None:
        self.old_edit.clear()
        self.old_edit.setFocus()
        on_label(self, self.password_problem)(failure)

