"""Questionnaire engine benchmark: load the DDK, evaluate a household, recompute one change.

Each figure is the median of several runs, printed with its ratio to a floor measured in
the same run on the same machine, so the numbers mean something on a noisy laptop:

- load: ``forms/ddk.yaml`` through the strict loader, vs. parsing the same YAML text
  with libyaml alone (no checks, no model);
- full evaluation of a household with 8 members, vs. one pass that merely visits every
  (question, instance) cell once;
- recompute after changing one member's birth date, vs. setting an answer that nothing
  depends on (the fixed cost of one edit).

Targets (issue 2): load <= 150 ms, full evaluation <= 20 ms, one change <= 2 ms.
Run: ``make bench`` or ``.venv/bin/python bench/engine_bench.py``.
"""

from __future__ import annotations

import sys
from datetime import date
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from timing import median_ms  # noqa: E402

from desa_app.core.identity import get_registry  # noqa: E402
from desa_app.core.instrument.loader import load_instrument  # noqa: E402
from desa_app.core.instrument.state import Environment, FormState  # noqa: E402

FORM = ROOT / "forms" / "ddk.yaml"
TARGETS_MS = {"load": 150.0, "full": 20.0, "change": 2.0}


def household() -> dict[str, object]:
    """A plausible 8-member household (valid NIKs from kecamatan 35.01.01)."""
    people = [
        ("Suparman", "1", "1", "1975-03-12"), ("Sumiati", "2", "3", "1978-07-01"),
        ("Andi", "1", "4", "2000-01-20"), ("Rina", "2", "4", "2003-11-05"),
        ("Dodi", "1", "4", "2010-06-30"), ("Sri", "2", "4", "2016-02-14"),
        ("Mbah Karto", "1", "6", "1950-09-09"), ("Bayu", "1", "18", "2024-04-04"),
    ]
    members = []
    for i, (name, sex, relation, born) in enumerate(people):
        year, month, day = born.split("-")
        day_field = int(day) + (40 if sex == "2" else 0)
        nik = f"350101{day_field:02d}{month}{year[2:]}{i + 1:04d}"
        members.append({
            "no_urut": i + 1, "nik": nik, "nama": name, "jenis_kelamin": sex,
            "hubungan": relation, "tgl_lahir": born, "tempat_lahir": "Pacitan",
            "status_kawin": "1" if relation in ("1", "3", "6") else "0", "agama": "1",
            "kewarganegaraan": "1", "pendidikan": "5", "pekerjaan": "1",
        })
    return {"no_kk": "3501011502150003", "nama_kk": "Suparman", "kode_desa": "35.01.01.2001",
            "bulan": 11, "tahun": 2026, "anggota": members}


def main() -> int:
    get_registry()  # region codes are loaded once per process, like in the app
    text = FORM.read_text(encoding="utf-8")
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    results = {}
    load_floor = median_ms(lambda: yaml.load(text, Loader=loader), 7)
    results["load"] = (median_ms(lambda: load_instrument(FORM), 7), load_floor)

    instrument = load_instrument(FORM)
    env = Environment(today=date(2026, 11, 23), village={"code": "35.01.01.2001"})
    state = FormState(instrument, household(), env)
    cells = [(plan.name, key) for plan in instrument.plan.order for key in state.keys_of(plan)]

    def visit_every_cell() -> None:
        raw = state.raw
        seen = {}
        for cell in cells:
            seen[cell] = raw.get(cell)

    results["full"] = (median_ms(state.recompute_all, 21), median_ms(visit_every_cell, 21))

    births = iter(f"19{80 + i % 15}-0{1 + i % 9}-1{i % 9}" for i in range(10_000))
    results["change"] = (
        median_ms(lambda: state.set("tgl_lahir", next(births), (3,)), 201),
        median_ms(lambda: state.set("tempat_lahir", next(births), (3,)), 201),
    )

    names = {"load": "load forms/ddk.yaml", "full": "full evaluation, 8 members",
             "change": "recompute after one birth date"}
    print(f"DDK: {sum(1 for f in instrument.fields() if f.has_value)} questions, "
          f"{len(cells)} cells for 8 members")
    failed = False
    for key, (figure, floor) in results.items():
        ok = figure <= TARGETS_MS[key]
        failed |= not ok
        print(f"{names[key]:<34} {figure:8.2f} ms  (floor {floor:7.3f} ms, ratio "
              f"{figure / floor:6.1f}x)  target <= {TARGETS_MS[key]:g} ms  "
              f"{'OK' if ok else 'OVER'}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
