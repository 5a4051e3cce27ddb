"""First run and login, driven from the keyboard on real widgets with real database files."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from desa_app.core import auth
from desa_app.core import errors as E
from desa_app.core.store.database import open_database
from desa_app.core.store.facade import VillageStore
from desa_app.core.store.sqlite import file_kind
from desa_app.core.store.village import init_village
from desa_app.gui import app, worker
from desa_app.gui.i18n import set_language, t
from desa_app.gui.login import LoginDialog, PassphraseDialog, open_and_login
from desa_app.gui.qt import (
    QApplication,
    QDialog,
    QMessageBox,
    QPushButton,
    Qt,
    QTimer,
    QWidget,
    QWizard,
)
from desa_app.gui.settings import CONFIG_ENV, AppSettings
from desa_app.gui.setup_wizard import SetupWizard
from desa_app.gui.village_picker import search_villages

PASSWORD = "rahasia123"
PASSPHRASE = "kunci-desa-2026"


@pytest.fixture(autouse=True)
def quick_and_isolated(monkeypatch: pytest.MonkeyPatch, tmp_path: Path, qtbot) -> Iterator[None]:
    """Cheap scrypt, private settings, Indonesian; every background job done at the end."""
    monkeypatch.setattr(auth, "SCRYPT_N", 2**8)
    monkeypatch.setenv(CONFIG_ENV, str(tmp_path / "config"))
    set_language("id")
    yield
    qtbot.waitUntil(lambda: not worker._running, timeout=20000)


def make_village(path: Path, passphrase: str | None = None) -> None:
    init_village(path, "35.01.01.2001", "admin", "Operator Desa", PASSWORD,
                 passphrase).close(backup=False)


def type_into(qtbot, widget: QWidget, text: str) -> None:
    qtbot.keyClick(widget, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(widget, Qt.Key.Key_Delete)
    qtbot.keyClicks(widget, text)


def next_enabled(wizard: SetupWizard) -> bool:
    return wizard.button(QWizard.WizardButton.NextButton).isEnabled()


def choose_widoro(qtbot, wizard: SetupWizard) -> None:
    page = wizard.village_page
    assert not next_enabled(wizard)  # nothing chosen yet
    qtbot.keyClicks(page.search_edit, "widoro")
    qtbot.waitUntil(lambda: not page.searching and page.results.count() > 0)
    texts = [page.results.item(row).text() for row in range(page.results.count())]
    assert len(texts) <= 50
    target = next(row for row, text in enumerate(texts) if "Widoro — Kec. Donorojo" in text)
    assert "Pacitan" in texts[target] and "(35.01.01.2001)" in texts[target]
    for _ in range(target + 1):
        qtbot.keyClick(page.search_edit, Qt.Key.Key_Down)
    assert page.chosen is not None and page.chosen.code == "35.01.01.2001"
    assert next_enabled(wizard)
    qtbot.keyClick(page.search_edit, Qt.Key.Key_Return)
    assert wizard.currentPage() is wizard.admin_page


def fill_admin(qtbot, wizard: SetupWizard) -> None:
    page = wizard.admin_page
    qtbot.keyClicks(page.username_edit, "operator")
    qtbot.keyClicks(page.name_edit, "Siti Aminah")
    qtbot.keyClicks(page.password_edit, "1234")
    assert page.problem.text() == "Kata sandi minimal 8 karakter."
    type_into(qtbot, page.password_edit, PASSWORD)
    qtbot.keyClicks(page.again_edit, "rahasia999")
    assert t("setup.admin.mismatch") in page.problem.text()
    assert not next_enabled(wizard)
    type_into(qtbot, page.again_edit, PASSWORD)
    assert page.problem.isHidden() and next_enabled(wizard)
    qtbot.keyClick(page.again_edit, Qt.Key.Key_Return)
    assert wizard.currentPage() is wizard.encryption_page


def finish_at(qtbot, wizard: SetupWizard, path: Path) -> None:
    page = wizard.storage_page
    assert wizard.currentPage() is page
    existing = path.with_name("ada.sqlite3")
    existing.parent.mkdir(parents=True, exist_ok=True)
    existing.write_bytes(b"SQLite format 3\x00" + bytes(100))
    type_into(qtbot, page.path_edit, str(existing))
    assert page.problem.text() == t("setup.storage.exists")
    assert not wizard.button(QWizard.WizardButton.FinishButton).isEnabled()
    type_into(qtbot, page.path_edit, str(path))
    assert page.problem.isHidden()
    assert "Widoro" in page.summary.text() and "operator" in page.summary.text()
    qtbot.keyClick(page.path_edit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: wizard.store is not None, timeout=20000)
    assert wizard.result() == QWizard.DialogCode.Accepted
    assert wizard.admin_username == "operator"
    saved = AppSettings.load()
    assert saved.database == str(path) and saved.last_user == "operator"


def test_the_wizard_can_encrypt_the_database(qtbot, tmp_path: Path) -> None:
    wizard = SetupWizard(AppSettings())
    qtbot.addWidget(wizard)
    wizard.show()
    choose_widoro(qtbot, wizard)
    fill_admin(qtbot, wizard)
    page = wizard.encryption_page
    assert "TIDAK DAPAT dipulihkan" in t("setup.encrypt.warning")
    assert not page.passphrase_edit.isEnabled()
    qtbot.keyClick(page.enable_box, Qt.Key.Key_Space)
    assert page.passphrase_edit.isEnabled() and not next_enabled(wizard)
    qtbot.keyClicks(page.passphrase_edit, PASSPHRASE)
    qtbot.keyClicks(page.again_edit, "lain-lagi-99")
    assert page.problem.text() == t("setup.encrypt.mismatch")
    type_into(qtbot, page.again_edit, PASSPHRASE)
    assert next_enabled(wizard)
    qtbot.keyClick(page.again_edit, Qt.Key.Key_Return)
    path = tmp_path / "rahasia.sqlite3"
    finish_at(qtbot, wizard, path)
    assert wizard.store is not None and wizard.store.db.passphrase == PASSPHRASE
    wizard.store.close(backup=False)
    assert file_kind(path) == "opaque"
    assert not path.read_bytes().startswith(b"SQLite format 3")
    with pytest.raises(E.PassphraseRequired):
        open_database(path)
    store = VillageStore(open_database(path, PASSPHRASE))
    try:
        assert store.users.authenticate("operator", PASSWORD).username == "operator"
    finally:
        store.close(backup=False)


def test_village_search_by_code_and_by_name_with_place() -> None:
    by_code = search_villages("35.01.01.2001")
    assert [choice.code for choice in by_code] == ["35.01.01.2001"]
    assert all(choice.code.startswith("35.01.01.") for choice in search_villages("350101"))
    narrowed = search_villages("widoro pacitan")
    assert narrowed and all(choice.kabupaten == "Kabupaten Pacitan" for choice in narrowed)
    assert len(search_villages("a")) == 50
    assert search_villages("   ") == []


def drive_dialogs(handler: Callable[[QWidget], None]) -> QTimer:
    """Answer the modal dialogs ``open_and_login`` runs (it waits in their exec())."""
    timer = QTimer()
    timer.setInterval(30)

    def tick() -> None:
        widget = QApplication.activeModalWidget()
        if widget is not None:
            handler(widget)

    timer.timeout.connect(tick)
    timer.start()
    return timer


def login_answers(qtbot, passphrase: str | None = None,
                  seen: list[str] | None = None) -> Callable[[QWidget], None]:
    """Passphrase if asked, Yes to a restore, OK to notices, then one wrong and one right
    password."""
    done: set[int] = set()
    wrong = {"tried": False, "right": False}

    def handle(widget: QWidget) -> None:
        if isinstance(widget, PassphraseDialog) and id(widget) not in done:
            done.add(id(widget))
            qtbot.keyClicks(widget.passphrase_edit, passphrase or "")
            widget.accept()
        elif isinstance(widget, QMessageBox):
            if seen is not None:
                seen.append(widget.text())
            yes = [b for b in widget.buttons() if b.text() == t("common.yes")]
            (yes[0] if yes else widget.buttons()[0]).click()
        elif isinstance(widget, LoginDialog) and not widget.busy.active:
            if widget.actor is not None or wrong["right"]:
                return
            if not wrong["tried"]:
                wrong["tried"] = True
                qtbot.keyClicks(widget.password_edit, "salah-lagi-1")
            elif widget.problem.isVisible():
                assert widget.problem.text() == "Nama pengguna atau kata sandi salah."
                wrong["right"] = True
                qtbot.keyClicks(widget.password_edit, PASSWORD)  # replaces the selection
            else:
                return  # the wrong one is still being checked
            widget.accept()

    return handle


@pytest.mark.parametrize("passphrase", [None, PASSPHRASE])
def test_open_and_login_gives_a_session(qtbot, tmp_path: Path, passphrase: str | None) -> None:
    path = tmp_path / "desa.sqlite3"
    make_village(path, passphrase)
    settings = AppSettings(last_user="admin")
    timer = drive_dialogs(login_answers(qtbot, passphrase))
    session = open_and_login(path, settings)
    timer.stop()
    assert session is not None
    try:
        assert session.actor.username == "admin" and session.village.name == "Widoro"
        assert session.encrypted == (passphrase is not None)
        assert AppSettings.load().database == str(path)
    finally:
        session.store.close(backup=False)


def test_a_damaged_file_offers_the_newest_good_backup(qtbot, tmp_path: Path) -> None:
    path = tmp_path / "desa.sqlite3"
    database = init_village(path, "35.01.01.2001", "admin", "Operator Desa", PASSWORD)
    database.close(backup=True)  # leaves a good backup beside it
    data = bytearray(path.read_bytes())
    data[4096:8192] = b"\xa5" * 4096  # a damaged page
    path.write_bytes(bytes(data))
    with pytest.raises(E.NotADatabase) as refused:
        open_database(path)
    assert refused.value.backup is not None
    seen: list[str] = []
    timer = drive_dialogs(login_answers(qtbot, seen=seen))
    session = open_and_login(path, AppSettings(last_user="admin"))
    timer.stop()
    assert session is not None
    try:
        assert seen and refused.value.message in seen[0]
        assert any(p.name.startswith("desa-sebelum-pemulihan") for p in tmp_path.iterdir())
    finally:
        session.store.close(backup=False)


def focused() -> QWidget:
    widget = QApplication.focusWidget()
    assert widget is not None
    return widget


def press(qtbot, key: Qt.Key,
          modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier) -> None:
    """A key pressed the way a person does: it goes where the focus is."""
    qtbot.keyClick(focused(), key, modifier)


def show_active(qtbot, window: QWidget) -> None:
    qtbot.addWidget(window)
    window.show()
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)


def focus_is(qtbot, widget: QWidget) -> None:
    qtbot.waitUntil(lambda: QApplication.focusWidget() is widget)


def default_buttons(dialog: QDialog) -> list[str]:
    return [b.text() for b in dialog.findChildren(QPushButton) if b.isDefault()]


def refused_then_enter_again(qtbot, dialog: LoginDialog | PassphraseDialog,
                             field: QWidget, wrong: str, ok_text: str, problem: str) -> None:
    """A wrong try from the keyboard; afterwards the field has the focus, its text
    selected, OK is the default even when the focus is on Cancel, and Enter tries
    again instead of closing."""
    def refused() -> bool:
        return not dialog.busy.active and dialog.problem.isVisible()

    focus_is(qtbot, field)
    qtbot.keyClicks(focused(), wrong)
    press(qtbot, Qt.Key.Key_Return)
    qtbot.waitUntil(refused, timeout=20000)
    assert dialog.isVisible() and dialog.problem.text().startswith(problem)  # the core's
    focus_is(qtbot, field)
    assert field.selectedText() == wrong  # type: ignore[attr-defined]
    assert default_buttons(dialog) == [ok_text]
    assert not any(b.autoDefault() for b in dialog.findChildren(QPushButton))
    while focused().text() != t("common.cancel"):  # type: ignore[attr-defined]
        press(qtbot, Qt.Key.Key_Tab)  # to Batal, where the focus landed under X
    assert focused().text() == t("common.cancel")  # type: ignore[attr-defined]
    assert default_buttons(dialog) == [ok_text]
    dialog.problem.hide()
    press(qtbot, Qt.Key.Key_Return)
    assert dialog.busy.active or dialog.problem.isVisible()  # tried again
    assert dialog.isVisible()  # Enter on Batal did not cancel
    qtbot.waitUntil(lambda: refused() and dialog.isVisible(), timeout=20000)
    focus_is(qtbot, field)


def test_after_a_wrong_password_enter_logs_in_again(qtbot, store: VillageStore) -> None:
    dialog = LoginDialog(store, last_user="admin")
    show_active(qtbot, dialog)
    assert dialog.username_edit.text() == "admin"
    refused_then_enter_again(qtbot, dialog, dialog.password_edit, "bukan-ini-1",
                             t("login.enter"), "Nama pengguna atau kata sandi salah.")
    qtbot.keyClicks(focused(), PASSWORD)  # replaces the selected wrong one
    press(qtbot, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: dialog.actor is not None)
    assert dialog.actor.username == "admin" and dialog.result() == QDialog.DialogCode.Accepted


def test_after_a_wrong_passphrase_enter_opens_again(qtbot, tmp_path: Path) -> None:
    path = tmp_path / "desa.sqlite3"
    make_village(path, PASSPHRASE)
    dialog = PassphraseDialog(path)
    show_active(qtbot, dialog)
    refused_then_enter_again(qtbot, dialog, dialog.passphrase_edit, "salah-sekali",
                             t("login.open"), "Kata sandi basis data salah")
    qtbot.keyClicks(focused(), PASSPHRASE)
    press(qtbot, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: dialog.store is not None, timeout=20000)
    dialog.store.close(backup=False)


def test_the_wizard_from_the_keyboard_alone(qtbot, tmp_path: Path) -> None:
    """Type, arrows, Enter, Tab and Alt+letter only, Back and Next on the way; the file
    ``--db`` named is proposed; the database opens and the typed password logs in."""
    path = tmp_path / "dari-db" / "widoro.sqlite3"
    wizard = SetupWizard(AppSettings(), database=path)
    show_active(qtbot, wizard)
    village = wizard.village_page
    focus_is(qtbot, village.search_edit)
    assert village.problem.text() == t("setup.village.choose_first")
    qtbot.keyClicks(focused(), "widoro pacitan")
    qtbot.waitUntil(lambda: not village.searching and village.results.count() > 0)
    texts = [village.results.item(row).text() for row in range(village.results.count())]
    target = next(row for row, text in enumerate(texts) if "Kec. Donorojo" in text)
    for _ in range(target + 1):
        press(qtbot, Qt.Key.Key_Down)
    assert village.chosen is not None and village.problem.isHidden()
    assert village.chosen.code == "35.01.01.2001"
    press(qtbot, Qt.Key.Key_Return)
    admin = wizard.admin_page
    focus_is(qtbot, admin.username_edit)
    assert admin.problem.text() == t("setup.admin.incomplete")
    for text in ("operator", "Siti Aminah", PASSWORD, PASSWORD):
        qtbot.keyClicks(focused(), text)
        press(qtbot, Qt.Key.Key_Tab)
    assert admin.problem.isHidden() and next_enabled(wizard)
    press(qtbot, Qt.Key.Key_K, Qt.KeyboardModifier.AltModifier)  # < &Kembali
    focus_is(qtbot, village.search_edit)
    assert village.chosen is not None and village.chosen.code == "35.01.01.2001"
    qtbot.keyClicks(focused(), "x")  # typed on page 1 stays on page 1 ...
    press(qtbot, Qt.Key.Key_Backspace)
    qtbot.waitUntil(lambda: not village.searching)
    assert village.chosen is not None and next_enabled(wizard)  # ... and keeps the choice
    press(qtbot, Qt.Key.Key_L, Qt.KeyboardModifier.AltModifier)  # &Lanjut >
    focus_is(qtbot, admin.username_edit)
    assert admin.username == "operator" and admin.again_edit.text() == PASSWORD
    press(qtbot, Qt.Key.Key_Return)
    focus_is(qtbot, wizard.encryption_page.enable_box)
    press(qtbot, Qt.Key.Key_L, Qt.KeyboardModifier.AltModifier)
    storage = wizard.storage_page
    focus_is(qtbot, storage.path_edit)
    assert storage.path_edit.text() == str(path)
    assert "Widoro" in storage.summary.text() and storage.problem.isHidden()
    press(qtbot, Qt.Key.Key_Return)  # &Buat basis data
    qtbot.waitUntil(lambda: wizard.store is not None, timeout=20000)
    assert wizard.result() == QDialog.DialogCode.Accepted
    assert not wizard.store.is_encrypted
    wizard.store.close(backup=False)
    assert file_kind(path) == "plain"
    store = VillageStore.open(path)
    try:
        actor = store.users.authenticate("operator", PASSWORD)
        assert actor.display_name == "Siti Aminah" and actor.role == "admin"
        assert store.village_info().name == "Widoro"
    finally:
        store.close(backup=False)


def test_create_is_never_silent_and_first_run_proposes_the_db_file(
        qtbot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    wizard = SetupWizard(AppSettings())
    show_active(qtbot, wizard)
    for _ in range(3):
        wizard.next()  # the pages' checks bypassed: as if an earlier choice was lost
    assert wizard.currentPage() is wizard.storage_page and not wizard.validateCurrentPage()
    assert wizard.store is None and wizard.storage_page.problem.text() == t(
        "setup.storage.no_village")  # Buat basis data says why it does not create
    proposed: list[str] = []

    def exec_(shown: SetupWizard) -> QDialog.DialogCode:
        proposed.append(shown.storage_page.path_edit.text())
        return QDialog.DialogCode.Rejected

    monkeypatch.setattr(SetupWizard, "exec", exec_)
    assert app.first_run(AppSettings(), tmp_path / "baru.sqlite3") is None
    assert proposed == [str(tmp_path / "baru.sqlite3")]
