"""Backups rotate and restore safely; lists and search answer from the indexes."""

from __future__ import annotations

from datetime import datetime, timedelta
from pathlib import Path

import pytest

from desa_app.cli import main
from desa_app.core import errors as E
from desa_app.core.store import backup as B
from desa_app.core.store.database import open_database
from desa_app.core.store.facade import VillageStore
from desa_app.core.workflow import Status

from .conftest import Village


def test_automatic_backups_rotate_and_keep_ten(village: Village) -> None:
    start = datetime(2026, 1, 1, 7, 0)
    for day in range(13):
        village.store.db.backup("harian", start + timedelta(days=day))
    backups = B.list_backups(village.path)
    assert len(backups) == B.KEEP
    assert backups[0].taken_at == start + timedelta(days=12)  # newest first
    assert backups[-1].taken_at == start + timedelta(days=3)


def test_daily_backup_on_open_and_backup_on_close(village: Village) -> None:
    village.store.close()  # on close
    assert [b.reason for b in B.list_backups(village.path)] == ["tutup"]
    later = datetime.now() + timedelta(days=2)
    database = open_database(village.path, now=later)
    assert [b.reason for b in B.list_backups(village.path)] == ["harian", "tutup"]
    database.close(backup=False)
    database = open_database(village.path, now=later + timedelta(hours=1))  # not due yet
    assert len(B.list_backups(village.path)) == 2
    village.store = VillageStore(database)


def test_restore_checks_the_backup_and_keeps_the_current_file(village: Village,
                                                              tmp_path: Path) -> None:
    records = village.store.records
    record = records.create(village.enumerator, "ddk", village.household())
    good = village.store.backup(village.admin, tmp_path / "cadangan.sqlite3")
    records.save(village.enumerator, record.id, village.household(rt="009"), "setelah cadangan")
    village.store.close(backup=False)

    broken = tmp_path / "rusak.sqlite3"
    broken.write_bytes(good.read_bytes()[: good.stat().st_size // 2])
    before = village.path.read_bytes()
    with pytest.raises(E.NotADatabase):
        B.restore(village.path, broken, None)
    assert village.path.read_bytes() == before  # untouched

    aside = B.restore(village.path, good, None)
    assert "sebelum-pemulihan" in aside.name and aside.read_bytes() == before
    store = VillageStore(open_database(village.path))
    assert store.records.load(village.viewer, record.id).answers["rt"] == "002"
    village.store = store


def test_cli_backup_and_restore(village: Village, tmp_path: Path,
                                capsys: pytest.CaptureFixture[str]) -> None:
    village.store.close(backup=False)
    out = tmp_path / "salinan.sqlite3"
    assert main(["backup", "--db", str(village.path), "--out", str(out)]) == 0
    assert out.exists()
    assert main(["restore", str(out), "--db", str(village.path)]) == 0
    assert "dipulihkan" in capsys.readouterr().out
    assert main(["db", "check", "--db", str(village.path)]) == 0
    assert "Integritas: baik" in capsys.readouterr().out
    assert main(["restore", str(tmp_path / "tidak-ada.sqlite3"), "--db",
                 str(village.path)]) == 1
    assert "tidak ditemukan" in capsys.readouterr().err
    village.store = VillageStore(open_database(village.path))


def fill(village: Village, count: int) -> list[str]:
    ids = []
    for i in range(count):
        answers = village.other_household(nama_kk=f"Kepala {i:03d}", dusun=f"Dusun {i % 3}")
        answers["anggota"][0]["nama"] = f"Kepala {i:03d}"
        ids.append(village.store.records.create(village.enumerator, "ddk", answers).id)
    return ids


def test_pages_filter_and_sort(village: Village) -> None:
    ids = fill(village, 12)
    for record_id in ids[:5]:
        village.store.records.submit(village.enumerator, record_id)
    queries = village.store.queries
    page = queries.page(village.viewer, status=Status.SUBMITTED, limit=3)
    assert page.total == 5 and [r.nama_kk for r in page.rows] == [
        "Kepala 000", "Kepala 001", "Kepala 002"]
    second = queries.page(village.viewer, status="submitted", offset=3, limit=3)
    assert [r.nama_kk for r in second.rows] == ["Kepala 003", "Kepala 004"]
    assert queries.page(village.viewer, dusun="Dusun 1").total == 4
    assert queries.page(village.viewer, no_kk_prefix="350101").total == 12
    row = page.rows[0]
    assert (row.member_count, row.error_count, row.warning_count) == (8, 0, 0)
    counts = queries.status_counts(village.pembina)
    assert counts[Status.SUBMITTED] == 5 and counts[Status.DRAFT] == 7


def test_name_and_nik_search(village: Village) -> None:
    fill(village, 3)
    queries = village.store.queries
    hits = queries.search_people(village.viewer, "sumi")
    assert {h.name for h in hits} == {"Sumiati"} and len(hits) == 3
    assert [h.name for h in queries.search_people(village.viewer, "kepala 001")] == [
        "Kepala 001"]
    assert queries.search_people(village.viewer, "") == []
    assert queries.search_people(village.viewer, "((*") == []
    nik = hits[0].nik
    assert nik is not None
    assert [h.nik for h in queries.search_people(village.viewer, nik[:14])] == [
        n for n in sorted(h.nik for h in hits if h.nik and h.nik.startswith(nik[:14]))]


def test_page_search_by_name_nik_and_no_kk(village: Village) -> None:
    ids = fill(village, 4)
    queries = village.store.queries
    target = village.store.records.load(village.viewer, ids[2]).answers
    by_name = queries.page(village.viewer, search="kepala 002")
    assert [r.id for r in by_name.rows] == [ids[2]]
    nik = target["anggota"][3]["nik"]
    assert [r.id for r in queries.page(village.viewer, search=nik).rows] == [ids[2]]
    assert [r.id for r in queries.page(village.viewer, search=target["no_kk"]).rows] == [ids[2]]
    assert queries.page(village.viewer, search="sumiati").total == 4
    assert queries.page(village.viewer, search="tidakadanamaini").total == 0
    assert queries.page(village.viewer, rt="002", rw="001").total == 4
    assert queries.dusun_names(village.viewer) == ["Dusun 0", "Dusun 1", "Dusun 2"]
    assert queries.page(village.viewer).rows[0].updated_by == "Agen1"
    newest_first = queries.page(village.viewer, order="nama_kk", descending=True)
    assert newest_first.rows[0].nama_kk == "Kepala 003"
