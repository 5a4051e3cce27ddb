"""Shared set-up for the durability tests (no mocks: real files and processes)."""

from __future__ import annotations

import copy
import hashlib
import json
import os
import sqlite3
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from desa_app.core.store.database import Database
from desa_app.core.store.facade import VillageStore
from desa_app.core.store.users import Actor
from desa_app.core.store.village import init_village

REPO_ROOT = Path(__file__).resolve().parents[4]
EXAMPLE_FILE = REPO_ROOT / "forms" / "examples" / "ddk_contoh.json"
EXAMPLE: dict[str, Any] = json.loads(EXAMPLE_FILE.read_text("utf-8"))
VILLAGE_CODE = "35.01.01.2001"
ADMIN_PASSWORD = "rahasia123"
AGENT, AGENT_PASSWORD = "agen1", "agenpass1"


def example_answers(**changes: Any) -> dict[str, Any]:
    answers = copy.deepcopy(EXAMPLE)
    answers.update(changes)
    return answers


def fingerprint(answers: Any) -> str:
    """sha256 of canonical JSON, computed here without desa_app (an independent check)."""
    text = json.dumps(answers, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


EMPTY = hashlib.sha256(b"").hexdigest()


def sha256_file(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def snapshot(directory: Path) -> dict[str, str]:
    """Every file below ``directory`` with the sha256 of its bytes."""
    return {str(p.relative_to(directory)): sha256_file(p)
            for p in sorted(directory.rglob("*")) if p.is_file()}


def assert_untouched(directory: Path, before: dict[str, str]) -> None:
    """The files that were there are byte-identical and nothing new holds data (an
    empty ``-wal`` and a ``-shm`` index left by SQLite's open attempt carry none)."""
    after = snapshot(directory)
    for name, digest in before.items():
        if name.endswith("-shm") or (name.endswith("-wal") and digest == EMPTY):
            continue  # SQLite's index and an empty WAL hold no data; SQLite may drop them
        assert after.get(name) == digest, f"{name} was changed or removed"
    for name in set(after) - set(before):
        path = directory / name
        harmless = name.endswith("-shm") or (name.endswith("-wal") and path.stat().st_size == 0)
        assert harmless, f"new file {name} ({path.stat().st_size} bytes) left behind"


def plain_check(path: Path) -> list[tuple[Any, ...]]:
    """``PRAGMA integrity_check`` through the standard library alone."""
    connection = sqlite3.connect(path)
    try:
        return connection.execute("PRAGMA integrity_check").fetchall()
    finally:
        connection.close()


@dataclass
class Village:
    path: Path
    db: Database
    store: VillageStore
    admin: Actor
    agent: Actor


def new_village(path: Path, passphrase: str | None = None) -> Village:
    db = init_village(path, VILLAGE_CODE, "admin", "Operator", ADMIN_PASSWORD, passphrase)
    store = VillageStore(db)
    admin = store.users.authenticate("admin", ADMIN_PASSWORD)
    store.users.add(admin, AGENT, "Agen Pendata", "enumerator", AGENT_PASSWORD)
    agent = store.users.authenticate(AGENT, AGENT_PASSWORD)
    return Village(path, db, store, admin, agent)


def child_env() -> dict[str, str]:
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(
        [str(REPO_ROOT), *filter(None, [env.get("PYTHONPATH")])])
    env["PYTHONDONTWRITEBYTECODE"] = "1"  # the child must write nothing but the database
    env["PYTHONUNBUFFERED"] = "1"
    return env


def run_child(script: Path, *args: str, timeout: float = 120) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, str(script), *args], capture_output=True,
                          text=True, env=child_env(), timeout=timeout, check=False)
