"""The pembina's village notes, visits and follow-ups, and who may write them."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import func, select

from desa_app.core import errors as E
from desa_app.core.store.desa_cantik import DesaCantik
from desa_app.core.store.models import AuditEvent, FollowUp, Visit
from desa_app.core.store.pembina import Pembina
from desa_app.core.workflow import Role

from .attachment_files import PDF, Operation, write
from .conftest import Village, assert_only

TODAY = date(2026, 11, 23)  # the FakeClock's day


def service(village: Village) -> Pembina:
    return Pembina(village.store.db, village.clock)


def test_village_notes_are_only_resolved(village: Village) -> None:
    pembina = service(village)
    first = pembina.add_village_note(village.pembina, "  SK Tim belum ditandatangani. ")
    second = pembina.add_village_note(village.admin, "Jadwal rapat persiapan?")
    with pytest.raises(E.InvalidInput, match="Catatan wajib diisi"):
        pembina.add_village_note(village.pembina, " ")
    pembina.resolve_village_note(village.verifier, first)
    with pytest.raises(E.WorkflowError, match="sudah"):
        pembina.resolve_village_note(village.admin, first)
    notes = pembina.village_notes(village.viewer)
    assert [n.id for n in notes] == [second, first]  # open ones first
    done = notes[1]
    assert done.text == "SK Tim belum ditandatangani." and done.resolved
    assert (done.author_name, done.resolved_by) == ("Bps1", village.verifier.id)
    with pytest.raises(E.NotFound):
        pembina.resolve_village_note(village.admin, 999)


def test_visits_with_follow_ups_newest_first(village: Village) -> None:
    pembina = service(village)
    older = pembina.add_visit(village.pembina, date(2026, 9, 1), "Persiapan pendataan",
                              "Kepala Desa, Sekdes", [("Kirim SK Tim", date(2026, 9, 15)),
                                                      ("Jadwal rapat", None)])
    newer = pembina.add_visit(village.admin, date(2026, 11, 2), "Monev entri", "Operator",
                              [])
    visits = pembina.visits(village.viewer)
    assert [v.id for v in visits] == [newer, older]
    assert visits[0].follow_ups == ()
    follow = visits[1].follow_ups
    assert [f.text for f in follow] == ["Kirim SK Tim", "Jadwal rapat"]
    assert follow[0].overdue and not follow[1].overdue and not follow[0].done
    extra = pembina.add_follow_up(village.pembina, newer, "Cek NIK ganda", date(2026, 12, 1))
    assert [f.id for f in pembina.open_follow_ups(village.viewer)] == [
        follow[0].id, extra, follow[1].id]  # soonest due first, no due date last


def test_marking_follow_ups_done_and_open_again(village: Village) -> None:
    pembina = service(village)
    visit = pembina.add_visit(village.pembina, date(2026, 11, 1), "Monev", "",
                              [("Perbaiki data RT 3", date(2026, 11, 10))])
    (follow,) = pembina.open_follow_ups(village.pembina)
    assert follow.overdue
    pembina.mark_follow_up(village.pembina, follow.id, True)
    assert pembina.open_follow_ups(village.pembina) == []
    (done,) = pembina.visits(village.pembina)[0].follow_ups
    assert done.done and done.done_by == village.pembina.id and not done.overdue
    pembina.mark_follow_up(village.pembina, follow.id, True)  # already so: no event
    pembina.mark_follow_up(village.admin, follow.id, False)
    assert [f.id for f in pembina.open_follow_ups(village.admin)] == [follow.id]
    with village.store.db.read() as session:
        actions = session.execute(select(AuditEvent.action).where(
            AuditEvent.entity == "follow_up").order_by(AuditEvent.id)).scalars().all()
    assert actions == ["follow_up.add", "follow_up.done", "follow_up.reopen"]
    with pytest.raises(E.NotFound):
        pembina.add_follow_up(village.pembina, visit + 1, "x")


@pytest.mark.parametrize(("args", "message"), [
    ((date(2026, 11, 24), "Monev", "", []), "hari ini"),
    ((TODAY, "  ", "", []), "Topik kunjungan wajib diisi"),
    ((TODAY, "Monev", "", [("", None)]), "Tindak lanjut wajib diisi"),
    ((TODAY, "Monev", "", [("Cek", date(2026, 11, 1))]), "sebelum tanggal kunjungan"),
])
def test_invalid_visits_leave_nothing(village: Village, args: tuple[object, ...],
                                      message: str) -> None:
    with village.store.db.read() as session:
        events = session.execute(select(func.count()).select_from(AuditEvent)).scalar_one()
    with pytest.raises(E.InvalidInput, match=message):
        service(village).add_visit(village.pembina, *args)  # type: ignore[arg-type]
    with village.store.db.read() as session:
        assert session.execute(select(func.count()).select_from(Visit)).scalar_one() == 0
        assert session.execute(select(func.count()).select_from(FollowUp)).scalar_one() == 0
        assert session.execute(
            select(func.count()).select_from(AuditEvent)).scalar_one() == events


def test_visit_attachments_follow_manage_visits(village: Village, tmp_path: Path) -> None:
    visit = service(village).add_visit(village.pembina, TODAY, "Monev", "", [])
    desa = DesaCantik(village.store.db, village.clock)
    desa.add_attachment(village.pembina, "visit", visit, write(tmp_path, "foto.pdf", PDF))
    with pytest.raises(E.PermissionDenied):
        desa.add_attachment(village.enumerator, "visit", visit, write(tmp_path, "b.pdf", PDF))
    assert len(desa.attachments(village.viewer, "visit", visit)) == 1


def _visit(v: Village) -> int:
    return service(v).add_visit(v.admin, TODAY, "Monev", "", [("Cek", None)])


def _follow_up(v: Village) -> int:
    return service(v).add_follow_up(v.admin, _visit(v), "Cek lagi")


WRITERS = {Role.ADMIN, Role.ENUMERATOR, Role.VERIFIER, Role.PEMBINA}
OPERATIONS: dict[str, tuple[Operation, set[Role]]] = {
    "add_village_note": (lambda v, a, t: service(v).add_village_note(a, "Catatan"), WRITERS),
    "resolve_village_note": (lambda v, a, t: service(v).resolve_village_note(
        a, service(v).add_village_note(v.pembina, "x")),
        {Role.ADMIN, Role.ENUMERATOR, Role.VERIFIER}),
    "village_notes": (lambda v, a, t: service(v).village_notes(a), set(Role)),
    "add_visit": (lambda v, a, t: service(v).add_visit(a, TODAY, "Monev", "", []),
                  {Role.ADMIN, Role.PEMBINA}),
    "add_follow_up": (lambda v, a, t: service(v).add_follow_up(a, _visit(v), "Cek"),
                      {Role.ADMIN, Role.PEMBINA}),
    "mark_follow_up": (lambda v, a, t: service(v).mark_follow_up(a, _follow_up(v), True),
                       {Role.ADMIN, Role.PEMBINA}),
    "visits": (lambda v, a, t: service(v).visits(a), set(Role)),
    "open_follow_ups": (lambda v, a, t: service(v).open_follow_ups(a), set(Role)),
}


@pytest.mark.parametrize("name", OPERATIONS)
def test_permissions(village: Village, tmp_path: Path, name: str) -> None:
    operation, allowed = OPERATIONS[name]
    assert_only(village, allowed, lambda actor: operation(village, actor, tmp_path))
