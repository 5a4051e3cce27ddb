"""Running out of space: a clear ``DiskFull``, and nothing saved before is harmed.

"Full" is made real with ``RLIMIT_FSIZE`` in a child process (writes past the limit fail
with EFBIG, as on a FAT32 flash drive at 4 GiB); ``SIGXFSZ`` is ignored so the write
fails instead of killing the process.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

import pytest
from sqlalchemy import select

from desa_app.core.store import backup as B
from desa_app.core.store.database import open_database
from desa_app.core.store.facade import VillageStore
from desa_app.core.store.models import Record

from ._helpers import (
    AGENT,
    AGENT_PASSWORD,
    EXAMPLE_FILE,
    example_answers,
    fingerprint,
    new_village,
    plain_check,
    run_child,
    sha256_file,
)

PRELUDE = r'''
import copy, hashlib, json, os, resource, signal, sys
from pathlib import Path

from desa_app.core import errors as E
from desa_app.core.store.database import open_database
from desa_app.core.store.facade import VillageStore


def fingerprint(answers):
    text = json.dumps(answers, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def limit_file_size(limit):
    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # fail the write, do not kill us
    resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))
    print("limit", limit, flush=True)


def report(exc):
    message = " ".join(str(exc).split())
    print("error", type(exc).__name__, isinstance(exc, E.StoreError), message, flush=True)
'''

SAVE_CHILD = PRELUDE + r'''
path, example, record_id = Path(sys.argv[1]), sys.argv[2], sys.argv[3]
base = json.loads(Path(example).read_text("utf-8"))
db = open_database(path)
store = VillageStore(db)
agent = store.users.authenticate("agen1", "agenpass1")
warm = copy.deepcopy(base)
warm["nama_pengisi"] = "sebelum batas"
record = store.records.save(agent, record_id, warm, "pemanasan")  # every import done
print("saved", record.id, record.revision, fingerprint(warm), flush=True)

limit_file_size(path.stat().st_size + 320 * 1024)
step = 0
try:
    while True:
        step += 1
        answers = copy.deepcopy(base)
        answers["alamat"] = f"{step}: " + "Jalan Raya Pacitan gang buntu nomor 7; " * 300
        if step % 2:
            record = store.records.create(agent, "ddk", answers)
        else:
            record = store.records.save(agent, record_id, answers, f"besar {step}")
        print("saved", record.id, record.revision, fingerprint(answers), flush=True)
except Exception as exc:
    report(exc)
print("readable", store.records.load(agent, record_id).revision, flush=True)
db.close(backup=False)
'''

BACKUP_CHILD = PRELUDE + r'''
path = Path(sys.argv[1])
db = open_database(path)
limit_file_size(path.stat().st_size // 2)
try:
    db.backup("manual")
    print("ok", flush=True)
except Exception as exc:
    report(exc)
print("files", json.dumps(sorted(os.listdir(path.parent / "backups"))), flush=True)
db.close(backup=False)
'''


@dataclass
class Outcome:
    path: Path
    saved: dict[str, tuple[int, str]]
    error: list[str]  # class name, is StoreError, message words
    lines: list[str]
    stderr: str
    returncode: int
    first_record: str
    files: list[str]


def _parse(result_stdout: str) -> tuple[dict[str, tuple[int, str]], list[str], list[str]]:
    saved: dict[str, tuple[int, str]] = {}
    error: list[str] = []
    files: list[str] = []
    for line in result_stdout.splitlines():
        word, *rest = line.split()
        if word == "saved":
            saved[rest[0]] = (int(rest[1]), rest[2])
        elif word == "error":
            error = rest
        elif word == "files":
            files = json.loads(line.split(" ", 1)[1])
    return saved, error, files


@pytest.fixture(scope="module")
def full_during_saves(tmp_path_factory: pytest.TempPathFactory) -> Outcome:
    with pytest.MonkeyPatch.context() as patch:
        from desa_app.core import auth

        patch.setattr(auth, "SCRYPT_N", 2**8)
        path = tmp_path_factory.mktemp("penuh") / "desa.sqlite3"
        village = new_village(path)
        record = village.store.records.create(village.agent, "ddk", example_answers())
        village.db.close()
    script = path.parent / "child.py"
    script.write_text(SAVE_CHILD, encoding="utf-8")
    result = run_child(script, str(path), str(EXAMPLE_FILE), record.id)
    saved, error, files = _parse(result.stdout)
    return Outcome(path, saved, error, result.stdout.splitlines(), result.stderr,
                   result.returncode, record.id, files)


def test_running_out_of_space_raises_disk_full(full_during_saves: Outcome) -> None:
    outcome = full_during_saves
    assert outcome.error, outcome.stderr
    assert outcome.error[:2] == ["DiskFull", "True"], outcome.error
    assert "penuh" in " ".join(outcome.error[2:]).lower()


def test_saves_before_the_failure_survive_it(full_during_saves: Outcome) -> None:
    outcome = full_during_saves
    assert outcome.returncode == 0, outcome.stderr
    assert outcome.error, f"the limit was never reached:\n{outcome.lines}"
    assert len(outcome.saved) >= 2, "no save succeeded under the limit; raise it"
    assert any(line.startswith("readable ") for line in outcome.lines), outcome.stderr
    assert plain_check(outcome.path) == [("ok",)]

    db = open_database(outcome.path)
    try:
        store = VillageStore(db)
        agent = store.users.authenticate(AGENT, AGENT_PASSWORD)
        for record_id, (revision, digest) in outcome.saved.items():
            record = store.records.load(agent, record_id)
            assert record.revision == revision  # the failed save left no trace
            assert fingerprint(record.answers) == digest
        listed = {row.id for row in _all_records(store)}
        assert listed == set(outcome.saved)  # no half-created record either
        again = store.records.save(agent, outcome.first_record,
                                   example_answers(nama_pengisi="setelah penuh"), "lagi")
        assert again.revision == outcome.saved[outcome.first_record][0] + 1
    finally:
        db.close()


def _all_records(store: VillageStore) -> list[Record]:
    """Every record, read straight from the table (independent of list filters)."""
    with store.db.read() as session:
        return list(session.execute(select(Record)).scalars())


@pytest.fixture(scope="module")
def full_during_backup(tmp_path_factory: pytest.TempPathFactory) -> Outcome:
    with pytest.MonkeyPatch.context() as patch:
        from desa_app.core import auth

        patch.setattr(auth, "SCRYPT_N", 2**8)
        path = tmp_path_factory.mktemp("cadangan") / "desa.sqlite3"
        village = new_village(path)
        for n in range(5):
            village.store.records.create(village.agent, "ddk",
                                         example_answers(nama_pengisi=f"P{n}"))
        village.db.close()  # one good backup ("tutup") exists before the failure
    before = sha256_file(path)
    script = path.parent / "child.py"
    script.write_text(BACKUP_CHILD, encoding="utf-8")
    result = run_child(script, str(path))
    _, error, files = _parse(result.stdout)
    assert sha256_file(path) == before, "a failed backup changed the database"
    return Outcome(path, {}, error, result.stdout.splitlines(), result.stderr,
                   result.returncode, "", files)


def test_backup_on_a_full_disk_raises_a_store_error(full_during_backup: Outcome) -> None:
    outcome = full_during_backup
    assert outcome.error, outcome.lines
    assert outcome.error[1] == "True", outcome.error
    assert outcome.error[0] == "DiskFull", outcome.error


def test_backup_on_a_full_disk_leaves_no_partial_file(full_during_backup: Outcome) -> None:
    outcome = full_during_backup
    assert outcome.error, outcome.lines
    assert not [name for name in outcome.files if name.endswith(".part")], outcome.files
    assert not list((outcome.path.parent / "backups").glob("*.part"))


def test_failed_backup_harms_neither_database_nor_older_backups(
        full_during_backup: Outcome) -> None:
    outcome = full_during_backup
    assert outcome.returncode == 0, outcome.stderr
    assert outcome.error, "the backup fitted under the limit; lower it"
    backups = B.list_backups(outcome.path)
    assert [b.reason for b in backups] == ["tutup"]  # the failed one is not listed
    B.check_backup(backups[0].path, None)
    assert B.newest_good_backup(outcome.path, None) == backups[0].path
    assert plain_check(outcome.path) == [("ok",)]
    db = open_database(outcome.path)
    try:
        store = VillageStore(db)
        assert len(_all_records(store)) == 5
    finally:
        db.close(backup=False)
