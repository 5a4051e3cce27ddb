""""Hitung dari DDK" that fails in the background: the user is told why in one line (a
programming error says so, its trace goes to the log), and the button works again."""

from __future__ import annotations

from typing import Any

import pytest

from desa_app.core.profil.service import Profil
from desa_app.core.store.facade import VillageStore
from desa_app.gui.form.editor import FormEditor
from desa_app.gui.i18n import t
from desa_app.gui.qt import QMessageBox, Qt

from ..village import PASSWORD, open_potensi, verified_household


def warnings_shown(monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, str]]:
    """QMessageBox.warning answered at once, its title and text kept."""
    shown: list[tuple[str, str]] = []
    monkeypatch.setattr(QMessageBox, "warning",
                        lambda parent, title, text, *rest: shown.append((title, text)))
    return shown


def press_count(qtbot: Any, editor: FormEditor, shown: list[tuple[str, str]]) -> None:
    assert editor.ddk_button.isVisible() and editor.ddk_button.isEnabled()
    qtbot.mouseClick(editor.ddk_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(shown), timeout=10000)


def test_a_refused_count_says_why_and_the_button_works_again(
        qtbot: Any, store: VillageStore, monkeypatch: pytest.MonkeyPatch) -> None:
    verified_household(store)
    _window, editor = open_potensi(qtbot, store)
    before = editor.state.to_json()
    # the operator deactivates the enumerator's account while the Potensi is open:
    # counting re-reads the user in its transaction and is refused (PermissionDenied)
    admin = store.users.authenticate("admin", PASSWORD)
    store.users.set_active(admin, "agen1", False)
    shown = warnings_shown(monkeypatch)

    press_count(qtbot, editor, shown)

    assert shown == [(t("ddk.dialog_title"), "Hitung dari DDK gagal, isian tidak diubah: "
                      "Akun Anda tidak aktif lagi; hubungi operator desa.")]
    assert editor.ddk_button.isEnabled()
    assert editor.save_label.text() != t("ddk.counting")
    assert editor.state.to_json() == before and not editor.dirty


def test_a_programming_error_says_so_in_one_line_logs_its_trace_and_the_button_works_again(
        qtbot: Any, store: VillageStore, monkeypatch: pytest.MonkeyPatch,
        caplog: pytest.LogCaptureFixture) -> None:
    _window, editor = open_potensi(qtbot, store)
    shown = warnings_shown(monkeypatch)

    # A bug has no real cause to provoke in working code, so the worker's target (the
    # core call run in the background) is replaced at that boundary by one that breaks.
    def broken(*args: Any, **kwargs: Any) -> Any:
        raise KeyError("t03048")

    monkeypatch.setattr(Profil, "ddk_figures", broken)

    press_count(qtbot, editor, shown)

    ((title, text),) = shown
    assert title == t("ddk.dialog_title")
    assert text == ("Hitung dari DDK gagal, isian tidak diubah: Terjadi kesalahan tak terduga "
                    "(bukan kesalahan Anda): KeyError: 't03048'. Data yang sudah tersimpan "
                    "tetap aman (rincian dicatat di log).")
    assert "\n" not in text
    logged = "\n".join(record.getMessage() + (record.exc_text or "") for record in caplog.records)
    assert "Traceback (most recent call last)" in logged and "in broken" in logged
    assert editor.ddk_button.isEnabled()
    assert editor.save_label.text() != t("ddk.counting")
