"""The demo village comes with Desa Cantik and pembina data, as a village a few weeks into
the programme would have: the screens show real content on first start."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from itertools import pairwise
from pathlib import Path

import pytest

from desa_app.core import auth
from desa_app.core.demo.build import DEMO_PASSWORD, build_demo_village
from desa_app.core.demo.generator import village_dusun_names
from desa_app.core.store.database import open_database
from desa_app.core.store.facade import VillageStore

TODAY = date(2026, 11, 23)  # SOP year from 9 October: collection done, verification on


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Iterator[VillageStore]:
    path: Path = tmp_path_factory.mktemp("programme") / "desa.sqlite3"
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(auth, "SCRYPT_N", 2**8)
        build_demo_village(path, 120, seed=3, today=TODAY)
        village = VillageStore(open_database(path))
        yield village
        village.close(backup=False)


def test_agents_meet_the_programme_rules(store: VillageStore) -> None:
    admin = store.users.authenticate("admin", DEMO_PASSWORD)
    agents = store.desa_cantik.list_agents(admin)
    assert len(agents) == 3 and any(a.aparat for a in agents)
    assert all(rule.ok for rule in store.desa_cantik.agent_rules(admin))


def test_activities_are_in_the_past_and_of_every_kind(store: VillageStore) -> None:
    admin = store.users.authenticate("admin", DEMO_PASSWORD)
    activities = store.desa_cantik.list_activities(admin)
    assert {a.kind for a in activities} == {"koordinasi", "sosialisasi", "pembinaan", "monev"}
    assert all(a.activity_date <= TODAY for a in activities)


def test_sop_is_under_way_with_one_late_step(store: VillageStore) -> None:
    admin = store.users.authenticate("admin", DEMO_PASSWORD)
    steps = {s.key: s for s in store.sop.steps(admin, 2026)}
    assert steps["sk_tim"].planned_start == date(2026, 10, 9)
    assert steps["pendataan"].days_late == 4
    assert steps["sk_tim"].days_late == steps["rapat_persiapan"].days_late == 0
    assert steps["verifikasi_entri"].actual_start is not None
    assert steps["verifikasi_entri"].actual_end is None
    assert steps["laporan_kegiatan"].actual_start is None
    done = [s for s in steps.values() if s.actual_end is not None]
    for before, after in pairwise(done):
        assert before.actual_end is not None and after.actual_start is not None
        assert after.actual_start >= before.actual_end


def test_targets_cover_every_dusun_above_what_was_collected(store: VillageStore) -> None:
    admin = store.users.authenticate("admin", DEMO_PASSWORD)
    targets = {t.dusun: t.households for t in store.targets.targets(admin)}
    assert set(targets) == set(store.queries.dusun_names(admin))
    counts = store.queries.status_counts(admin)
    assert sum(targets.values()) > sum(counts.values())


def test_pembina_visit_with_one_follow_up_open(store: VillageStore) -> None:
    pembina = store.users.authenticate("bps1", DEMO_PASSWORD)
    (visit,) = store.pembina.visits(pembina)
    assert [f.done for f in visit.follow_ups] == [False, True]
    assert len(store.pembina.open_follow_ups(pembina)) == 1
    assert [n.resolved for n in store.pembina.village_notes(pembina)] == [False]


def test_audit_chain_is_whole(store: VillageStore) -> None:
    admin = store.users.authenticate("admin", DEMO_PASSWORD)
    report = store.audit_report(admin)
    assert report.ok


def test_profil_records_of_this_year(store: VillageStore) -> None:
    """Potensi approved with DDK figures and one manual correction; Perkembangan a draft."""
    from desa_app.core.profil import refresh
    from desa_app.core.profil.service import Profil
    from desa_app.core.workflow import Status

    agen = store.users.authenticate("agen1", DEMO_PASSWORD)
    rows = {row.instrument_id: row for row in Profil(store).rows(agen)}
    assert rows["potensi"].year == rows["perkembangan"].year == str(TODAY.year)
    assert rows["potensi"].status is Status.VERIFIED and rows["potensi"].errors == 0
    assert rows["perkembangan"].status is Status.DRAFT
    for row in rows.values():
        state = store.records.form_state(agen, row.record_id)
        origins = [refresh.origin(state, name) for name in refresh.applied_values(state)]
        assert origins.count(refresh.Origin.DDK) > 20
        assert refresh.last_refresh(state)["keluarga"] > 0
    potensi = store.records.form_state(agen, rows["potensi"].record_id)
    origins = [refresh.origin(potensi, name) for name in refresh.applied_values(potensi)]
    assert origins.count(refresh.Origin.MANUAL) == 1
    assert potensi.value("t03000") == potensi.value("t01011a") == 412.5  # uses add up


def test_the_village_keeps_its_dusun_list(store: VillageStore) -> None:
    admin = store.users.authenticate("admin", DEMO_PASSWORD)
    saved = store.saved_dusun_names()
    assert sorted(saved) == sorted(village_dusun_names("35.01.01.2001", seed=3))
    assert len(saved) >= 3 and "Krajan" in saved  # a Javanese desa
    # every dusun the households were written with is in the saved list
    assert set(store.queries.dusun_names(admin)) <= set(saved)
    assert store.dusun_names() == saved
