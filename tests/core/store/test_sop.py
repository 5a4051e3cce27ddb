"""The SOP as data, the year's schedule with lateness, output documents, and targets."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import pytest
from sqlalchemy import func, select

from desa_app.core import errors as E
from desa_app.core import sop
from desa_app.core.store.desa_cantik import DesaCantik
from desa_app.core.store.models import SopStep
from desa_app.core.store.sop_tracker import SopTracker, Targets
from desa_app.core.workflow import Role

from .attachment_files import PDF, Operation, png_bytes, write
from .conftest import Village, assert_only

KEYS = ["sk_tim", "rapat_persiapan", "pendataan", "serah_terima", "verifikasi_entri",
        "laporan_kegiatan", "laporan_kadis", "rapat_penutupan"]


def tracker(village: Village) -> SopTracker:
    return SopTracker(village.store.db, village.clock)


def stored_steps(village: Village) -> int:
    with village.store.db.read() as session:
        return session.execute(select(func.count()).select_from(SopStep)).scalar_one()


# -- the SOP as data --------------------------------------------------------------------------
def test_steps_are_in_sop_order_with_outputs() -> None:
    assert [s.key for s in sop.STEPS] == KEYS
    assert sop.step("sk_tim").output == "SK Tim"
    assert sop.step("rapat_penutupan").output == "Notulen rapat penutupan"
    assert sop.step("sk_tim").duration_text == "penyusunan draf 1 hari, pemeriksaan 3 jam"
    assert all(len(s.key) <= 40 and s.label and s.output for s in sop.STEPS)


def test_plan_lays_steps_end_to_end_in_calendar_days() -> None:
    planned = [(s.key, first, last) for s, first, last in sop.plan(date(2027, 1, 4))]
    assert planned == [
        ("sk_tim", date(2027, 1, 4), date(2027, 1, 5)),  # 1 day + 3 hours → 2 days
        ("rapat_persiapan", date(2027, 1, 6), date(2027, 1, 6)),
        ("pendataan", date(2027, 1, 7), date(2027, 2, 6)),  # one calendar month
        ("serah_terima", date(2027, 2, 7), date(2027, 2, 7)),
        ("verifikasi_entri", date(2027, 2, 8), date(2027, 3, 7)),  # February: 28 days
        ("laporan_kegiatan", date(2027, 3, 8), date(2027, 3, 8)),
        ("laporan_kadis", date(2027, 3, 9), date(2027, 3, 9)),
        ("rapat_penutupan", date(2027, 3, 10), date(2027, 3, 10)),
    ]
    assert sop.add_months(date(2027, 1, 31), 1) == date(2027, 2, 28)


# -- the year's schedule ----------------------------------------------------------------------
def test_reading_an_unplanned_year_writes_nothing(village: Village) -> None:
    steps = tracker(village).steps(village.viewer, 2026)
    assert [s.key for s in steps] == KEYS
    assert all(s.id is None and s.planned_end is None and not s.late for s in steps)
    assert stored_steps(village) == 0


def test_plan_year_writes_the_standard_schedule(village: Village) -> None:
    steps = tracker(village).plan_year(village.admin, 2027, date(2027, 1, 4))
    expected = sop.plan(date(2027, 1, 4))
    assert [(s.key, s.planned_start, s.planned_end) for s in steps] == [
        (item.key, first, last) for item, first, last in expected]
    assert all(s.id is not None and s.actual_start is None for s in steps)
    assert stored_steps(village) == 8
    with pytest.raises(E.InvalidInput, match="tahun 2027"):
        tracker(village).plan_year(village.admin, 2027, date(2026, 12, 31))


def test_lateness_follows_the_clock(village: Village) -> None:
    sops = tracker(village)  # today is 23 Nov 2026
    sops.plan_year(village.admin, 2026, date(2026, 11, 20))  # sk_tim 20–21, rapat 22 Nov
    by_key = {s.key: s for s in sops.steps(village.viewer, 2026)}
    assert (by_key["sk_tim"].late, by_key["sk_tim"].days_late) == (True, 2)
    assert by_key["rapat_persiapan"].days_late == 1
    assert not by_key["pendataan"].late  # 23 Nov – 22 Dec: running
    done = sops.set_dates(village.admin, 2026, "sk_tim", actual_start=date(2026, 11, 20),
                          actual_end=date(2026, 11, 21), note="SK ditandatangani")
    assert not done.late and done.days_late == 0 and done.note == "SK ditandatangani"
    slow = sops.set_dates(village.admin, 2026, "rapat_persiapan", actual_end=date(2026, 11, 23))
    assert (slow.late, slow.days_late) == (True, 1)  # finished one day after plan
    village.clock.advance(days=30)  # 23 Dec: pendataan should have ended on 22 Dec
    pendataan = sops.step(village.viewer, 2026, "pendataan")
    assert (pendataan.late, pendataan.days_late) == (True, 1)
    assert not sops.step(village.viewer, 2026, "sk_tim").late  # finished on time, stays so


def test_set_dates_checks_and_clears(village: Village) -> None:
    sops = tracker(village)
    with pytest.raises(E.InvalidInput, match="hari ini"):
        sops.set_dates(village.admin, 2026, "pendataan", actual_start=date(2026, 12, 1))
    with pytest.raises(E.InvalidInput, match="sebelum"):
        sops.set_dates(village.admin, 2026, "pendataan", planned_start=date(2026, 10, 2),
                       planned_end=date(2026, 10, 1))
    with pytest.raises(E.InvalidInput, match="tidak dikenal"):
        sops.set_dates(village.admin, 2026, "pesta", note="x")
    assert stored_steps(village) == 0  # refused changes create no row either
    sops.set_dates(village.admin, 2026, "pendataan", planned_start=date(2026, 10, 1),
                   planned_end=date(2026, 10, 31))
    step = sops.set_dates(village.admin, 2026, "pendataan", planned_end=None)
    assert (step.planned_start, step.planned_end) == (date(2026, 10, 1), None)


def test_output_document_on_a_step(village: Village, tmp_path: Path) -> None:
    sops, desa = tracker(village), DesaCantik(village.store.db, village.clock)
    with pytest.raises(E.PermissionDenied):
        sops.attach_output(village.enumerator, 2026, "sk_tim", write(tmp_path, "sk.pdf", PDF))
    assert stored_steps(village) == 0
    info = sops.attach_output(village.admin, 2026, "sk_tim", write(tmp_path, "sk.pdf", PDF))
    step = sops.step(village.viewer, 2026, "sk_tim")
    assert (info.owner_kind, info.owner_id, step.documents) == ("sop_step", step.id, 1)
    assert step.id is not None
    desa.add_attachment(village.admin, "sop_step", step.id,
                        write(tmp_path, "foto.png", png_bytes()))
    assert [a.filename for a in desa.attachments(village.viewer, "sop_step", step.id)] == [
        "sk.pdf", "foto.png"]
    assert desa.attachment_content(village.viewer, info.id) == PDF


# -- targets ----------------------------------------------------------------------------------
def test_targets_per_dusun_and_rt(village: Village) -> None:
    targets = Targets(village.store.db, village.clock)
    whole = targets.set_target(village.admin, " Krajan ", "", 120)
    rt = targets.set_target(village.admin, "Krajan", "2", 40)
    assert (whole.rt, rt.rt) == ("", "002")  # as the form writes RT numbers
    again = targets.set_target(village.admin, "Krajan", "002", 45)
    assert again.id == rt.id and again.households == 45
    assert [(t.dusun, t.rt, t.households) for t in targets.targets(village.viewer)] == [
        ("Krajan", "", 120), ("Krajan", "002", 45)]
    for households in (0, -3, True, 2.5):
        with pytest.raises(E.InvalidInput, match="bilangan bulat positif"):
            targets.set_target(village.admin, "Krajan", "", households)  # type: ignore[arg-type]
    with pytest.raises(E.InvalidInput, match="RT"):
        targets.set_target(village.admin, "Krajan", "RT 5", 10)
    with pytest.raises(E.InvalidInput, match="dusun"):
        targets.set_target(village.admin, " ", "", 10)
    targets.remove_target(village.admin, "Krajan", "2")
    assert len(targets.targets(village.admin)) == 1
    with pytest.raises(E.NotFound):
        targets.remove_target(village.admin, "Krajan", "2")


# -- permissions ------------------------------------------------------------------------------
def _targets(v: Village) -> Targets:
    return Targets(v.store.db, v.clock)


OPERATIONS: dict[str, tuple[Operation, set[Role]]] = {
    "steps": (lambda v, a, t: tracker(v).steps(a, 2026), set(Role)),
    "plan_year": (lambda v, a, t: tracker(v).plan_year(a, 2026, date(2026, 9, 1)),
                  {Role.ADMIN}),
    "set_dates": (lambda v, a, t: tracker(v).set_dates(
        a, 2026, "pendataan", actual_start=date(2026, 9, 4)), {Role.ADMIN}),
    "attach_output": (lambda v, a, t: tracker(v).attach_output(
        a, 2026, "sk_tim", write(t, "sk.png", png_bytes())),
        {Role.ADMIN}),
    "set_target": (lambda v, a, t: _targets(v).set_target(a, "Krajan", "", 100 + a.id),
                   {Role.ADMIN}),
    "remove_target": (lambda v, a, t: _targets(v).remove_target(
        a, "Krajan", _targets(v).set_target(v.admin, "Krajan", "1", 5).rt), {Role.ADMIN}),
    "targets": (lambda v, a, t: _targets(v).targets(a), set(Role)),
}


@pytest.mark.parametrize("name", OPERATIONS)
def test_permissions(village: Village, tmp_path: Path, name: str) -> None:
    operation, allowed = OPERATIONS[name]
    assert_only(village, allowed, lambda actor: operation(village, actor, tmp_path))


def test_replanning_keeps_actual_dates(village: Village) -> None:
    """Re-planning moves planned dates only; actual dates typed earlier stay."""
    sops = tracker(village)
    sops.plan_year(village.admin, 2026, date(2026, 9, 1))
    sops.set_dates(village.admin, 2026, "sk_tim", actual_end=date(2026, 9, 3))
    moved = sops.plan_year(village.admin, 2026, date(2026, 9, 8))[0]
    assert moved.planned_start == date(2026, 9, 1) + timedelta(days=7)
    assert moved.actual_end == date(2026, 9, 3) and not moved.late
