"""An encrypted village database keeps NIKs and names out of every file on disk, and
a missing or wrong passphrase is refused without touching the file."""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from pathlib import Path

import pytest

from desa_app.core import errors as E
from desa_app.core.store import backup as B
from desa_app.core.store import sqlite as S
from desa_app.core.store.database import open_database
from desa_app.core.store.facade import VillageStore

from ._helpers import (
    AGENT,
    AGENT_PASSWORD,
    EXAMPLE,
    assert_untouched,
    example_answers,
    new_village,
    snapshot,
)

PASSPHRASE = "kata sandi rahasia"

# 16-digit NIKs and No. KK, and names long enough never to turn up in random bytes
SECRETS = sorted(
    {member["nik"] for member in EXAMPLE["anggota"]}
    | {EXAMPLE["no_kk"], EXAMPLE["nama_pengisi"]}
    | {member["nama"] for member in EXAMPLE["anggota"] if len(member["nama"]) >= 5}
)


@dataclass
class Saved:
    path: Path
    record_id: str
    leaks_while_open: dict[str, list[str]]


def _leaks(files: list[Path]) -> dict[str, list[str]]:
    found = {}
    for file in files:
        data = file.read_bytes()
        hits = [secret for secret in SECRETS if secret.encode("utf-8") in data]
        if hits:
            found[file.name] = hits
    return found


def _files_on_disk(path: Path) -> list[Path]:
    """The database, its sidecars and its backups."""
    sidecars = [path.with_name(path.name + suffix) for suffix in ("-wal", "-shm", "-journal")]
    backups = sorted((path.parent / "backups").glob("*"))
    return [p for p in [path, *sidecars, *backups] if p.exists()]


def _save_household(path: Path, passphrase: str | None) -> Saved:
    village = new_village(path, passphrase)
    record = village.store.records.create(village.agent, "ddk", example_answers())
    wal = path.with_name(path.name + "-wal")
    assert wal.exists() and wal.stat().st_size > 0  # the household is in the WAL now
    leaks = _leaks(_files_on_disk(path))
    village.db.backup("manual")
    village.db.close()  # a second backup ("tutup"); the WAL is folded into the file
    return Saved(path, record.id, leaks)


@pytest.fixture
def encrypted(tmp_path: Path) -> Saved:
    assert "3501014107780002" in SECRETS and "Mbah Karto" in SECRETS
    return _save_household(tmp_path / "desa.sqlite3", PASSPHRASE)


def test_plain_database_shows_niks_so_the_search_below_means_something(
        tmp_path: Path) -> None:
    saved = _save_household(tmp_path / "desa.sqlite3", None)
    assert "3501014107780002" in saved.leaks_while_open["desa.sqlite3-wal"]
    assert set(_leaks(_files_on_disk(saved.path))["desa.sqlite3"]) == set(SECRETS)


def test_no_nik_or_name_in_any_file_on_disk(encrypted: Saved) -> None:
    assert encrypted.leaks_while_open == {}
    files = _files_on_disk(encrypted.path)
    assert len([f for f in files if f.parent.name == "backups"]) == 2
    assert _leaks(files) == {}
    for file in files:
        assert S.file_kind(file) == "opaque", file.name


def test_plain_sqlite_cannot_read_it(encrypted: Saved) -> None:
    connection = sqlite3.connect(encrypted.path)
    try:
        with pytest.raises(sqlite3.DatabaseError):
            connection.execute("SELECT count(*) FROM sqlite_master").fetchone()
    finally:
        connection.close()


@pytest.mark.parametrize("read_only", [False, True])
def test_missing_or_wrong_passphrase_is_refused_and_changes_nothing(
        encrypted: Saved, read_only: bool) -> None:
    before = snapshot(encrypted.path.parent)
    with pytest.raises(E.PassphraseRequired) as missing:
        open_database(encrypted.path, read_only=read_only)
    assert encrypted.path.name in str(missing.value)
    for wrong in ("kata sandi salah", "Kata sandi rahasia", " "):
        with pytest.raises(E.WrongPassphrase):
            open_database(encrypted.path, wrong, read_only=read_only)
    assert_untouched(encrypted.path.parent, before)
    assert snapshot(encrypted.path.parent) == before


def test_empty_passphrase_is_a_user_error(encrypted: Saved) -> None:
    before = snapshot(encrypted.path.parent)
    try:
        with pytest.raises(E.StoreError):
            open_database(encrypted.path, "")
    finally:
        assert_untouched(encrypted.path.parent, before)


def test_right_passphrase_loads_the_household_intact(encrypted: Saved) -> None:
    db = open_database(encrypted.path, PASSPHRASE)
    try:
        store = VillageStore(db)
        agent = store.users.authenticate(AGENT, AGENT_PASSWORD)
        record = store.records.load(agent, encrypted.record_id)
        assert record.answers == EXAMPLE
        assert record.revision == 1
        assert db.integrity_problems(quick=False) == []
    finally:
        db.close(backup=False)


def test_backups_are_encrypted_checkable_and_refuse_a_wrong_passphrase(
        encrypted: Saved) -> None:
    backups = B.list_backups(encrypted.path)
    assert sorted(b.reason for b in backups) == ["manual", "tutup"]
    for backup in backups:
        B.check_backup(backup.path, PASSPHRASE)
        with pytest.raises(E.WrongPassphrase):
            B.check_backup(backup.path, "kata sandi salah")
        with pytest.raises(E.PassphraseRequired):
            B.check_backup(backup.path, None)
    assert B.newest_good_backup(encrypted.path, PASSPHRASE) == backups[0].path
    assert B.newest_good_backup(encrypted.path, "kata sandi salah") is None

    # the backup holds the household: restore it and read it back
    encrypted.path.unlink()
    B.restore(encrypted.path, backups[-1].path, PASSPHRASE)
    db = open_database(encrypted.path, PASSPHRASE)
    try:
        store = VillageStore(db)
        agent = store.users.authenticate(AGENT, AGENT_PASSWORD)
        assert store.records.load(agent, encrypted.record_id).answers == EXAMPLE
    finally:
        db.close(backup=False)


def test_passphrase_with_quotes_and_non_ascii(tmp_path: Path) -> None:
    passphrase = "it's «rahasia» desa'; --"
    path = tmp_path / "desa.sqlite3"
    saved = _save_household(path, passphrase)
    assert saved.leaks_while_open == {}
    with pytest.raises(E.WrongPassphrase):
        open_database(path, "it's «rahasia» desa")
    db = open_database(path, passphrase)
    try:
        store = VillageStore(db)
        agent = store.users.authenticate(AGENT, AGENT_PASSWORD)
        assert store.records.load(agent, saved.record_id).answers == EXAMPLE
    finally:
        db.close(backup=False)
