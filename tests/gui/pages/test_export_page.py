"""Ekspor in the GUI: the workbook written in the background with progress, a cancelled
export leaves nothing, a package is written and checked; roles without export do not
get the page."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook

from desa_app.core import auth
from desa_app.core.demo.build import DEMO_PASSWORD, build_demo_village
from desa_app.core.exports import workbook
from desa_app.core.store.database import open_database
from desa_app.core.store.facade import VillageStore
from desa_app.gui import page_list, worker
from desa_app.gui.i18n import set_language
from desa_app.gui.pages.export_page import ExportPage
from desa_app.gui.qt import Qt
from desa_app.gui.session import AppSession


@pytest.fixture(scope="module")
def demo_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("ekspor") / "demo.sqlite3"
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(auth, "SCRYPT_N", 2**8)
        build_demo_village(path, 60, seed=4)
    return path


@pytest.fixture
def store(demo_file: Path, tmp_path: Path, qtbot: Any,
          monkeypatch: pytest.MonkeyPatch) -> Iterator[VillageStore]:
    monkeypatch.setattr(auth, "SCRYPT_N", 2**8)
    set_language("id")
    path = tmp_path / "desa.sqlite3"
    with sqlite3.connect(demo_file) as source, sqlite3.connect(path) as copy:
        source.backup(copy)
    village = VillageStore(open_database(path))
    yield village
    qtbot.waitUntil(lambda: not worker._running, timeout=30000)
    village.close(backup=False)


def page_for(qtbot: Any, store: VillageStore, username: str = "admin") -> ExportPage:
    page = ExportPage(AppSession(store, store.users.authenticate(username, DEMO_PASSWORD)))
    qtbot.addWidget(page)
    page.resize(1176, 700)
    page.show()
    return page


def wait_idle(qtbot: Any, page: ExportPage) -> None:
    qtbot.waitUntil(lambda: page.progress is None and not worker._running, timeout=60000)


def test_workbook_in_the_background_with_progress(qtbot: Any, store: VillageStore,
                                                  tmp_path: Path) -> None:
    page = page_for(qtbot, store)
    with sqlite3.connect(store.db.path) as con:
        verified = con.execute("SELECT count(*) FROM record WHERE deleted = 0 AND kind = "
                               "'household' AND status IN ('verified', 'entered')").fetchone()[0]
    assert page.count.text() == f"{verified} keluarga akan diekspor"
    assert page.fingerprint.text().startswith("Sidik kunci tanda tangan desa: ")
    seen: list[tuple[int, int, str]] = []
    page.relay.progressed.connect(lambda *args: seen.append(args))
    out = tmp_path / "ddk.xlsx"
    page.ask_save_path = lambda what: out  # type: ignore[method-assign]
    page.workbook_button.click()
    assert not page.workbook_button.isEnabled() and page.cancel_button.isVisible()
    wait_idle(qtbot, page)
    assert page.workbook_button.isEnabled() and page.cancel_button.isHidden()
    assert str(out) in page.result.text() and f"{verified} keluarga" in page.result.text()
    assert page.problem.isHidden() and page.open_folder.isVisible()
    rows = list(load_workbook(out, read_only=True)["DDK01 Keluarga"].iter_rows())
    assert len(rows) == verified + 2
    assert seen and seen[-1][2] == "Menyimpan berkas Excel"
    with sqlite3.connect(store.db.path) as con:
        events = con.execute("SELECT entity_id FROM audit_event WHERE action = "
                             "'export.xlsx'").fetchall()
    assert events == [("ddk.xlsx",)]


def test_every_status_counts_all_records(qtbot: Any, store: VillageStore) -> None:
    page = page_for(qtbot, store)
    page.every_status.setChecked(True)
    assert page.count.text() == "60 keluarga akan diekspor"


def test_cancel_leaves_no_file(qtbot: Any, store: VillageStore, tmp_path: Path,
                               monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(workbook, "PROGRESS_EVERY", 1)
    page = page_for(qtbot, store)
    page.every_status.setChecked(True)
    # cancelled from the worker's own first report: deterministic however fast it runs
    page.relay.progressed.connect(lambda *args: page.progress and page.progress.cancel(),
                                  Qt.ConnectionType.DirectConnection)
    out = tmp_path / "batal.xlsx"
    page.export("xlsx", out)
    wait_idle(qtbot, page)
    assert "dibatalkan" in page.problem.text()
    assert not out.exists() and list(tmp_path.glob("*.part")) == []
    assert page.workbook_button.isEnabled()


def test_unwritable_folder_is_said_plainly(qtbot: Any, store: VillageStore,
                                           tmp_path: Path) -> None:
    page = page_for(qtbot, store)
    page.export("xlsx", tmp_path / "tidak-ada" / "ddk.xlsx")
    wait_idle(qtbot, page)
    assert "Folder tujuan tidak ada" in page.problem.text()


def test_package_written_and_checked(qtbot: Any, store: VillageStore, tmp_path: Path) -> None:
    page = page_for(qtbot, store, "tim1")
    out = tmp_path / "paket.zip"
    page.export("zip", out)
    wait_idle(qtbot, page)
    assert out.exists() and str(out) in page.result.text(), page.problem.text()
    page.verify(out)
    wait_idle(qtbot, page)
    assert page.result.text().startswith("Paket utuh")
    data = bytearray(out.read_bytes())
    data[len(data) // 3] ^= 0xFF
    bad = tmp_path / "rusak.zip"
    bad.write_bytes(bytes(data))
    page.verify(bad)
    wait_idle(qtbot, page)
    assert page.problem.text().startswith("Paket TIDAK lolos pemeriksaan")


def test_only_roles_that_may_export_get_the_page(store: VillageStore) -> None:
    available = page_list.spec(ExportPage.NAV_KEY).available
    for username, expected in (("admin", True), ("tim1", True), ("kominfo1", True),
                               ("agen1", False), ("bps1", False)):
        session = AppSession(store, store.users.authenticate(username, DEMO_PASSWORD))
        assert available(session) is expected, username


def test_the_page_names_the_village_records_the_workbook_includes(
        qtbot: Any, store: VillageStore) -> None:
    """The demo's Potensi is approved, its Perkembangan a draft: only the first goes with
    the verified export; both with every status."""
    page = page_for(qtbot, store)
    assert "Potensi Desa/Kelurahan" in page.village.text()
    assert "Perkembangan" not in page.village.text()
    page.every_status.setChecked(True)
    assert "Perkembangan Desa/Kelurahan" in page.village.text()
    wait_idle(qtbot, page)
