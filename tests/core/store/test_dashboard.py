"""Beranda's figures against plain SQL on the same file.

A demo village of 300 households (fixed seed) gets some history of its own through the
real services (a record verified twice in one week, one returned long ago, one entered in
an earlier week, one deleted) and targets inserted with SQL; every figure the dashboard
gives is then counted again here with ``sqlite3`` and plain Python.
"""

from __future__ import annotations

import json
import sqlite3
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta, timezone
from pathlib import Path
from typing import Any

import pytest

from desa_app.core import auth
from desa_app.core import errors as E
from desa_app.core.demo.build import DEMO_PASSWORD, build_demo_village
from desa_app.core.instrument.registry import get_instrument
from desa_app.core.store.dashboard import (
    BREAKDOWN_QUESTIONS,
    WEEKS,
    Dashboard,
    Population,
    Progress,
    age_on,
    rt_key,
)
from desa_app.core.store.database import open_database
from desa_app.core.store.facade import VillageStore
from desa_app.core.store.users import Actor
from desa_app.core.workflow import Status

from .conftest import Village

TODAY = date(2026, 11, 23)  # a Monday: ISO week 48
NOW = datetime(2026, 11, 23, 8, 0)
LIVE = "deleted = 0 AND kind = 'household'"
DONE = f"{LIVE} AND status IN ('verified', 'entered')"


class StepClock:
    """Moves on by a fixed step at every reading, from a given start."""

    def __init__(self, start: datetime, step: timedelta) -> None:
        self.now = start - step
        self.step = step

    def __call__(self) -> datetime:
        self.now += self.step
        return self.now


@dataclass
class Demo:
    path: Path
    store: VillageStore
    clock: StepClock
    actors: dict[str, Actor]
    twice_verified: str
    deleted: str
    entered_early: str
    returned_early: str


def _first_workable(store: VillageStore, status: str, steps: Any, used: set[str]) -> str:
    """The first record of ``status`` (by id, not in ``used``) for which ``steps`` succeed
    (some demo records carry a planted duplicate NIK, which blocks verification)."""
    with sqlite3.connect(store.db.path) as con:
        ids = [r[0] for r in con.execute(
            f"SELECT id FROM record WHERE {LIVE} AND status = ? ORDER BY id", (status,))]
    for record_id in ids:
        if record_id in used:
            continue
        used.add(record_id)
        try:
            steps(record_id)
        except E.WorkflowError:
            continue
        return record_id
    raise AssertionError(f"no workable {status} record")


@pytest.fixture(scope="module")
def demo_file(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Demo]:
    path = tmp_path_factory.mktemp("dashboard") / "desa.sqlite3"
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(auth, "SCRYPT_N", 2**8)
        # the demo's two chunks of households land in two weeks of October
        build_demo_village(path, 300, seed=7, today=TODAY,
                           clock=StepClock(datetime(2026, 8, 20, 9, 0), timedelta(days=7)))
        clock = StepClock(datetime(2026, 11, 9, 9, 0), timedelta(minutes=5))  # week 46
        store = VillageStore(open_database(path), clock)
        actors = {name: store.users.authenticate(name, DEMO_PASSWORD)
                  for name in ("admin", "tim1", "tim2", "agen1", "kominfo1")}
    records = store.records

    def verify_by_either(record_id: str) -> None:
        try:
            records.verify(actors["tim1"], record_id)
        except E.WorkflowError as problem:
            if "Pemisahan tugas" not in str(problem):
                raise
            records.verify(actors["tim2"], record_id)

    def verify_again(record_id: str) -> None:
        records.return_record(actors["tim1"], record_id, "Periksa lagi pekerjaan")
        records.submit(actors["admin"], record_id)
        verify_by_either(record_id)

    used: set[str] = set()
    # a verified record returned and verified again in week 46: once there, once before
    twice = _first_workable(store, "verified", verify_again, used)
    # one returned in week 46 and still waiting: the oldest returned
    early = _first_workable(
        store, "submitted",
        lambda rid: records.return_record(actors["tim2"], rid, "Tanggal lahir kosong"), used)
    # one entered with a date in week 47
    entered = _first_workable(
        store, "verified", lambda rid: records.mark_entered(actors["admin"], rid,
                                                            date(2026, 11, 18)), used)
    # one verified household deleted: it counts nowhere
    gone = _first_workable(
        store, "verified", lambda rid: records.delete(actors["admin"], rid, "ganda"), used)
    clock.now = datetime(2026, 11, 22, 20, 0)  # Sunday evening UTC: Monday morning in WIB
    _first_workable(store, "submitted", verify_by_either, used)
    store.close(backup=False)

    with sqlite3.connect(path) as con:
        dusun = [r[0] for r in con.execute(
            f"SELECT DISTINCT dusun FROM record WHERE {LIVE} ORDER BY dusun")]
        rts = [r[0] for r in con.execute(
            f"SELECT DISTINCT rt FROM record WHERE {LIVE} AND dusun = ? ORDER BY rt",
            (dusun[1],))]
        con.execute("DELETE FROM target")  # the demo's own targets give way to known ones
        con.executemany("INSERT INTO target (dusun, rt, households) VALUES (?, ?, ?)", [
            (dusun[0], "", 120),  # a whole-dusun target
            (dusun[0], rts[0] if rts else "001", 999),  # ignored for the dusun: it has its own
            (dusun[1], rts[0].lstrip("0"), 40),  # RT targets only ("1" means "001")
            (dusun[1], rts[-1], 35),
            ("Dusun Baru", "", 25),  # no household recorded there yet
        ])
    store = VillageStore(open_database(path), StepClock(NOW, timedelta(0)))
    yield Demo(path, store, clock, actors, twice, gone, entered, early)
    store.close(backup=False)


@pytest.fixture(scope="module")
def progress(demo_file: Demo) -> Progress:
    return Dashboard(demo_file.store.db, lambda: NOW).progress(demo_file.actors["tim1"],
                                                                zone=UTC)


@pytest.fixture(scope="module")
def population(demo_file: Demo) -> Population:
    return Dashboard(demo_file.store.db, lambda: NOW).population(demo_file.actors["kominfo1"],
                                                                  TODAY)


def sql(demo: Demo, query: str, *args: Any) -> list[tuple[Any, ...]]:
    with sqlite3.connect(demo.path) as con:
        return list(con.execute(query, args))


# -- progress --------------------------------------------------------------------------

def test_status_counts_and_total(demo_file: Demo, progress: Progress) -> None:
    expected = dict(sql(demo_file, f"SELECT status, count(*) FROM record WHERE {LIVE} "
                                   "GROUP BY status"))
    assert {s.value: n for s, n in progress.by_status.items() if n} == expected
    assert set(progress.by_status) == set(Status)
    assert progress.total == sum(expected.values()) == 299  # one deleted
    assert progress.today == TODAY


def test_per_dusun_and_rt_against_targets(demo_file: Demo, progress: Progress) -> None:
    recorded = dict(sql(demo_file, f"SELECT coalesce(dusun, ''), count(*) FROM record "
                                   f"WHERE {LIVE} GROUP BY 1"))
    done = dict(sql(demo_file, f"SELECT coalesce(dusun, ''), count(*) FROM record "
                               f"WHERE {DONE} GROUP BY 1"))
    shown = {d.dusun: d for d in progress.dusun}
    assert {name: d.recorded for name, d in shown.items()} == {**recorded, "Dusun Baru": 0}
    assert {name: d.done for name, d in shown.items()} == {**done, "Dusun Baru": 0}
    first, second, *rest = sorted(recorded)
    rts = sql(demo_file, f"SELECT rt, count(*) FROM record WHERE {LIVE} AND dusun = ? "
                         "GROUP BY rt ORDER BY rt", second)
    assert shown[first].target == 120  # its own row wins over its RT rows
    assert shown[second].target == 40 + 35  # only RT targets: their sum
    assert [(r.rt, r.recorded) for r in shown[second].rts] == rts
    assert shown[second].rts[0].target == 40 and shown[second].rts[-1].target == 35
    assert all(r.target is None for r in shown[second].rts[1:-1])
    assert all(shown[name].target is None for name in rest)
    assert shown["Dusun Baru"].target == 25 and shown["Dusun Baru"].rts == ()
    assert progress.target == 120 + 75 + 25
    for dusun in progress.dusun:
        assert dusun.recorded == sum(r.recorded for r in dusun.rts)


def test_returned_waiting_and_the_oldest(demo_file: Demo, progress: Progress) -> None:
    (waiting,), = sql(demo_file, f"SELECT count(*) FROM record WHERE {LIVE} "
                                 "AND status = 'returned'")
    oldest = sql(demo_file, f"""
        SELECT r.id, r.nama_kk, max(a.at) AS since FROM record r
        JOIN audit_event a ON a.entity_id = r.id AND a.action = 'record.return'
        WHERE r.{LIVE.replace(' AND ', ' AND r.')} AND r.status = 'returned'
        GROUP BY r.id ORDER BY since, r.id LIMIT 1""")[0]
    assert progress.returned_waiting == waiting > 1
    found = progress.oldest_returned
    assert found is not None
    assert (found.record_id, found.nama_kk) == oldest[:2]
    assert found.since == datetime.fromisoformat(oldest[2])
    # the demo's returns happened in October; ours in November is not the oldest
    assert found.record_id != demo_file.returned_early


def test_verified_per_week_counts_each_record_once(demo_file: Demo,
                                                   progress: Progress) -> None:
    weekly = dict(sql(demo_file, """
        SELECT date(a.at, '-6 days', 'weekday 1') AS monday, count(DISTINCT a.entity_id)
        FROM audit_event a JOIN record r ON r.id = a.entity_id
        WHERE a.action = 'record.verify' AND r.deleted = 0 AND r.kind = 'household'
        GROUP BY monday"""))
    first = TODAY - timedelta(weeks=WEEKS - 1)
    expected = {(first + timedelta(weeks=n)).isoformat(): 0 for n in range(WEEKS)}
    expected.update({monday: n for monday, n in weekly.items() if monday in expected})
    assert {w.start.isoformat(): w.count for w in progress.verified_weekly} == expected
    assert [w.week for w in progress.verified_weekly] == list(range(48 - WEEKS + 1, 49))
    assert sum(expected.values()) > 3  # the demo's weeks and ours are all in the window
    (twice,), = sql(demo_file, "SELECT count(*) FROM audit_event WHERE action = "
                               "'record.verify' AND entity_id = ?", demo_file.twice_verified)
    assert twice == 2  # verified twice, in week 46 (and before): once per week


def test_weeks_follow_the_readers_zone(demo_file: Demo, progress: Progress) -> None:
    """A verification on Sunday 20:00 UTC is Monday 03:00 in WIB: this week, not last."""
    wib = Dashboard(demo_file.store.db, lambda: NOW).progress(
        demo_file.actors["tim1"], zone=timezone(timedelta(hours=7)))
    assert progress.verified_weekly[-1].count == 0
    assert wib.verified_weekly[-1].count == 1
    assert wib.verified_weekly[-2].count == progress.verified_weekly[-2].count - 1


def test_entered_count_and_weeks(demo_file: Demo, progress: Progress) -> None:
    (entered,), = sql(demo_file, f"SELECT count(*) FROM record WHERE {LIVE} "
                                 "AND status = 'entered'")
    weekly = dict(sql(demo_file, f"""
        SELECT date(entered_on, '-6 days', 'weekday 1') AS monday, count(*) FROM record
        WHERE {LIVE} AND status = 'entered' GROUP BY monday"""))
    assert progress.entered == entered
    shown = {w.start.isoformat(): w.count for w in progress.entered_weekly if w.count}
    assert shown == weekly == {"2026-11-16": 1, "2026-11-23": entered - 1}


# -- population ------------------------------------------------------------------------

def test_penduduk_kk_and_pyramid(demo_file: Demo, population: Population) -> None:
    (kk,), = sql(demo_file, f"SELECT count(*) FROM record WHERE {DONE}")
    on = TODAY.isoformat()
    cells = sql(demo_file, f"""
        SELECT min((CAST(substr(:on, 1, 4) AS INT) - CAST(substr(birth_date, 1, 4) AS INT)
                    - (substr(:on, 6, 5) < substr(birth_date, 6, 5))) / 5, 15) AS grp,
               sex, count(*)
        FROM person p JOIN record r ON r.id = p.record_id
        WHERE r.{DONE.replace(' AND ', ' AND r.')} GROUP BY grp, sex""".replace(":on", "?"),
        on, on)
    expected = Counter({(group, sex): n for group, sex, n in cells})
    assert population.kk == kk > 100
    assert population.penduduk == sum(expected.values())
    assert population.on == TODAY
    assert [g.label for g in population.pyramid][:2] == ["0–4", "5–9"]
    assert population.pyramid[-1].label == "75+" and len(population.pyramid) == 16
    for n, group in enumerate(population.pyramid):
        assert (group.male, group.female) == (expected[(n, "1")], expected[(n, "2")])
    assert population.male == sum(n for (_, sex), n in expected.items() if sex == "1")
    assert population.age_unknown == population.sex_unknown == 0
    (members,), = sql(demo_file, f"SELECT sum(member_count) FROM record WHERE {DONE}")
    assert population.penduduk == members


def test_pendidikan_and_pekerjaan_from_the_answers(demo_file: Demo,
                                                  population: Population) -> None:
    counted = {question: Counter[str]() for question in BREAKDOWN_QUESTIONS}
    for (answers,) in sql(demo_file, f"SELECT answers FROM record WHERE {DONE}"):
        for member in json.loads(answers)["anggota"]:
            for question, counter in counted.items():
                counter[member.get(question) or ""] += 1
    ddk = get_instrument("ddk")
    for question, counter in counted.items():
        breakdown = population.breakdowns[question]
        assert breakdown.unanswered == counter.pop("", 0)
        assert {i.code: i.count for i in breakdown.items} == counter
        counts = [i.count for i in breakdown.items]
        assert counts == sorted(counts, reverse=True)
        labels = ddk.choices_of(ddk.field(question))
        assert labels is not None
        assert all(i.label == labels.label(i.code) for i in breakdown.items)
        assert ddk.field(question).relevant is None  # raw answers are the shown ones
    assert population.pendidikan.items[0].label.startswith(("Tamat", "Sedang", "Belum"))


def test_unknown_birth_dates_and_sex_are_counted_apart(demo_file: Demo,
                                                      tmp_path: Path) -> None:
    path = tmp_path / "copy.sqlite3"
    with sqlite3.connect(demo_file.path) as source, sqlite3.connect(path) as copy:
        source.backup(copy)  # the file alone may lack what is still in its WAL
    with sqlite3.connect(path) as con:
        ids = [r[0] for r in con.execute(
            "SELECT p.id FROM person p JOIN record r ON r.id = p.record_id "
            "WHERE r.status = 'verified' AND r.deleted = 0 ORDER BY p.id LIMIT 4")]
        con.execute("UPDATE person SET birth_date = NULL WHERE id = ?", (ids[0],))
        con.execute("UPDATE person SET birth_date = '2030-01-01' WHERE id = ?", (ids[1],))
        con.execute("UPDATE person SET birth_date = '1990-02-30' WHERE id = ?", (ids[2],))
        con.execute("UPDATE person SET sex = NULL, birth_date = '1990-02-03' WHERE id = ?",
                    (ids[3],))
    store = VillageStore(open_database(path))
    try:
        changed = Dashboard(store.db).population(demo_file.actors["tim1"], TODAY)
    finally:
        store.close(backup=False)
    before = Dashboard(demo_file.store.db).population(demo_file.actors["tim1"], TODAY)
    assert (changed.age_unknown, changed.sex_unknown) == (3, 1)
    in_pyramid = sum(g.male + g.female for g in changed.pyramid)
    assert in_pyramid + changed.age_unknown + changed.sex_unknown == changed.penduduk
    assert changed.penduduk == before.penduduk


def test_age_is_completed_years() -> None:
    assert age_on("2000-11-23", TODAY) == 26
    assert age_on("2000-11-24", TODAY) == 25
    assert age_on("2024-02-29", date(2025, 2, 28)) == 0
    assert age_on("2024-02-29", date(2025, 3, 1)) == 1
    assert age_on("", TODAY) is None and age_on("23-11-2000", TODAY) is None
    assert age_on("2026-11-24", TODAY) is None
    assert [rt_key(r) for r in ("1", "01", "001", " 12 ", "", None, "2A")] == [
        "001", "001", "001", "012", "", "", "2A"]


# -- small village: permissions, empty figures, verified twice ------------------------

def test_every_role_may_read_and_an_empty_village_has_zeros(village: Village) -> None:
    dashboard = Dashboard(village.store.db, lambda: NOW)
    for actor in (village.admin, village.enumerator, village.verifier, village.pembina,
                  village.viewer):
        progress = dashboard.progress(actor)
        assert progress.total == 0 and progress.dusun == () and progress.target is None
        assert progress.oldest_returned is None
        assert len(progress.verified_weekly) == WEEKS
        population = dashboard.population(actor, TODAY)
        assert population.kk == population.penduduk == 0
        assert population.pendidikan.items == () and population.pekerjaan.items == ()
    village.store.users.set_active(village.admin, "kominfo1", False)
    with pytest.raises(E.PermissionDenied):
        dashboard.progress(village.viewer)
    with pytest.raises(E.PermissionDenied):
        dashboard.population(village.viewer, TODAY)


def test_verified_twice_in_a_week_counts_once_and_in_two_weeks_twice(
        village: Village) -> None:
    records = village.store.records
    record = records.create(village.enumerator, "ddk", village.other_household())
    records.submit(village.enumerator, record.id)
    records.verify(village.verifier, record.id)
    records.return_record(village.verifier, record.id, "Cek lagi")
    records.submit(village.enumerator, record.id)
    records.verify(village.verifier2, record.id)
    dashboard = Dashboard(village.store.db, lambda: village.clock.now)
    assert dashboard.progress(village.admin, zone=UTC).verified_weekly[-1].count == 1
    village.clock.advance(days=7)
    records.return_record(village.verifier, record.id, "Sekali lagi")
    records.submit(village.enumerator, record.id)
    records.verify(village.verifier2, record.id)
    weeks = dashboard.progress(village.admin, zone=UTC).verified_weekly
    assert [w.count for w in weeks[-2:]] == [1, 1]
    population = dashboard.population(village.viewer, TODAY)
    assert population.kk == 1 and population.penduduk == len(
        village.household()["anggota"])
