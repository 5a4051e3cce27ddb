"""First run: choose the village, create its admin, maybe encrypt, choose where to store.

Officials know their village by name, and many villages share one (there are several
"Widoro"), so each match shows its kecamatan, kabupaten, province and Kemendagri code.
Everything works from the keyboard: type, Down/Up, Enter. Creating the database (scrypt,
maybe SQLCipher) runs in the background with a busy bar; an error keeps the wizard open
on the last page with the message, so nothing typed is lost.
"""

from __future__ import annotations

from pathlib import Path

from desa_app.core import auth
from desa_app.core.store.facade import VillageStore
from desa_app.core.store.users import USERNAME_RE
from desa_app.gui.i18n import t
from desa_app.gui.login import problem_label, say, secret_field
from desa_app.gui.operation import BackgroundOp, BusyBar, Failure, busy_bar, on_label
from desa_app.gui.qt import (
    QCheckBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    Qt,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)
from desa_app.gui.settings import AppSettings, default_data_dir
from desa_app.gui.village_picker import VillagePage, focus_first, ready_flag


class AdminPage(QWizardPage):
    """(b) The first admin (the operator desa), who later adds the other users."""

    def __init__(self) -> None:
        super().__init__()
        self.setTitle(t("setup.admin.title"))
        self.setSubTitle(t("setup.admin.subtitle"))
        self.username_edit = QLineEdit()
        self.name_edit = QLineEdit()
        self.password_edit = secret_field()
        self.again_edit = secret_field()
        self.show_box = QCheckBox(t("setup.admin.show"))
        self.show_box.toggled.connect(self._show)
        self.problem = problem_label()
        self.ready = ready_flag(self, "admin")
        form = QFormLayout(self)
        form.addRow(t("setup.admin.username"), self.username_edit)
        form.addRow("", QLabel(t("setup.admin.username_hint")))
        form.addRow(t("setup.admin.name"), self.name_edit)
        form.addRow(t("setup.admin.password"), self.password_edit)
        form.addRow(t("setup.admin.again"), self.again_edit)
        form.addRow("", self.show_box)
        form.addRow(self.problem)
        for edit in (self.username_edit, self.name_edit, self.password_edit, self.again_edit):
            edit.textChanged.connect(self._changed)

    def initializePage(self) -> None:
        self._changed()
        focus_first(self, self.username_edit)

    def cleanupPage(self) -> None:
        """Nothing is reset on Back: what was typed is still there on Next."""

    def _show(self, shown: bool) -> None:
        mode = QLineEdit.EchoMode.Normal if shown else QLineEdit.EchoMode.Password
        self.password_edit.setEchoMode(mode)
        self.again_edit.setEchoMode(mode)

    @property
    def username(self) -> str:
        return self.username_edit.text().strip().lower()

    def problems(self) -> list[str]:
        """What is wrong so far; blank fields are not complained about yet."""
        found = []
        if self.username and not USERNAME_RE.match(self.username):
            found.append(t("setup.admin.username_bad"))
        password, again = self.password_edit.text(), self.again_edit.text()
        problem = auth.password_problem(password) if password else None
        if problem:
            found.append(problem)
        if again and not password.startswith(again):  # not while still typing it
            found.append(t("setup.admin.mismatch"))
        return found

    @property
    def complete(self) -> bool:
        return bool(self.ready.text())

    def _changed(self) -> None:
        problems = self.problems()
        filled = all(edit.text().strip() for edit in (self.username_edit, self.name_edit))
        same = self.password_edit.text() == self.again_edit.text()
        ready = filled and same and bool(self.password_edit.text()) and not problems
        say(self.problem, "\n".join(problems) if problems or ready
            else t("setup.admin.incomplete"))
        self.ready.setText("1" if ready else "")


class EncryptionPage(QWizardPage):
    """(c) Optional encryption: a lost laptop then does not give away residents' NIKs."""

    def __init__(self) -> None:
        super().__init__()
        self.setTitle(t("setup.encrypt.title"))
        self.setSubTitle(t("setup.encrypt.subtitle"))
        self.enable_box = QCheckBox(t("setup.encrypt.enable"))
        warning = QLabel(t("setup.encrypt.warning"))
        warning.setWordWrap(True)
        warning.setStyleSheet("font-weight: bold;")
        self.passphrase_edit = secret_field()
        self.again_edit = secret_field()
        self.problem = problem_label()
        self.ready = ready_flag(self, "encryption")
        layout = QVBoxLayout(self)
        layout.addWidget(self.enable_box)
        layout.addWidget(warning)
        form = QFormLayout()
        form.addRow(t("setup.encrypt.passphrase"), self.passphrase_edit)
        form.addRow(t("setup.encrypt.again"), self.again_edit)
        layout.addLayout(form)
        layout.addWidget(self.problem)
        layout.addStretch(1)
        self.enable_box.toggled.connect(self._changed)
        self.passphrase_edit.textChanged.connect(self._changed)
        self.again_edit.textChanged.connect(self._changed)
        self.passphrase_edit.setEnabled(False)
        self.again_edit.setEnabled(False)

    def initializePage(self) -> None:
        # not in __init__: a mandatory field's value when the page is added is its "empty"
        self._changed()
        focus_first(self, self.enable_box)

    def cleanupPage(self) -> None:
        """Nothing is reset on Back."""

    @property
    def complete(self) -> bool:
        return bool(self.ready.text())

    @property
    def passphrase(self) -> str | None:
        return self.passphrase_edit.text() if self.enable_box.isChecked() else None

    def problems(self) -> list[str]:
        if not self.enable_box.isChecked():
            return []
        passphrase, again = self.passphrase_edit.text(), self.again_edit.text()
        found = []
        problem = auth.password_problem(passphrase) if passphrase else None
        if problem:
            found.append(problem)
        if again and not passphrase.startswith(again):  # not while still typing it
            found.append(t("setup.encrypt.mismatch"))
        return found

    def _changed(self) -> None:
        enabled = self.enable_box.isChecked()
        self.passphrase_edit.setEnabled(enabled)
        self.again_edit.setEnabled(enabled)
        problems = self.problems()
        same = self.passphrase_edit.text() == self.again_edit.text()
        filled = bool(self.passphrase_edit.text()) and same
        ready = not enabled or (filled and not problems)
        say(self.problem, "\n".join(problems) if problems or ready
            else t("setup.encrypt.incomplete"))
        self.ready.setText("1" if ready else "")


class StoragePage(QWizardPage):
    """(d) Where the file goes, and a last look at every choice before creating it."""

    def __init__(self, wizard: SetupWizard, database: Path | None = None) -> None:
        super().__init__()
        self.owner = wizard
        self.setTitle(t("setup.storage.title"))
        self.setSubTitle(t("setup.storage.subtitle"))
        proposed = database if database is not None else default_data_dir() / "desa.sqlite3"
        self.path_edit = QLineEdit(str(proposed))
        self.browse_button = QPushButton(t("setup.storage.browse"))
        self.browse_button.clicked.connect(self._browse)
        self.problem = problem_label()
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.bar = busy_bar()
        self.busy_label = QLabel(t("setup.storage.creating"))
        self.busy_label.hide()
        self.busy = BusyBar(self.bar, lock=self._lockable, also_show=[self.busy_label],
                            on_change=self._busy_changed)
        self.ready = ready_flag(self, "storage")
        row = QHBoxLayout()
        row.addWidget(self.path_edit, 1)
        row.addWidget(self.browse_button)
        label = QLabel(t("setup.storage.file"))
        label.setBuddy(self.path_edit)
        group = QGroupBox(t("setup.storage.summary"))
        QVBoxLayout(group).addWidget(self.summary)
        layout = QVBoxLayout(self)
        layout.addWidget(label)
        layout.addLayout(row)
        layout.addWidget(self.problem)
        layout.addWidget(group)
        layout.addStretch(1)
        layout.addWidget(self.busy_label)
        layout.addWidget(self.bar)
        self.path_edit.textChanged.connect(self._changed)

    @property
    def path(self) -> Path:
        return Path(self.path_edit.text().strip()).expanduser()

    def initializePage(self) -> None:
        self._changed()
        focus_first(self, self.path_edit)

    def _browse(self) -> None:
        chosen, _filter = QFileDialog.getSaveFileName(
            self, t("setup.storage.browse_title"), self.path_edit.text(),
            t("setup.storage.filter"))
        if chosen:
            self.path_edit.setText(chosen)

    def problem_text(self) -> str:
        """Why the database cannot be created yet ("" when it can): an earlier step
        left incomplete, or the file."""
        return self.owner.missing_step() or self.path_problem()

    def path_problem(self) -> str:
        if not self.path_edit.text().strip():
            return t("setup.storage.empty")
        path = self.path
        if path.is_dir():
            return t("setup.storage.is_folder")
        if VillageStore.file_kind(path) not in ("missing", "empty"):
            return t("setup.storage.exists")
        return ""

    def _changed(self) -> None:
        problem = self.problem_text()
        say(self.problem, problem)
        self.summary.setText(self.owner.summary())
        self.ready.setText("" if problem or self.busy.active else "1")

    def _busy_changed(self, busy: bool) -> None:
        """Only the ready flag: the problem line is the work's to fill (and once the
        file was created, its path 'already exists')."""
        self.ready.setText("" if busy or self.problem_text() else "1")

    def _lockable(self) -> list[QWidget]:
        """What waits while the file is created; the wizard's buttons are taken after
        the ready flag changed (QWizard re-enables Back when it updates its buttons)."""
        return [self.path_edit, self.browse_button,
                *(self.owner.button(button) for button in (
                    QWizard.WizardButton.BackButton, QWizard.WizardButton.CancelButton))]


class SetupWizard(QWizard):
    """Creates the village database; afterwards ``store`` is the opened village and
    ``admin_username`` the account to log in with (the settings remember both)."""

    def __init__(self, settings: AppSettings | None = None,
                 parent: QWidget | None = None, database: Path | None = None) -> None:
        """``database``: the file ``desa-app run --db`` named, proposed on the last page."""
        super().__init__(parent)
        self.settings = settings if settings is not None else AppSettings.load()
        self.store: VillageStore | None = None
        self.admin_username = ""
        self.setWindowTitle(t("setup.title"))
        self.setOption(QWizard.WizardOption.NoBackButtonOnStartPage, True)
        for button, key in ((QWizard.WizardButton.NextButton, "setup.next"),
                            (QWizard.WizardButton.BackButton, "setup.back"),
                            (QWizard.WizardButton.FinishButton, "setup.finish"),
                            (QWizard.WizardButton.CancelButton, "common.cancel")):
            self.setButtonText(button, t(key))
        self.village_page = VillagePage()
        self.admin_page = AdminPage()
        self.encryption_page = EncryptionPage()
        self.storage_page = StoragePage(self, database)
        for page in (self.village_page, self.admin_page, self.encryption_page,
                     self.storage_page):
            self.addPage(page)
        self.currentIdChanged.connect(self._focus_page)
        self.resize(860, 620)

    def summary(self) -> str:
        village = self.village_page.chosen
        return t("setup.storage.summary_text",
                 village=village.label if village else "-",
                 admin=self.admin_page.username, name=self.admin_page.name_edit.text().strip(),
                 encrypted=t("setup.storage.encrypted_yes" if self.encryption_page.passphrase
                             else "setup.storage.encrypted_no"))

    def _focus_page(self, _page_id: int) -> None:
        """Back does not initialise the page again; its first field gets the keyboard
        all the same."""
        page = self.currentPage()
        first = {self.village_page: self.village_page.search_edit,
                 self.admin_page: self.admin_page.username_edit,
                 self.encryption_page: self.encryption_page.enable_box,
                 self.storage_page: self.storage_page.path_edit}.get(page)
        if page is not None and first is not None:
            focus_first(page, first)

    def missing_step(self) -> str:
        if self.village_page.chosen is None:
            return t("setup.storage.no_village")
        if not self.admin_page.complete:
            return t("setup.storage.no_admin")
        if not self.encryption_page.complete:
            return t("setup.storage.no_encryption")
        return ""

    def validateCurrentPage(self) -> bool:
        """Finishing first creates the database in the background; the wizard closes
        only once it exists (``_created`` calls ``accept`` again)."""
        if self.currentPage() is not self.storage_page or self.store is not None:
            return super().validateCurrentPage()
        if not self.storage_page.busy.active:
            self._create()
        return False

    def _create(self) -> None:
        village = self.village_page.chosen
        problem = self.storage_page.problem_text()
        if village is None or problem:  # never silent: the line says what is missing
            say(self.storage_page.problem, problem or t("setup.storage.no_village"))
            return
        path = self.storage_page.path
        username = self.admin_page.username
        name = self.admin_page.name_edit.text().strip()
        password = self.admin_page.password_edit.text()
        passphrase = self.encryption_page.passphrase
        say(self.storage_page.problem, "")
        BackgroundOp(self, lambda: VillageStore.create(path, village.code, username, name,
                                                       password, passphrase)) \
            .success(lambda store: self._created(store, path, username)) \
            .failure(self._failed).busy(self.storage_page.busy).run()

    def _created(self, store: VillageStore, path: Path, username: str) -> None:
        self.store = store
        self.admin_username = username
        self.settings.database = str(path)
        self.settings.last_user = username
        self.settings.save()
        self.accept()

    def _failed(self, failure: Failure) -> None:
        on_label(self, self.storage_page.problem)(failure)

    def reject(self) -> None:
        if not self.storage_page.busy.active:  # never walk away from a half-created file
            super().reject()
