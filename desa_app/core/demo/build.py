"""A demo village database: the generated households saved with users, workflow history,
notes and a consistent audit chain (``desa-app demo``).

Every household is checked with the real questionnaire engine so the list shows true
error and warning counts: the store's ``bulk.prepare`` derives them, spread over the
machine's cores; the saving happens in one process with the bulk writer.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from desa_app.core.clock import Clock, utcnow
from desa_app.core.demo.generator import generate_village, village_dusun_names
from desa_app.core.demo.model import DemoHousehold
from desa_app.core.demo.profil import seed_profil
from desa_app.core.demo.programme import seed_programme
from desa_app.core.instrument.environment import Environment
from desa_app.core.instrument.model import Instrument
from desa_app.core.instrument.registry import get_instrument
from desa_app.core.store.bulk import (
    BulkNote,
    BulkRecord,
    BulkStep,
    PreparedRecord,
    prepare,
    write_records,
)
from desa_app.core.store.database import Database
from desa_app.core.store.facade import VillageStore
from desa_app.core.store.users import Actor, insert_user
from desa_app.core.store.village import init_village, village_names
from desa_app.core.workflow import Role

DEMO_PASSWORD = "desa12345"
TEAM = (
    ("admin", "Wahyuni (Operator Desa)", "admin"),
    ("agen1", "Siti Rahmawati", "enumerator"),
    ("agen2", "Agus Prasetyo", "enumerator"),
    ("agen3", "Dewi Lestari", "enumerator"),
    ("tim1", "Bambang Sutrisno", "verifier"),
    ("tim2", "Sri Wahyuningsih", "verifier"),
    ("bps1", "Pembina BPS Kabupaten", "pembina"),
    ("kominfo1", "Diskominfo Kabupaten", "viewer"),
)
CHUNK = 250


@dataclass(frozen=True)
class DemoResult:
    path: Path
    households: int
    people: int
    errors: int
    warnings: int


def _prepare(args: tuple[list[BulkRecord], dict[str, str], date]) -> list[PreparedRecord]:
    """The store's facts of each household as of ``today`` (runs in a worker process)."""
    items, village, today = args
    return prepare(get_instrument("ddk"), items, Environment(today=today, village=village))


def _chunks(items: Iterator[DemoHousehold], size: int) -> Iterator[list[DemoHousehold]]:
    chunk: list[DemoHousehold] = []
    for item in items:
        chunk.append(item)
        if len(chunk) == size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def _steps(status: str, creator: int, verifier: int, admin: int) -> tuple[BulkStep, ...]:
    steps = []
    if status != "draft":
        steps.append(BulkStep("submit", creator, "submitted"))
    if status == "returned":
        steps.append(BulkStep("return", verifier, "returned"))
    if status in ("verified", "entered"):
        steps.append(BulkStep("verify", verifier, "verified"))
    if status == "entered":
        steps.append(BulkStep("mark_entered", admin, "entered"))
    return tuple(steps)


def build_demo_village(
    path: Path, households: int = 2000, seed: int = 1, *,
    village_code: str = "35.01.01.2001", passphrase: str | None = None,
    today: date | None = None, clock: Clock = utcnow,
    progress: Callable[[int, int], None] | None = None, workers: int | None = None,
) -> DemoResult:
    today = today or date.today()
    village = village_names(village_code)
    admin_name, admin_display, _ = TEAM[0]
    database = init_village(path, village["code"], admin_name, admin_display, DEMO_PASSWORD,
                            passphrase, clock)
    try:
        ids: dict[str, int] = {}
        with database.write() as session:
            for username, display, role in TEAM[1:]:
                user = insert_user(session, username=username, display_name=display,
                                   role=role, password=DEMO_PASSWORD, at=clock(), by=1)
                ids[username] = user.id
        ids["admin"] = 1
        team = _Team([ids["agen1"], ids["agen2"], ids["agen3"]], [ids["tim1"], ids["tim2"]],
                     ids["admin"])
        instrument = get_instrument("ddk")
        chunks = _chunks(generate_village(village["code"], households, seed, today=today),
                         CHUNK)
        workers = workers or max(1, min(4, os.cpu_count() or 1))
        totals = (0, 0, 0, 0)
        queued = 0
        with ProcessPoolExecutor(max_workers=workers) as pool:
            # Check a few chunks ahead in the workers while this process saves.
            pending: list[Future[list[PreparedRecord]]] = []
            for chunk in chunks:
                job = (_items(chunk, queued, team, today), village, today)
                queued += len(chunk)
                pending.append(pool.submit(_prepare, job))
                while len(pending) > workers or (pending and pending[0].done()):
                    totals = _save(database, instrument, pending.pop(0).result(), clock,
                                   totals)
                    if progress:
                        progress(totals[0], households)
            for future in pending:
                totals = _save(database, instrument, future.result(), clock, totals)
                if progress:
                    progress(totals[0], households)
        store = VillageStore(database, clock)
        store.set_dusun_names(_actor(ids["admin"], 0),
                              village_dusun_names(village["code"], seed))
        seed_programme(store, _actor(ids["admin"], 0), _actor(ids["bps1"], 6),
                       min(today, clock().date()))
        seed_profil(store, _actor(ids["agen1"], 1), _actor(ids["tim1"], 4), today)
    except BaseException:
        database.close(backup=False)
        path.unlink(missing_ok=True)
        for extra in ("-wal", "-shm"):
            path.with_name(path.name + extra).unlink(missing_ok=True)
        raise
    database.refresh_statistics(full=True)
    database.close(backup=False)
    return DemoResult(path, *totals)


def _actor(user_id: int, team_index: int) -> Actor:
    username, display, role = TEAM[team_index]
    return Actor(user_id, username, display, Role(role))


@dataclass(frozen=True)
class _Team:
    enumerators: list[int]
    verifiers: list[int]
    admin: int


def _items(chunk: list[DemoHousehold], first: int, team: _Team,
           today: date) -> list[BulkRecord]:
    """The households of one chunk with their makers, workflow steps and notes."""
    items = []
    for offset, household in enumerate(chunk):
        index = first + offset
        creator = team.enumerators[index % len(team.enumerators)]
        verifier = team.verifiers[index % len(team.verifiers)]
        notes = tuple(
            BulkNote(verifier, note.text, note.field_path, verifier if note.resolved else None)
            for note in household.notes
        )
        items.append(BulkRecord(
            answers=household.answers, created_by=creator,
            steps=_steps(household.status, creator, verifier, team.admin),
            notes=notes, entered_on=today if household.status == "entered" else None,
        ))
    return items


def _save(database: Database, instrument: Instrument, prepared: list[PreparedRecord],
          clock: Clock, totals: tuple[int, int, int, int]) -> tuple[int, int, int, int]:
    """Save one prepared chunk in its own transaction; returns the running totals."""
    done, people, errors, warnings = totals
    for record in prepared:
        people += record.facts.keys.member_count
        errors += record.facts.errors
        warnings += record.facts.warnings
    with database.write() as session:
        write_records(session, instrument, prepared, clock())
    return done + len(prepared), people, errors, warnings
