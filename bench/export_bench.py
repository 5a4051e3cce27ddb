"""Export benchmark on a 10,000-household demo village (issue 6).

Prints, each against a floor measured in the same run:

- the Prodeskel workbook export (read the records, plan the columns, codes and labels,
  Rekap, styles, atomic write) vs. raw openpyxl write-only writing exactly the same cell
  values into the same sheets (target ratio <= 1.3);
- the peak memory (RSS) of the process doing the export vs. the same process that only
  imported the app (target <= 300 MB);
- the Laporan Kegiatan PDF (target <= 10 s);
- the whole signed package (workbook, PDFs, metadata, manifest, signature).

Each measurement runs in a fresh child process so peak memory belongs to that step.
``.venv/bin/python bench/export_bench.py [--db FILE] [N]`` (without ``--db`` a demo
village of N households, default 10,000, is generated first).
"""

from __future__ import annotations

import argparse
import json
import pickle
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

TARGETS = {"ratio": 1.3, "memory_mb": 300.0, "laporan_s": 10.0}


def _peak_mb() -> float:
    # ru_maxrss is KiB on Linux
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _source(db: Path) -> Any:
    from desa_app.core.demo.build import DEMO_PASSWORD
    from desa_app.core.store.database import open_database
    from desa_app.core.store.export_source import ExportSource
    from desa_app.core.store.facade import VillageStore

    store = VillageStore(open_database(db))
    return ExportSource(store, store.users.authenticate("admin", DEMO_PASSWORD))


def child(step: str, db: Path, out: Path) -> dict[str, float]:
    """One measured step in this (fresh) process; returns seconds and peak MB."""
    from desa_app.core.exports import workbook

    if step == "imports":
        return {"seconds": 0.0, "peak_mb": _peak_mb()}
    source = _source(db)
    start = time.perf_counter()
    if step == "workbook":
        workbook.write_workbook(source, out)
    elif step == "capture":
        rows: dict[str, list[list[Any]]] = {}
        original = workbook._Sheet.append

        def capture(self: Any, values: list[Any]) -> None:
            rows.setdefault(self.plan.title, []).append(list(values))
            original(self, values)

        workbook._Sheet.append = capture  # type: ignore[method-assign]
        workbook.write_workbook(source, out)
        with open(out.parent / "captured.rows", "wb") as handle:
            pickle.dump(rows, handle)
    elif step == "raw":
        with open(out.parent / "captured.rows", "rb") as handle:
            rows = pickle.load(handle)
        start = time.perf_counter()
        _raw_write(rows, out)
    elif step == "laporan":
        from desa_app.core.exports.pdf import write_laporan

        write_laporan(source, out)
    elif step == "package":
        from desa_app.core.exports.package import build_package, standard_parts

        build_package(source, out, standard_parts(source))
    return {"seconds": time.perf_counter() - start, "peak_mb": _peak_mb()}


def _raw_write(rows: dict[str, list[list[Any]]], out: Path) -> None:
    from openpyxl import Workbook

    book = Workbook(write_only=True)
    for title, values in rows.items():
        sheet = book.create_sheet(title)
        for row in values:
            sheet.append(row)
    book.save(out)


def run(step: str, db: Path, out: Path) -> dict[str, float]:
    result = subprocess.run(
        [sys.executable, __file__, "--child", step, "--db", str(db), "--out", str(out)],
        capture_output=True, text=True, check=False)
    if result.returncode != 0:
        raise SystemExit(f"{step} failed:\n{result.stderr[-3000:]}")
    figures: dict[str, float] = json.loads(result.stdout.strip().splitlines()[-1])
    return figures


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("households", nargs="?", type=int, default=10_000)
    parser.add_argument("--db", type=Path)
    parser.add_argument("--child")
    parser.add_argument("--out", type=Path)
    args = parser.parse_args()
    if args.child:
        print(json.dumps(child(args.child, args.db, args.out)))
        return 0
    work = Path(tempfile.mkdtemp(prefix="desa-export-bench-"))
    db = args.db
    if db is None:
        from desa_app.core.demo.build import build_demo_village

        db = work / "demo.sqlite3"
        print(f"membuat desa contoh {args.households} keluarga ...", flush=True)
        build_demo_village(db, args.households, seed=7)
    failures = 0
    base = run("imports", db, work / "none")
    run("capture", db, work / "capture.xlsx")
    raw = min(run("raw", db, work / "raw.xlsx")["seconds"] for _ in range(2))
    exports = [run("workbook", db, work / "ddk.xlsx") for _ in range(2)]
    best = min(e["seconds"] for e in exports)
    ratio = best / raw
    peak = max(e["peak_mb"] for e in exports)
    print(f"workbook export      {best:7.2f} s   raw openpyxl {raw:6.2f} s   "
          f"ratio {ratio:.2f} (target <= {TARGETS['ratio']})")
    print(f"export peak memory   {peak:7.0f} MB  app imports alone {base['peak_mb']:.0f} MB   "
          f"ratio {peak / base['peak_mb']:.1f} (target <= {TARGETS['memory_mb']:.0f} MB)")
    failures += ratio > TARGETS["ratio"] or peak > TARGETS["memory_mb"]
    size = (work / "ddk.xlsx").stat().st_size / 2**20
    print(f"workbook size        {size:7.1f} MB")
    for step, label, target in (("laporan", "Laporan PDF", TARGETS["laporan_s"]),
                                ("package", "whole package", None)):
        figures = run(step, db, work / (step + (".pdf" if step == "laporan" else ".zip")))
        goal = f"(target <= {target:.0f} s)" if target else ""
        print(f"{label:<20} {figures['seconds']:7.2f} s   ratio to workbook "
              f"{figures['seconds'] / best:.1f}   peak {figures['peak_mb']:.0f} MB {goal}")
        failures += bool(target and figures["seconds"] > target)
    return 1 if failures else 0


if __name__ == "__main__":
    raise SystemExit(main())
