"""Damaged, foreign, empty and read-only files: each gives its intended error and
leaves every file as it was (compared byte for byte)."""

from __future__ import annotations

import json
import os
import random
import shutil
import sqlite3
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from desa_app.core import errors as E
from desa_app.core.store import backup as B
from desa_app.core.store.database import open_database
from desa_app.core.store.facade import VillageStore
from desa_app.core.store.users import Actor

from ._helpers import (
    AGENT,
    AGENT_PASSWORD,
    assert_untouched,
    example_answers,
    fingerprint,
    new_village,
    plain_check,
    run_child,
    sha256_file,
    snapshot,
)

PAGE = 4096


@dataclass
class Filled:
    path: Path
    agent: Actor
    records: dict[str, str]  # id -> fingerprint of its answers
    good_backup: Path


def _fill(path: Path, households: int) -> Filled:
    village = new_village(path)
    records = {}
    for n in range(households):
        answers = example_answers(nama_pengisi=f"Pengisi {n}", penghasilan=1_000_000 + n)
        records[village.store.records.create(village.agent, "ddk", answers).id] = (
            fingerprint(answers))
    good = village.db.backup("harian")
    village.db.close(backup=False)
    assert not path.with_name(path.name + "-wal").exists()  # all of it is in the file
    return Filled(path, village.agent, records, good)


@pytest.fixture
def small(tmp_path: Path) -> Filled:
    return _fill(tmp_path / "desa.sqlite3", 3)


@pytest.fixture
def large(tmp_path: Path) -> Filled:
    return _fill(tmp_path / "desa.sqlite3", 40)


def _newer_broken_backup(filled: Filled) -> Path:
    """A backup newer than the good one, cut short: the offer must skip it."""
    stamp = (datetime.now() + timedelta(minutes=5)).strftime("%Y%m%d-%H%M%S%f")
    broken = B.backup_dir(filled.path) / f"{filled.path.stem}-{stamp}-tutup.sqlite3"
    data = filled.good_backup.read_bytes()
    broken.write_bytes(data[: len(data) // 2])
    assert B.list_backups(filled.path)[0].path == broken
    return broken


def _garbage_in_a_middle_page(path: Path, table: str = "record") -> int:
    """Overwrite one b-tree page of ``table`` in the middle of the file with junk."""
    connection = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        pages = [row[0] for row in connection.execute(
            "SELECT pageno FROM dbstat WHERE name = ? AND pagetype = 'leaf' ORDER BY pageno",
            (table,))]
        total = connection.execute("PRAGMA page_count").fetchone()[0]
    finally:
        connection.close()
    page = pages[len(pages) // 2]
    assert total // 4 < page < total * 3 // 4, (page, total)
    with path.open("r+b") as handle:
        handle.seek((page - 1) * PAGE)
        handle.write(random.Random(page).randbytes(PAGE))
    return page


# -- not a database at all -----------------------------------------------------------------

@pytest.mark.parametrize("read_only", [False, True])
def test_random_bytes(tmp_path: Path, read_only: bool) -> None:
    path = tmp_path / "desa.sqlite3"
    path.write_bytes(random.Random(7).randbytes(64 * 1024))
    before = snapshot(tmp_path)
    with pytest.raises((E.PassphraseRequired, E.NotADatabase)) as caught:
        open_database(path, read_only=read_only)
    assert "desa.sqlite3" in str(caught.value)
    with pytest.raises((E.WrongPassphrase, E.NotADatabase)):
        open_database(path, "kata sandi rahasia", read_only=read_only)
    assert_untouched(tmp_path, before)


def test_empty_file_without_create_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "desa.sqlite3"
    path.write_bytes(b"")
    try:
        with pytest.raises((E.NotADatabase, E.DatabaseMissing)) as caught:
            db = open_database(path)
            db.close(backup=False)
        assert "desa.sqlite3" in str(caught.value)
    finally:
        assert path.stat().st_size == 0, "the empty file was turned into a database"


def test_foreign_sqlite_database(tmp_path: Path) -> None:
    path = tmp_path / "desa.sqlite3"
    connection = sqlite3.connect(path)
    connection.execute("CREATE TABLE foo (x INTEGER)")
    connection.execute("INSERT INTO foo VALUES (42)")
    connection.commit()
    connection.close()
    before = snapshot(tmp_path)
    for read_only in (False, True):
        with pytest.raises(E.NotADatabase) as caught:
            open_database(path, read_only=read_only)
        assert "desa.sqlite3" in str(caught.value)
    assert_untouched(tmp_path, before)
    connection = sqlite3.connect(path)
    try:  # not even switched to WAL: a file that is not ours is not ours to change
        assert connection.execute("PRAGMA journal_mode").fetchone()[0] == "delete"
        assert connection.execute("SELECT x FROM foo").fetchall() == [(42,)]
    finally:
        connection.close()


# -- a damaged village database ------------------------------------------------------------

def test_truncated_database_offers_the_newest_good_backup(small: Filled) -> None:
    _newer_broken_backup(small)
    data = small.path.read_bytes()
    small.path.write_bytes(data[: len(data) // 2])
    before = snapshot(small.path.parent)
    for read_only in (False, True):
        with pytest.raises(E.NotADatabase) as caught:
            open_database(small.path, read_only=read_only)
        assert caught.value.backup == small.good_backup
        assert str(small.good_backup) in str(caught.value)
        assert "desa.sqlite3" in str(caught.value)
    assert_untouched(small.path.parent, before)


def test_truncated_database_without_backups(small: Filled) -> None:
    shutil.rmtree(B.backup_dir(small.path))
    data = small.path.read_bytes()
    small.path.write_bytes(data[: len(data) // 2])
    before = snapshot(small.path.parent)
    with pytest.raises(E.NotADatabase) as caught:
        open_database(small.path)
    assert caught.value.backup is None
    assert_untouched(small.path.parent, before)


@pytest.mark.parametrize("table", ["record", "person", "audit_event"])
def test_garbage_page_in_the_middle_is_caught_at_open(large: Filled, table: str) -> None:
    assert large.path.stat().st_size >= 100 * PAGE
    _garbage_in_a_middle_page(large.path, table)
    before = snapshot(large.path.parent)
    with pytest.raises(E.NotADatabase) as caught:
        open_database(large.path)
    assert caught.value.backup == large.good_backup
    assert_untouched(large.path.parent, before)


# -- read-only -----------------------------------------------------------------------------

def test_read_only_open_reads_but_refuses_every_write(small: Filled) -> None:
    before = snapshot(small.path.parent)
    db = open_database(small.path, read_only=True)
    try:
        store = VillageStore(db)
        record_id, digest = next(iter(small.records.items()))
        assert fingerprint(store.records.load(small.agent, record_id).answers) == digest
        with pytest.raises(E.ReadOnly):
            store.records.save(small.agent, record_id, example_answers(rt="009"), "ubah")
        with pytest.raises(E.ReadOnly):
            store.records.create(small.agent, "ddk", example_answers())
        # a read-only copy can be logged into for viewing; nothing is recorded
        assert store.users.authenticate(AGENT, AGENT_PASSWORD).username == AGENT
        with pytest.raises(E.AuthError):
            store.users.authenticate(AGENT, "salah-salah")
    finally:
        db.close()  # no backup from a read-only database
    assert_untouched(small.path.parent, before)


LOCKED_CHILD = r"""
import json, os, sys
from pathlib import Path

from desa_app.core.instrument.registry import get_instrument
from desa_app.core.store.database import open_database
from desa_app.core.store.facade import VillageStore
from desa_app.core.store.users import Actor
from desa_app.core.workflow import Role

path, record_id, agent_id = Path(sys.argv[1]), sys.argv[2], int(sys.argv[3])
agent = Actor(agent_id, "agen1", "Agen", Role.ENUMERATOR)
get_instrument("ddk")
db = open_database(path)  # every import a run below needs, while we may still read it
VillageStore(db).records.load(agent, record_id)
db.close(backup=False)

tree = [path, path.parent, path.parent / "backups"]
if os.geteuid() == 0:  # root ignores file modes: become nobody, owner of the files
    for item in tree:
        os.chown(item, 65534, 65534)
    os.setgid(65534)
    os.setuid(65534)
path.chmod(0o444)
for folder in tree[1:]:
    folder.chmod(0o555)


def outcome(call):
    try:
        return ["ok", call()]
    except Exception as exc:
        return [type(exc).__name__, str(exc)]


report = {}
for read_only in (False, True):
    key = "read_only" if read_only else "read_write"
    opened = outcome(lambda: open_database(path, read_only=read_only))
    if opened[0] != "ok":
        report[key] = {"open": opened}
        continue
    db = opened[1]
    store = VillageStore(db)
    report[key] = {
        "open": ["ok", None],
        "load": outcome(lambda: store.records.load(agent, record_id).revision),
        "save": outcome(lambda: store.records.save(agent, record_id, {"rt": "009"}, "x").revision),
        "close": outcome(lambda: db.close()),
    }
for folder in tree[1:]:
    folder.chmod(0o755)
print(json.dumps(report))
"""


@pytest.fixture
def locked_down(small: Filled) -> Iterator[dict[str, dict[str, list[object]]]]:
    """chmod 0o444 on the file, 0o555 on its folders; as root, in a child that drops to
    uid 65534 after its imports (root writes through any file mode)."""
    work = None
    path = small.path
    if os.geteuid() == 0:  # nobody must reach the file: pytest's own folders are 0o700
        work = Path(tempfile.mkdtemp(prefix="desa-ro-"))
        work.chmod(0o755)
        path = work / "desa" / small.path.name
        shutil.copytree(small.path.parent, path.parent)
    folder = path.parent
    before = snapshot(folder)
    script = small.path.parent.parent / f"{small.path.parent.name}-child.py"
    script.write_text(LOCKED_CHILD, encoding="utf-8")
    try:
        result = run_child(script, str(path), next(iter(small.records)), str(small.agent.id))
        assert result.returncode == 0, result.stderr
        yield json.loads(result.stdout.splitlines()[-1])
    finally:
        for item in (folder, B.backup_dir(path)):
            item.chmod(0o755)
        path.chmod(0o644)
    assert_untouched(folder, before)
    if work is not None:
        shutil.rmtree(work)


def test_chmod_read_only_file_and_folder_refuses_writes_clearly(
        locked_down: dict[str, dict[str, list[object]]]) -> None:
    normal = locked_down["read_write"]
    if normal["open"][0] == "ok":  # opened: then the save must say read-only
        assert normal["save"][0] == "ReadOnly", normal
    else:  # or refusing to open for writing at all, with a clear message
        assert normal["open"][0] == "ReadOnly", normal
        assert "desa.sqlite3" in str(normal["open"][1])


def test_chmod_read_only_file_and_folder_can_still_be_read(
        locked_down: dict[str, dict[str, list[object]]], small: Filled) -> None:
    viewer = locked_down["read_only"]
    assert viewer["open"][0] == "ok", viewer
    assert viewer["load"] == ["ok", 1], viewer
    assert viewer["save"][0] == "ReadOnly", viewer


# -- restoring a backup --------------------------------------------------------------------

@pytest.mark.parametrize("damage", ["truncated", "garbage page", "empty"])
def test_restore_refuses_a_broken_backup_and_keeps_the_database(large: Filled,
                                                                 damage: str) -> None:
    broken = B.backup_dir(large.path) / "rusak.sqlite3"
    shutil.copyfile(large.good_backup, broken)
    if damage == "truncated":
        broken.write_bytes(broken.read_bytes()[: broken.stat().st_size // 2])
    elif damage == "garbage page":
        _garbage_in_a_middle_page(broken)
    else:
        broken.write_bytes(b"")
    before = snapshot(large.path.parent)
    with pytest.raises(E.NotADatabase):
        B.restore(large.path, broken, None)
    assert_untouched(large.path.parent, before)
    assert not list(large.path.parent.glob("*sebelum-pemulihan*"))


def test_restore_refuses_random_bytes(small: Filled) -> None:
    junk = B.backup_dir(small.path) / "acak.sqlite3"
    junk.write_bytes(random.Random(3).randbytes(32 * 1024))
    before = snapshot(small.path.parent)
    with pytest.raises((E.NotADatabase, E.PassphraseRequired)):
        B.restore(small.path, junk, None)
    assert_untouched(small.path.parent, before)


def test_restore_a_good_backup_keeps_the_old_file_aside(small: Filled) -> None:
    # change the database after the backup, so the two differ
    db = open_database(small.path)
    store = VillageStore(db)
    record_id = next(iter(small.records))
    store.records.save(small.agent, record_id, example_answers(rt="099"), "setelah cadangan")
    db.close(backup=False)
    old_bytes = sha256_file(small.path)
    backup_bytes = sha256_file(small.good_backup)

    aside = B.restore(small.path, small.good_backup, None)

    assert "sebelum-pemulihan" in aside.name
    assert aside.parent == small.path.parent
    assert sha256_file(aside) == old_bytes
    assert sha256_file(small.path) == backup_bytes
    assert sha256_file(small.good_backup) == backup_bytes
    assert not list(small.path.parent.glob("*.part"))
    assert plain_check(small.path) == [("ok",)]
    db = open_database(small.path)
    try:
        store = VillageStore(db)
        agent = store.users.authenticate(AGENT, AGENT_PASSWORD)
        for rid, digest in small.records.items():
            record = store.records.load(agent, rid)
            assert (record.revision, fingerprint(record.answers)) == (1, digest)
        with db.read() as session:
            mode = session.connection().exec_driver_sql("PRAGMA journal_mode").scalar()
        assert mode == "wal"  # backups are journal_mode=DELETE; the app switches back
    finally:
        db.close(backup=False)


def test_two_restores_in_the_same_second_keep_both_old_files(small: Filled) -> None:
    original = sha256_file(small.path)
    moment = datetime(2026, 11, 23, 9, 0, 0)
    first = B.restore(small.path, small.good_backup, None, now=moment)
    second = B.restore(small.path, small.good_backup, None, now=moment)
    kept = {sha256_file(p) for p in small.path.parent.glob("*sebelum-pemulihan*")
            if not p.name.endswith(("-wal", "-shm"))}
    assert first != second and original in kept
