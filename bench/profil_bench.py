""""Hitung dari DDK" benchmark on a 10,000-household demo village.

Prints the median time to count every ``from_ddk`` figure of Potensi and of
Perkembangan over the verified households (reading them through the export source, as
the screen does), with its ratio to a floor measured in the same run on the same file:
reading the same export values with bare ``sqlite3`` + ``json.loads`` and touching every
person once (what any count must at least cost).

No target was set by the issue; the screen runs the count in the background.
``.venv/bin/python bench/profil_bench.py [N]``.
"""

from __future__ import annotations

import json
import sqlite3
import sys
import tempfile
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from timing import median_ms  # noqa: E402

from desa_app.core.demo.build import DEMO_PASSWORD, build_demo_village  # noqa: E402
from desa_app.core.instrument.registry import get_instrument  # noqa: E402
from desa_app.core.profil.figures import figure_fields  # noqa: E402
from desa_app.core.profil.service import Profil  # noqa: E402
from desa_app.core.store.database import open_database  # noqa: E402
from desa_app.core.store.facade import VillageStore  # noqa: E402

TODAY = date(2026, 11, 23)


def floor(path: Path) -> int:
    """Read every verified household's export values and walk its people once."""
    people = 0
    with sqlite3.connect(path) as con:
        for (text,) in con.execute(
                "SELECT export_answers FROM record WHERE deleted = 0 AND kind = 'household' "
                "AND status IN ('verified', 'entered')"):
            for person in json.loads(text).get("anggota", []):
                people += bool(person.get("jenis_kelamin"))
    return people


def main() -> int:
    households = int(sys.argv[1]) if len(sys.argv) > 1 else 10_000
    path = Path(tempfile.mkdtemp(prefix="desa-bench-")) / "demo.sqlite3"
    build_demo_village(path, households, seed=7, today=TODAY)
    store = VillageStore(open_database(path))
    actor = store.users.authenticate("agen1", DEMO_PASSWORD)
    profil = Profil(store)
    floor_ms = median_ms(lambda: floor(path), 5)
    figures = profil.ddk_figures(actor, get_instrument("potensi"), 2026, today=TODAY)
    print(f"{households} households, {figures.households} verified, {figures.people} people;"
          f" floor (bare read + one pass over people): {floor_ms:.0f} ms")
    for form_id in ("potensi", "perkembangan"):
        form = get_instrument(form_id)
        count = len(figure_fields(form))
        ms = median_ms(lambda form=form: profil.ddk_figures(actor, form, 2026, today=TODAY),
                       5)
        print(f"  {form_id:13} {count:5} figures: {ms:7.0f} ms  ({ms / floor_ms:.1f}x floor)")
    store.close(backup=False)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
