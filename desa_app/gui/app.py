"""Starting the desktop app: set-up on first run, passphrase and login, main window.

``desa-app run`` comes here. With ``--db`` (or the file remembered in the settings) the
app opens that village; without one, the set-up wizard creates it.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING

from desa_app.gui.i18n import set_language, t
from desa_app.gui.log_file import start_log
from desa_app.gui.qt import QApplication, QDialog, QFont
from desa_app.gui.session import AppSession
from desa_app.gui.settings import AppSettings

if TYPE_CHECKING:
    from desa_app.gui.form_host import FormHost
    from desa_app.gui.main_window import MainWindow


def build_window(session: AppSession) -> tuple[MainWindow, FormHost]:
    """The main window with the pages of ``page_list`` the user may see, and its form
    host. Imported here: the login comes first and must not wait for the pages."""
    from desa_app.gui.form_host import FormHost
    from desa_app.gui.main_window import MainWindow

    window = MainWindow(session)
    host = FormHost(window)
    return window, host


def first_run(settings: AppSettings, database: Path | None = None) -> AppSession | None:
    """The set-up wizard (proposing ``database``, the file ``--db`` named), then login."""
    from desa_app.gui.login import LoginDialog
    from desa_app.gui.setup_wizard import SetupWizard

    wizard = SetupWizard(settings, database=database)
    if wizard.exec() != QDialog.DialogCode.Accepted or wizard.store is None:
        return None
    store = wizard.store
    login = LoginDialog(store, wizard.admin_username)
    if login.exec() != QDialog.DialogCode.Accepted or login.actor is None:
        store.close(backup=False)
        return None
    return AppSession(store, login.actor, settings)


def run(database: Path | None = None) -> int:
    app = QApplication.instance() or QApplication(sys.argv)
    assert isinstance(app, QApplication)
    app.setApplicationName("desa-app")
    start_log()  # a bug's details go to desa-app.log, the screen shows one line
    font = QFont(app.font())
    font.setPointSize(max(font.pointSize(), 10))  # readable on a 14" 1366×768 screen
    app.setFont(font)
    settings = AppSettings.load()
    set_language(settings.language)
    app.setApplicationDisplayName(t("app.title"))
    path = database or (Path(settings.database) if settings.database else None)
    if path is None or not path.exists():
        session = first_run(settings, path)
    else:
        from desa_app.gui.login import open_and_login

        session = open_and_login(path, settings)
    if session is None:
        return 0
    window, host = build_window(session)
    window.show_placed()  # as last closed if it fits a screen, else maximized
    host.offer_recovery()
    code = app.exec()
    session.store.close()  # the on-close backup
    return int(code)
