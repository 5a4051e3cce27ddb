"""Village database benchmark on a 10,000-household demo village.

Prints median figures, each with its ratio to a floor measured in the same run on the
same file with bare ``sqlite3`` (what the same rows cost without SQLAlchemy, the service
layer, the audit chain and the permission checks):

- demo generation (10,000 households, checked with the engine, saved), vs. generating
  the answers alone;
- save one household with 6 members (the store evaluates it: issue counts, export
  values, key fields; new revision, person index, audit event), vs. one INSERT of the
  same JSON with a commit;
- load one household, vs. SELECT + json.loads;
- name search and NIK prefix search, vs. the same FTS / range query;
- one page of 100 households with a status filter, vs. the same SELECT.

Targets (issue 3): save <= 5 ms, load <= 3 ms, search <= 20 ms, page <= 20 ms,
generating 10,000 households <= 60 s. ``.venv/bin/python bench/store_bench.py [N]``.
"""

from __future__ import annotations

import copy
import json
import sqlite3
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from timing import median_ms  # noqa: E402

from desa_app.core.demo.build import DEMO_PASSWORD, build_demo_village  # noqa: E402
from desa_app.core.demo.generator import generate_village  # noqa: E402
from desa_app.core.store.database import open_database  # noqa: E402
from desa_app.core.store.facade import VillageStore  # noqa: E402
from desa_app.core.workflow import Status  # noqa: E402

TARGETS = {"demo": 60_000.0, "save": 5.0, "load": 3.0, "search_name": 20.0,
           "search_nik": 20.0, "page": 20.0}


def main() -> int:
    households = int(sys.argv[1]) if len(sys.argv) > 1 else 10_000
    today = date(2026, 11, 23)
    work = Path(tempfile.mkdtemp(prefix="desa-bench-"))
    path = work / "demo.sqlite3"
    results: dict[str, tuple[float, float]] = {}

    start = time.perf_counter()
    build_demo_village(path, households, seed=7, today=today)
    demo_ms = (time.perf_counter() - start) * 1000
    start = time.perf_counter()
    for _ in generate_village("35.01.01.2001", households, 7, today=today):
        pass
    results["demo"] = (demo_ms, (time.perf_counter() - start) * 1000)

    store = VillageStore(open_database(path))
    agen = store.users.authenticate("agen1", DEMO_PASSWORD)
    page = store.queries.page(agen, status=Status.DRAFT, limit=200)
    drafts = [row for row in page.rows if row.member_count == 6] or page.rows
    record = store.records.load(agen, drafts[0].id)
    answers = copy.deepcopy(record.answers)
    counter = iter(range(10_000))

    def save() -> None:
        answers["alamat"] = f"Dusun Krajan No. {next(counter)}"
        store.records.save(agen, record.id, answers, "ubah alamat")

    raw = sqlite3.connect(path, isolation_level=None)
    raw.execute("PRAGMA synchronous = FULL")
    raw.execute("CREATE TABLE IF NOT EXISTS bench_floor (id INTEGER PRIMARY KEY, answers TEXT)")
    text = json.dumps(answers)

    def floor_save() -> None:
        raw.execute("BEGIN IMMEDIATE")
        raw.execute("INSERT INTO bench_floor (answers) VALUES (?)", (text,))
        raw.execute("COMMIT")

    results["save"] = (median_ms(save, 101), median_ms(floor_save, 101))
    ids = [row.id for row in page.rows[:50]]
    cycle = iter(ids * 10)
    cycle_floor = iter(ids * 10)
    results["load"] = (
        median_ms(lambda: store.records.load(agen, next(cycle)), 101),
        median_ms(lambda: json.loads(raw.execute(
            "SELECT answers FROM record WHERE id = ?", (next(cycle_floor),)).fetchone()[0]), 101),
    )
    names = iter(["sit", "budi", "ahmad sur", "dewi", "agus", "sri wah", "yanti", "eko"] * 20)
    names_floor = iter(["sit", "budi", "ahmad sur", "dewi", "agus", "sri wah", "yanti",
                        "eko"] * 20)
    results["search_name"] = (
        median_ms(lambda: store.queries.search_people(agen, next(names)), 41),
        median_ms(lambda: raw.execute(
            "SELECT p.* FROM person_fts f JOIN person p ON p.id = f.rowid "
            "WHERE person_fts MATCH ? ORDER BY rank LIMIT 50",
            (" ".join(f'"{w}"*' for w in next(names_floor).split()),)).fetchall(), 41),
    )
    prefixes = iter(["350101", "3501014", "35010141", "3501010"] * 20)
    prefixes_floor = iter(["350101", "3501014", "35010141", "3501010"] * 20)

    def nik_floor() -> object:
        prefix = next(prefixes_floor)
        upper = prefix[:-1] + chr(ord(prefix[-1]) + 1)
        return raw.execute("SELECT * FROM person WHERE nik >= ? AND nik < ? ORDER BY nik "
                           "LIMIT 50", (prefix, upper)).fetchall()

    results["search_nik"] = (
        median_ms(lambda: store.queries.search_people(agen, next(prefixes)), 41),
        median_ms(nik_floor, 41),
    )
    offsets = iter(range(0, 100_000, 100))
    offsets_floor = iter(range(0, 100_000, 100))
    results["page"] = (
        median_ms(lambda: store.queries.page(agen, status=Status.VERIFIED,
                                             offset=next(offsets) % 3000), 31),
        median_ms(lambda: raw.execute(
            "SELECT id, status, no_kk, nama_kk, dusun, rt, rw, member_count FROM record "
            "WHERE deleted = 0 AND status = 'verified' ORDER BY nama_kk, id LIMIT 100 OFFSET ?",
            (next(offsets_floor) % 3000,)).fetchall(), 31),
    )
    raw.execute("DROP TABLE bench_floor")
    raw.close()
    store.close(backup=False)

    labels = {"demo": f"generate {households} households", "save": "save household (6)",
              "load": "load household", "search_name": "name search",
              "search_nik": "NIK prefix search", "page": "page of 100, status filter"}
    over = False
    for key, (figure, floor) in results.items():
        ok = figure <= TARGETS[key] * (households / 10_000 if key == "demo" else 1)
        over |= not ok
        unit = "s " if key == "demo" else "ms"
        scale = 1000 if key == "demo" else 1
        print(f"{labels[key]:<30} {figure / scale:9.2f} {unit} (floor {floor / scale:8.3f} "
              f"{unit}, ratio {figure / max(floor, 1e-6):6.1f}x)  target <= "
              f"{TARGETS[key] / scale:g} {unit} {'OK' if ok else 'OVER'}")
    print(f"database: {path} ({path.stat().st_size / 1e6:.1f} MB)")
    return 1 if over else 0


if __name__ == "__main__":
    sys.exit(main())
